import Foundation
import Testing
import TestSupport
@testable import Content

/// Folding accents makes names alike that are not: Й and И are two letters in Russian, so
/// "Мой" and "Мои" are two words, which only folding makes one. A name written exactly (case
/// and the kind of dash and apostrophe aside) names its place before one equal only once
/// accents are folded; the folded match is for a name typed without them ("Resume" for
/// "Résumé"). QA 10a: a See-also "Мои" in the article «Мой» was taken for a link to itself,
/// so the folder's article «Мои» could not be reached, and `--section Мои` opened «Мой».
@Suite("A name written exactly before one equal once folded")
struct ExactBeforeFoldedTests {
    func catalog(_ entries: [(title: String, seeAlso: [String])]) -> FolderCatalog {
        FolderCatalog(entries: entries.enumerated().map { .init(path: "\($0.offset).txt", title: $0.element.title, seeAlso: $0.element.seeAlso) },
                      failures: [])
    }

    @Test("A See-also title that is another article's opens it, though it folds to its own article's title")
    func seeAlsoTitles() {
        let folder = catalog([("Мой", ["Мои", "МОИ (книга)", "Мой", "Ёж"]), ("Мои", []), ("Еж", [])])
        #expect(folder.article(titled: "Мои") == 1)
        #expect(folder.article(titled: "мой") == 0)
        #expect(folder.article(titled: "МОИ (книга)") == 1, "the disambiguator dropped, the title still as written")
        #expect(folder.article(titled: "Ёж") == 2, "no article is written so: the folded title names one")
        #expect(folder.incoming().to(1).map(\.topic) == ["Мои", "МОИ (книга)"])
        #expect(folder.incoming().to(0).isEmpty, "'Мой' in Мой names itself")
        #expect(folder.sharedTitles.isEmpty, "each is named by writing it")
        let shared = catalog([("Мои", []), ("МОИ", []), ("Мой", [])])
        #expect(shared.sharedTitles == [["Мои", "МОИ"]], "titles alike but for case are shared")
        #expect(shared.article(titled: "мои") == nil)
    }

    @Test("The same in Latin: Résumé in Resume opens Résumé; a title typed with neither spelling names neither")
    func latin() throws {
        let resume = try LinkedArticle(article: ArticleParser().parse("= Resume =\nText.\n\n== See also ==\n- Résumé\n- Resume\n", path: "a.txt"))
        let other = try LinkedArticle(article: ArticleParser().parse("= Résumé =\nOther.\n", path: "b.txt"))
        let corpus = Corpus(root: ".", articles: [resume, other], failures: [])
        #expect(corpus.resolvedSeeAlso(of: 0) == ["see-also:resume": 1], "Résumé opens Résumé; Resume is the article itself")
        #expect(corpus.article(titled: "RÉSUMÉ") == 1)
        #expect(corpus.article(titled: "Resumé") == nil, "equal to both once folded: ambiguous")
    }

    @Test("--section: the heading written so, before an earlier heading equal once folded")
    func sections() throws {
        let article = try ArticleParser().parse("= S =\nLead.\n\n== Мой ==\nx\n\n== Мои ==\ny\n\n== Résumé ==\nz\n\n== Resume ==\nw\n", path: "s.txt")
        #expect(article.sections.map(\.id) == ["lead", "мои", "мои-2", "resume", "resume-2"])
        #expect(Lookup.section(named: "Мои", in: article) == 2)
        #expect(Lookup.section(named: "МОЙ", in: article) == 1)
        #expect(Lookup.section(named: "RÉSUMÉ", in: article) == 3)
        #expect(Lookup.section(named: "resumé", in: article) == 3, "written as neither: the first equal once folded")
        #expect(Lookup.section(named: "мои-2", in: article) == 2)
        #expect(Lookup.section(named: "resume-2", in: article) == 4)
        let items = Classifier().classify(try ArticleParser().parse("= T =\n\n== See also ==\n- Мой\n- Мои\n", path: "t.txt"))
        #expect(Lookup.item(named: "мои", in: items)?.name == "Мои")
        #expect(Lookup.item(named: "see-also:мои", in: items)?.name == "Мой", "an item's id, kind and all, is no name")
    }

    /// A section's id is its heading's slug, accents dropped: «Мой» has the id `мои`, which,
    /// typed, is also the heading «Мои» written in lowercase. As a name it is the better match.
    @Test("A lowercase name that is another heading's slug names the heading written so")
    func slugs() throws {
        let article = try ArticleParser().parse("= S =\nLead.\n\n== Мой ==\nx\n\n== Мои ==\ny\n\n== Résumé ==\nz\n\n== Resume ==\nw\n\n== Lead ==\nv\n", path: "s.txt")
        #expect(Lookup.section(named: "мои", in: article) == 2)
        #expect(Lookup.section(named: "resume", in: article) == 4)
        #expect(Lookup.section(named: "lead", in: article) == 0, "the lead's id is no slug of a heading")
    }

    /// In a folder, the first article with the best match: an exact name in a later article
    /// before a folded one in an earlier, as a whole name before a start.
    @Test("In a folder, --section and --focus take the article that has the name written so")
    func folder() throws {
        try withTemporaryDirectory { folder in
            try "= A =\nLead.\n\n== Мой ==\nx\n".write(to: folder.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
            try "= B =\nLead.\n\n== Мои ==\ny\n".write(to: folder.appendingPathComponent("b.txt"), atomically: true, encoding: .utf8)
            let data = folder.appendingPathComponent("data").path
            let added = try CLI.run(["bookmarks", "add", folder.path, "--section", "Мои", "--data-dir", data])
            #expect(added.output == "bookmarked: #1 B › Мои\n", "\(added.stderr)")
            let folded = try CLI.run(["bookmarks", "add", folder.path, "--section", "мой", "--data-dir", data])
            #expect(folded.output == "bookmarked: #2 A › Мой\n", "\(folded.stderr)")
            let slug = try CLI.run(["bookmarks", "add", folder.path, "--section", "мои", "--data-dir", data])
            #expect(slug.output == "already bookmarked: #1 B › Мои\n", "A's «Мой» has the id мои, a slug: \(slug.stderr)")
            let dot = try CLI.run(["export", "--format", "dot", "--focus", "Мои", folder.path])
            #expect(dot.status == 0, "\(dot.stderr)")
            #expect(dot.output.contains("cross-links of Мои") && !dot.output.contains("cross-links of Мой"), "\(dot.output)")
        }
    }

    @Test("The folder's JSON export gives each See-also title its article (QA's folder)")
    func export() throws {
        try withTemporaryDirectory { folder in
            try "= Мой =\nТекст про мой.\n\n== See also ==\n- Мои\n".write(to: folder.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
            try "= Мои =\nДругая статья.\n".write(to: folder.appendingPathComponent("b.txt"), atomically: true, encoding: .utf8)
            let export = try CLI.run(["export", "--format", "json", folder.path])
            #expect(export.status == 0, "\(export.stderr)")
            let document = try JSONDecoder().decode(JSONExporter.CorpusDocument.self, from: export.stdout)
            #expect(document.articles.first?.seeAlso.map(\.article) == [folder.appendingPathComponent("b.txt").path])
        }
    }
}
