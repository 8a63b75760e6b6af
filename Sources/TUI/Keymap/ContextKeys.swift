/// The keys of a place that reads them its own way — a prompt, the finder, the link map, the
/// help — as a table: the place's handler dispatches from it and the help and the README list
/// it, so that, as for `KeyMap`, the two can never disagree (the finder's and the link
/// map's keys, Tab in a prompt, Ctrl-G, Ctrl-B and Ctrl-F were handled and listed nowhere).
///
/// A row's keys are fixed keys (typed text's: never remapped), the keys the keymap binds to
/// some commands (remapped with them), or both.
public struct ContextKeyTable<Effect: Hashable & Sendable>: Sendable {
    public struct Row: Sendable {
        public let effect: Effect
        public let keys: [Key]
        public let commands: [Command]
        public let summary: String

        public init(_ effect: Effect, keys: [Key] = [], commands: [Command] = [], _ summary: String) {
            self.effect = effect
            self.keys = keys
            self.commands = commands
            self.summary = summary
        }
    }

    /// The heading the help lists the rows under, with the keys bound now: a key it names is
    /// the keymap's (QA 41: "In a prompt (/ search, note)" with search remapped to `f`).
    public let title: @Sendable (KeyMap) -> String
    public let rows: [Row]
    /// What any other key does here, said under the rows.
    public let otherwise: String
    /// Keys the place takes before the commands' (a prompt's editing keys): a command bound
    /// to one of them is not reached by it here.
    private let takesFirst: @Sendable (Key) -> Bool
    private let effectByKey: [Key: Effect]
    private let effectByCommand: [Command: Effect]

    public init(_ title: @escaping @Sendable (KeyMap) -> String, _ rows: [Row], otherwise: String,
                takesFirst: @escaping @Sendable (Key) -> Bool = { _ in false }) {
        self.title = title
        self.rows = rows
        self.otherwise = otherwise
        self.takesFirst = takesFirst
        var byKey: [Key: Effect] = [:]
        var byCommand: [Command: Effect] = [:]
        for row in rows {
            for key in row.keys where byKey[key] == nil { byKey[key] = row.effect }
            for command in row.commands where byCommand[command] == nil { byCommand[command] = row.effect }
        }
        effectByKey = byKey
        effectByCommand = byCommand
    }

    /// What a fixed key does here; nil when it is none.
    public func effect(of key: Key) -> Effect? { effectByKey[key] }

    /// What a key bound to `command` does here; nil when the command is none of the rows'.
    public func effect(of command: Command?) -> Effect? { command.flatMap { effectByCommand[$0] } }

    /// What `key` does here with `keymap`: a fixed key's effect, else nothing for a key the
    /// place takes first, else the effect of the command `keymap` binds it to. Nil: the
    /// place's default (`otherwise`).
    public func effect(of key: Key, in keymap: KeyMap) -> Effect? {
        if let effect = effect(of: key) { return effect }
        return takesFirst(key) ? nil : effect(of: keymap.command(for: key))
    }

    /// The listing of the rows with `keymap`'s keys: a command's key that the place takes
    /// otherwise (a fixed key, an editing key) is not the command's here, and is not listed.
    public func listing(_ keymap: KeyMap) -> ContextKeyListing {
        ContextKeyListing(title: title(keymap), rows: rows.map { row in
            var keys = row.keys
            for key in row.commands.flatMap(keymap.keys(for:)) where !keys.contains(key) && effect(of: key, in: keymap) == row.effect {
                keys.append(key)
            }
            return ContextKeyListing.Row(keys: keys, commands: row.commands, summary: row.summary)
        }, otherwise: otherwise)
    }
}

/// A place's keys as the help and the README list them: each row's keys as bound now.
public struct ContextKeyListing: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public var keys: [Key]
        /// The commands whose keys are in `keys` (a config file remaps them); empty for fixed keys.
        public var commands: [Command]
        public var summary: String
    }

    public var title: String
    public var rows: [Row]
    public var otherwise: String
}

/// What a key does in the search or note prompt, beyond editing its text.
public enum PromptKey: Hashable, Sendable {
    case accept, cancel, typeSpace, redraw
}

/// What a key does in the finder, beyond editing its query.
public enum FinderKey: Hashable, Sendable {
    case jump, cancel, previous, next, pageUp, pageDown, redraw
}

/// What a key does while the link map is open.
public enum LinkMapKey: Hashable, Sendable {
    case next, previous, nextGroup, previousGroup, first, last, follow, help, close, redraw
}

/// What a key does while the help is open.
public enum HelpKey: Hashable, Sendable {
    case lineDown, lineUp, pageDown, pageUp, halfPageDown, halfPageUp, top, bottom, close, redraw
}

/// Every place's table, in the help's order.
public enum ContextKeys {
    /// Cancelling: Ctrl-G is readline's and Emacs' abort. Ctrl-C, a signal rather than a key,
    /// does it too (`Explorer.interruptAction`).
    private static let cancelKeys: [Key] = [.escape, .control("g")]

