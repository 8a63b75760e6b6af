import Content
import Foundation
import Testing
@testable import seealso
@testable import Store
@testable import TUI

/// Files of a folder edited, removed, retitled and added while the explorer runs on it, with
/// real files (QA: a folder session kept each article as first read for the whole run: an
/// edited article showed its old text, a deleted one still opened, a file retitled opened
/// under its old title, and a new file could not be reached).
@MainActor
@Suite("Articles changed on disk")
struct ChangedOnDiskTests {
    nonisolated static let alpha = "= Alpha =\nAlpha lead.\n\n== Part one ==\nAlpha one.\n\n== See also ==\n- Beta\n- Gamma\n- Delta\n"
    nonisolated static let beta = "= Beta =\nBeta lead.\n\n== Early ==\nBeta early.\n\n== Late ==\nBeta late.\n\n== See also ==\n- Alpha\n"
    nonisolated static let gamma = "= Gamma =\nGamma lead.\n\n== See also ==\n- Alpha\n"
    /// Beta with a paragraph added before Late: Late's blocks move down.
    nonisolated static let betaEdited = beta.replacingOccurrences(of: "Beta early.\n", with: "Beta early.\n\nAn added paragraph.\n")

    /// A folder `f/` of Alpha, Beta and Gamma, which name each other in their See also, and an
    /// explorer on it (no bookmark store), its index in a folder of the test's own.
    final class Folder {
        let directory: TemporaryDirectory
        var folder: String { directory.file("f").path }
        /// Modification times set by hand, each later than the last: an edit within one tick
        /// of the file system's clock could otherwise keep the file's stamp.
        private var clock: TimeInterval = 1_700_000_000

        init() throws {
            directory = try TemporaryDirectory()
            try FileManager.default.createDirectory(atPath: directory.file("f").path, withIntermediateDirectories: true)
            try write("alpha.txt", ChangedOnDiskTests.alpha)
            try write("beta.txt", ChangedOnDiskTests.beta)
            try write("gamma.txt", ChangedOnDiskTests.gamma)
        }

        func path(_ name: String) -> String { folder + "/" + name }

