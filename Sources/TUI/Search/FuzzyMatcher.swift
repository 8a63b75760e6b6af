/// fzf-style fuzzy matching for the go-to finder: every query character must appear in
/// order; runs of consecutive characters and matches at word starts score higher, gaps and
/// late starts lower. Case and diacritics are ignored.
public enum FuzzyMatcher {
    public struct Match: Equatable, Sendable {
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
    public static func match(needle: [Character], in haystack: [Character]) -> Match? {
        guard !needle.isEmpty else { return Match(score: 0, positions: []) }
        guard haystack.count >= needle.count else { return nil }
        var best: Match?
        // Greedy from every place the first character occurs; keep the best. Candidates are
        // titles, so the quadratic worst case is small.
        for start in haystack.indices where haystack[start] == needle[0] {
            guard let match = greedy(needle, in: haystack, from: start) else { break }
            if best == nil || match.score > best!.score { best = match }
        }
        return best
    }

    static func greedy(_ needle: [Character], in haystack: [Character], from start: Int) -> Match? {
        var positions: [Int] = []
        var score = 0
        var index = start
        for character in needle {
            while index < haystack.count, haystack[index] != character { index += 1 }
            guard index < haystack.count else { return nil }
            if let last = positions.last {
                score += index == last + 1 ? consecutiveBonus : -gapPenalty * min(index - last - 1, 8)
            } else {
                score -= min(index, 8)
            }
            if index == 0 { score += firstCharacterBonus }
            if index == 0 || !(haystack[index - 1].isLetter || haystack[index - 1].isNumber) { score += wordStartBonus }
            score += 1
            positions.append(index)
            index += 1
        }
        return Match(score: score, positions: positions)
    }

    public static func fold(_ text: String) -> [Character] {
        // ASCII (most titles) without Foundation: the finder folds every title per keystroke.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            return text.utf8.map { Character(Unicode.Scalar(($0 >= 0x41 && $0 <= 0x5A) ? $0 + 0x20 : $0)) }
        }
        return text.map { character in
            let base = String(character).decomposedStringWithCanonicalMapping.unicodeScalars
                .filter { $0.properties.generalCategory != .nonspacingMark }
            return Character(String(String.UnicodeScalarView(base)).lowercased().first.map(String.init) ?? String(character))
        }
    }
}

import Foundation
