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
}
