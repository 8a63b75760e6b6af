import Content
import Foundation
import Testing
@testable import seealso
@testable import Store
@testable import TUI

/// QA 18a, an author editing articles while the explorer shows them: what the explorer says
/// when a file does not load, that it is said again on quitting, that a See-also topic whose
/// file does not parse says why, and that an edit which orphans a bookmark says so.
@MainActor
@Suite("Messages about the articles' files")
struct FileProblemMessagesTests {
    typealias Folder = ChangedOnDiskTests.Folder

    nonisolated static let luddite = """
        = Luddite =
        The Luddites were a secret oath-based organisation of English textile workers in the 19th century.

        == Tactics ==
        They destroyed machinery, especially the stocking frames of the framework knitters.

        == Historical examples ==
        - Nottingham – frame-breaking began in Arnold in March 1811
        - Yorkshire – the attack on Rawfolds Mill in April 1812

        == Legacy ==
        The term now names anyone opposed to new technology.

        == See also ==
        - Diggers

        """
    nonisolated static let diggers = """
        = Diggers =
        The Diggers were Protestant radicals in England, begun in 1649 by Gerrard Winstanley.

        == See also ==
        - Luddite
        - Levellers

        """
    /// Luddite's line 11, `== Legacy ==`, half retyped.
    nonisolated static let ludditeBrokenLegacy = luddite.replacingOccurrences(of: "== Legacy ==", with: "== Legacy =")
    static let unbalanced = "unbalanced heading: 2 '=' before the text and 1 after"

    /// The explorer on luddite.txt of a folder, at 80×24 as QA ran it.
    func luddite(in files: Folder, bookmarking: Bool = false) throws -> ChangedOnDiskTests.Reader {
        try files.write("luddite.txt", Self.luddite)
        try files.write("diggers.txt", Self.diggers)
        let reader = try files.explorer(on: "luddite.txt", bookmarking: bookmarking)
        reader.apply(.resize(Size(width: 80, height: 24)))
        return reader
    }

    /// The reason is what the message keeps, and the message is shown whole at 80 columns;
    /// it is kept to be said again on quitting, until the file loads again.
    @Test func aReloadThatFailsSaysWhereAndWhyWhole() throws {
        let files = try Folder()
        let reader = try luddite(in: files)
        try files.write("luddite.txt", Self.ludditeBrokenLegacy)
        reader.apply(.idle)
        let path = files.path("luddite.txt")
        #expect(reader.state.notice == "Not reloaded: \(path):11: \(Self.unbalanced) (the text read before stays)")
        let screen = reader.session.explorer.render(reader.state)
        // The path is longer than a row here, and broken where the row ends: compared without the spaces.
        let bottom = (0..<24).map { screen.row($0) }.drop { !$0.hasPrefix(" Not reloaded") }.joined().filter { $0 != " " }
        #expect(bottom.contains("\(path):11: \(Self.unbalanced) (the text read before stays)Top?help".filter { $0 != " " }), "\(bottom)")
        #expect(reader.session.problems.all.map(\.said) == ["“Luddite” could not be reloaded: \(path):11: \(Self.unbalanced)"])

        try files.write("luddite.txt", Self.luddite)
        reader.apply(.idle)
        #expect(reader.state.notice == "“Luddite” changed on disk: reloaded")
        #expect(reader.session.problems.all.isEmpty, "it loads again: nothing to say on quitting")
    }

    /// An edit with several problems: the status line says the first and how many more, and
    /// each is kept to be said on quitting, as `seealso outline` lists them.
    @Test func aReloadWithSeveralProblemsKeepsThemAllForQuitting() throws {
        let files = try Folder()
        let reader = try luddite(in: files)
        let broken = Self.ludditeBrokenLegacy.replacingOccurrences(of: "== Tactics ==", with: "== Tactics =")
        try #require(broken != Self.ludditeBrokenLegacy)
        try files.write("luddite.txt", broken)
        reader.apply(.idle)
        let problem = try #require(reader.session.problems.all.first)
        #expect(problem.said.hasSuffix("(and 1 more problem)"), "\(problem.said)")
        #expect(problem.more.count == 1)
        #expect(problem.more.first?.hasPrefix(files.path("luddite.txt") + ":11: ") == true, "\(problem.more)")
    }

