import Foundation
import Testing

extension OnATerminal {
    /// Two files of a folder with one title: the explorer says what happens to them, and the
    /// finder offers the title once (twice, both entries opened the first file).
    @Suite("Shared titles in tmux", .serialized)
    struct SharedTitlesEndToEndTests {
        let seealso: String

        init() throws { seealso = Shell.quote(try Binary.path()) }

        /// The explorer, at 200×40, on a folder of `files` (name: text), not restoring.
        func explore(_ files: [String: String]) throws -> TmuxSession {
            let tmux = try TmuxSession(width: 200, height: 40)
            let folder = tmux.home.appendingPathComponent("articles")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for (name, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
            tmux.type("\(seealso) \(Shell.quote(folder.path)) --no-restore")
            return tmux
        }

        /// Titles told apart by case alone each open (articles open by their titles as
        /// written), and the notice says so: it said "only the first opens", and the finder
        /// opened the second (QA 28). Links to them, which ignore case, open neither.
        @Test func titlesAlikeButForCaseEachOpen() throws {
            let tmux = try explore(["a.txt": "= Paris Commune =\nThe government of 1871.\n\n== See also ==\n- Alpha\n",
                                    "alpha.txt": "= Alpha =\nAlpha text.\n\n== See also ==\n- Paris Commune\n",
                                    "z.txt": "= paris commune =\nA second text.\n"])
            let opened = try tmux.waitFor("\u{201C}Paris Commune\u{201D} and \u{201C}paris commune\u{201D} differ only in case, dash or apostrophe: "
                                          + "links to them open a topic card")
            #expect(opened.contains("3 articles (: lists them)"), "\(opened)")
            // The finder lists the other file's article (the one open is its sections), and it opens.
            tmux.press(":")
            try tmux.waitFor("Go to — Enter jumps")
            tmux.tmux("send-keys -t main -l paris")
            let listed = try tmux.waitFor("› paris ")
            // The finder's rows, each its kind then its name, the first selected.
            let rows = listed.split(separator: "\n").drop { !$0.contains("› paris ") }
                .filter { $0.range(of: #"│ (section|article) +\S"#, options: .regularExpression) != nil }
            let row = try #require(rows.firstIndex { $0.contains("article  paris commune") }, "\(listed)")
            for _ in 0..<row { tmux.press("Down") }
            tmux.press("Enter")
            try tmux.waitUntil("the second file") { $0.contains("A second text.") && $0.contains("2 paris commune") }
            tmux.press(":")
            try tmux.waitFor("Go to — Enter jumps")
            tmux.tmux("send-keys -t main -l paris")
            let again = try tmux.waitFor("› paris ")
            #expect(again.contains("article  Paris Commune"), "\(again)")
            tmux.press("Escape")
            try tmux.waitUntil("the finder closed") { !$0.contains("Go to — Enter jumps") }
            tmux.press("q")
            try tmux.waitForPrompt()
        }

        @Test func aSharedTitleIsListedOnceAndTheNoticeSaysWhatOpens() throws {
            let tmux = try explore(["alpha.txt": "= Alpha =\nAlpha text.\n\n== See also ==\n- Gamma\n",
                                    "gamma.txt": "= Gamma =\nThe first Gamma.\n\n== See also ==\n- Alpha\n",
                                    "gamma2.txt": "= Gamma =\nThe second Gamma.\n\n== See also ==\n- Alpha\n"])
            let opened = try tmux.waitFor("several files are titled \u{201C}Gamma\u{201D}: only the first opens, and links to that title open a topic card")
            // Three files, two articles: the count is of those that open (QA 22 said "3 articles").
            #expect(opened.contains("2 articles (: lists them) · several files"), "\(opened)")
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

        /// Of two files titled "Commune" only the first opens, yet `--section` opened a heading
        /// of the second, and `m` there made a bookmark that the next start called orphaned
        /// ("Its section no longer exists in this article: d deletes it."). A place only in such
        /// a file is refused, saying why (status 64, as for a name that is nowhere), and a
        /// bookmark made there before says where it is rather than invite its deletion.
        @Test func aPlaceInAFileWhoseTitleAnEarlierFileHasDoesNotOpen() throws {
            let tmux = try TmuxSession(width: 200, height: 40)
            let folder = tmux.home.appendingPathComponent("dup")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let files = ["a-france.txt": "= Commune =\n\nThe commune as a French municipality.\n\n== Administration ==\n\nMayors.\n",
                         "b-revolution.txt": "= Commune =\n\nThe commune as a revolutionary body.\n\n== Paris 1871 ==\n\nThe Paris one.\n"]
            for (name, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
            let data = Shell.quote(tmux.home.appendingPathComponent("data").path)
            let why = "'Paris 1871' is only in dup/b-revolution.txt, whose title \u{201C}Commune\u{201D} dup/a-france.txt has first; only the first opens"

            tmux.type("cd \(Shell.quote(tmux.home.path)) && clear; \(seealso) dup --section 'Paris 1871' --data-dir \(data); echo opened=$?")
            #expect(try tmux.waitForStatus("opened") == 64)
            #expect(tmux.screen().contains("seealso: " + why), "\(tmux.screen())")
            tmux.type("clear; \(seealso) bookmarks add dup --section 'Paris 1871' --data-dir \(data); echo added=$?")
            #expect(try tmux.waitForStatus("added") == 64)
            #expect(tmux.screen().contains("seealso: " + why), "\(tmux.screen())")
            // Still opened in the file that opens. (A name of its own for the status: the last
            // "added=64" could be read before `clear` ran.)
            tmux.type("clear; \(seealso) bookmarks add dup --section Administration --data-dir \(data); echo addedFirst=$?")
            #expect(try tmux.waitForStatus("addedFirst") == 0)

            // A bookmark an older seealso made in the second file.
            let old = #"{"version": 1, "bookmarks": [{"article": "Commune", "articleHash": "", "section": "paris-1871", "heading": "Paris 1871", "sectionPath": ["Paris 1871"], "item": null, "itemName": null, "note": null, "createdAt": "2025-05-01T12:00:00Z"}]}"#
            try Data(old.utf8).write(to: tmux.home.appendingPathComponent("old.json"))
            tmux.type("clear; \(seealso) bookmarks import old.json --data-dir \(data); echo imported=$?")
            #expect(try tmux.waitForStatus("imported") == 0)
            tmux.type("clear; \(seealso) dup --data-dir \(data)")
            try tmux.waitFor("2 Commune")
            tmux.press("5")
            let pane = try tmux.waitUntil("both bookmarks listed") {
                $0.contains("5 Bookmarks (2)") && $0.contains("★ Administration") && $0.contains("★ only in dup/b-revolution.txt: Paris 1871")
            }
            #expect(!pane.contains("orphaned"), "\(pane)")
            tmux.press("End", "Enter")
            try tmux.waitFor("Its section is only in dup/b-revolution.txt, whose title \u{201C}Commune\u{201D} dup/a-france.txt has first: only the first opens.")
            tmux.press("q")
            try tmux.waitForPrompt()
        }
    }
}
