import Content
import Foundation
import TOMLKit
import TUI

extension Config {
    /// The settings a config file may have at the top level, in the order the default file
    /// lists them.
    static let topLevelNames = ["theme", "restore", "mouse", "show-cursor", "keys", "layout"]
    /// The top-level settings that take a single value.
    static let scalarNames = ["theme", "restore", "mouse", "show-cursor"]
    static let layoutNames = ["outline-width", "side-width", "wrap-width", "start-zoomed"]
    static let attributeNames = ["fg", "bg", "bold", "dim", "underline", "reverse"]

    /// Reads a configuration. Never fails: every problem becomes a message at its line, and
    /// only the entry with the problem keeps its default; a TOML syntax error is the one
    /// exception, which leaves every default in place (nothing of the file can be trusted).
    public static func parse(_ text: String) -> ParsedConfig {
        /// Every default, and a message that says so early enough to survive the status
        /// line's cut: it named one line, and people took the rest of the file to apply.
        let table: TOMLTable
        do {
            table = try TOMLInput.table(text)
        } catch {
            let invalid = "invalid TOML: "
            let words = error.message.hasPrefix(invalid)
                ? "invalid TOML, file ignored: " + error.message.dropFirst(invalid.count) : "file ignored: " + error.message
            return ParsedConfig(config: .standard, messages: [ConfigMessage(line: error.line, column: error.column, words)])
        }
        let text = TOMLInput.withoutByteOrderMark(text)
        var parser = ConfigParser(lines: TOMLKeyLines(text))
        let config = parser.parse(table)
        return ParsedConfig(config: config, messages: parser.sortedMessages)
    }
}

/// The checks behind `Config.parse`, collecting messages as it goes.
struct ConfigParser {
    let lines: TOMLKeyLines
    private(set) var messages: [ConfigMessage] = []

    init(lines: TOMLKeyLines) { self.lines = lines }

    /// By line; messages on one line in the order found.
    var sortedMessages: [ConfigMessage] {
        messages.enumerated().sorted { ($0.element.line ?? 0, $0.offset) < ($1.element.line ?? 0, $1.offset) }.map(\.element)
    }

    mutating func report(_ path: [String], _ text: String) {
        messages.append(ConfigMessage(line: lines.nearestLine(of: path), text))
    }

    /// `keys` in file order (TOMLKit's order is not the file's).
    func inFileOrder(_ keys: [String], under path: [String]) -> [String] {
        keys.sorted {
            (lines.line(of: path + [$0]) ?? .max, lines.order(of: path + [$0]) ?? .max, $0)
                < (lines.line(of: path + [$1]) ?? .max, lines.order(of: path + [$1]) ?? .max, $1)
        }
    }

    mutating func parse(_ table: TOMLTable) -> Config {
        var config = Config.standard
        for name in inFileOrder(table.keys, under: []) {
            guard let value = table[name] else { continue }
            switch name {
            case "theme": config.theme = theme(value)
            case "restore": config.restore = bool(value, at: ["restore"]) ?? config.restore
            case "mouse": config.mouse = bool(value, at: ["mouse"]) ?? config.mouse
            case "show-cursor": config.showCursor = bool(value, at: ["show-cursor"]) ?? config.showCursor
            case "keys":
                guard let keys = value.table else {
                    report(["keys"], "'keys' must be a table ([keys]), not \(Self.describe(value))")
                    continue
                }
                config.keymap = keymap(keys)
            case "layout":
                guard let layout = value.table else {
                    report(["layout"], "'layout' must be a table ([layout]), not \(Self.describe(value))")
                    continue
                }
                config.layout = self.layout(layout)
            default:
                report([name], Self.misplaced(name) ?? Self.unknown("setting", name, among: Config.topLevelNames,
                                                                    otherwise: "the settings are theme, restore, mouse, show-cursor, [keys] and [layout]"))
            }
        }
        return config
    }

    // MARK: - Values

