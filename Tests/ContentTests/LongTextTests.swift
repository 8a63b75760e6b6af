import Testing

@testable import Content

/// Shapes of text that used to cost time or memory quadratic in their size (found by a
/// fuzzer): what they produce now. Their timings are in scripts/bench-scaling.sh.
@Suite("Long text")
struct LongTextTests {
    static func model(_ text: String) throws -> LinkedArticle {
        try LinkedArticle(article: ArticleParser().parse(text, path: "long.txt"))
    }

    @Test("A sentence longer than 600 bytes is evidence only around the mention, cut with …")
    func longSentenceEvidence() throws {
        let filler = (1...150).map { "w\($0)" }.joined(separator: " ")
        let text = "= Long =\n\nShort sentence with Alpha. Then \(filler) Alpha \(filler) end.\n\n== See also ==\n\n- Alpha\n"
        let evidence = try Self.model(text).graph.links.compactMap(\.evidence?.text)
        #expect(evidence.count == 1, "one link: lead → Alpha on line 3")
        // The first mention's sentence is short and whole; the link keeps the first evidence.
        #expect(evidence.first == "Short sentence with Alpha.")

        let long = "= Long =\n\nThen \(filler) Alpha \(filler) end.\n\n== See also ==\n\n- Alpha\n"
        let excerpt = try #require(try Self.model(long).graph.links.first?.evidence?.text)
        #expect(excerpt.hasPrefix("…") && excerpt.hasSuffix("…"))
        #expect(excerpt.contains(" Alpha "))
        #expect(excerpt.count == Linker.excerptContext * 2 + "Alpha".count + 2)
    }

    @Test("Mentions on each line of a long paragraph get their own line numbers")
    func linesOfALongParagraph() throws {
        let lines = (0..<500).map { "Alpha is on line \($0 + 3)." }.joined(separator: "\n")
        let model = try Self.model("= Long =\n\n\(lines)\n\n== See also ==\n\n- Alpha\n")
        let numbers = model.graph.links.compactMap(\.evidence?.line)
        #expect(numbers == Array(3..<503))
        #expect(model.graph.links.last?.evidence?.text == "Alpha is on line 502.")
    }

    @Test("An item continued on thousands of indented lines is one item with all of them")
    func longContinuedItem() throws {
        let continuation = (1...3000).map { "  part\($0)" }.joined(separator: "\n")
        let model = try Self.model("= Long =\n\n== Strategies ==\n\n- Foo – start\n\(continuation)\n")
        let item = try #require(model.items.first)
        #expect(model.items.count == 1)
        #expect(item.name == "Foo")
        #expect(item.text.hasPrefix("Foo – start part1 part2"))
        #expect(item.text.hasSuffix("part2999 part3000"))
    }
}
