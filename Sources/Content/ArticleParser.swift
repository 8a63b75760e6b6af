import Foundation

/// Reads the plain-text article form:
///
///     = Title =
///     Lead paragraph…
///     == Heading ==          (levels 2–6; `==Heading==` too)
///     Paragraph lines, joined until a blank line, heading or list item.
///     - List item            (the indented lines under it continue it, and those that
///                              go on with its sentence: see `continuesItem`)
///     - Name – description   (en dash, em dash or " - ")
///
/// CRLF line ends and a UTF-8 byte-order mark are accepted. A malformed article throws
/// `SourceErrors`: every problem of the file, each `path:line: message`, so that one run
/// shows all there is to fix, as for a links file. Anything else, however odd, loads.
public struct ArticleParser: Sendable {
    public static let maxHeadingLevel = 6

    public init() {}

    public func parse(contentsOf url: URL, displayPath: String? = nil) throws -> Article {
        let path = displayPath ?? url.path
        return try parse(bytes: RegularFile.bytes(atPath: url.path, displayPath: path), path: path)
    }

    public func parse(_ text: String, path: String = "<string>") throws -> Article {
        try parse(bytes: Array(text.utf8), path: path)
    }

    public func parse(bytes: [UInt8], path: String) throws -> Article {
        if let problem = Self.wholeFileProblem(bytes) { throw SourceErrors([SourceError(path: path, line: 1, message: problem)]) }
        var builder = Builder(path: path, margin: HardWrap.margin(of: bytes))
        var advised = false
        var lineNumber = 0
        for (number, raw) in SourceLines(bytes) {
            lineNumber = number
            guard let line = String(validating: raw, as: UTF8.self) else {
                // What the file's bytes say of its encoding is said once, at its first bad byte.
                // Line 1's byte-order mark, which `SourceLines` leaves out, is counted (`cut -b`):
                // line 1 starts at the file's start, so its slice starts after what was left out.
                let problem = InvalidUTF8.inLine(raw, number: lineNumber, before: lineNumber == 1 ? raw.startIndex : 0)
                builder.reportUnreadable((advised ? problem?.message : problem?.message(in: bytes)) ?? "invalid UTF-8", line: lineNumber)
                advised = true
                continue
            }
            builder.consume(line, number: lineNumber)
        }
        return try builder.finish(lastLine: lineNumber)
    }

    /// What makes the whole file no article, said at line 1 before any line is read: it is
    /// empty, or its line ends or encoding are another system's.
    private static func wholeFileProblem(_ bytes: [UInt8]) -> String? {
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        if bytes[start...].allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            return "empty file: an article starts with a title line '= Title ='"
        }
        // Classic Mac OS line ends: read as one line, the file was "missing title … found
        // '= T =^M^M…'", which did not say why.
        // One LF at the very end (`printf '…\r\n'`) makes them no other system's (QA 38).
        let lines = bytes.last == 0x0A ? bytes[start..<(bytes.count - 1)] : bytes[start...]
        if !lines.contains(0x0A), let cr = lines.firstIndex(of: 0x0D), cr < lines.endIndex - 1 {
            return "its lines end in CR alone (classic Mac OS); seealso reads LF or CRLF line ends (convert with: tr '\\r' '\\n')"
        }
        if let utf16 = InvalidUTF8.utf16(bytes) { return utf16 }
        // A second mark was the title line's first character, invisible in "missing title …
        // found '﻿= T ='": said as a links file and a configuration say it.
        if start == 3, bytes[start...].starts(with: [0xEF, 0xBB, 0xBF]) { return TOMLInput.secondByteOrderMark }
        return nil
    }

    /// The title of the article in file `path`, which may not parse as a whole: its title line
    /// read alone; nil when the file cannot be read, or its first line that is not blank is no
    /// title (or not UTF-8). What a folder keeps by title (the article read last, the
    /// history's steps into it) is kept so while a syntax error further down lasts: the file
    /// is there, only it does not load now.
    public static func title(atPath path: String) -> String? {
        (try? RegularFile.bytes(atPath: path)).flatMap(title(in:))
    }

    /// `title(atPath:)` of bytes already read.
    public static func title(in bytes: [UInt8]) -> String? {
        for (_, raw) in SourceLines(bytes) {
            guard let line = String(validating: raw, as: UTF8.self) else { return nil }
            let trimmed = line.trimmingSpaces()[...]
            if !trimmed.isEmpty {
                guard HeadingSyntax.isCandidate(trimmed), case .heading(1, let text) = HeadingSyntax.parse(trimmed) else { return nil }
                return text
            }
        }
        return nil
    }
}

/// An article's lines as the parser reads them, numbered from 1: after a byte-order mark,
/// each without its LF or CR LF; a last LF ends one more, empty line.
struct SourceLines: Sequence, IteratorProtocol {
    private let bytes: [UInt8]
    private var start: Int
    private var number = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    }

    mutating func next() -> (number: Int, bytes: ArraySlice<UInt8>)? {
        guard start <= bytes.count else { return nil }
        number += 1
        var end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
        let line = start
        start = end + 1
        if end > line, bytes[end - 1] == 0x0D { end -= 1 }
        return (number, bytes[line..<end])
    }
}

/// Heading syntax, shared by the parser and anything that needs to recognise a heading.
enum HeadingSyntax {
    enum Result: Equatable {
        case heading(level: Int, text: String)
        case error(String)
    }

    /// Whether a line (without its spaces at either end) is read as a heading: its first
    /// scalar is '='. By scalar: with a combining mark after it, the first Character is no
    /// '=', and `=◌́= A ==` was paragraph text.
    static func isCandidate(_ trimmed: Substring) -> Bool { trimmed.unicodeScalars.first == "=" }

