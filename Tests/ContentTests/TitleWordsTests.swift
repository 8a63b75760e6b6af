import Testing
@testable import Content

/// The article's own title takes its words, as README promises: "Ada Lovelace" in the article
/// «Ada Lovelace» is no mention of "Ada (programming language)". QA 17a found it held only
/// when a See-also entry named the article itself.
@Suite("The article's title takes its words")
struct TitleWordsTests {
    /// The lead's links, as `target: evidence`.
    static func leadLinks(_ text: String) throws -> [String] {
        let model = try LinkedArticle(article: ArticleParser().parse(text, path: "t.txt"))
        return model.graph.links.filter { $0.from == "lead" }.map { "\($0.to): \($0.evidence?.text ?? "")" }
    }

    @Test("The title in the lead mentions no topic named by part of it")
    func titleInLead() throws {
        #expect(try Self.leadLinks("""
            = Ada Lovelace =

            Ada Lovelace wrote the first program. The language Ada is named after her.

            == See also ==
            - Ada (programming language)

            """) == ["see-also:ada-programming-language: The language Ada is named after her."])
    }

    @Test("The same, whether or not a See-also entry names the article")
    func withSelfEntry() throws {
        let text = """
            = Paris Commune =

            The Paris Commune ruled Paris in 1871.

            == See also ==
            - Paris Commune
            - Paris

            """
        for version in [text, text.replacingOccurrences(of: "- Paris Commune\n", with: "")] {
            let model = try LinkedArticle(article: ArticleParser().parse(version, path: "t.txt"))
            guard case .paragraph(let lead)? = model.article.lead.blocks.first else { Issue.record("no lead"); return }
            let mentions = model.mentions(in: lead).map { lead.text.distance(from: lead.text.startIndex, to: $0.range.lowerBound) }
            #expect(mentions == [24], "only the second Paris is a mention")
        }
    }

    @Test("An example named as the article is keeps its mentions")
    func exampleNamedAsTitle() throws {
        #expect(try Self.leadLinks("""
            = General strike =

            A general strike is a strike of all workers.

            == Examples ==
            - General strike – the British one of 1926.

            """) == ["example:general-strike: A general strike is a strike of all workers."])
    }
}
