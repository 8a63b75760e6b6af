import Content

/// Search in the reader (`/`, `n`, `N`) and the go-to finder (`:`, `Ctrl-P`).
extension Explorer {
    func find(_ command: Command, in state: AppState) -> AppState {
        var state = state
        switch command {
        case .search:
            state.viewBeforeSearch = snapshot(state)
            if !state.layout.contains(.reader) { state = focus(.reader, in: state) }
            state.searchBeforePrompt = state.search
            state.search = SearchState(query: "", matches: [], current: nil, origin: state.reader)
            state.prompt = Prompt(label: "/", text: "", purpose: .search)
        case .searchNext, .searchPrevious:
            // A jump, as n and N are in vim, when the match was off screen.
            state = recordingJump(from: state, to: goToMatch(forward: command == .searchNext, in: state))
        case .goTo:
            // Its results (every entry, folded now rather than on the first keystroke) are
            // matched once `update` sees it open.
            state.finder = FinderState()
            // In a folder, it offers the files there now: a file added since is an article
            // to go to, a file removed is none.
            if neighbours.isFolder { state.effects.append(.relistFolder(then: .command(.goTo))) }
        default:
            break
        }
        return state
    }

    /// n (`forward`) or N: the next or previous match made current and shown.
    func goToMatch(forward: Bool, in state: AppState) -> AppState {
        var state = state
        guard let search = state.search ?? searchAgain(state) else {
            state.notice = "No search" + (keymap.keyName(for: .search).map { ": \($0) starts one." } ?? ".")
            return state
        }
        guard !search.matches.isEmpty else {
            state.notice = "Not found: \(search.query.quotable)"
            return state
        }
        let (next, wrapped) = nextMatch(of: search, forward: forward, in: state)
        state = select(next, of: search, in: state)
        // The status bar's right shows "match 2/5"; the notice says only what it cannot.
        state.notice = wrapped ? Self.searchWrapped(forward: forward) : nil
        return state
    }

    /// What a search that went on from the other end says, as vim's "search hit BOTTOM,
    /// continuing at TOP".
    static func searchWrapped(forward: Bool) -> String {
        forward ? "search wrapped to the top" : "search wrapped to the bottom"
    }

    /// Called on every keystroke of the search prompt: matches are found and the first one at
    /// or after where the search started is shown, as in less and vim with incsearch.
    func searchChanged(_ query: String, in state: AppState) -> AppState {
        var state = state
        guard var search = state.search else { return state }
        search.matches = layouts.document(search.origin.content)
            .matches(of: TextSearch(query), after: TextSearch(search.query), had: search.matches)
        search.query = query
        state.reader = search.origin
        guard !search.matches.isEmpty else {
            search.current = nil
            state.search = search
            return state
        }
        let layout = layouts.layout(search.origin.content, width: readerTextRect(state).width)
        let originTop = layout.line(of: search.origin.top)
        let first = search.matches.partitioningIndex { layout.line(of: $0) >= originTop }
        return select(first < search.matches.count ? first : 0, of: search, in: state)
    }

    /// The last pattern's matches in what the reader shows now, none of them current (so n
    /// and N start from the view), but the one Esc left current, found again in the same text
    /// (so n and N go on from it while the view still shows it: see `nextMatch`).
    func searchAgain(_ state: AppState) -> SearchState? {
        guard let pattern = state.lastSearch else { return nil }
        var search = SearchState(query: pattern, matches: readerDocument(state).matches(of: TextSearch(pattern)), current: nil,
                                 origin: state.reader)
        if let cleared = state.matchBeforeEscape, cleared.content == state.reader.content,
           let index = search.matches.firstIndex(of: cleared.match) {
            search.current = index
            search.shownTop = cleared.shownTop
        }
        return search
    }

    /// The match n (`forward`) or N goes to, and whether it wrapped around the document. From
    /// the current match while the reader still shows it; once the view has left it (G, a
    /// page, the wheel), from the view, as less does: forward from its top line, backward
    /// from its bottom one, so that the matches on screen come first. The matches are in
    /// reading order, so their lines never go back: bisected, not each one's line found (a
    /// long paragraph has thousands of lines and matches).
    func nextMatch(of search: SearchState, forward: Bool, in state: AppState) -> (index: Int, wrapped: Bool) {
        let count = search.matches.count
        if let current = search.current, !viewLeft(search, in: state) {
            let next = (current + (forward ? 1 : count - 1)) % count
            return (next, forward ? next < current : next > current)
        }
        let layout = readerLayout(state)
        let top = layout.line(of: state.reader.top)
        if forward {
            let first = search.matches.partitioningIndex { layout.line(of: $0) >= top }
            return first < count ? (first, false) : (0, true)
        }
        let bottom = top + readerTextRect(state).height
        let last = search.matches.partitioningIndex { layout.line(of: $0) >= bottom } - 1
        return last >= 0 ? (last, false) : (count - 1, true)
    }

