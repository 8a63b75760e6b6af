import Content
import Foundation
import Testing

@testable import Store

@Suite struct StateStoreTests {
    let folder: TemporaryDirectory
    let store: StateStore
    let model: LinkedArticle

    init() throws {
        folder = try TemporaryDirectory()
        store = try StateStore(directory: folder.url)
        model = try Fixture.model()
    }

    @Test func opensInWALModeWithTheCurrentSchema() throws {
        #expect(store.databaseURL == folder.file("state.sqlite"))
        #expect(!store.isReadOnly)
        #expect(store.readOnlyReason == nil)
        #expect(try store.database.text("PRAGMA journal_mode") == "wal")
        #expect(try store.database.integer("PRAGMA user_version") == Int64(Migrations.latestVersion))
        #expect(try store.database.integer("PRAGMA application_id") == Migrations.applicationID)
        #expect(try store.database.integer("PRAGMA foreign_keys") == 1)
        #expect(try store.database.integer("PRAGMA synchronous") == 1)  // NORMAL
        #expect(try store.bookmarks().isEmpty)
    }

    @Test func createsMissingFolders() throws {
        let nested = folder.url.appendingPathComponent("a/b/seealso")
        let store = try StateStore(directory: nested)
        #expect(FileManager.default.fileExists(atPath: store.databaseURL.path))
    }

