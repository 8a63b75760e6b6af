import Testing
import TUI
@testable import Config

/// Every message a config file can get, word for word, and what the entry falls back to.
@Suite("Config messages")
struct ConfigMessageTests {
    /// The messages for `text`, as `config.toml:LINE: message`.
    func messages(_ text: String) -> [String] {
        Config.parse(text).messages.map { $0.formatted(path: "config.toml") }
    }

    static let keyExamples = #"(examples: "x", "X", "Space", "Enter", "Esc", "Up", "PgDn", "F2", "Ctrl-P", "Alt-b")"#
    static let colours = "(black, red, green, yellow, blue, magenta, cyan, white, bright-black … bright-white, grey, default, or 0 to 255)"
    static let widths = #"must be "auto", 10 to 1000 columns, or a percentage of the screen from "5%" to "70%""#

    static let cases: [(toml: String, expected: [String])] = [
        // Top level
        ("colour = \"red\"", ["config.toml:1: unknown setting 'colour' (the settings are theme, restore, mouse, show-cursor, [keys] and [layout])"]),
        ("mose = true", ["config.toml:1: unknown setting 'mose'; did you mean 'mouse'?"]),
        ("quit = \"x\"", ["config.toml:1: 'quit' belongs in [keys]: move it below a line that says [keys]"]),
        ("wrap-width = 80", ["config.toml:1: 'wrap-width' belongs in [layout]: move it below a line that says [layout]"]),
        ("link = \"red\"", ["config.toml:1: 'link' belongs in [theme]: move it below a line that says [theme]"]),
        ("restore = \"no\"", ["config.toml:1: 'restore' must be true or false, not \"no\""]),
        ("mouse = 1", ["config.toml:1: 'mouse' must be true or false, not 1"]),
        ("keys = 5", ["config.toml:1: 'keys' must be a table ([keys]), not 5"]),
        ("layout = \"wide\"", ["config.toml:1: 'layout' must be a table ([layout]), not \"wide\""]),
        ("theme = \"solarized\"", [#"config.toml:1: 'theme' must be "auto", "dark", "light", "mono" or a [theme] table, not "solarized""#]),
        ("theme = [1]", [#"config.toml:1: 'theme' must be "auto", "dark", "light", "mono" or a [theme] table, not an array"#]),
        // [keys]
        ("[keys]\nqiut = \"x\"", ["config.toml:2: unknown action 'qiut' in [keys]; did you mean 'quit'?"]),
        ("[keys]\nfrobnicate = \"x\"", ["config.toml:2: unknown action 'frobnicate' in [keys] (seealso config --print-default lists the actions)"]),
        // A long value or name is cut in the message (QA: a 20 MB colour name was said whole).
        ("[theme]\nlink = \"" + String(repeating: "x", count: 5000) + "\"",
         ["config.toml:2: 'link': unknown colour \"" + String(repeating: "x", count: 80) + "…\" \(colours)"]),
        ("[keys]\n" + String(repeating: "y", count: 300) + " = \"x\"",
         ["config.toml:2: unknown action '" + String(repeating: "y", count: 80) + "…' in [keys] (seealso config --print-default lists the actions)"]),
        // Two problems on one line are said in the order they are written (QA 23: bg's came
        // first, by name, as the line was all the order known).
        ("[theme]\nselection = { fg = \"grün\", bg = 999 }",
         ["config.toml:2: 'selection.fg': unknown colour \"grün\" \(colours)", "config.toml:2: 'selection.bg': colour 999 is not between 0 and 255"]),
        ("[theme]\nselection = { bg = 999, fg = \"grün\" }",
         ["config.toml:2: 'selection.bg': colour 999 is not between 0 and 255", "config.toml:2: 'selection.fg': unknown colour \"grün\" \(colours)"]),
        // A setting written below the wrong header says where it goes (QA: "unknown action 'theme'").
        ("[keys]\nquit = \"x\"\ntheme = \"light\"",
         ["config.toml:3: 'theme' is a top-level setting, not one of [keys]: move it above the first line with a [table] header"]),
        ("[layout]\nmouse = false", ["config.toml:2: 'mouse' is a top-level setting, not one of [layout]: move it above the first line with a [table] header"]),
        ("[keys]\nwrap-width = 80", ["config.toml:2: 'wrap-width' belongs in [layout], not [keys]: move it below a line that says [layout]"]),
        ("[theme]\nzoom = \"x\"", ["config.toml:2: 'zoom' belongs in [keys], not [theme]: move it below a line that says [keys]"]),
        ("[layout]\nlink = \"red\"", ["config.toml:2: 'link' belongs in [theme], not [layout]: move it below a line that says [theme]"]),
        ("[keys]\nquit = 5", ["config.toml:2: 'quit' must be a key name or a list of key names, not 5"]),
        ("[keys]\nquit = { key = \"x\" }", ["config.toml:2: 'quit' must be a key name or a list of key names, not a table"]),
        ("[keys]\nback = [\"H\", 7]", ["config.toml:2: 'back': a key name must be a string, not 7"]),
        // A list over several lines: the bad element's own line.
        ("[keys]\nback = [\n  \"H\",\n  \"Bogus-Key\",\n]", ["config.toml:4: 'back': unknown key name \"Bogus-Key\" \(keyExamples)"]),
        ("[keys]\nback = [\n  \"H\",\n  5,\n]", ["config.toml:4: 'back': a key name must be a string, not 5"]),
        // Quoted keys with escapes are found on their line (they were all at line 1).
        ("[keys]\nquit = \"x\"\n\"\\u001b]0;X\\u0007\" = \"q\"",
         ["config.toml:3: unknown action '^[]0;X^G' in [keys] (seealso config --print-default lists the actions)"]),
        ("[keys]\nquit = \"Ctrl-1\"", ["config.toml:2: 'quit': unknown key name \"Ctrl-1\" \(keyExamples)"]),
        ("[keys]\nquit = \"\"", ["config.toml:2: 'quit': unknown key name \"\" \(keyExamples)"]),
        ("[keys]\nquit = \"\\t\"", ["config.toml:2: 'quit': unknown key name \"\\t\" \(keyExamples)"]),
        ("[keys]\nquit = \"\\u001B[2J\"", ["config.toml:2: 'quit': unknown key name \"\\u001B[2J\" \(keyExamples)"]),
        // The terminal's signal keys never arrive as keys (Ctrl-Z suspended seealso, Ctrl-\ killed it).
        ("[keys]\nzoom = \"Ctrl-Z\"", ["config.toml:2: 'zoom': Ctrl-Z cannot be bound: the terminal suspends (SIGTSTP) instead of sending it"]),
        ("[keys]\nhelp = [\n  \"F1\",\n  \"ctrl-\\\\\",\n]", ["config.toml:4: 'help': Ctrl-\\ cannot be bound: the terminal quits (SIGQUIT) instead of sending it"]),
        ("[keys]\nquit = \"Ctrl-c\"", ["config.toml:2: 'quit': Ctrl-C cannot be bound: the terminal interrupts (SIGINT) instead of sending it"]),
        ("[keys]\nquit = \"x\"\nzoom = [\"y\", \"x\"]",
         ["config.toml:3: key 'x' is bound to both 'quit' (line 2) and 'zoom'; 'zoom' keeps its default keys: z"]),
        ("[keys]\nquit = \"z\"\nzoom = \"z\"",
         ["config.toml:3: key 'z' is bound to both 'quit' (line 2) and 'zoom'; 'zoom' has no key left (z is now 'quit'); "
          + "give it another, or write zoom = [] if that is meant"]),
        // [theme]
        ("[theme]\nbase = \"neon\"", [#"config.toml:2: 'base' must be "auto", "dark", "light" or "mono", not "neon""#]),
        ("[theme]\nheadng = \"red\"", ["config.toml:2: unknown colour role 'headng' in [theme]; did you mean 'heading'?"]),
        ("[theme]\nsparkle = \"red\"", ["config.toml:2: unknown colour role 'sparkle' in [theme] (seealso config --print-default lists the roles)"]),
        ("[theme]\nlink = true", [#"config.toml:2: 'link' must be a colour or a table like { fg = "cyan", bold = true }, not true"#]),
        ("[theme]\nlink = \"purple\"", ["config.toml:2: 'link': unknown colour \"purple\" \(colours)"]),
        ("[theme]\nlink = 300", ["config.toml:2: 'link': colour 300 is not between 0 and 255"]),
        ("[theme]\nlink = -1", ["config.toml:2: 'link': colour -1 is not between 0 and 255"]),
        ("[theme]\nlink = { fg = \"purple\" }", ["config.toml:2: 'link.fg': unknown colour \"purple\" \(colours)"]),
        ("[theme]\nlink = { fg = true }", ["config.toml:2: 'link.fg' must be a colour name or 0 to 255, not true"]),
        ("[theme]\nlink = { italic = true }", ["config.toml:2: 'link': unknown attribute 'italic' (fg, bg, bold, dim, underline, reverse)"]),
        ("[theme]\nlink = { bold = \"yes\" }", ["config.toml:2: 'link.bold' must be true or false, not \"yes\""]),
        // [layout]
        ("[layout]\nwrap = 80", ["config.toml:2: unknown setting 'wrap' in [layout]; did you mean 'wrap-width'?"]),
        ("[layout]\npanes = 3", ["config.toml:2: unknown setting 'panes' in [layout] (the settings are outline-width, side-width, wrap-width and start-zoomed)"]),
        ("[layout]\noutline-width = 5", ["config.toml:2: 'outline-width' \(widths), not 5"]),
        ("[layout]\nside-width = \"90%\"", ["config.toml:2: 'side-width' \(widths), not \"90%\""]),
        ("[layout]\nside-width = \"wide\"", ["config.toml:2: 'side-width' \(widths), not \"wide\""]),
        ("[layout]\nside-width = 2.5", ["config.toml:2: 'side-width' \(widths), not 2.5"]),
        // A width no terminal has is a mistake, said at its line (it overflowed the layout: a crash).
        ("[layout]\noutline-width = 9223372036854775807", ["config.toml:2: 'outline-width' \(widths), not 9223372036854775807"]),
        ("[layout]\nwrap-width = 10", ["config.toml:2: 'wrap-width' must be 0 (the pane's width) or 20 columns or more, not 10"]),
        ("[layout]\nwrap-width = -1", ["config.toml:2: 'wrap-width' must be 0 (the pane's width) or 20 columns or more, not -1"]),
        ("[layout]\nwrap-width = 1979-05-27", ["config.toml:2: 'wrap-width' must be 0 (the pane's width) or 20 columns or more, not a date"]),
        // TOML syntax: one message, every default
        ("[keys]\nquit = \"x\"\nzoom = \n", [#"config.toml:3:8: invalid TOML, file ignored: Error while parsing key-value pair: expected value, saw '\n'"#]),
        ("theme = \"dark\"\n[theme]\nbase = \"light\"",
         ["config.toml:2:1: invalid TOML, file ignored: Error while parsing table header: cannot redefine existing string 'theme' as table"]),
        ("[keys]\nquit = \"x\"\nquit = \"y\"", ["config.toml:3:8: invalid TOML, file ignored: Error while parsing key-value pair: cannot redefine existing string 'quit'"]),
        // The common mistakes in plain words, as a links file has them (QA 18a): a misspelt
        // boolean is told how booleans are written, not to quote it.
        ("[keys]\nquit = q\n", [#"config.toml:2:8: invalid TOML, file ignored: a value must be quoted: quit = "q""#]),
        ("theme = \"dark\n", [#"config.toml:1:14: invalid TOML, file ignored: unterminated string: add the closing ""#]),
        ("restore = ture\n", ["config.toml:1:11: invalid TOML, file ignored: true and false are written in lowercase, without quotes: restore = true"]),
        ("mouse = False\n", ["config.toml:1:9: invalid TOML, file ignored: true and false are written in lowercase, without quotes: mouse = false"]),
        // "yes" is no misspelling of "true", and quoting it (the advice for a word) makes text (QA 19b).
        ("restore = yes\n", ["config.toml:1:11: invalid TOML, file ignored: true and false are written in lowercase, without quotes: restore = true"]),
    ]

    @Test("Each problem gets its exact message at its line", arguments: cases.indices)
    func exactMessage(index: Int) {
        let (toml, expected) = Self.cases[index]
        #expect(messages(toml) == expected, "\(toml)")
    }

    @Test("A problem costs its own entry only; the rest of the file applies")
    func badEntriesFallBackAlone() {
        let parsed = Config.parse("""
            mouse = "off"
            restore = false

            [keys]
            quit = "x"
            zoom = "Ctrl-1"
            back = ["H", "Backspace", "Left"]

            [theme]
            base = "light"
            link = "purple"
            example = 208

            [layout]
            outline-width = 5
            side-width = "30%"
            wrap-width = 72
            """)
        #expect(parsed.messages.map(\.line) == [1, 6, 11, 15])
        let config = parsed.config
        #expect(config.mouse == true, "the bad entry keeps its default")
        #expect(config.restore == false)
        #expect(config.keymap.keys(for: .quit) == [.character("x")])
        #expect(config.keymap.keys(for: .zoom) == [.character("z")], "the bad entry keeps its default")
        #expect(config.keymap.keys(for: .back) == [.character("H"), .backspace, .left])
        #expect(config.keymap.keys(for: .collapse) == [.character("h")], "Left went to 'back'")
        #expect(config.theme.base == .light)
        #expect(config.theme.overrides[.link] == nil)
        #expect(config.theme.overrides[.example] == AppearancePatch(foreground: .indexed(208)))
        #expect(config.layout == LayoutSettings(outlineWidth: .auto, sideWidth: .percent(30), wrapWidth: 72))
    }

    @Test("A TOML syntax error leaves every default, the good entries before it too")
    func syntaxErrorMeansDefaults() {
        let parsed = Config.parse("mouse = false\n[keys]\nquit = \"x\"\nzoom = \"z\" junk\n")
        #expect(parsed.messages.count == 1)
        #expect(parsed.messages.first?.line == 4)
        #expect(parsed.config == .standard)
    }

    @Test("Messages come in line order, whatever order TOMLKit gives the keys in")
    func lineOrder() {
        let parsed = Config.parse("""
            zzz = 1
            aaa = 2
            [layout]
            zz = 1
            aa = 2
            [keys]
            zzzz = "x"
            aaaa = "y"
            """)
        #expect(parsed.messages.map(\.line) == [1, 2, 4, 5, 7, 8])
    }

    @Test("Messages name the file and line like a compiler; file-wide ones have no line")
    func formatting() {
        #expect(ConfigMessage(line: 3, "oops").formatted(path: "~/.config/seealso/config.toml") == "~/.config/seealso/config.toml:3: oops")
        #expect(ConfigMessage(line: nil, "oops").formatted(path: "a.toml") == "a.toml: oops")
        #expect(ConfigMessage(line: 1, "oops").description == "config.toml:1: oops")
    }

    @Test("Suggestions: case, a prefix, or a typo or two; nothing for far-off names")
    func suggestions() {
        let actions = Command.allCases.map(\.rawValue)
        #expect(ConfigParser.closest(to: "Quit", among: actions) == "quit")
        #expect(ConfigParser.closest(to: "qiut", among: actions) == "quit")
        #expect(ConfigParser.closest(to: "focus-outlin", among: actions) == "focus-outline")
        #expect(ConfigParser.closest(to: "seach", among: actions) == "search")
        #expect(ConfigParser.closest(to: "xyz", among: actions) == nil)
        #expect(ConfigParser.closest(to: "foo", among: Config.topLevelNames) == nil)
    }
}