    /// Whether the reader has scrolled since the current match was shown, until the match is
    /// off screen. (A match still on screen is still where the reader is: n from the top of
    /// the view would go back to the matches above it.)
    func viewLeft(_ search: SearchState, in state: AppState) -> Bool {
        guard let current = search.current else { return true }
        guard state.reader.top != search.shownTop else { return false }
        let layout = readerLayout(state)
        let top = layout.line(of: state.reader.top)
        return !(top..<(top + readerTextRect(state).height)).contains(layout.line(of: search.matches[current]))
    }

    /// Makes match `index` the current one and scrolls it into view.
    func select(_ index: Int, of search: SearchState, in state: AppState) -> AppState {
        var search = search
        search.current = index
        var state = show(search.matches[index], in: state)
        search.shownTop = state.reader.top
        state.search = search
        return selectingReference(at: search.matches[index], in: state)
    }

    /// The cross-reference the current match lies in (or overlaps) becomes the selected one, as
    /// lynx makes a matched link current: Enter follows it and the side panes describe it
    /// (Enter said "No cross-reference selected" on `/Syndicalism`'s match). A match in none
    /// leaves the selection to the rule scrolling follows (`selectionInView`): kept on screen,
    /// else giving way to the first reference in view, or none; nothing selected stays so. A
    /// selection off screen (kept from a taller screen) was what Enter and the panes acted on.
    func selectingReference(at match: SearchMatch, in state: AppState) -> AppState {
        var state = state
        if let reference = readerDocument(state).reference(overlapping: match) {
            state.reader.selectedReference = reference
            return state
        }
        let layout = readerLayout(state)
        return selectionInView(state, layout: layout, top: layout.line(of: state.reader.top), height: readerTextRect(state).height)
    }

    /// Enter on the search prompt. A search that has moved the reader is a jump, as in less
    /// and vim: where `/` was pressed is a step back.
    func finishSearch(_ state: AppState) -> AppState {
        let finished = finishedSearch(state)
        guard let start = state.viewBeforeSearch else { return finished }
        var state = finished
        state.viewBeforeSearch = nil
        if !state.reader.isSamePlace(as: start.reader) { state.history.record(start) }
        return state
    }

    /// The search as Enter leaves it: the pattern kept, the matches shown or said missing.
    func finishedSearch(_ state: AppState) -> AppState {
        var state = state
        let before = state.searchBeforePrompt
        state.searchBeforePrompt = nil
        // Nothing typed: the last pattern again, forward as n goes, as / Enter is in vim and
        // less (from its current match when one is shown, else from the view).
        if state.search?.query.isEmpty == true, state.lastSearch != nil {
            state.search = before ?? searchAgain(state)
            return goToMatch(forward: true, in: state)
        }
        guard let search = state.search else { return state }
        if !search.query.isEmpty { state.lastSearch = search.query }
        if search.query.isEmpty {
            // Nothing typed, and no pattern before to repeat: said, where the prompt closed
            // without a word, as if the key were lost (vim: "E35: No previous regular expression").
            state.search = nil
            state.notice = "No previous search."
        } else if search.matches.isEmpty {
            // Quotable: a query of characters that show nothing is named (QA 31: "Not found: ").
            state.notice = "Not found: \(search.query.quotable)"
            state.search = nil
        } else {
            // The count is on the status bar's right already ("match 1/3").
            let found = search.matches.count > 1 ? movingBetweenMatches : "the only match"
            // Found only above where it started (`searchChanged`), it wrapped, said as n says it
            // (the reader went from the end to the top silently); first, as a long notice is cut.
            state.notice = wrappedAround(search, in: state)
                ? Self.searchWrapped(forward: true) + (found.map { "; " + $0 } ?? "") : found
        }
        return state
    }

    /// Whether the current match is above where the search started.
    func wrappedAround(_ search: SearchState, in state: AppState) -> Bool {
        guard let current = search.current else { return false }
        let layout = layouts.layout(search.origin.content, width: readerTextRect(state).width)
        return layout.line(of: search.matches[current]) < layout.line(of: search.origin.top)
    }

    /// How n and N are named after a search with several matches; nil when neither is bound.
    var movingBetweenMatches: String? {
        switch (keymap.keyName(for: .searchNext), keymap.keyName(for: .searchPrevious)) {
        case (let next?, let previous?): "\(next) and \(previous) move between the matches"
        case (let next?, nil): "\(next) goes to the next match"
        case (nil, let previous?): "\(previous) goes to the previous match"
        case (nil, nil): nil
        }
    }