    /// QA 18a: a See-also topic whose article's file does not parse said "No article of this
    /// folder has this title" on its card; the file is there, titled so: it says why it does
    /// not open, as when the file breaks while the explorer runs.
    @Test func aTopicWhoseFileDoesNotParseSaysWhy() throws {
        let files = try Folder()
        try files.write("diggers.txt", Self.diggers)
        try files.write("luddite.txt", Self.luddite.replacingOccurrences(of: "== Tactics ==", with: "== Tactics ="))
        let reader = try files.explorer(on: "diggers.txt")
        let topic = try #require(reader.session.explorer.model.items.first { $0.kind == .seeAlso && $0.name == "Luddite" })
        reader.apply(.follow(.card(topic.id)))
        #expect(reader.title == "Diggers")
        #expect(reader.state.notice == "“Luddite” could not be opened: \(files.path("luddite.txt")):4: \(Self.unbalanced)")
        #expect(reader.session.problems.all.map(\.said) == [reader.state.notice])
        // A topic no file has still opens its card.
        let levellers = try #require(reader.session.explorer.model.items.first { $0.name == "Levellers" })
        reader.apply(.follow(.card(levellers.id)))
        #expect(reader.state.reader.content == .card(itemID: levellers.id))
    }

    /// QA 18a: an edit that renamed the bookmarked section's heading and rewrote its text
    /// took the ★ away without a word.
    @Test func anEditThatOrphansABookmarkSaysSo() throws {
        let files = try Folder()
        let reader = try luddite(in: files, bookmarking: true)
        try reader.read("Historical examples")
        reader.press(.character("m"))
        #expect(reader.state.notice?.hasPrefix("Bookmarked: Historical examples") == true, "\(reader.state.notice ?? "")")
        try files.write("luddite.txt", Self.luddite.replacingOccurrences(of: "== Historical examples ==", with: "== Uprisings ==")
            .replacingOccurrences(of: "frame-breaking began in Arnold in March 1811", with: "the first frames were broken in 1811"))
        reader.apply(.idle)
        #expect(reader.state.notice?.hasSuffix("; 1 bookmark orphaned: Historical examples") == true, "\(reader.state.notice ?? "")")
        #expect(reader.state.bookmarks.first?.isOrphaned == true)
    }

    /// A reload that keeps the bookmarks found says nothing of them.
    @Test func anEditThatKeepsTheBookmarksSaysNothingOfThem() throws {
        let files = try Folder()
        let reader = try luddite(in: files, bookmarking: true)
        try reader.read("Historical examples")
        reader.press(.character("m"))
        try files.write("luddite.txt", Self.luddite.replacingOccurrences(of: "new technology", with: "new machines"))
        reader.apply(.idle)
        #expect(reader.state.notice == "“Luddite” changed on disk: reloaded")
    }

    /// QA 18a: a single file retitled while shown stayed "now titled “Luddites”" until a
    /// restart, with nothing to say that a restart reads it.
    @Test func aSingleFileRetitledSaysHowToReadIt() throws {
        let files = try Folder()
        try files.write("luddite.txt", Self.luddite)
        let reader = try files.explorer(alone: "luddite.txt")
        try files.write("luddite.txt", Self.luddite.replacingOccurrences(of: "= Luddite =", with: "= Luddites ="))
        reader.apply(.idle)
        #expect(reader.state.notice == "Not reloaded: \(files.path("luddite.txt")) is now titled “Luddites” "
                + "(the text read before stays; run seealso again to read it under its new title)")
    }

    /// In a folder the finder lists it under its new title: said so.
    @Test func aFolderFileRetitledSaysWhereItIs() throws {
        let files = try Folder()
        let reader = try luddite(in: files)
        try files.write("luddite.txt", Self.luddite.replacingOccurrences(of: "= Luddite =", with: "= Luddites ="))
        reader.apply(.idle)
        #expect(reader.state.notice == "Not reloaded: \(files.path("luddite.txt")) is now titled “Luddites” "
                + "(the text read before stays; the finder opens it under its new title)")
        reader.goTo("Luddites")
        #expect(reader.title == "Luddites")
    }
}
