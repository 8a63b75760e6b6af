import CSQLite
import Content
import Foundation
import Testing

@testable import Store

/// A bookmark follows its section when the heading is renamed and the text under it is left as
/// it was, as the explorer's saved reading place does. (It said "orphaned: Criticism" of a
/// section renamed Objections, while the reading place went on to Objections.)
@Suite struct RenamedHeadingTests {
    let folder: TemporaryDirectory
    let store: StateStore
    let original: LinkedArticle

    init() throws {
        folder = try TemporaryDirectory()
        store = try StateStore(directory: folder.url)
        original = try Fixture.model()
    }

    /// The fixture with Criticism renamed Objections (its id `criticism` goes with it).
    static let renamed = Fixture.article.replacingOccurrences(of: "== Criticism ==", with: "== Objections ==")

    @Test func aRenamedHeadingIsFollowedByItsText() throws {
        let bookmark = try store.addBookmark(in: original, sectionIndex: original.sectionIndex("Criticism"), note: "argue")
        let renamed = try Fixture.model(Self.renamed)
        #expect(!renamed.article.sections.contains { $0.id == bookmark.sectionID || $0.title == bookmark.heading })
        let objections = try renamed.sectionIndex("Objections")
        #expect(StateStore.place(of: bookmark, in: renamed) == .section(objections))

        // Shown under the heading it leads to now, as a bookmark that followed a moved heading
        // is, with its note; saved so.
        let placed = try store.bookmarks(placedIn: renamed)
        #expect(placed.map(\.place) == [.section(objections)])
        #expect(placed.map(\.bookmark.displayPath) == ["Objections"])
        #expect(placed.map(\.bookmark.note) == ["argue"])
        #expect(try StateStore(directory: folder.url).bookmarks().map(\.displayPath) == ["Objections"])
        // `m` on Objections finds it, rather than making a second one.
        let toggled = try store.toggleBookmark(in: renamed, sectionIndex: objections)
        #expect(!toggled.added && toggled.bookmark.id == bookmark.id)
    }

    /// A subsection renamed under its parent, and a section renamed and moved under another.
    @Test func aRenamedSubsectionIsFollowedToo() throws {
        let bookmark = try store.addBookmark(in: original, sectionIndex: original.sectionIndex("Origins"))
        let renamed = try Fixture.model(Fixture.article.replacingOccurrences(of: "=== Origins ===", with: "=== Beginnings ==="))
        #expect(StateStore.place(of: bookmark, in: renamed) == .section(try renamed.sectionIndex("Beginnings")))
        #expect(try store.bookmarks(placedIn: renamed).map(\.bookmark.displayPath) == ["History › Beginnings"])
    }

    /// QA 29: the subsection bookmarked deleted, with its parent, beside namesakes: the
    /// bookmark (and its note) went to the namesake that now had its id, `background-2`, as a
    /// guess. It is orphaned; one moved with its text is still found, and so is one whose
    /// parent was renamed.
    @Test func aDeletedSectionIsNotTakenForANamesake() throws {
        let text = """
            = Theta =

            Lead.

            == Origins ==

            === Background ===

            Origins background.

            == Practice ==

            === Background ===

            Practice background.

            == Background ==

            Top-level background.

            """
        let article = try Fixture.model(text)
        let practice = try #require(article.article.sections.firstIndex { $0.id == "background-2" })
        let bookmark = try store.addBookmark(in: article, sectionIndex: practice, note: "practice")
        let deleted = try Fixture.model(text.replacingOccurrences(of: "== Practice ==\n\n=== Background ===\n\nPractice background.\n\n", with: ""))
        #expect(deleted.article.sections.contains { $0.id == "background-2" }, "its id is a namesake's now")
        #expect(StateStore.place(of: bookmark, in: deleted) == .orphaned)
        let renamedParent = try Fixture.model(text.replacingOccurrences(of: "== Practice ==", with: "== Method =="))
        #expect(StateStore.place(of: bookmark, in: renamedParent) == .section(practice))
        let moved = try Fixture.model(text.replacingOccurrences(of: "== Practice ==\n\n=== Background ===\n\nPractice background.\n\n", with: "")
            + "== Later ==\n\n=== Background ===\n\nPractice background.\n")
        let later = try #require(moved.article.sections.indices.last)
        #expect(StateStore.place(of: bookmark, in: moved) == .section(later))
    }

    /// Nothing it recorded is left: neither its heading, nor its id, nor its text.
    @Test func aRenamedAndEditedSectionIsOrphanedAsBefore() throws {
        let bookmark = try store.addBookmark(in: original, sectionIndex: original.sectionIndex("Criticism"), note: "argue")
        let changed = try Fixture.model(Self.renamed.replacingOccurrences(of: "Some disagree.", with: "Many disagree."))
        #expect(StateStore.place(of: bookmark, in: changed) == .orphaned)
        let placed = try store.bookmarks(placedIn: changed)
        #expect(placed.map(\.place) == [.orphaned])
        #expect(placed.map(\.bookmark.displayPath) == ["Criticism"], "shown with its old heading")
        #expect(placed.map(\.bookmark.note) == ["argue"])
    }

