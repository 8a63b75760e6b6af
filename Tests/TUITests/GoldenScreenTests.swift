import Content
import Testing
@testable import TUI

@Suite("Golden screens")
struct GoldenScreenTests {
    let explorer = makeExplorer()

    @Test func startAt80x24() throws {
        try expectGolden(explorer.render(explorer.initialState(size: Size(width: 80, height: 24))), "start-80x24")
    }

    @Test func startAt200x60() throws {
        try expectGolden(explorer.render(explorer.initialState(size: Size(width: 200, height: 60))), "start-200x60")
    }

    @Test func strategiesWithSelectionAt200x60() throws {
        var state = explorer.initialState(size: Size(width: 200, height: 60))
        state = explorer.update(state, .follow(.item("strategy:municipalism")))
        try expectGolden(explorer.render(state), "municipalism-200x60")
    }

    @Test func topicCardAt80x24() throws {
        var state = explorer.initialState(size: Size(width: 80, height: 24))
        state = explorer.update(state, .follow(.card("see-also:communalism-bookchin")))
        try expectGolden(explorer.render(state), "card-communalism-80x24")
    }

    @Test func helpAt80x24() throws {
        let state = explorer.press(explorer.initialState(size: Size(width: 80, height: 24)), .character("?"))
        try expectGolden(explorer.render(state), "help-80x24")
    }

    @Test func tooSmall() throws {
        try expectGolden(explorer.render(explorer.initialState(size: Size(width: 39, height: 11))), "too-small-39x11")
    }

    /// Hostile text never puts a control character into a cell, at any width.
    @Test func hostileArticleRendersOnlySafeCells() throws {
        let text = "= Evil \u{1B}]0;owned\u{07} =\n\nLead \u{1B}[2J text \u{9B}31m and \u{202E}reversed\u{202C}, CR\rand BS\u{08}.\n\n== See also ==\n- Ev\u{1B}]52;c;aGk=\u{07}il\n- Tab\there\n"
        let model = try LinkedArticle(article: ArticleParser().parse(text, path: "evil.txt"))
        let explorer = Explorer(model: model)
        for size in [Size(width: 80, height: 24), Size(width: 200, height: 60), Size(width: 50, height: 14)] {
            var state = explorer.initialState(size: size)
            for _ in 0..<3 {
                let buffer = explorer.render(state)
                for y in 0..<buffer.height {
                    for x in 0..<buffer.width {
                        #expect(!buffer[x, y].text.unicodeScalars.contains(where: TextSafety.isUnsafe), "cell \(x),\(y) at \(size)")
                    }
                }
                state = explorer.press(state, .tab)
            }
        }
    }
}
