import Foundation
import Testing

/// A screen cell as tmux holds it: its character and the SGR state it is drawn in.
struct StyledCell: Equatable {
    var character: Character
    var bold = false
    var underline = false
    var reverse = false
    /// The SGR colour parameters as written (`37`, `5;252`); nil for the default colour.
    var foreground: String?
    var background: String?
}

extension TmuxSession {
    /// The screen's rows as cells with their attributes, from `capture-pane -e`. tmux writes
    /// only the changes from the cell before, the last one of the row above included: a row
    /// that goes on in the attributes the row above ended with starts with no sequence at all
    /// (read line by line, QA 14d took a reversed row for one reversed only after its text).
    func styledRows() -> [[StyledCell]] {
        var rows: [[StyledCell]] = [[]]
        var pen = StyledCell(character: " ")
        var characters = Substring(tmux("capture-pane -e -p -t main").output)
        while let character = characters.first {
            characters = characters.dropFirst()
            if character == "\n" {
                rows.append([])
            } else if character == "\u{1B}", characters.first == "[", let end = characters.firstIndex(of: "m") {
                var parameters = characters[characters.index(after: characters.startIndex)..<end]
                    .split(separator: ";", omittingEmptySubsequences: false).map { Int($0) ?? 0 }[...]
                characters = characters[characters.index(after: end)...]
                if parameters.isEmpty { parameters = [0] }
                while let parameter = parameters.popFirst() {
                    switch parameter {
                    case 0: pen = StyledCell(character: " ")
                    case 1: pen.bold = true
                    case 22: pen.bold = false
                    case 4: pen.underline = true
                    case 24: pen.underline = false
                    case 7: pen.reverse = true
                    case 27: pen.reverse = false
                    case 30...37, 90...97: pen.foreground = String(parameter)
                    case 39: pen.foreground = nil
                    case 40...47, 100...107: pen.background = String(parameter)
                    case 49: pen.background = nil
                    case 38, 48:
                        // 38;5;N and 48;5;N: the palette index follows.
                        let index = parameters.dropFirst().first ?? 0
                        parameters = parameters.dropFirst(2)
                        if parameter == 38 { pen.foreground = "5;\(index)" } else { pen.background = "5;\(index)" }
                    default: break
                    }
                }
            } else {
                var cell = pen
                cell.character = character
                rows[rows.count - 1].append(cell)
            }
        }
        return rows
    }
}

extension Array where Element == StyledCell {
    var text: String { String(map(\.character)) }

    /// The cells of every occurrence of `word`.
    func occurrences(of word: String) -> [ArraySlice<StyledCell>] {
        let characters = map(\.character)
        let length = word.count
        guard count >= length else { return [] }
        return (0...(count - length)).filter { characters[$0..<($0 + length)].elementsEqual(word) }
            .map { self[$0..<($0 + length)] }
    }

    /// The columns between the first and the second `│`: the reader, in the wide layout.
    var readerColumns: [StyledCell] {
        let borders = indices.filter { self[$0].character == "│" }
        return borders.count >= 2 ? Array(self[(borders[0] + 1)..<borders[1]]) : []
    }
}

extension OnATerminal {
    /// The colours and attributes tmux holds for the selections, the search matches and flags,
    /// as the QA reports measured them (QA 14d findings 3, 4 and 6; QA 14c finding 4).
    @Suite("Theme colours and flags in tmux")
    struct ThemeColourEndToEndTests {
        let seealso: String

        init() throws { seealso = Shell.quote(try Binary.path()) }

        /// Polls the styled screen until `condition` holds (10 s at most).
        @discardableResult
        func waitForStyled(_ tmux: TmuxSession, _ what: String, _ condition: ([[StyledCell]]) -> Bool) throws -> [[StyledCell]] {
            let deadline = Date().addingTimeInterval(10)
            var last: [[StyledCell]] = []
            while Date() < deadline {
                last = tmux.styledRows()
                if condition(last) { return last }
                usleep(30_000)
            }
            throw TmuxError(description: "timed out waiting for \(what); the screen was:\n" + last.map(\.text).joined(separator: "\n"))
        }

        /// The outline's cells (left of the first `│`) of the row whose outline shows `text`.
        static func outlineRow(_ rows: [[StyledCell]], _ text: String) -> [StyledCell]? {
            rows.lazy.compactMap { row -> [StyledCell]? in
                guard let border = row.firstIndex(where: { $0.character == "│" }) else { return nil }
                let outline = Array(row[..<border])
                return outline.text.contains(text) ? outline : nil
            }.first
        }

