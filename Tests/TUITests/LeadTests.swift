import Content
import ExplorerTestSupport
import Foundation
import Testing
@testable import TUI

/// The lead, the text before the first heading: bookmarked like any section, and named one way
/// throughout the explorer, by the article's title, as the outline's first row shows it.
@MainActor
@Suite("The lead in the explorer")
struct LeadTests {
    let explorer = Explorer(model: bundledModel, bookmarks: true)
    let title = bundledModel.article.title
    let size = Size(width: 120, height: 40)

    func press(_ runner: ExplorerSession, _ state: AppState, _ keys: Key...) -> AppState {
        keys.reduce(state) { runner.apply(explorer.action(for: .key($1), in: $0), to: $0) }
    }

    /// The text of row `y` of `pane`, inside its one-column margins.
    func text(of pane: PaneID, row y: Int, _ state: AppState) throws -> String {
        let rect = try #require(state.layout.rect(of: pane))
        let cells = Array(explorer.render(state).row(rect.y + y)).dropFirst(rect.x + 1).prefix(rect.width - 2)
        return String(cells).trimmingCharacters(in: .whitespaces)
    }

    /// `m` at the top bookmarks the lead; the outline's first row and the reader's title line
    /// then carry the ★ that a bookmarked section's row and heading carry (they had none).
    @Test func aBookmarkedLeadIsMarkedWhereItsSectionsWouldBe() throws {
        let service = FakeBookmarks()
        let runner = ExplorerSession(explorer: explorer, service: service)
        var state = runner.startUp(explorer.initialState(size: size), start: nil, restore: true)
        #expect(try text(of: .outline, row: 1, state) == title)
        #expect(try text(of: .reader, row: 1, state) == title)

        state = press(runner, state, .character("m"))
        #expect(service.marks == [FakeBookmarks.Mark(id: 1, section: 0, item: nil)])
        #expect(try text(of: .outline, row: 1, state) == title + " ★")
        #expect(try text(of: .reader, row: 1, state) == title + " ★")

        state = press(runner, state, .character("m"))
        #expect(service.marks.isEmpty)
        #expect(try text(of: .outline, row: 1, state) == title)
        #expect(try text(of: .reader, row: 1, state) == title)
    }

    /// The status bar and the note's prompt call the lead what the outline calls it, not "Lead".
    @Test func messagesAndPromptsNameTheLeadByTheTitle() {
        let runner = ExplorerSession(explorer: explorer, service: FakeBookmarks())
        var state = runner.startUp(explorer.initialState(size: size), start: nil, restore: true)
        state = press(runner, state, .character("m"))
        #expect(state.notice == "Bookmarked: \(title) (5 lists bookmarks)")
        state = press(runner, state, .character("m"))
        #expect(state.notice == "Bookmark removed: \(title) (u undoes)")
        state = press(runner, state, .character("M"))
        #expect(explorer.render(state).row(size.height - 1).hasPrefix("Note for \(title): "))
    }

    /// Cross-links, backlinks, link maps and topic cards that show the lead name it by the title:
    /// no screen of the explorer says "Lead" (a word the bundled article never uses).
    @Test func panesMapsAndCardsNameTheLeadByTheTitle() throws {
        let article = explorer.layouts.document(.article).blocks.flatMap(\.spans).map(\.text).joined(separator: " ")
        #expect(article.range(of: #"\bLead\b"#, options: .regularExpression) == nil)
        let municipalism = explorer.update(explorer.initialState(size: size), .follow(.item("strategy:municipalism")))
        let crossLinks = explorer.rows(of: .crossLinks, municipalism).map { $0.spans.map(\.text).joined() }
        #expect(crossLinks.contains("← \(title)"), "\(crossLinks)")

        // The lead mentions Municipalism on line 9: its card lists the place, and links to it.
        let card = explorer.update(explorer.initialState(size: size), .follow(.card("strategy:municipalism")))
        let leadMap = explorer.press(explorer.initialState(size: size), .character("v"))
        let municipalismMap = explorer.press(municipalism, .character("v"))
        #expect(leadMap.linkMap?.focus == "lead" && municipalismMap.linkMap != nil)
        for (name, state) in [("Municipalism", municipalism), ("the card", card), ("the lead's map", leadMap),
                              ("Municipalism's map", municipalismMap)] {
            let screen = explorer.render(state).text
            #expect(screen.range(of: #"\bLead\b"#, options: .regularExpression) == nil, "\(name): \(screen)")
        }
        let cardText = explorer.layouts.document(card.reader.content).blocks.map { $0.spans.map(\.text).joined() }
        #expect(cardText.contains { $0.hasPrefix("\(title), line 9: ") }, "\(cardText)")
        #expect(!cardText.contains { $0.range(of: #"\bLead\b"#, options: .regularExpression) != nil })
        #expect(LinkMap(model: bundledModel, focus: "strategy:municipalism").nodes.map(\.label).last == title)
        #expect(LinkMap(model: bundledModel, focus: "lead").focusLabel == title)
    }
}
