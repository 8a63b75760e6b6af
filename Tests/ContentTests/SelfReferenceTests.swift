import Testing
@testable import Content

/// A See-also list that names the article itself ("See also: Alpha" in "Alpha").
@Suite("A See-also topic naming its own article")
struct SelfReferenceTests {
    static let text = """
        = Alpha =

        Alpha began long ago, and Beta followed. Alpha is still here.

        == See also ==
        - alpha
        - Beta
        """

    @Test("It is listed, but its name in the text is no cross-reference; other topics still are")
    func noMentionsOfItself() throws {
        let model = try LinkedArticle(article: ArticleParser().parse(Self.text))
        let alpha = try #require(model.items.first { $0.name == "alpha" })
        let beta = try #require(model.items.first { $0.name == "Beta" })
        #expect(model.namesItself(alpha))
        #expect(!model.namesItself(beta))
        #expect(model.graph.incoming(to: alpha.id).isEmpty)
        #expect(model.graph.incoming(to: beta.id).map(\.from) == [model.article.sections[0].id])
        guard case .paragraph(let paragraph)? = model.article.lead.blocks.first else {
            Issue.record("the lead starts with a paragraph")
            return
        }
        #expect(model.mentions(in: paragraph).map(\.targets) == [[beta.id]])
    }
}
