import Content

/// Following cross-references, and back and forward through the views left.
extension Explorer {
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
        case .mention(let id, let line):
            // The mention selected, not only its text on screen (QA 30: Enter then said "No
            // cross-reference selected"): the block's first reference to the item.
            let document = layouts.document(.article)
            if let block = document.block(holdingSourceLine: line) {
                reader.top = ReaderAnchor(block: block)
                // Else one of its name: a mention of a name that items of two kinds have links
                // the first of them (QA 31: a see-also topic's mention, linked to the strategy).
                // Of a paragraph's, the one on `line` (QA 32: the paragraph's first).
                let item = Target.node(id, in: model)
                let name = model.displayName(of: id)
                let inBlock = document.references.indices.filter { document.references[$0].block == block }
                let onLine = inBlock.filter { document.references[$0].sourceLine.map { $0 == line } ?? true }
                reader.selectedReference = onLine.first { document.references[$0].target == item }
                    ?? onLine.first { document.references[$0].label == name }
                    ?? inBlock.first { document.references[$0].target == item }
                    ?? inBlock.first { document.references[$0].label == name }
            }
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
        switch target {
        case .sourceLine, .mention: state.reader.top = context(before: reader.top, lines: 1, in: state)
        default: break
        }
        // A jump to where the reader already is adds nothing to go back to, whichever
        // cross-reference it selects there.
        if !state.reader.isSamePlace(as: before) { state.history.record(here) }
        if !state.layout.contains(.reader) { state = focus(.reader, in: state) }
        // The outline's cursor goes with the jump, as it follows the reader when another pane
        // has the focus: `m` there bookmarked the row the cursor was left on, not the section
        // on screen (QA 29: `1 : legacy Enter m` bookmarked the lead).
        if state.focus == .outline, state.reader.content == .article {
            state.outline.selectedSection = outlineRow(showing: currentSection(state), in: outlineRows(state))
        }
        return state
    }

    func context(before anchor: ReaderAnchor, lines: Int, in state: AppState) -> ReaderAnchor {
        let layout = readerLayout(state)
        return layout.anchor(at: clampTop(layout.line(of: anchor) - lines, layout: layout, height: readerTextRect(state).height))
    }

    /// Whether `view` can be shown here: one of this article, or of an article of the folder
    /// loaded. A session is its file's, read alone or in its folder, so a folder's article
    /// opened alone (or a folder whose other file is gone) restores steps to articles it
    /// cannot open, which its views name by title; each took
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

    /// The article on screen still, after `title` could not be opened (`Action.notOpened`). A
    /// jump recorded the view as the way back from an article never reached, which is where it
    /// stands. A step of the history (H or L) stays where it was, to be opened once its file
    /// loads again, and the same key pressed again passes over it and the other steps into
    /// that article (`travel`); the update saves the history so, over the save of the step taken.
    func notOpened(_ title: String, step: UntakenStep?, in state: AppState) -> AppState {
        var state = state
        if let step {
            state.history = step.history
            state.unopened = step.unopened.union([title])
        } else {
            state.history.settle(at: snapshot(state))
        }
        return state
    }

    /// The labels from the first jump to here, when there were jumps.
    public func jumpPath(_ state: AppState) -> [String] {
        state.history.back.isEmpty ? [] : state.history.back.map(\.label) + [stepLabel(of: state)]
    }
}
