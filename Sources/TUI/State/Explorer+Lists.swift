import Content

/// The list panes' commands: the outline's tree, and the cross-links, backlinks and bookmarks.
extension Explorer {
    func outlineCommand(_ command: Command, in state: AppState) -> AppState {
        var state = state
        let rows = outlineRows(state)
        let article = model.article
        guard let position = rows.firstIndex(where: { $0.section == state.outline.selectedSection }) else { return state }
        let page = max(contentHeight(of: .outline, state) - 1, 1)
        let half = max(contentHeight(of: .outline, state) / 2, 1)
        func select(_ index: Int) {
            state.outline.selectedSection = rows[min(max(index, 0), rows.count - 1)].section
        }
        let selected = state.outline.selectedSection
        switch command {
        case .moveDown: select(position + 1)
        case .moveUp: select(position - 1)
        case .pageDown: select(position + page)
        case .pageUp: select(position - page)
        case .halfPageDown: select(position + half)
        case .halfPageUp: select(position - half)
        case .top: select(0)
        case .bottom: select(rows.count - 1)
        case .open: return follow(.section(selected), from: state)
        case .collapse:
            if !article.children(of: selected).isEmpty, !state.outline.collapsed.contains(selected), selected != 0 {
                state.outline.collapsed.insert(selected)
            } else if let parent = article.sections[selected].parent {
                state.outline.selectedSection = parent
            } else {
                state.notice = state.outline.collapsed.contains(selected) ? "Already collapsed." : "Already at the top level."
            }
        case .expand:
            if state.outline.collapsed.contains(selected) {
                state.outline.collapsed.remove(selected)
            } else if let child = article.children(of: selected).first, selected != 0 {
                state.outline.selectedSection = child
            } else {
                // Nothing to unfold: on to the next pane, as a file tree's → enters a file and
                // as → does in every other pane, so that arrows alone leave the outline
                // (from 80 columns on, Enter opens a section but keeps the outline focused).
                return perform(.nextPane, in: state)
            }
        default: break
        }
        return state
    }

    func listCommand(_ command: Command, pane: PaneID, in state: AppState) -> AppState {
        var state = state
        // An entry takes several lines (a link's evidence wraps): pages are counted in the
        // lines the pane shows, never in rows, which skipped entries never seen (`ListPaging`).
        let (rows, layout) = laidOutRows(of: pane, state)
        var list = state[keyPath: Self.listState(of: pane)]
        let height = contentHeight(of: pane, state)
        let half = max(height / 2, 1)
        let current = rows.validSelection(list.selection) ?? 0
        switch command {
        case .moveDown: list.selection = rows.selectableRow(from: current + 1, direction: 1) ?? current
        case .moveUp: list.selection = rows.selectableRow(from: current - 1, direction: -1) ?? current
        case .pageDown:
            // The next page starts with the first entry not wholly shown, selected, as vim's
            // Ctrl-F puts the cursor at the top; on the last page, the last entry is selected.
            if let next = layout.nextPage(from: list.top, height: height), let row = rows.selectableRow(from: next, direction: 1) {
                list.top = next
                list.selection = row
            } else {
                list.selection = rows.lastSelectable ?? current
            }
        case .pageUp:
            if let previous = layout.previousPage(from: list.top, height: height) {
                list.top = previous
                list.selection = rows.selectableRow(from: previous, direction: 1) ?? current
            } else {
                list.selection = rows.firstSelectable ?? current
            }
        // Half the pane's height on screen from the selected entry (the view follows it); a
        // group's heading passed over, in the direction of the move.
        case .halfPageDown: list.selection = rows.selectableRow(from: layout.entry(movedBy: half, from: current), direction: 1) ?? current
        case .halfPageUp:
            let entry = layout.entry(movedBy: -half, from: current)
            list.selection = rows.selectableRow(from: entry, direction: -1) ?? rows.selectableRow(from: entry, direction: 1) ?? current
        case .top:
            // The pane's top, its first group's heading with it, as a fresh start shows it
            // (after G, g kept "See-also topics (4)" scrolled off).
            list.selection = rows.firstSelectable ?? 0
            list.top = 0
        case .bottom: list.selection = rows.lastSelectable ?? 0
        case .open:
            guard current < rows.count, let target = rows[current].target else {
                switch pane {
                case .bookmarks:
                    if let entry = selectedBookmark(state) {
                        state.notice = unfollowable(entry)
                    } else {
                        state.notice = noBookmarksYet(state)
                    }
                case .crossLinks: state.notice = "No cross-links to follow."
                default: state.notice = "No backlinks to follow."
                }
                return state
            }
            return follow(target, from: state)
        default: break
        }
        state[keyPath: Self.listState(of: pane)] = list
        return state
    }

    /// Why a bookmark with no target cannot be followed from here. In a folder, a title none
    /// of its articles has is not one to send the reader to: it may be the old title of one of them.
    func unfollowable(_ entry: BookmarkEntry) -> String {
        entry.unreachable(deleteKey: keymap.keyName(for: .deleteBookmark), open: model.article.title)
            ?? (neighbours.isFolder ? "That bookmark is in “\(entry.articleTitle)”, and no article in this folder has that title."
                : "That bookmark is in “\(entry.articleTitle)”: open that article to follow it.")
    }
}
