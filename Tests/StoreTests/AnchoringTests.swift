import Content
import Foundation
import Testing

@testable import Store

/// A bookmark follows its heading when the article file is edited, and is never dropped.
@Suite struct AnchoringTests {
    let folder: TemporaryDirectory
    let store: StateStore
    let original: LinkedArticle

    init() throws {
        folder = try TemporaryDirectory()
        store = try StateStore(directory: folder.url)
        original = try Fixture.model()
    }

    /// The original article with `edit` applied to its text.
    func edited(_ edit: (String) -> String) throws -> LinkedArticle {
        let text = edit(Fixture.article)
        #expect(text != Fixture.article, "the edit changed nothing")
        return try Fixture.model(text)
    }

    @Test func bookmarkRecordsHeadingPathAndHash() throws {
        let bookmark = try store.addBookmark(in: original, sectionIndex: original.sectionIndex("Origins"), note: "start here")
        #expect(bookmark.articleTitle == "Test article")
        #expect(bookmark.sectionID == "origins")
        #expect(bookmark.heading == "Origins")
        #expect(bookmark.sectionPath == ["History", "Origins"])
        #expect(bookmark.displayPath == "History › Origins")
        #expect(bookmark.articleHash == ArticleIdentity(original).contentHash)
        #expect(bookmark.note == "start here")
        #expect(try store.bookmarks() == [bookmark])
        #expect(StateStore.place(of: bookmark, in: original) == .section(try original.sectionIndex("Origins")))
    }

    @Test func leadAndItemBookmarks() throws {
        let lead = try store.addBookmark(in: original, sectionIndex: 0)
        #expect(lead.heading == "(lead)")
        #expect(lead.sectionPath == ["(lead)"])
        #expect(StateStore.place(of: lead, in: original) == .section(0))

        let item = try #require(original.items.first { $0.name == "Municipalism" })
        #expect(item.id == "strategy:municipalism")
        // The item's own section is recorded, whatever section index the caller passed.
        let bookmark = try store.addBookmark(in: original, sectionIndex: 0, itemID: item.id)
        #expect(bookmark.heading == "Strategies")
        #expect(bookmark.itemName == "Municipalism")
        #expect(bookmark.displayPath == "Strategies › Municipalism")
        #expect(StateStore.place(of: bookmark, in: original) == .item(item.id))
    }

    /// An item bookmark whose id changed (an id rule fixed, as for "हिन्दी"'s virama; a
    /// namesake of another kind is no match) lands on the one item of its kind with its name,
    /// and `m` there sees it, rather than falling back to the section and adding a second.
    @Test func anItemWhoseIDChangedIsFoundByItsName() throws {
        let item = try #require(original.items.first { $0.name == "Municipalism" })
        var bookmark = try store.addBookmark(in: original, sectionIndex: 0, itemID: item.id)
        bookmark.itemID = "strategy:municipalism-old-id"
        #expect(StateStore.place(of: bookmark, in: original) == .item(item.id))
        #expect(bookmark.isAt(sectionIndex: item.section, itemID: item.id, in: original, file: bookmark.articlePath))
        bookmark.itemID = "example:municipalism-old-id"
        #expect(StateStore.place(of: bookmark, in: original) == .section(item.section), "another kind's item is another place")
        bookmark.itemName = "Gone"
        bookmark.itemID = "strategy:gone"
        #expect(StateStore.place(of: bookmark, in: original) == .section(item.section))
    }

    @Test func headingMovedElsewhere() throws {
        let bookmark = try store.addBookmark(in: original, sectionIndex: original.sectionIndex("Criticism"))
        // Criticism moves to the top, before History.
        let moved = try edited {
            $0.replacingOccurrences(of: "== Criticism ==\n\nSome disagree.\n\n", with: "")
                .replacingOccurrences(of: "== History ==", with: "== Criticism ==\n\nSome disagree.\n\n== History ==")
        }
        #expect(try moved.sectionIndex("Criticism") == 1)
        #expect(StateStore.place(of: bookmark, in: moved) == .section(1))
    }

