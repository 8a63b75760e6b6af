import Foundation
import Testing
import TestSupport

/// `NAME.links.toml` beside an article: only a file that is not there means "no curated
/// links"; anything else in its place is said, as for the article itself.
@Suite("The links file beside an article")
struct LinksFileTests {
    static let article = "= A =\n\n== See also ==\n- B\n- C\n"

    @Test("A FIFO in its place is reported (status 66), not waited on", .timeLimit(.minutes(1)))
    func fifo() throws {
        try withTemporaryDirectory { directory in
            let file = directory.appendingPathComponent("a.txt")
            try Self.article.write(to: file, atomically: true, encoding: .utf8)
            let links = directory.appendingPathComponent("a.links.toml").path
            #expect(mkfifo(links, 0o600) == 0)
            let result = try CLI.run(["links", file.path])
            #expect(result.status == 66)
            #expect(result.stderr == "seealso: \(links): cannot read file: it is a pipe, not a regular file\n")
            #expect(result.stdout.isEmpty)
        }
    }

    @Test("A folder in its place is reported (status 66), not taken for no links")
    func folder() throws {
        try withTemporaryDirectory { directory in
            let file = directory.appendingPathComponent("a.txt")
            try Self.article.write(to: file, atomically: true, encoding: .utf8)
            let links = directory.appendingPathComponent("a.links.toml")
            try FileManager.default.createDirectory(at: links, withIntermediateDirectories: false)
            let result = try CLI.run(["links", file.path])
            #expect(result.status == 66)
            #expect(result.stderr == "seealso: \(links.path): is a folder, not a file\n")
        }
    }

    @Test("No file: the article loads without curated links")
    func absent() throws {
        try withTemporaryDirectory { directory in
            let file = directory.appendingPathComponent("a.txt")
            try Self.article.write(to: file, atomically: true, encoding: .utf8)
            let result = try CLI.run(["links", file.path])
            #expect(result.status == 0)
            #expect(result.stderr == "")
            #expect(!result.output.contains("[curated]"))
        }
    }
}
