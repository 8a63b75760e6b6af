import Foundation

/// Finds sections and items by what a person types, ignoring case, diacritics and dash
/// variants; and, when nothing matches, the names that come close.
///
/// Every lookup (`--section`, `--item`, `--focus`, `bookmarks add --section`) follows one
/// rule: an id written exactly as seealso writes it, then a name typed whole, then an id in
/// any case, then the first name that starts with it, in article order. So "Back" is the
/// section Back even when "Back matter" comes first, while "Back m" (or "Ba", which both
/// start) still names the first that starts so; and `lead` is the lead even beside a heading
/// "Lead" (which `Lead` names), as the README promises. A name typed whole is first looked
/// for as written (case and the kind of dash and apostrophe aside, accents not), then with
/// accents folded too: "Мои" is the heading Мои even after a heading Мой (й is a letter of
/// its own in Russian, which only folding makes и), while "Resume" still finds "Résumé".
public enum Lookup {
    /// The section `name` names: its id as the outline, the JSON export and links files write
    /// it (`lead`, `see-also-2`: the only way to name the second of two headings alike), else
    /// its heading (the lead's is `(lead)`), else the lead by its article's title, else its id
    /// in any case, else the first heading that starts with it. `section: Heading`, as a links
    /// file writes it, works too.
    public static func section(named name: String, in article: Article) -> Int? {
        match(name, among: places(of: article))?.index
    }

    /// The item `name` names, by the same rule: its id (`see-also:foo-2`), else its name, …,
    /// else the first name that starts with it. `kind: name`, as a links file writes it
    /// (`strategy: Council communism`), looks among that kind only: the only way to name one
    /// of two items of different kinds with the same name.
    public static func item(named name: String, in items: [Item]) -> Item? {
        match(name, among: places(of: items)).map { items[$0.index] }
    }

    /// The node id (an item's or a section's) `name` names, as `--focus` reads it: items and
    /// sections by the same rule, an item before a section at each step; `kind: name` or
    /// `section: Heading` looks among that kind only.
    public static func node(named name: String, in article: Article, items: [Item]) -> String? {
        let places = nodePlaces(of: article, items: items)
        return match(name, among: places).map { places[$0.index].id }
    }

    /// A section or an item as a lookup reads it. Public so that a folder's articles can be
    /// searched one by one and their close matches gathered from all of them.
    public struct Place: Sendable {
        public var name: String
        public var id: String
        /// "section", or the item's kind as a links file writes it (`see-also`).
        var scope: String
        /// Whether the name is one a person types: not the lead's "(lead)", a stand-in for a
        /// heading it does not have, which no start names and no close match offers.
        var isTyped = true
        /// What else names the place typed whole, after every name: the lead's article title,
        /// by which the panes and a folder's outline name the lead (`--section "Paris Commune"`
        /// in a folder was "no section starts with"). Not by its start, which would
        /// make every article's lead the first place a short start names.
        var title: String?
    }

    /// The sections of `article`, in order: a match's index is the section's.
    public static func places(of article: Article) -> [Place] {
        article.sections.map { Place(name: $0.title, id: $0.id, scope: "section", isTyped: !$0.isLead,
                                     title: $0.isLead ? article.title : nil) }
    }

    /// `items`, in order: a match's index is the item's.
    public static func places(of items: [Item]) -> [Place] {
        items.map { Place(name: $0.name, id: $0.id, scope: $0.kind.slug) }
    }

    /// What `--focus` looks among: the items, then the sections.
    public static func nodePlaces(of article: Article, items: [Item]) -> [Place] {
        places(of: items) + places(of: article)
    }

    /// Where a lookup found its place, and how.
    public struct Match: Equatable, Sendable {
        /// In the places looked among.
        public var index: Int
        public var strength: Strength
        /// Found only by the start of its name, the rule's last step.
        public var byStart: Bool { strength == .start }
    }

    /// How well a match names its place, the best first. In a folder, the first article with
    /// the best match wins: an exact name in a later article comes before a name equal only
    /// once folded in an earlier one, as either comes before a start.
    public enum Strength: Int, Comparable, Sendable {
        /// An id as written, or the name as typed, case and the kind of dash and apostrophe aside.
        case exact
        /// The name once accents are folded too, or the id in any case.
        case folded
        /// The start of the name.
        case start

