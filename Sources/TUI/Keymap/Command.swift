/// Everything a key can ask the explorer to do. The raw values are the names a config file
/// uses to remap keys (`[keys] quit = "x"`), so they are part of the interface.
public enum Command: String, Sendable, CaseIterable, Codable {
    case quit
    case help
    case closeOverlay = "close-overlay"
    case redraw
    case nextPane = "next-pane"
    case previousPane = "previous-pane"
    case focusOutline = "focus-outline"
    case focusReader = "focus-reader"
    case focusCrossLinks = "focus-cross-links"
    case focusBacklinks = "focus-backlinks"
    case focusBookmarks = "focus-bookmarks"
    case moveDown = "down"
    case moveUp = "up"
    case pageDown = "page-down"
    case pageUp = "page-up"
    case halfPageDown = "half-page-down"
    case halfPageUp = "half-page-up"
    case top
    case bottom
    case nextSection = "next-section"
    case previousSection = "previous-section"
    case open
    case nextReference = "next-reference"
    case previousReference = "previous-reference"
    case back
    case forward
    case zoom
    case collapse
    case expand
    case toggleBookmark = "bookmark"
    case note
    case deleteBookmark = "delete-bookmark"
    case undoDelete = "undo-delete"
    case search
    case searchNext = "search-next"
    case searchPrevious = "search-previous"
    case goTo = "go-to"
    case linkMap = "link-map"

    /// One line for the help screen, with the standard keys (the README's table, the default
    /// configuration's comments).
    public var summary: String { summary(keys: .standard) }

    /// One line for the help screen, naming the keys `keymap` binds.
    public func summary(keys keymap: KeyMap) -> String {
        switch self {
        case .quit: "Quit"
        case .help: "Show or hide this help"
        case .closeOverlay: "Close help; clear the search highlight; leave zoom"
        case .redraw: "Redraw the screen, clearing stray output"
        case .nextPane: "Focus the next pane"
        case .previousPane: "Focus the previous pane"
        case .focusOutline: "Focus the outline"
        case .focusReader: "Focus the reader"
        case .focusCrossLinks: "Focus the cross-links"
        case .focusBacklinks: "Focus the backlinks"
        case .focusBookmarks: "Focus the bookmarks"
        case .moveDown: "Move down / scroll one line"
        case .moveUp: "Move up / scroll one line"
        case .pageDown: "Page down"
        case .pageUp: "Page up"
        case .halfPageDown: "Half a page down"
        case .halfPageUp: "Half a page up"
        case .top: "Go to the top"
        case .bottom: "Go to the bottom"
        case .nextSection: "Next section, its heading at the top (outline: past subsections)"
        case .previousSection: "Previous section, or this one's start (outline: past subsections)"
        case .open: "Open the selection / follow the cross-reference"
        case .nextReference: "Next cross-reference in the reader"
        case .previousReference: "Previous cross-reference in the reader"
        case .back: "Back (history)"
        case .forward: "Forward (history)"
        case .zoom: "Zoom the focused pane to the whole screen and back"
        case .collapse: "Outline: collapse the section (or go to its parent); elsewhere, the previous pane"
        case .expand: "Outline: expand the section (expanded: its first subsection; none: the next pane); elsewhere, the next pane"
        // "In a list": in the reader, m bookmarks the section read, not the cross-reference
        // selected there, which v opens the map of (QA 30: both read "the selected item").
        case .toggleBookmark: "Bookmark the section (or the item selected in a list), or remove it"
        case .note: "Add or edit the bookmark's note"
        case .deleteBookmark: "Bookmarks: delete the selected bookmark"
        case .undoDelete:
            // Any pane: the store puts back what was removed last, by d in the Bookmarks pane
            // or by m wherever the place was (it said "Bookmarks: undo the last delete").
            "Undo the last bookmark removal"
                + Self.parenthesized([keymap.keyName(for: .deleteBookmark),
                                      keymap.keyName(for: .toggleBookmark).map { "\($0) on a bookmarked place" }])
                + ", in any pane"
        case .search: "Search the reader (smartcase; accents and dashes ignored)"
        case .searchNext: "Next match (wraps around)"
        case .searchPrevious: "Previous match (wraps around)"
        case .goTo: "Go to a section, topic, example, strategy or bookmark"
        case .linkMap:
            "Link map of the selected cross-reference, item or section ("
                + (["again"] + [keymap.keyName(for: .closeOverlay), keymap.keyName(for: .quit)].compactMap { $0 }).joinedAsAlternatives
                + " closes)"
        }
    }

    /// " (a, or b)" of the parts there are; nothing when there are none.
    private static func parenthesized(_ parts: [String?]) -> String {
        let present = parts.compactMap { $0 }
        return present.isEmpty ? "" : " (" + present.joined(separator: ", or ") + ")"
    }

    /// The heading the help screen lists the command under.
    public var group: String {
        switch self {
        case .quit, .help, .closeOverlay, .zoom, .redraw: "General"
        case .nextPane, .previousPane, .focusOutline, .focusReader, .focusCrossLinks, .focusBacklinks, .focusBookmarks: "Panes"
        case .moveDown, .moveUp, .pageDown, .pageUp, .halfPageDown, .halfPageUp, .top, .bottom, .nextSection, .previousSection,
             .collapse, .expand: "Moving"
        case .open, .nextReference, .previousReference, .back, .forward: "Following links"
        case .toggleBookmark, .note, .deleteBookmark, .undoDelete: "Bookmarks"
        case .search, .searchNext, .searchPrevious, .goTo, .linkMap: "Finding"
        }
    }
}

extension Array<String> {
    /// "a", "a or b", "a, b or c": keys any one of which does it.
    var joinedAsAlternatives: String {
        count < 2 ? joined() : dropLast().joined(separator: ", ") + " or " + last!
    }
}
