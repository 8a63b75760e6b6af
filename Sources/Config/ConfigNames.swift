import Content
import TUI

/// The names a config file uses for keys, colour roles and colours, both ways.

extension Key {
    /// The name a config file is written with: `displayName`, but arrows as words ("Up"),
    /// which anyone can type.
    public var configName: String {
        switch self {
        case .up: "Up"
        case .down: "Down"
        case .left: "Left"
        case .right: "Right"
        default: displayName
        }
    }

    /// Whether a terminal can deliver this key as written. A control character written as a
    /// character ("\t", "Alt-\t") arrives as its named key (Tab) or as Ctrl-X, never as a
    /// character.
    var isDeliverable: Bool {
        switch self {
        // Alt-Backspace is Esc and DEL, which the input reads as this key (EscapeSequence).
        case .alt(Key.backspaceCharacter):
            true
        case .character(let character), .alt(let character):
            !character.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }
        default:
            true
        }
    }

    /// What the terminal does with this key instead of sending it, when it is one of its
    /// signal keys: seealso leaves ISIG on, so that Ctrl-C and Ctrl-Z work as in any program
    /// (and restore the terminal), and these keys never arrive as keys.
    var terminalSignal: String? {
        switch self {
        case .control("c"): "interrupts (SIGINT)"
        case .control("z"): "suspends (SIGTSTP)"
        case .control("\\"): "quits (SIGQUIT)"
        default: nil
        }
    }
}

extension ColorRole {
    /// The name of the role in a `[theme]` table: the case name in kebab case ("borderFocused"
    /// is "border-focused", "heading1" is "heading-1"), so a new role gets a name, and a line
    /// in the default config, without anyone having to remember.
    public var configName: String {
        var name = ""
        var previous: Character?
        for character in String(describing: self) {
            if let previous, character.isUppercase || (character.isNumber && !previous.isNumber) { name.append("-") }
            name.append(Character(character.lowercased()))
            previous = character
        }
        return name
    }

    /// What a `[theme]` entry named `name` sets: one role, or the three heading levels for
    /// "heading".
    static func roles(configName name: String) -> [ColorRole]? {
        if name == "heading" { return [.heading1, .heading2, .heading3] }
        return allCases.first { $0.configName == name }.map { [$0] }
    }

    /// Every name a `[theme]` table accepts, "heading" first.
    static var configNames: [String] { ["heading"] + allCases.map(\.configName) }
}

extension TerminalColor {
    static let namedColors: [(name: String, color: TerminalColor)] = [
        ("default", .default),
        ("black", .black), ("red", .red), ("green", .green), ("yellow", .yellow),
        ("blue", .blue), ("magenta", .magenta), ("cyan", .cyan), ("white", .white),
        ("bright-black", .brightBlack), ("bright-red", .brightRed), ("bright-green", .brightGreen),
        ("bright-yellow", .brightYellow), ("bright-blue", .brightBlue), ("bright-magenta", .brightMagenta),
        ("bright-cyan", .brightCyan), ("bright-white", .brightWhite),
    ]

    /// A colour name, case-insensitive; "grey"/"gray" are bright black, as in most terminals.
    init?(configName name: String) {
        let lowered = name.lowercased()
        if lowered == "grey" || lowered == "gray" {
            self = .brightBlack
            return
        }
        guard let found = Self.namedColors.first(where: { $0.name == lowered }) else { return nil }
        self = found.color
    }

    /// The name or palette index a config file writes for this colour (a TOML value).
    var configValue: String {
        if case .indexed(let index) = self { return String(index) }
        return "\"" + (Self.namedColors.first { $0.color == self }?.name ?? "default") + "\""
    }
}

enum TOMLText {
    /// The most characters of a value a message quotes: a 20 MB colour name was said whole.
    static let messageLimit = 80

    /// `text` quoted for a message: as a TOML string, cut with "…" after `messageLimit`
    /// characters.
    static func shown(_ text: String) -> String {
        text.count <= messageLimit ? quoted(text) : String(quoted(String(text.prefix(messageLimit))).dropLast()) + "…\""
    }

    /// A name from the file, made safe and cut as `shown` cuts a value, for messages that
    /// put it in single quotes.
    static func name(_ text: String) -> String {
        text.count <= messageLimit ? text.neutralized : String(text.prefix(messageLimit)).neutralized + "…"
    }

    /// `text` as a TOML basic string.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            default:
                // What must never reach a terminal raw (controls, bidi overrides, line
                // separators) is escaped.
                if TextSafety.isUnsafe(scalar) {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
