import ArgumentParser
import Config
import Content
import Foundation
import Store
import TUI

@main
struct Seealso: ParsableCommand {
    // The commands name themselves, as the parser would from their types' names: deriving a
    // name goes through String(describing:) on the type, whose protocol lookups were a large
    // part of the time to start with any argument (`seealso FILE`, `seealso --no-restore`).
    static let configuration = CommandConfiguration(
        commandName: "seealso",
        abstract: "Explore an encyclopedia article and its cross-links in the terminal.",
        // The explorer's form first: without it the usage was `seealso <subcommand>` alone,
        // and FILE and the explorer's options were only in `seealso help explore`. Written
        // out, as the parser makes no usage of a default subcommand, and cut to fit 80 columns;
        // a test keeps it equal to `explore`'s own.
        usage: """
            seealso [<file>] [--section <section>] [--item <item>] [--no-restore]
                    [--data-dir <DIR>] [--config <FILE>]
            seealso <subcommand>
            """,
        discussion: """
            Without FILE, seealso opens the bundled Wikipedia article "Dual power" (CC BY-SA 4.0). \
            An article FILE may have its curated cross-links beside it as NAME.links.toml. \
            FILE - (or /dev/stdin) reads the article from standard input, named "(standard input)" \
            in messages; the explorer then reads keys from the terminal, as less does; a FILE \
            that is a pipe (<(curl …)) is read the same way. The \
            explorer's options (--section, --item, --no-restore, --data-dir, --config) are \
            explained by 'seealso help explore'.

            Keys, theme and layout can be set in $XDG_CONFIG_HOME/seealso/config.toml \
            (see 'seealso config --help'). 'man seealso' has these pages for every command; \
            the article form, keys, configuration and formats are in README.md, which 'make install' \
            puts in PREFIX/share/doc/seealso/README.md (PREFIX is /usr/local by default).

            Examples:
              seealso                          # explore the bundled article
              seealso --item Municipalism      # open at a strategy
              seealso articles/                # a folder of articles
              seealso links --kind strategy | less
              cat article.txt | seealso -      # piped in; keys from the terminal
              seealso export --format dot | dot -Tsvg > links.svg
              seealso --generate-completion-script zsh > ~/.zfunc/_seealso
            """,
        version: "0.1.0",
        subcommands: [Explore.self, Outline.self, Links.self, Export.self, Search.self, Bookmarks.self, ConfigCommand.self],
        defaultSubcommand: Explore.self
    )

    /// The explorer's usual start, `seealso`, `seealso FILE` or either with `--no-restore`,
    /// opens it straight away, without the argument parser: building the parser's command tree
    /// took about 2 ms of a 10 ms start (see `Exploration.init(plain:)`). Any other argument
    /// goes to the parser, which decides as usual.
    static func main() {
        Output.holdClosedDescriptors()
        // A write past the file-size limit (`ulimit -f`) fails with EFBIG, said as a full disk
        // is, rather than killing seealso with what it was saving (QA 38: `bookmarks add` was
        // killed after its commit, leaving `-wal` and `-shm`; the explorer lost a bookmark).
        signal(SIGXFSZ, SIG_IGN)
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let exploration = Exploration(plain: arguments) {
            do {
                try CommandNames.reportMistypedCommand(file: exploration.file)
                try exploration.run()
            } catch {
                exitReporting(error)
            }
            return
        }
        Output.checkBufferedOutputAtExit()
        if let shell = CompletionScripts.requestedShell(arguments) {
            print(CompletionScripts.script(for: shell))
            return
        }
        do {
            try CommandNames.checkHelpTopics(arguments)
            try CommandNames.checkShortOptions(arguments)
            var command = try parseAsRoot()
            try command.run()
        } catch {
            exitReporting(error)
        }
    }
}