    @Test func headingMovedUnderAnotherParent() throws {
        let bookmark = try store.addBookmark(in: original, sectionIndex: original.sectionIndex("Origins"))
        // Origins becomes a subsection of Criticism.
        let moved = try edited {
            $0.replacingOccurrences(of: "=== Origins ===\n\nWhere it began.\n\n", with: "")
                .replacingOccurrences(of: "Some disagree.\n", with: "Some disagree.\n\n=== Origins ===\n\nWhere it began.\n")
        }
        let index = try moved.sectionIndex("Origins")
        #expect(moved.article.path(to: index).map { moved.article.sections[$0].title } == ["Criticism", "Origins"])
        #expect(StateStore.place(of: bookmark, in: moved) == .section(index))
    }

    /// Followed under its new parent, the bookmark still showed the path it was made at (the
    /// Bookmarks pane and `bookmarks list` said "History › Origins" of a heading now under
    /// Criticism). Placed in the article, it is anchored where it leads, and saved so; an
    /// orphaned one keeps its old heading, and another article's is left alone.
    @Test func aPlacedBookmarkShowsThePathItLeadsToNow() throws {
        let origins = try store.addBookmark(in: original, sectionIndex: original.sectionIndex("Origins"))
        let strategy = try store.addBookmark(in: original, sectionIndex: 0, itemID: "strategy:municipalism")
        let criticism = try store.addBookmark(in: original, sectionIndex: original.sectionIndex("Criticism"))
        let other = try store.addBookmark(in: Fixture.model("= Other =\n\n== Origins ==\n\nElsewhere.\n", path: "other.txt"), sectionIndex: 1)
        // Origins moves under Criticism, renamed Objections and rewritten (its id and its text
        // go with it: orphaned); Strategies becomes Methods, its items with it.
        let moved = try edited {
            $0.replacingOccurrences(of: "=== Origins ===\n\nWhere it began.\n\n", with: "")
                .replacingOccurrences(of: "== Criticism ==\n\nSome disagree.\n",
                                      with: "== Objections ==\n\nMany disagree.\n\n=== Origins ===\n\nWhere it began.\n")
                .replacingOccurrences(of: "== Strategies ==", with: "== Methods ==")
        }
        let placed = try store.bookmarks(placedIn: moved)
        #expect(placed.map(\.bookmark.id) == [other.id, criticism.id, strategy.id, origins.id])
        #expect(placed.map(\.place) == [nil, .orphaned, .item("strategy:municipalism"), .section(try moved.sectionIndex("Origins"))])
        let paths = ["Origins", "Criticism", "Methods › Municipalism", "Objections › Origins"]
        #expect(placed.map(\.bookmark.displayPath) == paths)
        // As `bookmarks list` reads them, from another connection.
        #expect(try StateStore(directory: folder.url).bookmarks().map(\.displayPath) == paths)
        // Anchored where it leads, it leads there still.
        #expect(try StateStore(directory: folder.url).bookmarks(placedIn: moved).map(\.place) == placed.map(\.place))
    }

    /// A new "Origins" before the old one takes the id `origins`; the bookmarked one becomes
    /// `origins-2`. The heading path (History › Origins) tells them apart.
    @Test func headingIDChangedByAnAddedDuplicate() throws {
        let bookmark = try store.addBookmark(in: original, sectionIndex: original.sectionIndex("Origins"))
        let changed = try edited {
            $0.replacingOccurrences(of: "== History ==", with: "== Origins ==\n\nA newer section.\n\n== History ==")
        }
        let ids = changed.article.sections.filter { $0.title == "Origins" }.map(\.id)
        #expect(ids == ["origins", "origins-2"])
        let old = try #require(changed.article.sections.firstIndex { $0.id == "origins-2" })
        #expect(StateStore.place(of: bookmark, in: changed) == .section(old))
    }

    /// Same heading, same parent, and nothing else to go by: the first such section wins,
    /// preferring the one that kept the bookmark's id.
    @Test func duplicateSiblingHeadingsPreferTheSameID() throws {
        let bookmark = try store.addBookmark(in: original, sectionIndex: original.sectionIndex("Criticism"))
        let changed = try edited { $0 + "\n\n== Criticism ==\n\nMore disagreement.\n" }
        #expect(StateStore.place(of: bookmark, in: changed) == .section(try changed.sectionIndex("Criticism")))
    }

