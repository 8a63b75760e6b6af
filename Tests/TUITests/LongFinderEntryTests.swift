import Content
import Foundation
import Testing
@testable import TUI

/// The go-to finder on an entry as long as a paragraph. A See-also item with no dash is named
/// by its whole text, and a bookmark's entry includes its note, so an entry can be thousands
/// of characters long. The matcher tried a greedy match from every place the query's first
/// character occurs, each scanning to the end: quadratic in the entry's length, 28 seconds
/// for `ab` against 60,000 a's and a b.
@Suite("The finder on a long entry")
struct LongFinderEntryTests {
    /// 200,000 a's and a b: minutes with the quadratic matcher, a fraction of a second now.
    @Test(.timeLimit(.minutes(1)))
    func typingAtTheFinderMatchesAVeryLongItemInLinearTime() throws {
        let length = 200_000
        let name = String(repeating: "a", count: length) + "b"
        let model = try LinkedArticle(article: ArticleParser().parse("""
            = Long =

            Intro.

            == See also ==
            - \(name)
            """, path: "long.txt"))
        let explorer = Explorer(model: model)
        var state = explorer.update(explorer.initialState(size: Size(width: 100, height: 30)), .command(.goTo))
        for character in "ab" { state = explorer.update(state, explorer.action(for: .key(.character(character)), in: state)) }
        let results = explorer.finderResults(state)
        #expect(results.map(\.entry.title) == [name])
        // As before: the greedy match from the first "a" scores best (the word's start).
        #expect(results.first?.match.positions == [0, length])
        // Its last matched letter, the b, is shown: the start gives way (QA 30).
        #expect(explorer.render(state).text.contains("see-also …aaaa") && explorer.render(state).text.contains("aaab │"))
    }

    /// The results are matched when the query or the bookmarks change, not when drawn: a
    /// bookmark loaded while the finder is open is found, by its note, however long.
    @Test(.timeLimit(.minutes(1)))
    func aBookmarkLoadedWhileTheFinderIsOpenIsFoundByItsLongNote() throws {
        let explorer = Explorer(model: bundledModel, bookmarks: true)
        var state = explorer.update(explorer.initialState(size: Size(width: 100, height: 30)), .command(.goTo))
        for character in "zb" { state = explorer.update(state, explorer.action(for: .key(.character(character)), in: state)) }
        #expect(explorer.finderResults(state).isEmpty)
        let note = String(repeating: "z", count: 200_000) + "b"
        let mark = BookmarkEntry(id: 1, articleTitle: bundledModel.article.title, path: "Background", note: note,
                                 createdAt: Date(timeIntervalSince1970: 0), target: .section(1), section: 1, item: nil,
                                 isOrphaned: false)
        state = explorer.update(state, .bookmarksLoaded([mark], notice: nil))
        #expect(explorer.finderResults(state).map(\.entry.kind) == [.bookmark])
        #expect(explorer.render(state).text.contains("bookmark …zzzz") && explorer.render(state).text.contains("zzzb │"))
    }

    /// The old matcher, kept to check the new one against: a greedy match from each place the
    /// first character occurs, the best (the earliest among equals).
    static func everyGreedyStart(_ needle: [Character], in haystack: [Character]) -> FuzzyMatcher.Match? {
        guard !needle.isEmpty else { return FuzzyMatcher.Match(score: 0, positions: []) }
        var best: FuzzyMatcher.Match?
        for start in haystack.indices where haystack[start] == needle[0] {
            guard let match = FuzzyMatcher.greedy(needle, in: haystack, from: start) else { break }
            if best == nil || match.score > best!.score { best = match }
        }
        return best
    }

    /// The same match, score and positions, as trying every start gave: the ranking is unchanged.
    @Test func theMatchIsTheOneEveryGreedyStartGave() {
        let queries = ["a", "ab", "aa", "aba", "b a", "ca", "a-b", "bca", "aaa", "abc", "-a"]
        // Every text of up to six characters of "ab -", and a few longer ones.
        var texts = ["cab ab", "abcabc", "a.b.c.a.b", "xx aaab", "ba-ab ab aab b a"]
        var level = [""]
        for _ in 1...6 {
            level = level.flatMap { text in "ab -".map { text + String($0) } }
            texts += level
        }
        for text in texts {
            for query in queries {
                let needle = FuzzyMatcher.needle(query), haystack = FuzzyMatcher.fold(text)
                #expect(FuzzyMatcher.match(needle: needle, in: haystack) == Self.everyGreedyStart(needle, in: haystack),
                        "\(query) in \(text)")
            }
        }
        for title in bundledModel.items.map(\.name) + bundledModel.article.sections.map(\.title) {
            for query in ["mun", "cb", "marx len", "octrev", "rev", "soviet", "ia", "s"] {
                let needle = FuzzyMatcher.needle(query), haystack = FuzzyMatcher.fold(title)
                #expect(FuzzyMatcher.match(needle: needle, in: haystack) == Self.everyGreedyStart(needle, in: haystack),
                        "\(query) in \(title)")
            }
        }
    }

    /// QA 30: a result cut where its matched letters lie past the cut showed no sign of why it
    /// matched ("example  Republic of Kosova and the Autonomous P…" for "metohija"). It is cut
    /// at its start too, so that they show; one that matches early is cut at its end as before.
    @Test func aCutResultShowsItsMatch() throws {
        let explorer = makeExplorer()
        func row(_ query: String, width: Int = 80) -> String {
            var state = explorer.update(explorer.initialState(size: Size(width: width, height: 24)), .command(.goTo))
            for character in query { state = explorer.update(state, explorer.action(for: .key(.character(character)), in: state)) }
            return explorer.render(state).text.split(separator: "\n").first { $0.contains("example ") } .map(String.init) ?? ""
        }
        let late = row("metohija")
        #expect(late.contains("…") && late.contains("Metohija"), "\(late)")
        let early = row("republic of kos")
        #expect(early.contains("Republic of Kos"), "\(early)")
        #expect(Explorer.shownStart(of: "abcdefghij", room: 6, lastMatch: 1) == 0)
        #expect(Explorer.shownStart(of: "abcdefghij", room: 6, lastMatch: 9) == 5, "…fghij")
        #expect(Explorer.shownStart(of: "abcdefghij", room: 6, lastMatch: 5) == 5, "…fghi…: the match and three after it")
    }
}
