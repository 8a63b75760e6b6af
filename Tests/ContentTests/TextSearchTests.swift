import Content
import Testing

@Suite("Text search")
struct TextSearchTests {
    /// ASCII text is searched by byte (the general path folded each scalar through arrays:
    /// 0.4 s a key on a 10 MB article). It finds what the general path finds: the same text
    /// with a CJK character after it, which no ASCII query matches, takes the general path.
    /// 4 × 100 random cases from fixed seeds: a failure names its seed and case, and repeats.
    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func asciiTextMatchesAsTheGeneralPathDoes(seed: UInt64) {
        var generator = SeededBytes(state: seed)
        let alphabet = Array("aAbB -–.xyzZ")
        for number in 0..<100 {
            let text = String((0..<Int.random(in: 0...40, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
                .replacingOccurrences(of: "–", with: "-")
            let query = String((0..<Int.random(in: 1...3, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
            let search = TextSearch(query)
            let general = text + "\u{4E00}"
            let ascii = search.matches(in: text).map { text.utf8.distance(from: text.startIndex, to: $0.lowerBound)..<text.utf8.distance(from: text.startIndex, to: $0.upperBound) }
            let expected = search.matches(in: general).map { general.utf8.distance(from: general.startIndex, to: $0.lowerBound)..<general.utf8.distance(from: general.startIndex, to: $0.upperBound) }
            #expect(ascii == expected, "seed \(seed), case \(number): \(query) in \(text)")
        }
        #expect(TextSearch("régis").matches(in: "Regis").isEmpty == false, "a folded query still finds ASCII text")
        #expect(TextSearch("Ré").matches(in: "Regis Re").count == 2)
    }

    func found(_ query: String, in text: String) -> [String] {
        TextSearch(query).matches(in: text).map { String(text[$0]) }
    }

    @Test func diacriticsAndDashesAreIgnored() {
        #expect(found("Regis", in: "writer Régis Debray") == ["Régis"])
        #expect(found("Marxism-Leninism", in: "- Marxism–Leninism–Maoism") == ["Marxism–Leninism"])
        #expect(found("regis", in: "RÉGIS and régis") == ["RÉGIS", "régis"])
    }

    /// Every kind of apostrophe is one, as the linker reads them: "workers' council" found
    /// nothing in "Workers’ council" (QA), in the reader, `seealso search` or a folder's index.
    @Test func theKindOfApostropheIsIgnored() {
        #expect(found("workers' council", in: "A soviet is a Workers’ council.") == ["Workers’ council"])
        #expect(found("workers’", in: "the workers' councils and Workersʼ") == ["workers'", "Workersʼ"])
    }

    /// A flag is shown as the letters of its region, and found by them (QA 15b).
    @Test func flagsAreFoundByTheirRegionLetters() {
        let text = "France 🇫🇷 and Finland 🇫🇮, fr."
        #expect(found("FR", in: text) == ["🇫🇷"])
        #expect(found("fr", in: text) == ["Fr", "🇫🇷", "fr"])
        #expect(found("France FR", in: text) == ["France 🇫🇷"])
        // A flag pasted into the search is its letters too, as any letter is folded.
        #expect(found("🇫🇮", in: text) == ["Fi", "🇫🇮"])
    }

    @Test func smartcase() {
        let text = "The Soviet and the soviets"
        #expect(found("soviet", in: text) == ["Soviet", "soviet"])
        #expect(found("Soviet", in: text) == ["Soviet"])
    }

    /// Smartcase is read by scalar now (ASCII by range: `Character.isUppercase` made a
    /// pasted 7,000-letter query take seconds); it must say what the characters say.
    @Test(arguments: ["a", "A", "z", "Z", "é", "É", "E\u{301}", "ж", "Ж", "ǅ", "ß", "ẞ", "1", "-", "東", "ǈ", "Σ", "ς", "\r\n"])
    func smartcaseAgreesWithCharacters(text: String) {
        #expect(TextSearch("x" + text).isCaseSensitive == text.contains { $0.isUppercase }, "\(text)")
    }

    @Test func regexCharactersAreLiteral() {
        #expect(found("(2011", in: "Crisis (2011–present)") == ["(2011"])
        #expect(found(".*", in: "a.*b and ab") == [".*"])
        #expect(found("[1]", in: "x[1] y") == ["[1]"])
    }

    @Test func wideCharactersAndClusters() {
        #expect(found("漢字", in: "中文 漢字 text") == ["漢字"])
        #expect(found("e", in: "cafe\u{301} e") == ["e\u{301}", "e"], "a match never cuts a cluster")
        #expect(found("👍", in: "ok 👍🏽 fine") == ["👍🏽"])
        #expect(found("Двоевластие", in: "(Двоевластие, Dvoyevlastiye)") == ["Двоевластие"])
    }

    /// A match starts where a character does (QA 10a): "🇵🇷" was found across the flags 🇯🇵🇷🇺
    /// (Japan, Russia), and each 👩 inside one family emoji was a match of its own, the same
    /// cluster highlighted again and again. In a cluster of 3,000 joined emoji the old way of
    /// widening each match (Foundation's cluster around it) took seconds; this takes one pass.
    @Test func aMatchStartsAtACharacterAndIsFoundOncePerCluster() {
        #expect(found("🇵🇷", in: "flags 🇯🇵🇷🇺 here").isEmpty)
        #expect(found("🇷🇺", in: "flags 🇯🇵🇷🇺 here") == ["🇷🇺"])
        let family = "👩\u{200D}👩\u{200D}👧"
        #expect(found("👩", in: "a \(family) b 👩") == [family, "👩"])
        let joined = Array(repeating: "👩", count: 3000).joined(separator: "\u{200D}")
        // Compared as a count and a Bool: a failure must not print 3,000 emoji.
        let long = found("👩", in: "x " + joined + " y")
        #expect(long.count == 1)
        #expect(long.first == joined)
        #expect(found("e\u{301}", in: "cafe\u{301}") == ["e\u{301}"], "a query of one cluster finds it")
    }

    @Test func noMatchAndEmptyQuery() {
        #expect(found("zzz", in: "Dual power").isEmpty)
        #expect(TextSearch("").matches(in: "anything").isEmpty)
        #expect(found("aa", in: "aaaa") == ["aa", "aa"], "matches do not overlap")
    }

    /// "ΣΊΣΥΦΟΣ" lowercases to "σισυφοσ", and the final sigma of a query ("σισυφος") was
    /// compared as it is: case folding makes ς σ, as Unicode's CaseFolding does.
    @Test func greekFinalSigmaFoldsToSigma() {
        #expect(found("σισυφος", in: "ΣΊΣΥΦΟΣ Greek.") == ["ΣΊΣΥΦΟΣ"])
        #expect(found("σισυφοσ", in: "ΣΊΣΥΦΟΣ and Σίσυφος") == ["ΣΊΣΥΦΟΣ", "Σίσυφος"])
        #expect(found("σισυφος", in: "Σίσυφος") == ["Σίσυφος"])
        #expect(found("Σίσυφος", in: "ΣΊΣΥΦΟΣ σίσυφος Σίσυφος") == ["Σίσυφος"], "a query with a capital matches case as written")
        #expect(TextSearch.indexForm(of: "ΣΊΣΥΦΟΣ  σίσυφος") == "σισυφοσ σισυφοσ")
        #expect(TextSearch("σισυφος").indexForm == "σισυφοσ", "the index finds the files a search finds")
        #expect(found("sisyphus", in: "SISYPHUS Sisyphus") == ["SISYPHUS", "Sisyphus"], "ASCII text, by byte, as before")
    }
}
