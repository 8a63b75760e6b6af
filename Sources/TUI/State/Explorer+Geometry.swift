import Content

/// Where things are on screen, as the update needs them: the reader's text area and layout, the
/// list panes' rows and sizes, what is selected.
extension Explorer {
    /// The reader's text area: its pane without the title row, with a one-column margin.
    func readerTextRect(_ state: AppState) -> Rect {
        // Too small a screen shows only its notice: the reader is laid out as on the smallest
        // one that shows it, not in a column a cell wide (a 22 MB article took 7 s so, and
        // a line for each of its characters).
        let minimum = ScreenLayout.minimumSize
        let size = Size(width: max(state.size.width, minimum.width), height: max(state.size.height, minimum.height))
        let layout = state.layout.contains(.reader) ? state.layout
            : ScreenLayout(size: size, focus: .reader, side: state.sidePane, lower: state.lowerPane, zoomed: state.zoomed)
        guard let rect = layout.rect(of: .reader) else { return Rect(x: 0, y: 1, width: 1, height: 1) }
        return Rect(x: rect.x + 1, y: rect.y + 1, width: state.display.layout.textWidth(available: max(rect.width - 2, 1)),
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
        case .bookmarks: PaneRows.bookmarks(state.bookmarks, model: model, bookmarkKey: keymap.keyName(for: .toggleBookmark),
                                            unwritable: state.bookmarksUnwritable)
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
        var height: Int
    }

    /// The selection and scroll of list pane `pane`. The outline and the reader are no lists:
    /// asking for theirs is a mistake (it gave the backlinks' state).
    static func listState(of pane: PaneID) -> WritableKeyPath<AppState, ListState> {
        switch pane {
        case .crossLinks: \.crossLinks
        case .backlinks: \.backlinks
        case .bookmarks: \.bookmarkList
        case .outline, .reader: preconditionFailure("the \(pane) pane is not a list")
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
            case .sourceLine?, .mention?, .article?, .bookmark?, .seeAlsoEntry?, nil: return nil
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

    /// The node of the cross-reference selected in the focused reader, which Enter follows;
    /// nil when none is, or it leads elsewhere.
    func selectedReferenceNode(_ state: AppState) -> String? {
        guard state.focus == .reader else { return nil }
        switch state.reader.selectedReference.flatMap({ readerDocument(state).references[safe: $0] })?.target {
        case .item(let id)?, .card(let id)?, .mention(let id, _)?: return id
        case .section(let section)?: return model.article.sections[section].id
        case .sourceLine?, .article?, .bookmark?, .seeAlsoEntry?, nil: return nil
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
        switch ContextKeys.prompt.effect(of: key, in: keymap) {
        case .cancel?:
            state.prompt = nil
            if prompt.purpose == .search { return cancelSearch(state) }
            state.notice = "Note not changed."
            return state
        case .accept?:
            state.prompt = nil
            if prompt.purpose == .search { return finishSearch(state) }
            return saveNote(prompt.text.trimmingCharacters(in: .whitespaces), for: prompt, in: state)
        case .typeSpace?:
            prompt.input.insert(" ")
        case .redraw?:
            return state  // `action(for:)` made it the redraw: nothing to change here
        case nil:
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
    func saveNote(_ note: String, for prompt: Prompt, in state: AppState) -> AppState {
        var state = state
        let existing: BookmarkEntry? = switch prompt.purpose {
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
        switch prompt.purpose {
        case .noteOnCurrent(let section, let item): state.effects.append(.setNote(note, section: section, item: item, shown: prompt.shown))
        case .noteOnBookmark(let id): state.effects.append(.setBookmarkNote(note, bookmark: id, shown: prompt.shown ?? ""))
        case .search: break
        }
        return state
    }

    /// The bookmark on (section, item) of this article, when there is one and it still resolves.
    func bookmark(onSection section: Int, item: String?, _ state: AppState) -> BookmarkEntry? {
        state.bookmarks.first { $0.section == section && $0.item == item && !$0.isOrphaned }
    }

    /// What d, r and Enter say in an empty Bookmarks pane: what the pane says.
    func noBookmarksYet(_ state: AppState) -> String {
        PaneRows.noBookmarksYet(bookmarkKey: keymap.keyName(for: .toggleBookmark), unwritable: state.bookmarksUnwritable)
    }

    /// The rows of a list pane laid out at its width (one-column margins on both sides).
    func listLayout(_ rows: [ListRow], pane: PaneID, _ state: AppState) -> ListLayout {
        ListLayout(rows: rows, width: listWidth(of: pane, state), height: contentHeight(of: pane, state))
    }

    /// A list pane's rows and their layout at its width; the cross-links' and backlinks' as
    /// they were the last time (`nodeRows`, `nodeRowLayouts`).
    func laidOutRows(of pane: PaneID, _ state: AppState) -> (rows: [ListRow], layout: ListLayout) {
        switch pane {
        case .crossLinks, .backlinks:
            let key = NodePane(pane: pane, node: currentNode(state))
            return (nodeRows[key], nodeRowLayouts[NodePaneWidth(rows: key, width: listWidth(of: pane, state), height: contentHeight(of: pane, state))])
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
}
