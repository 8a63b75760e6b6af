import Content
import Foundation
import Testing
import TestSupport
@testable import Store

/// Undo after the same place was bookmarked again (QA: m in the Bookmarks pane removed
/// Part 10, m in the reader bookmarked it again, u restored the first: two bookmarks of one
/// place, and the next m removed both, note included).
@Suite("Restoring a bookmark whose place was bookmarked again")
struct RestoreSamePlaceTests {
    @Test("The place keeps one bookmark, with the removed one's note when it has none")
    func onePlaceOneBookmark() throws {
        let folder = try TemporaryDirectory()
        let store = try StateStore(directory: folder.url)
        let model = try ArticleLoader.bundled()
        let first = try store.addBookmark(in: model, sectionIndex: 2, note: "reread")
        let removed = try #require(try store.removeBookmark(id: first.id))
        let again = try store.addBookmark(in: model, sectionIndex: 2)

        let restored = try store.restoreBookmark(removed)
        #expect(restored.id == again.id)
        #expect(restored.note == "reread")
        #expect(try store.bookmarks().map(\.id) == [again.id])

        // The same note: still one bookmark.
        let same = try #require(try store.removeBookmark(id: again.id))
        let fourth = try store.addBookmark(in: model, sectionIndex: 2, note: "reread")
        #expect(try store.restoreBookmark(same).id == fourth.id)
        #expect(try store.bookmarks().map(\.id) == [fourth.id])
    }

    /// QA 14a (D1): m removed the bookmark with "precious note N1", M made one with "new N2",
    /// and u said "Bookmark restored." with N1 gone for good.
    @Test("A bookmark made there since with a note of its own keeps it, and the removed one comes back beside it")
    func noNoteIsDropped() throws {
        let folder = try TemporaryDirectory()
        let store = try StateStore(directory: folder.url)
        let model = try ArticleLoader.bundled()
        let first = try store.addBookmark(in: model, sectionIndex: 2, note: "precious note N1")
        let removed = try store.removeBookmarks(at: 2, in: model)
        let again = try store.addBookmark(in: model, sectionIndex: 2, note: "new N2")

        #expect(try store.restoreBookmark(removed[0]).id == first.id)
        #expect(try store.bookmarks().map(\.note) == ["new N2", "precious note N1"])
        #expect(try store.bookmarks().map(\.id) == [again.id, first.id])
        // The next m there removes both, and one undo puts both back.
        let both = try store.removeBookmarks(at: 2, in: model)
        #expect(both.count == 2)
        #expect(try store.restoreBookmarks(both).besideANewer == 0)
        #expect(Set(try store.bookmarks().compactMap(\.note)) == ["new N2", "precious note N1"])
        // Said so when it comes back beside a newer one.
        let again2 = try store.removeBookmarks(at: 2, in: model)
        _ = try store.addBookmark(in: model, sectionIndex: 2, note: "newest N3")
        let restoration = try store.restoreBookmarks(again2)
        #expect(restoration.besideANewer == 2)
        #expect(try store.bookmarks().compactMap(\.note).sorted() == ["new N2", "newest N3", "precious note N1"])
    }

