import Foundation
import TOMLKit

/// Curated cross-links, read from an article's `NAME.links.toml`:
///
///     article = "Dual power"          # optional; must match the article's title
///
///     [[link]]
///     from = "strategy: Municipalism"  # kind: name, section: heading, or a bare unambiguous name
///     to = "see-also: Communalism (Bookchin)"
///     type = "theory-of"               # one of `Relation`
///     rationale = "Bookchin's communalism is the theory behind libertarian municipalism."
///
/// Every problem is a `SourceError` at the line of the offending key.
public struct Annotations: Sendable {
    public static let allowedKeys: Set<String> = ["from", "to", "type", "rationale"]

    public init() {}

    public func links(fromTOML text: String, path: String, article: Article, items: [Item]) throws -> [Link] {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw SourceError(path: path, line: error.source.begin.line, message: "invalid TOML: \(error.description)")
        }
        // Key lines are for error messages: the document is scanned for them only when one
        // is reported (the scan was a tenth of the time to read a valid links file).
        lazy var lines = TOMLKeyLines(text)
        for key in table.keys where key != "article" && key != "link" {
            throw SourceError(path: path, line: lines.nearestLine(of: [key]),
                              message: "unknown key '\(key)' (expected 'article' and [[link]] tables)")
        }
        if let expected = table["article"] {
            guard let title = expected.string else {
                throw SourceError(path: path, line: lines.nearestLine(of: ["article"]), message: "'article' must be a string")
            }
            if title != article.title {
                throw SourceError(path: path, line: lines.nearestLine(of: ["article"]),
                                  message: "these links are for '\(title.neutralized)', not for '\(article.title.neutralized)'")
            }
        }
        guard let entries = table["link"] else { return [] }
        guard let array = entries.array else {
            throw SourceError(path: path, line: lines.nearestLine(of: ["link"]), message: "'link' must be an array of tables: [[link]]")
        }
        let resolver = NodeResolver(article: article, items: items)
        var links: [Link] = []
        var seen: Set<[String]> = []
        for (index, value) in array.enumerated() {
            // The key's line, or the line of its [[link]] header.
            func fail(_ key: String?, _ message: String) -> SourceError {
                SourceError(path: path, line: lines.nearestLine(of: ["link", String(index)] + (key.map { [$0] } ?? [])), message: message)
            }
            guard let entry = value.table else { throw fail(nil, "each [[link]] must be a table") }
            for key in entry.keys where !Self.allowedKeys.contains(key) {
                throw fail(key, "unknown key '\(key)' in [[link]] (allowed: from, to, type, rationale)")
            }
            func string(_ key: String) throws -> String {
                guard let raw = entry[key] else { throw fail(nil, "[[link]] lacks '\(key)'") }
                guard let text = raw.string, !text.trimmingSpaces().isEmpty else {
                    throw fail(key, "'\(key)' must be a non-empty string")
                }
                return text
            }
            let fromName = try string("from"), toName = try string("to")
            let typeName = try string("type"), rationale = try string("rationale")
            guard let relation = Relation(rawValue: typeName), relation != .mentions else {
                let allowed = Relation.allCases.filter { $0 != .mentions }.map(\.rawValue).joined(separator: ", ")
                throw fail("type", "unknown link type '\(typeName.neutralized)' (one of: \(allowed))")
            }
            let from: String, to: String
            do {
                from = try resolver.resolve(fromName)
                to = try resolver.resolve(toName)
            } catch let problem as NodeResolver.Problem {
                throw fail(problem.reference == fromName ? "from" : "to", problem.message)
            }
            if from == to { throw fail("to", "a link from '\(fromName.neutralized)' to itself") }
            guard seen.insert([from, to, relation.rawValue]).inserted else {
                throw fail("from", "duplicate link \(from) → \(to) (\(relation.rawValue))")
            }
            links.append(Link(from: from, to: to, relation: relation, origin: .curated, rationale: rationale))
        }
        return links
    }
}

/// Resolves the names a person writes in a links file to node ids.
struct NodeResolver {
    struct Problem: Error {
        var reference: String
        var message: String
    }

    let article: Article
    let items: [Item]
    /// Lowercased names to ids, per prefix ("section", a kind's slug) and for all.
    private let byPrefix: [String: [String: [String]]]
    private let ids: Set<String>

    init(article: Article, items: [Item]) {
        self.article = article
        self.items = items
        var table: [String: [String: [String]]] = [:]
        for section in article.sections {
            let name = (section.isLead ? "(lead)" : section.title).lowercased()
            table["section", default: [:]][name, default: []].append(section.id)
            table["", default: [:]][name, default: []].append(section.id)
        }
        for item in items {
            table[item.kind.slug, default: [:]][item.name.lowercased(), default: []].append(item.id)
            table["", default: [:]][item.name.lowercased(), default: []].append(item.id)
        }
        byPrefix = table
        ids = Set(article.sections.map(\.id) + items.map(\.id))
    }

    /// `kind: Name`, `section: Heading`, an id (`strategy:municipalism`), or a bare name that
    /// only one item or section has. Names compare case-insensitively.
    func resolve(_ reference: String) throws -> String {
        let trimmed = reference.trimmingSpaces()
        if ids.contains(trimmed) { return trimmed }
        var prefix = ""
        var name = trimmed
        if let colon = trimmed.firstIndex(of: ":") {
            let candidate = trimmed[..<colon].trimmingSpaces().lowercased()
            if candidate == "section" || ItemKind(slug: candidate) != nil {
                prefix = ItemKind(slug: candidate)?.slug ?? candidate
                name = trimmed[trimmed.index(after: colon)...].trimmingSpaces()
            }
        }
        let matches = byPrefix[prefix]?[name.lowercased()] ?? []
        if matches.count == 1 { return matches[0] }
        if matches.isEmpty {
            throw Problem(reference: reference, message: "no item or section named '\(reference.neutralized)' in '\(article.title.neutralized)'")
        }
        let ids = matches.joined(separator: ", ")
        let message = prefixTellsApart(matches, named: name, prefix: prefix)
            ? "'\(reference.neutralized)' is ambiguous (\(ids)): write it as 'kind: name'"
            : "'\(reference.neutralized)' is ambiguous; use one of the ids: \(ids)"
        throw Problem(reference: reference, message: message)
    }

    /// Whether adding a `kind:` or `section:` prefix to the bare `name` would pick one of
    /// `matches` (a strategy and a See-also topic of one name). It cannot when the reference
    /// already has one, or when the matches share one (two `- Foo` items, two
    /// `== Background ==` sections): then only an id names one of them.
    private func prefixTellsApart(_ matches: [String], named name: String, prefix: String) -> Bool {
        guard prefix.isEmpty else { return false }
        let key = name.lowercased()
        let prefixes = matches.compactMap { id in
            byPrefix.first { $0.key != "" && $0.value[key]?.contains(id) == true }?.key
        }
        return Set(prefixes).count == matches.count
    }
}
