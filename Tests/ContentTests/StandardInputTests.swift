import Foundation
import TestSupport
import Testing
@testable import Content

extension CLI {
    /// `seealso ARGUMENTS` with `text` piped in, as `cat FILE | seealso …` gives it: a pipe,
    /// not a redirected file (QA's case; a file would be a regular file on descriptor 0).
    static func piped(_ text: String, _ arguments: [String]) throws -> Result {
        try withTemporaryDirectory { directory in
            let file = directory.appendingPathComponent("piped.txt")
            try text.write(to: file, atomically: true, encoding: .utf8)
            return try run(["-c", "cat \"$0\" | \"$@\"", file.path, try binary().path] + arguments,
                           executable: URL(fileURLWithPath: "/bin/sh"))
        }
    }

    /// `command` run by `sh -c`, for a pipe the test cannot write itself (64 MB of it).
    static func shell(_ command: String) throws -> Result {
        try run(["-c", command], executable: URL(fileURLWithPath: "/bin/sh"))
    }
}

/// PATH `-`: standard input, as grep, jq and less read it, named "(standard input)".
@Suite("Standard input as the article")
struct StandardInputTests {
    /// An article that is none of the bundled one's: its outline cannot be mistaken for it.
    static let article = """
        = Piped article =
        A lead that mentions the Gamma council.

        == History ==
        The Gamma council met in 1871, and Delta later.

        == See also ==
        - Gamma council
        - Delta

        """

    /// Line 7 is a heading with three `=` before and two after.
    static let broken = "= Broken =\nLead.\n\n== Fine ==\nText.\n\n=== Unbalanced ==\n"

    /// What each command prints for the article given as a file: `-` must print the same.
    func asFile(_ arguments: [String]) throws -> CLI.Result {
        try withTemporaryDirectory { directory in
            let file = directory.appendingPathComponent("piped.txt")
            try Self.article.write(to: file, atomically: true, encoding: .utf8)
            return try CLI.run(arguments + [file.path])
        }
    }

    static let commands: [[String]] = [
        ["outline"], ["links"], ["links", "--kind", "see-also", "--origin", "detected"],
        ["export", "--format", "json"], ["export", "--format", "markdown"], ["export", "--format", "dot"],
        ["export", "--format", "dot", "--focus", "Gamma"],
    ]

    /// QA 30: "No items of the requested kind." named neither the kind nor the article.
    @Test func noItemOfTheKindsAskedForNamesThemAndTheArticle() throws {
        let model = try LinkedArticle(article: ArticleParser().parse("= Quiet =\n\n== See also ==\n- Alpha\n", path: "q.txt"))
        #expect(LinksFormatter(kinds: [.example]).format(model) == "No examples in 'Quiet'.\n")
        #expect(LinksFormatter(kinds: [.example, .strategy]).format(model) == "No examples or strategies in 'Quiet'.\n")
    }

    /// A folder as standard input is said as a folder given as FILE is (QA 30: "is a
    /// directory", where every other message says "it is a folder, not a file").
    @Test func aFolderAsStandardInputIsSaidAsAFolder() throws {
        try withTemporaryDirectory { folder in
            let result = try CLI.run(["outline", "-"], input: folder)
            #expect(result.status == 66)
            #expect(result.stderr == "seealso: (standard input): cannot read file: it is a folder, not a file\n", "\(result.stderr)")
        }
    }

    /// `seealso ARGUMENTS`, where the word "FIFO" is a named pipe the article is written into,
    /// as `seealso … <(cat FILE)` gives it; and the pipe's path.
    static func throughNamedPipe(_ arguments: [String]) throws -> (result: CLI.Result, fifo: String) {
        try withTemporaryDirectory { directory in
            let source = directory.appendingPathComponent("source.txt")
            try Self.article.write(to: source, atomically: true, encoding: .utf8)
            let fifo = directory.appendingPathComponent("fifo").path
            // The writer is killed once seealso is done: one that never read the pipe left it
            // blocked in open(2), holding the test's output open.
            let script = #"mkfifo "$1" && { cat "$0" > "$1" 2>/dev/null & } && shift && "$@"; status=$?; kill $! 2>/dev/null; exit $status"#
            let result = try CLI.run(["-c", script, source.path, fifo, try CLI.binary().path] + arguments.map { $0 == "FIFO" ? fifo : $0 },
                                     executable: URL(fileURLWithPath: "/bin/sh"))
            return (result, fifo)
        }
    }

