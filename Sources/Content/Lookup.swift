import Foundation

/// Finds sections and items by what a person types: the start of a title, ignoring case and
/// diacritics; and, when nothing matches, the names that come close.
public enum Lookup {
    /// The first heading that starts with `name`; else the section whose id is `name`, as the
    /// outline, the JSON export and links files write it: the only way to name the lead
    /// (`lead`, or its title `(lead)`) or the second of two headings alike (`see-also-2`).
    public static func section(startingWith name: String, in article: Article) -> Int? {
        let query = fold(name)
        if let found = article.sections.indices.first(where: { $0 != 0 && fold(article.sections[$0].title).hasPrefix(query) }) {
            return found
        }
        if let lead = article.sections.first, fold(lead.title) == query { return 0 }
        return article.sections.firstIndex { fold($0.id) == query }
    }

    /// The first item whose name starts with `name`. `kind: name`, as a links file writes it
    /// (`strategy: Council communism`), looks among that kind only: the only way to name one
    /// of two items of different kinds with the same name.
    public static func item(startingWith name: String, in items: [Item]) -> Item? {
        if let colon = name.firstIndex(of: ":"), let kind = ItemKind(slug: name[..<colon].trimmingSpaces().lowercased()) {
            let query = fold(name[name.index(after: colon)...].trimmingSpaces())
            if let found = items.first(where: { $0.kind == kind && fold($0.name).hasPrefix(query) }) { return found }
        }
        let query = fold(name)
        return items.first { fold($0.name).hasPrefix(query) }
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
