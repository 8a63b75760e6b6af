import Foundation
import Testing
@testable import Content

/// The node ids a DOT graph declares, without the legend's.
func declaredNodes(_ dot: String) -> Set<String> {
    var ids: Set<String> = []
    for line in dot.split(separator: "\n") {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("\""), !trimmed.contains(" -> "), trimmed.contains(" [label=") else { continue }
        let id = String(trimmed.dropFirst().prefix { $0 != "\"" })
        if !id.hasPrefix("legend:") { ids.insert(id) }
    }
    return ids
}

/// The (from, to) pairs of a DOT graph's edges.
func declaredEdges(_ dot: String) -> [(String, String)] {
    dot.split(separator: "\n").compactMap { line in
        let parts = line.trimmingCharacters(in: .whitespaces).components(separatedBy: " -> ")
        guard parts.count == 2 else { return nil }
        return (parts[0].trimmingCharacters(in: CharacterSet(charactersIn: "\"")),
                String(parts[1].dropFirst().prefix { $0 != "\"" }))
    }
}

@Suite("DOT export around one node")
struct DOTFocusTests {
    let model: LinkedArticle

    init() throws { model = try ArticleLoader.bundled() }

    /// QA 30: the title named the focus "Background" where two sections are so named, and
    /// its node "Background (background-2)"; and it said "all linked" of a node with no link.
    @Test("The title names the focus as its node is labelled, and says when it has no links")
    func focusTitleOfANamesake() throws {
        let model = try LinkedArticle(article: ArticleParser().parse("= Repeat =\nText.\n\n== Background ==\nOne.\n\n== Later ==\n\n=== Background ===\nTwo.\n", path: "r.txt"))
        let dot = DOTExporter(focus: "background-2").export(model)
        #expect(dot.contains("label=\"Repeat: cross-links of Background (background-2) (no links)\""), "\(dot)")
        #expect(DOTExporter(focus: "Municipalism").export(self.model).contains("cross-links of Municipalism (all linked)"))
        // QA 31: a namesake of another kind is told apart by its node's shape, not its label.
        let two = try LinkedArticle(article: ArticleParser().parse("= Dup =\nThe Diggers dug.\n\n== Strategies ==\n- Diggers – digging.\n\n== See also ==\n- Diggers\n", path: "d.txt"))
        #expect(DOTExporter(focus: "Diggers").export(two).contains("label=\"Dup: cross-links of Diggers (all linked)\""))
    }