    /// `trimmed` must be a candidate (`isCandidate`). Its '=' marks are counted by scalar: a
    /// combining mark (or a joiner) after an '=' makes the two one Character that is no '=',
    /// and `== A ==◌́` said "2 '=' before the text and 0 after". Such a mark among
    /// the marks is said as what it is.
    static func parse(_ trimmed: Substring) -> Result {
        let scalars = Array(trimmed.unicodeScalars)
        let leading = scalars.prefix { $0 == "=" }.count
        if leading == scalars.count {
            return .error("heading has no text, only '=' marks")
        }
        let marks = String(repeating: "=", count: leading)
        if joinsPrevious(scalars[leading]) {
            return .error("\(describe(scalars[leading])) after the heading's opening '\(marks)'")
        }
        // The closing marks: the '=' at the end, with what joins them; a mark right before
        // them belongs to the text's last letter.
        var start = scalars.count
        while start > leading, scalars[start - 1] == "=" || joinsPrevious(scalars[start - 1]) { start -= 1 }
        while start < scalars.count, scalars[start] != "=" { start += 1 }
        let closing = scalars[start...]
        if let joined = closing.firstIndex(where: { $0 != "=" }) {
            let closingMarks = String(repeating: "=", count: closing.count { $0 == "=" })
            return .error("\(describe(scalars[joined])) \(closing.last == "=" ? "among" : "after") the heading's closing '\(closingMarks)'")
        }
        let trailing = closing.count
        // Sliced by scalar too: a Character may hold an '=' (U+0600 before it, say).
        let unicode = trimmed.unicodeScalars
        let bodyStart = unicode.index(unicode.startIndex, offsetBy: leading)
        guard leading == trailing else {
            // "== A == extra": the closing marks are there, with text after them; "0 after"
            // read as if they were missing.
            let body = Substring(unicode[bodyStart...])
            if trailing == 0, let closing = body.range(of: marks) {
                let after = body[closing.upperBound...].trimmingSpaces()
                if !after.isEmpty, !after.hasPrefix("=") {
                    return .error("text after the heading's closing '\(marks)': '\(after.quotable)'")
                }
            }
            return .error("unbalanced heading: \(leading) '=' before the text and \(trailing) after")
        }
        guard leading <= ArticleParser.maxHeadingLevel else {
            return .error("heading level \(leading) is deeper than \(ArticleParser.maxHeadingLevel) (at most '======')")
        }
        let text = Substring(unicode[bodyStart..<unicode.index(unicode.endIndex, offsetBy: -trailing)]).trimmingSpaces()
        if text.showsNothing { return .error("empty heading") }
        return .heading(level: leading, text: text)
    }

    /// Whether `scalar` after an '=' makes one Character with it.
    private static func joinsPrevious(_ scalar: Unicode.Scalar) -> Bool {
        var pair = "="
        pair.unicodeScalars.append(scalar)
        return pair.count == 1
    }

    /// "a combining mark (U+0301)", or "a joining character (U+200D)" for one of another category.
    private static func describe(_ scalar: Unicode.Scalar) -> String {
        let kind: String
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: kind = "a combining mark"
        default: kind = "a joining character"
        }
        return kind + " (" + scalar.codePointName + ")"
    }
}

/// Accumulates lines into an `Article`; one instance per parse.
private struct Builder {
    let path: String
    var title: String?
    var titleLine = 0
    var sections: [Section] = [Section(id: "lead", title: "(lead)", level: 1, line: 1, parent: nil)]
    var slugs = SlugAllocator(reserved: ["lead"])
    var flaggedLines: [Int] = []
    /// Every problem found so far, in line order: reading goes on after one, so that a run
    /// lists them all (the first alone made the author rerun once per mistake).
    var problems: [SourceError] = []
    /// Whether a problem was reported where the title line should be (a line with text that
    /// is no title, a malformed title line, a line that is no UTF-8): said once, and a title
    /// line further down is still taken for the title, not for a second one.
    var titleProblemReported = false

    var paragraphLines: [Substring] = []
    var paragraphStart = 0
    var paragraphEnd = 0
    var listItems: [ListItem] = []
    /// The item being read: its first line's text and the lines that continue it,
    /// joined once it is complete (joining on every line made 16,000 of them take 7 s).
    var openItem: (parts: [Substring], line: Int)?
    /// The brackets and quotation marks the open item's lines leave open, counted as each
    /// line is read: counting them again for each line made an item of many lines quadratic.
    var openItemMarks = OpenMarks()
    var listLeadIn: (sentence: String, isApart: Bool)?
    /// The column the file's text is wrapped at, if it is (see `HardWrap`), and the last line
    /// read: an item whose line stopped short of the margin only because the next word did not
    /// fit goes on with that word's line.
    let margin: Int?
    var previousLine = ""

    init(path: String, margin: Int? = nil) {
        self.path = path
        self.margin = margin
    }

    /// Records a problem at `line`; the line itself is left out of the article, which does
    /// not load (see `finish`).
    mutating func report(_ message: String, line: Int) {
        problems.append(SourceError(path: path, line: line, message: message))
    }

    /// Records a line that is no text (invalid UTF-8). Before the title it stands for the title
    /// line, which it may be (a Latin-1 "= Café ="): the lines after it are not each "missing
    /// title".
    mutating func reportUnreadable(_ message: String, line: Int) {
        report(message, line: line)
        if title == nil { titleProblemReported = true }
    }

