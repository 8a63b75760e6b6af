import Content

/// A map of one node's cross-links: the node in a box in the middle, the nodes it links to
/// and those that link to it in boxes on either side, grouped by kind (See-also topics,
/// Examples, Strategies, Sections), curated links before detected ones, each joined to the
/// middle by a line whose arrow points along the link:
///
///     ┌ See-also topics (3) ─────┐
///     │ Communalism (Bookchin)   ├─→┐
///     │   theory-of · curated    │  │ ┌──────────────┐    ┌ Sections · 1 detected ───┐
///     │ Intercommunalism         ├─→┤ │ Municipalism │ ┌←─┤ Dual power               │
///     │   related · curated      │  ├─┤   strategy   ├─┘  │   mentions · detected    │
///
/// Each node takes two rows (name, then relation and origin) while a column has room, else
/// one (`Dual power  mentions·d`). A pure value: built from the model and a node id, drawn into any
/// rectangle. `nodes` are in reading order (left column top to bottom, then the right one),
/// which is the order a selection index counts in; the selection is the only state the map
/// needs. A group with more nodes than rows shows a page of them and a "+N more" line; the
/// page is the one holding the selection, so the selected node is always on screen.
public struct LinkMap: Equatable, Sendable {
    /// What the node at the other end of a link is: the group it is shown in.
    public enum Kind: Int, CaseIterable, Comparable, Sendable {
        case seeAlso, example, strategy, section

        public init(_ kind: ItemKind) {
            switch kind {
            case .seeAlso: self = .seeAlso
            case .example: self = .example
            case .strategy: self = .strategy
            }
        }

        /// The kind of item the group holds; nil for sections.
        public var itemKind: ItemKind? {
            switch self {
            case .seeAlso: .seeAlso
            case .example: .example
            case .strategy: .strategy
            case .section: nil
            }
        }

        /// The group's title: "See-also topics", "Examples", "Strategies", "Sections".
        public var title: String { itemKind?.pluralTitle ?? "Sections" }

        public var singularTitle: String { itemKind?.singularTitle ?? "section" }

        var role: ColorRole { itemKind?.role ?? .section }

        public static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// Which way a link runs, seen from the focus.
    public enum Direction: String, Sendable {
        /// The focus links to the node.
        case outgoing
        /// The node links to the focus.
        case incoming
    }

    /// One selectable node of the map: the other end of one or more links of the same
    /// relation, origin and direction. A topic mentioned on three lines is one node with
    /// `count` 3.
    public struct Node: Equatable, Hashable, Sendable {
        public var id: String
        public var label: String
        public var kind: Kind
        public var relation: Relation
        public var origin: LinkOrigin
        public var direction: Direction
        /// How many links of the graph this node stands for.
        public var count: Int
        /// Why they are linked: a curated link's rationale, or where a detected one is
        /// ("line 9: While the term…").
        public var reason: String?
        /// The evidence a detected link's reason quotes, after its "line 9: ": where its mention
        /// is, which the detail line keeps in view when it must cut the evidence.
        public var quoted: Evidence?
        /// Where following the node goes (`Target.node`).
        public var target: Target?

        /// The relation and origin in a few columns: `theory-of·c`, `mentions×2·d`.
        public var tag: String {
            relation.rawValue + (count > 1 ? "×\(count)" : "") + "·" + (origin == .curated ? "c" : "d")
        }

        /// The relation and origin spelled out: `theory-of · curated`, `mentions ×2 · detected`.
        public var longTag: String {
            relation.rawValue + (count > 1 ? " ×\(count)" : "") + " · " + origin.rawValue
        }
    }

    /// The nodes of one kind: a contiguous range of `nodes`.
    public struct Group: Equatable, Sendable {
        public var kind: Kind
        public var range: Range<Int>
    }

    /// The node the map is about.
    public let focus: String
    public let focusLabel: String
    /// The focus's kind; nil for an id the model does not have.
    public let focusKind: Kind?
    /// Why the focus has no links, when the model knows (`LinkedArticle.whyNoLinks`).
    let whyNoLinks: String
    /// Every linked node, in reading order: the order selection indices count in.
    public let nodes: [Node]
    /// The non-empty groups, in `Kind` order; `nodes` is their concatenation.
    public let groups: [Group]
    /// How many groups (from the first) are drawn left of the focus; the rest are right.
    public let leftGroupCount: Int

