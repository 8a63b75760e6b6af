import Content
import ExplorerTestSupport
import Foundation
import Testing
@testable import TUI

/// Messages that name a key name the one the keymap binds (config.toml can remap any), and
/// say nothing of a key when the command has none.
@MainActor
@Suite("Keys named in messages")
struct RemappedKeyMessagesTests {
    /// The standard keymap with `changes` applied (an empty list unbinds the command).
    static func keymap(_ changes: [Command: [Key]]) -> KeyMap {
        KeyMap(bindings: KeyMap.standard.bindings.map { KeyMap.Binding($0.command, changes[$0.command] ?? $0.keys) })
    }

    static let remapped = keymap([
        .deleteBookmark: [.character("x")], .focusBookmarks: [.character("w")], .nextReference: [.character("t")],
        .search: [.character("s")], .searchNext: [.character("f")], .searchPrevious: [.character("F")],
        .toggleBookmark: [.character("a")], .undoDelete: [.character("U")], .closeOverlay: [.character("c")],
        .help: [.function(2)], .quit: [.character("Q")],
    ])

    static let unbound = keymap([.deleteBookmark: [], .nextReference: [], .undoDelete: [], .search: [],
                                 .searchPrevious: [], .focusBookmarks: [], .closeOverlay: [], .toggleBookmark: []])

    let size = Size(width: 120, height: 40)

    func press(_ explorer: Explorer, _ state: AppState, _ keys: Key...) -> AppState {
        keys.reduce(state) { explorer.update($0, explorer.action(for: .key($1), in: $0)) }
    }

    func type(_ explorer: Explorer, _ state: AppState, _ text: String) -> AppState {
        text.reduce(state) { press(explorer, $0, .character($1)) }
    }

    /// The words a pane shows, in order, whatever their wrapping.
    func words(of pane: PaneID, _ explorer: Explorer, _ state: AppState) throws -> String {
        let rect = try #require(state.layout.rect(of: pane))
        let screen = explorer.render(state)
        return (rect.y..<(rect.y + rect.height)).map { String(Array(screen.row($0)).dropFirst(rect.x).prefix(rect.width)) }
            .joined(separator: " ").split(separator: " ").joined(separator: " ")
    }

    func withOrphan(_ explorer: Explorer) -> AppState {
        let orphan = BookmarkEntry(id: 9, articleTitle: bundledModel.article.title, path: "Gone", note: nil,
                                   createdAt: Date(timeIntervalSince1970: 0), target: nil, section: nil, item: nil, isOrphaned: true)
        return explorer.update(explorer.initialState(size: size), .bookmarksLoaded([orphan], notice: nil))
    }

    /// Each pane's title starts with the key that focuses it, as bound ("1 Outline" by default).
    @Test func paneTitlesNameTheKeysThatFocusThem() throws {
        let explorer = Explorer(model: bundledModel, keymap: Self.keymap([.focusOutline: [.character("o")], .focusCrossLinks: []]))
        let top = explorer.render(explorer.initialState(size: size)).row(0)
        #expect(top.contains(" o Outline ") && top.contains(" 2 Dual power "))
        #expect(top.contains(" Cross-links: Dual power") && !top.contains("3 Cross-links"))
        #expect(Explorer(model: bundledModel).render(explorer.initialState(size: size)).row(0).contains(" 1 Outline "))
    }

