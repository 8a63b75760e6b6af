/// The help overlay's text, generated from the keymap that dispatches keys, so a remapped
/// key shows up here as it is.
public enum HelpScreen {
    /// The help text, one line per binding, unwrapped. `mouse`: whether clicks and the wheel
    /// reach the explorer (`mouse` in config.toml).
    public static func lines(_ keymap: KeyMap, mouse: Bool = true) -> [[TextSpan]] {
        layout(keymap, size: Size(width: Int.max / 4, height: Int.max / 4), mouse: mouse).lines
    }

    /// The overlay at a terminal size: its box, centred, and the text wrapped to it, a key's
    /// description continuing under itself, as in a man page. Every line can be scrolled to.
    public static func layout(_ keymap: KeyMap, size: Size, mouse: Bool = true) -> HelpLayout {
        let entries = entries(keymap, mouse: mouse)
        let natural = entries.map(\.naturalWidth).max() ?? 40
        let width = max(min(max(natural, 40) + 4, size.width - 2), 5)
        let textWidth = width - 4
        // The keys' column is as wide as the widest list of keys that leaves a description
        // room beside it, and is no wider than a third of the text (or the standard keymap's
        // widest list, "Space, PgDn, Ctrl-F"); a longer list goes on lines of its own. One
        // action given many keys had pushed every description under its keys, its own list
        // cut; then, beside them, it squeezed every description into two lines.
        let widest = max(textWidth / 3, Entry.ordinaryKeys)
        let column = entries.compactMap(\.keysWidth).filter { $0 <= widest && 2 + $0 + 2 + Entry.minimumSummary <= textWidth }.max()
        let wrapped = entries.map { $0.lines(width: textWidth, column: column) }
        let lines = wrapped.flatMap { $0 }
        let entryStarts = wrapped.indices.map { index in wrapped[..<index].reduce(0) { $0 + $1.count } }
        let height = max(min(lines.count + 2, size.height - 2), 3)
        let box = Rect(x: max((size.width - width) / 2, 0), y: max((size.height - 1 - height) / 2, 0), width: width, height: height)
        return HelpLayout(box: box, lines: lines, entryStarts: entryStarts)
    }

    /// The keys of a row; "(no key)" for an action the configuration left without one, which
    /// is listed all the same, so that a person sees what is unbound.
    static func keyList(_ keys: [Key]) -> String {
        keys.isEmpty ? noKey : keys.map(\.displayName).joined(separator: ", ")
    }

    public static let noKey = "(no key)"

    /// The key that quits when `quit` has none (with nothing open; see `Explorer.interruptAction`):
    /// said where the quit key would be, so that a configuration without one is no trap.
    static let interrupt = "Ctrl-C"

    /// A piece of the help text, before it is wrapped.
    private enum Entry {
        case blank
        case heading(String)
        /// Keys in a column, then what they do. `widest`: the widest keys of all, which the
        /// box is made wide enough for when the terminal allows. `sizesColumn`: whether these
        /// keys may widen the keys' column (and `widest`).
        case binding(keys: String, widest: Int, summary: String, sizesColumn: Bool = true)
        case text(String)

        /// The fewest columns a description is given beside its keys.
        static let minimumSummary = 16
        /// A list of keys this wide always has its column when there is room for it: the
        /// standard keymap's widest ("Space, PgDn, Ctrl-F") and a little more.
        static let ordinaryKeys = 20

        var naturalWidth: Int {
            switch self {
            case .blank: 0
            case .heading(let title): title.displayWidth
            case .binding(_, let widest, let summary, _): 2 + widest + 2 + summary.displayWidth
            case .text(let text): 2 + text.displayWidth
            }
        }

        var keysWidth: Int? {
            if case .binding(let keys, _, _, true) = self { keys.displayWidth } else { nil }
        }

