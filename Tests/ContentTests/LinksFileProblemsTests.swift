import Foundation
import TestSupport
import Testing
@testable import Content

/// A links file with several problems: every one is said, each at its own line and in line
/// order, by every command that reads links and the explorer alike, as `seealso config
/// --check` says a configuration's. (`search` reads no links file: see `SearchCommandTests`.) (Only the first problem used to be said: fixing a file took a run per
/// mistake.)
@Suite("Every problem of a links file")
struct LinksFileProblemsTests {
    static let article = """
        = Basic =

        Alpha and Gamma came first.

        == Strategies ==
        - Alpha – the first way.
        - Delta – the fourth way.

        == See also ==
        - Alpha
        - Opus: Magnum

        """

    /// Two links with three problems between them: the first one's `from`, the second one's
    /// `to` and `type`.
    static let links = """
        [[link]]
        from = "see-also: Nope"
        to = "strategy: Delta"
        type = "related"
        rationale = "x"
        [[link]]
        from = "see-also: Alpha"
        to = "strategy: Nope2"
        type = "bogus"
        rationale = "x"

        """

    static let relations = "theory-of, practice-of, form-of, variant-of, same-topic, instance-of, context-of, analogous-to, "
        + "developed-in, described-in, related"

    /// The three problems, as stderr has them for `basic.txt` in a folder `prefix`.
    static func expected(in prefix: String = "") -> String {
        """
        seealso: \(prefix)basic.links.toml:2: no see-also topic named 'Nope' in 'Basic'
        seealso: \(prefix)basic.links.toml:8: no strategy named 'Nope2' in 'Basic'
        seealso: \(prefix)basic.links.toml:9: unknown link type 'bogus' (one of: \(relations))

        """
    }

    /// `seealso ARGUMENTS` run in a folder holding `basic.txt` and `basic.links.toml` (and,
    /// under `articles/`, the same two and a good article).
    static func run(_ arguments: [String]) throws -> CLI.Result {
        try withTemporaryDirectory { directory in
            let folder = directory.appendingPathComponent("articles")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for place in [directory, folder] {
                try article.write(to: place.appendingPathComponent("basic.txt"), atomically: true, encoding: .utf8)
                try links.write(to: place.appendingPathComponent("basic.links.toml"), atomically: true, encoding: .utf8)
            }
            try "= Good =\n\nText.\n".write(to: folder.appendingPathComponent("good.txt"), atomically: true, encoding: .utf8)
            return try CLI.run(arguments, in: directory)
        }
    }

    /// The explorer is `seealso basic.txt`: with standard output not a terminal it loads the
    /// article as on one, then prints the outline.
    @Test("Every command, and the explorer, says all three problems and exits 65", arguments: [
        ["outline"], ["links"], ["export", "--format", "json"], ["export", "--format", "markdown"],
        ["export", "--format", "dot"], [],
    ])
    func everyCommand(command: [String]) throws {
        let result = try Self.run(command + ["basic.txt"])
        #expect(result.status == 65)
        #expect(result.stderr == Self.expected())
        #expect(result.output.isEmpty)
    }

    @Test("In a folder, the problems are said and the other articles still printed")
    func inAFolder() throws {
        let result = try Self.run(["outline", "articles"])
        #expect(result.status == 65)
        #expect(result.stderr == Self.expected(in: "articles/"))
        #expect(result.output == "== articles/good.txt: Good ==\n  1  (lead)\n")
    }

    /// Each problem of a links file is a failure of the folder's (the explorer's notice counts
    /// their files: `FolderNoticeTests`).
    @Test("A folder's failures list each problem")
    func folderFailures() throws {
        try withTemporaryDirectory { directory in
            try Self.article.write(to: directory.appendingPathComponent("basic.txt"), atomically: true, encoding: .utf8)
            try Self.links.write(to: directory.appendingPathComponent("basic.links.toml"), atomically: true, encoding: .utf8)
            let corpus = try Corpus.load(directory: directory.path)
            #expect(corpus.failures.map(\.line) == [2, 8, 9])
            #expect(corpus.catalog.failures.map(\.line) == [2, 8, 9])
        }
    }

    /// The problems of `toml` as the links file of the article above.
    static func problems(_ toml: String) throws -> [String] {
        let parsed = try ArticleParser().parse(article, path: "basic.txt")
        do {
            _ = try LinkedArticle(article: parsed, annotations: (toml, "basic.links.toml"))
            return []
        } catch let errors as SourceErrors {
            return errors.errors.map(\.description)
        }
    }

