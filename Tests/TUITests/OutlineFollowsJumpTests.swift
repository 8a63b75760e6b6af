import Testing
@testable import TUI

/// With the outline focused, a jump (the finder, a link) moves its cursor to the section
/// jumped to, as the cursor follows the reader when another pane has the focus: `m` then
/// bookmarks the section on screen (QA 29: `1 : legacy Enter m` bookmarked the lead).
@Suite("The outline's cursor after a jump")
struct OutlineFollowsJumpTests {
    let explorer = makeExplorer()

    @Test func theCursorGoesToTheSectionJumpedTo() throws {
        var state = explorer.initialState(size: Size(width: 120, height: 40))
        state = explorer.update(state, .command(.focusOutline))
        #expect(state.focus == .outline && state.outline.selectedSection == 0)
        let october = try #require(explorer.model.article.sections.firstIndex { $0.title == "October Revolution" })
        state = explorer.update(state, .follow(.section(october)))
        #expect(state.focus == .outline)
        #expect(state.outline.selectedSection == october)
        #expect(explorer.currentSection(state) == october)
    }
}
