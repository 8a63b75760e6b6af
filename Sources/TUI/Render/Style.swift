/// What a piece of the screen *is*. Panes say "this is a link" and the theme decides what a
/// link looks like, so a monochrome terminal, a light background and `NO_COLOR` are handled
/// in one place instead of in every pane.
public enum ColorRole: Hashable, Sendable, CaseIterable {
    case normal, dim, title, border, borderFocused
    case heading1, heading2, heading3
    case link, linkSelected, seeAlso, example, strategy, section
    case curated, detected
    case selection, selectionInactive, statusBar, statusKey, notice, error, match, bookmark, help
}

/// A role plus emphasis a pane wants on top of it (e.g. the bold name in a list item).
/// The flags add to the role's appearance; they never remove what the theme set. `reverse`
/// is for emphasis that swaps a role's colours on purpose (the current search match); a
/// role with a band of its own (a selection, a match) is drawn as the theme gives it, not
/// reversed, or its text colour would become the band (the light theme's white on
/// blue came out blue on pale grey, fainter than the unfocused selection).
public struct Style: Hashable, Sendable {
    public var role: ColorRole
    public var bold: Bool
    public var reverse: Bool
    public var underline: Bool
    /// A role laid over this one, as a band under a whole row: the selected row of an
    /// unfocused list pane is its own text, in its own colours, on `selectionInactive`.
    /// See `Theme.appearance(for:)` for how the two combine.
    public var overlay: ColorRole?

    public init(_ role: ColorRole = .normal, bold: Bool = false, reverse: Bool = false, underline: Bool = false,
                overlay: ColorRole? = nil) {
        self.role = role
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
        self.overlay = overlay
    }

    /// This style with `role` laid over it.
    public func overlaid(with role: ColorRole) -> Style {
        var style = self
        style.overlay = role
        return style
    }

    public static let normal = Style()
}

/// A terminal colour. Built-in themes use `default` and the eight basic colours, which look
/// the same on 8- and 256-colour terminals; the one exception is the inactive selection's
/// grey background (see `Theme.dark`), which no basic colour can stand for (with fewer
/// colours the row is underlined instead, see `Theme.fitted(to:)`). The others are for user
/// themes.
public enum TerminalColor: Hashable, Sendable {
    case `default`
    case black, red, green, yellow, blue, magenta, cyan, white
    case brightBlack, brightRed, brightGreen, brightYellow, brightBlue, brightMagenta, brightCyan, brightWhite
    /// An entry of the 256-colour palette.
    case indexed(Int)

    /// The palette index (0–255), or nil for the terminal's default colour.
    public var paletteIndex: Int? {
        switch self {
        case .default: return nil
        case .black: return 0
        case .red: return 1
        case .green: return 2
        case .yellow: return 3
        case .blue: return 4
        case .magenta: return 5
        case .cyan: return 6
        case .white: return 7
        case .brightBlack: return 8
        case .brightRed: return 9
        case .brightGreen: return 10
        case .brightYellow: return 11
        case .brightBlue: return 12
        case .brightMagenta: return 13
        case .brightCyan: return 14
        case .brightWhite: return 15
        case .indexed(let index): return index
        }
    }
}

/// How a cell is drawn: colours and attributes, independent of ncurses.
public struct Appearance: Hashable, Sendable {
    public var foreground: TerminalColor
    public var background: TerminalColor
    public var bold: Bool
    public var reverse: Bool
    public var underline: Bool
    /// Faint text (SGR 2). Used for de-emphasis instead of bright black, which is invisible
    /// on 8-colour terminals with a black background.
    public var dim: Bool

    public init(
        foreground: TerminalColor = .default, background: TerminalColor = .default,
        bold: Bool = false, reverse: Bool = false, underline: Bool = false, dim: Bool = false
    ) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
        self.dim = dim
    }

    public static let plain = Appearance()

    /// Whether drawing needs colours (as opposed to attributes only).
    public var usesColor: Bool { foreground != .default || background != .default }
}

/// Maps roles to appearances. A role missing from `appearances` is drawn plain.
public struct Theme: Hashable, Sendable {
    public var name: String
    public var appearances: [ColorRole: Appearance]

    public init(name: String, appearances: [ColorRole: Appearance]) {
        self.name = name
        self.appearances = appearances
    }

