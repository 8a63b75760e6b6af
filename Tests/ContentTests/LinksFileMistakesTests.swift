import Foundation
import TestSupport
import Testing
@testable import Content

/// The mistakes an author makes writing a links file, and what they are told (QA 18a): every
/// close match offered is itself accepted, a duplicate says where the first one is, TOML's
/// syntax errors are said plainly with a column, and names, kinds, types and the article's
/// title fold alike.
@Suite("Mistakes in a links file")
struct LinksFileMistakesTests {
    /// An article whose title names its lead, with two headings alike and items of each kind.
    static let diggers = """
        = Diggers =
        The Diggers dug the commons at St George's Hill.

        == History ==
        In 1649 they began.

        == Aftermath ==
        It ended.

        == History ==
        Historians came back to them.

        == Strategies ==
        - Direct action – digging the commons.
        - Pamphleteering – Winstanley's tracts.

        == See also ==
        - Levellers
        - Direct action
        - True Levellers

        """

    /// `from` (to the lead, or from it when `from` is the lead) as a links file's one link.
    static func link(from: String, to: String = "section: Aftermath", type: String = "related") -> String {
        "[[link]]\nfrom = \"\(from)\"\nto = \"\(to)\"\ntype = \"\(type)\"\nrationale = \"x\"\n"
    }

    /// The problems of `toml` as the links file of `article` (`d.txt`).
    static func problems(_ toml: String, article: String = diggers) throws -> [String] {
        let parsed = try ArticleParser().parse(article, path: "d.txt")
        do {
            _ = try LinkedArticle(article: parsed, annotations: (toml, "d.links.toml"))
            return []
        } catch let errors as SourceErrors {
            return errors.errors.map(\.description)
        }
    }

    static func resolver(_ text: String = diggers) throws -> NodeResolver {
        let article = try ArticleParser().parse(text, path: "d.txt")
        return NodeResolver(article: article, items: Classifier().classify(article))
    }

    /// Close matches are looked for only while the problems are among those listed: past
    /// them, each is said without (QA 28: a second each in an article of 60,000 items, and a
    /// links file of thousands of misspelt names ran for hours).
    @Test func closeMatchesOnlyForTheProblemsListed() throws {
        let links = (0..<(SourceErrors.listedLimit + 5)).map { _ in Self.link(from: "strategy: Direct actoin") }.joined(separator: "\n")
        let problems = try Self.problems(links)
        #expect(problems.count == SourceErrors.listedLimit + 5)
        let offered = problems.map { $0.contains("; close matches: Direct action") }
        #expect(offered == Array(repeating: true, count: SourceErrors.listedLimit) + Array(repeating: false, count: 5), "\(problems)")
        #expect(problems.last?.hasSuffix("no strategy named 'Direct actoin' in 'Diggers'") == true, "\(problems)")
    }

