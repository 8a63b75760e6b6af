import Content

/// One line of wrapped text, with where it came from in the source string.
public struct WrappedLine: Equatable, Sendable {
    /// The source range this line shows. Spaces at a break belong to no line.
    public var range: Range<String.Index>
    /// The text of the line: the source's characters in `range`.
    public var text: Substring

    public init(range: Range<String.Index>, text: Substring) {
        self.range = range
        self.text = text
    }

    /// Columns the line occupies.
    public var width: Int { text.displayWidth }
}

/// Greedy word wrapping by display width, for the reader.
///
/// Lines keep their source ranges, so a caller can map a character range of the source (a
/// link, a search match) to the line that draws it.
///
/// Widths are `displayWidth`: an unsafe scalar counts as its visible replacement, which is
/// what `CellBuffer.put` draws. A tab counts as one cell, as `CellBuffer.put` draws it and
/// `TextSafety.neutralized` writes it: article text is reflowed, so it has no tab stops.
public enum TextWrapper {
    /// Lines of at most `width` columns.
    ///
    /// - Breaks at spaces (U+0020 and tab; a no-break space does not break); the spaces at a
    ///   break are dropped, spaces inside a line are kept, leading spaces (an indent) are
    ///   kept when the first word fits after them.
    /// - Text without spaces may also break before an ideograph (Han, kana, emoji), except before
    ///   closing punctuation (、。）) or after opening punctuation, as UAX #14 breaks CJK.
    /// - A word longer than `width` starts a new line and is broken at grapheme-cluster
    ///   boundaries, so "👨‍👩‍👧" or "e\u{301}" are never split.
    /// - A newline (LF or CR LF) ends a line; an empty text or an empty line between two
    ///   newlines gives an empty line.
    /// - The only line wider than `width` is a single cluster that fits no line at all (a
    ///   wide character when `width` is 1). A `width` below 1 gives no lines.
    ///
    /// `keptTogether` are UTF-8 ranges of `text`, in order, inside which text without spaces
    /// does not break (a cross-reference and its number, "東京[1]"); spaces still break them.
    public static func wrap(_ text: String, width: Int, keptTogether: [Range<Int>] = []) -> [WrappedLine] {
        guard width >= 1 else { return [] }
        var builder = LineBuilder(text: text, width: width, keptTogether: keptTogether)
        // Paragraphs end at each LF, or at the CR of a CR LF: found in the UTF-8 bytes rather
        // than cluster by cluster, as an LF is always a cluster of its own or the end of
        // CR LF (a lone CR is no newline, as before).
        let bytes = builder.bytes
        var paragraphStart = 0
        while let newline = bytes[paragraphStart...].firstIndex(of: 0x0A) {
            let end = newline > paragraphStart && bytes[newline - 1] == 0x0D ? newline - 1 : newline
            builder.wrapParagraph(paragraphStart..<end)
            paragraphStart = newline + 1
        }
        builder.wrapParagraph(paragraphStart..<bytes.count)
        return builder.lines
    }
}

/// The state of one `wrap` call: the line being filled and the lines done.
///
/// Positions are offsets into the text's UTF-8 (`bytes`), made `String.Index`es only for the
/// lines it returns: walking `String.Index`es cost most of the time to wrap an article.
private struct LineBuilder {
    let text: String
    let bytes: [UInt8]
    let width: Int
    var lines: [WrappedLine] = []

    /// The current line's start and end (UTF-8 offsets), and its width; nil when no word yet.
    private var lineStart: Int?
    private var lineEnd = 0
    private var lineWidth = 0

    let keptTogether: [Range<Int>]

    init(text: String, width: Int, keptTogether: [Range<Int>] = []) {
        self.text = text
        self.bytes = Array(text.utf8)
        self.width = width
        self.keptTogether = keptTogether
    }

    /// Whether `offset` is strictly inside one of the ranges kept together.
    func isKeptTogether(at offset: Int) -> Bool {
        guard !keptTogether.isEmpty else { return false }
        let next = keptTogether.partitioningIndex { $0.lowerBound >= offset }
        return next > 0 && keptTogether[next - 1].upperBound > offset
    }

    /// One grapheme cluster of `text`, as the wrapper sees it.
    struct Cluster {
        enum Kind { case space, newline, other }
        var end: Int
        var kind: Kind
        var width: Int
        /// Han, kana and their punctuation: scripts written without spaces, where a line may
        /// break before any character (UAX #14's ideographs), unless `isClosing`. Emoji too,
        /// which UAX #14 breaks as ideographs (QA 28: a run of them was one long word, cut
        /// wherever the line ended, a cross-reference's "[1]" in two).
        var isIdeographic = false
        /// Punctuation no line starts with (、。）」 …).
        var isClosing = false
        /// Punctuation no line ends with ( （「 [ …).
        var isOpening = false

        /// Whether a line may break between `self` and `next`, within a run without spaces:
        /// only before an ideograph, so a cross-reference's "[1]" stays on its word's line,
        /// as a Latin word's does ("東京[1]"; it was cut "東京[" / "1]" when the run was
        /// longer than the line), and never before closing or after opening punctuation.
        func allowsBreak(before next: Cluster) -> Bool {
            next.isIdeographic && !next.isClosing && !isOpening
        }

