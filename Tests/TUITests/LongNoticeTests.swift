import Testing
@testable import TUI

/// QA 18a: a message longer than the status line was cut with "…" and was then gone at the
/// next key, so a reload's `file:line: reason` could not be read at 80 or 120 columns. As vim
/// shows a long message, it takes the rows above the status line until the next key.
@Suite("Notices longer than the status line")
struct LongNoticeTests {
    let explorer = makeExplorer()
    static let reloadFailure = "Not reloaded: luddite.txt:20: unbalanced heading: 2 '=' before the text and 1 after "
        + "(the text read before stays)"

    func state(width: Int = 80, height: Int = 24, notice: String?) -> AppState {
        var state = explorer.initialState(size: Size(width: width, height: height))
        state.notice = notice
        return state
    }

    /// The bottom `count` rows of the screen, their spaces at either end trimmed.
    func bottomRows(_ state: AppState, _ count: Int) -> [String] {
        let screen = explorer.render(state)
        return (state.size.height - count..<state.size.height).map { screen.row($0).trimmingCharacters(in: .whitespaces) }
    }

    @Test func aLongNoticeIsShownWholeOnTheRowsAboveTheStatusLine() {
        let shown = state(notice: Self.reloadFailure)
        let rows = bottomRows(shown, 2)
        // The row above is the screen's whole width; the status line shares its row.
        #expect(rows[0] == "Not reloaded: luddite.txt:20: unbalanced heading: 2 '=' before the text and 1", "\(rows)")
        #expect(rows[1].hasPrefix("after (the text read before stays) "), "\(rows)")
        // The status line keeps its right end: where the reader is, and the help key.
        #expect(rows[1].hasSuffix("Top  ? help"), "\(rows)")
        #expect(!rows.joined().contains("…"))
    }

    /// QA 25: a line feed in a notice (a data folder's name) broke it onto the next row,
    /// where stderr shows `^J`: it is shown as the cells show any control, on the same row.
    @Test func aLineFeedInANoticeIsShownAsCaretJ() {
        let notice = "/tmp/esc\u{1B}[31mred\nnl/state.sqlite is damaged or not a database; it was left untouched: "
            + "use --data-dir DIR, or move the file away"
        let rows = bottomRows(state(notice: notice), 2)
        #expect(rows[0].hasPrefix("/tmp/esc^[[31mred^Jnl/state.sqlite is damaged or not a database;"), "\(rows)")
        #expect(!rows.contains { $0.hasPrefix("nl/state.sqlite") }, "\(rows)")
    }

    /// At 40 columns the rows above take the whole width too (QA 19a: each was the status
    /// line's 26 columns, and the reason was cut with "…").
    @Test func theRowsAboveTakeTheWholeWidth() {
        let rows = bottomRows(state(width: 40, height: 12, notice: Self.reloadFailure), 4)
        #expect(rows.dropLast().allSatisfy { $0.count > 26 }, "\(rows)")
        #expect(!rows.joined().contains("…"), "\(rows)")
        #expect(rows.joined(separator: " ").hasPrefix("Not reloaded: luddite.txt:20: unbalanced heading: 2 '=' before the text"), "\(rows)")
        #expect(rows[3].hasSuffix("Top  ? help"), "\(rows)")
    }

    /// The next key takes it away, and the panes it covered are drawn again.
    @Test func theNextKeyTakesItAway() {
        let shown = state(notice: Self.reloadFailure)
        let plain = state(notice: nil)
        let next = explorer.press(shown, .character("j"))
        let moved = explorer.press(plain, .character("j"))
        #expect(explorer.render(next) == explorer.render(moved))
    }

    /// One that fits takes the status line alone, as before.
    @Test func aNoticeThatFitsTakesOneRow() {
        let shown = state(notice: "“Luddite” changed on disk: reloaded")
        let plain = state(notice: nil)
        let (with, without) = (explorer.render(shown), explorer.render(plain))
        #expect(with.row(22) == without.row(22))
        #expect(with.row(23).hasPrefix(" “Luddite” changed on disk: reloaded"))
    }

    /// A message longer than half the screen is cut there, with "…": the panes stay in sight.
    @Test func aVeryLongNoticeTakesHalfTheScreenAtMost() {
        let long = "Not reloaded: " + Array(repeating: "luddite.links.toml:2: no strategy named 'Machine breaking'", count: 20)
            .joined(separator: "; ")
        let rows = bottomRows(state(notice: long), 13)
        #expect(!rows[0].hasPrefix("Not reloaded"), "\(rows)")
        #expect(rows[1].hasPrefix("Not reloaded: luddite.links.toml:2:"), "\(rows)")
        #expect(rows[12].contains("…") && rows[12].hasSuffix("Top  ? help"), "\(rows)")
    }
}
