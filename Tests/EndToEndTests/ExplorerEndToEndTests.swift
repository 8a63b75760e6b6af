import Foundation
import Testing

extension OnATerminal {
    /// The explorer driven through a real terminal (tmux), with real keystrokes, read back from
    /// the screen. Serialized: each test owns a tmux server, and two cores are plenty busy.
    @Suite("Explorer in tmux", .serialized)
    struct ExplorerEndToEndTests {
        let seealso: String

        init() throws { seealso = Shell.quote(try Binary.path()) }

        @Test func browseFollowBackForwardHelpResizeQuit() throws {
            let tmux = try TmuxSession(width: 120, height: 40)
            tmux.type("\(seealso) --item Municipalism")
            // Each wait covers what is then checked: tmux may show a frame half drawn.
            try tmux.waitUntil("the three columns at Municipalism") {
                $0.contains("1 Outline") && $0.contains("Background") && $0.contains("Modern usage by libe")
                    && $0.contains("Cross-links: Municipalism")
            }

            // The outline: focus it, walk down to "October Revolution" and open it.
            tmux.press("1", "g", "j", "j", "j", "j", "j", "Enter")
            try tmux.waitUntil("October Revolution") { $0.contains("# October Revolution") && $0.contains("Cross-links: October Revolution") }

            // Back to Municipalism, then its curated link to Communalism (Bookchin).
            tmux.press("H")
            try tmux.waitFor("Cross-links: Municipalism")
            tmux.press("3", "g", "Enter")
            try tmux.waitUntil("the card and the jump path") {
                $0.contains("Topic: Communalism (Bookchin)") && $0.contains("Municipalism → topic: Communalism (Bookchin)") && $0.contains("theory-of")
            }

            tmux.press("H")
            try tmux.waitUntil("back at Municipalism, the card gone") {
                $0.contains("Cross-links: Municipalism") && !$0.contains("Topic: Communalism")
            }
            tmux.press("L")
            try tmux.waitFor("Topic: Communalism (Bookchin)")

            tmux.press("?")
            // Every binding is listed; wait for the whole overlay (tmux may show a frame half drawn).
            try tmux.waitUntil("the help overlay") {
                $0.contains("Keys — ?, Esc or q closes") && $0.contains("Next cross-reference in the reader") && $0.contains("Back (history)")
            }
            tmux.press("Escape")
            try tmux.waitUntil("help to close") { !$0.contains("Keys — ?, Esc or q closes") }

            // Narrow: one pane at a time, the focused one (the cross-links, where Enter was pressed).
            tmux.resize(width: 60, height: 20)
            let narrow = try tmux.waitUntil("the narrow layout") { !$0.contains("1 Outline") && $0.contains("3 Cross-links: Communalism") }
            #expect(narrow.split(separator: "\n").allSatisfy { $0.count <= 60 })
            tmux.resize(width: 120, height: 40)
            try tmux.waitUntil("the three columns again, on the card") { $0.contains("1 Outline") && $0.contains("Topic: Communalism (Bookchin)") }

            tmux.press("q")
            try tmux.waitForPrompt()
            try expectSaneTerminal(tmux)
        }

        /// Ctrl-Z gives the shell its terminal back as it was (modes, and the whole screen
        /// scrolling: the explorer keeps a scroll region while the reader spans the width), and
        /// `fg` brings the explorer back where it was, without waiting for a key.
        /// Indic scripts reach the terminal whole: a cluster's vowel signs and the letters
        /// after a virama used to be dropped ("हिन्दी" drawn as "हन्").
        @Test func indicScriptsAreDrawnWhole() throws {
            let tmux = try TmuxSession(width: 100, height: 20)
            let article = tmux.home.appendingPathComponent("indic.txt")
            try "= Indic =\nHindi हिन्दी and नमस्ते and क्षत्रिय, Bengali বাংলা, Tamil தமிழ்.\n\n== See also ==\n- हिन्दी भाषा\n"
                .write(to: article, atomically: true, encoding: .utf8)
            tmux.type("\(seealso) --no-restore \(Shell.quote(article.path))")
            let screen = try tmux.waitFor("? help")
            #expect(screen.contains("Hindi हिन्दी and नमस्ते and क्षत्रिय, Bengali বাংলা, Tamil தமிழ்."), "\(screen)")
            #expect(screen.contains("हिन्दी भाषा"))
            tmux.press("q")
        }

        /// What is typed after `q`, before the explorer has ended, is the shell's: the explorer
        /// takes keys already waiting before it draws (a paste), but none after the last.
        @Test func whatIsTypedAfterQuitIsTheShells() throws {
            let tmux = try TmuxSession(width: 100, height: 30)
            tmux.type("\(seealso) --no-restore")
            try tmux.waitFor("? help")
            tmux.tmux("send-keys -t main -l \(Shell.quote("qecho typed-ahead"))")
            tmux.press("Enter")
            let screen = try tmux.waitUntil("the echo's output") { $0.contains("\ntyped-ahead\n") || $0.contains("not found") }
            #expect(screen.contains("\ntyped-ahead\n"), "\(screen)")
        }