        public static func < (left: Strength, right: Strength) -> Bool { left.rawValue < right.rawValue }
    }

    /// The place `text` names among `places`, by the rule. `kind: name` or `section: Heading`
    /// is looked for among that scope first; failing that, as a whole (a name with a colon in
    /// it). A blank name names nothing.
    public static func match(_ text: String, among places: [Place]) -> Match? {
        guard !isBlank(text) else { return nil }
        if let scoped = scoped(text) {
            let inScope = places.indices.filter { places[$0].scope == scoped.scope }
            if let found = match(scoped.name, orID: text, among: inScope, of: places) { return found }
        }
        return match(text, orID: text, among: Array(places.indices), of: places)
    }

    /// Whether `text` is no name: blank, or made of characters that show nothing (a zero-width
    /// space), which the lookup leaves out. It would start every name and silently take the
    /// first (QA 32: `--item $'\u{200B}'` bookmarked the first item).
    public static func isBlank(_ text: String) -> Bool {
        text.trimmingSpaces().isEmpty || text.showsNothing
    }

    /// `kind: name` or `section: Heading` as its scope (`strategy`, `section`) and the name;
    /// nil when `text` has no such prefix, or nothing after it: "Strategy:" is a heading's
    /// name with a colon at its end (`--section "Strategy:"` said it needed a name).
    private static func scoped(_ text: String) -> (scope: String, name: String)? {
        guard let colon = text.firstIndex(of: ":"),
              let scope = NodeResolver.prefix(text[..<colon].trimmingSpaces().lowercased()) else { return nil }
        let name = text[text.index(after: colon)...].trimmingSpaces()
        return name.isEmpty || name.showsNothing ? nil : (scope, name)
    }

    /// The rule itself, over `indices` of `places`: the first whose id is `name` or `id`
    /// as written (an item's id holds its kind: `see-also:foo-2` is looked for among the
    /// See-also topics as "foo-2"), else whose name is `name` (as written, else folded),
    /// else whose id is, ignoring case, else whose name starts with `name`.
    ///
    /// A section's id is a slug of its heading, accents dropped: «Мой» is `мои`, «Résumé» is
    /// `resume`. Typed, such an id reads as a name, and names its section only as well as the
    /// folded name does: a place with the name written so («Мои», «Resume») comes first.
    /// (`lead` is no slug of the lead's name, and stays the lead beside a heading "Lead"; an
    /// item's id, kind and all, `see-also:мои`, reads as no name, and stays its item's.)
    private static func match(_ name: String, orID id: String, among indices: [Int], of places: [Place]) -> Match? {
        let query = fold(name)
        if let written = indices.first(where: { places[$0].id == name || places[$0].id == id }) {
            let own = places[written].name
            guard !places[written].id.contains(":"), fold(own) == query, caselessFold(own) != caselessFold(name) else {
                return Match(index: written, strength: .exact)
            }
            let exact = indices.first { fold(places[$0].name) == query && caselessFold(places[$0].name) == caselessFold(name) }
            // Folded, in a folder too: a later article's «Мои» comes before this one's «Мой».
            return exact.map { Match(index: $0, strength: .exact) } ?? Match(index: written, strength: .folded)
        }
        // Folded once: the name and the start steps both read them.
        let names = indices.map { fold(places[$0].name) }
        if let found = whole(name, query: query, among: indices, folded: names, spelling: { places[$0].name }) { return found }
        // A heading typed whole comes first: "== Paris Commune ==" in "= Paris Commune =" is the heading.
        if let found = whole(name, query: query, among: indices, folded: indices.map { places[$0].title.map(fold) },
                             spelling: { places[$0].title ?? "" }) { return found }
        let ids: Set = [query, fold(id)]
        if let byID = indices.first(where: { ids.contains(fold(places[$0].id)) }) { return Match(index: byID, strength: .folded) }
        return indices.indices.first { places[indices[$0]].isTyped && names[$0].hasPrefix(query) }
            .map { Match(index: indices[$0], strength: .start) }
    }

