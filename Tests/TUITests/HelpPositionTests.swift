import Testing
@testable import TUI

/// The help overlay says where in the key list it is, on its bottom border, as less does: at
/// 40 rows its "Finding" and "Mouse" sections were below the box with nothing to say so.
@Suite("The help overlay's position")
struct HelpPositionTests {
    let explorer = makeExplorer()

    func bottomBorder(_ state: AppState) -> String {
        let box = explorer.helpLayout(state).box
        // The box's own cells: the row goes on to the screen's edge.
        return String(explorer.render(state).row(box.y + box.height - 1).prefix(box.x + box.width))
    }

    @Test func theBottomBorderSaysTopPercentAndBot() {
        var state = explorer.press(explorer.initialState(size: Size(width: 120, height: 40)), .character("?"))
        #expect(explorer.helpLayout(state).maxTop > 0, "the list is longer than the box")
        #expect(bottomBorder(state).hasSuffix("─ Top ─┘"))
        state = explorer.press(state, .character("G"))
        #expect(bottomBorder(state).hasSuffix("─ Bot ─┘"))
        state = explorer.press(state, .character("k"))
        #expect(bottomBorder(state).contains(#/─ \d+% ─┘$/#))
    }

    @Test func aListThatFitsSaysNothing() {
        let state = explorer.press(explorer.initialState(size: Size(width: 200, height: 120)), .character("?"))
        #expect(explorer.helpLayout(state).maxTop == 0)
        #expect(bottomBorder(state).hasSuffix("──┘"))
    }
}

/// A key the help does not use says so, and what closes it: it said "? lists the keys", over
/// the list `?` would close (QA 28).
@Suite("A key the help does not use")
struct HelpUnboundKeyTests {
    let explorer = makeExplorer()

    @Test func saysThatItDoesNothingThereAndWhatClosesTheHelp() {
        let size = Size(width: 120, height: 40)
        var state = explorer.press(explorer.initialState(size: size), .character("?"))
        state = explorer.press(state, .character("x"))
        #expect(state.showsHelp)
        #expect(state.notice == "x does nothing in the help: ? closes it.")
        // A key bound in the panes, to nothing the help does, says the same (QA 29: it said nothing).
        func press(_ key: Character) -> AppState { explorer.update(state, explorer.action(for: .key(.character(key)), in: state)) }
        for key in ["m", "n", "]"] {
            let pressed = press(Character(key))
            #expect(pressed.showsHelp && pressed.notice == "\(key) does nothing in the help: ? closes it.", "\(key): \(pressed.notice ?? "nil")")
        }
        #expect(!press("q").showsHelp, "q still closes it")
        #expect(press("j").helpTop == 1, "j still scrolls")
        let outside = explorer.press(explorer.initialState(size: size), .character("x"))
        #expect(outside.notice == "x is not bound to anything: ? lists the keys.")
    }
}