    public init(model: LinkedArticle, focus: String) {
        self.focus = focus
        focusLabel = model.displayName(of: focus)
        focusKind = Self.kind(of: focus, in: model)
        whyNoLinks = model.whyNoLinks(of: focus)

        struct Key: Hashable {
            var id: String, relation: Relation, origin: LinkOrigin, direction: Direction
        }
        var merged: [Key: Int] = [:]
        var found: [(node: Node, links: [Link])] = []
        for link in model.graph.links(touching: focus) where link.from != link.to {
            let other = link.other(than: focus)
            guard let kind = Self.kind(of: other, in: model) else { continue }
            let direction: Direction = link.from == focus ? .outgoing : .incoming
            let key = Key(id: other, relation: link.relation, origin: link.origin, direction: direction)
            if let index = merged[key] {
                found[index].node.count += 1
                found[index].links.append(link)
                continue
            }
            merged[key] = found.count
            let node = Node(id: other, label: model.displayName(of: other), kind: kind, relation: link.relation,
                            origin: link.origin, direction: direction, count: 1, reason: nil,
                            target: Target.node(other, in: model))
            found.append((node, [link]))
        }
        for index in found.indices {
            (found[index].node.reason, found[index].node.quoted) = Self.reason(found[index].links)
        }

        // Reading order: by kind, curated before detected, then where the node stands in the
        // article (sections and items are both in document order), outgoing before incoming.
        func position(_ id: String) -> Int {
            switch model.node(id: id) {
            case .section(let index): index
            case .item(let index): index
            case nil: Int.max
            }
        }
        let ordered = found.map(\.node).enumerated().sorted { a, b in
            let (x, y) = (a.element, b.element)
            if x.kind != y.kind { return x.kind < y.kind }
            if x.origin != y.origin { return x.origin == .curated }
            if position(x.id) != position(y.id) { return position(x.id) < position(y.id) }
            if x.direction != y.direction { return x.direction == .outgoing }
            return a.offset < b.offset
        }.map(\.element)
        nodes = ordered

        var groups: [Group] = []
        var start = 0
        for kind in Kind.allCases {
            let count = ordered[start...].prefix { $0.kind == kind }.count
            if count > 0 { groups.append(Group(kind: kind, range: start..<(start + count))) }
            start += count
        }
        self.groups = groups
        leftGroupCount = Self.balancedSplit(groups.map { $0.range.count + 2 })
    }

    /// Where following node `index` goes: a section or an item in place, a See-also topic's card.
    public func target(of index: Int) -> Target? {
        nodes.indices.contains(index) ? nodes[index].target : nil
    }

    /// The smallest size the map draws in; below it, a message says so. The explorer gives
    /// the map the screen above its status row, so this is its own smallest screen less that
    /// row: the map opens wherever the explorer draws (it said "needs 40×12" at 40×12).
    public static let minimumSize = Size(width: ScreenLayout.minimumSize.width, height: ScreenLayout.minimumSize.height - 1)

    static func kind(of id: String, in model: LinkedArticle) -> Kind? {
        switch model.node(id: id) {
        case .section: .section
        case .item(let index): Kind(model.items[index].kind)
        case nil: nil
        }
    }

    /// Why `links` link: a rationale, else where the first detected one is and its sentence
    /// ("line 9: While…"), with that evidence. On one line: the map shows it on its detail
    /// rows, where a rationale written over several lines showed "^J" (QA 41).
    static func reason(_ links: [Link]) -> (String?, Evidence?) {
        if let rationale = links.lazy.compactMap(\.rationale).first { return (rationale.onOneLine, nil) }
        let evidence = links.compactMap(\.evidence)
        guard let first = evidence.first else { return (nil, nil) }
        let lines = evidence.map { String($0.line) }
        return ((lines.count > 1 ? "lines " + lines.joined(separator: ", ") : "line " + lines[0]) + ": " + first.text, first)
    }

    /// `reason` in `width` columns, made safe to show: whole when it fits or quotes no mention
    /// to keep; else the evidence it ends with starts later, at a word, after "…", so that the
    /// mention shows, as the cross-links pane cuts evidence (it was cut at its end, often
    /// before the mention: "line 9: While the term was initially…" for "anarchists").
    static func shown(_ reason: String, quoting evidence: Evidence?, inWidth width: Int) -> String {
        let whole = reason.neutralized
        guard whole.displayWidth > width, let evidence, let parts = evidence.partsAroundMention,
              let label = label(of: reason, quoting: evidence) else { return whole }
        // The label, "…", the mention and a column for the "…" that ends a cut line always show.
        let fixed = (label + "…" + parts.mention).neutralized.displayWidth + 1
        // Shown from its start when that fits; else from the first word (or the mention) that does.
        let starts = [parts.before.startIndex] + parts.before.wordStarts
        guard let start = starts.first(where: { fixed + String(parts.before[$0...]).neutralized.displayWidth <= width }),
              start > parts.before.startIndex else { return whole }
        return (label + "…" + parts.before[start...] + parts.mention + parts.after).neutralized
    }

    /// What `reason` says before the evidence it ends with ("line 9: "), or nil when it does not
    /// end with it. By bytes: a text that starts with a combining mark is one character less
    /// once joined.
    static func label(of reason: String, quoting evidence: Evidence) -> Substring? {
        let utf8 = reason.utf8
        guard let quoteStart = utf8.index(utf8.endIndex, offsetBy: -evidence.text.utf8.count, limitedBy: utf8.startIndex),
              utf8[quoteStart...].elementsEqual(evidence.text.utf8) else { return nil }
        return reason[..<quoteStart]
    }

    /// The first `k` groups go left: the split whose taller column is shortest (ties: the
    /// more even one, then the one with more on the left).
    static func balancedSplit(_ costs: [Int]) -> Int {
        let total = costs.reduce(0, +)
        var best = 0
        var bestScore = (Int.max, Int.max)
        var left = 0
        for k in 0...costs.count {
            if k > 0 { left += costs[k - 1] }
            let right = total - left
            let score = (max(left, right), abs(left - right))
            if score.0 < bestScore.0 || (score.0 == bestScore.0 && score.1 <= bestScore.1) {
                best = k
                bestScore = score
            }
        }
        return best
    }
}

// MARK: - Drawing

extension LinkMap {
    /// Box and line glyphs; `ascii` uses `+ - | > <` only.
    struct Glyphs {
        var horizontal, vertical, arrowRight, arrowLeft: String
        var teeRight, teeLeft: String // ├ (line leaves to the right), ┤ (line arrives from the left)
        var ascii: Bool