    /// The first of `indices` whose name (`spelling`, `folded` as `fold` makes it) is `query`,
    /// the folded `name`: exact when written as typed, case and dashes aside, else folded.
    private static func whole(_ name: String, query: String, among indices: [Int], folded: [String?],
                              spelling: (Int) -> String) -> Match? {
        let whole = indices.indices.filter { folded[$0] == query }.map { indices[$0] }
        guard let first = whole.first else { return nil }
        // A name written as typed is also one folded alike: only those need the second fold.
        let typed = caselessFold(name)
        if let exact = whole.first(where: { caselessFold(spelling($0)) == typed }) { return Match(index: exact, strength: .exact) }
        return Match(index: first, strength: .folded)
    }

    /// Up to five places that come close to `text`, the closest first, each by its name, or
    /// by its id when the id is the closer (`see-also:foo-3` offers `see-also:foo-2`): names
    /// as `suggestions(for:among:)` finds them, ids within as many edits of the whole id.
    /// `kind: name` and `section: Heading` offer places of that kind only, and read the name
    /// as an id too (`section: Lead` offers `lead`, the lead's id).
    public static func suggestions(for text: String, among places: [Place]) -> [String] {
        let scoped = scoped(text)
        let name = Array(fold(scoped?.name ?? text))
        guard name.count >= 3 else { return [] }
        let limit = editLimit(name)
        // Ids by their scalars: compared with every place's, as Characters they were most of
        // the time to suggest a name in an article of 50,000 items (QA 29). An id is a slug,
        // with no combining mark to join a scalar to the one before.
        let id = Array(fold(text).unicodeScalars)
        let scopedName = Array(String(name).unicodeScalars)
        let scored = places.filter { scoped == nil || $0.scope == scoped?.scope }.compactMap { place -> (String, Int)? in
            // The lead is offered by its article's title, which names it typed whole.
            let typed = place.isTyped ? place.name : place.title
            let byName = typed.flatMap { candidate in closeness(of: name, to: candidate, limit: limit).map { (candidate, $0) } }
            // At least as many edits as the lengths differ: only ids that may come close are compared.
            let placeID = Array(fold(place.id).unicodeScalars)
            var byID = abs(placeID.count - id.count) > limit ? Int.max : editDistance(id, placeID)
            if scoped != nil {
                // After its kind, an item's id is written with or without the kind it holds.
                let ownID = Array(fold(place.id.hasPrefix(place.scope + ":") ? String(place.id.dropFirst(place.scope.count + 1)) : place.id).unicodeScalars)
                if abs(ownID.count - scopedName.count) <= limit { byID = min(byID, editDistance(scopedName, ownID)) }
            }
            if let byName, byName.1 <= byID { return byName }
            return byID <= limit ? (place.id, byID) : byName
        }
        return closest(scored)
    }

    /// Up to five candidates that come close to `name`, the closest first: ones that contain
    /// it, or whose start is within one edit per four letters of it (a letter left out, added,
    /// changed, or two swapped). Nothing for fewer than three letters. Relative to the length
    /// so that a short word does not match any start two edits away ("nope" and "Modern
    /// usage…", by way of "mode").
    public static func suggestions(for name: String, among candidates: [String]) -> [String] {
        let query = Array(fold(name))
        guard query.count >= 3 else { return [] }
        let limit = editLimit(query)
        return closest(candidates.compactMap { candidate in closeness(of: query, to: candidate, limit: limit).map { (candidate, $0) } })
    }

    /// One edit per four letters of `query`, at least one: what a typo may cost, for names
    /// here and for command names (`CommandNames`).
    public static func editLimit(_ query: [Character]) -> Int { max(1, query.count / 4) }

    /// How far `candidate` is from `query` (folded): 0 when it contains it, else the edits
    /// from its start; nil beyond `limit`.
    private static func closeness(of query: [Character], to candidate: String, limit: Int) -> Int? {
        let folded = fold(candidate)
        if folded.contains(String(query)) { return 0 }
        if wordsAlike(String(query), folded) { return limit }
        // The start as long as the query, and a letter shorter or longer: one left out or
        // typed in addition is one edit, not one per letter after it. One table gives all
        // three: its last row holds the distance to every start (`editDistances`).
        let start = Array(folded.prefix(query.count + 1))
        let shortest = min(max(0, query.count - 1), start.count)
        let distance = editDistances(query, start)[shortest...].min() ?? .max
        return distance <= limit ? distance : nil
    }

