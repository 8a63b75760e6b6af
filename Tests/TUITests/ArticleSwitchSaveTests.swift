import Content
import ExplorerTestSupport
import Foundation
import Testing
@testable import TUI

/// An article switch saves the view of the article left, as every jump does.
@MainActor
@Suite("Saving the article left")
struct ArticleSwitchSaveTests {
    static let otherModel: LinkedArticle = {
        var text = "= Other =\n\n"
        for number in 1...60 { text += "Paragraph \(number) of the other article.\n\n" }
        do { return try LinkedArticle(article: ArticleParser().parse(text, path: "other.txt")) } catch { fatalError("\(error)") }
    }()

    let titles = [bundledModel.article.title, otherModel.article.title]
    let service = FakeBookmarks()

    /// A folder of two articles: Dual power's See-also topic "Diarchy" stands for the other.
    func session() -> ExplorerSession {
        let other = Explorer(model: Self.otherModel, bookmarks: true, neighbours: Neighbours(titles: titles))
        let dualPower = Explorer(model: bundledModel, bookmarks: true,
                                 neighbours: Neighbours(seeAlso: ["see-also:diarchy": "Other"], titles: titles))
        return ExplorerSession(explorer: dualPower, service: service) { $0 == "Other" ? other : nil }
    }

    func press(_ runner: ExplorerSession, _ state: AppState, _ keys: Key...) -> AppState {
        keys.reduce(state) { runner.apply(runner.explorer.action(for: .key($1), in: $0), to: $0) }
    }

    func savedView(of title: String) throws -> ViewSnapshot {
        try JSONDecoder().decode(SessionRecord.self, from: try #require(service.sessions[title])).view
    }

    /// The save of the view left was queued behind the switch, which replaced the state and
    /// dropped it: the article reopened where it had been saved before.
    @Test func followingALinkToAnotherArticleSavesWhereTheFirstWasLeft() throws {
        let runner = session()
        var state = runner.startUp(runner.explorer.initialState(size: Size(width: 120, height: 40)), start: .section(5), restore: true)
        state = press(runner, state, .character("j"), .character("j"), .character("j"))
        let left = state.reader
        state = runner.apply(.follow(.card("see-also:diarchy")), to: state)
        #expect(runner.explorer.model.article.title == "Other")
        #expect(try savedView(of: "Dual power").reader == left)

        // Reopened, Dual power is where it was left.
        let again = ExplorerSession(explorer: Explorer(model: bundledModel, bookmarks: true), service: service)
        let reopened = again.startUp(again.explorer.initialState(size: Size(width: 120, height: 40)), start: nil, restore: true)
        #expect(reopened.reader == left)
    }

    /// QA 32: a card saved where its article was not loaded (the file opened alone), restored
    /// in the folder, said no article of the folder had the title.
    @Test func aCardOfATopicTheFolderHasOffersItsArticle() throws {
        let runner = session()
        let card = runner.explorer.layouts.document(.card(itemID: "see-also:diarchy"))
        let text = card.blocks.map { $0.spans.map(\.text).joined() }.joined(separator: "\n")
        #expect(text.contains("This folder has its article, Other: this card gathers what “Dual power” says about it."), "\(text)")
        #expect(!text.contains("No article of this folder"))
        let open = try #require(card.references.first { $0.target == .article("Other") })
        let state = runner.apply(.follow(open.target), to: runner.explorer.initialState(size: Size(width: 120, height: 40)))
        #expect(runner.explorer.model.article.title == "Other")
        #expect(state.reader.content == .article)
    }

    @Test func goingBackToTheFirstArticleSavesWhereTheOtherWasLeft() throws {
        let runner = session()
        var state = runner.startUp(runner.explorer.initialState(size: Size(width: 120, height: 40)), start: nil, restore: true)
        state = runner.apply(.follow(.card("see-also:diarchy")), to: state)
        state = press(runner, state, .character(" "), .character("j"))
        let left = state.reader
        #expect(runner.explorer.readerTopLine(state) > 0)
        state = press(runner, state, .character("H"))
        #expect(runner.explorer.model.article.title == "Dual power")
        #expect(try savedView(of: "Other").reader == left)
    }
}
