import Content
import Testing
@testable import TUI

/// In a folder the link panes name their node after its article; a title bar too narrow for
/// both names the node alone, as the reader's title bar names the article (QA 35: cut at the
/// end, "3 Cross-links: General strike › Seattle…" kept the article and lost the node).
@Suite("Link pane titles in a folder")
struct FolderPaneTitleTests {
    static let model: LinkedArticle = {
        let text = """
            = General strike =
            The Seattle General Strike of 1919 lasted five days.

            == Notable examples ==
            - Seattle General Strike – 1919.

            == See also ==
            - Mass strike
            """
        do { return try LinkedArticle(article: ArticleParser().parse(text, path: "general-strike.txt")) } catch { fatalError("\(error)") }
    }()

    /// The title rows of the screen at `width`×40 with the example selected in the reader.
    static func titleRow(width: Int, folder: Bool) -> String {
        let explorer = Explorer(model: model, neighbours: folder ? Neighbours(titles: ["General strike", "Mass strike"]) : Neighbours())
        var state = explorer.initialState(size: Size(width: width, height: 40))
        state = explorer.update(state, .follow(.node("example:seattle-general-strike", in: model)!))
        return String(explorer.render(state).text.split(separator: "\n").first ?? "")
    }

    @Test("Wide, the node after its article; narrow, the node's whole name before the article's")
    func nodeBeforeArticle() {
        let wide = Self.titleRow(width: 200, folder: true)
        #expect(wide.contains("Cross-links: General strike › Seattle General Strike"), "\(wide)")
        let narrow = Self.titleRow(width: 120, folder: true)
        #expect(narrow.contains("Cross-links: Seattle General Strike"), "\(narrow)")
        #expect(!narrow.contains("General strike › Seattle…"), "\(narrow)")
        // Alone, an article's panes name the node only, as before.
        #expect(Self.titleRow(width: 120, folder: false).contains("Cross-links: Seattle General Strike"))
    }
}
