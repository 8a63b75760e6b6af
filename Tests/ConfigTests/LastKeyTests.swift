import Testing
import TUI
@testable import Config

/// A key the file binds is taken from the action that has it by default; when that was the
/// action's last key, the file says so, and the help lists the action as "(no key)" (with
/// `help = "q"`, quit was left with only Ctrl-C, and its row vanished from the help).
@Suite("An action left without a key")
struct LastKeyTests {
    func messages(_ toml: String) -> [String] {
        Config.parse(toml).messages.map { $0.formatted(path: "config.toml") }
    }

    func helpLines(_ keymap: KeyMap) -> [String] {
        HelpScreen.lines(keymap).map { $0.map(\.text).joined() }
    }

    @Test("help = \"q\": quit has no key left, said at the line that took it")
    func quitLosesItsKey() {
        let parsed = Config.parse("[keys]\nzoom = \"Z\"\nhelp = \"q\"\n")
        #expect(parsed.messages.map { $0.formatted(path: "config.toml") }
            == ["config.toml:3: 'quit' has no key left (q is now 'help'); give it another, or write quit = [] if that is meant"])
        #expect(parsed.config.keymap.keys(for: .help) == [.character("q")], "the file's binding still applies")
        #expect(parsed.config.keymap.keys(for: .quit) == [])
        // The status line at start-up shows the same message.
        let loaded = ConfigFile.Loaded(config: parsed.config, problems: parsed.messages, displayPath: "~/.config/seealso/config.toml",
                                       exists: true, isExplicit: false)
        #expect(loaded.notice?.hasPrefix("config.toml:3: 'quit' has no key left (q is now 'help')") == true)
    }

    @Test("Every key it had, each with the action that took it, at the line of the last one")
    func severalKeysTaken() {
        #expect(messages("[keys]\nsearch = \"?\"\nzoom = [\"x\", \"F1\"]\n")
            == ["config.toml:3: 'help' has no key left (? is now 'search', F1 is now 'zoom'); give it another, or write help = [] if that is meant"])
        #expect(messages("[keys]\nlink-map = \"Esc\"\n")
            == ["config.toml:2: 'close-overlay' has no key left (Esc is now 'link-map'); give it another, or write close-overlay = [] if that is meant"])
    }

    @Test("Nothing to say: a key left, an action unbound on purpose; a conflict says it once")
    func quietCases() {
        #expect(messages("[keys]\nzoom = \"F1\"\n") == [], "help keeps ?")
        #expect(messages("[keys]\nhelp = \"q\"\nquit = []\n") == [])
        #expect(messages("[keys]\nquit = \"x\"\nhelp = \"q\"\n") == [], "quit has x")
        #expect(messages("[keys]\nquit = \"z\"\nzoom = \"z\"\n")
            == ["config.toml:3: key 'z' is bound to both 'quit' (line 2) and 'zoom'; 'zoom' has no key left (z is now 'quit'); "
                + "give it another, or write zoom = [] if that is meant"])
    }

    /// QA: `forward = "enter"` then `open = "Return"` (Enter again) said "'open' keeps its
    /// default keys: none left", which read as if it kept one.
    @Test("A conflict that leaves the second action without a key says so, as an action left without one is")
    func conflictLeavingNoKey() {
        let parsed = Config.parse("[keys]\nforward = \"enter\"\nopen = \"Return\"\n")
        #expect(parsed.messages.map { $0.formatted(path: "config.toml") }
            == ["config.toml:3: key 'Enter' is bound to both 'forward' (line 2) and 'open'; 'open' has no key left "
                + "(Enter is now 'forward'); give it another, or write open = [] if that is meant"])
        #expect(parsed.config.keymap.keys(for: .open) == [])
        // One key left is still "keeps its default keys".
        #expect(messages("[keys]\nquit = \"x\"\nzoom = [\"y\", \"x\"]\n")
            == ["config.toml:3: key 'x' is bound to both 'quit' (line 2) and 'zoom'; 'zoom' keeps its default keys: z"])
    }

    @Test("The help lists an action without a key as (no key), in its place")
    func helpShowsUnboundActions() throws {
        let keymap = Config.parse("[keys]\nhelp = \"q\"\nsearch-next = []\n").config.keymap
        let lines = helpLines(keymap)
        // With the reminder that Ctrl-C still quits (`HelpScreen.interrupt`).
        let quit = try #require(lines.first { $0.hasSuffix("Quit (Ctrl-C quits when nothing is open)") })
        #expect(quit.trimmingCharacters(in: .whitespaces).hasPrefix("(no key) "))
        let next = try #require(lines.first { $0.hasSuffix(Command.searchNext.summary) })
        #expect(next.trimmingCharacters(in: .whitespaces).hasPrefix("(no key) "))
        #expect(lines.firstIndex(of: quit) ?? 0 < lines.firstIndex { $0.hasSuffix(Command.help.summary) } ?? 0, "Quit stays first")

        // On screen, in the overlay that q now opens.
        let explorer = Explorer(model: bundledModel, keymap: keymap)
        let screen = explorer.render(explorer.update(explorer.initialState(size: Size(width: 120, height: 40)),
                                                     explorer.action(for: .key(.character("q")))))
        let rows = (0..<screen.height).map { screen.row($0).trimmingCharacters(in: .whitespaces) }
        #expect(rows.contains { $0.hasPrefix("│   (no key) ") && $0.contains(" Quit ") })
        #expect(rows.contains { $0.hasPrefix("│   q ") && $0.contains(" Show or hide this help ") })
    }
}
