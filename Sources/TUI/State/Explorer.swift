import Content

/// The explorer's pure core: the model it explores, its keymap, and the functions from
/// (state, action) to the next state and from state to a screen. No terminal here.
public struct Explorer: Sendable {
    public let model: LinkedArticle
    public let keymap: KeyMap
    public let layouts: ReaderLayoutCache
    /// The rows of the cross-links and backlinks panes by node, and their layouts by width.
    /// They depend on the node alone, and every key used to rebuild and re-wrap them several
    /// times (the state's normalization, the command, the frame): at two rows per link, the
    /// card of a topic mentioned 20,000 times spent 300–500 ms a key on them.
    let nodeRows: Memo<NodePane, [ListRow]>
    let nodeRowLayouts: Memo<NodePaneWidth, ListLayout>
    /// The link map of a node, which every key while it is open used to rebuild as well.
    let linkMaps: Memo<String, LinkMap>
    /// The panes Tab cycles through, in order.
    public let panes: [PaneID]

    /// The other articles of the folder, if any.
    public let neighbours: Neighbours
    /// Why there are no bookmarks, when there are none: what every bookmark key says.
    let bookmarksOff: String
    let finderCache: FinderCache
    /// The article's content hash and its sections' digests, which views keep (`ViewPlace`).
    let digests: ArticleDigests

    /// - Parameter bookmarks: whether a bookmark store is there (the Bookmarks pane and keys).
    /// - Parameter bookmarksOff: without it, why: "Bookmarks are off: " and this, on every
    ///   bookmark key. The store could not be opened, unless something else is the reason
    ///   (an article from standard input has no file for a bookmark to come back to).
    public init(model: LinkedArticle, keymap: KeyMap = .standard, bookmarks: Bool = false,
                bookmarksOff: String = Explorer.noBookmarkStore, neighbours: Neighbours = Neighbours()) {
        self.model = model
        self.bookmarksOff = bookmarksOff
        self.keymap = keymap
        self.neighbours = neighbours
        self.finderCache = FinderCache { Explorer.staticFinderEntries(model: model, neighbours: neighbours) }
        self.panes = [.outline, .reader, .crossLinks, .backlinks] + (bookmarks ? [.bookmarks] : [])
        self.digests = ArticleDigests(model)
        self.layouts = ReaderLayoutCache { content in
            switch content {
            case .article: ReaderDocument.article(model)
            case .card(let id): ReaderDocument.card(for: id, in: model, sharedBy: neighbours.ambiguous[id],
                                                    inFolder: neighbours.isFolder, opens: neighbours.seeAlso[id])
            }
        }
        // Reading on through the article visits a node a section: a few of each are kept.
        let nodeRows = Memo<NodePane, [ListRow]>(limit: 16) { key in
            key.pane == .crossLinks ? PaneRows.crossLinks(model, node: key.node)
                : PaneRows.backlinks(model, node: key.node, incoming: neighbours.incoming)
        }
        self.nodeRows = nodeRows
        self.nodeRowLayouts = Memo(limit: 16) { key in ListLayout(rows: nodeRows[key.rows], width: key.width, height: key.height) }
        self.linkMaps = Memo(limit: 4) { LinkMap(model: model, focus: $0) }
    }

    /// The state at start-up: the article's top, shown as `display` says for the whole run.
    public func initialState(size: Size, display: DisplaySettings = .standard) -> AppState {
        normalized(AppState(size: size, display: display))
    }

    /// The action a terminal event asks for. While the prompt is open, keys are its text.
    public func action(for event: InputEvent, in state: AppState? = nil) -> Action {
        switch event {
        case .key(let key) where state?.layout.isTooSmall == true:
            // Only the "too small" notice is on screen, and it says the quit key quits, even
            // with the finder or a prompt open underneath; the redraw key repaints it.
            switch keymap.command(for: key) {
            case let command? where command == .quit || command == .redraw: .command(command)
            default: .ignored(key)
            }
        // The finder and a prompt read the keys their way (`ContextKeys`); their redraw row is
        // the redraw key, as Ctrl-L repaints in readline, unless it is one they type or edit with.
        case .key(let key) where state?.finder != nil:
            ContextKeys.finder.effect(of: key, in: keymap) == .redraw ? .command(.redraw) : .promptKey(key)
        case .key(let key) where state?.prompt != nil:
            ContextKeys.prompt.effect(of: key, in: keymap) == .redraw ? .command(.redraw) : .promptKey(key)
        // In the help, a key bound to what the help does not do is as unbound there, and says
        // so (QA 29: `m` said nothing, `x` "does nothing in the help").
        case .key(let key) where state?.showsHelp == true:
            keymap.command(for: key).flatMap { ContextKeys.help.effect(of: $0) == nil ? nil : Action.command($0) } ?? .unbound(key)
        case .key(let key): keymap.command(for: key).map(Action.command) ?? .unbound(key)
        case .mouse(let mouse): .mouse(mouse)
        case .resize(let width, let height): .resize(Size(width: width, height: height))
        case .paste(let text): .paste(text)
        }
    }

