import Foundation
import Content

/// The bookmark export, a stable interface (`seealso bookmarks export --format json`):
///
///     {
///       "version": 1,
///       "bookmarks": [
///         {
///           "article": "Dual power",            // article title
///           "articleHash": "9f1c…",             // ArticleIdentity.contentHash when made ("" if unknown)
///           "section": "background",            // section id
///           "heading": "Background",            // heading text when made; "(lead)" for the lead
///           "sectionPath": ["Background"],      // headings, top down
///           "item": null,                       // item id ("strategy:municipalism") or null
///           "itemName": null,                   // the item's name or null
///           "note": null,                       // text or null
///           "createdAt": "2025-05-01T12:00:00Z" // ISO 8601, UTC
///         }
///       ]
///     }
///
/// Keys are sorted and every key is always written (null when empty). On import, `article`,
/// `section` and `heading` are required and must hold text, as must `sectionPath`, `item` and
/// `itemName` when they are given (null, or a missing key, says there is none); the rest may
/// be missing, and `createdAt` must be a real date and time (see `Timestamp`), which may carry
/// fractional seconds and an offset. Bookmarks are exported oldest first.
///
/// `bookmarks list --json` prints the same form newest first, as the list is, with each
/// bookmark's `"id"` (what `bookmarks remove` takes); import reads it too, giving new ids.
struct BookmarkExportFile: Codable {
    static let currentVersion = 1

    var version: Int
    var bookmarks: [Entry]

    struct Entry: Codable {
        /// Written by the list only. Ids belong to one database: import gives new ones, and
        /// reads these only to add bookmarks of one second (`createdAt`'s precision) in the
        /// order they were made.
        var id: Int64?
        var article: String
        var articleHash: String
        var section: String
        var heading: String
        var sectionPath: [String]
        var item: String?
        var itemName: String?
        var note: String?
        var createdAt: Date

        enum CodingKeys: String, CodingKey {
            case id, article, articleHash, section, heading, sectionPath, item, itemName, note, createdAt
        }

        init(_ bookmark: Bookmark, withID: Bool = false) {
            id = withID ? bookmark.id : nil
            article = bookmark.articleTitle
            articleHash = bookmark.articleHash
            section = bookmark.sectionID
            heading = bookmark.heading
            sectionPath = bookmark.sectionPath
            item = bookmark.itemID
            itemName = bookmark.itemName
            note = bookmark.note
            createdAt = bookmark.createdAt
        }

        init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            id = try? container.decodeIfPresent(Int64.self, forKey: .id)
            article = try container.decode(String.self, forKey: .article)
            articleHash = try container.decodeIfPresent(String.self, forKey: .articleHash) ?? ""
            section = try container.decode(String.self, forKey: .section)
            heading = try container.decode(String.self, forKey: .heading)
            sectionPath = try container.decodeIfPresent([String].self, forKey: .sectionPath) ?? [heading]
            item = try container.decodeIfPresent(String.self, forKey: .item)
            itemName = try container.decodeIfPresent(String.self, forKey: .itemName)
            note = try container.decodeIfPresent(String.self, forKey: .note)
            createdAt = try container.decodeIfPresent(Date.self, forKey: .createdAt) ?? StateStore.now()
        }

        /// Writes null for empty fields (the synthesized form would leave the keys out).
        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encodeIfPresent(id, forKey: .id)
            try container.encode(article, forKey: .article)
            try container.encode(articleHash, forKey: .articleHash)
            try container.encode(section, forKey: .section)
            try container.encode(heading, forKey: .heading)
            try container.encode(sectionPath, forKey: .sectionPath)
            try container.encode(item, forKey: .item)
            try container.encode(itemName, forKey: .itemName)
            try container.encode(note, forKey: .note)
            try container.encode(createdAt, forKey: .createdAt)
        }

        /// Why this entry cannot be a bookmark, and the field at fault as a path below the
        /// entry (`article`, `sectionPath[1]`); nil when it can be. An empty article, section
        /// or heading made a bookmark of nothing: a blank row in the list, in no article.
        ///
        /// Blank is what shows as nothing: only spaces and tabs of any script. A line or
        /// paragraph separator, NEL or a form feed is shown (as � or ^L, see `TextSafety`), and
        /// older parsers took a heading of only those: refused here, such a bookmark was exported
        /// and then refused on import, its note with it. What export writes, import takes.
        var problem: (field: [JSONPath.Component], reason: String)? {
            func isBlank(_ text: String) -> Bool {
                text.unicodeScalars.allSatisfy { $0 == "\t" || ($0.properties.isWhitespace && !TextSafety.isUnsafe($0)) }
            }
            for (key, text) in [("article", article), ("section", section), ("heading", heading)] where isBlank(text) {
                return ([.key(key)], "no text")
            }
            if sectionPath.isEmpty { return ([.key("sectionPath")], "no headings") }
            if let blank = sectionPath.firstIndex(where: isBlank) { return ([.key("sectionPath"), .index(blank)], "no text") }
            // Null says there is none; an empty name is no item.
            for (key, text) in [("item", item), ("itemName", itemName)] {
                if let text, isBlank(text) { return ([.key(key)], "no text") }
            }
            return nil
        }

        /// Why export leaves this entry out: import would refuse it (`problem`), or its date
        /// cannot be written (a database edited by hand, or an import of an older seealso).
        var unexportable: (field: [JSONPath.Component], reason: String)? {
            problem ?? (Timestamp.string(from: createdAt) == nil ? ([.key("createdAt")], "a date outside the years 0001 to 9999") : nil)
        }

        /// Without a body digest: the export has no text to make it from (nor a file), and it
        /// is taken the first time the bookmark is found by its heading (`Bookmark.anchored`).
        func bookmark(createdAt date: Date? = nil) -> Bookmark {
            Bookmark(id: 0, articleTitle: article, articleHash: articleHash, sectionID: section, heading: heading,
                     sectionPath: sectionPath, itemID: item, itemName: itemName, note: StateStore.normalized(note),
                     createdAt: date ?? createdAt, noteUpdatedAt: StateStore.normalized(note) == nil ? nil : createdAt)
        }
    }
}

