import Content
import ExplorerTestSupport
import Testing
@testable import TUI

/// An unfocused list pane keeps showing its selection, on the `selectionInactive` band, as
/// lazygit and mutt's sidebar do: after Tab to the reader, the row Enter or `d` will act on
/// is still marked. Before, only the focused pane drew its selection.
@MainActor
@Suite("The selection of an unfocused pane")
struct InactiveSelectionTests {
    let explorer = Explorer(model: bundledModel, bookmarks: true)
    let size = Size(width: 120, height: 40)

    func run(_ state: AppState, _ commands: Command..., explorer: Explorer? = nil) -> AppState {
        let explorer = explorer ?? self.explorer
        return commands.reduce(state) { explorer.update($0, .command($1)) }
    }

    /// How each screen row of `pane` is marked: by the focused selection's role, by the
    /// inactive one's (as the role or laid over the row's own), or not at all (nil). A row
    /// counts as marked when every cell of it across the pane is.
    func marks(of pane: PaneID, _ state: AppState, _ explorer: Explorer? = nil) throws -> [(y: Int, text: String, mark: ColorRole?)] {
        let explorer = explorer ?? self.explorer
        let rect = try #require(state.layout.rect(of: pane), "\(pane) is shown")
        let screen = explorer.render(state)
        return ((rect.y + 1)..<(rect.y + rect.height)).map { y in
            let cells = (rect.x..<(rect.x + rect.width)).map { screen[$0, y] }
            let text = String(Array(screen.row(y)).dropFirst(rect.x).prefix(rect.width))
            let mark: ColorRole? = if cells.allSatisfy({ $0.style.role == .selection }) {
                .selection
            } else if cells.allSatisfy({ $0.style.role == .selectionInactive || $0.style.overlay == .selectionInactive }) {
                .selectionInactive
            } else {
                nil
            }
            return (y, text, mark)
        }
    }

    /// The one marked row of `pane`, with how it is marked; fails when there is not exactly one.
    func markedRow(of pane: PaneID, _ state: AppState, _ explorer: Explorer? = nil,
                   sourceLocation: SourceLocation = #_sourceLocation) throws -> (y: Int, text: String, mark: ColorRole) {
        let marked = try marks(of: pane, state, explorer).filter { $0.mark != nil }
        try #require(marked.count == 1, "one marked row in \(pane), not \(marked.map(\.text))", sourceLocation: sourceLocation)
        return (marked[0].y, marked[0].text, marked[0].mark!)
    }

    /// The selected row's text, as the pane's rows have it.
    func selectedText(of pane: PaneID, _ state: AppState) -> String {
        let list = state[keyPath: Explorer.listState(of: pane)]
        return explorer.rows(of: pane, state)[list.selection].spans.map(\.text).joined()
    }

    @Test("Cross-links and backlinks: the row moved to stays marked, inactive, after 2; focused again, it is the selection",
          arguments: [(PaneID.crossLinks, Command.focusCrossLinks), (.backlinks, .focusBacklinks)])
    func listPane(pane: PaneID, focus: Command) throws {
        var state = explorer.update(explorer.initialState(size: size), .follow(.item("strategy:municipalism")))
        state = run(state, focus, .moveDown)
        let selected = selectedText(of: pane, state)
        #expect(state[keyPath: Explorer.listState(of: pane)].selection > 1, "moved off the first entry")
        let focused = try markedRow(of: pane, state)
        #expect(focused.mark == .selection && focused.text.contains(selected))

        state = run(state, .focusReader)
        let inactive = try markedRow(of: pane, state)
        #expect(inactive.mark == .selectionInactive, "still marked, dimmed: \(inactive.text)")
        #expect(inactive.y == focused.y && inactive.text.contains(selected))
        // The row keeps its own styles under the band: the arrow is still dim, and the dark
        // theme draws it on the band's grey.
        let screen = explorer.render(state)
        let rect = try #require(state.layout.rect(of: pane))
        let arrow = try #require((rect.x..<(rect.x + rect.width)).first { screen[$0, inactive.y].text == "←" })
        let style = screen[arrow, inactive.y].style
        #expect(style.role == .dim && style.overlay == .selectionInactive)
        #expect(Theme.dark.appearance(for: style).background == Theme.dark.appearances[.selectionInactive]?.background)

        state = run(state, focus)
        let again = try markedRow(of: pane, state)
        #expect(again.mark == .selection && again.y == focused.y)
    }

