import Foundation
import Testing

extension OnATerminal {
    /// Bookmarks through the real explorer: made with keys, kept across restarts, followed from
    /// the Bookmarks pane, and undone with history.
    @Suite("Bookmarks in tmux", .serialized)
    struct BookmarksEndToEndTests {
        let seealso: String

        init() throws { seealso = Shell.quote(try Binary.path()) }

        /// A 120×40 terminal with the explorer opened at Background on a fresh store in the
        /// session's home (`data`, quoted for the shell); `after` is typed after the command.
        /// `setUp` is given `data` before the explorer starts, to make bookmarks there.
        func openAtBackground(after: String = "", setUp: (String) -> Void = { _ in }) throws -> (tmux: TmuxSession, data: String) {
            let tmux = try TmuxSession(width: 120, height: 40)
            let data = Shell.quote(tmux.home.appendingPathComponent("data").path)
            setUp(data)
            tmux.type("\(seealso) --section Background --data-dir \(data)" + after)
            try tmux.waitFor("Cross-links: Background")
            return (tmux, data)
        }

        @Test func bookmarkTwoSectionsQuitRestartJumpAndComeBack() throws {
            let (tmux, data) = try openAtBackground()
            try tmux.bookmarkAndQuit("Background")

            tmux.type("clear; \(seealso) --section October --data-dir \(data)")
            try tmux.waitFor("Cross-links: October Revolution")
            try tmux.bookmarkAndQuit("October Revolution")

            // A restart opens where we were, and the pane lists both, newest first.
            tmux.type("clear; \(seealso) --data-dir \(data)")
            try tmux.waitFor("Cross-links: October Revolution")
            tmux.press("'")
            // Wait for the rows too: tmux may show a frame half drawn.
            var screen = try tmux.waitUntil("both bookmarks listed") {
                $0.contains("5 Bookmarks (2)") && $0.contains("★ October Revolution") && $0.contains("★ Background")
                    && $0.contains("October Revolution ★")
            }
            let october = try #require(screen.range(of: "★ October Revolution"))
            let background = try #require(screen.range(of: "★ Background"))
            #expect(october.lowerBound < background.lowerBound)
            #expect(screen.contains("October Revolution ★"), "the reader marks the bookmarked heading")

            tmux.press("j", "Enter")
            screen = try tmux.waitFor("Cross-links: Background")
            tmux.press("H")
            try tmux.waitFor("Cross-links: October Revolution")
            tmux.press("q")

            let list = Shell.run("\(seealso) bookmarks list --data-dir \(data)")
            #expect(list.status == 0)
            #expect(list.output.contains("Background") && list.output.contains("October Revolution"))
        }

        /// A bookmark made with `m` is in the database as soon as the status bar says so: `kill -9`
        /// of the explorer right then (no quit, no handler, no session saved) loses neither it nor
        /// the database, which the next `seealso bookmarks list` reads whole.
        @Test func aBookmarkSurvivesKillDashNineOfTheExplorer() throws {
            let (tmux, data) = try openAtBackground(after: "; echo exited=$?")
            tmux.press("m")
            try tmux.waitFor("Bookmarked: Background")
            let pid = try #require(tmux.foregroundPID())
            #expect(kill(pid, SIGKILL) == 0)
            // The shell reaps it; its terminal is left as it was (SIGKILL cannot be handled).
            try tmux.waitUntil("the explorer gone") { _ in tmux.foregroundPID() == nil }

            let list = Shell.run("\(seealso) bookmarks list --data-dir \(data)")
            #expect(list.status == 0, "\(list.output)")
            let rows = list.output.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).prefix(4).joined(separator: " ") }
            #expect(rows == ["ID ARTICLE SECTION NOTE", "#1 Dual power Background"], "\(list.output)")

