import Content

/// Where following a cross-reference takes the reader.
public enum Target: Hashable, Sendable, Codable {
    /// The heading of a section (by index).
    case section(Int)
    /// A classified item in its list in the article (examples, strategies; See-also entries).
    case item(String)
    /// The topic card of an item: its links and every place the article mentions it.
    case card(String)
    /// The block that holds a source line (where a mention is).
    case sourceLine(Int)
    /// A mention of item `item` at source line `line`: its block, with the mention selected,
    /// as a browser selects the anchor it lands on (a topic card's "Mentioned in the article").
    case mention(item: String, line: Int)
    /// Another loaded article (by title), from its top: a See-also topic of a folder.
    case article(String)
    /// A bookmark (by id) of another loaded article of the folder, which that article
    /// resolves once it is open.
    case bookmark(article: String, id: Int64)
    /// Another loaded article at its See-also entry `name`: a backlink of the folder, which
    /// lands where that article names this one, as a link in lynx or info lands on its line.
    case seeAlsoEntry(article: String, name: String)

    /// The other article of the folder a target opens, and where in it; nil for a place here.
    var elsewhere: (article: String, arrival: Arrival)? {
        switch self {
        case .article(let title): (title, .top)
        case .bookmark(let title, let id): (title, .bookmark(id))
        case .seeAlsoEntry(let title, let name): (title, .seeAlsoEntry(name))
        case .section, .item, .card, .sourceLine, .mention: nil
        }
    }

    /// The target for following a link to graph node `id`: sections and the items that stand
    /// in the article open in place; a See-also topic, whose article is not loaded, opens its card.
    public static func node(_ id: String, in model: LinkedArticle) -> Target? {
        switch model.node(id: id) {
        case .section(let index): .section(index)
        case .item(let index): model.items[index].kind == .seeAlso ? .card(id) : .item(id)
        case nil: nil
        }
    }
}

/// What the reader shows.
public enum ReaderContent: Hashable, Sendable, Codable {
    case article
    case card(itemID: String)

    /// As the synthesized decoding reads it: an object with one key, the case's, whose value
    /// is an object of its associated values. The key is looked for with `contains`, not
    /// `allKeys`: that one casts each key to `CodingKeys` at run time, and the first such cast
    /// searched the binary's conformances, a fifth of the session's decoding before the first
    /// frame (perf, 100 launches on a pty, 2026-11).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let keys = [CodingKeys.article, .card].filter { container.contains($0) }
        guard keys.count == 1 else {
            throw DecodingError.typeMismatch(ReaderContent.self, .init(codingPath: container.codingPath,
                                                                       debugDescription: "Invalid number of keys found, expected one."))
        }
        switch keys[0] {
        case .article:
            _ = try container.nestedContainer(keyedBy: ArticleCodingKeys.self, forKey: .article)
            self = .article
        case .card:
            let card = try container.nestedContainer(keyedBy: CardCodingKeys.self, forKey: .card)
            self = .card(itemID: try card.decode(String.self, forKey: .itemID))
        }
    }
}
