import Content
import Testing
@testable import TUI

/// The reader marks what the linker links: in an unclassified "- Foo – bar" item, the dash
/// ends the name, so "Foo" is a cross-reference and "Foo – bar" no mention of "Foo-bar".
@Suite("The dash of a 'Name – description' item, in the reader")
struct NameSeparatorReaderTests {
    @Test("An unclassified item's references stop at the dash")
    func unclassifiedItem() throws {
        let model = try LinkedArticle(article: ArticleParser().parse("""
            = Separators =

            == Strategies ==
            - Foo – the first way.

            == Notes ==
            - Foo – bar, an unclassified item.

            == See also ==
            - Foo-bar

            """))
        let document = ReaderDocument.article(model)
        let notes = try #require(document.blocks.firstIndex { $0.sourceLine == 7 })
        #expect(document.references.filter { $0.block == notes }.map(\.label) == ["Foo"])
    }
}
