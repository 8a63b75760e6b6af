import ExplorerTestSupport
import Testing
@testable import TUI

/// The help's Mouse section says what the mouse does only when it is on: with `mouse = false`
/// in config.toml it described clicks that never reach the explorer.
@Suite("The help's Mouse section")
struct HelpMouseTests {
    let explorer = makeExplorer()

    /// The rows of the help's box, scrolled to its end (where the Mouse section is), at 120×40.
    func helpEnd(mouse: Bool) -> [String] {
        var state = explorer.initialState(size: Size(width: 120, height: 40), display: DisplaySettings(mouse: mouse))
        state = explorer.press(state, .character("?"), .character("G"))
        let screen = explorer.render(state)
        let box = explorer.helpLayout(state).box
        return (box.y..<box.maxY).map { String(Array(screen.row($0)).dropFirst(box.x).prefix(box.width)) }
    }

    /// The words of the rows, whatever their wrapping.
    func words(_ rows: [String]) -> String {
        rows.map { $0.replacingOccurrences(of: "│", with: " ") }.joined(separator: " ").split(separator: " ").joined(separator: " ")
    }

    @Test("mouse = false: the help says the mouse is off and how to turn it on, not what clicks do")
    func mouseOff() {
        let text = words(helpEnd(mouse: false))
        #expect(text.contains("Mouse Off (mouse = false in the configuration file): clicks and the wheel are left to the terminal, "
            + "to select and copy text; mouse = true turns them on."))
        #expect(!text.contains("Click"))
        #expect(!text.contains("the wheel scrolls"))
    }

    /// In a folder, the next article's explorer starts from a fresh state: the setting goes with it.
    @Test("mouse = false stays when a folder session switches to another article")
    @MainActor
    func mouseOffSurvivesArticleSwitch() {
        let other = makeExplorer()
        let session = ExplorerSession(explorer: makeExplorer(), service: nil) { $0 == "Other" ? other : nil }
        let state = session.explorer.initialState(size: Size(width: 120, height: 40), display: DisplaySettings(mouse: false))
        #expect(!session.switchArticle(to: "Other", at: .top, from: state).display.mouse)
    }

    @Test("mouse on: clicks and the wheel are described")
    func mouseOn() {
        let text = words(helpEnd(mouse: true))
        #expect(text.contains("Mouse Click selects and focuses; click the selected row or link of the focused pane to follow it; "
            + "the wheel scrolls."))
        #expect(!text.contains("mouse = false"))
    }
}
