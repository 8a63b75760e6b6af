import Content
import Foundation

/// One thing the go-to finder can jump to.
public struct FinderEntry: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case section
        case item(ItemKind)
        case bookmark
        /// Another article of the folder.
        case article

        /// How the finder's kind column names it.
        public var label: String {
            switch self {
            case .section: "section"
            case .item(let kind): kind.slug
            case .bookmark: "bookmark"
            case .article: "article"
            }
        }

        /// Its colour: as the rest of the explorer colours it (an article as the reader
        /// colours an article's title).
        var role: ColorRole {
            switch self {
            case .section: .section
            case .item(let kind): kind.role
            case .bookmark: .bookmark
            case .article: .title
            }
        }
    }

    public var kind: Kind
    public var title: String
    public var target: Target
    /// Shown dimmed after the title, not matched: a section's id where several sections have
    /// its heading (QA 28: ten "section  Background" rows, and no telling which Enter opens).
    public var detail: String? = nil
}

/// An entry the finder's query matches, and the characters it matched.
public struct FinderResult: Hashable, Sendable {
    public var entry: FinderEntry
    public var match: FuzzyMatcher.Match
}

/// The go-to finder's state: what is typed, which result is selected and which is the
/// first shown (kept, so that results do not move under the pointer when a click selects one).
public struct FinderState: Hashable, Sendable {
    /// What is typed, and where the cursor is in it.
    public var input = LineInput()
    public var selection = 0
    public var top = 0
    /// The entries matching the query, best first. Matched by `Explorer.update` when the
    /// query or the bookmarks change, and kept: matching every entry again for each screen
    /// drawn and each key that moves the selection doubled the time of every key.
    public internal(set) var results: [FinderResult] = []
    /// The query `results` were matched for; nil until they are.
    var matchedQuery: String?

    public var query: String { input.text }
}

/// Where the finder is drawn at a screen size: its box, centred near the top, with the
/// query on its second row and the results below a blank one.
struct FinderFrame {
    let box: Rect

    init(size: Size) {
        let width = min(max(size.width * 2 / 3, 40), size.width - 2, 90)
        // Rows below it show the reader underneath while it can spare them; on a short screen
        // it takes them all, down to the status line (at 40×12 it showed 2 results).
        let height = min(max(size.height - 6, 16), size.height - 2, 24)
        box = Rect(x: (size.width - width) / 2, y: 1, width: width, height: height)
    }

    /// The screen row of the first result shown.
    var firstRow: Int { box.y + 3 }
    /// How many results the box shows at once.
    var rows: Int { max(box.height - 4, 1) }

    /// The first result shown, moved just enough to show `selection`, and no further down than
    /// the last of `count` results at the bottom: the box never has empty rows below its results
    /// while some are above them (scrolled at a smaller size, it hid its first results).
    func top(_ top: Int, toShow selection: Int, of count: Int) -> Int {
        max(min(top, selection, count - rows), selection - rows + 1, 0)
    }

    /// The index of the result drawn at screen cell (x, y), if (x, y) is on a result row.
    func result(atX x: Int, y: Int, top: Int) -> Int? {
        guard x > box.x, x < box.x + box.width - 1, y >= firstRow, y < firstRow + rows else { return nil }
        return top + y - firstRow
    }
}

/// The finder's entries that do not change while an explorer runs (sections, topics,
/// articles), folded once: the finder matches every one of them on every keystroke, and a
/// folder can have ten thousand articles. Kept by one explorer, as its layouts are (`Memo`).
public final class FinderCache: Sendable {
    private let entries = Lazy<[(entry: FinderEntry, folded: [Character])]>()
    private let build: @Sendable () -> [FinderEntry]

    init(build: @escaping @Sendable () -> [FinderEntry]) { self.build = build }

    var foldedEntries: [(entry: FinderEntry, folded: [Character])] {
        entries.value {
            var folder = SearchFolder(caseSensitive: false)
            return build().map { ($0, FuzzyMatcher.fold($0.title, with: &folder)) }
        }
    }
}