    @Test func headingRewordedKeepingItsID() throws {
        let bookmark = try store.addBookmark(in: original, sectionIndex: original.sectionIndex("See also"))
        // Capitals and punctuation change; the slug `see-also` does not.
        let changed = try edited { $0.replacingOccurrences(of: "== See also ==", with: "== See Also: ==") }
        let index = try #require(changed.article.sections.firstIndex { $0.id == "see-also" })
        #expect(changed.article.sections[index].title == "See Also:")
        #expect(StateStore.place(of: bookmark, in: changed) == .section(index))
    }

    @Test func sectionDeletedIsOrphanedWithItsOldHeading() throws {
        let bookmark = try store.addBookmark(in: original, sectionIndex: original.sectionIndex("Criticism"), note: "argue")
        let changed = try edited { $0.replacingOccurrences(of: "== Criticism ==\n\nSome disagree.\n\n", with: "") }
        #expect(!changed.article.sections.contains { $0.title == "Criticism" })
        #expect(StateStore.place(of: bookmark, in: changed) == .orphaned)
        // Still stored and listed, with what it was.
        let kept = try #require(try store.bookmarks(articleTitle: "Test article").first)
        #expect(kept.heading == "Criticism")
        #expect(kept.displayPath == "Criticism")
        #expect(kept.note == "argue")
    }

    @Test func itemRenamedFallsBackToItsSection() throws {
        let item = try #require(original.items.first { $0.name == "Syndicalism" })
        let bookmark = try store.addBookmark(in: original, sectionIndex: item.section, itemID: item.id)
        let changed = try edited { $0.replacingOccurrences(of: "- Syndicalism – unions", with: "- Anarcho-syndicalism – unions") }
        #expect(!changed.items.contains { $0.id == item.id })
        #expect(StateStore.place(of: bookmark, in: changed) == .section(try changed.sectionIndex("Strategies")))
        // An item that moves to another list keeps its id and is found.
        let moved = try edited {
            $0.replacingOccurrences(of: "- Municipalism – local assemblies\n", with: "")
                .replacingOccurrences(of: "- Syndicalism – unions", with: "- Syndicalism – unions\n- Municipalism – local assemblies")
        }
        #expect(StateStore.place(of: bookmark, in: moved) == .item(item.id))
    }

    @Test func toggleFindsABookmarkThatFollowedItsHeading() throws {
        let bookmark = try store.addBookmark(in: original, sectionIndex: original.sectionIndex("Criticism"))
        let moved = try edited {
            $0.replacingOccurrences(of: "== Criticism ==\n\nSome disagree.\n\n", with: "")
                .replacingOccurrences(of: "== History ==", with: "== Criticism ==\n\nSome disagree.\n\n== History ==")
        }
        let toggled = try store.toggleBookmark(in: moved, sectionIndex: moved.sectionIndex("Criticism"))
        #expect(!toggled.added)
        #expect(toggled.bookmark.id == bookmark.id)
        #expect(try store.bookmarks().isEmpty)
    }

    @Test func identityHashFollowsContentNotLayout() throws {
        let again = try Fixture.model()
        #expect(ArticleIdentity(again) == ArticleIdentity(original))
        let crlf = try Fixture.model(Fixture.article.replacingOccurrences(of: "\n", with: "\r\n"))
        #expect(ArticleIdentity(crlf) == ArticleIdentity(original))
        let edited = try edited { $0.replacingOccurrences(of: "Some disagree.", with: "Many disagree.") }
        #expect(ArticleIdentity(edited).contentHash != ArticleIdentity(original).contentHash)
        #expect(ArticleIdentity(original).contentHash.count == 16)
        // FNV-1a 64 test vectors.
        var fnv = FNV1a()
        #expect(fnv.hex == "cbf29ce484222325")
        fnv.add("a")
        #expect(fnv.hex == "af63dc4c8601ec8c")
    }
}
