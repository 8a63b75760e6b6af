import Testing
@testable import TUI

/// Ctrl-L (`redraw`) repaints the screen: the runtime draws the next frame whole, and the
/// state stays exactly as it was, whatever is open (it used to say "Ctrl-L is not bound to
/// anything", with no way to clear what another process wrote over the screen). The
/// terminal's side is in EndToEndTests' RedrawTests.
@Suite("The redraw key")
struct RedrawCommandTests {
    let explorer = makeExplorer()

    var start: AppState { explorer.initialState(size: Size(width: 120, height: 40)) }

    @Test("Ctrl-L is redraw, a General key the help lists")
    func bound() {
        #expect(explorer.action(for: .key(.control("l"))) == .command(.redraw))
        #expect(Command.redraw.rawValue == "redraw")
        #expect(Command.redraw.group == "General")
        let help = HelpScreen.lines(.standard).map { $0.map(\.text).joined() }
        #expect(help.contains { $0.hasPrefix("  Ctrl-L ") && $0.hasSuffix("Redraw the screen, clearing stray output") })
    }

    /// The frame after it is the frame before: the panes, an overlay, the notice.
    @Test("Nothing changes, whatever is on screen", arguments: [
        [Key](), [.character("v")], [.character("?")], [.character("v"), .character("?")], [.control("x")], [.character("z")],
    ])
    func changesNothing(keys: [Key]) {
        let before = keys.reduce(start) { explorer.press($0, $1) }
        let after = explorer.press(before, .control("l"))
        #expect(after == before)
        #expect(explorer.render(after) == explorer.render(before))
    }

    @Test("Too small a terminal: it repaints the notice, as the quit key still quits")
    func tooSmall() {
        let small = explorer.update(start, .resize(Size(width: 30, height: 10)))
        let action = explorer.action(for: .key(.control("l")), in: small)
        #expect(action == .command(.redraw))
        #expect(explorer.update(small, action) == small)
    }

    /// Inside a prompt or the finder keys are their text, but Ctrl-L is no editing key there:
    /// it repaints, as in readline (QA: it was dropped, and the garbage stayed), and neither
    /// closes the prompt nor types into it. A redraw remapped to a key the prompt edits with
    /// (Ctrl-W) edits there.
    @Test("In the search and note prompts and the finder, Ctrl-L repaints and changes nothing", arguments: [
        Key.character("/"), .character("M"), .character(":"),
    ])
    func inAPrompt(opener: Key) throws {
        // With a bookmark store, M opens the note prompt.
        let explorer = Explorer(model: bundledModel, bookmarks: true)
        var state = explorer.press(explorer.initialState(size: Size(width: 120, height: 40)), opener)
        try #require(state.prompt != nil || state.finder != nil)
        state = "Lenin".reduce(state) { explorer.update($0, explorer.action(for: .key(.character($1)), in: $0)) }
        #expect(explorer.action(for: .key(.control("l")), in: state) == .command(.redraw))
        let keys = KeyMap(bindings: [KeyMap.Binding(.redraw, [.control("w")])])
        let remapped = Explorer(model: bundledModel, keymap: keys, bookmarks: true)
        #expect(remapped.action(for: .key(.control("w")), in: state) == .promptKey(.control("w")))
        let after = explorer.update(state, explorer.action(for: .key(.control("l")), in: state))
        #expect(after == state)
        #expect((after.prompt?.text ?? after.finder?.input.text) == "Lenin")
    }
}