    @Test func explorerMessagesNameTheRemappedKeys() throws {
        let explorer = Explorer(model: bundledModel, keymap: Self.remapped, bookmarks: true)
        let start = explorer.initialState(size: size)
        #expect(press(explorer, start, .enter).notice == "No cross-reference selected: t selects the next one.")
        #expect(press(explorer, start, .character("x")).notice == "x deletes in the Bookmarks pane (w opens it).")
        #expect(press(explorer, start, .character("f")).notice == "No search: s starts one.")
        let found = press(explorer, type(explorer, start, "sLenin"), .enter)
        #expect(found.notice == "f and F move between the matches")
        #expect(explorer.render(found).row(size.height - 1).contains("f and F move between the matches"))
        #expect(try words(of: .bookmarks, explorer, press(explorer, start, .character("w")))
            .contains("No bookmarks yet: a bookmarks the section you are reading."))
        let orphan = press(explorer, withOrphan(explorer), .character("w"), .enter)
        #expect(orphan.notice == "Its section no longer exists in this article: x deletes it.")
    }

    @Test func theHelpNamesTheRemappedKeys() {
        let explorer = Explorer(model: bundledModel, keymap: Self.remapped, bookmarks: true)
        let text = HelpScreen.lines(Self.remapped).map { $0.map(\.text).joined() }.joined(separator: "\n")
        #expect(text.contains("Undo the last bookmark removal (x, or a on a bookmarked place), in any pane"))
        #expect(text.contains("Link map of the selected cross-reference, item or section (again, c or Q closes)"))
        let screen = explorer.render(press(explorer, explorer.initialState(size: size), .function(2))).text
        #expect(screen.contains(" Keys — F2, c or Q closes "))
    }

    @Test func storeMessagesNameTheRemappedKeys() {
        let explorer = Explorer(model: bundledModel, keymap: Self.remapped, bookmarks: true)
        let runner = ExplorerSession(explorer: explorer, service: FakeBookmarks())
        func press(_ state: AppState, _ keys: Key...) -> AppState {
            keys.reduce(state) { runner.apply(explorer.action(for: .key($1), in: $0), to: $0) }
        }
        var state = runner.startUp(explorer.initialState(size: size), start: .section(5), restore: true)
        state = press(state, .character("a"))
        #expect(state.notice == "Bookmarked: October Revolution (w lists bookmarks)")
        state = press(state, .character("a"))
        #expect(state.notice == "Bookmark removed: October Revolution (U undoes)")
        state = press(state, .character("a"), .character("w"), .character("x"))
        #expect(state.notice == "Bookmark deleted: October Revolution (U undoes)")
        #expect(explorer.render(state).row(size.height - 1).contains("Bookmark deleted: October Revolution (U undoes)"))
    }

    @Test func unboundCommandsAreNotNamed() throws {
        let explorer = Explorer(model: bundledModel, keymap: Self.unbound, bookmarks: true)
        let start = explorer.initialState(size: size)
        #expect(press(explorer, start, .enter).notice == "No cross-reference selected.")
        #expect(press(explorer, start, .character("n")).notice == "No search.")
        let orphan = press(explorer, withOrphan(explorer), .character("4"), .tab, .enter)
        #expect(orphan.focus == .bookmarks)
        #expect(orphan.notice == "Its section no longer exists in this article.")
        #expect(try words(of: .bookmarks, explorer, explorer.update(start, .command(.focusBookmarks))).contains("No bookmarks yet."))
        let help = HelpScreen.lines(Self.unbound).map { $0.map(\.text).joined() }.joined(separator: "\n")
        #expect(help.contains("Link map of the selected cross-reference, item or section (again or q closes)"))
        #expect(explorer.render(press(explorer, start, .character("?"))).text.contains(" Keys — ? or q closes "))

        let runner = ExplorerSession(explorer: explorer, service: FakeBookmarks())
        var state = runner.startUp(start, start: .section(5), restore: true)
        state = runner.apply(.command(.toggleBookmark), to: state)
        #expect(state.notice == "Bookmarked: October Revolution")
        state = runner.apply(.command(.toggleBookmark), to: state)
        #expect(state.notice == "Bookmark removed: October Revolution")
        state = runner.apply(.command(.focusBookmarks), to: runner.apply(.command(.toggleBookmark), to: state))
        state = runner.apply(.command(.deleteBookmark), to: state)
        #expect(state.notice == "Bookmark deleted: October Revolution")
    }

    /// With only one of delete and bookmark bound, the undo line names that one.
    @Test func theUndoSummaryNamesTheKeysThatAreBound() {
        let onlyMark = Self.keymap([.deleteBookmark: []])
        #expect(Command.undoDelete.summary(keys: onlyMark) == "Undo the last bookmark removal (m on a bookmarked place), in any pane")
        let onlyDelete = Self.keymap([.toggleBookmark: []])
        #expect(Command.undoDelete.summary(keys: onlyDelete) == "Undo the last bookmark removal (d), in any pane")
        #expect(Command.undoDelete.summary(keys: Self.keymap([.toggleBookmark: [], .deleteBookmark: []])) == "Undo the last bookmark removal, in any pane")
        #expect(Command.undoDelete.summary(keys: .standard) == Command.undoDelete.summary)
    }
}
