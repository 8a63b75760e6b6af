import Foundation
import Testing
import TestSupport
@testable import Content

/// A folder's files are shown as the folder was given, as grep -r and find print them; the
/// search index still keys them by absolute path.
@Suite("Paths in a folder, spelled as the folder was given")
struct FolderSpellingTests {
    @Test("given ↔ absolute, for a relative, a trailing-slash, a dot and the root folder")
    func bothWays() {
        let cwd = FileManager.default.currentDirectoryPath
        let relative = FolderCatalog.FolderSpelling("arts/")
        #expect(relative.given == "arts")
        #expect(FolderCatalog.FolderSpelling("arts//").given(cwd + "/arts/a.txt") == "arts/a.txt")
        #expect(FolderCatalog.FolderSpelling("//").given == "/")
        #expect(relative.absolute == cwd + "/arts")
        #expect(relative.given(cwd + "/arts/sub/a.txt") == "arts/sub/a.txt")
        #expect(relative.absolute("arts/sub/a.txt") == cwd + "/arts/sub/a.txt")
        #expect(relative.given("/elsewhere/a.txt") == "/elsewhere/a.txt", "a path outside is left alone")
        #expect(FolderCatalog.FolderSpelling(".").given(cwd + "/a.txt") == "./a.txt")
        #expect(FolderCatalog.FolderSpelling("/").given("/etc/a.txt") == "/etc/a.txt")
        #expect(FolderCatalog.FolderSpelling("/").absolute("/etc/a.txt") == "/etc/a.txt")
    }

    @Test("search, outline and a broken file's message, run from the folder's parent")
    func commandLine() throws {
        try withTemporaryDirectory { directory in
            let arts = directory.appendingPathComponent("arts")
            try FileManager.default.createDirectory(at: arts.appendingPathComponent("sub"), withIntermediateDirectories: true)
            try "= Alpha =\n\nBeta here.\n".write(to: arts.appendingPathComponent("alpha.txt"), atomically: true, encoding: .utf8)
            try "= Beta =\n\nBeta again.\n".write(to: arts.appendingPathComponent("sub/beta.txt"), atomically: true, encoding: .utf8)
            try "= Bad =\n== x ===\n".write(to: arts.appendingPathComponent("bad.txt"), atomically: true, encoding: .utf8)

            let search = try CLI.run(["search", "arts/", "Beta"], in: directory)
            #expect(search.output == "arts/alpha.txt:3: Alpha: Beta here.\narts/sub/beta.txt:1: Beta: Beta\narts/sub/beta.txt:3: Beta: Beta again.\n")
            #expect(search.stderr == "seealso: arts/bad.txt:2: unbalanced heading: 2 '=' before the text and 3 after\n")

            let outline = try CLI.run(["outline", "./arts"], in: directory)
            #expect(outline.output.split(separator: "\n").filter { $0.hasPrefix("== ") }
                    == ["== ./arts/alpha.txt: Alpha ==", "== ./arts/sub/beta.txt: Beta =="])
        }
    }

    /// A link to another file of the folder (`current.txt -> 2024.txt`), or a second hard
    /// link, is the same article: it was listed twice, two articles of one title (QA). The
    /// file's own name is kept; a link to a file outside the folder, and a broken one, stay.
    @Test("Each file once: links to a file of the folder are not a second article")
    func linkedFilesOnce() throws {
        try withTemporaryDirectory { directory in
            let arts = directory.appendingPathComponent("arts")
            let elsewhere = directory.appendingPathComponent("elsewhere")
            for folder in [arts, elsewhere] { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
            try "= Alpha =\n\nBeta here.\n".write(to: arts.appendingPathComponent("b-alpha.txt"), atomically: true, encoding: .utf8)
            try "= Gamma =\n\nBeta too.\n".write(to: elsewhere.appendingPathComponent("gamma.txt"), atomically: true, encoding: .utf8)
            let links = FileManager.default
            try links.createSymbolicLink(atPath: arts.appendingPathComponent("a-current.txt").path, withDestinationPath: "b-alpha.txt")
            try links.createSymbolicLink(atPath: arts.appendingPathComponent("c-again.txt").path, withDestinationPath: "a-current.txt")
            try links.linkItem(at: arts.appendingPathComponent("b-alpha.txt"), to: arts.appendingPathComponent("d-hard.txt"))
            try links.createSymbolicLink(atPath: arts.appendingPathComponent("gamma.txt").path, withDestinationPath: "../elsewhere/gamma.txt")
            try links.createSymbolicLink(atPath: arts.appendingPathComponent("gone.txt").path, withDestinationPath: "nothing.txt")

            let listed = try FolderCatalog.articleFiles(in: arts.path).paths.map { URL(fileURLWithPath: $0).lastPathComponent }
            #expect(listed == ["b-alpha.txt", "gamma.txt", "gone.txt"], "\(listed)")

            let search = try CLI.run(["search", "arts", "Beta"], in: directory)
            #expect(search.output == "arts/b-alpha.txt:3: Alpha: Beta here.\narts/gamma.txt:3: Gamma: Beta too.\n", "\(search.output)")
        }
    }

    @Test("A folder given as a symbolic link is followed, as grep -r and ls follow it; its paths are spelled through the link")
    func linkedFolder() throws {
        try withTemporaryDirectory { directory in
            let arts = directory.appendingPathComponent("arts")
            try FileManager.default.createDirectory(at: arts.appendingPathComponent("sub"), withIntermediateDirectories: true)
            try "= Alpha =\n\nBeta here.\n".write(to: arts.appendingPathComponent("alpha.txt"), atomically: true, encoding: .utf8)
            try "= Beta =\n\nBeta again.\n".write(to: arts.appendingPathComponent("sub/beta.txt"), atomically: true, encoding: .utf8)
            try FileManager.default.createSymbolicLink(atPath: directory.appendingPathComponent("linked").path, withDestinationPath: "arts")

            for given in ["linked", "linked/"] {
                let search = try CLI.run(["search", given, "again"], in: directory)
                #expect(search.status == 0, "\(given)")
                #expect(search.output == "linked/sub/beta.txt:3: Beta: Beta again.\n", "\(given)")
                let outline = try CLI.run(["outline", given], in: directory)
                #expect(outline.status == 0, "\(given)")
                #expect(outline.output.split(separator: "\n").filter { $0.hasPrefix("== ") }
                        == ["== linked/alpha.txt: Alpha ==", "== linked/sub/beta.txt: Beta =="], "\(given)")
            }
        }
    }
}
