import Content
import Testing
@testable import TUI

/// What `]`/`[` and a search jump do to the reader's selected cross-reference, which Enter
/// follows and the side panes describe.
@MainActor
@Suite("The selected cross-reference")
struct ReferenceSelectionTests: KeyDriven {
    let explorer = Explorer(model: bundledModel)
    let start = Explorer(model: bundledModel).initialState(size: Size(width: 120, height: 40))

    /// `]` from the outline selects in the reader and focuses it, so Enter follows that
    /// reference (it opened the outline's selected section instead).
    @Test func nextReferenceFocusesTheReader() {
        let fromOutline = press(start, "1jj]")
        #expect(fromOutline.focus == .reader)
        let followed = press(fromOutline, .enter)
        let direct = press(press(start, "2]"), .enter)
        #expect(followed.reader == direct.reader)
        #expect(explorer.jumpPath(followed) == explorer.jumpPath(direct))
    }

    /// A search that moves the view away from the selected reference selects the first one in
    /// view instead, as scrolling does: the cross-links pane named the lead's section while
    /// the reader showed "July Days' impact".
    @Test func aSearchJumpMovesTheSelectionIntoView() throws {
        let state = press(search("October", press(start, "g]")), "n")
        let section = bundledModel.article.sections[explorer.currentSection(state)]
        #expect(section.title != "(lead)")
        #expect(explorer.title(of: .crossLinks, state) != "Cross-links: Dual power")
        #expect(explorer.currentNode(state) != "lead")
    }
}
