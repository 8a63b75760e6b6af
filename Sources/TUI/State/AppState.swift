import Content

/// The reader's view: what it shows, where, and which cross-reference is selected.
public struct ReaderState: Hashable, Sendable, Codable {
    public var content: ReaderContent = .article
    public var top = ReaderAnchor(block: 0)
    /// Index into the document's references; nil when none is selected.
    public var selectedReference: Int?
    /// The furthest top a jump showed here past where scrolling stops (the last line at the
    /// bottom), as vim's `zt` puts a short last section at the top: scrolling down comes back
    /// to it after scrolling up from it (`j` stopped short of it after `k`). Nil otherwise.
    public var jumpedTop: ReaderAnchor?

    public init(content: ReaderContent = .article, top: ReaderAnchor = ReaderAnchor(block: 0), selectedReference: Int? = nil) {
        self.content = content
        self.top = top
        self.selectedReference = selectedReference
    }
}

/// Selection and scroll of a list pane whose rows belong to one node.
public struct ListState: Hashable, Sendable, Codable {
    public var selection = 0
    public var top = 0
    /// The node the rows were computed for: when the node changes, selection starts over.
    public var node: String?

    public init(selection: Int = 0, top: Int = 0, node: String? = nil) {
        self.selection = selection
        self.top = top
        self.node = node
    }
}

public struct OutlineState: Hashable, Sendable, Codable {
    public var selectedSection = 0
    public var top = 0
    public var collapsed: Set<Int> = []

    public init() {}
}

/// The open link map: whose neighbourhood it shows and which node is selected.
public struct LinkMapState: Hashable, Sendable {
    public var focus: String
    public var selection = 0
}

/// Everything "back" must restore: the focused pane, scroll offsets and selections.
public struct ViewSnapshot: Hashable, Sendable, Codable {
    public var focus: PaneID
    public var reader: ReaderState
    public var outline: OutlineState
    public var crossLinks: ListState
    public var backlinks: ListState
    /// The Bookmarks pane's selection and scroll (its rows are every article's bookmarks).
    public var bookmarkList: ListState
    /// How the jump path names this view ("Municipalism", "October Revolution").
    public var label: String
    /// The article the view is in (its title), when browsing a folder; nil: this one.
    public var article: String?
    /// What the view shows, in terms that outlast an edit of the article: a view saved
    /// against another text of it is shown where its place is now (`Explorer.placed`). Nil in
    /// sessions saved before views kept it.
    public var place: ViewPlace? = nil
}

extension ViewSnapshot {
    /// Sessions saved before views kept the Bookmarks pane decode with it at its top, rather
    /// than failing and losing the reading position and history.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        // A pane this version does not have (a number written by another, or edited) is no
        // reason to lose the view and the history either: the reader has the focus then.
        focus = (try? container.decode(PaneID.self, forKey: .focus)) ?? .reader
        reader = try container.decode(ReaderState.self, forKey: .reader)
        outline = try container.decode(OutlineState.self, forKey: .outline)
        crossLinks = try container.decode(ListState.self, forKey: .crossLinks)
        backlinks = try container.decode(ListState.self, forKey: .backlinks)
        bookmarkList = try container.decodeIfPresent(ListState.self, forKey: .bookmarkList) ?? ListState()
        label = try container.decode(String.self, forKey: .label)
        article = try container.decodeIfPresent(String.self, forKey: .article)
        // A place this version cannot read is no reason to lose the view: it is then shown
        // as saved, as a view from before places were kept.
        place = (try? container.decodeIfPresent(ViewPlace.self, forKey: .place)) ?? nil
    }
}

extension ViewSnapshot {
    /// Whether two views show the same place: the same article and content, and the same text
    /// at the top of the reader (whatever width it was wrapped at). The focus, the selected
    /// cross-reference and the side panes' selections are how the place was looked at.
    public func isSamePlace(as other: ViewSnapshot) -> Bool {
        article == other.article && reader.isSamePlace(as: other.reader)
    }
}

extension ReaderState {
    /// The same content with the same text at the top, whichever cross-reference is selected.
    func isSamePlace(as other: ReaderState) -> Bool {
        content == other.content && top.isSamePosition(as: other.top)
    }
}

extension ReaderAnchor {
    /// The same text at the top: a line after a block's first is known by its offset in the
    /// block, its line number depending on the width it was wrapped at.
    func isSamePosition(as other: ReaderAnchor) -> Bool {
        block == other.block && offset == other.offset && (offset != nil || line == other.line)
    }
}

