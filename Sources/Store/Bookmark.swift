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
        self.init(title: model.article.title, contentHash: model.contentHash)
    }
}

/// A saved place in an article: a section, or a See-also topic, example or strategy in it.
///
/// It is anchored by the section id, the heading text *and* a digest of the section's text as
/// they were when it was made (or where it was last found), so `StateStore.place(of:in:)` can
/// follow the heading after the article is edited, and the text when the heading is renamed.
public struct Bookmark: Hashable, Sendable, Identifiable, Codable {
    public var id: Int64
    public var articleTitle: String
    /// The file of the article it was made in (or has been found in since), absolute with
    /// symbolic links resolved (`BookmarkFile.canonical`), or `BookmarkFile.bundled` for the
    /// bundled article; nil for bookmarks made before files were recorded (schema version 4)
    /// or imported, until they are found in an article by their title. A bookmark follows its
    /// file: an article whose title changed keeps its bookmarks.
    public var articlePath: String?
    /// `ArticleIdentity.contentHash` of the article when the bookmark was made.
    public var articleHash: String
    public var sectionID: String
    /// The heading text when it was made; `(lead)` for the lead.
    public var heading: String
    /// Headings from the top down, ending with `heading` (`["(lead)"]` for the lead).
    public var sectionPath: [String]
    /// `Article.sectionDigest` of its section (its text, or the headings under it): what finds
    /// the section once its heading is renamed.
    /// Nil when the section has no text of its own, and for bookmarks made before digests were
    /// recorded (schema version 5) or imported, until they are found in their article.
    public var bodyDigest: String?
    /// Set when the bookmark is on a See-also topic, example or strategy.
    public var itemID: String?
    /// That item's name when it was made, for display when the article is not open.
    public var itemName: String?
    public var note: String?
    public var createdAt: Date
    /// When the note was last set or cleared (nil: never; schema version 2 on).
    public var noteUpdatedAt: Date?

    public init(id: Int64, articleTitle: String, articlePath: String? = nil, articleHash: String, sectionID: String,
                heading: String, sectionPath: [String], bodyDigest: String? = nil, itemID: String? = nil, itemName: String? = nil,
                note: String? = nil, createdAt: Date, noteUpdatedAt: Date? = nil) {
        self.id = id
        self.articleTitle = articleTitle
        self.articlePath = articlePath
        self.articleHash = articleHash
        self.sectionID = sectionID
        self.heading = heading
        self.sectionPath = sectionPath
        self.bodyDigest = bodyDigest
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
        return Bookmark(id: 0, articleTitle: article.title, articlePath: BookmarkFile.of(article),
                        articleHash: ArticleIdentity(model).contentHash, sectionID: section.id, heading: Self.heading(of: section),
                        sectionPath: path(to: index, in: article), bodyDigest: article.sectionDigest(at: index), itemID: itemID,
                        itemName: item?.name, note: note,
                        createdAt: date, noteUpdatedAt: note == nil ? nil : date)
    }

    /// Headings from the top down to section `index`, itself included (`["(lead)"]` for the lead).
    static func path(to index: Int, in article: Article) -> [String] {
        index == 0 ? [heading(of: article.sections[0])] : article.path(to: index).map { heading(of: article.sections[$0]) }
    }

    /// The heading a bookmark records for a section: the lead has no heading of its own.
    static func heading(of section: Section) -> String { section.isLead ? "(lead)" : section.title }

    /// This bookmark as it would be made now where it lands in `site` (`place`), the article
    /// of `file` (its `BookmarkFile.canonical` path; nil keeps the one recorded): that
    /// article's title and file, and the id, heading, path and body digest of that section,
    /// and its item's name as the article writes it. What it was made with is what
    /// `place(of:in:)` follows after an edit; once followed, the path shown is the one it
    /// leads to (a heading moved under another parent, or renamed, say), not the old one, and
    /// the title is the article's now (a title changed in the file it was made in). Orphaned,
    /// it keeps its old heading: there is nothing else to show; and its file, unless `file` is
    /// that one: an article of the same title it does not resolve in is not its article
    /// (while its own file was away, opening another file of that title re-pointed it
    /// there for good, "orphaned" even once its file was back).
    ///
    /// The body digest is taken again wherever the bookmark is found, as the heading is, and
    /// saved with it (`StateStore.bookmarks(on:)`): so a bookmark made before digests were
    /// recorded gets one the first time it is placed, and one whose section's text was edited
    /// follows that text. A later rename is then followed; a rename together with an edit of
    /// the text, between two placings, is not (nothing it recorded is left). It is not kept
    /// for an article that still has the text the bookmark was made in (`articleHash`): that
    /// hash is never brought up to date, so most older bookmarks would never get a digest, and
    /// a section found by its heading is trusted already to give the bookmark its id and path.
    ///
    /// Found in another file of its title (its own away), it moves there only when its
    /// section's text is the one it recorded (`bodyDigest`), a file moved or renamed; else it is
    /// shown there and recorded as it was (opened while its own file was away for a
    /// moment, another file's "Sec Two", of other text, took it for good).
    func anchored(at place: BookmarkPlace, in site: some BookmarkSite, file: String?) -> Bookmark {
        var anchored = self
        let ownFile = file == nil || articlePath == nil || file == articlePath
        if place == .orphaned {
            if ownFile { anchored.articleTitle = site.article.title }
            return anchored
        }
        let index: Int
        var itemName: String?
        switch place {
        case .orphaned:
            return anchored
        case .section(let section):
            index = section
        case .item(let id):
            guard let found = site.itemIndex(id: id) else { return anchored }
            index = site.items[found].section
            itemName = site.items[found].name
        }
        guard ownFile || bodyDigest.map({ $0 == site.article.sectionDigest(at: index) }) == true else { return anchored }
        if let itemName { anchored.itemName = itemName }
        anchored.articleTitle = site.article.title
        if let file { anchored.articlePath = file }
        let section = site.article.sections[index]
        anchored.sectionID = section.id
        anchored.heading = Self.heading(of: section)
        anchored.sectionPath = Self.path(to: index, in: site.article)
        anchored.bodyDigest = site.article.sectionDigest(at: index)
        return anchored
    }

