import Content
import Foundation

/// One line of the reader at a given width.
public struct ReaderLine: Equatable, Sendable {
    public var block: Int
    public var spans: [TextSpan]
    /// Where the line's text starts in its block's text (UTF-8); 0 for a block's first line
    /// and for the blank lines above it.
    public var offset = 0
}

/// A position in the reader that does not depend on the width: a block, and a line in it.
public struct ReaderAnchor: Hashable, Sendable, Codable {
    public var block: Int
    /// The wrapped line in the block (negative: a blank line above it).
    public var line: Int
    /// For a line after the block's first, where it starts in the block's text: at another
    /// width the anchor is the line holding that text, so a resize keeps the first word on
    /// screen (the line's number alone would point elsewhere in a long paragraph). Nil for
    /// the first line, the blank lines above it, and sessions saved before it existed.
    public var offset: Int?

    public init(block: Int, line: Int = 0, offset: Int? = nil) {
        self.block = block
        self.line = line
        self.offset = offset
    }
}

/// The reader's document wrapped to a width. Computed once per (document, width) and kept
/// by `ReaderLayoutCache`; the state itself keeps only width-free `ReaderAnchor`s.
public struct ReaderLayout: Sendable {
    public let width: Int
    public let lines: [ReaderLine]
    /// For each block, the index of its first line (its blank spacing lines come before).
    public let blockStart: [Int]
    /// For each reference, the first line it appears on.
    public let referenceLine: [Int]
    /// For each block, the blank lines drawn above it (they belong to it: anchors there are negative).
    public let blockSpacing: [Int]

    public init(document: ReaderDocument, width: Int) {
        self.width = max(width, 1)
        var lines: [ReaderLine] = []
        var blockStart: [Int] = []
        var blockSpacing: [Int] = []
        var referenceLine = Array(repeating: 0, count: document.references.count)
        var referenceSeen = Array(repeating: false, count: document.references.count)
        for (index, block) in document.blocks.enumerated() {
            let spacing = lines.isEmpty ? 0 : block.spacingBefore
            for _ in 0..<spacing { lines.append(ReaderLine(block: index, spans: [])) }
            blockSpacing.append(spacing)
            blockStart.append(lines.count)
            for wrapped in Self.wrap(block, width: self.width) {
                for span in wrapped {
                    if let reference = span.reference, !referenceSeen[reference] {
                        referenceSeen[reference] = true
                        referenceLine[reference] = lines.count
                    }
                }
                let offset = wrapped.lazy.compactMap(\.offset).first ?? 0
                lines.append(ReaderLine(block: index, spans: wrapped, offset: offset))
            }
        }
        self.lines = lines
        self.blockStart = blockStart
        self.blockSpacing = blockSpacing
        self.referenceLine = referenceLine
    }

    public var lineCount: Int { lines.count }

    public func line(of anchor: ReaderAnchor) -> Int {
        guard !blockStart.isEmpty else { return 0 }
        let block = min(max(anchor.block, 0), blockStart.count - 1)
        if let offset = anchor.offset, anchor.line > 0 { return line(inBlock: block, atOffset: offset) }
        let first = blockStart[block] - blockSpacing[block]
        let last = max(end(ofBlock: block) - 1, blockStart[block])
        // An anchor read from a saved session may hold any number (`Explorer.bounded` bounds
        // those it restores): far off either way, it is the block's first or last line.
        let (line, overflow) = blockStart[block].addingReportingOverflow(anchor.line)
        return overflow ? (anchor.line < 0 ? first : last) : min(max(line, first), last)
    }

    /// The line of `block` holding its text at UTF-8 `offset`: the block's last line that
    /// starts at or before it (its first line when none does). By bisection, as a block's
    /// lines start at increasing offsets: a paragraph can have thousands of lines, and search
    /// asks this for every match.
    public func line(inBlock block: Int, atOffset offset: Int) -> Int {
        let start = blockStart[block], end = end(ofBlock: block)
        guard end > start else { return start }
        return max(lines[start..<end].partitioningIndex { $0.offset > offset } - 1, start)
    }

    /// Where the block's own lines end: where the next block's spacing begins.
    private func end(ofBlock block: Int) -> Int {
        block + 1 < blockStart.count ? blockStart[block + 1] - blockSpacing[block + 1] : lines.count
    }

