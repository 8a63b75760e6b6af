import Testing
@testable import TUI

/// An action given many keys in config.toml: its list was cut mid-name without "…" at 40×12
/// (`H, Backspace, Ctrl-O, Alt-Backsp`, F12 gone), and at 80×24 one list of 14 keys pushed
/// every description under its keys and still lost `Shift-Tab` (QA 12b).
@Suite("The help lists every key, however many")
struct HelpKeyListTests {
    static func keymap(_ changes: [Command: [Key]]) -> KeyMap {
        KeyMap(bindings: KeyMap.standard.bindings.map { KeyMap.Binding($0.command, changes[$0.command] ?? $0.keys) })
    }

    /// The help's text at `size`, one string per line.
    func text(_ keymap: KeyMap, _ size: Size) -> [String] {
        HelpScreen.layout(keymap, size: size).lines.map { $0.map(\.text).joined() }
    }

    @Test(arguments: [Size(width: 40, height: 12), Size(width: 80, height: 24), Size(width: 120, height: 40)])
    func everyKeyOfALongListIsShownWhole(size: Size) throws {
        let back: [Key] = [.character("H"), .backspace, .control("o"), .alt("\u{7F}"), .function(12)]
        let lines = text(Self.keymap([.back: back]), size)
        let box = HelpScreen.layout(Self.keymap([.back: back]), size: size).box
        #expect(lines.allSatisfy { $0.displayWidth <= box.width - 4 }, "nothing wider than the box")
        let words = lines.joined(separator: " ").split(separator: " ").map { $0.trimmingCharacters(in: [","]) }
        for key in back { #expect(words.contains(key.displayName), "\(key.displayName) at \(size.width)×\(size.height)") }
        // The others keep the standard column: beside the long list, every description was
        // squeezed into two lines at 80×24 (QA 13a).
        let standard = text(.standard, size)
        #expect(lines.contains { $0.hasPrefix("  q ") && $0.hasSuffix(" Quit") } == standard.contains { $0.hasPrefix("  q ") && $0.hasSuffix(" Quit") })
        #expect(lines.count <= standard.count + 3, "\(lines.count) lines against \(standard.count)")
    }

    @Test func oneLongListKeepsTheOthersBesideTheirDescriptions() throws {
        let many: [Key] = [.down, .character("j"), .control("n"), .control("e"), .function(5), .function(6), .function(7),
                           .function(8), .function(9), .function(10), .function(11), .function(12), .alt("j"), .backTab]
        let lines = text(Self.keymap([.moveDown: many]), Size(width: 80, height: 24))
        #expect(lines.contains { $0.hasPrefix("  q ") && $0.hasSuffix("Quit") }, "q and Quit on one line")
        let words = lines.joined(separator: " ").split(separator: " ").map { $0.trimmingCharacters(in: [","]) }
        #expect(words.contains("Shift-Tab"))
    }

    /// `quit = []` left Ctrl-C as the only way out, and nothing on screen said so.
    @Test func withoutAQuitKeyCtrlCIsNamed() throws {
        let lines = text(Self.keymap([.quit: []]), Size(width: 120, height: 40))
        let quit = try #require(lines.first { $0.contains("Quit") })
        #expect(quit.contains("(no key)") && quit.contains("Ctrl-C quits"), "\(quit)")
    }

    @Test func withoutAQuitKeyTheTooSmallNoticeNamesCtrlC() throws {
        let explorer = Explorer(model: bundledModel, keymap: Self.keymap([.quit: []]))
        let screen = explorer.render(explorer.initialState(size: Size(width: 36, height: 10)))
        let text = (0..<10).map { String(screen.row($0)) }.joined(separator: " ").split(separator: " ").joined(separator: " ")
        #expect(text.contains("press Ctrl-C to quit"), "\(text)")
    }
}

/// The help scrolled to its end at 120×40 showed 19% once the terminal shrank to 40×12 (QA 12b).
@Suite("A resize keeps the help's place")
struct HelpResizeTests {
    let explorer = makeExplorer()

    func percent(_ state: AppState) -> Int {
        let layout = explorer.helpLayout(state)
        return layout.maxTop == 0 ? 100 : state.helpTop * 100 / layout.maxTop
    }

