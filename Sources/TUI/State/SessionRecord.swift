import Content

/// What is saved per article so that a restart opens where the reader was, with the jump
/// history intact.
public struct SessionRecord: Hashable, Sendable, Codable {
    public var view: ViewSnapshot
    public var history: History

    public init(view: ViewSnapshot, history: History) {
        self.view = view
        self.history = history
    }
}
