import Content
import Foundation
import Testing

@testable import Store

/// Two explorers searching one folder through one index, as parallel `seealso search` runs do
/// (`make -j`). Each test runs explorer B's steps at the point of explorer A's work where they
/// raced (`beforeWriting`: A has read the index and the files, and not yet written), and
/// checks what B then finds. Parallel searches printed part of their matches, or none.
@Suite("Explorers sharing a folder index")
struct SharedIndexTests {
    typealias Scratch = CorpusIndexTests.Scratch

    /// A read the rows of the empty index, so every file looked new to it; B filled the index
    /// and indexed the texts; then A wrote the rows it had parsed, marked every text not
    /// indexed and deleted it, and B's match found nothing.
    @Test func aRefreshLeavesTheRowsAnotherExplorerBroughtUpToDateMeanwhile() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let folder = scratch.folder.path
        let a = try CorpusIndex(directory: scratch.cache), b = try CorpusIndex(directory: scratch.cache)
        a.beforeWriting = once {
            _ = try b.refresh(folder: folder)
            try b.indexTexts(in: folder)
        }
        let refresh = try a.refresh(folder: folder)
        #expect(refresh.reparsed.count == 4, "A found the index empty")
        #expect(refresh.catalog.entries.map(\.title) == ["Alpha", "Gamma", "Beta"])

        #expect(try b.lookUp(TextSearch("dual power"), in: folder) == [scratch.path("a.txt")])
        #expect(try b.database.integer("SELECT count(*) FROM files WHERE text_indexed = 0 AND error_message IS NULL") == 0,
                "the texts B indexed are indexed still")
    }

    /// B indexed the texts; a.txt was touched, and A's refresh saw it (rightly) change and
    /// dropped its text before B matched. B passed over a.txt, whose text matches before and
    /// after the touch: it is a candidate now, read whole as without an index.
    @Test func aFileWhoseTextAnotherRefreshDroppedBeforeTheMatchIsStillACandidate() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let folder = scratch.folder.path
        let a = try CorpusIndex(directory: scratch.cache), b = try CorpusIndex(directory: scratch.cache)
        let alpha = scratch.path("a.txt")
        _ = try b.refresh(folder: folder)
        try b.indexTexts(in: folder)

        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 60)], ofItemAtPath: alpha)
        #expect(try a.refresh(folder: folder).reparsed == [alpha])

        #expect(try b.lookUp(TextSearch("dual power"), in: folder) == [alpha])
        // Indexed again by the next search, it is found by its text alone.
        #expect(try b.candidates(for: TextSearch("quiet"), in: folder) == [scratch.path("deeper/b.txt")])
        #expect(try b.candidates(for: TextSearch("dual power"), in: folder) == [alpha])
    }

    /// A listed the folder while c.txt was away; c.txt came back, and B wrote its row and
    /// indexed it; then A removed the rows of the files it had not listed, and B lost c.txt,
    /// which is there.
    @Test func aRemovalLeavesARowAnotherExplorerWroteMeanwhile() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let folder = scratch.folder.path
        let a = try CorpusIndex(directory: scratch.cache), b = try CorpusIndex(directory: scratch.cache)
        let gamma = scratch.path("c.txt")
        _ = try b.refresh(folder: folder)

        try FileManager.default.removeItem(atPath: gamma)
        // A changed file, so that A has one to write, and so a point to let B in.
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 60)], ofItemAtPath: scratch.path("a.txt"))
        a.beforeWriting = once {
            try scratch.write("c.txt", "= Gamma =\nGamma knows Régis, and more now.\n")
            #expect(try b.refresh(folder: folder).reparsed.count == 2)
            try b.indexTexts(in: folder)
        }
        #expect(try a.refresh(folder: folder).removed == 1, "A did not list c.txt")

        #expect(try b.lookUp(TextSearch("regis"), in: folder) == [gamma])
        #expect(try b.refresh(folder: folder).reparsed.isEmpty, "c.txt's row is there, up to date")
    }

    /// B read a.txt to index it; a.txt was rewritten and A's refresh saw it; then B wrote the
    /// text it had read, and marked it the text of A's newer row. Every later search matched
    /// the old text: "triple power" was not found in a.txt, which has it. B's text is dropped
    /// instead, and the next search indexes a.txt again.
    @Test func aTextReadBeforeAnotherRefreshSawTheFileChangeIsNotKept() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let folder = scratch.folder.path
        let a = try CorpusIndex(directory: scratch.cache), b = try CorpusIndex(directory: scratch.cache)
        let alpha = scratch.path("a.txt")
        _ = try a.refresh(folder: folder)
        b.beforeWriting = once {
            try scratch.write("a.txt", "= Alpha =\nAlpha speaks of triple power.\n")
            #expect(try a.refresh(folder: folder).reparsed == [alpha])
        }
        try b.indexTexts(in: folder)

        #expect(try b.candidates(for: TextSearch("triple power"), in: folder) == [alpha])
        #expect(try b.candidates(for: TextSearch("dual power"), in: folder) == [])
        #expect(try b.database.integer("SELECT count(*) FROM texts") == 3, "one text per article")
    }
}

extension CorpusIndexTests.Scratch {
    /// The absolute path of `name` in the folder, as the index returns it.
    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }
}

/// `body` the first time the result is called, nothing after: a batch boundary is met again
/// by each later batch and each later refresh of the same index.
private func once(_ body: @escaping () throws -> Void) -> () throws -> Void {
    var done = false
    return {
        guard !done else { return }
        done = true
        try body()
    }
}
