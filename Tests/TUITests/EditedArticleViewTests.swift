import Content
import Testing
@testable import TUI

/// Back and forward across a folder restore views saved against an article as it was then;
/// the file may have been cut down since (the folder reloads it when it is opened again).
/// Such a view named a section past the article's end and crashed `m` in the outline
/// ("Index out of range"), and a topic card of an item no longer there showed an empty reader.
@MainActor
@Suite("A view saved before the article was edited")
struct EditedArticleViewTests {
    static func model(_ text: String) -> LinkedArticle {
        do { return try LinkedArticle(article: ArticleParser().parse(text, path: "beta.txt")) } catch { fatalError("\(error)") }
    }

    static let before = model("""
        = Beta =

        Lead.

        == One ==
        Text.

        == Two ==
        Text.

        === Two and a half ===
        Text.

        == Three ==
        Text.

        == See also ==
        - Gamma
        """)
    static let after = model("= Beta =\n\nLead, and nothing else now.\n")

    let size = Size(width: 120, height: 40)

    @Test func theOutlineSelectionOfALongerTextStaysWithinTheArticle() throws {
        let old = Explorer(model: Self.before, bookmarks: true)
        var state = old.initialState(size: size)
        state = old.run(state, .focusOutline, .moveDown, .moveDown, .collapse, .bottom)
        #expect(state.outline.selectedSection == Self.before.article.sections.count - 1)
        #expect(!state.outline.collapsed.isEmpty)
        let view = old.snapshot(state)

        let new = Explorer(model: Self.after, bookmarks: true)
        let restored = new.update(new.initialState(size: size), .restoreView(view))
        #expect(restored.focus == .outline)
        try #require(Self.after.article.sections.indices.contains(restored.outline.selectedSection))
        #expect(restored.outline.collapsed.isEmpty)
        // What `m` and `v` read; they trapped on the stale index.
        #expect(new.selectedNode(restored) == "lead")
        #expect(new.bookmarkPlace(restored).label == "Beta")
        #expect(new.render(restored).text.contains("Lead, and nothing else now."))
    }

    @Test func aCardOfAnItemNoLongerThereBecomesTheArticle() throws {
        let old = Explorer(model: Self.before, bookmarks: true)
        let card = old.update(old.initialState(size: size), .follow(.card("see-also:gamma")))
        #expect(card.reader.content == .card(itemID: "see-also:gamma"))

        let new = Explorer(model: Self.after, bookmarks: true)
        let restored = new.update(new.initialState(size: size), .restoreView(old.snapshot(card)))
        #expect(restored.reader == ReaderState())
        #expect(new.render(restored).text.contains("Lead, and nothing else now."))
    }
}
