/// The section tree as plain text, one section a line with its source line:
///
///     Dual power
///         1  (lead)
///        11  Background
///        74  See also  · 23 see-also topics
public struct OutlineFormatter: Sendable {
    public init() {}

    /// `inFolder`: the article is one of a folder's, so it opens with its `ArticleHeading`
    /// (path and title) instead of the bare title.
    public func format(_ model: LinkedArticle, inFolder: Bool = false) -> String {
        let article = model.article
        let lineWidth = String(article.sections.map(\.line).max() ?? 1).count
        var output = inFolder ? ArticleHeading.line(for: article) : article.title.neutralized + "\n"
        for (index, section) in article.sections.enumerated() {
            let number = String(section.line)
            let pad = String(repeating: " ", count: lineWidth - number.count)
            let indent = String(repeating: "  ", count: max(section.level - 2, 0))
            var row = "  \(pad)\(number)  \(indent)\(section.title.neutralized)"
            let kinds = model.itemCounts(inSection: index).map { $0.kind.count($0.count) }
            if !kinds.isEmpty { row += "  · " + kinds.joined(separator: ", ") }
            output += row + "\n"
        }
        return output
    }
}
