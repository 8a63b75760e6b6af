import Foundation
import Testing

extension OnATerminal {
    /// Two files of a folder with one title: the explorer says what happens to them, and the
    /// finder offers the title once (twice, both entries opened the first file).
    @Suite("Shared titles in tmux", .serialized)
    struct SharedTitlesEndToEndTests {
        let seealso: String

        init() throws { seealso = Shell.quote(try Binary.path()) }

        @Test func aSharedTitleIsListedOnceAndTheNoticeSaysWhatOpens() throws {
            let tmux = try TmuxSession(width: 200, height: 40)
            let folder = tmux.home.appendingPathComponent("articles")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let files = ["alpha.txt": "= Alpha =\nAlpha text.\n\n== See also ==\n- Gamma\n",
                         "gamma.txt": "= Gamma =\nThe first Gamma.\n\n== See also ==\n- Alpha\n",
                         "gamma2.txt": "= Gamma =\nThe second Gamma.\n\n== See also ==\n- Alpha\n"]
            for (name, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }

            tmux.type("\(seealso) \(Shell.quote(folder.path)) --no-restore")
            try tmux.waitFor("several files are titled \u{201C}Gamma\u{201D}: only the first opens, and links to that title open a topic card")
            tmux.press(":")
            try tmux.waitFor("Go to — Enter jumps")
            tmux.tmux("send-keys -t main -l gamma")
            let screen = try tmux.waitFor("article  Gamma")
            #expect(screen.components(separatedBy: "article  Gamma").count == 2, "listed once:\n\(screen)")
            // Alpha's backlinks: both Gammas link to it, and they are one row, as they open as one.
            // Esc and a key sent at once are Alt with it (as in readline): the finder closes first.
            tmux.press("Escape")
            try tmux.waitUntil("the finder closed") { !$0.contains("Go to — Enter jumps") }
            tmux.press("4")
            let backlinks = try tmux.waitFor("4 Backlinks")
            #expect(backlinks.components(separatedBy: "← Gamma").count == 2, "one row:\n\(backlinks)")
            tmux.press("q")
            try tmux.waitForPrompt()
        }
    }
}
