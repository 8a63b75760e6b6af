import Content
import Testing

@Suite("Text search")
struct TextSearchTests {
    func found(_ query: String, in text: String) -> [String] {
        TextSearch(query).matches(in: text).map { String(text[$0]) }
    }

    @Test func diacriticsAndDashesAreIgnored() {
        #expect(found("Regis", in: "writer Régis Debray") == ["Régis"])
        #expect(found("Marxism-Leninism", in: "- Marxism–Leninism–Maoism") == ["Marxism–Leninism"])
        #expect(found("regis", in: "RÉGIS and régis") == ["RÉGIS", "régis"])
    }

    @Test func smartcase() {
        let text = "The Soviet and the soviets"
        #expect(found("soviet", in: text) == ["Soviet", "soviet"])
        #expect(found("Soviet", in: text) == ["Soviet"])
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

    @Test func noMatchAndEmptyQuery() {
        #expect(found("zzz", in: "Dual power").isEmpty)
        #expect(TextSearch("").matches(in: "anything").isEmpty)
        #expect(found("aa", in: "aaaa") == ["aa", "aa"], "matches do not overlap")
    }
}
