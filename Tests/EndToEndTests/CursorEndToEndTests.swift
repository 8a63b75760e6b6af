import Foundation
import Testing

extension OnATerminal {
    /// The terminal's cursor follows the focus, as tmux sees it (`cursor_x`, `cursor_y`,
    /// `cursor_flag`): screen readers and braille displays follow it. QA 14d found it where
    /// the last write ended (past the status bar's right end, in the search hint while
    /// typing), and hidden even while typing.
    @Suite("Cursor in tmux", .serialized)
    struct CursorEndToEndTests {
        let seealso: String

        init() throws { seealso = Shell.quote(try Binary.path()) }

        /// The columns where reverse video starts on `row` (a `capture-pane -e` line): where
        /// a sighted reader sees the selection.
        static func reversedStarts(_ row: String) -> [Int] {
            var starts: [Int] = []
            var reversed = false
            var column = 0
            var scalars = Substring(row).unicodeScalars[...]
            while let scalar = scalars.popFirst() {
                guard scalar == "\u{1B}" else {
                    column += 1
                    continue
                }
                guard scalars.first == "[" else { continue }
                scalars.removeFirst()
                var body = ""
                while let next = scalars.popFirst() {
                    if (0x40...0x7E).contains(next.value) {
                        if next == "m" {
                            var parameters = body.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) ?? 0 }[...]
                            while let parameter = parameters.popFirst() {
                                switch parameter {
                                case 0: reversed = false
                                case 7:
                                    if !reversed { starts.append(column) }
                                    reversed = true
                                case 27: reversed = false
                                // Extended colours: their own parameters, not attributes.
                                case 38, 48: parameters = parameters.first == 5 ? parameters.dropFirst(2) : parameters.dropFirst(4)
                                default: break
                                }
                            }
                        }
                        break
                    }
                    body.unicodeScalars.append(next)
                }
            }
            return starts
        }

        /// The explorer started in a fresh tmux, at the top of the bundled article.
        func started(width: Int = 120, height: Int = 40, config: String? = nil, term: String? = nil) throws -> TmuxSession {
            let tmux = try TmuxSession(width: width, height: height)
            // Without colours, a selection is reverse video (with them, white on blue), which
            // `reversedStarts` finds on the captured row.
            var command = "NO_COLOR=1 \(seealso) --no-restore"
            if let config {
                let file = tmux.home.appendingPathComponent("cursor.toml")
                try Data(config.utf8).write(to: file)
                command += " --config \(Shell.quote(file.path))"
            }
            if let term { command = "TERM=\(term) " + command }
            tmux.type(command + "; echo exited=$?")
            try tmux.waitFor("? help")
            return tmux
        }

        /// Waits until the cursor satisfies `condition` (the frame is drawn after the key).
        /// The verdict is the last check's, not a second call: `condition` may read the screen,
        /// which a frame drawn in between changes (CI saw the check pass, then fail on re-reading).
        @discardableResult
        func waitForCursor(_ tmux: TmuxSession, _ what: String, _ condition: ((x: Int, y: Int, visible: Bool)) -> Bool,
                           sourceLocation: SourceLocation = #_sourceLocation) throws -> (x: Int, y: Int, visible: Bool) {
            let deadline = Date().addingTimeInterval(10)
            var cursor = try tmux.cursor()
            var satisfied = condition(cursor)
            while !satisfied, Date() < deadline {
                usleep(30_000)
                cursor = try tmux.cursor()
                satisfied = condition(cursor)
            }
            #expect(satisfied, "\(what): the cursor is at \(cursor)\n\(tmux.screen())", sourceLocation: sourceLocation)
            return cursor
        }

        /// On the selection: where reverse video starts on its row, below the title bars and
        /// above the status bar.
        /// `below`: a row the selection has left, so a frame from before the key does not count.
        @discardableResult
        func expectOnSelection(_ tmux: TmuxSession, visible: Bool, below: Int = 0, _ what: String,
                               sourceLocation: SourceLocation = #_sourceLocation) throws -> (x: Int, y: Int, visible: Bool) {
            try waitForCursor(tmux, what, { cursor in
                let rows = tmux.screenWithAttributes()
                guard cursor.y > below, cursor.y < tmux.height - 1, rows.indices.contains(cursor.y) else { return false }
                return Self.reversedStarts(rows[cursor.y]).contains(cursor.x) && cursor.visible == visible
            }, sourceLocation: sourceLocation)
        }

        /// `]` selects the first cross-reference: the cursor is on its first cell, hidden.
        @Test func nextReferenceHasTheCursor() throws {
            let tmux = try started()
            let start = try tmux.cursor()
            tmux.press("]")
            // The first reference is far below the top, where the first frame leaves the cursor.
            try expectOnSelection(tmux, visible: false, below: start.y, "after ]")
        }

        /// `3 j`: the cross-links' selected row has it, at the row's start.
        @Test func aListSelectionHasTheCursor() throws {
            let tmux = try started()
            tmux.press("3")
            // Focusing the pane already selects its first row, cursor and all: `j` must move both.
            let first = try expectOnSelection(tmux, visible: false, "after 3")
            tmux.press("j")
            try expectOnSelection(tmux, visible: false, below: first.y, "after 3 j")
        }

        /// `/` and a word: the cursor shows right after it, in the status row; Esc hides it
        /// again. Also where ncurses draws (TERM=vt100: no civis either, so a misplaced cursor
        /// is seen there).
        @Test(arguments: [nil, "vt100"])
        func theSearchPromptShowsTheCursorAtTheTypingPoint(term: String?) throws {
            let tmux = try started(width: 80, height: 24, term: term)
            tmux.press("/")
            try tmux.waitFor("Esc returns")
            tmux.tmux("send-keys -t main -l soviet")
            // The whole word: the search runs as it is typed, so "match 1/" shows from `/s` on.
            func status(_ screen: String) -> Substring? {
                screen.split(separator: "\n", omittingEmptySubsequences: false).last { $0.contains("/soviet") && $0.contains("match 1/") }
            }
            let status = try #require(status(try tmux.waitUntil("/soviet, matched") { status($0) != nil }))
            let end = try #require(status.range(of: "soviet")).upperBound
            let column = status.distance(from: status.startIndex, to: end)
            try waitForCursor(tmux, "after /soviet") { $0.x == column && $0.y == tmux.height - 1 && ($0.visible || term == "vt100") }
            tmux.press("Escape")
            try waitForCursor(tmux, "after Esc") { $0.y < tmux.height - 1 && (!$0.visible || term == "vt100") }
            tmux.press("q")
            #expect(try tmux.waitForStatus() == 0)
        }

        /// The finder (`:`): the cursor shows at the end of the query typed, on its input line.
        @Test func theFinderShowsTheCursorAtTheTypingPoint() throws {
            let tmux = try started()
            tmux.press(":")
            try tmux.waitFor("Go to — Enter jumps")
            tmux.tmux("send-keys -t main -l lib")
            try waitForCursor(tmux, "in the finder") { cursor in
                let rows = tmux.screen().split(separator: "\n", omittingEmptySubsequences: false)
                guard let y = rows.firstIndex(where: { $0.contains("› lib") }), let end = rows[y].range(of: "› lib")?.upperBound
                else { return false }
                return cursor.x == rows[y].distance(from: rows[y].startIndex, to: end) && cursor.y == y && cursor.visible
            }
        }

        /// `show-cursor = true`: shown on the selection too, from the first frame; a signal
        /// that ends the explorer in a prompt, the cursor shown, gives the shell its cursor.
        @Test func showCursorKeepsItVisibleOnTheSelection() throws {
            let tmux = try started(config: "show-cursor = true\n")
            try waitForCursor(tmux, "at start") { $0.visible && $0.y == 1 }
            tmux.press("3")
            let first = try expectOnSelection(tmux, visible: true, "after 3")
            tmux.press("j")
            try expectOnSelection(tmux, visible: true, below: first.y, "after 3 j")
            tmux.press("/")
            try tmux.waitFor("Esc returns")
            let pid = try #require(tmux.foregroundPID())
            kill(pid, SIGTERM)
            #expect(try tmux.waitForStatus() == 128 + SIGTERM)
            #expect(try tmux.modes() == tmux.shellModes)
        }
    }
}
