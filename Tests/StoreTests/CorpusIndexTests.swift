import Content
import CSQLite
import Foundation
import Testing

@testable import Store

@Suite("The folder index")
struct CorpusIndexTests {
    /// A folder of articles and a cache directory, both fresh.
    struct Scratch {
        let folder: URL
        let cache: URL

        init() throws {
            let root = FileManager.default.temporaryDirectory.appendingPathComponent("seealso-index-\(UUID().uuidString)")
            folder = root.appendingPathComponent("articles")
            cache = root.appendingPathComponent("cache")
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("deeper"), withIntermediateDirectories: true)
            try write("a.txt", "= Alpha =\nAlpha speaks of dual power.\n\n== See also ==\n- Beta\n- Gamma (letter)\n")
            try write("deeper/b.txt", "= Beta =\nBeta is quiet.\n\n== See also ==\n- Alpha\n")
            try write("c.txt", "= Gamma =\nGamma knows Régis.\n")
            try write("broken.txt", "no title\n")
        }

        func write(_ name: String, _ text: String) throws {
            try Data(text.utf8).write(to: folder.appendingPathComponent(name))
        }

        func remove() { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
    }

    @Test func aSecondRefreshParsesNothingAndAnEditReparsesOnlyThatFile() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let index = try CorpusIndex(directory: scratch.cache)
        let first = try index.refresh(folder: scratch.folder.path)
        #expect(first.reparsed.count == 4)
        #expect(first.catalog.entries.map(\.title) == ["Alpha", "Gamma", "Beta"])
        #expect(first.catalog.failures.map(\.line) == [1])
        #expect(first.catalog.failures.first?.message.hasPrefix("missing title") == true)
        #expect(first.catalog.article(titled: "Gamma (letter)") == 1)

        let again = try CorpusIndex(directory: scratch.cache).refresh(folder: scratch.folder.path)
        #expect(again.reparsed.isEmpty, "nothing changed: nothing is parsed")
        #expect(again.catalog.entries == first.catalog.entries)

        try scratch.write("deeper/b.txt", "= Beta, renamed =\nBeta now speaks of dual power too.\n")
        let edited = try index.refresh(folder: scratch.folder.path)
        #expect(edited.reparsed == [scratch.folder.appendingPathComponent("deeper/b.txt").path])
        #expect(edited.catalog.entries.map(\.title).contains("Beta, renamed"))
        #expect(edited.catalog.incoming().to(0).isEmpty, "the edited Beta no longer lists Alpha")

