import Testing
@testable import Config
@testable import TUI

/// Alt keys in a config file. `config --check` reported "Alt-s" as an unknown key name, and
/// the explorer read Alt-s as Esc and then s: it could be neither bound nor typed. Now
/// "Alt-s" and "M-s" bind it, and the help and the messages name it "Alt-s".
@Suite("Alt keys in the config")
struct AltKeyConfigTests {
    @Test func altKeysCanBeBound() throws {
        let parsed = Config.parse("[keys]\nsearch = [\"/\", \"Alt-s\"]\nquit = [\"q\", \"M-q\"]\nzoom = \"Meta+Z\"\n")
        #expect(parsed.messages.map(\.description) == [])
        let keymap = parsed.config.keymap
        #expect(keymap.keys(for: .search).map(\.displayName) == ["/", "Alt-s"])
        #expect(keymap.keys(for: .quit).map(\.displayName) == ["q", "Alt-q"])
        #expect(keymap.keys(for: .zoom).map(\.displayName) == ["Alt-Z"], "the case is kept, as for \"Z\"")
        let help = HelpScreen.lines(keymap).map { $0.map(\.text).joined() }
        #expect(help.contains { $0.contains("/, Alt-s") && $0.hasSuffix(Command.search.summary) }, "\(help)")

        let explorer = Explorer(model: bundledModel, keymap: keymap)
        #expect(explorer.action(for: .key(.alt("s"))) == .command(.search))
        // Every key's config name is read back as the key.
        for key in keymap.keys(for: .search) + keymap.keys(for: .zoom) { #expect(Key(name: key.configName) == key) }
    }

    /// Alt-Backspace, by the name the help gives it (QA: refused as "unknown key name" while
    /// the explorer said "Alt-Backspace is not bound to anything").
    @Test func altBackspaceCanBeBound() {
        let parsed = Config.parse("[keys]\nzoom = \"Alt-Backspace\"\n")
        #expect(parsed.messages.map(\.description) == [])
        let keymap = parsed.config.keymap
        #expect(keymap.keys(for: .zoom) == [.alt(Key.backspaceCharacter)])
        #expect(Config.parse("[keys]\nback = [\"H\", \"M-BS\"]\n").config.keymap.keys(for: .back).map(\.displayName) == ["H", "Alt-Backspace"])
        #expect(Explorer(model: bundledModel, keymap: keymap).action(for: .key(.alt(Key.backspaceCharacter))) == .command(.zoom))
        #expect(Key(name: Key.alt(Key.backspaceCharacter).configName) == .alt(Key.backspaceCharacter))
    }

    /// An Alt key no action has is said like any other key.
    @Test func anUnboundAltKeyIsSaid() {
        let explorer = Explorer(model: bundledModel)
        let state = explorer.update(explorer.initialState(size: Size(width: 120, height: 40)), explorer.action(for: .key(.alt("b"))))
        #expect(state.notice == "Alt-b is not bound to anything: ? lists the keys.")
        #expect(state.isRunning)
    }

    /// Alt with a control character, or with a named key, is no key a terminal sends as Esc
    /// and a character.
    @Test func altWithWhatIsNoCharacterIsAnUnknownName() {
        for name in ["Alt-\\t", "Alt-Up", "M-"] {
            let messages = Config.parse("[keys]\nzoom = \"\(name)\"\n").messages.map(\.description)
            #expect(messages.count == 1 && messages.first?.contains("unknown key name") == true, "\(name): \(messages)")
        }
    }
}