    /// A FILE that is a pipe (`<(…)`, a FIFO) is read as `-` is, once, and named by its path
    /// (QA 30: refused as "a pipe, not a regular file", where less, grep, `--config` and
    /// `bookmarks import` read one).
    @Test("A FILE that is a named pipe is read as its file is", arguments: [["outline"], ["links"], ["links", "--kind", "see-also"]])
    func aNamedPipeIsRead(command: [String]) throws {
        let expected = try asFile(command)
        let (piped, _) = try Self.throughNamedPipe(command + ["FIFO"])
        #expect(piped.status == 0, "\(piped.stderr)")
        #expect(piped.stderr == "")
        #expect(piped.output == expected.output)
    }

    @Test func aNamedPipeIsSearchedAndNamedByItsPathButNotBookmarked() throws {
        let (found, fifo) = try Self.throughNamedPipe(["search", "FIFO", "Delta"])
        #expect(found.status == 0, "\(found.stderr)")
        #expect(found.output.hasPrefix("\(fifo):5: History: "), "\(found.output)")
        let (added, _) = try Self.throughNamedPipe(["bookmarks", "add", "FIFO", "--section", "History"])
        #expect(added.status == 64)
        #expect(added.stderr.hasPrefix("seealso: an article read from a pipe cannot be bookmarked"), "\(added.stderr)")
    }

    @Test("outline, links and every export read a piped article for -, as for its file", arguments: commands)
    func commandsReadThePipe(command: [String]) throws {
        let expected = try asFile(command)
        #expect(expected.status == 0 && expected.stderr.isEmpty)
        let piped = try CLI.piped(Self.article, command + ["-"])
        #expect(piped.status == 0)
        #expect(piped.stderr == "")
        #expect(piped.output == expected.output)
        #expect(!piped.output.isEmpty)
        #expect(!piped.output.contains("Dual power"))
    }

    @Test("The outline of a piped article, and /dev/stdin is - too (it was 'a pipe, not a regular file')")
    func outlineAndDevStdin() throws {
        let outline = "Piped article\n  1  (lead)\n  4  History\n  7  See also  · 2 see-also topics\n"
        for path in ["-", "/dev/stdin"] {
            let result = try CLI.piped(Self.article, ["outline", path])
            #expect(result.status == 0, "\(path)")
            #expect(result.stderr == "", "\(path)")
            #expect(result.output == outline, "\(path)")
        }
        // Redirected (a regular file on descriptor 0), the same.
        try withTemporaryDirectory { directory in
            let file = directory.appendingPathComponent("a.txt")
            try Self.article.write(to: file, atomically: true, encoding: .utf8)
            let redirected = try CLI.run(["outline", "-"], input: file)
            #expect(redirected.status == 0 && redirected.output == outline)
        }
    }

    @Test("seealso - with stdout not a terminal prints the piped article's outline, as seealso does")
    func explorerPrintsTheOutline() throws {
        let result = try CLI.piped(Self.article, ["-"])
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(result.output == (try CLI.piped(Self.article, ["outline", "-"])).output)
        #expect(result.output.hasPrefix("Piped article\n"))
    }

    @Test("A malformed piped article is '(standard input):LINE: message', status 65, for every command")
    func errorsNameStandardInput() throws {
        let message = "seealso: (standard input):7: unbalanced heading: 3 '=' before the text and 2 after\n"
        for command in [["outline", "-"], ["links", "-"], ["export", "--format", "json", "-"], ["export", "--format", "markdown", "-"],
                        ["search", "-", "Fine"], ["-"], ["-", "--section", "Fine"]] {
            let result = try CLI.piped(Self.broken, command)
            #expect(result.status == 65, "\(command)")
            #expect(result.stderr == message, "\(command)")
            #expect(result.stdout.isEmpty, "\(command)")
        }
        let empty = try CLI.piped("", ["outline", "-"])
        #expect(empty.status == 65)
        #expect(empty.stderr == "seealso: (standard input):1: empty file: an article starts with a title line '= Title ='\n")
    }

