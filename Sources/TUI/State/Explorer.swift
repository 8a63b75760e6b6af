import Content

/// The explorer's pure core: the model it explores, its keymap, and the functions from
/// (state, action) to the next state and from state to a screen. No terminal here.
public struct Explorer: Sendable {
    public let model: LinkedArticle
    public let keymap: KeyMap
    public let layouts: ReaderLayoutCache
    /// The panes Tab cycles through, in order.
    public let panes: [PaneID] = [.outline, .reader, .crossLinks, .backlinks]

    public init(model: LinkedArticle, keymap: KeyMap = .standard) {
        self.model = model
        self.keymap = keymap
        self.layouts = ReaderLayoutCache { content in
            switch content {
            case .article: ReaderDocument.article(model)
            case .card(let id): ReaderDocument.card(for: id, in: model)
            }
        }
    }

    public func initialState(size: Size) -> AppState {
        normalized(AppState(size: size))
    }

    /// The action a terminal event asks for, if any.
    public func action(for event: InputEvent) -> Action {
        switch event {
        case .key(let key): keymap.command(for: key).map(Action.command) ?? .unbound(key)
        case .mouse(let mouse): .mouse(mouse)
        case .resize(let width, let height): .resize(Size(width: width, height: height))
        }
    }

    public func update(_ state: AppState, _ action: Action) -> AppState {
        var state = state
        state.notice = nil
        switch action {
        case .resize(let size):
            state.size = size
        case .follow(let target):
            state = follow(target, from: state)
        case .mouse(let mouse):
            state = handle(mouse, in: state)
        case .unbound(let key):
            state.notice = "\(key.displayName) is not bound to anything: ? lists the keys."
        case .command(let command):
            state = state.showsHelp ? helpCommand(command, in: state) : perform(command, in: state)
        }
        return normalized(state)
    }

    // MARK: - Geometry the update needs

    /// The reader's text area: its pane without the title row, with a one-column margin.
    func readerTextRect(_ state: AppState) -> Rect {
        let layout = state.layout.contains(.reader) ? state.layout
            : ScreenLayout(size: state.size, focus: .reader, side: state.sidePane, lower: state.lowerPane, zoomed: state.zoomed)
        guard let rect = layout.rect(of: .reader) else { return Rect(x: 0, y: 1, width: 1, height: 1) }
        return Rect(x: rect.x + 1, y: rect.y + 1, width: max(rect.width - 2, 1), height: max(rect.height - 1, 1))
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

    /// The section the reader is in: that of the block at the top of the view.
    public func currentSection(_ state: AppState) -> Int {
        let document = readerDocument(state)
        guard !document.blocks.isEmpty else { return 0 }
        let layout = readerLayout(state)
        let top = min(readerTopLine(state), max(layout.lineCount - 1, 0))
        guard top < layout.lines.count else { return 0 }
        var block = layout.lines[top].block
        // A heading at the very top belongs to its section even while its spacing line shows.
        if layout.lines[top].spans.isEmpty, block < document.blocks.count { block = layout.lines[top].block }
        return document.blocks[block].section
    }

    /// The node the cross-links and backlinks panes describe: the card's item, the item that
    /// holds the selected cross-reference, or the current section.
    public func currentNode(_ state: AppState) -> String {
        if case .card(let id) = state.reader.content { return id }
        let document = readerDocument(state)
        if let selected = state.reader.selectedReference, selected < document.references.count {
            let block = document.blocks[document.references[selected].block]
            return block.item ?? model.article.sections[block.section].id
        }
        return model.article.sections[currentSection(state)].id
    }

    func outlineRows(_ state: AppState) -> [(section: Int, row: ListRow)] {
        PaneRows.outline(model, collapsed: state.outline.collapsed, current: currentSection(state))
    }

    func rows(of pane: PaneID, _ state: AppState) -> [ListRow] {
        switch pane {
        case .outline: outlineRows(state).map(\.row)
        case .crossLinks: PaneRows.crossLinks(model, node: currentNode(state))
        case .backlinks: PaneRows.backlinks(model, node: currentNode(state))
        case .reader, .bookmarks: []
        }
    }

    /// The rows of a list pane laid out at its width (one-column margins on both sides).
    func listLayout(_ rows: [ListRow], pane: PaneID, _ state: AppState) -> ListLayout {
        ListLayout(rows: rows, width: max((state.layout.rect(of: pane)?.width ?? state.size.width) - 2, 1))
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
        case .closeOverlay: state.zoomed = false
        case .zoom: state.zoomed.toggle()
        case .nextPane, .previousPane:
            let index = panes.firstIndex(of: state.focus) ?? 0
            let step = command == .nextPane ? 1 : panes.count - 1
            state = focus(panes[(index + step) % panes.count], in: state)
        case .focusOutline: state = focus(.outline, in: state)
        case .focusReader: state = focus(.reader, in: state)
        case .focusCrossLinks: state = focus(.crossLinks, in: state)
        case .focusBacklinks: state = focus(.backlinks, in: state)
        case .focusBookmarks: state.notice = "Bookmarks are not available in this build."
        case .back: state = goBack(state)
        case .forward: state = goForward(state)
        case .nextReference: state = moveReference(by: 1, in: state)
        case .previousReference: state = moveReference(by: -1, in: state)
        case .moveDown, .moveUp, .pageDown, .pageUp, .top, .bottom, .open, .collapse, .expand:
            switch state.focus {
            case .reader: state = readerCommand(command, in: state)
            case .outline: state = outlineCommand(command, in: state)
            case .crossLinks, .backlinks: state = listCommand(command, pane: state.focus, in: state)
            case .bookmarks: break
            }
        }
        return state
    }

