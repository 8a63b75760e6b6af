import Content
import ExplorerTestSupport
import Foundation
import Testing
@testable import TUI

/// Every frame says where the terminal's cursor goes, for screen readers and braille displays
/// that follow it (QA 14d: it sat wherever the last write ended, past the status bar's end):
/// the start of the focused pane's selection, the selected cross-reference, a prompt's typing
/// point, the help's top line. Each expected place is found on the drawn screen, by what a
/// sighted reader sees there (the selection's band, the selected cross-reference, the reversed
/// cell of a prompt's cursor), not computed again from the layout.
@MainActor
@Suite("The cursor follows the focus")
struct CursorPlacementTests {
    let explorer = Explorer(model: bundledModel, bookmarks: true)
    nonisolated static let sizes = [Size(width: 80, height: 24), Size(width: 200, height: 60)]

    func started(_ size: Size, showsCursor: Bool = false) -> (ExplorerSession, AppState) {
        let runner = ExplorerSession(explorer: explorer, service: FakeBookmarks())
        let state = explorer.initialState(size: size, display: DisplaySettings(showsCursor: showsCursor))
        return (runner, runner.startUp(state, start: nil, restore: false))
    }

    func press(_ runner: ExplorerSession, _ state: AppState, _ keys: String) -> AppState {
        keys.reduce(state) { runner.apply(explorer.action(for: .key(.character($1)), in: $0), to: $0) }
    }

    /// The first cell (row by row) in `rect` whose style `matches`.
    func firstCell(_ screen: CellBuffer, in rect: Rect, where matches: (Style) -> Bool) -> (x: Int, y: Int)? {
        for y in rect.y..<rect.maxY {
            for x in rect.x..<rect.maxX where matches(screen[x, y].style) { return (x, y) }
        }
        return nil
    }

    func placement(_ screen: CellBuffer) throws -> CursorPlacement {
        let cursor = screen.cursor
        return try #require(cursor, "the frame places the cursor")
    }

    @Test(arguments: sizes)
    func theReaderWithoutASelectedReferenceHasItOnItsFirstTextRow(size: Size) throws {
        let (_, state) = started(size)
        let screen = explorer.render(state)
        let reader = try #require(state.layout.rect(of: .reader))
        let cursor = try placement(screen)
        // The title bar's row, then the text: its first row, where the text starts.
        #expect(cursor.y == reader.y + 1)
        let text = screen.row(cursor.y)
        let firstText = text.dropFirst(reader.x).firstIndex { $0 != " " }.map { text.distance(from: text.startIndex, to: $0) }
        #expect(cursor.x == firstText, "\(cursor) on \(text)")
        #expect(!cursor.isVisible, "hidden, as tig and htop keep it, but placed")
    }

    @Test(arguments: sizes)
    func aSelectedCrossReferenceHasIt(size: Size) throws {
        let (runner, start) = started(size)
        let state = press(runner, start, "]")
        let screen = explorer.render(state)
        let reader = try #require(state.layout.rect(of: .reader))
        let selected = try #require(firstCell(screen, in: reader) { $0.role == .linkSelected })
        let cursor = try placement(screen)
        #expect(cursor.x == selected.x && cursor.y == selected.y, "\(cursor) vs \(selected)")
        #expect(!cursor.isVisible)
    }

