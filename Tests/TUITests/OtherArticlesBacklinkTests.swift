import Content
import ExplorerTestSupport
import Foundation
import Testing
@testable import TUI

/// A folder's "Other articles" backlink opens the other article where it names this one: at
/// its See-also entry, selected, as a link in lynx or info lands on the line that refers.
/// (It opened the other article at its top, a screenful or more away from that entry.)
@MainActor
@Suite("Following a backlink from another article")
struct OtherArticlesBacklinkTests {
    /// A long article whose See-also list, at its end, names Dual power among others.
    static let referring: LinkedArticle = {
        var text = "= Referring =\n\n"
        for number in 1...40 { text += "Paragraph \(number) of the referring article.\n\n" }
        text += "== See also ==\n- Anarchism\n- Dual power\n- Diarchy\n"
        do { return try LinkedArticle(article: ArticleParser().parse(text, path: "referring.txt")) } catch { fatalError("\(error)") }
    }()

    let size = Size(width: 120, height: 40)

    func session() -> ExplorerSession {
        let titles = [bundledModel.article.title, "Referring"]
        let referring = Explorer(model: Self.referring, bookmarks: true,
                                 neighbours: Neighbours(seeAlso: ["see-also:dual-power": "Dual power"], titles: titles))
        let dualPower = Explorer(model: bundledModel, bookmarks: true,
                                 neighbours: Neighbours(incoming: [(article: "Referring", topic: "Dual power")], titles: titles))
        return ExplorerSession(explorer: dualPower, service: FakeBookmarks()) { $0 == "Referring" ? referring : nil }
    }

    func press(_ runner: ExplorerSession, _ state: AppState, _ keys: Key...) -> AppState {
        keys.reduce(state) { runner.apply(runner.explorer.action(for: .key($1), in: $0), to: $0) }
    }

    /// Under "Other articles", in the backlinks of one of its topics, the articles listing
    /// this one read as listing that topic (QA 16a): the heading names the article.
    @Test func theirHeadingNamesTheArticleTheyList() {
        let rows = PaneRows.backlinks(bundledModel, node: "strategy:municipalism", incoming: [(article: "Referring", topic: "Dual power")])
        let text = rows.map { $0.spans.map(\.text).joined() }
        #expect(text.contains("Articles listing Dual power (1)"), "\(text)")
        #expect(!text.contains { $0.hasPrefix("Other articles") })
    }

    @Test func itOpensTheOtherArticleAtTheEntryThatNamesThisOne() throws {
        let runner = session()
        var state = runner.startUp(runner.explorer.initialState(size: size), start: .section(5), restore: true)
        // The backlinks pane's last row: "← Referring", under "Other articles".
        state = press(runner, state, .character("4"), .character("G"))
        let left = (reader: state.reader, backlinks: state.backlinks)
        #expect(runner.explorer.selectedRowTarget(state) != nil)
        state = press(runner, state, .enter)

        let explorer = runner.explorer
        #expect(explorer.model.article.title == "Referring")
        let selected = try #require(state.reader.selectedReference, "the entry is selected")
        let document = explorer.layouts.document(.article)
        #expect(document.references[selected].target == .card("see-also:dual-power"))
        let layout = explorer.readerLayout(state)
        let top = explorer.readerTopLine(state)
        #expect((top..<(top + explorer.readerTextRect(state).height)).contains(layout.referenceLine[selected]), "and on screen")
        #expect(top > 0, "not the article's top")
        #expect(explorer.render(state).text.contains("Dual power[2]"))

        // Back returns to where the backlink was followed.
        state = press(runner, state, .character("H"))
        #expect(runner.explorer.model.article.title == "Dual power")
        #expect(state.reader == left.reader)
        #expect(state.focus == .backlinks && state.backlinks == left.backlinks)
    }

    /// An entry the other article no longer has (its file edited since the folder was
    /// indexed): it opens at its top, and says why.
    @Test func anEntryThatIsGoneOpensTheArticleAtItsTopAndSaysSo() {
        let referring = Explorer(model: Self.referring, bookmarks: true)
        let dualPower = Explorer(model: bundledModel, bookmarks: true,
                                 neighbours: Neighbours(incoming: [(article: "Referring", topic: "Dual powers")],
                                                        titles: [bundledModel.article.title, "Referring"]))
        let runner = ExplorerSession(explorer: dualPower, service: FakeBookmarks()) { $0 == "Referring" ? referring : nil }
        var state = runner.startUp(dualPower.initialState(size: size), start: nil, restore: true)
        state = press(runner, state, .character("4"), .character("G"), .enter)
        #expect(runner.explorer.model.article.title == "Referring")
        #expect(runner.explorer.readerTopLine(state) == 0)
        #expect(state.notice == "“Referring” no longer lists “Dual powers” in its See also.")
    }
}
