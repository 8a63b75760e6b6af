import Foundation
import Testing

extension OnATerminal {
    /// Bookmarks follow the file they were made in: a retitled article keeps them, a file gone
    /// is said so, and whether a section is still there shows whichever article is open.
    @Suite("Bookmarks and their files in tmux", .serialized)
    struct BookmarkFilesEndToEndTests {
        let seealso: String

        init() throws { seealso = Shell.quote(try Binary.path()) }

        /// A folder `name` of the session's home with `files` in it; the shell is put there.
        func folder(_ name: String, _ files: [String: String], in tmux: TmuxSession) throws -> URL {
            let folder = tmux.home.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for (file, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent(file)) }
            tmux.type("cd \(Shell.quote(tmux.home.path)) && clear")
            return folder
        }

        /// The go-to finder opened with `query` typed, not followed.
        func find(_ query: String, in tmux: TmuxSession) throws {
            tmux.press(":")
            try tmux.waitFor("Go to — Enter jumps")
            tmux.tmux("send-keys -t main -l \(Shell.quote(query))")
        }

        static let arts = [
            "alpha.txt": "= Alpha =\n\nAlpha text.\n\n== Notes ==\n\nSome notes.\n\n== See also ==\n\n- Beta\n",
            "beta.txt": "= Beta =\n\nBeta text.\n\n== Culture ==\n\nSongs and dances.\n\n== See also ==\n\n- Alpha\n",
        ]

        /// QA: after `= Beta =` became `= Beta River =`, Enter on its bookmark said "That
        /// bookmark is in “Beta”: open that article to follow it." (no article is called Beta),
        /// Beta River's Culture had no ★, and the finder lost the bookmark.
        @Test func aRetitledArticleKeepsItsBookmark() throws {
            let tmux = try TmuxSession(width: 160, height: 40)
            let folder = try folder("arts", Self.arts, in: tmux)
            let data = Shell.quote(tmux.home.appendingPathComponent("data").path)
            tmux.type("\(seealso) arts --section Culture --data-dir \(data)")
            try tmux.waitFor("Beta › Culture")
            tmux.press("m")
            try tmux.waitFor("Bookmarked: Culture")
            try tmux.goTo("Alpha")
            try tmux.waitFor("2 Alpha")
            tmux.press("q")
            try tmux.waitForPrompt()

            let beta = folder.appendingPathComponent("beta.txt")
            try Data(Self.arts["beta.txt"]!.replacingOccurrences(of: "= Beta =", with: "= Beta River =").utf8).write(to: beta)
            tmux.type("clear; \(seealso) arts --data-dir \(data)")
            try tmux.waitFor("2 Alpha")
            tmux.press("5")
            try tmux.waitUntil("the bookmark under its new title") { $0.contains("★ Culture") && $0.contains("Beta River · ") }
            tmux.press("Enter")
            try tmux.waitFor("Beta River › Culture")
            try tmux.waitFor("Culture ★")
            // The finder offers it.
            try find("Cultur", in: tmux)
            try tmux.waitFor("bookmark Culture")
            tmux.press("Escape")
            try tmux.waitUntil("the finder closed") { !$0.contains("Go to — Enter jumps") }
            tmux.press("q")
            try tmux.waitForPrompt()

            let list = Shell.run("\(seealso) bookmarks list --data-dir \(data)")
            #expect(list.output.contains("#1  Beta River  Culture"), "\(list.output)")
        }

        /// Its file gone and no article of its title: said so, not "open that article".
        @Test func aBookmarkWhoseFileIsGoneSaysSo() throws {
            let tmux = try TmuxSession(width: 160, height: 40)
            let folder = try folder("arts", Self.arts, in: tmux)
            let data = Shell.quote(tmux.home.appendingPathComponent("data").path)
            #expect(Shell.run("cd \(Shell.quote(tmux.home.path)) && \(seealso) bookmarks add arts --section Culture --data-dir \(data)").status == 0)
            try FileManager.default.removeItem(at: folder.appendingPathComponent("beta.txt"))

            tmux.type("\(seealso) arts --data-dir \(data)")
            try tmux.waitFor("2 Alpha")
            tmux.press("5")
            try tmux.waitFor("★ file gone: Culture")
            tmux.press("Enter")
            try tmux.waitFor("That bookmark is in “Beta”, whose file arts/beta.txt is gone, and no article here has that title: d deletes it.")
            tmux.press("q")
            try tmux.waitForPrompt()

            let list = Shell.run("cd \(Shell.quote(tmux.home.path)) && \(seealso) bookmarks list --data-dir \(data)")
            #expect(list.output.contains("#1  Beta     file gone: Culture"), "\(list.output)")
        }

