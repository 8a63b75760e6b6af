/// What can happen to the explorer: a bound key's command, the mouse, a resize, or a
/// request to go somewhere (used by `--section`/`--item` at start-up).
public enum Action: Hashable, Sendable {
    case command(Command)
    case mouse(MouseEvent)
    case resize(Size)
    case follow(Target)
    /// A key no command is bound to: said in the status bar, so a typo is not silent.
    case unbound(Key)
    /// A key typed while the prompt is open.
    case promptKey(Key)
    /// Text the terminal pasted (bracketed paste): typed into the prompt or finder that is
    /// open, and never run as keys.
    case paste(String)
    /// A key while the terminal is too small: nothing it could act on is on screen.
    case ignored(Key)
    /// Bookmarks as the store has them now, with what to say about the change. The Bookmarks
    /// pane then selects the bookmark `selecting` (one just restored), else stays on the one it
    /// had selected, wherever the list puts them now. `unwritable`: why none can be saved now.
    case bookmarksLoaded([BookmarkEntry], notice: String?, selecting: Int64? = nil, unwritable: String? = nil)
    /// Something to say in the status bar (a store error, say).
    case notice(String)
    /// The view and history saved when this article was last closed.
    case restoreSession(SessionRecord)
    /// A saved session's history only, with the view it ended on one step back: the explorer
    /// starts elsewhere (`--no-restore`) but keeps the way back.
    case resumeHistory(SessionRecord)
    /// A view from the history, when back or forward crossed into this article.
    case restoreView(ViewSnapshot)
    /// The history as it comes into this article from another of the folder: its views of
    /// this one are placed in its text as it is now (see `restoreView`, which does it too).
    case placeHistory
    /// The article's file changed on disk and was read again: `view` (nil: the state's own)
    /// is where the reader was in the text read before, and it is shown where its place is in
    /// this one, as are the history's views of this article (`ViewPlace`).
    case reloaded(ViewSnapshot?)
    /// Input paused. The view is saved if it moved since it was last saved, so that a crash
    /// or a closed terminal loses at most the last moment's scrolling; nothing else changes.
    /// (The runtime also looks whether the article's file changed: `ExplorerSession.recheck`.)
    case pause
    /// No key for `Terminal.idleWatchMilliseconds` after the pause: what another explorer
    /// changed in the store since (a bookmark made, removed, a note), and the article's file
    /// edited on disk, are shown without a key, as lazygit and file managers refresh on a
    /// timer. Nothing is saved.
    case idle
    /// The article an `Effect.openArticle` asked for could not be opened (gone, not loading):
    /// `notice` says why, and the explorer stays on this one. `step`: where H or L stood before
    /// it tried to step into that article; nil for a jump, whose way back led from an article
    /// never reached.
    case notOpened(title: String, notice: String, step: UntakenStep?)
    /// The store's file was refused while the explorer ran (`StoreFileCheck.refused`): no
    /// bookmark is shown from now on, and `notice` says why.
    case bookmarksTurnedOff(notice: String)
    /// The terminal asks the explorer to end (SIGINT, SIGTERM, SIGHUP, or another signal that
    /// would end the process, see `EndingSignals`): it quits as the quit
    /// key does, whatever is open, saving where the person was.
    case end
}

extension Action {
    var isResize: Bool {
        if case .resize = self { true } else { false }
    }

    /// Whether this is H or L failing to step into an article (`notOpened` with a step).
    var isUntakenStep: Bool {
        if case .notOpened(_, _, _?) = self { true } else { false }
    }
}

/// A step of the history (H or L) into another article that could not be taken: the history
/// and the steps passed over as they were before the key, which the explorer goes back to.
public struct UntakenStep: Hashable, Sendable {
    public var history: History
    public var unopened: Set<String>

    public init(history: History, unopened: Set<String>) {
        self.history = history
        self.unopened = unopened
    }
}