        init(ascii: Bool) {
            self.ascii = ascii
            if ascii {
                (horizontal, vertical, arrowRight, arrowLeft, teeRight, teeLeft) = ("-", "|", ">", "<", "+", "+")
            } else {
                (horizontal, vertical, arrowRight, arrowLeft, teeRight, teeLeft) = ("─", "│", "→", "←", "├", "┤")
            }
        }

        /// The glyph where lines meet from the given sides.
        func junction(up: Bool, down: Bool, left: Bool, right: Bool) -> String {
            if ascii { return (up || down) && (left || right) ? "+" : (up || down ? "|" : "-") }
            switch (up, down, left, right) {
            case (true, true, true, true): return "┼"
            case (true, true, true, false): return "┤"
            case (true, true, false, true): return "├"
            case (false, true, true, true): return "┬"
            case (true, false, true, true): return "┴"
            case (false, true, true, false): return "┐"
            case (false, true, false, true): return "┌"
            case (true, false, true, false): return "┘"
            case (true, false, false, true): return "└"
            case (true, true, false, false), (true, false, false, false), (false, true, false, false): return "│"
            default: return "─"
            }
        }
    }

    /// One row inside a group box.
    enum Row: Equatable {
        /// Node `index` (of `nodes`); `first` is false on the second row of a roomy node.
        case node(Int, first: Bool)
        /// "+N more": `hidden` nodes of the group are not shown, `above` of them before the page.
        case more(hidden: Int, above: Int)
    }

    /// A group box placed in a column.
    struct PlacedGroup {
        var group: Group
        var box: Rect
        var rows: [Row]
    }

    /// How a column's groups are placed: their boxes, one or two rows per node.
    struct ColumnPlan {
        var groups: [PlacedGroup] = []
        var roomy = false
    }

    /// Lines between the columns and the focus: two cells of line with an arrow, the bus, one
    /// cell of line to the focus box.
    static let gutter = 4

    /// Draws the map into `rect` (clipped to the buffer; nothing is drawn outside it): a
    /// title row, the map, a legend row (above the smallest height) and a row saying why the
    /// selected node is linked.
    /// `selected` is an index of `nodes`; `ascii` draws lines and arrows with `+ - | > <`.
    /// Returns the first cell of the selected node's row, or of the focus box's first row
    /// when no node is selected; nil when the map is not drawn.
    @discardableResult
    public func render(into buffer: inout CellBuffer, in rect: Rect, selected: Int?, ascii: Bool = false) -> (x: Int, y: Int)? {
        let area = rect.intersection(buffer.bounds)
        guard !area.isEmpty else { return nil }
        buffer.fill(area, style: .normal)
        let selected = selected.flatMap { nodes.indices.contains($0) ? $0 : nil }
        guard let layout = layout(in: area, selected: selected) else {
            drawTooSmall(into: &buffer, area: area)
            return nil
        }
        let glyphs = Glyphs(ascii: ascii)
        drawTitle(into: &buffer, area: area)
        let selectedLeft = drawColumn(layout.left, into: &buffer, selected: selected, glyphs: glyphs, side: .left)
        let selectedRight = drawColumn(layout.right, into: &buffer, selected: selected, glyphs: glyphs, side: .right)
        let focusBox = layout.focusBox
        drawBus(layout.left, side: .left, busX: focusBox.x - 2, middle: layout.middle, into: &buffer, glyphs: glyphs)
        drawBus(layout.right, side: .right, busX: focusBox.maxX + 1, middle: layout.middle, into: &buffer, glyphs: glyphs)

        let boxStyle = Style(.borderFocused, bold: true)
        buffer.drawBox(focusBox, title: nil, style: boxStyle, ascii: ascii)
        for (offset, line) in layout.labelLines.enumerated() {
            buffer.put(line, x: focusBox.x + (focusBox.width - line.displayWidth) / 2, y: focusBox.y + 1 + offset,
                       maxWidth: focusBox.width - 2, style: Style(.title, bold: true))
        }
        buffer.put(layout.kindLine, x: focusBox.x + (focusBox.width - layout.kindLine.displayWidth) / 2,
                   y: focusBox.y + 1 + layout.labelLines.count, maxWidth: focusBox.width - 2, style: Style(focusKind?.role ?? .dim))
        if !layout.left.groups.isEmpty { buffer.put(glyphs.teeLeft, x: focusBox.x, y: layout.middle, style: boxStyle) }
        if !layout.right.groups.isEmpty { buffer.put(glyphs.teeRight, x: focusBox.maxX - 1, y: layout.middle, style: boxStyle) }
        if nodes.isEmpty {
            let message = "No cross-links for \(focusLabel.neutralized)\(whyNoLinks).".truncated(toWidth: area.width - 2)
            buffer.put(message, x: area.x + max((area.width - message.displayWidth) / 2, 1), y: focusBox.maxY + 1,
                       maxWidth: area.width - 2, style: Style(.dim))
        }
        // A rationale too long for the detail row takes the legend's row too: the map's rows
        // stay where they are as the selection moves.
        let detail = selected.map { detailRows(of: $0, width: area.width, maxRows: layout.showsLegend ? 2 : 1, glyphs: glyphs) }
        if layout.showsLegend && (detail?.count ?? 1) < 2 {
            drawLegend(into: &buffer, y: area.maxY - 2, area: area, glyphs: glyphs, explaining: tagsDrawn(layout))
        }
        drawDetail(detail, into: &buffer, area: area)
        // With no link selected (a map of no links), the focus box's first row, its name: the
        // one node there is (the cursor sat on the title, at the top-left corner).
        return selectedLeft ?? selectedRight ?? (focusBox.x + 1, focusBox.y + 1)
    }

