import Testing
@testable import TUI

@Suite("Keys")
struct KeyTests {
    static let keys: [Key] = [
        .character("q"), .character("Q"), .character(" "), .character("/"), .character("?"), .character("é"),
        .up, .down, .left, .right, .pageUp, .pageDown, .home, .end,
        .enter, .tab, .backTab, .backspace, .escape, .delete,
        .function(1), .function(12), .control("p"), .control("_"),
        .alt("b"), .alt("B"), .alt(" "), .alt("é"),
    ]

    @Test("Every display name parses back to its key", arguments: keys)
    func roundTrip(key: Key) {
        #expect(Key(name: key.displayName) == key)
    }

    @Test("Display names for the help screen")
    func displayNames() {
        #expect(Key.character("q").displayName == "q")
        #expect(Key.character(" ").displayName == "Space")
        #expect(Key.enter.displayName == "Enter")
        #expect(Key.tab.displayName == "Tab")
        #expect(Key.backTab.displayName == "Shift-Tab")
        #expect(Key.control("p").displayName == "Ctrl-P")
        #expect(Key.up.displayName == "↑")
        #expect(Key.pageDown.displayName == "PgDn")
        #expect(Key.escape.displayName == "Esc")
        #expect(Key.backspace.displayName == "Backspace")
        #expect(Key.function(1).displayName == "F1")
        #expect(Key.character("\u{1B}").displayName == "U+1B", "never a raw control character")
        #expect(Key.alt("b").displayName == "Alt-b")
        #expect(Key.alt("B").displayName == "Alt-B")
        #expect(Key.alt(" ").displayName == "Alt-Space")
    }

    @Test("Names a config file may use")
    func aliases() {
        #expect(Key(name: "ctrl-p") == .control("p"))
        #expect(Key(name: "Ctrl+P") == .control("p"))
        #expect(Key(name: "C-p") == .control("p"))
        #expect(Key(name: "^P") == .control("p"))
        #expect(Key(name: "PageDown") == .pageDown)
        #expect(Key(name: "up") == .up)
        #expect(Key(name: "Return") == .enter)
        #expect(Key(name: "escape") == .escape)
        #expect(Key(name: "S-Tab") == .backTab)
        #expect(Key(name: "f10") == .function(10))
        #expect(Key(name: "F") == .character("F"))
        #expect(Key(name: "^") == .character("^"))
        #expect(Key(name: "M-b") == .alt("b"))
        #expect(Key(name: "m-b") == .alt("b"))
        #expect(Key(name: "alt+b") == .alt("b"))
        #expect(Key(name: "Meta-b") == .alt("b"))
        #expect(Key(name: "Alt-B") == .alt("B"), "the character keeps its case, as \"B\" does")
        #expect(Key(name: "alt-space") == .alt(" "))
        #expect(Key(name: "M") == .character("M"))
        // As the help names it (QA: a config file refused the name the help showed).
        #expect(Key(name: "Alt-Backspace") == .alt(Key.backspaceCharacter))
        #expect(Key(name: "M-BS") == Key(name: "M-Backspace"))
        #expect(Key(name: Key.alt(Key.backspaceCharacter).displayName) == .alt(Key.backspaceCharacter))
    }

    @Test("Unknown names are rejected")
    func invalid() {
        #expect(Key(name: "") == nil)
        #expect(Key(name: "Ctrl-") == nil)
        #expect(Key(name: "Ctrl-pp") == nil)
        #expect(Key(name: "Ctrl-1") == nil)
        #expect(Key(name: "F0") == nil)
        #expect(Key(name: "F64") == nil)
        #expect(Key(name: "Hyper-x") == nil)
        #expect(Key(name: "Alt-") == nil)
        #expect(Key(name: "Alt-Enter") == nil, "Esc and Enter is nothing, so it cannot be bound")
        #expect(Key(name: "M-bb") == nil)
        #expect(Key(name: "Alt-Up") == nil, "terminals send Alt with an arrow as a sequence of its own")
        #expect(Key(name: "Alt-Ctrl-x") == nil)
        #expect(Key(name: "Alt-M-b") == nil)
    }
}
