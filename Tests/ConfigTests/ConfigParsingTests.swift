import Testing
import TUI
@testable import Config

@Suite("Config parsing")
struct ConfigParsingTests {
    @Test("The printed default parses back to exactly the defaults, with no messages")
    func defaultFileRoundTrips() {
        let parsed = Config.parse(Config.defaultFile())
        #expect(parsed.messages == [])
        #expect(parsed.config == .standard)
        #expect(parsed.config.keymap == .standard)
    }

    @Test("The printed default names every action, every role and every layout setting")
    func defaultFileIsComplete() {
        let text = Config.defaultFile()
        for command in Command.allCases {
            #expect(text.contains("\n\(command.rawValue) = "), "\(command.rawValue)")
            #expect(text.contains("# \(command.summary)\n"), "\(command.rawValue)")
        }
        for role in ColorRole.allCases { #expect(text.contains("\n# \(role.configName) = "), "\(role)") }
        for name in Config.layoutNames { #expect(text.contains("\n\(name) = "), "\(name)") }
        // Uncommenting the theme example (and dropping the `theme =` line) gives the dark theme.
        let uncommented = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasPrefix("# [theme]") || line.hasPrefix("# base =") || ColorRole.allCases.contains { line.hasPrefix("# \($0.configName) =") }
                ? String(line.dropFirst(2)) : String(line)
        }.filter { !$0.hasPrefix("theme = ") }.joined(separator: "\n")
        let parsed = Config.parse(uncommented)
        #expect(parsed.messages == [])
        #expect(parsed.config.theme.resolve(environment: [:]).appearances == Theme.dark.appearances)
    }

    @Test("An empty file is the defaults")
    func emptyFile() {
        let parsed = Config.parse("# nothing here\n")
        #expect(parsed.messages == [])
        #expect(parsed.config == .standard)
    }

    // MARK: - Keys

    /// QA could not bind half-page scrolling: the config had no such action. By name, as a
    /// file writes them.
    @Test("The half-page and section actions take keys by their names")
    func halfPageAndSectionActions() {
        let parsed = Config.parse("[keys]\nhalf-page-down = \"x\"\nhalf-page-up = \"X\"\nnext-section = \"Ctrl-N\"\nprevious-section = \"Alt-p\"\n")
        #expect(parsed.messages == [])
        let keymap = parsed.config.keymap
        #expect(keymap.command(for: .character("x"))?.rawValue == "half-page-down")
        #expect(keymap.command(for: .character("X"))?.rawValue == "half-page-up")
        #expect(keymap.command(for: .control("n"))?.rawValue == "next-section")
        #expect(keymap.command(for: .alt("p"))?.rawValue == "previous-section")
        #expect(keymap.command(for: .control("d")) == nil && keymap.command(for: .character("}")) == nil, "their defaults are replaced")
        let standard = Config.parse("").config.keymap
        #expect(standard.command(for: .control("d"))?.rawValue == "half-page-down")
        #expect(standard.command(for: .control("u"))?.rawValue == "half-page-up")
        #expect(standard.command(for: .character("}"))?.rawValue == "next-section")
        #expect(standard.command(for: .character("{"))?.rawValue == "previous-section")
    }

    @Test("A remapped action loses its default keys; the others keep theirs")
    func remapReplacesDefaults() {
        let parsed = Config.parse("[keys]\nquit = \"x\"\nback = [\"H\", \"Backspace\", \"Ctrl-O\"]\n")
        #expect(parsed.messages == [])
        let keymap = parsed.config.keymap
        #expect(keymap.keys(for: .quit) == [.character("x")])
        #expect(keymap.command(for: .character("q")) == nil)
        #expect(keymap.command(for: .character("x")) == .quit)
        #expect(keymap.keys(for: .back) == [.character("H"), .backspace, .control("o")])
        #expect(keymap.keys(for: .help) == [.character("?"), .function(1)])
        #expect(keymap.bindings.map(\.command) == KeyMap.standard.bindings.map(\.command), "help order unchanged")
    }

    @Test("A key the file binds is taken from the action that had it by default; said when that was its last key")
    func remapTakesDefaultKey() {
        let parsed = Config.parse("[keys]\nsearch = \"n\"\nquit = [\"z\", \"q\"]\n")
        #expect(parsed.messages.map(\.description) == [
            "config.toml:2: 'search-next' has no key left (n is now 'search'); give it another, or write search-next = [] if that is meant",
            "config.toml:3: 'zoom' has no key left (z is now 'quit'); give it another, or write zoom = [] if that is meant",
        ])
        #expect(Config.parse("[keys]\nzoom = \"F1\"\n").messages == [], "help keeps ?: nothing to say")
        let keymap = parsed.config.keymap
        #expect(keymap.command(for: .character("n")) == .search)
        #expect(keymap.keys(for: .searchNext) == [], "search-next had only n")
        #expect(keymap.keys(for: .zoom) == [])
        #expect(keymap.command(for: .character("/")) == nil)
    }

    @Test("Two entries binding one key: the first keeps it, the second keeps its defaults")
    func conflictBetweenEntries() {
        let parsed = Config.parse("[keys]\nzoom = \"x\"\nquit = [\"x\", \"Q\"]\n")
        #expect(parsed.messages.map(\.description) == [
            "config.toml:3: key 'x' is bound to both 'zoom' (line 2) and 'quit'; 'quit' keeps its default keys: q",
        ])
        let keymap = parsed.config.keymap
        #expect(keymap.command(for: .character("x")) == .zoom)
        #expect(keymap.keys(for: .quit) == [.character("q")])
        #expect(keymap.command(for: .character("Q")) == nil, "nothing of the rejected entry applies")
        #expect(keymap.command(for: .character("z")) == nil, "zoom was remapped")
    }

    @Test("An empty list unbinds an action; a key listed twice counts once")
    func unbindAndDuplicates() {
        let parsed = Config.parse("[keys]\nundo-delete = []\nquit = [\"x\", \"x\"]\n")
        #expect(parsed.messages == [])
        #expect(parsed.config.keymap.keys(for: .undoDelete) == [])
        #expect(parsed.config.keymap.command(for: .character("u")) == nil)
        #expect(parsed.config.keymap.keys(for: .quit) == [.character("x")])
    }

    @Test("Dotted keys work as well as a [keys] table")
    func dottedKeys() {
        let parsed = Config.parse("keys.quit = \"Ctrl+Q\"\nkeys.down = [\"Down\", \"↓\"]\nlayout.wrap-width = 70\n")
        #expect(parsed.messages == [])
        #expect(parsed.config.keymap.keys(for: .quit) == [.control("q")])
        #expect(parsed.config.keymap.keys(for: .moveDown) == [.down])
        #expect(parsed.config.layout.wrapWidth == 70)
        #expect(Config.parse("keys.qiut = \"x\"").messages.map(\.description)
            == ["config.toml:1: unknown action 'qiut' in [keys]; did you mean 'quit'?"])
    }

    @Test("Key names: every spelling Key(name:) knows")
    func keySpellings() {
        let parsed = Config.parse("""
            [keys]
            quit = "Ctrl+Q"
            down = ["Down", "↓"]
            up = ["Up", "C-p"]
            page-down = ["PageDown", "Space"]
            page-up = ["PgUp", "^B"]
            next-pane = "Tab"
            previous-pane = ["Shift-Tab", "S-Tab"]
            close-overlay = ["Escape", "F10"]
            open = ["Return", "o"]
            delete-bookmark = ["Del", "Delete", "D"]
            """)
        #expect(parsed.messages == [])
        let keymap = parsed.config.keymap
        #expect(keymap.keys(for: .quit) == [.control("q")])
        #expect(keymap.keys(for: .moveDown) == [.down])
        #expect(keymap.keys(for: .moveUp) == [.up, .control("p")])
        #expect(keymap.keys(for: .pageDown) == [.pageDown, .character(" ")])
        #expect(keymap.keys(for: .pageUp) == [.pageUp, .control("b")])
        #expect(keymap.keys(for: .previousPane) == [.backTab])
        #expect(keymap.keys(for: .closeOverlay) == [.escape, .function(10)])
        #expect(keymap.keys(for: .open) == [.enter, .character("o")])
        #expect(keymap.keys(for: .deleteBookmark) == [.delete, .character("D")])
        #expect(keymap.keys(for: .goTo) == [.character(":")], "Ctrl-P went to 'up'")
    }

    @Test("Every default key's config name parses back to the key")
    func configNamesRoundTrip() {
        for binding in KeyMap.standard.bindings {
            for key in binding.keys { #expect(Key(name: key.configName) == key, "\(key.configName)") }
        }
        for key in [Key.up, .down, .left, .right, .home, .end, .delete, .function(12), .control("]")] {
            #expect(Key(name: key.configName) == key, "\(key.configName)")
        }
    }

    // MARK: - Theme

    @Test("theme = name picks a built-in theme; auto follows the environment")
    func themeByName() {
        #expect(Config.parse("theme = \"light\"").config.theme == ThemeSetting(base: .light))
        #expect(Config.parse("theme = \"Mono\"").config.theme == ThemeSetting(base: .mono))
        #expect(Config.parse("theme = \"auto\"").config.theme == .auto)
        #expect(ThemeSetting.auto.resolve(environment: [:]) == .dark)
        #expect(ThemeSetting.auto.resolve(environment: ["COLORFGBG": "0;15"]) == .light)
        #expect(ThemeSetting(base: .dark).resolve(environment: ["COLORFGBG": "0;15"]) == .dark)
    }

    @Test("NO_COLOR wins over every configured theme")
    func noColorWins() {
        let custom = Config.parse("[theme]\nbase = \"dark\"\nlink = \"red\"\n").config.theme
        for setting in [custom, ThemeSetting(base: .light), ThemeSetting.auto] {
            #expect(setting.resolve(environment: ["NO_COLOR": "1"]) == .mono)
        }
        #expect(custom.resolve(environment: ["NO_COLOR": ""]) != .mono, "an empty NO_COLOR does not count")
    }

    @Test("A [theme] table changes only what it sets, on top of its base")
    func customTheme() throws {
        let parsed = Config.parse("""
            [theme]
            base = "light"
            heading = { fg = "bright-red", underline = true }
            heading-2 = "green"
            link = 208
            selection = { fg = "default", bg = 24, bold = false, reverse = true }
            see-also = "Grey"
            """)
        #expect(parsed.messages == [])
        let theme = parsed.config.theme.resolve(environment: [:])
        #expect(theme.name == "custom")
        let light = Theme.light.appearances
        #expect(theme.appearances[.heading1] == Appearance(foreground: .brightRed, bold: true, underline: true))
        #expect(theme.appearances[.heading2] == Appearance(foreground: .green, bold: true, underline: true),
                "the level keeps what 'heading' set and takes its own colour")
        #expect(theme.appearances[.heading3] == Appearance(foreground: .brightRed, bold: true, underline: true))
        #expect(theme.appearances[.link] == Appearance(foreground: .indexed(208)))
        #expect(theme.appearances[.selection] == Appearance(foreground: .default, background: .indexed(24), bold: false, reverse: true))
        #expect(theme.appearances[.seeAlso] == Appearance(foreground: .brightBlack))
        for role in ColorRole.allCases where ![.heading1, .heading2, .heading3, .link, .selection, .seeAlso].contains(role) {
            #expect(theme.appearances[role] == light[role], "\(role)")
        }
    }

    /// The unfocused panes' selection is a role like the others. Found by its name, so that
    /// this test builds (and fails) without it.
    @Test("selection-inactive is a [theme] role; a name that is none is still an error")
    func inactiveSelectionRole() throws {
        let parsed = Config.parse("""
            [theme]
            base = "dark"
            selection-inactive = { fg = "black", bg = 250, underline = true }
            """)
        #expect(parsed.messages == [])
        let role = try #require(ColorRole.allCases.first { $0.configName == "selection-inactive" })
        let theme = parsed.config.theme.resolve(environment: [:])
        #expect(theme.appearances[role] == Appearance(foreground: .black, background: .indexed(250), underline: true))
        for other in ColorRole.allCases where other != role { #expect(theme.appearances[other] == Theme.dark.appearances[other], "\(other)") }
        // A colour alone sets its text colour; the band keeps the base's background.
        let yellow = Config.parse("[theme]\nselection-inactive = \"yellow\"\n").config.theme.resolve(environment: [:])
        #expect(yellow.appearances[role]?.foreground == .yellow)
        #expect(yellow.appearances[role]?.background == Theme.dark.appearances[role]?.background)
        #expect(Config.defaultFile().contains("\n# selection-inactive = "))

        #expect(Config.parse("[theme]\ninactive-selection = \"grey\"\n").messages.map(\.description)
            == ["config.toml:2: unknown colour role 'inactive-selection' in [theme] (seealso config --print-default lists the roles)"])
        #expect(Config.parse("[theme]\nselection-inactve = \"grey\"\n").messages.map(\.description)
            == ["config.toml:2: unknown colour role 'selection-inactve' in [theme]; did you mean 'selection-inactive'?"])
    }

    @Test("Every role has a config name, and every name maps back")
    func roleNames() {
        let names = ColorRole.allCases.map(\.configName)
        #expect(Set(names).count == names.count)
        for role in ColorRole.allCases { #expect(ColorRole.roles(configName: role.configName) == [role]) }
        #expect(ColorRole.roles(configName: "heading") == [.heading1, .heading2, .heading3])
        let pinned: [ColorRole: String] = [.normal: "normal", .borderFocused: "border-focused", .heading1: "heading-1",
                                           .linkSelected: "link-selected", .seeAlso: "see-also", .statusKey: "status-key"]
        for (role, name) in pinned { #expect(role.configName == name) }
    }

    // MARK: - Layout, restore, mouse

    @Test("[layout] widths in columns, percent or auto; wrap width; restore, mouse and show-cursor")
    func layoutAndFlags() {
        let parsed = Config.parse("""
            restore = false
            mouse = false
            show-cursor = true
            [layout]
            outline-width = 28
            side-width = " 40 % "
            wrap-width = 72
            """)
        #expect(parsed.messages == [])
        #expect(parsed.config.restore == false)
        #expect(parsed.config.mouse == false)
        #expect(parsed.config.showCursor == true)
        #expect(Config.standard.showCursor == false, "hidden on the selection by default")
        #expect(Config.parse("show-cursor = \"yes\"").messages.map(\.description)
            == ["config.toml:1: 'show-cursor' must be true or false, not \"yes\""])
        #expect(Config.parse("[keys]\nshow-cursor = true").messages.map(\.description)
            == ["config.toml:2: 'show-cursor' is a top-level setting, not one of [keys]: move it above the first line with a [table] header"])
        #expect(parsed.config.layout == LayoutSettings(outlineWidth: .columns(28), sideWidth: .percent(40), wrapWidth: 72))
        #expect(Config.parse("[layout]\noutline-width = \"AUTO\"\nside-width = \"5%\"\nwrap-width = 0").config.layout
            == LayoutSettings(outlineWidth: .auto, sideWidth: .percent(5), wrapWidth: 0))
        #expect(Config.parse("[layout]\nstart-zoomed = true").config.layout == LayoutSettings(zoom: true))
        let wrong = Config.parse("[layout]\nstart-zoomed = \"yes\"")
        #expect(wrong.config.layout == .standard)
        #expect(wrong.messages.map(\.description) == ["config.toml:2: 'layout.start-zoomed' must be true or false, not \"yes\""])
    }

    /// TOMLKit reads a C string, which ends at a NUL: what followed was ignored, and a file
    /// with a bad setting after one passed `config --check`.
    @Test("A NUL is an error at its line; a byte-order mark changes no line")
    func nulAndByteOrderMark() {
        let nul = Config.parse("theme = \"dark\"\n\u{0}\nmouse = 3\n")
        #expect(nul.messages.map(\.description) == ["config.toml:2: invalid TOML, file ignored: a NUL character (U+0000), which TOML does not allow"])
        // Escaped, it cut the key name short: `quit = "x\u0000 not a key"` bound quit to x.
        let escaped = Config.parse("[keys]\nquit = \"x\\u0000 this is not a key name\"\n")
        #expect(escaped.messages.map(\.description) == ["config.toml:2: file ignored: a NUL character (\\u0000) in a string, which seealso cannot read"])
        let marked = Config.parse("\u{FEFF}[keys]\nquit = 3\n")
        #expect(marked.messages.map(\.description) == Config.parse("[keys]\nquit = 3\n").messages.map(\.description))
        #expect(marked.messages.first?.line == 2)
    }

    /// QA: two byte-order marks were taken quietly (TOMLKit skips one more), and the key-line
    /// scan read the second as part of line 1, so every problem was said at line 1 (here 5 and
    /// 6). TOML allows nothing before the first key: the file is malformed, and ignored as
    /// any syntax error is.
    @Test("Two byte-order marks: invalid TOML at line 1, the file ignored")
    func twoByteOrderMarks() {
        let doubled = Config.parse("\u{FEFF}\u{FEFF}[keys]\nquit = \"x\"\n\n\nbogus = 1\nhelp = 3\n")
        #expect(doubled.messages.map(\.description)
            == ["config.toml:1: invalid TOML, file ignored: a second byte-order mark (U+FEFF) at the start of the file, where one at most may be"])
        #expect(doubled.config == .standard)
        // One is fine, and changes no line.
        #expect(Config.parse("\u{FEFF}[keys]\nquit = \"x\"\n\n\nbogus = 1\nhelp = 3\n").messages.map(\.line) == [5, 6])
    }
}
