import Testing
@testable import Content

/// Dashes are folded, so that "Marxism–Leninism" and "Marxism-Leninism" are one name; but the
/// dash between the name and the description of a `Name – description` item separates two
/// things, and "- Foo – bar" was a mention of a See-also topic "Foo-bar".
@Suite("The dash of a 'Name – description' item")
struct NameSeparatorTests {
    /// Strategies Foo and Baz, an unclassified `Foo – bar` item under Notes, and a See-also
    /// topic Foo-bar; `separator` is each of the forms the parser splits at.
    static func model(separator: String) throws -> LinkedArticle {
        try LinkedArticle(article: ArticleParser().parse("""
            = Separators =

            Foo-bar is a topic.

            == Strategies ==
            - Foo\(separator)bar
            - Baz\(separator)a Foo-bar ally

            == Notes ==
            - Foo\(separator)bar, an unclassified item.

            == See also ==
            - Foo-bar

            """, path: "separators.txt"))
    }

    static let separators = [" – ", " — ", " - "]

    @Test("Nothing mentions Foo-bar across the dash; a Foo-bar within the description still does", arguments: separators)
    func linker(separator: String) throws {
        let model = try Self.model(separator: separator)
        let item = try #require(model.article.allListItems.first { $0.item.line == 6 }?.item)
        #expect(item.name == "Foo" && item.description == "bar", "the item is split at the dash")
        let mentions = model.graph.incoming(to: "see-also:foo-bar").map { "\($0.from) @\($0.evidence?.line ?? 0)" }
        #expect(mentions == ["lead @3", "strategy:baz @7"])
        // The unclassified item names the strategy Foo, which is a mention.
        #expect(model.graph.outgoing(from: "notes").map(\.to) == ["strategy:foo"])
    }

    @Test("The mention finder, which the reader uses, stops at the dash too", arguments: separators)
    func finder(separator: String) throws {
        let model = try Self.model(separator: separator)
        let unclassified = try #require(model.article.allListItems.first { $0.item.line == 10 }?.item)
        let found = model.mentionFinder.mentions(in: unclassified)
        #expect(found.map(\.targets) == [["strategy:foo"]])
        #expect(found.map { String(unclassified.text[$0.range]) } == ["Foo"])
    }

    /// The Markdown export wrote every separator as an en dash: "- Alpha — em desc" came out
    /// as "- **Alpha** – em desc".
    @Test("The Markdown export keeps the dash as the article has it", arguments: separators)
    func markdownKeepsTheDash(separator: String) throws {
        let markdown = MarkdownExporter().export(try Self.model(separator: separator))
        #expect(markdown.contains("- **Foo**\(separator)bar\n"))
        #expect(markdown.contains("- **Baz**\(separator)a Foo-bar ally\n"))
        #expect(markdown.contains("- **Foo**\(separator)bar, an unclassified item.\n"))
    }

    /// "- Name –" was an item named "Name –". A dash with nothing before it ("- – text") is
    /// an item without a name: text, left out of the items as a marker with nothing after it is.
    @Test("A dash at the end ends the name; a dash at the start leaves the item without a name", arguments: separators)
    func dashAtAnEnd(separator: String) throws {
        let dash = separator.trimmingCharacters(in: .whitespaces)
        let model = try LinkedArticle(article: ArticleParser().parse(
            "= Ends =\n\n== Strategies ==\n- Name \(dash)\n- \(dash) only desc\n- \(dash)\n- Other\(separator)desc\n", path: "ends.txt"))
        #expect(model.items.map(\.id) == ["strategy:name", "strategy:other"])
        #expect(model.items.map(\.name) == ["Name", "Other"])
        #expect(model.items.map(\.description) == [nil, "desc"])
        let listed = model.article.allListItems.map(\.item)
        #expect(listed.map(\.name) == ["Name", "", "", "Other"])
        #expect(listed.map(\.description) == [nil, "only desc", nil, "desc"])
        let markdown = MarkdownExporter().export(model)
        #expect(markdown.contains("- **Name** \(dash)\n"))
        #expect(markdown.contains("- \(MarkdownExporter.block("\(dash) only desc"))\n"), "as written: it is text")
        let json = try JSONExporter().export(model)
        #expect(json.contains("\"name\" : \"Name\""))
        #expect(!json.contains("only desc\""), "not an item")
    }
}
