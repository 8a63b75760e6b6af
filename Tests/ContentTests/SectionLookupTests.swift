import Foundation
import Testing
import TestSupport
@testable import Content

/// `--section NAME` opens at the heading NAME, else at the section whose id is NAME, as the
/// outline, the JSON export and links files write it (the only way to name the lead or the
/// second of two headings with the same title), else at the first heading that starts with NAME.
@Suite("--section by title, then by id, then by a title's start")
struct SectionLookupTests {
    let article = try! ArticleParser().parse(
        bytes: Array("= Alpha =\n\nLead text.\n\n== See also ==\n- Beta\n\n== Notes ==\nText.\n\n== See also ==\n- Gamma\n".utf8),
        path: "alpha.txt")

    @Test("a title, an exact id, a title's start: lead, (lead), see-also-2")
    func titleThenID() {
        #expect(article.sections.map(\.id) == ["lead", "see-also", "notes", "see-also-2"])
        #expect(Lookup.section(named: "see", in: article) == 1)
        #expect(Lookup.section(named: "See-also-2", in: article) == 3)
        #expect(Lookup.section(named: "lead", in: article) == 0)
        #expect(Lookup.section(named: "(lead)", in: article) == 0)
        #expect(Lookup.section(named: "notes", in: article) == 2)
        #expect(Lookup.section(named: "see-also-3", in: article) == nil)
    }

    /// In a folder the explorer names each lead by its article's title: that title typed
    /// whole opens the lead, and a typo offers it. `seealso arts/ --section "Paris Commune"`
    /// was "no section starts with 'Paris Commune'", with no close match (QA 17a).
    @Test("the lead by its article's title, typed whole, after a heading of that name; offered as a close match")
    func leadByTitle() throws {
        #expect(Lookup.section(named: "Alpha", in: article) == 0)
        #expect(Lookup.section(named: "ALPHA", in: article) == 0)
        #expect(Lookup.section(named: "Alp", in: article) == nil, "by the whole title only, not its start")
        #expect(Lookup.suggestions(for: "Alpah", among: Lookup.places(of: article)) == ["Alpha"])
        let named = try ArticleParser().parse("= Paris Commune =\nLead.\n\n== Paris Commune ==\nx\n", path: "p.txt")
        #expect(Lookup.section(named: "Paris Commune", in: named) == 1, "a heading typed whole comes first")
        try withTemporaryDirectory { folder in
            for (file, title) in [("a.txt", "Cooperative movement"), ("b.txt", "Paris Commune")] {
                try "= \(title) =\n\nLead.\n\n== History ==\n\nThen.\n".write(to: folder.appendingPathComponent(file), atomically: true, encoding: .utf8)
            }
            let data = folder.appendingPathComponent("data").path
            let added = try CLI.run(["bookmarks", "add", folder.path, "--section", "Paris Commune", "--data-dir", data])
            #expect(added.status == 0, "\(added.stderr)")
            #expect(added.output.hasPrefix("bookmarked: #1 Paris Commune"), "\(added.output)")
            let typo = try CLI.run(["bookmarks", "add", folder.path, "--section", "Paris Comune", "--data-dir", data])
            #expect(typo.status == 64)
            #expect(typo.stderr.hasSuffix("close matches: Paris Commune\n"), "\(typo.stderr)")
        }
    }

