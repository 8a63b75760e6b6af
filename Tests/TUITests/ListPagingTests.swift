import Content
import Testing
@testable import TUI

/// Space, b, Ctrl-D and Ctrl-U in the cross-links pane, whose entries take several lines
/// (a topic's name, its link's type and evidence): a page is what the pane shows, as in less,
/// vim and mutt (QA 17: from Topic01–05 on screen, Space showed Topic07–11, Topic06 never
/// shown; Ctrl-D went from Topic01 to Topic06, a whole pane).
@Suite("Paging a list of tall entries")
struct ListPagingTests: KeyDriven {
    static let long: LinkedArticle = {
        let topics = (1...20).map { String(format: "Topic%02d", $0) }
        let text = "= Long =\nThis lead mentions " + topics.joined(separator: ", ") + ", all of them.\n\n== See also ==\n"
            + topics.map { "- \($0)\n" }.joined()
        do { return try LinkedArticle(article: ArticleParser().parse(text, path: "long.txt")) } catch { fatalError("\(error)") }
    }()

    let explorer = Explorer(model: long)
    var start: AppState { press(explorer.initialState(size: Size(width: 120, height: 40)), "3") }

    /// The topics whose names show in the cross-links pane, top to bottom.
    func shownTopics(_ state: AppState) -> [String] {
        let screen = explorer.render(state)
        return (0..<state.size.height).compactMap { y in
            screen.row(y).firstRange(of: "→ Topic").map { String(screen.row(y)[$0.upperBound...].prefix(2)) }.map { "Topic" + $0 }
        }
    }

    /// The topic of the selected row.
    func selected(_ state: AppState) -> String? {
        let rows = explorer.rows(of: .crossLinks, state)
        guard case .card(let id)? = rows[state.crossLinks.selection].target else { return nil }
        return Self.long.displayName(of: id)
    }

    /// The topics shown whole: the last one on screen may be cut at the pane's bottom.
    func wholeTopics(_ state: AppState) -> [String] {
        let (rows, layout) = explorer.laidOutRows(of: .crossLinks, state)
        let top = state.crossLinks.top, height = explorer.contentHeight(of: .crossLinks, state)
        return rows.indices.filter { row in
            rows[row].isSelectable && layout.rowStart[row] >= layout.rowStart[top]
                && layout.lastLine(ofEntry: row, in: rows) < layout.rowStart[top] + height
        }.compactMap { row in
            guard case .card(let id)? = rows[row].target else { return nil }
            return Self.long.displayName(of: id)
        }
    }

    @Test func spaceShowsEveryEntryAndSelectsTheFirstNotSeenWhole() throws {
        var state = start
        #expect(selected(state) == "Topic01")
        var seen = wholeTopics(state)
        #expect(seen.count >= 2 && seen.count < 20, "several topics a page, not all")
        while true {
            let next = press(state, " ")
            if next.crossLinks == state.crossLinks { break }
            let first = try #require(selected(next))
            // The last page ends with the list's end, as less's last page does.
            #expect(shownTopics(next).first == first || shownTopics(next).last == "Topic20", "the selected topic starts the page")
            #expect(!seen.contains(first), "\(first) was seen whole already")
            #expect(first == String(format: "Topic%02d", seen.count + 1), "no topic skipped after \(seen.last ?? "")")
            seen += wholeTopics(next).filter { !seen.contains($0) }
            state = next
        }
        #expect(seen == (1...20).map { String(format: "Topic%02d", $0) })
        #expect(selected(state) == "Topic20")
    }

    @Test func bGoesBackAPage() {
        let state = start
        let paged = press(state, "  ")
        let back = press(paged, "b")
        #expect(wholeTopics(back).last.map { wholeTopics(paged).first! > $0 } == true)
        #expect(selected(back) == wholeTopics(back).first)
        #expect(selected(press(back, "bbb")) == "Topic01")
    }

    /// Half the pane's height on screen: from Topic01 at the top, to the topic half the pane
    /// down, which was on screen.
    @Test func ctrlDMovesHalfThePaneOnScreen() throws {
        let state = start
        let (rows, layout) = explorer.laidOutRows(of: .crossLinks, state)
        let half = explorer.contentHeight(of: .crossLinks, state) / 2
        let down = press(state, .control("d"))
        let from = layout.rowStart[state.crossLinks.selection], to = layout.rowStart[down.crossLinks.selection]
        #expect(to > from && to <= from + half, "moved \(to - from) lines for half a pane of \(half)")
        #expect(layout.lastLine(ofEntry: down.crossLinks.selection, in: rows) + 1 > from + half, "as far as half a pane goes")
        #expect(wholeTopics(state).contains(try #require(selected(down))), "to a topic that was on screen")
        #expect(down.crossLinks.top == state.crossLinks.top)
        #expect(rows[down.crossLinks.selection].isSelectable)
        #expect(press(down, .control("u")).crossLinks.selection == state.crossLinks.selection)
    }
}