    @Test("search - QUERY: (standard input) in the path column, and as --json's path")
    func search() throws {
        let result = try CLI.piped(Self.article, ["search", "-", "Gamma"])
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(result.output == """
            (standard input):2: Piped article: A lead that mentions the Gamma council.
            (standard input):5: History: The Gamma council met in 1871, and Delta later.
            (standard input):8: See also: Gamma council

            """)
        let json = try CLI.piped(Self.article, ["search", "-", "Gamma", "--json"])
        #expect(json.status == 0)
        let hits = try #require(try JSONSerialization.jsonObject(with: json.stdout) as? [[String: Any]])
        #expect(hits.map { $0["path"] as? String } == Array(repeating: "(standard input)", count: 3))
        #expect(hits.map { $0["line"] as? Int } == [2, 5, 8])
        #expect(hits.map { $0["article"] as? String } == Array(repeating: "Piped article", count: 3))
        let none = try CLI.piped(Self.article, ["search", "-", "Kornilov"])
        #expect(none.status == 1 && none.stdout.isEmpty && none.stderr.isEmpty)
    }

    @Test("More than 64 MB from standard input is refused as a --config pipe is: status 66")
    func capped() throws {
        let seealso = try CLI.binary().path
        let result = try CLI.shell("head -c \((64 << 20) + 1) /dev/zero | '\(seealso)' outline -")
        #expect(result.status == 66)
        #expect(result.stderr == "seealso: (standard input): cannot read file: standard input gave more than 64 MB\n")
        #expect(result.stdout.isEmpty)
    }

    @Test("bookmarks add - is refused (64) before any store is made: a bookmark needs a file")
    func bookmarksAddRefused() throws {
        try withTemporaryDirectory { directory in
            let data = directory.appendingPathComponent("data").path
            for path in ["-", "/dev/stdin"] {
                let result = try CLI.piped(Self.article, ["bookmarks", "add", path, "--section", "History", "--data-dir", data])
                #expect(result.status == 64, "\(path)")
                #expect(result.stderr.hasPrefix("seealso: an article read from standard input cannot be bookmarked: "
                                                + "a bookmark needs a file to come back to. Give the article's PATH.\nUsage: "), "\(path)")
                #expect(result.stdout.isEmpty)
            }
            #expect(!FileManager.default.fileExists(atPath: data))
        }
    }

    /// The note: a script that pipes an article in and forgets `-` sees why its output is
    /// "Dual power". Said once, after the output; the status is unchanged.
    static let note = "seealso: read the bundled article \u{201C}Dual power\u{201D}, not standard input, which is a pipe: '-' reads it"

    @Test("Without PATH, a piped stdin still reads the bundled article, and says that - reads the pipe")
    func notesThatDashReadsThePipe() throws {
        let outline = try CLI.piped(Self.article, ["outline"])
        #expect(outline.status == 0)
        #expect(outline.output == CLITests.bundledOutline)
        #expect(outline.stderr == Self.note + " (seealso outline -)\n")

        let links = try CLI.piped(Self.article, ["links", "--kind", "strategy"])
        #expect(links.status == 0 && links.output.hasPrefix("Strategies (5)\n"))
        #expect(links.stderr == Self.note + " (seealso links -)\n")

        let export = try CLI.piped(Self.article, ["export", "--format", "json"])
        #expect(export.status == 0)
        #expect(export.stderr == Self.note + " (seealso export --format json -)\n")

        // The plain start, which prints the outline when stdout is not a terminal.
        let plain = try CLI.piped(Self.article, [])
        #expect(plain.status == 0 && plain.output == CLITests.bundledOutline)
        #expect(plain.stderr == Self.note + " (seealso -)\n")

        // search with one argument: said before the status, 1 when nothing matched.
        let search = try CLI.piped(Self.article, ["search", "Gamma council"])
        #expect(search.status == 1)
        #expect(search.stderr == Self.note + " (seealso search - 'Gamma council')\n")
        let found = try CLI.piped(Self.article, ["search", "Kornilov"])
        #expect(found.status == 0 && found.output.hasPrefix("(bundled) dual-power.txt:"))
        #expect(found.stderr == Self.note + " (seealso search - Kornilov)\n")

        // Not when stdin is /dev/null (a script without input) or a file, nor with a PATH.
        #expect(try CLI.run(["outline"]).stderr == "")
        try withTemporaryDirectory { directory in
            let file = directory.appendingPathComponent("a.txt")
            try Self.article.write(to: file, atomically: true, encoding: .utf8)
            #expect(try CLI.run(["outline"], input: file).stderr == "")
            let withPath = try CLI.piped(Self.article, ["outline", file.path])
            #expect(withPath.status == 0 && withPath.stderr == "")
        }
    }
}