        static let opening: Set<Unicode.Scalar> = ["（", "「", "『", "【", "〈", "《", "〔", "〖", "〘", "〚", "｛", "［"]
    }

    /// The cluster that starts at `offset`. Printable ASCII followed by ASCII, almost all of
    /// an article, is read from the UTF-8 bytes: such a byte is a cluster of its own (only a
    /// following non-ASCII scalar, as in "e\u{301}", could extend it). Anything else goes
    /// through `Character`, whose grapheme breaking is what made wrapping slow (the explorer
    /// set-up went from 2.8 to 1.8 ms for the bundled article; `seealso-bench cold`).
    func cluster(at offset: Int) -> Cluster {
        let byte = bytes[offset]
        if byte >= 0x20 && byte < 0x7F {
            let next = offset + 1
            if next == bytes.count || bytes[next] < 0x80 {
                return Cluster(end: next, kind: byte == 0x20 ? .space : .other, width: 1,
                               isOpening: byte == UInt8(ascii: "(") || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{"))
            }
        }
        let character = text[index(offset)]
        let kind: Cluster.Kind = switch character {
        case " ", "\t": .space
        case "\n", "\r\n": .newline
        default: .other
        }
        let first = character.unicodeScalars.first!
        return Cluster(end: offset + character.utf8.count, kind: kind, width: character.displayWidth,
                       isIdeographic: first.isIdeographic || first.properties.isEmojiPresentation, isClosing: first.isClosingPunctuation,
                       isOpening: Cluster.opening.contains(first) || "([{".unicodeScalars.contains(first))
    }

    private func index(_ offset: Int) -> String.Index {
        text.utf8.index(text.utf8.startIndex, offsetBy: offset)
    }

    /// Wraps the text between two newlines.
    mutating func wrapParagraph(_ range: Range<Int>) {
        let linesBefore = lines.count
        lineStart = nil
        lineWidth = 0
        // Spaces since the last word: (start, width). Leading ones are the indent.
        var pendingSpace: (start: Int, width: Int)? = nil
        var isFirstWord = true
        var offset = range.lowerBound
        // The cluster that ended the previous run starts the next: each is read once.
        var first = offset < range.upperBound ? cluster(at: offset) : nil
        while let runStart = first {
            let isSpace = runStart.kind == .space
            var end = runStart.end
            var runWidth = runStart.width
            var last = runStart
            // Whether the run ended at a break inside text without spaces (before an ideograph).
            var brokeInside = false
            first = nil
            while end < range.upperBound {
                let next = cluster(at: end)
                guard (next.kind == .space) == isSpace else {
                    first = next
                    break
                }
                if !isSpace, last.allowsBreak(before: next), !isKeptTogether(at: end) {
                    first = next
                    brokeInside = true
                    break
                }
                runWidth += next.width
                end = next.end
                last = next
            }
            if isSpace {
                pendingSpace = (offset, runWidth)
            } else {
                addWord(offset..<end, width: runWidth, after: pendingSpace, isFirstWord: isFirstWord)
                // The next piece follows with no space between, and may start the next line.
                pendingSpace = brokeInside ? (end, 0) : nil
                isFirstWord = false
            }
            offset = end
        }
        finishLine()
        if lines.count == linesBefore {
            let start = index(range.lowerBound)
            lines.append(WrappedLine(range: start..<start, text: text[start..<start]))
        }
    }

    /// Adds a word after `space` (the spaces since the previous word, or the indent when
    /// this is the paragraph's first word).
    private mutating func addWord(
        _ word: Range<Int>, width wordWidth: Int,
        after space: (start: Int, width: Int)?, isFirstWord: Bool
    ) {
        let spaceWidth = space?.width ?? 0
        if lineStart != nil {
            if lineWidth + spaceWidth + wordWidth <= width {
                lineEnd = word.upperBound
                lineWidth += spaceWidth + wordWidth
                return
            }
            finishLine()
        } else if isFirstWord, let space, spaceWidth + wordWidth <= width {
            start(at: space.start, width: spaceWidth + wordWidth)
            lineEnd = word.upperBound
            return
        }
        if wordWidth <= width {
            start(at: word.lowerBound, width: wordWidth)
            lineEnd = word.upperBound
            return
        }
        breakLongWord(word)
    }

    /// Fills lines with the word's clusters, leaving its last piece as the current line.
    private mutating func breakLongWord(_ word: Range<Int>) {
        var offset = word.lowerBound
        while offset < word.upperBound {
            let next = cluster(at: offset)
            if lineStart != nil && lineWidth + next.width > width {
                finishLine()
            }
            if lineStart == nil { start(at: offset, width: 0) }
            lineWidth += next.width
            offset = next.end
            lineEnd = offset
        }
    }

    private mutating func start(at offset: Int, width: Int) {
        lineStart = offset
        lineEnd = offset
        lineWidth = width
    }

    private mutating func finishLine() {
        guard let lineStart else { return }
        let range = index(lineStart)..<index(lineEnd)
        lines.append(WrappedLine(range: range, text: text[range]))
        self.lineStart = nil
        lineWidth = 0
    }
}
