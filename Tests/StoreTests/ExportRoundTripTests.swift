import Content
import Foundation
import Testing
import TestSupport

@testable import Store

/// What export writes, import takes, and an export of that import is the same file (QA 14a, D4:
/// exports that import refused, all or nothing, and dates that moved at every round trip).
@Suite("Export and import agree")
struct ExportRoundTripTests {
    /// `json` imported into a new store, and exported from it.
    static func roundTrip(_ json: Data) throws -> Data {
        let folder = try TemporaryDirectory()
        let store = try StateStore(directory: folder.url)
        _ = try store.importBookmarks(json: json)
        return try store.exportedBookmarksJSON().json
    }

    static func export(_ entries: [String]) -> Data {
        Data(#"{"version":1,"bookmarks":[\#(entries.joined(separator: ","))]}"#.utf8)
    }

    static func entry(heading: String = "Background", createdAt: String) -> String {
        #"{"article":"Dual power","section":"background","heading":"\#(heading)","createdAt":"\#(createdAt)"}"#
    }

    /// What import refuses `json` for.
    static func refusal(of json: Data) throws -> ExportProblem {
        let error = try #require(throws: StoreError.self) { try BookmarkImport(json: json) }
        guard case .invalidExport(let problem) = error else { throw error }
        return problem
    }

    /// The text of `json` from the place `problem` names to the end of its line.
    static func text(at problem: ExportProblem, in json: Data) throws -> Substring {
        let line = try #require(problem.line), column = try #require(problem.column)
        let lines = String(decoding: json, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        return lines[line - 1].dropFirst(column - 1)
    }

    /// QA 15a: two bookmarks of one place with two notes (an undo puts the removed one back
    /// beside the one made there since) were exported, and import merged the second into the
    /// first, its note dropped: "1 added, 1 merged", and another file at the next export.
    @Test("Two bookmarks of one place with two notes come back as two")
    func twoNotesOnOnePlace() throws {
        let folder = try TemporaryDirectory()
        let store = try StateStore(directory: folder.url)
        let model = try ArticleLoader.bundled()
        try store.addBookmark(in: model, sectionIndex: 0, note: "note A")
        let removed = try store.removeBookmarks(at: 0, in: model)
        try store.addBookmark(in: model, sectionIndex: 0, note: "note B")
        try store.restoreBookmarks(removed)
        let export = try store.exportedBookmarksJSON().json
        #expect(try store.bookmarks().compactMap(\.note).sorted() == ["note A", "note B"])

        let other = try StateStore(directory: folder.url.appendingPathComponent("other"))
        #expect(try other.importBookmarks(json: export) == (2, 1, 0))
        #expect(try other.bookmarks().compactMap(\.note).sorted() == ["note A", "note B"])
        #expect(try other.exportedBookmarksJSON().json == export)
        // Imported again, each merges into its own.
        #expect(try other.importBookmarks(json: export) == (0, 0, 2))
        #expect(try other.exportedBookmarksJSON().json == export)
    }

    /// QA 30: two articles titled alike (two files, or the bundled article and a copy), each
    /// with a bookmark on one section, were exported as two entries; imported into an empty
    /// store, the second was merged into the first ("1 added, 1 merged"), and lost.
    @Test("Two bookmarks of one place in two articles titled alike come back as two")
    func twoArticlesTitledAlike() throws {
        let hotel = { (hash: String, date: String) in
            #"{"article":"Hotel","articleHash":"\#(hash)","section":"alpha","heading":"Alpha","sectionPath":["Alpha"],"createdAt":"\#(date)"}"#
        }
        let file = Self.export([hotel("aaa", "2026-01-01T00:00:00Z"), hotel("bbb", "2026-01-02T00:00:00Z")])
        let folder = try TemporaryDirectory()
        let store = try StateStore(directory: folder.url)
        #expect(try store.importBookmarks(json: file) == (2, 0, 0))
        let export = try store.exportedBookmarksJSON().json
        #expect(try store.bookmarks().map(\.articleHash).sorted() == ["aaa", "bbb"])
        #expect(try Self.roundTrip(export) == export, "an export imported into an empty store exports as the same file")
        #expect(try store.importBookmarks(json: export) == (0, 0, 2), "imported again, each merges into one there")
        #expect(try store.bookmarks().count == 2)
    }

    /// QA 31: two bookmarks of one place and one text, one with a note and one without (an
    /// import beside one, then its note cleared), were exported as two and came back as one.
    @Test("A bookmark with a note and one without on one place come back as two")
    func aNoteAndNoneOnOnePlace() throws {
        let entry = { (note: String?, date: String) in
            #"{"article":"Hotel","articleHash":"aaa","section":"alpha","heading":"Alpha","sectionPath":["Alpha"],"#
                + (note.map { #""note":"\#($0)","# } ?? "") + #""createdAt":"\#(date)"}"#
        }
        let file = Self.export([entry("b", "2026-01-01T00:00:00Z"), entry(nil, "2026-01-02T00:00:00Z")])
        let folder = try TemporaryDirectory()
        let store = try StateStore(directory: folder.url)
        #expect(try store.importBookmarks(json: file) == (2, 1, 0), "the second beside one with another note")
        let export = try store.exportedBookmarksJSON().json
        #expect(try Self.roundTrip(export) == export)
        #expect(try store.importBookmarks(json: export) == (0, 0, 2))
    }

    /// ISO 8601's calendar both ways: Foundation's formatter wrote Julian dates before October
    /// 1582 (0001-01-01 came back as 0001-01-03, then 0001-01-05).
    @Test("Dates keep their day at every round trip, before 1582 too", arguments: [
        "0001-01-01T00:00:00Z", "1582-10-10T00:00:00Z", "1582-10-15T12:34:56Z", "1200-02-29T23:59:59Z",
        "1969-12-31T23:59:59Z", "2024-02-29T08:00:00Z", "9999-12-31T23:59:59Z",
    ])
    func datesKeepTheirDay(date: String) throws {
        let first = try Self.roundTrip(Self.export([Self.entry(createdAt: date)]))
        #expect(String(decoding: first, as: UTF8.self).contains(#""createdAt" : "\#(date)""#))
        #expect(try Self.roundTrip(first) == first)
    }

    @Test("A date whose UTC form is outside the years 0001 to 9999 is refused at its place")
    func datesOutOfRange() throws {
        for (date, words) in [("9999-12-31T23:59:59-23:59", "after the year 9999"), ("0001-01-01T00:00:00+00:01", "before the year 0001")] {
            let json = Self.export([Self.entry(createdAt: "2020-01-01T00:00:00Z"), Self.entry(createdAt: date)])
            let problem = try Self.refusal(of: json)
            #expect(problem.reason == "'\(date)' is \(words) in UTC, which an export cannot write at bookmarks[1].createdAt")
            // The second bookmark's date, not the first's.
            #expect(try Self.text(at: problem, in: json) == "\"\(date)\"}]}")
        }
        // Just inside: 9999-12-31T23:59:59Z in UTC.
        #expect(try BookmarkImport(json: Self.export([Self.entry(createdAt: "9999-12-31T23:59:00-00:00")])).count == 1)
    }

    /// A heading of only a line separator, NEL or form feed: older parsers made one, and the
    /// bookmark (note and all) was exported, then refused on import.
    @Test("A heading of characters that show is taken; one of spaces is not", arguments: ["\u{2028}", "\u{85}", "\u{0C}", "\u{2029}\u{0C}"])
    func headingsThatShow(heading: String) throws {
        let folder = try TemporaryDirectory()
        let store = try StateStore(directory: folder.url)
        _ = try store.write {
            try store.insert(Bookmark(id: 0, articleTitle: heading, articleHash: "", sectionID: "s", heading: heading,
                                      sectionPath: [heading], note: "kept", createdAt: Date(timeIntervalSince1970: 0)))
        }
        let exported = try store.exportedBookmarksJSON()
        #expect(exported.leftOut.isEmpty)
        let again = try Self.roundTrip(exported.json)
        #expect(again == exported.json)
        // As JSON writes them: a space, a tab, a no-break space and an ideographic space.
        for blank in [" ", #"\t"#, #"\u00A0\u3000"#] {
            let json = Self.export([Self.entry(heading: blank, createdAt: "2020-01-01T00:00:00Z")])
            let problem = try Self.refusal(of: json)
            #expect(problem.reason == "no text at bookmarks[0].heading")
            #expect(try Self.text(at: problem, in: json).hasPrefix("\"\(blank)\",\"createdAt\""))
        }
    }

    /// Rows of a database edited by hand, which export wrote as `"heading": ""` or
    /// `"sectionPath": []`, and import then refused with every other bookmark of the file.
    @Test("Export leaves out what import would refuse, and says which")
    func damagedRowsAreLeftOut() throws {
        let folder = try TemporaryDirectory()
        let store = try StateStore(directory: folder.url)
        let model = try ArticleLoader.bundled()
        let good = try store.addBookmark(in: model, sectionIndex: 1, note: "good")
        let badPath = try store.addBookmark(in: model, sectionIndex: 2)
        let empty = try store.addBookmark(in: model, sectionIndex: 3)
        let late = try store.addBookmark(in: model, sectionIndex: 4)
        try store.database.run("UPDATE bookmark SET section_path = 'not json' WHERE id = ?", .integer(badPath.id))
        try store.database.run("UPDATE bookmark SET heading = '' WHERE id = ?", .integer(empty.id))
        try store.database.run("UPDATE bookmark SET created_at = 253402300800 WHERE id = ?", .integer(late.id))

        let exported = try store.exportedBookmarksJSON()
        #expect(exported.leftOut.map(\.id) == [badPath.id, empty.id, late.id])
        #expect(exported.leftOut.map(\.reason) == ["no headings at sectionPath", "no text at heading",
                                                    "a date outside the years 0001 to 9999 at createdAt"])
        let imported = try BookmarkImport(json: exported.json)
        #expect(imported.count == 1)
        #expect(try Self.roundTrip(exported.json) == exported.json)
        #expect(try store.listBookmarksJSON().leftOut.count == 3)
        _ = good
    }

    /// Valid JSON nested deeper than the parser reads was "not valid JSON (line 1, column 538)".
    @Test("Nesting too deep is said as such, at its place")
    func nestedTooDeeply() throws {
        let json = Data((String(repeating: "[", count: 600) + String(repeating: "]", count: 600)).utf8)
        #expect(throws: StoreError.invalidExport(ExportProblem("nested more than 512 levels deep", line: 1, column: 514))) {
            try BookmarkImport(json: json)
        }
        let broken = Data("{\"version\":1,,}".utf8)
        #expect(throws: StoreError.invalidExport(ExportProblem("not valid JSON", line: 1, column: 14))) { try BookmarkImport(json: broken) }
    }

    /// An import's problem was said with a path alone ("missing 'section' at bookmarks[0]"),
    /// or as "(line 1, column 30)" after the words: in a file of a hundred bookmarks, which one?
    /// Each is placed as a compiler places one: at the value, or the object that lacks the key.
    @Test("Each refusal names the line and column of its value", arguments: [
        // The bookmark without a section: at its object, on the third line.
        ("{\"version\": 1, \"bookmarks\": [\n  {\"article\": \"A\", \"section\": \"s\", \"heading\": \"H\"},\n  {\"article\": \"A\", \"heading\": \"H\"}\n]}",
         "missing 'section' at bookmarks[1]", "{\"article\": \"A\", \"heading\": \"H\"}"),
        ("{\"version\": 1, \"bookmarks\": [\n  {\"article\": 7, \"section\": \"s\", \"heading\": \"H\"}]}",
         "wrong type at bookmarks[0].article", "7, \"section\": \"s\", \"heading\": \"H\"}]}"),
        ("{\"version\": 3,\n \"bookmarks\": []}", "version 3 is not supported: this seealso reads version 1", "3,"),
        // A key that is escaped in the file, and a string that holds brackets, braces and quotes before it.
        ("{\"bookmarks\": [{\"article\": \"[{\\\"}]\", \"section\": \"s\", \"heading\": \"H\", \"sectionPath\": [\"G\",\n \"\"]}],\n \"vers\\u0069on\": 1}",
         "no text at bookmarks[0].sectionPath[1]", "\"\"]}],"),
        ("{\"version\": 1, \"bookmarks\": [{\"article\": \"A\", \"section\": \"s\",\n   \"heading\": \"H\", \"createdAt\": \"soon\"}]}",
         "'soon' is not an ISO 8601 date and time (2025-05-01T12:00:00Z) at bookmarks[0].createdAt", "\"soon\"}]}"),
        ("{\"version\": 1,\n \"bookmarks\": [{\"article\": \"A\",, }]}", "not valid JSON", ", }]}"),
    ])
    func refusalsArePlaced(json: String, reason: String, found: String) throws {
        let data = Data(json.utf8)
        let problem = try Self.refusal(of: data)
        #expect(problem.reason == reason)
        #expect(try Self.text(at: problem, in: data) == found)
    }

    @Test("A file that ends too soon is placed at its end; an empty one nowhere")
    func endsTooSoon() throws {
        #expect(try Self.refusal(of: Data("{\"version\": 1,\n \"bookmarks\": [".utf8))
                == ExportProblem("not valid JSON (it ends too soon)", line: 2, column: 16))
        #expect(try Self.refusal(of: Data()) == ExportProblem("not valid JSON (it ends too soon)"))
    }

