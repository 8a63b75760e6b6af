import Testing
@testable import TUI

/// Under NO_COLOR and on monochrome terminals (the mono theme) the current search match looked
/// like every other match: the reader reversed them all, and the theme's bold and underline
/// covered the emphasis that set the current one apart, so all were `ESC[1;4;7m`. Now the
/// other matches are bold and underlined, as the mono theme means them (unlike the reverse of
/// a selection), and the current one is reversed on top; in colour, a match is black on yellow
/// and the current one that reversed.
@Suite("The current search match stands out in every theme")
struct MonoCurrentMatchTests: KeyDriven {
    let explorer = makeExplorer()

    /// The cells of the current match and of the other matches on screen, after `/query`
    /// Enter at 120×40, each with its style.
    func matchCells(_ query: String) throws -> (current: [Style], others: [Style]) {
        let state = search(query, explorer.initialState(size: Size(width: 120, height: 40)))
        let search = try #require(state.search)
        let current = try #require(search.current)
        let layout = explorer.readerLayout(state)
        let text = explorer.readerTextRect(state)
        let row = text.y + layout.line(of: search.matches[current]) - explorer.readerTopLine(state)
        let buffer = explorer.render(state)
        var cells: (current: [Style], others: [Style]) = ([], [])
        for y in text.y..<text.maxY {
            for x in text.x..<text.maxX where buffer[x, y].style.role == .match {
                if y == row { cells.current.append(buffer[x, y].style) } else { cells.others.append(buffer[x, y].style) }
            }
        }
        try #require(cells.current.count == query.count, "the current match alone on its row, unwrapped")
        try #require(cells.others.count >= query.count, "another match on screen")
        return cells
    }

    @Test("Mono: the current match is reversed, the others bold and underlined")
    func mono() throws {
        let cells = try matchCells("Lenin")
        let current = Set(cells.current.map(Theme.mono.appearance(for:)))
        let others = Set(cells.others.map(Theme.mono.appearance(for:)))
        #expect(current.count == 1 && others.count == 1)
        #expect(current != others)
        #expect(current == [Appearance(bold: true, reverse: true, underline: true)])
        #expect(others == [Appearance(bold: true, underline: true)], "not reversed, as a selection is")
    }

    @Test("Colour: the matches are a yellow band, the current one reversed, bold and underlined on it",
          arguments: ["dark", "light"])
    func colour(name: String) throws {
        let theme = try #require(Theme.named(name))
        let cells = try matchCells("Lenin")
        #expect(Set(cells.current.map(theme.appearance(for:)))
            == [Appearance(foreground: .black, background: .yellow, bold: true, reverse: true, underline: true)])
        // Not reversed (QA 14d: yellow text on palette black was no band on a black terminal).
        #expect(Set(cells.others.map(theme.appearance(for:))) == [Appearance(foreground: .black, background: .yellow)])
    }
}