        /// `text` written over the file in place (same inode), as an editor that truncates does.
        func write(_ name: String, _ text: String) throws {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path(name)))
            clock += 10
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: clock)], ofItemAtPath: path(name))
        }

        func remove(_ name: String) throws { try FileManager.default.removeItem(atPath: path(name)) }

        /// The folder's index, in a folder of the test's own.
        var index: URL { directory.file("cache") }
    }

    /// A session and its state, driven as the runtime drives them.
    @MainActor
    final class Reader {
        let session: ExplorerSession
        var state: AppState

        init(_ session: ExplorerSession) {
            self.session = session
            state = session.startUp(session.explorer.initialState(size: Size(width: 120, height: 40)), start: nil, restore: false)
        }

        var title: String { session.explorer.model.article.title }

        func apply(_ action: Action) { state = session.apply(action, to: state) }

        /// Keys typed, each as the runtime hands it over.
        func press(_ keys: Key...) {
            for key in keys { apply(session.explorer.action(for: .key(key), in: state)) }
        }

        func type(_ text: String) {
            for character in text { press(.character(character)) }
        }

        /// The finder opened, its results' titles read, and closed.
        func finderTitles() -> [String] {
            press(.character(":"))
            let titles = state.finder?.results.filter { $0.entry.kind == .article }.map(\.entry.title) ?? []
            press(.escape)
            return titles
        }

        /// `query` chosen in the finder.
        func goTo(_ query: String) {
            press(.character(":"))
            type(query)
            press(.enter)
        }

        func open(_ title: String) { apply(.follow(.article(title))) }

        func section(_ heading: String) throws -> Int {
            try #require(session.explorer.model.article.sections.firstIndex { $0.title == heading })
        }

        /// Reads section `heading`: it is at the top of the reader.
        func read(_ heading: String) throws { apply(.follow(.section(try section(heading)))) }

        var currentSection: String { session.explorer.model.article.sections[session.explorer.currentSection(state)].title }

        /// Whether the reader shows `text` in the article's text.
        func shows(_ text: String) -> Bool {
            session.explorer.readerDocument(state).blocks.contains { $0.spans.contains { $0.text.contains(text) } }
        }
    }

    // MARK: - Switching to an article (item 1)

    /// Beta edited after it was read: back in it by L, by a link and by the finder, its new
    /// text is shown, at the place the reader left, and it is said.
    @Test func anArticleEditedSinceItWasReadIsReadAgainWhenSwitchedTo() throws {
        let files = try Folder()
        let reader = try files.explorer()
        reader.open("Beta")
        try reader.read("Late")
        reader.open("Alpha")
        try files.write("beta.txt", Self.betaEdited)

        reader.press(.character("H"))
        #expect(reader.title == "Beta")
        #expect(reader.state.notice == "“Beta” changed on disk: reloaded")
        #expect(reader.shows("An added paragraph."))
        #expect(reader.currentSection == "Late", "the place the reader left, in the text as it is now")

        // Read again once only: the next visits show it as it is, and say nothing.
        reader.open("Alpha")
        reader.open("Beta")
        #expect(reader.title == "Beta")
        #expect(reader.state.notice == nil)
        try files.write("beta.txt", Self.betaEdited + "\n== Later ==\nBy a link.\n")
        reader.open("Alpha")
        reader.open("Beta")
        #expect(reader.state.notice == "“Beta” changed on disk: reloaded")
        #expect(reader.shows("By a link."))
        try files.write("beta.txt", Self.betaEdited + "\n== Latest ==\nBy the finder.\n")
        reader.open("Alpha")
        reader.goTo("Beta")
        #expect(reader.title == "Beta")
        #expect(reader.state.notice == "“Beta” changed on disk: reloaded")
        #expect(reader.shows("By the finder."))
    }

    /// Its links file beside it is part of the article: an edit there reads it again too.
    @Test func anEditedLinksFileReadsTheArticleAgain() throws {
        let files = try Folder()
        let reader = try files.explorer()
        reader.open("Beta")
        reader.open("Alpha")
        try files.write("beta.links.toml", "[[link]]\nfrom = \"section: Early\"\nto = \"section: Late\"\ntype = \"related\"\n"
                        + "rationale = \"One comes before the other.\"\n")
        reader.open("Beta")
        #expect(reader.state.notice == "“Beta” changed on disk: reloaded")
    }

    /// Beta deleted after it was read: it does not open with its old text; why is said, and
    /// the reader stays where it was.
    @Test func anArticleDeletedSinceItWasReadIsNotShown() throws {
        let files = try Folder()
        let reader = try files.explorer()
        reader.open("Beta")
        reader.open("Alpha")
        try files.remove("beta.txt")
        reader.open("Beta")
        #expect(reader.title == "Alpha")
        let notice = try #require(reader.state.notice)
        #expect(notice.hasPrefix("“Beta” could not be opened: \(files.path("beta.txt")): "), "\(notice)")
    }

    /// QA 25: Beta renamed (`mv beta.txt zeta.txt`) after the folder was listed: a link to it
    /// said "no such file" until the finder listed the folder again. The folder is listed
    /// again then, and Beta opens from its new file.
    @Test func anArticleRenamedSinceTheFolderWasListedOpensFromItsNewFile() throws {
        let files = try Folder()
        let reader = try files.explorer()
        try FileManager.default.moveItem(atPath: files.path("beta.txt"), toPath: files.path("zeta.txt"))
        reader.open("Beta")
        #expect(reader.title == "Beta", "\(reader.state.notice ?? "")")
        #expect(reader.session.explorer.model.article.path == files.path("zeta.txt"))
        // Deleted for good, it is still said.
        reader.open("Alpha")
        try files.remove("zeta.txt")
        reader.open("Beta")
        #expect(reader.title == "Alpha")
        #expect(reader.state.notice?.hasPrefix("“Beta” could not be opened: ") == true, "\(reader.state.notice ?? "")")
    }

    /// Beta no longer parsing: the same, with the parser's reason.
    @Test func anArticleThatNoLongerParsesIsNotShown() throws {
        let files = try Folder()
        let reader = try files.explorer()
        reader.open("Beta")
        reader.open("Alpha")
        try files.write("beta.txt", "== no title ==\n")
        reader.open("Beta")
        #expect(reader.title == "Alpha")
        #expect(reader.state.notice?.hasPrefix("“Beta” could not be opened: \(files.path("beta.txt")):1: ") == true, "\(reader.state.notice ?? "")")
    }

    /// gamma.txt rewritten as Zeta before Gamma was opened: "Gamma" does not open Zeta under
    /// Gamma's name (its history step, its bookmarks); that is said, and Zeta is an article
    /// of its own, which the finder lists once it is opened.
    @Test func aFileRetitledIsNotOpenedUnderItsOldTitle() throws {
        let files = try Folder()
        let reader = try files.explorer()
        try files.write("gamma.txt", "= Zeta =\nZeta lead.\n")
        reader.open("Gamma")
        #expect(reader.title == "Alpha")
        #expect(reader.state.notice == "“Gamma” could not be opened: \(files.path("gamma.txt")) is now titled “Zeta”")
        #expect(reader.state.history.back.isEmpty)

        #expect(reader.finderTitles() == ["Beta", "Zeta"])
        reader.goTo("Zeta")
        #expect(reader.title == "Zeta")
        #expect(reader.session.explorer.jumpPath(reader.state) == ["Alpha", "Zeta"])
    }

    /// Retitled after it was read: H or L into it says so too, and stays.
    @Test func aFileRetitledSinceItWasReadIsNotShown() throws {
        let files = try Folder()
        let reader = try files.explorer()
        reader.open("Gamma")
        reader.press(.character("H"))
        try files.write("gamma.txt", "= Zeta =\nZeta lead.\n")
        reader.press(.character("L"))
        #expect(reader.title == "Alpha")
        #expect(reader.state.notice == "“Gamma” could not be opened: \(files.path("gamma.txt")) is now titled “Zeta”")
    }

    // MARK: - New and removed files (item 3)

    /// The finder lists the folder as it is when it opens: a file deleted is gone from it, a
    /// file added is there, and opens.
    @Test func theFinderListsTheFolderAsItIsNow() throws {
        let files = try Folder()
        let reader = try files.explorer()
        #expect(reader.finderTitles() == ["Beta", "Gamma"])
        try files.remove("gamma.txt")
        try files.write("delta.txt", "= Delta =\nDelta lead.\n")
        #expect(reader.finderTitles() == ["Beta", "Delta"])
        reader.goTo("Delta")
        #expect(reader.title == "Delta")
        #expect(reader.shows("Delta lead."))
    }

    /// A See-also topic whose article was not in the folder: once its file is added, the
    /// topic opens the article, not the card that gathers what Alpha says of it.
    @Test func aTopicWhoseFileWasAddedOpensItsArticle() throws {
        let files = try Folder()
        let reader = try files.explorer()
        let delta = try #require(reader.session.explorer.model.items.first { $0.kind == .seeAlso && $0.name == "Delta" }).id
        reader.apply(.follow(.card(delta)))
        #expect(reader.state.reader.content == .card(itemID: delta), "no such article yet")
        reader.press(.character("H"))

        try files.write("delta.txt", "= Delta =\nDelta lead.\n")
        reader.apply(.follow(.card(delta)))
        #expect(reader.title == "Delta")
        #expect(reader.session.explorer.jumpPath(reader.state) == ["Alpha", "Delta"])
        // Delta's explorer knows the folder as listed now: Alpha links here.
        #expect(reader.session.explorer.neighbours.incoming.map(\.article) == ["Alpha"])
    }

    /// An article added since the start is an article of the folder for bookmarks too: one
    /// made there is marked there (★), not taken for a bookmark of a file elsewhere.
    @Test func aBookmarkInAnAddedArticleIsMarkedThere() throws {
        let files = try Folder()
        let reader = try files.explorer(bookmarking: true)
        try files.write("delta.txt", "= Delta =\nDelta lead.\n\n== Body ==\nDelta body.\n")
        reader.goTo("Delta")
        try reader.read("Body")
        reader.press(.character("m"))
        #expect(reader.state.notice?.hasPrefix("Bookmarked: Body") == true, "\(reader.state.notice ?? "")")
        #expect(reader.session.explorer.bookmarkedSections(reader.state) == [try reader.section("Body")])
    }

    // MARK: - The article on screen (item 2)

    /// Beta edited while it is on screen: read again when input pauses, when idle and on the
    /// redraw key, the reader at the same text.
    @Test(arguments: [Action.idle, .pause, .command(.redraw)])
    func theArticleOnScreenIsReadAgainInPlace(moment: Action) throws {
        let files = try Folder()
        let reader = try files.explorer(on: "beta.txt")
        try reader.read("Late")
        try files.write("beta.txt", Self.betaEdited)
        reader.apply(moment)
        #expect(reader.state.notice == "“Beta” changed on disk: reloaded")
        #expect(reader.shows("An added paragraph."))
        #expect(reader.currentSection == "Late")
        #expect(reader.session.explorer.readerTopLine(reader.state) > 0)
        // Said once: the next look finds it as read.
        reader.state.notice = nil
        reader.apply(.idle)
        #expect(reader.state.notice == nil)
    }

    /// A file being written (emptied, half written) does not wipe the screen: the text read
    /// before stays, that is said once, and the file is read again once it changes again.
    @Test func aFileBeingWrittenKeepsTheTextReadBefore() throws {
        let files = try Folder()
        let reader = try files.explorer(on: "beta.txt")
        try reader.read("Late")
        let before = reader.state.reader
        try files.write("beta.txt", "")
        reader.apply(.idle)
        #expect(reader.state.notice?.hasPrefix("Not reloaded: \(files.path("beta.txt")):") == true, "\(reader.state.notice ?? "")")
        #expect(reader.state.notice?.hasSuffix("(the text read before stays)") == true)
        #expect(reader.state.reader == before)
        #expect(reader.shows("Beta late."))

        reader.state.notice = nil
        reader.apply(.idle)
        #expect(reader.state.notice == nil, "not said again while the file is as it was")

        try files.write("beta.txt", String(Self.betaEdited.prefix(30)))
        reader.apply(.idle)
        #expect(reader.state.notice?.hasPrefix("Not reloaded") == true, "half written: said again")

        try files.write("beta.txt", Self.betaEdited)
        reader.apply(.idle)
        #expect(reader.state.notice == "“Beta” changed on disk: reloaded")
        #expect(reader.currentSection == "Late")
    }

    /// Deleted or retitled while on screen: the text read before stays, and why is said.
    @Test func theArticleOnScreenDeletedOrRetitledStays() throws {
        let files = try Folder()
        let reader = try files.explorer(on: "gamma.txt")
        try files.write("gamma.txt", "= Zeta =\nZeta lead.\n")
        reader.apply(.idle)
        #expect(reader.title == "Gamma")
        #expect(reader.state.notice
            == "Not reloaded: \(files.path("gamma.txt")) is now titled “Zeta” (the text read before stays; the finder opens it under its new title)")
        try files.remove("gamma.txt")
        reader.apply(.idle)
        #expect(reader.state.notice?.hasPrefix("Not reloaded: \(files.path("gamma.txt")): ") == true,
                "\(reader.state.notice ?? "")")
        #expect(reader.shows("Gamma lead."))
    }

    /// QA 26: deleted while on screen, then the folder listed again (the finder): "Not reloaded:
    /// it is no longer in the folder", the file not named as every other reason names it.
    @Test func theArticleOnScreenUnlistedNamesItsFile() throws {
        let files = try Folder()
        let reader = try files.explorer(on: "gamma.txt")
        try files.remove("gamma.txt")
        _ = reader.finderTitles()
        reader.apply(.idle)
        #expect(reader.title == "Gamma")
        #expect(reader.state.notice?.hasPrefix("Not reloaded: \(files.path("gamma.txt")) is no longer in the folder") == true,
                "\(reader.state.notice ?? "")")
    }

    /// QA 13a: retitled while on screen, left through the finder (which lists the folder
    /// again, without it), then H back: it said "“Gamma” is not loaded.", the reason lost.
    @Test func backToAnArticleRetitledWhileOnScreenSaysWhy() throws {
        let files = try Folder()
        let reader = try files.explorer(on: "gamma.txt")
        try files.write("gamma.txt", "= Zeta =\nZeta lead.\n")
        reader.apply(.idle)
        reader.goTo("Beta")
        #expect(reader.title == "Beta")
        reader.press(.character("H"))
        #expect(reader.title == "Beta")
        #expect(reader.state.notice == "“Gamma” could not be opened: \(files.path("gamma.txt")) is now titled “Zeta”", "\(reader.state.notice ?? "")")
    }

    /// While the finder or a prompt is open the text stays as it is (they hold places in it):
    /// it is read again at the first look after they close.
    @Test func notWhileTheFinderIsOpen() throws {
        let files = try Folder()
        let reader = try files.explorer(on: "beta.txt")
        reader.press(.character(":"))
        try files.write("beta.txt", Self.betaEdited)
        reader.apply(.idle)
        #expect(!reader.shows("An added paragraph."))
        #expect(reader.state.finder != nil)
        reader.press(.escape)
        reader.apply(.pause)
        #expect(reader.shows("An added paragraph."))
    }

    /// `seealso FILE`: the article on screen is read again the same way; the bundled article
    /// has no file, and the explorer without a store does not wake for it.
    @Test func aSingleArticleIsReadAgainToo() throws {
        let files = try Folder()
        let reader = try files.explorer(alone: "beta.txt")
        #expect(reader.session.watchesWhenIdle)
        try reader.read("Late")
        try files.write("beta.txt", Self.betaEdited)
        reader.apply(.idle)
        #expect(reader.state.notice == "“Beta” changed on disk: reloaded")
        #expect(reader.currentSection == "Late")

        let bundled = try files.explorer(alone: nil)
        #expect(!bundled.session.watchesWhenIdle)
        let state = bundled.state
        bundled.apply(.idle)
        #expect(bundled.state == state)
    }
}
