import Testing
@testable import Content

/// A timeline's entries are named by their dates, and a date is no example: "- 1838 – the
/// People's Charter is published" under "History" was an example "1838", and every year of
/// the article then mentioned it (QA 16).
@Suite("Dated entries")
struct DatedEntryTests {
    static let text = """
        = Chartism =
        The movement ran from 1838 to 1857. In 1848 the last great petition failed.

        == History ==
        - 1838 – the People's Charter is published.
        - 1839–1840 – the first petition is rejected; the Newport Rising follows.
        - 1840s – the Land Plan.
        - c. 1842 – the second petition and the general strike.
        - 10 April 1848 – the Kennington Common meeting.
        - Newport Rising – an armed march in 1839.

        == See also ==
        - 1848
        - 1848 revolutions

        """

    @Test func aDateNamesNoExampleAYearsArticleStaysATopic() throws {
        let model = try LinkedArticle(article: ArticleParser().parse(Self.text, path: "chartism.txt"))
        #expect(model.items.map(\.name) == ["Newport Rising", "1848", "1848 revolutions"])
        let links = model.graph.links.filter { $0.origin == .detected }.map { "\($0.from) → \($0.to)" }
        // "10 April 1848" still mentions the year's article.
        #expect(links == ["lead → see-also:1848", "history → example:newport-rising", "history → see-also:1848"])
    }

    @Test("What a date is", arguments: [
        ("1838", true), ("1917–1921", true), ("1917-21", true), ("1840s", true), ("1840's", true), ("c. 1200", true),
        ("12 May 1848", true), ("Sept. 1939", true), ("19th century", true), ("mid-1840s", true), ("500 BC", true),
        ("1848 revolutions", false), ("May", false), ("Early Modern", false), ("Area 51", false), ("", false),
        // QA 35: two digits that are no day after a month name a time ("May 68").
        ("May 68", false), ("May 15", true), ("May 1968", true), ("15 May", true),
    ])
    func date(name: String, isDate: Bool) {
        #expect(Classifier.isDate(name) == isDate)
    }
}