    /// Half a surrogate pair in a string, which Foundation called the file's end (QA 38):
    /// said at its escape. A pair, and escapes that only look like one, are fine.
    @Test(arguments: [
        ("{\"version\": 1, \"bookmarks\": [{\"article\": \"A\", \"section\": \"s\",\n \"heading\": \"x\\ud800y\"}]}", "\\ud800", 2, 15),
        ("{\"version\": 1, \"bookmarks\": [{\"article\": \"A\\uDC00\", \"section\": \"s\", \"heading\": \"H\"}]}", "\\uDC00", 1, 44),
        ("{\"version\": 1, \"bookmarks\": [{\"article\": \"\\ud83d\\u0041\", \"section\": \"s\", \"heading\": \"H\"}]}", "\\ud83d", 1, 43),
    ])
    func halfASurrogatePair(json: String, escape: String, line: Int, column: Int) throws {
        #expect(try Self.refusal(of: Data(json.utf8))
                == ExportProblem("not valid JSON: '\(escape)' is half of a UTF-16 surrogate pair, without its other half", line: line, column: column))
    }

    @Test func wholeSurrogatePairsAndLookalikesAreNoHalves() {
        #expect(StateStore.loneSurrogate(in: Data("[\"\\ud83d\\ude00\"]".utf8)) == nil, "😀 as a pair")
        #expect(StateStore.loneSurrogate(in: Data("[\"\\\\ud800\"]".utf8)) == nil, "an escaped backslash, then text")
        #expect(StateStore.loneSurrogate(in: Data("[\"a\", \\ud800]".utf8)) == nil, "outside a string: no escape")
    }

    @Test("A place is said after the words without a file, and before them with one")
    func placeInMessages() {
        let problem = ExportProblem("wrong type at bookmarks[0].note", line: 4, column: 13)
        #expect(problem.description == "not a seealso bookmarks export: wrong type at bookmarks[0].note (line 4, column 13)")
        #expect(problem.located(in: "saved.json") == "saved.json:4:13: not a seealso bookmarks export: wrong type at bookmarks[0].note")
        #expect(ExportProblem("not valid JSON (it ends too soon)").located(in: "empty.json")
                == "empty.json: not a seealso bookmarks export: not valid JSON (it ends too soon)")
    }

    /// SQLite says a table out of rowids as a full disk (QA 14a: "no space left for DIR").
    @Test("The last bookmark id used is said as such, with the way out")
    func idsExhausted() throws {
        let folder = try TemporaryDirectory()
        let store = try StateStore(directory: folder.url)
        let model = try ArticleLoader.bundled()
        _ = try store.write {
            try store.database.run("""
                INSERT INTO bookmark (id, article_title, article_hash, section_id, heading, section_path, created_at)
                VALUES (9223372036854775807, 'x', '', 's', 'h', '["h"]', 0)
                """)
        }
        #expect(throws: StoreError.idsExhausted(path: store.databaseURL.path)) { try store.addBookmark(in: model, sectionIndex: 1) }
        #expect("\(StoreError.idsExhausted(path: "/d/state.sqlite"))".contains("export them"))
    }
}