    /// `1 j j`, `3 j`, `4 j` and, with two bookmarks, `5 j`: the first cell of the focused
    /// pane's selected row, and again after `k` moves the selection.
    @Test(arguments: sizes)
    func theFocusedListsSelectedRowHasItAtItsStart(size: Size) throws {
        let (runner, start) = started(size)
        for keys in ["1jj", "3j", "4j", "}m}}m5j"].flatMap({ [$0, $0 + "k"] }) {
            let state = press(runner, start, keys)
            let screen = explorer.render(state)
            let pane = try #require(state.layout.rect(of: state.focus))
            let band = try #require(firstCell(screen, in: Rect(x: pane.x, y: pane.y + 1, width: pane.width, height: pane.height - 1)) {
                $0.role == .selection
            }, "\(keys): a selected row")
            let cursor = try placement(screen)
            #expect(cursor.x == band.x && cursor.y == band.y, "\(keys): \(cursor) vs \(band)")
            #expect(cursor.x == pane.x, "\(keys): the row's start")
        }
    }

    /// `/` and a word: the cell after the last character typed, where the prompt draws its
    /// cursor, and the cursor shows there, as in less and vim.
    @Test(arguments: sizes)
    func theSearchPromptHasItVisibleAtTheTypingPoint(size: Size) throws {
        let (runner, start) = started(size)
        let state = press(runner, start, "/soviet")
        let screen = explorer.render(state)
        let status = state.layout.status
        let typed = screen.row(status.y)
        let end = try #require(typed.range(of: "soviet")).upperBound
        let cursor = try placement(screen)
        #expect(cursor.y == status.y)
        #expect(cursor.x == typed.distance(from: typed.startIndex, to: end), "right after the typed text: \(cursor)")
        #expect(screen[cursor.x, cursor.y].style.reverse, "on the prompt's own cursor cell")
        #expect(cursor.isVisible)
    }

    /// A note (`M`), with the text cursor moved back into the text: the cursor is there.
    @Test(arguments: sizes)
    func theNotePromptHasItWhereTheTextCursorIs(size: Size) throws {
        let (runner, start) = started(size)
        var state = press(runner, start, "Mdraft")
        state = runner.apply(explorer.action(for: .key(.left), in: state), to: state)
        state = runner.apply(explorer.action(for: .key(.left), in: state), to: state)
        let screen = explorer.render(state)
        let status = state.layout.status
        let row = screen.row(status.y)
        let cursor = try placement(screen)
        #expect(cursor.isVisible && cursor.y == status.y)
        #expect(screen[cursor.x, cursor.y].text == "f", "on the character the text cursor is on: \(row)")
        #expect(screen[cursor.x, cursor.y].style.reverse)
    }

    @Test(arguments: sizes)
    func theFinderHasItVisibleAtTheTypingPoint(size: Size) throws {
        let (runner, start) = started(size)
        let state = press(runner, start, ":lib")
        let screen = explorer.render(state)
        let cursor = try placement(screen)
        let row = screen.row(cursor.y)
        #expect(row.contains("› lib"), "the finder's input line: \(row)")
        let end = try #require(row.range(of: "› lib")).upperBound
        #expect(cursor.x == row.distance(from: row.startIndex, to: end))
        #expect(cursor.isVisible)
    }

    @Test(arguments: sizes)
    func theHelpHasItOnItsTopLine(size: Size) throws {
        let (runner, start) = started(size)
        let state = press(runner, start, "?")
        let screen = explorer.render(state)
        let cursor = try placement(screen)
        // The row under the box's top border, its first character.
        let corner = try #require((0..<screen.height).lazy.compactMap { y -> (Int, Int)? in
            let row = Array(screen.row(y))
            return row.firstIndex(of: "┌").map { ($0, y) }
        }.first)
        #expect(cursor.y == corner.1 + 1)
        let row = Array(screen.row(cursor.y))
        #expect(row.indices.contains(cursor.x) && row[cursor.x] != " ", "on the first line's text: \(String(row))")
        #expect(row[(corner.0 + 1)..<cursor.x].allSatisfy { $0 == " " })
        #expect(!cursor.isVisible)
    }

    @Test(arguments: sizes)
    func theLinkMapHasItOnTheSelectedNode(size: Size) throws {
        let (runner, start) = started(size)
        let state = press(runner, start, "3jvj")
        #expect(state.linkMap != nil)
        let screen = explorer.render(state)
        let band = try #require(firstCell(screen, in: screen.bounds) { $0.role == .selection })
        let cursor = try placement(screen)
        #expect(cursor.x == band.x && cursor.y == band.y, "\(cursor) vs \(band)")
    }

    /// A map of no links (the last section's, QA 15b) has its cursor on its one node, the
    /// focus box, at the start of the row that names it; it sat on the title, at (0, 0).
    @Test(arguments: sizes)
    func aLinkMapOfNoLinksHasItOnItsNode(size: Size) throws {
        let (runner, start) = started(size)
        let state = press(runner, start, "Gv")
        let screen = explorer.render(state)
        let title = screen.row(0)
        #expect(title.contains("· 0 links"), "\(title)")
        let name = try #require(title.components(separatedBy: "Link map: ").last?.components(separatedBy: " · ").first)
        let cursor = try placement(screen)
        #expect(cursor.y > 0)
        #expect(screen.row(cursor.y).dropFirst(cursor.x).hasPrefix(" " + name + " │"), "\(cursor): \(screen.row(cursor.y))")
    }

    @Test func theTooSmallNoticeHasItOnItsFirstCell() throws {
        let (_, state) = started(Size(width: 39, height: 11))
        let screen = explorer.render(state)
        let cursor = try placement(screen)
        let row = screen.row(cursor.y)
        #expect(row.dropFirst(cursor.x).hasPrefix("Terminal too small"), "\(cursor): \(row)")
    }

    /// `show-cursor = true`: shown on the selection too, as lynx's show_cursor.
    @Test(arguments: sizes)
    func showCursorShowsItOnTheSelection(size: Size) throws {
        let (runner, start) = started(size, showsCursor: true)
        for keys in ["", "]", "3j", "?"] {
            let cursor = try placement(explorer.render(press(runner, start, keys)))
            #expect(cursor.isVisible, "after '\(keys)'")
        }
    }

    /// A frame that changes nothing writes nothing, the cursor already where it goes; one
    /// whose only change is the cursor's place writes only the move.
    @Test func theEncoderMovesTheCursorOnlyWhenItMoves() throws {
        let (runner, start) = started(Size(width: 80, height: 24))
        var encoder = ScreenEncoder(features: .xterm, theme: .dark) { _ in 1 }
        _ = encoder.encode(explorer.render(start))
        #expect(encoder.encode(explorer.render(start)).isEmpty, "an idle frame writes 0 bytes")
        var moved = explorer.render(start)
        let cursor = try placement(moved)
        moved.cursor = CursorPlacement(x: cursor.x + 3, y: cursor.y, isVisible: false)
        #expect(String(decoding: encoder.encode(moved), as: UTF8.self) == "\u{1B}[3C")
        let bytes = encoder.encode(explorer.render(press(runner, start, "3j")))
        let selected = try placement(explorer.render(press(runner, start, "3j")))
        // The selected row is the last one written: the move back is to its column (CHA), or
        // an address.
        let written = String(decoding: bytes, as: UTF8.self)
        #expect(written.hasSuffix("\u{1B}[\(selected.x + 1)G") || written.hasSuffix("\u{1B}[\(selected.y + 1);\(selected.x + 1)H"),
                "ends at the selection: \(written.debugDescription)")
        #expect(encoder.encode(explorer.render(press(runner, start, "3j"))).isEmpty)
    }
}
