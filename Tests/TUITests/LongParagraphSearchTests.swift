import Content
import Testing
@testable import TUI

/// n and N in a paragraph of hundreds of kilobytes. Finding a match's line walked every line
/// of its block, and once the view had moved (G, a page) n and N found the line of every
/// match: matches times lines, 85 seconds for N after G in 300 KB of "ee ".
@Suite("n and N in a long paragraph")
struct LongParagraphSearchTests: KeyDriven {
    /// One paragraph of 600 KB, 200,000 matches of "ee": minutes before, a second now.
    static let model: LinkedArticle = {
        let text = "= Long =\n\n" + String(repeating: "ee ", count: 200_000) + "\n"
        do { return try LinkedArticle(article: ArticleParser().parse(text, path: "long.txt")) } catch { fatalError("\(error)") }
    }()

    let explorer = Explorer(model: LongParagraphSearchTests.model)

    var searched: AppState { search("ee", explorer.initialState(size: Size(width: 100, height: 30))) }

    @Test(.timeLimit(.minutes(1)))
    func nBackwardAfterGoingToTheEndGivesTheLastMatch() throws {
        var state = searched
        let count = try #require(state.search).matches.count
        #expect(count == 200_000)
        state = press(state, "GN")
        #expect(state.search?.current == count - 1)
        #expect(state.notice == nil)
        #expect(statusBar(state).contains("match 200000/200000"))
    }

    /// Forward from the view's top, as less does: the first match on the last screen.
    @Test(.timeLimit(.minutes(1)))
    func nForwardAfterGoingToTheEndGivesTheFirstMatchOnScreen() throws {
        var state = press(searched, "G")
        let top = explorer.readerTopLine(state)
        #expect(top > 0)
        state = press(state, "n")
        // Every match is 3 bytes after the one before: the top line's first is its offset / 3.
        #expect(state.search?.current == explorer.readerLayout(state).lines[top].offset / 3)
        #expect(state.notice == nil)
        #expect(explorer.readerTopLine(state) == top, "the match is on screen: the view stays")
    }
}