    /// The node drawn at (`x`, `y`) when the map is drawn in `rect` with `selected` selected
    /// (which decides the page of a long group), as `render` places it: either row of a roomy
    /// node; nil on a box's border, a "+N more" line, the focus box, or anything else.
    public func node(atX x: Int, y: Int, in rect: Rect, selected: Int?) -> Int? {
        let selected = selected.flatMap { nodes.indices.contains($0) ? $0 : nil }
        guard let layout = layout(in: rect, selected: selected) else { return nil }
        for placed in layout.left.groups + layout.right.groups
        where x > placed.box.x && x < placed.box.maxX - 1 && y > placed.box.y && y < placed.box.maxY - 1 {
            if case .node(let index, _) = placed.rows[y - placed.box.y - 1] { return index }
        }
        return nil
    }

    /// Where everything goes in `area`; nil when it is smaller than `minimumSize`.
    struct Layout {
        var body: Rect
        var focusBox: Rect
        /// The row where the buses join the focus box.
        var middle: Int
        var labelLines: [String]
        var kindLine: String
        var left: ColumnPlan
        var right: ColumnPlan
        var showsLegend: Bool
    }

    func layout(in area: Rect, selected: Int?) -> Layout? {
        guard area.width >= Self.minimumSize.width && area.height >= Self.minimumSize.height else { return nil }
        // Title row above, legend and detail rows below. At the smallest height the legend,
        // which only explains the glyphs, gives its row to the nodes.
        let showsLegend = area.height > Self.minimumSize.height
        let body = Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - (showsLegend ? 3 : 2))

        // The focus box: its label wrapped to at most three lines, then its kind.
        let maxBox = min(max(area.width / 4, 14), 30)
        // A word wider than the box is cut with "…", not broken into two lines ("Municipalis"
        // over "m").
        let words = focusLabel.neutralized.split(separator: " ", omittingEmptySubsequences: false)
            .map { $0.displayWidth > maxBox - 4 ? $0.truncated(toWidth: maxBox - 4) : String($0) }
        var labelLines = TextWrapper.wrap(words.joined(separator: " "), width: maxBox - 4).map { String($0.text) }
        if labelLines.isEmpty { labelLines = [""] }
        if labelLines.count > 3 {
            labelLines = Array(labelLines.prefix(3))
            labelLines[2] = String(labelLines[2].prefix(fittingWidth: maxBox - 5)) + "…"
        }
        let kindLine = (focusKind?.singularTitle ?? "not in this article").truncated(toWidth: maxBox - 4)
        let boxWidth = max(labelLines.map(\.displayWidth).max() ?? 0, kindLine.displayWidth, 8) + 4
        let boxHeight = labelLines.count + 3

        // Each column as wide as it needs, within what is left beside the box; the whole centred.
        let left = Array(groups.prefix(leftGroupCount))
        let right = Array(groups.dropFirst(leftGroupCount))
        // A side without links has no lines to the box either.
        let gutters = (left: left.isEmpty ? 0 : Self.gutter, right: right.isEmpty ? 0 : Self.gutter)
        let widths = Self.columnWidths(left: left.isEmpty ? 0 : max(neededWidth(left), 16),
                                       right: right.isEmpty ? 0 : max(neededWidth(right), 16),
                                       room: area.width - boxWidth - gutters.left - gutters.right)
        let originX = area.x + (area.width - (widths.left + gutters.left + boxWidth + gutters.right + widths.right)) / 2
        let focusBox = Rect(x: originX + widths.left + gutters.left, y: body.y + (body.height - boxHeight) / 2,
                            width: boxWidth, height: boxHeight)
        return Layout(body: body, focusBox: focusBox, middle: focusBox.y + focusBox.height / 2,
                      labelLines: labelLines, kindLine: kindLine,
                      left: plan(left, x: originX, width: widths.left, body: body, selected: selected),
                      right: plan(right, x: focusBox.maxX + Self.gutter, width: widths.right, body: body, selected: selected),
                      showsLegend: showsLegend)
    }

    /// The widths of the two columns, from the widths they need (0 for an empty one) and the
    /// `room` they share: each its need when both fit; else a column that needs no more than
    /// half keeps its need and the other takes the rest, and both are cut to half only when
    /// both need more. Both columns were as wide as the wider needed, at most half the room:
    /// a long name was cut at 80 columns while the other column, of short ones, left a third
    /// of the width blank (QA 38).
    static func columnWidths(left: Int, right: Int, room: Int) -> (left: Int, right: Int) {
        let room = max(room, 0)
        if left + right <= room { return (left, right) }
        let half = room / 2
        if left <= half { return (left, room - left) }
        if right <= half { return (room - right, right) }
        return (room - half, half)
    }