extension Seealso {
    /// Exits as the parser does, but a usage error (status 64) is said as every other error
    /// is, `seealso: …` rather than the parser's `Error: …`, still followed by the usage.
    static func exitReporting(_ error: Error) -> Never {
        let message = fullMessage(for: error)
        guard exitCode(for: error) == .validationFailure, message.hasPrefix("Error: ") else { exit(withError: error) }
        var lines = message.dropFirst("Error: ".count).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // After "seealso: " a message starts in lower case, as every other one does ("Unknown
        // option '-v'", "Give --section or --item…" did not, QA 28); "QUERY", "FILE" stay.
        if let first = lines.first, first.count > 1, first.first?.isUppercase == true,
           first.dropFirst().first?.isLowercase == true {
            lines[0] = first.prefix(1).lowercased() + first.dropFirst()
        }
        let arguments = CommandLine.arguments.dropFirst()
        if let hint = valueHint(missing: lines.first ?? "", in: Array(arguments)) {
            lines[0] += " " + hint
        } else if let dashed = dashHint(lines.first ?? "", in: Array(arguments)) {
            // "missing expected argument" where the argument was given, but spelled as an option
            // the parser left out (QA 36: `search --x`): said as the unknown option it is.
            if lines[0].hasPrefix("missing expected argument") { lines[0] = "unknown option '\(dashed.word)'" }
            lines[0] += " " + dashed.hint
        } else if let first = arguments.first, let command = CommandNames.commandMeant(by: first), !lines.isEmpty {
            lines[0] += " (did you mean the command `\(command)`?)"
        } else if let first = arguments.first, first.hasPrefix("-"), !lines.isEmpty,
                  let command = arguments.first(where: { CommandNames.topLevel.contains($0) && $0 != "help" }) {
            // A command after an option made the line the explorer's (`seealso --config k.toml
            // outline a.txt`: "Unexpected argument 'a.txt'"), as `reportMistypedCommand` says
            // when the command is the last word.
            lines[0] += " (\(CommandNames.goesFirst(command)))"
        }
        // The parser quotes what was typed ("unknown option '--x^[]0;…'"): each line made safe,
        // as every other message is (QA 30: an escape sequence in an argument reached the
        // terminal raw, and set its title).
        Output.error("seealso: " + lines.map(\.neutralized).joined(separator: "\n"))
        exit(withError: ExitCode.validationFailure)
    }
}

extension Seealso {
    /// For "missing value for '--note <note>'" when the word after `--note` starts with a dash
    /// (`--note "- todo"`), which the parser takes for an option: how to give it (QA 30: no
    /// hint, where the one-dash check hints `--` for a name or query).
    static func valueHint(missing message: String, in arguments: [String]) -> String? {
        guard message.hasPrefix("missing value for '--") else { return nil }
        let option = message.dropFirst("missing value for '".count).prefix { $0 != " " && $0 != "'" }
        guard let at = arguments.firstIndex(of: String(option)), at + 1 < arguments.count,
              arguments[at + 1].hasPrefix("-") else { return nil }
        // As it would be typed again: quoted for the shell when it needs to be (`- todo`).
        return "(a value that starts with -: \(option)=\(TypedCommand.word(arguments[at + 1])))"
    }

    /// For the parser's "unknown option '-1917'" or "missing expected argument" where a word
    /// of the command line starts with a dash and is no option of it (`search -1917`): that
    /// `--` makes it a name or query, as `CommandNames.checkShortOptions` says of `-abc` (QA 31:
    /// no hint, and "missing expected argument" where an argument was given).
    static func dashHint(_ message: String, in arguments: [String]) -> (word: String, hint: String)? {
        // An unknown option that is a number (`-1917`) is a query more likely than a typo.
        // A missing option (`--format`) is no word taken for one: the options typed are its
        // command's (QA 38: `export --focus Foo t.txt` said "unknown option '--focus'").
        let missing = message.hasPrefix("missing expected argument") && !message.hasPrefix("missing expected argument '-")
        guard missing || message.hasPrefix("unknown option '-"), !arguments.contains("--"),
              let at = arguments.firstIndex(where: { word in
                  missing ? CommandNames.mayBeDashedWord(word) : CommandNames.isShortOptionSpelling(word) && Double(word) != nil
              })
        else { return nil }
        return (arguments[at], "(a name or query that starts with -: put -- before it, \(CommandNames.withDoubleDash(arguments, before: at)))")
    }
}

/// The article the explorer opens, loaded on a thread of its own (see `prefetchStamped`).
typealias ArticlePrefetch = Prefetch<LoadedArticle.Checked, LoadedArticle>

/// Where a command's article comes from: FILE, an article or a folder of them, or the
/// bundled article when FILE is nil.
protocol ArticleLocation {
    var file: String? { get }
}

/// The article argument every command shares.
struct ArticleOptions: ParsableArguments, ArticleLocation {
    // Plain `.file()`: an article is a `*.txt` file or a folder, and the shells' file
    // completion offers folders as well as files.
    @Argument(help: "An article file in seealso's plain-text form, or a folder of them, or - for standard input (default: the bundled \"Dual power\").",
              completion: .file())
    var file: String?

    func validate() throws { try requirePath(file, of: "FILE") }
}

/// The article of `bookmarks add`: a file, which a bookmark comes back to, so not `-`.
struct BookmarkedArticleOptions: ParsableArguments, ArticleLocation {
    @Argument(help: "An article file in seealso's plain-text form, or a folder of them (default: the bundled \"Dual power\"). Not - : a bookmark needs a file to come back to.",
              completion: .file())
    var file: String?

