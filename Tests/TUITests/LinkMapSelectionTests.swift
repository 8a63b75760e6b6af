import Content
import Testing
@testable import TUI

/// `v` maps what is picked in the focused pane, as `m` bookmarks it: the item or section of
/// the selected cross-links or backlinks row, or the outline's selected section.
@Suite("The link map of the selected row")
@MainActor
struct LinkMapSelectionTests {
    let explorer = Explorer(model: bundledModel)

    @Test("In the Cross-links pane, v maps the selected item, not the section being read")
    func selectedCrossLink() throws {
        var state = explorer.initialState(size: Size(width: 120, height: 40))
        state = explorer.update(state, .follow(.section(5)))
        state = explorer.update(state, .command(.focusCrossLinks))
        let rows = explorer.rows(of: .crossLinks, state)
        let row = try #require(rows.firstIndex { if case .card? = $0.target { true } else { false } })
        guard case .card(let id)? = rows[row].target else { Issue.record("row \(row) is no card"); return }
        // Bounded: a `j` that stopped moving would otherwise spin here rather than fail.
        for _ in rows.indices where state.crossLinks.selection < row {
            state = explorer.update(state, .command(.moveDown))
        }
        try #require(state.crossLinks.selection == row)
        state = explorer.update(state, .command(.linkMap))
        #expect(state.linkMap?.focus == id)
        #expect(explorer.render(state).text.contains("Link map: \(bundledModel.label(of: id))"))
    }

    @Test("In the reader, v maps what is read; in the outline, the selected section")
    func readerAndOutline() {
        var state = explorer.initialState(size: Size(width: 120, height: 40))
        state = explorer.update(state, .follow(.section(5)))
        #expect(explorer.update(state, .command(.linkMap)).linkMap?.focus == explorer.currentNode(state))
        state = explorer.update(state, .command(.focusOutline))
        state = explorer.update(state, .command(.moveDown))
        let selected = bundledModel.article.sections[state.outline.selectedSection].id
        #expect(explorer.update(state, .command(.linkMap)).linkMap?.focus == selected)
    }

    /// QA: on a folder's "Other articles" backlink row, v mapped the section behind it.
    @Test("On another article's backlink row, v says it is another article and maps nothing")
    func anotherArticlesRow() throws {
        let folderExplorer = Explorer(model: bundledModel, neighbours: Neighbours(incoming: [(article: "Anarchism", topic: "Dual power")],
                                                                                     titles: ["Dual power", "Anarchism"]))
        var state = folderExplorer.initialState(size: Size(width: 120, height: 40))
        state = folderExplorer.update(state, .command(.focusBacklinks))
        let rows = folderExplorer.rows(of: .backlinks, state)
        let row = try #require(rows.firstIndex { $0.target == .seeAlsoEntry(article: "Anarchism", name: "Dual power") })
        while state.backlinks.selection < row { state = folderExplorer.update(state, .command(.moveDown)) }
        state = folderExplorer.update(state, .command(.linkMap))
        #expect(state.linkMap == nil)
        #expect(state.notice == "“Anarchism” is another article: Enter opens it.")
    }
}