    mutating func consume(_ line: String, number: Int) {
        var bytes = line
        if bytes.withUTF8(TextSafety.containsUnsafeOtherThanTab) { flaggedLines.append(number) }
        let trimmed = line.trimmingSpaces()[...]
        let lineBefore = previousLine
        previousLine = line

        if title == nil {
            if trimmed.isEmpty { return }
            // The title line is a heading of level 1: what is wrong with it is said as for any
            // heading. "missing title … found '= T =^@'" hid the NUL after it.
            switch HeadingSyntax.isCandidate(trimmed) ? HeadingSyntax.parse(trimmed) : nil {
            case .heading(1, let text)?:
                title = Self.shown(text)
                titleLine = number
                sections[0].line = number
                return
            case .error(let message)?:
                report(message, line: number)
                titleProblemReported = true
                return
            case .heading?, nil:
                guard !titleProblemReported else { break }
                report("missing title: an article starts with a line '= Title =', found '\(Self.excerpt(trimmed))'", line: number)
                titleProblemReported = true
            }
        }
        if trimmed.isEmpty {
            flushParagraph()
            flushList()
            return
        }
        // A heading starts at the margin, as in MediaWiki: an indented `== X ==` is text, which
        // under an item goes on with it (QA 30: it cut a See also list in two, and the entries
        // after it were no topics).
        if line.unicodeScalars.first == "=" {
            switch HeadingSyntax.parse(trimmed) {
            case .error(let message):
                report(message, line: number)
            case .heading(1, _):
                report("a second title line; section headings use '==' to '======'", line: number)
            case .heading(let level, let text):
                flushParagraph()
                flushList()
                startSection(level: level, title: Self.shown(text), line: number)
            }
            return
        }
        if let itemText = Self.listItemText(trimmed) {
            closeItem()
            if listItems.isEmpty { listLeadIn = takeLeadIn() }
            flushParagraph()
            openItem = ([itemText], number)
            openItemMarks = OpenMarks(itemText)
            return
        }
        // A marker with nothing after it, in a list: an entry left empty (one being written),
        // which reads as nothing, and the list goes on past it (QA 40: it was a paragraph "-"
        // that cut the list in two, and the reader showed it).
        if openItem != nil || !listItems.isEmpty, Self.isLoneMarker(trimmed) {
            closeItem()
            return
        }
        if let open = openItem, line.first == " " || line.first == "\t"
            || Self.continuesItem(trimmed, after: open.parts[open.parts.count - 1], leavingOpen: openItemMarks.leaveOpen)
            || HardWrap.wrapped(line: lineBefore, ending: open.parts[open.parts.count - 1], before: trimmed, margin: margin) {
            // A line right under an item continues it when indented, or when it goes on with
            // the item's sentence (CommonMark's "lazy continuation", for an item wrapped at the
            // margin: its next line was a paragraph, and the items after it a list without the
            // lead-in).
            openItem?.parts.append(trimmed)
            openItemMarks.add(trimmed)
            return
        }
        flushList()
        if paragraphLines.isEmpty { paragraphStart = number }
        paragraphLines.append(trimmed)
        paragraphEnd = number
    }

    mutating func finish(lastLine: Int) throws -> Article {
        flushParagraph()
        flushList()
        if title == nil, !titleProblemReported { report("missing title: no line '= Title =' in the file", line: lastLine) }
        guard let title, problems.isEmpty else { throw SourceErrors(problems) }
        return Article(title: title, titleLine: titleLine, path: path, sections: sections, flaggedLines: flaggedLines)
    }

    /// A heading (or the title line) as it reads: MediaWiki shows a link in one as its label,
    /// so "[[Paris Commune]] and after" is "Paris Commune and after" wherever it is shown,
    /// looked for or named (QA 40: the outline, the reader and `outline` showed the brackets,
    /// where the reader showed the same link in a paragraph as it reads). Wikipedia's style
    /// avoids links in headings; articles from elsewhere have them. One that would read as
    /// nothing (only a link to a category) is kept as written.
    static func shown(_ heading: String) -> String {
        guard heading.contains("[[") else { return heading }
        let shown = WikiLink.asShown(heading).trimmingSpaces()
        return shown.isEmpty ? heading : shown
    }

    private mutating func startSection(level: Int, title: String, line: Int) {
        var parent: Int? = sections.count - 1
        while let candidate = parent, candidate != 0, sections[candidate].level >= level {
            parent = sections[candidate].parent
        }
        if parent == 0 { parent = nil }
        sections.append(Section(id: slugs.allocate(for: title), title: title, level: level, line: line, parent: parent))
    }

    /// Whether an unindented `line` right under an item's `last` line goes on with it: it
    /// starts in lowercase, or the item cannot end there (a comma, a dash, an opening bracket,
    /// a word such as "of" or "by", a bracket or quotation mark its lines left open, `leavingOpen`:
    /// `– "Black` over `Repartition", led by…`, QA 38). A line that starts otherwise starts a
    /// paragraph: a list's lead-in ("Their main strategies were:"), a sentence after the list, a
    /// numbered line. Taking every such line into the item named "Industrial Workers of the
    /// World Their main strategies" and made the list after it examples.
    static func continuesItem(_ line: Substring, after last: Substring, leavingOpen: Bool) -> Bool {
        if let first = line.first, first.isLowercase { return true }
        if leavingOpen { return true }
        guard let end = last.last else { return false }
        if ",;–—-(/&".contains(end) { return true }
        guard let word = last.split(separator: " ").last?.lowercased() else { return false }
        return ExampleNamer.connectors.contains(word) || ExampleNamer.articles.contains(word)
            || Classifier.subjectStopWords.contains(word)
    }

    /// The last sentence of the paragraph just before a list introduces it when the paragraph
    /// touches the list. Across a blank line (Wikipedia often writes it as a paragraph of its
    /// own) only a sentence that announces a list does (`Classifier.announcesList`): a
    /// paragraph that merely mentions a "strategy" says nothing of the list after it.
    /// Apart, one that does not end in ':' gives way to a heading that names a kind (see
    /// `ListBlock.leadInIsApart`).
    private mutating func takeLeadIn() -> (sentence: String, isApart: Bool)? {
        if !paragraphLines.isEmpty {
            return (Self.lastSentence(of: paragraphLines.joinedWithSpaces()), false)
        }
        guard case .paragraph(let paragraph)? = sections[sections.count - 1].blocks.last else { return nil }
        let sentence = Self.lastSentence(of: paragraph.text)
        return Classifier.announcesList(sentence) ? (sentence, !sentence.hasSuffix(":")) : nil
    }