            // The JSON form, parsed: one bookmark, whole (a damaged database would fail the command).
            let json = Shell.run("\(seealso) bookmarks list --json --data-dir \(data) 2>/dev/null")
            #expect(json.status == 0)
            let document = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
            let bookmarks = try #require(document["bookmarks"] as? [[String: Any]])
            #expect(bookmarks.count == 1)
            #expect(bookmarks.first?["article"] as? String == "Dual power")
            #expect(bookmarks.first?["heading"] as? String == "Background")
            #expect(bookmarks.first?["section"] as? String == "background")
            #expect(bookmarks.first?["id"] as? Int == 1)
        }

        /// The explorer started on the bundled article with a data folder of its own, and the
        /// command that starts it again (`echo exited=$?` after it).
        func openWithAStore(in tmux: TmuxSession) throws -> (data: URL, command: String) {
            let data = tmux.home.appendingPathComponent("data")
            let command = "clear; \(seealso) --data-dir \(Shell.quote(data.path)); echo exited=$?"
            tmux.type(command)
            try tmux.waitFor("? help")
            return (data, command)
        }

        /// The place read survives an end without `q`: a closed terminal window (SIGHUP),
        /// SIGTERM, Ctrl-C and any other signal that would end the process (SIGUSR1) save it
        /// as `q` does, and `kill -9` loses only what was scrolled since input last paused (the
        /// pause saves it; the test waits for that write).
        @Test(arguments: ["HUP", "TERM", "INT", "USR1", "KILL"])
        func thePlaceReadSurvivesASignal(signal: String) throws {
            let number = try #require(signalNumbers[signal])
            let status = 128 + number  // as a shell reports a process a signal ended
            let tmux = try TmuxSession(width: 120, height: 40)
            let (data, command) = try openWithAStore(in: tmux)
            let written = Self.signature(of: data)
            tmux.press("Space")
            let scrolled = try tmux.waitUntil("a page down") { !$0.contains(" Top  ") && Self.statusLine($0).hasSuffix("? help") }
            let place = Self.statusLine(scrolled)
            if number == SIGKILL {
                try tmux.waitUntil("the pause's save") { _ in Self.signature(of: data) != written }
            }
            let pid = try #require(tmux.foregroundPID())
            #expect(kill(pid, number) == 0)
            if number == SIGKILL {
                // Nothing restores the terminal: the shell's echo may not show. Its child is gone.
                try tmux.waitUntil("the explorer gone") { _ in tmux.foregroundPID() == nil }
            } else {
                #expect(try tmux.waitForStatus() == status)
            }

            tmux.type(command)
            let reopened = try tmux.waitUntil("the explorer again") { Self.statusLine($0).hasSuffix("? help") }
            #expect(Self.statusLine(reopened) == place)
        }

        /// QA 32: a shell whose terminal closes sends a stopped job SIGHUP, SIGTERM and SIGCONT
        /// at once; the second signal ended the explorer before it saved the place read.
        @Test func thePlaceReadSurvivesTwoSignalsAtOnce() throws {
            let tmux = try TmuxSession(width: 120, height: 40)
            let command = try openWithAStore(in: tmux).command
            tmux.press("Space")
            let scrolled = try tmux.waitUntil("a page down") { !$0.contains(" Top  ") && Self.statusLine($0).hasSuffix("? help") }
            let pid = try #require(tmux.foregroundPID())
            #expect(kill(pid, SIGHUP) == 0 && kill(pid, SIGTERM) == 0 && kill(pid, SIGCONT) == 0)
            #expect(try tmux.waitForStatus() == 128 + SIGHUP)
            tmux.type(command)
            let reopened = try tmux.waitUntil("the explorer again") { Self.statusLine($0).hasSuffix("? help") }
            #expect(Self.statusLine(reopened) == Self.statusLine(scrolled))
        }

        /// QA 32: a signal with the search open saved its match's place, where Esc goes back to
        /// where the search started; and a note being typed was lost without a word.
        @Test func aSignalCancelsWhatIsOpenAndSaysTheNoteTyped() throws {
            let tmux = try TmuxSession(width: 120, height: 40)
            let command = try openWithAStore(in: tmux).command
            tmux.press("Space")
            let before = try tmux.waitUntil("a page down") { !$0.contains(" Top  ") && Self.statusLine($0).hasSuffix("? help") }
            tmux.tmux("send-keys -t main -l /Kosovo")
            try tmux.waitFor("Cross-links: Republic of Kosova")
            #expect(kill(try #require(tmux.foregroundPID()), SIGTERM) == 0)
            #expect(try tmux.waitForStatus() == 128 + SIGTERM)
            tmux.type(command)
            let reopened = try tmux.waitUntil("the explorer again") { Self.statusLine($0).hasSuffix("? help") }
            #expect(Self.statusLine(reopened) == Self.statusLine(before))

            tmux.press("m")
            try tmux.waitFor("Bookmarked")
            tmux.press("M")
            try tmux.waitFor("Note")
            tmux.tmux("send-keys -t main -l 'words typed'")
            try tmux.waitFor("words typed")
            #expect(kill(try #require(tmux.foregroundPID()), SIGHUP) == 0)
            #expect(try tmux.waitForStatus() == 128 + SIGHUP)
            #expect(tmux.screen().contains("seealso: the note being typed was not saved: \u{201C}words typed\u{201D}"), "\(tmux.screen())")
        }

        /// QA 33: with another process holding the store's lock, the save a signal asks for
        /// waits for it, and the deadline for a stuck explorer (one second) ended the process
        /// first: the place was not saved, and the note being typed was not said.
        @Test func aSignalWaitsForTheStoresLockToSave() throws {
            let tmux = try TmuxSession(width: 120, height: 40)
            let (data, command) = try openWithAStore(in: tmux)
            tmux.press("Space")
            let scrolled = try tmux.waitUntil("a page down") { !$0.contains(" Top  ") && Self.statusLine($0).hasSuffix("? help") }
            tmux.press("M")
            try tmux.waitFor("Note")
            tmux.tmux("send-keys -t main -l 'kept words'")
            try tmux.waitFor("kept words")
            let lock = try Self.python(on: data, "c = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=0); "
                                       + "c.execute('begin exclusive'); print('locked', flush=True); time.sleep(2)")
            let said = Pipe()
            lock.standardOutput = said
            try lock.run()
            #expect(String(decoding: said.fileHandleForReading.availableData, as: UTF8.self).hasPrefix("locked"))
            #expect(kill(try #require(tmux.foregroundPID()), SIGHUP) == 0)
            #expect(try tmux.waitForStatus() == 128 + SIGHUP)
            lock.waitUntilExit()
            #expect(tmux.screen().contains("seealso: the note being typed was not saved: \u{201C}kept words\u{201D}"), "\(tmux.screen())")
            tmux.type(command)
            let reopened = try tmux.waitUntil("the explorer again") { Self.statusLine($0).hasSuffix("? help") }
            #expect(Self.statusLine(reopened) == Self.statusLine(scrolled))
        }

        /// QA 40: a note typed while another window changed the bookmark's note was not saved,
        /// and the status line named the other window's only: the one typed was lost. It is
        /// said there too, and again on quitting, where it can be copied.
        @Test func aNoteNotSavedForAnotherWindowsIsSaidAgainOnQuitting() throws {
            let tmux = try TmuxSession(width: 200, height: 40)
            let (data, _) = try openWithAStore(in: tmux)
            tmux.press("m")
            try tmux.waitFor("Bookmarked")
            tmux.press("M")
            try tmux.waitFor("Note")
            tmux.tmux("send-keys -t main -l 'my careful note'")
            try tmux.waitFor("my careful note")
            let other = try Self.python(on: data, "c = sqlite3.connect(sys.argv[1]); c.execute(\"UPDATE bookmark SET note = 'from the shell'\"); c.commit()")
            try other.run()
            other.waitUntilExit()
            #expect(other.terminationStatus == 0)
            tmux.press("Enter")
            try tmux.waitFor("to \u{201C}from the shell\u{201D}; yours: \u{201C}my careful note\u{201D} (M edits it)")
            tmux.press("q")
            try tmux.waitFor("exited=0")
            #expect(tmux.screen().contains("seealso: the note typed for Dual power was not saved (another window had changed its note): "
                                           + "\u{201C}my careful note\u{201D}"), "\(tmux.screen())")
        }

        /// Python's sqlite3 on the store in `data` (its path is `sys.argv[1]`), as another
        /// process that writes to it or holds its lock; not started.
        static func python(on data: URL, _ code: String) throws -> Process {
            let store = try #require(FileManager.default.enumerator(atPath: data.path)?.compactMap { $0 as? String }.first { $0.hasSuffix("state.sqlite") })
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", "-c", "import sqlite3, sys, time; " + code, data.appendingPathComponent(store).path]
            return process
        }

        static func statusLine(_ screen: String) -> String {
            screen.split(separator: "\n").last { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.map(String.init) ?? ""
        }

        /// The data folder's files, their sizes and modification times: what a write changes.
        static func signature(of folder: URL) -> [String] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            return names.sorted().map { name in
                var info = stat()
                stat(folder.appendingPathComponent(name).path, &info)
                return "\(name) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
            }
        }

        /// `m` on a bookmarked section removes it, note and all; `u` puts it back as `d` does
        /// (it could not be undone, and one stray key lost a note for good).
        @Test func unmarkingCanBeUndoneNoteIncluded() throws {
            let (tmux, data) = try openAtBackground()
            tmux.press("M")
            tmux.type("reread this")  // the note's prompt, then Enter
            try tmux.waitFor("Bookmarked with the note: Background (5 lists bookmarks)")
            tmux.press("m")
            try tmux.waitFor("Bookmark removed: Background (u undoes)")
            tmux.press("u")
            try tmux.waitFor("Bookmark restored.")
            tmux.press("q")
            try tmux.waitForPrompt()

            let list = Shell.run("\(seealso) bookmarks list --data-dir \(data)")
            #expect(list.status == 0)
            #expect(list.output.contains("Background") && list.output.contains("reread this"))
        }

        /// The notes `bookmarks list --json` has, sorted.
        func notes(_ data: String) throws -> [String] {
            let json = Shell.run("\(seealso) bookmarks list --json --data-dir \(data) 2>/dev/null")
            let document = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
            return try #require(document["bookmarks"] as? [[String: Any]]).compactMap { $0["note"] as? String }.sorted()
        }

        /// QA 14a (D1): m removed the bookmark with note N1, M made one with note N2, and u said
        /// "Bookmark restored." while N1 was dropped for good.
        @Test func undoAfterTheSamePlaceWasBookmarkedAgainWithANoteKeepsBothNotes() throws {
            let (tmux, data) = try openAtBackground(setUp: { data in
                _ = Shell.run("\(seealso) bookmarks add --section Background --note 'precious note N1' --data-dir \(data)")
            })
            tmux.press("m")
            try tmux.waitFor("Bookmark removed: Background (u undoes)")
            tmux.press("M")
            tmux.type("new N2")
            try tmux.waitFor("Bookmarked with the note: Background")
            tmux.press("u")
            try tmux.waitFor("Bookmark restored beside the one made there since, which has a note of its own: both are kept.")
            tmux.press("q")
            try tmux.waitForPrompt()
            #expect(try notes(data) == ["new N2", "precious note N1"])
        }

        /// QA 15a: with notes A and B on one place, m, M "note C", u said "2 bookmarks restored;
        /// 2 beside ones made there since" (one was made since); m, m (a bookmark with no note),
        /// u said "2 beside ones made there since, which have notes of their own" of the one that
        /// had none and took a removed one's note; and in the pane d, d, u said "beside the one
        /// made there since" when nothing was made since.
        @Test func undoSaysWhatItDidBesideAndIntoABookmarkMadeSince() throws {
            let (tmux, data) = try openAtBackground(setUp: { data in
                _ = Shell.run("\(seealso) bookmarks add --section Background --note 'note A' --data-dir \(data)")
            })
            tmux.press("m")
            try tmux.waitFor("Bookmark removed: Background (u undoes)")
            tmux.press("M")
            tmux.type("note B")
            try tmux.waitFor("Bookmarked with the note: Background")
            tmux.press("u")
            try tmux.waitFor("Bookmark restored beside the one made there since, which has a note of its own: both are kept.")

            tmux.press("m")
            try tmux.waitFor("2 bookmarks removed: Background (u undoes)")
            tmux.press("M")
            tmux.type("note C")
            try tmux.waitFor("Bookmarked with the note: Background")
            tmux.press("u")
            try tmux.waitFor("2 bookmarks restored beside the one made there since, which has a note of its own: all are kept.")

            tmux.press("m")
            try tmux.waitFor("3 bookmarks removed: Background (u undoes)")
            tmux.press("m")
            try tmux.waitFor("Bookmarked: Background")
            tmux.press("u")
            try tmux.waitFor("3 bookmarks restored: 1 into the one made there since, 2 beside it; no note is lost.")
            #expect(try notes(data) == ["note A", "note B", "note C"])

            tmux.press("5")
            try tmux.waitFor("Bookmarks (3)")
            tmux.press("d")
            try tmux.waitFor("Bookmarks (2)")
            tmux.press("d")
            try tmux.waitFor("Bookmarks (1)")
            tmux.press("u")
            try tmux.waitFor("Bookmark restored.")
            tmux.press("q")
            try tmux.waitForPrompt()
            #expect(try notes(data).count == 2)
        }

        /// QA 14a (D2): two bookmarks of one place (imported under two section ids): m removed
        /// both saying "Bookmark removed", u u said "Bookmark restored." twice, and note B was gone.
        @Test func oneUndoPutsBackEveryBookmarkOneMarkRemoved() throws {
            let (tmux, data) = try openAtBackground(setUp: { data in
                let file = Shell.quote(FileManager.default.temporaryDirectory.appendingPathComponent("two-\(UUID().uuidString).json").path)
                _ = Shell.run("""
                    printf '%s' '{"version":1,"bookmarks":[{"article":"Dual power","section":"background","heading":"Background",\
                    "note":"note A","createdAt":"2024-01-01T00:00:00Z"},{"article":"Dual power","section":"background-old",\
                    "heading":"Background","note":"note B","createdAt":"2024-01-02T00:00:00Z"}]}' > \(file) && \
                    \(seealso) bookmarks import \(file) --data-dir \(data); rm -f \(file)
                    """)
            })
            tmux.press("m")
            try tmux.waitFor("2 bookmarks removed: Background (u undoes)")
            tmux.press("u")
            try tmux.waitFor("2 bookmarks restored.")
            tmux.press("u")
            try tmux.waitFor("Nothing to undo.")
            tmux.press("q")
            try tmux.waitForPrompt()
            #expect(try notes(data) == ["note A", "note B"])
        }

        /// QA 14a (D3): a bookmark's folder away for a while (unmounted), and the explorer opened
        /// on another file of that title, where its section is not: the bookmark was re-pointed to
        /// that file, and `bookmarks list` said "orphaned" with its own file back.
        @Test func aBookmarkWhoseFileIsAwayKeepsItWhenAnotherOfItsTitleIsOpened() throws {
            let tmux = try TmuxSession(width: 120, height: 40)
            let home = tmux.home
            let data = Shell.quote(home.appendingPathComponent("data").path)
            for (folder, text) in [("m1", "= Gamma =\n\nLead.\n\n== Only in A ==\n\nText.\n"),
                                   ("m2", "= Gamma =\n\nOther lead.\n\n== Roads ==\n\nMany.\n")] {
                try FileManager.default.createDirectory(at: home.appendingPathComponent(folder), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: home.appendingPathComponent(folder).appendingPathComponent(folder == "m1" ? "a.txt" : "g.txt"))
            }
            let m1 = Shell.quote(home.appendingPathComponent("m1").path), away = Shell.quote(home.appendingPathComponent("away").path)
            let g = Shell.quote(home.appendingPathComponent("m2/g.txt").path)
            #expect(Shell.run("\(seealso) bookmarks add \(m1)/a.txt --section 'Only in A' --note kept --data-dir \(data)").status == 0)
            #expect(Shell.run("mv \(m1) \(away)").status == 0)
            tmux.type("\(seealso) \(g) --data-dir \(data)")
            try tmux.waitFor("Cross-links: Gamma")
            tmux.press("'")
            try tmux.waitFor("Bookmarks (1)")
            tmux.press("q")
            try tmux.waitForPrompt()
            #expect(Shell.run("mv \(away) \(m1)").status == 0)
            let table = Shell.run("\(seealso) bookmarks list --data-dir \(data)")
            #expect(table.status == 0)
            #expect(table.output.contains("Only in A") && !table.output.contains("orphaned"), "\(table.output)")
        }

        /// `m` at the top bookmarks the lead, and the Bookmarks pane names it as the outline does,
        /// by the article's title (it said "(lead)", the store's name for it).
        @Test func theLeadsBookmarkIsListedByTheArticlesTitle() throws {
            let tmux = try TmuxSession(width: 120, height: 40)
            let data = Shell.quote(tmux.home.appendingPathComponent("data").path)
            tmux.type("\(seealso) --data-dir \(data)")
            try tmux.waitFor("Cross-links: Dual power")
            tmux.press("m")
            try tmux.waitFor("Bookmarked: Dual power (5 lists bookmarks)")
            tmux.press("'")
            let screen = try tmux.waitUntil("the bookmark listed") { $0.contains("5 Bookmarks (1)") && $0.contains("│ ★ ") }
            #expect(screen.contains("│ ★ Dual power"), "\(screen)")
            #expect(!screen.contains("(lead)"))
            tmux.press("q")
            try tmux.waitForPrompt()
        }

        /// A bookmarked heading moved under another parent: the explorer followed the bookmark
        /// there, but the Bookmarks pane and `bookmarks list` still showed the path it was made
        /// at (Policies › Organisation › Committee). They show where it leads now.
        @Test func aBookmarkedHeadingMovedUnderAnotherParentIsShownWhereItIsNow() throws {
            let tmux = try TmuxSession(width: 120, height: 40)
            let data = Shell.quote(tmux.home.appendingPathComponent("data").path)
            let file = tmux.home.appendingPathComponent("commune.txt")
            let before = "= Commune =\n\nLead.\n\n== Policies ==\n\nDecrees.\n\n=== Organisation ===\n\nBodies.\n\n"
                + "==== Committee ====\n\nThe committee.\n\n== Legacy ==\n\nLater.\n"
            try Data(before.utf8).write(to: file)
            let add = Shell.run("\(seealso) bookmarks add \(Shell.quote(file.path)) --section Committee --data-dir \(data)")
            #expect(add.output == "bookmarked: #1 Commune › Policies › Organisation › Committee\n")
            let after = "= Commune =\n\nLead.\n\n== Policies ==\n\nDecrees.\n\n=== Organisation ===\n\nBodies.\n\n"
                + "== Legacy ==\n\nLater.\n\n=== Committee ===\n\nThe committee.\n"
            try Data(after.utf8).write(to: file)

            tmux.type("\(seealso) \(Shell.quote(file.path)) --data-dir \(data)")
            try tmux.waitFor("Cross-links: Commune")
            tmux.press("5")
            let screen = try tmux.waitUntil("the bookmark listed") { $0.contains("5 Bookmarks (1)") && $0.contains("│ ★ ") }
            #expect(screen.contains("│ ★ Legacy › Committee"), "\(screen)")
            tmux.press("Enter")
            try tmux.waitFor("Commune › Legacy › Committee")
            tmux.press("q")
            try tmux.waitForPrompt()

            let list = Shell.run("\(seealso) bookmarks list --data-dir \(data)")
            #expect(list.output.contains("#1  Commune  Legacy › Committee"), "\(list.output)")
        }

        /// A data folder that is a file: said as the commands say it, and `m` says that it did
        /// nothing, and why (QA: the status line kept the start-up notice, so `m` seemed to do
        /// nothing at all, and "(File exists)" did not say what was wrong).
        @Test func aBookmarkThatCannotBeSavedSaysSo() throws {
            let tmux = try TmuxSession(width: 160, height: 30)
            let file = tmux.home.appendingPathComponent("a file")
            try Data("not a folder\n".utf8).write(to: file)
            tmux.type("\(seealso) --no-restore --data-dir \(Shell.quote(file.path))")
            try tmux.waitFor("cannot create \(file.path) (not a folder): bookmarks cannot be saved")
            tmux.press("m")
            try tmux.waitFor("Bookmark not changed: cannot create \(file.path) (not a folder)")
            // The answer to a key stays when input pauses, though the reading place cannot be
            // saved for the reason said at start-up (QA 26: it gave way to "Reading place not
            // saved: …" half a second later).
            tmux.press("x")
            try tmux.waitFor("x is not bound to anything")
            usleep(1_200_000)
            #expect(tmux.screen().contains("x is not bound to anything"), "\(tmux.screen())")
            #expect(!tmux.screen().contains("Reading place not saved"))
            // The empty Bookmarks pane says why `m` will not make one, where it promised one
            // (QA 27: "No bookmarks yet: m bookmarks the section you are reading.").
            tmux.press("5")
            let pane = try tmux.waitFor("No bookmarks yet, and none can be saved")
            #expect(!pane.contains("m bookmarks the section"), "\(pane)")
            tmux.press("q")
            // Said again once the explorer has gone, as over: not "reading goes on" (QA 26).
            let after = try tmux.waitForPrompt()
            #expect(after.contains("(not a folder): bookmarks and the reading place were not saved (nothing already saved is lost)"), "\(after)")
            #expect(!after.contains("reading goes on"), "\(after)")
            #expect(try Data(contentsOf: file) == Data("not a folder\n".utf8))
        }

        @Test func aDamagedDatabaseIsReportedAndLeftAlone() throws {
            let tmux = try TmuxSession(width: 100, height: 30)
            let data = tmux.home.appendingPathComponent("broken")
            try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
            let file = data.appendingPathComponent("state.sqlite")
            let garbage = Data("this is not a database, but it is someone's file\n".utf8)
            try garbage.write(to: file)
            tmux.type("\(seealso) --data-dir \(Shell.quote(data.path)); echo status=$?")
            let screen = try tmux.waitFor("is damaged or not a database")
            #expect(screen.contains("2 Dual power"), "reading goes on")
            tmux.press("m")
            // With the reason, as the start-up said it (QA 13a: "the bookmark store could not be opened").
            let off = try tmux.waitFor("Bookmarks are off: ")
            #expect(off.contains("Bookmarks are off: \(file.path.prefix(30))"), "\(off)")
            tmux.press("q")
            // The command line itself shows "status=$?": wait for the number.
            let after = try tmux.waitUntil("the exit status") { $0.range(of: #"status=[0-9]"#, options: .regularExpression) != nil }
            #expect(after.contains("use --data-dir DIR, or move the file away"))
            #expect(try Data(contentsOf: file) == garbage)
        }
    }
}