        /// Ctrl-C cancels the prompt or overlay that is open, as in readline, less and vim
        /// (QA 10d: it quit the explorer from the search prompt and the help, status 130);
        /// with nothing open it still quits as `q` does, with 130.
        @Test func controlCCancelsWhatIsOpenThenQuits() throws {
            let tmux = try TmuxSession(width: 100, height: 30)
            tmux.type("\(seealso) --no-restore; echo interrupted=$?")
            try tmux.waitFor("? help")
            tmux.press("/")
            tmux.tmux("send-keys -t main -l Kornil")
            try tmux.waitFor("match 1/")
            tmux.press("C-c")
            try tmux.waitUntil("the prompt cancelled") { BookmarksEndToEndTests.statusLine($0).hasSuffix("? help") && !$0.contains("/Kornil") }
            tmux.press("?")
            try tmux.waitFor("Show or hide this help")
            tmux.press("C-c")
            try tmux.waitUntil("the help closed") { !$0.contains("Show or hide this help") && BookmarksEndToEndTests.statusLine($0).hasSuffix("? help") }
            tmux.press("C-c")
            #expect(try tmux.waitForStatus("interrupted") == 130)
        }

        /// A paste is text for the prompt (bracketed paste), not keys: "soviet power", a newline,
        /// then "5dq" closed the search, focused the bookmarks, deleted one and quit (QA 11a).
        @Test func aPastedLineIsTextInThePromptNotKeys() throws {
            let tmux = try TmuxSession(width: 100, height: 30)
            tmux.type("\(seealso) --no-restore; echo pasted=$?")
            try tmux.waitFor("? help")
            tmux.press("/")
            try tmux.waitUntil("the search prompt") { BookmarksEndToEndTests.statusLine($0).hasPrefix("/") }
            let file = tmux.home.appendingPathComponent("paste.txt")
            try Data("soviet power\n5dq".utf8).write(to: file)
            tmux.tmux("load-buffer \(Shell.quote(file.path))")
            tmux.tmux("paste-buffer -p -t main")
            let screen = try tmux.waitUntil("the paste in the prompt") { BookmarksEndToEndTests.statusLine($0).hasPrefix("/soviet power 5dq") }
            #expect(screen.contains("2 Dual power"), "still running")
            tmux.press("Escape")
            // Esc and q sent at once would be Alt-q: q after the prompt has closed.
            try tmux.waitUntil("the prompt closed") { BookmarksEndToEndTests.statusLine($0).hasSuffix("? help") }
            tmux.press("q")
            #expect(try tmux.waitForStatus("pasted") == 0)
        }