    enum Side { case left, right }

    /// Columns a column of these groups would like: its widest node line or box title.
    func neededWidth(_ groups: [Group]) -> Int {
        var width = 0
        for group in groups {
            width = max(width, Self.fullTitle(group, nodes: nodes).displayWidth + 5)
            for node in nodes[group.range] {
                let compact = node.label.neutralized.displayWidth + 1 + node.tag.displayWidth
                let roomy = max(node.label.neutralized.displayWidth, node.longTag.displayWidth + 2)
                width = max(width, max(compact, roomy) + 4)
            }
        }
        return width
    }

    static func fullTitle(_ group: Group, nodes: [Node]) -> String {
        let members = nodes[group.range]
        let curated = members.filter { $0.origin == .curated }.count
        let detected = members.count - curated
        var parts = [group.kind.title]
        if curated > 0 { parts.append("\(curated) curated") }
        if detected > 0 { parts.append("\(detected) detected") }
        return parts.joined(separator: " · ")
    }

    /// Places `groups` in a column: two rows per node (label, then relation and origin) when
    /// they all fit, else one; a group with more nodes than its share of rows shows a page
    /// (the one with the selected node) and a "+N more" line.
    func plan(_ groups: [Group], x: Int, width: Int, body: Rect, selected: Int?) -> ColumnPlan {
        guard !groups.isEmpty else { return ColumnPlan() }
        let counts = groups.map(\.range.count)
        let roomy = counts.reduce(0) { $0 + 2 + 2 * $1 } <= body.height
        let rows = roomy ? counts : Self.allocate(counts, rows: body.height - 2 * groups.count)
        let height = zip(groups, rows).reduce(0) { $0 + 2 + ($1.1 * (roomy ? 2 : 1)) }
        var y = body.y + max((body.height - height) / 2, 0)
        var plan = ColumnPlan(roomy: roomy)
        for (group, share) in zip(groups, rows) {
            var content: [Row] = []
            if roomy {
                for index in group.range { content += [.node(index, first: true), .node(index, first: false)] }
            } else {
                content = Self.page(group.range, rows: share, selected: selected)
            }
            let box = Rect(x: x, y: y, width: width, height: content.count + 2)
            plan.groups.append(PlacedGroup(group: group, box: box, rows: content))
            y = box.maxY
        }
        return plan
    }

    /// Rows for each group, at most `counts[i]` each, `rows` in all, shared as evenly as the
    /// counts allow (the smallest share grows first).
    static func allocate(_ counts: [Int], rows: Int) -> [Int] {
        var shares = counts.map { _ in 0 }
        var left = max(rows, 0)
        while left > 0 {
            guard let next = counts.indices.filter({ shares[$0] < counts[$0] }).min(by: { shares[$0] < shares[$1] }) else { break }
            shares[next] += 1
            left -= 1
        }
        return shares
    }

    /// The rows of a group of `range` nodes in `rows` rows: all of them, or the page that holds
    /// the selection (pages of `rows - 1`) and a "+N more" line.
    static func page(_ range: Range<Int>, rows: Int, selected: Int?) -> [Row] {
        if range.count <= rows { return range.map { .node($0, first: true) } }
        let local = selected.flatMap { range.contains($0) ? $0 - range.lowerBound : nil }
        let shown = rows - 1
        guard shown > 0 else {
            // One row: the selected node if it is here, else the count.
            if let local { return [.node(range.lowerBound + local, first: true)] }
            return rows > 0 ? [.more(hidden: range.count, above: 0)] : []
        }
        let top = local.map { min(($0 / shown) * shown, range.count - shown) } ?? 0
        return (top..<(top + shown)).map { .node(range.lowerBound + $0, first: true) } + [.more(hidden: range.count - shown, above: top)]
    }

    /// "+7 more", "+7 more (3 above)", "+7 more above"; "+7 more" or "+7" when the longer
    /// form is wider than `width`.
    static func moreText(hidden: Int, above: Int, width: Int) -> String {
        let short = "+\(hidden) more"
        let long = above == 0 ? short : (above == hidden ? short + " above" : short + " (\(above) above)")
        return long.displayWidth <= width ? long : (short.displayWidth <= width ? short : "+\(hidden)")
    }

    /// A node's label and tag on one row of `room` columns: both when they fit; else the
    /// label keeps at least half the row (or all it needs) and the tag is cut, or left out
    /// when not three columns remain for it.
    static func compactParts(label: String, tag: String, room: Int) -> (label: String, tag: String) {
        let labelWidth = label.displayWidth
        guard labelWidth + 1 + tag.displayWidth > room else { return (label, tag) }
        let tagRoom = room - 1 - min(labelWidth, max(room / 2, 6))
        let shownTag = tagRoom >= 3 ? tag.truncated(toWidth: tagRoom) : ""
        let labelRoom = shownTag.isEmpty ? room : room - 1 - shownTag.displayWidth
        return (label.truncated(toWidth: labelRoom), shownTag)
    }

