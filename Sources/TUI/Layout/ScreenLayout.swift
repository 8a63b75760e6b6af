/// The terminal's size in cells.
public struct Size: Hashable, Sendable {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }
}

/// The explorer's panes, numbered as the keys that focus them.
public enum PaneID: Int, Hashable, Sendable, CaseIterable, Codable {
    case outline = 1
    case reader
    case crossLinks
    case backlinks
    case bookmarks

    public var title: String {
        switch self {
        case .outline: "Outline"
        case .reader: "Reader"
        case .crossLinks: "Cross-links"
        case .backlinks: "Backlinks"
        case .bookmarks: "Bookmarks"
        }
    }

    /// The command that focuses the pane: its key heads the pane's title.
    public var focusCommand: Command {
        switch self {
        case .outline: .focusOutline
        case .reader: .focusReader
        case .crossLinks: .focusCrossLinks
        case .backlinks: .focusBacklinks
        case .bookmarks: .focusBookmarks
        }
    }
}

/// Where each pane goes for a terminal size. Pure: the same inputs give the same rectangles.
///
/// - 120 columns or more: outline | reader | cross-links over backlinks (or bookmarks).
/// - 80–119: the reader and one side pane, the last side pane focused: the outline left of
///   the reader, the others right of it, as at 120 columns.
/// - below 80, or zoomed: the focused pane alone.
/// - below 40×12: nothing but a "terminal too small" notice.
/// Each pane's first row is its title bar; panes side by side are split by a one-column rule,
/// so a full-width reader has no border and can scroll with the terminal's scroll region.
public struct ScreenLayout: Equatable, Sendable {
    public static let minimumSize = Size(width: 40, height: 12)
    public static let wideWidth = 120
    public static let mediumWidth = 80

    public var panes: [(id: PaneID, rect: Rect)]
    public var separators: [Rect]
    public var status: Rect
    public var isTooSmall: Bool

    public static func == (lhs: ScreenLayout, rhs: ScreenLayout) -> Bool {
        lhs.panes.map(\.id) == rhs.panes.map(\.id) && lhs.panes.map(\.rect) == rhs.panes.map(\.rect)
            && lhs.separators == rhs.separators && lhs.status == rhs.status && lhs.isTooSmall == rhs.isTooSmall
    }

    public func rect(of pane: PaneID) -> Rect? { panes.first { $0.id == pane }?.rect }

    public func contains(_ pane: PaneID) -> Bool { rect(of: pane) != nil }

    public func pane(atX x: Int, y: Int) -> PaneID? {
        panes.first { $0.rect.contains(x: x, y: y) }?.id
    }

    /// - Parameters:
    ///   - side: the side pane shown beside the reader at medium widths.
    ///   - lower: the pane under the cross-links at wide widths (backlinks or bookmarks).
    ///   - settings: configured side pane widths; the reader keeps at least
    ///     `LayoutSettings.minimumReaderWidth` columns whatever they ask for.
    public init(size: Size, focus: PaneID, side: PaneID, lower: PaneID, zoomed: Bool, settings: LayoutSettings = .standard) {
        status = Rect(x: 0, y: max(size.height - 1, 0), width: size.width, height: 1)
        separators = []
        panes = []
        isTooSmall = size.width < Self.minimumSize.width || size.height < Self.minimumSize.height
        guard !isTooSmall else { return }
        let height = size.height - 1
        if zoomed || size.width < Self.mediumWidth {
            panes = [(focus, Rect(x: 0, y: 0, width: size.width, height: height))]
        } else if size.width < Self.wideWidth {
            let sideWidth = min(max(settings.sideWidth.columns(on: size.width, automatic: min(max(size.width * 38 / 100, 30), 44)),
                                    PaneWidth.minimumColumns), size.width - 1 - LayoutSettings.minimumReaderWidth)
            let readerWidth = size.width - sideWidth - 1
            if side == .outline {
                // Where the wide layout has it, left of the reader: ← from the reader (the
                // previous pane) went to an outline drawn on the right (QA 38).
                panes = [(.outline, Rect(x: 0, y: 0, width: sideWidth, height: height)),
                         (.reader, Rect(x: sideWidth + 1, y: 0, width: readerWidth, height: height))]
                separators = [Rect(x: sideWidth, y: 0, width: 1, height: height)]
            } else {
                panes = [(.reader, Rect(x: 0, y: 0, width: readerWidth, height: height)),
                         (side, Rect(x: readerWidth + 1, y: 0, width: sideWidth, height: height))]
                separators = [Rect(x: readerWidth, y: 0, width: 1, height: height)]
            }
        } else {
            var outlineWidth = max(settings.outlineWidth.columns(on: size.width, automatic: min(max(size.width * 18 / 100, 22), 32)),
                                   PaneWidth.minimumColumns)
            var rightWidth = max(settings.sideWidth.columns(on: size.width, automatic: min(max(size.width * 35 / 100, 40), 64)),
                                 PaneWidth.minimumColumns)
            let spare = size.width - 2 - LayoutSettings.minimumReaderWidth
            if outlineWidth + rightWidth > spare {
                // Shared in proportion, neither pane narrower than the minimum.
                rightWidth = min(max(spare * rightWidth / (outlineWidth + rightWidth), PaneWidth.minimumColumns),
                                 spare - PaneWidth.minimumColumns)
                outlineWidth = spare - rightWidth
            }
            let readerWidth = size.width - outlineWidth - rightWidth - 2
            let rightX = outlineWidth + 1 + readerWidth + 1
            let upper = height * 55 / 100
            panes = [(.outline, Rect(x: 0, y: 0, width: outlineWidth, height: height)),
                     (.reader, Rect(x: outlineWidth + 1, y: 0, width: readerWidth, height: height)),
                     (.crossLinks, Rect(x: rightX, y: 0, width: rightWidth, height: upper)),
                     (lower, Rect(x: rightX, y: upper, width: rightWidth, height: height - upper))]
            separators = [Rect(x: outlineWidth, y: 0, width: 1, height: height),
                          Rect(x: outlineWidth + 1 + readerWidth, y: 0, width: 1, height: height)]
        }
    }
}
