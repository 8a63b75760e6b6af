/// Text wrapped at a fixed column (`fold -s -w 70`, `fmt`, an editor's hard wrap): a list
/// item's line that stops short of that column only because its next word did not fit goes on
/// with the next line, whatever that line starts with. "- In 2019, the Sudanese Professionals"
/// over "Association called a general strike" named the example "Sudanese Professionals" and
/// made the rest a paragraph (QA 38).
///
/// Without a margin, as in text with a line for each paragraph, a line that starts with a
/// capital under an item starts a paragraph (see `ArticleParser.continuesItem`).
enum HardWrap {
    /// The widest a wrapped line is taken to be: beyond it, a file's long lines are
    /// paragraphs written on one line each.
    static let widestMargin = 200
    /// How far short of the margin a wrapped line may stop (the word that did not fit).
    static let slack = 12

    /// The column the text of `bytes` is wrapped at, in Unicode scalars; nil when it is not
    /// wrapped. It is wrapped when its paragraphs run on over several lines, and at least three
    /// of the lines that a paragraph's next line goes on from, and most of them, end within
    /// `slack` of its longest line. Text with a line for each paragraph has no such lines;
    /// a short list whose lines happen to be alike in length (a lead-in, items) neither.
    static func margin(of bytes: [UInt8]) -> Int? {
        var widest = 0
        var runOn: [Int] = []
        var previous: (width: Int, isText: Bool)?
        for (_, line) in SourceLines(bytes) {
            // Scalars: every byte that does not continue a UTF-8 sequence starts one.
            let width = line.reduce(0) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
            let isText = kind(of: line) == .text
            if isText, let previous, previous.isText { runOn.append(previous.width) }
            widest = max(widest, width)
            previous = (width, isText)
        }
        guard widest <= widestMargin else { return nil }
        let atEdge = runOn.filter { $0 >= widest - slack }.count
        return atEdge >= 3 && atEdge * 2 >= runOn.count ? widest : nil
    }

    private enum LineKind { case blank, heading, item, text }

    /// What a line is to the parser, as far as wrapping goes: a paragraph's line is text.
    private static func kind(of line: ArraySlice<UInt8>) -> LineKind {
        let start = line.drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
        guard let first = start.first else { return .blank }
        if first == UInt8(ascii: "="), start.startIndex == line.startIndex { return .heading }
        let marker = first == UInt8(ascii: "-") || first == UInt8(ascii: "*") ? 1 : start.starts(with: [0xE2, 0x80, 0xA2]) ? 3 : 0
        if marker > 0, let after = start.dropFirst(marker).first, after == 0x20 || after == 0x09 { return .item }
        return .text
    }

    /// Whether an item's `line` as written (marker included), whose text `last` ends no
    /// sentence, was cut at `margin` before the first word of `next`. Its width is counted only
    /// then: most files have no margin.
    static func wrapped(line: String, ending last: Substring, before next: Substring, margin: Int?) -> Bool {
        guard let margin, !endsSentence(last) else { return false }
        let word = next.prefix { !$0.isWhitespace }
        return line.unicodeScalars.count + 1 + word.unicodeScalars.count > margin
    }

    /// Whether `text` ends with a sentence's last mark, before any closing quotes or brackets.
    private static func endsSentence(_ text: Substring) -> Bool {
        let end = text.reversed().drop { "\"'”’)]» ".contains($0) }.first
        return end.map { ".!?:;…".contains($0) } ?? true
    }
}