        /// Its lines, `width` columns wide; keys that fit the keys' `column` (nil: none fit
        /// beside a description) start their description beside them.
        func lines(width: Int, column: Int?) -> [[TextSpan]] {
            switch self {
            case .blank:
                return [[]]
            case .heading(let title):
                return wrapped(title, width: width, indent: 0).map { [TextSpan($0, Style(.heading1, bold: true))] }
            case .text(let text):
                return wrapped(text, width: width, indent: 2).map { [TextSpan($0)] }
            case .binding(let keys, _, let summary, _):
                let style = keys == HelpScreen.noKey ? Style(.dim) : Style(.statusKey, bold: true)
                let indent = column.map { 2 + $0 + 2 } ?? 4
                guard let column, keys.displayWidth <= column else {
                    // Keys on lines of their own, broken after a comma, never inside a key's
                    // name; the description under them, in its column.
                    return wrapped(keys, width: width, indent: 2).map { [TextSpan($0, style)] }
                        + wrapped(summary, width: width, indent: indent).map { [TextSpan($0)] }
                }
                let pad = String(repeating: " ", count: indent - 2 - keys.displayWidth)
                let parts = wrapped(summary, width: width, indent: indent)
                return parts.enumerated().map { number, part in
                    number == 0 ? [TextSpan("  " + keys, style), TextSpan(pad + part.dropFirst(indent))] : [TextSpan(part)]
                }
            }
        }

        /// `text` in lines of `width` columns, each starting with `indent` spaces.
        private func wrapped(_ text: String, width: Int, indent: Int) -> [String] {
            let margin = String(repeating: " ", count: indent)
            let lines = TextWrapper.wrap(text, width: max(width - indent, 1))
            return lines.isEmpty ? [margin] : lines.map { margin + $0.text }
        }
    }

    private static func entries(_ keymap: KeyMap, mouse: Bool) -> [Entry] {
        var entries: [Entry] = []
        var groups: [String] = []
        for binding in keymap.bindings where !groups.contains(binding.command.group) { groups.append(binding.command.group) }
        // A place's row gathers the keys of several actions (the link map's next group: Space,
        // PgDn, Ctrl-F, Ctrl-D, }, l, →): such a list goes on a line of its own rather than push
        // every description right. Only an ordinary list of a place sizes the column.
        let places = ContextKeys.listings(keymap)
        let placeLists = places.flatMap(\.rows).map { keyList($0.keys) }
        let widest = (keymap.bindings.map { keyList($0.keys).displayWidth } + placeLists.map(\.displayWidth).filter { $0 <= Entry.ordinaryKeys })
            .max() ?? 8
        for group in groups {
            if !entries.isEmpty { entries.append(.blank) }
            entries.append(.heading(group))
            for binding in keymap.bindings where binding.command.group == group {
                var summary = binding.command.summary(keys: keymap)
                if binding.command == .quit, binding.keys.isEmpty { summary += " (\(interrupt) quits when nothing is open)" }
                entries.append(.binding(keys: keyList(binding.keys), widest: widest, summary: summary))
            }
        }
        // The places that read keys their own way: the prompts, the finder, the link map, this help.
        for place in places {
            entries.append(.blank)
            entries.append(.heading(place.title))
            for row in place.rows {
                let keys = keyList(row.keys)
                entries.append(.binding(keys: keys, widest: widest, summary: row.summary, sizesColumn: keys.displayWidth <= Entry.ordinaryKeys))
            }
            entries.append(.text(place.otherwise))
        }
        entries.append(.blank)
        entries.append(.heading("Mouse"))
        guard mouse else {
            // Clicks never reach the explorer then: describing them would only mislead.
            entries.append(.text("Off (mouse = false in the configuration file): clicks and the wheel are left to the terminal, "
                                 + "to select and copy text; mouse = true turns them on."))
            return entries
        }
        entries.append(.text("Click selects and focuses; click the selected row or link of the focused pane to follow it; "
                             + "the wheel scrolls."))
        entries.append(.text("Over the help, the finder or the link map, the mouse acts on them alone: the wheel scrolls "
                             + "or moves the selection; in the finder and the map a click selects, and a click on the selected result or node follows it."))
        return entries
    }
}

/// The help overlay laid out for one terminal size.
public struct HelpLayout {
    public let box: Rect
    public let lines: [[TextSpan]]
    /// The line each entry (a binding, a heading, a blank) starts on, in order.
    public let entryStarts: [Int]

    /// The text lines the box shows at once (inside its border).
    public var visibleLines: Int { max(box.height - 2, 0) }
    /// The furthest the text can scroll: its last line at the bottom of the box.
    public var maxTop: Int { max(lines.count - visibleLines, 0) }
}
