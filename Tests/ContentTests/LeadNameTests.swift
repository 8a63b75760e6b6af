import Foundation
import Testing
@testable import Content

/// The lead has no heading; every output names it "(lead)", the name a links file gives it
/// (`section: (lead)`). The links, DOT and Markdown outputs said "Lead", which a real
/// section can be headed: then two different places had one name.
@Suite("The lead's name")
struct LeadNameTests {
    static let text = """
        = Spelling =
        Alpha in the lead.

        == Lead ==
        Alpha under a heading that says Lead.

        == See also ==
        - Alpha

        """

    static let links = """
        [[link]]
        from = "see-also: Alpha"
        to = "section: (lead)"
        type = "described-in"
        rationale = "The lead introduces Alpha."

        """

    static func model() throws -> LinkedArticle {
        try LinkedArticle(article: ArticleParser().parse(text, path: "spelling.txt"), annotations: (links, "spelling.links.toml"))
    }

    @Test("The links file's '(lead)' is the lead, not the section headed Lead")
    func linksFileSpelling() throws {
        let model = try Self.model()
        let curated = try #require(model.graph.links.first { $0.origin == .curated })
        #expect(curated.to == model.article.lead.id)
    }

    @Test("Every output names the lead '(lead)', and the section headed Lead 'Lead'")
    func everyOutput() throws {
        let model = try Self.model()
        #expect(OutlineFormatter().format(model).contains("  1  (lead)\n"))
        let json = try JSONDecoder().decode(JSONExporter.Document.self, from: Data(JSONExporter().export(model).utf8))
        #expect(json.sections.map(\.title) == ["(lead)", "Lead", "See also"])

        let links = LinksFormatter().format(model)
        #expect(links.contains("    → described-in  (lead)  [curated] The lead introduces Alpha.\n"))
        #expect(links.contains("    ← mentions      (lead)  [detected] line 2: \"Alpha in the lead.\"\n"))
        #expect(links.contains("    ← mentions      Lead  [detected] line 5: \"Alpha under a heading that says Lead.\"\n"))

        let markdown = MarkdownExporter().export(model)
        #expect(markdown.contains("  - → *described-in* (lead) (curated): The lead introduces Alpha.\n"))
        #expect(markdown.contains("  - ← *mentions* (lead) (detected): line 2, “Alpha in the lead.”\n"))
        #expect(markdown.contains("  - ← *mentions* Lead (detected): line 5, “Alpha under a heading that says Lead.”\n"))

        let dot = DOTExporter().export(model)
        #expect(dot.contains("  \"lead\" [label=\"(lead)\", shape=box"))
        #expect(dot.contains("  \"lead-2\" [label=\"Lead\", shape=box"))
        #expect(DOTExporter(focus: "lead").export(model).contains("label=\"Spelling: cross-links of (lead) (all linked)\""))
    }
}
