import Foundation
import TestSupport
import Testing
@testable import Content

/// What QA 18b found feeding the exports to Graphviz, JSON tools and a CommonMark renderer:
/// each export says what the others and the README say.
@Suite("Exports agree with each other and with the README")
struct ExportAgreementTests {
    /// A folder of two articles; «Alpha» lists itself and «Beta» under See also.
    static func withAlphaAndBeta<Result>(_ body: (Corpus) throws -> Result) throws -> Result {
        try withTemporaryDirectory { directory in
            try "= Alpha =\nAlpha is a letter.\n\n== See also ==\n- Alpha\n- Beta\n"
                .write(to: directory.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
            try "= Beta =\nBeta is another.\n\n== See also ==\n- Alpha – the first letter\n"
                .write(to: directory.appendingPathComponent("b.txt"), atomically: true, encoding: .utf8)
            return try body(Corpus.load(directory: directory.path))
        }
    }

    /// JSONEncoder spreads an empty array or object over three lines; a string keeps its
    /// brackets and spaces as they are.
    @Test("An article's JSON writes an empty list as [] and leaves brackets in its text alone")
    func emptyListsOnOneLine() throws {
        let article = try ArticleParser().parse("= Odd [ ] { } title =\n\nText [\tand ] more.\n", path: "odd.txt")
        let json = try JSONExporter().export(try LinkedArticle(article: article))
        #expect(json.contains("\"items\" : [],\n"), "\(json)")
        #expect(json.contains("\"links\" : [],\n"), "\(json)")
        #expect(json.contains("\"title\" : \"Odd [ ] { } title\""), "\(json)")
        #expect(try JSONSerialization.jsonObject(with: Data(json.utf8)) is [String: Any])
        #expect(JSONExporter.emptyContainersInline("{\n  \"a\" : {\n\n  },\n  \"b\" : \"[ \\n ]\"\n}")
                == "{\n  \"a\" : {},\n  \"b\" : \"[ \\n ]\"\n}")
    }

    /// README: `article` is the "path of the folder's article with that title | null"; a
    /// See-also entry naming its own article had null, though the explorer opens that
    /// article's top for it.
    @Test("In a folder's JSON, a See-also entry naming its own article has that article's path")
    func selfReferenceHasItsPath() throws {
        try Self.withAlphaAndBeta { corpus in
            let document = JSONExporter().document(for: corpus)
            let alpha = try #require(document.articles.first { $0.title == "Alpha" })
            let beta = try #require(document.articles.first { $0.title == "Beta" })
            #expect(alpha.seeAlso.map(\.article) == [alpha.path, beta.path])
            #expect(beta.seeAlso.map(\.article) == [alpha.path])
            // The DOT export draws the same: every entry that opens an article has an edge to
            // it, its own article's lead for this one (inside its cluster: no `lhead`).
            let dot = DOTExporter().export(corpus)
            let articleEdges = dot.split(separator: "\n").filter { $0.contains("label=\"article\"") }
                .map { $0.trimmingCharacters(in: .whitespaces) }
            #expect(articleEdges == [
                "\"1/see-also:alpha\" -> \"1/lead\" [label=\"article\", style=bold, color=\"#1f5fa8\"];",
                "\"1/see-also:beta\" -> \"2/lead\" [lhead=\"cluster_2\", label=\"article\", style=bold, color=\"#1f5fa8\"];",
                "\"2/see-also:alpha\" -> \"1/lead\" [lhead=\"cluster_1\", label=\"article\", style=bold, color=\"#1f5fa8\"];",
            ])
            let svg = try CLI.renderSVG(dot)
            #expect(svg.status == 0 && svg.stderr.isEmpty, "dot: \(svg.stderr)")
        }
    }

    /// Two `=== Background ===` under different sections were two boxes "Background" (and
    /// repeated.txt four "Notes"), which `links` tells apart by id: "Background (background-2)".
    @Test("DOT labels tell namesakes of one kind apart by id, as links does; render-checked")
    func namesakesAreToldApart() throws {
        let model = try LinkedArticle(article: ArticleParser().parse("""
            = Revolts =
            Two revolts, told in turn.

            == First revolt ==
            === Background ===
            Bread prices rose.

            == Second revolt ==
            === Background ===
            Wages fell.

            == (lead) ==
            A heading that reads as the lead's label.

            == Strategies ==
            - General strike – stopping work everywhere.

            == See also ==
            - General strike
            - Bread riot
            - Bread riot
            """, path: "revolts.txt"))
        let dot = DOTExporter().export(model)
        let labels = Dictionary(uniqueKeysWithValues: dot.split(separator: "\n").compactMap { line -> (String, String)? in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("\""), !trimmed.contains(" -> "), let start = trimmed.range(of: " [label=\"") else { return nil }
            let id = String(trimmed.dropFirst().prefix { $0 != "\"" })
            return (id, String(trimmed[start.upperBound...].prefix { $0 != "\"" }))
        })
        #expect(labels["background"] == "Background (background)")
        #expect(labels["background-2"] == "Background (background-2)")
        #expect(labels["lead"] == "(lead) (lead)")
        #expect(labels["lead-2"] == "(lead) (lead-2)")
        #expect(labels["see-also:bread-riot"] == "Bread riot (see-also:bread-riot)")
        #expect(labels["see-also:bread-riot-2"] == "Bread riot (see-also:bread-riot-2)")
        // Of two kinds, the fill and the tooltip say which: the name alone, as before.
        #expect(labels["strategy:general-strike"] == "General strike")
        #expect(labels["see-also:general-strike"] == "General strike")
        #expect(labels["first-revolt"] == "First revolt")
        let svg = try CLI.renderSVG(dot)
        #expect(svg.status == 0 && svg.stderr.isEmpty, "dot: \(svg.stderr)")
        #expect(svg.output.contains("Background (background&#45;2)"), "the SVG draws the label")

        // repeated.txt: four sections "Notes" and one "Notes 4".
        let repeated = DOTExporter().export(try Fixtures.load("repeated.txt"))
        for id in ["notes", "notes-2", "notes-3", "notes-5"] {
            #expect(repeated.contains("\"\(id)\" [label=\"Notes (\(id))\", shape=box"), "\(id)")
        }
        #expect(repeated.contains("\"notes-4\" [label=\"Notes 4\", shape=box"))
    }

    /// README: "A `Name – description` item is written `- **Name** – description`"; a
    /// See-also title with a colon, which the parser's rule for names refuses but the See-also
    /// list splits (the JSON has its name and description), was written as it is.
    @Test("Markdown bolds a See-also entry's name before its description, as the JSON splits it")
    func seeAlsoNameIsBold() throws {
        let model = try LinkedArticle(article: ArticleParser().parse("""
            = Films =
            Films of 1977.

            == See also ==
            - Star Wars: Episode IV – the 1977 film
            - Close Encounters of the Third Kind — the other one
            - Note: this list is short
            """, path: "films.txt"))
        let item = try #require(model.items.first)
        #expect(item.name == "Star Wars: Episode IV" && item.description == "the 1977 film")
        let markdown = MarkdownExporter().export(model)
        #expect(markdown.contains("\n- **Star Wars: Episode IV** – the 1977 film\n"), "\(markdown)")
        #expect(markdown.contains("\n- **Close Encounters of the Third Kind** — the other one\n"))
        #expect(markdown.contains("\n- Note: this list is short\n"))
    }
}
