import Foundation
import TestSupport
import Testing
@testable import Content

/// The built `seealso` binary, run as a user would run it.
enum CLI {
    struct Result {
        var status: Int32
        var stdout: Data
        var stderr: String
        var output: String { String(decoding: stdout, as: UTF8.self) }
    }

    /// `seealso`, built by SwiftPM beside the tests.
    static func binary() throws -> URL {
        guard let path = BuiltProducts.seealso else {
            throw Failure("no seealso binary in the build folder above the tests: build it with swift build")
        }
        return URL(fileURLWithPath: path)
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    /// Runs `executable` (default: seealso) with `arguments`; stdin from `input` or /dev/null.
    static func run(_ arguments: [String], executable: URL? = nil, in directory: URL? = nil,
                    input: URL? = nil) throws -> Result {
        let run = try Captured.run(executable ?? binary(), arguments, in: directory, input: input)
        return Result(status: run.status, stdout: run.stdout, stderr: String(decoding: run.stderr, as: UTF8.self))
    }

    static let dot = URL(fileURLWithPath: "/usr/bin/dot")

    /// Pipes `source` through `dot -Tsvg`. Fails clearly when Graphviz is missing (CI installs it).
    static func renderSVG(_ source: String) throws -> Result {
        guard FileManager.default.isExecutableFile(atPath: dot.path) else {
            throw Failure("Graphviz is not installed: /usr/bin/dot is missing (apt-get install graphviz)")
        }
        return try withTemporaryDirectory { directory in
            let file = directory.appendingPathComponent("graph.dot")
            try source.write(to: file, atomically: true, encoding: .utf8)
            return try run(["-Tsvg"], executable: dot, input: file)
        }
    }
}

/// The top level's usage in an error, the explorer's form first, its lines under the first
/// as the parser lines them up.
private let topLevelUsage = """
    seealso [<file>] [--section <section>] [--item <item>] [--no-restore]
                   [--data-dir <DIR>] [--config <FILE>]
           seealso <subcommand>
    """

@Suite("Command line")
struct CLITests {
    /// `seealso outline` of the bundled article, written out.
    static let bundledOutline = """
        Dual power
           1  (lead)
          11  Background
          19  Provisional Government
          25  Petrograd Soviet
          33  July Days' impact
          40  October Revolution
          48  Strategy and ideological concepts
          55  Modern usage by libertarian socialists  · 5 strategies
          66  Historical examples of dual power  · 6 examples
          74  See also  · 23 see-also topics

        """

    @Test("seealso outline prints the bundled article's outline")
    func outline() throws {
        let result = try CLI.run(["outline"])
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(result.output == Self.bundledOutline)
        #expect(result.output == OutlineFormatter().format(try ArticleLoader.bundled()), "the command prints the formatter's outline")
    }

    @Test("seealso outline FILE reads the file")
    func outlineOfFile() throws {
        let result = try CLI.run(["outline", try Fixtures.path("levels.txt")])
        #expect(result.status == 0)
        #expect(result.output == OutlineFormatter().format(try Fixtures.load("levels.txt")))
        #expect(result.output.hasPrefix("Nesting levels\n"))
    }

