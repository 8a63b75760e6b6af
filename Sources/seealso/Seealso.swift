import ArgumentParser
import Config
import Content
import Foundation
import Store
import TUI

@main
struct Seealso: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seealso",
        abstract: "Explore an encyclopedia article and its cross-links in the terminal.",
        discussion: """
            Without FILE, seealso opens the bundled Wikipedia article "Dual power" (CC BY-SA 4.0). \
            An article FILE may have its curated cross-links beside it as NAME.links.toml.

            Keys, theme and layout can be set in $XDG_CONFIG_HOME/seealso/config.toml \
            (see 'seealso config --help'); 'man seealso' has the whole manual.

            Examples:
              seealso                                  # explore the bundled article
              seealso --item Municipalism              # open at a strategy
              seealso articles/                        # a folder of articles
              seealso links --kind strategy | less
              seealso export --format dot | dot -Tsvg > links.svg
              seealso --generate-completion-script zsh > ~/.zfunc/_seealso
            """,
        version: "0.1.0",
        subcommands: [Explore.self, Outline.self, Links.self, Export.self, Search.self, Bookmarks.self, ConfigCommand.self],
        defaultSubcommand: Explore.self
    )
}

/// The article argument every command shares.
struct ArticleOptions: ParsableArguments {
    @Argument(help: "An article file in seealso's plain-text form, or a folder of them (default: the bundled \"Dual power\").")
    var file: String?

    /// Loads the article, or exits with `path:line: message` on stderr: status 65 for an
    /// article or links file that is malformed, 66 for one that cannot be read.
    func load() throws -> LinkedArticle {
        if let file, !FileManager.default.isReadableFile(atPath: file) {
            let reason = FileManager.default.fileExists(atPath: file) ? "permission denied" : "no such file"
            Diagnostics.report("\(file): \(reason)")
            throw ExitCode(66)
        }
        do {
            return try ArticleLoader.load(path: file)
        } catch let error as SourceError {
            Diagnostics.report(error.description)
            throw ExitCode(65)
        }
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
}

extension ArticleOptions {
    /// The article, or every article of a folder. A folder's broken files are reported on
    /// stderr as `path:line: message`; `finish` then exits 65 once the rest is printed.
    func loadSource() throws -> Source {
        guard let file else { return .article(try load()) }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory), isDirectory.boolValue else {
            return .article(try load())
        }
        do {
            let corpus = try Corpus.load(directory: file)
            for failure in corpus.failures { Diagnostics.report(failure.description) }
            return .folder(corpus)
        } catch let error as SourceError {
            Diagnostics.report(error.description)
            throw ExitCode(66)
        }
    }

    /// Exit 65 when some files of a folder could not be loaded (their errors are already out).
    static func finish(_ source: Source) throws {
        if case .folder(let corpus) = source, !corpus.failures.isEmpty { throw ExitCode(65) }
    }
}

enum Diagnostics {
    static func report(_ message: String) {
        FileHandle.standardError.write(Data(("seealso: " + message.neutralized + "\n").utf8))
    }
}

