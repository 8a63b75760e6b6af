import Foundation
import Testing
import TestSupport
@testable import Content

/// đ has no Unicode decomposition, so folding by decomposition kept it: "/dien bien" found
/// nothing in "Điện Biên" while "/thang" found "Thăng", and `bookmarks add --section 'dia ly'`
/// failed though its error offered "Địa lý" (QA 10a). The Latin letters with a stroke fold
/// to their base letter wherever accents are ignored (`StrokedLetters`).
@Suite("A letter with a stroke is its base letter where accents are ignored")
struct StrokedLetterTests {
    func found(_ query: String, in text: String) -> [String] {
        TextSearch(query).matches(in: text).map { String(text[$0]) }
    }

    @Test("Search: đ is d, ł is l, ø is o, ħ is h; smartcase keeps their case")
    func search() {
        #expect(found("dien bien", in: "Trận Điện Biên Phủ") == ["Điện Biên"])
        #expect(found("dia ly", in: "Địa lý Việt Nam") == ["Địa lý"])
        #expect(found("lodz", in: "Łódź and łódź") == ["Łódź", "łódź"])
        #expect(found("kobenhavn", in: "KØBENHAVN") == ["KØBENHAVN"])
        #expect(found("hamrun", in: "Ħamrun") == ["Ħamrun"])
        #expect(found("Dien", in: "điện Điện") == ["Điện"], "an uppercase query is case-sensitive: Đ is D, đ is d")
        #expect(found("Điện", in: "Dien") == ["Dien"], "the query folds alike")
        // Not folded: ß, æ and œ would become two letters, ı is a letter of its own in
        // Turkish, ð is the eth.
        for (query, text) in [("ss", "ß"), ("ae", "æ"), ("oe", "œ"), ("i", "ı"), ("d", "ð")] {
            #expect(found(query, in: text).isEmpty, "\(text)")
        }
    }

    /// A folder search reads only the files whose index form holds the query's: the two must
    /// fold alike, or a file that matches is passed over.
    @Test("The index form folds as search does")
    func indexForm() {
        let text = TextSearch.indexForm(of: "Trận Điện Biên Phủ, Łódź, Ø")
        for query in ["dien bien", "Điện Biên", "lodz", "ø"] {
            #expect(text.contains(TextSearch(query).indexForm), "\(query)")
        }
    }

    @Test("--section, --item and a folder's See-also titles: 'dia ly' is Địa lý")
    func names() throws {
        let article = try ArticleParser().parse("= Hà Nội =\nThủ đô.\n\n== Địa lý ==\nx\n\n== See also ==\n- Łódź\n", path: "hanoi.txt")
        #expect(Lookup.section(named: "dia ly", in: article) == 1)
        #expect(Lookup.section(named: "Dia", in: article) == 1, "by its start too")
        #expect(Lookup.item(named: "lodz", in: Classifier().classify(article))?.name == "Łódź")
        #expect(Lookup.suggestions(for: "dia lyy", among: ["Địa lý"]) == ["Địa lý"])
        let folder = FolderCatalog(entries: [.init(path: "a.txt", title: "Địa lý", seeAlso: []),
                                             .init(path: "b.txt", title: "Łódź", seeAlso: ["Dia ly"])], failures: [])
        #expect(folder.article(titled: "Dia ly") == 0)
        #expect(folder.article(titled: "LODZ") == 1)
        try withTemporaryDirectory { folder in
            let file = folder.appendingPathComponent("hanoi.txt")
            try "= Hà Nội =\nThủ đô.\n\n== Địa lý ==\nx\n".write(to: file, atomically: true, encoding: .utf8)
            let added = try CLI.run(["bookmarks", "add", file.path, "--section", "dia ly", "--data-dir", folder.appendingPathComponent("data").path])
            #expect(added.output == "bookmarked: #1 Hà Nội › Địa lý\n", "\(added.stderr)")
        }
    }

    /// Ids are not changed: they are saved in bookmarks and written in links files. An id
    /// with đ is still found by typing d, as any id is found in any case.
    @Test("Ids keep đ, й and ё; typed with d they are still found")
    func ids() throws {
        let article = try ArticleParser().parse("= S =\nLead.\n\n== Điện ==\nx\n\n== Мой ==\ny\n", path: "s.txt")
        #expect(article.sections.map(\.id) == ["lead", "đien", "мои"])
        #expect(Lookup.section(named: "dien", in: article) == 1)
    }
}
