/// Keys bound to commands: one table that both dispatches keys and renders the help screen,
/// so the two can never disagree. The places that read keys their own way (the prompts, the
/// finder, the link map, the help) do so from tables of their own, listed the same way
/// (`ContextKeys`).
public struct KeyMap: Sendable, Equatable {
    public struct Binding: Sendable, Equatable {
        public var command: Command
        public var keys: [Key]

        public init(_ command: Command, _ keys: [Key]) {
            self.command = command
            self.keys = keys
        }
    }

    /// In help-screen order.
    public private(set) var bindings: [Binding]
    private var commandByKey: [Key: Command]

    public init(bindings: [Binding]) {
        self.bindings = bindings
        var table: [Key: Command] = [:]
        for binding in bindings {
            for key in binding.keys where table[key] == nil { table[key] = binding.command }
        }
        commandByKey = table
    }

    public func command(for key: Key) -> Command? { commandByKey[key] }

    public func keys(for command: Command) -> [Key] {
        bindings.first { $0.command == command }?.keys ?? []
    }

    /// The key a message or the help names for `command`: the first bound to it (remapped,
    /// the new one); nil when the configuration leaves it unbound, and the message then
    /// says what to do without a key.
    public func keyName(for command: Command) -> String? {
        keys(for: command).first?.displayName
    }

    /// The defaults: less/vim/w3m habits (j/k, Space/b, Ctrl-D/Ctrl-U, g/G, H/L for history,
    /// ]/[ for links, Ctrl-L to redraw). Sections are }/{, vim's paragraph motions: ]] and [[,
    /// vim's section motions, would need two keys, and ]/[ and n/N are taken.
    public static let standard = KeyMap(bindings: [
        Binding(.quit, [.character("q")]),
        Binding(.help, [.character("?"), .function(1)]),
        Binding(.closeOverlay, [.escape]),
        Binding(.zoom, [.character("z")]),
        Binding(.redraw, [.control("l")]),
        Binding(.nextPane, [.tab]),
        Binding(.previousPane, [.backTab]),
        Binding(.focusOutline, [.character("1")]),
        Binding(.focusReader, [.character("2")]),
        Binding(.focusCrossLinks, [.character("3")]),
        Binding(.focusBacklinks, [.character("4")]),
        Binding(.focusBookmarks, [.character("5"), .character("'")]),
        Binding(.moveDown, [.character("j"), .down]),
        Binding(.moveUp, [.character("k"), .up]),
        Binding(.pageDown, [.character(" "), .pageDown, .control("f")]),
        Binding(.pageUp, [.character("b"), .pageUp, .control("b")]),
        Binding(.halfPageDown, [.control("d")]),
        Binding(.halfPageUp, [.control("u")]),
        Binding(.top, [.character("g"), .home]),
        Binding(.bottom, [.character("G"), .end]),
        Binding(.nextSection, [.character("}")]),
        Binding(.previousSection, [.character("{")]),
        Binding(.collapse, [.character("h"), .left]),
        Binding(.expand, [.character("l"), .right]),
        Binding(.open, [.enter]),
        Binding(.nextReference, [.character("]")]),
        Binding(.previousReference, [.character("[")]),
        Binding(.back, [.character("H"), .backspace]),
        Binding(.forward, [.character("L")]),
        Binding(.toggleBookmark, [.character("m")]),
        Binding(.note, [.character("M"), .character("r")]),
        Binding(.deleteBookmark, [.character("d")]),
        Binding(.undoDelete, [.character("u")]),
        Binding(.search, [.character("/")]),
        Binding(.searchNext, [.character("n")]),
        Binding(.searchPrevious, [.character("N")]),
        Binding(.goTo, [.character(":"), .control("p")]),
        Binding(.linkMap, [.character("v")]),
    ])
}
