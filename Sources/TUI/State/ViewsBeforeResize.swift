/// A view that scrolls by a first row: a list pane's, the finder's results, the help's lines.
public enum ScrolledView: Hashable, Sendable, CaseIterable {
    case outline, crossLinks, backlinks, bookmarks, finder, help
}

/// A view's first row as it was chosen (by keys, the wheel, a jump), and the terminal's size then.
public struct ChosenOffset: Hashable, Sendable {
    public var row: Int
    public var size: Size
}

/// Where the views were before resizes moved them: a smaller size scrolls a view to keep its
/// selection in it, a taller one pulls a list up to leave no empty rows below its end. A resize
/// starts again from these, so that a detour through any size, smaller or taller, comes back to
/// the screen it left, as less keeps its top line (the reader, the finder,
/// the help and the lists). Each is forgotten once anything else changes its view, as the
/// reader's once anything else moves the reader.
public struct ViewsBeforeResize: Hashable, Sendable {
    /// The reader's top, when a resize scrolled it to keep the selected cross-reference in view.
    public var readerTop: ReaderAnchor?
    /// What the reader keeps in view (the selected cross-reference, the search's match) was in
    /// it when a resize made the terminal too small, where nothing is: the resize that makes it
    /// usable again keeps it in view as from the size before (QA 41: 120×40 → 30×30 → 60×20
    /// left it off screen, and Enter refused it).
    public var keptInView = false
    public var offsets: [ScrolledView: ChosenOffset] = [:]

    public init() {}
}

extension Explorer {
    /// The first row `view` shows in `state`; nil while it is closed (the finder, the help).
    func offset(of view: ScrolledView, in state: AppState) -> Int? {
        switch view {
        case .outline: state.outline.top
        case .crossLinks: state.crossLinks.top
        case .backlinks: state.backlinks.top
        case .bookmarks: state.bookmarkList.top
        case .finder: state.finder?.top
        case .help: state.showsHelp ? state.helpTop : nil
        }
    }

    /// What `view` shows and how (its rows, selection and scroll); nil while it is closed. Once
    /// any of it changes but for a resize, the place a resize moved the view from is forgotten:
    /// its row may be another one now (another node's list, another query's results).
    func shownState(of view: ScrolledView, in state: AppState) -> AnyHashable? {
        switch view {
        case .outline: state.outline
        case .crossLinks: state.crossLinks
        case .backlinks: state.backlinks
        case .bookmarks: [AnyHashable(state.bookmarkList), AnyHashable(state.bookmarks)]
        case .finder: state.finder
        case .help: state.showsHelp ? state.helpTop : nil
        }
    }

    func setOffset(_ row: Int, of view: ScrolledView, in state: inout AppState) {
        switch view {
        case .outline: state.outline.top = row
        case .crossLinks: state.crossLinks.top = row
        case .backlinks: state.backlinks.top = row
        case .bookmarks: state.bookmarkList.top = row
        case .finder: state.finder?.top = row
        case .help: state.helpTop = row
        }
    }

    /// `state`, about to be resized to `size`, with each view back where it was chosen (or where
    /// it is, when no resize moved it), put as it goes at `size`; the places chosen are kept for
    /// `keepingViewsBeforeResize`. Normalization then moves them as little as `size` needs.
    func restoringViewsBeforeResize(_ state: AppState, to size: Size) -> AppState {
        var state = state
        for view in ScrolledView.allCases {
            guard let row = offset(of: view, in: state) else { continue }
            let chosen = state.beforeResize.offsets[view] ?? ChosenOffset(row: row, size: state.size)
            state.beforeResize.offsets[view] = chosen
            // The help's lines are wrapped to the box: its place is as far through the text.
            let moved = view == .help
                ? helpTop(chosen.row, from: helpLayout(state, size: chosen.size), to: helpLayout(state, size: size)) : chosen.row
            setOffset(moved, of: view, in: &state)
        }
        return state
    }

    /// `state` after `action` from `previous`, normalized, with the places a resize will return
    /// to: after a resize, those it moved the views from; after anything else, those of the
    /// views it left as they were.
    func keepingViewsBeforeResize(_ state: AppState, after action: Action, from previous: AppState) -> AppState {
        var state = state
        if action.isResize {
            // A view shown where it was chosen, at that size, needs nothing to go back to.
            state.beforeResize.offsets = state.beforeResize.offsets.filter { view, chosen in
                offset(of: view, in: state) != chosen.row || (view == .help && chosen.size != state.size)
            }
        } else {
            if state.reader != previous.reader {
                state.beforeResize.readerTop = nil
                state.beforeResize.keptInView = false
            }
            state.beforeResize.offsets = state.beforeResize.offsets.filter { view, _ in
                shownState(of: view, in: state) == shownState(of: view, in: previous)
            }
        }
        return state
    }
}