        /// QA 22: Esc with a paste right behind it (as a terminal sends them when Esc is pressed
        /// just before pasting) ran the paste as keys: the Esc was decoded alone and the paste's
        /// `ESC [200~` read as keys, then its text. The paste is still a paste.
        @Test func anEscRightBeforeAPasteLeavesItAPaste() throws {
            let tmux = try TmuxSession(width: 100, height: 30)
            tmux.type("\(seealso) --no-restore; echo pasted=$?")
            try tmux.waitFor("? help")
            tmux.tmux("send-keys -t main -l \(Shell.quote("\u{1B}\u{1B}[200~jjjjjjjjjjjjjjjjjjjj\u{1B}[201~"))")
            let screen = try tmux.waitUntil("the paste said ignored") { BookmarksEndToEndTests.statusLine($0).contains("Pasted text ignored") }
            #expect(screen.split(separator: "\n").last { $0.contains("? help") }?.contains(" Top ") == true, "the j's did not scroll: \(screen)")
            tmux.press("q")
            #expect(try tmux.waitForStatus("pasted") == 0)
        }

        /// The explorer at 100×30 on the bundled article, its first frame drawn, with a data
        /// folder of its own (`data`, quoted for the shell) to find its saved place in.
        func startedWithItsOwnStore() throws -> (tmux: TmuxSession, data: String) {
            let tmux = try TmuxSession(width: 100, height: 30)
            let data = Shell.quote(tmux.home.appendingPathComponent("data").path)
            tmux.type("\(seealso) --data-dir \(data)")
            try tmux.waitFor("? help")
            return (tmux, data)
        }

        /// A restart shows the side panes that were shown, not only the focused one: the
        /// Bookmarks pane under the cross-links at 120×40, and at 80×24 the side pane last
        /// focused, beside the reader, which has the focus (QA 18c: it came back as the
        /// Backlinks, then the Cross-links).
        /// Each case ends with `j`, whose frame is the first to show "0%": the pane named is
        /// already shown before the last keys, and the screen compared is the last one.
        @Test(arguments: [(120, 40, ["m", "5", "2", "j"], "5 Bookmarks (1)"), (80, 24, ["4", "2", "j"], "4 Backlinks: Dual power")])
        func aRestartShowsTheSidePanesAsTheyWereLeft(width: Int, height: Int, keys: [String], shown: String) throws {
            let tmux = try TmuxSession(width: width, height: height)
            tmux.type(seealso)
            try tmux.waitFor("? help")
            for key in keys { tmux.press(key) }
            let left = try tmux.waitUntil("the pane shown, after the last key") { $0.contains(shown) && $0.contains(" 0%  ? help") }
            tmux.press("q")
            try tmux.waitForPrompt()

            tmux.type("clear; \(seealso)")
            let reopened = try tmux.waitUntil("the explorer reopened") { $0.contains("? help") }
            #expect(reopened.contains(shown), "\(reopened)")
            #expect(reopened == left, "reopens exactly as it was left")
            tmux.press("q")
            try tmux.waitForPrompt()
        }

        /// SIGTERM to a suspended explorer (`kill %1`, then `fg`): it ends as `q` does, saving
        /// the place, and leaves the shell's screen alone. (When the end came before the
        /// screen was taken back, it left the alternate screen a second time, which put the
        /// shell's cursor back above what it had printed since; that depends on timing, and
        /// this run need not hit it.)
        @Test func aSignalWhileSuspendedSavesAndLeavesTheScreenAlone() throws {
            let (tmux, data) = try startedWithItsOwnStore()
            tmux.press("Space")
            let place = try tmux.waitUntil("a page down") { !$0.contains(" Top  ") && $0.contains("? help") }
                .split(separator: "\n").last { $0.contains("? help") }.map(String.init) ?? ""
            tmux.press("C-z")
            try tmux.waitFor("Stopped")
            tmux.type("echo before; kill -TERM %1; fg; echo exited=$?; echo after")
            let screen = try tmux.waitFor("\nafter")
            #expect(try tmux.waitForStatus() == 143)
            let lines = screen.split(separator: "\n").map(String.init)
            let before = try #require(lines.lastIndex(of: "before"), "\(screen)")
            let after = try #require(lines.lastIndex(of: "after"))
            #expect(before < after, "what the shell printed stays above its prompt: \(screen)")
            try expectSaneTerminal(tmux)

            tmux.type("clear; \(seealso) --data-dir \(data)")
            let reopened = try tmux.waitFor("? help").split(separator: "\n").last { $0.contains("? help") }.map(String.init)
            #expect(reopened == place)
            tmux.press("q")
        }

        /// The terminal is set up while the article is still being linked (`Exploration.run`):
        /// what happens to it meanwhile is taken before the first frame. QA 21: Ctrl-Z then `fg`
        /// drew the first frame on the shell's screen, where it stayed after `q`; a resize drew
        /// a frame for the old size first.
        @Test(arguments: ["suspend", "resize"])
        func whileTheArticleIsStillBeingLinked(event: String) throws {
            let tmux = try TmuxSession(width: 120, height: 30)
            // 2.5 MB whose linking takes seconds in a debug build, a tenth of that in release.
            var text = "= Big =\n\n"
            for part in 0..<500 {
                text += "== Part \(part) ==\n\nHistorical examples:\n\n"
                text += (0..<8).map { "- Council \(part)-\($0) – a council of workers in town \($0).\n" }.joined() + "\n"
                for paragraph in 0..<12 {
                    text += (0..<6).map { "The Council \(part)-\((paragraph + $0) % 8) met the Council \((part + 1) % 500)-\($0) and dual power spread." }
                        .joined(separator: " ") + "\n\n"
                }
            }
            try Data(text.utf8).write(to: tmux.home.appendingPathComponent("big.txt"))
            tmux.type("cd \(Shell.quote(tmux.home.path)) && clear")
            try tmux.waitUntil("a cleared screen") { $0.trimmingCharacters(in: .whitespacesAndNewlines) == "$" }
            let recording = tmux.home.appendingPathComponent("pane.out")
            tmux.startRecording(to: recording)
            // Alone on its line: stopped, a list would go on to its next command.
            tmux.type("\(seealso) big.txt")
            var bytes = ""
            let deadline = Date().addingTimeInterval(20)
            while !bytes.contains("\u{1B}[?1049h") && Date() < deadline {
                usleep(10_000)
                bytes = (try? String(contentsOf: recording, encoding: .utf8)) ?? ""
            }
            try #require(bytes.contains("\u{1B}[?1049h") && !bytes.contains("? help"), "the terminal set up, the article not yet linked")
            if event == "suspend" {
                tmux.press("C-z")
                try tmux.waitFor("Stopped", timeout: 20)
                tmux.type("fg")
            } else {
                tmux.resize(width: 90, height: 24)
            }
            let frame = try tmux.waitFor("? help", timeout: 20)
            if event == "resize" {
                let status = frame.split(separator: "\n").map(String.init).last { $0.contains("? help") } ?? ""
                #expect(status.count == 89 && status.hasSuffix("? help"), "the status line spans 90 columns: \(status)")
                let before = (try? String(contentsOf: recording, encoding: .utf8)) ?? ""
                #expect(!before.contains("1 Outline"), "no frame was drawn for 120 columns (three panes)")
            }
            tmux.press("q")
            try tmux.waitForPrompt()
            tmux.type("echo status=$?")
            #expect(try tmux.waitForStatus("status") == 0)
            tmux.stopRecording()
            let screen = tmux.screen()
            #expect(!screen.contains("? help") && !screen.contains("Big  "), "the shell's screen has no frame left on it: \(screen)")
            try expectSaneTerminal(tmux)
        }

        /// `kill %1` on a stopped explorer continues it in the background with SIGTERM pending:
        /// it ends there, saving, without drawing (drawing from the background stopped it
        /// again, "Stopped (tty output)", until `fg` let it draw over the shell's screen).
        @Test func aSignalWhileSuspendedEndsInTheBackground() throws {
            let (tmux, _) = try startedWithItsOwnStore()
            tmux.press("C-z")
            try tmux.waitFor("Stopped")
            // bash continues a stopped job it signals; `jobs` says "Running", then how it ended
            // ("Exit 143"; or bash says so itself, and the job is gone), or "Stopped (tty
            // output)" when it stopped again. Polled: on a busy machine the end takes a while,
            // and bash notices the continue late. (`jobs` in the shell itself, to a file.)
            let report = Shell.quote(tmux.home.appendingPathComponent("jobs.txt").path)
            tmux.type("clear; kill -TERM %1; for i in $(seq 150); do jobs >\(report); s=$(<\(report)); "
                      + "case $s in *Running*|*'Stopped  '*) sleep 0.1;; *) break;; esac; done; echo \"end\"\"ed: $s\"")
            // Typed as `"end""ed:`, so that only the output says "ended:" (the typed line
            // matched at once: CI read the screen before the command had run).
            let screen = try tmux.waitFor("ended:")
            #expect(screen.contains("[1]+  Exit 143"), "\(screen)")
            #expect(!screen.contains("tty output"), "\(screen)")
            try expectSaneTerminal(tmux)
        }

        /// Started from a script that does not `exec` it, the explorer comes back at the first
        /// `fg` every time (QA 19a: every other `fg` left it stopped, the script running).
        @Test func suspendAndResumeThroughAWrapperScript() throws {
            let tmux = try TmuxSession(width: 79, height: 24)
            let wrapper = tmux.home.appendingPathComponent("wrapper.sh")
            try "\(seealso) --no-restore \"$@\"\necho wrapper-done\n".write(to: wrapper, atomically: true, encoding: .utf8)
            tmux.type("bash \(Shell.quote(wrapper.path))")
            try tmux.waitFor("? help")
            for round in 1...4 {
                tmux.press("C-z")
                // The shell's screen back. Its "Stopped" and prompt may have come while the
                // explorer's screen was still up, and gone with it: what `fg` types is read all
                // the same, by the shell, once the explorer has stopped.
                try tmux.waitUntil("round \(round): the shell's screen") { !$0.contains("? help") && $0.contains("wrapper.sh") }
                tmux.type("clear; fg")
                try tmux.waitFor("? help")
                // Alive: the key is read, and the status bar says where the reader went.
                tmux.press(round % 2 == 1 ? "G" : "g")
                try tmux.waitUntil("round \(round): the key read after fg") {
                    $0.contains(round % 2 == 1 ? " Bot  ? help" : " Top  ? help")
                }
            }
            tmux.press("q")
            try tmux.waitFor("wrapper-done")
            try expectSaneTerminal(tmux)
        }

        @Test func suspendAndResume() throws {
            let tmux = try TmuxSession(width: 79, height: 24)
            tmux.type("\(seealso) --no-restore")
            try tmux.waitFor("? help")
            for _ in 0..<6 { tmux.press("j") }
            var shown = ""
            try tmux.waitUntil("six lines scrolled, the screen settled") { screen in
                defer { shown = screen }
                return screen == shown && screen.contains("Lenin saw this unstable") && !screen.contains("In political theory")
            }

            tmux.press("C-z")
            try tmux.waitFor("Stopped")
            try expectSaneTerminal(tmux)
            tmux.type("clear; seq 1 60")
            let rows = try tmux.waitUntil("seq to scroll the whole screen") { $0.contains("60\n$") }.split(separator: "\n")
            #expect(rows.first == "38", "the top row did not scroll with the rest: \(rows.prefix(3))")

            tmux.type("fg; echo exited=$?")
            try tmux.waitUntil("the explorer as it was") { $0 == shown }
            tmux.press("q")
            #expect(try tmux.waitForStatus() == 0)
            try expectSaneTerminal(tmux)
        }

        /// SIGINT, SIGTERM, SIGHUP and SIGQUIT end the explorer with 128 + the signal, the
        /// terminal given back: modes, normal screen, cursor, mouse and keypad off, and the whole
        /// screen as the scroll region. At 79 columns the reader spans the width, so after a
        /// scroll the explorer keeps a scroll region set: the signal comes while it is. So do
        /// the signals nobody sends to end it but that end it all the same: SIGUSR1 and SIGXCPU
        /// (a CPU limit) as SIGTERM does, SIGSYS (a system call refused) as a crash. They left
        /// the terminal raw, the shell's prompt in the alternate screen.
        @Test(arguments: ["TERM", "INT", "HUP", "QUIT", "USR1", "XCPU", "SYS"])
        func signalRestoresTheTerminal(signal: String) throws {
            let number = try #require(signalNumbers[signal])
            let status = 128 + number  // as a shell reports a process a signal ended
            let tmux = try TmuxSession(width: 79, height: 24)
            let before = try tmux.modes()
            #expect(before == tmux.shellModes, "the shell's own modes, before")
            tmux.type("\(seealso) --no-restore; echo exited=$?")
            try tmux.waitFor("? help")
            tmux.press("j", "j", "j")
            // Everything the handler must undo is set: each check below can fail.
            let deadline = Date().addingTimeInterval(10)
            var running = try tmux.modes()
            while running.scrollRegion == tmux.shellModes.scrollRegion && Date() < deadline {
                usleep(30_000)
                running = try tmux.modes()
            }
            #expect(running.alternateScreen && !running.cursorVisible && running.mouse && running.keypad && running.keypadCursor)
            #expect(running.scrollRegion != tmux.shellModes.scrollRegion, "no scroll region set: \(running)")
            let pid = try #require(tmux.foregroundPID())
            kill(pid, number)
            let exited = try tmux.waitForStatus()
            #expect(exited == status)
            #expect(!tmux.screen().contains("? help"), "the alternate screen was left")
            try expectSaneTerminal(tmux)
            // Those that quit as `q` does close the store as `q` does: no `-wal` and `-shm`
            // files left beside it (QA 21: an exit from the explorer's loop left them).
            guard !["QUIT", "SYS"].contains(signal) else { return }
            let store = tmux.home.appendingPathComponent("data/seealso")
            let files = try FileManager.default.contentsOfDirectory(atPath: store.path).sorted()
            #expect(files == ["state.sqlite"], "\(files)")
        }

        /// SIGPIPE changes nothing while the explorer runs: its writes go to a terminal, and a
        /// pipe's reader that left (a stderr redirected into one) is no reason to end. It
        /// killed the explorer, the terminal left raw.
        @Test func aBrokenPipeSignalIsIgnored() throws {
            let tmux = try TmuxSession(width: 100, height: 30)
            tmux.type("\(seealso) --no-restore; echo piped=$?")
            try tmux.waitFor("? help")
            let pid = try #require(tmux.foregroundPID())
            #expect(kill(pid, SIGPIPE) == 0)
            // Still reading keys after the signal (pending once `kill` has returned, so handled
            // before the key, which goes through tmux): G takes the reader to the bottom.
            tmux.press("G")
            try tmux.waitUntil("the reader at the bottom") { $0.split(separator: "\n").last?.contains("Bot") == true }
            #expect(tmux.foregroundPID() == pid)
            tmux.press("q")
            #expect(try tmux.waitForStatus("piped") == 0)
            try expectSaneTerminal(tmux)
        }

        /// QA 32: what is said on stderr once the explorer has quit (here why there were no
        /// bookmarks) went into a pipe whose reader had left, and SIGPIPE ended seealso, 141.
        @Test func aStderrWhoseReaderLeftLosesOnlyTheMessage() throws {
            let tmux = try TmuxSession(width: 100, height: 30)
            let notAFolder = tmux.home.appendingPathComponent("file")
            try Data("x".utf8).write(to: notAFolder)
            // The pane's shell is bash: a process substitution that exits at once.
            tmux.type("\(seealso) --no-restore --data-dir \(Shell.quote(notAFolder.path)) 2> >(exec true); echo piped=$?")
            try tmux.waitFor("? help")
            tmux.press("q")
            #expect(try tmux.waitForStatus("piped") == 0)
        }

        /// What reaches stderr while the explorer draws (a library's warning, a crash's reason)
        /// is shown once the terminal is restored, instead of vanishing with the alternate screen.
        @Test(arguments: ["quit", "crash"])
        func standardErrorIsShownAfterTheExplorerEnds(ending: String) throws {
            let tmux = try TmuxSession(width: 100, height: 30)
            tmux.type("\(seealso); echo exited=$?")
            try tmux.waitFor("2 Dual power")
            let pid = try #require(tmux.foregroundPID())
            // The process's own stderr, as a library or the Swift runtime would write to it.
            try Data("warning from inside: \(ending)\n".utf8).write(to: URL(fileURLWithPath: "/proc/\(pid)/fd/2"))
            // Not drawn over the explorer: watched for half a second.
            let deadline = Date().addingTimeInterval(0.5)
            var drawnOver = false
            while !drawnOver && Date() < deadline {
                drawnOver = tmux.screen().contains("warning from inside")
                usleep(30_000)
            }
            #expect(!drawnOver, "the warning was drawn over the explorer")
            if ending == "quit" { tmux.press("q") } else { kill(pid, SIGSEGV) }
            // (The command line shows "exited=$?": wait for the status itself.)
            #expect(try tmux.waitForStatus() == (ending == "quit" ? 0 : 139))
            #expect(tmux.screen().contains("warning from inside: \(ending)"))
            try expectSaneTerminal(tmux)
        }

        /// Ctrl-S is a key like any other: with the terminal's flow control on, it would freeze
        /// the screen until Ctrl-Q.
        @Test func controlSDoesNotFreezeTheScreen() throws {
            let tmux = try TmuxSession(width: 100, height: 30)
            tmux.type(seealso)
            try tmux.waitFor("2 Dual power")
            tmux.press("C-s")
            usleep(100_000)
            tmux.press("G")
            try tmux.waitUntil("the reader at the bottom") { $0.split(separator: "\n").last?.contains("Bot") == true }
            tmux.press("q")
            try tmux.waitForPrompt()
            try expectSaneTerminal(tmux)
        }

        /// The title and clipboard sequences of a hostile article are shown as text and never
        /// reach tmux: the pane keeps its title and tmux gets no buffer (set-clipboard is on).
        /// Each negative check comes after a frame drawn later than all the hostile ones, so
        /// tmux has read every byte that could have done it.
        @Test func hostileArticleCannotRetitleOrWriteTheClipboard() throws {
            let tmux = try TmuxSession(width: 100, height: 30)
            let file = tmux.home.appendingPathComponent("evil.txt")
            let text = "= Evil \u{1B}]2;PWNED-TITLE\u{07} =\n\nLead \u{1B}]0;PWNED-TITLE\u{07} and \u{1B}]52;c;UFdORUQ=\u{07} and \u{9B}2J and \u{1B}[2J done.\n\n== See also ==\n- Ev\u{1B}]2;PWNED-TITLE\u{1B}\\il\n"
            try Data(text.utf8).write(to: file)
            let titleBefore = tmux.paneTitle
            tmux.type("\(seealso) --no-restore \(Shell.quote(file.path))")
            try tmux.waitUntil("the escapes shown as text") {
                $0.contains("2 Evil ^[]2;PWNED-TITLE^G") && $0.contains("Lead ^[]0;PWNED") && $0.contains("^[]52;c;UFdORUQ=^G")
            }
            // The See-also item (a title sequence ended by ST) heads the cross-links, then its card.
            tmux.press("]")
            try tmux.waitFor("3 Cross-links: Ev^[]2;PWNED-TITLE^[\\")
            tmux.press("Enter")
            try tmux.waitFor("2 Topic: Ev^[]2;PWNED-TITLE^[\\il")
            tmux.press("H", "G", "Tab", "Tab", "?")
            try tmux.waitFor("Keys — ?, Esc or q closes")
            #expect(!tmux.paneTitle.contains("PWNED"))
            #expect(tmux.paneTitle == titleBefore)
            #expect(!tmux.buffers.contains("PWNED"))
            #expect(tmux.buffers.isEmpty)
            tmux.press("Escape")
            try tmux.waitUntil("the help closed") { !$0.contains("Keys — ?, Esc or q closes") }
            tmux.press("q")
            try tmux.waitForPrompt()
        }

        /// `seealso` alone starts past the argument parser (`Seealso.main`): it must still be the
        /// same explorer, with the default store ($XDG_DATA_HOME) and the session restored.
        @Test func noArgumentsUseTheDefaultStoreAndRestore() throws {
            let tmux = try TmuxSession(width: 120, height: 40)
            tmux.type(seealso)
            try tmux.waitFor("Cross-links: Dual power")
            tmux.press("1", "g", "j", "Enter")
            try tmux.waitFor("Cross-links: Background")
            try tmux.bookmarkAndQuit("Background")

            tmux.type("clear; \(seealso)")
            try tmux.waitFor("Cross-links: Background")
            tmux.press("q")
            try tmux.waitForPrompt()
            let data = tmux.home.appendingPathComponent("data/seealso").path
            let list = Shell.run("\(seealso) bookmarks list --data-dir \(Shell.quote(data))")
            #expect(list.status == 0)
            #expect(list.output.contains("Background"))
        }

        @Test func notATerminalPrintsTheOutline() throws {
            let result = Shell.run("\(seealso) | cat")
            #expect(result.status == 0)
            #expect(result.output.hasPrefix("Dual power\n"))
            #expect(result.output.contains("74  See also"))
            let dumb = Shell.run("TERM=dumb \(seealso)")
            #expect(dumb.output.hasPrefix("Dual power\n"))
        }

        @Test func unknownSectionListsCloseMatches() throws {
            let result = Shell.run("\(seealso) --section 'Octobr Revolution'")
            #expect(result.status == 64)
            #expect(result.output.contains("no section starts with 'Octobr Revolution' in 'Dual power'; close matches: October Revolution"))
        }

        /// QA 25: a strategy given to --section said only that no section starts with it.
        @Test func anItemGivenToSectionNamesTheOtherOption() throws {
            let item = Shell.run("\(seealso) --section Municipalism")
            #expect(item.status == 64)
            #expect(item.output.contains("no section starts with 'Municipalism' in 'Dual power'; an item does: --item 'Municipalism'"), "\(item.output)")
            let section = Shell.run("\(seealso) --item 'October Rev'")
            #expect(section.status == 64)
            #expect(section.output.contains("no item starts with 'October Rev' in 'Dual power'; a section does: --section 'October Rev'"), "\(section.output)")
            // QA 27: a quote in the name is written so that the option can be typed as shown.
            let quoted = Shell.run("\(seealso) --item \"July Days' impact\"")
            #expect(quoted.output.contains(#"a section does: --section 'July Days'\'' impact'"#), "\(quoted.output)")
            let suggested = try #require(quoted.output.range(of: "--section ").map { String(quoted.output[$0.lowerBound...]).trimmingCharacters(in: .whitespacesAndNewlines) })
            let typed = Shell.run("\(seealso) \(suggested) | head -1")
            #expect(typed.status == 0 && typed.output.hasPrefix("Dual power"), "\(typed.output)")
        }

        /// A malformed article is said as `seealso: FILE:LINE: message`, status 65, before the
        /// terminal is touched: no alternate screen, nothing drawn, the terminal as it was. With
        /// standard output a pipe too: the message on stderr, nothing on stdout (which `sed` marks).
        @Test(arguments: ["terminal", "pipe"])
        func aMalformedArticleIsReportedWithoutStartingTheExplorer(output: String) throws {
            let tmux = try TmuxSession(width: 100, height: 30)
            try Data("= Bad =\n\n== Unclosed heading\n\nText.\n".utf8).write(to: tmux.home.appendingPathComponent("bad.txt"))
            try expectSaidWithoutTheExplorer(in: tmux, output == "terminal" ? "\(seealso) bad.txt; echo status=$?"
                                                 : "\(seealso) bad.txt | sed 's/^/stdout: /'; echo status=${PIPESTATUS[0]}",
                                             status: 65, message: "seealso: bad.txt:3: unbalanced heading: 2 '=' before the text and 0 after")
        }

        /// The explorer takes the terminal while the article is still being linked, once it
        /// knows the article opens (`Prefetch.succeeds`): what fails after the text parses is
        /// said before the screen is taken too. A links file that is not TOML fails as late as
        /// loading can; an unknown --section is found only once the article is linked, so the
        /// terminal waits for it.
        @Test(arguments: ["links file", "section"])
        func aLaterStartUpErrorIsSaidWithoutStartingTheExplorerEither(failure: String) throws {
            let tmux = try TmuxSession(width: 100, height: 30)
            try Data("= Fine =\n\n== History ==\n\nText.\n".utf8).write(to: tmux.home.appendingPathComponent("fine.txt"))
            if failure == "links file" {
                try Data("[[link]]\nfrom = History\n".utf8).write(to: tmux.home.appendingPathComponent("fine.links.toml"))
            }
            let arguments = failure == "links file" ? "fine.txt" : "fine.txt --section Nosuch"
            // The same words as without a terminal, where they are said before anything else.
            let piped = Shell.run("cd \(Shell.quote(tmux.home.path)) && \(seealso) \(arguments) 2>&1 >/dev/null")
            let message = try #require(piped.output.split(separator: "\n").first.map(String.init))
            #expect(message.hasPrefix(failure == "links file" ? "seealso: fine.links.toml:2:" : "seealso: no section starts with 'Nosuch'"))
            try expectSaidWithoutTheExplorer(in: tmux, "\(seealso) \(arguments); echo status=$?", status: piped.status, message: message)
        }

        /// Runs `command` (which ends by echoing `status=$?`) on the cleared screen, and expects
        /// `message` on it, once, then the status, and no byte of the explorer on the terminal.
        func expectSaidWithoutTheExplorer(in tmux: TmuxSession, _ command: String, status: Int32, message: String,
                                          sourceLocation: SourceLocation = #_sourceLocation) throws {
            tmux.type("cd \(Shell.quote(tmux.home.path)) && clear")
            try tmux.waitUntil("a cleared screen") { $0.trimmingCharacters(in: .whitespacesAndNewlines) == "$" }
            let recording = tmux.home.appendingPathComponent("pane.out")
            tmux.startRecording(to: recording)
            tmux.type(command)
            #expect(try tmux.waitForStatus("status") == status, sourceLocation: sourceLocation)
            let lines = tmux.screen().split(separator: "\n").map(String.init)
            let said = try #require(lines.firstIndex(of: message), "\(lines)", sourceLocation: sourceLocation)
            #expect(lines[(said + 1)...].first == "status=\(status)", "nothing else printed: \(lines)", sourceLocation: sourceLocation)
            #expect(lines.filter { $0 == message }.count == 1, sourceLocation: sourceLocation)
            #expect(!lines.contains { $0.contains("(lead)") || $0.hasPrefix("stdout: ") }, "no outline, nothing on stdout",
                    sourceLocation: sourceLocation)

            // What reached the terminal: the message, and no sign of the explorer.
            var bytes = ""
            let deadline = Date().addingTimeInterval(10)
            while !bytes.contains("status=\(status)") && Date() < deadline {
                usleep(30_000)
                bytes = (try? String(contentsOf: recording, encoding: .utf8)) ?? ""
            }
            tmux.stopRecording()
            #expect(bytes.contains(message), sourceLocation: sourceLocation)
            #expect(!bytes.contains("\u{1B}[?1049h"), "the alternate screen was entered", sourceLocation: sourceLocation)
            #expect(!bytes.contains("? help") && !bytes.contains("Outline"), "the explorer drew", sourceLocation: sourceLocation)
            try expectSaneTerminal(tmux, sourceLocation: sourceLocation)
        }

        /// QA 23: a terminfo entry without cursor addressing (`cup`), here ncurses' own for
        /// Emacs' shell buffers, was taken: the explorer drew all but the last row blank (under
        /// a glass tty, its panes into each other). It gets the outline, and why, with nothing
        /// written to the terminal first.
        @Test func aTerminalThatCannotMoveTheCursorGetsTheOutline() throws {
            let tmux = try TmuxSession(width: 120, height: 24)
            let source = tmux.home.appendingPathComponent("dumb-emacs-ansi.src")
            try Data(#"""
                dumb-emacs-ansi|Emacs dumb terminal with ANSI color codes,
                	am, U8#1, colors#8, cols#80, it#8, ncv#13, pairs#64,
                	bel=^G, bold=\E[1m, cr=\r, cud1=\n, ht=^I, ind=\n,
                	op=\E[39;49m, ritm=\E[23m, rmul=\E[24m,
                	setab=\E[4%p1%dm, setaf=\E[3%p1%dm, sgr0=\E[m, sitm=\E[3m,
                	smul=\E[4m,

                """#.replacingOccurrences(of: "\\t", with: "\t").utf8).write(to: source)
            let terminfo = tmux.home.appendingPathComponent("terminfo")
            tmux.type("tic -x -o \(Shell.quote(terminfo.path)) \(Shell.quote(source.path)); echo tic=$?")
            #expect(try tmux.waitForStatus("tic") == 0)
            let recording = tmux.home.appendingPathComponent("bytes")
            tmux.startRecording(to: recording)
            tmux.type("clear; TERMINFO=\(Shell.quote(terminfo.path)) TERM=dumb-emacs-ansi \(seealso); echo run=$?")
            #expect(try tmux.waitForStatus("run") == 0)
            let screen = tmux.screen()
            let said = "seealso: terminal type 'dumb-emacs-ansi' cannot move the cursor (check TERM): printed the outline instead"
            #expect(screen.contains("  74  See also  · 23 see-also topics\n" + said + "\nrun=0"), "the outline, then why: \(screen)")
            tmux.stopRecording()
            let bytes = try String(decoding: Data(contentsOf: recording), as: UTF8.self)
            #expect(bytes.contains("printed the outline instead") && !bytes.contains("? help"), "the explorer drew nothing")
            // At most an attribute reset before the outline (QA 24: endwin wrote its resets).
            let before = try #require(bytes.range(of: "Dual power")).lowerBound
            #expect(!bytes[..<before].contains("\u{1B}[39;49m"), "\(bytes[..<before].debugDescription)")
            try expectSaneTerminal(tmux)
        }

        /// A terminal type ncurses does not know gets the outline, as TERM=dumb does (less, too,
        /// shows the text on a terminal it does not know), and then why, as other errors are
        /// said (`seealso: …`, not the argument parser's `Error: …`), with and without arguments.
        @Test func anUnknownTerminalTypeGetsTheOutline() throws {
            let tmux = try TmuxSession(width: 120, height: 24)
            let said = "seealso: terminal type 'nosuchterm' has no terminfo entry seealso can use (check TERM): printed the outline instead\n"
            // Each run ends with its own marker: a screen from before `clear` cannot pass for it.
            for (run, arguments) in ["", " --no-restore"].enumerated() {
                tmux.type("clear; TERM=nosuchterm \(seealso)\(arguments); echo run\(run)=$?")
                #expect(try tmux.waitForStatus("run\(run)") == 0)
                let screen = tmux.screen()
                #expect(screen.contains("  74  See also  · 23 see-also topics\n" + said + "run\(run)=0"), "the outline, then why: \(screen)")
                #expect(!screen.contains("Error:"))
            }
            // No TERM at all: the same, with its own reason.
            tmux.type("clear; env -u TERM \(seealso); echo unset=$?")
            #expect(try tmux.waitForStatus("unset") == 0)
            let unset = tmux.screen()
            #expect(unset.contains("  74  See also  · 23 see-also topics\nseealso: TERM is not set: printed the outline instead\nunset=0"),
                    "\(unset)")
            // TERM set but empty: said so, not "not set" (QA 23).
            tmux.type("clear; TERM= \(seealso); echo empty=$?")
            #expect(try tmux.waitForStatus("empty") == 0)
            let empty = tmux.screen()
            #expect(empty.contains("  74  See also  · 23 see-also topics\nseealso: TERM is empty: printed the outline instead\nempty=0"),
                    "\(empty)")
            // Keys that cannot be read from a terminal: the same, with its reason (it printed the
            // outline without a word, QA 17a).
            tmux.type("clear; \(seealso) < /dev/null; echo null=$?")
            #expect(try tmux.waitForStatus("null") == 0)
            let noKeys = tmux.screen()
            #expect(noKeys.contains("  74  See also  · 23 see-also topics\n"
                                    + "seealso: standard input is not a terminal: printed the outline instead\nnull=0"), "\(noKeys)")
        }

        /// The terminal as a shell needs it once the explorer has ended (or stopped): tmux's view
        /// of its modes (which bash does not restore), then the tty modes (which it does, for a
        /// job killed by a signal).
        func expectSaneTerminal(_ tmux: TmuxSession, sourceLocation: SourceLocation = #_sourceLocation) throws {
            let modes = try tmux.modes()
            #expect(modes == tmux.shellModes, sourceLocation: sourceLocation)
            // `EN''D` typed, "END" printed: the typed line, which names echo and icanon too,
            // must not pass for the output.
            tmux.type("clear; stty -a | tr ' ;' '\\n\\n' | grep -E '^-?(echo|icanon)$' | tr '\\n' ' '; echo EN''D")
            let screen = try tmux.waitFor("END", sourceLocation: sourceLocation)
            let line = screen.split(separator: "\n").first { $0.contains("icanon") && $0.contains("END") }.map(String.init) ?? screen
            #expect(line.contains("icanon") && !line.contains("-icanon"), "stty: \(line)", sourceLocation: sourceLocation)
            #expect(line.contains("echo ") && !line.contains("-echo "), "stty: \(line)", sourceLocation: sourceLocation)
        }
    }
}
