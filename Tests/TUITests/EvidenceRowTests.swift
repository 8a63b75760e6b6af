import Content
import Foundation
import Testing
@testable import TUI

/// A detected link's evidence in the cross-links and backlinks panes: where the sentence is
/// longer than the rows it may take, the part shown is the part around the mention, as
/// `seealso search` and grep show a match (QA 16: "→ Anarchism" showed the start of line 9's
/// sentence, cut before "anarchists").
@Suite("Evidence rows")
struct EvidenceRowTests {
    static let bread = """
        = Bread =
        Bread is one of the oldest prepared foods.

        == History ==
        Although the earliest loaves were flat and baked on hot stones in the ashes of open fires, later bakers in the river valleys of the ancient world learned to leaven their dough with wild yeast, which made it rise.

        Bakers still keep a starter of yeast.

        Yeast was first seen under a microscope by Antonie van Leeuwenhoek in 1680, long after bakers and brewers had learned to keep it alive from one batch to the next.

        == See also ==
        - Yeast
        """

    static let model: LinkedArticle = {
        do { return try LinkedArticle(article: ArticleParser().parse(bread, path: "bread.txt")) } catch { fatalError("\(error)") }
    }()

    /// The lines of the evidence row of the link from `section` at `line`, in a Cross-links
    /// pane `width` columns wide.
    static func evidence(line: Int, width: Int, in model: LinkedArticle = model, from section: String = "history") -> [String] {
        let rows = PaneRows.crossLinks(model, node: section)
        let row = rows.firstIndex { $0.isDetail && $0.spans.contains { $0.text.contains("line \(line): ") } }
        let layout = ListLayout(rows: rows, width: width)
        return layout.lines.filter { $0.row == row }.map { $0.spans.map(\.text).joined() }
    }

    @Test("A mention past the rows shown: the start gives way to “…”, and the mention shows with what follows it")
    func mentionLate() {
        #expect(Self.evidence(line: 5, width: 40) == [
            "    mentions · detected: line 5: …to",
            "    leaven their dough with wild yeast,",
            "    which made it rise.",
        ])
    }

    @Test("A sentence that fits is shown whole, as before")
    func wholeSentence() {
        #expect(Self.evidence(line: 7, width: 40) == [
            "    mentions · detected: line 7: Bakers",
            "    still keep a starter of yeast.",
        ])
    }

    @Test("A mention already in view: the sentence is cut at its end only, as before")
    func mentionEarly() {
        #expect(Self.evidence(line: 9, width: 40) == [
            "    mentions · detected: line 9: Yeast",
            "    was first seen under a microscope by",
            "    Antonie van Leeuwenhoek in 1680,…",
        ])
    }

    @Test("The mention is undimmed in its dimmed sentence")
    func mentionStyle() throws {
        let row = try #require(PaneRows.crossLinks(Self.model, node: "history").first { $0.isDetail })
        let mention = try #require(row.spans.first { $0.text == "yeast" })
        #expect(mention.style == Style(.normal))
        #expect(row.spans.filter { $0.text != "yeast" }.dropFirst().allSatisfy { $0.style == Style(.dim) })
    }

    @Test("At 120×40 the bundled article's lead shows each See-also topic's own word on line 9")
    func bundledLead() {
        let rows = PaneRows.crossLinks(bundledModel, node: "lead")
        let lines = ListLayout(rows: rows, width: 41).lines.map { $0.spans.map(\.text).joined() }
        let text = lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        for word in ["anarchists", "libertarian socialists", "mutual aid", "municipalists"] {
            #expect(text.contains(word), "\(word) not shown")
        }
    }
}
