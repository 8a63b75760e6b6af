import Content
import Foundation
import TestSupport
import Testing

/// scripts/make-corpus.py writes the folders scripts/bench-folder.sh measures. It suffixed
/// every heading, "See also" too ("See also 5"), so its articles had no See-also topics and
/// the benchmark never opened an article whose See-also entries name others of the folder;
/// and it read its arguments by position, so `--help` ended in a traceback (IndexError).
@Suite("The benchmark corpus script")
struct BenchmarkCorpusTests {
    static let script = LinkedFolder.repository.appendingPathComponent("scripts/make-corpus.py")
    static let source = LinkedFolder.repository.appendingPathComponent("assets/dual-power.txt")

    func makeCorpus(_ arguments: [String]) throws -> Captured {
        try Captured.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", Self.script.path] + arguments)
    }

    @Test("--help says how to call it")
    func help() throws {
        let help = try makeCorpus(["--help"])
        #expect(try Captured.text(help.stderr) == "")
        #expect(help.status == 0)
        #expect(try Captured.text(help.stdout).hasPrefix("usage: make-corpus.py [-h] SOURCE DIR COUNT\n"))
    }

    @Test("Each article lists three others under See also, which resolve, and the output is the same each time")
    func seeAlsoResolves() throws {
        try withTemporaryDirectory { folder in
            let first = folder.appendingPathComponent("first"), second = folder.appendingPathComponent("second")
            for corpus in [first, second] {
                let made = try makeCorpus([Self.source.path, corpus.path, "40"])
                let errors = try Captured.text(made.stderr)
                #expect(made.status == 0, "\(errors)")
            }
            let corpus = try Corpus.load(directory: first.path)
            #expect(corpus.failures.isEmpty)
            #expect(corpus.articles.count == 40)
            let titles = corpus.articles.map(\.article.title)
            let listed = corpus.articles.indices.map { Set(corpus.resolvedSeeAlso(of: $0).values.map { titles[$0] }) }
            let expected = try titles.map { title in
                let number = Int(title.dropFirst("Dual power ".count))
                let k = try #require(number, "\(title)")
                return Set([1, 7, 31].map { "Dual power \(($0 + k) % 40)" })
            }
            #expect(listed == expected, "article k lists articles k+1, k+7 and k+31")
            let incoming = corpus.catalog.incoming()
            #expect(corpus.articles.indices.map { incoming.to($0).count } == Array(repeating: 3, count: 40))
            #expect(corpus.articles.map { $0.items.count { $0.kind == .seeAlso } } == Array(repeating: 23 + 3, count: 40),
                    "the bundled article's 23 See-also topics are kept")
            let files = try FileManager.default.subpathsOfDirectory(atPath: first.path).sorted()
            #expect(try FileManager.default.subpathsOfDirectory(atPath: second.path).sorted() == files)
            for file in files where file.hasSuffix(".txt") {
                #expect(try Data(contentsOf: first.appendingPathComponent(file)) == Data(contentsOf: second.appendingPathComponent(file)), "\(file)")
            }
        }
    }
}
