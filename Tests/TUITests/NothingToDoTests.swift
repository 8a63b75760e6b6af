import Content
import Foundation
import Testing
@testable import TUI

/// A bound key that cannot act where it is pressed says why in the status bar, as an unbound
/// key does, naming keys as the keymap binds them; a line key at the end of the reader stays
/// quiet (the status bar says Top or Bot already).
@Suite("Keys with nothing to do say so")
struct NothingToDoTests: KeyDriven {
    let explorer = Explorer(model: bundledModel, bookmarks: true)
    let size = Size(width: 120, height: 40)

    var start: AppState { explorer.initialState(size: size) }

    /// Outside the outline, the only pane with sections to fold, ← and → (h and l) move to
    /// the previous and next pane, as lazygit's do; they said "h collapses sections in the
    /// outline", and with only arrows, Enter and Esc no pane but the reader could be reached
    /// (QA 14d).
    @Test(arguments: [(PaneID.reader, PaneID.outline, PaneID.crossLinks), (.crossLinks, .reader, .backlinks),
                      (.backlinks, .crossLinks, .bookmarks), (.bookmarks, .backlinks, .outline)])
    func foldingKeysOutsideTheOutlineMoveBetweenPanes(pane: PaneID, previous: PaneID, next: PaneID) {
        let state = press(start, String(pane.rawValue))
        #expect(state.focus == pane)
        for (key, focus) in [(Key.left, previous), (.character("h"), previous), (.right, next), (.character("l"), next)] {
            let moved = press(state, key)
            #expect(moved.focus == focus, "\(key) from \(pane)")
            #expect(moved.notice == nil)
        }
        // The outline keeps them for folding (see the test below).
        #expect(press(press(start, "1"), .left).notice == "Already at the top level.")
    }

    /// With arrows, Enter and Esc alone, a cross-link is followed: → from the reader to the
    /// cross-links, ↓ to a link, Enter; and ← comes back to the reader.
    @Test func arrowsAloneFollowACrossLink() {
        let links = press(press(start, "2"), .right)
        #expect(links.focus == .crossLinks)
        let followed = press(links, .down, .enter)
        #expect(followed.history.back.count == 1)
        #expect(statusBar(followed).contains("→"), "the jump path: \(statusBar(followed))")
        #expect(press(followed, .left).focus == .reader)
    }

    /// g in a list pane shows its top, the first group's heading with it, as a fresh start
    /// does (QA 15b: after j j … G, g selected the first row with its heading scrolled off).
    @Test func topInAListShowsItsFirstHeading() {
        let links = press(start, "3")
        let height = explorer.contentHeight(of: .crossLinks, links)
        let down = press(links, String(repeating: "j", count: height + 2) + "G")
        #expect(down.crossLinks.top > 0, "scrolled")
        let top = press(down, "g")
        #expect(top.crossLinks.top == 0)
        #expect(top.crossLinks.selection == press(start, "3").crossLinks.selection)
    }

    /// The remapped keys move between panes as the standard ones do.
    @Test func remappedFoldingKeysMoveBetweenPanes() {
        let remapped = KeyMap(bindings: KeyMap.standard.bindings.map {
            switch $0.command {
            case .collapse: KeyMap.Binding(.collapse, [.character("y")])
            default: $0
            }
        })
        let other = Explorer(model: bundledModel, keymap: remapped, bookmarks: true)
        let reader = other.update(other.initialState(size: size), other.action(for: .key(.character("2"))))
        #expect(other.update(reader, other.action(for: .key(.character("y")))).focus == .outline)
    }

