import Content
import Testing
@testable import TUI

/// The jump path names a topic's card as the breadcrumb does, "topic: Anarchism": it read
/// "Anarchism" as the place in the article with Anarchism selected does, and a card followed
/// back to that place showed "… → Anarchism → Anarchism" (QA 17).
@Suite("The jump path's card steps")
struct JumpPathCardTests {
    let title = bundledModel.article.title
    let size = Size(width: 120, height: 40)

    func cardThenItsMention(_ explorer: Explorer) -> AppState {
        var state = explorer.update(explorer.initialState(size: size), .follow(.card("see-also:anarchism")))
        state = explorer.press(state, .character("]"), .enter)
        #expect(state.reader.content == .article)
        return state
    }

    @Test func aCardStepReadsAsTheBreadcrumbNamesIt() {
        let explorer = makeExplorer()
        let state = cardThenItsMention(explorer)
        let path = explorer.jumpPath(state)
        #expect(path.count == 3)
        #expect(path[1] == "topic: Anarchism")
        #expect(path[2] != path[1])
    }

    /// In a folder, with the article it is in, as every step there.
    @Test func inAFolderWithItsArticle() {
        let explorer = Explorer(model: bundledModel, neighbours: Neighbours(titles: [title, "Other"]))
        let path = explorer.jumpPath(cardThenItsMention(explorer))
        #expect(path.count == 3)
        #expect(path[1] == "\(title) › topic: Anarchism")
    }

    /// The panes keep naming the node alone: "Cross-links: Anarchism".
    @Test func thePaneTitlesAreUnchanged() {
        let explorer = makeExplorer()
        let card = explorer.update(explorer.initialState(size: size), .follow(.card("see-also:anarchism")))
        #expect(explorer.label(of: card) == "Anarchism")
    }
}
