import Foundation
import Testing

extension OnATerminal {
    /// Files of a folder edited and retitled while the explorer shows them, in tmux: what is
    /// on screen follows the file, without a key, and a file retitled is not shown under its
    /// old title (QA: both showed the text as first read for the whole run).
    @Suite("Articles changed on disk, in tmux", .serialized)
    struct ChangedOnDiskEndToEndTests {
        let seealso: String

        init() throws { seealso = Shell.quote(try Binary.path()) }

        /// A folder `f/` in the session's home with Alpha, Beta and Gamma, which name each
        /// other in their See also; the explorer started on it from the home folder, so that
        /// paths are said as `f/NAME`, and Alpha shown.
        func start(in tmux: TmuxSession) throws -> Folder {
            let folder = Folder(url: tmux.home.appendingPathComponent("f"))
            try FileManager.default.createDirectory(at: folder.url, withIntermediateDirectories: true)
            try folder.write("alpha.txt", "= Alpha =\nAlpha lead.\n\n== See also ==\n- Beta\n- Gamma\n")
            try folder.write("beta.txt", "= Beta =\nBeta lead.\n\n== See also ==\n- Alpha\n")
            try folder.write("gamma.txt", "= Gamma =\nGamma lead.\n\n== See also ==\n- Alpha\n")
            tmux.type("cd \(Shell.quote(tmux.home.path)) && \(seealso) f --no-restore")
            try tmux.waitUntil("Alpha") { $0.contains("2 Alpha") && $0.contains("Alpha lead.") }
            return folder
        }

        struct Folder {
            let url: URL
            /// Set by hand, each later than the last: two writes within one tick of the file
            /// system's clock could otherwise leave the file's stamp as it was.
            nonisolated(unsafe) static var clock: TimeInterval = 1_700_000_000