    @Test("Problems are in line order, whatever order the keys are checked in")
    func lineOrder() throws {
        // TOMLKit lists a table's keys in its own order (zzz after aaa); the messages follow the file.
        let toml = """
            zzz = 1
            aaa = 2
            article = "Other"
            [[link]]
            from = "Alpha"
            to = "see-also: Alpha"
            type = "related"
            [[link]]
            from = "strategy: Alpha"
            to = "see-also: Alpha"
            type = "related"
            rationale = "Fine."
            """
        #expect(try Self.problems(toml) == [
            "basic.links.toml:1: unknown key 'zzz' (expected 'article' and [[link]] tables)",
            "basic.links.toml:2: unknown key 'aaa' (expected 'article' and [[link]] tables)",
            "basic.links.toml:3: these links are for 'Other', not for 'Basic'",
            "basic.links.toml:4: [[link]] lacks 'rationale'",
            "basic.links.toml:5: 'Alpha' is ambiguous (strategy:alpha, see-also:alpha): write it as 'kind: name'",
        ])
    }

    /// TOMLKit reads a C string, which ends at a NUL: the rest of the file was ignored, its
    /// problems unsaid. A NUL is no character TOML allows, as \u{1} is not.
    @Test("A NUL is an error at its line, not the end of the file")
    func nulCharacter() throws {
        let toml = "[[link]]\nfrom = \"strategy: Alpha\"\nto = \"see-also: Alpha\"\ntype = \"related\"\nrationale = \"r\"\n\u{0}\n[[link]]\nfrom = \"Nope\"\n"
        #expect(try Self.problems(toml) == ["basic.links.toml:6: invalid TOML: a NUL character (U+0000), which TOML does not allow"])
    }

    /// Escaped, TOML allows a NUL, and TOMLKit cut the string at it: `from = "Municipalism\u0000junk"`
    /// was the link from Municipalism, and the rationale `"r\u0000hidden"` was "r", without a
    /// word. An escaped backslash before the u is no escape, and stays text.
    @Test func anEscapedNULIsAnErrorAtItsLine() throws {
        let toml = "[[link]]\nfrom = \"strategy: Alpha\"\nto = \"see-also: Alpha\"\ntype = \"related\"\nrationale = \"r\\u0000hidden\"\n"
        #expect(try Self.problems(toml) == ["basic.links.toml:5: a NUL character (\\u0000) in a string, which seealso cannot read"])
        let long = toml.replacingOccurrences(of: "\\u0000", with: "\\U00000000")
        #expect(try Self.problems(long) == ["basic.links.toml:5: a NUL character (\\u0000) in a string, which seealso cannot read"])
        #expect(TOMLInput.unreadable("a = \"x\\\\u0000\"\nb = '\\u0001'\n") == nil, "\\\\u0000 is a backslash, then text")
    }

    /// A byte-order mark before the first [[link]] hid its header from the scan that finds
    /// each key's line: every problem was reported a table off, out of order.
    @Test("A byte-order mark changes no line")
    func byteOrderMark() throws {
        let toml = "[[link]]\nfrom = \"foo: Alpha\"\nto = \"strategy: Alpha\"\ntype = \"bogus\"\nrationale = \"x\"\n\n[[link]]\nfrom = \"strategy: Nope\"\nto = \"strategy: Alpha\"\ntype = \"related\"\nrationale = \"y\"\n"
        let plain = try Self.problems(toml)
        #expect(plain.map { $0.split(separator: ":")[1] } == ["2", "4", "8"], "\(plain)")
        #expect(try Self.problems("\u{FEFF}" + toml) == plain)
    }

    @Test("A [[link]] that lacks several keys is told each")
    func everyMissingKey() throws {
        #expect(try Self.problems("[[link]]\nfrom = \"strategy: Alpha\"\n") == [
            "basic.links.toml:1: [[link]] lacks 'to'",
            "basic.links.toml:1: [[link]] lacks 'type'",
            "basic.links.toml:1: [[link]] lacks 'rationale'",
        ])
    }

    @Test("A file with one problem still says just that one")
    func oneProblem() throws {
        let toml = "[[link]]\nfrom = \"strategy: Alpha\"\nto = \"see-also: Alpha\"\ntype = \"related\"\nrationale = \"\"\n"
        #expect(try Self.problems(toml) == ["basic.links.toml:5: 'rationale' must be a non-empty string"])
    }

    /// `from` or `to` = `reference`, the other end valid: the one problem, or none.
    static func problems(naming reference: String) throws -> [String] {
        try problems("[[link]]\nfrom = \"\(reference)\"\nto = \"strategy: Delta\"\ntype = \"related\"\nrationale = \"r\"\n")
    }

    @Test("A word before the colon that is no kind is said to be an unknown kind, with the kinds", arguments: [
        ("foo: Alpha", "foo"), ("strategies: Alpha", "strategies"), ("Foo:Alpha", "Foo"),
    ])
    func unknownKind(reference: String, kind: String) throws {
        #expect(try Self.problems(naming: reference) == [
            "basic.links.toml:2: unknown kind '\(kind)' in '\(reference)' (one of: see-also, example, strategy, section)",
        ])
    }

    @Test("A name with a colon in it is still a name: found when it exists, else not found")
    func namesWithColons() throws {
        #expect(try Self.problems(naming: "Opus: Magnum") == [])
        #expect(try Self.problems(naming: "see-also: Opus: Magnum") == [])
        #expect(try Self.problems(naming: "Star Wars: Episode IV") == [
            "basic.links.toml:2: no item or section named 'Star Wars: Episode IV' in 'Basic'",
        ])
    }
}
