import Foundation
import Testing

extension OnATerminal {
    /// The store's file deleted or replaced while the explorer runs, as QA did it: bookmarks
    /// made then went to the deleted file and were lost on quitting, with exit 0 and no word;
    /// into a file written over with garbage, `m` said it removed a bookmark.
    @Suite("The store's file deleted or replaced in tmux", .serialized)
    struct StoreFileEndToEndTests {
        let seealso: String

        init() throws { seealso = Shell.quote(try Binary.path()) }

        /// The explorer on a fresh store (`store` in the session's home), with Background
        /// bookmarked by `1 j m`; the exit status is printed after it.
        func explorerWithBackgroundBookmarked() throws -> (tmux: TmuxSession, store: URL) {
            let tmux = try TmuxSession(width: 200, height: 40)
            let store = tmux.home.appendingPathComponent("store")
            tmux.type("\(seealso) --data-dir \(Shell.quote(store.path)); echo exited=$?")
            try tmux.waitFor("Cross-links: Dual power")
            tmux.press("1", "j", "m")
            try tmux.waitFor("Bookmarked: Background")
            #expect(list(store).output.contains("Background"), "\(list(store).output)")
            return (tmux, store)
        }

        func list(_ store: URL) -> (status: Int32, output: String) {
            Shell.run("\(seealso) bookmarks list --data-dir \(Shell.quote(store.path)) 2>&1")
        }

        @Test func aBookmarkMadeAfterTheFileWasDeletedIsKept() throws {
            let (tmux, store) = try explorerWithBackgroundBookmarked()
            let file = store.appendingPathComponent("state.sqlite").path
            for suffix in ["", "-wal", "-shm"] { unlink(file + suffix) }

            tmux.press("j", "m")
            try tmux.waitFor("Bookmarked: Provisional Government (5 lists bookmarks) · \(file) was deleted while seealso ran")
            var listed = list(store)
            #expect(listed.output.contains("Provisional Government") && !listed.output.contains("Background"), "\(listed.output)")
            tmux.press("5")
            try tmux.waitUntil("the pane lists the new file's one") { $0.contains("Bookmarks (1)") && $0.contains("★ Provisional Government") }
            tmux.press("q")
            #expect(try tmux.waitForStatus() == 0)
            #expect(tmux.screen().contains("seealso: \(file) was deleted while seealso ran: a new one was made"), "said again on exit")

            listed = list(store)
            #expect(listed.status == 0)
            #expect(listed.output.contains("Provisional Government") && !listed.output.contains("Background"), "\(listed.output)")
        }

        @Test func aFileWrittenOverWithGarbageTurnsBookmarksOff() throws {
            let (tmux, store) = try explorerWithBackgroundBookmarked()
            let file = store.appendingPathComponent("state.sqlite").path
            #expect(Shell.run("printf 'not a database\\n' > \(Shell.quote(file))").status == 0)
            let garbage = try Data(contentsOf: URL(fileURLWithPath: file))
            let reason = "\(file) is damaged or not a database; it was left untouched: use --data-dir DIR, or move the file away"

            tmux.press("m")
            try tmux.waitFor("Bookmark not changed: bookmarks are off: \(reason)")
            tmux.press("5")
            try tmux.waitFor("Bookmarks are off: \(reason).")
            tmux.press("q")
            #expect(try tmux.waitForStatus() == 0)
            #expect(tmux.screen().contains("seealso: \(reason)"), "said again on exit, as at start-up")

            #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == garbage, "left untouched")
            #expect(list(store).status == 65)
        }
    }
}
