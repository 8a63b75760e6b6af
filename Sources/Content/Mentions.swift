import Foundation

/// A word of running text, folded for matching (lowercase, no diacritics, one apostrophe),
/// with where it starts in the original text.
struct Token {
    var folded: String
    var start: String.Index
    var end: String.Index
}

/// Splits text into words for mention matching. Hyphens and dashes separate words, so
/// "Marxism-Leninism" and "Marxism–Leninism" give the same tokens. Two kinds of token are
/// not words between non-letters:
/// - each Han ideograph, hiragana or katakana is a token of its own: these scripts put no
///   spaces between words, so "首都は東京です" is read 首·都·は·東·京·で·す and holds the name
///   東京 (as one run of letters it held no name at all);
/// - an emoji or other symbol (with its modifiers and joiners: one grapheme) is a token, so a
///   name "Flag 🇫🇷" needs its flag, and "flag" alone mentions no flag.
///
/// And some words are not prose, and hold no names: each is one token, which only the same
/// word matches ("…/wiki/Analytical_Engine_notes" mentioned "Analytical Engine"):
/// - a URL, from its scheme ("https://") or "www." to the next space, without the
///   punctuation that ends a sentence or closes a bracket after it;
/// - a path: a word that starts with "/", "~/", "./" or "../", or has two "/" or more between
///   letters ("docs/fuel_cell/README"). One slash between two words is prose ("and/or",
///   "Marxism/Leninism"), read as two words;
/// - an identifier joined by "_" ("fuel_cell", "my_Analytical_Engine_v2").
/// A letter's "+", "++" or "#" after it is part of its word, when no letter or digit follows:
/// "C++", "C#", "F#" and "Notepad++" are names, "a+b" and "#hashtag" are two words and one.
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

    /// Han ideographs (and 々), hiragana and katakana, halfwidth too: letters of scripts
    /// written without spaces between words, each one a token.
    @inline(__always)
    static func isUnspaced(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        // Nothing below the CJK radicals (U+2E80) is: most text is decided by this comparison.
        guard value >= 0x2E80 else { return false }
        return (0x3040...0x30FF).contains(value) || (0x31F0...0x31FF).contains(value) || (0xFF66...0xFF9F).contains(value)
            || value == 0x3005 || scalar.properties.isIdeographic
    }

    /// An emoji or another symbol (★, ☭, °: category So), which a mention must have where
    /// the name has it. Not ©, ® and ™ (nor ℠), which say who owns a name rather than what it
    /// is: "Windows®" is mentioned as "Windows". Nor mathematical symbols (Sm), which include
    /// the minus sign that dashes are read as ("Marxism−Leninism") and the fullwidth forms of
    /// ASCII separators ("～", "＋").
    static func isSymbol(_ scalar: Unicode.Scalar) -> Bool {
        !scalar.isASCII && scalar.properties.generalCategory == .otherSymbol && !ownershipMarks.contains(scalar.value)
    }

    static let ownershipMarks: Set<UInt32> = [0xA9, 0xAE, 0x2120, 0x2122]

    /// Variation selectors 15 and 16 choose how a symbol looks (text or emoji), not which it
    /// is: "❤️" mentions "❤".
    @inline(__always)
    static func isPresentationSelector(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value == 0xFE0E || scalar.value == 0xFE0F
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
    /// Whether the word is one ideograph or kana, which ends at the next scalar that is not
    /// a combining mark (see `Tokenizer.isUnspaced`).
    private var single = false
    /// Where the run of characters other than ASCII whitespace being read starts (UTF-8
    /// offset): the word a path is.
    private var chunkStart = 0
    /// Where the last apostrophe put in `word` is (UTF-8 offset): a possessive's "'s" is cut
    /// there (see `finish`).
    private var apostrophe = 0

    init(text: String) {
        self.text = text
        word.reserveCapacity(32)
    }

    mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>, folder: inout ScalarFolder) {
        var offset = 0
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte < 0x80 {
                if single { finish() }
                if (0x30...0x39).contains(byte) || (0x61...0x7A).contains(byte) || (0x41...0x5A).contains(byte) {
                    if word.isEmpty { start = offset }
                    word.append(SearchFolder.lowercased(byte))
                    end = offset + 1
                } else if byte == 0x20 {
                    // The commonest byte between words, first: the tests below are for rarer ones.
                    chunkStart = offset + 1
                    if !word.isEmpty { finish() }
                } else if byte == 0x27, !word.isEmpty {
                    takeApostrophe(at: offset)
                } else if let span = unworded(at: offset, in: bytes) {
                    takeWhole(span, of: bytes)
                    offset = span.upperBound
                    continue
                } else if let suffixEnd = Self.symbolSuffixEnd(at: offset, after: word, in: bytes) {
                    word.append(contentsOf: bytes[offset..<suffixEnd])
                    end = suffixEnd
                    offset = suffixEnd
                    continue
                } else if byte == 0x5F, !word.isEmpty, offset + 1 < bytes.count, bytes[offset + 1] != 0x5F,
                          Self.isWordByte(bytes[offset + 1]) {
                    word.append(0x5F)
                } else {
                    if Self.isSpace(byte) { chunkStart = offset + 1 }
                    if !word.isEmpty { finish() }
                }
                offset += 1
                continue
            }
            let scalar = text.unicodeScalars[index(offset)]
            let next = offset + UTF8.width(scalar)
            // A soft hyphen or zero-width space inside a word is no break in it: the word
            // goes on after it (see `Unicode.Scalar.isInvisible`).
            if scalar.isInvisible {
                offset = next
                continue
            }
            if single, scalar.properties.generalCategory != .nonspacingMark { finish() }
            if Tokenizer.isUnspaced(scalar) {
                finish()
                start = offset
                folder.fold(scalar, into: &word)
                end = next
                single = true
            } else if Tokenizer.isWordScalar(scalar) {
                if word.isEmpty { start = offset }
                folder.fold(scalar, into: &word)
                end = next
            } else if Tokenizer.isApostrophe(scalar), !word.isEmpty {
                takeApostrophe(at: offset)
            } else if Tokenizer.isSymbol(scalar) {
                finish()
                offset = symbol(at: offset)
                continue
            } else if !word.isEmpty {
                finish()
            }
            offset = next
        }
        finish()
    }

    /// The URL or path that the ":", "." or "/" at `offset` shows the text to have there (see
    /// `Tokenizer`), or nil.
    private func unworded(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        switch bytes[offset] {
        case UInt8(ascii: ":"):
            // "https://": a scheme of letters, then "//" and more.
            guard offset + 3 < bytes.count, bytes[offset + 1] == 0x2F, bytes[offset + 2] == 0x2F, !Self.isSpace(bytes[offset + 3]),
                  !word.isEmpty, word.allSatisfy({ (0x61...0x7A).contains($0) }) else { return nil }
            return start..<Self.endOfWord(from: offset, in: bytes)
        case UInt8(ascii: "."):
            guard word.elementsEqual("www".utf8), offset + 1 < bytes.count, Self.isWordByte(bytes[offset + 1]) else { return nil }
            return start..<Self.endOfWord(from: offset, in: bytes)
        case UInt8(ascii: "/"):
            return path(around: offset, in: bytes)
        default:
            return nil
        }
    }

    /// The path that holds the "/" at `slash`: the run of characters other than spaces
    /// around it, past the brackets and quotes that open it, when it starts with "/", "~/",
    /// "./" or "../", or has two "/" or more between word characters.
    private func path(around slash: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        var lower = chunkStart
        while lower < slash, Self.opening.contains(bytes[lower]) { lower += 1 }
        let upper = Self.endOfWord(from: slash, in: bytes)
        var rooted = false
        for prefix in ["/", "~/", "./", "../"] where bytes[lower...].starts(with: prefix.utf8) {
            let after = lower + prefix.utf8.count
            rooted = after < upper && Self.isWordByte(bytes[after])
            break
        }
        if !rooted {
            var between = 0
            for index in (lower + 1)..<max(lower + 1, upper - 1) where bytes[index] == 0x2F {
                if Self.isWordByte(bytes[index - 1]), Self.isWordByte(bytes[index + 1]) { between += 1 }
            }
            guard between >= 2 else { return nil }
        }
        return lower..<upper
    }

    /// `span` as one token, in place of the word being read and of the tokens read inside it.
    private mutating func takeWhole(_ span: Range<Int>, of bytes: UnsafeBufferPointer<UInt8>) {
        word.removeAll(keepingCapacity: true)
        single = false
        let lower = index(span.lowerBound)
        while let last = tokens.last, last.start >= lower { tokens.removeLast() }
        let folded = String(decoding: bytes[span].lazy.map(SearchFolder.lowercased), as: UTF8.self)
        tokens.append(Token(folded: folded, start: lower, end: index(span.upperBound)))
    }

    /// Where the run of characters other than ASCII whitespace that holds `offset` ends,
    /// before the punctuation that ends a sentence or closes a bracket after it ("…/README.",
    /// "(see https://example.org)"; a ")" that closes a "(" of its own stays: "…/Ada_(language)").
    static func endOfWord(from offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var end = offset
        var open = 0
        while end < bytes.count, !isSpace(bytes[end]) {
            if bytes[end] == UInt8(ascii: "(") { open += 1 } else if bytes[end] == UInt8(ascii: ")") { open -= 1 }
            end += 1
        }
        while end > offset + 1 {
            let last = bytes[end - 1]
            if last == UInt8(ascii: ")"), open < 0 {
                open += 1
            } else if !closing.contains(last) {
                break
            }
            end -= 1
        }
        return end
    }

    /// Where the "+", "++" or "#" at `offset` ends, when it is the end of the word `word`:
    /// after a letter, and before no word character and no other "+" or "#".
    static func symbolSuffixEnd(at offset: Int, after word: [UInt8], in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let byte = bytes[offset]
        guard byte == UInt8(ascii: "+") || byte == UInt8(ascii: "#"), let last = word.last, (0x61...0x7A).contains(last) else { return nil }
        var end = offset + 1
        if byte == UInt8(ascii: "+"), end < bytes.count, bytes[end] == byte { end += 1 }
        guard end == bytes.count || !(isWordByte(bytes[end]) || bytes[end] == UInt8(ascii: "+") || bytes[end] == UInt8(ascii: "#")) else { return nil }
        return end
    }

    /// A byte of a word in a URL, path or identifier: an ASCII letter or digit, "_", or part
    /// of a character beyond ASCII.
    static func isWordByte(_ byte: UInt8) -> Bool {
        byte >= 0x80 || byte == 0x5F || (0x30...0x39).contains(byte) || (0x61...0x7A).contains(byte | 0x20)
    }

    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

    /// What opens a path written in brackets or quotes, and what closes it or ends its sentence.
    static let opening: Set<UInt8> = Set("([{<\"'".utf8)
    static let closing: Set<UInt8> = Set(".,;:!?'\"]}>".utf8)

    /// Reads the grapheme that starts with a symbol at `offset` as one token (a flag's two
    /// regional indicators, a ZWJ family, a skin tone), without presentation selectors;
    /// returns the offset after it.
    private mutating func symbol(at offset: Int) -> Int {
        start = offset
        end = offset
        for scalar in text[index(offset)...].first!.unicodeScalars {
            end += UTF8.width(scalar)
            if !Tokenizer.isPresentationSelector(scalar) { word.append(contentsOf: String(scalar).utf8) }
        }
        finish()
        return end
    }

    /// An apostrophe (of any kind) at `offset`, inside a word: part of it ("O'Brien", "don't";
    /// a possessive's is cut in `finish`), unless the word is an elided one, which it ends.
    private mutating func takeApostrophe(at offset: Int) {
        if Self.isElision(word) {
            // Ended here or at the next character, the word is the same: one that ends with
            // an apostrophe loses it in `finish`.
            finish()
        } else {
            apostrophe = offset
            word.append(0x27)
        }
    }

    /// The words French and Italian elide before a vowel, folded: an apostrophe joins them to
    /// the next word, which is a word of its own all the same ("l'autogestion", "d’Espagne",
    /// "dell'Italia" mention "Autogestion", "Espagne" and "Italia"). A name with one is read
    /// the same way ("L'Oréal", "D'Artagnan"), so it still matches itself. Not "o" ("O'Brien"
    /// is one word), nor English contractions, whose first part is a word ("don't").
    static let elisions: [[UInt8]] = [
        "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu",
        "un", "dell", "all", "nell", "dall", "sull", "coll", "quell", "quest", "sant", "tutt",
    ].map { Array($0.utf8) }

    /// Whether `word` (before its apostrophe) is an elided word (see `elisions`).
    private static func isElision(_ word: [UInt8]) -> Bool {
        word.count <= 7 && elisions.contains { $0.elementsEqual(word) }
    }

    /// Ends the word being read. A possessive is its name's word: "Syndicalism's founders"
    /// and "syndicalism’s" mention "Syndicalism", and the mention ends before the
    /// "'s", as a plural's "'" is left out ("workers'"). A name with "'s" in it ("People's
    /// Charter") is read the same way, so it still matches itself.
    private mutating func finish() {
        single = false
        while word.last == 0x27 { word.removeLast() }
        if word.count > 2, word.last == UInt8(ascii: "s"), word[word.count - 2] == 0x27 {
            word.removeLast(2)
            end = apostrophe
        }
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
        // The common letters without Foundation: see `LetterFolds`.
        let bytes: [UInt8]
        if let letters = LetterFolds.folded(scalar) {
            bytes = Array(letters.utf8)
        } else {
            let folded = String(scalar).folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
                .unicodeScalars.filter { $0.properties.generalCategory != .nonspacingMark }
            bytes = Array(String(String.UnicodeScalarView(folded)).utf8)
        }
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
        aliases(for: name, folder: &folder).map(\.tokens)
    }

    /// A spelling a topic may be mentioned under: its words, folded, and which of them the
    /// name joins with a dash of its own.
    struct Alias {
        var tokens: [String]
        /// Bit `i` is set when the name writes a dash between words `i` and `i + 1` ("Sit-in"):
        /// a mention needs one there too (see `AliasIndex.longestMatch`). Only the first 64.
        var dashJoints: UInt64
    }

    /// The aliases of `name` (see `tokenSequences(for:)`), the whole name first.
    static func aliases(for name: String, folder: inout ScalarFolder) -> [Alias] {
        var bases = [name]
        if let bare = withoutDisambiguator(name) { bases.append(bare) }
        if let bare = withoutYear(name) { bases.append(bare) }
        var aliases: [Alias] = []
        var seen: Set<[String]> = []
        for base in bases {
            let words = Tokenizer.tokens(in: base, folder: &folder)
            let tokens = words.map(\.folded)
            // A name too short to look for has no forms to look for either: "꽃은" is a form
            // of a name, 꽃, that one syllable does not make.
            guard isMeaningful(tokens[...]) else { continue }
            let joints = dashJoints(of: words[...], in: base)
            // The word inflected is the last one, before any symbols after it: "Flags 🇫🇷" is
            // a form of "Flag 🇫🇷". A name of symbols alone has no other form.
            guard let last = tokens.lastIndex(where: { !isSymbol($0) }) else {
                if seen.insert(tokens).inserted { aliases.append(Alias(tokens: tokens, dashJoints: joints)) }
                continue
            }
            var sequences = inflections(of: tokens[last]).map { variant in
                var sequence = tokens
                sequence[last] = variant
                return sequence
            }
            sequences += compoundForms(of: tokens, last: last, dashJoints: joints)
            for sequence in sequences where isMeaningful(sequence[...]) && seen.insert(sequence).inserted {
                aliases.append(Alias(tokens: sequence, dashJoints: joints))
            }
        }
        return aliases
    }

    /// Which adjacent `words` of `text` (a name, or a mention of one) a single dash joins
    /// (see `Alias.dashJoints`).
    static func dashJoints(of words: ArraySlice<Token>, in text: String) -> UInt64 {
        var joints: UInt64 = 0
        for index in words.indices.dropLast() where index - words.startIndex < 64
            && isDash(between: words[index], and: words[index + 1], in: text) {
            joints |= 1 << UInt64(index - words.startIndex)
        }
        return joints
    }

    /// Whether what is written between two words is one hyphen or dash, of any kind.
    static func isDash(between left: Token, and right: Token, in text: String) -> Bool {
        let gap = text.unicodeScalars[left.end..<right.start]
        guard let dash = gap.first, gap.index(after: gap.startIndex) == gap.endIndex else { return false }
        return dash == "-" || SearchFolder.dashes.contains(dash.value)
    }

    /// The forms of a dash-joined compound of "-ism" or "-ist" words ending at `last`, each
    /// word changed: "Marxist–Leninist" and "Marxist–Leninists" of "Marxism–Leninism" (only
    /// the last word was, which made "Marxism–Leninist").
    static func compoundForms(of tokens: [String], last: Int, dashJoints: UInt64) -> [[String]] {
        var first = last
        while first > 0, first - 1 < 64, dashJoints & (1 << UInt64(first - 1)) != 0 { first -= 1 }
        guard first < last else { return [] }
        let compound = tokens[first...last]
        func swapped(_ from: String, _ to: String, endings: [String]) -> [[String]] {
            guard compound.allSatisfy({ $0.hasSuffix(from) && $0.count > from.count }) else { return [] }
            var sequence = tokens
            for index in first..<last { sequence[index] = String(tokens[index].dropLast(from.count)) + to }
            return endings.map { ending in
                var form = sequence
                form[last] = String(tokens[last].dropLast(from.count)) + ending
                return form
            }
        }
        return swapped("ism", "ist", endings: ["ist", "ists"]) + swapped("ist", "ism", endings: ["ism"])
    }

    /// `name` without the year that ends it after "of" or "in", when two words or more are
    /// left: "Winnipeg general strike of 1919" is mentioned as "the Winnipeg general strike
    /// of May and June 1919" (QA 32: not at all), as a topic is without its parenthetical.
    static func withoutYear(_ name: String) -> String? {
        // The cheap test first, as for the parenthetical: most names end in no digit.
        guard let last = name.utf8.last, (0x30...0x39).contains(last) else { return nil }
        let words = name.split(separator: " ")
        guard words.count >= 4, ["of", "in"].contains(words[words.count - 2]),
              ExampleNamer.isYear(String(words[words.count - 1])) else { return nil }
        return words.dropLast(2).joined(separator: " ")
    }

    /// `name` without its trailing "(disambiguator)" ("Rust" of "Rust (programming
    /// language)"), or nil when it has none or is nothing else.
    static func withoutDisambiguator(_ name: String) -> String? {
        // The cheap test first: most names end in no ")", and finding the last "(" of each
        // was 1.5 % of loading the bundled article (callgrind).
        guard name.hasSuffix(")"), let open = name.lastIndex(of: "(") else { return nil }
        let bare = name[..<open].trimmingSpaces()
        return bare.isEmpty ? nil : bare
    }

    /// `name` as far as it tells one topic from another: its words folded as mentions are,
    /// and what it writes between and around them with every kind of dash as "-", every
    /// apostrophe as "'" and runs of spaces as one, as `Lookup.fold` reads a name. Names
    /// spelled the same are equal once case and accents are folded ("Same", "same", "Sáme");
    /// "Sit in", "Sit-in" and "Cafe.bar" beside "Cafe-bar" are not, though their words are.
    /// By tokens, as aliases are made, not through Foundation: this runs for every item at
    /// start-up.
    static func spelling(of name: String, folder: inout ScalarFolder) -> String {
        var spelling = ""
        var rest = name.startIndex
        func appendWritten(_ text: Substring) {
            var space = false
            for scalar in text.unicodeScalars {
                if scalar.properties.isWhitespace {
                    space = true
                    continue
                }
                if space { spelling += " " }
                space = false
                // Letters here are only what a word leaves out: a possessive's "'s".
                spelling.unicodeScalars.append(scalar.isASCII ? SearchFolder.foldASCII(scalar, caseSensitive: false)
                                                              : SearchFolder.unifiedPunctuation(scalar))
            }
            if space { spelling += " " }
        }
        for word in Tokenizer.tokens(in: name, folder: &folder) {
            appendWritten(name[rest..<word.start])
            spelling += word.folded
            rest = word.end
        }
        appendWritten(name[rest...])
        return spelling
    }

    /// Whether a folded token is a symbol's (see `Tokenizer.isSymbol`).
    static func isSymbol(_ token: String) -> Bool {
        token.unicodeScalars.first.map(Tokenizer.isSymbol) ?? false
    }

    static func inflections(of word: String) -> [String] {
        var forms = [word]
        if let particles = KoreanParticles.after(word) { return forms + particles.map { word + $0 } }
        // ASCII (most words) by byte, whose letters are A–Z and a–z: by Character, this was
        // 1 % of loading the bundled article (callgrind).
        let isLetters = word.utf8.allSatisfy { $0 < 0x80 }
            ? word.utf8.count >= 4 && word.utf8.allSatisfy { (0x41...0x5A).contains($0 & 0xDF) }
            : word.count >= 4 && word.allSatisfy { $0.isLetter }
        guard isLetters else { return forms }
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
    /// kana or Hangul syllables, each a syllable or a word ("東京", "北京"), or an emoji or
    /// other symbol ("🎉", "★"), which matches itself alone, or a letter and its "#" or "+"
    /// ("C#", "F#", "C+"). Two Latin letters are not:
    /// matched without case, "US" would be every "us"; nor one ideograph, which is part of
    /// many words ("京" is in 東京 and 京都).
    static func isMeaningful(_ sequence: ArraySlice<String>) -> Bool {
        // By scalar: folded tokens have no combining marks, and this runs for every alias of
        // every item at start-up, where walking graphemes cost a tenth of a millisecond.
        let letters = sequence.reduce(0) { total, token in total + token.unicodeScalars.reduce(0) { $0 + weight($1) } }
        return letters >= 3 && !(sequence.count == 1 && stopWords.contains(sequence[sequence.startIndex]))
    }

    /// How many letters a scalar of a name counts for (see `isMeaningful`).
    @inline(__always)
    private static func weight(_ scalar: Unicode.Scalar) -> Int {
        // The "#" or "+" that ends a letter's word ("C#", "F#") tells it from the letter alone.
        if scalar.isASCII { return scalar == "#" || scalar == "+" ? 2 : 1 }
        if isSyllabic(scalar) { return 2 }
        return Tokenizer.isSymbol(scalar) ? 3 : 1
    }

    static func isSyllabic(_ scalar: Unicode.Scalar) -> Bool {
        // Nothing below the CJK radicals (U+2E80) is: most text is decided by this comparison.
        scalar.value >= 0x2E80
            && (scalar.properties.isIdeographic || (0x3040...0x30FF).contains(scalar.value) || (0xAC00...0xD7A3).contains(scalar.value))
    }
}

