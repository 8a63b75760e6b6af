/// The article as Markdown, followed by a "Cross-links" appendix listing every classified
/// item with its links, origin and rationale or evidence.
public struct MarkdownExporter: Sendable {
    public init() {}

    public func export(_ model: LinkedArticle) -> String {
        let article = model.article
        var output = "# \(Self.inline(article.title))\n"
        for section in article.sections {
            if !section.isLead {
                output += "\n" + String(repeating: "#", count: section.level) + " " + Self.inline(section.title) + "\n"
            }
            for block in section.blocks {
                switch block {
                case .paragraph(let paragraph):
                    output += "\n" + Self.inline(paragraph.text) + "\n"
                case .list(let list):
                    output += "\n"
                    for item in list.items {
                        if let name = item.name, let description = item.description {
                            output += "- **\(Self.inline(name))** – \(Self.inline(description))\n"
                        } else {
                            output += "- \(Self.inline(item.text))\n"
                        }
                    }
                }
            }
        }
        output += "\n## Cross-links\n"
        if model.items.isEmpty {
            output += "\nNo See-also topics, examples or strategies were found in this article.\n"
        }
        for kind in ItemKind.allCases {
            let items = model.items(of: kind)
            guard !items.isEmpty else { continue }
            output += "\n### \(kind.pluralTitle)\n\n"
            for item in items {
                output += "- **\(Self.inline(item.name))** (line \(item.line))\n"
                for link in model.graph.links(touching: item.id) {
                    let arrow = link.from == item.id ? "→" : "←"
                    var row = "  - \(arrow) *\(link.relation.rawValue)* \(Self.inline(model.label(of: link.other(than: item.id)))) (\(link.origin.rawValue))"
                    if let rationale = link.rationale { row += ": " + Self.inline(rationale) }
                    if let evidence = link.evidence {
                        row += ": line \(evidence.line), “\(Self.inline(LinksFormatter.excerpt(evidence.text, limit: 160)))”"
                    }
                    output += row + "\n"
                }
            }
        }
        return output
    }

    /// Article text made inert in Markdown: controls neutralised, and the characters that
    /// would start markup or raw HTML escaped.
    public static func inline(_ text: String) -> String {
        var result = ""
        for character in text.neutralized {
            if "\\`*_[]<>#|".contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }
}