    /// `anchored(at:in:file:)` in the open article `model`, whose file is its own.
    func anchored(at place: BookmarkPlace, in model: LinkedArticle) -> Bookmark {
        anchored(at: place, in: model, file: BookmarkFile.of(model.article))
    }

    /// Whether this bookmark is of the article in `file` (as `BookmarkFile.of` names it)
    /// titled `title`: made in that file, or, when the file it records is not there (or none
    /// is recorded), made in an article of that title. A file it records that is still there
    /// is its article, whatever its title now.
    func isOf(file: String?, title: String) -> Bool {
        if let articlePath {
            if articlePath == file { return true }
            if BookmarkFile.isThere(articlePath) { return false }
        }
        return articleTitle == title
    }

    /// Whether this bookmark, placed in `model` (of `file`), is the one on (section, item).
    func isAt(sectionIndex: Int, itemID: String?, in model: LinkedArticle, file: String?) -> Bool {
        guard isOf(file: file, title: model.article.title) else { return false }
        let place = StateStore.place(of: self, in: model)
        if let itemID { return self.itemID != nil && place == .item(itemID) }
        return self.itemID == nil && place == .section(sectionIndex)
    }
}

/// What placing a bookmark reads of an article: its sections and its classified items.
/// `LinkedArticle` is one (the article open); `ArticleOutline` is one read without linking
/// (another article of the folder, whose bookmarks are shown too).
public protocol BookmarkSite {
    var article: Article { get }
    var items: [Item] { get }
    /// The index in `items` of the item with this id.
    func itemIndex(id: String) -> Int?
}

extension LinkedArticle: BookmarkSite {
    public func itemIndex(id: String) -> Int? {
        if case .item(let index)? = node(id: id) { index } else { nil }
    }
}

/// An article parsed and classified, not linked: enough to tell where its bookmarks land, at a
/// fraction of the cost of linking it (the folder's other articles, `bookmarks list`).
public struct ArticleOutline: BookmarkSite, Sendable {
    public let article: Article
    public let items: [Item]
    private let itemIndices: [String: Int]

    public init(_ article: Article) {
        self.article = article
        items = Classifier().classify(article)
        var indices: [String: Int] = [:]
        for (index, item) in items.enumerated() { indices[item.id] = index }
        itemIndices = indices
    }

    /// The article at `path` (the bundled one when nil). Its links file is not read: curated
    /// links name places, they make none.
    public static func load(path: String?) throws -> ArticleOutline {
        ArticleOutline(try ArticleLoader.text(path: path))
    }

    public func itemIndex(id: String) -> Int? { itemIndices[id] }
}

/// How bookmarks name files: one spelling per file, whatever way it was reached.
public enum BookmarkFile {
    /// `path` absolute, with `.`, `..` and symbolic links resolved (a folder reached through a
    /// link is the same files); a path that does not exist, absolute as it is written.
    public static func canonical(_ path: String) -> String {
        if let resolved = realpath(path, nil) {
            defer { free(resolved) }
            return String(cString: resolved)
        }
        return URL(fileURLWithPath: path).standardizedFileURL.path
    }

    /// What a bookmark of the bundled article records as its file: no file has this path,
    /// which is not absolute.
    public static let bundled = "(bundled)"

    /// The file an article was read from, as a bookmark records it (`bundled` for the bundled
    /// article).
    public static func of(_ article: Article) -> String {
        of(path: article.path)
    }

    /// The file of the article read from `path`, as `Article.path` names it.
    public static func of(path: String) -> String {
        ArticleLoader.isBundled(path: path) ? bundled : canonical(path)
    }

    /// Whether a recorded file is still there (the bundled article always is).
    static func isThere(_ file: String) -> Bool {
        file == bundled || FileCheck.exists(file)
    }

    /// `file` (absolute) as the explorer and the command line show it: from the current
    /// folder when it is below it (`arts/beta.txt`), as the folder's files are spelled, else whole.
    public static func shown(_ file: String, from directory: String = FileManager.default.currentDirectoryPath) -> String {
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        return file.hasPrefix(prefix) ? String(file.dropFirst(prefix.count)) : file
    }
}
