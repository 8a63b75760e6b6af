import Content
import Testing
@testable import TUI

/// Ctrl-D and Ctrl-U scroll half a screen, as in less and vim (QA found them unbound): the
/// reader by half its text height, a list pane's selection by half its height. The keys are
/// read by a prompt or the finder first, where they keep readline's meaning.
@Suite("Half-page scrolling")
struct HalfPageTests: KeyDriven {
    let explorer = Explorer(model: bundledModel, bookmarks: true)
    let size = Size(width: 120, height: 40)

    var start: AppState { explorer.initialState(size: size) }

    @Test func theReaderScrollsHalfItsTextHeight() {
        let half = explorer.readerTextRect(start).height / 2
        let down = press(start, .control("d"))
        #expect(explorer.readerTopLine(down) == half)
        #expect(down.notice == nil)
        #expect(explorer.readerTopLine(press(down, .control("d"))) == 2 * half)
        #expect(explorer.readerTopLine(press(down, .control("u"))) == 0)
        // Scrolling is no jump: nothing to go back to.
        #expect(press(down, .control("d")).history.back.isEmpty)
    }

    /// As the page keys do, and as less shows (END).
    @Test func atTheEndsTheyDoNothingAndSaySo() {
        #expect(press(start, .control("u")).notice == "Already at the top.")
        let bottom = press(start, "G")
        let stuck = press(bottom, .control("d"))
        #expect(stuck.notice == "Already at the end.")
        #expect(explorer.readerTopLine(stuck) == explorer.readerTopLine(bottom))
    }

    /// An outline longer than its pane: the selection moves half the pane's height.
    @Test func theOutlineMovesItsSelectionHalfItsHeight() throws {
        let text = "= Many =\nLead.\n" + (1...80).map { "\n== Part \($0) ==\nText \($0).\n" }.joined()
        let many = Explorer(model: try LinkedArticle(article: ArticleParser().parse(text, path: "many.txt")))
        var state = many.initialState(size: size)
        func key(_ key: Key) { state = many.update(state, many.action(for: .key(key), in: state)) }
        key(.character("1"))
        let half = many.contentHeight(of: .outline, state) / 2
        key(.control("d"))
        #expect(state.outline.selectedSection == half)
        key(.control("d"))
        #expect(state.outline.selectedSection == 2 * half)
        key(.control("u"))
        #expect(state.outline.selectedSection == half)
        #expect(many.readerTopLine(state) == 0, "the reader does not move")
    }

    @Test func aListPaneMovesItsSelectionHalfItsHeight() throws {
        // The section with the most cross-links.
        let busiest = try #require(bundledModel.article.sections.indices.max {
            bundledModel.graph.links(touching: bundledModel.article.sections[$0].id).count
                < bundledModel.graph.links(touching: bundledModel.article.sections[$1].id).count
        })
        let state = press(explorer.update(start, .follow(.section(busiest))), "3")
        // Half the pane's lines on screen, not rows: an entry takes several (ListPagingTests).
        let (rows, layout) = explorer.laidOutRows(of: .crossLinks, state)
        let half = explorer.contentHeight(of: .crossLinks, state) / 2
        let from = layout.rowStart[state.crossLinks.selection]
        let down = press(state, .control("d"))
        let to = layout.rowStart[down.crossLinks.selection]
        #expect(to > from && to <= from + half)
        #expect(rows[down.crossLinks.selection].isSelectable)
        #expect(press(down, .control("u")).crossLinks.selection == state.crossLinks.selection)
        #expect(explorer.readerTopLine(down) == explorer.readerTopLine(state), "the reader does not move")
    }

    /// The prompts and the finder read keys first: Ctrl-D deletes the character under the
    /// cursor and Ctrl-U what is before it, as in readline, and the reader stays put.
    @Test func inPromptsTheyKeepTheirReadlineMeaning() {
        var search = press(press(start, "/"), "soviet")
        search = press(search, .left, .left, .left, .control("d"))
        #expect(search.prompt?.text == "sovet")
        search = press(search, .control("u"))
        #expect(search.prompt?.text == "et")
        var finder = press(press(start, ":"), "octobre")
        finder = press(finder, .left, .control("d"))
        #expect(finder.finder?.query == "octobr")
        finder = press(finder, .control("u"))
        #expect(finder.finder?.query == "")
        #expect(finder.finder != nil && explorer.readerTopLine(finder) == 0)
        // …while outside them they scroll.
        #expect(explorer.readerTopLine(press(start, .control("d"))) > 0)
    }

    /// The help scrolls half its box; the link map, whose page is a group, moves a group (and
    /// so do `}` and `{` there).
    @Test func theHelpAndTheLinkMap() {
        let help = press(explorer.initialState(size: Size(width: 80, height: 24)), "?")
        let visible = explorer.helpLayout(help).visibleLines
        #expect(press(help, .control("d")).helpTop == visible / 2)
        #expect(press(help, .control("d"), .control("u")).helpTop == 0)
        let map = press(start, "v")
        #expect(map.linkMap != nil && press(map, .pageDown).linkMap != map.linkMap)
        #expect(press(map, .control("d")).linkMap == press(map, .pageDown).linkMap)
        #expect(press(map, .pageDown, .control("u")).linkMap == map.linkMap)
        #expect(press(map, "}").linkMap == press(map, .pageDown).linkMap)
        #expect(press(press(map, .pageDown), "{").linkMap == map.linkMap)
    }
}
