import Foundation
import Testing

extension OnATerminal {
    /// Ctrl-L redraws the whole screen, as in less, vim, w3m, lynx and info. What another
    /// process wrote to the terminal (a `wall` message, a background job) stayed: frames are
    /// diffed against what the explorer believes the screen shows, so j and k repainted only
    /// the rows they changed, and Ctrl-L was "not bound to anything".
    @Suite("Ctrl-L redraws the screen")
    struct RedrawTests {
        let seealso: String

        init() throws { seealso = Shell.quote(try Binary.path()) }

        /// The screen once it stays the same for two looks in a row that show `what`.
        func settled(_ tmux: TmuxSession, _ what: String, _ condition: (String) -> Bool) throws -> String {
            var shown = ""
            return try tmux.waitUntil(what) { screen in
                defer { shown = screen }
                return screen == shown && condition(screen)
            }
        }

        /// Writes `bytes` to the pane's terminal, as another process of the session would.
        func writeToTheTerminal(_ tmux: TmuxSession, _ bytes: String) throws {
            let tty = tmux.tmux("display-message -p -t main '#{pane_tty}'").output.trimmingCharacters(in: .whitespacesAndNewlines)
            let handle = try #require(FileHandle(forWritingAtPath: tty), "cannot open the pane's terminal '\(tty)'")
            defer { try? handle.close() }
            try handle.write(contentsOf: Data(bytes.utf8))
        }

        /// Both ways of drawing forget the screen: the encoder's, and ncurses' on terminals the
        /// encoder leaves to it (`TERM=vt100`: its cursor addressing has padding).
        @Test(arguments: ["screen-256color", "vt100"])
        func ctrlLWipesWhatAnotherProcessWrote(term: String) throws {
            let tmux = try TmuxSession(width: 120, height: 40, environment: ["TERM": term])
            tmux.type("\(seealso) --no-restore")
            let clean = try settled(tmux, "the first frame") { $0.contains("? help") }
            try writeToTheTerminal(tmux, "\u{1B}[10;30HGARBAGE")
            try tmux.waitFor("GARBAGE")

            tmux.press("C-l")
            try tmux.waitUntil("the screen as it was before") { $0 == clean }

            // Over an overlay too, which stays open.
            tmux.press("v")
            let map = try settled(tmux, "the link map") { $0.contains("Link map: ") }
            try writeToTheTerminal(tmux, "\u{1B}[20;10HGARBAGE")
            try tmux.waitFor("GARBAGE")
            tmux.press("C-l")
            try tmux.waitUntil("the link map as it was before") { $0 == map }

            tmux.press("q", "q")
            try tmux.waitForPrompt()
        }
    }
}
