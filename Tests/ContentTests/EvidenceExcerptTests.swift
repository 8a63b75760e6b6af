import Testing

@testable import Content

/// `seealso links` and the Markdown export show a detected link's evidence around its
/// mention, as the explorer's panes do. Cut from the sentence's start, five of the bundled
/// article's nine detected links showed no mention: "(lead) [detected] line 9: "While the
/// term was initially associated with Bolshevik strategy, its meaning has since expanded
/// amo…"" for Mutual aid (QA 17a).
@Suite("Evidence excerpts in seealso links and the Markdown export")
struct EvidenceExcerptTests {
    let model = try! ArticleLoader.bundled()

    /// Each detected link of the bundled article with a mention, and that mention.
    var mentioned: [(link: Link, mention: Substring)] {
        model.graph.links.compactMap { link in
            guard link.origin == .detected, let parts = link.evidence?.partsAroundMention else { return nil }
            return (link, parts.mention)
        }
    }

    @Test("seealso links: each detected link's evidence line shows its mention, cut at words")
    func linksShowTheMention() {
        let formatter = LinksFormatter()
        let names = NodeNames(model)
        #expect(mentioned.count >= 8)
        for (link, mention) in mentioned {
            let row = formatter.describe(link, from: link.to, names: names)
            #expect(row.contains(mention), "\(row)")
        }
        // QA's example: Mutual aid's evidence showed the sentence's start, not "mutual aid".
        let output = formatter.format(model)
        let row = "    ← mentions      (lead)  [detected] line 9: "
            + "\"…such as worker cooperatives, people’s assemblies, and mutual aid networks that challenge state and…\"\n"
        #expect(output.contains(row), "\(output)")
    }

    @Test("The Markdown export's cross-links: each detected link's evidence shows its mention")
    func markdownShowsTheMention() {
        let rows = MarkdownExporter().export(model).split(separator: "\n").filter { $0.contains("(detected): line ") }
        #expect(rows.count >= 9)
        #expect(rows.contains { $0.contains("mutual aid networks") }, "\(rows)")
        #expect(rows.allSatisfy { !$0.contains("socialis…") }, "cut after a word, not in one")
    }

    @Test("A short sentence whole; a long one without a mention from its start, cut after a word")
    func withoutAMention() {
        #expect(Evidence(section: "lead", line: 1, text: "Short enough.").excerpt(limit: 20) == "Short enough.")
        let long = Evidence(section: "lead", line: 1, text: "Bread is one of the oldest prepared foods in the world.")
        #expect(long.excerpt(limit: 24) == "Bread is one of the…")
    }

    @Test("A mention at the end: the words before it give way from the start, after “…”")
    func mentionAtTheEnd() {
        let text = "Although the earliest loaves were flat, later bakers learned to leaven dough with yeast"
        let start = text.utf8.count - "yeast".utf8.count
        let evidence = Evidence(section: "history", line: 4, text: text, mention: start..<text.utf8.count)
        #expect(evidence.excerpt(limit: 30) == "…to leaven dough with yeast")
    }

    /// QA 23: Japanese has no spaces, and text before a mention could only be left out by
    /// whole words, after a space: all of it went, "…東京長い長い…", where `search` centres
    /// its match. A line may break before any ideograph (UAX #14), and so may the excerpt
    /// start, but never on closing punctuation.
    @Test("Text without spaces keeps context before the mention, as Latin text does")
    func ideographicTextKeepsContextBefore() throws {
        let text = "=  J =\n\n" + String(repeating: "長い", count: 40) + "東京" + String(repeating: "長い", count: 40) + "です。\n\n== See also ==\n\n- 東京\n"
        let model = try LinkedArticle(article: ArticleParser().parse(text))
        let evidence = try #require(model.graph.links.compactMap(\.evidence).first { $0.partsAroundMention?.mention == "東京" })
        let excerpt = evidence.excerpt(limit: 60)
        #expect(excerpt.count <= 60)
        let before = try #require(excerpt.range(of: "東京")).lowerBound
        #expect(excerpt[..<before].count >= 20, "context before the mention: \(excerpt)")
        #expect(excerpt.hasPrefix("…長") && excerpt.hasSuffix("…"), "\(excerpt)")
        // Nor a start on closing punctuation: "、" stays with the word before it.
        let punctuated = Substring("東京、大阪")
        #expect(!punctuated.wordStarts.contains { $0 < punctuated.endIndex && punctuated[$0] == "、" })
        #expect(punctuated.wordStarts.map { punctuated[$0...] } == ["京、大阪", "大阪", "阪", ""])
    }

    /// QA 24: Thai, too, is written without spaces between words: the excerpt showed the
    /// mention alone, "…อนาธิปไตย…". It starts between two clusters, never inside one (its
    /// vowel and tone marks stay on their consonants).
    @Test("Thai text keeps context before the mention")
    func thaiTextKeepsContextBefore() throws {
        let sentence = String(repeating: "การปฏิวัติของประชาชน", count: 8)
        let text = "= T =\n\n" + sentence + " อนาธิปไตย " + sentence + "\n\n== See also ==\n\n- อนาธิปไตย\n"
        let model = try LinkedArticle(article: ArticleParser().parse(text))
        let evidence = try #require(model.graph.links.compactMap(\.evidence).first { $0.partsAroundMention?.mention == "อนาธิปไตย" })
        let excerpt = evidence.excerpt(limit: 60)
        let before = try #require(excerpt.range(of: "อนาธิปไตย")).lowerBound
        #expect(excerpt[..<before].count >= 15, "context before the mention: \(excerpt)")
        #expect(excerpt.hasPrefix("…") && sentence.contains(excerpt[excerpt.index(after: excerpt.startIndex)..<before].trimmingCharacters(in: .whitespaces)))
    }
}
