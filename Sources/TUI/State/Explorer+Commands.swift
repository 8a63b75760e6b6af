import Content

/// Commands that are not the reader's or a list's: focus, bookmarks, the link map and the help.
extension Explorer {
    func perform(_ command: Command, in state: AppState) -> AppState {
        var state = state
        switch command {
        case .quit: state.isRunning = false
        case .help: state.showsHelp = true; state.helpTop = 0
        case .closeOverlay:
            // Esc undoes the innermost thing: search highlights first (vim's :noh), then zoom.
            if let search = state.search {
                state.matchBeforeEscape = search.current.map {
                    ClearedMatch(content: state.reader.content, match: search.matches[$0], shownTop: search.shownTop)
                }
                state.search = nil
            } else {
                state = zoomed(false, state)
            }
        case .search, .searchNext, .searchPrevious, .goTo:
            state = find(command, in: state)
        case .linkMap:
            // Of what is picked in the focused pane, as m bookmarks it; else of what is read.
            // A row of another article (a folder's "Other articles") has no map here: said,
            // rather than mapping the section behind it.
            // So has a bookmark of another article, or one whose place is gone (said as Enter
            // says it): the map was of the section being read.
            let bookmark = state.focus == .bookmarks ? selectedBookmark(state) : nil
            if let title = (bookmark?.target ?? selectedRowTarget(state))?.elsewhere?.article {
                state.notice = "“\(title)” is another article" + (keymap.keyName(for: .open).map { ": \($0) opens it." } ?? ".")
                return state
            }
            if let bookmark, selectedNode(state) == nil {
                state.notice = unfollowable(bookmark)
                return state
            }
            // In the reader, the cross-reference selected, which Enter would follow (QA 32: the
            // item or section holding it, which the cross-links pane shows already).
            state.linkMap = LinkMapState(focus: selectedNode(state) ?? selectedReferenceNode(state) ?? currentNode(state))
        case .zoom:
            // One pane at a time (below 80 columns): zooming would change nothing on screen
            // but the status line (QA 30: "zoomed (z back)", and the same screen).
            if !state.zoomed, state.layout.panes.count == 1, !state.layout.isTooSmall {
                state.notice = "The pane already fills the screen" + (keymap.keyName(for: .zoom).map { ": \($0) zooms where panes stand side by side." } ?? ".")
            } else {
                state = zoomed(!state.zoomed, state)
            }
        case .redraw: break  // the runtime's: `update` returns the state as it is
        case .nextPane, .previousPane:
            let index = panes.firstIndex(of: state.focus) ?? 0
            let step = command == .nextPane ? 1 : panes.count - 1
            state = focus(panes[(index + step) % panes.count], in: state)
        case .focusOutline: state = focus(.outline, in: state)
        case .focusReader: state = focus(.reader, in: state)
        case .focusCrossLinks: state = focus(.crossLinks, in: state)
        case .focusBacklinks: state = focus(.backlinks, in: state)
        case .focusBookmarks, .toggleBookmark, .note, .deleteBookmark, .undoDelete:
            state = bookmarkCommand(command, in: state)
        case .back: state = travel(back: true, state)
        case .forward: state = travel(back: false, state)
        case .nextReference: state = moveReference(by: 1, in: state)
        case .previousReference: state = moveReference(by: -1, in: state)
        case .nextSection, .previousSection: state = stepSection(forward: command == .nextSection, in: state)
        case .collapse where state.focus != .outline, .expand where state.focus != .outline:
            // Outside the outline, the only pane with sections to fold, ← and → (h and l) move
            // between panes, as lazygit's do: with only arrows, Enter and Esc, every pane can
            // be reached, and a cross-link followed from the cross-links pane.
            state = perform(command == .expand ? .nextPane : .previousPane, in: state)
        case .moveDown, .moveUp, .pageDown, .pageUp, .halfPageDown, .halfPageUp, .top, .bottom, .open, .collapse, .expand:
            switch state.focus {
            case .reader: state = readerCommand(command, in: state)
            case .outline: state = outlineCommand(command, in: state)
            case .crossLinks, .backlinks, .bookmarks: state = listCommand(command, pane: state.focus, in: state)
            }
        }
        return state
    }

    /// Why bookmarks are off, by default: the store could not be opened (start-up says why).
    public static let noBookmarkStore = "the bookmark store could not be opened"

