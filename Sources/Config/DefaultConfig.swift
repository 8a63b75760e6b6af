import TUI

extension Config {
    /// The default configuration as a commented file (`seealso config --print-default`).
    /// Generated from `KeyMap.standard`, `Command`, `Theme.dark` and `Config.standard`, so it
    /// cannot drift from what seealso does; parsing it gives `Config.standard` and no messages.
    public static func defaultFile() -> String {
        let standard = Config.standard
        var out: [String] = []
        out += [
            "# seealso configuration.",
            "#",
            "# seealso reads $XDG_CONFIG_HOME/seealso/config.toml (by default ~/.config/seealso/config.toml),",
            "# or the file given with --config FILE. This file holds every default: keep only what you change.",
            "# Check a file with: seealso config --check FILE",
            "# A mistake is reported as FILE:LINE: message (on stderr and in the status line) and",
            "# that one entry keeps its default; the rest of the file still applies.",
            "",
            "# Colours: \"auto\" (dark, or light when COLORFGBG says the background is light), \"dark\",",
            "# \"light\", \"mono\" (attributes only), or a [theme] table: see the end of this file.",
            "# NO_COLOR in the environment always wins: no colours.",
            "theme = \"auto\"",
            "",
            "# Reopen each article where you left it; false is like --no-restore every time.",
            "restore = \(standard.restore)",
            "",
            "# Clicks select and follow, the wheel scrolls. false leaves the terminal's own mouse",
            "# selection alone.",
            "mouse = \(standard.mouse)",
            "",
            "# The terminal's cursor is always placed on what has the focus (the selected row or",
            "# cross-reference, the typing point of a prompt), for screen readers and braille displays,",
            "# and shows while you type. true shows it on the selection too (as lynx's show_cursor).",
            "show-cursor = \(standard.showCursor)",
            "",
            "[keys]",
            "# action = \"key\" or [\"key\", \"key\"]. Binding an action replaces its default keys; a key",
            "# bound here is taken away from the action that has it by default. [] unbinds an action;",
            "# one left without a key because its keys went to others is reported (and shown in the help).",
            "# A key bound to two actions here is an error: the second action keeps its default keys.",
            "# Key names: a character (\"x\", \"X\", \"?\"), Space, Enter, Tab, Shift-Tab, Esc, Backspace,",
            "# Del, Up, Down, Left, Right, PgUp, PgDn, Home, End, F1 … F63 (xterm sends Shift-F1 as F13),",
            "# Ctrl-A … Ctrl-Z (except Ctrl-C, Ctrl-Z and Ctrl-\\, which the terminal keeps for its",
            "# signals), and Alt- with a character (\"Alt-b\", also written \"M-b\"). Ctrl-H, Ctrl-I,",
            "# Ctrl-J, Ctrl-M and Ctrl-[ are the bytes of Backspace, Tab, Enter and Esc: write those",
            "# names. Ctrl-C, whatever is bound, closes an open prompt, finder, help or link map,",
            "# and quits (status 130) only when nothing is open.",
        ]
        let assignments = standard.keymap.bindings.map { binding in
            (binding, "\(binding.command.rawValue) = \(keyValue(binding.keys))")
        }
        let column = (assignments.map(\.1.count).max() ?? 0) + 2
        var groups: [String] = []
        for binding in standard.keymap.bindings where !groups.contains(binding.command.group) { groups.append(binding.command.group) }
        for group in groups {
            out += ["", "# \(group)"]
            for (binding, assignment) in assignments where binding.command.group == group {
                out.append(assignment.padded(to: column) + "# " + binding.command.summary)
            }
        }
        out += [
            "",
            "[layout]",
            "# Pane widths: \"auto\", a number of columns (at least \(PaneWidth.minimumColumns)), or a percentage of the",
            "# screen (\"\(PaneWidth.percentRange.lowerBound)%\" to \"\(PaneWidth.percentRange.upperBound)%\"). The reader always keeps \(LayoutSettings.minimumReaderWidth) columns.",
            "# The outline, left of the reader from \(ScreenLayout.wideWidth) columns on (auto: 18%, 22 to 32 columns).",
            "outline-width = \(paneWidthValue(standard.layout.outlineWidth))",
            "# The cross-links and backlinks, right of the reader from \(ScreenLayout.mediumWidth) columns on",
            "# (auto: 35%, 40 to 64 columns; 38%, 30 to 44 columns below \(ScreenLayout.wideWidth)).",
            "side-width = \(paneWidthValue(standard.layout.sideWidth))",
            "# The longest line of the reader's text: 0 is the pane's width, or \(LayoutSettings.minimumWrapWidth) columns or more.",
            "wrap-width = \(standard.layout.wrapWidth)",
            "# Start with the focused pane on the whole screen, as z does (z or Esc shows the others):",
            "# one pane's text on each row, for a screen reader or braille display, or a large font.",
            "start-zoomed = \(standard.layout.zoom)",
            "",
            "# A theme of your own: delete the `theme = ...` line at the top and uncomment a table like",
            "# this one (the dark theme's own values). Each role takes a colour, which sets its text",
            "# colour, or a table of fg, bg (colours), bold, dim, underline, reverse (true or false);",
            "# what a role does not set comes from the base. Colours: default, black, red, green,",
            "# yellow, blue, magenta, cyan, white, bright-black … bright-white, grey, or 0 to 255 (on an",
            "# 8-colour terminal, the nearest basic colour). \"heading\" sets all three heading levels.",
            "# \"selection\" is the focused pane's selected row; \"selection-inactive\" the band an",
            "# unfocused pane keeps under its own, where text with a colour of its own keeps it.",
            "#",
            "# [theme]",
            "# base = \"dark\"                # auto, dark, light or mono",
        ]
        let dark = Theme.dark
        for role in ColorRole.allCases {
            out.append("# \(role.configName) = \(appearanceValue(dark.appearances[role] ?? .plain))")
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func keyValue(_ keys: [Key]) -> String {
        if keys.count == 1 { return TOMLText.quoted(keys[0].configName) }
        return "[" + keys.map { TOMLText.quoted($0.configName) }.joined(separator: ", ") + "]"
    }

    static func paneWidthValue(_ width: PaneWidth) -> String {
        switch width {
        case .auto: "\"auto\""
        case .columns(let columns): String(columns)
        case .percent(let percent): "\"\(percent)%\""
        }
    }

    /// A colour alone, or an inline table when there is more to say.
    static func appearanceValue(_ appearance: Appearance) -> String {
        var parts: [String] = []
        if appearance.foreground != .default { parts.append("fg = \(appearance.foreground.configValue)") }
        if appearance.background != .default { parts.append("bg = \(appearance.background.configValue)") }
        for (name, flag) in [("bold", appearance.bold), ("dim", appearance.dim), ("underline", appearance.underline),
                             ("reverse", appearance.reverse)] where flag {
            parts.append("\(name) = true")
        }
        if parts.isEmpty { return "\"default\"" }
        if parts.count == 1, appearance.foreground != .default { return appearance.foreground.configValue }
        return "{ " + parts.joined(separator: ", ") + " }"
    }
}

extension String {
    func padded(to width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}
