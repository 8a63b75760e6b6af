import Content
import Testing
@testable import TUI

/// The finder's kind column is coloured as the rest of the explorer colours each kind.
@Suite("Colours of the finder's kinds")
struct FinderKindColourTests {
    let explorer = Explorer(model: bundledModel, bookmarks: true,
                            neighbours: Neighbours(titles: [bundledModel.article.title, "Communalism"]))

    /// The role of the kind column's first cell on the unselected result row naming `title`.
    func kindRole(typing query: String, row title: String) throws -> (kind: String, role: ColorRole) {
        var state = explorer.update(explorer.initialState(size: Size(width: 120, height: 40)), .command(.goTo))
        for character in query { state = explorer.update(state, .promptKey(.character(character))) }
        // Keep the selection off the row, which is drawn in the selection's colours.
        let results = explorer.finderResults(state)
        let index = try #require(results.firstIndex { $0.entry.title == title })
        if index == 0 { state = explorer.update(state, .promptKey(.down)) }
        let finder = try #require(state.finder)
        #expect(finder.selection != index)
        let y = FinderFrame(size: state.size).firstRow + index - finder.top
        let screen = explorer.render(state)
        #expect(screen.row(y).contains(title))
        let row = Array(screen.row(y))
        let x = try #require((21..<100).first { row[$0] != " " && row[$0] != "│" })
        let kind = String(row[x...].prefix { $0 != " " })
        return (kind, screen[x, y].style.role)
    }

    @Test func eachKindHasItsColour() throws {
        #expect(try kindRole(typing: "communalism", row: "Communalism") == ("article", .title), "an article, as the reader's title")
        #expect(try kindRole(typing: "communalism", row: "Communalism (Bookchin)") == ("see-also", .seeAlso))
        #expect(try kindRole(typing: "syndical", row: "Syndicalism") == ("strategy", .strategy))
        #expect(try kindRole(typing: "libya", row: "Libya") == ("example", .example))
        #expect(try kindRole(typing: "syndical", row: "Strategy and ideological concepts") == ("section", .section))
    }
}
