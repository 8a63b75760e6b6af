import ArgumentParser
import Content

struct Export: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, markdown, dot
    }

    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the article model as JSON, Markdown or a Graphviz graph.",
        discussion: """
            The JSON form is a stable interface; its schema is in README.md. A folder is one \
            graph in DOT: a cluster per article, with node ids prefixed by the article's number \
            (2/lead), and --focus draws the articles that have ITEM.

            Examples:
              seealso export --format json > dual-power.json
              seealso export --format dot | dot -Tsvg > links.svg
              seealso export --format markdown articles/
            """
    )

    @Option(help: "json, markdown or dot.") var format: Format
    @OptionGroup var article: ArticleOptions
    @Option(help: ArgumentHelp("With --format dot: only the neighbourhood of ITEM, an item or section found as --section finds one: a node id as written (strategy:municipalism, lead), else a name, else an id in any case, else the start of a name; 'kind: name' and 'section: Heading' look among that kind.",
                               valueName: "ITEM"))
    var focus: String?
    // Unconditional: the next word is the value even when it starts with "-", so that
    // `--depth -1` is told it must be 0 or more, not that the value is missing.
    @Option(parsing: .unconditional, help: "With --focus: how many links away from ITEM to go (default: all that are connected).")
    var depth: Int?

    func validate() throws {
        if focus != nil, format != .dot { throw ValidationError("--focus goes with --format dot.") }
        try requireName(focus, of: "--focus")
        if let depth {
            guard focus != nil else { throw ValidationError("--depth goes with --focus.") }
            guard depth >= 0 else { throw ValidationError("--depth must be 0 or more.") }
        }
    }

    func run() throws {
        let source = try article.loadSource()
        switch (format, source) {
        case (.json, .article(let model)): try Output.write(try JSONExporter().export(model))
        case (.json, .folder(let corpus)): try Output.write(try JSONExporter().export(corpus))
        case (.markdown, _): try Output.write(source.text(MarkdownExporter().export))
        case (.dot, .article(let model)):
            if let focus { try Self.reportingUnknown { _ = try DOTExporter.resolveFocus(focus, in: model) } }
            try Output.write(DOTExporter(focus: focus, depth: depth ?? .max).export(model))
        case (.dot, .folder(let corpus)):
            // One graph for the whole folder (several would be several SVG documents glued
            // together by `dot -Tsvg`); the focus has to be in one of its articles only.
            if let focus {
                try Self.reportingUnknown(unloaded: ArticleOptions.unloadedFile(having: focus, in: source, items: nil)) {
                    _ = try DOTExporter.resolveFocus(focus, in: corpus)
                }
            }
            try Output.write(DOTExporter(focus: focus, depth: depth ?? .max).export(corpus))
        }
        article.noteIfStandardInputUnread(read: source.articles.first?.article.title, "seealso export --format \(format.rawValue) -")
        try ArticleOptions.finish(source)
    }

    /// A focus that matches nothing is an error with the close matches, status 64; one in a
    /// folder's file that does not load (`unloaded`, found only if needed) says so, 65.
    static func reportingUnknown(unloaded: @autoclosure () -> String? = nil, _ resolve: () throws -> Void) throws {
        do {
            try resolve()
        } catch let error as DOTExporter.UnknownFocus {
            if let file = unloaded() {
                Diagnostics.report("'\(error.name.quotable)' is in \(file), which does not load")
                throw ExitCode(65)
            }
            Diagnostics.report("\(error)")
            throw ExitCode(64)
        }
    }
}
