import Content
import Foundation
import Testing
@testable import TUI

/// The item of the bundled article with the most links (ties: the first in the article).
let busiestItem: Item = {
    let graph = bundledModel.graph
    return bundledModel.items.max { a, b in
        graph.degree(of: a.id) != graph.degree(of: b.id)
            ? graph.degree(of: a.id) < graph.degree(of: b.id)
            : bundledModel.items.firstIndex(of: a)! > bundledModel.items.firstIndex(of: b)!
    }!
}()

/// An article crowded enough to overflow the map at 80×24: a strategy, Hub, whose text names
/// 30 See-also topics, which eight examples and eight sections mention, and which has curated
/// links to two topics and an example.
let crowdedModel: LinkedArticle = {
    let trees = ["Alder", "Birch", "Cedar", "Dogwood", "Elm", "Fir", "Ginkgo", "Hazel", "Juniper", "Larch",
                 "Maple", "Oak", "Pine", "Rowan", "Spruce", "Willow", "Yew", "Aspen", "Beech", "Cypress",
                 "Hemlock", "Holly", "Linden", "Magnolia", "Olive", "Poplar", "Redwood", "Sequoia",
                 "Sycamore tree of the long valley (western variety)", "Walnut"]
    let places = ["Avalon", "Brigadoon", "Camelot", "Dinas", "Eldorado", "Faerie", "Gondal", "Hy-Brasil"]
    var text = "= Crowded =\n\nHub is the centre of this article.\n\n== Strategies ==\n"
    text += "- Hub – draws on " + trees.joined(separator: ", ") + ".\n"
    text += "- Spoke – a second approach.\n\n== Historical examples ==\n"
    for place in places { text += "- \(place) – a town where Hub was tried.\n" }
    for number in 1...7 { text += "\n== Chapter \(number) ==\nThe chapter discusses Hub at length.\n" }
    text += "\n== See also ==\n" + trees.map { "- \($0)\n" }.joined()
    let links = """
        [[link]]
        from = "see-also: Alder"
        to = "strategy: Hub"
        type = "theory-of"
        rationale = "Alder is the theory behind Hub."

        [[link]]
        from = "strategy: Hub"
        to = "see-also: Walnut"
        type = "analogous-to"
        rationale = "Walnut works like Hub."

        [[link]]
        from = "example: Avalon"
        to = "strategy: Hub"
        type = "instance-of"
        rationale = "Avalon is a case of Hub."
        """
    do {
        let article = try ArticleParser().parse(bytes: Array(text.utf8), path: "crowded.txt")
        return try LinkedArticle(article: article, annotations: (links, "crowded.links.toml"))
    } catch {
        fatalError("crowded article: \(error)")
    }
}()

func render(_ map: LinkMap, width: Int, height: Int, selected: Int? = 0, ascii: Bool = false) -> CellBuffer {
    var buffer = CellBuffer(width: width, height: height)
    map.render(into: &buffer, in: buffer.bounds, selected: selected, ascii: ascii)
    return buffer
}

func linkMap(_ name: String, in model: LinkedArticle = bundledModel) throws -> LinkMap {
    let item = try #require(Lookup.item(named: name, in: model.items), "no item \(name)")
    return LinkMap(model: model, focus: item.id)
}

/// The text of row `y` between a box's borders.
func boxText(_ buffer: CellBuffer, _ box: Rect, row y: Int) -> String {
    ((box.x + 1)..<(box.maxX - 1)).map { buffer[$0, y].text }.joined()
}

@Suite("Link map")
struct LinkMapTests {
    /// QA 41: a rationale a links file writes over several lines (a TOML `"""` string) showed
    /// "^J" on the map's detail row; the topic card breaks it, `links` joins it with a space.
    @Test func aRationaleOfSeveralLinesIsOneLineOnTheMap() throws {
        let article = try ArticleParser().parse("= Pair =\n\nLead.\n\n== Strategies ==\n- Hub – a plan.\n\n== See also ==\n- Rim\n", path: "pair.txt")
        let links = "[[link]]\nfrom = \"strategy: Hub\"\nto = \"see-also: Rim\"\ntype = \"related\"\nrationale = \"\"\"\nFirst line\nsecond line\"\"\"\n"
        let model = try LinkedArticle(article: article, annotations: (links, "pair.links.toml"))
        let map = try linkMap("Hub", in: model)
        let buffer = render(map, width: 80, height: 24)
        let rows = (0..<24).map { y in (0..<80).map { buffer[$0, y].text }.joined() }
        #expect(rows.contains { $0.contains("First line second line") }, "\(rows.joined(separator: "\n"))")
        #expect(!rows.contains { $0.contains("^J") })
    }

