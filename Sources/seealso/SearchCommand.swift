import ArgumentParser
import Content
import Foundation
import Store

struct Search: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Find text in an article or a folder of articles.",
        discussion: """
            Prints `path:line: section: text` for each matching line, like grep -n, where text \
            is an excerpt of that line: about 60 characters either side of the line's matches \
            (of a long stretch between the first and the last, its first 120 characters), \
            with "…" where the line is cut (--json gives the whole line). It exits 1 when \
            nothing matches, as grep does. The search is \
            case-insensitive unless QUERY has an uppercase letter, and ignores diacritics and \
            dash variants ("Regis" finds "Régis"). QUERY is literal text, not a pattern; one \
            that starts with - goes after -- (seealso search -- -1917). Only \
            the text is read: a NAME.links.toml beside an article is neither read nor checked \
            ('seealso outline FILE' checks it).

            Examples:
              seealso search Kornilov
              seealso search articles/ 'dual power' --json
              cat article.txt | seealso search - Kornilov
            """
    )

    @Argument(help: ArgumentHelp("[PATH] QUERY: an article file or folder, or - for standard input (default: the bundled article), then the text to find.",
                                 valueName: "path-and-query"),
              // Files for the PATH; offered for the QUERY too (the parser cannot tell the two
              // words apart), where typing goes on as usual.
              completion: .file())
    var words: [String]
    @Flag(help: "Print the matching lines as a JSON array of {path, article, line, section, heading, text, column}: text is the whole line, column where its first match starts (1-based, in Unicode code points).")
    var json = false

    func validate() throws {
        guard (1...2).contains(words.count) else { throw ValidationError("Give a QUERY, or a PATH and a QUERY.") }
        guard !(words.last ?? "").isEmpty else { throw ValidationError("The QUERY is empty.") }
        // As every other command says an empty FILE (QA 38: "'': cannot read file: it is a folder").
        if words.count == 2 { try requirePath(words[0], of: "PATH") }
        // Characters that show nothing are no text to find, as search reads it (QA 31: exit 1, silent).
        guard !TextSearch(words[words.count - 1]).isEmpty else {
            throw ValidationError("The QUERY '\(words[words.count - 1].quotable)' shows nothing: give text to find.")
        }
        // `seealso search articles/` or `… a.txt` most likely forgot the query: a word spelled
        // as a path is no text anyone searches for, whether or not the path is there (one
        // mistyped was searched for in the bundled article, and missed, with no hint). A bare
        // word is the query even when a folder here has that name (`cd /; seealso search
        // proc`), as grep takes its first word for the pattern; `run` says so when nothing
        // matches.
        if words.count == 1, Self.isSpelledAsPath(words[0]) {
            // A QUERY that starts with a dash, which the parser took for an option and left
            // out (QA 31: `search a.txt -1917` said the QUERY was missing).
            let typed = Array(CommandLine.arguments.dropFirst())
            if let dashed = typed.firstIndex(where: CommandNames.mayBeDashedWord), !typed.contains("--") {
                throw ValidationError("a QUERY that starts with - goes after --: \(CommandNames.withDoubleDash(typed, before: dashed))")
            }
            var isFolder: ObjCBool = false
            let what = !FileManager.default.fileExists(atPath: words[0], isDirectory: &isFolder)
                ? "spelled as a path, not a QUERY, and there is no such file or folder"
                : isFolder.boolValue ? "a folder" : words[0].hasSuffix(".txt") ? "an article" : "a file"
            throw ValidationError("'\(words[0])' is \(what): give the QUERY after it (seealso search \(words[0]) QUERY).")
        }
    }

    /// A folder's path (`arts/`, `.`, `..`) or an article's (`a.txt`), as README.md lists them.
    static func isSpelledAsPath(_ word: String) -> Bool {
        word.contains("/") || word.hasSuffix(".txt") || word == "." || word == ".."
    }

    struct Hit: Codable, Equatable {
        var path: String
        var article: String
        var line: Int
        var section: String
        var heading: String
        /// The whole source line (a list item's without its marker), for `--json`: a script
        /// wants the data, not a cut of it.
        var text: String
        /// Where the line's first match starts in `text`: 1-based, in Unicode scalars (code
        /// points), as Python and most JSON readers index a string.
        var column: Int
        /// About 60 characters around the line's matches, for the terminal form: a paragraph
        /// is often one long line.
        var excerpt = ""

        enum CodingKeys: String, CodingKey { case path, article, line, section, heading, text, column }
    }

    func run() throws {
        var options = ArticleOptions()
        options.file = words.count == 2 ? words[0] : nil
        let search = TextSearch(words[words.count - 1])
        let hits: [Hit]
        let failed: Bool
        // The article's, when it is one article: the bundled one's, for the note below.
        var title: String?
        if let folder = options.folderPath {
            let indexing = Result { try Self.indexedHits(of: search, in: folder) }
            // Something else in the index's place is left alone, and said: the folder is then
            // searched file by file at every search. A cache that cannot be written is not.
            if case .failure(let error as StoreError) = indexing, case .unreadableFile = error {
                Diagnostics.report("\(error); the folder was searched file by file")
            }
            if let indexed = try? indexing.get() {
                try ArticleOptions.requireArticles(in: indexed.catalog, folder: folder)
                hits = indexed.hits
                failed = !indexed.catalog.failures.isEmpty
            } else {
                // No usable index (a cache that cannot be written): every file is parsed, and
                // only parsed, as the index reads it: a search reads text, not links.
                let read = try ArticleOptions.readFolder(folder, loaded: { $0.articles.count }, failures: { $0.failures }) {
                    try Corpus.texts(in: $0)
                }
                hits = read.articles.flatMap { Self.hits(of: search, in: $0) }
                failed = !read.failures.isEmpty
            }
        } else {
            // One article: its text is all a search reads (as in a folder), so it is not linked.
            let article = try options.text()
            // Named by its path: the bundled article's, "(bundled) dual-power.txt", is no
            // file's (it printed "dual-power.txt:5:", and `vim -q` opened an empty file).
            hits = Self.hits(of: search, in: article)
            failed = false
            title = article.title
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            try Output.write(JSONExporter.printable(try encoder.encode(hits)) + "\n")
        } else {
            try Output.write(hits.map { "\($0.path):\($0.line): \($0.heading): \($0.excerpt)".neutralized + "\n" }.joined())
        }
        // Before the status: with no match (1), the note is what says whose lines did not match.
        options.noteIfStandardInputUnread(read: title, "seealso search - \(TypedCommand.word(words[words.count - 1]))")
        if failed { throw ExitCode(65) }
        if hits.isEmpty {
            if words.count == 1, options.file == nil, FileManager.default.fileExists(atPath: words[0]) {
                Diagnostics.report("'\(words[0])' was searched for in the bundled article; "
                                   + "to search the file or folder of that name: seealso search "
                                   + (words[0].hasPrefix("-") ? "-- " : "") + "\(TypedCommand.word(words[0])) QUERY")
            }
            throw ExitCode(1)
        }
    }

    /// A folder searched through the on-disk index: only files whose text has the query's
    /// words are read, and only files that changed since the last run are indexed again.
    static func indexedHits(of search: TextSearch, in folder: String) throws -> (hits: [Hit], catalog: FolderCatalog) {
        let index = try CorpusIndex(directory: CorpusIndex.defaultDirectory(environment: ProcessEnvironment.variables()))
        let refresh = try index.refresh(folder: folder)
        for failure in refresh.catalog.failures { Diagnostics.reportEveryProblem(of: failure) }
        let paths = try index.candidates(for: search, in: folder) ?? refresh.catalog.entries.map(\.path)
        let results = Parallel.map(count: paths.count) { slot -> [Hit] in
            // A file that changed since it was indexed is read as it is now.
            // Parsing is all a search needs: no classifying or linking.
            let article = try? ArticleParser().parse(contentsOf: URL(fileURLWithPath: paths[slot]), displayPath: paths[slot])
            return article.map { hits(of: search, in: $0) } ?? []
        }
        return (results.flatMap { $0 }, refresh.catalog)
    }

    /// The lines that match in headings, paragraphs and list items: one hit per source line,
    /// as grep prints a line once however often it matches, with the whole line and an
    /// excerpt around the line's matches.
    static func hits(of search: TextSearch, in article: Article) -> [Hit] {
        var hits: [Hit] = []
        func add(_ block: some JoinedSourceLines, section: Section) {
            add(block.text, line: block.line(at:), whole: { sourceLine($0, of: block) }, section: section)
        }
        /// `whole` gives a line's range in `text`, given its number.
        func add(_ text: String, line: (String.Index) -> Int, whole: (Int) -> Range<String.Index>, section: Section) {
            var lines: [(number: Int, matches: Range<String.Index>)] = []
            for range in search.matches(in: text) {
                let number = line(range.lowerBound)
                if let last = lines.last, last.number == number {
                    lines[lines.count - 1].matches = last.matches.lowerBound..<range.upperBound
                } else {
                    lines.append((number, range))
                }
            }
            for (number, matches) in lines {
                let range = whole(number)
                hits.append(Hit(path: article.path, article: article.title, line: number, section: section.id,
                                heading: section.isLead ? article.title : section.title, text: String(text[range]),
                                column: text.unicodeScalars[range.lowerBound..<matches.lowerBound].count + 1,
                                excerpt: excerpt(text, around: matches, within: Self.union(range, matches))))
            }
        }
        for section in article.sections {
            // The lead's heading is the article's title line, searched as grep would.
            let title = section.isLead ? article.title : section.title
            add(title, line: { _ in section.line }, whole: { _ in title.startIndex..<title.endIndex }, section: section)
            for block in section.blocks {
                switch block {
                case .paragraph(let paragraph): add(paragraph, section: section)
                case .list(let list): for item in list.items { add(item, section: section) }
                }
            }
        }
        return hits
    }

    /// Where source line `number` is in `block.text`, which joins its lines with one space.
    static func sourceLine(_ number: Int, of block: some JoinedSourceLines) -> Range<String.Index> {
        let text = block.text.utf8
        let index = number - block.line
        let start = block.lineStarts[index]
        let end = index + 1 < block.lineStarts.count ? block.lineStarts[index + 1] - 1 : text.count
        return text.index(text.startIndex, offsetBy: start)..<text.index(text.startIndex, offsetBy: end)
    }

    /// About 60 characters either side of the matches, cut at spaces, with "…" where cut. A
    /// long stretch between a line's first and last match is kept to its first 120 characters.
    /// Only `bounds` is shown (the source line, and a match that runs on into the next one):
    /// the text printed after `PATH:LINE:` is on that line, as grep's is, not its neighbours'.
    static func excerpt(_ text: String, around matches: Range<String.Index>, within bounds: Range<String.Index>? = nil,
                        context: Int = 60) -> String {
        let bounds = bounds ?? text.startIndex..<text.endIndex
        let range = matches.lowerBound..<(text.index(matches.lowerBound, offsetBy: 2 * context, limitedBy: matches.upperBound) ?? matches.upperBound)
        var lower = text.index(range.lowerBound, offsetBy: -context, limitedBy: bounds.lowerBound) ?? bounds.lowerBound
        var upper = text.index(range.upperBound, offsetBy: context, limitedBy: bounds.upperBound) ?? bounds.upperBound
        if lower > bounds.lowerBound, let space = text[lower..<range.lowerBound].firstIndex(of: " ") { lower = text.index(after: space) }
        if upper < bounds.upperBound, let space = text[range.upperBound..<upper].lastIndex(of: " ") { upper = space }
        return (lower > bounds.lowerBound ? "…" : "") + text[lower..<upper] + (upper < bounds.upperBound ? "…" : "")
    }

    static func union(_ a: Range<String.Index>, _ b: Range<String.Index>) -> Range<String.Index> {
        min(a.lowerBound, b.lowerBound)..<max(a.upperBound, b.upperBound)
    }
}
