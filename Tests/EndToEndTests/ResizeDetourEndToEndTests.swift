import Foundation
import Testing

extension OnATerminal {
    /// A detour through a taller terminal comes back to the screen it left, in a real terminal:
    /// the cross-links and the help were pulled up to fill the taller window and stayed there,
    /// and the status line's message went with the resize (QA 14c).
    @Suite("Resize detours in tmux", .serialized)
    struct ResizeDetourEndToEndTests {
        let seealso: String

        init() throws { seealso = Shell.quote(try Binary.path()) }

        /// Resizes the terminal and waits for the explorer's screen at that size: its status line
        /// on the last row.
        @discardableResult
        func resize(_ tmux: TmuxSession, to width: Int, _ height: Int) throws -> String {
            tmux.resize(width: width, height: height)
            return try tmux.waitUntil("the screen at \(width)×\(height)") { screen in
                let rows = screen.split(separator: "\n", omittingEmptySubsequences: false)
                return rows.count >= height && rows[height - 1].contains("? help") && rows[height - 1].count <= width
                    && rows[0].count <= width
            }
        }

        /// A resize to `size` and back, each drawn, and the screen after it once it is `before`
        /// (nil when it never is: tmux may show a frame half drawn, so it is given a moment).
        func detour(_ tmux: TmuxSession, via size: (Int, Int), back: (Int, Int), to before: String) throws -> String? {
            try resize(tmux, to: size.0, size.1)
            try resize(tmux, to: back.0, back.1)
            return try? tmux.waitUntil(timeout: 3, "the screen as it was") { $0 == before }
        }

        @Test func theCrossLinksAndTheHelpComeBackFromATallerSize() throws {
            let tmux = try TmuxSession(width: 120, height: 20)
            tmux.type("\(seealso) --no-restore")
            try tmux.waitFor("? help")
            tmux.press("3", "G", "k", "k", "k")
            let before = try tmux.waitUntil("Anarchism selected at the pane's top") { screen in
                screen.split(separator: "\n").dropFirst().first?.contains("→ Anarchism") == true
            }
            let after = try detour(tmux, via: (120, 70), back: (120, 20), to: before)
            #expect(after != nil, "before:\n\(before)\nafter:\n\(tmux.screen())")

            try resize(tmux, to: 150, 30)
            tmux.press("?")
            try tmux.waitUntil("the help at 150×30") { $0.contains("Keys — ?, Esc or q closes") && $0.contains("─ Top ─") }
            tmux.press("j", "j", "j", "j", "j", "j", "j", "j", "j", "j")
            let help = try tmux.waitUntil("the help scrolled to \"Focus the outline\"") { screen in
                screen.split(separator: "\n").dropFirst().first?.contains("Focus the outline") == true
            }
            for taller in [(150, 60), (186, 65)] {
                let helpAfter = try detour(tmux, via: taller, back: (150, 30), to: help)
                #expect(helpAfter != nil, "via \(taller): before:\n\(help)\nafter:\n\(tmux.screen())")
            }
            tmux.press("q")
            try tmux.waitUntil("the help closed") { !$0.contains("Keys — ?, Esc or q closes") }

            // A message stays over a resize, until the next key.
            tmux.press("u")
            try tmux.waitFor("Nothing to undo.")
            try resize(tmux, to: 100, 30)
            let kept = try? tmux.waitUntil(timeout: 3, "the message still there") { $0.contains("Nothing to undo.") }
            #expect(kept != nil, "\(tmux.screen())")
            try resize(tmux, to: 120, 40)
            #expect(tmux.screen().contains("Nothing to undo."))
            tmux.press("q")
            try tmux.waitForPrompt()
        }
    }
}
