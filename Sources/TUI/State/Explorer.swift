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
                                                    inFolder: neighbours.isFolder)
            }
        }
        // Reading on through the article visits a node a section: a few of each are kept.
        let nodeRows = Memo<NodePane, [ListRow]>(limit: 16) { key in
            key.pane == .crossLinks ? PaneRows.crossLinks(model, node: key.node)
                : PaneRows.backlinks(model, node: key.node, incoming: neighbours.incoming)
        }
        self.nodeRows = nodeRows
        self.nodeRowLayouts = Memo(limit: 16) { key in ListLayout(rows: nodeRows[key.rows], width: key.width) }
        self.linkMaps = Memo(limit: 4) { LinkMap(model: model, focus: $0) }
    }

    public func initialState(size: Size) -> AppState {
        normalized(AppState(size: size))
    }

    /// Whether `key` repaints the screen while a prompt or the finder is open, as Ctrl-L does in
    /// readline: the redraw key, unless it is a character (typed) or a key the prompt edits with
    /// (a redraw remapped to Ctrl-W).
    func redrawsInAPrompt(_ key: Key) -> Bool {
        guard keymap.command(for: key) == .redraw else { return false }
        switch key {
        case .control, .function:
            var probe = LineInput()
            return probe.edit(key) == nil
        default:
            return false
        }
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
        case .key(let key) where state?.prompt != nil || state?.finder != nil:
            // Ctrl-G is readline's and Emacs' abort: Esc, there.
            redrawsInAPrompt(key) ? .command(.redraw) : .promptKey(key == .control("g") ? .escape : key)
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
        // message line over it (it went at once, QA 14c).
        if !action.isResize { state.notice = nil }
        switch action {
        case .pause, .idle:
            break  // handled above, before the notice is cleared
        case .end:
            state = perform(.quit, in: state)
        case .resize(let size):
            state = resized(state, to: size)
        case .follow(let target):
            state = follow(target, from: state)
        case .mouse(let mouse):
            state = overlayMouse(mouse, in: state) ?? handle(mouse, in: state)
        case .unbound(let key):
            state.notice = "\(key.displayName) is not bound to anything" + (keymap.keyName(for: .help).map { ": \($0) lists the keys." } ?? ".")
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
        case .bookmarksLoaded(let entries, let notice, let selecting):
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
        case .restoreSession(let session):
            // Saved against another text of the article, its views are shown where their
            // places are now (an unchanged text restores them as they were).
            var finder: SectionFinder?
            let view = placed(session.view, in: state, finder: &finder)
            let history = placing(session.history, in: state, finder: &finder, keeping: canOpen)
            state = show(view.view, in: state)
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
        if action != .command(.back), action != .command(.forward) { state.unopened = [] }
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
        state.effects.append(.saveSession(SessionRecord(view: view, history: state.history)))
        state.savedView = view
        return state
    }

    // MARK: - Geometry the update needs

    /// The reader's text area: its pane without the title row, with a one-column margin.
    func readerTextRect(_ state: AppState) -> Rect {
        let layout = state.layout.contains(.reader) ? state.layout
            : ScreenLayout(size: state.size, focus: .reader, side: state.sidePane, lower: state.lowerPane, zoomed: state.zoomed)
        guard let rect = layout.rect(of: .reader) else { return Rect(x: 0, y: 1, width: 1, height: 1) }
        return Rect(x: rect.x + 1, y: rect.y + 1, width: state.layoutSettings.textWidth(available: max(rect.width - 2, 1)),
                    height: max(rect.height - 1, 1))
    }

    public func readerLayout(_ state: AppState) -> ReaderLayout {
        layouts.layout(state.reader.content, width: readerTextRect(state).width)
    }

    func readerDocument(_ state: AppState) -> ReaderDocument {
        layouts.document(state.reader.content)
    }

    /// The first line shown in the reader.
    public func readerTopLine(_ state: AppState) -> Int {
        readerLayout(state).line(of: state.reader.top)
    }

    /// The section the reader is in, for the outline, the breadcrumb and `m`: in an article,
    /// the section holding the selected cross-reference, which the cross-links pane already
    /// describes (`m` bookmarked the section at the top instead). Otherwise that of the block
    /// at the top of the view; but at the very end of an article longer than the view, where
    /// no scrolling brings a short last section to the top, the section of the last heading
    /// on screen, as a contents list that follows the page does. A heading at the top still
    /// wins there: a jump puts its section at the top, and it is that section's place.
    public func currentSection(_ state: AppState) -> Int {
        let document = readerDocument(state)
        guard !document.blocks.isEmpty else { return 0 }
        let layout = readerLayout(state)
        let top = min(readerTopLine(state), max(layout.lineCount - 1, 0))
        guard top < layout.lines.count else { return 0 }
        let atTop = layout.lines[top].block
        guard case .article = state.reader.content else { return document.blocks[atTop].section }
        if let reference = state.reader.selectedReference.flatMap({ document.references[safe: $0] }) {
            return document.blocks[reference.block].section
        }
        let height = readerTextRect(state).height
        let bottomTop = layout.lineCount - height
        let headingAtTop = document.blocks[atTop].isHeading && top <= layout.blockStart[atTop]
        guard bottomTop > 0, top == bottomTop, !headingAtTop else { return document.blocks[atTop].section }
        let lastHeading = (atTop..<layout.blockStart.count).last {
            document.blocks[$0].isHeading && layout.blockStart[$0] < top + height
        }
        return lastHeading.map { document.blocks[$0].section } ?? document.blocks[atTop].section
    }

    /// The node the cross-links and backlinks panes describe: the card's item, the item that
    /// holds the selected cross-reference, or the current section.
    public func currentNode(_ state: AppState) -> String {
        if case .card(let id) = state.reader.content { return id }
        let document = readerDocument(state)
        if let reference = state.reader.selectedReference.flatMap({ document.references[safe: $0] }) {
            let block = document.blocks[reference.block]
            return block.item ?? model.article.sections[block.section].id
        }
        return model.article.sections[currentSection(state)].id
    }

    func outlineRows(_ state: AppState) -> [(section: Int, row: ListRow)] {
        PaneRows.outline(model, collapsed: state.outline.collapsed, current: currentSection(state),
                         bookmarked: bookmarkedSections(state))
    }

    /// Sections of this article with a bookmark on them (for the ★ marks).
    func bookmarkedSections(_ state: AppState) -> Set<Int> {
        Set(state.bookmarks.filter { $0.item == nil && $0.articleTitle == model.article.title }.compactMap(\.section))
    }

    func rows(of pane: PaneID, _ state: AppState) -> [ListRow] {
        switch pane {
        case .outline: outlineRows(state).map(\.row)
        case .crossLinks, .backlinks: nodeRows[NodePane(pane: pane, node: currentNode(state))]
        case .bookmarks: PaneRows.bookmarks(state.bookmarks, model: model, bookmarkKey: keymap.keyName(for: .toggleBookmark))
        case .reader: []
        }
    }

    /// Which pane's rows of which node (`nodeRows`).
    struct NodePane: Hashable {
        var pane: PaneID
        var node: String
    }

    /// Those rows laid out at a width (`nodeRowLayouts`).
    struct NodePaneWidth: Hashable {
        var rows: NodePane
        var width: Int
    }

    /// Where a list pane keeps its selection.
    static func listState(of pane: PaneID) -> WritableKeyPath<AppState, ListState> {
        switch pane {
        case .crossLinks: \.crossLinks
        case .bookmarks: \.bookmarkList
        default: \.backlinks
        }
    }

    func selectedBookmark(_ state: AppState) -> BookmarkEntry? {
        let rows = rows(of: .bookmarks, state)
        guard let row = rows.validSelection(state.bookmarkList.selection), !state.bookmarks.isEmpty else { return nil }
        // Each bookmark has one selectable row, whatever detail rows follow it.
        return state.bookmarks[safe: rows[..<row].count(where: \.isSelectable)]
    }

    /// The Bookmarks pane's row of `state.bookmarks[index]`: its one selectable row.
    func bookmarkRow(_ index: Int, _ state: AppState) -> Int {
        let rows = rows(of: .bookmarks, state)
        return rows.indices.filter { rows[$0].isSelectable }[safe: index] ?? state.bookmarkList.selection
    }

    /// What `m` and `M` act on outside the Bookmarks pane (where they act on the highlighted
    /// bookmark): the item selected in a list pane, the section selected in the outline, the
    /// card's topic, or else the section being read.
    func bookmarkPlace(_ state: AppState) -> (section: Int, item: String?, label: String) {
        func item(_ id: String) -> (section: Int, item: String?, label: String)? {
            guard case .item(let index)? = model.node(id: id) else { return nil }
            return (model.items[index].section, id, model.items[index].name)
        }
        if let id = selectedNode(state) {
            if case .section(let section)? = model.node(id: id) { return (section, nil, model.displayName(of: id)) }
            if let found = item(id) { return found }
        }
        if case .card(let id) = state.reader.content, let found = item(id) { return found }
        let section = currentSection(state)
        return (section, nil, model.displayName(of: model.article.sections[section].id))
    }

    /// The node picked in the focused pane: the outline's selected section, the section or
    /// item of the row selected in the cross-links or backlinks pane, or the place of the
    /// bookmark highlighted in the Bookmarks pane, when it is in this article; nil elsewhere.
    func selectedNode(_ state: AppState) -> String? {
        switch state.focus {
        case .outline:
            return model.article.sections[state.outline.selectedSection].id
        case .crossLinks, .backlinks:
            switch selectedRowTarget(state) {
            case .item(let id)?, .card(let id)?: return id
            case .section(let section)?: return model.article.sections[section].id
            case .sourceLine?, .article?, .bookmark?, .seeAlsoEntry?, nil: return nil
            }
        case .bookmarks:
            // The highlighted bookmark's place in this article: its item, else its section.
            guard let entry = selectedBookmark(state), entry.articleTitle == model.article.title, !entry.isOrphaned,
                  let section = entry.section, model.article.sections.indices.contains(section) else { return nil }
            return entry.item ?? model.article.sections[section].id
        case .reader:
            return nil
        }
    }

    /// Where the selected row of the focused cross-links or backlinks pane leads, if anywhere.
    func selectedRowTarget(_ state: AppState) -> Target? {
        guard state.focus == .crossLinks || state.focus == .backlinks else { return nil }
        let rows = rows(of: state.focus, state)
        guard let index = rows.validSelection(state[keyPath: Self.listState(of: state.focus)].selection) else { return nil }
        return rows[index].target
    }

    func edit(prompt key: Key, in state: AppState) -> AppState {
        var state = state
        guard var prompt = state.prompt else { return state }
        switch key {
        case .escape:
            state.prompt = nil
            if prompt.purpose == .search { return cancelSearch(state) }
            state.notice = "Note not changed."
            return state
        case .enter:
            state.prompt = nil
            if prompt.purpose == .search { return finishSearch(state) }
            return saveNote(prompt.text.trimmingCharacters(in: .whitespaces), for: prompt.purpose, in: state)
        case .tab:
            prompt.input.insert(" ")
        default:
            // Readline's keys; only a change of the text searches again (as you type).
            guard prompt.input.edit(key) == .text else {
                state.prompt = prompt
                return state
            }
        }
        state.prompt = prompt
        return prompt.purpose == .search ? searchChanged(prompt.text, in: state) : state
    }

    /// Enter on a note's prompt. An empty note clears the bookmark's note; where there is no
    /// note to clear it changes nothing, and where there is no bookmark it makes none (`M`,
    /// Enter used to make a bookmark without a note and say "Note cleared.").
    func saveNote(_ note: String, for purpose: Prompt.Purpose, in state: AppState) -> AppState {
        var state = state
        let existing: BookmarkEntry? = switch purpose {
        case .noteOnCurrent(let section, let item): bookmark(onSection: section, item: item, state)
        case .noteOnBookmark(let id): state.bookmarks.first { $0.id == id }
        case .search: nil
        }
        if note.isEmpty {
            guard let existing else {
                state.notice = "Empty note: nothing bookmarked"
                    + (keymap.keyName(for: .toggleBookmark).map { " (\($0) bookmarks without a note)." } ?? ".")
                return state
            }
            guard existing.note?.isEmpty == false else {
                state.notice = "Note not changed."
                return state
            }
        }
        switch purpose {
        case .noteOnCurrent(let section, let item): state.effects.append(.setNote(note, section: section, item: item))
        case .noteOnBookmark(let id): state.effects.append(.setBookmarkNote(note, bookmark: id))
        case .search: break
        }
        return state
    }

    /// The bookmark on (section, item) of this article, when there is one and it still resolves.
    func bookmark(onSection section: Int, item: String?, _ state: AppState) -> BookmarkEntry? {
        state.bookmarks.first { $0.section == section && $0.item == item && !$0.isOrphaned }
    }

    /// What d, r and Enter say in an empty Bookmarks pane: what the pane says.
    var noBookmarksYet: String { PaneRows.noBookmarksYet(bookmarkKey: keymap.keyName(for: .toggleBookmark)) }

    /// The rows of a list pane laid out at its width (one-column margins on both sides).
    func listLayout(_ rows: [ListRow], pane: PaneID, _ state: AppState) -> ListLayout {
        ListLayout(rows: rows, width: listWidth(of: pane, state))
    }

    /// A list pane's rows and their layout at its width; the cross-links' and backlinks' as
    /// they were the last time (`nodeRows`, `nodeRowLayouts`).
    func laidOutRows(of pane: PaneID, _ state: AppState) -> (rows: [ListRow], layout: ListLayout) {
        switch pane {
        case .crossLinks, .backlinks:
            let key = NodePane(pane: pane, node: currentNode(state))
            return (nodeRows[key], nodeRowLayouts[NodePaneWidth(rows: key, width: listWidth(of: pane, state))])
        default:
            let rows = rows(of: pane, state)
            return (rows, listLayout(rows, pane: pane, state))
        }
    }

    func listWidth(of pane: PaneID, _ state: AppState) -> Int {
        max((state.layout.rect(of: pane)?.width ?? state.size.width) - 2, 1)
    }

    /// Height of a pane's content (its rectangle without the title row).
    func contentHeight(of pane: PaneID, _ state: AppState) -> Int {
        max((state.layout.rect(of: pane)?.height ?? state.size.height - 1) - 1, 1)
    }

    // MARK: - Commands

    func perform(_ command: Command, in state: AppState) -> AppState {
        var state = state
        switch command {
        case .quit: state.isRunning = false
        case .help: state.showsHelp = true; state.helpTop = 0
        case .closeOverlay:
            // Esc undoes the innermost thing: search highlights first (vim's :noh), then zoom.
            if state.search != nil { state.search = nil } else { state = zoomed(false, state) }
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
            state.linkMap = LinkMapState(focus: selectedNode(state) ?? currentNode(state))
        case .zoom: state = zoomed(!state.zoomed, state)
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
            // be reached, and a cross-link followed from the cross-links pane (QA 14d).
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
                state.notice = noBookmarksYet
                return state
            }
            state.prompt = Prompt(label: "Note for \(entry.path): ", text: entry.note ?? "", purpose: .noteOnBookmark(entry.id))
        case .note:
            let place = bookmarkPlace(state)
            let existing = bookmark(onSection: place.section, item: place.item, state)
            state.prompt = Prompt(label: "Note for \(place.label): ", text: existing?.note ?? "",
                                  purpose: .noteOnCurrent(section: place.section, item: place.item))
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
                state.notice = noBookmarksYet
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
        switch command {
        case .linkMap, .closeOverlay, .quit:  // q closes the map as it closes the help
            state.linkMap = nil
            return state
        case .help:
            // Over the map, which stays open under it: closing the help comes back to the map,
            // as vim's help returns to the window it was opened from.
            return perform(.help, in: state)
        case .moveDown, .nextReference: open.selection = min(open.selection + 1, last)
        case .moveUp, .previousReference: open.selection = max(open.selection - 1, 0)
        // A group is the map's page, and its section: the half-page and section keys move by a
        // group too, rather than closing the map as the keys it has no use for do.
        case .pageDown, .halfPageDown, .nextSection, .expand:
            open.selection = map.groups.first { $0.range.lowerBound > open.selection }?.range.lowerBound ?? last
        case .pageUp, .halfPageUp, .previousSection, .collapse:
            open.selection = map.groups.last { $0.range.upperBound <= open.selection }?.range.lowerBound ?? 0
        case .top: open.selection = 0
        case .bottom: open.selection = last
        case .open:
            guard let target = map.target(of: open.selection) else { return state }
            state.linkMap = nil
            return follow(target, from: state)
        default:
            state.linkMap = nil
            return perform(command, in: state)
        }
        state.linkMap = open
        return state
    }

    /// The help's top line in `new` for `top` in `old` (another size, so other wrapping and
    /// room): at the same share of the way through, so the end stays the end (at the end at
    /// 120×40, it showed 19% at 40×12, QA 12b).
    func helpTop(_ top: Int, from old: HelpLayout, to new: HelpLayout) -> Int {
        guard old.maxTop > 0 else { return 0 }
        return Int((Double(min(top, old.maxTop)) * Double(new.maxTop) / Double(old.maxTop)).rounded())
    }

    /// The help overlay as `state` shows it (at `size`, else the terminal's): its keys, the
    /// mouse on or off.
    func helpLayout(_ state: AppState, size: Size? = nil) -> HelpLayout {
        HelpScreen.layout(keymap, size: size ?? state.size, mouse: state.mouseEnabled)
    }

    func helpCommand(_ command: Command, in state: AppState) -> AppState {
        var state = state
        let page = max(helpLayout(state).visibleLines, 1)
        switch command {
        // The quit key closes the help, as q closes less's help and vim's: it quits from the panes.
        case .help, .closeOverlay, .quit: state.showsHelp = false
        case .moveDown: state.helpTop += 1
        case .moveUp: state.helpTop -= 1
        case .pageDown: state.helpTop += page
        case .pageUp: state.helpTop -= page
        case .halfPageDown: state.helpTop += max(page / 2, 1)
        case .halfPageUp: state.helpTop -= max(page / 2, 1)
        case .top: state.helpTop = 0
        case .bottom: state.helpTop = Int.max / 2
        default: break
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

    func readerCommand(_ command: Command, in state: AppState) -> AppState {
        var state = state
        let layout = readerLayout(state)
        let height = readerTextRect(state).height
        let current = layout.line(of: state.reader.top)
        let newTop: Int
        switch command {
        case .moveDown: newTop = current + 1
        case .moveUp: newTop = current - 1
        case .pageDown: newTop = current + max(height - 2, 1)
        case .pageUp: newTop = current - max(height - 2, 1)
        case .halfPageDown: newTop = current + max(height / 2, 1)
        case .halfPageUp: newTop = current - max(height / 2, 1)
        case .top: newTop = 0
        case .bottom: newTop = layout.lineCount
        case .open:
            // A selection kept through a resize that no longer shows it is not followed: Enter
            // acts on what is on screen (the selection shows again when the view grows back).
            guard let selected = state.reader.selectedReference, readerDocument(state).references.indices.contains(selected),
                  (current..<(current + height)).contains(layout.referenceLine[selected]) else {
                let hidden = state.reader.selectedReference.map { $0 < layout.referenceLine.count } ?? false
                state.notice = (hidden ? "The selected cross-reference is off screen" : "No cross-reference selected")
                    + (keymap.keyName(for: .nextReference).map { ": \($0) selects the next one." } ?? ".")
                return state
            }
            return follow(readerDocument(state).references[selected].target, from: state)
        default: return state
        }
        // Scrolling stops where the last line reaches the bottom; a jump near the end (which
        // puts its target at the top, as vim's zt does) may have left the view further down,
        // and scrolling down goes as far as that view (`jumpedTop`), rather than jumping back
        // up from it or stopping short of it after scrolling up.
        let clamped = clampTop(newTop, layout: layout, height: height)
        let jumped = state.reader.jumpedTop.map { layout.line(of: $0) } ?? 0
        let top = command == .bottom ? clamped : max(clamped, min(newTop, max(current, jumped)))
        // A page key that cannot move says so, as less shows (END): Space is how one reads on,
        // and a screen that stays as it was looks like a key that was lost. A line key or g/G
        // stays quiet there: the status bar says Top or Bot already, and a held j would keep
        // a notice up all the way down.
        if top == current, [.pageDown, .pageUp, .halfPageDown, .halfPageUp].contains(command) {
            state.notice = command == .pageDown || command == .halfPageDown ? "Already at the end." : "Already at the top."
        }
        // g and G are jumps, as in vim and less (whose '' returns from them): H goes back to
        // where they were pressed. Otherwise a link followed, then g, left H nothing but the
        // screen already shown, and the place the link led to was lost.
        if command == .top || command == .bottom, top != current { state.history.record(snapshot(state)) }
        state.reader.top = layout.anchor(at: top)
        // g and G go to the ends that scrolling reaches: G's end is the last line at the bottom.
        if command == .top || command == .bottom { state.reader.jumpedTop = nil }
        return selectionInView(state, layout: layout, top: top, height: height)
    }

    /// `state` at a new terminal size. The reader keeps its top line (see `normalized`), unless
    /// that would take the selected cross-reference out of its view: it then scrolls just enough
    /// to show it whole, as vim keeps the cursor on screen, so that Enter and ] go on from it (it
    /// was off screen: Enter refused it, ] started over at the top of the view). A selection
    /// already out of view stays where it is.
    func resized(_ state: AppState, to size: Size) -> AppState {
        var state = state
        let wasInView = selectedReferenceLines(state).map { readerView(state).contains($0.lowerBound) } ?? false
        state = restoringViewsBeforeResize(state, to: size)
        state.size = size
        guard wasInView, !state.layout.isTooSmall, let lines = selectedReferenceLines(state) else { return state }
        // From the top chosen before earlier resizes, when one of them moved it.
        let chosen = state.beforeResize.readerTop ?? state.reader.top
        state.reader.top = chosen
        let view = readerView(state)
        if view.contains(lines.lowerBound), view.contains(lines.upperBound) {
            state.beforeResize.readerTop = nil
            return state
        }
        state.beforeResize.readerTop = chosen
        state.reader.top = topShowing(lines, in: state)
        return state
    }

    /// The reader's top moved just enough to show `lines` (a selected cross-reference's): its
    /// first line at the top, or its last at the bottom; the first, when it is taller than the view.
    func topShowing(_ lines: ClosedRange<Int>, in state: AppState) -> ReaderAnchor {
        let view = readerView(state)
        let top = lines.lowerBound < view.lowerBound ? lines.lowerBound : min(lines.upperBound - view.count + 1, lines.lowerBound)
        let layout = readerLayout(state)
        return layout.anchor(at: clampTop(top, layout: layout, height: view.count))
    }

    /// `view` shown (back, forward, a session restored, an article of the folder arrived at):
    /// restored, and scrolled as a resize scrolls it when its selected cross-reference is off
    /// screen at this size (left on a larger screen), so that Enter and `]` go on from it.
    func show(_ view: ViewSnapshot, in state: AppState) -> AppState {
        showingSelection(restore(view, into: state))
    }

    /// `state` zoomed or not. As a resize does (`resized`), a selected cross-reference in view
    /// stays in view at the reader's new width, which un-zooming narrows, so that Enter and `]`
    /// go on from it (it fell below the narrower view, and Enter refused it).
    func zoomed(_ on: Bool, _ state: AppState) -> AppState {
        var state = state
        let wasInView = selectedReferenceLines(state).map { readerView(state).contains($0.lowerBound) } ?? false
        state.zoomed = on
        return wasInView ? showingSelection(state) : state
    }

    /// `state` with the reader scrolled just enough to show its selected cross-reference whole
    /// (see `topShowing`), where it is not.
    func showingSelection(_ state: AppState) -> AppState {
        var state = state
        guard !state.layout.isTooSmall, let lines = selectedReferenceLines(state) else { return state }
        let shown = readerView(state)
        if !shown.contains(lines.lowerBound) || !shown.contains(lines.upperBound) { state.reader.top = topShowing(lines, in: state) }
        return state
    }

    /// The reader's lines in its view, at the terminal's size; none while it is too small.
    /// (Where the reader's pane is hidden, at narrow widths, the view it has when focused.)
    func readerView(_ state: AppState) -> Range<Int> {
        guard !state.layout.isTooSmall else { return 0..<0 }
        let top = readerTopLine(state)
        return top..<(top + readerTextRect(state).height)
    }

    /// The lines the selected cross-reference takes (more than one where it wraps), if one is
    /// selected.
    func selectedReferenceLines(_ state: AppState) -> ClosedRange<Int>? {
        let layout = readerLayout(state)
        guard let selected = state.reader.selectedReference, layout.referenceLine.indices.contains(selected) else { return nil }
        let first = layout.referenceLine[selected]
        var last = first
        while last + 1 < layout.lineCount, layout.lines[last + 1].spans.contains(where: { $0.reference == selected }) { last += 1 }
        return first...last
    }

    /// As in lynx, a selection the view has moved away from gives way to the first reference
    /// in view (or none): the side panes follow the selection, and showed a section long left.
    func selectionInView(_ state: AppState, layout: ReaderLayout, top: Int, height: Int) -> AppState {
        var state = state
        if let selected = state.reader.selectedReference, layout.referenceLine.indices.contains(selected),
           !(top..<(top + height)).contains(layout.referenceLine[selected]) {
            state.reader.selectedReference = layout.referenceLine.firstIndex { $0 >= top && $0 < top + height }
        }
        return state
    }

    /// A top line for scrolling: the last line no higher than the bottom of the view.
    func clampTop(_ top: Int, layout: ReaderLayout, height: Int) -> Int {
        min(max(top, 0), max(layout.lineCount - height, 0))
    }

    /// A top line for a jump: like vim's `zt`, the target goes to the top even near the end.
    func jumpTop(_ top: Int, layout: ReaderLayout) -> Int {
        min(max(top, 0), max(layout.lineCount - 1, 0))
    }

    /// `reader.jumpedTop` kept up to date: a view past the scrolling limit can only have come
    /// from a jump (scrolling down stops at the limit or at `jumpedTop`), so the furthest such
    /// top is the jump's. One no longer past the limit (the screen grew) is dropped.
    func jumpedTop(_ reader: ReaderState, layout: ReaderLayout, height: Int) -> ReaderAnchor? {
        let limit = clampTop(layout.lineCount, layout: layout, height: height)
        let top = layout.line(of: reader.top)
        let jumped = reader.jumpedTop.map { layout.line(of: $0) } ?? 0
        if top > limit, top > jumped { return reader.top }
        return jumped > limit ? reader.jumpedTop : nil
    }

    /// Selects the next (+1) or previous (-1) cross-reference, scrolling it into view.
    func moveReference(by step: Int, in state: AppState) -> AppState {
        let before = state
        var state = state
        // The reader takes the focus, so that Enter follows the reference just selected
        // (from the outline, Enter opened the outline's section instead).
        if state.focus != .reader { state = focus(.reader, in: state) }
        let layout = readerLayout(state)
        let height = readerTextRect(state).height
        let top = layout.line(of: state.reader.top)
        let count = layout.referenceLine.count
        guard count > 0 else {
            state.notice = "No cross-references here."
            return state
        }
        let visible = top..<(top + height)
        let candidate: Int?
        if let selected = state.reader.selectedReference, visible.contains(layout.referenceLine[selected]) {
            candidate = selected + step
        } else if step > 0 {
            candidate = layout.referenceLine.firstIndex { $0 >= top }
        } else {
            candidate = layout.referenceLine.lastIndex { $0 < top + height }
        }
        guard let next = candidate, next >= 0, next < count else {
            state.notice = step > 0 ? "No more cross-references below." : "No more cross-references above."
            return state
        }
        state.reader.selectedReference = next
        let line = layout.referenceLine[next]
        if !visible.contains(line) {
            let newTop = step > 0 ? line - height + 1 + min(2, height / 4) : line - min(2, height / 4)
            state.reader.top = layout.anchor(at: clampTop(newTop, layout: layout, height: height))
        }
        // Off screen, the reference took the reader away from the page being read.
        return recordingJump(from: before, to: state)
    }

    /// `state` after a movement from `before` that is not scrolling (a search, `]` or `[` to a
    /// cross-reference off screen): when the reader shows another place, the view left is a
    /// step back, as g and G record it. These are less's "large movements", which its `''`
    /// returns from, and vim's jumps: the page read before them was lost otherwise, `H`
    /// skipping it for the place before the last link followed.
    func recordingJump(from before: AppState, to state: AppState) -> AppState {
        guard !state.reader.isSamePlace(as: before.reader) else { return state }
        var state = state
        state.history.record(snapshot(before))
        return state
    }

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
                // as → does in every other pane, so that arrows alone leave the outline (QA 15b:
                // from 80 columns on, Enter opens a section but keeps the outline focused).
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
            // (QA 15b: after G, g kept "See-also topics (4)" scrolled off).
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
                        state.notice = noBookmarksYet
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

    // MARK: - Following and history

    func snapshot(_ state: AppState) -> ViewSnapshot {
        ViewSnapshot(focus: state.focus, reader: state.reader, outline: state.outline, crossLinks: state.crossLinks,
                     backlinks: state.backlinks, bookmarkList: state.bookmarkList, label: stepLabel(of: state),
                     article: neighbours.isFolder ? model.article.title : nil, place: place(of: state))
    }

    func restore(_ view: ViewSnapshot, into state: AppState) -> AppState {
        var state = state
        state.search = nil
        // A view left in the Bookmarks pane, which is gone since (`withoutBookmarks`).
        state.focus = panes.contains(view.focus) ? view.focus : .reader
        state.reader = view.reader
        state.outline = view.outline
        state.crossLinks = view.crossLinks
        state.backlinks = view.backlinks
        state.bookmarkList = view.bookmarkList
        return state
    }

    /// A bookmark of another article the folder has loaded can be followed: that article
    /// opens and resolves it. (The store places bookmarks in the open article only; one it
    /// found orphaned in another, or in a file that does not open or is not here, stays so.)
    func resolvingAcrossTheFolder(_ entry: BookmarkEntry) -> BookmarkEntry {
        guard entry.target == nil, !entry.isOrphaned, entry.sharedTitle == nil, entry.away == nil,
              entry.articleTitle != model.article.title, neighbours.titles.contains(entry.articleTitle) else { return entry }
        var entry = entry
        entry.target = .bookmark(article: entry.articleTitle, id: entry.id)
        return entry
    }

    /// How the cross-links and backlinks panes name the node they describe.
    public func label(of state: AppState) -> String {
        let node = currentNode(state)
        if case .section(0)? = model.node(id: node) { return model.article.title }
        return inArticle(model.label(of: node))
    }

    /// How the jump path names the current view: as the panes name its node, but a topic's
    /// card as the breadcrumb does ("topic: Omega"), apart from the article's place where the
    /// topic is selected (both read "Omega").
    public func stepLabel(of state: AppState) -> String {
        guard case .card(let id) = state.reader.content else { return label(of: state) }
        return inArticle("topic: " + model.displayName(of: id))
    }

    /// In a folder, `name` with the article it is in.
    func inArticle(_ name: String) -> String {
        neighbours.isFolder ? model.article.title + " › " + name : name
    }

    public func follow(_ target: Target, from state: AppState) -> AppState {
        var state = state
        // A See-also topic that is a loaded article opens it; so does an article title.
        var target = target
        if case .card(let id) = target, let title = neighbours.seeAlso[id] { target = .article(title) }
        if case .card(let id) = target, case .item(let index)? = model.node(id: id), model.namesItself(model.items[index]) {
            target = .article(model.article.title)
        }
        if case .article(model.article.title) = target { return follow(.section(0), from: state) }
        // A See-also topic no article of the folder has, as it was listed: its file may have
        // been added since, and then it is the article that opens, not the card.
        if case .card(let id) = target, neighbours.isFolder, case .item(let index)? = model.node(id: id),
           model.items[index].kind == .seeAlso {
            state.effects.append(.relistFolder(then: .follow(target)))
        }
        if let elsewhere = target.elsewhere {
            state.history.record(snapshot(state))
            state.effects.append(.openArticle(title: elsewhere.article, at: elsewhere.arrival))
            return state
        }
        let here = snapshot(state)
        state.search = nil
        var reader = ReaderState()
        switch target {
        case .card(let id):
            reader.content = .card(itemID: id)
        case .section(let index):
            let document = layouts.document(.article)
            reader.top = ReaderAnchor(block: index == 0 ? 0 : document.firstBlock(ofSection: index) ?? 0)
        case .item(let id):
            let document = layouts.document(.article)
            if let block = document.block(ofItem: id) {
                reader.top = ReaderAnchor(block: block)
                // The item's own name (a link to its card, or to its article in a folder), else
                // the first cross-reference in its text.
                reader.selectedReference = document.references.firstIndex { $0.block == block && $0.target == .card(id) }
                    ?? document.references.firstIndex { $0.block == block }
            }
        case .sourceLine(let line):
            let document = layouts.document(.article)
            if let block = document.block(holdingSourceLine: line) { reader.top = ReaderAnchor(block: block) }
        case .article, .bookmark, .seeAlsoEntry:
            break
        }
        let before = state.reader
        state.reader = reader
        // Show a little of what comes before an item or a mention, as a browser does for
        // anchors, and as a browser does, not past the end: the item is selected, so the eye
        // finds it lower down, and its heading stays in view (it went to the top with the
        // rest of the screen empty). A section's heading goes to the top, as `zt` puts it.
        if case .item = target { state.reader.top = context(before: reader.top, lines: 2, in: state) }
        if case .sourceLine = target { state.reader.top = context(before: reader.top, lines: 1, in: state) }
        // A jump to where the reader already is adds nothing to go back to, whichever
        // cross-reference it selects there.
        if !state.reader.isSamePlace(as: before) { state.history.record(here) }
        if !state.layout.contains(.reader) { state = focus(.reader, in: state) }
        return state
    }

    func context(before anchor: ReaderAnchor, lines: Int, in state: AppState) -> ReaderAnchor {
        let layout = readerLayout(state)
        return layout.anchor(at: clampTop(layout.line(of: anchor) - lines, layout: layout, height: readerTextRect(state).height))
    }

    /// Whether `view` can be shown here: one of this article, or of an article of the folder
    /// loaded. A session is kept by article title, so a folder's article opened alone (or a
    /// folder whose other file is gone) restores steps to articles it cannot open; each took
    /// a press of H to say "not loaded", and two places around it could read as one twice.
    /// A file of the folder that is there but does not load now counts: a syntax error while
    /// it is edited is short-lived, and dropped, its steps were lost for good at the next save.
    func canOpen(_ view: ViewSnapshot) -> Bool {
        guard let title = view.article else { return true }
        return title == model.article.title || neighbours.titles.contains(title) || neighbours.unloaded.contains(title)
    }

    /// A view of this article is restored here; one of another article is the runtime's to open.
    func restoreOrOpen(_ view: ViewSnapshot, into state: AppState) -> AppState {
        if let title = view.article, title != model.article.title {
            var state = state
            state.effects.append(.openArticle(title: title, at: .view(view)))
            return state
        }
        return show(view, in: state)
    }

    /// Back (H) or forward (L) through the history, past the steps it just failed to open.
    func travel(back: Bool, _ state: AppState) -> AppState {
        var state = state
        let current = snapshot(state)
        let unopened = state.unopened
        state.unopened = []
        guard let view = back ? state.history.goBack(from: current, passing: unopened)
                              : state.history.goForward(from: current, passing: unopened) else {
            state.notice = back ? "Nothing to go back to." : "Nothing to go forward to."
            return state
        }
        // Scrolled by hand onto the place it goes to, the view left is no step away from it.
        state.history.settle(at: view)
        return restoreOrOpen(view, into: state)
    }

    /// The labels from the first jump to here, when there were jumps.
    public func jumpPath(_ state: AppState) -> [String] {
        state.history.back.isEmpty ? [] : state.history.back.map(\.label) + [stepLabel(of: state)]
    }

    // MARK: - Mouse

    /// The mouse while an overlay is up, or nil when none is. As in less, vim and w3m it acts
    /// on what is in front: the wheel scrolls the help or moves the link map's or finder's
    /// selection, a click in the finder picks a result; other clicks do nothing, and the
    /// panes hidden behind never see the event (a click used to follow a link under the help).
    func overlayMouse(_ mouse: MouseEvent, in state: AppState) -> AppState? {
        let wheel: Command? = switch mouse.kind {
        case .wheelUp: .moveUp
        case .wheelDown: .moveDown
        case .press: nil
        }
        if state.showsHelp {
            // Three lines a notch, as the wheel scrolls the reader.
            return wheel.map { wheel in (0..<3).reduce(state) { state, _ in helpCommand(wheel, in: state) } } ?? state
        }
        if state.finder != nil { return finderMouse(mouse, in: state) }
        // One node a notch: the map's groups are short, three would skip most of them.
        if state.linkMap != nil { return wheel.map { linkMapCommand($0, in: state) } ?? state }
        // A prompt has nothing to scroll, and what is behind it must stay as it is while typing.
        if state.prompt != nil { return state }
        return nil
    }

    /// The mouse over the panes: the wheel scrolls the pane under the pointer; a click focuses
    /// that pane and selects the row or link under it, and follows it only when the pane had
    /// the focus already and that row or link was its selection, as lazygit's lists do
    /// (`ListController.HandleClick`). An unfocused pane's selection is marked too (dimmed),
    /// and one click on it followed it at once (QA: the cross-links' selected topic opened at
    /// the first click, from the reader), where a click elsewhere in the pane only selected.
    func handle(_ mouse: MouseEvent, in state: AppState) -> AppState {
        var state = state
        guard let pane = state.layout.pane(atX: mouse.x, y: mouse.y), let rect = state.layout.rect(of: pane) else { return state }
        switch mouse.kind {
        case .wheelUp, .wheelDown:
            if pane == .outline, state.focus != .outline { return scrollOutline(by: mouse.kind == .wheelUp ? -3 : 3, in: state) }
            let command: Command = mouse.kind == .wheelUp ? .moveUp : .moveDown
            let focus = state.focus
            state.focus = pane
            for _ in 0..<3 { state = perform(command, in: normalized(state)) }
            state.focus = focus
            return state
        case .press:
            let alreadyFocused = state.focus == pane
            state = focus(pane, in: state)
            let row = mouse.y - rect.y - 1
            guard row >= 0 else { return state }
            switch pane {
            case .reader:
                let layout = readerLayout(state)
                let line = layout.line(of: state.reader.top) + row
                guard line < layout.lineCount, let reference = reference(at: mouse.x - readerTextRect(state).x, in: layout.lines[line]) else {
                    return state
                }
                if alreadyFocused, state.reader.selectedReference == reference {
                    return follow(readerDocument(state).references[reference].target, from: state)
                }
                state.reader.selectedReference = reference
            case .outline:
                let rows = outlineRows(state)
                let index = state.outline.top + row
                guard index < rows.count else { return state }
                if alreadyFocused, state.outline.selectedSection == rows[index].section { return follow(.section(rows[index].section), from: state) }
                state.outline.selectedSection = rows[index].section
            case .crossLinks, .backlinks, .bookmarks:
                let (rows, layout) = laidOutRows(of: pane, state)
                var list = state[keyPath: Self.listState(of: pane)]
                let line = (list.top < layout.rowStart.count ? layout.rowStart[list.top] : 0) + row
                guard line < layout.lines.count else { return state }
                let index = rows.selectableRow(from: layout.lines[line].row, direction: -1) ?? layout.lines[line].row
                guard rows[index].isSelectable else { return state }
                // As Enter: a bookmark that cannot be followed from here says why.
                if alreadyFocused, list.selection == index { return listCommand(.open, pane: pane, in: state) }
                list.selection = index
                state[keyPath: Self.listState(of: pane)] = list
            }
        }
        return state
    }

    /// The wheel over the outline while another pane has the focus. The unfocused outline's
    /// selection is the section being read, so the wheel cannot move it (it was put back at
    /// once): it scrolls the outline's view instead, which stays there while reading goes on
    /// in the same section.
    func scrollOutline(by rows: Int, in state: AppState) -> AppState {
        var state = state
        let layout = listLayout(outlineRows(state).map(\.row), pane: .outline, state)
        state.outline.top = layout.top(state.outline.top, scrolledBy: rows, height: contentHeight(of: .outline, state))
        state.outlineScrolled = true
        return state
    }

    func reference(at column: Int, in line: ReaderLine) -> Int? {
        var x = 0
        for span in line.spans {
            let width = span.text.displayWidth
            if column >= x && column < x + width { return span.reference }
            x += width
        }
        return nil
    }

    // MARK: - Invariants

    /// Brings a state back within bounds after any change: the focused pane on screen, scroll
    /// offsets clamped, the selected cross-reference on screen, list selections on selectable
    /// rows and visible.
    func normalized(_ state: AppState) -> AppState {
        var state = state
        // A view saved against another text of this article (a folder's article edited since
        // back or forward last showed it) may name sections and items it no longer has.
        let sections = model.article.sections.count
        if !(0..<sections).contains(state.outline.selectedSection) { state.outline.selectedSection = 0 }
        if state.outline.collapsed.contains(where: { !(0..<sections).contains($0) }) {
            state.outline.collapsed = state.outline.collapsed.filter((0..<sections).contains)
        }
        if case .card(let id) = state.reader.content, model.node(id: id)?.isItem != true { state.reader = ReaderState() }
        // Keys act on the focused pane, so it must be the one shown beside the reader (or under
        // the cross-links), however it got the focus: a key, a view restored at start-up or by
        // back and forward (views keep the focus, not which side pane was up), a resize.
        if !state.layout.isTooSmall, !state.layout.contains(state.focus) { state = focus(state.focus, in: state) }
        let layout = readerLayout(state)
        // Kept as it is when it is within bounds: re-made from this width's line, it would
        // drift up a little at each resize (the line holding its text starts before it).
        let top = layout.line(of: state.reader.top)
        if jumpTop(top, layout: layout) != top || layout.anchor(at: top).block != state.reader.top.block {
            state.reader.top = layout.anchor(at: jumpTop(top, layout: layout))
        }
        state.reader.jumpedTop = jumpedTop(state.reader, layout: layout, height: readerTextRect(state).height)
        // A selection out of view is kept: a resize keeps one that was in view in it
        // (`resized`), and a view restored at a smaller size is scrolled to it (`show`).
        if let selected = state.reader.selectedReference, !layout.referenceLine.indices.contains(selected) {
            state.reader.selectedReference = nil
        }

        let node = currentNode(state)
        for pane in [PaneID.crossLinks, .backlinks, .bookmarks] {
            var list = state[keyPath: Self.listState(of: pane)]
            // A hidden pane's view is brought within bounds once it is shown: laid out at the
            // screen's width meanwhile, a topic's thousands of rows would be wrapped for nothing.
            let laidOut = state.layout.contains(pane) ? laidOutRows(of: pane, state) : nil
            let rows = laidOut?.rows ?? rows(of: pane, state)
            if pane != .bookmarks, list.node != node { list = ListState(node: node) }
            list.selection = rows.validSelection(list.selection) ?? 0
            if let layout = laidOut?.layout {
                list.top = layout.top(list.top, toShow: list.selection, in: rows, height: contentHeight(of: pane, state))
            }
            state[keyPath: Self.listState(of: pane)] = list
        }

        let outline = outlineRows(state)
        if state.focus != .outline {
            // The outline follows the reader; the nearest visible ancestor stands in for a hidden section.
            var section: Int? = currentSection(state)
            while let candidate = section, !outline.contains(where: { $0.section == candidate }) {
                section = model.article.sections[candidate].parent ?? 0
            }
            if section != state.outline.selectedSection { state.outlineScrolled = false }
            state.outline.selectedSection = section ?? 0
        } else {
            state.outlineScrolled = false
        }
        let position = outline.firstIndex { $0.section == state.outline.selectedSection } ?? 0
        let outlineRows = outline.map(\.row)
        let outlineLayout = listLayout(outlineRows, pane: .outline, state)
        let outlineHeight = contentHeight(of: .outline, state)
        state.outline.top = state.outlineScrolled ? outlineLayout.top(state.outline.top, scrolledBy: 0, height: outlineHeight)
            : outlineLayout.top(state.outline.top, toShow: position, in: outlineRows, height: outlineHeight)
        if var finder = state.finder {
            finder.top = FinderFrame(size: state.size).top(finder.top, toShow: finder.selection, of: finder.results.count)
            state.finder = finder
        }
        // At the top (nearly always) there is nothing to clamp, and no help text to lay out.
        if state.helpTop != 0 {
            state.helpTop = min(max(state.helpTop, 0), helpLayout(state).maxTop)
        }
        return state
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