    /// The labels of a box's nodes as drawn, by node index: each cut as `cut`, but where two
    /// different labels cut alike, in the middle instead, to the same width (QA 30: at 60
    /// columns "Marxism–Leninism" and "Marxism–Leninism–Maoism" were both "Marxism–Lenini…"). Cuts
    /// of fewer than ten columns stay as they are.
    static func toldApart(_ cuts: [(index: Int, label: String, cut: String)]) -> [Int: String] {
        var labelsByCut: [String: Set<String>] = [:]
        for entry in cuts { labelsByCut[entry.cut, default: []].insert(entry.label) }
        // For each cut that several labels share, how they are cut instead: in the middle, at
        // the first start's width, from half the row, that tells them all apart (QA 31:
        // "Communi…th Korea" for North and South Korea at the halfway cut); else around where
        // they first differ, when that does (QA 32: four "Workers Party of the … Korean
        // Peninsula" that differ in their middle were all "Workers Pa… Peninsula"); else in
        // the middle at half.
        var cutters: [String: (String) -> String] = [:]
        for (cut, labels) in labelsByCut where labels.count > 1 && cut.displayWidth >= 10 {
            let width = cut.displayWidth
            let half = (width - 1) / 2
            func tellsApart(_ cutter: (String) -> String) -> Bool { Set(labels.map(cutter)).count == labels.count }
            if let head = (Array((1...half).reversed()) + Array((half + 1)..<(width - 1))).first(where: { head in
                tellsApart { $0.truncatedInTheMiddle(toWidth: width, head: head) }
            }) {
                cutters[cut] = { $0.truncatedInTheMiddle(toWidth: width, head: head) }
                continue
            }
            let shared = Self.sharedPrefixLength(of: Array(labels))
            let around: (String) -> String = { Self.cutAround($0, from: max(shared - 2, 0), toWidth: width) }
            cutters[cut] = tellsApart(around) ? around : { $0.truncatedInTheMiddle(toWidth: width, head: half) }
        }
        var shown: [Int: String] = [:]
        for entry in cuts {
            // Not in a few columns, where both ends of a name are letters that say little.
            let cutter = entry.cut != entry.label ? cutters[entry.cut] : nil
            shown[entry.index] = cutter.map { $0(entry.label) } ?? entry.cut
        }
        return shown
    }

    /// How many characters all of `labels` begin with alike.
    static func sharedPrefixLength(of labels: [String]) -> Int {
        guard let first = labels.first else { return 0 }
        var length = 0
        var rest = labels.map { $0[...] }
        for character in first {
            guard rest.allSatisfy({ $0.first == character }) else { break }
            rest = rest.map { $0.dropFirst() }
            length += 1
        }
        return length
    }

    /// `label` from its character `start` on, in `width` columns: "…" before it (when it does
    /// not start the label) and "…" where it is cut.
    static func cutAround(_ label: String, from start: Int, toWidth width: Int) -> String {
        guard start > 0 else { return label.truncated(toWidth: width) }
        return "…" + String(label.dropFirst(start)).truncated(toWidth: width - 1)
    }

    /// A roomy column's tag row: the relation and origin spelled out, or as the short tag when
    /// that is too wide, in `room` columns.
    static func roomyTag(_ node: Node, room: Int) -> String {
        (node.longTag.displayWidth <= room ? node.longTag : node.tag).truncated(toWidth: room)
    }

    /// The tags `layout` draws, for the legend to explain: whether a short tag of a curated or
    /// a detected node is drawn (`·c`, `·d`), and whether a tag drawn has a count (`×N`).
    func tagsDrawn(_ layout: Layout) -> (curated: Bool, detected: Bool, counted: Bool) {
        var drawn = (curated: false, detected: false, counted: false)
        for plan in [layout.left, layout.right] {
            for placed in plan.groups {
                let inner = placed.box.width - 2
                for case .node(let index, let first) in placed.rows {
                    let node = nodes[index]
                    // A roomy column's tag is on the node's second row; a compact one's beside its label.
                    if plan.roomy && first { continue }
                    let tag = plan.roomy ? Self.roomyTag(node, room: inner - 4)
                        : Self.compactParts(label: node.label.neutralized, tag: node.tag, room: inner - 2).tag
                    guard !tag.isEmpty else { continue }
                    if tag != node.longTag {
                        if node.origin == .curated { drawn.curated = true } else { drawn.detected = true }
                    }
                    if node.count > 1 { drawn.counted = true }
                }
            }
        }
        return drawn
    }