    func validate() throws { try requirePath(file, of: "FILE") }
}

extension ArticleLocation {
    /// Loads the article, or exits with `path:line: message` on stderr for each problem (a
    /// links file's are all said at once): status 65 for an article or links file that is
    /// malformed, 66 for one that cannot be read.
    func load() throws -> LinkedArticle {
        try loadStamped().model
    }

    /// `load`, with the stamp its files had as they were read (none for the bundled article
    /// and standard input): the explorer reads them again when they change.
    func loadStamped() throws -> LoadedArticle {
        let loaded = try reportingSourceErrors {
            guard readsStream else { return try LoadedArticle.read(path: file) }
            return LoadedArticle(model: try LinkedArticle(article: streamText()), stamp: nil)
        }
        noteMisnamedLinksFile()
        return loaded
    }

    /// `loadStamped`, started now on a thread of its own (see `Prefetch`); its problems are
    /// said as `loadStamped` says them once its value is asked for. Not for standard input,
    /// which is read on this thread, once.
    func prefetchStamped() -> ArticlePrefetch {
        let file = file
        return Prefetch({ try LoadedArticle.check(path: file) }, then: { $0.linked() })
    }

    /// `loadStamped`'s result from `prefetched`, said as `loadStamped` says it.
    func loadStamped(_ prefetched: ArticlePrefetch) throws -> LoadedArticle {
        let loaded = try reportingSourceErrors { try prefetched.value() }
        noteMisnamedLinksFile()
        return loaded
    }

    /// After FILE loaded: a line on stderr for each file beside it that looks meant as its
    /// links file but is not read (`t.txt.links.toml`: see `ArticleLoader.misnamedLinksNote`).
    /// A note, not an error: the article loaded, without curated links.
    private func noteMisnamedLinksFile() {
        guard let file, !readsStream, let note = ArticleLoader.misnamedLinksNote(for: file) else { return }
        Diagnostics.report(note)
    }

    /// The article's text, parsed but not linked (see `ArticleLoader.text`), or exits as `load`.
    func text() throws -> Article {
        try reportingSourceErrors {
            try readsStream ? streamText() : ArticleLoader.text(path: file)
        }
    }

    private func reportingSourceErrors<Value>(_ body: () throws -> Value) throws -> Value {
        do {
            return try body()
        } catch var error as StandardInput.IsATerminal {
            // A usage error: `-` was given where there is nothing to read. The examples are
            // the command typed, given an article.
            error.command = TypedCommand.line
            error.spelled = file ?? "-"
            Diagnostics.report(error.description)
            throw ExitCode(64)
        } catch {
            guard let problems = SourceErrors(error) else { throw error }
            for problem in problems.listed { Diagnostics.report(problem.description) }
            throw ExitCode(problems.isUnreadable ? 66 : 65)
        }
    }
}

extension ArticleLocation {
    /// Whether PATH is standard input (`-`, see `StandardInput`).
    var readsStandardInput: Bool { file.map(StandardInput.isNamed) ?? false }

    /// Whether the article comes through a stream: standard input, or a FILE that is a pipe
    /// (`<(curl …)`, a FIFO), read to its end once, as less and grep read it (QA 30: "a pipe,
    /// not a regular file"). It has no file to come back to: no links file, no stamp to
    /// watch (opened again, the pipe would block), no bookmarks or reading place.
    var readsStream: Bool { readsStandardInput || file.map(StandardInput.isPipe(atPath:)) == true }

    /// The stream's article (see `readsStream`), named "(standard input)" or by its FILE.
    func streamText() throws -> Article {
        guard let file, !readsStandardInput else { return try ArticleLoader.text(standardInput: StandardInput.bytes()) }
        return try ArticleLoader.text(stream: StandardInput.bytes(ofPipe: file), named: file)
    }

    /// After a command read the bundled article (no PATH), titled `title`, while standard input
    /// is a pipe: one line on stderr saying so, and that `-` reads the pipe (`example`, the
    /// command with `-`). A script that pipes an article in and forgets `-` got "Dual power" and status 0,
    /// and could not tell. The status stays 0: a script run with a pipe it does not
    /// mean as an article (a CI runner's stdin) must not start failing.
    func noteIfStandardInputUnread(read title: String?, _ example: String) {
        guard file == nil, StandardInput.isPipe, let title else { return }
        Diagnostics.report("read the bundled article \u{201C}\(title)\u{201D}, not standard input, "
                           + "which is a pipe: '-' reads it (\(example))")
    }
}

