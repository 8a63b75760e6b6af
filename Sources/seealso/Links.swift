import ArgumentParser
import Content

extension ItemKind: ExpressibleByArgument {
    public init?(argument: String) { self.init(slug: argument) }
    public static var allValueStrings: [String] { allCases.map(\.slug) }
    public var defaultValueDescription: String { slug }
    // The parser's default pairs raw values ("seeAlso") with slugs, and the help listed each
    // value with an empty description; without descriptions it lists the values on one line.
    public static var allValueDescriptions: [String: String] { [:] }
}

extension LinkOrigin: ExpressibleByArgument {}

struct Links: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "links",
        abstract: "List the See-also topics, examples and strategies with their cross-links.",
        discussion: """
            Each link shows its direction (→ out, ← in), type, the other end, its origin and why: \
            a curated rationale or the detected mention's line and sentence. Curated links between \
            two sections, which no item holds, follow under Sections (not with --kind).

            Examples:
              seealso links --kind strategy
              seealso links --origin curated my-article.txt
            """
    )

    @OptionGroup var article: ArticleOptions
    // Repeatable, as grep's -e: `--kind see-also --kind strategy` kept only the last.
    @Option(help: "Only items of this kind (again for several kinds).") var kind: [ItemKind] = []
    @Option(help: "Only links of this origin (again for both).") var origin: [LinkOrigin] = []

    func run() throws {
        let formatter = LinksFormatter(kinds: kind.isEmpty ? nil : Set(kind), origins: origin.isEmpty ? Set(LinkOrigin.allCases) : Set(origin))
        let source = try article.loadSource()
        try Output.write(source.text(formatter.format))
        article.noteIfStandardInputUnread(read: source.articles.first?.article.title, "seealso links -")
        try ArticleOptions.finish(source)
    }
}
