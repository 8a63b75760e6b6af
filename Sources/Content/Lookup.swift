import Foundation

/// Finds sections and items by what a person types, ignoring case, diacritics and dash
/// variants; and, when nothing matches, the names that come close.
///
/// Every lookup (`--section`, `--item`, `--focus`, `bookmarks add --section`) follows one
/// rule: a name typed whole wins, then an id, then the first name that starts with it, in
/// article order. So "Back" is the section Back even when "Back matter" comes first, while
/// "Back m" (or "Ba", which both start) still names the first that starts so. An id written
/// exactly as seealso writes it comes first of all: `lead` is the lead even beside a heading
/// "Lead" (which `Lead` names), as the README promises.
public enum Lookup {
    /// The section `name` names: its heading (the lead's is `(lead)`), else its id as the
    /// outline, the JSON export and links files write it (`lead`, `see-also-2`: the only way
    /// to name the second of two headings alike), else the first heading that starts with it.
    /// `section: Heading`, as a links file writes it, works too.
    public static func section(named name: String, in article: Article) -> Int? {
        pick(name, among: sectionCandidates(article))
    }

    /// The item `name` names, by the same rule: its name, else its id (`see-also:foo-2`),
    /// else the first name that starts with it. `kind: name`, as a links file writes it
    /// (`strategy: Council communism`), looks among that kind only: the only way to name one
    /// of two items of different kinds with the same name.
    public static func item(named name: String, in items: [Item]) -> Item? {
        pick(name, among: itemCandidates(items)).map { items[$0] }
    }

    /// The node id (an item's or a section's) `name` names, as `--focus` reads it: items and
    /// sections by the same rule, an item before a section at each step; `kind: name` or
    /// `section: Heading` looks among that kind only.
    public static func node(named name: String, in article: Article, items: [Item]) -> String? {
        let candidates = itemCandidates(items) + sectionCandidates(article)
        return pick(name, among: candidates).map { candidates[$0].id }
    }

    /// What a lookup compares a name with.
    private struct Candidate {
        var name: String
        var id: String
        /// "section", or the item's kind as a links file writes it (`see-also`).
        var scope: String
        /// Whether the start of the name is enough: not for the lead, whose "(lead)" is a
        /// stand-in for a heading it does not have.
        var takesPrefix = true
    }

    private static func sectionCandidates(_ article: Article) -> [Candidate] {
        article.sections.map { Candidate(name: $0.title, id: $0.id, scope: "section", takesPrefix: !$0.isLead) }
    }

    private static func itemCandidates(_ items: [Item]) -> [Candidate] {
        items.map { Candidate(name: $0.name, id: $0.id, scope: $0.kind.slug) }
    }

    /// The index in `candidates` that `text` names. `kind: name` or `section: Heading` is
    /// looked for among that scope first; failing that, as a whole (a name with a colon in it).
    private static func pick(_ text: String, among candidates: [Candidate]) -> Int? {
        if let colon = text.firstIndex(of: ":"), let scope = NodeResolver.prefix(text[..<colon].trimmingSpaces().lowercased()) {
            let name = text[text.index(after: colon)...].trimmingSpaces()
            let inScope = candidates.indices.filter { candidates[$0].scope == scope }
            if let found = pick(name, orID: text, among: inScope, of: candidates) { return found }
        }
        return pick(text, orID: text, among: Array(candidates.indices), of: candidates)
    }

    /// The rule itself, over `indices` of `candidates`: the first whose id is `name` or `id`
    /// as written (an item's id holds its kind: `see-also:foo-2` is looked for among the
    /// See-also topics as "foo-2"), else whose name is `name`, else whose id is, ignoring case,
    /// else whose name starts with `name`.
    private static func pick(_ name: String, orID id: String, among indices: [Int], of candidates: [Candidate]) -> Int? {
        if let written = indices.first(where: { candidates[$0].id == name || candidates[$0].id == id }) { return written }
        let query = fold(name)
        // Folded once: the name and the start steps both read them.
        let names = indices.map { fold(candidates[$0].name) }
        if let exact = names.firstIndex(of: query) { return indices[exact] }
        let ids: Set = [query, fold(id)]
        if let byID = indices.first(where: { ids.contains(fold(candidates[$0].id)) }) { return byID }
        return names.indices.first { candidates[indices[$0]].takesPrefix && names[$0].hasPrefix(query) }.map { indices[$0] }
    }

    /// Up to five candidates that come close to `name`, the closest first: ones that contain
    /// it, or whose start is within one edit per four letters of it (a letter left out, added,
    /// changed, or two swapped). Nothing for fewer than three letters. Relative to the length
    /// so that a short word does not match any start two edits away ("nope" and "Modern
    /// usage…", by way of "mode").
    public static func suggestions(for name: String, among candidates: [String]) -> [String] {
        let query = Array(fold(name))
        guard query.count >= 3 else { return [] }
        let limit = max(1, query.count / 4)
        var seen: Set<String> = []
        let scored = candidates.enumerated().compactMap { offset, candidate -> (candidate: String, distance: Int, offset: Int)? in
            guard seen.insert(candidate).inserted else { return nil }
            let folded = fold(candidate)
            if folded.contains(String(query)) { return (candidate, 0, offset) }
            // The start as long as the query, and a letter shorter or longer: one left out or
            // typed in addition is one edit, not one per letter after it.
            let distance = (query.count - 1...query.count + 1).map { editDistance(query, Array(folded.prefix($0))) }.min() ?? .max
            return distance <= limit ? (candidate, distance, offset) : nil
        }
        return scored.sorted { ($0.distance, $0.offset) < ($1.distance, $1.offset) }.prefix(5).map(\.candidate)
    }

    /// Case and diacritics dropped, and every dash made "-", as search does (`SearchFolder`):
    /// a name that `search` finds is one `--item` finds too.
    static func fold(_ text: String) -> String {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        return String(String.UnicodeScalarView(folded.unicodeScalars.map { SearchFolder.dashes.contains($0.value) ? "-" : $0 }))
    }

    /// Edit distance with adjacent transpositions (optimal string alignment): "Bcak" is one
    /// edit from "Back", as a person counts it.
    public static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }
}
