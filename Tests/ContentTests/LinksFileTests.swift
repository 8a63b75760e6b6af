import Foundation
import Testing
@testable import Content
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

    /// Said as an article and a configuration say it (QA 13b: "invalid UTF-8: byte 0xFF at
    /// column 1" alone).
    @Test func aUTF16LinksFileSaysSo() throws {
        let (result, path) = try Self.links { path in
            let bytes: [UInt8] = [0xFF, 0xFE] + "[[link]]\n".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
            try Data(bytes).write(to: URL(fileURLWithPath: path))
        }
        #expect(result.status == 65)
        #expect(result.stderr.hasPrefix("seealso: \(path):1: it is UTF-16 (it starts with a UTF-16 byte-order mark)"), "\(result.stderr)")
    }

    @Test("A folder in its place is reported (status 66), not taken for no links")
    func folder() throws {
        let (result, path) = try Self.links { try FileManager.default.createDirectory(atPath: $0, withIntermediateDirectories: false) }
        #expect(result.status == 66)
        #expect(result.stderr == "seealso: \(path): cannot read file: it is a folder, not a file\n")
    }

    /// A symbolic link to nothing was taken for no links file (status 0), while a folder in
    /// its place was reported.
    @Test("A symbolic link to nothing in its place is reported (status 66) by every command, with where it points")
    func danglingLink() throws {
        try withTemporaryDirectory { directory in
            let file = directory.appendingPathComponent("a.txt")
            try "= A =\n\n== See also ==\n- B\n- C\n".write(to: file, atomically: true, encoding: .utf8)
            let linksPath = directory.appendingPathComponent("a.links.toml").path
            try FileManager.default.createSymbolicLink(atPath: linksPath, withDestinationPath: "gone.toml")
            let expected = "seealso: \(linksPath): cannot read file: it is a symbolic link to 'gone.toml', which does not exist\n"
            let data = directory.appendingPathComponent("data").path
            for arguments in [["links", file.path], ["outline", file.path], [file.path],
                              ["export", "--format", "json", file.path], ["export", "--format", "markdown", file.path],
                              ["export", "--format", "dot", file.path],
                              ["bookmarks", "add", file.path, "--section", "See also", "--data-dir", data]] {
                let result = try CLI.run(arguments)
                #expect(result.status == 66, "\(arguments)")
                #expect(result.stderr == expected, "\(arguments)")
                #expect(result.stdout.isEmpty, "\(arguments)")
            }
            // In a folder, as any article that fails: said, and the others still listed (65).
            let folder = try CLI.run(["outline", directory.path])
            #expect(folder.status == 65)
            #expect(folder.stderr == expected)
        }
    }

    /// Names in a links file are read as `--item` reads them: "see-also: Marxism-Leninism"
    /// (a hyphen) was "no item or section named …" for the bundled "Marxism–Leninism".
    @Test("Names compare as on the command line: case, accents and the kind of dash aside")
    func namesFoldAsOnTheCommandLine() throws {
        let article = try ArticleParser().parse("= A =\nLead.\n\n== See also ==\n- Marxism–Leninism\n- Élan vital\n", path: "a.txt")
        let toml = "[[link]]\nfrom = \"see-also: marxism-leninism\"\nto = \"ELAN VITAL\"\ntype = \"related\"\nrationale = \"r\"\n"
        let model = try LinkedArticle(article: article, annotations: (toml, "a.links.toml"))
        let id = { (name: String) in model.items.first { $0.name == name }?.id }
        let curated = model.graph.links.filter { $0.origin == .curated }.map { [$0.from, $0.to] }
        #expect(curated == [[id("Marxism–Leninism"), id("Élan vital")].compactMap { $0 }])
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
