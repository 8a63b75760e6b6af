import Content

extension ItemKind {
    /// The colour of an item of this kind, wherever it is shown: the reader's item names and
    /// topic cards, the cross-links' headings, the link map's groups, the finder's kind column.
    var role: ColorRole {
        switch self {
        case .seeAlso: .seeAlso
        case .example: .example
        case .strategy: .strategy
        }
    }
}
