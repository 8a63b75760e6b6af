/// A Graphviz graph of the article's sections and items, coloured by kind. Curated links are
/// solid and carry their relation; detected mentions are dashed, one edge per pair with a count.
///
/// With a `focus`, only its neighbourhood is drawn: the nodes within `depth` links of it,
/// following links both ways, and the links among them; the focus is outlined in red.
public struct DOTExporter: Sendable {
    /// The node to centre on: a node id (`strategy:municipalism`, `lead`) or the start of an
    /// item's name, as `resolveFocus` reads it. Nil draws the whole graph.
    public var focus: String?
    /// How many links from the focus to follow; `Int.max` (the default) keeps everything
    /// connected to it. Ignored without a focus; below 0 counts as 0.
    public var depth: Int

    public init(focus: String? = nil, depth: Int = .max) {
        self.focus = focus
        self.depth = depth
    }

    /// `export --format dot --focus NAME` names nothing in an article.
    public struct UnknownFocus: Error, Sendable, Equatable, CustomStringConvertible {
        public var name: String
        public var article: String
        /// Up to five item names close to `name`.
        public var suggestions: [String]

        public var description: String {
            "no item or node id starts with '\(name.neutralized)' in '\(article.neutralized)'"
                + (suggestions.isEmpty ? "" : "; close matches: " + suggestions.map(\.neutralized).joined(separator: ", "))
        }
    }

    /// The node `name` stands for: an exact node id (an item's `kind:slug` or a section's id),
    /// else the first item whose name starts with it (ignoring case and diacritics, as
    /// `Lookup.item(startingWith:in:)`), else the first section whose heading does.
    public static func resolveFocus(_ name: String, in model: LinkedArticle) throws -> String {
        if let id = focusNode(name, in: model) { return id }
        throw UnknownFocus(name: name, article: model.article.title,
                           suggestions: Lookup.suggestions(for: name, among: model.items.map(\.name)))
    }

    static func focusNode(_ name: String, in model: LinkedArticle) -> String? {
        if model.node(id: name) != nil { return name }
        if let item = Lookup.item(startingWith: name, in: model.items) { return item.id }
        if let section = Lookup.section(startingWith: name, in: model.article) { return model.article.sections[section].id }
        return nil
    }

    /// The node ids within `depth` links of `focus`, following links in both directions.
    public static func neighbourhood(of focus: String, depth: Int, in graph: LinkGraph) -> Set<String> {
        var adjacent: [String: Set<String>] = [:]
        for link in graph.links {
            adjacent[link.from, default: []].insert(link.to)
            adjacent[link.to, default: []].insert(link.from)
        }
        var reached: Set<String> = [focus]
        var frontier = [focus]
        var distance = 0
        while distance < max(depth, 0) && !frontier.isEmpty {
            frontier = frontier.flatMap { adjacent[$0, default: []] }.filter { reached.insert($0).inserted }
            distance += 1
        }
        return reached
    }

    static func fill(for kind: ItemKind) -> String {
        switch kind {
        case .seeAlso: "#cfe2ff"
        case .example: "#ffe5b4"
        case .strategy: "#d1f2d1"
        }
    }

    static let focusAttributes = ", penwidth=3, color=\"#c0392b\", fontname=\"Helvetica-Bold\""

    /// The graph in DOT. A `focus` that names nothing in `model` gives a graph with no nodes
    /// but the legend: check it first with `resolveFocus`.
    public func export(_ model: LinkedArticle) -> String {
        let focusID = focus.flatMap { Self.focusNode($0, in: model) }
        let kept: Set<String>? = focus.map { _ in focusID.map { Self.neighbourhood(of: $0, depth: depth, in: model.graph) } ?? [] }
        func keeps(_ id: String) -> Bool { kept?.contains(id) ?? true }

        var title = model.article.title + ": cross-links"
        if let focus {
            let within = depth == .max ? "all linked" : "within \(max(depth, 0)) link" + (depth == 1 ? "" : "s")
            title += " of " + (focusID.map { model.label(of: $0) } ?? focus) + " (" + within + ")"
        }
        var output = "digraph \(Self.quoted(model.article.title)) {\n"
        output += "  graph [rankdir=LR, fontname=\"Helvetica\", label=\(Self.quoted(title)), labelloc=t];\n"
        output += "  node [fontname=\"Helvetica\", style=filled];\n"
        output += "  edge [fontname=\"Helvetica\", fontsize=10];\n"
        let sections = model.article.sections.filter { keeps($0.id) }
        if !sections.isEmpty {
            output += "  subgraph cluster_sections {\n    label=\"Sections\"; color=\"#999999\";\n"
            for section in sections {
                let label = section.isLead ? "Lead" : section.title
                let extra = section.id == focusID ? Self.focusAttributes : ""
                output += "    \(Self.quoted(section.id)) [label=\(Self.quoted(label)), shape=box, fillcolor=\"#eeeeee\"\(extra)];\n"
            }
            output += "  }\n"
        }
        for item in model.items where keeps(item.id) {
            let extra = item.id == focusID ? Self.focusAttributes : ""
            output += "  \(Self.quoted(item.id)) [label=\(Self.quoted(item.name)), shape=ellipse, fillcolor=\"\(Self.fill(for: item.kind))\", tooltip=\(Self.quoted(item.kind.singularTitle))\(extra)];\n"
        }
        var detectedCounts: [String: Int] = [:]
        var detectedOrder: [Link] = []
        for link in model.graph.links where keeps(link.from) && keeps(link.to) {
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
