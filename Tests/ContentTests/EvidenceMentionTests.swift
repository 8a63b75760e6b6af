import Testing

@testable import Content

/// A detected link's evidence says where its mention is in its text, so that a pane too
/// narrow for the sentence can show the part around it (QA 16: "anarchists" was cut off).
@Suite("Evidence: where the mention is")
struct EvidenceMentionTests {
    static func model(_ text: String) throws -> LinkedArticle {
        try LinkedArticle(article: ArticleParser().parse(text, path: "bread.txt"))
    }

    /// The text of each detected link's mention, by its target.
    static func mentioned(_ links: [Link]) -> [String: String] {
        var found: [String: String] = [:]
        for link in links where link.relation == .mentions {
            guard let evidence = link.evidence, let range = evidence.mention else { continue }
            let utf8 = Array(evidence.text.utf8)
            found[link.to] = String(decoding: utf8[range], as: UTF8.self)
        }
        return found
    }

    @Test("In a whole sentence, the mention's UTF-8 range, past letters of two and three bytes")
    func wholeSentence() throws {
        let model = try Self.model("""
            = Bread =
            Bread is a staple food.

            == History ==
            Long before the bakers’ guilds of Zürich, loaves were leavened with wild yeast.

            == See also ==
            - Yeast
            - Zürich
            """)
        #expect(Self.mentioned(model.graph.links) == ["see-also:yeast": "yeast", "see-also:zurich": "Zürich"])
    }

    @Test("In an excerpt of a very long sentence, the range counts the “…” that starts it")
    func excerpt() throws {
        let filler = (1...150).map { "w\($0)" }.joined(separator: " ")
        let model = try Self.model("= Long =\n\nThen \(filler) Alpha \(filler) end.\n\n== See also ==\n\n- Alpha\n")
        let evidence = try #require(model.graph.links.first?.evidence)
        #expect(evidence.text.hasPrefix("…"))
        #expect(Self.mentioned(model.graph.links) == ["see-also:alpha": "Alpha"])
    }

    @Test("The bundled article's line 9: each link's own word, in the one sentence")
    func bundledLead() throws {
        let model = try ArticleLoader.bundled()
        let line9 = model.graph.outgoing(from: "lead").filter { $0.origin == .detected && $0.evidence?.line == 9 }
        #expect(Self.mentioned(line9) == [
            "see-also:anarchism": "anarchists", "see-also:libertarian-socialism": "libertarian socialists",
            "see-also:mutual-aid-organization-theory": "mutual aid", "strategy:municipalism": "municipalists",
        ])
    }
}

// The JSON export's evidence keeps its three keys: CLITests.jsonSchema.