    @Test func defaultDirectoryFollowsXDG() {
        #expect(StateStore.defaultDirectory(environment: ["XDG_DATA_HOME": "/data", "HOME": "/home/u"]).path == "/data/seealso")
        // A relative XDG_DATA_HOME is invalid per the spec and ignored.
        #expect(StateStore.defaultDirectory(environment: ["XDG_DATA_HOME": "data", "HOME": "/home/u"]).path
            == "/home/u/.local/share/seealso")
        #expect(StateStore.defaultDirectory(environment: ["HOME": "/home/u"]).path == "/home/u/.local/share/seealso")
    }

    @Test func toggleAddsThenRemoves() throws {
        let index = try model.sectionIndex("History")
        let first = try store.toggleBookmark(in: model, sectionIndex: index)
        #expect(first.added)
        #expect(try store.bookmarks(at: index, in: model) == [first.bookmark])
        let second = try store.toggleBookmark(in: model, sectionIndex: index)
        #expect(!second.added)
        #expect(second.bookmark.id == first.bookmark.id)
        #expect(try store.bookmarks().isEmpty)
        // A section bookmark and an item bookmark in the same section are different bookmarks.
        let item = try #require(model.items.first { $0.name == "Municipalism" })
        let onSection = try store.toggleBookmark(in: model, sectionIndex: item.section)
        let onItem = try store.toggleBookmark(in: model, sectionIndex: item.section, itemID: item.id)
        #expect(onSection.added && onItem.added)
        #expect(onSection.bookmark.id != onItem.bookmark.id)
        #expect(try store.bookmarks(at: item.section, in: model).map(\.id) == [onSection.bookmark.id])
        #expect(try store.bookmarks(at: item.section, itemID: item.id, in: model).map(\.id) == [onItem.bookmark.id])
    }

    @Test func addingTwiceKeepsOneBookmarkAndTakesTheNewNote() throws {
        let index = try model.sectionIndex("Criticism")
        let first = try store.addBookmarkIfAbsent(in: model, sectionIndex: index)
        let second = try store.addBookmarkIfAbsent(in: model, sectionIndex: index)
        #expect(first.added && !second.added)
        #expect(second.bookmark == first.bookmark)
        let noted = try store.addBookmark(in: model, sectionIndex: index, note: "  read again \n")
        #expect(noted.id == first.bookmark.id)
        #expect(noted.note == "read again")
        #expect(try store.bookmarks().count == 1)
        #expect(try store.bookmark(id: noted.id)?.note == "read again")
        // No note keeps it; a blank one removes it.
        #expect(try store.addBookmark(in: model, sectionIndex: index).note == "read again")
        #expect(try store.addBookmark(in: model, sectionIndex: index, note: " \n").note == nil)
        #expect(try store.bookmark(id: noted.id)?.note == nil)
    }

    @Test func newestFirstAndPerArticle() throws {
        let other = try Fixture.model(Fixture.article.replacingOccurrences(of: "= Test article =", with: "= Other ="), path: "other.txt")
        let a = try store.addBookmark(in: model, sectionIndex: 1)
        let b = try store.addBookmark(in: other, sectionIndex: 1)
        let c = try store.addBookmark(in: model, sectionIndex: 2)
        #expect(try store.bookmarks().map(\.id) == [c.id, b.id, a.id])
        #expect(try store.bookmarks(articleTitle: "Test article").map(\.id) == [c.id, a.id])
        #expect(try store.bookmarks(articleTitle: "Other").map(\.id) == [b.id])
        #expect(try store.bookmarks(articleTitle: "Nothing").isEmpty)
    }

    @Test func removeThenRestoreKeepsIDNoteAndDate() throws {
        let kept = try store.addBookmark(in: model, sectionIndex: 1, note: "first")
        let bookmark = try store.addBookmark(in: model, sectionIndex: 2, note: "undo me")
        let removed = try #require(try store.removeBookmark(id: bookmark.id))
        #expect(removed == bookmark)
        #expect(try store.bookmarks().map(\.id) == [kept.id])
        #expect(try store.removeBookmark(id: bookmark.id) == nil)
        // A bookmark made meanwhile does not take the removed id (AUTOINCREMENT).
        let meanwhile = try store.addBookmark(in: model, sectionIndex: 3)
        #expect(meanwhile.id > bookmark.id)

        let restored = try store.restoreBookmark(removed)
        #expect(restored == bookmark)
        #expect(try store.bookmark(id: bookmark.id) == bookmark)
        #expect(try store.bookmarks().map(\.id) == [meanwhile.id, bookmark.id, kept.id])
        // Restoring again changes nothing.
        try store.restoreBookmark(removed)
        #expect(try store.bookmarks().count == 3)
    }

    @Test func notesSetAndCleared() throws {
        let bookmark = try store.addBookmark(in: model, sectionIndex: 1)
        #expect(bookmark.note == nil)
        #expect(bookmark.noteUpdatedAt == nil)
        try store.setNote("why this matters", forBookmark: bookmark.id)
        let noted = try #require(try store.bookmark(id: bookmark.id))
        #expect(noted.note == "why this matters")
        #expect(noted.noteUpdatedAt != nil)
        try store.setNote("   ", forBookmark: bookmark.id)
        #expect(try store.bookmark(id: bookmark.id)?.note == nil)
        try store.setNote("again", forBookmark: bookmark.id)
        try store.setNote(nil, forBookmark: bookmark.id)
        #expect(try store.bookmark(id: bookmark.id)?.note == nil)
        #expect(throws: StoreError.noSuchBookmark(id: 999)) { try store.setNote("x", forBookmark: 999) }
    }

    @Test func sessionsAreKeptPerFileWithTheirHash() throws {
        let identity = ArticleIdentity(model)
        let file = BookmarkFile.of(model.article)
        #expect(try store.session(for: identity, file: file) == nil)
        try store.saveSession(Data("one".utf8), for: identity, file: file)
        let saved = try #require(try store.session(for: identity, file: file))
        #expect(saved.data == Data("one".utf8))
        #expect(saved.contentHash == identity.contentHash)
        // The last saved one comes back even when asked with a newer hash; the caller decides.
        let newer = ArticleIdentity(title: identity.title, contentHash: "0000000000000000")
        #expect(try store.session(for: newer, file: file)?.contentHash == identity.contentHash)
        try store.saveSession(Data(), for: newer, file: file)
        let replaced = try #require(try store.session(for: identity, file: file))
        #expect(replaced.data.isEmpty)
        #expect(replaced.contentHash == "0000000000000000")
        #expect(try store.session(for: ArticleIdentity(title: "Other", contentHash: ""), file: "/articles/other.txt") == nil)
    }

    /// A folder reopens at its article read last; one read there since that the folder no
    /// longer has (its file deleted) is named, so that the explorer can say why it opens another.
    @Test func aFolderKnowsItsArticleReadLastEvenWhenItIsGone() throws {
        func save(_ title: String, folder: String?, file: String? = nil) throws {
            try store.saveSession(Data(), for: ArticleIdentity(title: title, contentHash: ""), file: file ?? "/articles/\(title).txt", folder: folder)
        }
        try save("Alpha", folder: "/f")
        try save("Delta", folder: "/f")
        try save("Gamma", folder: "/elsewhere")
        try save("Charlie", folder: "/f")
        try save("Echo", folder: nil, file: "/h/echo.txt")
        #expect(try store.lastRead(among: ["Alpha", "Delta", "Charlie"], inFolder: "/f") == .init(title: "Charlie", gone: nil))
        #expect(try store.lastRead(among: ["Alpha", "Delta"], inFolder: "/f") == .init(title: "Delta", gone: "Charlie"))
        // Read in another folder: not this folder's to resume at, nor to miss.
        #expect(try store.lastRead(among: ["Alpha"], inFolder: "/g") == .init(title: nil, gone: nil))
        #expect(try store.lastRead(among: ["Alpha", "Gamma"], inFolder: "/g") == .init(title: nil, gone: nil))
        // One of its files read alone: resumed at, where the folder has nothing (and where it
        // has: see SessionByFileTests); another folder's file read alone is not.
        #expect(try store.lastRead(among: ["Alpha", "Echo"], inFolder: "/h") == .init(title: "Echo", gone: nil))
        #expect(try store.lastRead(among: ["Alpha", "Echo"], inFolder: "/g") == .init(title: nil, gone: nil))
        #expect(try store.lastRead(among: ["Alpha", "Echo"], inFolder: "/f") == .init(title: "Alpha", gone: "Charlie"))
        #expect(try store.lastRead(among: ["Alpha"]) == .init(title: "Alpha", gone: nil))
    }

    /// An article opened in place of the one read last, which could not be opened: its
    /// session is saved, but the folder still reopens at the one read last (QA: just looking
    /// at the stand-in made it the article read last, and the place in the other was lost).
    @Test func aSaveThatIsNotAReadingLeavesTheArticleReadLast() throws {
        func save(_ title: String, _ data: String, asReadLast: Bool = true) throws {
            try store.saveSession(Data(data.utf8), for: ArticleIdentity(title: title, contentHash: ""), file: "/f/\(title).txt", folder: "/f",
                                  asReadLast: asReadLast)
        }
        try save("Fresnel lens", "read")
        try save("Lighthouse", "read last")
        try save("Fresnel lens", "looked at", asReadLast: false)
        try save("Bell Rock", "first looked at", asReadLast: false)
        let titles: Set = ["Fresnel lens", "Lighthouse", "Bell Rock"]
        #expect(try store.lastRead(among: titles, inFolder: "/f") == .init(title: "Lighthouse", gone: nil))
        #expect(try store.session(for: ArticleIdentity(title: "Fresnel lens", contentHash: ""), file: "/f/Fresnel lens.txt")?.data == Data("looked at".utf8))
        #expect(try store.session(for: ArticleIdentity(title: "Bell Rock", contentHash: ""), file: "/f/Bell Rock.txt")?.data == Data("first looked at".utf8))
        // Without it, the one read before it; one only looked at counts as read before every other.
        #expect(try store.lastRead(among: ["Fresnel lens", "Bell Rock"], inFolder: "/f") == .init(title: "Fresnel lens", gone: "Lighthouse"))
        // Read by choice afterwards: the order of reading moves on.
        try save("Bell Rock", "read now")
        #expect(try store.lastRead(among: titles, inFolder: "/f") == .init(title: "Bell Rock", gone: nil))
    }

    @Test func anotherConnectionSeesChangesAtOnce() throws {
        let other = try StateStore(directory: folder.url)
        let before = try other.dataVersion()
        #expect(try other.dataVersion() == before)
        let bookmark = try store.addBookmark(in: model, sectionIndex: 1)
        let after = try other.dataVersion()
        #expect(after != before)
        #expect(try other.bookmarks() == [bookmark])
        // Its own writes do not count as others'.
        try other.removeBookmark(id: bookmark.id)
        #expect(try other.dataVersion() == after)
        #expect(try store.bookmarks().isEmpty)
    }

    @Test func survivesReopening() throws {
        let bookmark = try store.addBookmark(in: model, sectionIndex: 2, note: "kept")
        let reopened = try StateStore(directory: folder.url)
        #expect(try reopened.bookmarks() == [bookmark])
    }
}

