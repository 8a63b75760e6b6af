import Content
import Testing

@testable import TUI

/// Wrapping and the outline on large articles: what they produce (their speed is in
/// scripts/bench-scaling.sh and the notes).
@Suite("Large articles in the reader and outline")
struct LongTextLayoutTests {
    /// 2,000 spans, every other one a reference, wrapped at 37 columns: every line's spans are
    /// exactly its text, each piece keeps the style and reference of the span it came from,
    /// and the pieces run in order through the whole paragraph.
    @Test func wrappingManySpansKeepsEachPieceWithItsSpan() throws {
        var spans: [TextSpan] = []
        for index in 0..<2000 {
            spans.append(index.isMultiple(of: 2)
                ? TextSpan("plain words \(index) ", .normal)
                : TextSpan("Ref\(index)", Style(.link), reference: index))
        }
        let block = ReaderBlock(spans: spans, prefix: nil, indent: 0, spacingBefore: 0, section: 0)
        let text = spans.map(\.text).joined()
        var starts: [Int] = []
        var position = 0
        for span in spans {
            starts.append(position)
            position += span.text.utf8.count
        }
        let lines = ReaderLayout.wrap(block, width: 37)
        #expect(lines.count > 500)
        var lastOffset = -1
        for line in lines {
            for piece in line {
                let offset = try #require(piece.offset)
                #expect(offset > lastOffset)
                lastOffset = offset
                let start = text.utf8.index(text.startIndex, offsetBy: offset)
                #expect(text[start...].hasPrefix(piece.text))
                // The source span that holds this offset: the last one starting at or before it.
                let source = spans[try #require(starts.lastIndex { $0 <= offset })]
                #expect(source.reference == piece.reference)
                #expect(source.style == piece.style)
            }
        }
        #expect(lines.flatMap { $0 }.map(\.text).joined().filter { $0 != " " } == text.filter { $0 != " " })
    }

    /// The outline's tree, by the document-order rule, against every section's parent.
    @Test func childrenFollowTheParents() throws {
        var text = "= Deep =\n\n"
        let levels = (0..<400).map { [2, 3, 4, 3, 5, 6, 2, 4, 3][$0 % 9] }
        for (index, level) in levels.enumerated() {
            let marks = String(repeating: "=", count: level)
            text += "\(marks) S\(index) \(marks)\n\nText.\n\n"
        }
        let article = try ArticleParser().parse(text, path: "deep.txt")
        for index in [nil] + article.sections.indices.map(Optional.some) {
            let expected = article.sections.indices.filter { $0 != 0 && article.sections[$0].parent == index }
            #expect(article.children(of: index) == expected, "children of \(String(describing: index))")
        }
    }
}
