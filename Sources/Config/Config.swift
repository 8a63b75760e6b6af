import Foundation
import TUI

/// What a person can set in `config.toml`: keys, colours, layout, session restore, mouse and cursor.
/// `Config.standard` is what seealso does without a file; `seealso config --print-default`
/// prints it as a file that parses back to exactly this.
public struct Config: Equatable, Sendable {
    public var keymap: KeyMap
    public var theme: ThemeSetting
    public var layout: LayoutSettings
    /// Reopen each article where it was left (`restore = false` acts like `--no-restore`).
    public var restore: Bool
    /// Mouse reporting (clicks and the wheel); off leaves the terminal's own selection alone.
    public var mouse: Bool
    /// The terminal's cursor shown on the selection too, not only at a typing point (for
    /// braille displays and screen readers, as lynx's `show_cursor`).
    public var showCursor: Bool

    public init(keymap: KeyMap = .standard, theme: ThemeSetting = .auto, layout: LayoutSettings = .standard,
                restore: Bool = true, mouse: Bool = true, showCursor: Bool = false) {
        self.keymap = keymap
        self.theme = theme
        self.layout = layout
        self.restore = restore
        self.mouse = mouse
        self.showCursor = showCursor
    }

    public static let standard = Config()
}

/// The configured theme: a base (nil: chosen from the environment, as without a config) and
/// per-role changes on top of it.
public struct ThemeSetting: Equatable, Sendable {
    /// nil is "auto": dark, or light when COLORFGBG says the background is light.
    public var base: Theme?
    public var overrides: [ColorRole: AppearancePatch]

    public init(base: Theme? = nil, overrides: [ColorRole: AppearancePatch] = [:]) {
        self.base = base
        self.overrides = overrides
    }

    public static let auto = ThemeSetting()

    /// The theme to draw with. `NO_COLOR` wins over everything configured: `Theme.mono`.
    public func resolve(environment: [String: String]) -> Theme {
        if Theme.noColorRequested(environment["NO_COLOR"]) { return .mono }
        var theme = base ?? Terminal.theme(environment: environment)
        guard !overrides.isEmpty else { return theme }
        for (role, patch) in overrides {
            theme.appearances[role] = patch.applied(to: theme.appearances[role] ?? .plain)
        }
        theme.name = "custom"
        return theme
    }
}

/// Changes to one role's appearance: only what is set replaces the base theme's value.
public struct AppearancePatch: Hashable, Sendable {
    public var foreground: TerminalColor?
    public var background: TerminalColor?
    public var bold: Bool?
    public var dim: Bool?
    public var underline: Bool?
    public var reverse: Bool?

    public init(foreground: TerminalColor? = nil, background: TerminalColor? = nil, bold: Bool? = nil,
                dim: Bool? = nil, underline: Bool? = nil, reverse: Bool? = nil) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.dim = dim
        self.underline = underline
        self.reverse = reverse
    }

    public func applied(to appearance: Appearance) -> Appearance {
        var result = appearance
        if let foreground { result.foreground = foreground }
        if let background { result.background = background }
        if let bold { result.bold = bold }
        if let dim { result.dim = dim }
        if let underline { result.underline = underline }
        if let reverse { result.reverse = reverse }
        return result
    }

    /// `self` with what `other` sets on top.
    func merged(with other: AppearancePatch) -> AppearancePatch {
        AppearancePatch(foreground: other.foreground ?? foreground, background: other.background ?? background,
                        bold: other.bold ?? bold, dim: other.dim ?? dim,
                        underline: other.underline ?? underline, reverse: other.reverse ?? reverse)
    }
}

/// One problem in a configuration file: the entry it names falls back to its default.
public struct ConfigMessage: Equatable, Sendable, CustomStringConvertible {
    /// 1-based; nil for problems with the file as a whole (cannot be read).
    public var line: Int?
    /// 1-based, for a TOML syntax error; nil for a problem with an entry as a whole.
    public var column: Int?
    public var text: String

    public init(line: Int?, column: Int? = nil, _ text: String) {
        self.line = line
        self.column = column
        self.text = text
    }

    /// `path:line:column: text` or `path:line: text`, the forms compilers use, so editors can
    /// jump to it.
    public func formatted(path: String) -> String {
        guard let line else { return "\(path): \(text)" }
        return column.map { "\(path):\(line):\($0): \(text)" } ?? "\(path):\(line): \(text)"
    }

    public var description: String { formatted(path: "config.toml") }
}

/// A configuration and what was wrong with its file; `config` has the default for every
/// entry that had a problem and the file's value for every other.
public struct ParsedConfig: Sendable {
    public var config: Config
    public var messages: [ConfigMessage]
}
