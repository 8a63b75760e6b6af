import Content
import Testing
@testable import Config
import ExplorerTestSupport
@testable import TUI

let bundledModel: LinkedArticle = {
    do { return try ArticleLoader.bundled() } catch { fatalError("bundled article: \(error)") }
}()

/// A config file's effect on the explorer: keys, help screen, pane widths, wrap width.
@Suite("Configured explorer")
struct ConfiguredExplorerTests {
    func helpText(_ keymap: KeyMap) -> [String] {
        HelpScreen.lines(keymap).map { $0.map(\.text).joined() }
    }

    @Test("Remapped keys drive Explorer.action(for:); the old keys are unbound")
    func remappedKeys() {
        let config = Config.parse("[keys]\nquit = \"x\"\nback = [\"Backspace\", \"Ctrl-O\"]\nsearch = \"n\"\n").config
        let explorer = Explorer(model: bundledModel, keymap: config.keymap)
        #expect(explorer.action(for: .key(.character("x"))) == .command(.quit))
        #expect(explorer.action(for: .key(.character("q"))) == .unbound(.character("q")))
        #expect(explorer.action(for: .key(.control("o"))) == .command(.back))
        #expect(explorer.action(for: .key(.character("H"))) == .unbound(.character("H")))
        #expect(explorer.action(for: .key(.character("n"))) == .command(.search))
        #expect(explorer.action(for: .key(.character("/"))) == .unbound(.character("/")))

        var state = explorer.initialState(size: Size(width: 120, height: 40))
        state = explorer.update(state, explorer.action(for: .key(.character("q"))))
        #expect(state.isRunning)
        #expect(state.notice == "q is not bound to anything: ? lists the keys.")
        state = explorer.update(state, explorer.action(for: .key(.character("x"))))
        #expect(!state.isRunning)
    }

    @Test("The help screen lists the remapped keys, and no longer the defaults they replaced")
    func helpShowsRemappedKeys() throws {
        let config = Config.parse("[keys]\nquit = \"x\"\nsearch-next = []\nhelp = [\"F1\", \"Backspace\"]\n").config
        let lines = helpText(config.keymap)
        // The status bar and the unbound-key message name the help key as remapped.
        let explorer = Explorer(model: bundledModel, keymap: config.keymap)
        let state = explorer.update(explorer.initialState(size: Size(width: 120, height: 40)), explorer.action(for: .key(.character("?"))))
        #expect(state.notice == "? is not bound to anything: F1 lists the keys.")
        #expect(explorer.render(state).row(39).hasSuffix("Top  F1 help "))
        #expect(explorer.render(explorer.update(state, .command(.help))).text.contains("Keys — F1, Esc or x closes"))
        let unhelped = Explorer(model: bundledModel, keymap: Config.parse("[keys]\nhelp = []\n").config.keymap)
        let bare = unhelped.update(unhelped.initialState(size: Size(width: 120, height: 40)), .unbound(.character("?")))
        #expect(bare.notice == "? is not bound to anything.")
        #expect(unhelped.render(bare).row(39).hasSuffix("Top "))
        let quit = try #require(lines.first { $0.hasSuffix("Quit") })
        #expect(quit.trimmingCharacters(in: .whitespaces).hasPrefix("x "))
        let next = try #require(lines.first { $0.hasSuffix(Command.searchNext.summary) }, "an unbound action is listed")
        #expect(next.trimmingCharacters(in: .whitespaces).hasPrefix("(no key) "))
        let help = try #require(lines.first { $0.hasSuffix(Command.help.summary) })
        #expect(help.contains("F1, Backspace"))
        let back = try #require(lines.first { $0.hasSuffix(Command.back.summary) })
        #expect(back.contains("H") && !back.contains("Backspace"), "Backspace went to help")
        #expect(!helpText(.standard).contains { $0.contains("x ") && $0.hasSuffix("Quit") })
    }

    @Test("Pane widths from [layout]: columns, percent, auto; the reader keeps its minimum")
    func paneWidths() throws {
        func widths(_ toml: String, width: Int) throws -> [PaneID: Int] {
            let settings = Config.parse("[layout]\n" + toml).config.layout
            let layout = ScreenLayout(size: Size(width: width, height: 40), focus: .reader, side: .crossLinks, lower: .backlinks,
                                      zoomed: false, settings: settings)
            #expect(layout.panes.map { $0.rect.x + $0.rect.width }.max() == width, "the panes fill the screen")
            return Dictionary(uniqueKeysWithValues: layout.panes.map { ($0.id, $0.rect.width) })
        }
        #expect(try widths("", width: 200) == [.outline: 32, .reader: 102, .crossLinks: 64, .backlinks: 64])
        #expect(try widths("outline-width = 40\nside-width = \"25%\"", width: 200) == [.outline: 40, .reader: 108, .crossLinks: 50, .backlinks: 50])
        #expect(try widths("side-width = 50", width: 100) == [.reader: 49, .crossLinks: 50])
        #expect(try widths("side-width = 90", width: 100) == [.reader: 30, .crossLinks: 69], "the reader keeps 30 columns")
        #expect(try widths("outline-width = \"70%\"\nside-width = \"70%\"", width: 120)[.reader] == 30)
        #expect(try widths("outline-width = 12", width: 79) == [.reader: 79], "one pane below 80 columns")
    }

    @Test("The layout settings stay when a folder session switches to another article")
    @MainActor
    func layoutSurvivesArticleSwitch() {
        let other = Explorer(model: bundledModel)
        let session = ExplorerSession(explorer: Explorer(model: bundledModel), service: nil) { $0 == "Other" ? other : nil }
        let layout = LayoutSettings(outlineWidth: .columns(40), sideWidth: .auto, wrapWidth: 60)
        let state = session.explorer.initialState(size: Size(width: 120, height: 40), display: DisplaySettings(layout: layout))
        let switched = session.switchArticle(to: "Other", at: .top, from: state)
        #expect(switched.display.layout == layout)
        #expect(switched.layout.rect(of: .outline)?.width == 40)
    }

    @Test("wrap-width caps the reader's lines; 0 is the pane's width")
    func wrapWidth() {
        let explorer = Explorer(model: bundledModel)
        let full = explorer.readerLayout(explorer.initialState(size: Size(width: 200, height: 50)))
            .lines.map { $0.spans.map(\.text).joined().displayWidth }.max() ?? 0
        #expect(full > 72)
        let layout = Config.parse("[layout]\nwrap-width = 72").config.layout
        var state = explorer.initialState(size: Size(width: 200, height: 50), display: DisplaySettings(layout: layout))
        let capped = explorer.readerLayout(state).lines.map { $0.spans.map(\.text).joined().displayWidth }.max() ?? 0
        #expect(capped <= 72 && capped > 60)
        #expect(explorer.readerTextRect(state).width == 72)
        state.size = Size(width: 80, height: 24)
        #expect(explorer.readerTextRect(state).width < 72, "a narrower pane wraps narrower")
    }
}