    /// Two sections with one text: the one under the same headings, whichever comes first;
    /// with nothing to tell them apart, the first.
    @Test func ofTwoSectionsWithItsTextTheOneUnderItsHeadings() throws {
        let text = """
            = Plans =

            Lead.

            == Part one ==

            One.

            === Notes ===

            To be written.

            == Part two ==

            Two.

            === Notes ===

            To be written.
            """
        let model = try Fixture.model(text, path: "plans.txt")
        let second = try #require(model.article.sections.lastIndex { $0.title == "Notes" })
        let bookmark = try store.addBookmark(in: model, sectionIndex: second)
        #expect(bookmark.sectionPath == ["Part two", "Notes"])

        let renamed = try Fixture.model(text.replacingOccurrences(of: "=== Notes ===", with: "=== Remarks ==="), path: "plans.txt")
        let remarks = renamed.article.sections.indices.filter { renamed.article.sections[$0].title == "Remarks" }
        #expect(remarks.count == 2)
        #expect(StateStore.place(of: bookmark, in: renamed) == .section(remarks[1]))

        let parentsToo = try Fixture.model(
            text.replacingOccurrences(of: "=== Notes ===", with: "=== Remarks ===").replacingOccurrences(of: "== Part two ==", with: "== Part 2 =="),
            path: "plans.txt")
        // Neither under its headings now: either may be it, and a guess moved a note onto the
        // wrong one (QA 13b). Orphaned, it says so.
        #expect(StateStore.place(of: bookmark, in: parentsToo) == .orphaned)
    }

    /// QA 13b: "History", whose text is all in its subsections, renamed "Past": its bookmark
    /// was orphaned, having no text to be found by. The headings under it find it.
    @Test func aHeadingWithOnlySubsectionsIsFollowedByThem() throws {
        let text = "= D =\n\nLead.\n\n== History ==\n\n=== Early ===\n\nFirst.\n\n=== Late ===\n\nThen.\n\n== Other ==\n\nMore.\n"
        let model = try Fixture.model(text, path: "d.txt")
        let history = try #require(model.article.sections.firstIndex { $0.title == "History" })
        let bookmark = try store.addBookmark(in: model, sectionIndex: history, note: "hist")
        #expect(bookmark.bodyDigest != nil)
        let renamed = try Fixture.model(text.replacingOccurrences(of: "== History ==", with: "== Past =="), path: "d.txt")
        let past = try #require(renamed.article.sections.firstIndex { $0.title == "Past" })
        #expect(StateStore.place(of: bookmark, in: renamed) == .section(past))
        // Its subsections renamed too: nothing is left to find it by.
        let both = try Fixture.model(text.replacingOccurrences(of: "== History ==", with: "== Past ==")
            .replacingOccurrences(of: "=== Early ===", with: "=== First ==="), path: "d.txt")
        #expect(StateStore.place(of: bookmark, in: both) == .orphaned)
    }

    /// QA 13b: "Three" and "Four" with the same text, both renamed; the bookmark on Four went
    /// to the first, "Tres", its note with it.
    @Test func ofTwoSiblingsWithItsTextBothRenamedNeitherIsGuessed() throws {
        let text = "= E =\n\nLead.\n\n== Three ==\n\nSame text.\n\n== Four ==\n\nSame text.\n"
        let model = try Fixture.model(text, path: "e.txt")
        let four = try #require(model.article.sections.firstIndex { $0.title == "Four" })
        let bookmark = try store.addBookmark(in: model, sectionIndex: four, note: "four")
        let renamed = try Fixture.model(text.replacingOccurrences(of: "Three", with: "Tres").replacingOccurrences(of: "Four", with: "Cuatro"),
                                        path: "e.txt")
        #expect(StateStore.place(of: bookmark, in: renamed) == .orphaned)
    }

    /// A heading or id still there wins over the text: the text found elsewhere is not followed
    /// away from its heading.
    @Test func theHeadingWinsOverTheText() throws {
        let bookmark = try store.addBookmark(in: original, sectionIndex: original.sectionIndex("Criticism"))
        // Criticism's text is copied under a new heading, and Criticism's own text edited.
        let changed = try Fixture.model(Fixture.article.replacingOccurrences(of: "== Criticism ==\n\nSome disagree.\n",
            with: "== Debate ==\n\nSome disagree.\n\n== Criticism ==\n\nMany disagree.\n"))
        #expect(StateStore.place(of: bookmark, in: changed) == .section(try changed.sectionIndex("Criticism")))
    }