    /// A TOML value as a person would recognise it in a message: the literal for a scalar.
    static func describe(_ value: TOMLValueConvertible) -> String {
        if let string = value.string { return TOMLText.shown(string) }
        if let int = value.int { return String(int) }
        if let bool = value.bool { return String(bool) }
        if let double = value.double { return String(double) }
        switch value.type {
        case .table: return "a table"
        case .array: return "an array"
        default: return "a \(value.type.description)"
        }
    }

    /// "unknown action 'qiut' in [keys]; did you mean 'quit'?" or, with nothing close, the
    /// `otherwise` hint in parentheses.
    static func unknown(_ what: String, _ name: String, in place: String = "", among candidates: [String], otherwise: String) -> String {
        let head = "unknown \(what) '\(TOMLText.name(name))'" + (place.isEmpty ? "" : " in \(place)")
        if let close = closest(to: name, among: candidates) {
            return head + "; did you mean '\(close)'?"
        }
        return head + " (\(otherwise))"
    }

    /// The candidate `name` is probably a misspelling of: the same but for case, one it is the
    /// start of ("outline" for "outline-width"), or one a typo or two away (a swap of two
    /// letters counts as one).
    static func closest(to name: String, among candidates: [String]) -> String? {
        let lowered = name.lowercased()
        if let same = candidates.first(where: { $0.lowercased() == lowered }) { return same }
        if lowered.count >= 3, let longer = candidates.first(where: { $0.hasPrefix(lowered) }) { return longer }
        let limit = lowered.count <= 4 ? 1 : 2
        let name = Array(lowered)
        // Names whose lengths differ by more than the limit are further apart than it: skipping
        // them keeps a file of 10,000 unknown names from taking seconds.
        let scored = candidates.lazy.map { Array($0) }.filter { abs($0.count - name.count) <= limit }
            .map { (String($0), Lookup.editDistance(name, $0)) }.filter { $0.1 <= limit }
        return scored.min { $0.1 < $1.1 }?.0
    }

    /// A key that belongs in a table, written above every table header.
    static func misplaced(_ name: String) -> String? {
        table(holding: name).map { "'\(name)' belongs in [\($0)]: move it below a line that says [\($0)]" }
    }

    /// A key written in table `table` that is a setting of the top level or of another table:
    /// a top-level setting written after a table header is read as one of that table's keys
    /// ("unknown action 'theme' in [keys]", which did not say where it goes).
    static func misplaced(_ name: String, in table: String) -> String? {
        if Config.scalarNames.contains(name) {
            return "'\(name)' is a top-level setting, not one of [\(table)]: move it above the first line with a [table] header"
        }
        guard let home = self.table(holding: name), home != table else { return nil }
        return "'\(name)' belongs in [\(home)], not [\(table)]: move it below a line that says [\(home)]"
    }

    /// The table whose key `name` is, if any.
    private static func table(holding name: String) -> String? {
        if Command(rawValue: name) != nil { return "keys" }
        if Config.layoutNames.contains(name) { return "layout" }
        if name == "base" || ColorRole.roles(configName: name) != nil { return "theme" }
        return nil
    }

    mutating func bool(_ value: TOMLValueConvertible, at path: [String]) -> Bool? {
        if let bool = value.bool { return bool }
        report(path, "'\(path.joined(separator: "."))' must be true or false, not \(Self.describe(value))")
        return nil
    }

    // MARK: - [keys]

