import Foundation
import TestSupport
import Testing
@testable import Content

/// List entries and whole files written as QA 38's testers wrote them: a dash inside a link,
/// a full stop after a name, a See-also title of a section, names typed with words added or
/// left out, UTF-16 without a byte-order mark, CR line ends with one LF at the end.
@Suite("Entry and file forms")
struct EntryFormTests {
    static func model(_ text: String) throws -> LinkedArticle {
        try LinkedArticle(article: ArticleParser().parse(text, path: "t.txt"))
    }

    /// The problems a parse of `bytes` reports, as printed.
    static func problems(_ bytes: [UInt8]) -> [String] {
        do {
            _ = try ArticleParser().parse(bytes: bytes, path: "t.txt")
            return []
        } catch {
            return SourceErrors(error)?.listed.map(\.description) ?? ["\(error)"]
        }
    }

    @Test("A spaced dash inside a link's brackets is the link's: the entry is named by its target")
    func dashInsideALink() throws {
        let model = try Self.model("""
            = Pacts =
            The Molotov – Ribbentrop pact is mentioned here.

            == Strategies ==
            - [[Alpha – Beta]] – a strategy

            == See also ==
            - [[Molotov – Ribbentrop pact]]
            - [[Treaty of Brest-Litovsk|Brest – Litovsk]]
            """)
        #expect(model.items.map(\.name) == ["Alpha – Beta", "Molotov – Ribbentrop pact", "Treaty of Brest-Litovsk"])
        #expect(model.items.first?.description == "a strategy")
        let pact = try #require(model.items.first { $0.name.hasPrefix("Molotov") })
        #expect(model.graph.incoming(to: pact.id).map(\.from) == ["lead"], "the lead mentions it")
        // A lone "[" is no bracket: an escape sequence's does not keep the dash from parting the name.
        let escaped = try ArticleParser().parse("= T =\n\n== Strategies ==\n- Bold \u{1B}[1mtext – a description\n")
        #expect(escaped.allListItems.map(\.item.description) == ["a description"])
    }

    /// QA 38: the anchor of a link in an item's name mentioned the item of that name, and a
    /// link with a trail ("[[Leveller]]s' petition") the item its target names.
    @Test("A link in an item's name mentions nothing there, its anchor and trail neither")
    func linkInANameMentionsNothing() throws {
        let model = try Self.model("""
            = English Revolution =
            Lead.

            == Historical examples ==
            - [[Levellers#Name]]s – the radicals
            - Name – an unrelated example
            - [[Leveller]]s' petition – the Large Petition
            - Levellers – radicals of the New Model Army
            """)
        #expect(model.graph.links.isEmpty, "\(model.graph.links.map { "\($0.from) → \($0.to)" })")
    }

    @Test("A full stop after a short name before its dash is no part of it",
          arguments: [("Syndicalism. – building unions", "Syndicalism"), ("Council communism. — councils", "Council communism"),
                      ("Autonomism. - autonomy", "Autonomism")])
    func fullStopAfterAName(entry: String, name: String) throws {
        let model = try Self.model("= Unions =\nThe lead talks of \(name).\n\n== Strategies ==\nTheir main strategies were:\n- \(entry)\n")
        let item = try #require(model.items.first)
        #expect(item.name == name)
        #expect(item.description != nil)
        #expect(model.graph.incoming(to: item.id).map(\.from) == ["lead"])
    }

    @Test("A See-also title of a section, \"Article § Section\", is the article's")
    func seeAlsoSectionSign() throws {
        let model = try Self.model("= General strike =\nSyndicalists saw it as the road to revolution.\n\n== See also ==\n- Syndicalism § General strike\n")
        let topic = try #require(model.items.first)
        #expect(topic.name == "Syndicalism")
        #expect(model.graph.incoming(to: topic.id).map(\.from) == ["lead"])
    }

