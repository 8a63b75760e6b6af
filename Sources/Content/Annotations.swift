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
/// Every problem is reported, each at the line of the offending key (see `links`).
public struct Annotations: Sendable {
    public static let allowedKeys: Set<String> = ["from", "to", "type", "rationale"]

    public init() {}

    /// The curated links of `article` in `text`, the links file at `path`. Throws
    /// `SourceErrors` with every problem of the file in line order: one run shows all there
    /// is to fix. A TOML syntax error is the one exception: nothing after it can be trusted.
    public func links(fromTOML text: String, path: String, article: Article, items: [Item]) throws -> [Link] {
        if let problem = TOMLInput.unreadable(text) {
            throw SourceErrors([SourceError(path: path, line: problem.line, message: problem.message)])
        }
        let text = TOMLInput.withoutByteOrderMark(text)
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw SourceErrors([SourceError(path: path, line: error.source.begin.line, message: "invalid TOML: \(error.description)")])
        }
        var reader = LinksFileReader(path: path, text: text, article: article, resolver: NodeResolver(article: article, items: items))
        let links = reader.links(in: table)
        guard reader.problems.isEmpty else { throw SourceErrors(reader.problems) }
        return links
    }
}

/// The checks behind `Annotations.links`: reads a parsed links file, collecting every problem
/// as it goes. A [[link]] with a problem is left out and the next one read.
private struct LinksFileReader {
    let path: String
    let text: String
    let article: Article
    let resolver: NodeResolver
    private(set) var problems: [SourceError] = []
    /// The line of each key, for the messages: the document is scanned for them only when a
    /// problem is reported (the scan was a tenth of the time to read a valid links file).
    private var keyLines: TOMLKeyLines?

    init(path: String, text: String, article: Article, resolver: NodeResolver) {
        self.path = path
        self.text = text
        self.article = article
        self.resolver = resolver
    }

    /// A problem at the line of `keyPath`, or of its nearest ancestor that has one (a missing
    /// key is reported at its [[link]] header).
    mutating func report(_ keyPath: [String], _ message: String) {
        let lines = keyLines ?? TOMLKeyLines(text)
        keyLines = lines
        problems.append(SourceError(path: path, line: lines.nearestLine(of: keyPath), message: message))
    }

    mutating func links(in table: TOMLTable) -> [Link] {
        for key in table.keys where key != "article" && key != "link" {
            report([key], "unknown key '\(key)' (expected 'article' and [[link]] tables)")
        }
        if let expected = table["article"] {
            if let title = expected.string {
                if title != article.title {
                    report(["article"], "these links are for '\(title.neutralized)', not for '\(article.title.neutralized)'")
                }
            } else {
                report(["article"], "'article' must be a string")
            }
        }
        guard let entries = table["link"] else { return [] }
        guard let array = entries.array else {
            report(["link"], "'link' must be an array of tables: [[link]]")
            return []
        }
        var links: [Link] = []
        var seen: Set<[String]> = []
        for (index, value) in array.enumerated() {
            if let link = link(value, at: ["link", String(index)], seen: &seen) { links.append(link) }
        }
        return links
    }

    /// The link one [[link]] table (at `entryPath`) describes, or nil when it has problems,
    /// every one of them reported. `seen` holds the links read so far, to catch duplicates.
    mutating func link(_ value: any TOMLValueConvertible, at entryPath: [String], seen: inout Set<[String]>) -> Link? {
        guard let entry = value.table else {
            report(entryPath, "each [[link]] must be a table")
            return nil
        }
        for key in entry.keys where !Annotations.allowedKeys.contains(key) {
            report(entryPath + [key], "unknown key '\(key)' in [[link]] (allowed: from, to, type, rationale)")
        }
        let fromName = string("from", of: entry, at: entryPath), toName = string("to", of: entry, at: entryPath)
        let typeName = string("type", of: entry, at: entryPath), rationale = string("rationale", of: entry, at: entryPath)
        let from = fromName.flatMap { node($0, at: entryPath + ["from"]) }
        let to = toName.flatMap { node($0, at: entryPath + ["to"]) }
        let relation = typeName.flatMap { self.relation($0, at: entryPath + ["type"]) }
        guard let from, let to, let fromName else { return nil }
        if from == to {
            report(entryPath + ["to"], "a link from '\(fromName.neutralized)' to itself")
            return nil
        }
        guard let relation, let rationale else { return nil }
        guard seen.insert([from, to, relation.rawValue]).inserted else {
            report(entryPath + ["from"], "duplicate link \(from) → \(to) (\(relation.rawValue))")
            return nil
        }
        return Link(from: from, to: to, relation: relation, origin: .curated, rationale: rationale)
    }

    /// The non-empty string `entry` has for `key`, or nil with the problem reported.
    mutating func string(_ key: String, of entry: TOMLTable, at entryPath: [String]) -> String? {
        guard let raw = entry[key] else {
            report(entryPath, "[[link]] lacks '\(key)'")
            return nil
        }
        guard let text = raw.string, !text.trimmingSpaces().isEmpty else {
            report(entryPath + [key], "'\(key)' must be a non-empty string")
            return nil
        }
        return text
    }

