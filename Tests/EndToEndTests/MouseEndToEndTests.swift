import Foundation
import Testing

extension OnATerminal {
    /// Mouse reports as a terminal sends them, typed into tmux as raw bytes: SGR (`ESC [ <
    /// b;x;y M`, `m` for a release), X10 (`ESC [ M` and three bytes), urxvt (`ESC [ b;x;y M`).
    @Suite("The mouse in tmux")
    struct MouseEndToEndTests {
        let seealso: String

        init() throws { seealso = Shell.quote(try Binary.path()) }

        /// The screen's rows with the SGR sequences tmux writes for their cells.
        func styledScreen(_ tmux: TmuxSession) -> [Substring] {
            tmux.tmux("capture-pane -e -p -t main").output.split(separator: "\n", omittingEmptySubsequences: false)
        }

        /// Polls the styled screen until `condition` holds for it (10 s at most).
        @discardableResult
        func waitForStyled(_ tmux: TmuxSession, _ what: String, _ condition: ([Substring]) -> Bool) throws -> [Substring] {
            let deadline = Date().addingTimeInterval(10)
            var last: [Substring] = []
            while Date() < deadline {
                last = styledScreen(tmux)
                if condition(last) { return last }
                usleep(30_000)
            }
            throw TmuxError(description: "timed out waiting for \(what); the screen was:\n"
                + last.joined(separator: "\n").replacingOccurrences(of: "\u{1B}", with: "^["))
        }