@Suite struct ImportExportTests {
    let folder: TemporaryDirectory
    let store: StateStore
    let model: LinkedArticle

    init() throws {
        folder = try TemporaryDirectory()
        store = try StateStore(directory: folder.url)
        model = try Fixture.model()
    }

    func fill() throws -> [Bookmark] {
        let item = try #require(model.items.first { $0.name == "Municipalism" })
        return [
            try store.addBookmark(in: model, sectionIndex: 0),
            try store.addBookmark(in: model, sectionIndex: model.sectionIndex("Origins"), note: "where it began"),
            try store.addBookmark(in: model, sectionIndex: item.section, itemID: item.id, note: "tag: <b>*bold*</b>"),
        ]
    }

    @Test func exportIsTheDocumentedJSON() throws {
        let made = try fill()
        let json = try JSONSerialization.jsonObject(with: store.exportedBookmarksJSON().json) as? [String: Any]
        let root = try #require(json)
        #expect(root["version"] as? Int == 1)
        let entries = try #require(root["bookmarks"] as? [[String: Any]])
        #expect(entries.count == 3)
        // Oldest first, every key present.
        let keys: Set = ["article", "articleHash", "section", "heading", "sectionPath", "item", "itemName", "note", "createdAt"]
        for entry in entries { #expect(Set(entry.keys) == keys) }
        let origins = entries[1]
        #expect(origins["article"] as? String == "Test article")
        #expect(origins["articleHash"] as? String == made[1].articleHash)
        #expect(origins["section"] as? String == "origins")
        #expect(origins["heading"] as? String == "Origins")
        #expect(origins["sectionPath"] as? [String] == ["History", "Origins"])
        #expect(origins["item"] is NSNull)
        #expect(origins["note"] as? String == "where it began")
        let created = try #require(origins["createdAt"] as? String)
        #expect(created.hasSuffix("Z") && created.count == 20, "ISO 8601 UTC: \(created)")
        #expect(entries[2]["item"] as? String == "strategy:municipalism")
        #expect(entries[2]["itemName"] as? String == "Municipalism")
    }

    @Test func exportDecodesBackIntoAnotherStore() throws {
        let made = try fill()
        let other = try StateStore(directory: folder.url.appendingPathComponent("other"))
        let result = try other.importBookmarks(json: store.exportedBookmarksJSON().json)
        #expect(result.added == 3 && result.merged == 0)
        let imported = try other.bookmarks()
        #expect(imported.count == 3)
        for (original, copy) in zip(made.reversed(), imported) {
            #expect(copy.articleTitle == original.articleTitle)
            #expect(copy.articleHash == original.articleHash)
            #expect(copy.sectionID == original.sectionID)
            #expect(copy.heading == original.heading)
            #expect(copy.sectionPath == original.sectionPath)
            #expect(copy.itemID == original.itemID)
            #expect(copy.itemName == original.itemName)
            #expect(copy.note == original.note)
            // ISO 8601 keeps whole seconds.
            #expect(abs(copy.createdAt.timeIntervalSince(original.createdAt)) < 1)
            #expect(StateStore.place(of: copy, in: model) == StateStore.place(of: original, in: model))
        }
    }

    @Test func importingTheSameExportTwiceMergesInsteadOfDoubling() throws {
        _ = try fill()
        let export = try store.exportedBookmarksJSON().json
        let again = try store.importBookmarks(json: export)
        #expect(again.added == 0 && again.merged == 3)
        let other = try StateStore(directory: folder.url.appendingPathComponent("other"))
        #expect(try other.importBookmarks(json: export) == (3, 0, 0))
        #expect(try other.importBookmarks(json: export) == (0, 0, 3))
        #expect(try other.bookmarks().count == 3)
        #expect(try store.bookmarks().count == 3)
    }

    /// QA 15a: "theirs" was merged into "mine" and dropped, said only as "merged".
    @Test func mergeLosesNoNote() throws {
        let a = try store.addBookmark(in: model, sectionIndex: 1, note: "mine")
        let b = try store.addBookmark(in: model, sectionIndex: 2)
        let c = try store.addBookmark(in: model, sectionIndex: 4, note: "ours")
        let source = try StateStore(directory: folder.url.appendingPathComponent("source"))
        try source.addBookmark(in: model, sectionIndex: 1, note: "theirs")
        try source.addBookmark(in: model, sectionIndex: 2, note: "theirs too")
        try source.addBookmark(in: model, sectionIndex: 3, note: "new")
        try source.addBookmark(in: model, sectionIndex: 4)
        #expect(try store.importBookmarks(json: source.exportedBookmarksJSON().json) == (2, 1, 2))
        #expect(try store.bookmark(id: a.id)?.note == "mine")
        #expect(Set(try store.bookmarks().filter { $0.sectionID == a.sectionID }.compactMap(\.note)) == ["theirs", "mine"])
        #expect(try store.bookmark(id: b.id)?.note == "theirs too")
        #expect(try store.bookmark(id: c.id)?.note == "ours")
        #expect(try store.bookmarks().count == 5)
    }

    @Test func importAcceptsMinimalEntriesAndFractionalSeconds() throws {
        let json = """
            {"version": 1, "bookmarks": [
              {"article": "Test article", "section": "criticism", "heading": "Criticism"},
              {"article": "Test article", "section": "history", "heading": "History",
               "createdAt": "2024-02-03T04:05:06.789Z", "note": "old"},
              {"article": "Test article", "section": "criticism", "heading": "Criticism"}
            ]}
            """
        #expect(try store.importBookmarks(json: Data(json.utf8)) == (2, 0, 1))
        let history = try #require(try store.bookmarks().first { $0.sectionID == "history" })
        #expect(abs(history.createdAt.timeIntervalSince1970 - 1_706_933_106.789) < 0.001)
        #expect(history.sectionPath == ["History"])
        #expect(StateStore.place(of: history, in: model) == .section(try model.sectionIndex("History")))
    }

    @Test(arguments: [
        ("", "not a seealso bookmarks export: not valid JSON (it ends too soon)"),
        // Where it stops being JSON: the decoder alone said only "not valid JSON".
        ("{\"version\": 1,\n\"bookmarks\": [{\"é\": x}]}", "not a seealso bookmarks export: not valid JSON (line 2, column 21)"),
        ("[1, 2]", "not a seealso bookmarks export: wrong type (line 1, column 1)"),
        (#"{"version": 2, "bookmarks": []}"#, "not a seealso bookmarks export: version 2 is not supported: this seealso reads version 1 (line 1, column 13)"),
        (#"{"version": 1}"#, "not a seealso bookmarks export: missing 'bookmarks' (line 1, column 1)"),
        (#"{"version": 1, "bookmarks": [{"article": "A", "heading": "H"}]}"#,
         "not a seealso bookmarks export: missing 'section' at bookmarks[0] (line 1, column 30)"),
        (#"{"version": 1, "bookmarks": [{"article": "A", "section": "s", "heading": "H", "createdAt": "yesterday"}]}"#,
         "not a seealso bookmarks export: 'yesterday' is not an ISO 8601 date and time (2025-05-01T12:00:00Z) at bookmarks[0].createdAt (line 1, column 92)"),
        // A date that does not exist was carried over (to 2020-03-05T03:00:00Z) and imported.
        (#"{"version": 1, "bookmarks": [{"article": "A", "section": "s", "heading": "H", "createdAt": "2020-02-30T99:00:00Z"}]}"#,
         "not a seealso bookmarks export: '2020-02-30T99:00:00Z' is no date and time that exists: a month, day, hour, minute, second or offset is out of its range at bookmarks[0].createdAt (line 1, column 92)"),
        // Empty strings made a blank bookmark; the first bookmark is fine and is not imported either.
        (#"{"version": 1, "bookmarks": [{"article": "A", "section": "s", "heading": "H"}, {"article": "", "articleHash": "", "section": "", "heading": "", "sectionPath": [], "item": null, "itemName": null, "note": "", "createdAt": "2020-01-01T00:00:00Z"}]}"#,
         "not a seealso bookmarks export: no text at bookmarks[1].article (line 1, column 92)"),
        (#"{"version": 1, "bookmarks": [{"article": "A", "section": " ", "heading": "H"}]}"#,
         "not a seealso bookmarks export: no text at bookmarks[0].section (line 1, column 58)"),
        (#"{"version": 1, "bookmarks": [{"article": "A", "section": "s", "heading": ""}]}"#,
         "not a seealso bookmarks export: no text at bookmarks[0].heading (line 1, column 74)"),
        (#"{"version": 1, "bookmarks": [{"article": "A", "section": "s", "heading": "H", "sectionPath": []}]}"#,
         "not a seealso bookmarks export: no headings at bookmarks[0].sectionPath (line 1, column 94)"),
        (#"{"version": 1, "bookmarks": [{"article": "A", "section": "s", "heading": "H", "sectionPath": ["G", ""]}]}"#,
         "not a seealso bookmarks export: no text at bookmarks[0].sectionPath[1] (line 1, column 100)"),
        (#"{"version": 1, "bookmarks": [{"article": "A", "section": "s", "heading": "H", "item": "", "itemName": "I"}]}"#,
         "not a seealso bookmarks export: no text at bookmarks[0].item (line 1, column 87)"),
        (#"{"version": 1, "bookmarks": [{"article": "A", "section": "s", "heading": "H", "item": "strategy:i", "itemName": ""}]}"#,
         "not a seealso bookmarks export: no text at bookmarks[0].itemName (line 1, column 113)"),
    ])
    func invalidImportsAreRefusedWholly(json: String, message: String) throws {
        _ = try fill()
        let error = try #require(throws: StoreError.self) { try store.importBookmarks(json: Data(json.utf8)) }
        #expect(error.description == message)
        #expect(try store.bookmarks().count == 3)
    }

    /// Dates that do not exist, and forms that are not the export's, are refused: Foundation's
    /// parser carried 2020-02-30T99:00 over to March 5th and read 2021-02-29 as March 1st.
    @Test(arguments: ["2020-02-30T99:00:00Z", "2021-02-29T00:00:00Z", "2020-04-31T00:00:00Z", "2020-13-01T00:00:00Z",
                      "2020-00-10T00:00:00Z", "2020-01-00T00:00:00Z", "2020-01-01T24:00:00Z", "2020-01-01T00:60:00Z",
                      "2020-01-01T00:00:60Z", "2020-01-01T00:00:00+24:00", "0000-01-01T00:00:00Z",
                      "2020-01-01", "2020-01-01T00:00:00", "2020-1-1T0:0:0Z", "2020-01-01 00:00:00Z",
                      "2020-01-01T00:00:00Z ", "2020-01-01T00:00:00.Z", "٢٠٢٠-01-01T00:00:00Z", "yesterday", ""])
    func impossibleOrForeignTimestampsAreRefused(text: String) {
        #expect(Timestamp.date(from: text) == nil)
    }

    /// What the export writes, and the rest of RFC 3339: fractions of a second, offsets, leap days.
    @Test(arguments: [("2024-02-29T23:59:59Z", 1_709_251_199.0), ("2024-02-03T06:05:06+02:00", 1_706_933_106),
                      ("2024-02-02T23:35:06-04:30", 1_706_933_106), ("2024-02-03T04:05:06.789Z", 1_706_933_106.789),
                      ("2000-02-29T00:00:00Z", 951_782_400), ("1970-01-01T00:00:00Z", 0),
                      ("9999-12-31T23:59:59Z", 253_402_300_799), ("0001-01-01T00:00:00Z", -62_135_596_800)])
    func realTimestampsAreRead(text: String, secondsSince1970: Double) throws {
        let date = try #require(Timestamp.date(from: text))
        #expect(abs(date.timeIntervalSince1970 - secondsSince1970) < 0.000_5)
    }

    @Test func markdownGroupsByArticleAndEscapes() throws {
        #expect(try store.exportBookmarksMarkdown() == "# Bookmarks\n\nNo bookmarks.\n")
        _ = try fill()
        // Fixed dates, so the expected day is written out, not made by a date formatter.
        try store.database.run("UPDATE bookmark SET created_at = ?", SQLValue(Date(timeIntervalSince1970: 1_706_961_600)))  // 2024-02-03 12:00 UTC
        #expect(try store.exportBookmarksMarkdown() == """
            # Bookmarks

            ## Test article

            - (lead) (2024-02-03)
            - History › Origins — where it began (2024-02-03)
            - Strategies › Municipalism — tag: \\<b\\>\\*bold\\*\\</b\\> (2024-02-03)

            """)
    }

    /// QA 30: a note's line breaks were written "^J" (caret notation) into the Markdown file.
    @Test func aNoteOfSeveralLinesKeepsThemAsHardBreaks() throws {
        let numbered = try Fixture.model("= Lines =\nLead.\n\n== Second ==\nText.\n")
        try store.addBookmark(in: numbered, sectionIndex: 1, note: "line1\nline2\ttab\r\nline3")
        let markdown = try store.exportBookmarksMarkdown()
        #expect(markdown.contains("\n- Second — line1\\\n  line2 tab\\\n  line3 ("), "\(markdown)")
        #expect(!markdown.contains("^J") && !markdown.contains("^M"))
        // QA 31: a line of the note that starts as Markdown does stays text.
        try store.addBookmark(in: numbered, sectionIndex: 0, note: "first\n- second\n1. third\n> fourth")
        #expect(try store.exportBookmarksMarkdown().contains("— first\\\n  \\- second\\\n  1\\. third\\\n  \\> fourth ("))
        // QA 32: so does one that starts with spaces before its marker.
        let sections = try Fixture.model("= Spaced =\nLead.\n")
        try store.addBookmark(in: sections, sectionIndex: 0, note: "first\n - x\n   1. y\n\t- deep")
        let spaced = try store.exportBookmarksMarkdown()
        #expect(spaced.contains("— first\\\n  \\- x\\\n  1\\. y\\\n  \\- deep ("), "\(spaced)")
    }

    /// A section heading that looks like a list marker stays text in the item ("- 2. Second"
    /// was a nested ordered list).
    @Test func aBookmarkOfANumberedHeadingStaysText() throws {
        let numbered = try Fixture.model("= Numbered =\nLead.\n\n== 2. Second ==\nText.\n")
        try store.addBookmark(in: numbered, sectionIndex: 1)
        #expect(try store.exportBookmarksMarkdown().contains("\n- 2\\. Second ("))
    }
}
