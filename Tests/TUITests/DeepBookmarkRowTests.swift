import Foundation
import Testing
@testable import TUI

/// A bookmark deep in an article, in a pane too narrow for its path: the heading bookmarked
/// stays, with the separator before it, and its ancestors take the "…" (QA: "★ Geography ›
/// Upper Danube › Tributarie…" hid "The Inn at Passau" itself).
@MainActor
@Suite("Deep bookmark rows")
struct DeepBookmarkRowTests {
    @Test func theBookmarkedHeadingIsKeptWhenTheRowIsCut() throws {
        let explorer = Explorer(model: bundledModel, bookmarks: true)
        let path = "Geography › Upper Danube › Tributaries of the upper course › The Inn at Passau"
        let mark = BookmarkEntry(id: 1, articleTitle: bundledModel.article.title, path: path, note: nil,
                                 createdAt: Date(timeIntervalSince1970: 0), target: .section(1), section: 1, item: nil,
                                 isOrphaned: false)
        var state = explorer.update(explorer.initialState(size: Size(width: 120, height: 40)), .bookmarksLoaded([mark], notice: nil))
        state = explorer.update(state, .command(.focusBookmarks))
        let screen = explorer.render(state).text
        let row = try #require(screen.split(separator: "\n").first { $0.contains("★ Geography") }, "\(screen)")
        // The separator before it too (QA 25: "Modern usage by libertari…Municipalism").
        #expect(row.contains("… › The Inn at Passau"), "\(row)")
        // A path that fits is whole, with no "…".
        var short = mark
        short.path = "Legacy › Committee"
        let fits = explorer.render(explorer.update(state, .bookmarksLoaded([short], notice: nil))).text
        #expect(fits.split(separator: "\n").contains { $0.hasSuffix("★ Legacy › Committee") }, "\(fits)")
    }
}
