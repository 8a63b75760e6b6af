import Content
import Testing
@testable import TUI

/// A search match inside the selected cross-reference (QA 23, under NO_COLOR): the current
/// match was drawn as the link is, bold, underlined and reversed, so it could not be told
/// apart; after `n` moved on, the match left behind cut the reversed link in two. The current
/// match is the one part of the link not reversed, and another match stays part of it.
@Suite("A match inside the selected cross-reference")
struct MatchInSelectionTests: KeyDriven {
    let explorer: Explorer

    init() throws {
        let text = "= T =\n\nThe Paris Commune was a commune. Another commune here.\n\n== See also ==\n- Paris Commune\n"
        explorer = Explorer(model: try LinkedArticle(article: ArticleParser().parse(text)))
    }

    /// The styles of the cells of the reader's first "Paris Commune", from its "P".
    func linkCells(_ state: AppState) throws -> [Style] {
        let screen = explorer.render(state)
        let text = explorer.readerTextRect(state)
        func line(_ y: Int) -> String { String(Array(screen.row(y)).dropFirst(text.x).prefix(text.width)) }
        let y = try #require((text.y..<(text.y + text.height)).first { line($0).contains("Paris Commune") })
        let x = text.x + (try #require(Array(line(y)).firstIndex(of: "P")))
        return (x..<(x + "Paris Commune".count)).map { screen[$0, y].style }
    }

    @Test func theCurrentMatchStandsOutAndAnotherStaysPartOfTheLink() throws {
        let found = search("commune", explorer.initialState(size: Size(width: 100, height: 20)))
        try #require(found.search?.current == 0 && found.reader.selectedReference == 0, "the first match is in the selected link")
        let cells = try linkCells(found)
        #expect(cells.prefix(6).allSatisfy { $0.role == .linkSelected }, "Paris")
        #expect(cells.suffix(7).allSatisfy { $0.role == .match && !$0.reverse && $0.bold }, "Commune, the current match: \(cells.suffix(7))")
        let theme = Theme.mono
        #expect(theme.appearance(for: cells[0]) != theme.appearance(for: cells[7]), "told apart without colour")

        let next = press(found, "n")
        try #require(next.search?.current == 1 && next.reader.selectedReference == 0, "the next match is outside the link, still selected")
        #expect(try linkCells(next).allSatisfy { $0.role == .linkSelected }, "the link is one band again")
        // The selected link and the current match, now outside it, are told apart without
        // colour too (QA 28: both bold, underlined and reversed).
        let screen = explorer.render(next)
        let drawn = (0..<screen.height).flatMap { y in (0..<screen.width).map { screen[$0, y] } }
        let current = try #require(drawn.first { $0.style.role == .match && $0.style.reverse }, "the current match is drawn")
        #expect(theme.appearance(for: try linkCells(next)[0]) != theme.appearance(for: current.style))
    }
}
