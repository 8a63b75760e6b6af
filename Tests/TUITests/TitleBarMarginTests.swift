import Content
import Testing
@testable import TUI

/// A pane's title cut with "…" keeps a space before the separator that follows it, as the
/// side panes' titles keep one after it: the reader's ran into it (QA 23: `does not fi…│`).
@Suite("Title bars beside a separator")
struct TitleBarMarginTests {
    @Test("The reader's cut title keeps its space before the separator")
    func cutTitleKeepsItsSpace() throws {
        let title = "A title long enough that the reader pane's title bar does not fit it whole at all"
        let model = try LinkedArticle(article: ArticleParser().parse("= \(title) =\n\nText.\n\n== See also ==\n- Other\n"))
        let explorer = Explorer(model: model)
        let state = explorer.initialState(size: Size(width: 120, height: 40))
        let reader = try #require(state.layout.rect(of: .reader))
        try #require(reader.x + reader.width < 120, "a separator follows the reader")
        let row = Array(explorer.render(state).row(0))
        let bar = String(row[reader.x..<(reader.x + reader.width)])
        #expect(bar.hasPrefix(" 2 A title") && bar.contains("…") && bar.hasSuffix(" "), "\(bar)")
        #expect(row[reader.x + reader.width] == "│")
    }
}