    private mutating func flushParagraph() {
        guard !paragraphLines.isEmpty else { return }
        let text = paragraphLines.joinedWithSpaces()
        var starts: [Int] = []
        var offset = 0
        for line in paragraphLines {
            starts.append(offset)
            offset += line.utf8.count + 1
        }
        sections[sections.count - 1].blocks.append(.paragraph(Paragraph(text: text, line: paragraphStart, endLine: paragraphEnd,
                                                                        lineStarts: starts)))
        paragraphLines.removeAll(keepingCapacity: true)
    }

    private mutating func closeItem() {
        guard let open = openItem else { return }
        var starts: [Int] = []
        var offset = 0
        for part in open.parts {
            starts.append(offset)
            offset += part.utf8.count + 1
        }
        listItems.append(Self.makeItem(open.parts.joinedWithSpaces()[...], line: open.line, lineStarts: starts))
        openItem = nil
    }

    private mutating func flushList() {
        closeItem()
        guard !listItems.isEmpty else { return }
        sections[sections.count - 1].blocks.append(.list(ListBlock(items: listItems, leadIn: listLeadIn?.sentence,
                                                                  leadInIsApart: listLeadIn?.isApart ?? false)))
        listItems.removeAll(keepingCapacity: true)
        listLeadIn = nil
    }

    /// What starts a list item, before a space or a tab.
    static let listMarkers: Set<Unicode.Scalar> = ["-", "*", "•"]

    /// A list item's marker alone, with no text (see `listItemText`).
    static func isLoneMarker(_ trimmed: Substring) -> Bool {
        let scalars = trimmed.unicodeScalars
        return scalars.count == 1 && listMarkers.contains(scalars[scalars.startIndex])
    }

    /// By scalar, not character: a combining mark after the space makes the two one
    /// character (`- ◌́text`), and the line was taken for a paragraph.
    static func listItemText(_ trimmed: Substring) -> Substring? {
        let scalars = trimmed.unicodeScalars
        guard let marker = scalars.first, listMarkers.contains(marker) else { return nil }
        let rest = scalars.dropFirst()
        guard let space = rest.first, space == " " || space == "\t" else { return nil }
        let text = rest.drop { $0 == " " || $0 == "\t" }
        return text.isEmpty ? nil : Substring(text)
    }

    /// Splits `Name – description` when the part before the dash is short enough to be a name.
    /// A dash at either end splits too: `Name –` is a name with no description, and
    /// `– description` an item with no name (its name is empty: see `ListItem.name`).
    static func makeItem(_ text: Substring, line: Int, lineStarts: [Int] = [0]) -> ListItem {
        let text = String(text)
        guard let split = dashSplit(text, namedIf: { $0.isEmpty || Self.canBeName($0) }) else {
            return ListItem(text: text, line: line, lineStarts: lineStarts)
        }
        return ListItem(text: text, line: line, name: split.name, description: split.description,
                        separator: split.separator, lineStarts: lineStarts)
    }

    /// The name, description and separator (the dash as written, with its spaces) of the
    /// first dash that parts `text` into a name (`namedIf`) and what follows:
    /// - a spaced one, an en dash first, then an em dash, then a hyphen; the spaces may be
    ///   tabs or no-break spaces (`Anarchism\u{A0}– a philosophy`, as text copied from
    ///   Wikipedia has it; QA 32: they were kept in the name);
    /// - else an unspaced em dash, as Wikipedia's style writes it ("Syndicalism—building
    ///   unions"; QA 30: the name was the whole item), but not one of a pair, which sets a
    ///   clause apart ("The workers—who had struck for weeks—won"; QA 32). Not an en dash,
    ///   which joins a name's parts ("Marxism–Leninism"). At either end it is as a spaced dash
    ///   there (QA 31): `- Name—` a name with no description, `- —text` an item without a name.
    /// Nil when no dash parts it.
    static func dashSplit(_ text: String, namedIf isName: (String) -> Bool) -> (name: String, description: String?, separator: String)? {
        func split(at range: Range<String.Index>) -> (name: String, description: String?, separator: String)? {
            var name = text[..<range.lowerBound].trimmingSpaces()
            // A full stop after a short name is no part of it, as for a name alone (QA 38:
            // "- Syndicalism. – building unions" was one name of all of it).
            if !isName(name), let short = withoutFullStop(name), isName(short) { name = short }
            guard closesItsBrackets(name[...]), isName(name) else { return nil }
            let description = text[range.upperBound...].trimmingSpaces()
            return (name, description.isEmpty ? nil : description, String(text[range]))
        }
        // Spaces other than " " around a dash are rare: looked for only where a spaced dash is not.
        var otherSpaces: Bool?
        for (separator, dash) in [(" – ", "\u{2013}" as Unicode.Scalar), (" — ", "\u{2014}"), (" - ", "-")] {
            if var range = separatorRange(separator, in: text) {
                // A dash inside brackets is theirs, a span of dates ("Montgomery bus boycott
                // (December 1955 – December 1956) – a boycott"; QA 36: the name "Montgomery bus
                // boycott (December 1955"): one after them parts the name, if there is one.
                // The brackets' depth is carried on from dash to dash: each part read once.
                var depth = bracketDepth(text[..<range.lowerBound])
                while depth > 0, let next = nextSeparator(separator, in: text, after: range.upperBound) {
                    depth = bracketDepth(text[range.lowerBound..<next.lowerBound], from: depth)
                    range = next
                }
                if let found = split(at: range) { return found }
                continue
            }
            if otherSpaces == nil { otherSpaces = text.unicodeScalars.contains { $0 != " " && Substring.isSpace($0) } }
            if otherSpaces == true, let range = otherwiseSpacedRange(of: dash, in: text), let found = split(at: range) { return found }
        }
        if let offset = text.firstOffset(ofBytes: "\u{2014}") {
            let scalars = text.unicodeScalars
            var lower = text.utf8.index(text.startIndex, offsetBy: offset)
            var upper = scalars.index(after: lower)
            guard !scalars[upper...].contains("\u{2014}") else { return nil }
            while lower > scalars.startIndex, Substring.isSpace(scalars[scalars.index(before: lower)]) { lower = scalars.index(before: lower) }
            while upper < scalars.endIndex, Substring.isSpace(scalars[upper]) { upper = scalars.index(after: upper) }
            return split(at: lower..<upper)
        }
        return nil
    }

