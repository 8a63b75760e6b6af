import Content
import Testing
@testable import TUI

/// Which section the outline, the breadcrumb and `m` take as the one being read. QA found the
/// last short sections of an article never became current (the outline stayed on the long
/// section before them at the end), that an article shorter than the screen always named
/// its lead, and that `m` with a cross-reference selected bookmarked the section at the top
/// while the cross-links pane described the selection's.
@MainActor
@Suite("The section being read")
struct CurrentSectionTests: KeyDriven {
    /// A long first section, then two short ones and a See also list at the end.
    static let longArticle: LinkedArticle = {
        let paragraph = String(repeating: "A river runs through the valley and the town beside it. ", count: 8)
        let text = "= Rivers =\nLead text.\n\n== Course ==\n" + Array(repeating: paragraph, count: 8).joined(separator: "\n\n")
            + "\n\n== Mouth ==\nIt ends in the sea.\n\n== Names ==\nMany names.\n\n== See also ==\n- Delta\n- Estuary\n"
        do { return try LinkedArticle(article: ArticleParser().parse(text, path: "rivers.txt")) } catch { fatalError("\(error)") }
    }()

    /// Shorter than the reader at 120×40.
    static let shortArticle: LinkedArticle = {
        let text = "= Lake =\nA lake.\n\n== Shores ==\nStones.\n\n== See also ==\n- Pond\n- Reservoir\n"
        do { return try LinkedArticle(article: ArticleParser().parse(text, path: "lake.txt")) } catch { fatalError("\(error)") }
    }()

    let explorer = Explorer(model: longArticle)
    let start = Explorer(model: longArticle).initialState(size: Size(width: 120, height: 40))

    func title(_ state: AppState) -> String {
        explorer.model.article.sections[explorer.currentSection(state)].title
    }

    @Test func atTheEndTheLastHeadingOnScreenIsCurrent() {
        let end = press(start, "2G")
        #expect(title(end) == "See also")
        #expect(end.outline.selectedSection == explorer.model.article.sections.firstIndex { $0.title == "See also" })
        #expect(statusBar(end).contains("Rivers › See also"), "\(statusBar(end))")
        // One line up, the view is no longer at the end: the section at the top again.
        #expect(title(press(end, "k")) == "Course")
    }

    /// A jump to an item near the end does not scroll past the end, as a browser's jump to
    /// an anchor does not: the item is selected lower down, and its heading stays in view
    /// (QA: the See also heading went off the top, the rest of the screen empty).
    @Test func aJumpToAnItemNearTheEndStopsAtTheEnd() throws {
        let estuary = try #require(explorer.model.items.first { $0.name == "Estuary" })
        let state = explorer.update(start, .follow(.item(estuary.id)))
        let layout = explorer.readerLayout(state)
        let height = explorer.readerTextRect(state).height
        let top = explorer.readerTopLine(state)
        #expect(top == layout.lineCount - height, "the last screen, not past it")
        let selected = try #require(state.reader.selectedReference)
        #expect((top..<(top + height)).contains(layout.referenceLine[selected]))
        #expect(explorer.render(state).text.contains("# See also"))
        #expect(title(state) == "See also")
    }

    /// A jump puts its section's heading at the top, even near the end: that section is
    /// current, not a later one on the same screen.
    @Test func aJumpNearTheEndNamesItsSection() throws {
        let mouth = try #require(explorer.model.article.sections.firstIndex { $0.title == "Mouth" })
        var state = press(start, "1")
        while state.outline.selectedSection != mouth { state = press(state, "j") }
        state = press(state, .enter)
        #expect(title(state) == "Mouth")
    }
}

/// An article shorter than the screen: no scrolling, so only a selection can name a section
/// other than the lead.
@MainActor
@Suite("The section being read, in a short article")
struct ShortArticleSectionTests: KeyDriven {
    let explorer = Explorer(model: CurrentSectionTests.shortArticle, bookmarks: true)

    func title(_ state: AppState) -> String {
        explorer.model.article.sections[explorer.currentSection(state)].title
    }

    @Test func theSelectedReferencesSectionIsCurrentAndBookmarked() throws {
        let state = explorer.initialState(size: Size(width: 120, height: 40))
        #expect(title(state) == "(lead)")
        let selected = press(state, "2]")
        #expect(title(selected) == "See also")
        #expect(explorer.title(of: .crossLinks, selected) == "Cross-links: Pond")
        let seeAlso = explorer.model.article.sections.firstIndex { $0.title == "See also" }
        let effects = press(selected, "m").effects
        #expect(effects.last == .addBookmark(section: try #require(seeAlso), item: nil), "\(effects)")
    }
}