/// The particles Korean writes onto the word before them ("서울은", "서울의", "부산에서"): a
/// Hangul name is mentioned with one of them after it, as an English name is by its plural.
/// Which particles can follow depends on whether the last syllable ends in a consonant
/// (서울 + 은, 이, 을) or in a vowel (도쿄 + 는, 가, 를). Only particles: a noun
/// after the name ("서울시", Seoul City) makes another word, which is no mention of it.
enum KoreanParticles {
    static let afterAny = ["의", "에", "에서", "에게", "에는", "에서는", "에도", "도", "만", "까지", "부터", "보다", "처럼",
                           "한테", "께서", "마다", "조차"]
    static let afterConsonant = ["은", "이", "을", "과", "으로", "으로는", "이다", "이나", "이며", "이라는"]
    static let afterVowel = ["는", "가", "를", "와", "로", "로는", "다", "나", "며", "라는"]
    /// ㄹ takes 로 as a vowel does: 서울로.
    static let afterRieul = ["로", "로는"]

    /// The particles that can follow `word`, or nil when it is not all Hangul syllables.
    static func after(_ word: String) -> [String]? {
        guard let last = word.unicodeScalars.last, word.unicodeScalars.allSatisfy(isSyllable) else { return nil }
        // A syllable is 0xAC00 + (initial × 21 + vowel) × 28 + final; final 0 is none, 8 is ㄹ.
        switch (last.value - 0xAC00) % 28 {
        case 0: return afterAny + afterVowel
        case 8: return afterAny + afterConsonant + afterRieul
        default: return afterAny + afterConsonant
        }
    }

    @inline(__always)
    static func isSyllable(_ scalar: Unicode.Scalar) -> Bool { (0xAC00...0xD7A3).contains(scalar.value) }
}
