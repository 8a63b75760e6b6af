import Content

/// Clicks and the wheel, on the panes and on the overlays.
extension Explorer {
    /// The mouse while an overlay is up, or nil when none is. As in less, vim and w3m it acts
    /// on what is in front: the wheel scrolls the help or moves the link map's or finder's
    /// selection, a click in the finder or the map picks a result or node; other clicks do
    /// nothing, and the panes hidden behind never see the event (a click used to follow a link
    /// under the help).
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
        if state.linkMap != nil { return wheel.map { linkMapCommand($0, in: state) } ?? linkMapClick(mouse, in: state) }
        // A prompt has nothing to scroll, and what is behind it must stay as it is while typing.
        if state.prompt != nil { return state }
        return nil
    }

    /// A click in the link map selects the node under it, and follows it when it was selected
    /// already, as a click does in the panes and the finder; elsewhere in the map it does nothing.
    func linkMapClick(_ mouse: MouseEvent, in state: AppState) -> AppState {
        guard var open = state.linkMap else { return state }
        let map = linkMaps[open.focus]
        guard let node = map.node(atX: mouse.x, y: mouse.y, in: Self.linkMapArea(state.size), selected: open.selection) else {
            return state
        }
        if node == open.selection { return linkMapCommand(.open, in: state) }
        var state = state
        open.selection = node
        state.linkMap = open
        return state
    }

    /// The mouse over the panes: the wheel scrolls the pane under the pointer; a click focuses
    /// that pane and selects the row or link under it, and follows it only when the pane had
    /// the focus already and that row or link was its selection, as lazygit's lists do
    /// (`ListController.HandleClick`). An unfocused pane's selection is marked too (dimmed),
    /// and one click on it followed it at once (the cross-links' selected topic opened at
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
                // A detail (the rationale under an entry) is its entry's; a group's header is no
                // entry, and a click on it only focuses the pane (it selected the entry above the
                // header, and a second click opened that entry).
                let clicked = layout.lines[line].row
                let index = layout.isDetail[clicked] ? layout.entryStart(clicked) : clicked
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
}
