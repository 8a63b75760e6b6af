import Foundation

/// Finds sections and items by what a person types: the start of a title, ignoring case and
/// diacritics; and, when nothing matches, the names that come close.
public enum Lookup {
    public static func section(startingWith name: String, in article: Article) -> Int? {
        let query = fold(name)
        return article.sections.indices.first { $0 != 0 && fold(article.sections[$0].title).hasPrefix(query) }
    }

    public static func item(startingWith name: String, in items: [Item]) -> Item? {
        let query = fold(name)
        return items.first { fold($0.name).hasPrefix(query) }
    }

    /// Up to five candidates that contain the query, or whose start is a few edits from it.
    public static func suggestions(for name: String, among candidates: [String]) -> [String] {
        let query = fold(name)
        let scored = candidates.compactMap { candidate -> (String, Int)? in
            let folded = fold(candidate)
            if folded.contains(query) { return (candidate, 0) }
            let distance = editDistance(Array(query), Array(folded.prefix(query.count)))
            return distance <= max(2, query.count / 3) ? (candidate, distance) : nil
        }
        return scored.sorted { $0.1 < $1.1 }.prefix(5).map(\.0)
    }

    static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .replacingOccurrences(of: "–", with: "-").replacingOccurrences(of: "—", with: "-")
    }

    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: b.count)
            for (j, y) in b.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
