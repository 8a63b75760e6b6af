import Content

/// fzf-style fuzzy matching for the go-to finder: every query character must appear in
/// order; runs of consecutive characters and matches at word starts score higher, gaps and
/// late starts lower. Case, diacritics and the kind of dash are ignored, as search ignores them.
public enum FuzzyMatcher {
    public struct Match: Hashable, Sendable {
        public var score: Int
        /// Character offsets of the matched characters in the candidate.
        public var positions: [Int]
    }

    static let consecutiveBonus = 16
    static let wordStartBonus = 12
    static let firstCharacterBonus = 8
    static let gapPenalty = 1

    public static func match(_ query: String, in candidate: String) -> Match? {
        match(needle: needle(query), in: fold(candidate))
    }

    /// The query as `match(needle:in:)` takes it: folded, spaces dropped.
    public static func needle(_ query: String) -> [Character] { fold(query).filter { $0 != " " } }

    /// Matching on folded text, so that a caller with many candidates folds each one once.
    ///
    /// The match is the best of the greedy matches (`greedy`) that start where the needle's
    /// first character occurs, the earliest among equals. Found in one pass from the end, in
    /// time proportional to the candidate's length times the needle's: trying each start in
    /// turn scanned to the end from each, and took half a minute for a See-also item named
    /// by 60,000 characters of text (a bookmark's note or an item with no dash can be that long).
    public static func match(needle: [Character], in haystack: [Character]) -> Match? {
        guard !needle.isEmpty else { return Match(score: 0, positions: []) }
        guard haystack.count >= needle.count, let start = bestStart(needle, in: haystack) else { return nil }
        return greedy(needle, in: haystack, from: start)
    }

    /// The start of the best greedy match, by what `greedy` scores. From (needle character k
    /// at position p), greedy goes on at the nearest occurrence of character k + 1 after p,
    /// so what it scores from there depends on (k, p) alone: sweeping the haystack from its
    /// end, `next[k]` is the nearest occurrence of needle character k seen so far, and
    /// `rest[k]` what greedy scores from it (nil when the rest of the needle does not follow).
    static func bestStart(_ needle: [Character], in haystack: [Character]) -> Int? {
        // Most candidates do not match at all: one forward scan turns them away.
        var matched = 0
        for character in haystack where character == needle[matched] {
            matched += 1
            if matched == needle.count { break }
        }
        guard matched == needle.count else { return nil }
        var next = [Int?](repeating: nil, count: needle.count)
        var rest = [Int?](repeating: nil, count: needle.count)
        var best: (score: Int, start: Int)?
        for position in haystack.indices.reversed() {
            // Increasing k: character k's score uses character k + 1's occurrence after this
            // position, before this position becomes that occurrence (a needle "aa").
            for k in needle.indices where needle[k] == haystack[position] {
                let own = ownScore(at: position, in: haystack)
                let score: Int?
                if k + 1 == needle.count {
                    score = own
                } else if let following = next[k + 1], let after = rest[k + 1] {
                    score = own + link(from: position, to: following) + after
                } else {
                    score = nil
                }
                next[k] = position
                rest[k] = score
                if k == 0, let score {
                    let total = score - min(position, 8)
                    if best == nil || total >= best!.score { best = (total, position) }
                }
            }
        }
        return best?.start
    }

    /// What a matched character at `index` scores by itself: more at the start and at a word's.
    static func ownScore(at index: Int, in haystack: [Character]) -> Int {
        var score = 1
        if index == 0 { score += firstCharacterBonus }
        if index == 0 || !(haystack[index - 1].isLetter || haystack[index - 1].isNumber) { score += wordStartBonus }
        return score
    }

    /// What matching the next character at `index` after one at `last` scores for the two
    /// together: a bonus when they are adjacent, a penalty for the gap (at most 8) when not.
    static func link(from last: Int, to index: Int) -> Int {
        index == last + 1 ? consecutiveBonus : -gapPenalty * min(index - last - 1, 8)
    }

    static func greedy(_ needle: [Character], in haystack: [Character], from start: Int) -> Match? {
        var positions: [Int] = []
        var score = 0
        var index = start
        for character in needle {
            while index < haystack.count, haystack[index] != character { index += 1 }
            guard index < haystack.count else { return nil }
            score += positions.last.map { link(from: $0, to: index) } ?? -min(index, 8)
            score += ownScore(at: index, in: haystack)
            positions.append(index)
            index += 1
        }
        return Match(score: score, positions: positions)
    }

    /// The query's characters as typed, lowercased, one for each of the needle's (spaces
    /// dropped): what `differingLetters` compares the matched characters with.
    static func typedLetters(_ query: String) -> [String] {
        query.filter { $0 != " " }.map { $0.lowercased() }
    }

    /// How many of `match`'s characters in `title` are letters other than the ones typed
    /// (`typedLetters`), case aside: the same letter only once folded, as й is и and é is e.
    static func differingLetters(_ typed: [String], _ match: Match, in title: String) -> Int {
        let characters = Array(title)
        return zip(typed, match.positions).reduce(0) { count, pair in
            guard pair.1 < characters.count else { return count }
            let found = characters[pair.1]
            return count + (found.isLetter && found.lowercased() != pair.0 ? 1 : 0)
        }
    }

    /// `text` folded as search folds it (`SearchFolder`): case, diacritics and the kind of
    /// dash aside, so that "Marxism-Leninism" finds "Marxism–Leninism" here as `/` and
    /// `--item` find it (the finder had a fold of its own, which kept dashes). One character
    /// for each of the text's, so that matched positions are the title's characters.
    public static func fold(_ text: String) -> [Character] {
        var folder = SearchFolder(caseSensitive: false)
        return fold(text, with: &folder)
    }

    /// `fold(_:)` with a folder kept across texts, which remembers the scalars it has folded.
    static func fold(_ text: String, with folder: inout SearchFolder) -> [Character] {
        // ASCII (most titles) byte by byte: only its case folds.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            return text.utf8.map { Character(Unicode.Scalar(SearchFolder.lowercased($0))) }
        }
        return text.map { character in
            String(String.UnicodeScalarView(character.unicodeScalars.flatMap { folder.fold($0) })).first ?? character
        }
    }
}