    /// Returns the first cell of the selected node's row, if it is in this column.
    @discardableResult
    func drawColumn(_ plan: ColumnPlan, into buffer: inout CellBuffer, selected: Int?, glyphs: Glyphs, side: Side) -> (x: Int, y: Int)? {
        var selectedRow: (x: Int, y: Int)?
        for placed in plan.groups {
            let box = placed.box
            let full = Self.fullTitle(placed.group, nodes: nodes)
            let title = full.displayWidth <= box.width - 5 ? full : "\(placed.group.kind.title) (\(placed.group.range.count))"
            buffer.drawBox(box, title: title, style: Style(.border), titleStyle: Style(placed.group.kind.role, bold: true),
                           ascii: glyphs.ascii)
            let inner = box.width - 2
            let labels = Self.toldApart(placed.rows.compactMap { row -> (index: Int, label: String, cut: String)? in
                guard case .node(let index, true) = row else { return nil }
                let label = nodes[index].label.neutralized
                let cut = plan.roomy ? label.truncated(toWidth: inner - 2)
                    : Self.compactParts(label: label, tag: nodes[index].tag, room: inner - 2).label
                return (index, label, cut)
            })
            for (offset, row) in placed.rows.enumerated() {
                let y = box.y + 1 + offset
                switch row {
                case .more(let hidden, let above):
                    buffer.put(Self.moreText(hidden: hidden, above: above, width: inner - 2), x: box.x + 2, y: y,
                               maxWidth: inner - 2, style: Style(.dim))
                case .node(let index, let first):
                    let node = nodes[index]
                    let isSelected = index == selected
                    let originStyle = Style(node.origin == .curated ? .curated : .detected)
                    if isSelected {
                        buffer.fill(Rect(x: box.x + 1, y: y, width: inner, height: 1), style: Self.selectedStyle)
                        if first { selectedRow = (box.x + 1, y) }
                    }
                    let labelStyle = isSelected ? Self.selectedStyle : Style.normal
                    let tagStyle = isSelected ? Self.selectedStyle : originStyle
                    let label = node.label.neutralized
                    if plan.roomy {
                        if first {
                            buffer.put(labels[index] ?? label.truncated(toWidth: inner - 2), x: box.x + 2, y: y, maxWidth: inner - 2, style: labelStyle)
                        } else {
                            buffer.put(Self.roomyTag(node, room: inner - 4), x: box.x + 4, y: y, maxWidth: inner - 4, style: tagStyle)
                        }
                    } else {
                        let parts = Self.compactParts(label: label, tag: node.tag, room: inner - 2)
                        buffer.put(labels[index] ?? parts.label, x: box.x + 2, y: y, maxWidth: inner - 2, style: labelStyle)
                        let tagX = box.maxX - 2 - parts.tag.displayWidth
                        buffer.put(parts.tag, x: tagX, y: y, maxWidth: box.maxX - 2 - tagX, style: tagStyle)
                    }
                    guard first else { continue }
                    // The line from the box to the bus, with its arrow near the link's target.
                    let arrowStyle = Style(node.origin == .curated ? .curated : .border, bold: node.origin == .curated)
                    let line = Style(.border)
                    switch side {
                    case .left:
                        buffer.put(glyphs.teeRight, x: box.maxX - 1, y: y, style: line)
                        if node.direction == .incoming {
                            buffer.put(glyphs.horizontal, x: box.maxX, y: y, style: line)
                            buffer.put(glyphs.arrowRight, x: box.maxX + 1, y: y, style: arrowStyle)
                        } else {
                            buffer.put(glyphs.arrowLeft, x: box.maxX, y: y, style: arrowStyle)
                            buffer.put(glyphs.horizontal, x: box.maxX + 1, y: y, style: line)
                        }
                    case .right:
                        buffer.put(glyphs.teeLeft, x: box.x, y: y, style: line)
                        if node.direction == .outgoing {
                            buffer.put(glyphs.horizontal, x: box.x - 2, y: y, style: line)
                            buffer.put(glyphs.arrowRight, x: box.x - 1, y: y, style: arrowStyle)
                        } else {
                            buffer.put(glyphs.arrowLeft, x: box.x - 2, y: y, style: line)
                            buffer.put(glyphs.horizontal, x: box.x - 1, y: y, style: line)
                        }
                    }
                }
            }
        }
        return selectedRow
    }

    /// The vertical line that gathers a column's links and joins the focus box at `middle`.
    func drawBus(_ plan: ColumnPlan, side: Side, busX: Int, middle: Int, into buffer: inout CellBuffer, glyphs: Glyphs) {
        var joined: Set<Int> = []
        for placed in plan.groups {
            for (offset, row) in placed.rows.enumerated() {
                if case .node(_, true) = row { joined.insert(placed.box.y + 1 + offset) }
            }
        }
        guard !joined.isEmpty else { return }
        let top = min(joined.min()!, middle)
        let bottom = max(joined.max()!, middle)
        let style = Style(.border)
        for y in top...bottom {
            let fromColumn = joined.contains(y)
            let toFocus = y == middle
            let glyph = glyphs.junction(up: y > top, down: y < bottom,
                                        left: side == .left ? fromColumn : toFocus,
                                        right: side == .left ? toFocus : fromColumn)
            buffer.put(glyph, x: busX, y: y, style: style)
        }
        buffer.put(glyphs.horizontal, x: side == .left ? busX + 1 : busX - 1, y: middle, style: style)
    }

    static let selectedStyle = Style(.selection)

    func drawTitle(into buffer: inout CellBuffer, area: Rect) {
        let style = Style(.borderFocused, bold: true, reverse: true)
        buffer.fill(Rect(x: area.x, y: area.y, width: area.width, height: 1), style: style)
        let links = nodes.reduce(0) { $0 + $1.count }
        let curated = nodes.filter { $0.origin == .curated }.reduce(0) { $0 + $1.count }
        var text = " Link map: \(focusLabel.neutralized)"
        if let focusKind { text += " · " + focusKind.singularTitle }
        text += " · \(links) link" + (links == 1 ? "" : "s")
        if links > 0 { text += " (\(curated) curated, \(links - curated) detected)" }
        buffer.put(text.truncated(toWidth: area.width), x: area.x, y: area.y, maxWidth: area.width, style: style)
    }