/// A bookmarks export, read and checked: what `importBookmarks` adds. Made before the store
/// is opened, so that a file that is refused leaves no data folder behind.
public struct BookmarkImport {
    let file: BookmarkExportFile

    /// How many bookmarks the file holds.
    public var count: Int { file.bookmarks.count }

    /// Reads `json` (the export, or `bookmarks list --json`). Throws `.invalidExport` naming
    /// what is wrong and where (`no text at bookmarks[1].heading`, line 7, column 18) for a file
    /// that is not an export, of another version, or with a bookmark that cannot be one.
    public init(json: Data) throws {
        let file: BookmarkExportFile
        do {
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .custom { decoder in
                let text = try decoder.singleValueContainer().decode(String.self)
                guard let date = Timestamp.date(from: text) else {
                    throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: Timestamp.refusal(of: text)))
                }
                return date
            }
            file = try decoder.decode(BookmarkExportFile.self, from: json)
        } catch let error as DecodingError {
            throw StoreError.invalidExport(StateStore.problem(error, in: json))
        }
        guard file.version == BookmarkExportFile.currentVersion else {
            throw StoreError.invalidExport(ExportProblem("version \(file.version) is not supported: this seealso reads version 1",
                                                         at: JSONPath([.key("version")]).position(in: json)))
        }
        for (index, entry) in file.bookmarks.enumerated() {
            if let problem = entry.problem {
                let path = JSONPath([.key("bookmarks"), .index(index)] + problem.field)
                throw StoreError.invalidExport(ExportProblem("\(problem.reason) at \(path)", at: path.position(in: json)))
            }
        }
        self.file = file
    }
}

/// A bookmark that an export leaves out, as import would refuse it: a row of a database edited
/// by hand (an empty heading, a section path that is not JSON), or with a date the form cannot
/// write. Left out, not written as it is: a file that import refuses imports nothing.
public struct UnexportableBookmark: Equatable, Sendable, CustomStringConvertible {
    public var id: Int64
    public var title: String
    /// The import's words, with the field: "no text at heading".
    public var reason: String

    public var description: String {
        "bookmark #\(id) (\(title.neutralized)) left out: \(reason); 'bookmarks import' would refuse it"
    }
}

extension StateStore {
    /// Every bookmark in the documented JSON form (see `BookmarkExportFile`), oldest first, and
    /// the bookmarks it left out, which import would refuse.
    public func exportedBookmarksJSON() throws -> (json: Data, leftOut: [UnexportableBookmark]) {
        try Self.json(try bookmarks().reversed().map { ($0, BookmarkExportFile.Entry($0)) })
    }

    /// Every bookmark as `bookmarks list --json` prints it: newest first like the table, each
    /// with its `id`. (It printed the export, oldest first and without the ids that
    /// `bookmarks remove` needs.) Still a file `importBookmarks` reads: those it would refuse
    /// are left out.
    public func listBookmarksJSON() throws -> (json: Data, leftOut: [UnexportableBookmark]) {
        try Self.json(try bookmarks().map { ($0, BookmarkExportFile.Entry($0, withID: true)) })
    }

