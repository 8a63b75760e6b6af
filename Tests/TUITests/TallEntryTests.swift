import Content
import Testing
@testable import TUI

/// At 40×12 a curated rationale of twelve rows ran past the cross-links pane: cut without an
/// "…", the rest unreachable (the list pages from entry to entry), and the group's heading
/// never shown (QA 30). An entry's detail is bounded by the pane's height too.
@Suite("An entry taller than its pane")
struct TallEntryTests {
    static let model: LinkedArticle = {
        let words = (0..<150).map { String(format: "reason%02d", $0) }.joined(separator: " ") + " ENDMARK"
        let text = "= Tall =\n\nThe lead mentions Alpha and Beta.\n\n== Body ==\n\nBody text mentions Gamma.\n\n== See also ==\n\n- Alpha\n- Beta\n- Gamma\n"
        let links = """
            article = "Tall"

            [[link]]
            from = "see-also: Alpha"
            to = "section: (lead)"
            type = "related"
            rationale = "\(words)"
            """
        return try! LinkedArticle(article: ArticleParser().parse(text, path: "t.txt"), annotations: (links, "t.links.toml"))
    }()

    @Test func theRationaleIsCutToThePaneWithAnEllipsis() throws {
        let explorer = Explorer(model: Self.model)
        let state = explorer.press(explorer.initialState(size: Size(width: 40, height: 12)), .character("3"))
        #expect(state.focus == .crossLinks)
        let screen = explorer.render(state).text
        let height = explorer.contentHeight(of: .crossLinks, state)
        let layout = explorer.laidOutRows(of: .crossLinks, state).layout
        // No entry is taller than the pane, less the row of its group's heading.
        for row in layout.rowStart.indices {
            let end = row + 1 < layout.rowStart.count ? layout.rowStart[row + 1] : layout.lines.count
            #expect(end - layout.rowStart[row] <= height - 1)
        }
        #expect(screen.contains("…"), "\(screen)")
        #expect(!screen.contains("ENDMARK"))
    }
}
