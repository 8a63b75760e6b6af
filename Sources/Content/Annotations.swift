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
        let table: TOMLTable
        do {
            table = try TOMLInput.table(text)
        } catch {
            throw SourceErrors([SourceError(path: path, line: error.line, column: error.column, message: error.message)])
        }
        let text = TOMLInput.withoutByteOrderMark(text)
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
        problems.append(SourceError(path: path, line: lines.nearestLine(of: keyPath), message: message))
    }

    /// The key lines, scanned the first time they are asked for.
    private var lines: TOMLKeyLines {
        mutating get {
            if let keyLines { return keyLines }
            let scanned = TOMLKeyLines(text)
            keyLines = scanned
            return scanned
        }
    }

    mutating func links(in table: TOMLTable) -> [Link] {
        for key in table.keys where key != "article" && key != "link" {
            let meant = key.lowercased().hasPrefix("link") ? "; did you mean [[link]]?" : ""
            report([key], "unknown key '\(key)' (expected 'article' and [[link]] tables)\(meant)")
        }
        if let expected = table["article"] {
            if let title = expected.string {
                // Folded as names in the file are: "luddite" is for "Luddite". A character that
                // shows nothing is named, so that the two titles do not read alike.
                if title != article.title, Lookup.fold(title.trimmingSpaces()) != Lookup.fold(article.title) {
                    report(["article"], "these links are for '\(title.quotable)', not for '\(article.title.quotable)'")
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
        var seen: [[String]: [String]] = [:]
        for (index, value) in array.enumerated() {
            if let link = link(value, at: ["link", String(index)], seen: &seen) { links.append(link) }
        }
        return links
    }

    /// The link one [[link]] table (at `entryPath`) describes, or nil when it has problems,
    /// every one of them reported. `seen` holds the links read so far, each with the path of
    /// the [[link]] that has it, to catch duplicates and say where the first one is.
    mutating func link(_ value: any TOMLValueConvertible, at entryPath: [String], seen: inout [[String]: [String]]) -> Link? {
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
            report(entryPath + ["to"], "a link from '\(fromName.quotable)' to itself")
            return nil
        }
        guard let relation, let rationale else { return nil }
        if let first = seen[[from, to, relation.rawValue]] {
            let firstLine = lines.nearestLine(of: first + ["from"])
            report(entryPath + ["from"], "duplicate link \(from) → \(to) (\(relation.rawValue)) (first at line \(firstLine))")
            return nil
        }
        seen[[from, to, relation.rawValue]] = entryPath
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
            return try resolver.resolve(reference, suggesting: problems.count < SourceErrors.listedLimit)
        } catch {
            report(keyPath, error.message)
            return nil
        }
    }

    /// The curated relation called `name` (never `mentions`, which only the linker finds),
    /// or nil with the problem reported at `keyPath`.
    mutating func relation(_ name: String, at keyPath: [String]) -> Relation? {
        if let relation = Relation(rawValue: name), relation != .mentions { return relation }
        let curated = Relation.allCases.filter { $0 != .mentions }
        // Folded as names and kinds are: "Related" is `related`. The types are a closed list,
        // so no other type can be meant by it, as a name could be another place's. Only when
        // not written as is: folding each type for each link doubled the time to read the
        // bundled links file (bench-content.sh, curated links 0.46 → 1.1 ms).
        let folded = Lookup.fold(name.trimmingSpaces())
        if let relation = curated.first(where: { Lookup.fold($0.rawValue) == folded }) { return relation }
        report(keyPath, NodeResolver.unknown("link type '\(name.quotable)'", name, among: curated.map(\.rawValue)))
        return nil
    }
}

/// Resolves the names a person writes in a links file to node ids.
struct NodeResolver {
    struct Problem: Error {
        var message: String
        /// The names offered in the message, each a spelling that names one place when written
        /// in place of the name the message quotes (after `kind`, the prefix the reference had).
        var closeMatches: [String] = []
        /// The reference's `kind:` or `section:` prefix ("" for none), as `prefix` reads it.
        var kind = ""
    }

    /// What a reference names.
    enum Resolution: Equatable {
        case one(String)
        /// Several places of that name: their ids.
        case several([String])
        case none
    }

    /// The prefixes a reference may start with, as the messages list them.
    static let prefixes = ItemKind.allCases.map(\.slug) + ["section"]