    /// The first `separator` of `text` at or after `start`, found by its bytes between ASCII, as
    /// `separatorRange` finds the first (Foundation's search from each dash read the rest of a
    /// long item again: 20,000 dashes in brackets took seconds).
    static func nextSeparator(_ separator: String, in text: String, after start: String.Index) -> Range<String.Index>? {
        let utf8 = text.utf8
        let pattern = Array(separator.utf8)
        var from = start
        while let found = utf8[from...].firstIndex(of: pattern[0]) {
            let end = utf8.index(found, offsetBy: pattern.count, limitedBy: utf8.endIndex) ?? utf8.endIndex
            if utf8[found..<end].elementsEqual(pattern), found == utf8.startIndex || utf8[utf8.index(before: found)] < 0x80,
               end == utf8.endIndex || utf8[end] < 0x80 {
                return found..<end
            }
            from = utf8.index(after: found)
        }
        return nil
    }

    /// `name` without the full stop that ends it when it is a name of up to three words, none
    /// after the first a verb or a word that ends a subject ("Council communism.", not "It
    /// grew."), and without a comma ("Bread, butter, etc.", a list); nil otherwise.
    static func withoutFullStop(_ name: String) -> String? {
        guard name.hasSuffix("."), !name.hasSuffix(".."), !name.contains(",") else { return nil }
        let short = String(name.dropLast())
        let words = short.split(separator: " ")
        guard let last = words.last, (1...3).contains(words.count), !SentenceSplitter.isAbbreviation(last),
              !words.dropFirst().contains(where: ExampleNamer.endsSubject) else { return nil }
        return short
    }

    /// Whether every bracket of `text` is closed in it: a name's are, where a dash inside
    /// brackets leaves one open.
    static func closesItsBrackets(_ text: Substring) -> Bool {
        bracketDepth(text) == 0
    }

    /// How many brackets, "(" or a link's "[[", are open after `text`, read after `depth` were
    /// (a closing one with none open closes nothing). A dash inside a link's brackets is the
    /// link's (QA 38: "- [[Molotov – Ribbentrop pact]]" was named "[[Molotov"); a lone "[" is
    /// no bracket here, as that of an escape sequence ("ESC [1m") is none.
    static func bracketDepth(_ text: Substring, from depth: Int = 0) -> Int {
        var depth = depth
        var previous: UInt8 = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "("): depth += 1
            case UInt8(ascii: ")"): depth = max(depth - 1, 0)
            case UInt8(ascii: "[") where previous == UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "]") where previous == UInt8(ascii: "]"): depth = max(depth - 1, 0)
            default: break
            }
            // "[[[" is one link's opening and a "[": a pair is not counted twice.
            previous = byte == previous ? 0 : byte
        }
        return depth
    }

    /// Where `dash` first stands between spaces of which one at least is not " " (a tab, a
    /// no-break space), or at the start or end of `text` with such spaces on its other side,
    /// with those spaces; nil when nowhere.
    static func otherwiseSpacedRange(of dash: Unicode.Scalar, in text: String) -> Range<String.Index>? {
        let scalars = text.unicodeScalars
        var from = scalars.startIndex
        while let found = scalars[from...].firstIndex(of: dash) {
            let after = scalars.index(after: found)
            var lower = found
            var upper = after
            while lower > scalars.startIndex, Substring.isSpace(scalars[scalars.index(before: lower)]) { lower = scalars.index(before: lower) }
            while upper < scalars.endIndex, Substring.isSpace(scalars[upper]) { upper = scalars.index(after: upper) }
            let spacedBefore = lower < found || found == scalars.startIndex
            let spacedAfter = upper > after || after == scalars.endIndex
            if spacedBefore, spacedAfter, lower < found || upper > after { return lower..<upper }
            from = after
        }
        return nil
    }

    /// Whether the text before an item's dash reads as a name rather than as prose that
    /// happens to hold a dash ("Mix everything. Knead it – ten minutes" stays one text).
    /// A name is at most eight words, without `:`, `;` or `?`, one sentence, and not one that
    /// a full stop ends ("It grew quickly.", "東京は大きい。"): an abbreviation may hold or end
    /// it ("St. Petersburg Soviet", "Washington, D.C.", "Smith Jr."), as may a "!" ("Yahoo!").
    static func canBeName(_ name: String) -> Bool {
        let words = name.split(separator: " ")
        guard let last = words.last, words.count <= 8, !name.contains(where: { ":;?：；？".contains($0) }),
              SentenceSplitter.sentences(in: name).count == 1 else { return false }
        if let mark = last.unicodeScalars.last, SentenceSplitter.isUnspacedEnd(mark) || SentenceSplitter.isSpacedEnd(mark) { return false }
        return !last.hasSuffix(".") || SentenceSplitter.isAbbreviation(last.dropLast())
    }

    /// Where `separator` (" – ": a dash with a space on either side) first is in `text`,
    /// which has no space at either end: so at the start it is "– ", at the end " –", and
    /// alone "–".
    ///
    /// By bytes where that is the same, as it is for most items: comparing characters
    /// (`==`, `hasPrefix`, `hasSuffix`) and making the three forms each time was 4 % of
    /// loading the bundled article (callgrind). None of the separators' characters has
    /// another canonical form, so where the bytes differ the characters do; where they are
    /// the same, the characters are when an ASCII byte (which joins no character before it)
    /// or nothing follows the form, and precedes it at the end.
    static func separatorRange(_ separator: String, in text: String) -> Range<String.Index>? {
        let utf8 = text.utf8
        let dash = separator.utf8.dropFirst().dropLast()
        if utf8.elementsEqual(dash) { return text.startIndex..<text.endIndex }
        if utf8.starts(with: dash), utf8.dropFirst(dash.count).first == 0x20 {
            let after = utf8.index(utf8.startIndex, offsetBy: dash.count + 1)
            if after == utf8.endIndex || utf8[after] < 0x80 { return text.startIndex..<after }
            let opening = String(Substring(dash)) + " "
            if text.hasPrefix(opening) { return text.startIndex..<text.index(text.startIndex, offsetBy: opening.count) }
        }
        // Foundation's search matches by character (a combining mark after the dash makes it
        // no dash), but none of the separator's three characters has another canonical form:
        // where its bytes do not occur it cannot match, and where they first occur between
        // ASCII it matches there. Only other places are left to Foundation, whose first
        // search cost a start-up 50 µs (perf, 2026-11) and most items none at all.
        if let offset = text.firstOffset(ofBytes: separator) {
            let utf8 = text.utf8
            let end = offset + separator.utf8.count
            if offset == 0 || utf8[utf8.index(utf8.startIndex, offsetBy: offset - 1)] < 0x80,
               end == utf8.count || utf8[utf8.index(utf8.startIndex, offsetBy: end)] < 0x80 {
                return utf8.index(utf8.startIndex, offsetBy: offset)..<utf8.index(utf8.startIndex, offsetBy: end)
            }
            if let range = text.range(of: separator) { return range }
        }
        if utf8.reversed().starts(with: dash.reversed()), utf8.dropLast(dash.count).last == 0x20 {
            let start = utf8.index(utf8.endIndex, offsetBy: -(dash.count + 1))
            if start == utf8.startIndex || utf8[utf8.index(before: start)] < 0x80 { return start..<text.endIndex }
            let closing = " " + String(Substring(dash))
            if text.hasSuffix(closing) { return text.index(text.endIndex, offsetBy: -closing.count)..<text.endIndex }
        }
        return nil
    }

    static func lastSentence(of text: String) -> String {
        let sentences = SentenceSplitter.sentences(in: text)
        return sentences.last.map { String(text[$0]) } ?? text
    }

    static func excerpt(_ text: Substring) -> String {
        let short = text.count > 40 ? text.prefix(40) + "…" : text
        return String(short).quotable
    }
}