            func write(_ name: String, _ text: String) throws {
                let file = url.appendingPathComponent(name)
                try Data(text.utf8).write(to: file)
                Self.clock += 10
                try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: Self.clock)], ofItemAtPath: file.path)
            }
        }

        /// The article on screen edited: shown as it is now without a key (the explorer looks
        /// when idle); emptied as an editor's save begins, the text read before stays.
        @Test func theArticleOnScreenFollowsItsFile() throws {
            let tmux = try TmuxSession(width: 120, height: 30)
            let folder = try start(in: tmux)

            try folder.write("alpha.txt", "= Alpha =\nAlpha lead.\n\nA paragraph saved in an editor.\n\n== See also ==\n- Beta\n- Gamma\n")
            try tmux.waitUntil("the new text, and that it was read again") {
                $0.contains("A paragraph saved in an editor.") && $0.contains("“Alpha” changed on disk: reloaded")
            }

            try folder.write("alpha.txt", "")
            let kept = try tmux.waitUntil("the old text kept") { $0.contains("Not reloaded: f/alpha.txt") }
            #expect(kept.contains("A paragraph saved in an editor."), "\(kept)")

            try folder.write("alpha.txt", "= Alpha =\nAlpha lead.\n\nSaved whole at last.\n\n== See also ==\n- Beta\n- Gamma\n")
            try tmux.waitUntil("read again once whole") {
                $0.contains("Saved whole at last.") && !$0.contains("A paragraph saved in an editor.") && $0.contains("changed on disk: reloaded")
            }
            tmux.press("q")
            try tmux.waitForPrompt()
        }

        /// QA 18a at 80×24: a reload that fails showed "…could not be reloaded: luddite.txt…",
        /// the reason cut off, gone at the next key and said nowhere on quitting. Its
        /// `file:line: reason` shows whole, over the rows above the status line, and is said
        /// again on stderr at the quit; the run carried on with the text it had: status 0.
        @Test func aReloadThatFailsIsShownWholeAndSaidOnQuitting() throws {
            let tmux = try TmuxSession(width: 80, height: 24)
            let folder = Folder(url: tmux.home)
            let article = "= Luddite =\nThe Luddites were English textile workers who destroyed machinery.\n\n"
                + "== Tactics ==\nThey broke the stocking frames of the framework knitters.\n\n"
                + "== Legacy ==\nThe term now names anyone opposed to new technology.\n"
            try folder.write("luddite.txt", article)
            tmux.type("cd \(Shell.quote(tmux.home.path)) && \(seealso) luddite.txt --no-restore 2>err.txt; echo exited=$?")
            try tmux.waitUntil("Luddite") { $0.contains("English textile workers") }

            try folder.write("luddite.txt", article.replacingOccurrences(of: "== Legacy ==", with: "== Legacy ="))
            let reason = "luddite.txt:7: unbalanced heading: 2 '=' before the text and 1 after"
            let shown = try tmux.waitUntil("the reason, whole") {
                $0.split(separator: "\n").suffix(3).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ").contains(reason + " (the text read before stays)")
            }
            #expect(shown.contains("Not reloaded: luddite.txt:7:"), "\(shown)")
            tmux.press("j")
            try tmux.waitUntil("the message gone at the next key") { !$0.contains("Not reloaded") }
            tmux.press("q")
            #expect(try tmux.waitForStatus() == 0)
            let said = try String(contentsOf: tmux.home.appendingPathComponent("err.txt"), encoding: .utf8)
            #expect(said == "seealso: “Luddite” could not be reloaded: \(reason)\n")
        }

        /// QA 18a: a See-also topic whose file did not parse when the folder was opened said
        /// "No article of this folder has this title". It says why it does not open, and on
        /// quitting that reason is said once, with the folder's start-up failures (status 65).
        @Test func aTopicWhoseFileDoesNotParseSaysWhyOnceOnQuitting() throws {
            let tmux = try TmuxSession(width: 120, height: 40)
            let folder = Folder(url: tmux.home.appendingPathComponent("f"))
            try FileManager.default.createDirectory(at: folder.url, withIntermediateDirectories: true)
            try folder.write("diggers.txt", "= Diggers =\nThe Diggers were Protestant radicals in England.\n\n== See also ==\n- Luddite\n")
            try folder.write("luddite.txt", "= Luddite =\nThe Luddites were English textile workers.\n\n== Tactics =\nThey broke frames.\n")
            tmux.type("cd \(Shell.quote(folder.url.path)) && \(seealso) . --no-restore --section 'See also' 2>../err.txt; echo exited=$?")
            try tmux.waitFor("1 could not be loaded: ./luddite.txt:4:")
            tmux.press("2", "]")
            try tmux.waitFor("Diggers › Luddite")
            tmux.press("Enter")
            let reason = "./luddite.txt:4: unbalanced heading: 2 '=' before the text and 1 after"
            let said = try tmux.waitFor("“Luddite” could not be opened: " + reason)
            #expect(said.contains("2 Diggers") && !said.contains("No article of this folder"), "\(said)")
            tmux.press("q")
            #expect(try tmux.waitForStatus() == 65)
            let err = try String(contentsOf: tmux.home.appendingPathComponent("err.txt"), encoding: .utf8)
            #expect(err == "seealso: \(reason)\n", "said once, as the folder's start-up failure")
        }

        /// gamma.txt rewritten as Zeta: Alpha's topic Gamma does not open Zeta under Gamma's
        /// name, it says why; the finder offers Zeta, which opens as itself.
        @Test func aRetitledFileOpensOnlyUnderItsNewTitle() throws {
            let tmux = try TmuxSession(width: 120, height: 30)
            let folder = try start(in: tmux)
            try folder.write("gamma.txt", "= Zeta =\nZeta lead.\n")

            // The second cross-reference: the See-also topic Gamma.
            tmux.press("]", "]")
            try tmux.waitUntil("Gamma selected") { $0.contains("Alpha › Gamma") }
            tmux.press("Enter")
            let refused = try tmux.waitFor("“Gamma” could not be opened: f/gamma.txt is now titled “Zeta”")
            #expect(refused.contains("2 Alpha") && !refused.contains("Zeta lead."), "\(refused)")

            try tmux.goTo("zeta")
            try tmux.waitUntil("Zeta, opened as itself") { $0.contains("2 Zeta") && $0.contains("Zeta lead.") && $0.contains("⟨Alpha › Gamma → Zeta⟩") }
            tmux.press("q")
            try tmux.waitForPrompt()
        }
    }
}
