import ExplorerTestSupport
import Testing
@testable import TUI

/// QA 14d: every pane added `reverse` to the selection's role, so the light theme's white on
/// blue came out blue on palette white (#e5e5e5), as pale on a white terminal as the unfocused
/// band; and the themes' search match was reversed, yellow text on palette black, which on a
/// black terminal is no band. The cells as drawn, resolved through each theme, say what the
/// theme says: white on blue, bold, for the focused selection; black on yellow for a match.
@MainActor
@Suite("Selections and matches are drawn in their roles' colours")
struct SelectionColourTests: KeyDriven {
    let explorer = makeExplorer()
    let size = Size(width: 120, height: 40)

    /// The appearance of every cell of row `y` from `x` for `width` columns, under `theme`.
    func appearances(_ buffer: CellBuffer, y: Int, x: Int, width: Int, theme: Theme) -> [Appearance] {
        (x..<(x + width)).map { theme.appearance(for: buffer[$0, y].style) }
    }

    /// The screen row of `pane` whose text contains `text`.
    func row(of pane: PaneID, containing text: String, _ buffer: CellBuffer, _ state: AppState) throws -> (y: Int, rect: Rect) {
        let rect = try #require(state.layout.rect(of: pane))
        let y = try #require(((rect.y + 1)..<rect.maxY).first { y in
            String(Array(buffer.row(y)).dropFirst(rect.x).prefix(rect.width)).contains(text)
        }, "\(text) in \(pane)")
        return (y, rect)
    }

    @Test("The focused selection is white on blue and bold across its row, not reversed; the unfocused band is the grey",
          arguments: ["dark", "light"])
    func focusedSelection(name: String) throws {
        let theme = try #require(Theme.named(name))
        // `1` `j`: the outline focused on Background; the cross-links keep their first entry on the band.
        let state = press(explorer.initialState(size: size), "1j")
        let buffer = explorer.render(state)
        let (y, rect) = try row(of: .outline, containing: "Background", buffer, state)
        let cells = appearances(buffer, y: y, x: rect.x, width: rect.width, theme: theme)
        #expect(cells.allSatisfy { $0.foreground == .white && $0.background == .blue && !$0.reverse }, "\(name): \(Set(cells))")
        let text = try #require(String(Array(buffer.row(y)).dropFirst(rect.x)).range(of: "Background"))
        #expect(cells[String(Array(buffer.row(y)).dropFirst(rect.x))[..<text.lowerBound].count].bold, "the name is bold")

        // The unfocused cross-links' selected row: its band is the grey, the focused one's blue never.
        let crossLinks = try #require(state.layout.rect(of: .crossLinks))
        let band = try #require(theme.appearances[.selectionInactive]?.background)
        let banded = ((crossLinks.y + 1)..<crossLinks.maxY).filter { y in
            appearances(buffer, y: y, x: crossLinks.x, width: crossLinks.width, theme: theme).allSatisfy { $0.background == band }
        }
        #expect(banded.count == 1, "\(name): one row on the band")
    }

    @Test("The finder's and the link map's selected rows are white on blue, not reversed", arguments: ["dark", "light"])
    func overlays(name: String) throws {
        let theme = try #require(Theme.named(name))
        let start = explorer.initialState(size: size)
        for keys in [":", "v"] {
            let state = press(start, keys)
            let buffer = explorer.render(state)
            let selected = (0..<size.height).flatMap { y in (0..<size.width).map { buffer[$0, y] } }
                .filter { $0.style.role == .selection }
            #expect(!selected.isEmpty, "\(keys): a selected row")
            let drawn = Set(selected.map { theme.appearance(for: $0.style) })
            #expect(drawn.allSatisfy { $0.foreground == .white && $0.background == .blue && !$0.reverse }, "\(keys), \(name): \(drawn)")
        }
    }

    /// The mistake, looked for in every role: a role that names both its text colour and its
    /// band and is reversed shows its text colour as the band. Fitted to 8, 16 and 256 colours.
    @Test("No role of a colour theme reverses a band it names", arguments: ["dark", "light"])
    func noReversedBands(name: String) throws {
        let theme = try #require(Theme.named(name))
        for colors in [8, 16, 256] {
            let fitted = theme.fitted(to: TerminalPalette(colorCount: colors, hasDefaultColors: true))
            for role in ColorRole.allCases {
                let appearance = fitted.appearance(for: Style(role))
                #expect(!(appearance.reverse && appearance.foreground != .default && appearance.background != .default),
                        "\(name).\(role), \(colors) colours: \(appearance)")
            }
        }
    }

    /// A reversed role's band is its foreground: a grey there hides as a grey background does.
    @Test("fitted(to:) underlines a reversed role whose band the palette lacks")
    func fittedReversedRole() {
        var theme = Theme.dark
        theme.appearances[.match] = Appearance(foreground: .indexed(238), reverse: true)
        let fitted = theme.fitted(to: TerminalPalette(colorCount: 8, hasDefaultColors: true))
        #expect(fitted.appearance(for: Style(.match)).underline)
        #expect(theme.fitted(to: TerminalPalette(colorCount: 256, hasDefaultColors: true)) == theme)
    }

    /// QA 23: `link = "grey"` (also `bright-black`, 240) under TERM=linux was drawn black, on
    /// the console's black: the links vanished. A text colour the palette lacks that comes out
    /// black or white is the terminal's own text colour, faint for a dark grey.
    @Test("fitted(to:) gives a text colour that would come out black or white the terminal's own")
    func fittedTextColour() {
        var theme = Theme.dark
        theme.appearances[.link] = Appearance(foreground: .indexed(240), underline: true)
        theme.appearances[.heading2] = Appearance(foreground: .brightBlack, bold: true)
        theme.appearances[.dim] = Appearance(foreground: .indexed(252))
        theme.appearances[.notice] = Appearance(foreground: .indexed(196))
        for colors in [8, 16] {
            let fitted = theme.fitted(to: TerminalPalette(colorCount: colors, hasDefaultColors: true))
            #expect(fitted.appearance(for: Style(.link)) == Appearance(foreground: .default, underline: true, dim: true), "\(colors) colours")
            #expect(fitted.appearance(for: Style(.dim)) == Appearance(foreground: .default), "a light grey: plain")
            #expect(fitted.appearance(for: Style(.notice)) == theme.appearances[.notice], "a red comes out red")
            let heading = fitted.appearance(for: Style(.heading2))
            #expect(heading == (colors == 8 ? Appearance(foreground: .default, bold: true, dim: true) : theme.appearances[.heading2]),
                    "bright black is there with 16 colours")
        }
        #expect(theme.fitted(to: TerminalPalette(colorCount: 256, hasDefaultColors: true)) == theme)
    }

    /// QA 24: `match = { bg = "grey" }` over the dark theme's black match text came out black
    /// on black with 8 colours: text and band in the terminal's own colours, underlined.
    @Test("fitted(to:) gives text and band drawn alike the terminal's own colours")
    func fittedTextAndBandAlike() {
        var theme = Theme.dark
        theme.appearances[.match] = Appearance(foreground: .black, background: .indexed(240))
        theme.appearances[.notice] = Appearance(foreground: .white, background: .indexed(250))
        // QA 28: both greys the palette lacks, both drawn white; the text was made the
        // terminal's own before this check, and went unseen on the console's white band.
        theme.appearances[.selectionInactive] = Appearance(foreground: .indexed(250), background: .indexed(252))
        for colors in [8, 16] {
            let fitted = theme.fitted(to: TerminalPalette(colorCount: colors, hasDefaultColors: true))
            for role in [ColorRole.match, .notice, .selectionInactive] {
                let appearance = fitted.appearance(for: Style(role))
                #expect(appearance.foreground == .default && appearance.background == .default && appearance.underline, "\(role), \(colors) colours")
            }
        }
        #expect(theme.fitted(to: TerminalPalette(colorCount: 256, hasDefaultColors: true)) == theme)
        var asked = Theme.dark
        asked.appearances[.match] = Appearance(foreground: .red, background: .red)
        #expect(asked.fitted(to: TerminalPalette(colorCount: 8, hasDefaultColors: true)).appearances[.match] == asked.appearances[.match],
                "both in the palette: the theme's choice")
    }

    /// QA 14d reported the outline's lead row under NO_COLOR as reversed only after its name:
    /// that was tmux's `capture-pane -e`, which carries attributes over from the line above.
    /// The cells themselves are reversed across the row, in every list pane, and the parts
    /// with a style of their own (the current section, a ★, a heading) keep their bold.
    @Test("Mono: a selected row is reversed across its pane, its styled parts still bold")
    func monoSelectedRows() throws {
        let explorer = Explorer(model: bundledModel, bookmarks: true)
        let service = FakeBookmarks()
        let session = ExplorerSession(explorer: explorer, service: service)
        func press(_ state: AppState, _ keys: String) -> AppState {
            keys.reduce(state) { session.apply(explorer.action(for: .key(.character($1)), in: $0), to: $0) }
        }
        var state = session.startUp(explorer.initialState(size: size), start: .section(0), restore: false)
        state = press(state, "m1")
        for (pane, keys) in [(PaneID.outline, ""), (.crossLinks, "3j"), (.backlinks, "4"), (.bookmarks, "'")] {
            state = press(state, keys)
            #expect(state.focus == pane)
            let buffer = explorer.render(state)
            let rect = try #require(state.layout.rect(of: pane))
            let selected = ((rect.y + 1)..<rect.maxY).filter { y in
                (rect.x..<rect.maxX).contains { buffer[$0, y].style.role == .selection }
            }
            #expect(selected.count == 1, "\(pane): one selected row")
            for y in selected {
                let cells = appearances(buffer, y: y, x: rect.x, width: rect.width, theme: .mono)
                #expect(cells.allSatisfy { $0.reverse }, "\(pane): \(buffer.row(y))")
                if pane == .outline { #expect(cells.contains { $0.bold }, "the current section's name stays bold") }
                if pane == .bookmarks {
                    let star = try #require((rect.x..<rect.maxX).first { buffer[$0, y].text == "★" })
                    #expect(Theme.mono.appearance(for: buffer[star, y].style).bold, "the ★ stays bold")
                }
            }
        }
    }
}
