/// Allocates ncurses colour pairs on first use, so a theme with a dozen colour combinations
/// needs a dozen pairs whatever the terminal supports. Pure: the backend calls `init_pair`
/// for each pair this reports as new.
struct ColorPairs {
    /// The terminal's colours (ncurses `COLORS`, and whether `use_default_colors` succeeded).
    let palette: TerminalPalette
    /// Pairs the terminal has (ncurses `COLOR_PAIRS`); pair 0 is the fixed default pair.
    let pairLimit: Int

    private var assigned: [Key: Int16] = [:]

    struct Key: Hashable {
        var foreground: Int16
        var background: Int16
    }

    init(palette: TerminalPalette, pairLimit: Int) {
        self.palette = palette
        self.pairLimit = min(pairLimit, Int(Int16.max))
    }

    /// The pair for these colours, and whether it was just allocated (the caller must then
    /// initialise it). Pair 0 when both are the default or the pairs ran out, which costs
    /// colour but never legibility: pair 0 is the terminal's own colours.
    mutating func pair(foreground: TerminalColor, background: TerminalColor) -> (number: Int16, key: Key, isNew: Bool) {
        let key = Key(
            foreground: palette.number(for: foreground, isForeground: true),
            background: palette.number(for: background, isForeground: false))
        if palette.hasDefaultColors && key.foreground == -1 && key.background == -1 { return (0, key, false) }
        if let number = assigned[key] { return (number, key, false) }
        let number = assigned.count + 1
        guard number < pairLimit else { return (0, key, false) }
        assigned[key] = Int16(number)
        return (Int16(number), key, true)
    }
}

/// The colours a terminal has, and how a theme's colours map onto them. Shared by the
/// ncurses colour pairs and the ECMA-48 encoder, so both draw a theme the same way.
public struct TerminalPalette: Equatable, Sendable {
    /// Colours the terminal has: 0 (none, or NO_COLOR), 8, 16, 256…
    var colorCount: Int
    /// Whether the terminal's own colours can be asked for (-1), as `use_default_colors` reports.
    var hasDefaultColors: Bool

    public init(colorCount: Int, hasDefaultColors: Bool) {
        self.colorCount = colorCount
        self.hasDefaultColors = hasDefaultColors
    }

    /// The colour number for `color`: -1 for the default colour (white on black without
    /// default colours), and the nearest basic colour when the palette is smaller than the index.
    func number(for color: TerminalColor, isForeground: Bool) -> Int16 {
        guard let index = color.paletteIndex else {
            return hasDefaultColors ? -1 : (isForeground ? 7 : 0)
        }
        if index >= 0 && index < colorCount { return Int16(index) }
        return Int16(Self.basicColor(approximating: index))
    }

    /// Whether `color` is drawn as itself: the default colour, or an index the palette has
    /// (any other is drawn as the nearest basic colour, see `number(for:isForeground:)`).
    func has(_ color: TerminalColor) -> Bool {
        guard let index = color.paletteIndex else { return true }
        return index >= 0 && index < colorCount
    }

    /// Whether a background of `color` may not show: the palette lacks it, and the basic
    /// colour drawn instead is black or white, one of which is the terminal's own background
    /// (a grey always comes out as one of them).
    func mayHide(background color: TerminalColor) -> Bool {
        guard !has(color), let index = color.paletteIndex else { return false }
        return [0, 7].contains(Self.basicColor(approximating: index))
    }

    /// Whether text of `foreground` on `background` comes out in one colour, where the palette
    /// lacks one of them (both asked for alike is the theme's own choice).
    func drawsAlike(_ foreground: TerminalColor, _ background: TerminalColor) -> Bool {
        guard foreground.paletteIndex != nil, background.paletteIndex != nil, !has(foreground) || !has(background) else { return false }
        return number(for: foreground, isForeground: true) == number(for: background, isForeground: false)
    }

    /// The basic colour (0–7) closest to a 256-colour palette index, by channel threshold.
    static func basicColor(approximating index: Int) -> Int {
        switch index {
        case 0..<8: return index
        case 8..<16: return index - 8
        case 16..<232:
            let cube = index - 16
            let (red, green, blue) = (cube / 36, (cube / 6) % 6, cube % 6)
            return (red >= 3 ? 1 : 0) | (green >= 3 ? 2 : 0) | (blue >= 3 ? 4 : 0)
        case 232..<256: return index < 244 ? 0 : 7
        default: return 7
        }
    }
}

extension Theme {
    /// This theme as `palette` draws it: a role whose background may not show there
    /// (`TerminalPalette.mayHide(background:)`) is underlined as well. That is the inactive
    /// selection's grey band with fewer than 256 colours: white on black under the dark theme
    /// (8, 16 or 88 colours: TERM=screen, linux, xterm, rxvt-unicode), which on the Linux
    /// console is exactly its plain text, so nothing marked the row; black on white under the
    /// light theme, plain text on a white terminal. The underline is the mono theme's mark
    /// for it, and shows on any background, blank cells included. A reversed role's band is
    /// its foreground colour, so that is the one checked (it was skipped).
    ///
    /// A text colour the palette lacks that comes out black or white may vanish the same way
    /// (QA 23: `link = "grey"` under TERM=linux drew the links black on the black console). It
    /// is drawn in the terminal's own text colour instead, faint for a dark grey: that is
    /// what a grey means, and how the themes de-emphasize (`Appearance.dim`).
    public func fitted(to palette: TerminalPalette) -> Theme {
        var fitted = self
        for (role, appearance) in appearances
        where palette.mayHide(background: appearance.reverse ? appearance.foreground : appearance.background) {
            fitted.appearances[role]?.underline = true
        }
        // Only text on the terminal's own background: text on a band the theme gives is
        // checked against that band, below (QA 28: `{ fg = 250, bg = 252 }`, the text made the
        // terminal's own, was the console's white on a white band).
        for (role, appearance) in appearances
        where !appearance.reverse && appearance.background == .default && palette.mayHide(background: appearance.foreground) {
            fitted.appearances[role]?.foreground = .default
            if let index = appearance.foreground.paletteIndex, TerminalPalette.basicColor(approximating: index) == 0 {
                fitted.appearances[role]?.dim = true
            }
        }
        // Text and band the palette draws in one colour: both the terminal's own, the role
        // marked by its underline (QA 24: `match = { bg = "grey" }` over the dark theme's black
        // text was black on black under TERM=linux, and the matches vanished).
        for (role, appearance) in fitted.appearances where palette.drawsAlike(appearance.foreground, appearance.background) {
            fitted.appearances[role]?.foreground = .default
            fitted.appearances[role]?.background = .default
            fitted.appearances[role]?.underline = true
        }
        return fitted
    }
}
