import ArgumentParser
import Content

struct Outline: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outline",
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
        try Output.write(source.text(OutlineFormatter().format))
        article.noteIfStandardInputUnread(read: source.articles.first?.article.title, "seealso outline -")
        try ArticleOptions.finish(source)
    }
}
