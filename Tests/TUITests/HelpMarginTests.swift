import Testing
@testable import TUI

/// The help overlay leaves nothing of the panes beside or below its box: at 120×40 the
/// cross-links title, cut with "…" at the screen's edge, showed its "…" in the column right
/// of the box (` ┌  Keys — ?, Esc or q closes  ───…───┐…`), and further down `│…`.
@Suite("The help overlay's margin")
struct HelpMarginTests {
    let explorer = makeExplorer()

    /// The section with the longest heading, "Modern usage by libertarian socialists": the
    /// cross-links title is cut with "…" at 120 columns.
    func longTitle(_ size: Size) -> AppState {
        explorer.update(explorer.initialState(size: size), .follow(.section(7)))
    }

    /// The help opened over it.
    func help(_ size: Size) -> (state: AppState, screen: CellBuffer) {
        let state = explorer.press(longTitle(size), .character("?"))
        return (state, explorer.render(state))
    }

    @Test("At 120×40, the columns beside the box and the row under it are blank")
    func nothingShowsBesideTheBox() throws {
        let size = Size(width: 120, height: 40)
        #expect(explorer.render(longTitle(size)).row(0).hasSuffix("…"), "the cross-links title is cut at the screen's edge")
        let (state, screen) = help(size)
        let box = explorer.helpLayout(state).box
        let rows = (0..<screen.height).map { Array(screen.row($0)) }
        #expect(rows[box.y].starts(with: Array(" ┌  Keys — ?, Esc or q closes  ───")))
        for y in 0..<(screen.height - 1) {
            let row = rows[y]
            let beside = String(row[..<box.x]) + String(row[box.maxX...])
            let inBox = y >= box.y && y < box.maxY
            // Above the status bar, everything outside the box is blank: its margin columns, and
            // the rows left under it (too few to read anything of the panes).
            #expect(beside.allSatisfy { $0 == " " } && (inBox || row.allSatisfy { $0 == " " }),
                    "row \(y): \(String(row))")
        }
        #expect(rows[screen.height - 1].starts(with: Array(" Dual power › Modern usage by libertarian socialists")),
                "the status bar stays")
    }

    /// At every size, wide or tall enough for a margin of several columns or rows, nothing but
    /// the box shows above the status bar: no strip of the panes, and so no wide character cut
    /// in half at the box's edge either.
    @Test(arguments: [(80, 24), (121, 41), (159, 50), (200, 60), (240, 90)])
    func onlyTheBoxAboveTheStatusBar(width: Int, height: Int) {
        let (state, screen) = help(Size(width: width, height: height))
        let box = explorer.helpLayout(state).box
        for y in 0..<(height - 1) {
            let row = Array(screen.row(y))
            let outside = (y >= box.y && y < box.maxY) ? String(row[..<box.x]) + String(row[box.maxX...]) : String(row)
            #expect(outside.allSatisfy { $0 == " " }, "row \(y): \(String(row))")
        }
        #expect(screen.row(height - 1).hasPrefix(" Dual power › Modern usage"), "the status bar stays")
    }
}
