import Content
import ExplorerTestSupport
import Foundation
import Testing
@testable import TUI

/// The Bookmarks pane shows two rows per bookmark (where it is, then its note and date): its
/// view starts at a bookmark's first row, never at the second row of one above it, as lazygit
/// and mutt keep multi-line entries whole at the top (QA: with 17 bookmarks, `'` showed
/// "Fresnel lens · 2026-11-26 23:35" alone at the top of the pane).
@MainActor
@Suite("The Bookmarks pane keeps bookmarks whole at its top")
struct BookmarkPaneScrollTests {
    let explorer = Explorer(model: bundledModel, bookmarks: true)

    func press(_ runner: ExplorerSession, _ state: AppState, _ keys: [Key]) -> AppState {
        keys.reduce(state) { runner.apply(explorer.action(for: .key($1), in: $0), to: $0) }
    }

    /// 17 bookmarks of the bundled article's sections, the pane focused, on a `width`×`height` screen.
    func seventeen(width: Int, height: Int) -> (ExplorerSession, AppState) {
        let service = FakeBookmarks()
        service.marks = (1...17).map { FakeBookmarks.Mark(id: Int64($0), section: $0 % bundledModel.article.sections.count, item: nil) }
        let runner = ExplorerSession(explorer: explorer, service: service)
        let state = runner.startUp(explorer.initialState(size: Size(width: width, height: height)), start: .section(3), restore: true)
        return (runner, press(runner, state, [.character("'")]))
    }

    /// The first row of the Bookmarks pane's list, under its title.
    func firstRow(_ state: AppState) throws -> String {
        let rect = try #require(state.layout.rect(of: .bookmarks))
        let row = explorer.render(state).row(rect.y + 1)
        return String(Array(row).dropFirst(rect.x).prefix(rect.width))
    }

    /// What is wrong at the top of the pane: nil when it starts with a bookmark's first row.
    func halfAtTop(_ state: AppState, _ what: String) throws -> String? {
        let row = try firstRow(state)
        return row.trimmingCharacters(in: .whitespaces).hasPrefix("★") ? nil : "\(what): “\(row)”"
    }

    /// Every bookmark selected in turn, from the last up and back down, at heights where the pane
    /// holds an odd number of rows and an even one.
    @Test(arguments: [24, 25, 40, 41])
    func everySelectionShowsWholeBookmarksAtTheTop(height: Int) throws {
        let (runner, start) = seventeen(width: 120, height: height)
        var state = press(runner, start, [.character("G")])
        var halves = [try halfAtTop(state, "G")]
        for step in 1...16 {
            state = press(runner, state, [.character("k")])
            halves.append(try halfAtTop(state, "G then k ×\(step)"))
        }
        for step in 1...16 {
            state = press(runner, state, [.character("j")])
            halves.append(try halfAtTop(state, "g then j ×\(step)"))
        }
        #expect(halves.compactMap { $0 } == [])
    }

    /// A resize re-lays the pane out: its top stays on a bookmark's first row, and the selection
    /// stays in view.
    @Test func aResizeKeepsWholeBookmarksAtTheTop() throws {
        let (runner, start) = seventeen(width: 120, height: 40)
        var state = press(runner, start, [.character("G")])
        let last = try #require(explorer.selectedBookmark(state))
        var halves: [String?] = []
        for height in [33, 27, 41, 30, 25, 44] {
            state = runner.apply(.resize(Size(width: 120, height: height)), to: state)
            halves.append(try halfAtTop(state, "resized to 120×\(height)"))
            #expect(explorer.selectedBookmark(state) == last)
            #expect(explorer.render(state).text.contains("★ " + last.path), "the selection in view at 120×\(height)")
        }
        #expect(halves.compactMap { $0 } == [])
    }
}
