import Content
import Testing
@testable import TUI

/// Sections with one heading are told apart in the finder by their ids, as `links`, `export`
/// and `--section` tell them apart (QA 28: a row "section  Background" for each, and no way
/// to know which one Enter opens).
@Suite("Sections of one heading in the finder")
@MainActor
struct FinderNamesakeTests {
    @Test func eachSaysItsIdAndOnlyThey() throws {
        let model = try LinkedArticle(article: ArticleParser().parse("""
            = Alpha =

            Intro.

            == History ==
            Then.

            === Background ===
            First.

            == Aftermath ==
            Later.

            === Background ===
            Second.
            """))
        let explorer = Explorer(model: model)
        var state = explorer.update(explorer.initialState(size: Size(width: 120, height: 40)), .command(.goTo))
        for character in "back" { state = explorer.update(state, explorer.action(for: .key(.character(character)), in: state)) }
        let results = explorer.finderResults(state).map(\.entry)
        #expect(results.map(\.title) == ["Background", "Background"])
        #expect(results.map(\.detail) == ["background", "background-2"])
        let rows = explorer.render(state).text.split(separator: "\n").filter { $0.contains("section  Background") }
        #expect(rows.count == 2)
        #expect(rows[0].contains("section  Background  background "), "\(rows[0])")
        #expect(rows[1].contains("section  Background  background-2 "), "\(rows[1])")
        // A heading of its own says nothing more.
        state = explorer.update(state, .command(.closeOverlay))
        state = explorer.update(state, .command(.goTo))
        for character in "hist" { state = explorer.update(state, explorer.action(for: .key(.character(character)), in: state)) }
        #expect(explorer.finderResults(state).first?.entry.detail == nil)
    }

    /// QA 29: a title cut lost its id, and the lead listed by the article's title, beside a
    /// heading of that title, had nothing to tell it apart.
    @Test func aCutTitleKeepsItsIdAndTheLeadIsTold() throws {
        let heading = "A very long heading that repeats across the whole article body"
        let model = try LinkedArticle(article: ArticleParser().parse("= Alpha =\n\nIntro.\n\n== Alpha ==\nA.\n\n== \(heading) ==\nB.\n\n== \(heading) ==\nC.\n"))
        let explorer = Explorer(model: model)
        var state = explorer.update(explorer.initialState(size: Size(width: 60, height: 20)), .command(.goTo))
        let rows = explorer.render(state).text.split(separator: "\n")
        let long = rows.filter { $0.contains("section  A very long") }
        #expect(long.count == 2)
        #expect(long[0].contains("…  #1 "), "a long id: the place among the namesakes\n\(long)")
        #expect(long[1].contains("…  #2 "), "\(long)")
        for character in "alpha" { state = explorer.update(state, explorer.action(for: .key(.character(character)), in: state)) }
        #expect(explorer.finderResults(state).prefix(2).map(\.entry.detail) == ["lead", "alpha"])
    }

    /// QA 33: a name listed twice in one kind made two identical rows; each now says its id,
    /// as `--item` takes it, and a name listed once says nothing more.
    @Test func aNameListedTwiceSaysItsIds() throws {
        let model = try LinkedArticle(article: ArticleParser().parse("""
            = Alpha =

            Intro.

            == Strategies ==
            - Boycott – refusing to buy.
            - Strike – refusing to work.

            == See also ==
            - Diggers
            - Boycott
            - Diggers
            """))
        let explorer = Explorer(model: model)
        var state = explorer.update(explorer.initialState(size: Size(width: 120, height: 40)), .command(.goTo))
        for character in "dig" { state = explorer.update(state, explorer.action(for: .key(.character(character)), in: state)) }
        let results = explorer.finderResults(state).map(\.entry)
        #expect(results.map(\.title) == ["Diggers", "Diggers"])
        #expect(results.map(\.detail) == ["see-also:diggers", "see-also:diggers-2"])
        let rows = explorer.render(state).text.split(separator: "\n").filter { $0.contains("see-also Diggers") }
        #expect(rows.count == 2, "\(explorer.render(state).text)")
        #expect(rows.last?.contains("see-also Diggers  see-also:diggers-2 ") == true, "\(rows)")
        // One name in two kinds is told apart by its kind already.
        state = explorer.update(state, .command(.closeOverlay))
        state = explorer.update(state, .command(.goTo))
        for character in "boyc" { state = explorer.update(state, explorer.action(for: .key(.character(character)), in: state)) }
        #expect(explorer.finderResults(state).map(\.entry.detail) == [nil, nil])
    }
}