    @Test("A name typed with words added or left out has close matches")
    func closeMatchesByWords() {
        let names = ["Winnipeg general strike", "1926 United Kingdom general strike", "Strike", "Kapp Putsch"]
        #expect(Lookup.suggestions(for: "Winnipeg general strike of 1919", among: names) == ["Winnipeg general strike"])
        #expect(Lookup.suggestions(for: "Winnipeg strike", among: names) == ["Winnipeg general strike"])
        #expect(Lookup.suggestions(for: "1926 general strike", among: names) == ["1926 United Kingdom general strike"])
        #expect(Lookup.suggestions(for: "Kapp Putsch of 1920", among: names) == ["Kapp Putsch"])
        #expect(Lookup.suggestions(for: "Seattle shipyard lockout", among: names).isEmpty)
    }

    @Test("UTF-16 without a byte-order mark is said as UTF-16, for an article and a links file",
          arguments: [("LE", false), ("BE", true)])
    func utf16WithoutMark(order: String, bigEndian: Bool) throws {
        func utf16(_ text: String) -> [UInt8] {
            text.utf16.flatMap { unit in bigEndian ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        }
        let message = "it is UTF-16\(order) without a byte-order mark (a NUL byte in every other one); seealso reads UTF-8 "
            + "(convert with: iconv -f UTF-16\(order) -t UTF-8)"
        #expect(Self.problems(utf16("= Title =\n\n== A ==\nText\n")) == ["t.txt:1: \(message)"])
        #expect(Self.problems(utf16("= T =\n")) == ["t.txt:1: \(message)"])
        try withTemporaryDirectory { folder in
            let article = folder.appendingPathComponent("a.txt")
            try "= Dual power =\nText.\n".write(to: article, atomically: true, encoding: .utf8)
            try Data(utf16("article = \"Dual power\"\n")).write(to: folder.appendingPathComponent("a.links.toml"))
            #expect(throws: SourceError(path: folder.appendingPathComponent("a.links.toml").path, line: 1, message: message)) {
                try ArticleLoader.load(path: article.path)
            }
        }
    }

    @Test("Text with NUL bytes that is not UTF-16 is said as before")
    func nulBytesAreNotUTF16() {
        #expect(InvalidUTF8.utf16WithoutMark(Array("= T =\u{0}\u{0}\u{0}\u{0}abc\n".utf8)) == nil)
        #expect(InvalidUTF8.utf16WithoutMark(Array("= T =\n".utf8)) == nil)
    }

    /// QA 38: a past tense not written "-ed" left the subject running on, and the name was cut
    /// to its capitalised words: "Toad Lane", "Antigonish".
    @Test("The subject of an example ends before an irregular past tense")
    func irregularPastTense() throws {
        let model = try Self.model("""
            = Cooperatives =
            Lead.

            == Historical examples ==
            - The Toad Lane store sold flour, butter, sugar and oatmeal.
            - The Antigonish study clubs taught fishermen to form credit unions.
            - The Rochdale weavers spoke of a common store.
            """)
        #expect(model.items.map(\.name) == ["Toad Lane store", "Antigonish study clubs", "Rochdale weavers"])
    }

