import CSQLite
import Content
import Foundation
import TestSupport
import Testing

@testable import Store

/// Real `seealso` processes against one database: at the same time, and killed mid-write.
/// Serialized so the two do not compete for the machine's cores and their timings mean something.
@Suite(.serialized) struct ProcessTests {
    /// Two processes, each running 200 separate `seealso bookmarks add` commands at the same
    /// time on a database that does not exist yet (so they also race to create it).
    @Test func twoProcessesAdding200EachKeepAll400() throws {
        let folder = try TemporaryDirectory()
        let binary = try Binary.path()
        let data = folder.file("data").path
        for name in ["A", "B"] {
            try Fixture.manySections(title: "Article \(name)", count: 200)
                .write(to: folder.file("\(name).txt"), atomically: true, encoding: .utf8)
        }
        // $0 the binary, $1 the article, $2 the data folder.
        let loop = """
            i=1
            while [ $i -le 200 ]; do
              "$0" bookmarks add "$1" --section "Section $(printf %03d $i)" --data-dir "$2" || exit 1
              i=$((i + 1))
            done
            """
        let start = ContinuousClock.now
        let children = try ["A", "B"].map { name in
            try Child(["/bin/sh", "-c", loop, binary, folder.file("\(name).txt").path, data], output: folder.file("\(name).out"))
        }
        let statuses = children.map { $0.wait() }
        let elapsed = ContinuousClock.now - start
        #expect(statuses == [0, 0], "\(children.map(\.errors))")

        var confirmedIDs: [[Int64]] = []
        for child in children {
            let lines = child.output.split(separator: "\n")
            #expect(lines.count == 200)
            #expect(lines.allSatisfy { $0.hasPrefix("bookmarked: #") })
            confirmedIDs.append(lines.compactMap { Int64($0.dropFirst("bookmarked: #".count).prefix { $0.isNumber }) })
        }
        // They really ran at the same time: their ids interleave.
        // (#require, not `!`: a loop that failed at once leaves no ids, and a trap here would
        // take every other test in the process down with it.)
        let (a, b) = (confirmedIDs[0], confirmedIDs[1])
        let (aFirst, aLast) = (try #require(a.min()), try #require(a.max()))
        let (bFirst, bLast) = (try #require(b.min()), try #require(b.max()))
        #expect(aLast > bFirst && bLast > aFirst, "the two loops did not overlap")

        let store = try StateStore(directory: URL(fileURLWithPath: data))
        let all = try store.bookmarks()
        #expect(all.count == 400)
        #expect(Set(all.map(\.id)) == Set(a + b))
        for name in ["A", "B"] {
            let sections = Set(try store.bookmarks(articleTitle: "Article \(name)").map(\.heading))
            #expect(sections == Set((1...200).map(Fixture.sectionName)))
        }
        #expect(try store.database.text("PRAGMA integrity_check") == "ok")
        print("concurrency: 2 processes × 200 `bookmarks add` = 400 bookmarks in \(elapsed)")
    }

    /// `kill -9` at random moments of `bookmarks add` and of `bookmarks import` (2000 bookmarks
    /// with 1 KB notes in one transaction: more than SQLite's page cache, so it writes to the WAL
    /// while the transaction is still open, and many kills land while it writes). Afterwards the
    /// database passes `integrity_check`, every confirmed change is there, and every killed
    /// import is all or nothing.
    @Test func killDashNineLosesNothingConfirmed() throws {
        let folder = try TemporaryDirectory()
        let binary = try Binary.path()
        let data = folder.file("data").path
        let article = folder.file("crash.txt")
        // A section for each `add` round (every other round, 240 rounds at most).
        try Fixture.manySections(title: "Crash", count: 120).write(to: article, atomically: true, encoding: .utf8)
        let importSize = 2000
        let note = String(repeating: "n", count: 1000)

        enum Kind { case add(section: String), load(article: String) }
        struct Round { var kind: Kind; var confirmed: Bool; var killed: Bool }

        func command(_ kind: Kind, round: Int) throws -> [String] {
            switch kind {
            case .add(let section):
                return [binary, "bookmarks", "add", article.path, "--section", section, "--data-dir", data]
            case .load(let title):
                let entries = (1...importSize).map { #"{"article": "\#(title)", "section": "s\#($0)", "heading": "S \#($0)", "note": "\#(note)"}"# }
                let file = folder.file("import-\(round).json")
                let json = #"{"version": 1, "bookmarks": ["# + entries.joined(separator: ",\n") + "]}"
                try json.write(to: file, atomically: true, encoding: .utf8)
                return [binary, "bookmarks", "import", file.path, "--data-dir", data]
            }
        }

        // How long each command takes when left alone: the median of its first three rounds,
        // which are not killed (a cold first run alone made the delays too long, and kills
        // landed after the exit). Kills then fall anywhere in that span.
        var durations: [String: [Duration]] = [:]
        func typical(_ key: String) -> Duration? {
            guard let measured = durations[key], measured.count >= 3 else { return nil }
            return measured.sorted()[measured.count / 2]
        }
        var rounds: [Round] = []
        // Kills after which the WAL had grown though nothing was committed: the process died
        // while writing its transaction to the WAL (a lower bound: a WAL restarted from its
        // beginning after a checkpoint does not grow).
        var killedWhileWriting = 0
        let wal = URL(fileURLWithPath: data).appendingPathComponent("state.sqlite-wal").path
        func walSize() -> Int { ((try? FileManager.default.attributesOfItem(atPath: wal))?[.size] as? Int) ?? 0 }
        // At least 60 rounds; more (up to 240) until 10 kills have landed before the exit.
        let wantedKills = 10, minimumRounds = 60, maximumRounds = 240
        var landed = 0
        let start = ContinuousClock.now
        var round = 0
        while round < minimumRounds || (landed < wantedKills && round < maximumRounds) {
            defer { round += 1 }
            let kind: Kind = round.isMultiple(of: 2) ? .add(section: Fixture.sectionName(round / 2 + 1)) : .load(article: "Import \(round)")
            let key = round.isMultiple(of: 2) ? "add" : "import"
            let arguments = try command(kind, round: round)
            let walBefore = walSize()
            let child = try Child(arguments, output: folder.file("round-\(round).out"))
            let began = ContinuousClock.now
            var killed = false
            if let typical = typical(key) {
                let microseconds = Int64(Double(typical.components.seconds) * 1e6 + Double(typical.components.attoseconds) / 1e12)
                usleep(UInt32(Int64.random(in: 0..<max(1, microseconds))))
                child.kill()
                killed = true
            }
            let status = child.wait()
            if !killed { durations[key, default: []].append(ContinuousClock.now - began) }
            #expect(status == 0 || status == 128 + SIGKILL, "round \(round): status \(status): \(child.errors)")
            let confirmed = child.output.hasPrefix("bookmarked: #") || child.output == "imported: \(importSize) added, 0 merged\n"
            // (A process may be killed after printing, while exiting: confirmed, yet status 137.)
            if status == 0 { #expect(confirmed, "round \(round): \(child.output)") }
            rounds.append(Round(kind: kind, confirmed: confirmed, killed: killed && status != 0))
            if killed && status != 0 { landed += 1 }
            if case .load(let title) = kind, status != 0, walSize() > walBefore,
               try StateStore(directory: URL(fileURLWithPath: data)).bookmarks(articleTitle: title).isEmpty {
                killedWhileWriting += 1
            }
        }
        let elapsed = ContinuousClock.now - start

        let store = try StateStore(directory: URL(fileURLWithPath: data))
        #expect(try store.database.text("PRAGMA integrity_check") == "ok")
        var committedButUnconfirmed = 0, killedBeforeCommit = 0
        for (number, round) in rounds.enumerated() {
            let count: Int
            let whole: Int
            switch round.kind {
            case .add(let section):
                count = try store.bookmarks(articleTitle: "Crash").filter { $0.heading == section }.count
                whole = 1
            case .load(let title):
                count = try store.bookmarks(articleTitle: title).count
                whole = importSize
            }
            if round.confirmed {
                #expect(count == whole, "round \(number): confirmed but \(count) of \(whole) there")
            } else {
                #expect(count == 0 || count == whole, "round \(number): killed, and \(count) of \(whole) there")
                if count == whole { committedButUnconfirmed += 1 } else { killedBeforeCommit += 1 }
            }
        }
        #expect(landed >= wantedKills, "too few kills landed in \(rounds.count) rounds: \(landed)")
        print("crash: \(rounds.count) rounds in \(elapsed); \(landed) killed (\(killedBeforeCommit) before their commit, "
              + "at least \(killedWhileWriting) of them while writing to the WAL; "
              + "\(committedButUnconfirmed) after it but before printing); alone, add took \(durations["add"] ?? []), "
              + "import of \(importSize) \(durations["import"] ?? [])")
    }
}

/// The races behind a CI failure, where two processes created the same database at once:
/// - turning a new file into WAL mode upgrades a read transaction to a write one, and there
///   SQLite returns `SQLITE_BUSY` at once instead of waiting on the busy timeout;
/// - the read-only check of an existing file read its header and its tables in separate
///   transactions, so another process's migration could fall between them.
@Suite struct CreatingTogetherTests {
    /// Another connection holds the write lock of a new, empty database file (as a second
    /// process does while it converts the file or writes the schema) and lets go after 300 ms.
    /// Opening the store meanwhile waits for it instead of failing with "database is locked".
    @Test func theStoreWaitsForAnotherCreator() throws {
        let folder = try TemporaryDirectory()
        let store = try whileAnotherConnectionWrites(folder.file(StateStore.fileName)) {
            try StateStore(directory: folder.url)
        }
        #expect(!store.isReadOnly)
        #expect(try store.database.text("PRAGMA journal_mode") == "wal")
        #expect(try store.bookmarks().isEmpty)
    }

    /// The same for the folder index, which is a cache: it must neither fail nor be deleted and
    /// made again from under the other explorer (the file keeps its inode).
    @Test func theFolderIndexWaitsForAnotherCreator() throws {
        let folder = try TemporaryDirectory()
        let file = folder.file(CorpusIndex.fileName)
        #expect(FileManager.default.createFile(atPath: file.path, contents: nil))
        let inode = { try FileManager.default.attributesOfItem(atPath: file.path)[.systemFileNumber] as? Int }
        let before = try inode()
        let index = try whileAnotherConnectionWrites(file) { try CorpusIndex(directory: folder.url) }
        #expect(try inode() == before)
        let articles = folder.file("articles")
        try FileManager.default.createDirectory(at: articles, withIntermediateDirectories: true)
        try Fixture.article.write(to: articles.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
        #expect(try index.refresh(folder: articles.path).catalog.entries.map(\.title) == ["Test article"])
    }

    /// Six connections create the same new store at once, 100 times over. Each must open it as a
    /// seealso store: not fail on the lock, and not take the half-made file for a foreign one
    /// (which it did when it read the application id before, and the tables after, another
    /// creator's commit).
    @Test func sixCreatorsAtOnce() throws {
        let folder = try TemporaryDirectory()
        let failures = Failures()
        for round in 1...100 {
            let directory = folder.file("round \(round)")
            if round.isMultiple(of: 2) {
                // Half the rounds start from a file another creator has just put in WAL mode and
                // not yet given its tables: every opener then inspects it while one migrates it.
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                try Database(path: directory.appendingPathComponent(StateStore.fileName).path,
                             flags: SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE).useWriteAheadLog()
            }
            DispatchQueue.concurrentPerform(iterations: 6) { _ in
                do {
                    _ = try StateStore(directory: directory)
                } catch {
                    failures.add("round \(round): \(error)")
                }
            }
        }
        #expect(failures.all.isEmpty)
    }

    /// Runs `open` while another connection, on another thread, holds the write lock of `file`
    /// (created empty) for 300 ms.
    private func whileAnotherConnectionWrites<T>(_ file: URL, open: () throws -> T) throws -> T {
        let locked = DispatchSemaphore(value: 0)
        let released = DispatchSemaphore(value: 0)
        let path = file.path
        let holding = Flag()
        Thread.detachNewThread {
            defer { released.signal() }
            let other = try? Database(path: path, flags: SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
            holding.value = (try? other?.execute("BEGIN IMMEDIATE")) != nil
            locked.signal()
            guard let other, holding.value else { return }
            Thread.sleep(forTimeInterval: 0.3)
            try? other.execute("ROLLBACK")
        }
        locked.wait()
        defer { released.wait() }
        try #require(holding.value, "the other connection could not take the write lock")
        return try open()
    }

    private final class Failures: @unchecked Sendable {
        private let lock = NSLock()
        private var messages: [String] = []
        func add(_ message: String) { lock.withLock { messages.append(message) } }
        var all: [String] { lock.withLock { messages } }
    }

    /// Written by the other thread before it signals, read after the wait.
    private final class Flag: @unchecked Sendable { var value = false }
}
