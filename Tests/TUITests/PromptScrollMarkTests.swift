import Testing
@testable import TUI

/// Typed text longer than its field (QA 23): 65 characters in the search prompt at 40
/// columns showed as much as fits before the cursor and no sign of the rest, on either side.
/// "…" marks the side where text is out of view, as readline's `<` and `>` do.
@Suite("A prompt's text longer than its field")
struct PromptScrollMarkTests: KeyDriven {
    let explorer = makeExplorer()
    let text = "abcdefghij klmnopqrst uvwxyzabcd efghijklmn opqrstuvwx yzabcdefgh ijkl"

    @Test func theHiddenSideIsMarked() throws {
        let typed = press(press(explorer.initialState(size: Size(width: 40, height: 12)), "/"), text)
        let atEnd = statusBar(typed)
        #expect(atEnd.hasPrefix("/…"), "text hidden before: \(atEnd)")
        #expect(atEnd.contains("ijkl"), "the end typed is in view: \(atEnd)")
        let home = press(typed, .home)
        let atStart = statusBar(home)
        #expect(atStart.hasPrefix("/abcdefghij"), "\(atStart)")
        #expect(atStart.contains("…") && !atStart.contains("ijkl"), "text hidden after: \(atStart)")
        // Short text has no mark.
        #expect(!statusBar(press(press(explorer.initialState(size: Size(width: 40, height: 12)), "/"), "abc")).contains("…"))
    }
}
