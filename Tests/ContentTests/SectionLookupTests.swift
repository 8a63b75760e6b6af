import Foundation
import Testing
import TestSupport
@testable import Content

/// `--section NAME` opens at the first heading that starts with NAME; when none does, NAME may
/// be a section's id as the outline, the JSON export and links files write it, which is the
/// only way to name the lead or the second of two headings with the same title.
@Suite("--section by title, then by id")
struct SectionLookupTests {
    let article = try! ArticleParser().parse(
        bytes: Array("= Alpha =\n\nLead text.\n\n== See also ==\n- Beta\n\n== Notes ==\nText.\n\n== See also ==\n- Gamma\n".utf8),
        path: "alpha.txt")

    @Test("a title's start first, then an exact id: lead, (lead), see-also-2")
    func titleThenID() {
        #expect(article.sections.map(\.id) == ["lead", "see-also", "notes", "see-also-2"])
        #expect(Lookup.section(startingWith: "see", in: article) == 1)
        #expect(Lookup.section(startingWith: "See-also-2", in: article) == 3)
        #expect(Lookup.section(startingWith: "lead", in: article) == 0)
        #expect(Lookup.section(startingWith: "(lead)", in: article) == 0)
        #expect(Lookup.section(startingWith: "notes", in: article) == 2)
        #expect(Lookup.section(startingWith: "see-also-3", in: article) == nil)
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
        #expect(Lookup.item(startingWith: "Council communism", in: model.items)?.id == "strategy:council-communism")
        #expect(Lookup.item(startingWith: "see-also: Council communism", in: model.items)?.id == "see-also:council-communism")
        #expect(Lookup.item(startingWith: "Strategy: council", in: model.items)?.id == "strategy:council-communism")
        #expect(Lookup.item(startingWith: "example: Council communism", in: model.items) == nil)
        let dot = try CLI.run(["export", "--format", "dot", "--focus", "see-also: Council communism"])
        #expect(dot.status == 0, "\(dot.stderr)")
        #expect(dot.output.contains("\"see-also:council-communism\" [") && dot.output.contains("penwidth=3"), "the focus is outlined")
    }
}