    /// QA 23: a resize put a description's second line at the top of the help, without its
    /// keys. Short of the end, the top is an entry's first line, wherever the help was.
    @Test func theTopIsAnEntrysFirstLine() {
        let start = explorer.press(explorer.initialState(size: Size(width: 80, height: 24)), .character("?"))
        var state = start
        var resizedMidEntry = 0
        while state.helpTop < explorer.helpLayout(state).maxTop {
            let small = explorer.update(state, .resize(Size(width: 40, height: 12)))
            let layout = explorer.helpLayout(small)
            if !layout.entryStarts.contains(small.helpTop) { resizedMidEntry += 1 }
            state = explorer.press(state, .character("j"))
        }
        #expect(state.helpTop > 20, "the help scrolled through")
        #expect(resizedMidEntry == 0)
    }

    @Test func theEndStaysTheEnd() {
        var state = explorer.press(explorer.initialState(size: Size(width: 120, height: 40)), .character("?"), .character("G"))
        for size in [Size(width: 40, height: 12), Size(width: 80, height: 24), Size(width: 120, height: 40)] {
            state = explorer.update(state, .resize(size))
            #expect(state.helpTop == explorer.helpLayout(state).maxTop, "\(size.width)×\(size.height)")
        }
    }

    /// QA 38: 120×40, eight lines down ("Tab  Focus the next pane" at the top), then 80×24
    /// showed "2  Focus the reader" first, three entries on: as far through is not where one
    /// was. The entry at the top stays there, as less keeps its top line.
    @Test(arguments: [Size(width: 80, height: 24), Size(width: 120, height: 20), Size(width: 60, height: 40), Size(width: 100, height: 40)])
    func theEntryAtTheTopStaysAtTheTop(size: Size) {
        let wide = Size(width: 120, height: 40)
        var state = explorer.press(explorer.initialState(size: wide), .character("?"))
        for _ in 0..<8 { state = explorer.press(state, .character("j")) }
        func entryAtTop(_ state: AppState) -> Int? { explorer.helpLayout(state).entryStarts.firstIndex(of: state.helpTop) }
        let before = entryAtTop(state)
        #expect(before != nil && state.helpTop > 0)
        let resized = explorer.update(state, .resize(size))
        #expect(entryAtTop(resized) == before)
        #expect(entryAtTop(explorer.update(resized, .resize(wide))) == before, "and back")
    }

    @Test func theMiddleStaysNearTheMiddle() {
        var state = explorer.press(explorer.initialState(size: Size(width: 80, height: 24)), .character("?"))
        while percent(state) < 50 { state = explorer.press(state, .character("j")) }
        state = explorer.update(state, .resize(Size(width: 40, height: 12)))
        #expect((45...55).contains(percent(state)), "\(percent(state))%")
    }
}

/// In a 5×5 window the notice showed fragments from its middle (" so / needs / 40×12 /
/// Enlar", QA 12a); cut from its end instead, at 12×3 it showed "Terminal too / small /
/// 12×3:", and not how to quit (QA 23). A window too small for the notice gets a short one,
/// whole, "Too small", the size and "q quits"; with fewer rows than that, joined on fewer
/// rows (QA 26: at 20×2 and 40×1 the size was left out), else the way out first; narrower,
/// only the lines that fit whole, and the key alone (QA 24: "3×1" / "1" at 3×11).
@Suite("A tiny window shows a short too-small notice, and the way out")
struct TinyWindowTests {
    @Test(arguments: [(5, 5, "Too small 5×5 q quits"), (12, 3, "Too small 12×3 q quits"), (20, 2, "Too small 20×2 q quits"), (40, 1, "Too small 40×1 · q quits"),
                      (12, 1, "q quits"), (8, 3, "q quits Too small"),
                      (3, 11, "q"), (4, 11, "4×11 q"), (9, 4, "Too small 9×4 q quits"),
                      (30, 10, "Terminal too small 30×10: seealso needs 40×12 Enlarge the window, or press q to quit.")])
    func theNoticeShowsTheWayOut(width: Int, height: Int, expected: String) {
        let explorer = makeExplorer()
        let screen = explorer.render(explorer.initialState(size: Size(width: width, height: height)))
        let text = (0..<height).map { String(screen.row($0)).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        #expect(text.joined(separator: " ") == expected)
    }
}