    /// QA 35: a name written word for word in a list that holds no items was said only to be
    /// no example's; the line that has it is said, and why its list holds none.
    @Test func aNameInAListOfNoKindSaysWhere() throws {
        let article = """
            = General strike =
            A general strike.

            == Notable general strikes ==
            Some were big.

            === Interwar period ===
            - Seattle General Strike – 1919.

            == See also ==
            - Mass strike

            """
        let problems = try Self.problems(Self.link(from: "example: seattle general strike", to: "see-also: Mass strike"), article: article)
        #expect(problems == ["d.links.toml:2: no example named 'seattle general strike' in 'General strike'; d.txt:8 has that name, "
                             + "in a list under 'Interwar period' whose heading and lead-in name no kind (\"Examples\", \"Strategies\", "
                             + "\"See also\"…), so it holds no items"])
        // A name that is an item of another kind says that instead.
        let other = try Self.problems(Self.link(from: "example: Mass strike", to: "section: Notable general strikes"), article: article)
        #expect(other.first?.contains("; a see-also topic has that name: 'see-also: Mass strike'") == true, "\(other)")
    }

    /// What ASCII folds to without Foundation is what Foundation folds it to (`Lookup.fold`).
    @Test func asciiFoldsAsFoundationFoldsIt() {
        let ascii = String(decoding: (0..<128).map { UInt8($0) }, as: UTF8.self)
        let foundation = String(String.UnicodeScalarView(ascii.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .unicodeScalars.map { StrokedLetters.folded(SearchFolder.unifiedPunctuation($0)) }))
        #expect(Lookup.fold(ascii) == foundation)
        #expect(Lookup.fold("Direct Action – Régis") == "direct action - regis", "the rest as before")
    }

    // MARK: - Close matches are names the resolver takes

    /// "no section named 'Diggers' in 'Diggers'; close matches: Diggers": the lead by its
    /// title was offered and refused. It is taken now, as `--section Diggers` takes it.
    @Test("The lead is named by its article's title, with or without section:")
    func leadByTitle() throws {
        let resolver = try Self.resolver()
        #expect(try resolver.resolve("section: Diggers") == "lead")
        #expect(try resolver.resolve("Diggers") == "lead")
        #expect(try resolver.resolve("diggers") == "lead")
        #expect(try Self.problems(Self.link(from: "section: Diggers")) == [])
    }

    /// Only where no heading or item has the name: a See-also topic named as the article
    /// stays the topic, as `--section` and `--focus` read it.
    @Test("A heading or item with the title's name comes before the lead")
    func nameBeforeTitle() throws {
        let text = Self.diggers.replacingOccurrences(of: "- True Levellers", with: "- Diggers")
        let resolver = try Self.resolver(text)
        #expect(try resolver.resolve("Diggers") == "see-also:diggers")
        #expect(try resolver.resolve("section: Diggers") == "lead")
    }

    @Test("An id after its kind is taken: section: history-2, see-also: see-also:levellers")
    func idAfterKind() throws {
        let resolver = try Self.resolver()
        #expect(try resolver.resolve("section: history-2") == "history-2")
        #expect(try resolver.resolve("section: lead") == "lead")
        #expect(try resolver.resolve("see-also: see-also:levellers") == "see-also:levellers")
        #expect(try resolver.resolve("see-also: direct-action") == "see-also:direct-action")
        // An id of another kind is still no name of this one.
        #expect(throws: NodeResolver.Problem.self) { try resolver.resolve("strategy: see-also:levellers") }
        #expect(throws: NodeResolver.Problem.self) { try resolver.resolve("section: see-also:levellers") }
    }

    @Test("What the messages offer", arguments: [
        // The lead's id for its name (it has no heading).
        ("section: Lead", "d.links.toml:2: no section named 'Lead' in 'Diggers'; close matches: lead"),
        // A name two headings share is offered as their ids, which name one each.
        ("section: Histroy", "d.links.toml:2: no section named 'Histroy' in 'Diggers'; close matches: history, history-2"),
        ("Histroy", "d.links.toml:2: no item or section named 'Histroy' in 'Diggers'; close matches: history, history-2"),
        // A name a strategy and a topic share, bare: their ids.
        ("Direct acton", "d.links.toml:2: no item or section named 'Direct acton' in 'Diggers'; "
            + "close matches: strategy:direct-action, see-also:direct-action"),
        ("strategy: Direct acton", "d.links.toml:2: no strategy named 'Direct acton' in 'Diggers'; close matches: Direct action"),
        // Of another kind: which has it, as it is written there, then the close matches (QA 33).
        ("example: direct ACTION", "d.links.toml:2: no example named 'direct ACTION' in 'Diggers'; "
            + "other places have that name: strategy:direct-action, see-also:direct-action"),
    ] as [(String, String)])
    func offered(reference: String, message: String) throws {
        #expect(try Self.problems(Self.link(from: reference)) == [message])
    }

    /// QA 34: a name in lowercase that is also a section's id was said to be the section's only.
    @Test func aNameOfSeveralOtherKindsIsSaidWhateverItsCase() throws {
        let article = "= Kinds =\n\n== Mutualism ==\nText.\n\n== Strategies ==\n- Mutualism – exchange.\n\n== See also ==\n- Mutualism\n"
        #expect(try Self.problems(Self.link(from: "example: mutualism", to: "section: Strategies"), article: article) == [
            "d.links.toml:2: no example named 'mutualism' in 'Kinds'; other places have that name: mutualism, strategy:mutualism, see-also:mutualism"])
    }

    @Test func aNameOfAnotherKindIsSaidAsItIsWrittenThereBeforeTheCloseMatches() throws {
        let article = Self.diggers.replacingOccurrences(of: "- True Levellers\n", with: "- True Levellers\n- Pamphleteering (tracts)\n")
        #expect(try Self.problems(Self.link(from: "see-also: pamphleteering"), article: article) == [
            "d.links.toml:2: no see-also topic named 'pamphleteering' in 'Diggers'; a strategy has that name: 'strategy: Pamphleteering'; "
                + "close matches: Pamphleteering (tracts)"])
    }

    /// Whatever is misspelt, each name offered, put in place of the one the message quotes,
    /// names one place: no suggestion is refused, none loops. Each place's name and id, and
    /// the lead's title, misspelt, bare and after the place's kind (every fourth place of the
    /// bundled article's, to keep the test short: each refusal looks among all the names).
    @Test("Every close match offered is accepted", arguments: [(diggers, 1), (ArticleLoader.bundledText(), 4)])
    func everyCloseMatchIsAccepted(text: String, stride step: Int) throws {
        let resolver = try Self.resolver(text)
        let places = Lookup.nodePlaces(of: resolver.article, items: resolver.items)
        var references = ["Lead", "section: Lead", resolver.article.title, "section: " + resolver.article.title]
        for place in stride(from: 0, to: places.count, by: step).map({ places[$0] }) {
            for typo in Self.typos(of: place.name) + Self.typos(of: place.id) {
                references += [typo, place.scope + ": " + typo]
            }
        }
        var checked = 0
        for reference in references {
            let problem: NodeResolver.Problem
            do {
                _ = try resolver.resolve(reference)
                continue
            } catch {
                problem = error
            }
            for offered in problem.closeMatches {
                let written = problem.kind.isEmpty ? offered : problem.kind + ": " + offered
                #expect(throws: Never.self, "'\(reference)' offered '\(offered)'") { try resolver.resolve(written) }
                checked += 1
            }
        }
        #expect(checked > 20)
    }

    /// The name whole, upper case, a letter dropped and two swapped.
    static func typos(of name: String) -> [String] {
        let letters = Array(name)
        guard letters.count > 3 else { return [name, name.uppercased()] }
        let middle = letters.count / 2
        var swapped = letters
        swapped.swapAt(middle, middle - 1)
        return [name, name.uppercased(), String(letters[..<middle] + letters[middle...].dropFirst()), String(swapped)]
    }

    // MARK: - Duplicates

    @Test("A duplicate link says where the first one is")
    func duplicate() throws {
        let one = Self.link(from: "strategy: Direct action", to: "strategy: Pamphleteering")
        #expect(try Self.problems([one, one, one].joined(separator: "\n")) == [
            "d.links.toml:8: duplicate link strategy:direct-action → strategy:pamphleteering (related) (first at line 2)",
            "d.links.toml:14: duplicate link strategy:direct-action → strategy:pamphleteering (related) (first at line 2)",
        ])
    }

    // MARK: - TOML syntax

    @Test("The common TOML mistakes are said plainly, at the column to fix", arguments: [
        ("from = \"Alpha\n", "d.links.toml:1:14: invalid TOML: unterminated string: add the closing \""),
        ("from = 'Alpha\r\n", "d.links.toml:1:14: invalid TOML: unterminated string: add the closing '"),
        ("rationale = \"Alpha", "d.links.toml:1:19: invalid TOML: unterminated string: the file ends before its closing \""),
        ("rationale = \"He said \"no\" to it\"\n",
         "d.links.toml:1:22: invalid TOML: a \" inside a string must be written \\\" (or the string put in single quotes: '…')"),
        ("rationale = 'It's here'\n",
         "d.links.toml:1:16: invalid TOML: a ' cannot be inside a '…' string: put the string in double quotes (\"…\")"),
        ("type = related\n", "d.links.toml:1:8: invalid TOML: a value must be quoted: type = \"related\""),
        // toml++ took these for a misspelt true, false and inf.
        ("[[link]]\n  type = theory-of  # why\n", "d.links.toml:2:10: invalid TOML: a value must be quoted: type = \"theory-of\""),
        ("type = form-of\n", "d.links.toml:1:8: invalid TOML: a value must be quoted: type = \"form-of\""),
        ("type = instance-of\n", "d.links.toml:1:8: invalid TOML: a value must be quoted: type = \"instance-of\""),
        ("to = Ré Levellers\n", "d.links.toml:1:6: invalid TOML: a value must be quoted: to = \"Ré Levellers\""),
        // Any other keeps toml++'s words, with the column.
        ("rationale = \"x\" y\n", "d.links.toml:1:17: invalid TOML: Error while parsing key-value pair: expected a comment or whitespace, saw 'y'"),
    ] as [(String, String)])
    func tomlSyntax(toml: String, message: String) throws {
        #expect(try Self.problems(toml) == [message])
    }

    // MARK: - The article's title, kinds and types

    @Test("The article's title folds as names do; a character that shows nothing is named")
    func articleTitle() throws {
        #expect(try Self.problems("article = \"diggers\"\n") == [])
        #expect(try Self.problems("article = \"Diggers \"\n") == [])
        // A soft hyphen inside is no break (QA 30): "Digg\u{AD}ers" is Diggers, as it reads.
        #expect(try Self.problems("article = \"Digg\u{AD}ers\"\n") == [])
        #expect(try Self.problems("article = \"Digg\u{AD}erz\"\n") == ["d.links.toml:1: these links are for 'Digg<U+00AD>erz', not for 'Diggers'"])
    }

    @Test("An unknown kind or link type offers the close one", arguments: [
        (link(from: "strategie: Direct action"),
         "d.links.toml:2: unknown kind 'strategie' in 'strategie: Direct action'; did you mean 'strategy'?"),
        (link(from: "see_also: Levellers"), "d.links.toml:2: unknown kind 'see_also' in 'see_also: Levellers'; did you mean 'see-also'?"),
        (link(from: "lead", type: "decribed-in"), "d.links.toml:4: unknown link type 'decribed-in'; did you mean 'described-in'?"),
        (link(from: "lead", type: "theory"), "d.links.toml:4: unknown link type 'theory'; did you mean 'theory-of'?"),
    ] as [(String, String)])
    func closeKindOrType(toml: String, message: String) throws {
        #expect(try Self.problems(toml) == [message])
    }

    /// The types are a closed list, as the kinds are: `Related` can mean nothing but
    /// `related`, and kinds already take any case (`Strategy: Alpha`).
    @Test("A link type folds as names do")
    func typeFolds() throws {
        #expect(try Self.problems(Self.link(from: "lead", type: "Related")) == [])
        #expect(try Self.problems(Self.link(from: "lead", type: "Described–in")) == [])
    }

    // MARK: - Misnamed and mistaken files (the command line)

    @Test("A file beside the article named almost as its links file is said, not ignored", arguments: [
        "t.txt.links.toml", "t.link.toml", "T.links.toml",
    ])
    func misnamedLinksFile(name: String) throws {
        try withTemporaryDirectory { directory in
            try "= T =\nText.\n".write(to: directory.appendingPathComponent("t.txt"), atomically: true, encoding: .utf8)
            try "article = \"T\"\n".write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
            let result = try CLI.run(["links", "--origin", "curated", "t.txt"], in: directory)
            #expect(result.status == 0)
            #expect(result.stderr == "seealso: '\(name)' is not read as the links of 't.txt': its links file is named 't.links.toml'\n")
        }
    }

    @Test("Other TOML files beside the article are no concern, nor a near name beside the links file")
    func otherTOMLFiles() throws {
        try withTemporaryDirectory { directory in
            try "= T =\nText.\n".write(to: directory.appendingPathComponent("t.txt"), atomically: true, encoding: .utf8)
            try "x = 1\n".write(to: directory.appendingPathComponent("other.toml"), atomically: true, encoding: .utf8)
            #expect(try CLI.run(["links", "t.txt"], in: directory).stderr == "")
            try "article = \"T\"\n".write(to: directory.appendingPathComponent("t.links.toml"), atomically: true, encoding: .utf8)
            try "article = \"T\"\n".write(to: directory.appendingPathComponent("t.link.toml"), atomically: true, encoding: .utf8)
            #expect(try CLI.run(["links", "t.txt"], in: directory).stderr == "")
        }
    }

    /// `T.links.toml` beside `t.txt` is the links file of `T.txt` when there is one (QA 19b).
    @Test("Another article's links file is not said to be misnamed")
    func anotherArticlesLinksFile() throws {
        try withTemporaryDirectory { directory in
            try "= T =\nText.\n".write(to: directory.appendingPathComponent("t.txt"), atomically: true, encoding: .utf8)
            try "= Big T =\nText.\n".write(to: directory.appendingPathComponent("T.txt"), atomically: true, encoding: .utf8)
            try "article = \"Big T\"\n".write(to: directory.appendingPathComponent("T.links.toml"), atomically: true, encoding: .utf8)
            #expect(try CLI.run(["links", "t.txt"], in: directory).stderr == "")
        }
    }

    @Test("A links file given as the article says so; a name without .txt offers the file")
    func mistakenFiles() throws {
        try withTemporaryDirectory { directory in
            try "= Luddite =\nText.\n".write(to: directory.appendingPathComponent("luddite.txt"), atomically: true, encoding: .utf8)
            try "article = \"Luddite\"\n".write(to: directory.appendingPathComponent("luddite.links.toml"), atomically: true, encoding: .utf8)
            let links = try CLI.run(["outline", "luddite.links.toml"], in: directory)
            #expect(links.status == 65)
            #expect(links.stderr == "seealso: luddite.links.toml:1: this is a links file, not an article: "
                        + "seealso reads it with the article luddite.txt; open that\n")
            let bare = try CLI.run(["outline", "luddite"], in: directory)
            #expect(bare.status == 66)
            #expect(bare.stderr == "seealso: luddite: no such file (did you mean luddite.txt?)\n")
        }
    }
}