    /// The node id `reference` names, or nil with the problem reported at `keyPath`.
    mutating func node(_ reference: String, at keyPath: [String]) -> String? {
        do {
            return try resolver.resolve(reference)
        } catch {
            report(keyPath, error.message)
            return nil
        }
    }

    /// The curated relation called `name` (never `mentions`, which only the linker finds),
    /// or nil with the problem reported at `keyPath`.
    mutating func relation(_ name: String, at keyPath: [String]) -> Relation? {
        if let relation = Relation(rawValue: name), relation != .mentions { return relation }
        let allowed = Relation.allCases.filter { $0 != .mentions }.map(\.rawValue).joined(separator: ", ")
        report(keyPath, "unknown link type '\(name.neutralized)' (one of: \(allowed))")
        return nil
    }
}

/// Resolves the names a person writes in a links file to node ids.
struct NodeResolver {
    struct Problem: Error {
        var message: String
    }

    /// The prefixes a reference may start with, as the messages list them.
    static let prefixes = ItemKind.allCases.map(\.slug) + ["section"]

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
    /// only one item or section has. Names compare as `--item` compares them: case, accents
    /// and the kind of dash aside ("Foo–bar" is "Foo-bar").
    func resolve(_ reference: String) throws(Problem) -> String {
        let trimmed = reference.trimmingSpaces()
        if ids.contains(trimmed) { return trimmed }
        var prefix = ""
        var name = trimmed
        var unknownPrefix: String?
        if let colon = trimmed.firstIndex(of: ":") {
            let candidate = trimmed[..<colon].trimmingSpaces()
            if let known = Self.prefix(candidate.lowercased()) {
                prefix = known
                name = trimmed[trimmed.index(after: colon)...].trimmingSpaces()
            } else if Self.looksLikePrefix(candidate) {
                unknownPrefix = candidate
            }
        }
        var matches = byPrefix[prefix]?[name.lowercased()] ?? []
        if matches.isEmpty { matches = foldedMatches(of: name, prefix: prefix) }
        if matches.count == 1 { return matches[0] }
        if matches.isEmpty {
            // Not a name with a colon in it ("Star Wars: Episode IV"), so the word before the
            // colon was meant as a kind: say so, rather than that nothing has the whole name.
            if let unknownPrefix {
                throw Problem(message: "unknown kind '\(unknownPrefix.neutralized)' in '\(reference.neutralized)' "
                                  + "(one of: \(Self.prefixes.joined(separator: ", ")))")
            }
            // Named by what was asked for: "no section named 'section: Nope'" said its kind twice.
            let what = prefix.isEmpty ? "item or section" : ItemKind(slug: prefix)?.singularTitle ?? prefix
            // Whole names only, unlike `--item`, which takes a name's start: a curated link must
            // keep naming one thing as the article grows. So the names it may have meant are
            // offered, as `--focus` offers them ("Kennington" for "Kennington Common meeting").
            let close = Lookup.suggestions(for: trimmed, among: Lookup.nodePlaces(of: article, items: items))
            throw Problem(message: "no \(what) named '\((prefix.isEmpty ? reference : name).neutralized)' in '\(article.title.neutralized)'"
                              + (close.isEmpty ? "" : "; close matches: " + close.map(\.neutralized).joined(separator: ", ")))
        }
        let ids = matches.joined(separator: ", ")
        let message = prefixTellsApart(matches, named: name, prefix: prefix)
            ? "'\(reference.neutralized)' is ambiguous (\(ids)): write it as 'kind: name'"
            : "'\(reference.neutralized)' is ambiguous; use one of the ids: \(ids)"
        throw Problem(message: message)
    }

    /// The ids whose names equal `name` once folded as `--item` folds them (`Lookup.fold`).
    /// Only for a name that is not there as written, lowercase aside: folding every name up
    /// front, on Foundation's path, cost the start-up 0.4 ms.
    private func foldedMatches(of name: String, prefix: String) -> [String] {
        let folded = Lookup.fold(name)
        var matches: [String] = []
        if prefix.isEmpty || prefix == "section" {
            matches += article.sections.filter { Lookup.fold($0.isLead ? "(lead)" : $0.title) == folded }.map(\.id)
        }
        matches += items.filter { (prefix.isEmpty || $0.kind.slug == prefix) && Lookup.fold($0.name) == folded }.map(\.id)
        return matches
    }

    /// The prefix `word` (lowercased) names: "section", or a kind's slug (`see-also`). `Lookup`
    /// reads the same prefixes in `--section`, `--item` and `--focus`.
    static func prefix(_ word: String) -> String? {
        word == "section" ? word : ItemKind(slug: word)?.slug
    }

    /// Whether the text before a colon reads as a kind that was meant: one word of letters,
    /// hyphens or underscores ("foo", "strategies", "see_also"), not a name's start.
    private static func looksLikePrefix(_ text: String) -> Bool {
        !text.isEmpty && text.allSatisfy { $0.isLetter || $0 == "-" || $0 == "_" }
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
