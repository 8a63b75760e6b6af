import Testing
@testable import Content

/// An item's own name takes its words on its own line, as any longer name takes them in a
/// paragraph: "Bronze Age tools" is no mention of "Bronze", and neither is the See-also line
/// "Bronze Age" (QA 16: it said "Bronze Age → mentions Bronze", its own name as evidence).
@Suite("An item's own name on its line")
struct OwnNameSpanTests {
    func links(_ text: String) throws -> [String] {
        let model = try LinkedArticle(article: ArticleParser().parse(text, path: "t.txt"))
        return model.graph.links.filter { $0.origin == .detected }.map { "\($0.from) → \($0.to)" }
    }

    @Test func aNameHoldingAnotherIsNoMentionOfIt() throws {
        let text = """
            = Metals =
            Bronze Age tools were sharp.

            == Examples ==
            Examples:
            - Bronze – an alloy of copper and tin.

            == See also ==
            - Bronze Age
            - 1848 revolutions
            - Revolutions of 1848
            - 1848 (year)

            """
        #expect(try links(text) == ["lead → see-also:bronze-age"])
    }

    /// The rest of the line still mentions what it names.
    @Test func itsDescriptionStillMentions() throws {
        let text = """
            = Metals =
            Tin and copper.

            == Examples ==
            Examples:
            - Bronze – an alloy of copper and tin.

            == See also ==
            - Bronze Age – the age of Bronze tools
            - Iron Age – after the Bronze Age

            """
        #expect(try links(text) == [
            "see-also:bronze-age → example:bronze",
            "see-also:iron-age → see-also:bronze-age",
        ])
    }

    /// A See-also topic that names the article is left out of the links, but its name still
    /// takes its words: "Ada Lovelace" is no mention of "Ada (programming language)", on its
    /// line or in the text; the language's own name is.
    @Test func theArticlesOwnNameTakesItsWordsToo() throws {
        let text = """
            = Ada Lovelace =
            Ada Lovelace Day is held in October. The Ada programming language was named after her.

            == See also ==
            - Ada (programming language)
            - Ada Lovelace

            """
        let model = try LinkedArticle(article: ArticleParser().parse(text, path: "ada.txt"))
        let links = model.graph.links.filter { $0.origin == .detected }
        #expect(links.map { "\($0.from) → \($0.to)" } == ["lead → see-also:ada-programming-language"])
        #expect(links.first?.evidence?.text == "The Ada programming language was named after her.")
    }
}