    /// Rival government: Libya, Yemen, Strelkov, Kosova and the Background's 1917 case.
    @Test("the busiest item of the bundled article is Rival government, with 5 links")
    func busiest() {
        let degrees = bundledModel.items.map { bundledModel.graph.degree(of: $0.id) }
        #expect(bundledModel.graph.degree(of: busiestItem.id) == degrees.max())
        #expect(busiestItem.name == "Rival government")
        #expect(degrees.max() == 5)
        #expect(bundledModel.items.filter { bundledModel.graph.degree(of: $0.id) == 5 }.map(\.name) == ["Rival government"])
    }

    @Test("Municipalism's map: three curated See-also topics, the lead's mention, in reading order")
    func municipalismNodes() throws {
        let map = try linkMap("Municipalism")
        #expect(map.nodes.map(\.label) == ["Communalism (Bookchin)", "Intercommunalism", "Rojava conflict", "Dual power"])
        #expect(map.nodes.map(\.tag) == ["theory-of·c", "related·c", "context-of·c", "mentions·d"])
        #expect(map.nodes.allSatisfy { $0.direction == .incoming })
        #expect(map.groups.map(\.kind) == [.seeAlso, .section])
        #expect(map.leftGroupCount == 1)
        #expect(map.nodes[0].reason == "Bookchin's communalism is the political theory behind libertarian municipalism.")
        #expect(map.nodes[3].reason?.hasPrefix("line 9: ") == true)
    }

    /// The detail line showed a detected link's evidence from its start, cut at the screen's
    /// edge, often before the mention ("line 9: While the term was initially…" for Municipalism,
    /// which "municipalists" mentions): it now starts later, after "…", as the panes cut it.
    @Test("The selected node's detail line shows the mention in its evidence")
    func detailKeepsTheMention() throws {
        let map = try linkMap("Municipalism")
        let lead = try #require(map.nodes.firstIndex { $0.label == "Dual power" })
        let screen = render(map, width: 80, height: 24, selected: lead).text
        // The names give way to the evidence (CuratedRationaleTests).
        let detail = try #require(screen.split(separator: "\n").last { $0.hasPrefix(" mentions · detected: ") })
        #expect(detail.contains("line 9: …") && detail.contains("municipalists"), "\(detail)")
        // Wide enough for the whole sentence, nothing is left out.
        let reason = try #require(map.nodes[lead].reason)
        #expect(LinkMap.shown(reason, quoting: map.nodes[lead].quoted, inWidth: reason.displayWidth) == reason)
        // A rationale has no mention to keep: cut at its end, as before.
        #expect(LinkMap.shown("Why it is so.", quoting: nil, inWidth: 5) == "Why it is so.")
    }

    /// QA 24: at 40 columns the row had no room for the mention ("mentions · detected: line 9:
    /// While the…"): the evidence takes the legend's row, its place on the first, the excerpt
    /// around the mention on the second. Without the legend's row (the smallest height), one.
    @Test("At 40 columns a detected link's evidence takes the legend's row to show its mention")
    func narrowDetailTakesTwoRows() throws {
        let map = try linkMap("Municipalism")
        let lead = try #require(map.nodes.firstIndex { $0.label == "Dual power" })
        let rows = map.detailRows(of: lead, width: 40, maxRows: 2, glyphs: LinkMap.Glyphs(ascii: false))
        #expect(rows.count == 2, "\(rows)")
        #expect(rows.first == " mentions · detected: line 9:", "\(rows)")
        #expect(rows.last?.contains("municipalists") == true && rows.allSatisfy { $0.displayWidth <= 40 }, "\(rows)")
        let screen = render(map, width: 40, height: 14, selected: lead).text.split(separator: "\n")
        #expect(screen.contains { $0.contains("municipalists") }, "\(screen)")
        #expect(map.detailRows(of: lead, width: 40, maxRows: 1, glyphs: LinkMap.Glyphs(ascii: false)).count == 1)
        // Wide enough, one row as before.
        #expect(map.detailRows(of: lead, width: 80, maxRows: 2, glyphs: LinkMap.Glyphs(ascii: false)).count == 1)
    }