/// Allocates unique, stable slugs: `July Days' impact` → `july-days-impact`, repeats get `-2`, `-3`.
extension ArticleParser {
    /// Where an item's `separator` (" – ") first is in its text: see `Builder.separatorRange`.
    static func separatorRange(_ separator: String, in text: String) -> Range<String.Index>? {
        Builder.separatorRange(separator, in: text)
    }

    /// An item's name, description and separator: see `Builder.dashSplit`.
    static func dashSplit(_ text: String, namedIf isName: (String) -> Bool) -> (name: String, description: String?, separator: String)? {
        Builder.dashSplit(text, namedIf: isName)
    }
}

struct SlugAllocator {
    /// Longer titles are cut: an id is hashed for every mention the linker records, so a
    /// 200 kB list item must not have a 200 kB id.
    static let maxLength = 100

    private var used: Set<String>
    /// Where the search for a free `-N` resumes per slug: suffixes below it are all taken, so
    /// n repeats of one heading cost n lookups, not n² (50,000 items "- x" took 100 s).
    private var nextSuffix: [String: Int] = [:]

    init(reserved: Set<String> = []) { used = reserved }

    mutating func allocate(for title: String) -> String {
        let base = Self.slug(title)
        var candidate = base
        var counter = nextSuffix[base, default: 2]
        while used.contains(candidate) {
            candidate = "\(base)-\(counter)"
            counter += 1
        }
        nextSuffix[base] = counter
        used.insert(candidate)
        return candidate
    }

    static func slug(_ title: String) -> String {
        let folded = title.utf8.allSatisfy({ $0 < 0x80 }) ? title.lowercased()
            : foldedWithoutFoundation(title) ?? title.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
        var slug = ""
        var length = 0
        var pendingDash = false
        for scalar in folded.unicodeScalars {
            // A mark that folding leaves on a letter belongs to the word: a virama ("हिन्दी"
            // was "हिन-दी") or a Thai tone mark ("ใหม่" lost its ่), as in Wikipedia's anchors.
            if !pendingDash, !slug.isEmpty, isCombiningMark(scalar) {
                guard length < maxLength else { break }
                slug.unicodeScalars.append(scalar)
                length += 1
            } else if isAlphanumeric(scalar) {
                if pendingDash, !slug.isEmpty {
                    guard length + 2 <= maxLength else { break }
                    slug.append("-")
                    length += 1
                }
                guard length < maxLength else { break }
                pendingDash = false
                slug.unicodeScalars.append(scalar)
                length += 1
            } else if scalar != "'" && scalar != "\u{2019}" && !scalar.isInvisible {
                // An invisible character is no break between words: "Lud\u{AD}dite" is
                // `luddite`, as it reads (see `Unicode.Scalar.isInvisible`).
                pendingDash = true
            }
        }
        if slug.isEmpty, let names = symbolNames(title) { return Self.slug(names) }
        return slug.isEmpty ? "section" : slug
    }

    /// `title` folded as Foundation folds it for a slug, when each of its scalars folds alone
    /// without Foundation: ASCII (lowercased), dashes and quotation marks U+2010–U+201F (left
    /// as they are) and the letters of `LetterFolds`; nil for any other title. Foundation's
    /// folding is slow, and slowest the first time: the bundled article's headings and items
    /// with an en dash or an accent took 0.15 ms of a cold start (perf, 2026-11).
    static func foldedWithoutFoundation(_ title: String) -> String? {
        var folded = ""
        for scalar in title.unicodeScalars {
            if scalar.isASCII {
                folded.unicodeScalars.append(Unicode.Scalar(SearchFolder.lowercased(UInt8(scalar.value))))
            } else if (0x2010...0x201F).contains(scalar.value) {
                folded.unicodeScalars.append(scalar)
            } else if let letters = LetterFolds.folded(scalar) {
                folded += letters
            } else {
                return nil
            }
        }
        return folded
    }

