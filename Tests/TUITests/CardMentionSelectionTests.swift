import Content
import Testing
@testable import TUI

/// A topic card's "Mentioned in the article" entries, and its links' evidence lines, land on
/// the mention with it selected, as the card's "listed in" lands on the entry: they scrolled
/// to the paragraph with nothing selected, and Enter there said "No cross-reference
/// selected" (QA 30).
@Suite("Following a card's mentions selects them")
struct CardMentionSelectionTests {
    @Test(arguments: ["see-also:anarchism", "see-also:libertarian-socialism", "strategy:municipalism"])
    func everyMentionIsSelectedWhereItLands(id: String) throws {
        let explorer = makeExplorer()
        let card = explorer.update(explorer.initialState(size: Size(width: 120, height: 40)), .follow(.card(id)))
        let mentions = ReaderDocument.card(for: id, in: bundledModel).references.compactMap { reference -> (String, Int)? in
            if case .mention(let item, let line) = reference.target { (item, line) } else { nil }
        }
        try #require(!mentions.isEmpty)
        let article = explorer.layouts.document(.article)
        for (item, line) in mentions {
            let state = explorer.update(card, .follow(.mention(item: item, line: line)))
            #expect(state.reader.content == .article)
            let selected = try #require(state.reader.selectedReference, "line \(line)")
            #expect(article.references[selected].target == Target.node(item, in: bundledModel), "line \(line)")
            #expect(article.block(holdingSourceLine: line) == article.references[selected].block, "line \(line)")
        }
    }
}

/// A See-also entry written twice: the second's card said the text does not mention it, where
/// the linker gave the name's mentions to the first (QA 30).
@Suite("The card of a name listed twice")
struct ListedTwiceCardTests {
    @Test func eachCardSaysWhereTheOtherIsAndShowsTheMentions() throws {
        let model = try LinkedArticle(article: ArticleParser().parse("= Dup =\nLead mentions Anarchism and Zeta.\n\n== See also ==\n- Anarchism\n- Zeta\n- Anarchism\n", path: "dup.txt"))
        func text(_ card: ReaderDocument) -> String { card.blocks.map { $0.spans.map(\.text).joined() }.joined(separator: "\n") }
        let second = ReaderDocument.card(for: "see-also:anarchism-2", in: model)
        #expect(text(second).contains("Listed again in See also, line 5"), "\(text(second))")
        #expect(text(second).contains("Mentioned in the article (1)"))
        #expect(!text(second).contains("does not mention it"))
        #expect(second.references.contains { $0.target == .mention(item: "see-also:anarchism", line: 2) })
        #expect(second.references.contains { $0.target == .item("see-also:anarchism") })
        let first = ReaderDocument.card(for: "see-also:anarchism", in: model)
        #expect(text(first).contains("Listed again in See also, line 7"))
        #expect(!text(ReaderDocument.card(for: "see-also:zeta", in: model)).contains("Listed again"))
    }
}