/// Browser-style history: following a link pushes the current view on `back` and clears
/// `forward`; back and forward move views between the two stacks. It never holds one place
/// twice in a row: a view of the place last pushed takes its slot, and the place on screen is
/// not also the step back (or forward) from it.
public struct History: Hashable, Sendable, Codable {
    public private(set) var back: [ViewSnapshot] = []
    public private(set) var forward: [ViewSnapshot] = []
    public static let limit = 200

    public init() {}

    public mutating func record(_ view: ViewSnapshot) {
        Self.push(view, onto: &back)
        forward.removeAll()
    }

    /// The view to go back to; `current` becomes the first forward entry. A step to the place
    /// on screen (the reader scrolled back by hand to where it came from) would go nowhere and
    /// send the screen itself forward, so it is passed over.
    ///
    /// `passing`: articles just found not to open (the last H said why). The steps into them
    /// at the top of `back` are passed over, as a browser goes on past a page that failed to
    /// load, and kept: they go forward, in their order, between the view returned and
    /// `current`. The last step left is never passed over: it is tried again.
    public mutating func goBack(from current: ViewSnapshot, passing unopened: Set<String> = []) -> ViewSnapshot? {
        Self.travel(from: current, taking: &back, giving: &forward, passing: unopened)
    }

    /// As `goBack`, the other way.
    public mutating func goForward(from current: ViewSnapshot, passing unopened: Set<String> = []) -> ViewSnapshot? {
        Self.travel(from: current, taking: &forward, giving: &back, passing: unopened)
    }

    private static func travel(from current: ViewSnapshot, taking source: inout [ViewSnapshot], giving other: inout [ViewSnapshot],
                               passing unopened: Set<String>) -> ViewSnapshot? {
        dropSteps(to: current, from: &source)
        var passed: [ViewSnapshot] = []
        while source.count > 1, let article = source.last?.article, unopened.contains(article) { passed.append(source.removeLast()) }
        guard let next = source.popLast() else { return nil }
        push(current, onto: &other)
        for view in passed { push(view, onto: &other) }
        return next
    }

    private static func dropSteps(to place: ViewSnapshot, from stack: inout [ViewSnapshot]) {
        while let last = stack.last, last.isSamePlace(as: place) { stack.removeLast() }
    }

    /// The history as it stands at `current`, the place on screen: a step back or forward to
    /// that same place, which would go nowhere, is dropped. A view saved as its article was
    /// left for another one is that jump's way back too: restored (at a restart, when the
    /// article jumped to is gone), the two would be one place twice.
    public mutating func settle(at current: ViewSnapshot) {
        Self.dropSteps(to: current, from: &back)
        Self.dropSteps(to: current, from: &forward)
    }

    /// Without the views `isReachable` rejects, and with the places their removal brings side
    /// by side merged, as `push` merges them.
    public func keeping(_ isReachable: (ViewSnapshot) -> Bool) -> History {
        mapping { isReachable($0) ? $0 : nil }
    }

    /// Each view as `transform` makes it (placed in an edited article's text as it is now),
    /// without those it makes nil, and with the views that then show one place side by side
    /// merged, as `push` merges them: a step that would go nowhere is not kept.
    public func mapping(_ transform: (ViewSnapshot) -> ViewSnapshot?) -> History {
        var mapped = History()
        for view in back { if let view = transform(view) { Self.push(view, onto: &mapped.back) } }
        for view in forward { if let view = transform(view) { Self.push(view, onto: &mapped.forward) } }
        return mapped
    }

    /// A second entry for one place in a row (a jump from where the last one left, a restart
    /// that records where the last run ended) would be a step that goes nowhere: the newer
    /// view takes the older one's slot.
    private static func push(_ view: ViewSnapshot, onto stack: inout [ViewSnapshot]) {
        if let last = stack.last, last.isSamePlace(as: view) {
            stack[stack.count - 1] = view
        } else {
            stack.append(view)
        }
        if stack.count > limit { stack.removeFirst(stack.count - limit) }
    }
}