    /// Whether `query` names `candidate` (both folded) with words left out or added: "Winnipeg
    /// strike" or "Winnipeg general strike of 1919" for "Winnipeg general strike" (QA 38: no
    /// close match, where the README reads "of 1919" as a form of the name). Added words are
    /// at most as many as the name has, so that "Strike" is not offered for every strike.
    static func wordsAlike(_ query: String, _ candidate: String) -> Bool {
        let queryWords = query.split(separator: " "), candidateWords = candidate.split(separator: " ")
        guard queryWords.count > 1, candidateWords.count > 1 else { return false }
        func isSubsequence(_ short: [Substring], of long: [Substring]) -> Bool {
            var rest = long[...]
            for word in short {
                guard let found = rest.firstIndex(of: word) else { return false }
                rest = rest[(found + 1)...]
            }
            return true
        }
        return isSubsequence(queryWords, of: candidateWords)
            || (candidateWords.count * 2 >= queryWords.count && isSubsequence(candidateWords, of: queryWords))
    }

    /// The first five of `scored`, each once, by distance and then in their order.
    private static func closest(_ scored: [(candidate: String, distance: Int)]) -> [String] {
        var seen: Set<String> = []
        return scored.enumerated().filter { seen.insert($0.element.candidate).inserted }
            .sorted { ($0.element.distance, $0.offset) < ($1.element.distance, $1.offset) }
            .prefix(5).map(\.element.candidate)
    }

    /// Case and diacritics dropped (a stroke too: đ is d, see `StrokedLetters`), and every
    /// dash and apostrophe made one, as search does (`SearchFolder`): a name that `search`
    /// finds is one `--item` finds too.
    public static func fold(_ text: String) -> String {
        // ASCII folds to itself lowercased: no diacritics, no strokes, and its dash and
        // apostrophe are the ones the others become. Without Foundation: folding each place's
        // name so was most of the time to suggest one (QA 28: a second a misspelt name in the
        // links file of an article with 60,000 items).
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            return String(decoding: text.utf8.map(SearchFolder.lowercased), as: UTF8.self)
        }
        // Characters that show nothing are left out, as names and mentions read them: `--item
        // Luddite` and a links file's "Luddite" name the entry "Lud\u{AD}dite". A no-break or
        // other space is a space, as mentions and search read it (QA 33: `--item "World War I"`
        // took "World War Index" over "World War\u{A0}I").
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        return String(String.UnicodeScalarView(folded.unicodeScalars.filter { !$0.isInvisible }
            .map { StrokedLetters.folded(SearchFolder.unifiedPunctuation($0)) }))
    }

    /// `fold` keeping accents: case dropped, every dash and apostrophe made one. A name
    /// equal so is the one typed, before one equal only once accents go (Мой for "Мои").
    static func caselessFold(_ text: String) -> String {
        let folded = text.folding(options: [.caseInsensitive], locale: nil)
        return String(String.UnicodeScalarView(folded.unicodeScalars.filter { !$0.isInvisible }.map(SearchFolder.unifiedPunctuation)))
    }

    /// Edit distance with adjacent transpositions (optimal string alignment): "Bcak" is one
    /// edit from "Back", as a person counts it.
    public static func editDistance<Letter: Equatable>(_ a: [Letter], _ b: [Letter]) -> Int {
        editDistances(a, b)[b.count]
    }

    /// The edit distances (as `editDistance`) from `a` to each start of `b`: element `j` is
    /// the distance to `b`'s first `j` characters. Three rows of the table are kept, not all
    /// of it: suggestions compare a name with every place of an article, which may have tens
    /// of thousands.
    static func editDistances<Letter: Equatable>(_ a: [Letter], _ b: [Letter]) -> [Int] {
        var beforeLast = [Int](repeating: 0, count: b.count + 1)
        var last = Array(0...b.count)
        var row = last
        for i in stride(from: 1, through: a.count, by: 1) {
            row[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                row[j] = min(last[j] + 1, row[j - 1] + 1, last[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    row[j] = min(row[j], beforeLast[j - 2] + 1)
                }
            }
            (beforeLast, last, row) = (last, row, beforeLast)
        }
        return last
    }
}