/// What a command works on: one article, or a folder of them.
enum Source {
    case article(LinkedArticle)
    case folder(Corpus)

    var articles: [LinkedArticle] {
        switch self {
        case .article(let model): [model]
        case .folder(let corpus): corpus.articles
        }
    }

    /// A folder's catalog; nil for one article.
    var catalog: FolderCatalog? {
        if case .folder(let corpus) = self { corpus.catalog } else { nil }
    }

    var isFolder: Bool {
        if case .folder = self { true } else { false }
    }

    /// Every article through `format` (given whether it is one of a folder's, to head it
    /// with its path), separated by blank lines.
    func text(_ format: (LinkedArticle, _ inFolder: Bool) -> String) -> String {
        articles.map { format($0, isFolder) }.joined(separator: "\n")
    }
}

extension ArticleLocation {
    /// The article, or every article of a folder. A folder's broken files are reported on
    /// stderr as `path:line: message`; `finish` then exits 65 once the rest is printed.
    func loadSource() throws -> Source {
        guard let file, !readsStream else { return .article(try load()) }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory), isDirectory.boolValue else {
            return .article(try load())
        }
        return .folder(try Self.readFolder(file, loaded: \.articles.count, failures: \.failures) { try Corpus.load(directory: $0) })
    }

    /// What `read` makes of `folder`, with the files that failed reported on stderr; exits 66
    /// when the folder cannot be read or has no `*.txt` file at all (see `requireArticles`).
    static func readFolder<Read>(_ folder: String, loaded: (Read) -> Int, failures: (Read) -> [SourceError],
                                 _ read: (String) throws -> Read) throws -> Read {
        let result: Read
        do {
            result = try read(folder)
        } catch let error as SourceError {
            Diagnostics.report(error.description)
            throw ExitCode(66)
        }
        for failure in failures(result) { Diagnostics.report(failure.description) }
        try requireArticles(anyFile: loaded(result) > 0 || !failures(result).isEmpty, folder: folder)
        return result
    }

    /// A folder without a single `*.txt` file is an error, the same for every command: an
    /// empty outline, an empty JSON array or no matches would look like a folder of articles
    /// with nothing in them (a mistyped path, say). 66, as for input that is not there.
    /// Files that are there but fail are not this case: they are reported, and exit 65.
    static func requireArticles(in catalog: FolderCatalog, folder: String) throws {
        try requireArticles(anyFile: !catalog.entries.isEmpty || !catalog.failures.isEmpty, folder: folder)
    }

    /// As above, given whether the folder has any `*.txt` file, loaded or failed.
    static func requireArticles(anyFile: Bool, folder: String) throws {
        guard !anyFile else { return }
        Diagnostics.report("\(folder): no articles: no *.txt file in the folder or below it")
        throw ExitCode(66)
    }

    /// The file of a folder's, among those that did not load, that has a place named `name`
    /// (a section, or with `items` an item, or either), when the articles that loaded have
    /// none: said as where the place is (QA 33: "no section starts with 'Councils'" for a
    /// heading of a file whose links file fails). A file whose text does not parse has none.
    static func unloadedFile(having name: String, in source: Source, items: Bool?) -> String? {
        for failure in source.catalog?.failures ?? [] {
            let path = ArticleLoader.articlePath(ofLinksFile: failure.path) ?? failure.path
            guard let article = try? ArticleLoader.text(path: path) else { continue }
            let places = (items != true ? Lookup.places(of: article) : []) + (items != false ? Lookup.places(of: Classifier().classify(article)) : [])
            if Lookup.match(name, among: places) != nil { return path }
        }
        return nil
    }

    /// Exit 65 when some files of a folder could not be loaded (their errors are already out).
    static func finish(_ source: Source) throws {
        if case .folder(let corpus) = source, !corpus.failures.isEmpty { throw ExitCode(65) }
    }
}

/// An option naming a place or item by the start of its name must name something: an empty
/// name starts every name, and would silently take the first; so would `strategy:` alone.
/// An empty path names nothing: said as such, not as "seealso: : no such file" (or, for
/// FILE, as the current folder, "it is a folder").
func requirePath(_ path: String?, of option: String) throws {
    if path?.isEmpty == true { throw ValidationError("\(option) is empty: give a path.") }
}

func requireName(_ name: String?, of option: String) throws {
    guard let name, Lookup.isBlank(name) else { return }
    // One that shows something of itself, named: `--item $'\u{200B}'` is not "empty".
    if name.allSatisfy(\.isWhitespace) { throw ValidationError("\(option) needs a name.") }
    throw ValidationError("\(option) '\(name.quotable)' shows nothing: give a name.")
}
