import Foundation
import TestSupport
import Testing
@testable import Content

/// A curated link between two sections belongs to no item, and `links` and the Markdown
/// export, which list the items' links, left it out (JSON and DOT had it). They list such
/// links after the items, under both ends, as an item's links are listed.
@Suite("Links between sections")
struct SectionLinksTests {
    static let article = """
        = Councils =

        The lead names Alpha.

        == History ==
        Councils arose in 1905.

        == Strategies ==
        - Alpha – the first way.

        """

    static let links = """
        [[link]]
        from = "section: History"
        to = "section: (lead)"
        type = "described-in"
        rationale = "The lead sums up the history."

        [[link]]
        from = "strategy: Alpha"
        to = "section: History"
        type = "developed-in"
        rationale = "Alpha grew out of the councils."

        """

    /// `seealso ARGUMENTS councils.txt`, with the links file beside it.
    static func run(_ arguments: [String], article: String = article) throws -> String {
        try withTemporaryDirectory { directory in
            try article.write(to: directory.appendingPathComponent("councils.txt"), atomically: true, encoding: .utf8)
            try links.write(to: directory.appendingPathComponent("councils.links.toml"), atomically: true, encoding: .utf8)
            let result = try CLI.run(arguments + ["councils.txt"], in: directory)
            #expect(result.status == 0)
            #expect(result.stderr == "")
            return result.output
        }
    }

    static let sectionsGroup = """
        Sections (2)
          (lead)  (lead, line 1)
            ← described-in  History  [curated] The lead sums up the history.
          History  (history, line 5)
            → described-in  (lead)  [curated] The lead sums up the history.

        """

    @Test("links lists them after the items, under both ends")
    func links() throws {
        #expect(try Self.run(["links"]) == """
            Strategies (1)
              Alpha  (strategy:alpha, line 9)
                → developed-in  History  [curated] Alpha grew out of the councils.
                ← mentions      (lead)  [detected] line 3: "The lead names Alpha."


            """ + Self.sectionsGroup)
    }

    @Test("--origin keeps them when they are of that origin; --kind, which asks for items, leaves them out")
    func filters() throws {
        #expect(try Self.run(["links", "--origin", "curated"]).hasSuffix("""
                → developed-in  History  [curated] Alpha grew out of the councils.


            """ + Self.sectionsGroup))
        #expect(try !Self.run(["links", "--origin", "detected"]).contains("Sections ("))
        #expect(try !Self.run(["links", "--kind", "strategy"]).contains("Sections ("))
    }

    @Test("The Markdown export lists them after the items")
    func markdown() throws {
        #expect(try Self.run(["export", "--format", "markdown"]).hasSuffix("""
            ### Strategies

            - **Alpha** (line 9)
              - → *developed-in* History (curated): Alpha grew out of the councils.
              - ← *mentions* (lead) (detected): line 3, “The lead names Alpha.”

            ### Sections

            - **(lead)** (line 1)
              - ← *described-in* History (curated): The lead sums up the history.
            - **History** (line 5)
              - → *described-in* (lead) (curated): The lead sums up the history.

            """))
    }

    @Test("An article without items still shows them")
    func withoutItems() throws {
        let plain = "= Councils =\n\nText.\n\n== History ==\nMore.\n"
        let links = LinksFormatter().format(try LinkedArticle(
            article: ArticleParser().parse(plain, path: "councils.txt"),
            annotations: ("[[link]]\nfrom = \"section: History\"\nto = \"section: (lead)\"\ntype = \"described-in\"\n"
                          + "rationale = \"The lead sums up the history.\"\n", "councils.links.toml")))
        #expect(links == "No See-also topics, examples or strategies in 'Councils': it has no list.\n\n"
            + Self.sectionsGroup)
    }
}