struct Explore: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Open the interactive explorer (the default command).",
        discussion: """
            When standard output is not a terminal, or TERM is 'dumb', prints the outline instead. \
            Problems in the config file are reported on stderr and in the status line; the \
            entries with problems keep their defaults.

            Examples:
              seealso explore --section "October Revolution"
              seealso my-article.txt --no-restore
              seealso --config ~/seealso-vi-keys.toml
              NO_COLOR=1 seealso
            """
    )

    @OptionGroup var article: ArticleOptions
    @Option(help: "Open at the first section whose heading starts with NAME (case-insensitive).")
    var section: String?
    @Option(help: "Open at the first See-also topic, example or strategy whose name starts with NAME.")
    var item: String?
    @Flag(help: "Start at the top instead of where you last were (the jump history is kept).")
    var noRestore = false
    @OptionGroup var store: StoreOptions
    @OptionGroup var config: ConfigOptions

    func validate() throws {
        if section != nil && item != nil { throw ValidationError("Give --section or --item, not both.") }
    }

    func run() throws {
        let settings = try config.loadReporting()
        guard Terminal.isInteractive else {
            let source = try article.loadSource()
            if let model = source.articles.first { _ = try startTarget(in: model) }
            print(source.articles.map { OutlineFormatter().format($0) }.joined(separator: "\n"), terminator: "")
            try ArticleOptions.finish(source)
            return
        }
        let opening = try open()
        let start = try startTarget(in: opening.first)
        // A store that cannot be used (damaged, another application's) leaves reading intact:
        // the explorer runs without bookmarks and says why, on screen and again on exit.
        var problem: String?
        var opened: StateStore?
        do {
            opened = try StateStore(directory: store.directory)
            problem = opened?.readOnlyReason
        } catch {
            problem = "\(error)"
        }
        var notices = [settings.notice, problem].compactMap { $0 }
        if case .folder(let catalog, _) = opening {
            notices.append("\(catalog.entries.count) articles (: lists them)")
            if let first = catalog.failures.first {
                notices.append("\(catalog.failures.count) could not be loaded: \(first)" + (catalog.failures.count > 1 ? " …" : ""))
            }
        }
        try MainActor.assumeIsolated {
            let service = opened.map(StoreService.init)
            let session = opening.session(service: service, keymap: settings.config.keymap)
            try Terminal.run(session, start: start, restore: !noRestore && settings.config.restore,
                             notice: notices.isEmpty ? nil : notices.joined(separator: " · "),
                             theme: settings.config.theme.resolve(), mouse: settings.config.mouse, layout: settings.config.layout)
        }
        if let problem { Diagnostics.report(problem) }
        if case .folder(let catalog, _) = opening, !catalog.failures.isEmpty {
            for failure in catalog.failures { Diagnostics.report(failure.description) }
            throw ExitCode(65)
        }
    }

    /// What the explorer opens: one article, or a folder through its on-disk index, where only
    /// the first article is parsed now and the others when they are opened.
    enum Opening {
        case article(LinkedArticle)
        case folder(FolderCatalog, first: LinkedArticle)

        var first: LinkedArticle {
            switch self {
            case .article(let model), .folder(_, let model): model
            }
        }

        @MainActor
        func session(service: StoreService?, keymap: KeyMap) -> ExplorerSession {
            switch self {
            case .article(let model):
                ExplorerSession(explorer: Explorer(model: model, keymap: keymap, bookmarks: service != nil), service: service)
            case .folder(let catalog, let first):
                FolderSession.session(catalog: catalog, first: first, keymap: keymap, service: service)
            }
        }
    }

    func open() throws -> Opening {
        guard let folder = article.folderPath else { return .article(try article.load()) }
        let catalog = try FolderSession.catalog(of: folder)
        for entry in catalog.entries {
            // The first article that still parses (a file may have changed since it was indexed).
            if let model = try? ArticleLoader.load(path: entry.path) {
                let reordered = FolderCatalog(entries: [entry] + catalog.entries.filter { $0 != entry }, failures: catalog.failures)
                return .folder(reordered, first: model)
            }
        }
        for failure in catalog.failures { Diagnostics.report(failure.description) }
        Diagnostics.report("\(folder): no article could be loaded")
        throw ExitCode(65)
    }

    /// Where `--section` or `--item` asks to open; an unknown name exits 64 with the close matches.
    func startTarget(in model: LinkedArticle) throws -> Target? {
        if let section {
            if let index = Lookup.section(startingWith: section, in: model.article) { return .section(index) }
            try reportUnknown("section", section, among: model.article.sections.dropFirst().map(\.title), in: model)
        }
        if let item {
            if let found = Lookup.item(startingWith: item, in: model.items) { return Target.node(found.id, in: model) }
            try reportUnknown("item", item, among: model.items.map(\.name), in: model)
        }
        return nil
    }

    func reportUnknown(_ what: String, _ name: String, among candidates: [String], in model: LinkedArticle) throws -> Never {
        let close = Lookup.suggestions(for: name, among: candidates)
        var message = "no \(what) starts with '\(name)' in '\(model.article.title)'"
        message += close.isEmpty ? "" : "; close matches: " + close.joined(separator: ", ")
        Diagnostics.report(message)
        throw ExitCode(64)
    }
}

