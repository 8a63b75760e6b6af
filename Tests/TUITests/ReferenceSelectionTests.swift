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

    /// QA 38: after `]`, G selected the first reference of the last screen, in an earlier
    /// section than the See also list shown, which the status bar then named at the very end,
    /// and `[` went up from it off the end. G keeps the selection on the last one in view.
    @Test func bottomSelectsTheLastReferenceInView() throws {
        let bottom = press(start, "2]G")
        let layout = explorer.readerLayout(bottom)
        let top = explorer.readerTopLine(bottom)
        let inView = layout.referenceLine.indices.filter { (top..<(top + explorer.readerTextRect(bottom).height)).contains(layout.referenceLine[$0]) }
        #expect(bottom.reader.selectedReference == inView.last)
        #expect(explorer.currentSection(bottom) == explorer.currentSection(press(start, "2G")), "the section read at the end, either way")
        let back = press(bottom, "[")
        #expect(explorer.readerTopLine(back) == top, "[ stays on the last screen")
        #expect(back.reader.selectedReference == inView.dropLast().last)
    }

    /// The selected reference's label, as the status line names it ("→ Syndicalism").
    func selectedLabel(_ state: AppState) -> String? {
        state.reader.selectedReference.map { explorer.readerDocument(state).references[$0].label }
    }

    /// A match in a cross-reference makes it the selected one, as lynx makes the matched link
    /// current: Enter follows it and the cross-links pane describes it (QA: `/Syndicalism`
    /// Enter, then Enter said "No cross-reference selected").
    @Test func aMatchInACrossReferenceSelectsIt() throws {
        let found = search("Syndicalism", start)
        #expect(selectedLabel(found) == "Syndicalism")
        #expect(explorer.title(of: .crossLinks, found) == "Cross-links: Syndicalism")
        let followed = press(found, .enter)
        #expect(followed.reader.content == .card(itemID: "strategy:syndicalism"))
        #expect(followed.notice == nil)

        // A match inside a reference's name, not at its start.
        let bookchin = search("Bookchin", start)
        #expect(selectedLabel(bookchin) == "Communalism (Bookchin)")
        #expect(press(bookchin, .enter).reader.content == .card(itemID: "see-also:communalism-bookchin"))
    }

    /// The selection follows the current match while typing and with n and N; Esc on the
    /// prompt puts back the selection the search started with.
    @Test func theSelectionFollowsTheCurrentMatch() throws {
        let typing = press(start, "/Syndicalis")
        #expect(typing.prompt != nil && selectedLabel(typing) == "Syndicalism")
        #expect(press(typing, .escape).reader.selectedReference == nil)

        // The strategy and the See-also topic of that name.
        let first = search("Council communism", start)
        let selected = [first, press(first, "n"), press(first, "nN")].map(\.reader.selectedReference)
        #expect(selected.allSatisfy { $0 != nil } && selected[0] != selected[1], "\(selected)")
        #expect(selected[2] == selected[0])
        #expect(selected.map { $0.map { explorer.readerDocument(first).references[$0].label } }.allSatisfy { $0 == "Council communism" })
    }

    /// A match in no cross-reference leaves the selection to the rule scrolling follows: one
    /// on screen stays, one off screen gives way to the first in view (QA saw Anti-king,
    /// off screen, still selected after a search, and the cross-links pane describing it).
    /// Nothing selected stays so, as at the start.
    @Test func aMatchInNoReferenceKeepsTheSelectionOnlyOnScreen() throws {
        let antiKing = try #require(explorer.articleReference(to: .card("see-also:anti-king")))
        var offScreen = start
        offScreen.reader.selectedReference = antiKing
        let found = search("Dual", offScreen)
        #expect(explorer.readerTopLine(found) == 0)
        let layout = explorer.readerLayout(found)
        let height = explorer.readerTextRect(found).height
        #expect(found.reader.selectedReference == layout.referenceLine.firstIndex { $0 < height })
        #expect(explorer.title(of: .crossLinks, found) != "Cross-links: Anti-king")

        let onScreen = press(start, "]]")
        #expect(search("Dual", onScreen).reader.selectedReference == onScreen.reader.selectedReference)
        #expect(search("Dual", start).reader.selectedReference == nil)
    }
}
