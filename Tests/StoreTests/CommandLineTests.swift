import Content
import Foundation
import TestSupport
import Testing

@testable import Store

/// `seealso bookmarks …`, run as a separate process, with a private --data-dir.
@Suite struct CommandLineTests {
    let folder: TemporaryDirectory
    let data: String
    let article: String

    init() throws {
        folder = try TemporaryDirectory()
        data = folder.file("data").path
        article = folder.file("test.txt").path
        try Fixture.article.write(toFile: article, atomically: true, encoding: .utf8)
    }

    func run(_ arguments: String...) throws -> (status: Int32, stdout: String, stderr: String) {
        try seealso(["bookmarks"] + arguments + ["--data-dir", data], in: folder)
    }

    @Test func addListRemove() throws {
        let first = try run("add", article, "--section", "orig", "--note", "start here")
        #expect(first.status == 0)
        #expect(first.stdout == "bookmarked: #1 Test article › History › Origins\n")
        #expect(first.stderr.isEmpty)
        #expect(try run("add", article, "--section", "ORIGINS").stdout == "already bookmarked: #1 Test article › History › Origins\n")
        #expect(try run("add", article, "--section", "orig", "--note", "again").stdout
                 == "already bookmarked, note replaced (it was \u{201C}start here\u{201D}): #1 Test article › History › Origins\n")
        #expect(try run("add", article, "--section", "orig", "--note", "again").stdout
                 == "already bookmarked, note unchanged: #1 Test article › History › Origins\n")
        #expect(try run("add", article, "--section", "orig", "--note", "").stdout
                 == "already bookmarked, note removed (it was \u{201C}again\u{201D}): #1 Test article › History › Origins\n")
        #expect(try run("add", article, "--section", "orig", "--note", "start here").status == 0)
        #expect(try run("add", "--section", "Background").stdout == "bookmarked: #2 Dual power › Background\n")

        let list = try run("list")
        #expect(list.status == 0)
        let lines = list.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        // Columns as wide as their widest cell (2, 12, 17, 10), two spaces apart; the date last.
        func row(_ cells: String...) -> String {
            zip(cells, [2, 12, 17, 10]).map { $0 + String(repeating: " ", count: $1 - $0.count) + "  " }.joined()
        }
        #expect(lines[0] == row("ID", "ARTICLE", "SECTION", "NOTE") + "CREATED")
        #expect(lines[1].hasPrefix(row("#2", "Dual power", "Background", "")))
        #expect(lines[2].hasPrefix(row("#1", "Test article", "History › Origins", "start here")))
        #expect(lines[2].count == row("#1", "Test article", "History › Origins", "start here").count + "2025-01-01 12:00".count)

        #expect(try run("remove", "#1").stdout == "removed: #1 Test article › History › Origins\n")
        let again = try run("remove", "1")
        #expect(again.status == 1)
        #expect(again.stderr == "seealso: no bookmark #1\n")
        #expect(try run("remove", "2").status == 0)
        let none = try run("list")
        #expect(none.stdout == "" && none.stderr == "seealso: no bookmarks\n" && none.status == 0)
    }

    /// The explorer's m bookmarks a selected item; the command line could bookmark sections only
    /// (QA 16: `bookmarks add --item Municipalism` said "Missing expected argument '--section'").
    /// QA 25: bookmarks of three files titled alike were three rows of "Beta  Alpha": which
    /// file each is in is said where titles are shared, and only there.
    @Test func bookmarksOfFilesTitledAlikeNameTheirFiles() throws {
        let other = folder.file("copy of test.txt").path
        try Fixture.article.write(toFile: other, atomically: true, encoding: .utf8)
        #expect(try run("add", article, "--section", "orig").status == 0)
        #expect(try run("add", other, "--section", "orig").status == 0)
        #expect(try run("add", "--section", "Background").status == 0)
        let rows = try run("list").stdout.split(separator: "\n")
        #expect(rows.contains { $0.hasPrefix("#1  Test article (\(article)) ") && $0.contains(" History › Origins ") }, "\(rows)")
        #expect(rows.contains { $0.hasPrefix("#2  Test article (\(other)) ") && $0.contains(" History › Origins ") }, "\(rows)")
        #expect(rows.contains { $0.hasPrefix("#3  Dual power ") && !$0.contains("(") }, "a title of one file alone: \(rows)")
    }

    /// QA 30: the bundled article was named "Dual power ((bundled))", and a bookmark without a
    /// file (imported) "the bundled article", beside one of a copy of it.
    @Test func theBundledArticleAndABookmarkWithoutAFileAreNamedSo() throws {
        let bundled = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("assets/dual-power.txt")
        let copy = folder.file("dual-power.txt").path
        try String(contentsOf: bundled, encoding: .utf8).write(toFile: copy, atomically: true, encoding: .utf8)
        #expect(try run("add", "--section", "Background").status == 0)
        #expect(try run("add", copy, "--section", "Background").status == 0)
        let export = folder.file("export.json").path
        try #"{"version":1,"bookmarks":[{"article":"Dual power","articleHash":"x","section":"gone","heading":"Gone","sectionPath":["Gone"],"createdAt":"2026-01-01T00:00:00Z"}]}"#
            .write(toFile: export, atomically: true, encoding: .utf8)
        #expect(try run("import", export).status == 0)
        let rows = try run("list").stdout.split(separator: "\n")
        #expect(rows.contains { $0.hasPrefix("#1  Dual power (the bundled article) ") }, "\(rows)")
        #expect(rows.contains { $0.hasPrefix("#2  Dual power (\(copy)) ") }, "\(rows)")
        #expect(rows.contains { $0.hasPrefix("#3  Dual power (file not recorded) ") }, "\(rows)")
    }

    @Test func anItemIsBookmarkedInItsSection() throws {
        let added = try run("add", "--item", "strategy: municipal", "--note", "read Bookchin")
        #expect(added.status == 0)
        #expect(added.stdout == "bookmarked: #1 Dual power › Modern usage by libertarian socialists › Municipalism\n")
        // The item and its section are two places: the section is bookmarked apart.
        #expect(try run("add", "--item", "Municipalism").stdout
                 == "already bookmarked: #1 Dual power › Modern usage by libertarian socialists › Municipalism\n")
        #expect(try run("add", "--section", "Modern usage").stdout == "bookmarked: #2 Dual power › Modern usage by libertarian socialists\n")

        let model = try ArticleLoader.bundled()
        let item = try #require(model.items.first { $0.name == "Municipalism" })
        let saved = try StateStore(directory: URL(fileURLWithPath: data)).bookmarks(at: item.section, itemID: item.id, in: model)
        #expect(saved.map(\.id) == [1])
        #expect(saved.first?.note == "read Bookchin")

        let neither = try run("add")
        #expect(neither.status == 64)
        #expect(neither.stderr.hasPrefix("seealso: give --section or --item: what to bookmark.\n"))
        #expect(try run("add", "--section", "Background", "--item", "Municipalism").stderr
                    .hasPrefix("seealso: give --section or --item, not both.\n"))
        let unknown = try run("add", "--item", "Nope")
        #expect(unknown.status == 64)
        #expect(unknown.stderr == "seealso: no item starts with 'Nope' in 'Dual power'\n")
    }

    /// QA 22: a See-also topic opens as its card, which the command did not look for:
    /// `bookmarks add --item Anarchism` ended on a failed precondition (SIGILL, status 132,
    /// nothing said or saved). It is bookmarked in its section, as m on its card does.
    @Test func aSeeAlsoTopicIsBookmarkedInItsSection() throws {
        for (run, item) in [(1, "Anarchism"), (2, "see-also:communalism-bookchin")] {
            let added = try self.run("add", "--item", item)
            #expect(added.status == 0, "\(added.stderr)")
            let model = try ArticleLoader.bundled()
            let topic = try #require(model.items.first { $0.kind == .seeAlso && ($0.name == item || $0.id == item) })
            #expect(added.stdout == "bookmarked: #\(run) Dual power › See also › \(topic.name)\n")
            let saved = try StateStore(directory: URL(fileURLWithPath: data)).bookmarks(at: topic.section, itemID: topic.id, in: model)
            #expect(saved.map(\.id) == [Int64(run)])
        }
    }

    /// Found by a fuzzer: a NUL inside imported text cut it (and merged two bookmarks that
    /// differed after it); bookmark JSON wrote DEL, C1 and bidi controls raw; one 100 kB note
    /// padded every row of `list` to its length.
    @Test func untrustedNotesKeepTheirDataAndStaySafe() throws {
        let file = folder.file("import.json")
        try #"""
            {"version":1,"bookmarks":[
             {"article":"A\u0000B","section":"s1","heading":"H1","sectionPath":["H1"],"note":"keep\u0000this part","createdAt":"2024-01-01T00:00:00Z"},
             {"article":"A\u0000C","section":"s1","heading":"H1","sectionPath":["H1"],"note":"del\u007F c1\u009B bidi\u202E","createdAt":"2024-01-01T00:00:00Z"}]}
            """#.write(to: file, atomically: true, encoding: .utf8)
        #expect(try run("import", file.path).stdout == "imported: 2 added, 0 merged\n")
        let notes = try StateStore(directory: URL(fileURLWithPath: data)).bookmarks().compactMap(\.note)
        #expect(Set(notes) == ["keep\u{0}this part", "del\u{7F} c1\u{9B} bidi\u{202E}"])

        let json = try run("export", "--format", "json").stdout
        #expect(json.contains(#""note" : "keep\u0000this part""#))
        #expect(json.contains(#""note" : "del\u007F c1\u009B bidi\u202E""#))
        #expect(!json.unicodeScalars.contains { $0 == "\u{7F}" || $0 == "\u{9B}" || $0 == "\u{202E}" })

        _ = try run("add", article, "--section", "History", "--note", String(repeating: "long ", count: 20_000) + "\nsecond line")
        let list = try run("list").stdout
        #expect(list.utf8.count < 1_000)
        #expect(list.contains("long long") && list.contains("…"))
    }

    /// A data folder that cannot exist (a file is there, or on its path) is an error for the
    /// commands that only read, not an empty list (a fuzzer found `list` printing "no
    /// bookmarks"). It was said in the explorer's words, "cannot create DIR (File exists):
    /// bookmarks cannot be saved (reading goes on; …)", with 74; it is now an input that
    /// cannot be read, 66.
    @Test func aDataFolderThatIsNotAFolderIsAnErrorWhenReading() throws {
        let file = folder.file("plain-file")
        try Data("x".utf8).write(to: file)
        let below = file.appendingPathComponent("deep")
        for (data, reason) in [(file, "not a folder"), (below, "not a folder (a file is on its path)")] {
            for arguments in [["list"], ["list", "--json"], ["export", "--format", "json"], ["export", "--format", "markdown"],
                              ["remove", "1"]] {
                let result = try seealso(["bookmarks"] + arguments + ["--data-dir", data.path], in: folder)
                #expect(result.status == 66, "\(arguments)")
                #expect(result.stderr == "seealso: \(data.path): \(reason)\n", "\(arguments)")
                #expect(result.stdout.isEmpty)
            }
        }
        // Named as it was given, as an article file is.
        let relative = try Captured.run(URL(fileURLWithPath: try Binary.path()),
                                        ["bookmarks", "list", "--data-dir", "plain-file"], in: folder.url)
        #expect(relative.status == 66)
        #expect(try Captured.text(relative.stderr) == "seealso: plain-file: not a folder\n")
        #expect(try contents(file) == Data("x".utf8))
    }

    /// Imports bookmarks of an article "A", one for each heading and its ISO 8601 date.
    func importDated(_ dated: KeyValuePairs<String, String>) throws {
        let export = folder.file("dated-\(UUID().uuidString).json")
        let entries = dated.enumerated().map { index, bookmark in
            #"{"article":"A","section":"s\#(index)","heading":"\#(bookmark.key)","createdAt":"\#(bookmark.value)"}"#
        }
        try (#"{"version":1,"bookmarks":["# + entries.joined(separator: ",") + "]}").write(to: export, atomically: true, encoding: .utf8)
        #expect(try run("import", export.path).status == 0)
    }

    /// The output of `bookmarks ARGUMENTS --data-dir DATA` with TZ set to `tz`.
    func underTZ(_ tz: String, _ arguments: String...) throws -> String {
        var environment = ProcessInfo.processInfo.environment
        environment["TZ"] = tz
        let run = try Captured.run(URL(fileURLWithPath: try Binary.path()), ["bookmarks"] + arguments + ["--data-dir", data],
                                   in: folder.url, environment: environment)
        return try Captured.text(run.stdout)
    }

    /// QA 23: `bookmarks list` (and the explorer's Bookmarks pane, through the same
    /// `LocalTime`) showed UTC for every form of TZ but a zone's name: `:Asia/Tokyo`, a file
    /// path, `JST-9`, a POSIX rule. Each is the local time `date` shows.
    @Test func bookmarkTimesFollowEveryFormOfTZ() throws {
        try importDated(["Winter": "2024-01-01T00:00:00Z", "Summer": "2024-07-01T12:00:00Z"])
        // The header, then the newest first.
        func times(_ tz: String) throws -> [String] { try underTZ(tz, "list").split(separator: "\n").dropFirst().map { String($0.suffix(16)) } }
        #expect(try times("UTC") == ["2024-07-01 12:00", "2024-01-01 00:00"])
        for tokyo in ["Asia/Tokyo", ":Asia/Tokyo", "/usr/share/zoneinfo/Asia/Tokyo", "JST-9"] {
            #expect(try times(tokyo) == ["2024-07-01 21:00", "2024-01-01 09:00"], "TZ=\(tokyo)")
        }
        #expect(try times("CET-1CEST,M3.5.0,M10.5.0/3") == ["2024-07-01 14:00", "2024-01-01 01:00"], "summer and winter time")
    }

    /// QA 24: the Markdown export's dates were UTC, and Julian before 1582 (Foundation's ISO
    /// 8601 style): "(2026-11-27)" where `list` said 2026-11-28 under TZ=JST-9, "(1500-02-20)"
    /// for 1500-03-01. They are the days `list` shows.
    @Test func theMarkdownExportDatesAreTheDaysListShows() throws {
        try importDated(["Old": "1500-03-01T12:00:00Z", "Late": "2026-11-27T19:40:21Z"])
        #expect(try underTZ("JST-9", "export", "--format", "markdown") == "# Bookmarks\n\n## A\n\n- Old (1500-03-01)\n- Late (2026-11-28)\n")
    }

    /// The commands that write say it as `list` does: they said "cannot create DIR (File
    /// exists): bookmarks cannot be saved (reading goes on; …)", with 74, which is the
    /// explorer's case (it goes on reading; a command does not).
    @Test func aDataFolderThatIsNotAFolderIsAnErrorWhenWriting() throws {
        let file = folder.file("plain-file")
        try Data("x".utf8).write(to: file)
        let export = folder.file("bookmarks.json")
        try #"{"version":1,"bookmarks":[{"article":"A","section":"s","heading":"H","createdAt":"2024-01-01T00:00:00Z"}]}"#
            .write(to: export, atomically: true, encoding: .utf8)
        for arguments in [["add", article, "--section", "History"], ["import", export.path]] {
            for (data, reason) in [("plain-file", "not a folder"), ("plain-file/deep", "not a folder (a file is on its path)")] {
                let result = try Captured.run(URL(fileURLWithPath: try Binary.path()),
                                              ["bookmarks"] + arguments + ["--data-dir", data], in: folder.url)
                #expect(result.status == 66, "\(arguments) \(data)")
                #expect(try Captured.text(result.stderr) == "seealso: \(data): \(reason)\n", "\(arguments) \(data)")
                #expect(result.stdout.isEmpty)
            }
        }
        #expect(try contents(file) == Data("x".utf8))
    }

    /// QA 38: a data folder that is a link to a folder not there (a drive not mounted) was
    /// "no bookmarks" to `list`, and "cannot create DIR (File exists)" to `add`.
    @Test func aDataFolderLinkedToNothingIsSaidSo() throws {
        let link = folder.file("linked")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: folder.file("unmounted/seealso").path)
        for arguments in [["list"], ["add", article, "--section", "History"]] {
            let result = try Captured.run(URL(fileURLWithPath: try Binary.path()), ["bookmarks"] + arguments + ["--data-dir", "linked"], in: folder.url)
            #expect(result.status == 66, "\(arguments)")
            #expect(try Captured.text(result.stderr)
                    == "seealso: linked: a symbolic link to '\(folder.file("unmounted/seealso").path)', which does not exist\n", "\(arguments)")
        }
        #expect(!FileManager.default.fileExists(atPath: folder.file("unmounted").path), "nothing made where it leads")
    }

    /// Reading a store that is not there shows it empty and creates nothing: `list` used to
    /// make every folder of --data-dir and an empty database in it.
    @Test func readingAStoreThatIsNotThereCreatesNothing() throws {
        let absent = folder.file("absent")
        let existing = folder.file("existing")
        try FileManager.default.createDirectory(at: existing, withIntermediateDirectories: true)
        let empty = "{\n  \"bookmarks\" : [],\n  \"version\" : 1\n}\n"
        for (arguments, output) in [(["list"], ""), (["list", "--json"], empty),
                                    (["export", "--format", "json"], empty),
                                    (["export", "--format", "markdown"], "# Bookmarks\n\nNo bookmarks.\n")] {
            for data in [absent.appendingPathComponent("deep/dir"), existing] {
                let result = try seealso(["bookmarks"] + arguments + ["--data-dir", data.path], in: folder)
                #expect(result.status == 0, "\(arguments)")
                #expect(result.stdout == output, "\(arguments)")
                #expect(result.stderr == (arguments == ["list"] ? "seealso: no bookmarks\n" : ""), "\(arguments)")
            }
        }
        #expect(!FileManager.default.fileExists(atPath: absent.path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: existing.path) == [])

        // Such a store refuses writes rather than keep them in memory.
        let store = try StateStore(readingExisting: absent)
        #expect(store.isReadOnly)
        #expect(throws: StoreError.readOnly(path: absent.path)) { try store.addBookmark(in: Fixture.model(), sectionIndex: 1) }
        // A store that is there is read as the explorer left it.
        _ = try run("add", article, "--section", "History")
        #expect(try StateStore(readingExisting: URL(fileURLWithPath: data)).bookmarks().map(\.heading) == ["History"])
    }

    /// `remove` of a bookmark in a store that is not there made the data folder, every folder
    /// above it and an empty database, only to say there is no such bookmark.
    @Test func removingFromAStoreThatIsNotThereCreatesNothing() throws {
        let absent = folder.file("absent")
        let existing = folder.file("existing")
        try FileManager.default.createDirectory(at: existing, withIntermediateDirectories: true)
        for data in [absent.appendingPathComponent("deep"), existing] {
            let result = try seealso(["bookmarks", "remove", "1", "--data-dir", data.path], in: folder)
            #expect(result.status == 1)
            #expect(result.stderr == "seealso: no bookmark #1\n")
            #expect(result.stdout.isEmpty)
        }
        #expect(!FileManager.default.fileExists(atPath: absent.path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: existing.path) == [])
        // A store that is there is changed as before.
        _ = try run("add", article, "--section", "History")
        #expect(try run("remove", "1").stdout == "removed: #1 Test article › History\n")
        #expect(try run("list").stdout == "")
    }

    @Test func unknownSectionExits64WithCloseMatches() throws {
        let result = try run("add", article, "--section", "Critcism")
        #expect(result.status == 64)
        #expect(result.stderr == "seealso: no section starts with 'Critcism' in 'Test article'; close matches: Criticism\n")
        #expect(result.stdout.isEmpty)
        #expect(try StateStore(directory: URL(fileURLWithPath: data)).bookmarks().isEmpty)
        // Nothing is close to "nope" (it used to suggest "Modern usage by libertarian socialists").
        let far = try run("add", "--section", "nope")
        #expect(far.status == 64)
        #expect(far.stderr == "seealso: no section starts with 'nope' in 'Dual power'\n")
    }

    /// `bookmarks add FOLDER`, which its help allows, was "cannot read file: it is a folder":
    /// it now finds the section as `seealso FOLDER --section` does, in the first article in
    /// path order that has it, and an unknown name lists close matches from every article.
    @Test func addInAFolderBookmarksTheFirstArticleThatHasTheSection() throws {
        let articles = folder.file("articles")
        try FileManager.default.createDirectory(at: articles.appendingPathComponent("more"), withIntermediateDirectories: true)
        try "= Alpha =\n\nLead.\n\n== Background ==\n\nOld.\n"
            .write(to: articles.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
        try "= Beta =\n\nLead.\n\n== Background ==\n\nNew.\n\n== History ==\n\nThen.\n\n== See also ==\n\n- Alpha\n"
            .write(to: articles.appendingPathComponent("more/b.txt"), atomically: true, encoding: .utf8)

        let seeAlso = try run("add", articles.path, "--section", "see")
        #expect(seeAlso.status == 0)
        #expect(seeAlso.stdout == "bookmarked: #1 Beta › See also\n")
        #expect(seeAlso.stderr.isEmpty)
        #expect(try run("add", articles.path, "--section", "Background").stdout == "bookmarked: #2 Alpha › Background\n",
                "a.txt comes before more/b.txt")

        let unknown = try run("add", articles.path, "--section", "Histroy")
        #expect(unknown.status == 64)
        #expect(unknown.stderr == "seealso: no section starts with 'Histroy' in '\(articles.path)'; close matches: History\n")
        #expect(unknown.stdout.isEmpty)

        // A file that cannot be loaded is said, as by every command on a folder, after the
        // bookmark of another article is saved; the status says that something failed.
        try "no title\n".write(to: articles.appendingPathComponent("more/broken.txt"), atomically: true, encoding: .utf8)
        let broken = try run("add", articles.path, "--section", "Hist")
        #expect(broken.status == 65)
        #expect(broken.stdout == "bookmarked: #3 Beta › History\n")
        #expect(broken.stderr.hasPrefix("seealso: \(articles.path)/more/broken.txt:1: missing title"))
        #expect(try StateStore(directory: URL(fileURLWithPath: data)).bookmarks().map(\.displayPath) == ["History", "Background", "See also"])

        // No article has the section: the file that failed is said first (it may have it),
        // as a folder's outline says it, then the close matches.
        let nowhere = try run("add", articles.path, "--section", "Histroy")
        #expect(nowhere.status == 64)
        #expect(nowhere.stderr.hasPrefix("seealso: \(articles.path)/more/broken.txt:1: missing title"), "\(nowhere.stderr)")
        #expect(nowhere.stderr.hasSuffix("seealso: no section starts with 'Histroy' in '\(articles.path)'; close matches: History\n"))
    }

    /// A heading renamed in the file, its text left as it was: `list` shows the bookmark at the
    /// new heading, with its note, where it said "orphaned: Criticism"; `add` on the new
    /// heading finds it. (The explorer's reading place followed such a rename already.)
    @Test func listFollowsARenamedHeading() throws {
        #expect(try run("add", article, "--section", "Criticism", "--note", "argue").stdout == "bookmarked: #1 Test article › Criticism\n")
        try Fixture.article.replacingOccurrences(of: "== Criticism ==", with: "== Objections ==")
            .write(toFile: article, atomically: true, encoding: .utf8)
        let list = try run("list")
        #expect(list.status == 0)
        let row = try #require(list.stdout.split(separator: "\n").dropFirst().first)
        #expect(row.hasPrefix("#1  Test article  Objections  argue  "), "\(list.stdout)")
        #expect(!list.stdout.contains("orphaned"))
        #expect(try run("add", article, "--section", "Objections").stdout == "already bookmarked: #1 Test article › Objections\n")
    }

    /// `list --json` is the list: newest first, as the help and the table say, and with the
    /// ids `remove` takes. (It was the export: oldest first, without ids.) Import reads it.
    @Test func listJSONIsNewestFirstWithIDs() throws {
        _ = try run("add", article, "--section", "History")
        _ = try run("add", article, "--section", "Strategies", "--note", "compare")
        let list = try run("list", "--json")
        #expect(list.status == 0)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [String: Any])
        let bookmarks = try #require(root["bookmarks"] as? [[String: Any]])
        #expect(bookmarks.compactMap { $0["heading"] as? String } == ["Strategies", "History"])
        #expect(bookmarks.compactMap { $0["id"] as? Int } == [2, 1])
        let table = try run("list").stdout.split(separator: "\n").dropFirst().map { $0.prefix(2) }
        #expect(table == ["#2", "#1"], "the same order as the table")

        let file = folder.file("list.json")
        try list.stdout.write(to: file, atomically: true, encoding: .utf8)
        let elsewhere = folder.file("elsewhere").path
        let imported = try seealso(["bookmarks", "import", file.path, "--data-dir", elsewhere], in: folder)
        #expect(imported.stdout == "imported: 2 added, 0 merged\n")
        #expect(try StateStore(directory: URL(fileURLWithPath: elsewhere)).bookmarks().map(\.heading) == ["Strategies", "History"])
        #expect(try run("remove", "\(bookmarks[0]["id"] as? Int ?? 0)").stdout == "removed: #2 Test article › Strategies\n")
    }

    @Test func exportAndImport() throws {
        _ = try run("add", article, "--section", "History")
        _ = try run("add", article, "--section", "Strategies", "--note", "compare")
        let json = try run("export", "--format", "json")
        let store = try StateStore(directory: URL(fileURLWithPath: data))
        // What the store exports (the wiring), and that written out: oldest first, no ids.
        #expect(json.stdout == String(decoding: try store.exportedBookmarksJSON().json, as: UTF8.self))
        let hash = #/"articleHash" : "[0-9a-f]{16}"/#, created = #/"createdAt" : "\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"/#
        let entry = { (heading: String, note: String) in
            """
                {
                  "article" : "Test article",
                  "articleHash" : HASH,
                  "createdAt" : DATE,
                  "heading" : "\(heading)",
                  "item" : null,
                  "itemName" : null,
                  "note" : \(note),
                  "section" : "\(heading.lowercased())",
                  "sectionPath" : [
                    "\(heading)"
                  ]
                }
            """
        }
        #expect(json.stdout.replacing(hash, with: "\"articleHash\" : HASH").replacing(created, with: "\"createdAt\" : DATE") == """
            {
              "bookmarks" : [
            \(entry("History", "null")),
            \(entry("Strategies", "\"compare\""))
              ],
              "version" : 1
            }

            """)
        let markdown = try run("export", "--format", "markdown")
        #expect(markdown.stdout == (try store.exportBookmarksMarkdown()))
        #expect(markdown.stdout.replacing(#/\(\d{4}-\d\d-\d\d\)/#, with: "(DATE)") == """
            # Bookmarks

            ## Test article

            - History (DATE)
            - Strategies — compare (DATE)

            """)

        let file = folder.file("export.json")
        try json.stdout.write(to: file, atomically: true, encoding: .utf8)
        let elsewhere = folder.file("elsewhere").path
        let first = try seealso(["bookmarks", "import", file.path, "--data-dir", elsewhere], in: folder)
        #expect(first.stdout == "imported: 2 added, 0 merged\n")
        let second = try seealso(["bookmarks", "import", file.path, "--data-dir", elsewhere], in: folder)
        #expect(second.stdout == "imported: 0 added, 2 merged\n")
        #expect(try StateStore(directory: URL(fileURLWithPath: elsewhere)).bookmarks().count == 2)
    }

    /// QA 15a: an export with two bookmarks of one place, notes "B" and "second note", came
    /// back as "imported: 1 added, 1 merged" with only "B": the second was merged into the
    /// first, added a moment before from the same file, and its note dropped.
    @Test func importKeepsTwoNotesOfOnePlaceAndSaysSo() throws {
        func entry(_ note: String, _ date: String) -> String {
            #"{"article":"Dual power","section":"background","heading":"Background","note":"\#(note)","createdAt":"\#(date)"}"#
        }
        let file = folder.file("two.json")
        try #"{"version":1,"bookmarks":[\#(entry("B", "2026-11-27T05:05:47Z")),\#(entry("second note", "2026-11-27T05:05:52Z"))]}"#
            .write(to: file, atomically: true, encoding: .utf8)
        let imported = try run("import", file.path)
        #expect(imported.stdout == "imported: 2 added (1 beside a bookmark with another note), 0 merged\n", "\(imported.stderr)")
        let export = try run("export", "--format", "json").stdout
        #expect(export.contains(#""note" : "B""#) && export.contains(#""note" : "second note""#))
        let again = folder.file("again.json")
        try export.write(to: again, atomically: true, encoding: .utf8)
        let copy = folder.file("copy").path
        #expect(try seealso(["bookmarks", "import", again.path, "--data-dir", copy], in: folder).stdout
                 == "imported: 2 added (1 beside a bookmark with another note), 0 merged\n")
        #expect(try seealso(["bookmarks", "export", "--format", "json", "--data-dir", copy], in: folder).stdout == export)
        #expect(try run("import", again.path).stdout == "imported: 0 added, 2 merged\n")
    }

    @Test func badImportFiles() throws {
        let junk = folder.file("junk.json")
        try "{ nope".write(to: junk, atomically: true, encoding: .utf8)
        let invalid = try run("import", junk.path)
        #expect(invalid.status == 65)
        // Placed as a compiler places a problem (it was "… (line 1, column 3)" after the words).
        #expect(invalid.stderr == "seealso: \(junk.path):1:3: not a seealso bookmarks export: not valid JSON\n")
        let missing = try run("import", folder.file("missing.json").path)
        #expect(missing.status == 66)
        #expect(missing.stderr == "seealso: \(folder.file("missing.json").path): no such file\n")
        // Not regular files: each named for what it is (all were "permission denied").
        for (path, reason) in [("/dev/zero", "cannot read file: it is a device, not a regular file"),
                               (folder.path, "cannot read file: it is a folder, not a file")] {
            let result = try run("import", path)
            #expect(result.status == 66)
            #expect(result.stderr == "seealso: \(path): \(reason)\n")
        }
        // /dev/null is read, as an empty file.
        let empty = try run("import", "/dev/null")
        #expect(empty.status == 65)
        #expect(empty.stderr == "seealso: /dev/null: not a seealso bookmarks export: not valid JSON (it ends too soon)\n")
    }

    /// An export piped in (`bookmarks import <(ssh host seealso bookmarks export …)`) is read
    /// to its end; it was refused as "a pipe".
    @Test func importFromAPipe() throws {
        _ = try run("add", article, "--section", "History")
        let json = try run("export", "--format", "json").stdout
        let fifo = folder.file("export.fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let writer = Thread {
            let handle = FileHandle(forWritingAtPath: fifo)
            handle?.write(Data(json.utf8))
            try? handle?.close()
        }
        writer.start()
        let elsewhere = folder.file("elsewhere").path
        let imported = try seealso(["bookmarks", "import", fifo, "--data-dir", elsewhere], in: folder)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout == "imported: 1 added, 0 merged\n")
    }

    /// QA: `bookmarks import -` was "-: no such file" (66), though `-` is standard input for
    /// every article PATH.
    @Test func importDashReadsStandardInput() throws {
        _ = try run("add", article, "--section", "History")
        let export = folder.file("export.json")
        try run("export", "--format", "json").stdout.write(to: export, atomically: true, encoding: .utf8)
        let elsewhere = folder.file("elsewhere").path
        // Through a pipe, as `ssh host seealso bookmarks export --format json | seealso bookmarks import -`.
        func piped(_ file: URL) throws -> (status: Int32, stdout: String, stderr: String) {
            let child = try Child(["/bin/sh", "-c", #"cat "$1" | "$0" bookmarks import - --data-dir "$2""#, try Binary.path(), file.path, elsewhere],
                                  output: folder.file("out-\(UUID().uuidString)"))
            let status = child.wait()
            return (status, child.output, child.errors)
        }
        let imported = try piped(export)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout == "imported: 1 added, 0 merged\n")
        #expect(try StateStore(directory: URL(fileURLWithPath: elsewhere)).bookmarks().count == 1)
        // A refused one is named as standard input is everywhere.
        let junk = folder.file("junk.json")
        try "{ nope".write(to: junk, atomically: true, encoding: .utf8)
        let refused = try piped(junk)
        #expect(refused.status == 65)
        #expect(refused.stderr == "seealso: (standard input):1:3: not a seealso bookmarks export: not valid JSON\n")
    }

    /// An impossible date was imported shifted (2020-02-30T99:00:00Z became 2020-03-05T03:00:00Z),
    /// and empty strings made a blank bookmark, while "2020-01-01" was refused: each is now
    /// refused with the bookmark and the field, and nothing of the file is imported.
    @Test func importRefusesImpossibleDatesAndBlankBookmarks() throws {
        _ = try run("add", article, "--section", "History")
        let before = try run("export", "--format", "json").stdout
        let good = #"{"article":"Test article","section":"criticism","heading":"Criticism","createdAt":"2020-01-01T00:00:00Z"}"#
        // Each placed at its value in the second bookmark (line 1: the file is one line): column
        // 188 is the opening quote of its date, 144 that of its article.
        for (bookmark, problem) in [
            (#"{"article":"A","section":"s","heading":"H","createdAt":"2020-02-30T99:00:00Z"}"#,
             "1:188: not a seealso bookmarks export: '2020-02-30T99:00:00Z' is no date and time that exists: a month, day, hour, minute, second or offset is out of its range at bookmarks[1].createdAt"),
            (#"{"article":"A","section":"s","heading":"H","createdAt":"2020-01-01"}"#,
             "1:188: not a seealso bookmarks export: '2020-01-01' is not an ISO 8601 date and time (2025-05-01T12:00:00Z) at bookmarks[1].createdAt"),
            (#"{"article":"","articleHash":"","section":"","heading":"","sectionPath":[],"item":null,"itemName":null,"note":"","createdAt":"2020-01-01T00:00:00Z"}"#,
             "1:144: not a seealso bookmarks export: no text at bookmarks[1].article"),
        ] {
            let file = folder.file("import-\(UUID().uuidString).json")
            try #"{"version":1,"bookmarks":[\#(good),\#(bookmark)]}"#.write(to: file, atomically: true, encoding: .utf8)
            let result = try run("import", file.path)
            #expect(result.status == 65)
            #expect(result.stderr == "seealso: \(file.path):\(problem)\n")
            #expect(result.stdout.isEmpty)
            #expect(try run("export", "--format", "json").stdout == before, "all or nothing")
        }
    }

    /// QA 14a (D4): rows of a database edited by hand were exported as import refuses them, and
    /// then no bookmark of the file was imported. They are left out and said; the rest imports.
    @Test func exportLeavesOutWhatImportWouldRefuseAndSaysSo() throws {
        _ = try run("add", article, "--section", "History", "--note", "kept")
        _ = try run("add", article, "--section", "Criticism")
        let store = try StateStore(directory: URL(fileURLWithPath: data))
        let damaged = try #require(try store.bookmarks().first { $0.heading == "Criticism" })
        try store.database.run("UPDATE bookmark SET heading = '' WHERE id = ?", .integer(damaged.id))
        let export = try run("export", "--format", "json")
        #expect(export.status == 65)
        #expect(export.stderr == "seealso: bookmark #\(damaged.id) (Test article) left out: no text at heading; 'bookmarks import' would refuse it\n")
        let file = folder.file("export.json")
        try export.stdout.write(to: file, atomically: true, encoding: .utf8)
        let imported = try seealso(["bookmarks", "import", file.path, "--data-dir", folder.file("elsewhere").path], in: folder)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout == "imported: 1 added, 0 merged\n")
        let list = try run("list", "--json")
        #expect(list.status == 65)
        #expect(list.stderr == export.stderr)
    }

    /// QA 14a (D4): an export that import refused (a heading of a line separator, a date of the
    /// year 10000 in UTC), dates before 1582 moved at each round trip, and valid JSON too deep
    /// for the parser was "not valid JSON".
    @Test func whatExportWritesImportTakesAsItWas() throws {
        let file = folder.file("in.json")
        try #"""
            {"version":1,"bookmarks":[
            {"article":"Dual power","section":"s1","heading":" ","note":"kept","createdAt":"0001-01-01T00:00:00Z"},
            {"article":"Dual power","section":"s2","heading":"Old","createdAt":"1582-10-10T00:00:00Z"}]}
            """#.write(to: file, atomically: true, encoding: .utf8)
        #expect(try run("import", file.path).status == 0)
        let first = try run("export", "--format", "json")
        #expect(first.status == 0)
        #expect(first.stdout.contains(#""createdAt" : "0001-01-01T00:00:00Z""#) && first.stdout.contains(#""createdAt" : "1582-10-10T00:00:00Z""#))
        try first.stdout.write(to: file, atomically: true, encoding: .utf8)
        let elsewhere = folder.file("elsewhere").path
        let imported = try seealso(["bookmarks", "import", file.path, "--data-dir", elsewhere], in: folder)
        #expect(imported.stdout == "imported: 2 added, 0 merged\n", "\(imported.stderr)")
        #expect(try seealso(["bookmarks", "export", "--format", "json", "--data-dir", elsewhere], in: folder).stdout == first.stdout)

        try #"{"version":1,"bookmarks":[{"article":"A","section":"s","heading":"H","createdAt":"9999-12-31T23:59:59-23:59"}]}"#
            .write(to: file, atomically: true, encoding: .utf8)
        let late = try run("import", file.path)
        #expect(late.status == 65)
        // Line 1, column 82: the date's opening quote.
        #expect(late.stderr == "seealso: \(file.path):1:82: not a seealso bookmarks export: "
                + "'9999-12-31T23:59:59-23:59' is after the year 9999 in UTC, which an export cannot write at bookmarks[0].createdAt\n")

        try (String(repeating: "[", count: 600) + String(repeating: "]", count: 600)).write(to: file, atomically: true, encoding: .utf8)
        let deep = try run("import", file.path)
        #expect(deep.status == 65)
        #expect(deep.stderr == "seealso: \(file.path):1:514: not a seealso bookmarks export: nested more than 512 levels deep\n")
    }

    /// QA 14a: with the last bookmark id taken, `bookmarks add` said "no space left for DIR".
    @Test func theLastIDTakenIsSaidWithTheWayOut() throws {
        _ = try run("add", article, "--section", "History")
        let store = try StateStore(directory: URL(fileURLWithPath: data))
        try store.database.run("UPDATE bookmark SET id = 9223372036854775807")
        let add = try run("add", article, "--section", "Criticism")
        #expect(add.status == 65)
        #expect(add.stderr.hasPrefix("seealso: \(store.databaseURL.path) has used its last bookmark id (9223372036854775807)"), "\(add.stderr)")
        #expect(add.stderr.contains("export them (seealso bookmarks export --format json > bookmarks.json), move the file away"))
        #expect(!add.stderr.contains("no space"))
    }

    /// An import that is refused, or that holds no bookmark, changes nothing: it made the data
    /// folder and an empty database before it read the file.
    @Test func anImportThatChangesNothingCreatesNothing() throws {
        let absent = folder.file("absent")
        for (json, status, stdout) in [("{ nope", Int32(65), ""),
                                       (#"{"version":1,"bookmarks":[{"article":"","section":"s","heading":"H"}]}"#, 65, ""),
                                       (#"{"version":1,"bookmarks":[]}"#, 0, "imported: 0 added, 0 merged\n")] {
            let file = folder.file("import-\(UUID().uuidString).json")
            try json.write(to: file, atomically: true, encoding: .utf8)
            let result = try seealso(["bookmarks", "import", file.path, "--data-dir", absent.appendingPathComponent("deep").path],
                                     in: folder)
            #expect(result.status == status, "\(json)")
            #expect(result.stdout == stdout, "\(json)")
        }
        #expect(!FileManager.default.fileExists(atPath: absent.path))
    }

    /// QA 15a: a database whose `user_version` was set back to 0 said "table bookmark already
    /// exists (SQLite error 1)", status 74 (an I/O error), and left -wal and -shm beside it.
    @Test func aSchemaVersionSetBackIsDamagedExits65AndIsLeftAlone() throws {
        _ = try run("add", article, "--section", "History", "--note", "kept")
        let file = URL(fileURLWithPath: data).appendingPathComponent(StateStore.fileName)
        do {  // closed at the end of the block, the WAL checkpointed into the file
            let store = try StateStore(directory: URL(fileURLWithPath: data))
            try store.database.execute("PRAGMA user_version = 0")
        }
        let bytes = try contents(file)
        let listing = try FileManager.default.contentsOfDirectory(atPath: data).sorted()
        #expect(listing == [StateStore.fileName])
        for command in [["list"], ["add", article, "--section", "Criticism"]] {
            let result = try seealso(["bookmarks"] + command + ["--data-dir", data], in: folder)
            #expect(result.status == 65, "\(command)")
            #expect(result.stderr == "seealso: \(file.path) is damaged (its tables are not those of schema version 0: table bookmark "
                + "already exists); it was left untouched: use --data-dir DIR, or move the file away\n", "\(command)")
            #expect(try contents(file) == bytes)
            #expect(try FileManager.default.contentsOfDirectory(atPath: data).sorted() == listing, "\(command)")
        }
    }

    @Test func corruptDatabaseExits65AndIsLeftAlone() throws {
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        let file = URL(fileURLWithPath: data).appendingPathComponent(StateStore.fileName)
        let bytes = Data("my shopping list\n".utf8)
        try bytes.write(to: file)
        for arguments in [["list"], ["add", article, "--section", "History"], ["export", "--format", "json"]] {
            let result = try seealso(["bookmarks"] + arguments + ["--data-dir", data], in: folder)
            #expect(result.status == 65)
            #expect(result.stderr == "seealso: \(Message.corrupt(file.path))\n")
            #expect(result.stdout.isEmpty)
        }
        #expect(try contents(file) == bytes)
    }

    @Test func defaultLocationIsUnderXDGDataHome() throws {
        let home = folder.file("xdg").path
        let child = try Child(["/usr/bin/env", "XDG_DATA_HOME=\(home)", try Binary.path(), "bookmarks", "add", article,
                               "--section", "History"], output: folder.file("xdg.out"))
        #expect(child.wait() == 0)
        #expect(FileManager.default.fileExists(atPath: home + "/seealso/state.sqlite"))
    }
}