    /// The standard keymap with the remapped actions' keys replaced. A key bound twice in the
    /// file keeps its first action; a key the file binds is taken from the action that had it
    /// by default (no message: the file asked for it), unless that leaves the action with no
    /// key at all (see `reportActionsLeftWithoutKeys`).
    mutating func keymap(_ table: TOMLTable) -> KeyMap {
        var remapped: [Command: [Key]] = [:]
        var owners: [Key: (command: Command, line: Int)] = [:]
        var conflicts: [(path: [String], key: Key, first: Command, firstLine: Int, command: Command)] = []
        for name in inFileOrder(table.keys, under: ["keys"]) {
            guard let value = table[name] else { continue }
            let path = ["keys", name]
            guard let command = Command(rawValue: name) else {
                report(path, Self.misplaced(name, in: "keys") ?? Self.unknown("action", name, in: "[keys]", among: Command.allCases.map(\.rawValue),
                                          otherwise: "seealso config --print-default lists the actions"))
                continue
            }
            // A bad element of a list is reported at its own line: a list may span lines.
            if let array = value.array, let index = array.firstIndex(where: { $0.string == nil }) {
                report(path + [String(index)], "'\(name)': a key name must be a string, not \(Self.describe(array[index]))")
                continue
            }
            guard let names = Self.stringList(value) else {
                report(path, "'\(name)' must be a key name or a list of key names, not \(Self.describe(value))")
                continue
            }
            var keys: [Key] = []
            var bad: (index: Int, message: String)?
            for (index, keyName) in names.enumerated() {
                guard let key = Key(name: keyName), key.isDeliverable else {
                    bad = (index, "unknown key name \(TOMLText.shown(keyName)) "
                        + "(examples: \"x\", \"X\", \"Space\", \"Enter\", \"Esc\", \"Up\", \"PgDn\", \"F2\", \"Ctrl-P\", \"Alt-b\")")
                    break
                }
                // Said, not taken as the named key: "Ctrl-M" quietly took Enter from 'open'.
                if let twin = Key.namedKey(spelledAsControl: keyName) {
                    bad = (index, "\(twin.control) is the same key as \(twin.key.configName) on a terminal; "
                        + "write \(TOMLText.quoted(twin.key.configName))")
                    break
                }
                if let signal = key.terminalSignal {
                    bad = (index, "\(key.configName) cannot be bound: the terminal \(signal) instead of sending it")
                    break
                }
                if !keys.contains(key) { keys.append(key) }
            }
            if let bad {
                // A list's element has its own line; a lone string is the key's.
                let place = value.array == nil ? path : path + [String(bad.index)]
                report(place, "'\(name)': \(bad.message)")
                continue
            }
            let line = lines.nearestLine(of: path)
            if let clash = keys.first(where: { owners[$0] != nil }), let owner = owners[clash] {
                conflicts.append((path, clash, owner.command, owner.line, command))
                continue
            }
            for key in keys { owners[key] = (command, line) }
            remapped[command] = keys
        }
        let bindings = KeyMap.standard.bindings.map { binding in
            KeyMap.Binding(binding.command, remapped[binding.command] ?? binding.keys.filter { owners[$0] == nil })
        }
        let keymap = KeyMap(bindings: bindings)
        for conflict in conflicts {
            let name = conflict.command.rawValue
            let left = keymap.keys(for: conflict.command).map(\.configName)
            // Left with none, it is said as any action left without a key is: "keeps its
            // default keys: none left" read as if it kept some.
            let outcome = left.isEmpty ? Self.noKeyLeft(conflict.command, takers: Self.takers(of: conflict.command, owners: owners))
                : "'\(name)' keeps its default keys: " + left.joined(separator: ", ")
            report(conflict.path, "key '\(conflict.key.configName)' is bound to both '\(conflict.first.rawValue)' (line \(conflict.firstLine)) "
                + "and '\(name)'; " + outcome)
        }
        reportActionsLeftWithoutKeys(keymap, remapped: Set(remapped.keys).union(conflicts.map(\.command)), owners: owners)
        return keymap
    }

    /// Says which actions the file's bindings took every key from: `help = "q"` left quit with
    /// nothing but Ctrl-C, without a word. Said at the line of the binding that took the last
    /// one; the bindings still apply (the file asked for them). Not said of an action the
    /// file binds itself (`quit = []` leaves it unbound on purpose) nor of one in a conflict,
    /// whose message says it (see `noKeyLeft`).
    private mutating func reportActionsLeftWithoutKeys(_ keymap: KeyMap, remapped: Set<Command>,
                                                       owners: [Key: (command: Command, line: Int)]) {
        for binding in KeyMap.standard.bindings where !remapped.contains(binding.command) && keymap.keys(for: binding.command).isEmpty {
            let takers = Self.takers(of: binding.command, owners: owners)
            guard let line = takers.map(\.owner.line).max() else { continue }
            messages.append(ConfigMessage(line: line, Self.noKeyLeft(binding.command, takers: takers)))
        }
    }

