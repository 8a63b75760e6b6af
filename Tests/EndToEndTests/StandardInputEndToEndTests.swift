import Foundation
import Testing

extension OnATerminal {
    /// `seealso -` on a real terminal: the article through the pipe, the keys from the terminal
    /// (/dev/tty), as less takes them.
    @Suite("Standard input in tmux", .serialized)
    struct StandardInputEndToEndTests {
        let seealso: String

        init() throws { seealso = Shell.quote(try Binary.path()) }

        /// The article, as printf writes it. Its text is on the typed command line, so the waits
        /// look for what only the explorer draws: headings as `# History`, pane titles.
        static let printf = "printf '= Piped article =\\nA lead about the Gamma council.\\n\\n== History ==\\n"
            + "The Gamma council met in 1871.\\n\\n== See also ==\\n- Gamma council\\n'"

        @Test func aPipedArticleOpensTheExplorerAndTheKeysComeFromTheTerminal() throws {
            let tmux = try TmuxSession(width: 100, height: 30)
            tmux.type("\(Self.printf) | \(seealso) -")
            try tmux.waitUntil("the explorer on the piped article") {
                $0.contains("Cross-links: Piped article") && $0.contains("# History") && $0.contains("? help")
            }
            // Keys typed on the terminal reach it: the first cross-reference followed to its card.
            tmux.press("]", "Enter")
            try tmux.waitUntil("the card") { $0.contains("Topic: Gamma council") && $0.contains("Cross-links: Gamma council") }
            tmux.press("H")
            try tmux.waitUntil("back in the article") { !$0.contains("Topic: Gamma council") && $0.contains("# History") }
            // No bookmarks for it, and the bookmark key says why.
            tmux.press("m")
            try tmux.waitFor("Bookmarks are off: the article was read from standard input.")

            // Ctrl-Z gives the shell its terminal; fg brings the explorer back, keys and all
            // (and its status is the explorer's).
            tmux.press("C-z")
            try tmux.waitFor("Stopped")
            #expect(try tmux.modes() == tmux.shellModes)
            tmux.type("fg; echo exited=$?")
            try tmux.waitFor("? help")
            tmux.press("?")
            try tmux.waitFor("Keys — ?, Esc or q closes")
            tmux.press("Escape")
            try tmux.waitUntil("the help closed") { !$0.contains("Keys — ?, Esc or q closes") }

            tmux.press("q")
            #expect(try tmux.waitForStatus() == 0)
            #expect(try tmux.modes() == tmux.shellModes)
            // No session and no bookmark store: nothing was written for it.
            let data = tmux.home.appendingPathComponent("data/seealso")
            #expect(!FileManager.default.fileExists(atPath: data.path), "a store was made in \(data.path)")
        }

        /// `-` typed at a terminal, with nothing piped in, is a usage error at once, not a wait
        /// for Ctrl-D.
        @Test func dashOnATerminalIsAUsageError() throws {
            let tmux = try TmuxSession(width: 160, height: 20)
            tmux.type("\(seealso) outline -; echo outline=$?")
            #expect(try tmux.waitForStatus("outline", timeout: 5) == 64)
            tmux.type("clear; \(seealso) -; echo explorer=$?")
            #expect(try tmux.waitForStatus("explorer", timeout: 5) == 64)
            let screen = tmux.screen()
            #expect(screen.contains("seealso: standard input is a terminal: '-' reads an article piped in"), "\(screen)")
            #expect(try tmux.modes() == tmux.shellModes)
            // `bookmarks import -` reads standard input as the article commands do (it was
            // "-: no such file", 66), and refuses a terminal the same way.
            tmux.type("clear; \(seealso) bookmarks import -; echo import=$?")
            #expect(try tmux.waitForStatus("import", timeout: 5) == 64)
            let refused = tmux.screen()
            #expect(refused.contains("seealso: standard input is a terminal: '-' reads a bookmarks export piped in"), "\(refused)")
        }
    }
}
