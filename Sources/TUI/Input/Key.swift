import Content

/// A key press, independent of how the terminal encoded it.
///
/// `.control` holds the lowercase letter (Ctrl-P is `.control("p")`) or the punctuation of
/// the other control codes (`@`, `\`, `]`, `^`, `_`). Ctrl-H, Ctrl-I, Ctrl-J/Ctrl-M and
/// Ctrl-[ arrive as `.backspace`, `.tab`, `.enter` and `.escape`, because terminals send the
/// same bytes for them.
///
/// `.alt` is Alt (Meta) held with a character, which terminals send as Esc and then the
/// character (Alt-b is Esc b); the character keeps its case (Alt-B is Alt-Shift-b).
public enum Key: Hashable, Sendable {
    case character(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, tab, backTab, backspace, escape, delete, insert
    case function(Int)
    case control(Character)
    case alt(Character)

    /// The name the help screen shows and a config file uses: "q", "Space", "Enter", "Tab",
    /// "Shift-Tab", "Ctrl-P", "Alt-b", "↑", "PgDn", "Esc", "Backspace", "F1"…
    public var displayName: String {
        switch self {
        case .character(" "): return "Space"
        case .character(let character):
            // Keys come from the keyboard, but a config file could hold anything: what must not
            // reach a terminal (controls, bidi overrides) is shown by code point.
            return character.unicodeScalars.contains(where: TextSafety.isUnsafe)
                ? character.unicodeScalars.map { "U+" + String($0.value, radix: 16, uppercase: true) }.joined(separator: " ")
                : String(character)
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .enter: return "Enter"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .backspace: return "Backspace"
        case .escape: return "Esc"
        case .delete: return "Del"
        case .insert: return "Ins"
        case .function(let number): return "F\(number)"
        case .control(let character): return "Ctrl-" + character.uppercased()
        case .alt(Key.backspaceCharacter): return "Alt-Backspace"
        case .alt(let character): return "Alt-" + Key.character(character).displayName
        }
    }

    /// The character `.alt` holds for Alt-Backspace (the DEL a terminal sends after the Esc).
    public static let backspaceCharacter: Character = "\u{7F}"

    /// Parses a key name: every `displayName`, plus common spellings (case-insensitive for
    /// named keys): "Up", "PageDown", "Return", "Escape", "Delete", "BackTab", "S-Tab",
    /// "C-p", "Ctrl+P", "^P", "M-b", "Alt+b", "Meta-b". Any other single character is that
    /// character ("Q" is Shift-q).
    public init?(name: String) {
        let lowered = name.lowercased()
        if let key = Self.namedKeys[lowered] {
            self = key
            return
        }
        if name.count == 1, let character = name.first {
            self = .character(character)
            return
        }
        if lowered.count >= 2, lowered.first == "f", let number = Int(lowered.dropFirst()),
           (1...63).contains(number), !lowered.dropFirst().hasPrefix("0"), !lowered.dropFirst().hasPrefix("+")
        {
            self = .function(number)
            return
        }
        if let character = Self.controlCharacter(spelledBy: name) {
            // The key that arrives: "Ctrl-H" is Backspace on a terminal.
            self = Self.namedKey(sendingControl: character) ?? .control(character)
            return
        }
        if let character = Self.altCharacter(spelledBy: name) {
            self = .alt(character)
            return
        }
        return nil
    }

    /// The character of an Alt spelling ("Alt-b", "alt+b", "Meta-b", "M-b", "Alt-Space"),
    /// its case kept, and Alt-Backspace, which the help lists; nil when `name` is not one.
    /// Only these: a terminal sends Alt with an arrow or a function key as a sequence of its
    /// own, which seealso does not read, and Alt with Enter or Tab is nothing (EscapeSequence).
    private static func altCharacter(spelledBy name: String) -> Character? {
        let lowered = name.lowercased()
        for prefix in ["alt-", "alt+", "meta-", "meta+", "m-"] where lowered.hasPrefix(prefix) {
            switch Key(name: String(name.dropFirst(prefix.count))) {
            case .character(let character)?: return character
            case .backspace?: return backspaceCharacter
            default: return nil
            }
        }
        return nil
    }

    /// For a control spelling ("Ctrl-M", "C-m", "^M") that a terminal sends as a named key,
    /// one byte for both, the name as the help writes it ("Ctrl-M") and that key: Ctrl-H is
    /// Backspace (BS), Ctrl-I Tab, Ctrl-J and Ctrl-M Enter (LF and CR), Ctrl-[ Esc. nil for
    /// any other name, "Enter" itself included. A config file must not bind these by their
    /// Ctrl- names: the binding would quietly take the named key from its action (Ctrl-M
    /// took Enter from "open").
    public static func namedKey(spelledAsControl name: String) -> (control: String, key: Key)? {
        guard let character = controlCharacter(spelledBy: name), let key = namedKey(sendingControl: character) else { return nil }
        return (Key.control(character).displayName, key)
    }

    /// The named key whose byte is Ctrl-`character` (lowercase), if one is.
    private static func namedKey(sendingControl character: Character) -> Key? {
        switch character {
        case "h": .backspace
        case "i": .tab
        case "j", "m": .enter
        case "[": .escape
        default: nil
        }
    }

    /// The character of a control spelling, lowercased ("Ctrl-P", "ctrl+p", "Control-P",
    /// "C-p", "^P" are "p"); nil when `name` is not one.
    private static func controlCharacter(spelledBy name: String) -> Character? {
        let lowered = name.lowercased()
        for prefix in ["ctrl-", "ctrl+", "control-", "c-", "^"] where lowered.hasPrefix(prefix) {
            let rest = name.dropFirst(prefix.count)
            guard rest.count == 1, let character = rest.first, Self.controlCharacters.contains(character.lowercased())
            else { return nil }
            return Character(character.lowercased())
        }
        return nil
    }

    /// Characters that have a control code: letters and `@ [ \ ] ^ _`. (Ctrl-[ is Esc, but
    /// parsing it lets a config file say so.)
    private static let controlCharacters = Set("abcdefghijklmnopqrstuvwxyz@[\\]^_".map(String.init))

    private static let namedKeys: [String: Key] = [
        "space": .character(" "),
        "↑": .up, "up": .up,
        "↓": .down, "down": .down,
        "←": .left, "left": .left,
        "→": .right, "right": .right,
        "pgup": .pageUp, "pageup": .pageUp,
        "pgdn": .pageDown, "pagedown": .pageDown, "pgdown": .pageDown,
        "home": .home,
        "end": .end,
        "enter": .enter, "return": .enter,
        "tab": .tab,
        "shift-tab": .backTab, "shift+tab": .backTab, "s-tab": .backTab, "backtab": .backTab,
        "backspace": .backspace, "bs": .backspace,
        "esc": .escape, "escape": .escape,
        "del": .delete, "delete": .delete,
        "ins": .insert, "insert": .insert,
    ]
}

/// A mouse action the explorer reacts to. Coordinates are screen cells from the top left.
public struct MouseEvent: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case press, wheelUp, wheelDown
    }

    public var kind: Kind
    public var x: Int
    public var y: Int

    public init(kind: Kind, x: Int, y: Int) {
        self.kind = kind
        self.x = x
        self.y = y
    }
}

/// What the backend reports to the event loop.
public enum InputEvent: Sendable, Hashable {
    case key(Key)
    case mouse(MouseEvent)
    /// The terminal's new size; the next frame should be built for it.
    case resize(width: Int, height: Int)
    /// Text pasted with the terminal's bracketed paste: text for a prompt, never keys.
    case paste(String)
}