    func helpCommand(_ command: Command, in state: AppState) -> AppState {
        var state = state
        let page = max(state.size.height - 4, 1)
        switch command {
        case .help, .closeOverlay, .quit: state.showsHelp = false
        case .moveDown: state.helpTop += 1
        case .moveUp: state.helpTop -= 1
        case .pageDown: state.helpTop += page
        case .pageUp: state.helpTop -= page
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
        case .top: newTop = 0
        case .bottom: newTop = layout.lineCount
        case .open:
            guard let selected = state.reader.selectedReference, selected < readerDocument(state).references.count else {
                state.notice = "No cross-reference selected: ] selects the next one."
                return state
            }
            return follow(readerDocument(state).references[selected].target, from: state)
        case .collapse, .expand: return state
        default: return state
        }
        let top = clampTop(newTop, layout: layout, height: height)
        state.reader.top = layout.anchor(at: top)
        // As in lynx, a selection scrolled out of view gives way to the first reference in view.
        if let selected = state.reader.selectedReference, !(top..<(top + height)).contains(layout.referenceLine[selected]) {
            state.reader.selectedReference = layout.referenceLine.firstIndex { $0 >= top && $0 < top + height }
        }
        return state
    }

    func clampTop(_ top: Int, layout: ReaderLayout, height: Int) -> Int {
        min(max(top, 0), max(layout.lineCount - height, 0))
    }

    /// Selects the next (+1) or previous (-1) cross-reference, scrolling it into view.
    func moveReference(by step: Int, in state: AppState) -> AppState {
        var state = state
        if !state.layout.contains(.reader) { state = focus(.reader, in: state) }
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
        return state
    }

    func outlineCommand(_ command: Command, in state: AppState) -> AppState {
        var state = state
        let rows = outlineRows(state)
        let article = model.article
        guard let position = rows.firstIndex(where: { $0.section == state.outline.selectedSection }) else { return state }
        let page = max(contentHeight(of: .outline, state) - 1, 1)
        func select(_ index: Int) {
            state.outline.selectedSection = rows[min(max(index, 0), rows.count - 1)].section
        }
        let selected = state.outline.selectedSection
        switch command {
        case .moveDown: select(position + 1)
        case .moveUp: select(position - 1)
        case .pageDown: select(position + page)
        case .pageUp: select(position - page)
        case .top: select(0)
        case .bottom: select(rows.count - 1)
        case .open: return follow(.section(selected), from: state)
        case .collapse:
            if !article.children(of: selected).isEmpty, !state.outline.collapsed.contains(selected), selected != 0 {
                state.outline.collapsed.insert(selected)
            } else if let parent = article.sections[selected].parent {
                state.outline.selectedSection = parent
            }
        case .expand:
            if state.outline.collapsed.contains(selected) {
                state.outline.collapsed.remove(selected)
            } else if let child = article.children(of: selected).first, selected != 0 {
                state.outline.selectedSection = child
            }
        default: break
        }
        return state
    }

