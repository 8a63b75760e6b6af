import Content
import Testing
@testable import TUI

/// The explorer's link lists name the lead by the article's title. A See-also topic that
/// names the article itself has that name too: two rows "← Ada Lovelace" in one Backlinks
/// pane, with nothing to tell which was which (QA 16). Where a list holds two nodes of one
/// name, each says what it is, as `seealso links` does.
@Suite("Namesake rows in the link panes")
struct NamesakeRowTests {
    static func model(_ text: String) -> LinkedArticle {
        do { return try LinkedArticle(article: ArticleParser().parse(text, path: "ada.txt")) } catch { fatalError("\(error)") }
    }

    /// The selectable rows of a pane: the other ends of its links.
    static func names(_ rows: [ListRow]) -> [String] {
        rows.filter(\.isSelectable).map { $0.spans.map(\.text).joined() }
    }

    static let ada = model("""
        = Ada Lovelace =
        Ada Lovelace wrote the first program, for the Analytical Engine.

        == Legacy ==
        A language is named after her. The Analytical Engine was never built.

        == Legacy ==
        Her notes on the Analytical Engine were republished in 1953.

        == See also ==
        - Analytical Engine
        - Ada Lovelace – her notes on the Analytical Engine
        """)

    @Test("The lead and a See-also topic named as the article: “(lead)” and “(see-also)”")
    func leadAndTopic() {
        let names = Self.names(PaneRows.backlinks(Self.ada, node: "see-also:analytical-engine"))
        #expect(names.first == "← Ada Lovelace (lead)")
        #expect(names.contains("← Ada Lovelace (see-also)"))
    }

    @Test("Two sections of one heading: their ids, as the kind is the same")
    func sectionsOfOneHeading() {
        let names = Self.names(PaneRows.backlinks(Self.ada, node: "see-also:analytical-engine"))
        #expect(names.contains("← Legacy (legacy)") && names.contains("← Legacy (legacy-2)"))
    }

    @Test("A name no other node of the list has is left as it is: the lead is the title")
    func alone() {
        #expect(Self.names(PaneRows.backlinks(bundledModel, node: "strategy:municipalism")) == [
            "← Communalism (Bookchin)", "← Intercommunalism", "← Rojava conflict", "← Dual power",
        ])
    }
}
