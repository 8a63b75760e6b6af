import Content

/// Work for the runtime to do after an update: the state stays a value, and storage stays
/// outside it. Results come back as actions.
public enum Effect: Hashable, Sendable {
    /// `m` on a place the screen shows without a bookmark. What `m` does is decided by what the
    /// screen shows, not by what the store has now: another explorer may have changed it, and
    /// a bookmark nobody saw here is not removed (`m` used to toggle whatever the store had).
    case addBookmark(section: Int, item: String?)
    /// `m` on a place the screen shows bookmarked (★).
    case removeBookmarks(section: Int, item: String?)
    /// `shown`: the note the prompt showed (see `Prompt.shown`).
    case setNote(String?, section: Int, item: String?, shown: String?)
    case setBookmarkNote(String?, bookmark: Int64, shown: String)
    /// Removes the bookmark `name` (its path): `d`, or with `byMark` `m` on the highlighted
    /// bookmark, which says what it removed as `m` does anywhere.
    case removeBookmark(Int64, name: String, byMark: Bool = false)
    case undoRemove
    /// Reads the bookmarks again.
    case reloadBookmarks
    /// Reads the bookmarks again if another explorer changed the store since they were read
    /// (input paused, the Bookmarks pane focused): a check that costs microseconds otherwise.
    case refreshBookmarks
    case saveSession(SessionRecord)
    /// Switch to another article of the folder.
    case openArticle(title: String, at: Arrival)
    /// List the folder's files again (the finder opened, a See-also topic followed that no
    /// article of the folder had): when they changed (a file added, removed, retitled), `then`
    /// is done again, from where the action started, by the explorer of the folder as it is now.
    case relistFolder(then: Action)
}

extension Effect {
    var switchesArticle: Bool {
        if case .openArticle = self { true } else { false }
    }

    /// Names a bookmark by its id in the list on screen, which is an id in the file the list
    /// was read from.
    var namesBookmarkByID: Bool {
        switch self {
        case .removeBookmark, .setBookmarkNote: true
        default: false
        }
    }
}
