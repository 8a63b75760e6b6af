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
    /// byte; other scalars go through `ScalarFolder`'s cache. The bytes are read from the
    /// string's contiguous buffer by offset (see `TokenScanner`).
    static func tokens(in text: String, folder: inout ScalarFolder) -> [Token] {
        var scanner = TokenScanner(text: text)
        var contiguous = text
        contiguous.withUTF8 { scanner.scan($0, folder: &folder) }
        return scanner.tokens
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

/// The state of one `Tokenizer.tokens` call. Offsets into the UTF-8 become `String.Index`es
/// only where a token starts or ends: walking `text.utf8` index by index took about twice
/// the instructions.
private struct TokenScanner {
    let text: String
    var tokens: [Token] = []
    /// The folded word being read, and where it starts and ends (UTF-8 offsets).
    private var word: [UInt8] = []
    private var start = 0
    private var end = 0

    init(text: String) {
        self.text = text
        word.reserveCapacity(32)
    }

    mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>, folder: inout ScalarFolder) {
        var offset = 0
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte < 0x80 {
                if (0x30...0x39).contains(byte) || (0x61...0x7A).contains(byte) || (0x41...0x5A).contains(byte) {
                    if word.isEmpty { start = offset }
                    word.append(SearchFolder.lowercased(byte))
                    end = offset + 1
                } else if byte == 0x27, !word.isEmpty {
                    word.append(0x27)
                } else if !word.isEmpty {
                    finish()
                }
                offset += 1
                continue
            }
            let scalar = text.unicodeScalars[index(offset)]
            let next = offset + UTF8.width(scalar)
            if Tokenizer.isWordScalar(scalar) {
                if word.isEmpty { start = offset }
                folder.fold(scalar, into: &word)
                end = next
            } else if Tokenizer.isApostrophe(scalar), !word.isEmpty {
                word.append(0x27)
            } else if !word.isEmpty {
                finish()
            }
            offset = next
        }
        finish()
    }

    private mutating func finish() {
        while word.last == 0x27 { word.removeLast() }
        if !word.isEmpty { tokens.append(Token(folded: String(decoding: word, as: UTF8.self), start: index(start), end: index(end))) }
        word.removeAll(keepingCapacity: true)
    }

    private func index(_ offset: Int) -> String.Index {
        text.utf8.index(text.utf8.startIndex, offsetBy: offset)
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

    /// Whether a name is long enough to be looked for: three letters, or two ideographs,
    /// kana or Hangul syllables, each a syllable or a word ("東京", "北京"). Two Latin letters
    /// are not: matched without case, "US" would be every "us".
    static func isMeaningful(_ sequence: ArraySlice<String>) -> Bool {
        // By scalar: folded tokens have no combining marks, and this runs for every alias of
        // every item at start-up, where walking graphemes cost a tenth of a millisecond.
        let letters = sequence.reduce(0) { total, token in total + token.unicodeScalars.reduce(0) { $0 + (isSyllabic($1) ? 2 : 1) } }
        return letters >= 3 && !(sequence.count == 1 && stopWords.contains(sequence[sequence.startIndex]))
    }

    static func isSyllabic(_ scalar: Unicode.Scalar) -> Bool {
        // Nothing below the CJK radicals (U+2E80) is: most text is decided by this comparison.
        scalar.value >= 0x2E80
            && (scalar.properties.isIdeographic || (0x3040...0x30FF).contains(scalar.value) || (0xAC00...0xD7A3).contains(scalar.value))
    }
}
