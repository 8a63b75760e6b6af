import Content
import Testing
@testable import TUI

/// The wheel over the outline while another pane has the focus scrolls the outline's view,
/// as it scrolls the reader and the lists without focusing them.
@Suite("The wheel over the outline")
struct OutlineWheelTests {
    let explorer: Explorer

    init() throws {
        var text = "= Many =\n\nThe lead.\n\n"
        for number in 1...40 { text += "== Part \(number) ==\n\nText of part \(number).\n\n" }
        explorer = Explorer(model: try LinkedArticle(article: ArticleParser().parse(text, path: "many.txt")))
    }

    var start: AppState { explorer.initialState(size: Size(width: 120, height: 16)) }

    func wheel(_ state: AppState, _ kind: MouseEvent.Kind, times: Int = 1) throws -> AppState {
        let outline = try #require(state.layout.rect(of: .outline))
        return (0..<times).reduce(state) { state, _ in
            explorer.update(state, .mouse(MouseEvent(kind: kind, x: outline.x + 2, y: outline.y + 3)))
        }
    }

    /// The outline pane's text rows, below its title.
    func outline(_ state: AppState) throws -> [String] {
        let rect = try #require(state.layout.rect(of: .outline))
        let screen = explorer.render(state)
        return ((rect.y + 1)..<(rect.y + rect.height)).map {
            String(Array(screen.row($0)).dropFirst(rect.x).prefix(rect.width)).trimmingCharacters(in: .whitespaces)
        }
    }

    @Test func theWheelScrollsAnUnfocusedOutlineUntilTheReaderEntersAnotherSection() throws {
        let before = try outline(start)
        #expect(before.first == "Many")
        var state = try wheel(start, .wheelDown, times: 2)
        #expect(state.focus == .reader, "the wheel does not focus the outline")
        #expect(state.reader == start.reader)
        let scrolled = try outline(state)
        #expect(scrolled.first == "Part 6", "two notches of three lines: \(scrolled)")
        #expect(state.outline.selectedSection == 0, "the selection still shows the section being read")

        // Reading on within the same section leaves the outline where the wheel put it.
        state = explorer.press(state, .character("j"))
        #expect(explorer.currentSection(state) == 0)
        #expect(try outline(state) == scrolled)

        state = try wheel(state, .wheelUp)
        #expect(try outline(state).first == "Part 3")
        state = try wheel(state, .wheelDown, times: 40)
        #expect(try outline(state).last == "Part 40", "it stops at the end of the list")

        // Entering another section brings it back into view, as it does without the wheel.
        state = explorer.update(state, .follow(.section(2)))
        #expect(try outline(state).contains("Part 2"))
    }

    /// Focused, the outline's selection moves with the wheel, as in the list panes.
    @Test func theWheelMovesTheSelectionOfAFocusedOutline() throws {
        let state = try wheel(explorer.press(start, .character("1")), .wheelDown)
        #expect(state.focus == .outline)
        #expect(state.outline.selectedSection == 3)
    }
}