extension Explorer {
    /// Sections, See-also topics, examples, strategies and, in a folder, the other articles.
    static func staticFinderEntries(model: LinkedArticle, neighbours: Neighbours) -> [FinderEntry] {
        // The lead is listed by the article's title, which a heading may have too. A namesake
        // says its id, as --section takes it; a long one, its place among the namesakes.
        let titles = [model.article.title] + model.article.sections.dropFirst().map(\.title)
        let counts = Dictionary(titles.map { ($0, 1) }, uniquingKeysWith: +)
        var seen: [String: Int] = [:]
        var entries = titles.indices.map { index in
            let title = titles[index]
            seen[title, default: 0] += 1
            let id = model.article.sections[index].id
            return FinderEntry(kind: .section, title: title, target: .section(index),
                               detail: namesakeDetail(id: id, namesakes: counts[title, default: 0], place: seen[title, default: 0]))
        }
        // A name listed twice in a kind is told apart as a heading is (QA 33: two rows alike).
        let itemCounts = Dictionary(model.items.map { ("\($0.kind.slug):\($0.name)", 1) }, uniquingKeysWith: +)
        var itemsSeen: [String: Int] = [:]
        for item in model.items {
            if let target = Target.node(item.id, in: model) {
                let key = "\(item.kind.slug):\(item.name)"
                itemsSeen[key, default: 0] += 1
                entries.append(FinderEntry(kind: .item(item.kind), title: item.name, target: target,
                                           detail: namesakeDetail(id: item.id, namesakes: itemCounts[key, default: 0], place: itemsSeen[key, default: 0])))
            }
        }
        for title in neighbours.titles where title != model.article.title {
            entries.append(FinderEntry(kind: .article, title: title, target: .article(title)))
        }
        return entries
    }

    /// What tells a row apart from its namesakes (`namesakes` rows of one title, this one the
    /// `place`-th): its id, as --section and --item take it, or, a long id, its place among
    /// them; nothing when its title is its own.
    static func namesakeDetail(id: String, namesakes: Int, place: Int) -> String? {
        namesakes < 2 ? nil : id.count <= 20 ? id : "#\(place)"
    }

    /// Everything the finder offers: the static entries and the bookmarks that can be
    /// followed (this article's, and in a folder those of the other articles).
    func finderEntries(_ state: AppState) -> [(entry: FinderEntry, folded: [Character])] {
        var entries = finderCache.foldedEntries
        for bookmark in state.bookmarks {
            guard let target = bookmark.target else { continue }
            let place = bookmark.articleTitle == model.article.title ? bookmark.path : bookmark.articleTitle + " › " + bookmark.path
            let title = place + (bookmark.note.map { " — " + $0 } ?? "")
            entries.append((FinderEntry(kind: .bookmark, title: title, target: target), FuzzyMatcher.fold(title)))
        }
        return entries
    }

    /// The finder's results, as last matched (none while it is closed).
    public func finderResults(_ state: AppState) -> [FinderResult] { state.finder?.results ?? [] }

    /// The entries matching the finder's query, best first. Among equal scores the shorter
    /// title comes first, as fzf's default tie-break does (typing "beta" puts "Beta" above
    /// "Beta strategy"), then the one whose matched letters are the typed ones, accents and
    /// all (typing "Мои" puts "Мои" above "Мой", which only folding makes alike, as `--section`
    /// prefers the name typed exactly), then the article's order. An empty query keeps the
    /// article's order.
    func matchFinderEntries(_ state: AppState) -> [FinderResult] {
        let query = state.finder?.query ?? ""
        let needle = FuzzyMatcher.needle(query)
        var scored: [(order: Int, length: Int, entry: FinderEntry, match: FuzzyMatcher.Match)] = []
        for (order, candidate) in finderEntries(state).enumerated() {
            if let match = FuzzyMatcher.match(needle: needle, in: candidate.folded) {
                scored.append((order, needle.isEmpty ? 0 : candidate.folded.count, candidate.entry, match))
            }
        }
        scored.sort { left, right in
            (-left.match.score, left.length, left.order) < (-right.match.score, right.length, right.order)
        }
        // Accents are compared within ties only: most queries have none, and the titles are
        // kept folded, so reading each matched title again would slow every key.
        var start = scored.startIndex
        while start < scored.endIndex {
            let tie = { (index: Int) in scored[index].match.score == scored[start].match.score && scored[index].length == scored[start].length }
            let end = scored[start...].indices.first { !tie($0) } ?? scored.endIndex
            if end - start > 1 {
                let typed = FuzzyMatcher.typedLetters(query)
                let ranked = scored[start..<end].enumerated()
                    .map { (offset: $0.offset, element: $0.element, differing: FuzzyMatcher.differingLetters(typed, $0.element.match, in: $0.element.entry.title)) }
                    .sorted { ($0.differing, $0.offset) < ($1.differing, $1.offset) }
                scored.replaceSubrange(start..<end, with: ranked.map(\.element))
            }
            start = end
        }
        return scored.map { FinderResult(entry: $0.entry, match: $0.match) }
    }
}
