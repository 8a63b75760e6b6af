import Foundation
import Testing
@testable import Content

/// README.md's "The article form" opens with an example article: one a reader copies into a
/// file to start from. It must be one, as written (QA 22: its lines carried notes beside
/// them, "== Heading ==            levels 2–6", which the parser rightly refuses).
@Suite("README article form")
struct ReadmeArticleFormTests {
    static let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("README.md")

    /// The first fenced block after the section's heading.
    static func example() throws -> String {
        let text = try String(contentsOf: readme, encoding: .utf8)
        let section = try #require(text.range(of: "\n## The article form\n"), "README.md has no \"## The article form\"")
        let open = try #require(text.range(of: "```\n", range: section.upperBound..<text.endIndex))
        let close = try #require(text.range(of: "\n```", range: open.upperBound..<text.endIndex))
        return String(text[open.upperBound..<close.lowerBound]) + "\n"
    }

    @Test("The example is an article as written: its title, sections, list items and See also topic")
    func exampleLoads() throws {
        let article = try ArticleParser().parse(try Self.example(), path: "README.md")
        #expect(article.title == "Title")
        #expect(article.sections.map(\.title) == ["(lead)", "Heading", "See also"])
        let items = article.sections[1].blocks.flatMap { block -> [ListItem] in
            if case .list(let list) = block { list.items } else { [] }
        }
        #expect(items.map(\.text) == ["A list item", "Name – description"])
        #expect(items.map(\.name) == [nil, "Name"])
        let linked = try LinkedArticle(article: article)
        #expect(linked.items.filter { $0.kind == .seeAlso }.map(\.name) == ["Another article title"])
    }
}