    /// "Back" and "back" (Back's id too) named "Back matter", the first heading that starts
    /// with them; and `--section lead` named a "Leadership" heading rather than the lead.
    @Test("a heading typed whole, or an id, wins over a longer heading that starts with it")
    func exactBeforePrefix() throws {
        let article = try ArticleParser().parse("= P =\nLead.\n\n== Back matter ==\nx\n\n== Back ==\ny\n\n== Leadership ==\nz\n",
                                                path: "pre2.txt")
        #expect(article.sections.map(\.id) == ["lead", "back-matter", "back", "leadership"])
        #expect(Lookup.section(named: "Back", in: article) == 2)
        #expect(Lookup.section(named: "back", in: article) == 2, "the heading, and Back's id as well")
        #expect(Lookup.section(named: "BACK", in: article) == 2)
        #expect(Lookup.section(named: "Back m", in: article) == 1)
        #expect(Lookup.section(named: "Ba", in: article) == 1, "a start both share names the first, in article order")
        #expect(Lookup.section(named: "lead", in: article) == 0, "the lead's id before Leadership's start")
        #expect(Lookup.section(named: "Leader", in: article) == 3)
        try withTemporaryDirectory { folder in
            let file = folder.appendingPathComponent("pre2.txt")
            try "= P =\nLead.\n\n== Back matter ==\nx\n\n== Back ==\ny\n".write(to: file, atomically: true, encoding: .utf8)
            let data = folder.appendingPathComponent("data").path
            let added = try CLI.run(["bookmarks", "add", file.path, "--section", "Back", "--data-dir", data])
            #expect(added.status == 0, "\(added.stderr)")
            #expect(added.output == "bookmarked: #1 P › Back\n")
            let again = try CLI.run(["bookmarks", "add", file.path, "--section", "back", "--data-dir", data])
            #expect(again.output == "already bookmarked: #1 P › Back\n", "\(again.stderr)")
        }
    }

    /// `lead` is the lead's id, which the README gives as a way to name it: a heading "Lead"
    /// does not take it over, though `Lead`, typed as the heading is written, names the heading.
    @Test("an id written as seealso writes it comes first: lead beside a heading Lead")
    func idAsWritten() throws {
        let article = try ArticleParser().parse("= S =\nLead text.\n\n== Lead ==\nx\n", path: "s.txt")
        #expect(article.sections.map(\.id) == ["lead", "lead-2"])
        #expect(Lookup.section(named: "lead", in: article) == 0)
        #expect(Lookup.section(named: "Lead", in: article) == 1)
        #expect(Lookup.section(named: "LEAD-2", in: article) == 1)
    }

    @Test("bookmarks add --section lead bookmarks the lead")
    func bookmarkTheLead() throws {
        try withTemporaryDirectory { data in
            let added = try CLI.run(["bookmarks", "add", "--section", "lead", "--data-dir", data.path])
            #expect(added.status == 0, "\(added.stderr)")
            #expect(added.output.hasPrefix("bookmarked: #1 Dual power"), "\(added.output)")
        }
    }

    /// Council communism is a strategy and a See-also topic of the bundled article: `--item`
    /// and `--focus` took the first, and `strategy: …` was an unknown name.
    @Test("--item and --focus take 'kind: name', as links files write it")
    func itemByKind() throws {
        let model = try ArticleLoader.bundled()
        #expect(Lookup.item(named: "Council communism", in: model.items)?.id == "strategy:council-communism")
        #expect(Lookup.item(named: "see-also: Council communism", in: model.items)?.id == "see-also:council-communism")
        #expect(Lookup.item(named: "Strategy: council", in: model.items)?.id == "strategy:council-communism")
        #expect(Lookup.item(named: "example: Council communism", in: model.items) == nil)
        let dot = try CLI.run(["export", "--format", "dot", "--focus", "see-also: Council communism"])
        #expect(dot.status == 0, "\(dot.stderr)")
        #expect(dot.output.contains("\"see-also:council-communism\" [") && dot.output.contains("penwidth=3"), "the focus is outlined")
    }

    /// With "- Foo bar" listed before "- Foo", `--item Foo` and `--focus Foo` took Foo bar.
    @Test("an item's name typed whole, or its id, wins over a longer name that starts with it")
    func itemExactBeforePrefix() throws {
        let article = try ArticleParser().parse("= Q =\nLead.\n\n== See also ==\n- Foo bar\n- Foo\n- Foo\n", path: "q.txt")
        let items = Classifier().classify(article)
        #expect(items.map(\.id) == ["see-also:foo-bar", "see-also:foo", "see-also:foo-2"])
        #expect(Lookup.item(named: "Foo", in: items)?.id == "see-also:foo")
        #expect(Lookup.item(named: "foo", in: items)?.id == "see-also:foo")
        #expect(Lookup.item(named: "see-also: Foo", in: items)?.id == "see-also:foo")
        #expect(Lookup.item(named: "see-also:foo-2", in: items)?.id == "see-also:foo-2", "the only way to name the second Foo")
        #expect(Lookup.item(named: "Fo", in: items)?.id == "see-also:foo-bar", "a start both share names the first")
        #expect(Lookup.item(named: "strategy: Foo", in: items) == nil)
    }