    @Test("seealso links --kind strategy --origin curated: only strategies, only curated links")
    func linksFiltered() throws {
        let result = try CLI.run(["links", "--kind", "strategy", "--origin", "curated"])
        #expect(result.status == 0)
        #expect(result.stderr == "")
        let expected = LinksFormatter(kinds: [.strategy], origins: [.curated]).format(try ArticleLoader.bundled())
        #expect(result.output == expected)
        #expect(result.output.hasPrefix("Strategies (5)\n  Mutualism  (strategy:mutualism, line 60)\n"))
        #expect(result.output.contains("""
              Municipalism  (strategy:municipalism, line 61)
                ← theory-of     Communalism (Bookchin)  [curated] Bookchin's communalism is the political theory behind libertarian municipalism.

            """))
        #expect(!result.output.contains("[detected]"))
        #expect(!result.output.contains("See-also topics ("))
        #expect(!result.output.contains("Examples ("))
        let itemRows = result.output.split(separator: "\n").filter { $0.hasPrefix("  ") && !$0.hasPrefix("   ") }
        #expect(itemRows.count == 5, "five item rows")
    }

    @Test("--kind and --origin may be given again: each adds its kind or origin")
    func linksRepeatedFilters() throws {
        let result = try CLI.run(["links", "--kind", "see-also", "--kind", "strategy", "--origin", "curated", "--origin", "detected"])
        #expect(result.status == 0 && result.stderr.isEmpty)
        #expect(result.output == LinksFormatter(kinds: [.seeAlso, .strategy]).format(try ArticleLoader.bundled()))
        #expect(result.output.contains("See-also topics (23)\n") && result.output.contains("\nStrategies (5)\n"))
        #expect(!result.output.contains("Examples ("))
    }

    @Test("seealso links --origin detected shows evidence lines, never curated rationales")
    func linksDetected() throws {
        let result = try CLI.run(["links", "--kind", "see-also", "--origin", "detected"])
        #expect(result.status == 0)
        #expect(result.output.hasPrefix("See-also topics (23)\n"))
        // The part of the sentence around the mention (EvidenceExcerptTests).
        #expect(result.output.contains("  Anarchism  (see-also:anarchism, line 77)\n    ← mentions      (lead)  [detected] line 9: \"…"))
        #expect(result.output.contains("expanded among anarchists, municipalists"))
        #expect(!result.output.contains("[curated]"))
    }

    @Test("A malformed article: 'seealso: PATH:LINE: message' on stderr, status 65")
    func malformedArticle() throws {
        try withTemporaryDirectory { directory in
            let file = directory.appendingPathComponent("bad.txt")
            try "= Bad =\n\n== Unbalanced ===\n".write(to: file, atomically: true, encoding: .utf8)
            // search reads the text only (it is not linked), and says a bad article the same way.
            for command in [["outline"], ["links"], ["export", "--format", "json"], ["search"]] {
                let result = try CLI.run(command + [file.path] + (command == ["search"] ? ["Bad"] : []))
                #expect(result.status == 65, "\(command)")
                #expect(result.stderr == "seealso: \(file.path):3: unbalanced heading: 2 '=' before the text and 3 after\n")
                #expect(result.stdout.isEmpty)
            }
        }
    }

    /// QA 22: in a folder, a file with several problems was said by its first, "(and 2 more)",
    /// by `search` and `bookmarks add` (and the explorer), which read the folder through its
    /// index; `outline`, which reads every file, said each. Each is said now, as `outline` says it.
    @Test("Every problem of a folder's file that does not load, by every command")
    func everyProblemOfAFolderFile() throws {
        try withArticleFolder("articles", ["alpha.txt": "= Alpha =\n\nText.\n",
                                           "beta.txt": "= Beta =\nb\n\n== S =\nx\n\n== T =\ny\n\n=== U ==\n"]) { _, folder in
            let outline = try CLI.run(["outline", folder.path])
            #expect(outline.status == 65)
            let problems = outline.stderr.split(separator: "\n").map(String.init)
            #expect(problems.count == 3 && problems.allSatisfy { $0.hasPrefix("seealso: \(folder.path)/beta.txt:") }, "\(problems)")
            for command in [["search", folder.path, "Text"], ["bookmarks", "add", folder.path, "--section", "Alpha"]] {
                let result = try CLI.run(command)
                #expect(result.status == 65, "\(command)")
                #expect(result.stderr.split(separator: "\n").map(String.init) == problems, "\(command)")
            }
        }
    }

    /// QA 25, 26: `--section Municipalism` (a strategy) said only that no section starts with
    /// it; in a folder too, where the other kind is looked for in every file.
    @Test("In a folder, a name of the other kind names the other option")
    func otherKindInAFolder() throws {
        try withArticleFolder("articles", ["alpha.txt": "= Alpha =\n\nText.\n\n== History ==\n\nOld.\n",
                                           "beta.txt": "= Beta =\n\nIt names Gamma.\n\n== See also ==\n\n- Gamma\n"]) { _, folder in
            let item = try CLI.run([folder.path, "--item", "History"])
            #expect(item.status == 64)
            #expect(item.stderr == "seealso: no item starts with 'History' in '\(folder.path)'; a section does: --section 'History'\n")
            let section = try CLI.run([folder.path, "--section", "Gamma"])
            #expect(section.status == 64)
            #expect(section.stderr == "seealso: no section starts with 'Gamma' in '\(folder.path)'; an item does: --item 'Gamma'\n")
        }
    }

    @Test("A malformed links file beside the article: its path and line, status 65")
    func malformedLinks() throws {
        try withTemporaryDirectory { directory in
            let file = directory.appendingPathComponent("a.txt")
            try "= A =\n\n== See also ==\n- B\n- C\n".write(to: file, atomically: true, encoding: .utf8)
            try "[[link]]\nfrom = \"B\"\nto = \"see-also: D\"\ntype = \"related\"\nrationale = \"r\"\n"
                .write(to: directory.appendingPathComponent("a.links.toml"), atomically: true, encoding: .utf8)
            let result = try CLI.run(["links", file.path])
            #expect(result.status == 65)
            #expect(result.stderr == "seealso: \(directory.path)/a.links.toml:3: no see-also topic named 'D' in 'A'\n")
        }
    }

    @Test("Invalid UTF-8 and a missing title through the command line")
    func otherRejections() throws {
        try withTemporaryDirectory { directory in
            let file = directory.appendingPathComponent("bin.txt")
            try Data(Array("= T =\nab".utf8) + [0xFF, 0x0A]).write(to: file)
            let result = try CLI.run(["outline", file.path])
            #expect(result.status == 65)
            #expect(result.stderr == "seealso: \(file.path):2: invalid UTF-8: byte 0xFF at byte 3 of the line "
                + "(Latin-1 or Windows-1252? convert with: iconv -f WINDOWS-1252 -t UTF-8)\n")

            let empty = directory.appendingPathComponent("empty.txt")
            try Data().write(to: empty)
            let emptyResult = try CLI.run(["outline", empty.path])
            #expect(emptyResult.status == 65)
            #expect(emptyResult.stderr == "seealso: \(empty.path):1: empty file: an article starts with a title line '= Title ='\n")
        }
    }

    /// QA 14c, through the command line: each is `FILE:LINE: message` on stderr, status 65.
    @Test("Headings with a mark on their '=', of invisible text, or a NUL after the title", arguments: [
        ("= T =\n== A ==\u{301}\n", "2: a combining mark (U+0301) after the heading's closing '=='"),
        ("= T =\n=\u{301}= A ==\n", "2: a combining mark (U+0301) after the heading's opening '='"),
        ("= T =\n== \u{200B}==\n", "2: empty heading"),
        ("= T =\n== \u{00A0}==\n", "2: empty heading"),
        ("= \u{200B} =\n", "1: empty heading"),
        ("= T =\u{0}\n== A ==\n", "1: text after the heading's closing '=': '^@'"),
        ("= T =\n== A ==\u{0}\n", "2: text after the heading's closing '==': '^@'"),
    ])
    func headingEdgeCases(text: String, message: String) throws {
        try withTemporaryDirectory { directory in
            let file = directory.appendingPathComponent("c.txt")
            try text.write(to: file, atomically: true, encoding: .utf8)
            let result = try CLI.run(["outline", file.path])
            #expect(result.status == 65)
            #expect(result.stderr == "seealso: \(file.path):\(message)\n")
            #expect(result.stdout.isEmpty)
        }
    }

    /// A list item whose name shows nothing (zero-width space, word joiner, joiners) is no
    /// item, as one with no name is (QA 14c: it was listed with an invisible name).
    @Test func itemsNamedByInvisibleCharactersAreNone() throws {
        try withTemporaryDirectory { directory in
            let file = directory.appendingPathComponent("i.txt")
            try "= T =\n\n== See also ==\n- \u{200B}\n- \u{2060} \u{200C} – a description\n- Real\n\n== Strategies ==\n- \u{FEFF}\u{200D}\n"
                .write(to: file, atomically: true, encoding: .utf8)
            let links = try CLI.run(["links", file.path])
            #expect(links.status == 0)
            #expect(links.output == "See-also topics (1)\n  Real  (see-also:real, line 6)\n    (no links)\n")
            let none = directory.appendingPathComponent("n.txt")
            try "= N =\n\n== See also ==\n- \u{200B}\n".write(to: none, atomically: true, encoding: .utf8)
            let unnamed = try CLI.run(["links", none.path])
            #expect(unnamed.output.hasPrefix("No See-also topics, examples or strategies in 'N': the list under 'See also' has no item with a name"),
                    "\(unnamed.output)")
        }
    }

    @Test("A missing file: status 66")
    func missingFile() throws {
        try withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("nope.txt").path
            let result = try CLI.run(["outline", path])
            #expect(result.status == 66)
            #expect(result.stderr == "seealso: \(path): no such file\n")
            #expect(result.stdout.isEmpty)
        }
    }

    @Test("A file that cannot be read is status 66, a malformed one 65")
    func unreadableIs66() throws {
        try withTemporaryDirectory { directory in
            // (A pipe is read, as `-` is: see StandardInputTests. A device that never ends is not.)
            let device = try CLI.run(["outline", "/dev/zero"])
            #expect(device.status == 66)
            #expect(device.stderr == "seealso: /dev/zero: cannot read file: it is a device, not a regular file\n")
            let malformed = directory.appendingPathComponent("bad.txt")
            try Data("no title\n".utf8).write(to: malformed)
            #expect(try CLI.run(["outline", malformed.path]).status == 65)
        }
    }

    @Test("export --format json decodes into JSONExporter.Document and is consistent")
    func exportJSON() throws {
        let result = try CLI.run(["export", "--format", "json"])
        #expect(result.status == 0)
        #expect(result.stderr == "")
        let document = try JSONDecoder().decode(JSONExporter.Document.self, from: result.stdout)
        #expect(document == JSONExporter().document(for: try ArticleLoader.bundled()))

        #expect(document.title == "Dual power")
        #expect(document.sections.count == 10)
        #expect(document.items.count == 34)
        #expect(document.links.filter { $0.origin == .curated }.count >= 20)
        let sectionIDs = document.sections.map(\.id)
        let ids = sectionIDs + document.items.map(\.id)
        #expect(Set(ids).count == ids.count, "ids are unique across sections and items")
        for section in document.sections {
            if let parent = section.parent {
                let parentSection = try #require(document.sections.first { $0.id == parent }, "parent \(parent) exists")
                #expect(parentSection.level < section.level)
            }
        }
        for item in document.items {
            #expect(sectionIDs.contains(item.section))
            if item.kind == .seeAlso { #expect(item.description == nil) }
        }
        for link in document.links {
            #expect(ids.contains(link.from) && ids.contains(link.to), "\(link.from) → \(link.to)")
            #expect(Relation(rawValue: link.type) != nil)
            switch link.origin {
            case .curated:
                #expect(link.rationale != nil && link.evidence == nil && link.type != "mentions")
            case .detected:
                let evidence = try #require(link.evidence)
                #expect(sectionIDs.contains(evidence.section))
                #expect(link.rationale == nil && link.type == "mentions")
            }
        }
    }

    @Test("The JSON has exactly the documented keys, with explicit nulls")
    func jsonSchema() throws {
        let result = try CLI.run(["export", "--format", "json"])
        let root = try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
        #expect(Set(root.keys) == ["title", "sections", "items", "links"])
        let sections = try #require(root["sections"] as? [[String: Any]])
        let items = try #require(root["items"] as? [[String: Any]])
        let links = try #require(root["links"] as? [[String: Any]])
        #expect(sections.allSatisfy { Set($0.keys) == ["id", "title", "level", "line", "parent"] })
        #expect(items.allSatisfy { Set($0.keys) == ["id", "kind", "name", "description", "section", "line"] })
        #expect(links.allSatisfy { Set($0.keys) == ["from", "to", "type", "origin", "rationale", "evidence"] })
        #expect(sections.allSatisfy { $0["parent"] is NSNull }, "every heading of this article is top-level")
        let seeAlso = items.filter { $0["kind"] as? String == "seeAlso" }
        #expect(seeAlso.count == 23)
        #expect(seeAlso.allSatisfy { $0["description"] is NSNull })
        #expect(Set(items.compactMap { $0["kind"] as? String }) == ["seeAlso", "example", "strategy"])
        for link in links {
            if link["origin"] as? String == "curated" {
                #expect(link["evidence"] is NSNull)
            } else {
                #expect(link["rationale"] is NSNull)
                let evidence = try #require(link["evidence"] as? [String: Any])
                #expect(Set(evidence.keys) == ["section", "line", "text"])
            }
        }
    }

    @Test("Nested sections have parent ids in the JSON of a file")
    func jsonParents() throws {
        let result = try CLI.run(["export", "--format", "json", try Fixtures.path("levels.txt")])
        let document = try JSONDecoder().decode(JSONExporter.Document.self, from: result.stdout)
        #expect(document.sections.map { $0.parent ?? "-" }
            == ["-", "-", "alpha", "alpha-one", "alpha-one-a", "alpha-one-a-i", "alpha", "alpha-two", "-", "beta",
                "beta-skipped", "-", "see-also"])
    }

    /// A quote or backslash followed by a combining mark is one Character equal to neither:
    /// escaped by Character, the quote ended the DOT string and dot rejected the graph.
    @Test func aQuoteWithACombiningMarkIsEscapedInDOT() throws {
        try withTemporaryDirectory { folder in
            let article = folder.appendingPathComponent("comb.txt")
            try "= Comb \"\u{301} title =\n\n== See also ==\n- Quote \"\u{301} x\n- Back \\\u{301} y\n".write(to: article, atomically: true, encoding: .utf8)
            let result = try CLI.run(["export", "--format", "dot", article.path])
            #expect(result.status == 0)
            #expect(result.output.contains("Quote \\\"\u{301} x"))
            let svg = try CLI.renderSVG(result.output)
            #expect(svg.status == 0, "dot rejected the graph: \(svg.stderr)")
        }
    }

    /// Graphviz reads HTML entities in strings: a See-also entry `AT&amp;T` was drawn "AT&T",
    /// and `&#65;BC` "ABC" (QA 12c). Each is drawn as the article writes it.
    @Test func anEntityInANameIsDrawnAsWritten() throws {
        try withTemporaryDirectory { folder in
            let article = folder.appendingPathComponent("amp.txt")
            try "= Amp =\n\n== See also ==\n- AT&amp;T\n- &#65;BC\n- Q&A\n".write(to: article, atomically: true, encoding: .utf8)
            let result = try CLI.run(["export", "--format", "dot", article.path])
            #expect(result.status == 0)
            let svg = try CLI.renderSVG(result.output)
            #expect(svg.status == 0, "dot rejected the graph: \(svg.stderr)")
            // SVG writes a literal & as &amp;: the text drawn is "AT&amp;T", "&#65;BC", "Q&A".
            for drawn in [">AT&amp;amp;T<", ">&amp;#65;BC<", ">Q&amp;A<"] {
                #expect(svg.output.contains(drawn), "\(drawn)")
            }
        }
    }

    /// Graphviz refuses a quoted string over 16384 bytes, and with it the whole graph: an item
    /// named by 17,000 letters did that. Labels are cut with "…" well before.
    @Test func aVeryLongNameIsCutInDOT() throws {
        try withTemporaryDirectory { folder in
            let article = folder.appendingPathComponent("long.txt")
            try "= T =\n\n== See also ==\n- \(String(repeating: "y", count: 17_000))\n- Ä\(String(repeating: "\"", count: 9_000))\n"
                .write(to: article, atomically: true, encoding: .utf8)
            let result = try CLI.run(["export", "--format", "dot", article.path])
            #expect(result.status == 0)
            #expect(result.output.contains("yyyy…\""))
            let svg = try CLI.renderSVG(result.output)
            #expect(svg.status == 0, "dot rejected the graph: \(svg.stderr)")
        }
    }

    /// An article on which Graphviz 2.43 failed (QA 14c: `triangulation failed … lost … edge`,
    /// `dot` exited 1), reduced from a generated one: a strategy named by one word of 230
    /// letters beside linked ones, drawn one line wide in the sections' cluster's graph.
    static let longWordArticle = """
        = Workers =
        Communes councils unions
        == Power ==
        states assemblies markets Soviets communes councils unions.
        == communes ==
        councils states assemblies
        Strategies
        - Soviets communes – states unions
        - Communes – markets
        - markets – councils assemblies
        - councils
        - states
        - W\(String(repeating: "x", count: 229))
        - unions
        - assemblies

        """

    /// The texts of a DOT graph's `label="…"` attributes as drawn, each as its lines.
    static func labelLines(_ dot: String) -> [[String]] {
        dot.components(separatedBy: "label=\"").dropFirst().map { rest in
            var text = ""
            var escaped = false
            for character in rest {
                if escaped {
                    text.append(character == "n" ? "\n" : character)
                    escaped = false
                } else if character == "\\" {
                    escaped = true
                } else if character == "\"" {
                    break
                } else {
                    text.append(character)
                }
            }
            return text.replacingOccurrences(of: "&amp;", with: "&").components(separatedBy: "\n")
        }
    }

    /// Labels are wrapped at spaces to 40 characters, a longer word cut, and past four lines
    /// shortened with "…", the whole name in the tooltip; `dot -Tsvg` draws every such graph
    /// (QA 14c: one in a hundred generated articles failed), also around one node and in a folder.
    @Test("long names are wrapped and shortened in DOT labels, and dot draws the graph", arguments: [
        ["export", "--format", "dot"],
        ["export", "--format", "dot", "--focus", "W", "--depth", "1"],
        ["export", "--format", "dot", "--focus", "Communes", "--depth", "2"],
        ["export", "--format", "dot", "--focus", "Soviets communes"],
    ])
    func longNamesAreWrappedInDOT(command: [String]) throws {
        let word = "W" + String(repeating: "x", count: 229)
        let spaced = (1...40).map { "assembly\($0)" }.joined(separator: " ")
        let longer = String(repeating: "&\"y", count: 100)
        try withTemporaryDirectory { folder in
            let other = """
                = Spaced =
                Mentions \(word) and \(spaced).

                == See also ==
                - \(longer)
                - \(spaced)
                - Soviets communes

                """
            try Self.longWordArticle.write(to: folder.appendingPathComponent("workers.txt"), atomically: true, encoding: .utf8)
            try other.write(to: folder.appendingPathComponent("spaced.txt"), atomically: true, encoding: .utf8)
            // A focus on the one article that has it, and on the folder, which draws it alone.
            for path in command.contains("--focus") ? ["workers.txt", ""] : ["workers.txt", "spaced.txt", ""] {
                let result = try CLI.run(command + [folder.appendingPathComponent(path).path])
                #expect(result.status == 0, "\(path): \(result.stderr)")
                let dot = result.output
                let labels = Self.labelLines(dot)
                // The graph's title first, on lines of up to 64: it names the focus too.
                #expect(!labels.isEmpty)
                for (index, lines) in labels.enumerated() {
                    let width = index == 0 ? 64 : 40
                    #expect(lines.count <= 4 && lines.allSatisfy { $0.count <= width }, "\(path): a label drawn as \(lines)")
                }
                let svg = try CLI.renderSVG(dot)
                #expect(svg.status == 0, "\(path) \(command): dot rejected the graph: \(svg.stderr)")
                // The 230 letters: four lines of 40, the last ending in "…", and whole in the tooltip.
                if dot.contains("xxxxx") {
                    let lines = [String(word.prefix(40)), String(word.dropFirst(40).prefix(40)), String(word.dropFirst(80).prefix(40)),
                                 String(word.dropFirst(120).prefix(39)) + "…"]
                    #expect(labels.contains(lines), "\(path)")
                    #expect(dot.contains("tooltip=\"strategy: \(word)\""), "\(path)")
                }
                if dot.contains("assembly1 ") {
                    #expect(labels.contains(["assembly1 assembly2 assembly3 assembly4", "assembly5 assembly6 assembly7 assembly8",
                                             "assembly9 assembly10 assembly11", "assembly12 assembly13 assembly14…"]), "\(path)")
                }
                // `&` and `"` keep their escapes across the cut: `&amp;` and `\"` are never split.
                if path != "workers.txt", !command.contains("--focus") {
                    #expect(dot.contains("label=\"" + String(repeating: "&amp;\\\"y", count: 13) + "&amp;\\n"), "\(path)")
                }
            }
        }
    }

    /// Graphviz unescapes a tooltip twice and expands `\N` (the node's id) and `\G` in it:
    /// a See-also name `Path C:\Names\Graph…` was drawn "C:" and the node's id (QA 15a). The
    /// SVG's tooltips and labels hold the names as written.
    @Test func backslashesSurviveInTooltipsAndLabels() throws {
        let filler = Array(repeating: "filler", count: 30).joined(separator: " ")
        let name = #"Path C:\Names\Graph \N\G\\ "q" & b "# + filler
        try withTemporaryDirectory { folder in
            let file = folder.appendingPathComponent("paths.txt")
            try "= Paths =\nLead.\n\n== See also ==\n- \(name)\n".write(to: file, atomically: true, encoding: .utf8)
            let result = try CLI.run(["export", "--format", "dot", file.path])
            #expect(result.status == 0, "\(result.stderr)")
            let svg = try CLI.renderSVG(result.output)
            #expect(svg.status == 0, "\(svg.stderr)")
            let titles = svg.output.components(separatedBy: "xlink:title=\"").dropFirst().map { Self.xmlText(String($0.prefix { $0 != "\"" })) }
            #expect(titles.contains("see-also topic: " + name), "\(titles)")
            let texts = svg.output.components(separatedBy: ">").compactMap { $0.components(separatedBy: "</text").first }
                .filter { !$0.contains("<") }.map(Self.xmlText)
            #expect(texts.contains(#"Path C:\Names\Graph \N\G\\ "q" & b"#), "the label's first line: \(texts)")
        }
    }

    /// SVG attribute or element text with its character references and entities read.
    static func xmlText(_ text: String) -> String {
        var result = text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&#39;", with: "'")
        while let range = result.range(of: #"&#[0-9]+;"#, options: .regularExpression) {
            let code = UInt32(result[range].dropFirst(2).dropLast()) ?? 63
            result.replaceSubrange(range, with: String(Character(Unicode.Scalar(code) ?? "?")))
        }
        return result.replacingOccurrences(of: "&amp;", with: "&")
    }

    @Test("export --format dot is accepted by dot -Tsvg", arguments: [nil, "hostile.txt", "unicode.txt", "plain.txt", "movements.txt"])
    func exportDOT(fixture: String?) throws {
        let file = try fixture.map { try Fixtures.path($0) }
        let result = try CLI.run(["export", "--format", "dot"] + (file.map { [$0] } ?? []))
        #expect(result.status == 0)
        #expect(result.output.hasPrefix("digraph "))
        #expect(unsafeScalars(in: result.output) == [])
        let svg = try CLI.renderSVG(result.output)
        #expect(svg.status == 0, "dot rejected the graph: \(svg.stderr)")
        #expect(svg.output.contains("<svg"))
        #expect(svg.output.contains("</svg>"))
        if fixture == nil {
            #expect(svg.output.contains("Municipalism"))
            #expect(svg.output.contains("theory&#45;of") || svg.output.contains("theory-of"))
        }
    }

    /// "-1" looked like an option to the parser, which said "Missing value for '--depth'".
    @Test("--depth -1 is told the depth must be 0 or more", arguments: [["--depth", "-1"], ["--depth=-1"]])
    func negativeDepth(depth: [String]) throws {
        let result = try CLI.run(["export", "--format", "dot", "--focus", "Municipalism"] + depth)
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("seealso: --depth must be 0 or more.\n"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(try CLI.run(["export", "--format", "dot", "--focus", "Municipalism", "--depth", "0"]).status == 0)
    }

    /// Usage errors said `Error: …` (the parser's own words) while every other error says
    /// `seealso: …`.
    @Test("A usage error is said as `seealso: …` with the usage after it, status 64", arguments: [
        (["outline", "--nosuch"], "seealso: unknown option '--nosuch'\nUsage: seealso outline [<file>]\n"),
        (["export"], "seealso: missing expected argument '--format <format>'\n"),
        // QA 38: with an option of the command typed, the missing one was "unknown option '--focus'".
        (["export", "--focus", "Municipalism"], "seealso: missing expected argument '--format <format>'\n"),
        (["bookmarks", "export", "--data-dir", "/proc/nonexistent/seealso-test"], "seealso: missing expected argument '--format <format>'\n"),
        (["bookmarks", "remove", "--data-dir", "/proc/nonexistent/seealso-test"], "seealso: missing expected argument '<id>'\n"),
        (["search", "a", "b", "c"], "seealso: give a QUERY, or a PATH and a QUERY.\nUsage: seealso search"),
    ])
    func usageErrorsSaySeealso(arguments: [String], start: String) throws {
        let result = try CLI.run(arguments)
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix(start), "\(result.stderr)")
        #expect(result.stderr.contains("for more information."))
        #expect(result.stdout.isEmpty)
    }

    /// An empty name starts every heading; it opened the first section without a word. (The
    /// data folder is under /proc, where nothing can be made: a regression fails here, rather
    /// than leaving folders behind on the machine.)
    @Test(arguments: [["--section", ""], ["--item", " "], ["explore", "--section", ""], ["export", "--format", "dot", "--focus", ""],
                      ["bookmarks", "add", "--section", "", "--data-dir", "/proc/nonexistent/seealso-test"]])
    func anEmptyPlaceNameIsAnError(arguments: [String]) throws {
        let result = try CLI.run(arguments)
        let option = arguments.first { ["--section", "--item", "--focus"].contains($0) } ?? ""
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("seealso: \(option) needs a name.\n"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    /// A name of characters that show nothing, which lookups leave out, started every name
    /// too: it took the first, without a word (QA 32, since lookups left them out).
    @Test(arguments: [["--section", "\u{200B}"], ["--item", "\u{00AD}"], ["export", "--format", "dot", "--focus", "\u{200B}"],
                      ["bookmarks", "add", "--item", "\u{2060}", "--data-dir", "/proc/nonexistent/seealso-test"]])
    func aPlaceNameThatShowsNothingIsAnError(arguments: [String]) throws {
        let result = try CLI.run(arguments)
        let option = arguments.first { ["--section", "--item", "--focus"].contains($0) } ?? ""
        let name = arguments[arguments.firstIndex(of: option)! + 1].unicodeScalars.first!
        let named = String(format: "<U+%04X>", name.value)
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("seealso: \(option) '\(named)' shows nothing: give a name.\n"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    /// QA 33: outside a terminal (the outline printed instead) and for `--focus`, a place in a
    /// folder's file that does not load was "no section starts with…", 64.
    @Test(arguments: [["--section", "Councils"], ["--item", "Picketing"], ["export", "--format", "dot", "--focus", "Picketing"]])
    func aPlaceInAFileThatDoesNotLoadIsSaidSo(arguments: [String]) throws {
        try withTemporaryDirectory { folder in
            let files = ["a.txt": "= Alpha =\nText.\n\n== See also ==\n- Beta\n",
                         "b.txt": "= Beta =\nText.\n\n== Councils ==\ny\n\n== Strategies ==\n- Picketing – gates.\n",
                         "b.links.toml": "[[link]]\nfrom = \"Nope\"\nto = \"section: lead\"\ntype = \"related\"\nrationale = \"x\"\n"]
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("fo"), withIntermediateDirectories: true)
            for (name, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent("fo/" + name)) }
            let result = try CLI.run(arguments + ["fo"], in: folder)
            #expect(result.status == 65)
            #expect(result.stderr.hasSuffix("seealso: '\(arguments.last!)' is in fo/b.txt, which does not load\n"), "\(result.stderr)")
        }
    }

    /// QA 33: a no-break space in a name was no space to `--item`, which took a longer name
    /// that starts with what was typed ("World War Index" for "World War I").
    @Test func aNoBreakSpaceInANameIsASpaceToLookups() throws {
        try withTemporaryDirectory { folder in
            try Data("= NB =\n\n== Historical examples ==\n\n- World War\u{A0}I – the first war\n- World War Index – a list\n".utf8)
                .write(to: folder.appendingPathComponent("nb.txt"))
            let added = try CLI.run(["bookmarks", "add", "nb.txt", "--item", "World War I", "--data-dir", "data"], in: folder)
            #expect(added.output == "bookmarked: #1 NB › Historical examples › World War\u{A0}I\n", "\(added)")
        }
    }

    /// QA 34: a heading that only starts with the name, in a file that loads, was opened (and
    /// bookmarked) before the heading of that very name in a file that does not.
    @Test func theNameAsWrittenInAFileThatDoesNotLoadComesFirst() throws {
        try withTemporaryDirectory { folder in
            let files = ["a.txt": "= Alpha =\nText.\n\n== Assemblies ==\nx\n",
                         "a.links.toml": "[[link]]\nfrom = \"strategy: Nope\"\nto = \"section: lead\"\ntype = \"related\"\nrationale = \"x\"\n",
                         "b.txt": "= Beta =\nText.\n\n== Assemblies of the people ==\ny\n"]
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("fo"), withIntermediateDirectories: true)
            for (name, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent("fo/" + name)) }
            let added = try CLI.run(["bookmarks", "add", "fo", "--section", "Assemblies", "--data-dir", "data"], in: folder)
            #expect(added.status == 65 && added.output.isEmpty, "\(added)")
            #expect(added.stderr.hasSuffix("seealso: 'Assemblies' is in fo/a.txt, which does not load\n"), "\(added.stderr)")
        }
    }

    /// QA 34: a no-break or thin space in the text is a space to search too.
    @Test func searchReadsANoBreakSpaceAsASpace() throws {
        try withTemporaryDirectory { folder in
            try Data("= S =\n\nThe World War\u{A0}I began.\n\nThe World\u{2009}War II began.\n".utf8).write(to: folder.appendingPathComponent("s.txt"))
            #expect(try CLI.run(["search", "s.txt", "War I"], in: folder).output.contains("s.txt:3:"))
            #expect(try CLI.run(["search", "s.txt", "World War"], in: folder).output.contains("s.txt:5:"))
        }
    }

    /// A close match of characters that show nothing names them, as a links file's messages do.
    @Test func closeMatchesNameWhatShowsNothing() throws {
        try withTemporaryDirectory { folder in
            let file = folder.appendingPathComponent("inv.txt")
            try Data("= I =\n\n== Back\u{200B}ground ==\nx\n\n== Strategies ==\n- Dig\u{200B}gers – diggers.\n".utf8).write(to: file)
            let focus = try CLI.run(["export", "--format", "dot", "--focus", "dig-gers", file.path])
            #expect(focus.stderr == "seealso: no item or section starts with 'dig-gers' in 'I', and no node id is it; close matches: Dig<U+200B>gers\n")
            let section = try CLI.run(["bookmarks", "add", file.path, "--section", "backgrnd", "--data-dir", "/proc/nonexistent/seealso-test"])
            #expect(section.stderr == "seealso: no section starts with 'backgrnd' in 'I'; close matches: Back<U+200B>ground\n", "\(section.stderr)")
        }
    }

    /// An empty path is said to be one: it was "seealso: : no such file", and an empty FILE
    /// was read as the current folder ("it is a folder").
    @Test(arguments: [(["config", "--check", ""], "FILE"), ([""], "FILE"), (["outline", ""], "FILE"), (["--config", ""], "--config"),
                      (["bookmarks", "import", ""], "FILE"), (["bookmarks", "list", "--data-dir", ""], "--data-dir")])
    func anEmptyPathIsAnError(arguments: [String], option: String) throws {
        let result = try CLI.run(arguments)
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("seealso: \(option) is empty: give a path.\n"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    /// A `kind:` prefix with no name after it is a name with a colon, looked for whole: it
    /// opened the first item of that kind once, and it must not start every name of the kind.
    @Test(arguments: [["--item", "strategy:"], ["--item", "see-also: "], ["export", "--format", "dot", "--focus", "example:"],
                      ["--section", "section:"], ["bookmarks", "add", "--section", "Section: ", "--data-dir", "/proc/nonexistent/seealso-test"]])
    func aKindWithoutANameNamesNothingOfThatKind(arguments: [String]) throws {
        let result = try CLI.run(arguments)
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("seealso: no "), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    /// A heading that ends in a colon is found by its name (QA: "--section needs a name").
    @Test func aHeadingEndingInAColonIsFoundByItsName() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("colon-\(getpid()).txt")
        defer { try? FileManager.default.removeItem(at: file) }
        try "= Plans =\nLead.\n\n== Strategy: ==\nText.\n\n== Other ==\nMore.\n".write(to: file, atomically: true, encoding: .utf8)
        let found = try CLI.run([file.path, "--section", "Strategy:"])
        #expect(found.status == 0 && found.stderr.isEmpty, "\(found.stderr)")
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("colon-data-\(getpid())")
        defer { try? FileManager.default.removeItem(at: data) }
        let added = try CLI.run(["bookmarks", "add", file.path, "--section", "strategy:", "--data-dir", data.path])
        #expect(added.status == 0, "\(added.stderr)")
        #expect(try CLI.run(["bookmarks", "list", "--data-dir", data.path]).output.contains("Strategy:"))
    }

    @Test("export --format markdown is the article plus a Cross-links appendix")
    func exportMarkdown() throws {
        let result = try CLI.run(["export", "--format", "markdown"])
        #expect(result.status == 0)
        let markdown = result.output
        #expect(markdown == MarkdownExporter().export(try ArticleLoader.bundled()))
        #expect(markdown.hasPrefix("# Dual power\n\nDual power, sometimes referred to as counterpower"))
        #expect(markdown.contains("\n## Modern usage by libertarian socialists\n"))
        let appendix = try #require(markdown.range(of: "\n## Cross-links\n"))
        let tail = markdown[appendix.upperBound...]
        #expect(tail.contains("\n### See-also topics\n"))
        #expect(tail.contains("\n### Examples\n"))
        #expect(tail.contains("\n### Strategies\n"))
        #expect(tail.contains("- **Municipalism** (line 61)\n  - ← *theory-of* Communalism (Bookchin) (curated): Bookchin's communalism is the political theory behind libertarian municipalism.\n"))
        #expect(!markdown[..<appendix.lowerBound].contains("## Cross-links"), "the appendix comes after the article")
    }

    @Test("Hostile article through every command: no raw control reaches stdout")
    func hostileThroughCLI() throws {
        let file = try Fixtures.path("hostile.txt")
        for command in [["outline"], ["links"], ["export", "--format", "json"], ["export", "--format", "markdown"],
                        ["export", "--format", "dot"]] {
            let result = try CLI.run(command + [file])
            #expect(result.status == 0, "\(command): \(result.stderr)")
            #expect(unsafeScalars(in: result.output) == [], "\(command)")
            #expect(!result.output.isEmpty)
        }
    }

    @Test("The binary copied alone into an empty folder still prints the embedded article")
    func copiedBinary() throws {
        try withTemporaryDirectory { directory in
            let copy = directory.appendingPathComponent("seealso")
            // Copied by cp, not in this process: a child forked meanwhile by a parallel test
            // would inherit the copy's open descriptor, and running it then fails with
            // "Text file busy" (ETXTBSY), as it once did in CI.
            let copied = try Captured.run(URL(fileURLWithPath: "/bin/cp"), [try CLI.binary().path, copy.path])
            #expect(copied.status == 0, "\(String(decoding: copied.stderr, as: UTF8.self))")
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["seealso"])
            let result = try CLI.run(["outline"], executable: copy, in: directory)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stderr == "")
            #expect(result.output == Self.bundledOutline)
            let links = try CLI.run(["links", "--kind", "example"], executable: copy, in: directory)
            #expect(links.output.hasPrefix("Examples (6)\n"))
            #expect(links.output.contains("[curated]"), "the curated links are embedded too")
        }
    }

    /// The parser's `help` shows the help of the last name it knows and drops the rest:
    /// `seealso help nosuch` printed the top-level help with status 0. Under a command with
    /// no subcommands the list was empty ("its commands: )"), and the usage was always the
    /// top level's, not that of the command the word was looked for under.
    @Test("help NAME that is no command is a usage error naming it, with its command's usage", arguments: [
        (["help", "nosuch"], "'nosuch' is not a command of seealso (its commands: explore, outline, links, export, search, bookmarks, config).",
         topLevelUsage, "seealso"),
        (["help", "outlne"], "'outlne' is not a command of seealso (did you mean `outline`?).", topLevelUsage, "seealso"),
        (["help", "bookmarks", "nosuch"], "'nosuch' is not a command of seealso bookmarks (its commands: list, add, remove, export, import).",
         "seealso bookmarks <subcommand>", "seealso bookmarks"),
        (["help", "outline", "extra"], "'extra' is not a command: seealso outline has no subcommands.", "seealso outline [<file>]", "seealso outline"),
    ])
    func helpOfAnUnknownCommand(arguments: [String], message: String, usage: String, command: String) throws {
        let result = try CLI.run(arguments)
        #expect(result.status == 64)
        #expect(result.stderr == "seealso: \(message)\nUsage: \(usage)\n  See '\(command) --help' for more information.\n")
        #expect(result.stdout.isEmpty)
    }

    /// `explore --help` gave "heading, else id", `bookmarks add --help` "heading, id", while
    /// the README's rule puts an id as written first.
    @Test("Every help that gives the lookup rule gives the README's order", arguments: [
        (["explore"], "--section"), (["explore"], "--item"), (["export"], "--focus"), (["bookmarks", "add"], "--section"),
    ])
    func helpGivesTheLookupOrder(command: [String], option: String) throws {
        let help = try CLI.run(command + ["--help"])
        #expect(help.status == 0)
        // The option's paragraph, its lines joined.
        let lines = help.output.split(separator: "\n", omittingEmptySubsequences: false)
        let start = try #require(lines.firstIndex { $0.trimmingCharacters(in: .whitespaces).hasPrefix(option + " ") })
        let text = lines[start...].prefix { !$0.isEmpty }.prefix { $0 == lines[start] || !$0.trimmingCharacters(in: .whitespaces).hasPrefix("-") }
            .map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        let steps = ["as written", "else", "in any case", "start"].map { text.range(of: $0)?.lowerBound }
        #expect(!steps.contains(nil), "\(text)")
        #expect(steps.compactMap { $0 } == steps.compactMap { $0 }.sorted(), "\(text)")
    }

    /// What the parser quotes of the command line is made safe as every other message is
    /// (QA 30: `outline $'--x\e]0;PWN\a'` set the terminal's title through the usage error).
    @Test func escapeSequencesInArgumentsAreNotPrintedRaw() throws {
        let hostile = "x\u{1B}]0;PWN\u{07}\u{9B}2J"
        for arguments in [["outline", "--" + hostile], ["export", "--format", hostile], ["help", hostile],
                          ["bookmarks", hostile], ["export", "--format", "dot", "--focus", "Municipalism", "--depth", hostile]] {
            let refused = try CLI.run(arguments)
            #expect(refused.status == 64, "\(arguments)")
            #expect(!refused.stderr.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x9B }, "\(arguments): \(refused.stderr.debugDescription)")
            #expect(refused.stderr.contains("x^[]0;PWN^G"), "\(arguments): \(refused.stderr)")
        }
    }

    /// QA 31: `search -1917` said "missing expected argument", and `search articles -1917`
    /// "unknown option" without a word of `--`.
    @Test func aQueryThatStartsWithADashIsGivenAfterDashDash() throws {
        let alone = try CLI.run(["search", "-1917"])
        #expect(alone.status == 64)
        #expect(alone.stderr.hasPrefix("seealso: unknown option '-1917' (a name or query that starts with -: put -- before it, seealso search -- -1917)"),
                "\(alone.stderr)")
        try withTemporaryDirectory { folder in
            try Data("= A =\nIn -1917.\n".utf8).write(to: folder.appendingPathComponent("a.txt"))
            let inFolder = try CLI.run(["search", ".", "-1917"], in: folder)
            #expect(inFolder.stderr.hasPrefix("seealso: a QUERY that starts with - goes after --: seealso search . -- -1917\n"), "\(inFolder.stderr)")
            let inFile = try CLI.run(["search", "a.txt", "-1917"], in: folder)
            #expect(inFile.stderr.hasPrefix("seealso: a QUERY that starts with - goes after --: seealso search a.txt -- -1917\n"), "\(inFile.stderr)")
            #expect(try CLI.run(["search", "a.txt", "--", "-1917"], in: folder).status == 0)
        }
        #expect(try CLI.run(["search", "--", "-2017"]).status == 0)
        // Two dashes as well (QA 33: `search --x` said only that the QUERY was missing).
        let long = try CLI.run(["search", "--x"])
        #expect(long.status == 64)
        #expect(long.stderr.hasPrefix("seealso: unknown option '--x' (a name or query that starts with -: "
                                      + "put -- before it, seealso search -- --x)\n"), "\(long.stderr)")
        let afterFile = try CLI.run(["search", "assets/dual-power.txt", "--x", "--json"], in: Repo.root)
        #expect(afterFile.stderr.hasPrefix("seealso: a QUERY that starts with - goes after --: seealso search assets/dual-power.txt --json -- --x\n"),
                "\(afterFile.stderr)")
        #expect(try CLI.run(["search", "--", "--x"]).status == 1)
    }

    /// QA 32: the hinted command put the options after the dashed word behind `--`, where they
    /// are words (`bookmarks add -- -1917 --section Back` then lacked its --section), and
    /// a value with a line break was hinted with the break as `^J`.
    @Test func theHintedCommandKeepsItsOptions() throws {
        let add = try CLI.run(["bookmarks", "add", "-1917", "--section", "Back", "--data-dir", "/proc/nonexistent/seealso-test"])
        #expect(add.stderr.hasPrefix("seealso: unknown option '-1917' (a name or query that starts with -: put -- before it, "
                                     + "seealso bookmarks add --section Back --data-dir /proc/nonexistent/seealso-test -- -1917)\n"), "\(add.stderr)")
        let search = try CLI.run(["search", "--json", "assets/dual-power.txt", "-1917"], in: Repo.root)
        #expect(search.stderr.hasPrefix("seealso: a QUERY that starts with - goes after --: seealso search --json assets/dual-power.txt -- -1917\n"),
                "\(search.stderr)")
        let spaced = try CLI.run(["search", "assets/dual-power.txt", "-a b"], in: Repo.root)
        #expect(spaced.stderr.contains("put -- before it, seealso search assets/dual-power.txt -- '-a b'; a file: './-a b')"), "\(spaced.stderr)")
        let note = try CLI.run(["bookmarks", "add", "--section", "Background", "--note", "- first\n- second", "--data-dir", "/proc/nonexistent/seealso-test"])
        #expect(note.stderr.hasPrefix("seealso: missing value for '--note <note>' (a value that starts with -: --note=$'- first\\n- second')\n"),
                "\(note.stderr)")
    }

    /// QA 31: a QUERY of characters that show nothing found nothing, and said nothing (status 1).
    @Test func aQueryThatShowsNothingIsAUsageError() throws {
        let result = try CLI.run(["search", "\u{200B}"])
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("seealso: the QUERY '<U+200B>' shows nothing: give text to find.\n"), "\(result.stderr)")
    }

    /// QA 38: `search '' Foo` said "': cannot read file: it is a folder, not a file" (66).
    @Test func anEmptyPathIsAUsageError() throws {
        let result = try CLI.run(["search", "", "Kornilov"])
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("seealso: PATH is empty: give a path.\n"), "\(result.stderr)")
    }

    /// A word of one dash and several letters is an unknown option: the parser took
    /// `-hello.txt` for -h and more, and printed the help with status 0 where a script asked
    /// for an export (QA 28). A file so named is read as `./-hello.txt` or after `--`.
    @Test func aWordOfOneDashAndSeveralLettersIsAnUnknownOption() throws {
        try withTemporaryDirectory { directory in
            try Data("= Dashed =\nText.\n".utf8).write(to: directory.appendingPathComponent("-hello.txt"))
            for arguments in [["export", "--format", "json", "-hello.txt"], ["-hello.txt"], ["search", "-hello.txt", "Text"]] {
                let refused = try CLI.run(arguments, in: directory)
                #expect(refused.status == 64, "\(arguments)")
                #expect(refused.output.isEmpty, "\(arguments)")
                let at = arguments.firstIndex(of: "-hello.txt")!
                let typed = (["seealso"] + arguments[..<at] + ["--"] + arguments[at...]).joined(separator: " ")
                #expect(refused.stderr.hasPrefix("seealso: unknown option '-hello.txt' (a name or query that starts with -: put -- before it, "
                                                 + "\(typed); a file: ./-hello.txt)\nUsage: seealso "), "\(refused.stderr)")
            }
            #expect(try CLI.run(["outline", "-vh"]).stderr.hasPrefix("seealso: unknown option '-vh'"))
            for named in [["outline", "./-hello.txt"], ["outline", "--", "-hello.txt"]] {
                let read = try CLI.run(named, in: directory)
                #expect(read.status == 0 && read.output.hasPrefix("Dashed\n"), "\(named): \(read.stderr)")
            }
            #expect(try CLI.run(["-h"]).output.hasPrefix("OVERVIEW: "), "-h is still the help")
            // An option's value is the parser's to refuse (QA 29: the hint named a file).
            // QA 30: with how to give it.
            #expect(try CLI.run(["bookmarks", "add", "--section", "Background", "--note", "-reread"]).stderr
                .hasPrefix("seealso: missing value for '--note <note>' (a value that starts with -: --note=-reread)\n"))
            #expect(try CLI.run(["bookmarks", "add", "--section", "Background", "--note", "- todo"]).stderr
                .hasPrefix("seealso: missing value for '--note <note>' (a value that starts with -: --note='- todo')\n"))
            #expect(try CLI.run(["outline", "--no-restore", "-vh"]).stderr.hasPrefix("seealso: unknown option '-vh'"), "after a flag")
            #expect(try CLI.run(["export", "--format", "dot", "--focus", "Municipalism", "--depth", "-1"]).stderr
                .hasPrefix("seealso: --depth must be 0 or more."), "a negative number is a value")
        }
    }

    /// `bookmarks add` refuses `-` (a bookmark comes back to its file): its FILE's help offered
    /// it, with the other commands' words (QA 28).
    @Test func bookmarksAddsHelpDoesNotOfferStandardInput() throws {
        let help = try CLI.run(["bookmarks", "add", "--help"])
        #expect(help.status == 0)
        // Its lines joined: the help wraps them at 80 columns.
        func words(_ text: String) -> String { text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        let arguments = help.output.components(separatedBy: "ARGUMENTS:").dropFirst().first ?? ""
        let file = words(arguments.components(separatedBy: "OPTIONS:")[0])
        #expect(!file.contains("for standard input"), "\(help.output)")
        #expect(file.contains("Not - : a bookmark needs a file to come back to."), "\(help.output)")
        #expect(words(try CLI.run(["outline", "--help"]).output).contains("or - for standard input"))
    }

    @Test("help NAME of a command still prints its help", arguments: [["help"], ["help", "outline"], ["help", "explore"],
                                                                       ["help", "bookmarks", "list"], ["help", "help"]])
    func helpOfACommand(arguments: [String]) throws {
        let result = try CLI.run(arguments)
        #expect(result.status == 0)
        #expect(result.output.hasPrefix("OVERVIEW: "))
    }

    /// A word that is not there is the explorer's FILE (66, as any missing file), but one a
    /// letter away from a command was most likely meant to be that command.
    @Test("A missing FILE spelled nearly as a command says which command", arguments: [
        ("outlne", " (did you mean the command `outline`?)"), ("serach", " (did you mean the command `search`?)"),
        ("bookmark", " (did you mean the command `bookmarks`?)"), ("frob", ""), ("outlne.txt", ""),
    ])
    func mistypedCommand(word: String, hint: String) throws {
        try withTemporaryDirectory { directory in
            let result = try CLI.run([word], in: directory)
            #expect(result.status == 66)
            #expect(result.stderr == "seealso: \(word): no such file\(hint)\n")
            #expect(result.stdout.isEmpty)
            // A file of that name is an article like any other.
            try "= Outlne =\n\nText.\n".write(to: directory.appendingPathComponent(word), atomically: true, encoding: .utf8)
            let there = try CLI.run([word], in: directory)
            #expect(there.status == 0 && there.output.hasPrefix("Outlne\n"), "\(there.output)")
        }
    }

    /// `seealso FILE` and `--no-restore` skip the argument parser (it cost about 2 ms of the
    /// start); every command name must still be the command, even where a file has its name,
    /// and anything else still goes to the parser. The names are the parser's own.
    @Test func theExplorersPlainStartReadsArgumentsAsTheParserDoes() throws {
        let dump = try CLI.run(["--experimental-dump-help"])
        let root = try #require(try JSONSerialization.jsonObject(with: dump.stdout) as? [String: Any])
        let command = try #require(root["command"] as? [String: Any])
        let names = try #require(command["subcommands"] as? [[String: Any]]).compactMap { $0["commandName"] as? String }
        #expect(names.count == 8 && names.contains("help"), "\(names)")
        try withTemporaryDirectory { directory in
            for name in names {
                try "= File \(name) =\n\nText.\n".write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
                let result = try CLI.run([name], in: directory)
                #expect(!result.output.hasPrefix("File \(name)\n"), "\(name) is the command, not the file: \(result.output.prefix(200))")
            }
            try "= Plain =\n\nText.\n".write(to: directory.appendingPathComponent("plain.txt"), atomically: true, encoding: .utf8)
            for arguments in [["plain.txt"], ["plain.txt", "--no-restore"], ["--no-restore", "plain.txt"]] {
                let result = try CLI.run(arguments, in: directory)
                #expect(result.status == 0 && result.output.hasPrefix("Plain\n"), "\(arguments): \(result.output.prefix(200))")
            }
            let bundled = try CLI.run(["--no-restore"], in: directory)
            #expect(bundled.status == 0 && bundled.output.hasPrefix("Dual power\n"))
            // What the plain start does not take is the parser's to refuse.
            for arguments in [["plain.txt", "plain.txt"], ["-x"], ["plain.txt", "--bogus"]] {
                let result = try CLI.run(arguments, in: directory)
                #expect(result.status == 64, "\(arguments): \(result.stderr)")
            }
        }
    }

    /// A command's very name after an option is the explorer's FILE (`seealso --config k.toml
    /// outline`): it says that the command goes first (QA: it said only "no such file").
    @Test func aCommandAfterAnOptionSaysCommandsGoFirst() throws {
        try withTemporaryDirectory { directory in
            let result = try CLI.run(["--no-restore", "outline"], in: directory)
            #expect(result.status == 66)
            #expect(result.stderr == "seealso: outline: no such file (a command goes first, before any option: see 'seealso outline --help')\n")
            // With words after the command, the parser's usage error says it too (QA).
            let followed = try CLI.run(["--config", "/dev/null", "search", "a.txt", "Lenin"], in: directory)
            #expect(followed.status == 64)
            #expect(followed.stderr.hasPrefix("seealso: 2 unexpected arguments: 'a.txt', 'Lenin' "
                + "(a command goes first, before any option: see 'seealso search --help')\n"), "\(followed.stderr)")
        }
    }

    /// With words after it, the mistyped command is a usage error about them ("Unexpected
    /// argument 'a.txt'"), which hid the cause: the hint is said there too.
    @Test func mistypedCommandWithArguments() throws {
        try withTemporaryDirectory { directory in
            let result = try CLI.run(["outlne", "a.txt"], in: directory)
            #expect(result.status == 64)
            #expect(result.stderr.hasPrefix("seealso: unexpected argument 'a.txt' (did you mean the command `outline`?)\n"), "\(result.stderr)")
            let unrelated = try CLI.run(["frob", "a.txt"], in: directory)
            #expect(unrelated.status == 64 && !unrelated.stderr.contains("did you mean"))
        }
    }

    /// The argument parser lists an option's values each with its description; a value type
    /// whose descriptions it cannot pair with its values got a column of empty "see-also - ".
    @Test("No --help lists a value with an empty description", arguments: [
        [], ["outline"], ["links"], ["export"], ["search"], ["config"], ["bookmarks"], ["bookmarks", "add"],
        ["bookmarks", "list"], ["bookmarks", "export"], ["bookmarks", "import"], ["bookmarks", "remove"],
    ])
    func helpHasNoEmptyValueDescriptions(command: [String]) throws {
        let help = try CLI.run(command + ["--help"])
        #expect(help.status == 0)
        // Values are listed after the usage, with the arguments and options; an example above
        // it may end in `-`, standard input (`… | seealso bookmarks import -`).
        let listed = help.output.range(of: "\nUSAGE: ").map { help.output[$0.lowerBound...] } ?? help.output[...]
        let empty = listed.split(separator: "\n").filter { $0.hasSuffix(" - ") || $0.hasSuffix(" -") }
        #expect(empty.isEmpty, "\(empty)")
    }
}