    /// In the outline, h at the top level, or on a section already collapsed there, had nothing
    /// to do and said nothing. l on a section without subsections said "No subsections to
    /// expand": now it moves on to the next pane, as → does everywhere else, so that arrows
    /// alone leave the outline (QA 15b: from 80 columns on, Enter keeps the outline focused).
    @Test func foldingKeysInTheOutlineSayWhyNothingMovedOrMoveOn() throws {
        let outline = press(start, "1")
        #expect(press(outline, "l").focus == .reader)
        #expect(press(outline, .right).focus == .reader)
        #expect(press(outline, "h").notice == "Already at the top level.")
        #expect(press(outline, "jl").focus == .reader)

        let nested = Explorer(model: try LinkedArticle(article: ArticleParser().parse(
            "= Alpha =\nLead.\n\n== One ==\nA.\n\n=== Sub ===\nB.\n", path: "alpha.txt")))
        var state = nested.initialState(size: size)
        func key(_ key: Key) { state = nested.update(state, nested.action(for: .key(key), in: state)) }
        key(.character("1")); key(.character("j"))
        key(.character("l"))
        #expect(state.notice == nil && state.outline.selectedSection == 2, "l goes to the subsection")
        key(.character("h"))
        #expect(state.notice == nil && state.outline.selectedSection == 1, "h goes to the parent")
        key(.character("h"))
        #expect(state.notice == nil && state.outline.collapsed == [1])
        key(.character("h"))
        #expect(state.notice == "Already collapsed.")
        key(.character("l"))
        #expect(state.notice == nil && state.outline.collapsed.isEmpty)
        key(.character("l"))
        #expect(state.outline.selectedSection == 2 && state.focus == .outline)
        key(.character("l"))
        #expect(state.focus == .reader, "nothing under Sub to expand: on to the reader")
    }

    /// d, r and Enter in an empty Bookmarks pane say what the pane says, with the key that
    /// makes a bookmark; none of them asks the store for anything.
    @Test func bookmarkKeysInAnEmptyPaneSayHowToMakeOne() {
        let pane = explorer.update(start, .command(.focusBookmarks))
        for key in [Key.character("d"), .character("r"), .enter] {
            let state = press(pane, key)
            #expect(state.notice == "No bookmarks yet: m bookmarks the section you are reading.", "\(key.displayName)")
            #expect(state.effects == pane.effects && state.prompt == nil, "\(key.displayName)")
        }
    }

    /// Enter in a cross-links or backlinks pane that lists nothing.
    @Test func enterOnAnEmptyLinksPaneSaysThereIsNothingToFollow() throws {
        let graph = bundledModel.graph
        let sections = bundledModel.article.sections
        let unlinked = try #require(sections.indices.first { graph.links(touching: sections[$0].id).isEmpty })
        let unpointed = try #require(sections.indices.first { graph.incoming(to: sections[$0].id).isEmpty })
        let crossLinks = press(explorer.update(start, .follow(.section(unlinked))), "3")
        #expect(explorer.rows(of: .crossLinks, crossLinks).allSatisfy { $0.target == nil })
        #expect(press(crossLinks, .enter).notice == "No cross-links to follow.")
        let backlinks = press(explorer.update(start, .follow(.section(unpointed))), "4")
        #expect(explorer.rows(of: .backlinks, backlinks).allSatisfy { $0.target == nil })
        #expect(press(backlinks, .enter).notice == "No backlinks to follow.")
    }

    /// Space at the end of the article and b at its top say so, as less shows (END); a line
    /// key there, or a page that moves, says nothing.
    @Test func pageKeysThatCannotMoveSaySo() {
        let bottom = press(start, "G")
        #expect(press(bottom, " ").notice == "Already at the end.")
        #expect(press(bottom, .pageDown).notice == "Already at the end.")
        #expect(explorer.readerTopLine(press(bottom, " ")) == explorer.readerTopLine(bottom))
        #expect(press(bottom, "j").notice == nil)
        #expect(press(start, "b").notice == "Already at the top.")
        #expect(press(start, "k").notice == nil)
        #expect(press(start, " ").notice == nil && explorer.readerTopLine(press(start, " ")) > 0)
        #expect(press(bottom, "b").notice == nil)
    }
}