    /// The role's appearance with the style's emphasis added, and its overlay's on top: the
    /// overlay's background replaces the role's, its text colour colours only text whose role
    /// has none (so a ★ stays yellow on the band, plain text takes the band's own), and its
    /// attributes add to the role's.
    public func appearance(for style: Style) -> Appearance {
        var appearance = appearances[style.role] ?? .plain
        appearance.bold = appearance.bold || style.bold
        appearance.reverse = appearance.reverse || style.reverse
        appearance.underline = appearance.underline || style.underline
        if let overlay = style.overlay.map({ appearances[$0] ?? .plain }) {
            if overlay.background != .default { appearance.background = overlay.background }
            if appearance.foreground == .default { appearance.foreground = overlay.foreground }
            appearance.bold = appearance.bold || overlay.bold
            appearance.reverse = appearance.reverse || overlay.reverse
            appearance.underline = appearance.underline || overlay.underline
            appearance.dim = appearance.dim || overlay.dim
        }
        return appearance
    }

    /// Whether any role uses a colour; a theme that does not needs no colour support.
    public var usesColor: Bool { appearances.values.contains(where: \.usesColor) }

    /// Whether `NO_COLOR` (its value) turns colour off: set and not empty, as
    /// https://no-color.org says. The one rule for the theme, the config and the backend.
    public static func noColorRequested(_ value: String?) -> Bool { !(value ?? "").isEmpty }

    /// The built-in themes by name, for configuration files and `--theme`.
    public static func named(_ name: String) -> Theme? {
        [dark, light, mono].first { $0.name == name.lowercased() }
    }

    /// For dark backgrounds. Selections put the text on a coloured background (or reverse
    /// the default colours), so they stay visible whatever the terminal's palette is. A role
    /// that names both its text and its band is drawn so, never reversed; a reversed role
    /// names one colour, its band (a selected link's cyan, the status bar's keys' yellow).
    public static let dark = Theme(name: "dark", appearances: [
        .normal: .plain,
        .dim: Appearance(dim: true),
        .title: Appearance(foreground: .cyan, bold: true),
        .border: Appearance(dim: true),
        .borderFocused: Appearance(foreground: .cyan, bold: true),
        .heading1: Appearance(foreground: .yellow, bold: true),
        .heading2: Appearance(foreground: .cyan, bold: true),
        .heading3: Appearance(foreground: .green, bold: true),
        // Colour alone, as lynx and w3m show links: an underline costs its own escape
        // sequences around every reference on every redraw (scripts/bench-tui.sh).
        .link: Appearance(foreground: .cyan),
        .linkSelected: Appearance(foreground: .cyan, reverse: true),
        .seeAlso: Appearance(foreground: .green),
        .example: Appearance(foreground: .yellow),
        .strategy: Appearance(foreground: .magenta),
        .section: Appearance(foreground: .blue, bold: true),
        .curated: Appearance(foreground: .magenta, bold: true),
        .detected: Appearance(dim: true),
        // White on blue, bold, as vim's Visual and PmenuSel and mutt's indicator: the most
        // salient band on screen, on a black terminal as on a white one.
        .selection: Appearance(foreground: .white, background: .blue, bold: true),
        // An unfocused pane's selection, as lazygit and mutt's sidebar keep it: a dark grey band
        // (#444444 in the 256-colour palette) under the row's own colours, not bold. No basic
        // colour is a subdued background: black is the background of many dark terminals, and
        // white is as loud as the focused selection's blue on a black one. Bright
        // black would be the 16-colour choice, but palettes disagree on it (Solarized makes it
        // its background). The text is white, not the terminal's default, so that the band
        // reads as well on a light terminal, which gets this theme unless COLORFGBG says
        // otherwise. A palette without colour 238 (8, 16 or 88 colours) draws white on black,
        // on a black terminal only the text, so the row is underlined there too (`fitted(to:)`).
        .selectionInactive: Appearance(foreground: .white, background: .indexed(238)),
        .statusBar: Appearance(reverse: true),
        .statusKey: Appearance(foreground: .yellow, bold: true, reverse: true),
        .notice: Appearance(foreground: .green, bold: true),
        .error: Appearance(foreground: .red, bold: true),
        // Black on a yellow band, vim's Search: it was reversed, yellow text on palette black,
        // which on a black terminal is no band at all. The current match is that
        // reversed, bold and underlined (vim's CurSearch stands out the same way).
        .match: Appearance(foreground: .black, background: .yellow),
        .bookmark: Appearance(foreground: .yellow, bold: true),
        .help: .plain,
    ])

