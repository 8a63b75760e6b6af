import Content
import Testing
@testable import TUI

/// What a link pane says when it has nothing to list names the node it is about: the
/// message wraps, as the pane's evidence does, rather than being cut before the name (QA 16:
/// "Nothing in this article points to A…" at 100×30).
@Suite("Empty link panes")
struct EmptyPaneMessageTests {
    static let alpha: LinkedArticle = {
        let text = """
            = Alpha Centauri =
            Alpha Centauri is the closest star system to the Sun. It is near Proxima Centauri.

            == See also ==
            - Proxima Centauri
            - Wolf 359
            """
        do { return try LinkedArticle(article: ArticleParser().parse(text, path: "alpha.txt")) } catch { fatalError("\(error)") }
    }()

    /// The pane's lines at `width`, their spaces at the ends dropped.
    static func lines(_ rows: [ListRow], width: Int) -> [String] {
        ListLayout(rows: rows, width: width).lines.map { String($0.spans.map(\.text).joined().drop { $0 == " " }) }
    }

    @Test("Backlinks, beside the other articles that list this one: the whole sentence, on two lines")
    func backlinksInAFolder() {
        let rows = PaneRows.backlinks(Self.alpha, node: "see-also:wolf-359", incoming: [(article: "Sirius", topic: "Alpha Centauri")])
        #expect(Array(Self.lines(rows, width: 38).prefix(2)) == ["Nothing in this article points to Wolf", "359."])
    }

    @Test("Cross-links of a node without any: the whole sentence")
    func crossLinks() {
        #expect(Self.lines(PaneRows.crossLinks(Self.alpha, node: "see-also:wolf-359"), width: 20) == ["No cross-links for", "Wolf 359."])
    }

    /// QA 38: "No cross-links for Historical examples of dual power." read as "nothing here
    /// is linked", where each of its examples has links.
    @Test("A section without links of its own whose items have some says so")
    func sectionWhoseItemsHaveLinks() throws {
        let section = try #require(bundledModel.article.sections.firstIndex { $0.title == "Historical examples of dual power" })
        let node = bundledModel.article.sections[section].id
        #expect(bundledModel.graph.links(touching: node).isEmpty)
        let linked = bundledModel.items.filter {
            bundledModel.sectionIndex(of: $0.id) == section && !bundledModel.graph.links(touching: $0.id).isEmpty
        }.count
        #expect(linked > 1)
        #expect(PaneRows.crossLinks(bundledModel, node: node).map { $0.spans.map(\.text).joined() } == [
            "No cross-links for Historical examples of dual power. Its \(linked) items have links of their own: "
                + "select one in the reader to see them.",
        ])
        // One whose one linked item is its only link says it in the singular.
        #expect(PaneRows.crossLinks(Self.alpha, node: "see-also").map { $0.spans.map(\.text).joined() } == [
            "No cross-links for See also. Its item has links of their own: select one in the reader to see them.",
        ])
    }

    @Test("A long title is never cut: the message takes the lines it needs")
    func longTitle() throws {
        let model = try LinkedArticle(article: ArticleParser().parse("""
            = The Remarkably Long Title of an Article About Nothing at All =
            Nothing much here.
            """, path: "long.txt"))
        #expect(Self.lines(PaneRows.backlinks(model, node: "lead"), width: 28) == [
            "Nothing here points to The", "Remarkably Long Title of an", "Article About Nothing at", "All.",
        ])
    }

    /// QA 35: an article whose lists name no kind in a language read said only "No cross-links
    /// for Pariisin kommuuni.", where `links` says why; the pane says it too, in the explorer.
    @Test("An article without items says why in the cross-links pane, as links says it")
    func noItemsSaysWhy() throws {
        // Finnish, which is not read (see `ListVocabulary`).
        let finnish = try LinkedArticle(article: ArticleParser().parse("""
            = Pariisin kommuuni =
            Pariisin kommuuni julistettiin vuonna 1871.

            == Esimerkit ==
            - Lyon – vuoden 1870 kommuuni.
            """, path: "kommuuni.txt"))
        let explorer = Explorer(model: finnish)
        let screen = explorer.render(explorer.initialState(size: Size(width: 120, height: 40))).text
        let pane = screen.split(separator: "\n").map { String($0.split(separator: "\u{2502}").last ?? "").trimmingCharacters(in: .whitespaces) }
            .joined(separator: " ")
        #expect(pane.contains("No cross-links for Pariisin kommuuni. The article has no See-also topics, examples or strategies: "
                              + "no list has a heading or lead-in that names them (\"See also\", \"Examples\", \"Strategies\"… in English, "
                              + "French, German, Spanish, Italian, Portuguese, Dutch, Russian, Polish, Chinese or Japanese)."),
                "\(screen)")
        // With items, a node without links says only that.
        #expect(Self.lines(PaneRows.crossLinks(Self.alpha, node: "see-also:wolf-359"), width: 80) == ["No cross-links for Wolf 359."])
    }
}

/// A detail cut to its lines in a side pane ends with "…" after a whole word, as `links` cuts
/// evidence at a word (QA 35: "…which saw the genera…" at 120×40).
@Suite("Cut details end at a word")
struct DetailCutTests {
    static func lastLine(_ row: ListRow, width: Int) -> String {
        ListLayout(rows: [ListRow([TextSpan("Head")], target: .section(0)), row], width: width).lines.last.map { $0.spans.map(\.text).joined() } ?? ""
    }

    @Test("A full last line loses its last word, not a letter")
    func wholeWords() {
        // 4 columns of indent, 21 of text: the third line, "syndicalism which saw", is full.
        let text = "The strike was called with revolutionary syndicalism which saw the general strike as the means of revolution."
        let row = ListRow.detail([TextSpan(text, Style(.dim))])
        let last = Self.lastLine(row, width: 25)
        #expect(last == "    syndicalism which…", "\(last)")
    }

    @Test("A mention styled apart at the end of the line stays whole; the line loses a character after it")
    func mentionStays() {
        let spans = [TextSpan("Some words before it all go here and then ", Style(.dim)), TextSpan("Paris Commune", Style(.link)),
                     TextSpan("'s rising lasted long afterwards in memory.", Style(.dim))]
        let row = ListRow.detail(spans, keeping: 1)
        let lines = ListLayout(rows: [ListRow([TextSpan("Head")], target: .section(0)), row], width: 24).lines.map { $0.spans.map(\.text).joined() }
        #expect(lines.joined(separator: " ").contains("Paris Commune"), "\(lines)")
    }
}
