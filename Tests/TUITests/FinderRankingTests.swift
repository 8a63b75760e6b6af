import Content
import Testing
@testable import TUI

/// Equal fuzzy scores: the shorter title first, as fzf breaks ties, so an exact name is not
/// buried under longer names that start with it.
@Suite("The finder's tie-break")
@MainActor
struct FinderRankingTests {
    @Test("'beta' lists the topic Beta above the strategy 'Beta strategy' listed before it")
    func exactNameFirst() throws {
        let model = try LinkedArticle(article: ArticleParser().parse("""
            = Alpha =

            Intro.

            == Strategies ==
            - Beta strategy – a strategy about Beta.

            == See also ==
            - Beta
            """))
        let explorer = Explorer(model: model)
        var state = explorer.initialState(size: Size(width: 120, height: 40))
        state = explorer.update(state, .command(.goTo))
        for character in "beta" { state = explorer.update(state, explorer.action(for: .key(.character(character)), in: state)) }
        #expect(explorer.finderResults(state).map(\.entry.title).prefix(2) == ["Beta", "Beta strategy"])
    }

    /// QA 10a: typing "Мои" listed "Мой" (before it in the article) above "Мои": й folds to и,
    /// so the two score alike, but the one written as typed comes first, as `--section` takes it.
    @Test("Among equal matches, the title written as typed (accents and all) comes first")
    func writtenAsTypedFirst() throws {
        let model = try LinkedArticle(article: ArticleParser().parse("= S =\n\nIntro.\n\n== Мой ==\nx\n\n== Мои ==\ny\n\n== Résumé ==\nz\n\n== Resume ==\nw\n"))
        let explorer = Explorer(model: model)
        func results(_ query: String) -> [String] {
            var state = explorer.update(explorer.initialState(size: Size(width: 120, height: 40)), .command(.goTo))
            for character in query { state = explorer.update(state, explorer.action(for: .key(.character(character)), in: state)) }
            return explorer.finderResults(state).map(\.entry.title)
        }
        #expect(results("Мои").prefix(2) == ["Мои", "Мой"])
        #expect(results("мой").prefix(2) == ["Мой", "Мои"])
        #expect(results("resume").prefix(2) == ["Resume", "Résumé"])
        #expect(results("résumé").prefix(2) == ["Résumé", "Resume"])
    }

    @Test("An empty query keeps the article's order")
    func emptyQueryKeepsOrder() {
        let explorer = Explorer(model: bundledModel)
        var state = explorer.initialState(size: Size(width: 120, height: 40))
        state = explorer.update(state, .command(.goTo))
        #expect(explorer.finderResults(state).prefix(3).map(\.entry.title) == ["Dual power", "Background", "Provisional Government"])
    }
}