    /// The default keys of `command` that the file gave to other actions, with their new owners.
    private static func takers(of command: Command, owners: [Key: (command: Command, line: Int)])
        -> [(key: Key, owner: (command: Command, line: Int))] {
        KeyMap.standard.keys(for: command).compactMap { key in owners[key].map { (key: key, owner: $0) } }
    }

    /// "'quit' has no key left (q is now 'help'); give it another, or write quit = [] if that
    /// is meant": one wording for an action the file's bindings took every key from, whether
    /// it was bound in the file or not.
    private static func noKeyLeft(_ command: Command, takers: [(key: Key, owner: (command: Command, line: Int))]) -> String {
        let name = command.rawValue
        let taken = takers.map { "\($0.key.configName) is now '\($0.owner.command.rawValue)'" }.joined(separator: ", ")
        return "'\(name)' has no key left" + (taken.isEmpty ? "" : " (\(taken))") + "; give it another, or write \(name) = [] if that is meant"
    }

    /// A string, or an array of strings (possibly empty: the action is unbound).
    static func stringList(_ value: TOMLValueConvertible) -> [String]? {
        if let string = value.string { return [string] }
        guard let array = value.array else { return nil }
        var strings: [String] = []
        for element in array {
            guard let string = element.string else { return nil }
            strings.append(string)
        }
        return strings
    }

    // MARK: - theme

    mutating func theme(_ value: TOMLValueConvertible) -> ThemeSetting {
        if let name = value.string {
            if let base = Self.baseTheme(name) { return base }
            report(["theme"], "'theme' must be \"auto\", \"dark\", \"light\", \"mono\" or a [theme] table, not \(Self.describe(value))")
            return .auto
        }
        guard let table = value.table else {
            report(["theme"], "'theme' must be \"auto\", \"dark\", \"light\", \"mono\" or a [theme] table, not \(Self.describe(value))")
            return .auto
        }
        var setting = ThemeSetting.auto
        // "heading" first, so that "heading-2" can change one level of it.
        let names = inFileOrder(table.keys, under: ["theme"]).sorted { ($0 == "heading" ? 0 : 1) < ($1 == "heading" ? 0 : 1) }
        for name in names {
            guard let value = table[name] else { continue }
            let path = ["theme", name]
            if name == "base" {
                if let base = value.string.flatMap(Self.baseTheme) {
                    setting.base = base.base
                } else {
                    report(path, "'base' must be \"auto\", \"dark\", \"light\" or \"mono\", not \(Self.describe(value))")
                }
                continue
            }
            guard let roles = ColorRole.roles(configName: name) else {
                report(path, Self.misplaced(name, in: "theme") ?? Self.unknown("colour role", name, in: "[theme]", among: ["base"] + ColorRole.configNames,
                                          otherwise: "seealso config --print-default lists the roles"))
                continue
            }
            guard let patch = appearance(value, name: name, at: path) else { continue }
            for role in roles { setting.overrides[role] = (setting.overrides[role] ?? AppearancePatch()).merged(with: patch) }
        }
        return setting
    }

    /// "auto" or a built-in theme's name.
    static func baseTheme(_ name: String) -> ThemeSetting? {
        if name.lowercased() == "auto" { return .auto }
        return Theme.named(name).map { ThemeSetting(base: $0) }
    }

