import Foundation

/// Finds a query in text the way a reader expects: case-insensitive unless the query has an
/// uppercase letter (vim's smartcase), and blind to diacritics and dash variants, so "Regis"
/// finds "Régis", "dien" finds "Điện" and "Marxism-Leninism" finds "Marxism–Leninism". Every other character
/// is literal: no regular expressions.
public struct TextSearch: Sendable {
    public let query: String
    public let isCaseSensitive: Bool
    private let needle: [Unicode.Scalar]

    public init(_ query: String) {
        self.query = query
        // By scalar, ASCII by range: `Character.isUppercase` looked up Unicode properties for
        // every character of the query at every key, which made a pasted query of 7,000
        // lowercase letters take 3.4 s. The same answer: a character is uppercase
        // when its scalars are (a titlecase letter, as "ǅ", is not).
        isCaseSensitive = query.unicodeScalars.contains { $0.isASCII ? (0x41...0x5A).contains($0.value) : $0.properties.isUppercase }
        var folder = SearchFolder(caseSensitive: isCaseSensitive)
        var needle: [Unicode.Scalar] = []
        needle.reserveCapacity(query.utf8.count)  // at least one byte a scalar; O(1), as counting scalars is not
        for scalar in query.unicodeScalars {
            // ASCII inline, as `fold` returns an array per scalar: the prompt searches again at
            // every character typed, and a paste is thousands of them.
            if scalar.isASCII {
                needle.append(SearchFolder.foldASCII(scalar, caseSensitive: isCaseSensitive))
            } else {
                needle += folder.fold(scalar)
            }
        }
        self.needle = needle
    }

    public var isEmpty: Bool { needle.isEmpty }

    /// Text as a substring index stores it: folded the way a case-insensitive search folds
    /// (so "Régis", "REGIS" and "regis" are one) and with every run of white space made one
    /// space, as the parser joins lines; a NUL is a space too, for the index keeps no text past
    /// one (a query has none, so no match is lost). Whenever a search matches in a block of an article,
    /// the search's `indexForm` is a substring of the file's `indexForm`, so an index of these
    /// can pick the files worth reading without missing one.
    public static func indexForm(of text: String) -> String {
        var folder = SearchFolder(caseSensitive: false)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            // ASCII inline: a folder indexes megabytes, and `fold` returns an array per scalar.
            let isSpace = value < 0x80 ? (value == 0x20 || value == 0 || (0x09...0x0D).contains(value)) : scalar.properties.isWhitespace
            if isSpace {
                pendingSpace = true
                continue
            }
            if pendingSpace { bytes.append(0x20) }
            pendingSpace = false
            if value < 0x80 {
                bytes.append(SearchFolder.lowercased(UInt8(value)))
            } else {
                for folded in folder.fold(scalar) { bytes.append(contentsOf: UTF8.encode(folded)!) }
            }
        }
        if pendingSpace { bytes.append(0x20) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// This search's query in `indexForm` (case-insensitive even when the search is not).
    public var indexForm: String { Self.indexForm(of: query) }

    /// The ranges of `text` that match, left to right, not overlapping.
    public func matches(in text: String) -> [Range<String.Index>] {
        guard !needle.isEmpty else { return [] }
        let isASCII = text.utf8.withContiguousStorageIfAvailable { $0.allSatisfy { $0 < 0x80 } } ?? text.utf8.allSatisfy { $0 < 0x80 }
        if isASCII { return asciiMatches(in: text) }
        var folder = SearchFolder(caseSensitive: isCaseSensitive)
        var haystack: [Unicode.Scalar] = []
        var origins: [(start: String.Index, end: String.Index)] = []
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let next = scalars.index(after: index)
            let scalar = scalars[index]
            if scalar.isASCII {  // inline: `fold` returns an array
                haystack.append(SearchFolder.foldASCII(scalar, caseSensitive: isCaseSensitive))
                origins.append((index, next))
            } else {
                for folded in folder.fold(scalar) {
                    haystack.append(folded)
                    origins.append((index, next))
                }
            }
            index = next
        }
        // Where each character (grapheme cluster) starts, found once: a match starts at one,
        // and ends at one, widened (e + ◌́ is found by "e", and shown whole). Asking Foundation
        // for the cluster around each match was quadratic inside one long cluster (3,000
        // emoji joined by ZWJ: seconds a keystroke).
        let characterStarts = Array(text.indices)
        func isCharacterStart(_ index: String.Index) -> Bool {
            let found = characterStarts.partitioningIndex { $0 >= index }
            return found < characterStarts.count && characterStarts[found] == index
        }
        func characterEnd(containing index: String.Index) -> String.Index {
            let next = characterStarts.partitioningIndex { $0 > index }
            return next < characterStarts.count ? characterStarts[next] : text.endIndex
        }
        var ranges: [Range<String.Index>] = []
        var position = 0
        let first = needle[0]
        while position + needle.count <= haystack.count {
            // A match inside a cluster is none: 🇵🇷 is not in 🇯🇵🇷🇺 (Japan, Russia), nor a
            // second 👩 inside one 👩‍👩‍👧 (it would be found again, highlighting the same family).
            if haystack[position] == first, isCharacterStart(origins[position].start),
               haystack[position..<(position + needle.count)].elementsEqual(needle) {
                let upper = characterEnd(containing: origins[position + needle.count - 1].start)
                ranges.append(origins[position].start..<upper)
                position += needle.count
                while position < haystack.count, origins[position].start < upper { position += 1 }
            } else {
                position += 1
            }
        }
        return ranges
    }

