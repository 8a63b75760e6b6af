import Content
import Foundation
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

/// QA 32: the card of "Mutualism (economic theory)" said the text does not mention it, where
/// its "Mutualism" mentions link the strategy of that name.
@Suite("The card of a name whose mentions link a namesake")
struct NamesakeMentionsCardTests {
    @Test func theNamesakesMentionsAreShownAndSaidSo() throws {
        let source = "= CC =\n\nMutualism too.\n\n== Strategies ==\n- Mutualism – exchange.\n\n== See also ==\n- Mutualism (economic theory)\n- Zeta\n"
        let model = try LinkedArticle(article: ArticleParser().parse(source, path: "cc.txt"))
        func text(_ card: ReaderDocument) -> String { card.blocks.map { $0.spans.map(\.text).joined() }.joined(separator: "\n") }
        let card = ReaderDocument.card(for: "see-also:mutualism-economic-theory", in: model)
        #expect(text(card).contains("Mentioned in the article (1)\nAs “Mutualism”, whose mentions link the strategy of that name:\nCC, line 3: “Mutualism too.”"),
                "\(text(card))")
        #expect(card.references.contains { $0.target == .mention(item: "strategy:mutualism", line: 3) })
        #expect(text(ReaderDocument.card(for: "see-also:zeta", in: model)).contains("The article's text does not mention it by name."))
    }
}

/// QA 32: in a paragraph of several lines, a mention on its third line was followed to the
/// paragraph's first mention of the name; QA 33: and on a list item's later line, to the item's.
@Suite("A card's mention on a later line")
struct MentionOnALaterLineTests {
    @Test(arguments: [
        ("= Multi Two =\nFirst line speaks of Syndicalism here.\nSecond line of the same paragraph also speaks of Syndicalism there.\n\n"
            + "== See also ==\n- Syndicalism\n", "see-also:syndicalism", [2, 3]),
        ("= C =\nLead.\n\n== Strategies ==\nThe strategies:\n- Picketing – standing at the gates,\n  as the Diggers did,\n"
            + "  and as the Diggers did again.\n\n== See also ==\n- Diggers\n", "see-also:diggers", [7, 8]),
    ])
    func theMentionOnTheLineIsSelected(text: String, item: String, lines: [Int]) throws {
        let explorer = Explorer(model: try LinkedArticle(article: ArticleParser().parse(text, path: "multi.txt")))
        let start = explorer.initialState(size: Size(width: 100, height: 30))
        let document = explorer.layouts.document(.article)
        for line in lines {
            let state = explorer.update(start, .follow(.mention(item: item, line: line)))
            let selected = try #require(state.reader.selectedReference)
            #expect(document.references[selected].sourceLine == line)
            #expect(document.references[selected].target == .card(item))
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

    /// Where its links are listed as none, the second says where the first is (QA 30: the
    /// cross-links pane, `links` and the link map said only that it has none).
    @Test func theSecondsEmptyLinksSayWhereTheFirstIs() throws {
        let model = try LinkedArticle(article: ArticleParser().parse("= Dup =\nLead mentions Anarchism.\n\n== See also ==\n- Anarchism\n- Zeta\n- Anarchism\n", path: "dup.txt"))
        let pane = PaneRows.crossLinks(model, node: "see-also:anarchism-2").map { $0.spans.map(\.text).joined() }
        #expect(pane == ["No cross-links for Anarchism: its name is listed before, at line 5."])
        #expect(PaneRows.crossLinks(model, node: "see-also:zeta").map { $0.spans.map(\.text).joined() } == ["No cross-links for Zeta."])
        let links = LinksFormatter().format(model)
        #expect(links.contains("  Anarchism  (see-also:anarchism-2, line 7)\n    (no links: its name is listed before, at line 5)\n"), "\(links)")
        #expect(links.contains("  Zeta  (see-also:zeta, line 6)\n    (no links)\n"))
        // And in the Markdown export's list of links (QA 33: bare there).
        let markdown = MarkdownExporter().export(model)
        #expect(markdown.contains("- **Anarchism** (line 7) — no links: its name is listed before, at line 5\n"), "\(markdown)")
        var buffer = CellBuffer(width: 120, height: 30)
        _ = LinkMap(model: model, focus: "see-also:anarchism-2").render(into: &buffer, in: Rect(x: 0, y: 0, width: 120, height: 30), selected: nil)
        #expect(buffer.text.contains("No cross-links for Anarchism: its name is listed before, at line 5."), "\(buffer.text)")
    }
}

/// QA 31, a re-test of round 30: fixes that round 30's missed a case of.
@Suite("Round 30's fixes, their neighbours")
struct RoundThirtyNeighbourTests {
    /// A name that items of two kinds have: the text's mention links the first (the
    /// strategy), and the see-also card's mention landed with nothing selected.
    @Test func aCardMentionOfANameTwoKindsHaveIsSelected() throws {
        let model = try LinkedArticle(article: ArticleParser().parse(
            "= One =\n\nThe Levellers argued. The Diggers dug.\n\n== Strategies ==\n\n- Diggers – digging the commons.\n\n== See also ==\n\n- Levellers\n- Diggers\n",
            path: "one.txt"))
        let explorer = Explorer(model: model)
        let card = explorer.update(explorer.initialState(size: Size(width: 100, height: 24)), .follow(.card("see-also:diggers")))
        let mention = try #require(ReaderDocument.card(for: "see-also:diggers", in: model).references.first {
            if case .mention = $0.target { true } else { false }
        })
        let state = explorer.update(card, .follow(mention.target))
        let selected = try #require(state.reader.selectedReference)
        #expect(explorer.layouts.document(.article).references[selected].label == "Diggers")
    }

