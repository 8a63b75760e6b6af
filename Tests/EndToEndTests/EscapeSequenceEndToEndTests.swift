import Foundation
import Testing

extension OnATerminal {
    /// Keys that arrive as Esc and more, on a real terminal (tmux, TERM=xterm-256color as the
    /// report had it). They came as Esc and then the rest as keys: Alt-b in the search prompt
    /// cancelled the search and paged up, and Home as `ESC [ 1 ~`, which that terminfo entry
    /// does not list, closed the prompt, ran `[` and `1` and said "~ is not bound".
    @Suite("Escape sequences in tmux")
    struct EscapeSequenceEndToEndTests {
        let seealso: String

        init() throws { seealso = Shell.quote(try Binary.path()) }

        /// The screen with its colours and attributes (`capture-pane -e`): a focus moved by a
        /// stray `1` shows in them only.
        func styledScreen(_ tmux: TmuxSession) -> [Substring] {
            tmux.tmux("capture-pane -e -p -t main").output.split(separator: "\n", omittingEmptySubsequences: false)
        }

        /// F1 and Shift-Tab, which the help lists, under TERMs whose entries do not give what the
        /// terminal sends for them (QA 28): linux gives F1 as `ESC [[A` and Shift-Tab's `ESC [ Z`
        /// as an extended capability, `kcbt2`; xterm-mono gives no Shift-Tab at all.
        @Test(arguments: ["linux", "xterm-mono"])
        func f1AndShiftTabUnderAnyTERM(term: String) throws {
            let tmux = try TmuxSession(width: 100, height: 30)
            tmux.type("TERM=\(term) \(seealso) --no-restore")
            try tmux.waitFor("│ 3 Cross-links: Dual power")
            // From the reader back to the outline, which takes the side pane's place, left of
            // the reader.
            tmux.press("BTab")
            try tmux.waitUntil("the outline left of the reader") { $0.contains(" 1 Outline ") && $0.contains("│ 2 Dual power") }
            tmux.press("F1")
            try tmux.waitFor("Keys — ")
            tmux.press("q")
            try tmux.waitUntil("the help closed") { !$0.contains("Keys — ") }
            tmux.press("q")
            try tmux.waitForPrompt()
        }

