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
