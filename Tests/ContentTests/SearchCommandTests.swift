import Foundation
import Testing
import TestSupport

/// `seealso search` prints matching lines as grep -n does: each source line once, however
/// many times it matches.
@Suite("seealso search: one line per matching line")
struct SearchCommandTests {
    @Test("Two matches on one line print it once, in text and in JSON")
    func twoMatchesOneLine() throws {
        try withTemporaryDirectory { directory in
            let file = directory.appendingPathComponent("a.txt")
            let long = String(repeating: "filler words here ", count: 20)
            try "= Alpha =\n\n== Strategies ==\n- Beta strategy – a strategy about Beta.\n\nBeta at the start, \(long)and Beta far away.\n"
                .write(to: file, atomically: true, encoding: .utf8)
            let result = try CLI.run(["search", file.path, "Beta"])
            #expect(result.status == 0)
            let lines = result.output.split(separator: "\n").map(String.init)
            #expect(lines.count == 2)
            #expect(lines.first == "\(file.path):4: Strategies: Beta strategy – a strategy about Beta.")
            // A long stretch between a line's first and last match: the excerpt starts at the first.
            #expect(lines.last?.hasPrefix("\(file.path):6: Strategies: Beta at the start, filler words") == true)
            #expect(lines.last?.hasSuffix("…") == true)

            let json = try CLI.run(["search", file.path, "Beta", "--json"])
            let hits = try #require(try JSONSerialization.jsonObject(with: json.stdout) as? [[String: Any]])
            #expect(hits.map { $0["line"] as? Int } == [4, 6])
        }
    }

    @Test("On the bundled article, as many lines as grep -ci finds in its text")
    func countsLinesLikeGrep() throws {
        let result = try CLI.run(["search", "soviet"])
        let text = try String(contentsOfFile: Repo.articlePath, encoding: .utf8)
        let grepCount = text.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { $0.lowercased().contains("soviet") }.count
        #expect(grepCount > 5)
        #expect(result.output.split(separator: "\n").count == grepCount)
    }

    @Test("A folder or an article alone is taken for a forgotten query: a usage error, not a search for its name")
    func folderWithoutQuery() throws {
        try withTemporaryDirectory { directory in
            let result = try CLI.run(["search", directory.path])
            #expect(result.status == 64)
            #expect(result.stderr.contains("'\(directory.path)' is a folder: give the QUERY after it"))
            #expect(result.stdout.isEmpty)

            let file = directory.appendingPathComponent("a.txt")
            try "= A =\n".write(to: file, atomically: true, encoding: .utf8)
            let article = try CLI.run(["search", file.path])
            #expect(article.status == 64)
            #expect(article.stderr.contains("'\(file.path)' is an article: give the QUERY after it"))
        }
    }

    @Test("The title line is searched too, as grep finds it")
    func titleLine() throws {
        let result = try CLI.run(["search", "Dual"])
        #expect(result.output.hasPrefix("dual-power.txt:1: Dual power: Dual power\n"))
    }
}
