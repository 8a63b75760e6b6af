import Foundation
import Testing
@testable import Content

/// The loader's fast paths, which stand in for Foundation and the standard library's generic
/// code at start-up, give what those give.
@Suite("Start-up fast paths agree with Foundation")
struct FastPathTests {
    static let slugFolding: String.CompareOptions = [.diacriticInsensitive, .caseInsensitive, .widthInsensitive]

    @Test("Dashes and quotation marks fold to themselves")
    func dashesFoldToThemselves() {
        for value in UInt32(0x2010)...0x201F {
            let text = String(Unicode.Scalar(value)!)
            #expect(text.folding(options: Self.slugFolding, locale: nil) == text, "U+\(String(value, radix: 16))")
        }
    }

    @Test("The written-out letters fold as Foundation folds them, for slugs and for mentions")
    func letterFolds() {
        for value in UInt32(0)...0x3_0000 {
            guard let scalar = Unicode.Scalar(value), let folded = LetterFolds.folded(scalar) else { continue }
            let text = String(scalar)
            #expect(folded == text.folding(options: Self.slugFolding, locale: nil), "U+\(String(value, radix: 16))")
            let mentionFolded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
                .unicodeScalars.filter { $0.properties.generalCategory != .nonspacingMark }
            #expect(folded == String(String.UnicodeScalarView(mentionFolded)), "U+\(String(value, radix: 16))")
        }
        #expect(LetterFolds.folded("é") == "e")
        #expect(LetterFolds.folded("Ж") == "ж")
        #expect(LetterFolds.folded("a") == nil)
    }

    @Test("Titles fold for slugs as Foundation folds them", arguments: [
        "Marxism–Leninism", "Anti-King — “Rival” ‘Government’", "Workers’ Self–Management", "A‐B‑C‒D―E",
        "New world order (Bahá'í)", "Двоевластие", "Straße – ŉ Œuvre", "ÀÉÎÕÜ àéîõü ÿ Ÿ",
    ])
    func titleFolds(title: String) {
        #expect(SlugAllocator.foldedWithoutFoundation(title) == title.folding(options: Self.slugFolding, locale: nil))
    }

    @Test("Other titles are left to Foundation", arguments: ["Ａ–B", "e\u{301}", "東京", "Ελλάδα", "🎉"])
    func foundationTitles(title: String) {
        #expect(SlugAllocator.foldedWithoutFoundation(title) == nil)
    }

    @Test("A separator's range is Foundation's", arguments: [
        "Name – description", "Name — description", "Name - description", "– only a description", "Name –", "–",
        "Café – crème", "Zoë – x", "a –\u{301} b – c", "x \u{301}– y – z", "東京 – 大阪", "a – b – c", "no dash here",
        "Name –\u{301} description", "a\u{600} – b", "é – é", "Name - x – y", "Name –  two spaces",
        "– \u{301}x", "–\u{301} x", "x é –", "x\u{600} –", "- x", "x -", "-", "—", "— é", "é —", "–x", "x–",
    ])
    func separatorRanges(text: String) {
        for separator in [" – ", " — ", " - "] {
            let found = ArticleParser.separatorRange(separator, in: text)
            let dash = separator.trimmingSpaces()
            let expected: Range<String.Index>?
            if text == dash {
                expected = text.startIndex..<text.endIndex
            } else if text.hasPrefix(dash + " ") {
                expected = text.startIndex..<text.index(text.startIndex, offsetBy: 2)
            } else {
                expected = text.range(of: separator) ?? (text.hasSuffix(" " + dash) ? text.index(text.endIndex, offsetBy: -2)..<text.endIndex : nil)
            }
            #expect(found.map { text.utf8.distance(from: text.startIndex, to: $0.lowerBound) }
                    == expected.map { text.utf8.distance(from: text.startIndex, to: $0.lowerBound) }, "\(text) \(separator)")
            #expect(found.map { text.utf8.distance(from: text.startIndex, to: $0.upperBound) }
                    == expected.map { text.utf8.distance(from: text.startIndex, to: $0.upperBound) }, "\(text) \(separator)")
        }
    }

    @Test("Spaces are trimmed as by scalar", arguments: ["", " ", "a", " a ", "\ta\t", "a b", "\u{3000}a", "a\u{A0}", "é", " é", "x\u{2003}"])
    func trimming(text: String) {
        let scalars = text.unicodeScalars
        let start = scalars.firstIndex { !Substring.isSpace($0) } ?? scalars.endIndex
        let end = scalars[start...].lastIndex { !Substring.isSpace($0) }.map(scalars.index(after:)) ?? start
        #expect(text.trimmingSpaces() == String(scalars[start..<end]))
    }

    @Test("Lines are joined with spaces as joined(separator:) joins them")
    func joining() {
        for parts: [Substring] in [[], ["a"], ["a", "b"], ["", "x", ""], ["東京", "é", "👍🏽"]] {
            #expect(parts.joinedWithSpaces() == parts.joined(separator: " "))
            #expect(parts.map(String.init).joinedWithSpaces() == parts.joined(separator: " "))
        }
    }
}

@Suite("Unsafe characters found by byte")
struct UnsafeBytesTests {
    @Test("Every scalar is unsafe by byte as it is by scalar")
    func everyScalar() {
        for value in UInt32(0)...0x3_0000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            var text = "a" + String(scalar) + "b"
            let byBytes = text.withUTF8(TextSafety.containsUnsafeOtherThanTab)
            #expect(byBytes == (TextSafety.isUnsafe(scalar) && scalar != "\t"), "U+\(String(value, radix: 16))")
        }
    }

    @Test("At either end of a line too", arguments: ["\u{1B}", "x\u{9B}", "\u{202E}", "\u{2069}x", "\t", "é\u{7F}", "ok"])
    func ends(text: String) {
        var bytes = text
        #expect(bytes.withUTF8(TextSafety.containsUnsafeOtherThanTab) == text.unicodeScalars.contains { TextSafety.isUnsafe($0) && $0 != "\t" })
    }
}
