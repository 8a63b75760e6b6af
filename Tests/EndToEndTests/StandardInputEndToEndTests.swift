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
        /// for Ctrl-D; its examples are the command typed (QA 18b: every command's were
        /// `cat FILE | seealso outline -` and `seealso - < FILE`).
        @Test func dashOnATerminalIsAUsageError() throws {
            let tmux = try TmuxSession(width: 160, height: 20)
            let errors = tmux.home.appendingPathComponent("errors.txt")
            var runs = 0
            /// What `arguments` (typed as the shell reads them) say on stderr, after status 64.
            func refusal(_ arguments: String) throws -> String {
                // A status line of its own name each time: the one before may still be on
                // screen when the next command is typed.
                runs += 1
                tmux.type("clear; \(seealso) \(arguments) 2> \(Shell.quote(errors.path)); echo run\(runs)=$?")
                #expect(try tmux.waitForStatus("run\(runs)", timeout: 5) == 64, "\(arguments)")
                #expect(try tmux.modes() == tmux.shellModes)
                return try String(contentsOf: errors, encoding: .utf8)
            }
            for (typed, command) in [("outline -", "seealso outline -"), ("-", "seealso -"), ("links -", "seealso links -"),
                                     ("export --format dot -", "seealso export --format dot -"),
                                     ("search - 'two words'", "seealso search - 'two words'")] {
                #expect(try refusal(typed) == "seealso: standard input is a terminal: '-' reads an article piped in "
                                              + "(cat FILE | \(command)) or redirected (\(command) < FILE)\n")
            }
            // `bookmarks import -` reads standard input as the article commands do (it was
            // "-: no such file", 66), and refuses a terminal the same way.
            #expect(try refusal("bookmarks import -") == "seealso: standard input is a terminal: '-' reads a bookmarks export piped in "
                    + "(ssh laptop seealso bookmarks export --format json | seealso bookmarks import -) "
                    + "or redirected (seealso bookmarks import - < FILE)\n")
            // Named as typed (QA 35: `seealso /dev/stdin` was told what '-' reads).
            #expect(try refusal("outline /dev/stdin") == "seealso: standard input is a terminal: '/dev/stdin' reads an article piped in "
                    + "(cat FILE | seealso outline /dev/stdin) or redirected (seealso outline /dev/stdin < FILE)\n")
            #expect(try refusal("config --check /dev/fd/0").hasPrefix("seealso: standard input is a terminal: '/dev/fd/0' reads a configuration"))
        }
    }
}