struct Outline: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the section outline with source lines.",
        discussion: """
            Examples:
              seealso outline
              seealso outline my-article.txt
            """
    )

    @OptionGroup var article: ArticleOptions

    func run() throws {
        let source = try article.loadSource()
        print(source.articles.map { OutlineFormatter().format($0) }.joined(separator: "\n"), terminator: "")
        try ArticleOptions.finish(source)
    }
}

extension ItemKind: ExpressibleByArgument {
    public init?(argument: String) { self.init(slug: argument) }
    public static var allValueStrings: [String] { allCases.map(\.slug) }
    public var defaultValueDescription: String { slug }
}

extension LinkOrigin: ExpressibleByArgument {}

struct Links: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the See-also topics, examples and strategies with their cross-links.",
        discussion: """
            Each link shows its direction (→ out, ← in), type, the other end, its origin and why: \
            a curated rationale or the detected mention's line and sentence.

            Examples:
              seealso links --kind strategy
              seealso links --origin curated my-article.txt
            """
    )

    @OptionGroup var article: ArticleOptions
    @Option(help: "Only items of this kind (see-also, example, strategy).") var kind: ItemKind?
    @Option(help: "Only links of this origin (curated, detected).") var origin: LinkOrigin?

    func run() throws {
        let formatter = LinksFormatter(kinds: kind.map { [$0] } ?? Set(ItemKind.allCases),
                                       origins: origin.map { [$0] } ?? Set(LinkOrigin.allCases))
        let source = try article.loadSource()
        print(source.articles.map { formatter.format($0) }.joined(separator: "\n"), terminator: "")
        try ArticleOptions.finish(source)
    }
}

struct Export: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, markdown, dot
    }

    static let configuration = CommandConfiguration(
        abstract: "Export the article model as JSON, Markdown or a Graphviz graph.",
        discussion: """
            The JSON form is a stable interface; its schema is in README.md.

            Examples:
              seealso export --format json > dual-power.json
              seealso export --format dot | dot -Tsvg > links.svg
              seealso export --format markdown articles/
            """
    )

    @Option(help: "json, markdown or dot.") var format: Format
    @OptionGroup var article: ArticleOptions
    @Option(help: ArgumentHelp("With --format dot: only the neighbourhood of ITEM (the start of its name, or a node id).",
                               valueName: "ITEM"))
    var focus: String?
    @Option(help: "With --focus: how many links away from ITEM to go (default: all that are connected).")
    var depth: Int?

    func validate() throws {
        if focus != nil, format != .dot { throw ValidationError("--focus goes with --format dot.") }
        if let depth {
            guard focus != nil else { throw ValidationError("--depth goes with --focus.") }
            guard depth >= 0 else { throw ValidationError("--depth must be 0 or more.") }
        }
    }

    func run() throws {
        let source = try article.loadSource()
        switch (format, source) {
        case (.json, .article(let model)): print(try JSONExporter().export(model), terminator: "")
        case (.json, .folder(let corpus)): print(try JSONExporter().export(corpus), terminator: "")
        case (.markdown, _): print(source.articles.map { MarkdownExporter().export($0) }.joined(separator: "\n"), terminator: "")
        case (.dot, _):
            if let focus {
                // A focus that matches nothing in an article is an error there, with the close matches.
                do {
                    for model in source.articles { _ = try DOTExporter.resolveFocus(focus, in: model) }
                } catch let error as DOTExporter.UnknownFocus {
                    Diagnostics.report("\(error)")
                    throw ExitCode(64)
                }
            }
            let exporter = DOTExporter(focus: focus, depth: depth ?? .max)
            print(source.articles.map { exporter.export($0) }.joined(separator: "\n"), terminator: "")
        }
        try ArticleOptions.finish(source)
    }
}
