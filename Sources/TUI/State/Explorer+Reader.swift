import Content

/// The reader's commands: scrolling, moving between cross-references, and resizing.
extension Explorer {
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
        // G keeps a selection at the end, on the last cross-reference in view, as lynx's End
        // selects the last link (QA 38: the first in view, an earlier section's, was the one
        // the status bar named at the very end, and [ went up from it off the end).
        return selectionInView(state, layout: layout, top: top, height: height, lastInView: command == .bottom)
    }

    /// `state` at a new terminal size. The reader keeps its top line (see `normalized`), unless
    /// that would take what it keeps in view out of it: the search's current match while it is
    /// the search's place (QA 23: with `/sovi` typed at 120×40, a resize to 40×12 showed the
    /// lead while the prompt said "match 1/35"), else the selected cross-reference (it was off
    /// screen: Enter refused it, ] started over at the top of the view). The reader then
    /// scrolls just enough to show it whole, as vim keeps the cursor on screen. One already out
    /// of view stays where it is. Too small, the terminal shows no view: what was in view
    /// before is kept in view when it grows (`ViewsBeforeResize.keptInView`).
    func resized(_ state: AppState, to size: Size) -> AppState {
        // The match, while it is the search's place (`viewLeft`).
        let keepsMatch = state.search.map { $0.current != nil && !viewLeft($0, in: state) } ?? false
        func kept(_ state: AppState) -> ClosedRange<Int>? {
            keepsMatch ? matchLine(state).map { $0...$0 } : selectedReferenceLines(state)
        }
        let wasInView = state.layout.isTooSmall ? state.beforeResize.keptInView
            : kept(state).map { readerView(state).contains($0.lowerBound) } ?? false
        var state = restoringViewsBeforeResize(state, to: size)
        state.size = size
        state.beforeResize.keptInView = state.layout.isTooSmall && wasInView
        guard wasInView, !state.layout.isTooSmall, let lines = kept(state) else { return state }
        // From the top chosen before earlier resizes, when one of them moved it.
        let chosen = state.beforeResize.readerTop ?? state.reader.top
        state.reader.top = chosen
        let view = readerView(state)
        if view.contains(lines.lowerBound), view.contains(lines.upperBound) {
            state.beforeResize.readerTop = nil
        } else {
            state.beforeResize.readerTop = chosen
            state.reader.top = topShowing(lines, in: state)
        }
        // The match is still the search's place: n goes on from it.
        if keepsMatch { state.search?.shownTop = state.reader.top }
        return state
    }

    /// The line of the search's current match, if there is one.
    private func matchLine(_ state: AppState) -> Int? {
        guard let search = state.search, let current = search.current else { return nil }
        return readerLayout(state).line(of: search.matches[current])
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
    /// `lastInView`: to the last, for a move to the end.
    func selectionInView(_ state: AppState, layout: ReaderLayout, top: Int, height: Int, lastInView: Bool = false) -> AppState {
        var state = state
        let view = top..<(top + height)
        if let selected = state.reader.selectedReference, layout.referenceLine.indices.contains(selected),
           !view.contains(layout.referenceLine[selected]) {
            state.reader.selectedReference = lastInView ? layout.referenceLine.lastIndex(where: view.contains)
                : layout.referenceLine.firstIndex(where: view.contains)
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
}
