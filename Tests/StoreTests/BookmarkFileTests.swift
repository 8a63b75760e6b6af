@testable import Content
import Foundation
import Testing

@testable import Store

/// A bookmark belongs to the file it was made in: a title changed in that file keeps its
/// bookmarks, and whether a bookmark's section is still there is known in whichever article of
/// the folder it is, not only in the one open.
@Suite struct BookmarkFileTests {
    let folder: TemporaryDirectory
    let store: StateStore
    let articles: URL

    static let alpha = "= Alpha =\n\nAlpha text.\n\n== Notes ==\n\nSome notes.\n\n== See also ==\n\n- Beta\n"
    static let beta = "= Beta =\n\nBeta text.\n\n== Culture ==\n\nSongs.\n\n== Geography ==\n\nRivers.\n\n== See also ==\n\n- Alpha\n"

    init() throws {
        folder = try TemporaryDirectory()
        store = try StateStore(directory: folder.file("data"))
        articles = folder.file("arts")
        try FileManager.default.createDirectory(at: articles, withIntermediateDirectories: true)
        try write("alpha.txt", Self.alpha)
        try write("beta.txt", Self.beta)
    }

    func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: articles.appendingPathComponent(name))
    }

    func path(_ name: String) -> String { articles.appendingPathComponent(name).path }

    func load(_ name: String) throws -> LinkedArticle { try ArticleLoader.load(path: path(name)) }

    /// The folder's articles as the explorer's catalog lists them, in path order.
    func shelf() throws -> BookmarkShelf {
        let entries = try ["alpha.txt", "beta.txt"].map { BookmarkShelf.Entry(path: path($0), title: try load($0).article.title) }
        return BookmarkShelf(entries: entries)
    }

    @Test func aBookmarkRecordsItsFile() throws {
        let beta = try load("beta.txt")
        let bookmark = try store.addBookmark(in: beta, sectionIndex: beta.sectionIndex("Culture"))
        #expect(bookmark.articlePath == BookmarkFile.canonical(path("beta.txt")))
        #expect(try store.bookmarks().first?.articlePath == bookmark.articlePath)
        // The bundled article has no file: it is named as no file is.
        #expect(try store.addBookmark(in: ArticleLoader.bundled(), sectionIndex: 1).articlePath == BookmarkFile.bundled)
    }

    /// A bookmark of the bundled article stays its, in a folder that has a copy of it too: in
    /// the folder, it is in the bundled article; alone, the bundled article finds it.
    @Test func aBookmarkOfTheBundledArticleStaysIts() throws {
        let bundled = try ArticleLoader.bundled()
        let bookmark = try store.addBookmark(in: bundled, sectionIndex: 1)
        try write("copy.txt", EmbeddedAssets.textByName[ArticleLoader.bundledArticleName] ?? "")
        let copy = try load("copy.txt")
        let shelf = BookmarkShelf(entries: [BookmarkShelf.Entry(path: path("copy.txt"), title: copy.article.title)])
        shelf.use(copy)
        #expect(try store.bookmarks(on: shelf).map(\.location) == [.elsewhere(file: BookmarkFile.bundled, place: .section(1))])
        #expect(try store.bookmarks(placedIn: bundled).map(\.place) == [.section(1)])
        #expect(try store.bookmarks(at: 1, in: copy).isEmpty && store.bookmarks(at: 1, in: bundled) == [bookmark])
    }

    /// QA: "= Beta =" became "= Beta River =": its bookmark said it was in "Beta", which no
    /// article is called any more, and Beta River's Culture had no ★.
    @Test func aRetitledArticleKeepsItsBookmarks() throws {
        let beta = try load("beta.txt")
        let bookmark = try store.addBookmark(in: beta, sectionIndex: beta.sectionIndex("Culture"))
        try write("beta.txt", Self.beta.replacingOccurrences(of: "= Beta =", with: "= Beta River ="))
        let river = try load("beta.txt")

        let placed = try store.bookmarks(placedIn: river)
        #expect(placed.map(\.place) == [.section(try river.sectionIndex("Culture"))])
        #expect(placed.first?.bookmark.articleTitle == "Beta River")
        // Saved so: `bookmarks list` and the next start read the title it has now.
        #expect(try StateStore(directory: folder.file("data")).bookmarks().map(\.articleTitle) == ["Beta River"])
        // `m` on it finds it, rather than making a second one.
        let toggled = try store.toggleBookmark(in: river, sectionIndex: river.sectionIndex("Culture"))
        #expect(!toggled.added && toggled.bookmark.id == bookmark.id)
    }

    /// Found through the file before anything else: with another article open, the retitled
    /// one's bookmark is in it, under its new title.
    @Test func theFolderFindsABookmarkByItsFileWhateverTheTitle() throws {
        let beta = try load("beta.txt")
        try store.addBookmark(in: beta, sectionIndex: beta.sectionIndex("Culture"))
        try write("beta.txt", Self.beta.replacingOccurrences(of: "= Beta =", with: "= Beta River ="))
        let shelf = try shelf()
        shelf.use(try load("alpha.txt"))
        let located = try store.bookmarks(on: shelf)
        #expect(located.map(\.location) == [.article(1, place: .section(try load("beta.txt").sectionIndex("Culture")))])
        #expect(located.map(\.bookmark.articleTitle) == ["Beta River"])
    }

    /// Nothing ties it to an article any more: its file is gone and no article has its title.
    @Test func aBookmarkWhoseFileIsGoneIsSaidSo() throws {
        let beta = try load("beta.txt")
        try store.addBookmark(in: beta, sectionIndex: beta.sectionIndex("Culture"))
        try FileManager.default.removeItem(atPath: path("beta.txt"))
        let shelf = BookmarkShelf(entries: [BookmarkShelf.Entry(path: path("alpha.txt"), title: "Alpha")])
        let located = try store.bookmarks(on: shelf)
        #expect(located.map(\.location) == [.gone(file: BookmarkFile.canonical(path("beta.txt")))])
        #expect(located.map(\.bookmark.articleTitle) == ["Beta"], "the title it had, the only name left for it")
    }

    /// A file moved (renamed) is found again by its title, and the bookmark records its new file.
    @Test func aMovedFileIsFoundByItsTitle() throws {
        let beta = try load("beta.txt")
        try store.addBookmark(in: beta, sectionIndex: beta.sectionIndex("Culture"))
        try FileManager.default.moveItem(atPath: path("beta.txt"), toPath: path("b.txt"))
        let shelf = BookmarkShelf(entries: [BookmarkShelf.Entry(path: path("alpha.txt"), title: "Alpha"),
                                            BookmarkShelf.Entry(path: path("b.txt"), title: "Beta")])
        let located = try store.bookmarks(on: shelf)
        #expect(located.map(\.location) == [.article(1, place: .section(try ArticleLoader.load(path: path("b.txt")).sectionIndex("Culture")))])
        #expect(try store.bookmarks().map(\.articlePath) == [BookmarkFile.canonical(path("b.txt"))])
    }

    /// QA 14a (D3): its folder away for a while (unmounted), and another file of its title read,
    /// where its section is not: the bookmark was re-pointed to that file for good, and said
    /// "orphaned" there once its own file was back.
    @Test func anOrphanKeepsItsFileWhileItIsAway() throws {
        let other = try TemporaryDirectory()
        let away = other.file("away").path
        let beta = try load("beta.txt")
        try store.addBookmark(in: beta, sectionIndex: beta.sectionIndex("Culture"), note: "Only in beta")
        let own = BookmarkFile.canonical(path("beta.txt"))
        try FileManager.default.moveItem(atPath: articles.path, toPath: away)
        let second = other.file("g.txt").path
        try Data("= Beta =\n\nAnother text.\n\n== Roads ==\n\nMany.\n".utf8).write(to: URL(fileURLWithPath: second))
        let located = try store.bookmarks(on: BookmarkShelf(entries: [BookmarkShelf.Entry(path: second, title: "Beta")]))
        #expect(located.map(\.location) == [.article(0, place: .orphaned)])
        #expect(try store.bookmarks().map(\.articlePath) == [own])
        try FileManager.default.moveItem(atPath: away, toPath: articles.path)
        #expect(try store.bookmarks(on: shelf()).map(\.location) == [.article(1, place: .section(try beta.sectionIndex("Culture")))])
    }

    /// QA 15a: its file away for a moment (a checkout, an rsync), and another file of its title
    /// read, whose section of that heading has other text: shown there, and recorded as it
    /// was, so that it is back in its own file when that is back. A file of its title whose
    /// section has the text it was made on is its file moved (`aMovedFileIsFoundByItsTitle`).
    @Test func anotherFileOfItsTitleDoesNotTakeItWhileItsOwnIsAway() throws {
        let beta = try load("beta.txt")
        let made = try store.addBookmark(in: beta, sectionIndex: beta.sectionIndex("Culture"), note: "mine")
        let other = try TemporaryDirectory()
        let away = other.file("away").path
        try FileManager.default.moveItem(atPath: articles.path, toPath: away)
        let second = other.file("g.txt").path
        try Data("= Beta =\n\nAnother lead.\n\n== Culture ==\n\nOther songs.\n".utf8).write(to: URL(fileURLWithPath: second))
        let located = try store.bookmarks(on: BookmarkShelf(entries: [BookmarkShelf.Entry(path: second, title: "Beta")]))
        #expect(located.map(\.location) == [.article(0, place: .section(try ArticleLoader.load(path: second).sectionIndex("Culture")))])
        #expect(try store.bookmarks() == [made], "recorded as it was: its file, heading and digest")
        try FileManager.default.moveItem(atPath: away, toPath: articles.path)
        #expect(try store.bookmarks(on: shelf()).map(\.location) == [.article(1, place: .section(try beta.sectionIndex("Culture")))])
    }

    /// A file that is still there is the bookmark's article, whatever has its old title: not
    /// another folder's copy of it, nor a file that took the title.
    @Test func aFileStillThereWinsOverTheTitle() throws {
        let beta = try load("beta.txt")
        try store.addBookmark(in: beta, sectionIndex: beta.sectionIndex("Culture"))
        try write("beta.txt", Self.beta.replacingOccurrences(of: "= Beta =", with: "= Beta River =")
            .replacingOccurrences(of: "== Culture ==\n\nSongs.", with: "== Music ==\n\nTunes."))
        let other = try TemporaryDirectory()
        let copy = other.file("beta.txt").path
        try Data(Self.beta.utf8).write(to: URL(fileURLWithPath: copy))
        let shelf = BookmarkShelf(entries: [BookmarkShelf.Entry(path: copy, title: "Beta")])
        let located = try store.bookmarks(on: shelf)
        // Read where it is: its title now, and its section gone there.
        #expect(located.map(\.location) == [.elsewhere(file: BookmarkFile.canonical(path("beta.txt")), place: .orphaned)])
        #expect(located.map(\.bookmark.articleTitle) == ["Beta River"])
    }

    /// Made before files were recorded (or imported): found by its title, and from then on by
    /// its file.
    @Test func aBookmarkWithoutAFileIsFoundByItsTitleAndGetsOne() throws {
        let beta = try load("beta.txt")
        var old = try store.addBookmark(in: beta, sectionIndex: beta.sectionIndex("Culture"))
        try store.database.run("UPDATE bookmark SET article_path = NULL")
        old.articlePath = nil
        #expect(try store.bookmarks() == [old])
        #expect(try store.bookmarks(on: shelf()).map(\.location) == [.article(1, place: .section(try beta.sectionIndex("Culture")))])
        #expect(try store.bookmarks().map(\.articlePath) == [BookmarkFile.canonical(path("beta.txt"))])
        // Unknown when no article has its title.
        try store.database.run("UPDATE bookmark SET article_path = NULL, article_title = 'Gamma'")
        #expect(try store.bookmarks(on: shelf()).map(\.location) == [.unknown])
    }

    /// A folder reached through a symbolic link is the same files.
    @Test func aFolderThroughALinkIsTheSameFiles() throws {
        let link = folder.file("link").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: articles.path)
        let beta = try ArticleLoader.load(path: link + "/beta.txt")
        let bookmark = try store.addBookmark(in: beta, sectionIndex: beta.sectionIndex("Culture"))
        #expect(bookmark.articlePath == BookmarkFile.canonical(path("beta.txt")))
        try write("beta.txt", Self.beta.replacingOccurrences(of: "= Beta =", with: "= Beta River ="))
        #expect(try store.bookmarks(on: shelf()).map(\.location) == [.article(1, place: .section(try beta.sectionIndex("Culture")))])
    }

    /// An article that is a link to a file elsewhere (or in the folder, under another name):
    /// its bookmarks, which record the file linked to, are in it (QA 28: "in outside/real.txt:
    /// open that file to follow it", with that article open, and `m` there "Already bookmarked").
    @Test func anArticleThatIsALinkHasItsBookmarks() throws {
        let outside = folder.file("outside")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try Data(Self.beta.utf8).write(to: outside.appendingPathComponent("real.txt"))
        try FileManager.default.removeItem(atPath: path("beta.txt"))
        try FileManager.default.createSymbolicLink(atPath: path("beta.txt"), withDestinationPath: "../outside/real.txt")
        let beta = try load("beta.txt")
        let culture = try beta.sectionIndex("Culture")
        let bookmark = try store.addBookmark(in: beta, sectionIndex: culture)
        #expect(bookmark.articlePath == BookmarkFile.canonical(outside.appendingPathComponent("real.txt").path))
        #expect(try store.bookmarks(on: shelf()).map(\.location) == [.article(1, place: .section(culture))])
        // Opened alone through the link, as in a folder.
        #expect(try store.bookmarks(on: BookmarkShelf(beta)).map(\.location) == [.article(0, place: .section(culture))])
        // A second link to it earlier in the folder: the bookmark is in that one, which opens.
        try FileManager.default.createSymbolicLink(atPath: path("a-link.txt"), withDestinationPath: "beta.txt")
        let entries = try ["a-link.txt", "alpha.txt", "beta.txt"].map { BookmarkShelf.Entry(path: path($0), title: try load($0).article.title) }
        #expect(try store.bookmarks(on: BookmarkShelf(entries: entries)).map(\.location) == [.article(0, place: .section(culture))])
    }

    /// QA 29: the other way round: a bookmark made in the file, which then moved away and left
    /// a link in its place; the bookmark records the file's old place, now the link.
    @Test func aFileMadeALinkSinceKeepsItsBookmarks() throws {
        let beta = try load("beta.txt")
        let culture = try beta.sectionIndex("Culture")
        let bookmark = try store.addBookmark(in: beta, sectionIndex: culture)
        #expect(bookmark.articlePath == BookmarkFile.canonical(path("beta.txt")))
        let notes = folder.file("notes")
        try FileManager.default.createDirectory(at: notes, withIntermediateDirectories: true)
        try FileManager.default.moveItem(atPath: path("beta.txt"), toPath: notes.appendingPathComponent("beta.txt").path)
        try FileManager.default.createSymbolicLink(atPath: path("beta.txt"), withDestinationPath: notes.appendingPathComponent("beta.txt").path)
        #expect(try store.bookmarks(on: shelf()).map(\.location) == [.article(1, place: .section(culture))])
        #expect(try store.bookmarks(on: BookmarkShelf(try load("beta.txt"))).map(\.location) == [.article(0, place: .section(culture))])
    }

    /// QA: with Danube open its deleted and renamed sections were orphaned; with another
    /// article open they were plain bookmarks. They are orphaned whichever is open. (Renamed
    /// and rewritten here: a section renamed with its text left as it was is followed.)
    @Test func anOrphanIsKnownWithAnotherArticleOpen() throws {
        let beta = try load("beta.txt")
        try store.addBookmark(in: beta, sectionIndex: beta.sectionIndex("Culture"))
        try store.addBookmark(in: beta, sectionIndex: beta.sectionIndex("Geography"))
        try write("beta.txt", Self.beta.replacingOccurrences(of: "== Culture ==\n\nSongs.\n\n", with: "")
            .replacingOccurrences(of: "== Geography ==\n\nRivers.", with: "== Lower course ==\n\nDeltas."))
        let shelf = try shelf()
        shelf.use(try load("alpha.txt"))
        let located = try store.bookmarks(on: shelf)
        #expect(located.map(\.location) == [.article(1, place: .orphaned), .article(1, place: .orphaned)])
        #expect(located.map(\.bookmark.displayPath) == ["Geography", "Culture"], "with their old headings")
        // As `bookmarks list` sees them: each read in its file.
        let listed = try store.bookmarks(on: BookmarkShelf(entries: []), saving: false)
        #expect(listed.map(\.location) == Array(repeating: .elsewhere(file: BookmarkFile.canonical(path("beta.txt")), place: .orphaned), count: 2))
    }

    /// Found in another article, a bookmark is anchored where it leads there, as in the one open.
    @Test func aBookmarkInAnotherArticleIsAnchoredThere() throws {
        let beta = try load("beta.txt")
        try store.addBookmark(in: beta, sectionIndex: beta.sectionIndex("Culture"))
        try write("beta.txt", Self.beta.replacingOccurrences(of: "== Culture ==", with: "== Geography ==\n\n=== Culture ===")
            .replacingOccurrences(of: "== Geography ==\n\nRivers.", with: "== Hills ==\n\nRivers."))
        let shelf = try shelf()
        shelf.use(try load("alpha.txt"))
        #expect(try store.bookmarks(on: shelf).map(\.bookmark.displayPath) == ["Geography › Culture"])
        #expect(try store.bookmarks().map(\.displayPath) == ["Geography › Culture"])
    }

    /// `saving: false` (`bookmarks list`) shows them anchored and writes nothing.
    @Test func listingWritesNothing() throws {
        let beta = try load("beta.txt")
        try store.addBookmark(in: beta, sectionIndex: beta.sectionIndex("Culture"))
        try write("beta.txt", Self.beta.replacingOccurrences(of: "= Beta =", with: "= Beta River ="))
        let listed = try store.bookmarks(on: BookmarkShelf(entries: []), saving: false)
        #expect(listed.map(\.bookmark.articleTitle) == ["Beta River"])
        #expect(try store.bookmarks().map(\.articleTitle) == ["Beta"])
    }

    /// `bookmarks list` never marked an orphaned bookmark, and named a retitled article by its
    /// old title: it reads each bookmark's file, and shows them as the Bookmarks pane does.
    @Test func bookmarksListShowsEachWhereItIsNow() throws {
        let data = folder.file("cli").path
        func run(_ arguments: String...) throws -> (status: Int32, stdout: String, stderr: String) {
            try seealso(["bookmarks"] + arguments + ["--data-dir", data], in: folder)
        }
        #expect(try run("add", path("beta.txt"), "--section", "Culture").status == 0)
        #expect(try run("add", path("beta.txt"), "--section", "Geography").status == 0)
        #expect(try run("add", path("alpha.txt"), "--section", "Notes").status == 0)
        #expect(try run("add", "--section", "Background").status == 0)
        try write("beta.txt", Self.beta.replacingOccurrences(of: "= Beta =", with: "= Beta River =")
            .replacingOccurrences(of: "== Culture ==\n\nSongs.\n\n", with: ""))
        try FileManager.default.removeItem(atPath: path("alpha.txt"))

        let list = try run("list")
        #expect(list.status == 0)
        let rows = list.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: "  ").prefix(3).map { $0.trimmingCharacters(in: .whitespaces) } }
        #expect(rows == [["#4", "Dual power", "Background"], ["#3", "Alpha", "file gone: Notes"],
                         ["#2", "Beta River", "Geography"], ["#1", "Beta River", "orphaned: Culture"]], "\(list.stdout)")
        // Listing changed nothing.
        #expect(try StateStore(directory: URL(fileURLWithPath: data)).bookmarks().map(\.articleTitle) == ["Dual power", "Alpha", "Beta", "Beta"])
    }
}