    /// QA 14a (D2): two bookmarks of one place (imported under two section ids, notes A and
    /// B); m removed both, u u said "Bookmark restored." twice, and only A was left.
    @Test("One undo puts back every bookmark that one removal took, each with its note")
    func oneUndoPerRemoval() throws {
        let folder = try TemporaryDirectory()
        let store = try StateStore(directory: folder.url)
        let model = try ArticleLoader.bundled()
        let index = try model.sectionIndex("Background")
        _ = try store.importBookmarks(json: Data(#"""
            {"version":1,"bookmarks":[
            {"article":"Dual power","section":"background","heading":"Background","note":"note A","createdAt":"2024-01-01T00:00:00Z"},
            {"article":"Dual power","section":"background-old","heading":"Background","note":"note B","createdAt":"2024-01-02T00:00:00Z"}]}
            """#.utf8))
        // Placed, as the explorer shows them: both anchored on the same section.
        _ = try store.bookmarks(placedIn: model)
        let removed = try store.removeBookmarks(at: index, in: model)
        #expect(removed.count == 2)
        // One by one, as u u did.
        for bookmark in removed.reversed() { try store.restoreBookmark(bookmark) }
        #expect(Set(try store.bookmarks().compactMap(\.note)) == ["note A", "note B"])
        let restoration = try store.restoreBookmarks(try store.removeBookmarks(at: index, in: model))
        #expect(restoration.bookmarks.count == 2)
        #expect(restoration.besideANewer == 0)
        #expect(Set(try store.bookmarks().compactMap(\.note)) == ["note A", "note B"])
    }

    /// QA 15a: the undo's counts were of the bookmarks restored, not of those made since, and a
    /// bookmark there before the removal was taken as made since.
    @Test("The restoration tells beside, into, and how many were made since from those there before")
    func countsWhatHappened() throws {
        let folder = try TemporaryDirectory()
        let store = try StateStore(directory: folder.url)
        let model = try ArticleLoader.bundled()
        try store.addBookmark(in: model, sectionIndex: 2, note: "A")
        var lastID = try store.lastBookmarkID()
        let ab = try store.removeBookmarks(at: 2, in: model)
        try store.addBookmark(in: model, sectionIndex: 2, note: "B")
        try store.restoreBookmarks(ab, madeAfter: lastID)
        // Two with notes A and B; "C" made after both are removed.
        lastID = try store.lastBookmarkID()
        let two = try store.removeBookmarks(at: 2, in: model)
        try store.addBookmark(in: model, sectionIndex: 2, note: "C")
        var restoration = try store.restoreBookmarks(two, madeAfter: lastID)
        #expect((restoration.besideANewer, restoration.merged, restoration.newer) == (2, 0, 1))
        // One with no note made after all three are removed: it takes one's note, the others beside it.
        lastID = try store.lastBookmarkID()
        let three = try store.removeBookmarks(at: 2, in: model)
        let bare = try store.addBookmark(in: model, sectionIndex: 2)
        restoration = try store.restoreBookmarks(three, madeAfter: lastID)
        #expect((restoration.besideANewer, restoration.merged, restoration.newer) == (2, 1, 1))
        #expect(try store.bookmarks().compactMap(\.note).sorted() == ["A", "B", "C"])
        #expect(try store.bookmark(id: bare.id)?.note != nil)
        // One removed alone, beside two there before: put back as it was, beside them.
        let kept = try store.bookmarks()
        lastID = try store.lastBookmarkID()
        let one = try #require(try store.removeBookmark(id: kept[0].id))
        restoration = try store.restoreBookmarks([one], madeAfter: lastID)
        #expect((restoration.besideANewer, restoration.merged, restoration.newer) == (0, 0, 0))
        #expect(try store.bookmarks() == kept)
        // A bookmark without a note there before does not take the note of one removed beside it.
        try store.setNote(nil, forBookmark: kept[1].id)
        let before = try store.bookmarks()
        lastID = try store.lastBookmarkID()
        let noted = try #require(try store.removeBookmark(id: kept[0].id))
        restoration = try store.restoreBookmarks([noted], madeAfter: lastID)
        #expect(restoration.merged == 0)
        #expect(try store.bookmarks() == before)
    }

    @Test("An item's bookmark and its section's are two places")
    func itemAndSectionDiffer() throws {
        let folder = try TemporaryDirectory()
        let store = try StateStore(directory: folder.url)
        let model = try ArticleLoader.bundled()
        let item = try #require(model.items.first { $0.kind == .strategy })
        let onItem = try store.addBookmark(in: model, sectionIndex: item.section, itemID: item.id)
        let removed = try #require(try store.removeBookmark(id: onItem.id))
        _ = try store.addBookmark(in: model, sectionIndex: item.section)
        try store.restoreBookmark(removed)
        #expect(try store.bookmarks().count == 2)
    }
}
