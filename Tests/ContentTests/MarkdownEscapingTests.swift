import Foundation
import TestSupport
import Testing
@testable import Content

/// Article text must come out of `export --format markdown` as literal text: nothing in it may
/// become a list, a thematic break, an entity, strikethrough or other markup.
@Suite("Markdown export escaping")
struct MarkdownEscapingTests {
    static let probes = """
        = Markdown probes =

        1984. A year written at the start of a paragraph.

        ---

        + plus at start

        Entities &amp; &lt;b&gt;bold&lt;/b&gt; and ~~strike~~.

        2) Closing parenthesis, *stars*, _under_ [brackets](x) <b> `tick` # hash > quote | pipe \\ slash.

        == See also ==
        - 2. numbered item
        - === setext
        - - dash

        """

    @Test("block markers at the start of a paragraph or item, entities and inline markup are escaped")
    func articleTextStaysLiteral() throws {
        let result = try withTemporaryDirectory { directory in
            let file = directory.appendingPathComponent("md.txt")
            try Self.probes.write(to: file, atomically: true, encoding: .utf8)
            return try CLI.run(["export", "--format", "markdown", file.path])
        }
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(result.output.hasPrefix("""
            # Markdown probes

            1984\\. A year written at the start of a paragraph.

            \\---

            \\+ plus at start

            Entities &amp;amp; &amp;lt;b&amp;gt;bold&amp;lt;/b&amp;gt; and \\~\\~strike\\~\\~.

            2\\) Closing parenthesis, \\*stars\\*, \\_under\\_ \\[brackets\\](x) \\<b\\> \\`tick\\` \\# hash \\> quote \\| pipe \\\\ slash.

            ## See also

            - 2\\. numbered item
            - \\=== setext
            - \\- dash

            ## Cross-links

            """), "\(result.output)")
    }

    @Test("text inside a line is escaped but not given a line-start escape")
    func inlineHasNoBlockEscape() {
        #expect(MarkdownExporter.inline("- 1. a & b ~") == "- 1. a &amp; b \\~")
        #expect(MarkdownExporter.block("- 1. a & b ~") == "\\- 1. a &amp; b \\~")
        #expect(MarkdownExporter.block("12345. x") == "12345\\. x")
        #expect(MarkdownExporter.block("1984 was a year") == "1984 was a year")
    }

    /// A mark-up character followed by a combining mark is one Character equal to none of
    /// them: compared by Character, "`\u{301}code`\u{301}" became a real code span.
    @Test func markUpWithACombiningMarkIsEscaped() {
        #expect(MarkdownExporter.inline("`\u{301}code`\u{301}") == "\\`\u{301}code\\`\u{301}")
        #expect(MarkdownExporter.inline("*\u{301}a*\u{301}") == "\\*\u{301}a\\*\u{301}")
        #expect(MarkdownExporter.block("-\u{301} item") == "\\-\u{301} item")
    }

    /// A name that shows nothing is no name (QA 30: `- **\u{200B}** – only zero width name`).
    @Test func aNameThatShowsNothingIsNotBold() throws {
        let model = try LinkedArticle(article: ArticleParser().parse("= T =\n\n== Notes ==\n- \u{200B} – only zero width name\n- Real – a name\n", path: "t.txt"))
        let markdown = MarkdownExporter().export(model)
        #expect(markdown.contains("- \u{200B} – only zero width name\n"), "\(markdown)")
        #expect(markdown.contains("- **Real** – a name\n"))
    }

    /// QA 35: a name written as a link came out as its escaped markup, `**\[\[Boston Tea
    /// Party\|The Boston Tea Party\]\]**`, and so did links in paragraphs. They read as
    /// MediaWiki shows them; a link to no article stays as written.
    @Test("MediaWiki links in the body read as they show, label or text and trail")
    func linksReadAsShown() {
        let model = try! LinkedArticle(article: ArticleParser().parse("""
            = T =

            The [[Diggers|digging folk]] and [[Leveller]]s met; [[Category:Diggers]] stays; [[:Category:Diggers]] shows.

            == Historical examples ==
            - [[Boston Tea Party|The Boston Tea Party]] – colonists [[Tea|dumped tea]].
            - The [[Ranters]] argued in 1650.

            """))
        let markdown = MarkdownExporter().export(model)
        #expect(markdown.contains("\nThe digging folk and Levellers met; \\[\\[Category:Diggers\\]\\] stays; Category:Diggers shows.\n"),
                "\(markdown)")
        #expect(markdown.contains("\n- **The Boston Tea Party** – colonists dumped tea.\n"), "\(markdown)")
        #expect(markdown.contains("\n- The Ranters argued in 1650.\n"), "\(markdown)")
        // The appendix names items as every other output does.
        #expect(markdown.contains("\n- **Boston Tea Party** (line 6)"), "\(markdown)")
    }
}