    func listCommand(_ command: Command, pane: PaneID, in state: AppState) -> AppState {
        var state = state
        let rows = rows(of: pane, state)
        var list = pane == .crossLinks ? state.crossLinks : state.backlinks
        let page = max(contentHeight(of: pane, state) - 1, 1)
        let current = rows.validSelection(list.selection) ?? 0
        switch command {
        case .moveDown: list.selection = rows.selectableRow(from: current + 1, direction: 1) ?? current
        case .moveUp: list.selection = rows.selectableRow(from: current - 1, direction: -1) ?? current
        case .pageDown: list.selection = rows.validSelection(current + page) ?? current
        case .pageUp: list.selection = rows.validSelection(current - page) ?? current
        case .top: list.selection = rows.firstSelectable ?? 0
        case .bottom: list.selection = rows.lastSelectable ?? 0
        case .open:
            guard current < rows.count, let target = rows[current].target else { return state }
            return follow(target, from: state)
        default: break
        }
        if pane == .crossLinks { state.crossLinks = list } else { state.backlinks = list }
        return state
    }

    // MARK: - Following and history

    func snapshot(_ state: AppState) -> ViewSnapshot {
        ViewSnapshot(focus: state.focus, reader: state.reader, outline: state.outline,
                     crossLinks: state.crossLinks, backlinks: state.backlinks, label: label(of: state))
    }

    func restore(_ view: ViewSnapshot, into state: AppState) -> AppState {
        var state = state
        state.focus = view.focus
        state.reader = view.reader
        state.outline = view.outline
        state.crossLinks = view.crossLinks
        state.backlinks = view.backlinks
        return state
    }

    /// How the jump path names the current view.
    public func label(of state: AppState) -> String {
        let node = currentNode(state)
        if case .section(0)? = model.node(id: node) { return model.article.title }
        return model.label(of: node)
    }