    /// `matches(in:)` for ASCII text, by byte: ASCII folds to ASCII (only case changes), so a
    /// needle with any other scalar cannot match, and no scalar needs folding through arrays.
    /// Most text is ASCII, and the general path made incremental search on a 10 MB article
    /// take 0.4 s a key.
    private func asciiMatches(in text: String) -> [Range<String.Index>] {
        guard needle.allSatisfy(\.isASCII) else { return [] }
        let pattern = needle.map { UInt8($0.value) }
        let fold: (UInt8) -> UInt8 = isCaseSensitive ? { $0 } : { SearchFolder.lowercased($0) }
        let offsets = text.utf8.withContiguousStorageIfAvailable { Self.offsets(of: pattern, in: $0, fold: fold) }
            ?? Array(text.utf8).withUnsafeBufferPointer { Self.offsets(of: pattern, in: $0, fold: fold) }
        return offsets.map { offset in
            text.utf8.index(text.startIndex, offsetBy: offset)..<text.utf8.index(text.startIndex, offsetBy: offset + pattern.count)
        }
    }

    /// Where `pattern` starts in `bytes` once folded, left to right, not overlapping.
    private static func offsets(of pattern: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, fold: (UInt8) -> UInt8) -> [Int] {
        var offsets: [Int] = []
        var position = 0
        while position + pattern.count <= bytes.count {
            if pattern.indices.allSatisfy({ fold(bytes[position + $0]) == pattern[$0] }) {
                offsets.append(position)
                position += pattern.count
            } else {
                position += 1
            }
        }
        return offsets
    }
}

/// Folds one scalar for searching: diacritics dropped (and a stroke: đ is d, see
/// `StrokedLetters`), dashes made "-" and apostrophes "'" (`unifiedPunctuation`), and lowercased (then case-folded: ς is σ) unless the search is
/// case-sensitive. Non-ASCII answers are cached: decomposing through Foundation for every
/// character of an article would dominate the search.
/// Public for the go-to finder, which folds as search does.
public struct SearchFolder {
    let caseSensitive: Bool
    private var cache: [Unicode.Scalar: [Unicode.Scalar]] = [:]

    public init(caseSensitive: Bool) { self.caseSensitive = caseSensitive }

    static let dashes: Set<UInt32> = [0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xFE58, 0xFE63, 0xFF0D]

    /// A dash of any kind as "-", an apostrophe of any kind (’ ʼ) as "'": how search, name
    /// lookups and a folder's titles read them, as the linker's words do. "workers' council"
    /// found nothing in "Workers’ council".
    /// A no-break or other space is a space too (QA 34: "War I" did not find "War\u{A0}I").
    static func unifiedPunctuation(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        if dashes.contains(scalar.value) { return "-" }
        if Tokenizer.isApostrophe(scalar) { return "'" }
        return scalar.value >= 0x80 && scalar.properties.generalCategory == .spaceSeparator ? " " : scalar
    }

    /// An ASCII byte lowercased (A–Z only): what folding does to ASCII, case aside (search,
    /// the go-to finder, and the tokenizer that matches mentions).
    public static func lowercased(_ byte: UInt8) -> UInt8 {
        (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
    }

    static func foldASCII(_ scalar: Unicode.Scalar, caseSensitive: Bool) -> Unicode.Scalar {
        caseSensitive ? scalar : Unicode.Scalar(lowercased(UInt8(scalar.value)))
    }

    /// A lowercase scalar as Unicode's case folding has it, where the two differ in a way
    /// search meets: the final sigma ς is σ, as in CaseFolding.txt, so that "σισυφος" finds
    /// "ΣΊΣΥΦΟΣ", which lowercases to "σισυφοσ". (Foundation's case-insensitive folding,
    /// which `Lookup` and the linker use, does this already.)
    static func caseFolded(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        scalar == "\u{03C2}" ? "\u{03C3}" : scalar
    }

    public mutating func fold(_ scalar: Unicode.Scalar) -> [Unicode.Scalar] {
        if scalar.isASCII { return [Self.foldASCII(scalar, caseSensitive: caseSensitive)] }
        // Found as the text reads: "Luddite" finds "Lud\u{AD}dite" (see `Unicode.Scalar.isInvisible`).
        if scalar.isInvisible { return [] }
        if let cached = cache[scalar] { return cached }
        var result: [Unicode.Scalar]
        let unified = Self.unifiedPunctuation(scalar)
        // A flag is found by the letters it is shown as ("FR" on screen, and /FR
        // found nothing).
        if let letter = scalar.regionLetter {
            result = [caseSensitive ? letter : Self.foldASCII(letter, caseSensitive: false)]
        } else if unified != scalar {
            result = [unified]
        } else {
            // A letter with a stroke has no decomposition: its base letter by the list (đ is d).
            let decomposed = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars
                .filter { $0.properties.generalCategory != .nonspacingMark }.map(StrokedLetters.folded)
            let text = String(String.UnicodeScalarView(decomposed))
            result = caseSensitive ? Array(text.unicodeScalars) : text.lowercased().unicodeScalars.map(Self.caseFolded)
        }
        cache[scalar] = result
        return result
    }
}
