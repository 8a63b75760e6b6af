import Foundation
import Testing
import TestSupport

/// Several `seealso search` runs of one folder at once (`make -j`), sharing the folder index in
/// the cache, each print what one search alone prints. They printed part of the matches, or
/// none, while another run rewrote the index's rows between their indexing and their match.
///
/// Which interleaving happens is up to the scheduler, so a build with that fault may pass by
/// luck (a round found it 7 times in 8 on an empty index, 8 in 8 after a touch, on 2 busy
/// cores); `SharedIndexTests` runs each interleaving on purpose. This one checks the program
/// as a whole.
@Suite("seealso search: runs at once print what one prints")
struct ParallelSearchTests {
    /// Enough files for the runs to overlap (with 300 the fault went unseen), few enough to stay quick.
    static let articles = 600
    static let runs = 8

    @Test("Eight searches at once, on an empty index and after every file is touched, each print what one search prints")
    func searchesAtOnce() throws {
        try withTemporaryDirectory { directory in
            let folder = directory.appendingPathComponent("corpus")
            for number in 0..<Self.articles {
                let subfolder = folder.appendingPathComponent("d\(number % 10)")
                try FileManager.default.createDirectory(at: subfolder, withIntermediateDirectories: true)
                try Data("""
                    = Article \(number) =
                    Article \(number) discusses a boycott.

                    == Background ==
                    Some history of boycott number \(number).

                    == See also ==
                    - Article \(number + 1)

                    """.utf8).write(to: subfolder.appendingPathComponent("art\(number).txt"))
            }
            let arguments = [try CLI.binary().path, "search", folder.path, "number 1"]
            // One search alone, with its own cache.
            let alone = try Captured.run(URL(fileURLWithPath: arguments[0]), Array(arguments.dropFirst()))
            #expect(alone.status == 0)
            let expected = try Captured.text(alone.stdout)
            // "number 1", "number 10"…"number 19", "number 100"…"number 199".
            let lines = expected.split(separator: "\n").count
            #expect(lines == 111)

            let home = try TemporaryHome()  // one cache for every run
            for (round, touchingFirst) in [("an empty index", false), ("every file touched", true)] {
                if touchingFirst {  // the index, filled by the first round, is stale for every file
                    let later = Date(timeIntervalSinceNow: 60)
                    for case let file as URL in try #require(FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)) {
                        try FileManager.default.setAttributes([.modificationDate: later], ofItemAtPath: file.path)
                    }
                }
                let children = try (0..<Self.runs).map { run in
                    try Child(arguments, output: directory.appendingPathComponent("run-\(run)"), environment: home.environment())
                }
                for (run, child) in children.enumerated() {
                    let status = child.wait()
                    #expect(status == 0 && child.output == expected && child.errors.isEmpty,
                            "\(round), run \(run): status \(status), \(child.output.split(separator: "\n").count) lines of \(lines), stderr '\(child.errors)'")
                }
            }
        }
    }
}