    /// What Ctrl-C (SIGINT) does instead of quitting: cancel the prompt, finder, help or link
    /// map that is open, as Esc does there. Nil when none is, or when only the "too small"
    /// notice shows (nothing to see being cancelled): the explorer then quits.
    public func interruptAction(_ state: AppState) -> Action? {
        guard !state.layout.isTooSmall else { return nil }
        if state.prompt != nil || state.finder != nil { return .promptKey(.escape) }
        if state.showsHelp || state.linkMap != nil { return .command(.closeOverlay) }
        return nil
    }

    public func update(_ state: AppState, _ action: Action) -> AppState {
        if action == .command(.redraw) {
            // The runtime draws the next frame whole, on a cleared screen (`Terminal.run`); the
            // frame is the one already shown, notice included, whatever is open: a repaint
            // changes nothing but the terminal, as Ctrl-L in less and vim.
            return state
        }
        if action == .pause {
            // No key was pressed: the notice stays. While a prompt is open the view is a
            // search's provisional one (Esc takes it back): what is saved waits for the answer.
            guard panes.contains(.bookmarks) else { return state }
            var state = state.prompt == nil && snapshot(state) != state.savedView ? savingSession(state) : state
            // What another explorer changed shows once keys stop here (the ★ marks, the pane),
            // rather than only after this one writes: checked here, not at every key.
            state.effects.append(.refreshBookmarks)
            return state
        }
        if action == .idle {
            // Checked only: the store's `data_version` (a few microseconds) tells whether
            // anything is to be read again. The notice stays, as at the pause.
            guard panes.contains(.bookmarks) else { return state }
            var state = state
            state.effects.append(.refreshBookmarks)
            return state
        }
        let previous = state
        var state = state
        // A message stays until the next key: a resize is not one, as vim and less keep their
        // message line over it (it went at once).
        if !action.isResize { state.notice = nil }
        switch action {
        case .pause, .idle:
            break  // handled above, before the notice is cleared
        case .end:
            // What is open is cancelled as Esc cancels it: a search's view, provisional, is not
            // where the person was (QA 32: a signal saved the search's match as the reading
            // place, with no step back).
            if let cancel = interruptAction(state) { state = update(state, cancel) }
            state = perform(.quit, in: state)
        case .resize(let size):
            state = resized(state, to: size)
        case .follow(let target):
            state = follow(target, from: state)
        case .mouse(let mouse):
            // A click on a message's rows above the status line is on the message, which goes
            // as at any event; it reaches nothing hidden under it (it followed a link there).
            if mouse.kind == .press, rowsCoveredByNotice(previous).contains(mouse.y) { break }
            state = overlayMouse(mouse, in: state) ?? handle(mouse, in: state)
        case .unbound(let key):
            // In the help, whose list is what `?` would show, `?` closes it (QA 28).
            state.notice = state.showsHelp
                ? "\(key.displayName) does nothing in the help" + (keymap.keyName(for: .help).map { ": \($0) closes it." } ?? ".")
                : "\(key.displayName) is not bound to anything" + (keymap.keyName(for: .help).map { ": \($0) lists the keys." } ?? ".")
        case .ignored:
            break
        case .command(let command):
            if command == .quit, state.layout.isTooSmall {
                state = perform(.quit, in: state)
            } else if state.showsHelp {
                state = helpCommand(command, in: state)
            } else if state.linkMap != nil {
                state = linkMapCommand(command, in: state)
            } else {
                state = perform(command, in: state)
            }
        case .promptKey(let key):
            state = state.finder != nil ? finderKey(key, in: state) : edit(prompt: key, in: state)
        case .paste(let text):
            state = paste(text, into: state)
        case .bookmarksLoaded(let entries, let notice, let selecting, let unwritable):
            state.bookmarksUnwritable = unwritable
            // The pane's selection is a row: kept as a row, it would pass to another bookmark
            // when the list changes above it (one restored, or added elsewhere).
            let selected = selecting ?? selectedBookmark(previous)?.id
            state.bookmarks = entries.map(resolvingAcrossTheFolder)
            state.notice = notice
            if let selected, let index = state.bookmarks.firstIndex(where: { $0.id == selected }) {
                state.bookmarkList.selection = bookmarkRow(index, state)
            }
        case .notice(let text):
            state.notice = text
        case .notOpened(let title, let notice, let step):
            state = notOpened(title, step: step, in: state)
            state.notice = notice
        case .bookmarksTurnedOff(let notice):
            state = droppingBookmarks(state)
            state.notice = notice
        case .restoreSession(let session):
            // Saved against another text of the article, its views are shown where their
            // places are now (an unchanged text restores them as they were).
            var finder: SectionFinder?
            let view = placed(session.view, in: state, finder: &finder)
            let history = placing(session.history, in: state, finder: &finder, keeping: canOpen)
            state = show(view.view, in: showing(session.panes, in: state))
            // What the store has: the first pause saves the view only if it is shown elsewhere
            // (placed in an edited text, or scrolled to its selection at this size).
            state.savedView = session.view
            state.history = history.history
            // Saved as its article was left for another, the view is also the last step back.
            state.history.settle(at: view.view)
            state.notice = changedNotice(view: view.placement, history: history.placement)
        case .resumeHistory(let session):
            var finder: SectionFinder?
            let view = placed(session.view, in: state, finder: &finder)
            var history = placing(session.history, in: state, finder: &finder, keeping: canOpen)
            let here = snapshot(state)
            if !view.view.isSamePlace(as: here) { history.history.record(view.view) }
            history.history.settle(at: here)
            state.history = history.history
            state.notice = changedNotice(view: .exact, history: max(view.placement, history.placement))
        case .restoreView(let view):
            // Back or forward crossed into this article: its views in the history, this one
            // among them, may be of the text it had when they were left.
            let arrival = arriving(at: view, state)
            state = arrival.state
            state.notice = changedNotice(view: arrival.view, history: arrival.history)
        case .placeHistory:
            let arrival = arriving(at: nil, state)
            state = arrival.state
            state.notice = changedNotice(view: arrival.view, history: arrival.history)
        case .reloaded(let view):
            let arrival = arriving(at: view, state)
            state = arrival.state
            state.notice = changedNotice(view: arrival.view, history: arrival.history, onDisk: true)
        }
        // Only H or L pressed again passes over the steps they could not open (`travel`).
        if action != .command(.back), action != .command(.forward), !action.isUntakenStep { state.unopened = [] }
        // Focused, the Bookmarks pane shows what the store has now: another explorer may have
        // changed it (`'` reads it again anyway).
        if panes.contains(.bookmarks), state.focus == .bookmarks, previous.focus != .bookmarks,
           !state.effects.contains(.reloadBookmarks) {
            state.effects.append(.refreshBookmarks)
        }
        // The finder's results follow its query and the bookmarks (they may load while it is
        // open): matched here, once a change, not for every screen drawn.
        if var finder = state.finder, finder.matchedQuery != finder.query || state.bookmarks != previous.bookmarks {
            finder.results = matchFinderEntries(state)
            finder.matchedQuery = finder.query
            state.finder = finder
        }
        state = keepingViewsBeforeResize(normalized(state), after: action, from: previous)
        // Every jump and the quit are saved at once, so that a crash loses no history; the
        // view alone (scrolling) when input pauses (`.pause`).
        if panes.contains(.bookmarks), state.history != previous.history || (previous.isRunning && !state.isRunning) {
            state = savingSession(state)
        }
        return state
    }

    /// `state` with its view and history to be saved.
    func savingSession(_ state: AppState) -> AppState {
        var state = state
        let view = snapshot(state)
        state.effects.append(.saveSession(SessionRecord(view: view, history: state.history, panes: sidePanes(state))))
        state.savedView = view
        return state
    }

    /// What `state` saves of its panes (see `SessionRecord.panes`).
    public func sidePanes(_ state: AppState) -> SidePanes {
        SidePanes(side: state.sidePane, lower: state.lowerPane)
    }

    /// `state` showing the side panes a session saved, those it has.
    func showing(_ saved: SidePanes?, in state: AppState) -> AppState {
        var state = state
        if let side = saved?.side, side != .reader, side != .outline, panes.contains(side) { state.sidePane = side }
        if let lower = saved?.lower, lower == .backlinks || lower == .bookmarks, panes.contains(lower) { state.lowerPane = lower }
        return state
    }
}
