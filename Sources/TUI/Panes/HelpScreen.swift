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
        let lines = entries.flatMap { $0.lines(width: textWidth) }
        let height = max(min(lines.count + 2, size.height - 2), 3)
        let box = Rect(x: max((size.width - width) / 2, 0), y: max((size.height - 1 - height) / 2, 0), width: width, height: height)
        return HelpLayout(box: box, lines: lines)
    }

    /// The keys of a row; "(no key)" for an action the configuration left without one, which
    /// is listed all the same, so that a person sees what is unbound.
    static func keyList(_ keys: [Key]) -> String {
        keys.isEmpty ? noKey : keys.map(\.displayName).joined(separator: ", ")
    }

    static let noKey = "(no key)"

    /// A piece of the help text, before it is wrapped.
    private enum Entry {
        case blank
        case heading(String)
        /// Keys in a column as wide as the widest keys, then what they do.
        case binding(keys: String, column: Int, summary: String)
        case text(String)

        var naturalWidth: Int {
            switch self {
            case .blank: 0
            case .heading(let title): title.displayWidth
            case .binding(_, let column, let summary): 2 + column + 2 + summary.displayWidth
            case .text(let text): 2 + text.displayWidth
            }
        }

        func lines(width: Int) -> [[TextSpan]] {
            switch self {
            case .blank:
                return [[]]
            case .heading(let title):
                return wrapped(title, width: width, indent: 0).map { [TextSpan($0, Style(.heading1, bold: true))] }
            case .text(let text):
                return wrapped(text, width: width, indent: 2).map { [TextSpan($0)] }
            case .binding(let keys, let column, let summary):
                let keySpan = TextSpan("  " + keys, keys == HelpScreen.noKey ? Style(.dim) : Style(.statusKey, bold: true))
                let indent = 2 + column + 2
                // Too narrow for the two columns: the description goes under the keys.
                guard width - indent >= 16 else {
                    return [[keySpan]] + wrapped(summary, width: width, indent: 4).map { [TextSpan($0)] }
                }
                let pad = String(repeating: " ", count: indent - 2 - keys.displayWidth)
                let parts = wrapped(summary, width: width, indent: indent)
                return parts.enumerated().map { number, part in
                    number == 0 ? [keySpan, TextSpan(pad + part.dropFirst(indent))] : [TextSpan(part)]
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
        let column = keymap.bindings.map { keyList($0.keys).displayWidth }.max() ?? 8
        for group in groups {
            if !entries.isEmpty { entries.append(.blank) }
            entries.append(.heading(group))
            for binding in keymap.bindings where binding.command.group == group {
                entries.append(.binding(keys: keyList(binding.keys), column: column, summary: binding.command.summary(keys: keymap)))
            }
        }
        // The line editor's keys are fixed, not in the keymap: they only ever edit text.
        entries.append(.blank)
        entries.append(.heading("Typing (search, notes, go to)"))
        entries.append(.text("←, →, Home, End, Ctrl-A, Ctrl-E move the cursor, Alt-b and Alt-f by a word; Backspace and Del "
                             + "(Ctrl-D) delete around it, Ctrl-W (or Alt-Backspace) the word before it, Alt-d the word after it, Ctrl-U all before it, "
                             + "Ctrl-K all after it."))
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
                             + "or moves the selection, and in the finder a click selects and a click on the selected result jumps."))
        return entries
    }
}

/// The help overlay laid out for one terminal size.
public struct HelpLayout {
    public let box: Rect
    public let lines: [[TextSpan]]

    /// The text lines the box shows at once (inside its border).
    public var visibleLines: Int { max(box.height - 2, 0) }
    /// The furthest the text can scroll: its last line at the bottom of the box.
    public var maxTop: Int { max(lines.count - visibleLines, 0) }
}
