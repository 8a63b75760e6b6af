import Content
import ExplorerTestSupport
import Testing
@testable import TUI

/// The last search pattern follows you to another article of a folder, as vim keeps it
/// across buffers: n there searches it.
@MainActor
@Suite("The last pattern across articles")
struct SearchAcrossArticlesTests {
    @Test("After /Paragraph in one article, n in the other finds it there")
    func nInTheNextArticle() throws {
        var text = "= Other =\n\n"
        for number in 1...30 { text += "Paragraph \(number) of the other article.\n\n" }
        let otherModel = try LinkedArticle(article: ArticleParser().parse(text, path: "other.txt"))
        let titles = [bundledModel.article.title, otherModel.article.title]
        let other = Explorer(model: otherModel, neighbours: Neighbours(titles: titles))
        let dualPower = Explorer(model: bundledModel, neighbours: Neighbours(seeAlso: ["see-also:diarchy": "Other"], titles: titles))
        let runner = ExplorerSession(explorer: dualPower, service: nil) { $0 == "Other" ? other : nil }

        var state = runner.explorer.initialState(size: Size(width: 120, height: 40))
        for key in "/Paragraph".map(Key.character) + [.enter] {
            state = runner.apply(runner.explorer.action(for: .key(key), in: state), to: state)
        }
        #expect(state.notice == "Not found: Paragraph")
        state = runner.apply(.follow(.card("see-also:diarchy")), to: state)
        #expect(runner.explorer.model.article.title == "Other")
        state = runner.apply(runner.explorer.action(for: .key(.character("n")), in: state), to: state)
        #expect(state.search?.query == "Paragraph")
        #expect(state.search?.matches.count == 30)
    }
}