    /// QA 38: "[curated] Multi^Jline rationale" in `links`, the Markdown appendix and a DOT tooltip.
    @Test("A rationale written over several lines is printed on one")
    func multiLineRationale() throws {
        let article = try ArticleParser().parse(
            "= Base =\nLead about Alpha.\n\n== Strategies ==\nTheir main strategies were:\n- Alpha – first strategy\n- Beta – second strategy\n",
            path: "b.txt")
        let toml = #"""
            [[link]]
            from = "strategy: Alpha"
            to = "strategy: Beta"
            type = "related"
            rationale = """
            Multi
            line rationale"""
            """#
        let model = try CheckedArticle(article: article, annotations: (toml, "b.links.toml")).linked()
        #expect(LinksFormatter().format(model).contains("[curated] Multi line rationale"))
        #expect(MarkdownExporter().export(model).contains("(curated): Multi line rationale"))
        #expect(DOTExporter().export(model).contains("tooltip=\"Multi line rationale\""))
        #expect(model.graph.links.first { $0.rationale != nil }?.rationale == "Multi\nline rationale", "kept as written")
    }

    /// QA 38: a CP1251 or EUC-JP file was told to convert from Windows-1252 (which garbled
    /// it), or to retype a character "among UTF-8 text" that had none.
    @Test("A file in another encoding is told the kind of encoding its bytes look like", arguments: [
        ("= Народники =\n\nНародники шли в народ. Чёрный передел.\n", String.Encoding.windowsCP1251,
         "(an 8-bit encoding of a script such as Cyrillic or Greek? CP1251 or KOI8-R, ISO-8859-7…: convert with: iconv -f ENCODING -t UTF-8)"),
        ("= Grève générale =\n\nLa grève générale de 1936 en France.\n", .isoLatin1,
         "(Latin-1 or Windows-1252? convert with: iconv -f WINDOWS-1252 -t UTF-8)"),
    ])
    func otherEncodings(text: String, encoding: String.Encoding, advice: String) throws {
        let bytes = try #require(text.data(using: encoding))
        #expect(InvalidUTF8.advice(for: Array(bytes)) == advice)
    }

    /// "= 生活協同組合 =", a blank line and "生活クラブは共同購入で知られる。" in EUC-JP, as
    /// `iconv -t EUC-JP` writes them (Foundation on Linux has no EUC-JP encoder).
    static let eucJP: [UInt8] = [0x3D, 0x20, 0xC0, 0xB8, 0xB3, 0xE8, 0xB6, 0xA8, 0xC6, 0xB1, 0xC1, 0xC8, 0xB9, 0xE7, 0x20, 0x3D, 0x0A, 0x0A, 0xC0, 0xB8, 0xB3, 0xE8, 0xA5, 0xAF, 0xA5, 0xE9, 0xA5, 0xD6, 0xA4, 0xCF, 0xB6, 0xA6, 0xC6, 0xB1, 0xB9, 0xD8, 0xC6, 0xFE, 0xA4, 0xC7, 0xC3, 0xCE, 0xA4, 0xE9, 0xA4, 0xEC, 0xA4, 0xEB, 0xA1, 0xA3, 0x0A]

    /// QA 40: the start of a program was told to convert from an 8-bit encoding of Cyrillic.
    @Test("Binary data is told so, not taken for text in another encoding", arguments: [
        [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x00, 0x3E, 0x00, 0x90, 0xD5, 0xC4, 0xE0] as [UInt8],
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52],
    ])
    func binaryData(bytes: [UInt8]) throws {
        #expect(InvalidUTF8.advice(for: bytes) == "(NUL bytes in it too: binary data, not text?)")
        let failure = try #require(InvalidUTF8.first(in: bytes))
        #expect(failure.message(in: bytes).hasSuffix("of the line (NUL bytes in it too: binary data, not text?)"))
        // A NUL in UTF-8 text is no reason to call it binary: there is nothing to advise.
        #expect(InvalidUTF8.advice(for: Array("= T =\n\nA\u{0}B\n".utf8)) == nil)
    }

    @Test("A file in a double-byte encoding is told so")
    func doubleByteEncoding() {
        #expect(InvalidUTF8.advice(for: Self.eucJP)
                == "(a double-byte encoding? EUC-JP or SHIFT_JIS for Japanese, GBK for Chinese, EUC-KR for Korean: convert with: iconv -f ENCODING -t UTF-8)")
        // UTF-8's Japanese with one byte of another encoding in it is UTF-8: retype the byte.
        let utf8 = Array("= 生活協同組合 =\n\n生活クラブは共同購入で知られる。\n".utf8)
        #expect(InvalidUTF8.advice(for: utf8.prefix(20) + [0xE9] + utf8.dropFirst(20)) == "('é' in Windows-1252, among UTF-8 text: retype it)")
    }

    @Test("Lines that end in CR alone are said so when one LF ends the file")
    func crLinesWithAFinalLF() {
        let message = "t.txt:1: its lines end in CR alone (classic Mac OS); seealso reads LF or CRLF line ends (convert with: tr '\\r' '\\n')"
        #expect(Self.problems(Array("= T =\r\r== A ==\rtext\r\n".utf8)) == [message])
        #expect(Self.problems(Array("= T =\r\r== A ==\rtext".utf8)) == [message])
        #expect(Self.problems(Array("= T =\r\n".utf8)).isEmpty, "one CRLF line")
    }
}