    @Test("Municipalism at depth 1: exactly it and its neighbours, it highlighted, accepted by dot")
    func municipalismDepthOne() throws {
        let dot = DOTExporter(focus: "Municipalism", depth: 1).export(model)
        #expect(declaredNodes(dot) == ["strategy:municipalism", "see-also:communalism-bookchin", "see-also:intercommunalism",
                                       "see-also:rojava-conflict", "lead"])
        let neighbours = Set(model.graph.links(touching: "strategy:municipalism").map { $0.other(than: "strategy:municipalism") })
        #expect(declaredNodes(dot) == neighbours.union(["strategy:municipalism"]))
        let focusLine = try #require(dot.split(separator: "\n").first { $0.contains("\"strategy:municipalism\" [label=") })
        #expect(focusLine.contains("penwidth=3"))
        #expect(dot.split(separator: "\n").filter { $0.contains("penwidth=3") }.count == 1)
        #expect(dot.contains("label=\"Dual power: cross-links of Municipalism (within 1 link)\""))
        #expect(declaredEdges(dot).count == 4)
        for (from, to) in declaredEdges(dot) {
            #expect(declaredNodes(dot).contains(from) && declaredNodes(dot).contains(to))
        }
        let svg = try CLI.renderSVG(dot)
        #expect(svg.status == 0, "dot rejected the graph: \(svg.stderr)")
        #expect(svg.output.contains("<svg"))
        #expect(svg.output.contains("Communalism (Bookchin)"))
        #expect(!svg.output.contains("Anarchism"))
    }

    /// `--focus` takes sections, but offered only items' names: `Bakc` had no close match.
    @Test("--focus offers sections and node ids as close matches")
    func focusSuggestsSectionsAndIDs() throws {
        let model = try LinkedArticle(article: try ArticleParser().parse(SectionLookupTests.prefixed, path: "art.txt"))
        #expect(model.items.map(\.id).contains("see-also:foo-2"))
        func suggestions(_ name: String) throws -> [String]? {
            do {
                _ = try DOTExporter.resolveFocus(name, in: model)
                return nil
            } catch let error as DOTExporter.UnknownFocus {
                return error.suggestions
            }
        }
        #expect(try suggestions("Bakc") == ["Back"])
        #expect(try suggestions("see-also:foo-3") == ["see-also:foo-2"])
        #expect(try suggestions("laed") == ["lead"], "the lead, by its id: no heading names it")
        #expect(try suggestions("Alpah") == ["Alpha", "Alphabet"], "items as before")
    }

    @Test("depth 0 is the focus alone; each depth adds the next ring; no depth keeps all that is linked")
    func depths() throws {
        #expect(declaredNodes(DOTExporter(focus: "Municipalism", depth: 0).export(model)) == ["strategy:municipalism"])
        #expect(declaredNodes(DOTExporter(focus: "Municipalism", depth: -3).export(model)) == ["strategy:municipalism"])
        var previous: Set<String> = []
        for depth in 1...6 {
            let nodes = declaredNodes(DOTExporter(focus: "strategy:municipalism", depth: depth).export(model))
            #expect(nodes.isSuperset(of: previous))
            // Every node within `depth` is one link from a node within `depth - 1`.
            for id in nodes.subtracting(previous) where depth > 1 {
                #expect(model.graph.links(touching: id).contains { previous.contains($0.other(than: id)) })
            }
            previous = nodes
        }
        #expect(previous.contains("see-also:anarchism")) // Municipalism ← lead → Anarchism
        let all = declaredNodes(DOTExporter(focus: "Municipalism").export(model))
        #expect(all == DOTExporter.neighbourhood(of: "strategy:municipalism", depth: .max, in: model.graph))
        #expect(!all.contains("see-also:anti-king") || model.graph.degree(of: "see-also:anti-king") > 0)
        #expect(DOTExporter(focus: "Municipalism").export(model).contains("(all linked)"))
    }

    @Test("edges at depth 2 are those among the kept nodes, both directions")
    func inducedEdges() throws {
        let dot = DOTExporter(focus: "lead", depth: 2).export(model)
        let nodes = declaredNodes(dot)
        let expected = Set(model.graph.links.filter { nodes.contains($0.from) && nodes.contains($0.to) }.map { "\($0.from)>\($0.to)" })
        #expect(Set(declaredEdges(dot).map { "\($0.0)>\($0.1)" }) == expected)
        #expect(nodes.contains("see-also:prefigurative-politics")) // points to the lead
        let svg = try CLI.renderSVG(dot)
        #expect(svg.status == 0, "dot rejected the graph: \(svg.stderr)")
    }

    @Test("the focus is a node id, the start of an item's name, or of a section's heading")
    func resolving() throws {
        #expect(try DOTExporter.resolveFocus("strategy:municipalism", in: model) == "strategy:municipalism")
        #expect(try DOTExporter.resolveFocus("MUNICIPAL", in: model) == "strategy:municipalism")
        #expect(try DOTExporter.resolveFocus("communalism", in: model) == "see-also:communalism-bookchin")
        #expect(try DOTExporter.resolveFocus("marxism-leninism", in: model) == "see-also:marxism-leninism")
        #expect(try DOTExporter.resolveFocus("lead", in: model) == "lead")
        #expect(try DOTExporter.resolveFocus("Historical examples", in: model) == "historical-examples-of-dual-power")
        #expect(throws: DOTExporter.UnknownFocus.self) { try DOTExporter.resolveFocus("Municipalisn", in: model) }
        do {
            _ = try DOTExporter.resolveFocus("Municipalisn", in: model)
        } catch let error as DOTExporter.UnknownFocus {
            #expect(error.description == "no item or section starts with 'Municipalisn' in 'Dual power', and no node id is it; close matches: Municipalism")
        }
        // An unknown focus draws no nodes rather than the whole graph.
        #expect(declaredNodes(DOTExporter(focus: "nothing like it", depth: 1).export(model)).isEmpty)
        #expect(try CLI.renderSVG(DOTExporter(focus: "nothing like it", depth: 1).export(model)).status == 0)
    }

    @Test("without a focus the graph is unchanged, whatever the depth")
    func wholeGraph() throws {
        let whole = DOTExporter().export(model)
        #expect(DOTExporter(focus: nil, depth: 1).export(model) == whole)
        #expect(declaredNodes(whole).count == model.items.count + model.article.sections.count)
        #expect(!whole.contains("penwidth"))
    }

    @Test("a hostile focus name is quoted safely", arguments: ["hostile.txt", "unicode.txt", "movements.txt"])
    func fixtures(file: String) throws {
        let fixture = try Fixtures.load(file)
        for item in fixture.items {
            let dot = DOTExporter(focus: item.id, depth: 1).export(fixture)
            #expect(unsafeScalars(in: dot).isEmpty)
            #expect(declaredNodes(dot).contains(item.id))
            let svg = try CLI.renderSVG(dot)
            #expect(svg.status == 0, "dot rejected \(item.id) of \(file): \(svg.stderr)")
        }
    }

    /// "- Foo bar" before "- Foo": `--focus Foo` and `--focus 'see-also: Foo'` drew Foo bar.
    /// And a section's heading typed whole is a better match than an item's start.
    @Test("a name typed whole wins over a longer one that starts with it, an item's or a section's")
    func exactBeforePrefix() throws {
        let model = try LinkedArticle(article: ArticleParser().parse(
            "= Q =\nLead.\n\n== Background ==\nText.\n\n== See also ==\n- Foo bar\n- Foo\n- Background reading\n", path: "q.txt"))
        #expect(try DOTExporter.resolveFocus("Foo", in: model) == "see-also:foo")
        #expect(try DOTExporter.resolveFocus("see-also: Foo", in: model) == "see-also:foo")
        #expect(try DOTExporter.resolveFocus("Fo", in: model) == "see-also:foo-bar")
        #expect(try DOTExporter.resolveFocus("Background", in: model) == "background")
        #expect(try DOTExporter.resolveFocus("Backg", in: model) == "see-also:background-reading", "an item's start before a section's")
        let dot = DOTExporter(focus: "Foo", depth: 0).export(model)
        #expect(declaredNodes(dot) == ["see-also:foo"])
    }

    /// README gives `section: Heading` as a spelling, as links files write it, and `--focus`
    /// said "no item or node id starts with 'section: Background'" (64).
    @Test("'section: Heading' names a section, as 'kind: name' names an item")
    func sectionPrefix() throws {
        #expect(try DOTExporter.resolveFocus("section: Background", in: model) == "background")
        #expect(try DOTExporter.resolveFocus("Section: see also", in: model) == "see-also")
        #expect(try DOTExporter.resolveFocus("section: (lead)", in: model) == "lead")
        #expect(throws: DOTExporter.UnknownFocus.self) { try DOTExporter.resolveFocus("section: Municipalism", in: model) }
        let dot = try CLI.run(["export", "--format", "dot", "--focus", "section: Background", "--depth", "0"])
        #expect(dot.status == 0, "\(dot.stderr)")
        #expect(declaredNodes(dot.output) == ["background"])
    }
}
