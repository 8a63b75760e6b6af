/// The article as Markdown, followed by a "Cross-links" appendix listing every classified
/// item with its links, origin and rationale or evidence, and then the sections linked to
/// other sections (links no item holds).
public struct MarkdownExporter: Sendable {
    public init() {}

    /// `inFolder`: the article is one of a folder's, so its file is named under its title:
    /// two files may have the same title, and paths tell whose text follows.
    public func export(_ model: LinkedArticle, inFolder: Bool = false) -> String {
        let article = model.article
        var output = "# \(Self.inline(article.title))\n"
        if inFolder { output += "\nFile: \(Self.inline(article.path))\n" }
        let seeAlsoLines = Set(model.items(of: .seeAlso).map(\.line))
        for section in article.sections {
            if !section.isLead {
                output += "\n" + String(repeating: "#", count: section.level) + " " + Self.inline(section.title) + "\n"
            }
            for block in section.blocks {
                switch block {
                // Links as they read, not their markup (see `WikiLink.asShown`).
                case .paragraph(let paragraph):
                    output += "\n" + Self.block(WikiLink.asShown(paragraph.text)) + "\n"
                case .list(let list):
                    output += "\n"
                    for item in list.items {
                        // The dash as the article has it (en dash, em dash or " - "), and none
                        // added where the article has no description after it.
                        if let entry = Self.nameAndDescription(of: item, isSeeAlso: seeAlsoLines.contains(item.line)) {
                            output += "- **\(Self.inline(WikiLink.asShown(entry.name)))**\(entry.separator)"
                                + "\(Self.inline(WikiLink.asShown(entry.description ?? "")))\n"
                        } else {
                            output += "- \(Self.block(WikiLink.asShown(item.text)))\n"
                        }
                    }
                }
            }
        }
        output += "\n## Cross-links\n"
        if model.items.isEmpty {
            output += "\nNo See-also topics, examples or strategies were found in this article.\n"
        }
        let names = NodeNames(model)
        for kind in ItemKind.allCases {
            let items = model.items(of: kind)
            guard !items.isEmpty else { continue }
            output += "\n### \(kind.pluralTitle)\n\n"
            for item in items {
                output += node(item.name, id: item.id, line: item.line, links: model.graph.links(touching: item.id), names: names,
                               whyNone: model.whyNoLinks(of: item.id))
            }
        }
        let sections = model.sectionsLinkedToSections()
        if !sections.isEmpty {
            output += "\n### Sections\n\n"
            for (index, links) in sections {
                let section = model.article.sections[index]
                output += node(section.title, id: section.id, line: section.line, links: links, names: names)
            }
        }
        return output
    }

    /// A list item's name, dash and description, as the model reads them: the parser's
    /// `Name – description`, or a See-also entry's title, which the list splits at its first
    /// dash though the parser does not ("Star Wars: Episode IV – the 1977 film": see
    /// `Classifier.titleAndDescription`; it was written unbolded, though the JSON had its
    /// name). Nil for an item without a name before a dash.
    private static func nameAndDescription(of item: ListItem, isSeeAlso: Bool) -> (name: String, separator: String, description: String?)? {
        // A name that shows nothing (zero-width spaces) is no name, as the classifier reads it:
        // in bold it was an empty `**​**` (QA 30).
        if let name = item.name, !name.showsNothing, let separator = item.separator { return (name, separator, item.description) }
        guard isSeeAlso, let title = Classifier.titleAndDescription(of: item) else { return nil }
        return (title.name, title.separator, title.description)
    }

    /// A node's list entry, `**name** (line N)`, with a sub-entry for each of its `links`,
    /// whose other ends are named as `names` tells them apart; with none, `whyNone` after it
    /// (`LinkedArticle.whyNoLinks`: QA 33, a name listed twice was bare in the appendix).
    private func node(_ name: String, id: String, line: Int, links: [Link], names: NodeNames, whyNone: String = "") -> String {
        let why = links.isEmpty && !whyNone.isEmpty ? " — no links" + Self.inline(whyNone) : ""
        var output = "- **\(Self.inline(name))** (line \(line))\(why)\n"
        for link in links {
            let arrow = link.from == id ? "→" : "←"
            var row = "  - \(arrow) *\(link.relation.rawValue)* \(Self.inline(names.name(of: link.other(than: id)))) (\(link.origin.rawValue))"
            if let rationale = link.rationale { row += ": " + Self.inline(rationale.onOneLine) }
            if let evidence = link.evidence {
                row += ": line \(evidence.line), “\(Self.inline(evidence.excerpt(limit: 160)))”"
            }
            output += row + "\n"
        }
        return output
    }

    /// Article text made inert in Markdown: controls neutralised, the ASCII punctuation that
    /// can open inline markup, raw HTML or (in GFM) tables and strikethrough backslash-escaped,
    /// and `&` written as `&amp;` so that entity references in the text stay literal. (`!`
    /// only opens an image before `[`, which is escaped, so it is left alone.)
    /// Safe anywhere inside a line; text that begins a line needs `block` as well.
    public static func inline(_ text: String) -> String {
        var result = ""
        // By scalar: a backtick or an asterisk followed by a combining mark is one Character
        // equal to neither, yet Markdown still reads the mark-up character in it.
        for scalar in text.neutralized.unicodeScalars {
            if scalar == "&" {
                result += "&amp;"
            } else {
                if "\\`*_[]<>#|~".unicodeScalars.contains(scalar) { result.unicodeScalars.append("\\") }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Text that begins a Markdown line (a paragraph, a list item's content): `inline`, and a
    /// leading block marker escaped, since at the start of a line `-`, `+`, `1984.`, `2)`,
    /// `---` or `===` would turn the text into a list, a thematic break or a setext heading.
    /// (`#`, `>`, `*`, `_`, backticks and `~` are already escaped everywhere by `inline`;
    /// the parser trims lines, so leading spaces cannot make indented code.)
    public static func block(_ text: String) -> String {
        let escaped = inline(text)
        guard let first = escaped.unicodeScalars.first else { return escaped }  // a scalar, as in `inline`
        if first == "-" || first == "+" || first == "=" {
            return "\\" + escaped
        }
        // An ordered-list marker is 1–9 digits then "." or ")"; escaping the punctuation keeps
        // the number as text. More digits cannot start a list, but escaping them is harmless.
        let digits = escaped.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, let marker = escaped.dropFirst(digits.count).first, marker == "." || marker == ")" {
            return digits + "\\" + escaped.dropFirst(digits.count)
        }
        return escaped
    }
}
