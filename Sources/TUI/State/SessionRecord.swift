import Content

/// What is saved per article so that a restart opens where the reader was, with the jump
/// history intact.
public struct SessionRecord: Hashable, Sendable, Codable {
    public var view: ViewSnapshot
    public var history: History
    /// The side panes the layouts show beside the reader when the view's focus is elsewhere.
    /// Nil in sessions saved before they were kept.
    public var panes: SidePanes?

    public init(view: ViewSnapshot, history: History, panes: SidePanes? = nil) {
        self.view = view
        self.history = history
        self.panes = panes
    }
}

/// Which side panes are shown (`AppState.sidePane`, `lowerPane`): the last ones focused. Not
/// part of a view: going back to a view focuses its pane and leaves the others as they are,
/// but a restart must show them as they were left ("reopens exactly as it was left"), the
/// focus being on the reader then as often as not.
public struct SidePanes: Hashable, Sendable, Codable {
    public var side: PaneID
    public var lower: PaneID

    public init(side: PaneID, lower: PaneID) {
        self.side = side
        self.lower = lower
    }
}

extension SessionRecord {
    /// Panes this version cannot read (a number written by another, or edited) are no reason
    /// to lose the view and the history: the panes are then left as they start.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        view = try container.decode(ViewSnapshot.self, forKey: .view)
        history = try container.decode(History.self, forKey: .history)
        panes = (try? container.decodeIfPresent(SidePanes.self, forKey: .panes)) ?? nil
    }
}
