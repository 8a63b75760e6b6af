import Testing
@testable import Content

/// Items of different kinds with one name — a strategy and a See-also topic "Council
/// communism" — are namesakes. Each one's own line was a "mention" of the other, with its own
/// name as evidence: two links saying nothing. An item's definition mentions neither itself
/// nor its namesakes; one detected same-topic link says they are the same, unless a curated
/// link already relates them.
@Suite("Items of different kinds with the same name")
struct NamesakeTests {
    static let text = """
        = Namesakes =

        Foo is named here.

        == Strategies ==
        - Foo – the Foo way, unlike Bar.
        - Bar – another way.

        == Examples ==
        - Foo was tried in 1900.

        == See also ==
        - Foo
        - Bar

        """

    static func model(links: String? = nil) throws -> LinkedArticle {
        try LinkedArticle(article: ArticleParser().parse(text, path: "namesakes.txt"),
                          annotations: links.map { ($0, "namesakes.links.toml") })
    }

    /// The detected links, as `from → to (relation) @line`.
    static func detected(_ model: LinkedArticle) -> [String] {
        model.graph.links.filter { $0.origin == .detected }
            .map { "\($0.from) → \($0.to) (\($0.relation.rawValue)) @\($0.evidence?.line ?? 0)" }
    }

    @Test("A definition mentions no namesake; one same-topic link per pair, from the later to the earlier")
    func uncurated() throws {
        let model = try Self.model()
        #expect(Self.detected(model) == [
            "lead → strategy:foo (mentions) @3",
            "lead → example:foo (mentions) @3",
            "lead → see-also:foo (mentions) @3",
            // Foo's own line names Bar, a mention of both Bars; its own name, twice, of no Foo.
            "strategy:foo → strategy:bar (mentions) @6",
            "strategy:foo → see-also:bar (mentions) @6",
            "example:foo → strategy:foo (same-topic) @10",
            "see-also:foo → strategy:foo (same-topic) @13",
            "see-also:foo → example:foo (same-topic) @13",
            "see-also:bar → strategy:bar (same-topic) @14",
        ])
        let sameTopic = try #require(model.graph.links.first { $0.from == "example:foo" })
        #expect(sameTopic.evidence == Evidence(section: "examples", line: 10, text: "Foo was tried in 1900."))
        #expect(DOTExporter().export(model).contains("  \"see-also:foo\" -> \"example:foo\" [label=\"same-topic\", style=dashed"))
    }

    @Test("A curated link between namesakes, either way and of any type, stands alone")
    func curated() throws {
        let model = try Self.model(links: """
            [[link]]
            from = "see-also: Foo"
            to = "example: Foo"
            type = "related"
            rationale = "The topic and its example."

            [[link]]
            from = "strategy: Bar"
            to = "see-also: Bar"
            type = "same-topic"
            rationale = "One movement."

            """)
        #expect(model.graph.links.filter { $0.origin == .curated }.map { "\($0.from) → \($0.to) (\($0.relation.rawValue))" } == [
            "see-also:foo → example:foo (related)",
            "strategy:bar → see-also:bar (same-topic)",
        ])
        #expect(Self.detected(model).filter { $0.contains("same-topic") } == [
            "example:foo → strategy:foo (same-topic) @10",
            "see-also:foo → strategy:foo (same-topic) @13",
        ])
    }

    @Test("The bundled Council communism: the curated same-topic link only, no mention of its own name")
    func bundled() throws {
        let model = try ArticleLoader.bundled()
        let pair: Set = ["strategy:council-communism", "see-also:council-communism"]
        #expect(model.graph.links.filter { pair == [$0.from, $0.to] }.map { "\($0.relation.rawValue) \($0.origin.rawValue)" }
            == ["same-topic curated"])
        let links = LinksFormatter().format(model)
        #expect(links.contains("""
              Council communism  (see-also:council-communism, line 81)
                ← same-topic    Council communism (strategy)  [curated] The strategy and the See-also article are the same movement: workers' councils as organs of power.
              Diarchy
            """))
        #expect(links.contains("""
              Council communism  (strategy:council-communism, line 63)
                → same-topic    Council communism (see-also)  [curated] The strategy and the See-also article are the same movement: workers' councils as organs of power.
                ← practice-of   Workers' self-management  [curated] Self-management is what council communism practises: the workers' councils it builds run workplaces by those who work in them.
                → related       Petrograd Soviet  [curated] The Petrograd Soviet, a council of deputies elected by workers and soldiers, is the kind of body council communism builds.
              Autonomist Marxism
            """))
    }

    /// QA 17a: a strategy "Mutualism" and a See-also topic "Mutualism (economic theory)" got
    /// no same-topic link, though a folder's titles are matched without a disambiguator.
    @Test("A namesake may carry a trailing (disambiguator); two different disambiguators are two topics, and neither is the bare name's")
    func disambiguated() throws {
        let model = try LinkedArticle(article: ArticleParser().parse("""
            = Cooperatives =

            Cooperatives are owned by members.

            == Approaches ==
            Approaches include:
            - Mutualism – exchange at cost through mutual banks.
            - Mercury – a messenger service.

            == See also ==
            - Mutualism (economic theory)
            - Mercury (planet)
            - Mercury (element)

            """, path: "cooperatives.txt"))
        // Which Mercury the strategy is, the article does not say.
        #expect(Self.detected(model) == ["see-also:mutualism-economic-theory → strategy:mutualism (same-topic) @11"])
    }
}
