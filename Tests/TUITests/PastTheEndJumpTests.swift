import Content
import Testing
@testable import TUI

/// A jump to a short last section puts its heading at the top, as vim's `zt` and less's
/// jumps do, leaving the lines above it hidden (QA 17: `--section Mathematics` showed "All",
/// and `k` then `j` did not come back to the view the jump had shown).
@Suite("Views past the end")
struct PastTheEndJumpTests: KeyDriven {
    static let delta: LinkedArticle = {
        let text = """
        = Delta =
        Delta is the fourth letter. It follows Gamma.

        == Geography ==
        A river delta is shaped like the letter. The Nile delta is the best known.

        == Mathematics ==
        Delta means change. Alpha and Beta are also used as variable names.

        == See also ==
        - Alpha
        - Gamma
        - Lambda calculus
        """
        do { return try LinkedArticle(article: ArticleParser().parse(text, path: "delta.txt")) } catch { fatalError("\(error)") }
    }()

    let explorer = Explorer(model: delta)
    var mathematics: Int { Self.delta.article.sections.firstIndex { $0.title == "Mathematics" }! }

    func jumped(_ size: Size) -> AppState {
        explorer.update(explorer.initialState(size: size), .follow(.section(mathematics)))
    }

    /// As vim says it: "All" only when the first line and the last are both on screen.
    @Test(arguments: [Size(width: 120, height: 40), Size(width: 60, height: 20)])
    func theTopHiddenIsNotAll(size: Size) {
        let state = jumped(size)
        #expect(explorer.readerTopLine(state) > 0)
        #expect(explorer.position(state) == "Bot")
    }

    @Test func theWholeArticleOnScreenIsAll() {
        #expect(explorer.position(explorer.initialState(size: Size(width: 120, height: 40))) == "All")
    }

    /// The jump may show what scrolling does not reach, as less's and vim's jumps do; scrolling
    /// up from there and down again comes back to it, and no further.
    @Test(arguments: [Size(width: 120, height: 40), Size(width: 60, height: 20)])
    func scrollingDownComesBackToTheJumpsView(size: Size) {
        let state = jumped(size)
        let jumpedTop = explorer.readerTopLine(state)
        let up = press(state, "kk")
        #expect(explorer.readerTopLine(up) == jumpedTop - 2)
        #expect(explorer.readerTopLine(press(up, "j")) == jumpedTop - 1)
        #expect(explorer.readerTopLine(press(up, "jj")) == jumpedTop)
        #expect(explorer.readerTopLine(press(up, "jjj")) == jumpedTop, "no further than the jump went")
        #expect(explorer.readerTopLine(press(up, " ")) == jumpedTop)
        #expect(press(state, " ").notice == "Already at the end.")
        // G is the end scrolling reaches: from there, j stays.
        let bottom = press(state, "G")
        #expect(explorer.readerTopLine(bottom) < jumpedTop)
        #expect(explorer.readerTopLine(press(bottom, "j")) == explorer.readerTopLine(bottom))
    }
}