    /// For a title without letters or digits, the names of its emoji and other symbols,
    /// lowercased as words ("🎉" → "party popper", "★★" → "black star black star"), so its slug
    /// says what it is and stays the same whatever else the article holds; nil when it has no
    /// symbol (punctuation alone: its slug is "section"). A flag's two regional indicators
    /// are "flag" and its region code ("🇫🇷" → "flag fr"), a subdivision flag's tags their
    /// letters ("🏴󠁧󠁢󠁳󠁣󠁴󠁿" → "waving black flag gbsct"), a skin tone its type ("✊🏽" → "raised
    /// fist type 4"); joiners and presentation selectors have no word.
    static func symbolNames(_ title: String) -> String? {
        var words: [String] = []
        var region: [Unicode.Scalar] = []
        var tag = ""
        for scalar in title.unicodeScalars {
            let value = scalar.value
            if scalar.regionLetter != nil {
                region.append(scalar)
                if region.count == 2 {
                    words.append("flag " + String(String.UnicodeScalarView(region.compactMap(\.regionLetter))).lowercased())
                    region = []
                }
            } else if (0xE0030...0xE007E).contains(value) {
                tag.unicodeScalars.append(Unicode.Scalar(value - 0xE0000)!)
            } else if let name = scalar.properties.name, isSymbol(scalar) {
                words.append(name.replacingOccurrences(of: "EMOJI MODIFIER FITZPATRICK ", with: ""))
            }
            if !(0xE0030...0xE007E).contains(value), !tag.isEmpty {
                words.append(tag)
                tag = ""
            }
        }
        // A regional indicator without its pair is a letter, not a flag.
        words += region.compactMap(\.properties.name)
        if !tag.isEmpty { words.append(tag) }
        return words.isEmpty ? nil : words.joined(separator: " ")
    }

    private static func isSymbol(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .otherSymbol, .mathSymbol, .currencySymbol, .modifierSymbol: true
        default: false
        }
    }

    /// Alphabetic, or with a numeric value. An ASCII scalar is one of 0-9, A-Z, a-z exactly
    /// when it is either; only others need the Unicode property tables, whose lookups were
    /// most of the time of making ids.
    @inline(__always)
    static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
        guard !scalar.isASCII else { return false }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.isASCII else { return scalar.properties.isAlphabetic || scalar.properties.numericType != nil }
        switch scalar {
        case "0"..."9", "A"..."Z", "a"..."z": return true
        default: return false
        }
    }
}

/// Splits prose into sentences, for evidence excerpts, lead-ins and telling names from prose:
/// - at `.`, `!` or `?` followed by spaces or tabs and a sentence's first letter: uppercase, a digit,
///   an opening quote, or a letter of a script without case (Arabic, Hebrew, Devanagari, CJK),
///   except at the full stop of an abbreviation ("St.", "U.S.");
/// - at Arabic `؟`, Urdu `۔` and Devanagari `।`, followed so;
/// - at `。`, `！`, `？` and `．` (and halfwidth `｡`), with or without a space after them: CJK
///   text puts none. Closing brackets and quotes after the mark ("…した。」") end the sentence
///   with it.
/// Without the last two, and with Arabic letters taken for lowercase, a Chinese, Japanese or
/// Arabic paragraph was one sentence, and every mention's evidence the whole paragraph.
public enum SentenceSplitter {
    public static func sentences(in text: String) -> [Range<String.Index>] {
        // Bytes, not Characters: grapheme breaking would dominate on long articles. ASCII
        // marks are read as bytes; a scalar is decoded only at a lead byte that can begin
        // one of the other marks.
        var result: [Range<String.Index>] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        var index = utf8.startIndex
        while index < utf8.endIndex {
            let byte = utf8[index]
            let after = utf8.index(after: index)
            if byte == 0x2E || byte == 0x21 || byte == 0x3F, after < utf8.endIndex, utf8[after] == 0x20 || utf8[after] == 0x09 {
                let nextStart = startOfNext(from: after, in: text)
                if nextStart < utf8.endIndex, startsSentence(text.unicodeScalars[nextStart]),
                   byte != 0x2E || !isAbbreviation(word(endingAt: index, in: text)) {
                    result.append(start..<after)
                    start = nextStart
                    index = nextStart
                    continue
                }
            } else if byte >= 0xD8, byte == 0xD8 || byte == 0xDB || byte == 0xE0 || byte == 0xE3 || byte == 0xEF {
                let scalar = text.unicodeScalars[index]
                let next = utf8.index(index, offsetBy: UTF8.width(scalar))
                if isUnspacedEnd(scalar) {
                    let end = endOfMarks(from: next, in: text)
                    let nextStart = startOfNext(from: end, in: text)
                    if nextStart < utf8.endIndex {
                        result.append(start..<end)
                        start = nextStart
                    }
                    index = nextStart
                    continue
                }
                if isSpacedEnd(scalar), next < utf8.endIndex, utf8[next] == 0x20 || utf8[next] == 0x09 {
                    let nextStart = startOfNext(from: next, in: text)
                    if nextStart < utf8.endIndex, startsSentence(text.unicodeScalars[nextStart]) {
                        result.append(start..<next)
                        start = nextStart
                        index = nextStart
                        continue
                    }
                }
                index = next
                continue
            }
            index = after
        }
        if start < utf8.endIndex { result.append(start..<utf8.endIndex) }
        return result
    }

    /// Whether `scalar` is a mark that can end a sentence, in any script this reads.
    static func isEnd(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "." || scalar == "!" || scalar == "?" || isUnspacedEnd(scalar) || isSpacedEnd(scalar)
    }

