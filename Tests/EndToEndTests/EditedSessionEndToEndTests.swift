import Foundation
import Testing

extension OnATerminal {
    /// QA's steps: a folder's article read with jumps, quit, one word of it changed, reopened.
    /// It opened at the article's top with no history ("Nothing to go back to"): any edit threw
    /// the article's session away.
    @Suite("An article edited between two runs, in tmux", .serialized)
    struct EditedSessionEndToEndTests {
        let seealso: String

        init() throws { seealso = Shell.quote(try Binary.path()) }

        /// `arts/` in the session's home: Delta, and Gamma with sections One to Five of four
        /// long paragraphs each.
        func articles(in tmux: TmuxSession) throws -> URL {
            let folder = tmux.home.appendingPathComponent("arts")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let filler = String(repeating: "Words that wrap this paragraph over several lines of the reader, as a long paragraph does. ", count: 4)
            var gamma = "= Gamma =\n\nGamma is the lead.\n\n"
            for name in ["One", "Two", "Three", "Four", "Five"] {
                gamma += "== \(name) ==\n\n" + (1...4).map { "\(name) paragraph \($0). \(filler)\n\n" }.joined()
            }
            try Data(gamma.utf8).write(to: folder.appendingPathComponent("gamma.txt"))
            try Data("= Delta =\n\nDelta is another article.\n\n== See also ==\n- Gamma\n".utf8).write(to: folder.appendingPathComponent("delta.txt"))
            return folder
        }

        /// Presses `keys` one at a time, each once the screen shows the one before took effect
        /// (`1`, then what it focused, …): keys sent together may race the redraw.
        func press(_ tmux: TmuxSession, _ keys: String...) {
            for key in keys {
                tmux.press(key)
                usleep(60_000)
            }
        }

        /// The reading percentage at the end of the status line (`55%`).
        func percentage(in screen: String) -> String? {
            let status = screen.split(separator: "\n").last { $0.contains("? help") }.map(String.init) ?? ""
            return status.split(separator: " ").last { $0.hasSuffix("%") }.map(String.init)
        }

        @Test func aChangedWordKeepsThePlaceAndTheHistory() throws {
            let tmux = try TmuxSession(width: 120, height: 40)
            let folder = try articles(in: tmux)
            let data = Shell.quote(tmux.home.appendingPathComponent("data").path)
            let command = "cd \(Shell.quote(tmux.home.path)) && clear; \(seealso) arts --data-dir \(data)"

            tmux.type(command)
            try tmux.waitFor("2 Delta")
            try tmux.goTo("Gamma")
            tmux.press("Enter")
            try tmux.waitFor("2 Gamma")
            press(tmux, "1", "g", "j", "Enter")
            try tmux.waitFor("Gamma › One")
            press(tmux, "1", "j", "Enter")
            try tmux.waitFor("Gamma › Two")
            press(tmux, "1", "j", "j", "Enter")
            try tmux.waitFor("Gamma › Four")
            press(tmux, "1", "k", "Enter", "2")
            let path = "Gamma › Three  ⟨Delta → Gamma → Gamma › One → Gamma › Two → Gamma › Four → Gamma › Three⟩"
            let read = try tmux.waitUntil("Gamma at Three, with the jump path") { $0.contains(path) && $0.contains("│ # Three") }
            let place = try #require(percentage(in: read))
            tmux.press("q")
            try tmux.waitForPrompt()

            // One word of the last paragraph changed (QA's sed).
            let gamma = folder.appendingPathComponent("gamma.txt")
            let text = try String(contentsOf: gamma, encoding: .utf8)
            #expect(text.contains("Five paragraph 3."))
            try Data(text.replacingOccurrences(of: "Five paragraph 3.", with: "Five paragraph three (edited).").utf8).write(to: gamma)

            tmux.type(command)
            // The status line too: tmux may show the frame before its last row is drawn.
            let reopened = try tmux.waitUntil("Gamma at Three again") {
                $0.contains("2 Gamma") && $0.contains("│ # Three") && $0.contains("Three paragraph 1.") && percentage(in: $0) != nil
            }
            #expect(percentage(in: reopened) == place)
            // Nothing was lost: nothing is said of a change.
            #expect(!reopened.contains("changed since last read"))
            tmux.press("H")
            try tmux.waitUntil("back at Four") { $0.contains("│ # Four") && $0.contains("Gamma › Four  ⟨") }
            tmux.press("H")
            try tmux.waitUntil("back at Two") { $0.contains("│ # Two") && $0.contains("Gamma › Two  ⟨") }
            tmux.press("H")
            try tmux.waitUntil("back at One") { $0.contains("│ # One") && $0.contains("Gamma › One  ⟨") }
            #expect(!tmux.screen().contains("Nothing to go back to"))
            tmux.press("q")
            try tmux.waitForPrompt()
        }

        /// The section read deleted: the explorer reopens at the nearest section left, and says so.
        @Test func aDeletedSectionReopensNearbyAndSaysSo() throws {
            let tmux = try TmuxSession(width: 120, height: 40)
            let folder = try articles(in: tmux)
            let data = Shell.quote(tmux.home.appendingPathComponent("data").path)
            let gamma = folder.appendingPathComponent("gamma.txt")
            let command = "cd \(Shell.quote(tmux.home.path)) && clear; \(seealso) arts/gamma.txt --data-dir \(data)"

            tmux.type(command)
            try tmux.waitFor("2 Gamma")
            try tmux.goTo("Four")
            tmux.press("Enter")
            try tmux.waitUntil("Four") { $0.contains("│ # Four") }
            tmux.press("q")
            try tmux.waitForPrompt()

            var text = try String(contentsOf: gamma, encoding: .utf8)
            let four = try #require(text.range(of: "== Four ==")), five = try #require(text.range(of: "== Five =="))
            text.removeSubrange(four.lowerBound..<five.lowerBound)
            try Data(text.utf8).write(to: gamma)

            tmux.type(command)
            try tmux.waitUntil("Gamma at its top, and why") {
                $0.contains("“Gamma” changed since last read: reopened at its top") && $0.contains("Gamma is the lead.")
            }
            tmux.press("q")
            try tmux.waitForPrompt()
        }
    }
}
