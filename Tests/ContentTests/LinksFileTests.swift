import Foundation
import Testing
import TestSupport

/// `NAME.links.toml` beside an article: only a file that is not there means "no curated
/// links"; anything else in its place is said, as for the article itself.
@Suite("The links file beside an article")
struct LinksFileTests {
    /// `seealso links a.txt` after `place` has put something (or nothing) at `a.links.toml`.
    static func links(placing place: (_ linksPath: String) throws -> Void) throws -> (result: CLI.Result, linksPath: String) {
        try withTemporaryDirectory { directory in
            let file = directory.appendingPathComponent("a.txt")
            try "= A =\n\n== See also ==\n- B\n- C\n".write(to: file, atomically: true, encoding: .utf8)
            let linksPath = directory.appendingPathComponent("a.links.toml").path
            try place(linksPath)
            return (try CLI.run(["links", file.path]), linksPath)
        }
    }

    @Test("A FIFO in its place is reported (status 66), not waited on", .timeLimit(.minutes(1)))
    func fifo() throws {
        let (result, path) = try Self.links { #expect(mkfifo($0, 0o600) == 0) }
        #expect(result.status == 66)
        #expect(result.stderr == "seealso: \(path): cannot read file: it is a pipe, not a regular file\n")
        #expect(result.stdout.isEmpty)
    }

    @Test("A folder in its place is reported (status 66), not taken for no links")
    func folder() throws {
        let (result, path) = try Self.links { try FileManager.default.createDirectory(atPath: $0, withIntermediateDirectories: false) }
        #expect(result.status == 66)
        #expect(result.stderr == "seealso: \(path): cannot read file: it is a folder, not a file\n")
    }

    @Test("No file: the article loads without curated links")
    func absent() throws {
        let (result, _) = try Self.links { _ in }
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(result.output.contains("see-also:b"))
        #expect(!result.output.contains("[curated]"))
    }
}