    @Test("following a node goes where Target.node says: Communalism (Bookchin) opens its card")
    func targets() throws {
        let map = try linkMap("Municipalism")
        let communalism = try #require(map.nodes.firstIndex { $0.label == "Communalism (Bookchin)" })
        #expect(map.target(of: communalism) == .card("see-also:communalism-bookchin"))
        let lead = try #require(map.nodes.firstIndex { $0.label == "Dual power" })
        #expect(map.target(of: lead) == .section(0))
        #expect(map.target(of: -1) == nil)
        #expect(map.target(of: map.nodes.count) == nil)
        for model in [bundledModel, crowdedModel] {
            for id in model.items.map(\.id) + model.article.sections.map(\.id) {
                let map = LinkMap(model: model, focus: id)
                for (index, node) in map.nodes.enumerated() {
                    #expect(map.target(of: index) == Target.node(node.id, in: model))
                }
            }
        }
        let libya = try linkMap("Libya")
        #expect(libya.nodes.contains { $0.label == "Libya" } == false)
        let example = try #require(try linkMap("Rival government").nodes.firstIndex { $0.label == "Libya" })
        #expect(try linkMap("Rival government").target(of: example) == .item("example:libya"))
    }

    @Test("mentions of one topic on several lines are one node with a count; both directions stay apart")
    func merging() throws {
        let socialism = try linkMap("Libertarian socialism")
        let modern = socialism.nodes.filter { $0.id == "modern-usage-by-libertarian-socialists" }
        #expect(modern.map(\.tag) == ["described-in·c", "mentions×2·d"])
        #expect(modern.map(\.direction) == [.outgoing, .incoming])
        #expect(modern[1].reason?.hasPrefix("lines 57, 59: ") == true)
        // Two strategies that name each other: a mention each way, two nodes.
        let pair = try LinkedArticle(article: ArticleParser().parse("= Pair =\n\n== Strategies ==\n- Alpha – unlike Beta.\n- Beta – unlike Alpha.\n"))
        #expect(LinkMap(model: pair, focus: "strategy:alpha").nodes.map { "\($0.label) \($0.tag) \($0.direction)" }
            == ["Beta mentions·d outgoing", "Beta mentions·d incoming"])
        // The strategy and the See-also topic "Council communism" are namesakes: the curated
        // same-topic link joins them, and their definitions are no mentions of each other.
        let council = LinkMap(model: bundledModel, focus: "strategy:council-communism")
        #expect(council.nodes.filter { $0.label == "Council communism" }.map { "\($0.tag) \($0.direction)" }
            == ["same-topic·c outgoing"])
        #expect(LinkMap(model: bundledModel, focus: "no-such-node").nodes.isEmpty)
    }

    @Test("golden: the busiest item at 80×24 and 120×40")
    func goldenBusiest() throws {
        let map = LinkMap(model: bundledModel, focus: busiestItem.id)
        try expectGolden(render(map, width: 80, height: 24), "linkmap-busiest-80x24")
        try expectGolden(render(map, width: 120, height: 40), "linkmap-busiest-120x40")
    }

    @Test("golden: Municipalism at 80×24, the lead's mention selected; and in ASCII")
    func goldenMunicipalism() throws {
        let map = try linkMap("Municipalism")
        try expectGolden(render(map, width: 80, height: 24, selected: 3), "linkmap-municipalism-80x24")
        let ascii = render(map, width: 80, height: 24, ascii: true)
        try expectGolden(ascii, "linkmap-municipalism-ascii-80x24")
        for glyph in ["─", "│", "┌", "┐", "└", "┘", "├", "┤", "┬", "┴", "┼", "→", "←"] {
            #expect(!ascii.text.contains(glyph), "ASCII map contains \(glyph)")
        }
    }

    @Test("golden: the lead (a section, the busiest node); Marxism–Leninism (links both ways); nothing selected")
    func goldenOthers() throws {
        #expect(bundledModel.article.sections.allSatisfy { bundledModel.graph.degree(of: $0.id) <= bundledModel.graph.degree(of: "lead") })
        try expectGolden(render(LinkMap(model: bundledModel, focus: "lead"), width: 80, height: 24), "linkmap-lead-80x24")
        let marxism = try linkMap("Marxism–Leninism")
        #expect(Set(marxism.nodes.map(\.direction)) == [.incoming, .outgoing])
        try expectGolden(render(marxism, width: 80, height: 24, selected: nil), "linkmap-marxism-leninism-80x24")
    }

    @Test("golden: a crowded map at 80×24 pages the group the selection is in")
    func goldenCrowded() throws {
        let map = try linkMap("Hub", in: crowdedModel)
        #expect(map.nodes.count == 49)
        #expect(map.groups.map(\.range.count) == [32, 9, 8])
        try expectGolden(render(map, width: 80, height: 24), "linkmap-crowded-80x24")
        let deep = try #require(map.nodes.firstIndex { $0.label == "Sequoia" })
        try expectGolden(render(map, width: 80, height: 24, selected: deep), "linkmap-crowded-sequoia-80x24")
        try expectGolden(render(map, width: 120, height: 40, selected: deep), "linkmap-crowded-sequoia-120x40")
    }

    /// 40×11 is what the explorer's smallest screen, 40×12, leaves above its status row.
    static let sizes = [(80, 24), (120, 40), (40, 12), (40, 11), (60, 15), (200, 60)]

    @Test("every node is drawn (label and relation) or counted in its group's +N more", arguments: sizes)
    func everyNodeAccountedFor(width: Int, height: Int) throws {
        var maps = [try linkMap("Hub", in: crowdedModel)]
        maps += bundledModel.items.map { LinkMap(model: bundledModel, focus: $0.id) }
        maps += bundledModel.article.sections.map { LinkMap(model: bundledModel, focus: $0.id) }
        for map in maps {
            for selected in [nil] + Array(map.nodes.indices) {
                let buffer = render(map, width: width, height: height, selected: selected)
                let layout = try #require(map.layout(in: buffer.bounds, selected: selected))
                var accounted = 0
                for placed in layout.left.groups + layout.right.groups {
                    var drawn = 0, counted = 0
                    for (offset, row) in placed.rows.enumerated() {
                        let line = buffer.row(placed.box.y + 1 + offset)
                        switch row {
                        case .node(let index, let first):
                            let node = map.nodes[index]
                            guard first else { continue }
                            drawn += 1
                            let shown = String(node.label.prefix(min(node.label.count, 3)))
                            #expect(line.contains(shown), "\(node.label) missing at \(width)×\(height): \(line)")
                            let roomy = layout.left.groups.contains { $0.group == placed.group } ? layout.left.roomy : layout.right.roomy
                            let relation = roomy ? buffer.row(placed.box.y + 2 + offset) : line
                            // Below 60 columns the relation may be cut; the detail row still says it.
                            if width >= 60 {
                                #expect(relation.contains(String(node.relation.rawValue.prefix(4))), "\(node.tag) missing: \(relation)")
                            }
                        case .more(let hidden, _):
                            let inBox = boxText(buffer, placed.box, row: placed.box.y + 1 + offset)
                            let plus = try #require(inBox.range(of: "+"), "no +N more in \(inBox)")
                            #expect(Int(inBox[plus.upperBound...].prefix { $0.isNumber }) == hidden, "\(inBox)")
                            if width >= 60 { #expect(inBox.contains(" more")) }
                            counted += hidden
                        }
                    }
                    #expect(drawn + counted == placed.group.range.count,
                            "\(placed.group.kind.title) of \(map.focusLabel) at \(width)×\(height): \(drawn) + \(counted)")
                    accounted += drawn + counted
                }
                #expect(accounted == map.nodes.count)
            }
        }
    }

    @Test("the selected node is always on screen, highlighted", arguments: sizes)
    func selectionVisible(width: Int, height: Int) throws {
        for map in [try linkMap("Hub", in: crowdedModel), try linkMap("Municipalism")] {
            for selected in map.nodes.indices {
                let buffer = render(map, width: width, height: height, selected: selected)
                let layout = try #require(map.layout(in: buffer.bounds, selected: selected))
                let placed = try #require((layout.left.groups + layout.right.groups).first { $0.group.range.contains(selected) })
                let offset = try #require(placed.rows.firstIndex(of: .node(selected, first: true)),
                                          "\(map.nodes[selected].label) not shown at \(width)×\(height)")
                let y = placed.box.y + 1 + offset
                let cells = (placed.box.x + 1)..<(placed.box.maxX - 1)
                #expect(cells.allSatisfy { buffer[$0, y].style == LinkMap.selectedStyle })
                #expect(buffer.row(y).contains(String(map.nodes[selected].label.prefix(3))))
                // Nothing else is highlighted: one row, two for a roomy node (label and relation).
                let roomy = layout.left.groups.contains { $0.group == placed.group } ? layout.left.roomy : layout.right.roomy
                let highlighted = (0..<height).filter { row in (0..<width).contains { buffer[$0, row].style == LinkMap.selectedStyle } }
                #expect(highlighted.count == (roomy ? 2 : 1))
            }
        }
    }

    @Test("nothing is drawn outside the rectangle")
    func staysInside() throws {
        let marker = Cell(text: "x", style: Style(.error))
        for map in [try linkMap("Hub", in: crowdedModel), try linkMap("Municipalism"), LinkMap(model: bundledModel, focus: "lead"),
                    try linkMap("Anti-king")] {
            for rect in [Rect(x: 7, y: 3, width: 80, height: 24), Rect(x: 1, y: 1, width: 120, height: 40),
                         Rect(x: 30, y: 10, width: 40, height: 12), Rect(x: 5, y: 5, width: 30, height: 8),
                         Rect(x: 100, y: 40, width: 80, height: 24)] {
                for ascii in [false, true] {
                    var buffer = CellBuffer(width: 140, height: 50)
                    for y in 0..<50 { for x in 0..<140 { buffer[x, y] = marker } }
                    map.render(into: &buffer, in: rect, selected: map.nodes.isEmpty ? nil : map.nodes.count - 1, ascii: ascii)
                    for y in 0..<50 {
                        for x in 0..<140 where !rect.contains(x: x, y: y) {
                            #expect(buffer[x, y] == marker, "drew at (\(x), \(y)) outside \(rect)")
                        }
                    }
                    let inside = rect.intersection(buffer.bounds)
                    if !inside.isEmpty { #expect(buffer[inside.x, inside.y] != marker) }
                }
            }
        }
    }

    @Test("a node without links, and a rectangle too small, say so")
    func emptyAndTooSmall() throws {
        #expect(bundledModel.items.allSatisfy { bundledModel.graph.degree(of: $0.id) > 0 })
        let isolated = try #require(crowdedModel.items.first { crowdedModel.graph.degree(of: $0.id) == 0 })
        #expect(isolated.name == "Spoke")
        let map = LinkMap(model: crowdedModel, focus: isolated.id)
        #expect(map.nodes.isEmpty)
        #expect(render(map, width: 80, height: 24).text.contains("No cross-links for \(isolated.name)."))
        for (width, height) in [(39, 11), (40, 10)] {
            let small = render(try linkMap("Municipalism"), width: width, height: height).text
            #expect(small.contains("Link map: Municipalism"))
            #expect(small.contains("needs 40×11"))
        }
    }

    /// At the explorer's smallest screen the map opens in the 40×11 above the status row (it
    /// said "needs 40×12"): its title, its nodes and why the selected one is linked, without
    /// the legend, whose row goes to the nodes.
    @Test("the map opens at 40×12, the smallest screen the explorer draws")
    func opensAtTheSmallestScreen() throws {
        let explorer = makeExplorer()
        var state = explorer.initialState(size: Size(width: 40, height: 12))
        #expect(!state.layout.isTooSmall)
        state = explorer.press(state, .character("]"), .character("v"))
        let focus = try #require(state.linkMap?.focus)
        let map = LinkMap(model: bundledModel, focus: focus)
        let screen = explorer.render(state)
        let rows = (0..<12).map { screen.row($0) }
        #expect(rows[0].hasPrefix(" Link map: \(map.focusLabel)"), "\(rows[0])")
        #expect(!screen.text.contains("needs"))
        let first = try #require(map.nodes.first)
        #expect(rows[1..<10].contains { row in (4..<first.label.count).contains { row.contains("│ " + first.label.prefix($0) + "…") } },
                "\(screen.text)")
        // Too narrow for the names and the reason: the names, which the map shows, give way.
        #expect(rows[10].hasPrefix(" \(first.longTag): "), "\(rows[10])")
        #expect(!rows.contains { $0.contains("direction of the link") })
        #expect(rows[11].hasSuffix("? help "), "the status row stays: \(rows[11])")
        // (With no node selected: a long rationale takes the legend's row, CuratedRationaleTests.)
        #expect(render(map, width: 40, height: 12, selected: nil).text.contains("direction of the link"), "one row more shows the legend")
    }

    /// A legend wider than the screen ends in "…", as the evidence line does: at 70 columns
    /// it ended "×N mentioned o" (QA). The crowded map's nodes show short tags of both origins.
    @Test func aLegendCutShort() throws {
        let map = try linkMap("Hub", in: crowdedModel)
        let full = " → ← direction of the link   ·c curated   ·d detected"
        let wide = try #require(render(map, width: 80, height: 24, selected: nil).text.split(separator: "\n").first { $0.contains("direction of the link") })
        #expect(wide == full, "\(wide)")
        // Whole entries, then "…": at 42 to 57 columns it ended "·d …", a glyph without its
        // meaning, or "·c curated  …" with a gap of its own (QA 11).
        for width in 40...81 {
            let cut = try #require(render(map, width: width, height: 24, selected: nil).text.split(separator: "\n").first { $0.contains("direction of") })
            let entries = cut.trimmingCharacters(in: .whitespaces).components(separatedBy: "   ")
            #expect(entries.allSatisfy { ["→ ← direction of the link", "·c curated", "·d detected", "…"].contains($0) },
                    "\(width): \(cut)")
            // Below 46 columns the curated nodes' tags give their room to the labels, and the
            // legend, explaining what is drawn, fits without them.
            if width >= 46 { #expect(cut.hasSuffix("…") == (width < full.count), "\(width): \(cut)") }
        }
    }

    @Test("labels are cut with … to fit; the focus label wraps")
    func truncation() throws {
        let map = try linkMap("Hub", in: crowdedModel)
        let sycamore = try #require(map.nodes.firstIndex { $0.label.hasPrefix("Sycamore") })
        let text = render(map, width: 80, height: 24, selected: sycamore).text
        #expect(text.contains("│ Sycamore tree…  mentions·d ├"), "cut after a word: no space before …")
        // At 120 the column of long names takes the room the other, of short ones, leaves.
        #expect(render(map, width: 120, height: 40, selected: sycamore).text.contains("│ Sycamore tree of the long valley (western vari… mentions·d ├"))
        let libya = LinkMap(model: bundledModel, focus: "see-also:second-libyan-civil-war-and-libyan-crisis-2011-present")
        let box = render(libya, width: 80, height: 24).text
        #expect(box.contains("Second Libyan"))
        #expect(box.contains("Civil War and"))
    }

    /// Each column as wide as it needs: both were as wide as the wider needed, at most half
    /// the room, so a long name was cut while the other column, of short names or none, left
    /// a third of the screen blank (QA 38).
    @Test("a column takes the room the other leaves")
    func columnsShareTheRoom() throws {
        #expect(LinkMap.columnWidths(left: 30, right: 20, room: 60) == (30, 20), "both fit: each its need")
        #expect(LinkMap.columnWidths(left: 50, right: 20, room: 60) == (40, 20), "the short one keeps its need")
        #expect(LinkMap.columnWidths(left: 20, right: 50, room: 60) == (20, 40))
        #expect(LinkMap.columnWidths(left: 50, right: 40, room: 60) == (30, 30), "both long: halves")
        #expect(LinkMap.columnWidths(left: 0, right: 90, room: 60) == (0, 60), "one side empty: all of it")
        #expect(LinkMap.columnWidths(left: 20, right: 20, room: -3) == (0, 0))

        // Rival government: a long example name on the left, one short section on the right.
        let rival = LinkMap(model: bundledModel, focus: "see-also:rival-government")
        let wide = render(rival, width: 120, height: 40).text
        #expect(wide.contains("Republic of Kosova and the Autonomous Province"), "\(wide)")
        #expect(wide.contains("┤ Background "), "the short column keeps its names whole")

        // Links on one side only: the map is centred, not drawn against the left edge with
        // the right third blank.
        let section = try #require(bundledModel.article.sections.first { $0.title.hasPrefix("Strategy") })
        let oneSided = LinkMap(model: bundledModel, focus: section.id)
        let sides = try #require(oneSided.layout(in: Rect(x: 0, y: 0, width: 80, height: 24), selected: nil))
        #expect(sides.right.groups.isEmpty && !sides.left.groups.isEmpty, "the test needs a map with links on one side")
        let rows = render(oneSided, width: 80, height: 24).text.split(separator: "\n", omittingEmptySubsequences: false)
        let drawn = rows.dropFirst().dropLast(3).filter { $0.contains("┌") }
        // Blank columns before the first drawn cell and after the last (one column a character here).
        let leftMargin: Int = try #require(drawn.map { row in row.prefix { $0 == " " }.count }.min())
        let rightMargin: Int = try #require(drawn.map { row in 80 - row.reversed().drop { $0 == " " }.count }.min())
        #expect((leftMargin - rightMargin).magnitude <= 1, "left \(leftMargin), right \(rightMargin)")
        #expect(leftMargin > 4)
    }

    @Test("paging: pages of the group's rows, the last one full")
    func paging() {
        #expect(LinkMap.page(0..<5, rows: 5, selected: nil) == (0..<5).map { .node($0, first: true) })
        #expect(LinkMap.page(0..<10, rows: 4, selected: nil) == [.node(0, first: true), .node(1, first: true), .node(2, first: true), .more(hidden: 7, above: 0)])
        #expect(LinkMap.page(0..<10, rows: 4, selected: 4) == [.node(3, first: true), .node(4, first: true), .node(5, first: true), .more(hidden: 7, above: 3)])
        #expect(LinkMap.page(0..<10, rows: 4, selected: 9) == [.node(7, first: true), .node(8, first: true), .node(9, first: true), .more(hidden: 7, above: 7)])
        #expect(LinkMap.page(10..<20, rows: 1, selected: 15) == [.node(15, first: true)])
        #expect(LinkMap.page(10..<20, rows: 1, selected: 2) == [.more(hidden: 10, above: 0)])
        #expect(LinkMap.moreText(hidden: 7, above: 0, width: 30) == "+7 more")
        #expect(LinkMap.moreText(hidden: 7, above: 3, width: 30) == "+7 more (3 above)")
        #expect(LinkMap.moreText(hidden: 7, above: 3, width: 12) == "+7 more")
        #expect(LinkMap.moreText(hidden: 7, above: 7, width: 30) == "+7 more above")
        #expect(LinkMap.compactParts(label: "Lead", tag: "mentions·d", room: 26) == ("Lead", "mentions·d"))
        #expect(LinkMap.compactParts(label: "Communalism (Bookchin)", tag: "theory-of·c", room: 26) == ("Communalism (…", "theory-of·c"))
        #expect(LinkMap.compactParts(label: "Libertarian socialism", tag: "mentions×2·d", room: 5) == ("Libe…", ""))
        #expect(LinkMap.allocate([30, 8, 2], rows: 15) == [7, 6, 2])
        #expect(LinkMap.allocate([3, 1], rows: 10) == [3, 1])
        #expect(LinkMap.balancedSplit([5, 3]) == 1)
        #expect(LinkMap.balancedSplit([32, 10, 3, 9]) == 1)
        #expect(LinkMap.balancedSplit([4]) == 1)
        #expect(LinkMap.balancedSplit([]) == 0)
    }
}