    /// The bookmark keys: all of them say why when bookmarks are off.
    func bookmarkCommand(_ command: Command, in state: AppState) -> AppState {
        var state = state
        guard panes.contains(.bookmarks) else {
            state.notice = "Bookmarks are off: \(bookmarksOff)."
            return state
        }
        switch command {
        case .focusBookmarks:
            state = focus(.bookmarks, in: state)
            // Another explorer may have added some: the pane shows the store as it is now.
            state.effects.append(.reloadBookmarks)
        case .note where state.focus == .bookmarks:
            guard let entry = selectedBookmark(state) else {
                state.notice = noBookmarksYet(state)
                return state
            }
            state.prompt = Prompt(label: "Note for \(entry.path): ", text: entry.note ?? "", purpose: .noteOnBookmark(entry.id),
                                  shown: entry.note ?? "")
        case .note:
            let place = bookmarkPlace(state)
            let existing = bookmark(onSection: place.section, item: place.item, state)
            state.prompt = Prompt(label: "Note for \(place.label): ", text: existing?.note ?? "",
                                  purpose: .noteOnCurrent(section: place.section, item: place.item), shown: existing.map { $0.note ?? "" })
        case .toggleBookmark:
            if state.focus == .bookmarks, let entry = selectedBookmark(state) {
                // The highlighted bookmark exists, so toggling it removes it (by id: it may be
                // of another article, or orphaned).
                state.effects.append(.removeBookmark(entry.id, name: entry.path, byMark: true))
            } else {
                // As the screen shows it (★ or not), whatever another explorer did meanwhile.
                let place = bookmarkPlace(state)
                state.effects.append(bookmark(onSection: place.section, item: place.item, state) == nil
                    ? .addBookmark(section: place.section, item: place.item)
                    : .removeBookmarks(section: place.section, item: place.item))
            }
        case .deleteBookmark:
            guard state.focus == .bookmarks else {
                state.notice = (keymap.keyName(for: .deleteBookmark).map { "\($0) deletes" } ?? "Bookmarks are deleted")
                    + " in the Bookmarks pane" + (keymap.keyName(for: .focusBookmarks).map { " (\($0) opens it)" } ?? "") + "."
                return state
            }
            guard let entry = selectedBookmark(state) else {
                state.notice = noBookmarksYet(state)
                return state
            }
            state.effects.append(.removeBookmark(entry.id, name: entry.path))
        case .undoDelete:
            state.effects.append(.undoRemove)
        default:
            break
        }
        return state
    }

    /// Keys while the link map is open: move between its nodes, follow one (with history, as
    /// anywhere), close it, or open the help over it. Other commands close it first and then act.
    func linkMapCommand(_ command: Command, in state: AppState) -> AppState {
        var state = state
        guard var open = state.linkMap else { return state }
        let map = linkMaps[open.focus]
        let last = max(map.nodes.count - 1, 0)
        switch ContextKeys.linkMap.effect(of: command) {
        case .close?:  // q closes the map as it closes the help
            state.linkMap = nil
            return state
        case .help?:
            // Over the map, which stays open under it: closing the help comes back to the map,
            // as vim's help returns to the window it was opened from.
            return perform(.help, in: state)
        case .next?: open.selection = min(open.selection + 1, last)
        case .previous?: open.selection = max(open.selection - 1, 0)
        // A group is the map's page, and its section: the half-page and section keys move by a
        // group too, rather than closing the map as the keys it has no use for do.
        case .nextGroup?:
            open.selection = map.groups.first { $0.range.lowerBound > open.selection }?.range.lowerBound ?? last
        case .previousGroup?:
            open.selection = map.groups.last { $0.range.upperBound <= open.selection }?.range.lowerBound ?? 0
        case .first?: open.selection = 0
        case .last?: open.selection = last
        case .follow?:
            guard let target = map.target(of: open.selection) else { return state }
            state.linkMap = nil
            return follow(target, from: state)
        case .redraw?:
            return state  // `update` repaints before any place sees the key: listed, never here
        case nil:
            state.linkMap = nil
            return perform(command, in: state)
        }
        state.linkMap = open
        return state
    }

    /// The help's top line in `new` for `top` in `old` (another size, so other wrapping and
    /// room): the entry at the top stays at the top, as less keeps its top line (QA 38: kept
    /// as far through, one to three entries went above the box as it shrank), and on its first
    /// line, with its keys (QA 23: a description's second line came first). The end stays the
    /// end, its last line at the bottom (at the end at 120×40, it showed 19% at 40×12).
    func helpTop(_ top: Int, from old: HelpLayout, to new: HelpLayout) -> Int {
        guard old.maxTop > 0 else { return 0 }
        guard top < old.maxTop else { return new.maxTop }
        let entry = old.entryStarts.lastIndex { $0 <= top } ?? 0
        return new.entryStarts.indices.contains(entry) ? min(new.entryStarts[entry], new.maxTop) : new.maxTop
    }

    /// The help overlay as `state` shows it (at `size`, else the terminal's): its keys, the
    /// mouse on or off.
    func helpLayout(_ state: AppState, size: Size? = nil) -> HelpLayout {
        HelpScreen.layout(keymap, size: size ?? state.size, mouse: state.display.mouse)
    }

    func helpCommand(_ command: Command, in state: AppState) -> AppState {
        var state = state
        let page = max(helpLayout(state).visibleLines, 1)
        switch ContextKeys.help.effect(of: command) {
        // The quit key closes the help, as q closes less's help and vim's: it quits from the panes.
        case .close?: state.showsHelp = false
        case .lineDown?: state.helpTop += 1
        case .lineUp?: state.helpTop -= 1
        case .pageDown?: state.helpTop += page
        case .pageUp?: state.helpTop -= page
        case .halfPageDown?: state.helpTop += max(page / 2, 1)
        case .halfPageUp?: state.helpTop -= max(page / 2, 1)
        case .top?: state.helpTop = 0
        case .bottom?: state.helpTop = Int.max / 2
        case .redraw?, nil: break  // `update` repaints before any place sees the redraw key
        }
        return state
    }

    func focus(_ pane: PaneID, in state: AppState) -> AppState {
        var state = state
        state.focus = pane
        if pane != .reader { state.sidePane = pane }
        if pane == .backlinks || pane == .bookmarks { state.lowerPane = pane }
        return state
    }
}
