import Testing
@testable import Content

/// What a mention covers in the text: the reader marks exactly that span and puts the
/// reference number after it, so a name's closing parenthesis must be inside it.
@Suite("The text a mention covers")
struct MentionRangeTests {
    static let model = Result {
        try LinkedArticle(article: ArticleParser().parse("""
            = Alpha =
            Borrowed from the Gamma (commune) tradition (and from Delta), said Gamma (commune)).

            == See also ==
            - Gamma (commune)
            - Delta

            """, path: "alpha.txt"))
    }

    @Test("A name ending in ')' is covered up to its ')', and no further")
    func closingParenthesis() throws {
        let model = try Self.model.get()
        let lead = try #require(model.article.sections[0].blocks.first.flatMap { block -> Paragraph? in
            if case .paragraph(let paragraph) = block { paragraph } else { nil }
        })
        let covered = model.mentions(in: lead).map { String(lead.text[$0.range]) }
        // "Delta)" is not a name with a parenthesis: its ")" closes the sentence's own.
        #expect(covered == ["Gamma (commune)", "Delta", "Gamma (commune)"])
    }

    @Test("A name ending in '.' or '!' is covered up to it where the text has it")
    func closingMarks() throws {
        let model = try LinkedArticle(article: ArticleParser().parse("""
            = Beta =
            Talks in Washington, D.C. were held, and Yahoo! was named. Yahoo and Washington, D.C came too.

            == Strategies ==
            - Washington, D.C. – a city
            - Yahoo! – a company

            """, path: "beta.txt"))
        let lead = try #require(model.article.sections[0].blocks.first.flatMap { block -> Paragraph? in
            if case .paragraph(let paragraph) = block { paragraph } else { nil }
        })
        #expect(model.mentions(in: lead).map { String(lead.text[$0.range]) } == ["Washington, D.C.", "Yahoo!", "Yahoo", "Washington, D.C"])
    }
}
