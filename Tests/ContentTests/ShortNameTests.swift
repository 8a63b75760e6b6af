import Testing
@testable import Content

/// See-also titles told apart by a qualifier share their short name: "Mercury (planet)" and
/// "Mercury (element)" are both "Mercury". In each one's own line, that short name is the
/// item's own, and it was taken for a mention of the others: every title in the list
/// "mentioned" every other (QA 12c). A full name in the text still links.
@Suite("Short names shared by qualified titles")
struct ShortNameTests {
    static let text = """
        = Planets =

        Mercury (element) is a metal; the planet is something else.

        == See also ==
        - Mercury (planet)
        - Mercury (element)
        - Mercury
        - Venus (planet) – next to Mercury (element) in no way at all

        """

    let model: LinkedArticle

    init() throws {
        model = try LinkedArticle(article: ArticleParser().parse(Self.text, path: "planets.txt"))
    }

    func id(_ name: String) throws -> String {
        try #require(model.items.first { $0.name == name }?.id)
    }

    @Test func aTitleLineMentionsNoTitleItsShortNameIsShared() throws {
        let titles = try ["Mercury (planet)", "Mercury (element)", "Mercury"].map(id)
        let between = model.graph.links.filter { titles.contains($0.from) && titles.contains($0.to) }
        #expect(between.isEmpty, "\(between.map { "\($0.from) → \($0.to)" })")
    }

    @Test func aFullNameElsewhereStillLinks() throws {
        let element = try id("Mercury (element)")
        let venus = try id("Venus (planet)")
        #expect(model.graph.links.contains { $0.from == venus && $0.to == element && $0.relation == .mentions })
        let lead = try #require(model.article.sections.first?.id)
        #expect(model.graph.links.contains { $0.from == lead && $0.to == element })
    }

    /// QA 13b: bare "Mercury" in the text linked to all three titles, though one of them is
    /// "Mercury", written exactly; and a description naming it ("named after Mercury") did
    /// not link to it at all.
    @Test func aWholeNameWrittenExactlyNamesThatItemAlone() throws {
        let text = "= P =\n\nMercury is bright.\n\n== See also ==\n- Mercury (planet)\n- Mercury (element) – a metal named after Mercury\n- Mercury\n"
        let model = try LinkedArticle(article: ArticleParser().parse(text, path: "p.txt"))
        func id(_ name: String) throws -> String { try #require(model.items.first { $0.name == name }?.id) }
        let lead = try #require(model.article.sections.first?.id)
        #expect(model.graph.links.filter { $0.from == lead }.map(\.to) == [try id("Mercury")])
        let element = try id("Mercury (element)")
        #expect(model.graph.links.filter { $0.from == element }.map(\.to) == [try id("Mercury")])
        #expect(!model.graph.links.contains { $0.from == (try? id("Mercury (planet)")) })
    }
}