        static let rivers = [
            "danube.txt": "= Danube =\n\nA river.\n\n== Geography ==\n\nIts course.\n\n=== The Inn at Passau ===\n\nThe Inn joins.\n\n"
                + "=== Lower Danube ===\n\nTo the sea.\n\n== See also ==\n\n- Rhine\n",
            "rhine.txt": "= Rhine =\n\nAnother river.\n\n== Course ==\n\nTo the North Sea.\n\n== See also ==\n\n- Danube\n",
        ]

        /// QA: with Danube open its deleted and renamed sections were "orphaned"; with another
        /// article open they were plain bookmarks, the finder offered them, and `bookmarks list`
        /// never marked them. (Renamed and rewritten here: renamed with its text as it was, a
        /// section is followed, as `aRenamedSectionIsFollowed` shows.)
        @Test func anOrphanedBookmarkIsMarkedWhicheverArticleIsOpen() throws {
            let tmux = try TmuxSession(width: 160, height: 40)
            let folder = try folder("rivers", Self.rivers, in: tmux)
            let data = Shell.quote(tmux.home.appendingPathComponent("data").path)
            for section in ["The Inn at Passau", "Lower Danube"] {
                let add = Shell.run("cd \(Shell.quote(tmux.home.path)) && \(seealso) bookmarks add rivers --section \(Shell.quote(section)) --data-dir \(data)")
                #expect(add.status == 0, "\(add.output)")
            }
            let danube = folder.appendingPathComponent("danube.txt")
            try Data(Self.rivers["danube.txt"]!.replacingOccurrences(of: "=== The Inn at Passau ===\n\nThe Inn joins.\n\n", with: "")
                .replacingOccurrences(of: "=== Lower Danube ===\n\nTo the sea.", with: "=== Lower course ===\n\nTo the Black Sea.")
                .utf8).write(to: danube)

            tmux.type("\(seealso) rivers --section Course --data-dir \(data)")
            try tmux.waitFor("Rhine › Course")
            tmux.press("5")
            try tmux.waitUntil("both marked orphaned") {
                $0.contains("★ orphaned: Geography › Lower Danube") && $0.contains("★ orphaned: Geography › The Inn at Passau")
            }
            tmux.press("g", "Enter")
            try tmux.waitFor("Its section no longer exists in “Danube”: d deletes it.")
            // The finder does not offer it as a place to go.
            try find("Passau", in: tmux)
            try tmux.waitFor("Nothing matches.")
            tmux.press("Escape")
            try tmux.waitUntil("the finder closed") { !$0.contains("Go to — Enter jumps") }
            tmux.press("q")
            try tmux.waitForPrompt()

            let list = Shell.run("\(seealso) bookmarks list --data-dir \(data)")
            #expect(list.output.contains("orphaned: Geography › Lower Danube"), "\(list.output)")
            #expect(list.output.contains("orphaned: Geography › The Inn at Passau"), "\(list.output)")
        }

        /// A heading renamed with the text under it left as it was: the explorer's reading place
        /// followed it, while its bookmark was "orphaned: Geography › Lower Danube". The
        /// bookmark follows it too, shown under the heading it has now, with another article open.
        @Test func aRenamedSectionIsFollowed() throws {
            let tmux = try TmuxSession(width: 160, height: 40)
            let folder = try folder("rivers", Self.rivers, in: tmux)
            let data = Shell.quote(tmux.home.appendingPathComponent("data").path)
            let add = Shell.run("cd \(Shell.quote(tmux.home.path)) && \(seealso) bookmarks add rivers --section 'Lower Danube' --data-dir \(data)")
            #expect(add.status == 0, "\(add.output)")
            try Data(Self.rivers["danube.txt"]!.replacingOccurrences(of: "=== Lower Danube ===", with: "=== Lower course ===").utf8)
                .write(to: folder.appendingPathComponent("danube.txt"))

            tmux.type("\(seealso) rivers --section Course --data-dir \(data)")
            try tmux.waitFor("Rhine › Course")
            tmux.press("5")
            let pane = try tmux.waitFor("★ Geography › Lower course")
            #expect(!pane.contains("orphaned"), "\(pane)")
            tmux.press("Enter")
            try tmux.waitFor("Lower course ★")
            tmux.press("q")
            try tmux.waitForPrompt()

            let list = Shell.run("\(seealso) bookmarks list --data-dir \(data)")
            #expect(list.output.contains("Danube   Geography › Lower course"), "\(list.output)")
            #expect(!list.output.contains("orphaned"), "\(list.output)")
        }
    }
}