/// The whole state of the explorer: a value, changed only by `Explorer.update`.
public struct AppState: Hashable, Sendable {
    public var size: Size
    public var focus: PaneID = .reader
    /// The side pane beside the reader at medium widths (the last side pane focused).
    public var sidePane: PaneID = .crossLinks
    /// The pane under the cross-links at wide widths.
    public var lowerPane: PaneID = .backlinks
    public var zoomed = false
    public var showsHelp = false
    public var helpTop = 0
    public var reader = ReaderState()
    /// The views as they were before resizes moved them: a resize back starts from them.
    public var beforeResize = ViewsBeforeResize()
    public var outline = OutlineState()
    /// The wheel scrolled the outline while another pane had the focus: its view stays where
    /// the wheel put it, rather than on the section being read, until the reader enters
    /// another section or the outline is focused.
    public var outlineScrolled = false
    public var crossLinks = ListState()
    public var backlinks = ListState()
    public var history = History()
    /// The articles that the last H or L (the key just pressed) found cannot be opened now:
    /// pressed again, it passes over the steps into them (`History.goBack`). Any other action
    /// forgets them, so that a step is never passed over without being said.
    public var unopened: Set<String> = []
    /// The view as the store last had it (saved or restored), to save it only when it moved.
    public var savedView: ViewSnapshot?
    /// A one-line message in the status bar until the next key.
    public var notice: String?
    public var isRunning = true
    /// Every bookmark, newest first (all articles), as last loaded from the store.
    public var bookmarks: [BookmarkEntry] = []
    /// Why no bookmark can be saved now (a read-only store), as last loaded with `bookmarks`.
    public var bookmarksUnwritable: String?
    public var bookmarkList = ListState()
    public var prompt: Prompt?
    /// The reader's search, while its matches are highlighted (n/N move between them).
    public var search: SearchState?
    /// The last pattern searched for (Enter on the prompt), found or not: as in vim, n and N
    /// search for it again once its matches are gone (Esc, a jump, a search that failed).
    public var lastSearch: String?
    /// Where the search stood when Esc took its highlights away: n and N go on from that match
    /// (vim's `:noh` and less's `ESC-u` only hide the matches), while the view still shows it.
    public var matchBeforeEscape: ClearedMatch?
    /// The search that was on when `/` opened its prompt: Esc puts it back, and Enter with
    /// nothing typed goes on with it as n does (vim and less keep the current match alike).
    public var searchBeforePrompt: SearchState?
    /// The view `/` was pressed in: a search that has moved the reader by Enter is a jump from
    /// there, which H returns to (Esc, which goes back, records nothing).
    public var viewBeforeSearch: ViewSnapshot?
    /// The go-to finder, while it is open.
    public var finder: FinderState?
    /// Work for the runtime; it takes them after each update.
    public var effects: [Effect] = []
    /// How the explorer is shown, fixed for the run (see `DisplaySettings`).
    public let display: DisplaySettings
    /// The link map (`v`), while it is open.
    public var linkMap: LinkMapState?

    /// Zoomed as `display` starts it (`zoom` in config.toml); `z` toggles it from then on.
    public init(size: Size, display: DisplaySettings = .standard) {
        self.size = size
        self.display = display
        zoomed = display.layout.zoom
    }

    public var layout: ScreenLayout {
        ScreenLayout(size: size, focus: focus, side: sidePane, lower: lowerPane, zoomed: zoomed, settings: display.layout)
    }
}

/// What the configuration and the terminal decide about how the explorer is shown, for the
/// whole run: no key changes it, so it is given to `Explorer.initialState` rather than set on
/// the state, and an article switched to keeps it (`ExplorerSession.switchArticle`).
public struct DisplaySettings: Hashable, Sendable {
    /// Configured pane widths and wrap width (`[layout]` in config.toml).
    public var layout: LayoutSettings
    /// Line drawing in ASCII (the mono theme): the link map's boxes and arrows.
    public var asciiDrawing: Bool
    /// Whether clicks and the wheel reach the explorer (`mouse` in config.toml): the help
    /// describes them only then.
    public var mouse: Bool
    /// Whether the terminal's cursor shows on the focused selection too (`show-cursor` in
    /// config.toml), as lynx's `show_cursor` and mutt's `braille_friendly`; it always shows at
    /// a typing point.
    public var showsCursor: Bool

    public init(layout: LayoutSettings = .standard, asciiDrawing: Bool = false, mouse: Bool = true, showsCursor: Bool = false) {
        self.layout = layout
        self.asciiDrawing = asciiDrawing
        self.mouse = mouse
        self.showsCursor = showsCursor
    }

    public static let standard = DisplaySettings()
}