    public func follow(_ target: Target, from state: AppState) -> AppState {
        var state = state
        state.history.record(snapshot(state))
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
                reader.selectedReference = document.references.firstIndex { $0.block == block }
            }
        case .sourceLine(let line):
            let document = layouts.document(.article)
            if let block = document.block(holdingSourceLine: line) { reader.top = ReaderAnchor(block: block) }
        }
        state.reader = reader
        // Show a little of what comes before an item or a mention, as a browser does for anchors.
        if case .item = target { state.reader.top = context(before: reader.top, lines: 2, in: state) }
        if case .sourceLine = target { state.reader.top = context(before: reader.top, lines: 1, in: state) }
        if !state.layout.contains(.reader) { state = focus(.reader, in: state) }
        return state
    }

    func context(before anchor: ReaderAnchor, lines: Int, in state: AppState) -> ReaderAnchor {
        let layout = readerLayout(state)
        let height = readerTextRect(state).height
        return layout.anchor(at: clampTop(layout.line(of: anchor) - lines, layout: layout, height: height))
    }

    func goBack(_ state: AppState) -> AppState {
        var state = state
        guard let previous = state.history.goBack(from: snapshot(state)) else {
            state.notice = "Nothing to go back to."
            return state
        }
        return restore(previous, into: state)
    }

    func goForward(_ state: AppState) -> AppState {
        var state = state
        guard let next = state.history.goForward(from: snapshot(state)) else {
            state.notice = "Nothing to go forward to."
            return state
        }
        return restore(next, into: state)
    }

    /// The labels from the first jump to here, when there were jumps.
    public func jumpPath(_ state: AppState) -> [String] {
        state.history.back.isEmpty ? [] : state.history.back.map(\.label) + [label(of: state)]
    }

    // MARK: - Mouse

    func handle(_ mouse: MouseEvent, in state: AppState) -> AppState {
        var state = state
        guard let pane = state.layout.pane(atX: mouse.x, y: mouse.y), let rect = state.layout.rect(of: pane) else { return state }
        switch mouse.kind {
        case .wheelUp, .wheelDown:
            let command: Command = mouse.kind == .wheelUp ? .moveUp : .moveDown
            let focus = state.focus
            state.focus = pane
            for _ in 0..<3 { state = perform(command, in: normalized(state)) }
            state.focus = focus
            return state
        case .press:
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
                if state.reader.selectedReference == reference {
                    return follow(readerDocument(state).references[reference].target, from: state)
                }
                state.reader.selectedReference = reference
            case .outline:
                let rows = outlineRows(state)
                let index = state.outline.top + row
                guard index < rows.count else { return state }
                if state.outline.selectedSection == rows[index].section { return follow(.section(rows[index].section), from: state) }
                state.outline.selectedSection = rows[index].section
            case .crossLinks, .backlinks:
                let rows = rows(of: pane, state)
                var list = pane == .crossLinks ? state.crossLinks : state.backlinks
                let layout = listLayout(rows, pane: pane, state)
                let line = (list.top < layout.rowStart.count ? layout.rowStart[list.top] : 0) + row
                guard line < layout.lines.count else { return state }
                let index = rows.selectableRow(from: layout.lines[line].row, direction: -1) ?? layout.lines[line].row
                guard let target = rows[index].target else { return state }
                if list.selection == index { return follow(target, from: state) }
                list.selection = index
                if pane == .crossLinks { state.crossLinks = list } else { state.backlinks = list }
            case .bookmarks:
                break
            }
        }
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

    /// Brings a state back within bounds after any change: scroll offsets clamped, the selected
    /// cross-reference on screen, list selections on selectable rows and visible.
    func normalized(_ state: AppState) -> AppState {
        var state = state
        let layout = readerLayout(state)
        let height = readerTextRect(state).height
        let top = clampTop(layout.line(of: state.reader.top), layout: layout, height: height)
        state.reader.top = layout.anchor(at: top)
        // The selection survives a resize even when the smaller view no longer shows it.
        if let selected = state.reader.selectedReference, selected >= layout.referenceLine.count {
            state.reader.selectedReference = nil
        }

        let node = currentNode(state)
        for pane in [PaneID.crossLinks, .backlinks] {
            var list = pane == .crossLinks ? state.crossLinks : state.backlinks
            let rows = rows(of: pane, state)
            if list.node != node { list = ListState(node: node) }
            list.selection = rows.validSelection(list.selection) ?? 0
            list.top = listLayout(rows, pane: pane, state).top(list.top, toShow: list.selection, in: rows, height: contentHeight(of: pane, state))
            if pane == .crossLinks { state.crossLinks = list } else { state.backlinks = list }
        }

        let outline = outlineRows(state)
        if state.focus != .outline {
            // The outline follows the reader; the nearest visible ancestor stands in for a hidden section.
            var section: Int? = currentSection(state)
            while let candidate = section, !outline.contains(where: { $0.section == candidate }) {
                section = model.article.sections[candidate].parent ?? 0
            }
            state.outline.selectedSection = section ?? 0
        }
        let position = outline.firstIndex { $0.section == state.outline.selectedSection } ?? 0
        let outlineRows = outline.map(\.row)
        state.outline.top = listLayout(outlineRows, pane: .outline, state).top(state.outline.top, toShow: position, in: outlineRows,
                                                                                 height: contentHeight(of: .outline, state))
        state.helpTop = min(max(state.helpTop, 0), max(HelpScreen.lineCount(keymap) - (state.size.height - 3), 0))
        return state
    }
}
