/// A pane's width as a configuration gives it.
public enum PaneWidth: Hashable, Sendable {
    /// The built-in proportion, bounded in columns (see `ScreenLayout`).
    case auto
    case columns(Int)
    /// Percent of the screen's width.
    case percent(Int)

    /// Narrower panes than this are useless (a title and a few letters).
    public static let minimumColumns = 10
    /// Wider than any terminal: a configuration asking for more is a mistake.
    public static let maximumColumns = 1000
    public static let percentRange = 5...70

    /// The width on a screen `screenWidth` wide; `auto` is the caller's `automatic`.
    func columns(on screenWidth: Int, automatic: Int) -> Int {
        switch self {
        case .auto: automatic
        // Never wider than the screen: the layout adds and multiplies widths.
        case .columns(let columns): min(columns, screenWidth)
        case .percent(let percent): screenWidth * percent / 100
        }
    }
}

/// The user's say over the layout: side pane widths, the reader's longest line, and zoom.
public struct LayoutSettings: Hashable, Sendable {
    /// The outline column, shown at 120 columns and more.
    public var outlineWidth: PaneWidth
    /// The cross-links/backlinks column: beside the reader from 80 columns on.
    public var sideWidth: PaneWidth
    /// The widest the reader's text gets, in columns; 0 means the pane's width.
    public var wrapWidth: Int
    /// Start with the focused pane on the whole screen, as `z` does: one pane's text on each
    /// row, for a screen reader or braille display reading rows whole, or a large font.
    public var zoom: Bool

    /// The reader keeps at least this many columns whatever the side panes ask for.
    public static let minimumReaderWidth = 30
    public static let minimumWrapWidth = 20

    public init(outlineWidth: PaneWidth = .auto, sideWidth: PaneWidth = .auto, wrapWidth: Int = 0, zoom: Bool = false) {
        self.outlineWidth = outlineWidth
        self.sideWidth = sideWidth
        self.wrapWidth = wrapWidth
        self.zoom = zoom
    }

    public static let standard = LayoutSettings()

    /// The reader's text width in a pane whose text area is `available` columns wide.
    public func textWidth(available: Int) -> Int {
        wrapWidth > 0 ? min(available, wrapWidth) : available
    }
}
