import Content
import Foundation

/// Which article something belongs to: its title, and a hash of its parsed content so a
/// caller can tell whether the text changed since a bookmark or session was saved.
public struct ArticleIdentity: Hashable, Sendable, Codable {
    public var title: String
    public var contentHash: String

    public init(title: String, contentHash: String) {
        self.title = title
        self.contentHash = contentHash
    }

    /// The identity of a parsed article: its title and `Article.contentHash`, which covers
    /// what a reader sees (title, each section's level and heading, paragraph and list-item
    /// text), not the bytes of the file, so re-wrapping lines or switching to CRLF does not
    /// change it. Saved views keep the same hash (`ViewPlace.text`).
    public init(_ model: LinkedArticle) {
        self.init(title: model.article.title, contentHash: model.article.contentHash)
    }
}

/// A saved place in an article: a section, or a See-also topic, example or strategy in it.
///
/// It is anchored by the section id *and* the heading text as they were when it was made,
/// so `StateStore.place(of:in:)` can follow the heading after the article is edited.
public struct Bookmark: Hashable, Sendable, Identifiable, Codable {
    public var id: Int64
    public var articleTitle: String
    /// `ArticleIdentity.contentHash` of the article when the bookmark was made.
    public var articleHash: String
    public var sectionID: String
    /// The heading text when it was made; `(lead)` for the lead.
    public var heading: String
    /// Headings from the top down, ending with `heading` (`["(lead)"]` for the lead).
    public var sectionPath: [String]
    /// Set when the bookmark is on a See-also topic, example or strategy.
    public var itemID: String?
    /// That item's name when it was made, for display when the article is not open.
    public var itemName: String?
    public var note: String?
    public var createdAt: Date
    /// When the note was last set or cleared (nil: never; schema version 2 on).
    public var noteUpdatedAt: Date?

    public init(id: Int64, articleTitle: String, articleHash: String, sectionID: String, heading: String,
                sectionPath: [String], itemID: String? = nil, itemName: String? = nil, note: String? = nil,
                createdAt: Date, noteUpdatedAt: Date? = nil) {
        self.id = id
        self.articleTitle = articleTitle
        self.articleHash = articleHash
        self.sectionID = sectionID
        self.heading = heading
        self.sectionPath = sectionPath
        self.itemID = itemID
        self.itemName = itemName
        self.note = note
        self.createdAt = createdAt
        self.noteUpdatedAt = noteUpdatedAt
    }

    /// `Strategy and ideological concepts › Municipalism`: the section path, then the item's name.
    /// Not neutralised: outputs do that (`String.neutralized`).
    public var displayPath: String {
        (sectionPath + (itemName.map { [$0] } ?? [])).joined(separator: " › ")
    }
}

/// Where a bookmark lands in a (possibly edited) article.
public enum BookmarkPlace: Hashable, Sendable {
    /// An index into `article.sections`.
    case section(Int)
    /// An item id that exists in the article.
    case item(String)
    /// Neither its item nor its section can be found: show it with its old heading.
    case orphaned
}

extension Bookmark {
    /// What a new bookmark on (section, item) of `model` records. The item's own section wins
    /// over `sectionIndex` when the item exists.
    static func draft(in model: LinkedArticle, sectionIndex: Int, itemID: String?, note: String?, at date: Date) -> Bookmark {
        let article = model.article
        let item = itemID.flatMap { id in model.items.first { $0.id == id } }
        let index = item?.section ?? sectionIndex
        precondition(article.sections.indices.contains(index), "section \(index) is not in '\(article.title)'")
        let section = article.sections[index]
        return Bookmark(id: 0, articleTitle: article.title, articleHash: ArticleIdentity(model).contentHash,
                        sectionID: section.id, heading: Self.heading(of: section), sectionPath: path(to: index, in: article),
                        itemID: itemID, itemName: item?.name, note: note, createdAt: date,
                        noteUpdatedAt: note == nil ? nil : date)
    }

    /// Headings from the top down to section `index`, itself included (`["(lead)"]` for the lead).
    static func path(to index: Int, in article: Article) -> [String] {
        index == 0 ? [heading(of: article.sections[0])] : article.path(to: index).map { heading(of: article.sections[$0]) }
    }

    /// The heading a bookmark records for a section: the lead has no heading of its own.
    static func heading(of section: Section) -> String { section.isLead ? "(lead)" : section.title }

    /// This bookmark as it would be made now where it lands in `model` (`place`): the id,
    /// heading and path of that section, and its item's name as the article writes it. What
    /// it was made with is what `place(of:in:)` follows after an edit; once followed, the path
    /// shown is the one it leads to (a heading moved under another parent, say), not the old
    /// one. Orphaned, it keeps its old heading: there is nothing else to show.
    func anchored(at place: BookmarkPlace, in model: LinkedArticle) -> Bookmark {
        var anchored = self
        let index: Int
        switch place {
        case .orphaned:
            return self
        case .section(let section):
            index = section
        case .item(let id):
            guard case .item(let found)? = model.node(id: id) else { return self }
            anchored.itemName = model.items[found].name
            index = model.items[found].section
        }
        let section = model.article.sections[index]
        anchored.sectionID = section.id
        anchored.heading = Self.heading(of: section)
        anchored.sectionPath = Self.path(to: index, in: model.article)
        return anchored
    }

    /// Whether this bookmark, placed in `model`, is the one on (section, item).
    func isAt(sectionIndex: Int, itemID: String?, in model: LinkedArticle) -> Bool {
        guard articleTitle == model.article.title else { return false }
        let place = StateStore.place(of: self, in: model)
        if let itemID { return self.itemID == itemID && place == .item(itemID) }
        return self.itemID == nil && place == .section(sectionIndex)
    }
}
