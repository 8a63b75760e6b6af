import Content

extension Explorer {
    /// Draws the whole screen for `state` into a fresh cell buffer. The backend diffs it
    /// against the previous frame and sends only what changed.
    public func render(_ state: AppState) -> CellBuffer {
        var buffer = CellBuffer(width: state.size.width, height: state.size.height)
        let layout = state.layout
        if layout.isTooSmall {
            drawTooSmall(into: &buffer, state: state)
            return buffer
        }
        // The cursor goes where the focus is (see `CursorPlacement`): the focused pane's
        // selection, unless a prompt or an overlay drawn over the panes takes it.
        var focusPoint = (x: 0, y: 0)
        for (pane, rect) in layout.panes {
            drawTitle(of: pane, in: rect, state: state, into: &buffer)
            let content = Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: rect.height - 1)
            let selection: (x: Int, y: Int)
            switch pane {
            case .reader: selection = drawReader(state, in: content, into: &buffer)
            case .outline:
                selection = (content.x, drawOutline(state, in: content, focused: state.focus == .outline, into: &buffer) ?? content.y)
            case .crossLinks, .backlinks, .bookmarks:
                let (rows, layout) = laidOutRows(of: pane, state)
                let y = drawList(rows, laidOut: layout, list: state[keyPath: Self.listState(of: pane)], in: content,
                                 mark: state.focus == pane ? .focused : .inactive, into: &buffer)
                selection = (content.x, y ?? content.y)
            }
            if pane == state.focus { focusPoint = selection }
        }
        buffer.cursor = CursorPlacement(x: focusPoint.x, y: focusPoint.y, isVisible: state.display.showsCursor)
        for separator in layout.separators {
            for y in separator.y..<(separator.y + separator.height) {
                buffer.put("│", x: separator.x, y: y, style: Style(.border))
            }
        }
        var notice: [String]?
        if let prompt = state.prompt {
            let typing = drawPrompt(prompt, search: state.search, in: layout.status, into: &buffer)
            buffer.cursor = CursorPlacement(x: typing, y: layout.status.y, isVisible: true)
        } else {
            notice = drawStatus(state, in: layout.status, into: &buffer)
        }
        if let open = state.linkMap {
            let map = linkMaps[open.focus]
            let area = Self.linkMapArea(state.size)
            buffer.fill(area)
            let node = map.render(into: &buffer, in: area, selected: map.nodes.isEmpty ? nil : open.selection, ascii: state.display.asciiDrawing)
            let place = node ?? (area.x, area.y)
            buffer.cursor = CursorPlacement(x: place.x, y: place.y, isVisible: state.display.showsCursor)
        }
        if state.finder != nil { drawFinder(state, into: &buffer) }
        if state.showsHelp { drawHelp(state, into: &buffer) }
        if let notice { drawNoticeAbove(notice, status: layout.status, into: &buffer) }
        return buffer
    }

    /// Where the link map is drawn: the screen above the status bar (it needs the room at 80×24).
    static func linkMapArea(_ size: Size) -> Rect {
        Rect(x: 0, y: 0, width: size.width, height: max(size.height - 1, 0))
    }

    func drawTooSmall(into buffer: inout CellBuffer, state: AppState) {
        let size = state.size
        // A note being written is lost by the quit key here (it is the way out, and the
        // prompt is hidden): said before it is pressed, or one is lost unwarned.
        let writing = state.prompt.map { $0.purpose != .search && !$0.text.isEmpty } ?? false
        let wayOut = writing
            ? "Enlarge the window to finish the note" + (keymap.keyName(for: .quit).map { ", or press \($0) to quit without saving it." } ?? ".")
            : "Enlarge the window, or press \(keymap.keyName(for: .quit) ?? HelpScreen.interrupt) to quit."
        let lines = ["Terminal too small", "\(size.width)×\(size.height): seealso needs \(ScreenLayout.minimumSize.width)×\(ScreenLayout.minimumSize.height)",
                     wayOut]
        // Shorter, for a window too small for that: the way out first of all (QA 23: at 12×3
        // it showed "Terminal too / small / 12×3:", and not how to quit).
        let quit = keymap.keyName(for: .quit) ?? HelpScreen.interrupt
        let quits = writing ? "\(quit) quits, note lost" : "\(quit) quits"
        // Each line only where its words fit, never cut inside one, but the way out, which is
        // the key alone then: at 3 columns "3×11" read "3×1" / "1" (QA 24).
        func wordsFit(_ line: String) -> Bool { line.split(separator: " ").allSatisfy { $0.displayWidth <= size.width } }
        let short = ["Too small", "\(size.width)×\(size.height)"].filter(wordsFit) + [wordsFit(quits) ? quits : quit]
        // Wrapped, so that the way out is still readable in a 20-column window.
        func wrapped(_ lines: [String]) -> [(text: String, isTitle: Bool)] {
            lines.enumerated().flatMap { number, line in
                TextWrapper.wrap(line, width: max(size.width, 1)).map { (text: String($0.text), isTitle: number == 0) }
            }
        }
        var rows = wrapped(lines)
        if rows.count > size.height {
            // Its lines joined where rows are fewer than they: at 40×2, "Too small 40×2" over
            // the way out, at 40×1 all on one row (QA 26: the size was left out).
            let what = short.dropLast().joined(separator: " "), way = short[short.count - 1]
            let forms = what.isEmpty ? [short] : [short, [what, way], [what + " · " + way]]
            // Fewer rows still: the way out, then what else fits.
            rows = forms.lazy.map(wrapped).first { $0.count <= size.height }
                ?? Array(wrapped([way] + short.dropLast()).prefix(max(size.height, 1)))
        }
        // Centred when it fits; else from its first line, so that a tiny window shows the
        // start of the notice, not fragments from its middle ("so / needs / 40×12").
        let top = max((size.height - rows.count) / 2, 0)
        for (offset, row) in rows.enumerated() {
            let y = top + offset
            guard y < size.height else { break }
            let x = max((size.width - row.text.displayWidth) / 2, 0)
            buffer.put(row.text, x: x, y: y, style: Style(row.isTitle ? .error : .normal, bold: row.isTitle))
            if offset == 0 { buffer.cursor = CursorPlacement(x: x, y: y, isVisible: state.display.showsCursor) }
        }
    }

    /// `pane`'s title, and a shorter one for a title bar too narrow for it: in a folder, the
    /// link panes name their node after its article ("Cross-links: General strike › Seattle
    /// General Strike"), and cut at the end the article's title stayed and the node's name went
    /// (QA 35: "General strike › Seattle…"); the reader's title bar names the article already.
    func titles(of pane: PaneID, _ state: AppState) -> [String] {
        let full = title(of: pane, state)
        guard neighbours.isFolder, pane == .crossLinks || pane == .backlinks else { return [full] }
        let node = currentNode(state)
        if case .section(0)? = model.node(id: node) { return [full] }
        return [full, (pane == .crossLinks ? "Cross-links: " : "Backlinks: ") + model.label(of: node)]
    }

    func title(of pane: PaneID, _ state: AppState) -> String {
        switch pane {
        case .reader:
            if case .card(let id) = state.reader.content { return "Topic: " + model.displayName(of: id) }
            return model.article.title
        case .crossLinks: return "Cross-links: " + label(of: state)
        case .backlinks: return "Backlinks: " + label(of: state)
        case .bookmarks: return "Bookmarks (\(state.bookmarks.count))"
        case .outline: return pane.title
        }
    }

    func drawTitle(of pane: PaneID, in rect: Rect, state: AppState, into buffer: inout CellBuffer) {
        let focused = state.focus == pane
        let style = focused ? Style(.borderFocused, bold: true, reverse: true) : Style(.border, reverse: true)
        buffer.fill(Rect(x: rect.x, y: rect.y, width: rect.width, height: 1), style: style)
        // Headed by the key that focuses the pane ("1 Outline"), as config.toml binds it; by
        // none when it is unbound.
        let key = keymap.keyName(for: pane.focusCommand).map { "\($0) " } ?? ""
        // A space at each end where a separator follows, cut or not: cut, the "…" ran into the
        // separator beside the reader's title bar (QA 23), where the side panes' keep a space
        // before theirs. At the screen's edge the last column may hold text.
        let margins = rect.x + rect.width < state.size.width ? 2 : 1
        let room = max(rect.width - margins, 1)
        let titles = titles(of: pane, state).map { key + $0 }
        let fitting = titles.first { $0.displayWidth <= room } ?? titles[titles.count - 1]
        let label = String(fitting.truncated(toWidth: room))
        buffer.put(" \(label) ", x: rect.x, y: rect.y, maxWidth: rect.width, style: style)
    }

    /// Returns where the cursor goes when the reader has the focus: the first cell of the
    /// selected cross-reference, or of the first text row when none is selected on screen.
    @discardableResult
    func drawReader(_ state: AppState, in rect: Rect, into buffer: inout CellBuffer) -> (x: Int, y: Int) {
        let layout = readerLayout(state)
        let document = readerDocument(state)
        let top = layout.line(of: state.reader.top)
        let text = readerTextRect(state)
        let bookmarked = state.reader.content == .article ? bookmarkedSections(state) : []
        var matchesByBlock: [Int: [(range: Range<Int>, isCurrent: Bool)]] = [:]
        if let search = state.search {
            for (number, match) in search.matches.enumerated() {
                matchesByBlock[match.block, default: []].append((match.range, number == search.current))
            }
        }
        var selection: (x: Int, y: Int)?
        for row in 0..<rect.height {
            let index = top + row
            guard index < layout.lineCount else { break }
            let line = layout.lines[index]
            var x = text.x
            for span in line.spans {
                var style = span.style
                if let reference = span.reference, reference == state.reader.selectedReference {
                    style = Style(.linkSelected, bold: true)
                    if selection == nil { selection = (x, rect.y + row) }
                }
                let isSelected = style.role == .linkSelected
                for (piece, matched) in Self.split(span, by: matchesByBlock[line.block] ?? []) {
                    // The theme draws a match; the current one is emphasised on top of it in every
                    // way a terminal has, so that it stands out even where the theme's match is
                    // already bold and underlined (mono). Inside the selected cross-reference,
                    // which is reversed, the current match is the one part not reversed, and
                    // another match stays part of the link: under NO_COLOR both were bold,
                    // underlined and reversed, and a match there cut the link in two (QA 23).
                    let pieceStyle: Style = switch (matched, isSelected) {
                    case (true?, true): Style(.match, bold: true, underline: true)
                    case (false?, true), (nil, _): style
                    case (let current?, false): Style(.match, bold: current, reverse: current, underline: current)
                    }
                    x += buffer.put(piece, x: x, y: rect.y + row, maxWidth: max(text.x + text.width - x, 0), style: pieceStyle)
                }
            }
            let block = document.blocks[line.block]
            // After the heading's last line, for which its wrapping kept the room.
            if block.isHeading, bookmarked.contains(block.section), index + 1 == layout.lineCount || layout.lines[index + 1].block != line.block {
                buffer.put(" ★", x: x, y: rect.y + row, maxWidth: max(text.x + text.width - x, 0), style: Style(.bookmark, bold: true))
            }
        }
        return selection ?? (text.x, rect.y)
    }

    /// `span` cut where search matches start and end; each piece says whether it is in a
    /// match (and whether that is the current one). Matches that wrap are cut per line.
    static func split(_ span: TextSpan, by matches: [(range: Range<Int>, isCurrent: Bool)]) -> [(String, Bool?)] {
        guard let offset = span.offset, !matches.isEmpty, !span.isMarker else { return [(span.text, nil)] }
        let bytes = Array(span.text.utf8)
        var pieces: [(String, Bool?)] = []
        var start = 0
        func flush(to end: Int, _ matched: Bool?) {
            guard end > start else { return }
            pieces.append((String(decoding: bytes[start..<end], as: UTF8.self), matched))
            start = end
        }
        for match in matches.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
            let lower = min(max(match.range.lowerBound - offset, start), bytes.count)
            let upper = min(max(match.range.upperBound - offset, lower), bytes.count)
            guard upper > lower else { continue }
            flush(to: lower, nil)
            flush(to: upper, match.isCurrent)
        }
        flush(to: bytes.count, nil)
        return pieces
    }

    /// Returns the row its selection is drawn on, if it is on screen.
    @discardableResult
    func drawOutline(_ state: AppState, in rect: Rect, focused: Bool, into buffer: inout CellBuffer) -> Int? {
        let rows = outlineRows(state)
        let selection = rows.firstIndex { $0.section == state.outline.selectedSection } ?? 0
        let list = ListState(selection: selection, top: state.outline.top)
        let outline = rows.map(\.row)
        // Unfocused, the outline's selection follows the reader (`normalized`), and the section
        // being read is marked by its own style (on the collapsed section that holds it, where
        // it is hidden): the band would only repeat it there, and is drawn where it would not.
        let mark: SelectionMark = focused ? .focused
            : rows.indices.contains(selection) && rows[selection].section == outlineRow(showing: currentSection(state), in: rows)
            ? .none : .inactive
        return drawList(outline, laidOut: listLayout(outline, pane: .outline, state), list: list, in: rect, mark: mark, into: &buffer)
    }

    /// How a list pane marks its selected row.
    enum SelectionMark {
        /// The focused pane's: the row in the selection's colours.
        case focused
        /// An unfocused pane's, as lazygit and mutt's sidebar keep it: the row in its own colours
        /// on the `selectionInactive` band, so that what Enter or `d` will act on shows before
        /// the pane is focused again, and the eye finds its place on coming back.
        case inactive
        case none
    }

    /// `rows` laid out as `layout` at the width of `rect` less its margins, the selected row
    /// marked as `mark` says. The mark spans the whole row, margins included; a row that
    /// cannot be selected (a heading, a detail line) is never marked.
    /// Returns the screen row of the selected row's first line, if it is drawn.
    @discardableResult
    func drawList(_ rows: [ListRow], laidOut layout: ListLayout, list: ListState, in rect: Rect, mark: SelectionMark,
                  into buffer: inout CellBuffer) -> Int? {
        let first = list.top < layout.rowStart.count ? layout.rowStart[list.top] : 0
        var selectedY: Int?
        for offset in 0..<rect.height {
            let index = first + offset
            guard index < layout.lines.count else { break }
            let (rowIndex, spans) = layout.lines[index]
            let row = rows[rowIndex]
            let isSelected = rowIndex == list.selection && row.isSelectable
            let rowMark = isSelected ? mark : .none
            let y = rect.y + offset
            if isSelected && selectedY == nil { selectedY = y }
            switch rowMark {
            case .focused: buffer.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), style: Style(.selection))
            case .inactive: buffer.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), style: Style(.selectionInactive))
            case .none: break
            }
            // The focused selection draws every span in its colours, keeping only bold; the
            // inactive one keeps each span's style and lays the band over it.
            func marked(_ style: Style) -> Style {
                switch rowMark {
                case .focused: Style(.selection, bold: style.bold)
                case .inactive: style.overlaid(with: .selectionInactive)
                case .none: style
                }
            }
            let start = rect.x + 1
            let limit = rect.x + rect.width - 1
            /// Where the spans end: a "…" drawn there follows the text (`fillsCut`).
            func draw(_ spans: some Sequence<TextSpan>, from x: Int, to end: Int) -> Int {
                var x = x
                for span in spans {
                    let used = buffer.put(span.text, x: x, y: y, maxWidth: max(end - x, 0), style: marked(span.style), fillsCut: false)
                    x += used
                    // Cut (a wide character left less than its two columns): nothing after it.
                    // Measured only then, as rows are drawn every frame.
                    if end - x < 2, used < span.text.displayWidth { break }
                }
                return x
            }
            let ellipsisStyle = marked(Style(.dim))
            let kept = spans.suffix(row.keptAtEnd)
            let keptWidth = kept.reduce(0) { $0 + $1.text.displayWidth }
            // A row cut at the pane's edge says so, as less and lazygit do; what it keeps at
            // its end is drawn after the "…".
            if !row.wraps, spans.reduce(0, { $0 + $1.text.displayWidth }) > limit - start, limit > start {
                let cut = limit - 1 - keptWidth
                if keptWidth > 0, cut > start {
                    let x = draw(spans.dropLast(row.keptAtEnd), from: start, to: cut)
                    buffer.put("…", x: x, y: y, style: ellipsisStyle)
                    _ = draw(kept, from: x + 1, to: limit)
                } else {
                    // Right after the text: a wide character that did not fit leaves its
                    // column after the "…", not a gap before it ("渋谷新 …").
                    let x = draw(spans, from: start, to: limit - 1)
                    buffer.put("…", x: x, y: y, style: ellipsisStyle)
                }
            } else {
                _ = draw(spans, from: start, to: limit)
            }
        }
        return selectedY
    }

    /// The status line's right end: the position, the help key, and the zoom and the search's
    /// match when they are on.
    func statusRight(_ state: AppState) -> String {
        var right = " \(position(state)) " + (keymap.keyName(for: .help).map { " \($0) help " } ?? "")
        // Zoomed, a pane looks like the layout below 80 columns: said, as tmux flags a zoomed
        // pane, with the key that leaves it (nothing showed it).
        if state.zoomed, state.layout.panes.count == 1 {
            right = " zoomed" + (keymap.keyName(for: .zoom).map { " (\($0) back)" } ?? "") + " " + right
        }
        if let search = state.search, !search.matches.isEmpty {
            right = " match \((search.current ?? 0) + 1)/\(search.matches.count) " + right
        }
        return right
    }

    /// Returns the notice's lines (`noticeLines`) when there is one: those above the status
    /// line are drawn last, over any overlay (`drawNoticeAbove`).
    func drawStatus(_ state: AppState, in rect: Rect, into buffer: inout CellBuffer) -> [String]? {
        let style = Style(.statusBar, reverse: true)
        buffer.fill(rect, style: style)
        // The breadcrumb: the title, then where in it.
        var place = ""
        if case .card(let id) = state.reader.content {
            place = " › topic: " + model.displayName(of: id)
        } else {
            for index in model.article.path(to: currentSection(state)) { place += " › " + model.article.sections[index].title }
        }
        let title = " " + model.article.title
        /// The breadcrumb in `room` columns: the title cut first, where you are kept while it
        /// fits with a few letters of the title (QA 24: a long title took the whole line and
        /// "› Criticism" was cut off).
        func breadcrumb(_ room: Int) -> String {
            let whole = title + place
            guard whole.displayWidth > room else { return whole }
            let titleRoom = room - place.displayWidth
            guard !place.isEmpty, titleRoom >= 6 else { return String(whole.truncated(toWidth: room)) }
            return String(title.truncated(toWidth: titleRoom)) + place
        }
        let left = title + place
        let right = statusRight(state)
        let available = max(rect.width - right.displayWidth, 0)
        var x = rect.x
        let notice = statusNotice(state)
        if let lines = notice {
            // A notice answers the last key: it takes the place of the breadcrumb, a space
            // short of the position; its last line when it takes more (`drawNoticeAbove`).
            // One that fits the row but not beside the position takes the row (`noticeLines`).
            let last = lines[lines.count - 1]
            if lines.count == 1, last.displayWidth > max(available - 1, 0) {
                buffer.put(last, x: x, y: rect.y, maxWidth: rect.width, style: Self.noticeStyle)
                return notice
            }
            x += buffer.put(last, x: x, y: rect.y, maxWidth: max(available - 1, 0), style: Self.noticeStyle)
        } else {
            // What the breadcrumb leaves, when the path's newest step fits in it whole: given
            // half the bar regardless, the path cut the breadcrumb's title ("Dual po… › topic:
            // Mutual aid …  ⟨Dual power → topic: Mutual aid …⟩", QA 25), where its oldest steps
            // could give way. Else half the bar at least, so that it shows at 80 columns.
            let steps = Self.folded(jumpPath(state))
            let leftOver = Self.fitted(steps, width: available - left.displayWidth - 4)
            let path = leftOver.hasSuffix(steps.last ?? "") && !leftOver.isEmpty ? leftOver
                : Self.fitted(steps, width: max(available / 2, available - left.displayWidth - 4))
            // Only with its newest step whole: at 40 columns the two were cut to nothing
            // ("Dual pow…  ⟨… → topic: M…⟩", QA 23), and where you are comes first.
            let trail = path.isEmpty || !path.hasSuffix(steps.last ?? "") ? "" : "  ⟨" + path + "⟩"
            let room = max(available - trail.displayWidth, 0)
            x += buffer.put(breadcrumb(room), x: x, y: rect.y, maxWidth: room, style: Style(.statusBar, bold: true, reverse: true))
            x += buffer.put(trail, x: x, y: rect.y, maxWidth: max(rect.x + available - x, 0), style: style)
        }
        buffer.put(right, x: rect.x + available, y: rect.y, maxWidth: rect.width - available, style: style)
        return notice
    }

    static let noticeStyle = Style(.notice, bold: true, reverse: true)

    /// The notice's lines as the status line shows them (`noticeLines`, in the room the
    /// position and help key leave); nil without one, and while a prompt has the line.
    func statusNotice(_ state: AppState) -> [String]? {
        guard state.prompt == nil else { return nil }
        let status = state.layout.status
        let available = max(status.width - statusRight(state).displayWidth, 0)
        return noticeLines(state, width: status.width, room: max(available - 1, 0))
    }

    /// The rows a notice longer than the status line covers above it (`drawNoticeAbove`).
    func rowsCoveredByNotice(_ state: AppState) -> Range<Int> {
        let status = state.layout.status.y
        guard !state.layout.isTooSmall, let lines = statusNotice(state) else { return status..<status }
        return (status - (lines.count - 1))..<status
    }

    /// The notice as the status line shows it: the lines it is wrapped into, `width` columns
    /// each but the last, which has the `room` the position and help key leave on the status
    /// line. Nil without one.
    /// Cut to one line, a reload's `file:line: reason` was lost after the "…" at 80 and 120
    /// columns: as vim shows a long message, it takes the rows above instead, up to half the
    /// screen (then cut with "…").
    func noticeLines(_ state: AppState, width: Int, room: Int) -> [String]? {
        // Shown as the cells show it, with `^J` for a line feed (a path's, QA 25), as stderr
        // says it: wrapped as it was, it broke the line there.
        guard let notice = state.notice?.neutralized else { return nil }
        let text = " " + notice
        guard text.displayWidth > room else { return [text] }
        // One that fits the status line alone takes it, the position and help key giving way
        // until the next key: at 40 columns, beside "match 1/35  Top  ? help", "n and N move
        // between the matches" took three rows of 14 columns above it (QA 23).
        if text.displayWidth <= width { return [text] }
        guard room > 1 else { return [String(text.truncated(toWidth: room))] }
        // Each line a space in from the edge, as the status line's text is. The rows above
        // are the screen's whole width; only the last shares its row with the position (at 40
        // columns, every row the status line's 26 cut the reason off).
        var wrapped = TextWrapper.wrap(notice, width: max(width - 1, room) - 1).map { " " + $0.text }
        if let last = wrapped.last, last.displayWidth > room {
            wrapped.removeLast()
            wrapped += TextWrapper.wrap(String(last.dropFirst()), width: room - 1).map { " " + $0.text }
        }
        let most = max(state.size.height / 2, 1)
        guard wrapped.count > most else { return wrapped }
        return wrapped.prefix(most - 1) + [String(wrapped[(most - 1)...].joined().truncated(toWidth: room))]
    }

    /// The lines of a notice too long for the status line but its last, over the rows above
    /// it: drawn last, over the panes and any overlay, as vim's messages scroll over the
    /// screen; gone with the notice, at the next key.
    func drawNoticeAbove(_ lines: [String], status: Rect, into buffer: inout CellBuffer) {
        for (offset, line) in lines.dropLast().enumerated() {
            let y = status.y - (lines.count - 1) + offset
            buffer.fill(Rect(x: status.x, y: y, width: status.width, height: 1), style: Self.noticeStyle)
            buffer.put(line, x: status.x, y: y, maxWidth: status.width, style: Self.noticeStyle)
        }
    }

    /// The jump path's labels with a run of steps of one label as one, counted: jumps within a
    /// section (`]` to a cross-reference off screen, `n`) read "Background → Background",
    /// which told nothing (QA 25); "Background ×2" says as much as two H presses go back.
    static func folded(_ labels: [String]) -> [String] {
        var folded: [(label: String, count: Int)] = []
        for label in labels {
            if folded.last?.label == label { folded[folded.count - 1].count += 1 } else { folded.append((label, 1)) }
        }
        return folded.map { $0.count == 1 ? $0.label : "\($0.label) ×\($0.count)" }
    }

    /// The jump path joined with arrows, its oldest entries dropped ("… → B → C") to fit `width`.
    /// The newest labels are measured first, each once, and no further than the width: the
    /// path holds up to 200 steps, and joining and measuring what was left of it after each
    /// dropped step cost 0.4 s a frame with long headings.
    static func fitted(_ labels: [String], width: Int) -> String {
        guard let newest = labels.last else { return "" }
        let (arrow, ellipsis) = (" → ".displayWidth, "… → ".displayWidth)
        var shown = 1
        var total = 0
        for (index, label) in labels.reversed().enumerated() {
            total += label.displayWidth + (index == 0 ? 0 : arrow)
            guard total <= width else { break }
            if index + 1 == labels.count { return labels.joined(separator: " → ") }
            if total + ellipsis <= width { shown = index + 1 }
        }
        let text = labels.count == 1 ? newest : "… → " + labels.suffix(shown).joined(separator: " → ")
        return text.displayWidth > width ? String(text.truncated(toWidth: width)) : text
    }

    /// Returns the column of the typing point.
    @discardableResult
    func drawPrompt(_ prompt: Prompt, search: SearchState?, in rect: Rect, into buffer: inout CellBuffer) -> Int {
        buffer.fill(rect, style: .normal)
        // Longest first; the typed text comes before any of them (see below).
        var hints = ["  Enter saves · Esc cancels"]
        if prompt.purpose == .search, let search {
            let found = search.query.isEmpty ? "" : search.matches.isEmpty ? "not found" : "match \((search.current ?? 0) + 1)/\(search.matches.count)"
            hints = ["  " + (found.isEmpty ? "" : found + " · ") + "Enter keeps · Esc returns"] + (found.isEmpty ? [] : ["  " + found])
        }
        // A long label ("Note for Strategy and ideological concepts:") takes half the row at most.
        let label = prompt.label.displayWidth > rect.width / 2 ? String(prompt.label.truncated(toWidth: rect.width / 2)) : prompt.label
        let x = rect.x + buffer.put(label, x: rect.x, y: rect.y, maxWidth: rect.width, style: Style(.statusKey, bold: true))
        let left = rect.width - (x - rect.x)
        // The hint gives way to the text, whole, then shortened, then entirely: at 40 columns
        // it left no room at all for what was typed.
        let wanted = min(prompt.input.text.displayWidth + 1, Self.promptTextRoom)
        let hint = hints.first { left - $0.displayWidth >= wanted } ?? ""
        let typing = Self.draw(prompt.input, x: x, y: rect.y, width: max(left - hint.displayWidth - (hint.isEmpty ? 0 : 1), 1),
                               style: .normal, into: &buffer)
        if !hint.isEmpty { buffer.put(hint, x: rect.x + rect.width - hint.displayWidth, y: rect.y, style: Style(.dim)) }
        return typing
    }

    /// The columns of typed text a prompt keeps before its hint may take any.
    static let promptTextRoom = 20

    /// Draws typed text in `width` columns from (`x`, `y`) with its cursor, a reversed cell:
    /// the character under it (both columns of a wide one), or a space after the end. A text
    /// too long for the field shows as much as fits before the cursor, so that where the
    /// typing happens is always in view (at the end, the end of a long note), and "…" in the
    /// first or last column where text is out of view on that side, as readline marks it
    /// with `<` and `>` (QA 23: 65 characters in the search prompt at 40 columns showed no
    /// sign of the rest). Returns the column of the cursor: the typing point, where the
    /// terminal's cursor goes.
    @discardableResult
    static func draw(_ input: LineInput, x: Int, y: Int, width: Int, style: Style, into buffer: inout CellBuffer) -> Int {
        let characters = Array(input.text)
        let widths = characters.map(\.displayWidth)
        let cursorWidth = input.cursor < characters.count ? max(widths[input.cursor], 1) : 1
        // The cell after the text, where the cursor is when it is at the end.
        let endCell = input.cursor == characters.count ? 1 : 0
        /// The first character shown in `room` columns with the cursor among them, and the
        /// columns from it to the cursor.
        func scrolled(room: Int) -> (first: Int, beforeCursor: Int) {
            var first = 0
            var beforeCursor = widths[..<input.cursor].reduce(0, +)
            while first < input.cursor, beforeCursor + cursorWidth > room {
                beforeCursor -= widths[first]
                first += 1
            }
            return (first, beforeCursor)
        }
        // A mark takes a column from the text, which may scroll it further: settled first.
        var marks = (left: 0, right: 0)
        var view = scrolled(room: width)
        if width >= 5 {
            for _ in 0..<4 {
                let left = view.first > 0 ? 1 : 0
                let right = widths[view.first...].reduce(0, +) + endCell > width - left ? 1 : 0
                if (left, right) == marks { break }
                marks = (left, right)
                view = scrolled(room: width - left - right)
            }
        }
        let (start, end) = (x + marks.left, x + width - marks.right)
        let cursorStyle = Style(style.role, bold: style.bold, reverse: true)
        var column = start
        var shownAll = true
        for index in view.first..<characters.count {
            guard column + widths[index] <= end else {
                shownAll = false
                break
            }
            if index == input.cursor {
                // A zero-width cluster (a lone combining mark) is drawn as nothing: the cursor
                // on it is a reversed space, so that it still shows.
                let shown = widths[index] == 0 ? " " : String(characters[index])
                column += buffer.put(shown, x: column, y: y, maxWidth: end - column, style: cursorStyle)
            } else {
                column += buffer.put(String(characters[index]), x: column, y: y, maxWidth: end - column, style: style)
            }
        }
        if input.cursor == characters.count, column < end {
            buffer.put(" ", x: column, y: y, style: cursorStyle)
        }
        let mark = Style(.dim)
        if marks.left > 0 { buffer.put("…", x: x, y: y, maxWidth: 1, style: mark) }
        if marks.right > 0, !shownAll { buffer.put("…", x: end, y: y, maxWidth: 1, style: mark) }
        return start + min(view.beforeCursor, max(end - start - 1, 0))
    }

    /// Where the reader is, as less and vim say it: Top, Bot, All or a percentage.
    public func position(_ state: AppState) -> String {
        let layout = readerLayout(state)
        let height = readerTextRect(state).height
        return Self.position(top: layout.line(of: state.reader.top), last: max(layout.lineCount - height, 0))
    }

    /// A view scrolled to line `top` of those from 0 to `last` (the top that shows the end).
    /// "All" only when the first line and the last both show, as in vim: a jump to a short
    /// last section of a short article shows its end with the lines above hidden ("Bot").
    static func position(top: Int, last: Int) -> String {
        if top == 0 { return last == 0 ? "All" : "Top" }
        if top >= last { return "Bot" }
        return "\(top * 100 / last)%"
    }

    func drawFinder(_ state: AppState, into buffer: inout CellBuffer) {
        guard let finder = state.finder else { return }
        let results = finderResults(state)
        let frame = FinderFrame(size: state.size)
        let box = frame.box
        buffer.fill(box, style: Style(.help))
        buffer.drawBox(box, title: " Go to — Enter jumps · Esc closes ", style: Style(.borderFocused, bold: true))
        let x = box.x + 2 + buffer.put("› ", x: box.x + 2, y: box.y + 1, style: Style(.statusKey, bold: true))
        let count = "\(results.count) of \(finderCache.foldedEntries.count + state.bookmarks.count { $0.target != nil })"
        let countX = box.x + box.width - 2 - count.displayWidth
        let typing = Self.draw(finder.input, x: x, y: box.y + 1, width: max(countX - 1 - x, 1), style: Style(.normal, bold: true),
                               into: &buffer)
        // The typing point, as fzf keeps it: every character typed goes into the query.
        buffer.cursor = CursorPlacement(x: typing, y: box.y + 1, isVisible: true)
        buffer.put(count, x: countX, y: box.y + 1, style: Style(.dim))
        let top = frame.top(finder.top, toShow: finder.selection, of: results.count)
        for row in 0..<frame.rows {
            let index = top + row
            guard index < results.count else { break }
            let (entry, match) = (results[index].entry, results[index].match)
            let y = frame.firstRow + row
            let selected = index == finder.selection
            if selected { buffer.fill(Rect(x: box.x + 1, y: y, width: box.width - 2, height: 1), style: Style(.selection)) }
            let kindStyle = selected ? Style(.selection) : Style(entry.kind.role)
            var column = box.x + 2
            column += buffer.put(entry.kind.label.padding(toLength: 9, withPad: " ", startingAt: 0), x: column, y: y, style: kindStyle)
            let matched = Set(match.positions)
            // A title too long for the box is cut with "…", as the list panes cut theirs; before
            // its detail, which tells namesakes apart (QA 29: cut titles lost it), while the
            // title keeps ten columns.
            let detail = entry.detail.map { "  " + $0 }.flatMap { box.x + box.width - 2 - column - $0.displayWidth >= 10 ? $0 : nil }
            let end = box.x + box.width - 2 - (detail?.displayWidth ?? 0)
            // Where the matched letters lie past the cut, the title is cut at its start too, so
            // that they show, as fzf keeps a match in view (QA 30: "…and Metoh…" for metohija).
            let titleWidth = entry.title.displayWidth
            let start = titleWidth > end - column ? Self.shownStart(of: entry.title, room: end - column, lastMatch: match.positions.max()) : 0
            var characters = entry.title.dropFirst(start)
            if start > 0 {
                column += buffer.put("…", x: column, y: y, style: selected ? Style(.selection) : Style(.dim))
            }
            let isCut = (start == 0 ? titleWidth : characters.displayWidth) > end - column
            let textEnd = isCut ? end - 1 : end
            for offset in start... {
                guard let character = characters.popFirst(), column < textEnd else { break }
                let style = Style(selected ? .selection : .normal, bold: matched.contains(offset), underline: matched.contains(offset))
                let drawn = buffer.put(String(character), x: column, y: y, maxWidth: textEnd - column, style: style, fillsCut: false)
                // A wide character that does not fit ends the title: what follows it must not
                // be drawn in its place, and the "…" goes right after it. One that shows
                // nothing (a zero-width space) draws nothing, and the title goes on (QA 31:
                // "Back<U+200B>ground" was listed "Back").
                if drawn == 0, character.displayWidth > 0 { break }
                column += drawn
            }
            if isCut {
                buffer.put("…", x: column, y: y, style: selected ? Style(.selection) : Style(.dim))
                column += 1
            }
            if let detail { buffer.put(detail, x: column, y: y, style: selected ? Style(.selection) : Style(.dim)) }
        }
        if results.isEmpty { buffer.put("Nothing matches.", x: box.x + 2, y: frame.firstRow, style: Style(.dim)) }
    }

    /// The first character of a finder title cut to `room` columns (an "…" at its end) to
    /// draw, so that the last matched character shows with up to three after it: 0 when it
    /// shows from the start; else an "…" goes first too.
    static func shownStart(of title: String, room: Int, lastMatch: Int?) -> Int {
        guard let lastMatch else { return 0 }
        // The widths up to three characters past the match: a title may be thousands long.
        let widths = title.prefix(lastMatch + 5).map(\.displayWidth)
        guard lastMatch < widths.count, widths[...lastMatch].reduce(0, +) > room - 1 else { return 0 }
        let end = min(widths.count, lastMatch + 4)
        // Both ends cut: two columns for the "…"s, one where the title runs to its end.
        var room = room - (end < widths.count ? 2 : 1)
        var start = end
        while start > 0, widths[start - 1] <= room {
            room -= widths[start - 1]
            start -= 1
        }
        return min(start, lastMatch)
    }

    func drawHelp(_ state: AppState, into buffer: inout CellBuffer) {
        let help = helpLayout(state)
        let box = help.box
        // The help takes the screen above the status bar, as the link map does, its box centred
        // in it: what showed of the panes beside and under the box was fragments (the "…" of a
        // cut pane title in a one-column margin, a border's "│", words cut at the box's edge).
        // Whole rows are blanked, so no wide character is left cut in half either.
        buffer.fill(Rect(x: 0, y: 0, width: state.size.width, height: max(state.size.height - 1, 0)))
        buffer.fill(box, style: Style(.help))
        // The keys that close it: the help key again, Esc (closeOverlay) and, as in less and
        // vim's help, the quit key; "Keys" alone with none of them bound.
        let closers = [Command.help, .closeOverlay, .quit].compactMap { keymap.keyName(for: $0) }
        let title = " Keys" + (closers.isEmpty ? "" : " — " + closers.joinedAsAlternatives + " closes") + " "
        buffer.drawBox(box, title: title, style: Style(.borderFocused, bold: true))
        buffer.cursor = CursorPlacement(x: box.x + 2, y: box.y + 1, isVisible: state.display.showsCursor)
        for row in 0..<help.visibleLines {
            let index = state.helpTop + row
            guard index < help.lines.count else { break }
            var x = box.x + 2
            for span in help.lines[index] {
                x += buffer.put(span.text, x: x, y: box.y + 1 + row, maxWidth: max(box.x + box.width - 2 - x, 0), style: span.style)
            }
        }
        // Where in the list the box is, on its bottom border, as less says it: that there is
        // more below (or above) showed nowhere, and "Finding" and "Mouse" went unseen at 40 rows.
        if help.maxTop > 0 {
            let label = " " + Self.position(top: state.helpTop, last: help.maxTop) + " "
            let width = label.displayWidth
            if box.width >= width + 4 {
                buffer.put(label, x: box.x + box.width - 2 - width, y: box.y + box.height - 1, style: Style(.borderFocused, bold: true))
            }
        }
    }
}
