import Testing
@testable import Content

/// QA 17a: a section headed "Syndicalism and the general strike" whose text never repeats
/// the word gave Syndicalism no link. A heading is a line of the section like any other.
@Suite("A heading that names a topic is a mention")
struct HeadingMentionTests {
    static let text = """
        = General strike =

        A general strike stops all work.

        == Syndicalism and the general strike ==

        Georges Sorel called it a myth.

        == Mass strikes ==

        Luxemburg wrote of the mass strike in 1906.

        == Historical examples of general strikes ==
        - Russian Revolution of 1905 – a mass strike.

        == See also ==
        - Syndicalism
        - Mass strike

        """

    @Test("The section mentions the topic, with the heading's line as evidence where its text has none")
    func headingMentions() throws {
        let model = try LinkedArticle(article: ArticleParser().parse(Self.text, path: "general-strike.txt"))
        let detected = model.graph.links.filter { $0.origin == .detected }.map { "\($0.from) → \($0.to) @\($0.evidence?.line ?? 0)" }
        // The examples' heading is the article's title in the plural, which names nothing; the
        // See also heading names nothing either.
        #expect(detected == [
            "syndicalism-and-the-general-strike → see-also:syndicalism @5",
            // Where the text names it too, its sentence is the evidence, not the heading.
            "mass-strikes → see-also:mass-strike @11",
            "example:russian-revolution-of-1905 → see-also:mass-strike @14",
        ])
        let link = try #require(model.graph.links.first { $0.to == "see-also:syndicalism" })
        #expect(link.evidence?.text == "Syndicalism and the general strike")
        #expect(link.evidence?.mention == 0..<11)
    }
}
