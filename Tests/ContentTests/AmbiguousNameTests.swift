import Testing
@testable import Content

/// `links` and the Markdown export name the other end of a link by its name alone, and two
/// lines of "Foo-bar – a kind of Foo" mentioning an example "Foo" and a See-also topic "Foo" read the same.
/// A name that another item or section has is told apart: by its kind, or by its id when
/// the kind is shared too. Other names stay bare.
@Suite("Names shared by several items or sections")
struct AmbiguousNameTests {
    static let text = """
        = Names =

        Foo-bar came first.

        == Qux ==
        Bar is here.

        == Strategies ==
        - Qux – the way of Bar.

        == Examples ==
        - Foo was an example.

        == See also ==
        - Foo
        - Foo-bar – a kind of Foo
        - Bar
        - Bar

        """

    static let links = """
        [[link]]
        from = "strategy: Qux"
        to = "see-also:bar"
        type = "related"
        rationale = "One."

        [[link]]
        from = "strategy: Qux"
        to = "see-also:bar-2"
        type = "related"
        rationale = "Two."

        """

    static func model() throws -> LinkedArticle {
        try LinkedArticle(article: ArticleParser().parse(text, path: "names.txt"), annotations: (links, "names.links.toml"))
    }

    @Test("links: an example and a See-also topic of one name, by kind")
    func byKind() throws {
        let output = LinksFormatter().format(try Self.model())
        #expect(output.contains("""
              Foo-bar  (see-also:foo-bar, line 16)
                ← mentions      (lead)  [detected] line 3: "Foo-bar came first."
                → mentions      Foo (example)  [detected] line 16: "Foo-bar – a kind of Foo"
                → mentions      Foo (see-also)  [detected] line 16: "Foo-bar – a kind of Foo"

            """))
    }

    @Test("links: a section and a strategy of one name, by kind ('section' for the section)")
    func sectionAndItem() throws {
        let output = LinksFormatter().format(try Self.model())
        #expect(output.contains("""
                ← mentions      Qux (section)  [detected] line 6: "Bar is here."
                ← mentions      Qux (strategy)  [detected] line 9: "Qux – the way of Bar."

            """))
    }

    @Test("links: two See-also topics of one name, by id")
    func byID() throws {
        let output = LinksFormatter().format(try Self.model())
        #expect(output.contains("""
              Qux  (strategy:qux, line 9)
                → related       Bar (see-also:bar)  [curated] One.
                → related       Bar (see-also:bar-2)  [curated] Two.
                ← mentions      Qux (section)  [detected] line 5: "Qux"
                → mentions      Bar (see-also:bar)  [detected] line 9: "Qux – the way of Bar."

            """))
    }

    @Test("The Markdown export tells them apart the same way")
    func markdown() throws {
        let output = MarkdownExporter().export(try Self.model())
        #expect(output.contains("""
            - **Foo-bar** (line 16)
              - ← *mentions* (lead) (detected): line 3, “Foo-bar came first.”
              - → *mentions* Foo (example) (detected): line 16, “Foo-bar – a kind of Foo”
              - → *mentions* Foo (see-also) (detected): line 16, “Foo-bar – a kind of Foo”

            """))
        #expect(output.contains("  - → *related* Bar (see-also:bar-2) (curated): Two.\n"))
    }

    @Test("A name no other item or section has is left bare")
    func bareNames() throws {
        let model = try LinkedArticle(article: ArticleParser().parse("= T =\n\nAlpha here.\n\n== See also ==\n- Alpha\n- Beta\n"))
        #expect(LinksFormatter().format(model).contains("    ← mentions      (lead)  [detected] line 3: \"Alpha here.\"\n"))
        #expect(!LinksFormatter().format(model).contains("(see-also)"))
    }
}
