import Foundation
import Testing

extension OnATerminal {
    /// An unfocused list pane keeps its selection marked, dimmed, on a real terminal: the
    /// colours and attributes tmux holds for the row (`capture-pane -e`), since the text of
    /// the screen is the same with the mark and without it.
    @Suite("The selection of an unfocused pane in tmux")
    struct InactiveSelectionEndToEndTests {
        let seealso: String

        init() throws { seealso = Shell.quote(try Binary.path()) }

        /// The cross-links column (right of the second `│`) of each screen row, with the SGR
        /// sequences tmux writes for its cells.
        func styledCrossLinks(_ tmux: TmuxSession) -> [String] {
            tmux.tmux("capture-pane -e -p -t main").output.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                let columns = line.components(separatedBy: "│")
                return columns.count > 2 ? columns[2] : ""
            }
        }

        /// Polls the styled cross-links column until `condition` holds (10 s at most).
        @discardableResult
        func waitForStyled(_ tmux: TmuxSession, _ what: String, _ condition: ([String]) -> Bool) throws -> [String] {
            let deadline = Date().addingTimeInterval(10)
            var last: [String] = []
            while Date() < deadline {
                last = styledCrossLinks(tmux)
                if condition(last) { return last }
                usleep(30_000)
            }
            throw TmuxError(description: "timed out waiting for \(what); the cross-links column was:\n"
                + last.joined(separator: "\n").replacingOccurrences(of: "\u{1B}", with: "^["))
        }

        /// Every row the tests read, and the status bar, drawn last: tmux may show a frame half drawn.
        static func municipalismDrawn(_ screen: String) -> Bool {
            ["3 Cross-links: Municipalism", "← Communalism (Bookchin)", "← Intercommunalism", "4 Backlinks: Municipalism", "? help"]
                .allSatisfy(screen.contains)
        }

        /// The focused selection's white on blue, in a row of `styledCrossLinks`.
        static func focusedSelection(_ row: String) -> Bool { row.contains("[44m") || row.contains(";44m") }
        static func reversed(_ row: String) -> Bool { row.contains("[7m") || row.contains(";7m") || row.contains(";7;") }
        static func underlined(_ row: String) -> Bool {
            row.contains("[4m") || row.contains(";4m") || row.contains(";4;") || row.contains("[4;")
        }

        /// `3` focuses the cross-links, `j` selects their second entry, `2` focuses the reader:
        /// the entry stays marked, on the dark theme's grey band (256-colour 238), not in the
        /// focused selection's blue; `3` makes it the selection again. With NO_COLOR it is
        /// underlined, the focused one reversed.
        @Test func crossLinksKeepTheirSelectionWhenTheReaderIsFocused() throws {
            let tmux = try TmuxSession(width: 120, height: 40)
            tmux.type("\(seealso) --no-restore --item Municipalism")
            let screen = try tmux.waitUntil("the cross-links and backlinks of Municipalism", Self.municipalismDrawn)
            // The first rows that name them are the cross-links' (the backlinks' come below).
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
            let second = try #require(lines.firstIndex { $0.contains("← Intercommunalism") })
            let first = try #require(lines.firstIndex { $0.contains("← Communalism (Bookchin)") })
            let backlinks = try #require(lines.firstIndex { $0.contains("4 Backlinks: Municipalism") })
            #expect(first < second && second < backlinks)
            // The backlinks, unfocused throughout, mark their own selection, their first entry.
            let backlinksFirst = try #require(lines.indices.first { $0 > backlinks && lines[$0].contains("← ") })

            let focusedSelection = Self.focusedSelection
            func band(_ row: String) -> Bool { row.contains("48;5;238") }

            tmux.press("3", "j")
            try waitForStyled(tmux, "Intercommunalism selected in the focused cross-links") { focusedSelection($0[second]) }
            tmux.press("2")
            // Waited for whole: a capture may catch the row half rewritten. Without the mark it
            // times out, showing the column.
            let styled = try waitForStyled(tmux, "the row still marked, on the band, the reader focused") {
                band($0[second]) && !focusedSelection($0[second]) && $0[second].contains("Intercommunalism")
            }
            #expect(!band(styled[first]) && !focusedSelection(styled[first]), "only the selected row: \(styled[first].debugDescription)")
            #expect(styled[..<backlinks].filter(band).count == 1, "one row of the cross-links on the band")
            #expect(styled[backlinks...].filter(band).count == 1 && band(styled[backlinksFirst]), "and one of the backlinks")

            tmux.press("3")
            let again = try waitForStyled(tmux, "the cross-links focused again") { focusedSelection($0[second]) }
            #expect(!band(again[second]))
            tmux.press("q")
            try tmux.waitForPrompt()

            // Attributes only: the focused selection reversed, the unfocused one underlined.
            tmux.type("NO_COLOR=1 \(seealso) --no-restore --item Municipalism")
            try tmux.waitUntil("the explorer again", Self.municipalismDrawn)
            let (reversed, underlined) = (Self.reversed, Self.underlined)
            tmux.press("3", "j")
            try waitForStyled(tmux, "Intercommunalism selected, reversed") { reversed($0[second]) }
            tmux.press("2")
            let mono = try waitForStyled(tmux, "the row still marked, underlined, the reader focused") {
                underlined($0[second]) && !reversed($0[second])
            }
            #expect(!underlined(mono[first]))
            tmux.press("q")
            try tmux.waitForPrompt()
        }

        /// With 8 colours (TERM=screen; so are linux and xterm) there is no grey: the band came
        /// out white on black, the Linux console's plain text, and nothing marked the row. It
        /// is underlined as well, as without colours; the focused selection is still blue.
        @Test func onEightColoursTheUnfocusedSelectionIsUnderlined() throws {
            let tmux = try TmuxSession(width: 120, height: 40, environment: ["TERM": "screen"])
            tmux.type("\(seealso) --no-restore --item Municipalism; echo eightcolours=$?")
            let screen = try tmux.waitUntil("the cross-links and backlinks of Municipalism", Self.municipalismDrawn)
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
            let second = try #require(lines.firstIndex { $0.contains("← Intercommunalism") })
            let first = try #require(lines.firstIndex { $0.contains("← Communalism (Bookchin)") })

            tmux.press("3", "j")
            let focused = try waitForStyled(tmux, "Intercommunalism selected in the focused cross-links") { Self.focusedSelection($0[second]) }
            #expect(!Self.underlined(focused[second]), "the focused selection is not underlined")
            tmux.press("2")
            let styled = try waitForStyled(tmux, "the row underlined, the reader focused") {
                Self.underlined($0[second]) && !Self.focusedSelection($0[second]) && $0[second].contains("Intercommunalism")
            }
            #expect(!Self.underlined(styled[first]), "only the selected row: \(styled[first].debugDescription)")
            tmux.press("q")
            #expect(try tmux.waitForStatus("eightcolours") == 0)
        }
    }
}