    private static func json(_ all: [(bookmark: Bookmark, entry: BookmarkExportFile.Entry)]) throws
        -> (json: Data, leftOut: [UnexportableBookmark]) {
        var entries: [BookmarkExportFile.Entry] = [], leftOut: [UnexportableBookmark] = []
        for (bookmark, entry) in all {
            if let problem = entry.unexportable {
                leftOut.append(UnexportableBookmark(id: bookmark.id, title: bookmark.articleTitle,
                                                    reason: "\(problem.reason) at \(JSONPath(problem.field))"))
            } else {
                entries.append(entry)
            }
        }
        let file = BookmarkExportFile(version: BookmarkExportFile.currentVersion, bookmarks: entries)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            guard let text = Timestamp.string(from: date) else {
                throw EncodingError.invalidValue(date, .init(codingPath: encoder.codingPath, debugDescription: "no year from 0001 to 9999"))
            }
            var container = encoder.singleValueContainer()
            try container.encode(text)
        }
        // Notes and titles are untrusted text, escaped as the article export escapes it.
        let json = JSONExporter.printable(try encoder.encode(file))
        return (Data((json + "\n").utf8), leftOut)
    }

    /// Adds the bookmarks of a JSON export (see `BookmarkImport`, which checks it).
    public func importBookmarks(json: Data) throws -> ImportCount {
        try importBookmarks(BookmarkImport(json: json))
    }

    /// What `importBookmarks` did with a file's bookmarks.
    public typealias ImportCount = (added: Int, beside: Int, merged: Int)

    /// Adds the bookmarks of a checked export. One that matches a bookmark there (same article
    /// title, section id, heading and item: one added before from the same file too) is merged
    /// into it, not doubled, when no note is lost by it: the same note, or one of the two has
    /// none (the note is kept). One whose note differs from that of every bookmark on its place
    /// is added beside them (`beside` counts those among `added`): merged, its note was dropped,
    /// said only as "merged", and an export of two bookmarks of one place with two notes came
    /// back as one. Of the bookmarks this import added, only one the same in all (its text and
    /// note) is merged into: two of the file on one place, of two texts, are two articles titled
    /// alike, each with its bookmark (QA 30: they came back from an empty store as one), and
    /// two with a note and none are two bookmarks the store had (QA 31: made one).
    /// What export writes, import takes back unchanged. All or nothing: one transaction.
    public func importBookmarks(_ bookmarks: BookmarkImport) throws -> ImportCount {
        let file = bookmarks.file
        return try write {
            var count: ImportCount = (0, 0, 0)
            let lastBefore = try lastBookmarkID()
            // Oldest first, whatever the file's order (the list's is newest first), so that
            // the new ids follow the order the bookmarks were made in.
            let oldestFirst = file.bookmarks.enumerated().sorted {
                ($0.element.createdAt, $0.element.id ?? 0, $0.offset) < ($1.element.createdAt, $1.element.id ?? 0, $1.offset)
            }.map(\.element)
            for entry in oldestFirst {
                let samePlace = try database.query("""
                    SELECT id, note, article_hash FROM bookmark
                    WHERE article_title = ? AND section_id = ? AND heading = ? AND item_id IS ?
                    ORDER BY id
                    """, [.text(entry.article), .text(entry.section), .text(entry.heading), SQLValue(entry.item)]) {
                    (id: $0.int64(0), note: $0.optionalText(1), hash: $0.text(2))
                }
                let imported = entry.bookmark()
                // Into one there before; one this import added, only when it is the same.
                let candidates = samePlace.filter { $0.id <= lastBefore || ($0.hash == entry.articleHash && $0.note == imported.note) }
                // The same note first: a file imported again merges each bookmark into its own.
                let into = candidates.first { $0.note == imported.note }
                    ?? candidates.first { imported.note == nil || $0.note == nil }
                if let into {
                    if into.note == nil, let note = imported.note {
                        try updateNote(note, id: into.id, at: StateStore.now())
                    }
                    count.merged += 1
                } else {
                    _ = try insert(imported)
                    count.added += 1
                    if samePlace.contains(where: { $0.note != imported.note }) { count.beside += 1 }
                }
            }
            return count
        }
    }

    /// Every bookmark as Markdown: one section per article (by title), bookmarks oldest first.
    public func exportBookmarksMarkdown() throws -> String {
        let all = try bookmarks().reversed()
        var output = "# Bookmarks\n"
        if all.isEmpty { return output + "\nNo bookmarks.\n" }
        for title in Set(all.map(\.articleTitle)).sorted() {
            output += "\n## \(MarkdownExporter.inline(title))\n\n"
            for bookmark in all where bookmark.articleTitle == title {
                var line = "- \(MarkdownExporter.block(bookmark.displayPath))"  // starts the item's text
                // A note's lines stay lines: a hard break (CommonMark's "\" at a line's end), the
                // next indented into the item (QA 30: its line breaks were written "^J"), each
                // escaped as a line's start is (QA 31: "- second" made a nested list), without the
                // spaces before it, which Markdown reads as nesting or code (QA 32: " - x").
                if let note = bookmark.note {
                    let lines = note.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
                    let later = lines.dropFirst().map { MarkdownExporter.block(String($0.drop { $0 == " " || $0 == "\t" })) }
                    line += " — " + ([MarkdownExporter.inline(lines[0])] + later).joined(separator: "\\\n  ")
                }
                // The day as `bookmarks list` shows it, local (`LocalTime`).
                output += line + " (\(LocalTime.day(bookmark.createdAt)))\n"
            }
        }
        return output
    }

    /// What `error`, the decoder's, says of `json`, at the value it is about.
    static func problem(_ error: DecodingError, in json: Data) -> ExportProblem {
        func at(_ context: DecodingError.Context, _ reason: String) -> ExportProblem {
            let path = JSONPath(codingPath: context.codingPath)
            return ExportProblem(reason + (path.components.isEmpty ? "" : " at \(path)"), at: path.position(in: json))
        }
        switch error {
        // At the object that lacks the key.
        case .keyNotFound(let key, let context): return at(context, "missing '\(key.stringValue)'")
        case .typeMismatch(_, let context), .valueNotFound(_, let context): return at(context, "wrong type")
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? syntaxProblem(in: json) : at(context, context.debugDescription)
        @unknown default: return ExportProblem("not readable")
        }
    }

    /// Why the decoder could not read `json` at all, and where: "not valid JSON" at line 2,
    /// column 27, "not valid JSON (it ends too soon)" at its end, or "nested more than 512
    /// levels deep": valid JSON deeper than the parser goes was called invalid.
    static func syntaxProblem(in json: Data) -> ExportProblem {
        do {
            _ = try JSONSerialization.jsonObject(with: json, options: [.fragmentsAllowed])
            return ExportProblem("not valid JSON")
        } catch {
            let said = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? ""
            // Foundation calls a string with half a surrogate pair "Unexpected end of file", at
            // the file's end (QA 38): said at the escape, in words that say what is wrong.
            if let lone = loneSurrogate(in: json) {
                return ExportProblem("not valid JSON: '\(lone.escape)' is half of a UTF-16 surrogate pair, without its other half",
                                     at: TextPosition(offset: lone.offset, in: json))
            }
            let reason = said.hasPrefix("Too many nested") ? "nested more than \(maximumNesting) levels deep" : "not valid JSON"
            // An empty file has no place to name.
            if said.hasPrefix("Unexpected end of file") {
                return ExportProblem(reason + " (it ends too soon)", at: json.isEmpty ? nil : TextPosition(offset: json.count, in: json))
            }
            return ExportProblem(reason, at: place(in: json, said: said))
        }
    }

    /// The first `\uD800`–`\uDFFF` escape in a string of `json` that is not one of a high
    /// and a low surrogate written one after the other, with the byte where it starts.
    static func loneSurrogate(in json: Data) -> (offset: Int, escape: String)? {
        let bytes = [UInt8](json)
        /// The code unit of the `\uXXXX` escape at `index`, if one is there.
        func unit(at index: Int) -> UInt16? {
            guard index + 6 <= bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else { return nil }
            return UInt16(String(decoding: bytes[(index + 2)..<(index + 6)], as: UTF8.self), radix: 16)
        }
        var inString = false
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if !inString {
                if byte == UInt8(ascii: "\"") { inString = true }
                index += 1
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                inString = false
                index += 1
            case UInt8(ascii: "\\"):
                guard let code = unit(at: index) else {
                    index += 2  // another escape: the character after the backslash is skipped
                    continue
                }
                let escape = String(decoding: bytes[index..<(index + 6)], as: UTF8.self)
                if (0xDC00...0xDFFF).contains(code) { return (index, escape) }
                if (0xD800...0xDBFF).contains(code) {
                    guard let low = unit(at: index + 6), (0xDC00...0xDFFF).contains(low) else { return (index, escape) }
                    index += 12
                } else {
                    index += 6
                }
            default:
                index += 1
            }
        }
        return nil
    }

    /// How deep Foundation's JSON parser goes: its error says only "Too many nested arrays or dictionaries".
    static let maximumNesting = 512

    /// The place JSONSerialization's words `said` name in `json` ("Invalid value around
    /// character 40.", the byte, from 0), nil when they name none.
    private static func place(in json: Data, said: String) -> TextPosition? {
        guard let number = said.split(separator: " ").last.flatMap({ Int($0.trimmingCharacters(in: .punctuationCharacters)) }),
              number <= json.count else { return nil }
        return TextPosition(offset: number, in: json)
    }
}
