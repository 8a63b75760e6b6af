import Testing
@testable import Content

/// Characters that show nothing (soft hyphen, zero-width space, word joiner, byte-order mark)
/// inside a word: on screen "Lud\u{AD}dite" is "Luddite", and it was two words, "Lud" and
/// "dite", so that "Ludd ite" mentioned the entry and "Luddite" did not, its id was
/// `ludd-ite`, and `/Luddite` did not find it (QA 30).
@Suite("Invisible characters inside words")
struct InvisibleCharacterTests {
    static let hidden = ["\u{AD}", "\u{200B}", "\u{2060}", "\u{FEFF}"]

    @Test("A name with one inside is mentioned by the word as it reads, not by its halves", arguments: hidden)
    func nameWithInvisibleCharacter(invisible: String) throws {
        let text = "= Soft =\nThe Luddite rising. The Ludd ite split.\n\n== See also ==\n- Ludd\(invisible)ite\n"
        let model = try LinkedArticle(article: ArticleParser().parse(text, path: "soft.txt"))
        let item = try #require(model.items.first)
        #expect(item.id == "see-also:luddite")
        let mentions = model.graph.links.filter { $0.to == item.id && $0.origin == .detected }
        #expect(mentions.count == 1 && mentions.first?.evidence?.line == 2)
        let line = "The Luddite rising. The Ludd ite split."
        #expect(model.mentionFinder.mentions(in: line).map { String(line[$0.range]) } == ["Luddite"])
    }

    @Test("A word with one inside mentions the name", arguments: hidden)
    func mentionWithInvisibleCharacter(invisible: String) throws {
        let text = "= Soft =\nThe Lud\(invisible)dite rising.\n\n== See also ==\n- Luddite\n"
        let model = try LinkedArticle(article: ArticleParser().parse(text, path: "soft.txt"))
        #expect(model.graph.links.contains { $0.to == "see-also:luddite" && $0.origin == .detected })
    }

    @Test("Search finds the word as it reads")
    func searchIgnoresThem() {
        for invisible in Self.hidden {
            let line = "The Lud\(invisible)dite rising."
            let matches = TextSearch("luddite").matches(in: line)
            #expect(matches.map { String(line[$0]) } == ["Lud\(invisible)dite"])
        }
        #expect(TextSearch("lud dite").matches(in: "The Lud\u{AD}dite rising.").isEmpty)
    }

    @Test("A heading's id leaves them out")
    func headingIDs() throws {
        let article = try ArticleParser().parse("= T =\n\n== Mo\u{FEFF}skva ==\nText.\n\n== Zero\u{200B}Width ==\nText.\n", path: "t.txt")
        #expect(article.sections.map(\.id) == ["lead", "moskva", "zerowidth"])
    }

    @Test("--item and a links file name the entry as it reads")
    func lookupsIgnoreThem() throws {
        let text = "= Soft =\nThe Luddite rising.\n\n== See also ==\n- Ludd\u{AD}ite\n"
        let links = "article = \"Soft\"\n\n[[link]]\nfrom = \"see-also: Luddite\"\nto = \"section: (lead)\"\ntype = \"related\"\nrationale = \"Named without the soft hyphen.\"\n"
        let model = try LinkedArticle(article: ArticleParser().parse(text, path: "soft.txt"), annotations: (links, "soft.links.toml"))
        #expect(model.graph.links.contains { $0.from == "see-also:luddite" && $0.origin == .curated })
    }
}
