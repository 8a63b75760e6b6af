import Foundation
import Testing

extension OnATerminal {
    /// Two explorers open at once on one `--data-dir`, each in its own terminal, as QA had them
    /// in two tmux windows: what one does to the bookmarks, the other never undoes unseen, and
    /// shows once its own input pauses.
    @Suite("Two explorers in tmux", .serialized)
    struct TwoExplorersEndToEndTests {
        let seealso: String

        init() throws { seealso = Shell.quote(try Binary.path()) }

        @Test func neitherUndoesWhatItDidNotShowAndEachFollowsTheOther() throws {
            let a = try TmuxSession(width: 120, height: 40)
            let b = try TmuxSession(width: 120, height: 40)
            let data = Shell.quote(a.home.appendingPathComponent("data").path)
            for tmux in [a, b] {
                tmux.type("\(seealso) --section Background --data-dir \(data)")
                try tmux.waitFor("Cross-links: Background")
            }

            // b still shows Background without a ★: its m adds, and finds a's bookmark there.
            a.press("m")
            try a.waitFor("Bookmarked: Background")
            b.press("m")
            let added = try b.waitFor("Already bookmarked (in another window): Background")
            #expect(added.contains("Background ★"), "b marks it now")
            let list = Shell.run("\(seealso) bookmarks list --data-dir \(data)")
            #expect(list.output.split(separator: "\n").count == 2 && list.output.contains("Background"), "\(list.output)")

            // Both list it; a deletes it, then b's d finds it gone and has nothing to undo.
            for tmux in [a, b] {
                tmux.press("'")
                try tmux.waitFor("5 Bookmarks (1)")
            }
            // Past b's pause (500 ms after its last key), so that b still lists the bookmark.
            usleep(1_000_000)
            a.press("d")
            try a.waitFor("Bookmark deleted: Background (u undoes)")
            b.press("d")
            try b.waitFor("Already deleted (in another window): Background")
            try b.waitFor("5 Bookmarks (0)")
            b.press("u")
            try b.waitFor("Nothing to undo.")

            // a puts it back; b, which writes nothing, shows it once a key of its own has paused.
            a.press("u")
            try a.waitFor("Bookmark restored.")
            b.press("k")
            let refreshed = try b.waitUntil(timeout: 3, "b listing a's restored bookmark") {
                $0.contains("5 Bookmarks (1)") && $0.contains("Background ★")
            }
            #expect(!refreshed.contains("Nothing to undo."), "the key cleared the notice")
            for tmux in [a, b] { tmux.press("q") }
        }

        /// An explorer left alone showed what another changed only after a key of its own
        /// (QA 10b): it now looks at the store every `Terminal.idleWatchMilliseconds`.
        @Test func anIdleExplorerShowsABookmarkMadeElsewhereWithoutAKey() throws {
            let tmux = try TmuxSession(width: 120, height: 40)
            let data = Shell.quote(tmux.home.appendingPathComponent("data").path)
            tmux.type("\(seealso) --data-dir \(data)")
            try tmux.waitFor("Cross-links: Dual power")
            tmux.press("5")
            try tmux.waitFor("5 Bookmarks (0)")
            // Past the pause after that key: from here on, only the idle watch reads the store.
            usleep(1_000_000)
            let add = Shell.run("\(seealso) bookmarks add --section Background --data-dir \(data)")
            #expect(add.status == 0, "\(add.output)")
            let shown = try tmux.waitUntil(timeout: 5, "the bookmark made elsewhere listed") {
                $0.contains("5 Bookmarks (1)") && $0.contains("Background ★")
            }
            #expect(shown.contains("│ ★ Background"), "\(shown)")
            tmux.press("q")
            try tmux.waitForPrompt()
        }
    }
}