    /// A bookmark made before digests were recorded (schema version 4) has none: a rename
    /// before it is ever placed orphans it, as before. Placed once (found by its heading, as the
    /// explorer places every bookmark it lists), it records its section's text, and a later
    /// rename is followed.
    @Test func aBookmarkFromBeforeDigestsTakesOneWhenPlaced() throws {
        let folder = try TemporaryDirectory()
        _ = try MigrationTests.makeVersion4(in: folder)
        let store = try StateStore(directory: folder.url)
        #expect(try store.database.integer("SELECT count(*) FROM bookmark WHERE body_digest IS NULL") == 2)
        let beginnings = try Fixture.model(Fixture.article.replacingOccurrences(of: "=== Origins ===", with: "=== Beginnings ==="))
        // Not placed yet: nothing to follow the rename by (listing saves nothing).
        #expect(try store.bookmarks(on: BookmarkShelf(beginnings), saving: false).map(\.location)
                 == [.article(0, place: .item("strategy:municipalism")), .article(0, place: .orphaned)])

        _ = try store.bookmarks(placedIn: original)
        #expect(try store.database.integer("SELECT count(*) FROM bookmark WHERE body_digest IS NULL") == 0)
        let placed = try StateStore(directory: folder.url).bookmarks(placedIn: beginnings)
        #expect(placed.map(\.place) == [.item("strategy:municipalism"), .section(try beginnings.sectionIndex("Beginnings"))])
        #expect(placed.map(\.bookmark.displayPath) == ["Strategies › Municipalism", "History › Beginnings"])
        #expect(placed.last?.bookmark.note == "from v1")
    }

    /// The digest is taken again where the bookmark is found, as its heading is: one whose text
    /// was edited (found by its heading) follows a later rename of it.
    @Test func anEditedTextIsTakenAgainWhenPlaced() throws {
        try store.addBookmark(in: original, sectionIndex: original.sectionIndex("Criticism"))
        let edited = Fixture.article.replacingOccurrences(of: "Some disagree.", with: "Many disagree.")
        #expect(try store.bookmarks(placedIn: Fixture.model(edited)).map(\.place) == [.section(try original.sectionIndex("Criticism"))])
        let renamed = try Fixture.model(edited.replacingOccurrences(of: "== Criticism ==", with: "== Objections =="))
        #expect(try store.bookmarks(placedIn: renamed).map(\.place) == [.section(try renamed.sectionIndex("Objections"))])
    }

    @Test func aVersion4FileMigratesAndKeepsItsBookmarks() throws {
        let folder = try TemporaryDirectory()
        let file = try MigrationTests.makeVersion4(in: folder)
        let before = try Database(path: file.path, flags: SQLITE_OPEN_READONLY).query(
            "SELECT id, heading, section_path, item_id, note, created_at FROM bookmark ORDER BY id") {
            [String($0.int64(0)), $0.text(1), $0.text(2), $0.optionalText(3) ?? "", $0.optionalText(4) ?? "", "\($0.date(5))"]
        }
        #expect(before.count == 2)
        let store = try StateStore(directory: folder.url)
        #expect(!store.isReadOnly)
        #expect(try store.database.integer("PRAGMA user_version") == Int64(Migrations.latestVersion))
        #expect(try store.database.query("PRAGMA table_info(bookmark)") { $0.text(1) }.last == "body_digest")
        let after = try store.bookmarks().reversed().map {
            [String($0.id), $0.heading, StateStore.encodePath($0.sectionPath), $0.itemID ?? "", $0.note ?? "", "\($0.createdAt)"]
        }
        #expect(Array(after) == before)
        #expect(try store.database.integer("SELECT count(*) FROM bookmark WHERE body_digest IS NOT NULL") == 0)
    }

    /// A version-4 file in a folder that cannot be written is not migrated, and is still read.
    @Test(.enabled(if: ReadOnlyFolder.isAvailable)) func aVersion4FileInAReadOnlyFolderIsStillRead() throws {
        let folder = try TemporaryDirectory()
        let file = try MigrationTests.makeVersion4(in: folder)
        let before = try contents(file)
        let readOnly = try #require(ReadOnlyFolder.apply(to: folder.url))
        defer { readOnly.undo() }
        let store = try StateStore(directory: folder.url)
        #expect(store.isReadOnly)
        #expect(try store.bookmarks().map(\.heading) == ["Strategies", "Origins"])
        // Placed, shown where they lead; nothing saved.
        #expect(try store.bookmarks(placedIn: original).map(\.place)
                 == [.item("strategy:municipalism"), .section(try original.sectionIndex("Origins"))])
        #expect(try contents(file) == before)
    }
}
