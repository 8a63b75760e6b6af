import Foundation

/// A word of running text, folded for matching (lowercase, no diacritics, one apostrophe),
/// with where it starts in the original text.
struct Token {
    var folded: String
    var start: String.Index
    var end: String.Index
}

/// Splits text into words for mention matching. Hyphens and dashes separate words, so
/// "Marxism-Leninism" and "Marxism–Leninism" give the same tokens.
enum Tokenizer {
    static func tokens(in text: String, folder: inout ScalarFolder) -> [Token] {
        var tokens: [Token] = []
        var current = String.UnicodeScalarView()
        var currentStart = text.startIndex
        var currentEnd = text.startIndex
        var index = text.unicodeScalars.startIndex
        let scalars = text.unicodeScalars
        while index < scalars.endIndex {
            let scalar = scalars[index]
            if isWordScalar(scalar) {
                if current.isEmpty { currentStart = index }
                folder.fold(scalar, into: &current)
            } else if isApostrophe(scalar), !current.isEmpty {
                current.append("'")
            } else if !current.isEmpty {
                tokens.append(finish(current, start: currentStart, end: index))
                current = String.UnicodeScalarView()
            }
            if !current.isEmpty, !isApostrophe(scalar) { currentEnd = scalars.index(after: index) }
            index = scalars.index(after: index)
        }
        if !current.isEmpty { tokens.append(finish(current, start: currentStart, end: currentEnd)) }
        return tokens
    }

    static func tokens(in text: String) -> [String] {
        var folder = ScalarFolder()
        return tokens(in: text, folder: &folder).map(\.folded)
    }

    private static func finish(_ word: String.UnicodeScalarView, start: String.Index, end: String.Index) -> Token {
        var word = word
        while word.last == "'" { word.removeLast() }
        return Token(folded: String(word), start: start, end: end)
    }

    @inline(__always)
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
        }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
            || scalar.properties.generalCategory == .nonspacingMark
    }

    @inline(__always)
    static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "'" || scalar == "\u{2019}" || scalar == "\u{02BC}"
    }
}

/// Lowercases and strips diacritics one scalar at a time, caching the non-ASCII answers:
/// folding every word through Foundation would dominate the time to link a large corpus.
struct ScalarFolder {
    private var cache: [Unicode.Scalar: [Unicode.Scalar]] = [:]

    mutating func fold(_ scalar: Unicode.Scalar, into word: inout String.UnicodeScalarView) {
        if scalar.isASCII {
            let value = scalar.value
            word.append((0x41...0x5A).contains(value) ? Unicode.Scalar(UInt8(value + 0x20)) : scalar)
            return
        }
        if let cached = cache[scalar] {
            word.append(contentsOf: cached)
            return
        }
        let folded = String(scalar).folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
            .unicodeScalars.filter { $0.properties.generalCategory != .nonspacingMark }.map { $0 }
        cache[scalar] = folded
        word.append(contentsOf: folded)
    }
}

/// The spellings under which a topic may be mentioned.
public enum Aliases {
    /// `name`, the name without a trailing parenthetical, and simple inflections of the last
    /// word of each (Libya/Libyan, syndicalism/syndicalist, Bolshevik/Bolsheviks), as token
    /// sequences. Dash and hyphen variants need no entry: the tokenizer treats them alike.
    public static func tokenSequences(for name: String) -> [[String]] {
        var bases = [name]
        if let open = name.lastIndex(of: "("), name.hasSuffix(")") {
            let bare = name[..<open].trimmingCharacters(in: .whitespaces)
            if !bare.isEmpty { bases.append(bare) }
        }
        var sequences: [[String]] = []
        var seen: Set<[String]> = []
        for base in bases {
            let tokens = Tokenizer.tokens(in: base)
            guard let last = tokens.last else { continue }
            for variant in inflections(of: last) {
                let sequence = tokens.dropLast() + [variant]
                if isMeaningful(sequence), seen.insert(Array(sequence)).inserted {
                    sequences.append(Array(sequence))
                }
            }
        }
        return sequences
    }

    static func inflections(of word: String) -> [String] {
        var forms = [word]
        guard word.count >= 4, word.allSatisfy({ $0.isLetter }) else { return forms }
        func stem(_ suffix: String) -> String { String(word.dropLast(suffix.count)) }
        forms += [word + "s", word + "es"]
        if word.hasSuffix("s") { forms.append(stem("s")) }
        if word.hasSuffix("ism") { forms += [stem("ism") + "ist", stem("ism") + "ists"] }
        if word.hasSuffix("ist") { forms += [stem("ist") + "ism", stem("ist") + "ists"] }
        if word.hasSuffix("a") { forms += [word + "n", word + "ns"] }
        if word.hasSuffix("an") { forms.append(stem("n")) }
        if word.hasSuffix("y") { forms.append(stem("y") + "ies") }
        return forms
    }

    static let stopWords: Set<String> = ["the", "a", "an", "and", "or", "of", "in", "on", "to", "is", "it", "as", "at", "by"]

    static func isMeaningful(_ sequence: ArraySlice<String>) -> Bool {
        let letters = sequence.reduce(0) { $0 + $1.count }
        return letters >= 3 && !(sequence.count == 1 && stopWords.contains(sequence[sequence.startIndex]))
    }
}