    public static let prompt = ContextKeyTable<PromptKey>({ "In a prompt (\($0.keyName(for: .search).map { $0 + " " } ?? "")search, note)" }, [
        .init(.accept, keys: [.enter], "Search, or save the note"),
        .init(.cancel, keys: cancelKeys, "Cancel (so does Ctrl-C)"),
        .init(.typeSpace, keys: [.tab], "Type a space"),
        // The redraw key, when it is not one the prompt types or edits with (see `takesFirst`).
        .init(.redraw, commands: [.redraw], "Redraw the screen"),
    ], otherwise: "Other keys edit the text (Typing, below).", takesFirst: LineInput.edits)

    public static let finder = ContextKeyTable<FinderKey>({ _ in "In the finder (go to)" }, [
        .init(.jump, keys: [.enter], "Jump to the selected result"),
        .init(.cancel, keys: cancelKeys, "Close the finder (so does Ctrl-C)"),
        .init(.previous, keys: [.up, .control("p"), .backTab], "Select the previous result"),
        .init(.next, keys: [.down, .control("n"), .tab], "Select the next result"),
        // Home and End are the query's, as in readline and fzf.
        .init(.pageUp, keys: [.pageUp], "A page of results up"),
        .init(.pageDown, keys: [.pageDown], "A page of results down"),
        .init(.redraw, commands: [.redraw], "Redraw the screen"),
    ], otherwise: "Other keys edit the query (Typing, below).", takesFirst: LineInput.edits)

    public static let typing = ContextKeyTable<LineInput.Edit>({ _ in "Typing (prompts and the finder)" }, [
        .init(.characterBack, keys: [.left, .control("b")], "Cursor back a character"),
        .init(.characterForward, keys: [.right, .control("f")], "Cursor forward a character"),
        // Readline takes Alt-Shift-b as Alt-b (do-lowercase-version), and so on.
        .init(.wordBack, keys: [.alt("b"), .alt("B")], "Cursor back a word"),
        .init(.wordForward, keys: [.alt("f"), .alt("F")], "Cursor forward a word"),
        .init(.start, keys: [.home, .control("a")], "Cursor to the start"),
        .init(.end, keys: [.end, .control("e")], "Cursor to the end"),
        .init(.deleteBack, keys: [.backspace], "Delete the character before the cursor"),
        .init(.deleteForward, keys: [.delete, .control("d")], "Delete the character at the cursor"),
        .init(.deleteSpacedWordBack, keys: [.control("w")], "Delete the word before the cursor (up to a space)"),
        .init(.deleteWordBack, keys: [.alt(Key.backspaceCharacter)], "Delete the word before the cursor (letters and digits)"),
        .init(.deleteWordForward, keys: [.alt("d"), .alt("D")], "Delete the word after the cursor"),
        .init(.deleteToStart, keys: [.control("u")], "Delete all before the cursor"),
        .init(.deleteToEnd, keys: [.control("k")], "Delete all after the cursor"),
    ], otherwise: "Other characters are typed; other Alt keys do nothing. These keys are read first: "
        + "Ctrl-D and Ctrl-U edit here, and do not scroll.")

    public static let linkMap = ContextKeyTable<LinkMapKey>({ _ in "In the link map" }, [
        .init(.next, commands: [.moveDown, .nextReference], "Next node"),
        .init(.previous, commands: [.moveUp, .previousReference], "Previous node"),
        // A group is the map's page, and its section.
        .init(.nextGroup, commands: [.pageDown, .halfPageDown, .nextSection, .expand], "First node of the next group"),
        .init(.previousGroup, commands: [.pageUp, .halfPageUp, .previousSection, .collapse], "First node of the previous group"),
        .init(.first, commands: [.top], "First node"),
        .init(.last, commands: [.bottom], "Last node"),
        .init(.follow, commands: [.open], "Follow the selected node"),
        .init(.help, commands: [.help], "This help, over the map"),
        .init(.close, commands: [.linkMap, .closeOverlay, .quit], "Close the map (so does Ctrl-C)"),
        .init(.redraw, commands: [.redraw], "Redraw the screen, the map kept open"),
    ], otherwise: "Any other bound key closes the map, then does what it does in the panes; "
        + "a key bound to nothing leaves the map open.")

    public static let help = ContextKeyTable<HelpKey>({ _ in "In this help" }, [
        .init(.lineDown, commands: [.moveDown], "Scroll a line down"),
        .init(.lineUp, commands: [.moveUp], "Scroll a line up"),
        .init(.pageDown, commands: [.pageDown], "Scroll a page down"),
        .init(.pageUp, commands: [.pageUp], "Scroll a page up"),
        .init(.halfPageDown, commands: [.halfPageDown], "Scroll half a page down"),
        .init(.halfPageUp, commands: [.halfPageUp], "Scroll half a page up"),
        .init(.top, commands: [.top], "To the top"),
        .init(.bottom, commands: [.bottom], "To the bottom"),
        .init(.close, commands: [.help, .closeOverlay, .quit], "Close the help (so does Ctrl-C)"),
        .init(.redraw, commands: [.redraw], "Redraw the screen, the help kept open"),
    ], otherwise: "Other keys do nothing here.")

    /// Every place's keys with `keymap`'s, in the help's order.
    public static func listings(_ keymap: KeyMap) -> [ContextKeyListing] {
        [prompt.listing(keymap), finder.listing(keymap), typing.listing(keymap), linkMap.listing(keymap), help.listing(keymap)]
    }
}
