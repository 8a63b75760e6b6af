import Testing
@testable import TUI

@Suite("Themes")
struct ThemeTests {
    @Test("Mono uses attributes only, and selections stay visible")
    func mono() {
        let theme = Theme.mono
        #expect(!theme.usesColor)
        #expect(theme.appearance(for: Style(.selection)).reverse)
        #expect(theme.appearance(for: Style(.linkSelected)).reverse)
        #expect(theme.appearance(for: Style(.link)).underline)
        for heading in [ColorRole.heading1, .heading2, .heading3] {
            #expect(theme.appearance(for: Style(heading)).bold)
        }
        #expect(theme.appearance(for: Style(.match)) != theme.appearance(for: Style(.selection)))
    }

    /// Basic colours look the same on 8- and 256-colour terminals. The inactive selection's
    /// subdued grey band has no basic colour (see `Theme.dark`): it may take a grey of the
    /// 256-colour palette, provided that where a terminal has only the basic colours its text
    /// still differs from its background.
    @Test("Colour themes define every role with basic colours only (the inactive selection a grey)", arguments: ["dark", "light"])
    func colorThemes(name: String) throws {
        let theme = try #require(Theme.named(name))
        #expect(theme.usesColor)
        for role in ColorRole.allCases {
            #expect(theme.appearances[role] != nil, "\(theme.name) lacks \(role)")
            let appearance = theme.appearance(for: Style(role))
            for color in [appearance.foreground, appearance.background] {
                let index = color.paletteIndex ?? 0
                if role == .selectionInactive {
                    #expect(index < 8 || (232...255).contains(index), "\(theme.name).\(role) uses \(color)")
                } else {
                    #expect(index < 8, "\(theme.name).\(role) uses \(color)")
                }
            }
        }
        let selection = theme.appearance(for: Style(.selection))
        #expect(selection.reverse || selection.background != .default, "selection must stand out")
        let inactive = theme.appearance(for: Style(.selectionInactive))
        let foreground = try #require(inactive.foreground.paletteIndex, "\(theme.name): text of its own colour")
        let background = try #require(inactive.background.paletteIndex, "\(theme.name): a band of its own colour")
        #expect(TerminalPalette.basicColor(approximating: foreground) != TerminalPalette.basicColor(approximating: background),
                "\(theme.name): the inactive selection is readable with 8 colours")
    }

    /// The inactive selection's grey band exists with 256 colours only; with fewer it came out
    /// white on black (dark) or black on white (light), which is plain text on a black or a
    /// white terminal: nothing marked the row (QA: TERM=screen, linux, xterm). It is then
    /// underlined too, as the mono theme marks it, on its own and laid over a row.
    @Test("With fewer colours than the band's grey, the inactive selection is underlined", arguments: ["dark", "light"])
    func inactiveSelectionOnFewColors(name: String) throws {
        let theme = try #require(Theme.named(name))
        for colors in [8, 16, 88] {
            let fitted = theme.fitted(to: TerminalPalette(colorCount: colors, hasDefaultColors: true))
            #expect(fitted.appearance(for: Style(.selectionInactive)).underline, "\(name), \(colors) colours")
            let row = fitted.appearance(for: Style(.link, overlay: .selectionInactive))
            #expect(row.underline && row.foreground == theme.appearances[.link]?.foreground, "\(name), \(colors) colours: \(row)")
            // Nothing else changes: the other roles have basic colours, or reverse the band.
            for role in ColorRole.allCases where role != .selectionInactive {
                #expect(fitted.appearances[role] == theme.appearances[role], "\(name).\(role), \(colors) colours")
            }
        }
        let full = theme.fitted(to: TerminalPalette(colorCount: 256, hasDefaultColors: true))
        #expect(full == theme, "with 256 colours the band shows: no underline")
        #expect(!full.appearance(for: Style(.selectionInactive)).underline)
        #expect(Theme.mono.fitted(to: TerminalPalette(colorCount: 8, hasDefaultColors: false)) == .mono)
    }

    @Test("A background the palette lacks may hide only when it comes out black or white")
    func hiddenBackgrounds() {
        let eight = TerminalPalette(colorCount: 8, hasDefaultColors: true)
        #expect(eight.mayHide(background: .indexed(238)) && eight.mayHide(background: .indexed(252)))
        #expect(eight.mayHide(background: .brightBlack))
        #expect(!eight.mayHide(background: .indexed(196)), "bright red comes out red")
        #expect(!eight.mayHide(background: .black) && !eight.mayHide(background: .default), "asked for as such")
        #expect(!TerminalPalette(colorCount: 256, hasDefaultColors: true).mayHide(background: .indexed(238)))
    }

    @Test("Style flags add to the role's appearance")
    func styleFlags() {
        let appearance = Theme.dark.appearance(for: Style(.link, bold: true, underline: true))
        #expect(appearance.bold && appearance.underline && appearance.foreground == .cyan)
        // Links are coloured where there is colour (as in lynx and w3m), underlined where not.
        #expect(!Theme.dark.appearance(for: Style(.link)).underline)
        #expect(Theme.mono.appearance(for: Style(.link)).underline)
        #expect(Theme.named("Light")?.name == "light")
        #expect(Theme.named("neon") == nil)
    }

    @Test("The environment's theme: NO_COLOR set and not empty means mono; COLORFGBG picks light")
    func fromTheEnvironment() {
        #expect(Terminal.theme(environment: ["NO_COLOR": "1"]) == .mono)
        #expect(Terminal.theme(environment: ["NO_COLOR": "", "COLORFGBG": "0;15"]).name == "light")
        #expect(Terminal.theme(environment: ["COLORFGBG": "15;0"]).name == "dark")
    }
}
