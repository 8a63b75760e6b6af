import Foundation
import Testing
import TestSupport

/// `seealso search` prints matching lines as grep -n does: each source line once, however
/// many times it matches.
@Suite("seealso search: one line per matching line")
struct SearchCommandTests {
    /// A flag is found by its region's letters, as the explorer shows it (QA 15b), also
    /// through a folder's index, whose text form reads it so (version 9).
    @Test func aFlagIsFoundByItsLettersInAFolder() throws {
        try withTemporaryDirectory { directory in
            try Data("= Flags =\nFrance 🇫🇷 and Finland 🇫🇮.\n".utf8).write(to: directory.appendingPathComponent("flags.txt"))
            try Data("= Other =\nNothing here.\n".utf8).write(to: directory.appendingPathComponent("other.txt"))
            let result = try CLI.run(["search", directory.path, "FR"])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.output.contains("flags.txt:2:"), "\(result.output)")
        }
    }

    /// JSONEncoder spreads an empty array over three lines: `[`, a blank line, `]` (QA 38).
    @Test("No match with --json prints [] on one line, status 1")
    func noMatchIsAnEmptyArray() throws {
        try withTemporaryDirectory { directory in
            let file = directory.appendingPathComponent("a.txt")
            try "= Alpha =\n\nNothing [ ] here.\n".write(to: file, atomically: true, encoding: .utf8)
            let result = try CLI.run(["search", file.path, "Zeta", "--json"])
            #expect(result.status == 1)
            #expect(result.output == "[]\n")
        }
    }

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

    /// `--json` gave the terminal's excerpt (about 60 characters around the match, "…" where
    /// cut) as `text`: a script had no way to the whole line.
    @Test("--json gives the whole source line as text and where its first match is; the terminal form an excerpt, as --help says")
    func jsonHasTheWholeLine() throws {
        try withTemporaryDirectory { directory in
            let file = directory.appendingPathComponent("a.txt")
            let long = String(repeating: "filler words here ", count: 10)
            try "= Alpha =\n\nFirst line of a paragraph,\nthen é \(long)Gamma and \(long)the end.\n\n- Gamma item\n"
                .write(to: file, atomically: true, encoding: .utf8)
            let json = try CLI.run(["search", file.path, "Gamma", "--json"])
            #expect(json.status == 0)
            let hits = try #require(try JSONSerialization.jsonObject(with: json.stdout) as? [[String: Any]])
            #expect(hits.map { $0["line"] as? Int } == [4, 6])
            #expect(hits.first?["text"] as? String == "then é \(long)Gamma and \(long)the end.", "the line, not the paragraph or a cut")
            #expect(hits.first?["column"] as? Int == 8 + long.count)
            #expect(hits.last?["text"] as? String == "Gamma item")
            #expect(hits.last?["column"] as? Int == 1)

            let text = try CLI.run(["search", file.path, "Gamma"])
            let first = try #require(text.output.split(separator: "\n").first)
            #expect(first.hasPrefix("\(file.path):4: Alpha: …") && first.hasSuffix("…"), "\(first)")
            #expect(first.count < 200)
        }
        let help = try CLI.run(["search", "--help"]).output.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(help.contains("text is an excerpt of that line: about 60 characters either side of the line's matches"))
        #expect(help.contains("text is the whole line"))
    }

    /// A paragraph's lines are one text; the excerpt of line 3 showed lines 2 to 4 (QA 10c),
    /// so `cut -d: -f4-` gave text that is not on the line its number names.
    @Test("The text after PATH:LINE: is that line's, not its paragraph's; a match running on into the next line shows it")
    func excerptIsTheLinesText() throws {
        try withTemporaryDirectory { directory in
            let file = directory.appendingPathComponent("p.txt")
            try "= P =\nThe needle one.\nThe needle two.\nThe needle three.\n".write(to: file, atomically: true, encoding: .utf8)
            let result = try CLI.run(["search", file.path, "needle"])
            #expect(result.output == """
                \(file.path):2: P: The needle one.
                \(file.path):3: P: The needle two.
                \(file.path):4: P: The needle three.

                """)
            // "one. The" starts on line 2 and ends on line 3 (joined with one space).
            let across = try CLI.run(["search", file.path, "one. The"])
            #expect(across.output == "\(file.path):2: P: The needle one. The\n")
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

    /// README: "one spelled as a path (`arts/`, `a.txt`) is taken for a forgotten query
    /// (status 64)". Only one that existed was: a mistyped one was searched for in the bundled
    /// article, and missed with status 1 and no word of why.
    @Test("A path that is not there is a forgotten query too: 64 and the hint, not a search for its name",
          arguments: ["foo.txt", "arts/", "arts/a.txt", "./nothing"])
    func missingPathWithoutQuery(word: String) throws {
        try withTemporaryDirectory { directory in
            let result = try CLI.run(["search", word], in: directory)
            #expect(result.status == 64)
            #expect(result.stderr.contains("'\(word)' is spelled as a path, not a QUERY, and there is no such file or folder: "
                                           + "give the QUERY after it (seealso search \(word) QUERY)."), "\(result.stderr)")
            #expect(result.stdout.isEmpty)
        }
    }

    @Test("The title line is searched too, as grep finds it")
    func titleLine() throws {
        let result = try CLI.run(["search", "Dual"])
        #expect(result.output.hasPrefix("(bundled) dual-power.txt:1: Dual power: Dual power\n"))
    }

    /// QA 18b: `cd /tmp && seealso search soviet` printed `dual-power.txt:5: …`, a file that
    /// is not there, which `vim -q` opened as a new empty file. The bundled article is named
    /// as its links file's errors name it, which no path in the current folder can be.
    @Test("The bundled article's hits are named as no file is, in the text and the JSON alike")
    func bundledArticleIsNamedAsNoFile() throws {
        try withTemporaryDirectory { directory in
            let text = try CLI.run(["search", "soviet"], in: directory)
            #expect(text.status == 0)
            #expect(text.output.hasPrefix("(bundled) dual-power.txt:5: Dual power: "), "\(text.output.prefix(80))")
            let json = try CLI.run(["search", "soviet", "--json"], in: directory)
            let hits = try #require(try JSONSerialization.jsonObject(with: json.stdout) as? [[String: Any]])
            #expect(Set(hits.compactMap { $0["path"] as? String }) == ["(bundled) dual-power.txt"])
        }
    }

    @Test("A file rewritten at the same size with its times put back (touch -d, cp -p, rsync -a) is found by its new text")
    func folderIndexSeesARewriteThatKeepsSizeAndTime() throws {
        try withTemporaryDirectory { directory in
            let file = directory.appendingPathComponent("one.txt")
            try Data("= One =\nalpha bravo charlie.\n".utf8).write(to: file)
            let home = try TemporaryHome()  // one cache for every run: the first search fills the index
            func search(_ query: String) throws -> Captured {
                try Captured.run(try CLI.binary(), ["search", directory.path, query], environment: home.environment())
            }
            #expect(try search("bravo").status == 0)

            var before = stat()
            #expect(stat(file.path, &before) == 0)
            try Data("= One =\nalpha delta charlie.\n".utf8).write(to: file)
            #expect(utimensat(AT_FDCWD, file.path, [before.st_atim, before.st_mtim], 0) == 0)

            let found = try search("delta")
            #expect(found.status == 0)
            #expect(try Captured.text(found.stdout) == "\(file.path):2: One: alpha delta charlie.\n")
            // What the search of the file alone finds, as the README promises.
            #expect(found.stdout == (try CLI.run(["search", file.path, "delta"]).stdout))
            #expect(try search("bravo").status == 1)
        }
    }

    @Test("A folder searched without its index reads the text alone, as with it: a broken links file does not count")
    func folderWithoutIndex() throws {
        try withTemporaryDirectory { directory in
            try "= Alpha =\n\nBeta is mentioned here.\n".write(to: directory.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
            try "[[links]\n".write(to: directory.appendingPathComponent("a.links.toml"), atomically: true, encoding: .utf8)
            let home = try TemporaryHome()
            let binary = try CLI.binary()
            // A cache folder that cannot be made (under a file): the index cannot be used.
            let runs = try [home.environment(), home.environment(["XDG_CACHE_HOME": "/dev/null/cache"])].map {
                try Captured.run(binary, ["search", directory.path, "beta"], environment: $0)
            }
            for run in runs {
                #expect(run.status == 0)
                #expect(try Captured.text(run.stdout) == "\(directory.path)/a.txt:3: Alpha: Beta is mentioned here.\n")
                #expect(run.stderr.isEmpty, "\(String(decoding: run.stderr, as: UTF8.self))")
            }
        }
    }

    /// Every other command refuses an article whose links file is broken (65); search
    /// parses the text only, for speed, in a folder and for one article alike. README.md
    /// said "by every command": it and --help now say that search reads no links file.
    @Test("One article beside a broken links file is searched as text, as README.md and --help say")
    func articleWithBrokenLinksFile() throws {
        try withTemporaryDirectory { directory in
            let file = directory.appendingPathComponent("a.txt")
            try "= Alpha =\n\nBeta is mentioned here.\n".write(to: file, atomically: true, encoding: .utf8)
            try "[[link]]\nfrom = \"Nope\"\n".write(to: directory.appendingPathComponent("a.links.toml"), atomically: true, encoding: .utf8)
            #expect(try CLI.run(["outline", file.path]).status == 65)
            let result = try CLI.run(["search", file.path, "beta"])
            #expect(result.status == 0)
            #expect(result.output == "\(file.path):3: Alpha: Beta is mentioned here.\n")
            #expect(result.stderr.isEmpty)
        }
        let help = try CLI.run(["search", "--help"]).output.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(help.contains("Only the text is read: a NAME.links.toml beside an article is neither read nor checked"))
        let readme = try String(contentsOf: Repo.root.appendingPathComponent("README.md"), encoding: .utf8)
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(readme.contains("It reads the articles' text only, never a `NAME.links.toml` beside one"))
        #expect(readme.contains("by every command that reads links and the explorer alike (`search` reads the text alone"))
    }

    @Test("A bare word is the query even when a folder here has that name; when it matches nothing, stderr says how to search the folder")
    func bareWordNamingAFolder() throws {
        try withTemporaryDirectory { directory in
            for name in ["Soviet", "Zzyzx"] {
                try FileManager.default.createDirectory(at: directory.appendingPathComponent(name), withIntermediateDirectories: true)
            }
            let found = try CLI.run(["search", "Soviet"], in: directory)
            #expect(found.status == 0)
            #expect(found.output.hasPrefix("(bundled) dual-power.txt:"))
            #expect(found.stderr.isEmpty)

            let missed = try CLI.run(["search", "Zzyzx"], in: directory)
            #expect(missed.status == 1)
            #expect(missed.stdout.isEmpty)
            #expect(missed.stderr == "seealso: 'Zzyzx' was searched for in the bundled article; to search the file or folder of that name: seealso search Zzyzx QUERY\n")

            for pathLike in ["Zzyzx/", ".", ".."] {
                #expect(try CLI.run(["search", pathLike], in: directory).status == 64, "\(pathLike)")
            }
        }
    }

    /// The index keys its rows by absolute path and finds a folder's by their prefix: one
    /// with a non-ASCII letter (`café/`) was compared by characters against a length in
    /// bytes, and matched nothing, so the search found nothing.
    @Test("A folder whose path has a non-ASCII letter is searched through its index like any other")
    func nonASCIIFolder() throws {
        try withArticleFolder("café", ["one.txt": "= One =\nalpha word here.\n", "two.txt": "= Two =\nalphabet too.\n"]) { directory, _ in
            let home = try TemporaryHome()
            for round in ["first (fills the index)", "second (reads it)"] {
                let result = try Captured.run(try CLI.binary(), ["search", "café", "alpha"], in: directory, environment: home.environment())
                #expect(result.status == 0, "\(round)")
                #expect(try Captured.text(result.stdout) == "café/one.txt:2: One: alpha word here.\ncafé/two.txt:2: Two: alphabet too.\n", "\(round)")
            }
        }
    }

    /// `seealso search F σισυφος` found nothing in a line "ΣΊΣΥΦΟΣ Greek.", which `σισυφοσ`
    /// found; in a folder, the index has to agree.
    @Test("A final sigma in the query finds the word in capitals, in a file and through a folder's index")
    func greekFinalSigma() throws {
        try withTemporaryDirectory { directory in
            let folder = directory.appendingPathComponent("greek")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try "= G =\nΣΊΣΥΦΟΣ Greek.\n".write(to: folder.appendingPathComponent("g.txt"), atomically: true, encoding: .utf8)
            let home = try TemporaryHome()
            for arguments in [["search", "greek/g.txt", "σισυφος"], ["search", "greek", "σισυφος"], ["search", "greek", "σισυφος"]] {
                let result = try Captured.run(try CLI.binary(), arguments, in: directory, environment: home.environment())
                #expect(result.status == 0, "\(arguments)")
                #expect(try Captured.text(result.stdout) == "greek/g.txt:2: G: ΣΊΣΥΦΟΣ Greek.\n", "\(arguments)")
            }
        }
    }
}
