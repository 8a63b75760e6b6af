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

        // A note of its own is kept.
        try store.setNote("mine", forBookmark: again.id)
        let other = try #require(try store.removeBookmark(id: again.id))
        let third = try store.addBookmark(in: model, sectionIndex: 2, note: "newest")
        #expect(try store.restoreBookmark(other).note == "newest")
        #expect(try store.bookmarks().map(\.id) == [third.id])
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
