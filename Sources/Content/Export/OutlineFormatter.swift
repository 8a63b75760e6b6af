/// The section tree as plain text, one section a line with its source line:
///
///     Dual power
///         1  (lead)
///        11  Background
///        74  See also  · 23 see-also topics
public struct OutlineFormatter: Sendable {
    public init() {}

    public func format(_ model: LinkedArticle) -> String {
        let article = model.article
        let lineWidth = String(article.sections.map(\.line).max() ?? 1).count
        var output = article.title.neutralized + "\n"
        for (index, section) in article.sections.enumerated() {
            let number = String(section.line)
            let pad = String(repeating: " ", count: lineWidth - number.count)
            let indent = String(repeating: "  ", count: max(section.level - 2, 0))
            var row = "  \(pad)\(number)  \(indent)\(section.title.neutralized)"
            let counts = ItemKind.allCases.compactMap { kind -> String? in
                let count = model.items.filter { $0.section == index && $0.kind == kind }.count
                return count == 0 ? nil : kind.count(count)
            }
            if !counts.isEmpty { row += "  · " + counts.joined(separator: ", ") }
            output += row + "\n"
        }
        return output
    }
}
