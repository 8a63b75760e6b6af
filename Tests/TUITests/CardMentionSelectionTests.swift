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
