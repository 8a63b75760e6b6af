import Testing
@testable import TUI

/// The help opened over the link map closes back to the map, as vim's help returns to the
/// window it was opened from and lazygit's menus to the one below. (`v` `?` `Esc` left both:
/// the help key closed the map before opening the help.)
@Suite("The help over the link map")
struct HelpOverLinkMapTests {
    let explorer = makeExplorer()

    /// The link map of the section read at 120×40, the help opened over it.
    var helpOverMap: AppState {
        explorer.press(explorer.initialState(size: Size(width: 120, height: 40)), .character("v"), .character("?"))
    }

    @Test("Each key that closes the help (?, Esc, q) comes back to the link map, as it was", arguments: [
        Key.character("?"), .escape, .character("q"),
    ])
    func closingTheHelpShowsTheMap(key: Key) throws {
        let open = helpOverMap
        let map = try #require(open.linkMap, "the help opens over the map, which stays open under it")
        #expect(open.showsHelp)
        #expect(explorer.render(open).text.contains("Keys — ?, Esc or q closes"))

        let closed = explorer.press(open, key)
        #expect(!closed.showsHelp)
        #expect(closed.linkMap == map)
        #expect(closed.isRunning, "q closed the help, not the explorer")
        #expect(explorer.render(closed).text.contains("Link map: "))
    }

    @Test("Back at the map, its keys move its selection; Esc then closes it to the panes")
    func theMapKeepsWorking() {
        var state = explorer.press(helpOverMap, .escape, .character("j"))
        #expect(state.linkMap?.selection == 1)
        state = explorer.press(state, .escape)
        #expect(state.linkMap == nil)
        #expect(!explorer.render(state).text.contains("Link map: "))
    }
}
