import Content

/// The state brought back within bounds after every change.
extension Explorer {
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
            // The outline follows the reader.
            let section = outlineRow(showing: currentSection(state), in: outline)
            if section != state.outline.selectedSection { state.outlineScrolled = false }
            state.outline.selectedSection = section
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

    /// The outline's row for `section`: the section, else the nearest ancestor shown (a
    /// collapsed parent stands in for it), else the lead.
    func outlineRow(showing section: Int, in outline: [(section: Int, row: ListRow)]) -> Int {
        var section: Int? = section
        while let candidate = section, !outline.contains(where: { $0.section == candidate }) {
            section = model.article.sections[candidate].parent ?? 0
        }
        return section ?? 0
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
