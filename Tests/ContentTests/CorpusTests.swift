import Content
import Foundation
import TestSupport
import Testing

/// A folder of three linked articles and one broken one, written fresh for each test.
struct LinkedFolder {
    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("seealso-corpus-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("more"), withIntermediateDirectories: true)
        try write("dual-power.txt", String(decoding: try Data(contentsOf: Self.repository.appendingPathComponent("assets/dual-power.txt")), as: UTF8.self))
        try write("more/communalism.txt", """
            = Communalism =
            Communalism is the theory of libertarian municipalism, a road to dual power.

            == See also ==
            - Dual Power
            - Anarchism
            """)
        try write("anarchism.txt", """
            = Anarchism =
            Anarchism rejects rulers; anarchists build dual power.

            == See also ==
            - Dual power
            - Marxism-Leninism
            """)
        try write("broken.txt", "no title here\n")
    }

    static var repository: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: root.appendingPathComponent(name))
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}

@Suite("A folder of articles")
struct CorpusTests {
    @Test func loadsEveryArticleAndListsTheBrokenOne() throws {
        let folder = try LinkedFolder()
        defer { folder.remove() }
        let corpus = try Corpus.load(directory: folder.root.path)
        #expect(corpus.articles.map(\.article.title) == ["Anarchism", "Dual power", "Communalism"])
        #expect(corpus.failures.map(\.description) == [
            "\(folder.root.path)/broken.txt:1: missing title: an article starts with a line '= Title =', found 'no title here'",
        ])
    }

    /// A file that does not parse is there all the same: its title line, when it reads, is
    /// kept (`unloaded`), as the index keeps it, so that what is kept by title stays.
    @Test func aFileThatDoesNotParseKeepsItsTitleLine() throws {
        let folder = try LinkedFolder()
        defer { folder.remove() }
        try folder.write("lamps.txt", "\u{FEFF}\r\n= Lamps =\r\nOil.\r\n\r\n== Electric =\r\n")
        let corpus = try Corpus.load(directory: folder.root.path)
        #expect(corpus.catalog.unloaded == [FolderCatalog.Entry(path: folder.root.appendingPathComponent("lamps.txt").path, title: "Lamps", seeAlso: [])])
        #expect(ArticleParser.title(in: Array("\n\n  = Lamps =  \nno heading\n".utf8)) == "Lamps")
        #expect(ArticleParser.title(in: Array("no title here\n= Lamps =\n".utf8)) == nil)
        #expect(ArticleParser.title(in: Array("== Not a title ==\n".utf8)) == nil)
        #expect(ArticleParser.title(in: []) == nil)
    }

    /// A folder named `*.txt` is searched, not read as an article; a file whose name is not
    /// UTF-8 (Linux names are bytes; the listing gives U+FFFD for them) is named as such.
    @Test func oddEntriesInAFolder() throws {
        let folder = try LinkedFolder()
        defer { folder.remove() }
        try FileManager.default.createDirectory(at: folder.root.appendingPathComponent("inside.txt"), withIntermediateDirectories: true)
        try folder.write("inside.txt/libya.txt", "= Libya =\nLibya has been under dual power.\n")
        var bytes = Array(folder.root.path.utf8) + Array("/bad".utf8) + [0xFF] + Array("name.txt".utf8) + [0]
        let descriptor = bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_CREAT | O_WRONLY, 0o644) }
        }
        #expect(descriptor >= 0)
        close(descriptor)
        let corpus = try Corpus.load(directory: folder.root.path)
        #expect(corpus.articles.map(\.article.title).contains("Libya"))
        #expect(corpus.failures.map(\.description).contains(
            "\(folder.root.path)/bad\u{FFFD}name.txt: cannot read file: its name is not valid UTF-8 (rename it)"))
        #expect(!corpus.failures.map(\.path).contains { $0.hasSuffix("inside.txt") })
    }

    @Test func seeAlsoTitlesResolveIgnoringCaseDashesAndDisambiguators() throws {
        let folder = try LinkedFolder()
        defer { folder.remove() }
        let corpus = try Corpus.load(directory: folder.root.path)
        #expect(corpus.article(titled: "dual power") == 1)
        #expect(corpus.article(titled: "Communalism (Bookchin)") == 2, "the disambiguator is dropped when unambiguous")
        #expect(corpus.article(titled: "Anarchism") == 0)
        #expect(corpus.article(titled: "Diarchy") == nil)
        let dualPower = corpus.resolvedSeeAlso(of: 1)
        #expect(dualPower["see-also:anarchism"] == 0)
        #expect(dualPower["see-also:communalism-bookchin"] == 2)
        #expect(dualPower.count == 2)
        #expect(corpus.catalog.incoming().to(1).map(\.article).sorted() == [0, 2])
    }

    @Test func ambiguousBareTitlesDoNotResolve() throws {
        let a = try LinkedArticle(article: ArticleParser().parse("= Mercury (planet) =\nA planet.\n", path: "a.txt"))
        let b = try LinkedArticle(article: ArticleParser().parse("= Mercury (element) =\nAn element.\n", path: "b.txt"))
        let corpus = Corpus(root: ".", articles: [a, b], failures: [])
        #expect(corpus.article(titled: "Mercury") == nil)
        #expect(corpus.article(titled: "mercury (planet)") == 0)
    }

    /// A folder search finds what a search of each file finds: any substring, across the
    /// lines of a paragraph, in any case. (Its index used to look for whole words only, so
    /// "ornilov" and "Topic 1" found nothing in a folder.)
    @Test(arguments: ["ornilov", "ilov aff", "Topic 1", "ß", "dual power", "Dual", "regis"])
    func aFolderSearchFindsWhatEachFileSearchFinds(query: String) throws {
        let folder = try LinkedFolder()
        defer { folder.remove() }
        try folder.write("kornilov.txt", "= Kornilov =\nThe Kornilov\n  affair happened.\n\nSee Topic 12 and Straße; Régis too.\n")
        let files = ["anarchism.txt", "dual-power.txt", "kornilov.txt", "more/communalism.txt"]
            .map { folder.root.appendingPathComponent($0).path }
        let each = try files.map { try CLI.run(["search", $0, query]).stdout }.reduce(Data(), +)
        let whole = try CLI.run(["search", folder.root.path, query])
        #expect(!each.isEmpty)
        #expect(String(decoding: whole.stdout, as: UTF8.self) == String(decoding: each, as: UTF8.self))
    }

    /// Files with one title cannot be told apart (a title is how articles are found): the
    /// catalog names such titles, so the explorer can say so, and links to them resolve to none.
    @Test func sharedTitlesAreNamed() throws {
        let folder = try LinkedFolder()
        defer { folder.remove() }
        try folder.write("second-anarchism.txt", "= ANARCHISM =\nAnother text.\n")
        let catalog = try Corpus.load(directory: folder.root.path).catalog
        #expect(catalog.sharedTitles == [["Anarchism", "ANARCHISM"]])
        #expect(catalog.article(titled: "Anarchism") == nil)
        #expect(try Corpus.load(directory: folder.root.appendingPathComponent("more").path).catalog.sharedTitles.isEmpty)
    }

    @Test func theCommandLineWorksOnTheFolder() throws {
        let folder = try LinkedFolder()
        defer { folder.remove() }
        let export = try CLI.run(["export", "--format", "json", folder.root.path])
        #expect(export.status == 65, "a broken file makes the exit status 65 after the rest is printed")
        #expect(export.stderr.contains("broken.txt:1: missing title"))
        let document = try JSONDecoder().decode(JSONExporter.CorpusDocument.self, from: export.stdout)
        #expect(document.articles.map(\.title) == ["Anarchism", "Dual power", "Communalism"])
        let dualPower = try #require(document.articles.first { $0.title == "Dual power" })
        #expect(dualPower.seeAlso.first { $0.title == "Anarchism" }?.article == folder.root.appendingPathComponent("anarchism.txt").path)
        #expect(dualPower.seeAlso.first { $0.title == "Diarchy" }?.article == nil)
        #expect(document.errors.count == 1)

        let search = try CLI.run(["search", folder.root.path, "dual power"])
        #expect(String(decoding: search.stdout, as: UTF8.self).contains("anarchism.txt:2: Anarchism: Anarchism rejects rulers; anarchists build dual power."))
        #expect(String(decoding: search.stdout, as: UTF8.self).contains("more/communalism.txt:5: See also: Dual Power"))
        let outline = try CLI.run(["outline", folder.root.path])
        let text = String(decoding: outline.stdout, as: UTF8.self)
        #expect(text.contains(": Anarchism ==\n") && text.contains(": Communalism ==\n"))
    }

    /// QA 41: a file with 25 problems in a folder: the JSON export listed 20 and a 21st
    /// entry, "… and 5 more problems from this line on", though its schema has one a problem;
    /// stderr still says 20 and how many more.
    @Test func theJSONExportListsEveryProblemAndStderrTwenty() throws {
        let folder = try LinkedFolder()
        defer { folder.remove() }
        try folder.write("many.txt", "= Many =\n" + (0..<25).map { "== bad \($0)\n" }.joined())
        let export = try CLI.run(["export", "--format", "json", folder.root.path])
        let document = try JSONDecoder().decode(JSONExporter.CorpusDocument.self, from: export.stdout)
        let many = document.errors.filter { $0.contains("many.txt") }
        #expect(many.count == 25 && many.allSatisfy { $0.contains("unbalanced heading") }, "\(many)")
        #expect(document.errors.count == 26, "and broken.txt's")
        let said = export.stderr.split(separator: "\n").filter { $0.contains("many.txt") }
        #expect(said.count == 21 && said.last?.contains("and 5 more problems from this line on") == true, "\(said)")
    }

    /// `links FOLDER` and `outline FOLDER` head each article's block with its path and title:
    /// the `line N` references of several articles were ambiguous without it. A single
    /// article's output has no heading.
    @Test func folderBlocksAreHeadedByPathAndTitle() throws {
        let folder = try LinkedFolder()
        defer { folder.remove() }
        try FileManager.default.removeItem(at: folder.root.appendingPathComponent("broken.txt"))
        let communalism = folder.root.appendingPathComponent("more/communalism.txt").path
        let links = try CLI.run(["links", folder.root.path])
        #expect(links.status == 0 && links.stderr.isEmpty)
        let headings = links.output.split(separator: "\n").filter { $0.hasPrefix("== ") }
        #expect(headings == ["== \(folder.root.appendingPathComponent("anarchism.txt").path): Anarchism ==",
                             "== \(folder.root.appendingPathComponent("dual-power.txt").path): Dual power ==",
                             "== \(communalism): Communalism =="])
        #expect(links.output.hasSuffix("""

            == \(communalism): Communalism ==
            See-also topics (2)
              Dual Power  (see-also:dual-power, line 5)
                ← mentions      (lead)  [detected] line 2: "Communalism is the theory of libertarian municipalism, a road to dual power."
              Anarchism  (see-also:anarchism, line 6)
                (no links)

            """))
        let outline = try CLI.run(["outline", folder.root.path])
        #expect(outline.output.hasSuffix("""

            == \(communalism): Communalism ==
              1  (lead)
              4  See also  · 2 see-also topics

            """))
        // Markdown names each article's file under its title (escaped as Markdown text).
        let markdown = try CLI.run(["export", "--format", "markdown", folder.root.path])
        #expect(markdown.output.contains("# Communalism\n\nFile: \(MarkdownExporter.inline(communalism))\n\nCommunalism is the theory"))
        #expect(markdown.output.components(separatedBy: "\nFile: ").count == 4, "one line per article")
        #expect(try CLI.run(["export", "--format", "markdown", communalism]).output.hasPrefix("# Communalism\n\nCommunalism is"))
        let single = try CLI.run(["links", communalism])
        #expect(single.output.hasPrefix("See-also topics (2)\n"), "one article: no heading")
        #expect(try CLI.run(["outline", communalism]).output.hasPrefix("Communalism\n  1  (lead)\n"))
    }

    /// A folder with no `*.txt` file (an empty subfolder and a note do not count) is the same
    /// error for every command, the explorer printing its outline included: they used to
    /// print nothing, `[]` or "no match" and exit 0 (search 1), while the explorer said
    /// "no article could be loaded".
    @Test func aFolderWithoutArticlesIsAnErrorForEveryCommand() throws {
        try withTemporaryDirectory { folder in try withTemporaryDirectory { cache in
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("sub"), withIntermediateDirectories: true)
            try Data("not an article\n".utf8).write(to: folder.appendingPathComponent("notes.md"))
            #expect(chmod(cache.path, 0o777) == 0, "search may write its index")
            let message = "seealso: \(folder.path): no articles: no *.txt file in the folder or below it\n"
            for arguments in [["outline"], ["links"], ["export", "--format", "json"], ["export", "--format", "markdown"],
                              ["export", "--format", "dot"], ["search"], ["explore"], []] {
                let extra = arguments == ["search"] ? ["dual power"] : []
                let result = try Self.runUnprivileged(arguments + [folder.path] + extra, cache: cache)
                #expect(result.status == 66, "\(arguments)")
                #expect(result.stderr == message, "\(arguments)")
                #expect(result.stdout.isEmpty, "\(arguments)")
            }
        } }
    }

    /// `seealso FOLDER --section NAME` (printing the outline, off a terminal) accepts a place
    /// that any article of the folder has, not only the first; one that none has is an error
    /// naming the folder, with the close matches from every article.
    @Test func sectionAndItemLookThroughTheFolder() throws {
        let folder = try LinkedFolder()
        defer { folder.remove() }
        try FileManager.default.removeItem(at: folder.root.appendingPathComponent("broken.txt"))
        // Anarchism, the first article, has neither.
        for option in [["--section", "October Rev"], ["--item", "municipal"]] {
            let result = try CLI.run([folder.root.path] + option)
            #expect(result.status == 0, "\(option): \(result.stderr)")
            #expect(result.output.hasPrefix("== \(folder.root.appendingPathComponent("anarchism.txt").path): Anarchism ==\n"),
                    "the outline of the whole folder")
        }
        let unknown = try CLI.run([folder.root.path, "--section", "Octobr"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr == "seealso: no section starts with 'Octobr' in '\(folder.root.path)'; close matches: October Revolution\n")
        #expect(unknown.stdout.isEmpty)
    }

    /// A subfolder that cannot be listed is a failure with the system's reason, as `find` says
    /// it, not a silent gap in the folder. Root lists any folder, so as root the commands run
    /// as nobody (setpriv); both ways to list a folder are used: reading every file (outline)
    /// and the on-disk index (search, in a cache folder nobody may write).
    @Test func aSubfolderThatCannotBeListedIsReported() throws {
        let folder = try LinkedFolder()
        let locked = folder.root.appendingPathComponent("more")
        defer {
            chmod(locked.path, 0o755)
            folder.remove()
        }
        try FileManager.default.removeItem(at: folder.root.appendingPathComponent("broken.txt"))
        let cache = folder.root.appendingPathComponent(".cache")
        try FileManager.default.createDirectory(at: cache, withIntermediateDirectories: true)
        #expect(chmod(cache.path, 0o777) == 0 && chmod(locked.path, 0o000) == 0)
        let failure = "seealso: \(locked.path): cannot list the folder: Permission denied\n"
        for arguments in [["outline", folder.root.path], ["search", folder.root.path, "dual power"]] {
            let result = try Self.runUnprivileged(arguments, cache: cache)
            #expect(result.status == 65, "\(arguments[0])")
            #expect(result.stderr == failure, "\(arguments[0])")
            #expect(result.output.contains("Anarchism"), "\(arguments[0]): the rest of the folder still counts")
            #expect(!result.output.contains("Communalism"), "\(arguments[0])")
        }
        // Listable again, the folder is whole and the index has its articles.
        chmod(locked.path, 0o755)
        let search = try Self.runUnprivileged(["search", folder.root.path, "dual power"], cache: cache)
        #expect(search.status == 0 && search.stderr.isEmpty && search.output.contains("more/communalism.txt"))
    }

    /// seealso with `arguments`, as a user who cannot list a folder that root could.
    static func runUnprivileged(_ arguments: [String], cache: URL) throws -> CLI.Result {
        let seealso = try CLI.binary().path
        let environment = ["/usr/bin/env", "XDG_CACHE_HOME=\(cache.path)", "XDG_DATA_HOME=\(cache.path)", "XDG_CONFIG_HOME=\(cache.path)"]
        guard geteuid() == 0 else {
            return try CLI.run(Array(environment.dropFirst()) + [seealso] + arguments, executable: URL(fileURLWithPath: environment[0]))
        }
        return try CLI.run(["--reuid=65534", "--regid=65534", "--clear-groups"] + environment + [seealso] + arguments,
                           executable: URL(fileURLWithPath: "/usr/bin/setpriv"))
    }
}
