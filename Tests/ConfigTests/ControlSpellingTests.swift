import Testing
import TUI
@testable import Config

/// Ctrl- spellings that a terminal sends as Tab, Enter, Esc or Backspace (one byte for both)
/// are config problems: bound as written, they quietly took that key from its action
/// (`zoom = "Ctrl-M"` left nothing to follow links with, and `config --check` said ok).
@Suite("Control spellings of named keys")
struct ControlSpellingTests {
    static let cases: [(toml: String, message: String)] = [
        ("zoom = \"Ctrl-M\"", #"config.toml:2: 'zoom': Ctrl-M is the same key as Enter on a terminal; write "Enter""#),
        ("zoom = \"Ctrl-J\"", #"config.toml:2: 'zoom': Ctrl-J is the same key as Enter on a terminal; write "Enter""#),
        ("link-map = \"Ctrl-[\"", #"config.toml:2: 'link-map': Ctrl-[ is the same key as Esc on a terminal; write "Esc""#),
        ("forward = \"Ctrl-I\"", #"config.toml:2: 'forward': Ctrl-I is the same key as Tab on a terminal; write "Tab""#),
        ("help = [\"F1\", \"Ctrl-H\"]", #"config.toml:2: 'help': Ctrl-H is the same key as Backspace on a terminal; write "Backspace""#),
        // Every spelling of them, in a list over lines: the element's own line.
        ("zoom = [\n  \"z\",\n  \"^m\",\n]", #"config.toml:4: 'zoom': Ctrl-M is the same key as Enter on a terminal; write "Enter""#),
        ("zoom = \"c-i\"", #"config.toml:2: 'zoom': Ctrl-I is the same key as Tab on a terminal; write "Tab""#),
        ("zoom = \"Control-h\"", #"config.toml:2: 'zoom': Ctrl-H is the same key as Backspace on a terminal; write "Backspace""#),
    ]

    @Test("Reported at the line; only that entry keeps its default, and the named key its action", arguments: cases.indices)
    func reported(index: Int) throws {
        let (entry, message) = Self.cases[index]
        let parsed = Config.parse("[keys]\n" + entry + "\n")
        #expect(parsed.messages.map { $0.formatted(path: "config.toml") } == [message])
        let changed = KeyMap.standard.bindings.filter { parsed.config.keymap.keys(for: $0.command) != $0.keys }.map(\.command)
        #expect(changed == [], "every action keeps its default keys")
    }

    @Test("zoom = \"Ctrl-M\": Enter still opens the selection, and the help still says so")
    func enterStillOpens() throws {
        let keymap = Config.parse("[keys]\nzoom = \"Ctrl-M\"\nquit = \"x\"\n").config.keymap
        #expect(keymap.command(for: .enter) == .open)
        #expect(keymap.keys(for: .zoom) == [.character("z")])
        #expect(keymap.keys(for: .quit) == [.character("x")], "the rest of the file applies")
        let help = HelpScreen.lines(keymap).map { $0.map(\.text).joined() }
        let open = try #require(help.first { $0.hasSuffix(Command.open.summary) })
        #expect(open.trimmingCharacters(in: .whitespaces).hasPrefix("Enter "))
        #expect(!help.contains { $0.contains("Enter") && $0.hasSuffix(Command.zoom.summary) })
    }

    /// The names themselves still bind those keys; Ctrl-S and Ctrl-Q are keys of their own
    /// (the explorer turns flow control off), and other control keys are unaffected.
    @Test("Enter, Esc, Tab, Backspace by name, and Ctrl-S, Ctrl-Q, Ctrl-O, are fine")
    func namedSpellingsAndOtherControls() {
        let parsed = Config.parse("[keys]\nzoom = \"Enter\"\nlink-map = \"Esc\"\nforward = \"Tab\"\nhelp = \"Backspace\"\n"
            + "page-down = \"Ctrl-S\"\npage-up = \"Ctrl-Q\"\nback = [\"H\", \"Ctrl-O\"]\n")
        #expect(!parsed.messages.contains { $0.text.contains("same key") })
        let keymap = parsed.config.keymap
        #expect(keymap.command(for: .enter) == .zoom)
        #expect(keymap.command(for: .escape) == .linkMap)
        #expect(keymap.command(for: .tab) == .forward)
        #expect(keymap.command(for: .backspace) == .help)
        #expect(keymap.command(for: .control("s")) == .pageDown)
        #expect(keymap.command(for: .control("q")) == .pageUp)
        #expect(keymap.command(for: .control("o")) == .back)
    }
}