    /// A zero-width character drew nothing, and the finder took it for a character that did
    /// not fit: "Back\u{200B}ground" was listed "Back".
    @Test func theFinderDrawsPastAZeroWidthCharacter() throws {
        let model = try LinkedArticle(article: ArticleParser().parse("= Z =\nLead.\n\n== Back\u{200B}ground ==\nText.\n", path: "z.txt"))
        let explorer = Explorer(model: model)
        var state = explorer.update(explorer.initialState(size: Size(width: 100, height: 24)), .command(.goTo))
        for character in "grou" { state = explorer.update(state, explorer.action(for: .key(.character(character)), in: state)) }
        // (The detail after the title names the id, which also has "ground".)
        let text = explorer.render(state).text.replacingOccurrences(of: "\u{200B}", with: "")
        #expect(text.contains("section  Background"), "\(text)")
    }

    /// A search of a character that shows nothing said "Not found: " and nothing after it.
    @Test func aSearchThatShowsNothingIsNamed() {
        let explorer = makeExplorer()
        var state = explorer.press(explorer.initialState(size: Size(width: 100, height: 24)), .character("/"))
        state = explorer.update(state, explorer.action(for: .key(.character("\u{200B}")), in: state))
        state = explorer.update(state, explorer.action(for: .key(.enter), in: state))
        #expect(state.notice == "Not found: <U+200B>")
    }

    /// A list entry whose detail is cut to fit with its group's heading shows the heading: the
    /// next group's heading was counted into the entry, which then never fitted with its own.
    @Test func aCutEntryShowsItsGroupsHeading() throws {
        let rationale = (0..<40).map { "word\($0) sentence here." }.joined(separator: " ")
        let links = "article = \"Long\"\n\n[[link]]\nfrom = \"see-also: Alpha\"\nto = \"see-also: Beta\"\ntype = \"related\"\nrationale = \"\(rationale)\"\n"
        let model = try LinkedArticle(article: ArticleParser().parse("= Long =\nThe Alpha and the Beta.\n\n== See also ==\n- Alpha\n- Beta\n", path: "long.txt"),
                                      annotations: (links, "long.links.toml"))
        let explorer = Explorer(model: model)
        var state = explorer.update(explorer.initialState(size: Size(width: 40, height: 12)), .follow(.card("see-also:alpha")))
        state = explorer.press(state, .character("3"), .character("g"))
        #expect(explorer.render(state).text.contains("See-also topics (1)"), "\(explorer.render(state).text)")
    }
}