    /// For light backgrounds: no yellow, white or cyan text, which fade on white.
    public static let light = Theme(name: "light", appearances: [
        .normal: .plain,
        .dim: Appearance(dim: true),
        .title: Appearance(foreground: .blue, bold: true),
        .border: Appearance(dim: true),
        .borderFocused: Appearance(foreground: .blue, bold: true),
        .heading1: Appearance(foreground: .blue, bold: true),
        .heading2: Appearance(foreground: .magenta, bold: true),
        .heading3: Appearance(foreground: .green, bold: true),
        .link: Appearance(foreground: .blue),
        .linkSelected: Appearance(foreground: .blue, reverse: true),
        .seeAlso: Appearance(foreground: .green),
        .example: Appearance(foreground: .red),
        .strategy: Appearance(foreground: .magenta),
        .section: Appearance(foreground: .blue, bold: true),
        .curated: Appearance(foreground: .magenta, bold: true),
        .detected: Appearance(dim: true),
        // As in the dark theme: white on blue, bold. It was reversed, blue on palette white
        // (#e5e5e5), as pale on a white terminal as the unfocused band.
        .selection: Appearance(foreground: .white, background: .blue, bold: true),
        // A light grey band (#d0d0d0) under black text, not bold: visibly a band on white, far
        // quieter than the focused blue; on 8 colours black on white, and underlined, as on a
        // white terminal that is plain text (`fitted(to:)`).
        .selectionInactive: Appearance(foreground: .black, background: .indexed(252)),
        .statusBar: Appearance(reverse: true),
        .statusKey: Appearance(foreground: .blue, bold: true, reverse: true),
        .notice: Appearance(foreground: .green, bold: true),
        .error: Appearance(foreground: .red, bold: true),
        .match: Appearance(foreground: .black, background: .yellow),
        .bookmark: Appearance(foreground: .red, bold: true),
        .help: .plain,
    ])

    /// Attributes only, for `NO_COLOR` and terminals without colours. Selections are reverse
    /// video (the one highlight every terminal has; an unfocused pane's, underlined), headings
    /// bold, links underlined; a
    /// search match is bold + underlined so it differs from the selection, and the current
    /// match is reversed on top (the reader's emphasis), so it differs from the other matches.
    public static let mono = Theme(name: "mono", appearances: [
        .normal: .plain,
        .dim: Appearance(dim: true),
        .title: Appearance(bold: true),
        .border: .plain,
        .borderFocused: Appearance(bold: true),
        .heading1: Appearance(bold: true, underline: true),
        .heading2: Appearance(bold: true),
        .heading3: Appearance(bold: true),
        .link: Appearance(underline: true),
        // Reverse without the links' underline: the reader adds bold to the one selected, and
        // the current match, outside it, is bold, underlined and reversed (QA 28: under
        // NO_COLOR the two were drawn alike, and which one Enter follows could not be told).
        .linkSelected: Appearance(reverse: true),
        .seeAlso: .plain,
        .example: .plain,
        .strategy: .plain,
        .section: Appearance(bold: true),
        .curated: Appearance(bold: true),
        .detected: .plain,
        .selection: Appearance(reverse: true),
        // Underlined across the pane, as vim's cursorline is without colours. Reverse is the
        // focused selection, bold the headings and the current section, bold + underline a
        // match; underline alone is none of them, and every terminal with attributes has it.
        // Dim was the other candidate, but it reads as "disabled", shows nothing on the
        // row's blank cells, and some terminals have none (the vt100, vt220, rxvt and ansi
        // terminfo entries list no dim), where the row would show no mark; all of them underline.
        .selectionInactive: Appearance(underline: true),
        .statusBar: Appearance(reverse: true),
        .statusKey: Appearance(bold: true, reverse: true),
        .notice: Appearance(bold: true),
        .error: Appearance(bold: true),
        .match: Appearance(bold: true, underline: true),
        .bookmark: Appearance(bold: true),
        .help: .plain,
    ])
}