/// The focus box broke a long name across lines ("Municipalis" over "m") between 40 and 63
/// columns (QA 13a): a word wider than the box is cut with "…".
@Suite("The link map's focus box")
struct LinkMapFocusBoxTests {
    @Test(arguments: [40, 50, 60, 63])
    func aLongWordIsCutNotBroken(width: Int) throws {
        let municipalism = try #require(bundledModel.items.first { $0.name == "Municipalism" })
        let map = LinkMap(model: bundledModel, focus: municipalism.id)
        let layout = try #require(map.layout(in: Rect(x: 0, y: 0, width: width, height: 23), selected: nil))
        #expect(layout.labelLines.count == 1, "\(layout.labelLines)")
        #expect(layout.labelLines[0].hasPrefix("Municipa") && (layout.labelLines[0] == "Municipalism" || layout.labelLines[0].hasSuffix("…")),
                "\(layout.labelLines)")
    }
}

/// The legend always explained `·c`, `·d` and `×N`, while at 120 columns and more the nodes
/// spell their tags out (`related · curated`) and Municipalism's have no count (QA 17a): it
/// explains what is drawn.
@Suite("The link map's legend")
struct LinkMapLegendTests {
    func legend(_ buffer: CellBuffer) -> String? {
        buffer.text.split(separator: "\n").first { $0.contains("direction of the link") }.map(String.init)
    }

