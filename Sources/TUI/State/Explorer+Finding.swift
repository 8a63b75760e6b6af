import Content

/// Search in the reader (`/`, `n`, `N`) and the go-to finder (`:`, `Ctrl-P`).
extension Explorer {
    func find(_ command: Command, in state: AppState) -> AppState {
        var state = state
        switch command {
        case .search:
            if !state.layout.contains(.reader) { state = focus(.reader, in: state) }
            state.search = SearchState(query: "", matches: [], current: nil, origin: state.reader)
            state.prompt = Prompt(label: "/", text: "", purpose: .search)
        case .searchNext, .searchPrevious:
            guard var search = state.search, !search.matches.isEmpty else {
                state.notice = "No search: / starts one."
                return state
            }
            let count = search.matches.count
            let step = command == .searchNext ? 1 : -1
            let next = ((search.current ?? -step) + step + count) % count
            let wrapped = search.current.map { command == .searchNext ? next < $0 : next > $0 } ?? false
            search.current = next
            state.search = search
            state = show(search.matches[next], in: state)
            // The status bar's right shows "match 2/5"; the notice says only what it cannot.
            state.notice = wrapped ? (step > 0 ? "search wrapped to the top" : "search wrapped to the bottom") : nil
        case .goTo:
            state.finder = FinderState()
            // Fold the entries now, not on the first keystroke, which should feel instant.
            _ = finderCache.foldedEntries
        default:
            break
        }
        return state
    }

    /// Called on every keystroke of the search prompt: matches are found and the first one at
    /// or after where the search started is shown, as in less and vim with incsearch.
    func searchChanged(_ query: String, in state: AppState) -> AppState {
        var state = state
        guard var search = state.search else { return state }
        search.query = query
        search.matches = layouts.document(search.origin.content).matches(of: TextSearch(query))
        state.reader = search.origin
        guard !search.matches.isEmpty else {
            search.current = nil
            state.search = search
            return state
        }
        let layout = layouts.layout(search.origin.content, width: readerTextRect(state).width)
        let originTop = layout.line(of: search.origin.top)
        search.current = search.matches.firstIndex { layout.line(of: $0) >= originTop } ?? 0
        state.search = search
        return show(search.matches[search.current!], in: state)
    }

    func finishSearch(_ state: AppState) -> AppState {
        var state = state
        guard let search = state.search else { return state }
        if search.query.isEmpty {
            state.search = nil
        } else if search.matches.isEmpty {
            state.notice = "Not found: \(search.query)"
            state.search = nil
        } else {
            // The count is on the status bar's right already ("match 1/3").
            state.notice = search.matches.count > 1 ? "n and N move between the matches" : "the only match"
        }
        return state
    }

    func cancelSearch(_ state: AppState) -> AppState {
        var state = state
        if let origin = state.search?.origin { state.reader = origin }
        state.search = nil
        return state
    }

    /// Scrolls the reader just enough to show `match`, with two lines of context above it
    /// when it has to move.
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
            let top = frame.top(finder.top, toShow: finder.selection)
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

    func finderKey(_ key: Key, in state: AppState) -> AppState {
        var state = state
        guard var finder = state.finder else { return state }
        switch key {
        case .escape:
            state.finder = nil
            return state
        case .enter:
            let results = finderResults(state)
            state.finder = nil
            guard results.indices.contains(finder.selection) else { return state }
            return follow(results[finder.selection].entry.target, from: state)
        case .up, .control("p"), .backTab: finder.selection = max(finder.selection - 1, 0)
        case .down, .control("n"), .tab: finder.selection = min(finder.selection + 1, max(finderResults(state).count - 1, 0))
        case .backspace, .delete:
            if !finder.query.isEmpty { finder.query.removeLast() }
            finder.selection = 0
        case .control("u"):
            finder.query = ""
            finder.selection = 0
        case .character(let character):
            finder.query.append(character)
            finder.selection = 0
        default:
            break
        }
        state.finder = finder
        return state
    }
}
