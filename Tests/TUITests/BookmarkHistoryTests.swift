import Content
import ExplorerTestSupport
import Foundation
import Testing
@testable import TUI

/// Back and forward restore the Bookmarks pane as they restore the other panes: its
/// selection and scroll are part of the view. QA: in a folder, `5` `j j` `Enter` to a bookmark
/// of another article, there `5` `j j` `H`: the first article came back with the Bookmarks
/// pane focused and its selection on the first row; `L` reset it too.
@MainActor
@Suite("Back and forward in the Bookmarks pane")
struct BookmarkHistoryTests {
    static let otherModel: LinkedArticle = {
        // As many sections as Dual power, so that its bookmarks name sections here too.
        var text = "= Other =\n\nThe lead.\n\n"
        for number in 1...9 { text += "== Part \(number) ==\n\nParagraph \(number) of the other article.\n\n" }
        do { return try LinkedArticle(article: ArticleParser().parse(text, path: "other.txt")) } catch { fatalError("\(error)") }
    }()

    let service = FakeBookmarks()

    /// Bookmarks on every heading of Dual power (nine, newest first: more than the pane
    /// shows at 120×30), Dual power open with the pane focused.
    func started(folder: Bool) -> (runner: ExplorerSession, state: AppState) {
        service.marks = (1...9).map { FakeBookmarks.Mark(id: Int64($0), section: $0, item: nil) }
        let titles = folder ? [bundledModel.article.title, Self.otherModel.article.title] : []
        let other = Explorer(model: Self.otherModel, bookmarks: true, neighbours: Neighbours(titles: titles))
        let dualPower = Explorer(model: bundledModel, bookmarks: true,
                                 neighbours: Neighbours(seeAlso: folder ? ["see-also:diarchy": "Other"] : [:], titles: titles))
        let runner = ExplorerSession(explorer: dualPower, service: service) { $0 == "Other" ? other : nil }
        let state = runner.startUp(dualPower.initialState(size: Size(width: 120, height: 30)), start: nil, restore: true)
        return (runner, press(runner, state, "5"))
    }

    func press(_ runner: ExplorerSession, _ state: AppState, _ keys: String) -> AppState {
        keys.reduce(state) { runner.apply(runner.explorer.action(for: .key(.character($1)), in: $0), to: $0) }
    }

    /// The selected bookmark's heading, as the pane shows it.
    func selectedPath(_ state: AppState) -> String? {
        state.bookmarks[safe: state.bookmarkList.selection / 2]?.path
    }

    @Test func inOneArticle() throws {
        var (runner, state) = started(folder: false)
        // The last bookmark, scrolled to, then followed: Background (the oldest).
        state = press(runner, state, "G")
        let left = state.bookmarkList
        #expect(left.top > 0, "the pane scrolled")
        state = runner.apply(runner.explorer.action(for: .key(.enter), in: state), to: state)
        #expect(runner.explorer.currentSection(state) == 1)
        state = press(runner, state, "gj")
        let arrived = state.bookmarkList

        state = press(runner, state, "H")
        #expect(state.focus == .bookmarks)
        #expect(state.bookmarkList == left)
        #expect(selectedPath(state) == "Background")
        state = press(runner, state, "L")
        #expect(state.bookmarkList == arrived)
    }

    @Test func acrossTheArticlesOfAFolder() throws {
        var (runner, state) = started(folder: true)
        state = press(runner, state, "jj")
        let left = state.bookmarkList
        let leftPath = selectedPath(state)
        // To the other article, with the Bookmarks pane still focused.
        state = runner.apply(.follow(.card("see-also:diarchy")), to: state)
        #expect(runner.explorer.model.article.title == "Other")
        state = press(runner, state, "5gjjj")
        let arrived = state.bookmarkList

        state = press(runner, state, "H")
        #expect(runner.explorer.model.article.title == "Dual power")
        #expect(state.focus == .bookmarks)
        #expect(state.bookmarkList == left)
        #expect(selectedPath(state) == leftPath)
        state = press(runner, state, "L")
        #expect(runner.explorer.model.article.title == "Other")
        #expect(state.bookmarkList == arrived)
    }

    /// A session saved before views kept the Bookmarks pane still restores, with the pane at its top.
    @Test func aSessionSavedBeforeStillDecodes() throws {
        let (runner, state) = started(folder: false)
        let saved = SessionRecord(view: runner.explorer.snapshot(press(runner, state, "G")), history: History())
        var object = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(saved)) as? [String: Any])
        var view = try #require(object["view"] as? [String: Any])
        view["bookmarkList"] = nil
        object["view"] = view
        let decoded = try JSONDecoder().decode(SessionRecord.self, from: JSONSerialization.data(withJSONObject: object))
        #expect(decoded.view.bookmarkList == ListState())
        #expect(decoded.view.reader == saved.view.reader)
    }
}
