import Content

/// Where an article opened from another one is shown first.
public enum Arrival: Hashable, Sendable {
    /// At its top: a followed See-also topic or article title.
    case top
    /// A view from the history (back and forward).
    case view(ViewSnapshot)
    /// A bookmark of that article, resolved once it is loaded.
    case bookmark(Int64)
    /// Its See-also entry of that name (a backlink followed), found once it is loaded.
    case seeAlsoEntry(String)
}