    public func anchor(at line: Int) -> ReaderAnchor {
        guard !lines.isEmpty else { return ReaderAnchor(block: 0) }
        let line = min(max(line, 0), lines.count - 1)
        let block = lines[line].block
        let number = line - blockStart[block]
        return ReaderAnchor(block: block, line: number, offset: number > 0 ? lines[line].offset : nil)
    }

    /// The width of the bookmark mark a heading may have after it: " ★".
    static let headingMarkWidth = 2

    /// The block wrapped into lines of spans, the prefix on the first line and the hanging
    /// indent on the others.
    static func wrap(_ block: ReaderBlock, width: Int) -> [[TextSpan]] {
        let prefixWidth = block.prefix.map { $0.text.displayWidth } ?? 0
        let indent = max(block.indent, prefixWidth)
        // A heading keeps room for the bookmark mark after it, " ★" (QA 38: a heading as wide
        // as the pane lost its mark, one that wrapped had it after its first line).
        let available = max(width - indent - (block.isHeading ? Self.headingMarkWidth : 0), 1)
        var text = ""
        var bounds: [Range<Int>] = []
        // Each cross-reference with its number: one unit where text has no spaces (CJK). Only
        // its own spans join it: two references side by side ("東京[1]東京[2]") made one unit,
        // and a run of them longer than the line was cut anywhere, inside a name or a number
        // (QA 25).
        var references: [Range<Int>] = []
        var lastReference: Int?
        for span in block.spans {
            let start = text.utf8.count
            text += span.text
            bounds.append(start..<text.utf8.count)
            defer { lastReference = span.reference }
            guard span.reference != nil || span.isMarker else { continue }
            if let last = references.last, last.upperBound == start, span.reference == lastReference {
                references[references.count - 1] = last.lowerBound..<text.utf8.count
            } else {
                references.append(start..<text.utf8.count)
            }
        }
        let wrapped = TextWrapper.wrap(text, width: available, keptTogether: references)
        guard !wrapped.isEmpty else { return [block.prefix.map { [$0] } ?? []] }
        // Lines and spans are both in text order: each line starts looking at the first span
        // that reaches it (looking at every span for every line made a 1 MB paragraph with
        // thousands of references take seconds to wrap).
        var firstSpan = 0
        return wrapped.enumerated().map { number, line in
            var spans: [TextSpan] = []
            if number == 0, let prefix = block.prefix {
                spans.append(prefix)
                if indent > prefixWidth { spans.append(TextSpan(String(repeating: " ", count: indent - prefixWidth))) }
            } else if indent > 0 {
                spans.append(TextSpan(String(repeating: " ", count: indent)))
            }
            let lower = text.utf8.distance(from: text.startIndex, to: line.range.lowerBound)
            let upper = text.utf8.distance(from: text.startIndex, to: line.range.upperBound)
            while firstSpan < bounds.count, bounds[firstSpan].upperBound <= lower { firstSpan += 1 }
            for (span, bound) in zip(block.spans[firstSpan...], bounds[firstSpan...]) {
                if bound.lowerBound >= upper { break }
                let start = max(bound.lowerBound, lower), end = min(bound.upperBound, upper)
                guard start < end else { continue }
                let from = text.utf8.index(text.startIndex, offsetBy: start)
                let to = text.utf8.index(text.startIndex, offsetBy: end)
                spans.append(TextSpan(String(text[from..<to]), span.style, reference: span.reference,
                                      isMarker: span.isMarker, offset: start))
            }
            return spans
        }
    }
}

/// Keeps reader documents, and their layouts by width, so scrolling never re-wraps the
/// article: a memo owned by one explorer, not state (see `Memo`).
public final class ReaderLayoutCache: Sendable {
    /// Every document asked for: the article and the cards opened.
    private let documents: Memo<ReaderContent, ReaderDocument>
    /// A few layouts: one a width, and the window is resized now and then.
    private let layouts: Memo<LayoutKey, ReaderLayout>

    private struct LayoutKey: Hashable {
        var content: ReaderContent
        var width: Int
    }

    public init(build: @escaping @Sendable (ReaderContent) -> ReaderDocument) {
        let documents = Memo(limit: .max, build: build)
        self.documents = documents
        layouts = Memo(limit: 17) { ReaderLayout(document: documents[$0.content], width: $0.width) }
    }

    public func document(_ content: ReaderContent) -> ReaderDocument {
        documents[content]
    }

    public func layout(_ content: ReaderContent, width: Int) -> ReaderLayout {
        layouts[LayoutKey(content: content, width: width)]
    }
}