    @Test func itExplainsTheShortTagsOnlyWhereTheyAreDrawn() throws {
        let crowded = render(try linkMap("Hub", in: crowdedModel), width: 80, height: 24, selected: nil)
        #expect(crowded.text.contains("theory-of·c") && crowded.text.contains("mentions·d"), "\(crowded.text)")
        let short = try #require(legend(crowded))
        #expect(short.contains("·c curated") && short.contains("·d detected"), "\(short)")
        let map = try linkMap("Municipalism")
        for (width, height) in [(80, 24), (120, 40), (200, 60)] {
            let wide = render(map, width: width, height: height, selected: nil)
            #expect(wide.text.contains("theory-of · curated") && !wide.text.contains("·c"), "\(wide.text)")
            let long = try #require(legend(wide))
            #expect(!long.contains("·c") && !long.contains("·d"), "\(width): \(long)")
        }
        #expect(!short.contains("×N"), "no node of this map is counted: \(short)")
    }

    /// A topic mentioned on two lines of a section: its node is `mentions ×2`, and the legend
    /// says what ×N is, in both forms of the tag.
    @Test func itExplainsACountWhereOneIsDrawn() throws {
        let text = """
            = Counting =

            A short lead.

            == History ==
            Syndicalism grew in the towns.

            Later, syndicalism spread to the ports.

            == See also ==
            - Syndicalism

            """
        let model = try LinkedArticle(article: ArticleParser().parse(bytes: Array(text.utf8), path: "counting.txt"))
        let map = try linkMap("Syndicalism", in: model)
        #expect(map.nodes.contains { $0.count == 2 }, "\(map.nodes)")
        for (width, height) in [(80, 24), (120, 40)] {
            let buffer = render(map, width: width, height: height, selected: nil)
            #expect(buffer.text.contains("×2"), "\(buffer.text)")
            #expect(try #require(legend(buffer)).contains("×N mentioned on N lines"), "\(width)")
        }
    }
}