    let article: Article
    let items: [Item]
    /// Lowercased names to ids, per prefix ("section", a kind's slug) and for all.
    private let byPrefix: [String: [String: [String]]]
    private let sectionIDs: Set<String>
    private let itemIDs: Set<String>

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
        sectionIDs = Set(article.sections.map(\.id))
        itemIDs = Set(items.map(\.id))
        folded = FoldedNames {
            var folded: [String: [(id: String, prefix: String)]] = [:]
            for section in article.sections { folded[Lookup.fold(section.isLead ? "(lead)" : section.title), default: []].append((section.id, "section")) }
            for item in items { folded[Lookup.fold(item.name), default: []].append((item.id, item.kind.slug)) }
            return folded
        }
    }

    /// Every section's and item's name folded (`Lookup.fold`), with its id and prefix, made
    /// at the first name that is not there as written: folding them all up front cost the
    /// start-up 0.4 ms, and folding them again for each such name took half a minute for
    /// 2,200 misspelt names in an article of 50,000 items (QA 29).
    private final class FoldedNames {
        private let make: () -> [String: [(id: String, prefix: String)]]
        private(set) lazy var byName = make()

        init(_ make: @escaping () -> [String: [(id: String, prefix: String)]]) { self.make = make }
    }

    private let folded: FoldedNames

    /// `kind: Name`, `section: Heading`, an id (`strategy:municipalism`, `history-2`), an id
    /// after its kind (`section: history-2`), or a bare name that only one item or section
    /// has. Names compare as `--item` compares them: case, accents and the kind of dash aside
    /// ("Foo–bar" is "Foo-bar"). The lead is `(lead)`, or its article's title where no
    /// heading or item has that name, as `--section` reads it.
    ///
    /// Without `suggesting`, a name that is not there is said without close matches: a
    /// problem past those listed is not printed, and looking for them among an article's tens
    /// of thousands of places took a second each (QA 28).
    func resolve(_ reference: String, suggesting: Bool = true) throws(Problem) -> String {
        let reading = Reading(reference)
        switch resolution(of: reading) {
        case .one(let id):
            return id
        case .several(let ids):
            let message = prefixTellsApart(ids, named: reading.name, prefix: reading.prefix)
                ? "'\(reference.quotable)' is ambiguous (\(ids.joined(separator: ", "))): write it as 'kind: name'"
                : "'\(reference.quotable)' is ambiguous; use one of the ids: \(ids.joined(separator: ", "))"
            throw Problem(message: message, kind: reading.prefix)
        case .none:
            // Not a name with a colon in it ("Star Wars: Episode IV"), so the word before the
            // colon was meant as a kind: say so, rather than that nothing has the whole name.
            if let unknownPrefix = reading.unknownPrefix {
                throw Problem(message: Self.unknown("kind '\(unknownPrefix.quotable)' in '\(reference.quotable)'", unknownPrefix,
                                                    among: Self.prefixes))
            }
            // Named by what was asked for: "no section named 'section: Nope'" said its kind twice.
            let what = reading.prefix.isEmpty ? "item or section" : ItemKind(slug: reading.prefix)?.singularTitle ?? reading.prefix
            let missing = "no \(what) named '\((reading.prefix.isEmpty ? reference : reading.name).quotable)' in '\(article.title.quotable)'"
            // Of another kind: said so, as written there, before the close matches (QA 32: "no
            // example named 'Council communism'", a strategy, and nothing more).
            let other = reading.prefix.isEmpty ? "" : otherKinds(having: reading.name)
            // Looked for only where close matches are: it reads every list entry of the article.
            let elsewhere = other.isEmpty && suggesting ? unclassifiedEntry(named: reading.name) : other
            let close = suggesting ? closeMatches(to: reading) : []
            throw Problem(message: missing + elsewhere + (close.isEmpty ? "" : "; close matches: " + close.map(\.quotable).joined(separator: ", ")),
                          closeMatches: close, kind: reading.prefix)
        }
    }

    /// Where a list entry of the article is written `name – …` in a list that holds no items:
    /// "; line 19 has that name, in a list that holds none: …, and why" (QA 35: a name written
    /// word for word in the article, said only to be no example's). "" when no entry has.
    private func unclassifiedEntry(named name: String) -> String {
        let folded = Lookup.fold(name)
        let listed = Set(items.map(\.line))
        for section in article.sections {
            for case .list(let list) in section.blocks {
                guard let entry = list.items.first(where: { item in
                    !listed.contains(item.line) && Lookup.fold(item.name ?? item.text) == folded
                }) else { continue }
                return "; \(article.path):\(entry.line) has that name, in a list under '\(section.title.quotable)' whose heading and lead-in "
                    + "name no kind (\"Examples\", \"Strategies\", \"See also\"…), so it holds no items"
            }
        }
        return ""
    }

    /// What has `name` when another kind was asked for: "; a strategy has that name:
    /// 'strategy: Mutualism'", as the strategy writes it, or "; other places have that name:
    /// IDS"; "" when none has.
    private func otherKinds(having name: String) -> String {
        // By name, not by id: "mutualism" is a section's id too (QA 34: the strategy and the
        // topic of that name were left out).
        let ids = places(named: name, prefix: "")
        switch ids.count {
        case 0:
            return ""
        case 2...:
            return "; other places have that name: " + ids.joined(separator: ", ")
        default:
            let id = ids[0]
            if let item = items.first(where: { $0.id == id }) {
                return "; a \(item.kind.singularTitle) has that name: '\(item.kind.slug): \(item.name.quotable)'"
            }
            let heading = article.sections.first { $0.id == id }.map { $0.isLead ? "(lead)" : $0.title } ?? id
            return "; a section has that name: 'section: \(heading.quotable)'"
        }
    }

    /// "unknown WHAT; did you mean 'strategy'?" with the closest of `candidates` to `name`, as
    /// names are offered (`Lookup.suggestions`), or the candidates listed when none is close.
    static func unknown(_ what: String, _ name: String, among candidates: [String]) -> String {
        if let close = Lookup.suggestions(for: name, among: candidates).first { return "unknown \(what); did you mean '\(close)'?" }
        return "unknown \(what) (one of: \(candidates.joined(separator: ", ")))"
    }

    /// A reference taken apart: its known prefix ("" for none) and the name after it.
    struct Reading {
        var whole: String
        var prefix = ""
        var name: String
        /// The word before a colon when it reads as a kind that is not one (`strategie:`).
        var unknownPrefix: String?

        init(_ reference: String) {
            whole = reference.trimmingSpaces()
            name = whole
            guard let colon = whole.firstIndex(of: ":") else { return }
            let candidate = whole[..<colon].trimmingSpaces()
            if let known = NodeResolver.prefix(candidate.lowercased()) {
                prefix = known
                name = whole[whole.index(after: colon)...].trimmingSpaces()
            } else if NodeResolver.looksLikePrefix(candidate) {
                unknownPrefix = candidate
            }
        }
    }

    /// What `reading` names: an id, then a name as written (lowercase aside), then folded,
    /// then, for the lead, its article's title.
    func resolution(of reading: Reading) -> Resolution {
        if sectionIDs.contains(reading.whole) || itemIDs.contains(reading.whole) { return .one(reading.whole) }
        if let id = id(reading.name, after: reading.prefix) { return .one(id) }
        var matches = places(named: reading.name, prefix: reading.prefix)
        if matches.isEmpty, reading.prefix.isEmpty || reading.prefix == "section",
           Lookup.fold(reading.name) == Lookup.fold(article.title), let lead = article.sections.first(where: \.isLead) {
            // The lead by the name the explorer and a folder's outline give it. Only where no
            // heading or item has it, as `--section` reads it.
            matches = [lead.id]
        }
        switch matches.count {
        case 0: return .none
        case 1: return .one(matches[0])
        default: return .several(matches)
        }
    }

    /// The id `name` is when written after `prefix`: a section's id after `section:` (the
    /// only way to name the second of two headings alike with its kind), an item's after its
    /// kind, with or without the kind the id holds (`see-also: foo-2`, `see-also: see-also:foo-2`).
    private func id(_ name: String, after prefix: String) -> String? {
        switch prefix {
        case "": return nil
        case "section": return sectionIDs.contains(name) ? name : nil
        default:
            if itemIDs.contains(prefix + ":" + name) { return prefix + ":" + name }
            return name.hasPrefix(prefix + ":") && itemIDs.contains(name) ? name : nil
        }
    }

    /// The places `reading` may have meant, as `--focus` offers them (`Lookup.suggestions`:
    /// "Kennington" for "Kennington Common meeting"), each written so that it names one place
    /// when put in place of the name: a name that several places have is offered as their ids,
    /// and no spelling this resolver would refuse is offered at all ("no section named
    /// 'Diggers'; close matches: Diggers" was the lead by its title, which it refused).
    private func closeMatches(to reading: Reading) -> [String] {
        var offered: [String] = []
        for candidate in Lookup.suggestions(for: reading.whole, among: Lookup.nodePlaces(of: article, items: items)) {
            switch resolution(of: Reading(reading.prefix.isEmpty ? candidate : reading.prefix + ": " + candidate)) {
            case .one: offered.append(candidate)
            case .several(let ids): offered += ids
            case .none: continue
            }
        }
        var seen: Set<String> = []
        return offered.filter { seen.insert($0).inserted }
    }

    /// The ids whose names equal `name` once folded as `--item` folds them (`Lookup.fold`),
    /// sections first. Only for a name that is not there as written, lowercase aside.
    /// The ids of the places after `prefix` ("" for any) named `name`: as written, lowercase
    /// aside, else folded.
    private func places(named name: String, prefix: String) -> [String] {
        let written = byPrefix[prefix]?[name.lowercased()] ?? []
        return written.isEmpty ? foldedMatches(of: name, prefix: prefix) : written
    }

    private func foldedMatches(of name: String, prefix: String) -> [String] {
        (folded.byName[Lookup.fold(name)] ?? []).filter { prefix.isEmpty || $0.prefix == prefix }.map(\.id)
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
