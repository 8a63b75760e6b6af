import Foundation
import TestSupport
import Testing
@testable import Content

/// `seealso export --format dot FOLDER`, run as a user runs it: one graph for the folder, so
/// that `| dot -Tsvg` gives one picture (it used to print one digraph per article, and dot
/// wrote as many SVG documents one after the other).
@Suite("DOT export of a folder")
struct FolderDOTTests {
    /// LinkedFolder without its broken file: Anarchism (1), Dual power (2), Communalism (3).
    func folder() throws -> LinkedFolder {
        let folder = try LinkedFolder()
        try FileManager.default.removeItem(at: folder.root.appendingPathComponent("broken.txt"))
        return folder
    }

    @Test("one digraph, one cluster per article, unique node ids, edges to the articles See-also names")
    func oneGraph() throws {
        let folder = try folder()
        defer { folder.remove() }
        let result = try CLI.run(["export", "--format", "dot", folder.root.path])
        #expect(result.status == 0, "\(result.stderr)")
        let dot = result.output
        #expect(dot.components(separatedBy: "digraph ").count == 2, "exactly one graph")
        #expect(dot.contains("subgraph cluster_1 {\n    label=\"Anarchism\""))
        #expect(dot.contains("subgraph cluster_2 {\n    label=\"Dual power\""))
        #expect(dot.contains("subgraph cluster_3 {\n    label=\"Communalism\""))

        // Every article has a lead: each keeps its own node, numbered by its article.
        let nodes = declaredNodes(dot)
        #expect(nodes.isSuperset(of: ["1/lead", "2/lead", "3/lead", "2/strategy:municipalism"]))
        let model = try ArticleLoader.load(path: folder.root.appendingPathComponent("dual-power.txt").path)
        #expect(nodes.filter { $0.hasPrefix("2/") }.count == model.items.count + model.article.sections.count)
        for (from, to) in declaredEdges(dot) {
            #expect(nodes.contains(from) && nodes.contains(to), "\(from) -> \(to) ends at a declared node")
        }

        // A See-also topic that is an article of the folder points at that article.
        let between = dot.split(separator: "\n").filter { $0.contains("lhead=") }.map { line in
            line.trimmingCharacters(in: .whitespaces).components(separatedBy: " [")[0]
        }
        #expect(Set(between) == [
            "\"1/see-also:dual-power\" -> \"2/lead\"",
            "\"2/see-also:anarchism\" -> \"1/lead\"",
            "\"2/see-also:communalism-bookchin\" -> \"3/lead\"",
            "\"3/see-also:dual-power\" -> \"2/lead\"",
            "\"3/see-also:anarchism\" -> \"1/lead\"",
        ])

        let svg = try CLI.renderSVG(dot)
        #expect(svg.status == 0, "dot rejected the graph: \(svg.stderr)")
        #expect(svg.stderr.isEmpty, "dot warned: \(svg.stderr)")
        #expect(svg.output.components(separatedBy: "<svg").count == 2, "one SVG document")
        #expect(svg.output.contains("Municipalism") && svg.output.contains("Communalism"))
    }

    /// Five articles, each listing the four others and its lead naming the next: Graphviz
    /// failed ("trouble in init_rank") while the clusters were ranked one by one (QA 15a).
    @Test func articlesListingEachOtherInARingAreDrawn() throws {
        try withTemporaryDirectory { folder in
            let titles = ["Alpha", "Beta", "Gamma", "Delta", "Epsilon"]
            for (index, title) in titles.enumerated() {
                let others = titles.filter { $0 != title }.map { "- \($0)" }.joined(separator: "\n")
                let text = "= \(title) =\nLead about \(titles[(index + 1) % titles.count]).\n\n== See also ==\n\(others)\n"
                try Data(text.utf8).write(to: folder.appendingPathComponent("\(index + 1)-\(title.lowercased()).txt"))
            }
            let result = try CLI.run(["export", "--format", "dot", folder.path])
            #expect(result.status == 0, "\(result.stderr)")
            let svg = try CLI.renderSVG(result.output)
            #expect(svg.status == 0, "dot rejected the graph: \(svg.stderr)")
            #expect(svg.stderr.isEmpty, "dot warned: \(svg.stderr)")
        }
    }

    @Test("--focus draws the articles that have the item; it is an error only when none has it")
    func focus() throws {
        let folder = try folder()
        defer { folder.remove() }
        // Only Dual power has the strategy Municipalism.
        let result = try CLI.run(["export", "--format", "dot", "--focus", "Municipalism", "--depth", "1", folder.root.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        let model = try ArticleLoader.load(path: folder.root.appendingPathComponent("dual-power.txt").path)
        let around = DOTExporter.neighbourhood(of: "strategy:municipalism", depth: 1, in: model.graph)
        #expect(around.contains("lead"))
        #expect(declaredNodes(result.output) == Set(around.map { "2/" + $0 }))
        #expect(result.output.contains("cross-links of Municipalism (within 1 link)"))
        #expect(try CLI.renderSVG(result.output).status == 0)

        // "Dual power" is a See-also topic of two articles: both are drawn, each around its own;
        // and the title of the third, which names its lead (as `--section` reads it).
        let shared = try CLI.run(["export", "--format", "dot", "--focus", "Dual power", "--depth", "0", folder.root.path])
        #expect(shared.status == 0, "\(shared.stderr)")
        #expect(declaredNodes(shared.output) == ["1/see-also:dual-power", "2/lead", "3/see-also:dual-power"])

        let unknown = try CLI.run(["export", "--format", "dot", "--focus", "Municipalisn", folder.root.path])
        #expect(unknown.status == 64)
        #expect(unknown.stderr == "seealso: no item or section starts with 'Municipalisn' in '\(folder.root.path)', and no node id is it; close matches: Municipalism\n")
        #expect(unknown.stdout.isEmpty)
    }

    /// QA 30: a focus that is an article's title is its lead, and the graph was titled
    /// "cross-links of (lead)", under the folder's name; and "all linked" of a node alone.
    @Test("A folder's graph around an article's title is titled by it, and says when it has no links")
    func focusOnAnArticleTitle() throws {
        try withTemporaryDirectory { folder in
            try Data("= Paris Commune =\nA city council.\n".utf8).write(to: folder.appendingPathComponent("a.txt"))
            try Data("= Other =\nNothing here.\n".utf8).write(to: folder.appendingPathComponent("b.txt"))
            let result = try CLI.run(["export", "--format", "dot", "--focus", "Paris Commune", "."], in: folder)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.output.contains("label=\".: cross-links of Paris Commune (no links)\""), "\(result.output)")
        }
    }
}