/// QA 30: at 60 columns two nodes of one box, "Marxism–Leninism" and "Marxism–Leninism–Maoism",
/// were both "Marxism–Lenini…". Labels that cut alike are cut in the middle instead.
@Suite("Link map labels that cut alike")
struct LinkMapLabelCutTests {
    @Test func labelsThatCutAlikeKeepTheirEnds() {
        #expect("Marxism–Leninism".truncatedInTheMiddle(toWidth: 15) == "Marxism…eninism")
        #expect("Marxism–Leninism–Maoism".truncatedInTheMiddle(toWidth: 15) == "Marxism…–Maoism")
        #expect("short".truncatedInTheMiddle(toWidth: 15) == "short")
        let shown = LinkMap.toldApart([(0, "Marxism–Leninism", "Marxism–Lenini…"), (1, "Marxism–Leninism–Maoism", "Marxism–Lenini…"),
                                       (2, "Prefigurative politics", "Prefigurative…"), (3, "Anarchism", "Anarchism")])
        #expect(shown == [0: "Marxism…eninism", 1: "Marxism…–Maoism", 2: "Prefigurative…", 3: "Anarchism"])
        // QA 31: the halfway cut made these alike; the cut moves until it tells them apart.
        let korea = LinkMap.toldApart([(0, "Communist Workers' Party of North Korea", "Communist Work…"),
                                       (1, "Communist Workers' Party of South Korea", "Communist Work…")])
        #expect(korea[0] != korea[1] && korea[0]?.displayWidth == 15, "\(korea)")
        #expect(korea[0] == "Commu…rth Korea" && korea[1] == "Commu…uth Korea", "\(korea)")
        // QA 32: labels that differ in their middle are cut around where they differ.
        let regions = ["North", "South", "East"].map { "Workers Party of the \($0) Region of the Korean Peninsula" }
            + ["Workers Party of the Korean Peninsula"]
        let middle = LinkMap.toldApart(regions.enumerated().map { ($0.offset, $0.element, "Workers Pa…") })
        #expect(Set(middle.values).count == 4, "\(middle)")
        #expect(middle[0] == "…e North R…" && middle[3] == "…e Korean…", "\(middle)")
        #expect(middle.values.allSatisfy { $0.displayWidth <= 11 }, "\(middle)")
    }

    @Test func theMapAtSixtyColumnsTellsThemApart() {
        let explorer = makeExplorer()
        let state = explorer.press(explorer.initialState(size: Size(width: 60, height: 20)), .character("1"), .character("g"), .character("v"))
        let screen = explorer.render(state).text
        #expect(screen.contains("Marxism…eninism") && screen.contains("Marxism…–Maoism"), "\(screen)")
    }
}