        /// Light theme (`COLORFGBG=0;15`), `1` `j`: the focused selection was `ESC[7;37;44m`, blue
        /// on palette white, paler than the unfocused band. It is white on blue, bold, across
        /// the row; the cross-links' unfocused selection stays on the grey 252 band.
        @Test func lightThemeFocusedSelectionIsWhiteOnBlue() throws {
            let tmux = try TmuxSession(width: 120, height: 40, environment: ["COLORFGBG": "0;15"])
            tmux.type("\(seealso) --no-restore")
            try tmux.waitFor("? help")
            tmux.press("1", "j")
            let rows = try waitForStyled(tmux, "Background selected on blue") { rows in
                Self.outlineRow(rows, "Background")?.contains { $0.background == "44" } == true
            }
            let row = try #require(Self.outlineRow(rows, "Background"))
            #expect(row.allSatisfy { $0.foreground == "37" && $0.background == "44" && !$0.reverse },
                    "white on blue, not reversed: \(row)")
            let name = try #require(row.occurrences(of: "Background").first)
            #expect(name.allSatisfy { $0.bold })
            #expect(rows.contains { $0.contains { $0.background == "5;252" && $0.foreground == "30" && !$0.reverse } },
                    "the cross-links' selection on the light grey band")
            tmux.press("q")
            try tmux.waitForPrompt()
        }

        /// Dark theme, `/soviet` Enter `n`: the other matches were `ESC[7;30;43m`, yellow text on
        /// palette black, no band on a black terminal. They are black on yellow; the current
        /// match that reversed, bold and underlined.
        @Test func matchesAreAYellowBand() throws {
            let tmux = try TmuxSession(width: 120, height: 40)
            tmux.type("\(seealso) --no-restore")
            try tmux.waitFor("? help")
            tmux.press("/")
            tmux.tmux("send-keys -t main -l soviet")
            tmux.press("Enter", "n")
            let rows = try waitForStyled(tmux, "the second match current") { rows in
                rows.contains { $0.text.contains("match 2/") }
            }
            let matched = rows.dropLast().flatMap { row in
                let reader = row.readerColumns
                return reader.occurrences(of: "oviet").filter { $0.startIndex > 0 }.map { reader[($0.startIndex - 1)..<$0.endIndex] }
            }
            let current = matched.filter { $0.allSatisfy { $0.bold && $0.underline } }
            let others = matched.filter { !$0.contains { $0.bold && $0.underline } }
            #expect(current.count == 1 && current.allSatisfy { $0.allSatisfy { $0.reverse } },
                    "one current match, bold, underlined and reversed")
            #expect(!others.isEmpty && others.allSatisfy { $0.allSatisfy { $0.foreground == "30" && $0.background == "43" && !$0.reverse } },
                    "the others black on yellow, not reversed: \(others.map(Array.init))")
            tmux.press("q")
            try tmux.waitForPrompt()
        }

        /// NO_COLOR, `1`: the outline's lead row, the current section selected, is reversed in
        /// every cell, its name bold, as every other selected row is.
        @Test func monoLeadRowIsReversedWhole() throws {
            let tmux = try TmuxSession(width: 120, height: 40, environment: ["NO_COLOR": "1"])
            tmux.type("\(seealso) --no-restore")
            try tmux.waitFor("? help")
            tmux.press("1")
            let rows = try waitForStyled(tmux, "the lead row selected") { rows in
                Self.outlineRow(Array(rows.dropFirst()), "Dual power")?.contains { $0.reverse } == true
            }
            let lead = try #require(Self.outlineRow(Array(rows.dropFirst()), "Dual power"))
            #expect(lead.allSatisfy { $0.reverse }, "reversed across the pane: \(lead)")
            let name = try #require(lead.occurrences(of: "Dual power").first)
            #expect(name.allSatisfy { $0.bold })
            tmux.press("q")
            try tmux.waitForPrompt()
        }

        /// QA 14c: tmux showed `France 🇫  and Finland 🇫 `. The flags are their region codes, and
        /// the line keeps its width: the reader's right border stays where every row has it.
        @Test func flagsShowTheirRegionCodes() throws {
            let tmux = try TmuxSession(width: 120, height: 40)
            let england = "🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}"
            let article = tmux.home.appendingPathComponent("flags.txt")
            try "= Flags =\nFrance 🇫🇷 and Finland 🇫🇮. England \(england), a lone 🇫 letter.\n\n== See also ==\n- Vexillology\n"
                .write(to: article, atomically: true, encoding: .utf8)
            tmux.type("\(seealso) --no-restore \(Shell.quote(article.path))")
            let screen = try tmux.waitFor("France FR and Finland FI. England GB-ENG, a lone F")
            #expect(!screen.contains("\u{1F1EB}"), "no regional indicator reaches the terminal")
            let lines = screen.split(separator: "\n")
            let line = try #require(lines.first { $0.contains("France FR") })
            let borders = { (row: Substring) in row.indices.filter { row[$0] == "│" }.map { row.distance(from: row.startIndex, to: $0) } }
            let other = try #require(lines.first { $0.contains("Vexillology") && borders($0).count == borders(line).count })
            #expect(borders(line) == borders(other), "the panes' borders where the other rows have them")
            tmux.press("q")
            try tmux.waitForPrompt()
        }
    }
}