    /// A colour (the foreground) or a table of colours and attributes.
    mutating func appearance(_ value: TOMLValueConvertible, name: String, at path: [String]) -> AppearancePatch? {
        if value.string != nil || value.int != nil {
            return color(value, name: name, at: path).map { AppearancePatch(foreground: $0) }
        }
        guard let table = value.table else {
            report(path, "'\(name)' must be a colour or a table like { fg = \"cyan\", bold = true }, not \(Self.describe(value))")
            return nil
        }
        var patch = AppearancePatch()
        var valid = true
        for attribute in inFileOrder(table.keys, under: path) {
            guard let value = table[attribute] else { continue }
            let attributePath = path + [attribute]
            let label = "\(name).\(attribute)"
            switch attribute {
            case "fg", "bg":
                guard let color = color(value, name: label, at: attributePath) else { valid = false; continue }
                if attribute == "fg" { patch.foreground = color } else { patch.background = color }
            case "bold", "dim", "underline", "reverse":
                guard let flag = value.bool else {
                    report(attributePath, "'\(label)' must be true or false, not \(Self.describe(value))")
                    valid = false
                    continue
                }
                switch attribute {
                case "bold": patch.bold = flag
                case "dim": patch.dim = flag
                case "underline": patch.underline = flag
                default: patch.reverse = flag
                }
            default:
                report(attributePath, "'\(name)': unknown attribute '\(TOMLText.name(attribute))' (\(Config.attributeNames.joined(separator: ", ")))")
                valid = false
            }
        }
        return valid ? patch : nil
    }

    mutating func color(_ value: TOMLValueConvertible, name: String, at path: [String]) -> TerminalColor? {
        if let index = value.int {
            guard (0...255).contains(index) else {
                report(path, "'\(name)': colour \(index) is not between 0 and 255")
                return nil
            }
            return .indexed(index)
        }
        if let text = value.string {
            if let color = TerminalColor(configName: text) { return color }
            report(path, "'\(name)': unknown colour \(TOMLText.shown(text)) (black, red, green, yellow, blue, "
                + "magenta, cyan, white, bright-black … bright-white, grey, default, or 0 to 255)")
            return nil
        }
        report(path, "'\(name)' must be a colour name or 0 to 255, not \(Self.describe(value))")
        return nil
    }

    // MARK: - [layout]

    mutating func layout(_ table: TOMLTable) -> LayoutSettings {
        var settings = LayoutSettings.standard
        for name in inFileOrder(table.keys, under: ["layout"]) {
            guard let value = table[name] else { continue }
            let path = ["layout", name]
            switch name {
            case "outline-width":
                settings.outlineWidth = paneWidth(value, name: name, at: path) ?? settings.outlineWidth
            case "side-width":
                settings.sideWidth = paneWidth(value, name: name, at: path) ?? settings.sideWidth
            case "wrap-width":
                if let width = value.int, width == 0 || width >= LayoutSettings.minimumWrapWidth {
                    settings.wrapWidth = width
                } else {
                    report(path, "'wrap-width' must be 0 (the pane's width) or \(LayoutSettings.minimumWrapWidth) columns or more, "
                        + "not \(Self.describe(value))")
                }
            case "start-zoomed":
                settings.zoom = bool(value, at: path) ?? settings.zoom
            default:
                report(path, Self.misplaced(name, in: "layout") ?? Self.unknown("setting", name, in: "[layout]", among: Config.layoutNames,
                                          otherwise: "the settings are outline-width, side-width, wrap-width and start-zoomed"))
            }
        }
        return settings
    }

    /// "auto", columns (an integer) or a percentage of the screen ("25%").
    mutating func paneWidth(_ value: TOMLValueConvertible, name: String, at path: [String]) -> PaneWidth? {
        if let columns = value.int, (PaneWidth.minimumColumns...PaneWidth.maximumColumns).contains(columns) { return .columns(columns) }
        if let text = value.string?.trimmingCharacters(in: .whitespaces) {
            if text.lowercased() == "auto" { return .auto }
            if text.hasSuffix("%"), let percent = Int(text.dropLast().trimmingCharacters(in: .whitespaces)), PaneWidth.percentRange.contains(percent) {
                return .percent(percent)
            }
        }
        let range = PaneWidth.percentRange
        report(path, "'\(name)' must be \"auto\", \(PaneWidth.minimumColumns) to \(PaneWidth.maximumColumns) columns, or a percentage of the screen "
            + "from \"\(range.lowerBound)%\" to \"\(range.upperBound)%\", not \(Self.describe(value))")
        return nil
    }
}