        @Test func altKeysAndUnknownSequences() throws {
            let tmux = try TmuxSession(width: 120, height: 40, environment: ["TERM": "xterm-256color"])
            tmux.type("\(seealso) --no-restore")
            try tmux.waitFor("2 Dual power")

            // Alt-b in the search prompt: the prompt stays, the cursor before "sov", where X goes.
            tmux.press("/")
            tmux.tmux("send-keys -t main -l sov")
            try tmux.waitFor("match 1/")
            tmux.press("M-b")
            tmux.tmux("send-keys -t main -l X")
            var screen = try tmux.waitFor("/Xsov")
            #expect(screen.contains("not found · Enter keeps · Esc returns"), "the search still open:\n\(screen)")
            // Alt-Backspace rubs out the word before the cursor ("X"), the search still open (it
            // was Esc, closing it, and Backspace, going back in the history).
            tmux.press("M-BSpace")
            screen = try tmux.waitUntil("X rubbed out") { $0.contains("/sov") }
            #expect(screen.contains("Esc returns"), "the search still open:\n\(screen)")
            tmux.press("Escape")
            try tmux.waitUntil("the search cancelled") { !$0.contains("Esc returns") }

            // Unknown sequences do nothing: no key runs, nothing is said. `!` after them is
            // unbound, and says so once every byte before it has been read.
            let before = styledScreen(tmux)
            tmux.tmux("send-keys -t main -l \(Shell.quote("\u{1B}[1;9Z"))")
            // So do the reports terminals send, asked for or not: a background colour (OSC 11,
            // ended by ST) and a DECRQSS answer (DCS). They ran as Alt-] and then as keys: `1`
            // focused the outline.
            tmux.tmux("send-keys -t main -l \(Shell.quote("\u{1B}]11;rgb:0000/0000/0000\u{1B}\\"))")
            tmux.tmux("send-keys -t main -l \(Shell.quote("\u{1B}P1$r0m\u{1B}\\"))")
            tmux.tmux("send-keys -t main -l !")
            screen = try tmux.waitFor("! is not bound to anything")
            #expect(!screen.contains("~ is not bound") && !screen.contains("Z is not bound") && !screen.contains("Alt-]"))
            let after = styledScreen(tmux)
            #expect(after.count == before.count)
            let changed = zip(before, after).enumerated().filter { $0.element.0 != $0.element.1 }.map(\.offset)
            #expect(changed == [tmux.height - 1], "only the status line changed: rows \(changed)\n\(tmux.screen())")
            // Ins is a key bound to nothing, and says so, as F5 does: it did nothing, and the
            // message before it stayed (QA 25).
            tmux.press("IC")
            screen = try tmux.waitFor("Ins is not bound to anything")
            #expect(!screen.contains("! is not bound"))

            // End and Home as tmux sends them (`ESC [ 4 ~`, `ESC [ 1 ~`), which xterm-256color's
            // entry does not list: they did nothing; they go to the bottom and the top.
            tmux.tmux("send-keys -t main -l \(Shell.quote("\u{1B}[4~"))")
            try tmux.waitUntil("the bottom") { $0.split(separator: "\n").last?.contains("Bot") == true }
            tmux.tmux("send-keys -t main -l \(Shell.quote("\u{1B}[1~"))")
            try tmux.waitUntil("the top") { $0.split(separator: "\n").last?.contains("Top") == true }
            // Left as `ESC [ D`, which the entry lists as `ESC O D`: it moves the cursor.
            tmux.press("/")
            tmux.tmux("send-keys -t main -l ab")
            try tmux.waitFor("/ab")
            tmux.tmux("send-keys -t main -l \(Shell.quote("\u{1B}[D"))")
            tmux.tmux("send-keys -t main -l X")
            try tmux.waitFor("/aXb")
            tmux.press("Escape")
            try tmux.waitUntil("the search cancelled") { !$0.contains("/aXb") }

            // A mouse report is an escape sequence too, which ncurses decodes (KEY_MOUSE): two
            // SGR clicks (press, release) on an outline row still select it, then follow it.
            // The second is sent once the first shows: ncurses makes one event of the reports
            // waiting together, the last, and the first press was lost now and then.
            let row = try #require(tmux.screen().split(separator: "\n").firstIndex { $0.hasPrefix("   Petrograd Soviet") })
            let click = "\u{1B}[<0;6;\(row + 1)M\u{1B}[<0;6;\(row + 1)m"
            tmux.tmux("send-keys -t main -l \(Shell.quote(click))")
            try tmux.waitUntil("the row the outline's focused selection") { _ in
                let styled = styledScreen(tmux)[row]
                return styled.contains("Petrograd Soviet") && (styled.contains("[44m") || styled.contains(";44m"))
            }
            tmux.tmux("send-keys -t main -l \(Shell.quote(click))")
            try tmux.waitFor("3 Cross-links: Petrograd Soviet")

            tmux.press("q")
            try tmux.waitForPrompt()
        }

        /// Home and End as tmux sends them (`ESC [1~`, `ESC [4~`) under a TERM whose entry calls
        /// those sequences Find and Select (vt220; rxvt-unicode, whose own Home and End are
        /// `ESC [7~` and `ESC [8~`): ncurses decodes them as KEY_FIND and KEY_SELECT, which did
        /// nothing. End goes to the bottom, Home back to the top.
        @Test(arguments: ["vt220", "rxvt-unicode"])
        func findAndSelectAreHomeAndEnd(term: String) throws {
            let tmux = try TmuxSession(width: 100, height: 30, environment: ["TERM": term])
            tmux.type("\(seealso) --no-restore; echo homeend=$?")
            try tmux.waitFor("2 Dual power")
            func statusLine(_ screen: String) -> Substring { screen.split(separator: "\n").last ?? "" }
            try tmux.waitUntil("the reader at the top") { statusLine($0).contains("Top") }
            tmux.press("End")
            try tmux.waitUntil("End: the reader at the bottom") { statusLine($0).contains("Bot") }
            tmux.press("Home")
            try tmux.waitUntil("Home: the reader at the top") { statusLine($0).contains("Top") }
            tmux.press("q")
            #expect(try tmux.waitForStatus("homeend") == 0)
        }

        /// A byte that is no UTF-8 (é from a Latin-1 terminal, a stray 0xFF) is dropped, and
        /// the keys after it work: ncurses' decoding kept it and appended every later byte,
        /// so typing vanished from the search and `q` did not quit until an arrow key.
        @Test func bytesThatAreNoCharacterDoNotSwallowKeys() throws {
            let tmux = try TmuxSession(width: 100, height: 30)
            tmux.type("\(seealso) --no-restore; echo exited=$?")
            try tmux.waitFor("2 Dual power")
            tmux.press("/")
            tmux.tmux("send-keys -t main -l caf")
            try tmux.waitFor("/caf")
            tmux.tmux("send-keys -t main -H e9")
            tmux.tmux("send-keys -t main -l \(Shell.quote(" soviet é"))")
            try tmux.waitFor("/caf soviet é")
            tmux.press("Escape")
            try tmux.waitUntil("the search cancelled") { !$0.contains("/caf soviet") }
            tmux.tmux("send-keys -t main -H ff")
            tmux.press("q")
            #expect(try tmux.waitForStatus() == 0)
        }
    }
}
