import Content
import Foundation
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

    /// The text of the block at `line`, its markers in brackets as drawn.
    static func shown(_ document: ReaderDocument, line: Int) throws -> String {
        let block = try #require(document.blocks.first { $0.sourceLine == line })
        return block.spans.map(\.text).joined()
    }

    /// QA 30: the item's marker went where the text first spells its name, inside a longer
    /// word ("the Paris Council[3]s district") or inside a link's brackets ("[[Diggers[3]]]"),
    /// and a link to a target with an underscore was shown twice.
    @Test("An item's own name is marked where it stands as a word, and a MediaWiki link as its target")
    func itemNameInPlace() throws {
        let model = try LinkedArticle(article: ArticleParser().parse("""
            = Names =
            Lead mentions the Paris Council.

            == Historical examples ==
            - In the Paris Councils district, the Paris Council met in 1871.

            == See also ==
            - [[Diggers]]
            - [[Luddite_movement]] – machine breakers
            - [[Levellers|the Levellers]] – the True Levellers

            """, path: "names.txt"))
        let document = ReaderDocument.article(model)
        let example = try Self.shown(document, line: 5)
        #expect(example.hasPrefix("In the Paris Councils district, the Paris Council["), "\(example)")
        #expect(example.hasSuffix("] met in 1871."))
        #expect(try Self.shown(document, line: 8).range(of: #"^Diggers\[\d+\]$"#, options: .regularExpression) != nil)
        #expect(try Self.shown(document, line: 9).range(of: #"^Luddite movement\[\d+\] – machine breakers$"#, options: .regularExpression) != nil)
        #expect(try Self.shown(document, line: 10).range(of: #"^Levellers\[\d+\] – the True Levellers$"#, options: .regularExpression) != nil)
    }

    /// QA 31: a name in a MediaWiki link among other words had its number inside the brackets.
    /// QA 35: the link reads as it shows, without its brackets.
    @Test func aMentionInsideLinkBracketsIsNumberedAfterThem() throws {
        let model = try LinkedArticle(article: ArticleParser().parse("= Prose =\nThe [[Diggers]] were true levellers.\n\n== See also ==\n- Diggers\n", path: "p.txt"))
        let document = ReaderDocument.article(model)
        let lead = try Self.shown(document, line: 2)
        #expect(lead.range(of: #"^The Diggers\[\d+\] were true levellers\.$"#, options: .regularExpression) != nil, "\(lead)")
    }

    /// QA 32: an item named by a link among its words had its number inside the brackets.
    @Test func anItemsNameInLinkBracketsIsShownAsItsName() throws {
        let text = "= Items =\n\n== Historical examples ==\n- The [[Levellers]] were a political movement.\n- The [[Ranters]] – a sect.\n"
            + "- [[Ranter]]s argued for free love in 1650.\n"
        let model = try LinkedArticle(article: ArticleParser().parse(text, path: "i.txt"))
        let document = ReaderDocument.article(model)
        let levellers = try Self.shown(document, line: 4)
        let ranters = try Self.shown(document, line: 5)
        #expect(levellers.range(of: #"^The Levellers\[\d+\] were a political movement\.$"#, options: .regularExpression) != nil, "\(levellers)")
        #expect(ranters.range(of: #"^The Ranters\[\d+\] – a sect\.$"#, options: .regularExpression) != nil, "\(ranters)")
        // QA 33: a link with a trail was not found as the name, and the name was put before
        // the text with a dash the article does not have ("Ranters[5] – [[Ranter]]s argued…");
        // QA 34: it is shown as it reads, trail and all.
        let ranter = try Self.shown(document, line: 6)
        #expect(ranter.range(of: #"^Ranters\[\d+\] argued for free love in 1650\.$"#, options: .regularExpression) != nil, "\(ranter)")
    }

    /// A MediaWiki link in prose is one cross-reference to its target, numbered after it, the
    /// label and a link trail included (the number went inside the brackets of a piped link,
    /// an underscored target was none, and `[[Levellers|Leveller]]s` was two). It reads as
    /// MediaWiki shows it: its label, or its text as written, and its trail (QA 35: brackets
    /// and pipes on screen); a link to no article stays as written.
    @Test func aLinkInProseIsOneReferenceToItsTarget() throws {
        let text = """
            = Prose =
            The [[Diggers|digging folk]] and [[Luddite_movement]] met. The [[Levellers|Leveller]]s argued. [[Category:Diggers]]

            == See also ==
            - Diggers
            - Luddite movement
            - Levellers

            """
        let model = try LinkedArticle(article: ArticleParser().parse(text, path: "p.txt"))
        let document = ReaderDocument.article(model)
        let lead = try Self.shown(document, line: 2)
        #expect(lead.range(of: #"^The digging folk\[(\d+)\] and Luddite_movement\[\d+\] met\. The Levellers\[\d+\] argued\. \[\[Category:Diggers\]\]$"#,
                                options: .regularExpression) != nil, "\(lead)")
        // Search finds what is shown.
        #expect(document.matches(of: TextSearch("digging folk")).count == 1)
        #expect(document.matches(of: TextSearch("Diggers|")).isEmpty)
        let leadReferences = document.references.filter { $0.block == document.blocks.firstIndex { $0.sourceLine == 2 } }
        #expect(leadReferences.map(\.label) == ["Diggers", "Luddite movement", "Levellers"])
    }
}