    /// The legend: the arrows, and the tags' marks that are drawn (`tagsDrawn`). It explained
    /// `·c` and `·d` at 120 and 200 columns, where the tags are spelled out.
    func drawLegend(into buffer: inout CellBuffer, y: Int, area: Rect, glyphs: Glyphs,
                    explaining drawn: (curated: Bool, detected: Bool, counted: Bool)) {
        var items: [[(String, Style)]] = [[(" \(glyphs.arrowRight) \(glyphs.arrowLeft) direction of the link", Style(.dim))]]
        if drawn.curated { items.append([("·c", Style(.curated)), (" curated", Style(.dim))]) }
        if drawn.detected { items.append([("·d", Style(.detected)), (" detected", Style(.dim))]) }
        if drawn.counted { items.append([("×N", Style(.dim)), (" mentioned on N lines", Style(.dim))]) }
        let gap = "   "
        func width(_ item: [(String, Style)]) -> Int { item.reduce(0) { $0 + $1.0.displayWidth } }
        // Whole entries only, then "…" as one more entry: a narrow screen showed "mentioned o"
        // as if that were the text, and "·d …" a glyph without what it means.
        let isCut = items.reduce(0) { $0 + width($1) } + gap.count * (items.count - 1) > area.width
        let limit = isCut ? area.maxX - gap.count - 1 : area.maxX
        var x = area.x
        for (index, item) in items.enumerated() {
            let lead = index == 0 ? "" : gap
            guard x + lead.count + width(item) <= limit else { break }
            x += buffer.put(lead, x: x, y: y, style: Style(.dim))
            for (text, style) in item { x += buffer.put(text, x: x, y: y, style: style) }
        }
        if isCut, area.width > 0 {
            buffer.put(x > area.x ? gap + "…" : " …", x: x, y: y, maxWidth: area.maxX - x, style: Style(.dim))
        }
    }

    /// Why node `index` is linked, in at most `maxRows` rows of `width` columns: both ends, the
    /// relation and origin, then the reason. The names say again what the map shows (the
    /// selected node's band, the focus box and the arrow between them): they give way to the
    /// reason when both do not fit, as a rationale lost its point to them ("… → Dual state
    /// (model) · analogous-to · curated: K…"). A rationale still too long wraps to a
    /// second row where there is one; evidence keeps one row, cut around its mention.
    func detailRows(of index: Int, width: Int, maxRows: Int, glyphs: Glyphs) -> [String] {
        let node = nodes[index]
        let (from, to) = node.direction == .outgoing ? (focusLabel, node.label) : (node.label, focusLabel)
        let named = " \(from.neutralized) \(glyphs.arrowRight) \(to.neutralized) · \(node.longTag)"
        guard let reason = node.reason else { return [named.truncated(toWidth: width)] }
        let fitsNamed = (named + ": " + reason.neutralized).displayWidth <= width
        let head = fitsNamed ? named : " " + node.longTag
        guard node.quoted == nil, maxRows > 1, (head + ": " + reason.neutralized).displayWidth > width else {
            let row = (head + ": " + Self.shown(reason, quoting: node.quoted, inWidth: width - head.displayWidth - 2)).truncated(toWidth: width)
            // Evidence whose mention does not reach the row (at 40 columns: "mentions · detected:
            // line 9: While the…", QA 24) takes the legend's row, as a long rationale does: where
            // it is on the first, the excerpt around the mention on the second.
            guard let quoted = node.quoted, maxRows > 1, let mention = quoted.partsAroundMention?.mention,
                  !row.contains(String(mention).neutralized), let label = Self.label(of: reason, quoting: quoted) else { return [row] }
            let place = label.trimmingCharacters(in: .whitespaces)
            return [(head + ": " + place.neutralized).truncated(toWidth: width),
                    (" " + Self.shown(quoted.text, quoting: quoted, inWidth: width - 1)).truncated(toWidth: width)]
        }
        // Wrapped at words, each row after the same one-column margin.
        let lines = TextWrapper.wrap(String(head.dropFirst()) + ": " + reason.neutralized, width: width - 1).map { " " + String($0.text) }
        var rows = Array(lines.prefix(maxRows))
        if lines.count > maxRows { rows[maxRows - 1] = String(rows[maxRows - 1].prefix(fittingWidth: width - 1)) + "…" }
        return rows
    }

    /// `rows` (from `detailRows`) at the bottom of `area`; with no node selected, a hint.
    func drawDetail(_ rows: [String]?, into buffer: inout CellBuffer, area: Rect) {
        guard let rows else {
            let hint = nodes.isEmpty ? "" : " Select a node to see why it is linked."
            buffer.put(hint, x: area.x, y: area.maxY - 1, maxWidth: area.width, style: Style(.dim))
            return
        }
        for (offset, row) in rows.enumerated() {
            buffer.put(row, x: area.x, y: area.maxY - rows.count + offset, maxWidth: area.width, style: .normal)
        }
    }

    func drawTooSmall(into buffer: inout CellBuffer, area: Rect) {
        let lines = ["Link map: \(focusLabel.neutralized)",
                     "needs \(Self.minimumSize.width)×\(Self.minimumSize.height)"]
        for (offset, line) in lines.enumerated() {
            let y = area.y + area.height / 2 - 1 + offset
            guard y >= area.y && y < area.maxY else { continue }
            let shown = line.truncated(toWidth: area.width)
            buffer.put(shown, x: area.x + max((area.width - shown.displayWidth) / 2, 0), y: y, maxWidth: area.width,
                       style: Style(offset == 0 ? .title : .dim, bold: offset == 0))
        }
    }
}
