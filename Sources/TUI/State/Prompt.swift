import Content

/// A one-line prompt at the bottom of the screen (a bookmark's note, the search).
public struct Prompt: Hashable, Sendable {
    public enum Purpose: Hashable, Sendable {
        case noteOnCurrent(section: Int, item: String?)
        case noteOnBookmark(Int64)
        /// The reader's incremental search (`/`).
        case search
    }

    public var label: String
    /// What is typed, and where the cursor is in it.
    public var input: LineInput
    public var purpose: Purpose
    /// A note's prompt: the note it showed ("" for none) when a bookmark was there, nil when
    /// none was. Saving does not overwrite a note changed since in another window.
    public var shown: String?

    public var text: String { input.text }

    /// A prompt holding `text` (a note to edit), the cursor at its end.
    public init(label: String, text: String, purpose: Purpose, shown: String? = nil) {
        self.label = label
        input = LineInput(text)
        self.purpose = purpose
        self.shown = shown
    }
}
