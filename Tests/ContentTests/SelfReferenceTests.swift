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

    /// QA: "alpha (letter)" in Alpha's See also still marked every "Alpha" of its text.
    @Test("A disambiguated or inflected form of the title names it too; another word does not",
          arguments: [("Alpha (letter)", true), ("Alphas", true), ("ALPHA", true), ("Alpha Beta", false), ("Alphabet", false)])
    func formsOfTheTitle(name: String, namesItself: Bool) throws {
        let model = try LinkedArticle(article: ArticleParser().parse("= Alpha =\n\nAlpha is a letter, and so is \(name).\n\n== See also ==\n- \(name)\n"))
        let item = try #require(model.items.first { $0.kind == .seeAlso })
        #expect(model.namesItself(item) == namesItself)
        // Named in the text: a cross-reference only when it is not the article itself.
        #expect(model.graph.incoming(to: item.id).isEmpty == namesItself)
    }
}