    /// An article with two strategies that start alike and a section "Back".
    static let prefixed = "= Art =\nLead.\n\n== Back ==\nText.\n\n== Strategies ==\n- Alpha\n- Alphabet\n\n== See also ==\n- Foo\n- Foo\n"

    /// `strategy: Alpah` looked for close matches to the whole text, prefix and all, and
    /// found none; `strategy:` alone started every strategy's name and took the first.
    @Test("'kind: name' offers close matches of that kind; a prefix with no name names nothing")
    func kindPrefixCloseMatchesAndEmptyName() throws {
        let model = try LinkedArticle(article: try ArticleParser().parse(Self.prefixed, path: "art.txt"))
        for blank in ["strategy:", "see-also: ", "section:", "Strategy :"] {
            #expect(Lookup.item(named: blank, in: model.items) == nil, "\(blank)")
            #expect(Lookup.node(named: blank, in: model.article, items: model.items) == nil, "\(blank)")
            #expect(Lookup.section(named: blank, in: model.article) == nil, "\(blank)")
        }
        try withTemporaryDirectory { folder in
            let file = folder.appendingPathComponent("art.txt")
            try Self.prefixed.write(to: file, atomically: true, encoding: .utf8)
            let item = try CLI.run([file.path, "--item", "strategy: Alpah"])
            #expect(item.status == 64)
            #expect(item.stderr == "seealso: no item starts with 'strategy: Alpah' in 'Art'; close matches: Alpha, Alphabet\n")
            let focus = try CLI.run(["export", "--format", "dot", "--focus", "section: Bakc", file.path])
            #expect(focus.status == 64)
            #expect(focus.stderr == "seealso: no item or section starts with 'section: Bakc' in 'Art', and no node id is it; close matches: Back\n")
            let other = try CLI.run([file.path, "--item", "see-also: Alpah"])
            #expect(other.stderr == "seealso: no item starts with 'see-also: Alpah' in 'Art'\n", "only that kind's")
        }
    }

    /// In a folder, the first article with any match won: a.txt's "Background" for `Back`,
    /// though sub/b.txt has a section "Back".
    @Test("in a folder, a name typed whole in a later article wins over a start in an earlier one")
    func folderWholeNameBeforeStart() throws {
        try withTemporaryDirectory { folder in
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("f/sub"), withIntermediateDirectories: true)
            try "= A =\nLead.\n\n== Background ==\nx\n\n== See also ==\n- Backgammon\n"
                .write(to: folder.appendingPathComponent("f/a.txt"), atomically: true, encoding: .utf8)
            try "= B =\nLead.\n\n== Back ==\ny\n\n== See also ==\n- Back\n"
                .write(to: folder.appendingPathComponent("f/sub/b.txt"), atomically: true, encoding: .utf8)
            let articles = folder.appendingPathComponent("f").path
            let data = folder.appendingPathComponent("data").path
            func add(_ section: String) throws -> String {
                try CLI.run(["bookmarks", "add", articles, "--section", section, "--data-dir", data]).output
            }
            #expect(try add("Back") == "bookmarked: #1 B › Back\n")
            #expect(try add("Ba") == "bookmarked: #2 A › Background\n", "a start still takes the first article")
            #expect(try add("lead") == "bookmarked: #3 A › (lead)\n", "an id in the first article")
            let dot = try CLI.run(["export", "--format", "dot", "--focus", "Back", "--depth", "0", articles])
            #expect(dot.status == 0, "\(dot.stderr)")
            #expect(declaredNodes(dot.output) == ["2/see-also:back"], "not also a.txt's Backgammon")
            let start = try CLI.run(["export", "--format", "dot", "--focus", "Backg", "--depth", "0", articles])
            #expect(declaredNodes(start.output) == ["1/see-also:backgammon"])
        }
    }
}