    /// Esc on the prompt: the reader goes back to where it was, with the search it had.
    func cancelSearch(_ state: AppState) -> AppState {
        var state = state
        if let origin = state.search?.origin { state.reader = origin }
        state.search = state.searchBeforePrompt
        state.searchBeforePrompt = nil
        state.viewBeforeSearch = nil
        return state
    }

    /// Scrolls the reader just enough to show `match`, with two lines of context above it
    /// when it has to move. (The selection then follows the match: `selectingReference`.)
    func show(_ match: SearchMatch, in state: AppState) -> AppState {
        var state = state
        let layout = readerLayout(state)
        let height = readerTextRect(state).height
        let line = layout.line(of: match)
        let top = layout.line(of: state.reader.top)
        if line < top || line >= top + height {
            state.reader.top = layout.anchor(at: jumpTop(line - min(2, height / 3), layout: layout))
        }
        return state
    }

    /// The wheel moves the finder's selection a result a notch; a click selects the result
    /// under the pointer, and a click on the selected one jumps to it, as in the panes.
    func finderMouse(_ mouse: MouseEvent, in state: AppState) -> AppState {
        guard var finder = state.finder else { return state }
        switch mouse.kind {
        case .wheelUp: return finderKey(.up, in: state)
        case .wheelDown: return finderKey(.down, in: state)
        case .press:
            let frame = FinderFrame(size: state.size)
            let top = frame.top(finder.top, toShow: finder.selection, of: finder.results.count)
            guard let index = frame.result(atX: mouse.x, y: mouse.y, top: top), index < finderResults(state).count else {
                return state
            }
            if index == finder.selection { return finderKey(.enter, in: state) }
            finder.selection = index
            finder.top = top
            var state = state
            state.finder = finder
            return state
        }
    }

    /// Pasted text goes into the prompt or the finder that is open, whole, as one line (line
    /// ends and tabs as spaces, other controls dropped), and the search runs once for it.
    /// With neither open it is ignored and said so: a paste is text, and run as keys its
    /// letters were commands (a pasted line closed the search, and "5dq" after it
    /// deleted a bookmark and quit).
    func paste(_ text: String, into state: AppState) -> AppState {
        var state = state
        guard !state.layout.isTooSmall else { return state }
        var line = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x09, 0x0A, 0x0D: if line.last != " " || scalar == "\t" { line.append(" ") }
            case 0x00...0x1F, 0x7F...0x9F: continue
            default: line.append(scalar)
            }
        }
        let typed = String(line)
        if var finder = state.finder {
            finder.input.insert(typed)
            finder.selection = 0
            state.finder = finder
        } else if var prompt = state.prompt {
            prompt.input.insert(typed)
            state.prompt = prompt
            if prompt.purpose == .search { state = searchChanged(prompt.text, in: state) }
        } else {
            let prompts = [keymap.keyName(for: .search).map { "\($0) (search)" }, keymap.keyName(for: .goTo).map { "\($0) (go to)" }]
                .compactMap { $0 }
            state.notice = "Pasted text ignored: it goes into a prompt" + (prompts.isEmpty ? "." : ", " + prompts.joined(separator: " or ") + ".")
        }
        return state
    }

    func finderKey(_ key: Key, in state: AppState) -> AppState {
        var state = state
        guard var finder = state.finder else { return state }
        switch ContextKeys.finder.effect(of: key, in: keymap) {
        case .cancel?:
            state.finder = nil
            return state
        case .jump?:
            let results = finderResults(state)
            guard results.indices.contains(finder.selection) else {
                // As in fzf, nothing to jump to keeps the finder open with what was typed (it
                // closed without a word, the query lost); the notice says how to leave.
                state.notice = "Nothing matches: Esc closes."
                return state
            }
            state.finder = nil
            return follow(results[finder.selection].entry.target, from: state)
        case .previous?: finder.selection = max(finder.selection - 1, 0)
        case .next?: finder.selection = min(finder.selection + 1, max(finder.results.count - 1, 0))
        case .pageDown?: finder.selection = min(finder.selection + finderPage(state), max(finder.results.count - 1, 0))
        case .pageUp?: finder.selection = max(finder.selection - finderPage(state), 0)
        case .redraw?:
            return state  // `action(for:)` made it the redraw: nothing to change here
        case nil:
            // The query edits as the prompts do; new results start from the best one.
            if finder.input.edit(key) == .text { finder.selection = 0 }
        }
        state.finder = finder
        return state
    }

    /// How far the finder's page keys move: a box of results less one, as fzf pages, so the
    /// last result seen stays in view.
    func finderPage(_ state: AppState) -> Int {
        max(FinderFrame(size: state.size).rows - 1, 1)
    }
}