        /// A click, press and release, at 1-based column `x` and row `y`, in SGR form.
        func click(_ tmux: TmuxSession, x: Int, y: Int) {
            tmux.tmux("send-keys -t main -l \(Shell.quote("\u{1B}[<0;\(x);\(y)M\u{1B}[<0;\(x);\(y)m"))")
        }

        /// QA's report: the reader focused (`2 g`), the cross-links' selected entry, on the grey
        /// band of an unfocused selection, clicked once: it opened. One click now focuses the
        /// cross-links with that entry (the lead's first, Dual state) selected; the second opens it.
        @Test func aClickOnAnUnfocusedPaneSelectionFocusesAndASecondFollows() throws {
            let tmux = try TmuxSession(width: 120, height: 30, environment: ["TERM": "xterm-256color"])
            tmux.type("\(seealso) --no-restore")
            try tmux.waitUntil("the lead's cross-links and the status bar") {
                $0.contains("2 Dual power") && $0.contains("← Dual state (model)") && $0.contains("? help")
            }
            tmux.press("2", "g")
            func focused(_ row: Substring) -> Bool { row.contains("[44m") || row.contains(";44m") }
            func band(_ row: Substring) -> Bool { row.contains("48;5;238") }
            let lines = tmux.screen().split(separator: "\n", omittingEmptySubsequences: false)
            let y = try #require(lines.firstIndex { $0.contains("← Dual state (model)") })
            let x = try #require(lines[y].range(of: "Dual state").map { lines[y].distance(from: lines[y].startIndex, to: $0.lowerBound) })
            try waitForStyled(tmux, "the entry on the band, the reader focused") { band($0[y]) && $0[y].contains("Dual state") }

            click(tmux, x: x + 1, y: y + 1)
            try waitForStyled(tmux, "the entry the focused selection") { focused($0[y]) && $0[y].contains("Dual state") }
            let screen = tmux.screen()
            #expect(!screen.contains("Topic: Dual state (model)") && screen.contains("2 Dual power"), "nothing opened:\n\(screen)")

            click(tmux, x: x + 1, y: y + 1)
            try tmux.waitFor("2 Topic: Dual state (model)")
            tmux.press("q")
            try tmux.waitForPrompt()
        }

        /// QA's report: with `mouse = false`, reports from a terminal left reporting ran as
        /// keys. Under xterm-256color (kmous `ESC [ <`) a press's `M` opened the note prompt
        /// and a release's `m` bookmarked, or unbookmarked in the Bookmarks pane; under
        /// screen-256color (kmous `ESC [ M`) an X10 report's three bytes were keys: a space
        /// paged down, and column 68's `d` deleted a bookmark. Each is one event now, ignored: nothing on screen changes but
        /// the status line, where the unbound key typed after them is reported.
        @Test(arguments: ["xterm-256color", "screen-256color"])
        func mouseReportsWithTheMouseOffRunNoKeys(term: String) throws {
            let tmux = try TmuxSession(width: 120, height: 30, environment: ["TERM": term])
            let config = tmux.home.appendingPathComponent("no mouse.toml")
            try Data("mouse = false\n".utf8).write(to: config)
            tmux.type("\(seealso) --no-restore --config \(Shell.quote(config.path))")
            try tmux.waitUntil("the explorer and its status bar") { $0.contains("2 Dual power") && $0.contains("? help") }
            #expect(try !tmux.modes().mouse, "the explorer asked for no reports")
            // A bookmark, and the Bookmarks pane focused: `m` there would remove it, `d` too.
            tmux.press("m")
            try tmux.waitFor("Bookmarked: Dual power")
            tmux.press("5")
            let before = try waitForStyled(tmux, "the Bookmarks pane focused") { rows in rows.contains { $0.contains("★") && $0.contains("44m") } }

            let reports = [
                "\u{1B}[<0;30;10M", "\u{1B}[<0;30;10m",        // SGR press and release
                "\u{1B}[<64;30;10M", "\u{1B}[<65;100;10M",     // SGR wheel up and down
                "\u{1B}[32;30;10M", "\u{1B}[35;30;10M",         // urxvt press and release
            ]
            for report in reports { tmux.tmux("send-keys -t main -l \(Shell.quote(report))") }
            // X10 press and release at column 68, row 10 (`d`, `*`: 32 over each), and the
            // wheel at column 100 (0x84, no UTF-8), as bytes.
            for bytes in ["20 64 2a", "23 64 2a", "60 84 2a", "61 84 2a"] { tmux.tmux("send-keys -t main -H 1b 5b 4d \(bytes)") }
            tmux.press("Z")
            let screen = try tmux.waitFor("Z is not bound to anything")
            #expect(!screen.contains("Note for"), "no note prompt:\n\(screen)")
            let after = styledScreen(tmux)
            #expect(after.count == before.count)
            let changed = zip(before, after).enumerated().filter { $0.element.0 != $0.element.1 }.map(\.offset)
            #expect(changed == [tmux.height - 1], "only the status line changed: rows \(changed)\n\(screen)")
            tmux.press("q")
            try tmux.waitForPrompt()
        }

        /// QA 23: under TERM=tmux-256color or screen-256color (`kmous` is `ESC [ M`) ncurses
        /// asks for X10 reports only, whose bytes stop at column 223: in a window 250 wide, a
        /// click on a cross-reference at column 237 selected the one at 223, and a second opened
        /// it. The explorer asks for SGR reports itself there (mode 1006), reads them, and
        /// turns the mode off with the rest on quitting.
        @Test(arguments: ["tmux-256color", "screen-256color"])
        func clicksPastColumn223UnderAnX10Terminal(term: String) throws {
            let tmux = try TmuxSession(width: 250, height: 20, environment: ["TERM": term])
            let article = tmux.home.appendingPathComponent("dense.txt")
            let paragraph = Array(repeating: "Alpha and Beta and Gamma.", count: 40).joined(separator: " ")
            try Data("= Dense =\n\n\(paragraph)\n\n== See also ==\n- Alpha\n- Beta\n- Gamma\n".utf8).write(to: article)
            tmux.type("\(seealso) --no-restore \(Shell.quote(article.path))")
            try tmux.waitUntil("the explorer and its status bar") { $0.contains("Alpha[1]") && $0.contains("? help") }
            let modes = try tmux.modes()
            #expect(modes.mouse && modes.sgrMouse, "SGR reports asked for: \(modes)")
            tmux.press("z")
            // A cross-reference that starts past column 223 (0-based), with another name than
            // the one at 223, where an X10 click would land.
            let pattern = /(Alpha|Beta|Gamma)\[\d+\]/
            let (row, target, column) = try #require(try tmux.waitUntil("the reader zoomed") { screen in
                !screen.contains("Cross-links") && screen.contains("Alpha[1]")
            }.split(separator: "\n", omittingEmptySubsequences: false).enumerated().lazy.compactMap { row, line -> (Int, String, Int)? in
                let spans = line.matches(of: pattern).map { (name: String($0.output.1), start: line.distance(from: line.startIndex, to: $0.range.lowerBound),
                                                             end: line.distance(from: line.startIndex, to: $0.range.upperBound)) }
                let clamped = spans.first { $0.start <= 223 && 223 < $0.end }?.name
                return spans.first { $0.start > 223 && $0.name != clamped }.map { (row, $0.name, $0.start) }
            }.first, "no cross-reference past column 223:\n\(tmux.screen())")
            click(tmux, x: column + 2, y: row + 1)
            click(tmux, x: column + 2, y: row + 1)
            let opened = try tmux.waitFor("Topic: \(target)")
            #expect(!opened.contains("Topic: \(target == "Alpha" ? "Beta" : "Alpha")"), "\(opened)")
            tmux.press("q")
            try tmux.waitForPrompt()
            #expect(try tmux.modes() == tmux.shellModes, "the mouse modes turned off")
        }

        /// QA 28: under TERM=vt100 or vt220, whose entries have no `kmous`, ncurses asks for no
        /// mouse reports, and in a terminal with a mouse clicks and the wheel did nothing,
        /// where the help and README promise them. The explorer asks itself.
        @Test(arguments: ["vt100", "vt220"])
        func theMouseUnderAnEntryWithoutKmous(term: String) throws {
            let tmux = try TmuxSession(width: 120, height: 30)
            tmux.type("TERM=\(term) \(seealso) --no-restore")
            let screen = try tmux.waitUntil("the explorer and its status bar") { $0.contains("2 Dual power") && $0.contains("? help") }
            let modes = try tmux.modes()
            #expect(modes.mouse && modes.sgrMouse, "reports asked for: \(modes)")
            // The outline's Background, clicked twice: selected, then followed.
            let row = try #require(screen.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("   Background") })
            click(tmux, x: 5, y: row + 1)
            click(tmux, x: 5, y: row + 1)
            try tmux.waitFor("Dual power › Background")
            tmux.press("q")
            try tmux.waitForPrompt()
            #expect(try !tmux.modes().mouse && !tmux.modes().sgrMouse, "the mouse modes turned off")
        }
    }
}