        try FileManager.default.removeItem(at: scratch.folder.appendingPathComponent("c.txt"))
        let removed = try index.refresh(folder: scratch.folder.path)
        #expect(removed.removed == 1)
        #expect(removed.catalog.entries.count == 2)
    }

    /// The parser reports every problem of an article; a row keeps one: the first, saying how
    /// many follow, and the title all the same.
    @Test func aFileWithSeveralProblemsKeepsTheFirstAndItsTitle() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write("c.txt", "= Gamma =\nGamma knows Régis.\n\n== Later =\nUnbalanced.\n\n== Legacy == z\n")
        let catalog = try CorpusIndex(directory: scratch.cache).refresh(folder: scratch.folder.path).catalog
        let path = scratch.folder.appendingPathComponent("c.txt").path
        #expect(catalog.unloaded == [FolderCatalog.Entry(path: path, title: "Gamma", seeAlso: [])])
        #expect(catalog.failures.filter { $0.path == path }.map(\.description)
            == ["\(path):4: unbalanced heading: 2 '=' before the text and 1 after (and 1 more problem)"])
    }

    /// A file that stops parsing (a heading being edited) is not gone: the catalog keeps its
    /// title, so that the folder says the article read last does not open rather than that
    /// it is no longer there (QA), and a title line that is itself broken gives none.
    @Test func aFileThatNoLongerParsesKeepsItsTitle() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let index = try CorpusIndex(directory: scratch.cache)
        #expect(try index.refresh(folder: scratch.folder.path).catalog.unloaded.isEmpty, "broken.txt has no title line")

        try scratch.write("c.txt", "= Gamma =\nGamma knows Régis.\n\n== Later =\nUnbalanced.\n")
        let broken = try index.refresh(folder: scratch.folder.path).catalog
        let path = scratch.folder.appendingPathComponent("c.txt").path
        #expect(broken.entries.map(\.title) == ["Alpha", "Beta"])
        #expect(broken.unloaded == [FolderCatalog.Entry(path: path, title: "Gamma", seeAlso: [])])
        #expect(broken.failures.contains { $0.path == path && $0.line == 4 })
        // Read again from the index, not parsed again: the row keeps the title.
        #expect(try CorpusIndex(directory: scratch.cache).refresh(folder: scratch.folder.path).catalog.unloaded == broken.unloaded)

        try scratch.write("c.txt", "= Gamma =\nGamma knows Régis.\n")
        let fixed = try index.refresh(folder: scratch.folder.path).catalog
        #expect(fixed.unloaded.isEmpty)
        #expect(fixed.entries.map(\.title).contains("Gamma"))
    }

    @Test func aChangedModificationTimeAloneReparses() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let index = try CorpusIndex(directory: scratch.cache)
        _ = try index.refresh(folder: scratch.folder.path)
        let path = scratch.folder.appendingPathComponent("a.txt").path
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 60)], ofItemAtPath: path)
        #expect(try index.refresh(folder: scratch.folder.path).reparsed == [path])
    }

    /// `touch -d`, `cp -p`, `rsync -a` and `tar x` put the modification time back: a file
    /// rewritten at the same size then had the stamp the index kept (size and mtime), and a
    /// folder search missed its new text. The change time and inode tell.
    @Test func aFileRewrittenAtTheSameSizeWithItsTimesPutBackIsReparsed() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let index = try CorpusIndex(directory: scratch.cache)
        _ = try index.refresh(folder: scratch.folder.path)
        let a = scratch.folder.appendingPathComponent("a.txt").path
        #expect(try index.candidates(for: TextSearch("speaks of"), in: scratch.folder.path) == [a])

        let size = try #require(FileManager.default.attributesOfItem(atPath: a)[.size] as? Int)
        try keepingTimes(of: a) {
            try scratch.write("a.txt", "= Alpha =\nAlpha shouts of dual power.\n\n== See also ==\n- Beta\n- Gamma (letter)\n")
        }
        #expect(try FileManager.default.attributesOfItem(atPath: a)[.size] as? Int == size, "the same size")
        #expect(try index.refresh(folder: scratch.folder.path).reparsed == [a])
        #expect(try index.candidates(for: TextSearch("shouts of"), in: scratch.folder.path) == [a])
        #expect(try index.candidates(for: TextSearch("speaks of"), in: scratch.folder.path) == [])
    }

    /// The stamp's fields changed in version 4: a version-3 index, whose rows look up to date
    /// by size and mtime alone, is rebuilt rather than read with the new columns.
    @Test func anIndexOfThePreviousSchemaIsRebuilt() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try FileManager.default.createDirectory(at: scratch.cache, withIntermediateDirectories: true)
        let a = scratch.folder.appendingPathComponent("a.txt").path
        var info = stat()
        #expect(stat(a, &info) == 0)
        let mtime = Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9
        // Version 3 as it shipped, with a row for a.txt that is current by its measure.
        let old = try Database(path: scratch.cache.appendingPathComponent(CorpusIndex.fileName).path,
                               flags: SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
        try old.execute("""
            CREATE TABLE files (
                id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE, size INTEGER NOT NULL, mtime REAL NOT NULL,
                title TEXT, see_also TEXT, error_line INTEGER, error_message TEXT,
                text_indexed INTEGER NOT NULL DEFAULT 0);
            CREATE VIRTUAL TABLE texts USING fts5(body, tokenize = 'trigram');
            PRAGMA user_version = 3;
            """)
        try old.run("INSERT INTO files (path, size, mtime, title, see_also) VALUES (?, ?, ?, 'Stale', '')",
                    .text(a), .integer(Int64(info.st_size)), .real(mtime))
        let refresh = try CorpusIndex(directory: scratch.cache).refresh(folder: scratch.folder.path)
        #expect(refresh.reparsed.contains(a))
        #expect(refresh.catalog.entries.map(\.title) == ["Alpha", "Gamma", "Beta"])
    }

    /// Version 8 folds a letter with a stroke to its base (đ is d): a version-7 index holds
    /// "đien bien" for "Điện Biên", where "dien bien" finds nothing. It is rebuilt, not read.
    @Test func anIndexOfTextsFoldedTheOldWayIsRebuilt() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write("hanoi.txt", "= Hà Nội =\nTrận Điện Biên Phủ.\n")
        let hanoi = scratch.folder.appendingPathComponent("hanoi.txt").path
        let index = try CorpusIndex(directory: scratch.cache)
        _ = try index.refresh(folder: scratch.folder.path)
        #expect(try index.candidates(for: TextSearch("dien bien"), in: scratch.folder.path) == [hanoi])
        // The text as version 7 folded it, in an index that says it is version 7.
        let old = try Database(path: scratch.cache.appendingPathComponent(CorpusIndex.fileName).path, flags: SQLITE_OPEN_READWRITE)
        try old.run("UPDATE texts SET body = ? WHERE rowid = (SELECT id FROM files WHERE path = ?)",
                    .text("= ha noi = tran đien bien phu."), .text(hanoi))
        try old.execute("PRAGMA user_version = 7")
        let reopened = try CorpusIndex(directory: scratch.cache)
        #expect(try reopened.refresh(folder: scratch.folder.path).reparsed.contains(hanoi))
        #expect(try reopened.candidates(for: TextSearch("dien bien"), in: scratch.folder.path) == [hanoi])
    }

    @Test func candidatesComeFromTheFullTextIndex() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let index = try CorpusIndex(directory: scratch.cache)
        _ = try index.refresh(folder: scratch.folder.path)
        let a = scratch.folder.appendingPathComponent("a.txt").path
        let c = scratch.folder.appendingPathComponent("c.txt").path
        func candidates(_ query: String, in folder: URL = scratch.folder) throws -> [String]? {
            try index.candidates(for: TextSearch(query), in: folder.path)
        }
        #expect(try candidates("dual power") == [a])
        #expect(try candidates("regis") == [c], "diacritics are ignored")
        #expect(try candidates("nowhere") == [])
        #expect(try candidates("--") == nil, "too short: the caller reads every file")
        #expect(try candidates("dual power", in: scratch.folder.appendingPathComponent("deeper")) == [])
        // Any substring, whatever the case: "ual pow" is inside
        // "dual power", "EAKS OF" inside "speaks of".
        #expect(try candidates("ual pow") == [a])
        #expect(try candidates("EAKS OF") == [a])
    }

    /// QA 30: after a NUL in a file, nothing was found in it through the index (the trigram
    /// index ends a text there), and a folder search missed what reading the file finds. And
    /// a word with a soft hyphen inside is found as it reads.
    @Test func textAfterANulAndAWordWithASoftHyphenAreFound() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write("nul.txt", "= Nul =\nBefore.\n\nA stray \u{0} byte here.\n\nThe zebra after it, a Lud\u{AD}dite.\n")
        let index = try CorpusIndex(directory: scratch.cache)
        _ = try index.refresh(folder: scratch.folder.path)
        let nul = scratch.folder.appendingPathComponent("nul.txt").path
        #expect(try index.candidates(for: TextSearch("zebra"), in: scratch.folder.path) == [nul])
        #expect(try index.candidates(for: TextSearch("luddite"), in: scratch.folder.path) == [nul])
    }

    @Test func aDamagedIndexIsRebuilt() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try FileManager.default.createDirectory(at: scratch.cache, withIntermediateDirectories: true)
        try Data("garbage, not sqlite".utf8).write(to: scratch.cache.appendingPathComponent(CorpusIndex.fileName))
        let refresh = try CorpusIndex(directory: scratch.cache).refresh(folder: scratch.folder.path)
        #expect(refresh.catalog.entries.count == 3)
    }

    /// QA 25: what was in the index's place was removed or dropped to make room for the
    /// index: a folder with its contents, another application's database (copied or linked
    /// there) with a `files` table. Both are refused and left as they were.
    @Test func aFolderInTheIndexsPlaceIsLeftAlone() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let place = scratch.cache.appendingPathComponent(CorpusIndex.fileName)
        try FileManager.default.createDirectory(at: place.appendingPathComponent("sub"), withIntermediateDirectories: true)
        let kept = place.appendingPathComponent("sub/keep.txt")
        try Data("precious\n".utf8).write(to: kept)
        #expect(throws: StoreError.unreadableFile(path: place.path, reason: "cannot read file: it is a folder, not a file; "
                                                  + "it was left untouched (move it away to let seealso keep its index there)")) {
            try CorpusIndex(directory: scratch.cache)
        }
        #expect(try String(contentsOf: kept, encoding: .utf8) == "precious\n")
    }

    @Test(arguments: [false, true])
    func anotherApplicationsDatabaseInTheIndexsPlaceIsLeftAlone(linked: Bool) throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try FileManager.default.createDirectory(at: scratch.cache, withIntermediateDirectories: true)
        let theirs = scratch.folder.deletingLastPathComponent().appendingPathComponent("taxes.sqlite")
        let place = scratch.cache.appendingPathComponent(CorpusIndex.fileName)
        do {
            let other = try Database(path: (linked ? theirs : place).path, flags: SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
            try other.execute("CREATE TABLE files (name TEXT); INSERT INTO files VALUES ('tax-2025.pdf'); PRAGMA user_version = 3")
        }
        if linked { try FileManager.default.createSymbolicLink(at: place, withDestinationURL: theirs) }
        #expect(throws: StoreError.unreadableFile(path: place.path, reason: "another application's database, not seealso's index; "
                                                  + "it was left untouched (move it away to let seealso keep its index there)")) {
            try CorpusIndex(directory: scratch.cache)
        }
        let other = try Database(path: (linked ? theirs : place).path, flags: SQLITE_OPEN_READONLY)
        #expect(try other.query("SELECT name FROM files") { $0.text(0) } == ["tax-2025.pdf"])
    }

    /// An index of version 9, before the index said it was seealso's (`application_id` 0), is
    /// still taken for one: rebuilt, and marked.
    @Test func anIndexFromBeforeTheApplicationIDIsRebuiltAndMarked() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        _ = try CorpusIndex(directory: scratch.cache).refresh(folder: scratch.folder.path)
        let path = scratch.cache.appendingPathComponent(CorpusIndex.fileName).path
        do {
            let old = try Database(path: path, flags: SQLITE_OPEN_READWRITE)
            try old.execute("PRAGMA application_id = 0; PRAGMA user_version = 9")
        }
        let refresh = try CorpusIndex(directory: scratch.cache).refresh(folder: scratch.folder.path)
        #expect(refresh.reparsed.count == 4, "rebuilt")
        let reopened = try Database(path: path, flags: SQLITE_OPEN_READONLY)
        #expect(try reopened.integer("PRAGMA application_id") == CorpusIndex.applicationID)
    }

    /// Two explorers opening the same new folder at once, each with its own connection: both
    /// see the files as new, and the second to write must update the rows the first inserted
    /// instead of failing on `UNIQUE` (which made `seealso search` exit with an SQLite error).
    @Test func twoRefreshesAtOnceBothSucceed() throws {
        for _ in 1...10 {
            let scratch = try Scratch()
            defer { scratch.remove() }
            let outcomes = Outcomes()
            DispatchQueue.concurrentPerform(iterations: 2) { _ in
                do {
                    let refresh = try CorpusIndex(directory: scratch.cache).refresh(folder: scratch.folder.path)
                    outcomes.add(refresh.catalog.entries.map(\.title).sorted().joined(separator: ", "))
                } catch {
                    outcomes.add("\(error)")
                }
            }
            #expect(outcomes.all == ["Alpha, Beta, Gamma", "Alpha, Beta, Gamma"])
            let after = try CorpusIndex(directory: scratch.cache).refresh(folder: scratch.folder.path)
            #expect(after.reparsed.isEmpty, "one row per file, up to date")
        }
    }

    private final class Outcomes: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [String] = []
        func add(_ value: String) { lock.withLock { values.append(value) } }
        var all: [String] { lock.withLock { values } }
    }
}

/// Runs `body`, which rewrites the file at `path`, then sets the file's access and
/// modification times back to what they were, to the nanosecond, as `touch -d`, `cp -p`,
/// `rsync -a` and `tar x` do.
func keepingTimes(of path: String, _ body: () throws -> Void) throws {
    var before = stat()
    #expect(stat(path, &before) == 0)
    try body()
    let times = [before.st_atim, before.st_mtim]
    #expect(utimensat(AT_FDCWD, path, times, 0) == 0)
}
