/// A Graphviz graph of the article's sections and items, coloured by kind. Curated links are
/// solid and carry their relation; detected mentions are dashed, one edge per pair with a count.
public struct DOTExporter: Sendable {
    public init() {}

    static func fill(for kind: ItemKind) -> String {
        switch kind {
        case .seeAlso: "#cfe2ff"
        case .example: "#ffe5b4"
        case .strategy: "#d1f2d1"
        }
    }

    public func export(_ model: LinkedArticle) -> String {
        var output = "digraph \(Self.quoted(model.article.title)) {\n"
        output += "  graph [rankdir=LR, fontname=\"Helvetica\", label=\(Self.quoted(model.article.title + ": cross-links")), labelloc=t];\n"
        output += "  node [fontname=\"Helvetica\", style=filled];\n"
        output += "  edge [fontname=\"Helvetica\", fontsize=10];\n"
        output += "  subgraph cluster_sections {\n    label=\"Sections\"; color=\"#999999\";\n"
        for section in model.article.sections {
            let label = section.isLead ? "Lead" : section.title
            output += "    \(Self.quoted(section.id)) [label=\(Self.quoted(label)), shape=box, fillcolor=\"#eeeeee\"];\n"
        }
        output += "  }\n"
        for item in model.items {
            output += "  \(Self.quoted(item.id)) [label=\(Self.quoted(item.name)), shape=ellipse, fillcolor=\"\(Self.fill(for: item.kind))\", tooltip=\(Self.quoted(item.kind.singularTitle))];\n"
        }
        var detectedCounts: [String: Int] = [:]
        var detectedOrder: [Link] = []
        for link in model.graph.links {
            switch link.origin {
            case .curated:
                output += "  \(Self.quoted(link.from)) -> \(Self.quoted(link.to)) [label=\(Self.quoted(link.relation.rawValue)), tooltip=\(Self.quoted(link.rationale ?? "")), color=\"#333333\"];\n"
            case .detected:
                let key = link.from + "\u{0}" + link.to
                if detectedCounts[key] == nil { detectedOrder.append(link) }
                detectedCounts[key, default: 0] += 1
            }
        }
        for link in detectedOrder {
            let count = detectedCounts[link.from + "\u{0}" + link.to]!
            let label = count > 1 ? "mentions ×\(count)" : "mentions"
            output += "  \(Self.quoted(link.from)) -> \(Self.quoted(link.to)) [label=\(Self.quoted(label)), style=dashed, color=\"#888888\"];\n"
        }
        output += "  subgraph cluster_legend {\n    label=\"Kinds\"; color=\"#cccccc\";\n"
        for kind in ItemKind.allCases {
            output += "    \(Self.quoted("legend:" + kind.slug)) [label=\(Self.quoted(kind.pluralTitle)), shape=ellipse, fillcolor=\"\(Self.fill(for: kind))\"];\n"
        }
        output += "  }\n}\n"
        return output
    }

    /// A DOT double-quoted string: backslashes and quotes escaped, controls neutralised.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for character in text.neutralized {
            if character == "\"" || character == "\\" { result.append("\\") }
            result.append(character)
        }
        return result + "\""
    }
}