    /// `。` `！` `？` `．` `｡`: they end a sentence whatever follows.
    static func isUnspacedEnd(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3002, 0xFF01, 0xFF1F, 0xFF0E, 0xFF61: true
        default: false
        }
    }

    /// Arabic question mark, Urdu full stop, Devanagari danda: they end a sentence before a
    /// space, as `.` does.
    static func isSpacedEnd(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value == 0x061F || scalar.value == 0x06D4 || scalar.value == 0x0964
    }

    /// After a mark that ends a sentence at `index`: past more such marks ("？！") and the
    /// closing brackets and quotes that close the sentence ("。」").
    private static func endOfMarks(from index: String.Index, in text: String) -> String.Index {
        let scalars = text.unicodeScalars
        var end = index
        while end < scalars.endIndex {
            let scalar = scalars[end]
            let category = scalar.properties.generalCategory
            guard isUnspacedEnd(scalar) || scalar == "!" || scalar == "?" || scalar == "\"" || scalar == "'"
                    || category == .closePunctuation || category == .finalPunctuation else { break }
            end = scalars.index(after: end)
        }
        return end
    }

    /// Past the spaces (ASCII or ideographic) and tabs before the next sentence: "first.\t
    /// Second" and "first.  Second" are two sentences, as "first. Second" is.
    private static func startOfNext(from index: String.Index, in text: String) -> String.Index {
        let scalars = text.unicodeScalars
        var next = index
        while next < scalars.endIndex, scalars[next] == " " || scalars[next] == "\t" || scalars[next] == "\u{3000}" {
            next = scalars.index(after: next)
        }
        return next
    }

    static func startsSentence(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\"" || scalar.properties.isUppercase || scalar.properties.numericType != nil
            || (!scalar.isASCII && scalar.properties.isAlphabetic && !scalar.properties.isCased)
    }

    /// A full stop after one of these ends the abbreviation, not the sentence: an initial (a
    /// single capital: "J. R. R. Tolkien", "В. И. Ленин"), a word with a full stop inside
    /// ("U.S", "D.C", "Ph.D"), or a known abbreviation ("St", "Dr", "Jr", "Vol"). "The St.
    /// Petersburg Soviet met." is one sentence; "It met in 1905. It", "… etc. The" and a
    /// Vietnamese "… Hà Nội. Thành …" are two. (Any capitalised word of up to three letters
    /// used to be one, which made every "Nội.", "Nam." or "Huế." end no sentence.)
    static func isAbbreviation(_ word: Substring) -> Bool {
        guard let first = word.first else { return false }
        if let dot = word.utf8.firstIndex(of: UInt8(ascii: ".")) {
            // Where the "." cannot begin a character with what follows it, by byte: Foundation's
            // `contains`, left for the rest, started its search machinery at start-up for this.
            let next = word.utf8.index(after: dot)
            if next == word.utf8.endIndex || word.utf8[next] < 0x80 || word.contains(".") { return true }
        }
        if word.count == 1, first.isUppercase { return true }
        return knownAbbreviations.contains(String(word))
    }

    /// Abbreviations written before a name or a number, which a capital or a digit follows.
    static let knownAbbreviations: Set<String> = [
        "Mr", "Mrs", "Ms", "Messrs", "Mme", "Mlle", "Dr", "Prof", "Rev", "Hon", "Sr", "Jr", "Esq", "St", "Ste", "Mt", "Ft",
        "Fr", "Gen", "Col", "Maj", "Capt", "Lt", "Sgt", "Cmdr", "Adm", "Gov", "Sen", "Rep", "Pres",
        "Co", "Corp", "Inc", "Ltd", "Bros", "Dept", "Univ", "No", "Nos", "Vol", "Vols", "Ch", "Chap", "Fig", "Figs", "Ed", "Eds",
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Ave", "Blvd", "Rd",
        // Circa, before a year: "c. 1842 – the second petition" is one sentence, and a dated entry.
        "c", "ca",
        // Before a number, a name or a title, in lowercase: "about approx. 30,000 workers",
        // "est. 1848", "Chartists vs. Whigs", "cf. Marx", "ed. Engels", "vol. 2", "pp. 10–12".
        "approx", "est", "vs", "cf", "ed", "eds", "vol", "vols", "pp", "p", "fig", "ch", "viz", "incl", "esp",
    ]

    /// The word before the full stop at `end`: from the last space (or the start), without
    /// the brackets and quotes that open it ("(St." → "St"). Bytes back to the space only, so
    /// the walks over a text add up to its length.
    static func word(endingAt end: String.Index, in text: String) -> Substring {
        let utf8 = text.utf8
        var start = end
        while start > utf8.startIndex {
            let before = utf8.index(before: start)
            if utf8[before] == 0x20 || utf8[before] == 0x09 { break }
            start = before
        }
        return text[start..<end].drop { "([{\"'\u{201C}\u{2018}".contains($0) }
    }
}

/// The brackets and quotation marks a list item's lines leave open (see `continuesItem`):
/// brackets as a dash inside them reads them (`bracketDepth`: "(" and a link's "[[", a lone
/// "[" none, as an escape sequence's "ESC [1m" is none), more `“` than `”`, or an odd number
/// of `"`.
struct OpenMarks {
    private var brackets = 0, curly = 0, straight = 0

    init() {}

    init(_ text: Substring) { add(text) }

    mutating func add(_ text: Substring) {
        brackets = Builder.bracketDepth(text, from: brackets)
        // “ and ” by their bytes, E2 80 9C and E2 80 9D, and " by its own.
        var previous: (UInt8, UInt8) = (0, 0)
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\"") { straight += 1 }
            if previous == (0xE2, 0x80) { if byte == 0x9C { curly += 1 } else if byte == 0x9D { curly -= 1 } }
            previous = (previous.1, byte)
        }
    }

    var leaveOpen: Bool { brackets > 0 || curly > 0 || !straight.isMultiple(of: 2) }
}
