/// Bookmarks turned off while the explorer runs: the store's file was replaced by one seealso
/// must not write to (see `StoreFileCheck.refused`). From then on the explorer is as one started
/// without a store: no Bookmarks pane, and every bookmark key says why.
extension Explorer {
    /// This explorer without bookmarks, `reason` said by every bookmark key.
    public func withoutBookmarks(because reason: String) -> Explorer {
        guard panes.contains(.bookmarks) || bookmarksOff != reason else { return self }
        return Explorer(model: model, keymap: keymap, bookmarks: false, bookmarksOff: reason, neighbours: neighbours)
    }

    /// `state` with no bookmark shown (`Action.bookmarksTurnedOff`): the ★ marks gone, and the
    /// Bookmarks pane's place (and focus) back to the pane it stands in for. The update then
    /// matches the finder's results again: they follow the bookmarks (it may be open).
    func droppingBookmarks(_ state: AppState) -> AppState {
        var state = state
        if state.focus == .bookmarks { state.focus = .reader }
        // The panes shown there at start.
        if state.sidePane == .bookmarks { state.sidePane = .crossLinks }
        if state.lowerPane == .bookmarks { state.lowerPane = .backlinks }
        state.bookmarkList = ListState()
        state.bookmarks = []
        return state
    }
}