    @Test("Bookmarks: the bookmark d would delete stays marked after 2, its ★ in its own colour")
    func bookmarksPane() throws {
        let service = FakeBookmarks()
        let runner = ExplorerSession(explorer: explorer, service: service)
        func press(_ state: AppState, _ keys: Key...) -> AppState {
            keys.reduce(state) { runner.apply(explorer.action(for: .key($1), in: $0), to: $0) }
        }
        var state = runner.startUp(explorer.initialState(size: size), start: .section(2), restore: true)
        state = press(state, .character("m"))
        state = runner.apply(.follow(.section(7)), to: state)
        state = press(state, .character("m"), .character("'"), .down)
        let highlighted = try #require(explorer.selectedBookmark(state))
        #expect(highlighted.section == 2)
        let focused = try markedRow(of: .bookmarks, state)
        #expect(focused.mark == .selection && focused.text.contains(highlighted.path))

        state = press(state, .character("2"))
        #expect(state.focus == .reader)
        let inactive = try markedRow(of: .bookmarks, state)
        #expect(inactive.mark == .selectionInactive && inactive.y == focused.y && inactive.text.contains(highlighted.path))
        let screen = explorer.render(state)
        let rect = try #require(state.layout.rect(of: .bookmarks))
        let star = try #require((rect.x..<(rect.x + rect.width)).first { screen[$0, inactive.y].text == "★" })
        let appearance = Theme.dark.appearance(for: screen[star, inactive.y].style)
        #expect(appearance.foreground == .yellow && appearance.bold, "the ★ keeps its colour")
        #expect(appearance.background == Theme.dark.appearances[.selectionInactive]?.background, "on the band")
        #expect(explorer.selectedBookmark(state)?.id == highlighted.id, "what the mark shows is what d acts on")
    }

    @Test("The outline: the section being read is marked by its own style, the band only where that style is not shown")
    func outline() throws {
        let model = try LinkedArticle(article: ArticleParser().parse("""
            = Nested =
            Lead.

            == A ==
            a
            === A1 ===
            a1
            === A2 ===
            a2
            == B ==
            b
            """, path: "nested.txt"))
        let explorer = Explorer(model: model)
        var state = explorer.update(explorer.initialState(size: size), .follow(.section(3)))
        #expect(explorer.currentSection(state) == 3)
        #expect(try marks(of: .outline, state, explorer).allSatisfy { $0.mark == nil }, "unfocused, the current style alone marks A2")

        state = run(state, .focusOutline, explorer: explorer)
        #expect(try markedRow(of: .outline, state, explorer).mark == .selection)
        // h goes to the parent, A; h again collapses it, hiding A2, which is still read: A stands
        // in for it, in the style of the section being read, focused or not (QA 41: focused,
        // with the selection elsewhere, nothing marked it).
        state = run(state, .collapse, .collapse, explorer: explorer)
        #expect(state.outline.collapsed == [1] && state.outline.selectedSection == 1)
        #expect(explorer.currentSection(state) == 3)
        func readingRows(_ state: AppState) -> [String] {
            PaneRows.outline(model, collapsed: state.outline.collapsed, current: explorer.currentSection(state))
                .filter { $0.row.spans.contains { $0.style.role == .heading1 } }.map { $0.row.spans.map(\.text).joined() }
        }
        #expect(readingRows(state) == ["▸ A"])
        state = run(state, .moveUp, explorer: explorer)
        #expect(state.outline.selectedSection == 0 && readingRows(state) == ["▸ A"], "the selection on the title, A is still marked")
        state = run(state, .moveDown, .focusReader, explorer: explorer)
        #expect(readingRows(state) == ["▸ A"])
        #expect(try marks(of: .outline, state, explorer).allSatisfy { $0.mark == nil }, "unfocused, the style alone marks A, as it marked A2")
    }

    @Test("Themes: the inactive selection differs from the focused one, a match and a heading; mono underlines it")
    func themes() {
        for theme in [Theme.dark, .light, .mono] {
            let inactive = theme.appearance(for: Style(.selectionInactive))
            for other in [ColorRole.selection, .match, .heading1, .heading2, .title] {
                #expect(inactive != theme.appearance(for: Style(other)), "\(theme.name): \(other)")
            }
            #expect(!inactive.bold, "\(theme.name): not bold")
        }
        #expect(Theme.mono.appearance(for: Style(.selectionInactive)) == Appearance(underline: true))
        // Laid over a row, it keeps the row's emphasis and adds its own.
        #expect(Theme.mono.appearance(for: Style(.bookmark, bold: true, overlay: .selectionInactive)) == Appearance(bold: true, underline: true))
        for theme in [Theme.dark, .light] {
            let band = theme.appearances[.selectionInactive]!
            #expect(band.background != .default && band.foreground != .default, "\(theme.name): colours of its own, whatever the terminal's")
            // Plain text takes the band's colours; coloured text keeps its colour on the band.
            #expect(theme.appearance(for: Style(.normal, overlay: .selectionInactive)) == band)
            let link = theme.appearance(for: Style(.link, overlay: .selectionInactive))
            #expect(link.foreground == theme.appearances[.link]!.foreground && link.background == band.background)
        }
    }
}
