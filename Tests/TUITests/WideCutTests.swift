import Content
import Testing
@testable import TUI

/// A row cut before a wide character ends in "…" right after its text (QA 10a: the "…" went
/// to the pane's last column, over the second half of the last wide character, leaving a
/// gap: "東京都庁舎渋谷新 …").
@Suite("Cut rows with wide characters")
struct WideCutTests {
    @Test func theEllipsisFollowsTheTextInTheOutlineAndTheFinder() throws {
        let text = """
            = 切り詰め =
            リード。

            == 東京都庁舎渋谷新宿池袋上野浅草 ==
            本文。

            == a東京都庁舎渋谷新宿池袋上野浅草 ==
            本文。
            """
        let explorer = makeExplorer(try LinkedArticle(article: ArticleParser().parse(text, path: "cut.txt")))
        let state = explorer.initialState(size: Size(width: 120, height: 40))
        let rows = explorer.render(state).text.split(separator: "\n").map(String.init)
        // The outline's rows: the text before the first border.
        let outline = rows.compactMap { $0.split(separator: "│", omittingEmptySubsequences: false).first }
            .filter { $0.contains("東京都庁舎") }
        #expect(outline.count == 2)
        #expect(outline.allSatisfy { $0.contains("…") && !$0.contains(" …") }, "\(outline)")
        var finder = explorer.update(state, .command(.goTo))
        finder = "東京".reduce(finder) { explorer.update($0, explorer.action(for: .key(.character($1)), in: $0)) }
        let narrow = explorer.update(finder, .resize(Size(width: 44, height: 20)))
        let finderRows = explorer.render(narrow).text.split(separator: "\n").filter { $0.contains("東京都") }
        #expect(!finderRows.isEmpty)
        #expect(finderRows.allSatisfy { !$0.contains(" …") && $0.contains("…") }, "\(finderRows)")
    }
}
