import Content
import Testing
@testable import TUI

/// A topic card's "Mentioned in the article" lists mentions only: a namesake's same-topic
/// link has the namesake's own line as evidence, which mentions nothing.
@Suite("The topic card of an item with a namesake")
struct NamesakeCardTests {
    @Test("Its namesake's line is a link, not a mention")
    func mentions() throws {
        let model = try LinkedArticle(article: ArticleParser().parse("""
            = Namesakes =

            Foo is named here.

            == Strategies ==
            - Foo – the first way.

            == See also ==
            - Foo

            """))
        let text = ReaderDocument.card(for: "strategy:foo", in: model).blocks.map { $0.spans.map(\.text).joined() }
        #expect(text.contains("Links (2)"))
        #expect(text.contains("Foo  see-also topic · same-topic · detected"))
        #expect(text.contains("Mentioned in the article (1)"))
        #expect(text.contains("Namesakes, line 3: “Foo is named here.”"), "the lead by the article's title, as the explorer names it")
        #expect(!text.contains("See also, line 9: “Foo”"))
    }
}
