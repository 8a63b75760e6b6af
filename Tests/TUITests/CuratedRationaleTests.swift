import Content
import Testing
@testable import TUI

/// A curated link's rationale is short authored prose whose point is often at its end: the
/// side panes show it whole, and the link map's detail line gives it the room the names
/// took. Cut to three rows, the Rojava one ended "which gre…" at 120×40; the map's detail
/// line lost it all ("… → Dual state (model) · analogous-to · curated: K…", QA 17a).
@Suite("Curated rationales shown whole")
struct CuratedRationaleTests {
    /// The lines of the first row of `node`'s backlinks pane that `isWanted`, `width` columns wide.
    static func detailLines(of node: String, where isWanted: (ListRow) -> Bool, width: Int) -> [String] {
        let rows = PaneRows.backlinks(bundledModel, node: node)
        guard let row = rows.firstIndex(where: isWanted) else { return [] }
        let layout = ListLayout(rows: rows, width: width)
        return layout.lines.filter { $0.row == row }.map { $0.spans.map(\.text).joined() }
    }

    @Test("The backlinks pane shows a rationale longer than three rows whole; evidence keeps its cut")
    func paneShowsTheRationaleWhole() throws {
        let rationale = try #require(bundledModel.graph.links.first { $0.from == "see-also:rojava-conflict" }?.rationale)
        let lines = Self.detailLines(of: "strategy:municipalism", where: { row in
            row.isDetail && row.spans.contains { $0.text.contains(rationale) }
        }, width: 40)
        #expect(lines.count > ListLayout.maxDetailLines)
        #expect(lines.last?.hasSuffix("municipalism.") == true, "\(lines)")
        #expect(!lines.joined().contains("…"))
        let evidence = Self.detailLines(of: "see-also:anarchism", where: { row in
            row.isDetail && row.spans.contains { $0.text.contains("line 9: ") }
        }, width: 40)
        #expect(evidence.count == ListLayout.maxDetailLines, "\(evidence)")
    }

    /// QA 17c: a 260-word rationale at 80×24 was cut by the pane, and paging, which goes from
    /// entry to entry, jumped from its top to the next entry: its end was never shown.
    @Test("A rationale taller than a pane is bounded, with the mark that text is left out")
    func aRationaleTallerThanAPaneIsBounded() throws {
        let words = (1...260).map { "word\($0)" }.joined(separator: " ")
        let text = """
            = Alpha =

            Alpha is a thing. Beta theory matters here and Gamma too.

            == Strategies ==
            Strategies include:
            - Beta theory – the first.
            - Gamma – the second.

            == See also ==
            - Delta
            """
        let links = """
            [[link]]
            from = "strategy: Beta theory"
            to = "see-also: Delta"
            type = "related"
            rationale = "START \(words) END."
            """
        let article = try ArticleParser().parse(bytes: Array(text.utf8), path: "a.txt")
        let model = try LinkedArticle(article: article, annotations: (links, "a.links.toml"))
        let rows = PaneRows.backlinks(model, node: "see-also:delta")
        let row = try #require(rows.firstIndex { $0.isDetail && $0.spans.contains { $0.text.contains("START") } })
        let lines = ListLayout(rows: rows, width: 30).lines.filter { $0.row == row }.map { $0.spans.map(\.text).joined() }
        #expect(lines.count == ListLayout.maxRationaleLines, "\(lines)")
        #expect(lines.last?.hasSuffix("…") == true, "\(lines)")
        // Below an 80×24 side pane's title and the entry's own row.
        #expect(ListLayout.maxRationaleLines + 2 <= 22)
    }

    @Test("The link map's detail line drops the names the map shows when the rationale needs their room")
    func mapDetailKeepsTheRationale() throws {
        let map = try linkMap("Municipalism")
        let rojava = try #require(map.nodes.firstIndex { $0.label == "Rojava conflict" })
        let rationale = try #require(map.nodes[rojava].reason)
        // Room for the rationale after its relation, not after the names too.
        let width = "  context-of · curated: ".count + rationale.count
        let buffer = render(map, width: width, height: 30, selected: rojava)
        #expect(buffer.row(29) == " context-of · curated: " + rationale + " ")
        // With room, the names stay.
        let communalism = try #require(map.nodes.firstIndex { $0.label == "Communalism (Bookchin)" })
        let roomy = render(map, width: width, height: 30, selected: communalism)
        #expect(roomy.row(29).hasPrefix(" Communalism (Bookchin) → Municipalism · theory-of · curated: "))
    }

    /// At 80×24 the Kosova rationale ended "ran parallel insti…" with the names gone too.
    @Test("A rationale longer than the detail row wraps into the legend's row; the map stays where it was")
    func mapDetailTakesTheLegendRow() throws {
        let map = try linkMap("Rival government")
        let kosova = try #require(map.nodes.firstIndex { $0.label.hasPrefix("Republic of Kosova") })
        let rationale = try #require(map.nodes[kosova].reason)
        let screen = render(map, width: 80, height: 24, selected: kosova)
        let rows = [screen.row(22), screen.row(23)].map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(rows.joined(separator: " ") == "instance-of · curated: " + rationale, "\(rows)")
        let unselected = render(map, width: 80, height: 24, selected: nil)
        #expect(unselected.row(22).contains("direction of the link"))
        #expect((0..<22).map(screen.row) == (0..<22).map(unselected.row), "only the bottom rows differ")
    }
}
