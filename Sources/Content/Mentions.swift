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
    /// One pass over the UTF-8 bytes: ASCII (most of any English article) is folded byte by
    /// byte; other scalars go through `ScalarFolder`'s cache.
    static func tokens(in text: String, folder: inout ScalarFolder) -> [Token] {
        var tokens: [Token] = []
        var word: [UInt8] = []
        word.reserveCapacity(32)
        var start = text.startIndex
        var end = text.startIndex
        let utf8 = text.utf8
        let scalars = text.unicodeScalars

        func finish() {
            while word.last == 0x27 { word.removeLast() }
            if !word.isEmpty { tokens.append(Token(folded: String(decoding: word, as: UTF8.self), start: start, end: end)) }
            word.removeAll(keepingCapacity: true)
        }

        var index = utf8.startIndex
        while index < utf8.endIndex {
            let byte = utf8[index]
            if byte < 0x80 {
                let next = utf8.index(after: index)
                if (0x30...0x39).contains(byte) || (0x61...0x7A).contains(byte) || (0x41...0x5A).contains(byte) {
                    if word.isEmpty { start = index }
                    word.append((0x41...0x5A).contains(byte) ? byte + 0x20 : byte)
                    end = next
                } else if byte == 0x27, !word.isEmpty {
                    word.append(0x27)
                } else if !word.isEmpty {
                    finish()
                }
                index = next
                continue
            }
            let scalar = scalars[index]
            let next = scalars.index(after: index)
            if isWordScalar(scalar) {
                if word.isEmpty { start = index }
                folder.fold(scalar, into: &word)
                end = next
            } else if isApostrophe(scalar), !word.isEmpty {
                word.append(0x27)
            } else if !word.isEmpty {
                finish()
            }
            index = next
        }
        finish()
        return tokens
    }

    static func tokens(in text: String) -> [String] {
        var folder = ScalarFolder()
        return tokens(in: text, folder: &folder).map(\.folded)
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
    private var cache: [Unicode.Scalar: [UInt8]] = [:]

    /// Appends the folded UTF-8 of a non-ASCII scalar to `word`.
    mutating func fold(_ scalar: Unicode.Scalar, into word: inout [UInt8]) {
        if let cached = cache[scalar] {
            word.append(contentsOf: cached)
            return
        }
        let folded = String(scalar).folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
            .unicodeScalars.filter { $0.properties.generalCategory != .nonspacingMark }
        let bytes = Array(String(String.UnicodeScalarView(folded)).utf8)
        cache[scalar] = bytes
        word.append(contentsOf: bytes)
    }
}

/// The spellings under which a topic may be mentioned.
public enum Aliases {
    /// `name`, the name without a trailing parenthetical, and simple inflections of the last
    /// word of each (Libya/Libyan, syndicalism/syndicalist, Bolshevik/Bolsheviks), as token
    /// sequences. Dash and hyphen variants need no entry: the tokenizer treats them alike.
    public static func tokenSequences(for name: String) -> [[String]] {
        var folder = ScalarFolder()
        return tokenSequences(for: name, folder: &folder)
    }

    static func tokenSequences(for name: String, folder: inout ScalarFolder) -> [[String]] {
        var bases = [name]
        if let open = name.lastIndex(of: "("), name.hasSuffix(")") {
            let bare = name[..<open].trimmingSpaces()
            if !bare.isEmpty { bases.append(bare) }
        }
        var sequences: [[String]] = []
        var seen: Set<[String]> = []
        for base in bases {
            let tokens = Tokenizer.tokens(in: base, folder: &folder).map(\.folded)
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
