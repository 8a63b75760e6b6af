import Content
import Testing
@testable import TUI

/// Following a See-also topic that names the article itself goes to its top, as a link to
/// the page you are on does; its card, asked for, says what it is.
@Suite("A See-also topic naming its own article, in the explorer")
@MainActor
struct SelfReferenceUITests {
    let model: LinkedArticle
    let explorer: Explorer

    init() throws {
        model = try LinkedArticle(article: ArticleParser().parse("""
            = Alpha =

            Alpha began long ago, and Beta followed.

            == History ==
            Alpha grew.

            == See also ==
            - Alpha
            - Beta
            """))
        explorer = Explorer(model: model)
    }

    @Test("Enter on it goes to the lead; Beta still opens its card")
    func followGoesToTop() throws {
        var state = explorer.initialState(size: Size(width: 120, height: 40))
        state = explorer.update(state, .follow(.section(2)))
        let alpha = try #require(model.items.first { $0.name == "Alpha" })
        state = explorer.update(state, .follow(.card(alpha.id)))
        #expect(state.reader.content == .article)
        #expect(explorer.currentNode(state) == model.article.lead.id)
        state = explorer.update(state, .follow(.card("see-also:beta")))
        #expect(state.reader.content == .card(itemID: "see-also:beta"))
    }

    @Test("Its card does not say its article is not loaded")
    func card() throws {
        let alpha = try #require(model.items.first { $0.name == "Alpha" })
        let text = ReaderDocument.card(for: alpha.id, in: model).blocks.flatMap(\.spans).map(\.text).joined()
        #expect(text.contains("This is the article you are reading."))
        #expect(!text.contains("not loaded"))
    }
}
