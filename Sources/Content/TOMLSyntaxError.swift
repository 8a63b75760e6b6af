import TOMLKit

/// Why a TOML file (a links file, a configuration) could not be read as TOML at all, and
/// where: the one problem after which nothing of the file can be trusted.
public struct TOMLSyntaxError: Error, Sendable, Equatable {
    public var line: Int
    /// 1-based, in characters; nil where the problem is the line's or the file's as a whole
    /// (a NUL character, a second byte-order mark).
    public var column: Int?
    /// "invalid TOML: …", or a problem seealso alone has with TOML it may be given.
    public var message: String

    public init(line: Int, column: Int? = nil, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }
}

extension TOMLInput {
    /// The table `text` holds, read as links files and configurations are: first the
    /// problems TOMLKit cannot be given (`unreadable`), then TOMLKit's own syntax errors, the
    /// common ones said in plain words (`TOMLSyntaxWording`).
    public static func table(_ text: String) throws(TOMLSyntaxError) -> TOMLTable {
        if let problem = unreadable(text) { throw TOMLSyntaxError(line: problem.line, message: problem.message) }
        let text = withoutByteOrderMark(text)
        do {
            return try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            let line = error.source.begin.line, column = error.source.begin.column
            let plain = TOMLSyntaxWording.plain(error.description, line: line, column: column, in: text)
            throw TOMLSyntaxError(line: line, column: plain.column, message: "invalid TOML: " + plain.message.neutralized)
        } catch {
            throw TOMLSyntaxError(line: 1, message: "invalid TOML: \(error)".neutralized)
        }
    }
}

/// toml++'s words for the syntax mistakes people make most, said as a person fixing the file
/// needs them. "Error while parsing string: unescaped control characters other than TAB
/// (U+0009) are explicitly prohibited" was a string left open (the control character was the
/// line's end); "expected a comment or whitespace, saw 'n'" a quote inside a string; and
/// "could not determine value type", or "expected 'true', saw 'th'", a value without quotes
/// (`type = theory-of`). Any other error keeps the parser's words.
enum TOMLSyntaxWording {
    /// The plain words for toml++'s `description` of an error at `line` and `column` (1-based,
    /// in Unicode scalars, as toml++ counts them) of `text`, and the column to fix: where the
    /// missing quote goes, or the quote to escape, rather than where toml++ gave up.
    static func plain(_ description: String, line: Int, column: Int, in text: String) -> (message: String, column: Int) {
        let scalars = Self.line(line, of: text)
        let at = column - 1
        if description.hasPrefix("Error while parsing string:") || description.hasPrefix("Error while parsing literal string:") {
            let quote = description.hasPrefix("Error while parsing string:") ? "\"" : "'"
            if description.hasSuffix("encountered end-of-file") {
                return ("unterminated string: the file ends before its closing \(quote)", column)
            }
            // A one-line string meets the line's end: only a line break is a control character
            // there (a CR of a CRLF file too).
            if at >= scalars.count || scalars[at] == "\r" {
                return ("unterminated string: add the closing \(quote)", column)
            }
        }
        if let seen = scalars[safe: at], description.hasSuffix("expected a comment or whitespace, saw '\(seen)'"),
           let quote = scalars[safe: at - 1], quote == "\"" || quote == "'", scalars[at...].contains(quote) {
            // The string ended early, at a quote of its own text: the rest of the line shows it.
            let message = quote == "\""
                ? "a \" inside a string must be written \\\" (or the string put in single quotes: '…')"
                : "a ' cannot be inside a '…' string: put the string in double quotes (\"…\")"
            return (message, column - 1)
        }
        let valueErrors = ["Error while parsing value:", "Error while parsing boolean:", "Error while parsing floating-point:"]
        if valueErrors.contains(where: description.hasPrefix), let bare = BareValue(around: at, in: scalars) {
            // `restore = ture` or `True` in a configuration: a boolean misspelt, not text.
            // And `yes`, `no`, `on` or `off`, which other formats take for one: quoting it
            // (the advice for a word) would make it text, which a setting refuses next.
            let yesOrNo: [String: String] = ["yes": "true", "on": "true", "no": "false", "off": "false"]
            if let boolean = yesOrNo[bare.word.lowercased()] ?? Lookup.suggestions(for: bare.word, among: ["true", "false"]).first {
                return ("true and false are written in lowercase, without quotes: " + bare.written(as: boolean), bare.start + 1)
            }
            return ("a value must be quoted: " + bare.written(as: "\"\(bare.word)\""), bare.start + 1)
        }
        return (description, column)
    }

    /// The scalars of `text`'s line `number` (1-based), without its line break.
    static func line(_ number: Int, of text: String) -> [Unicode.Scalar] {
        let line = text.split(separator: "\n", maxSplits: number, omittingEmptySubsequences: false).dropFirst(number - 1).first
        return line.map { Array($0.unicodeScalars) } ?? []
    }
}

/// A value written as a bare word, where TOML wants quotes (`type = related`): a letter, then
/// up to a comment, a comma, a bracket or the line's end. toml++ points at its first letter,
/// or at the letter where it gave up taking it for `true`, `false`, `inf` or `nan`
/// (`type = theory-of`).
struct BareValue {
    var word: String
    /// The key it is the value of; nil in an array.
    var key: String?
    /// Where the word starts on its line, 0-based, in Unicode scalars.
    var start: Int

    /// The bare word around `at` on the line `scalars`, if the error there is one.
    init?(around at: Int, in scalars: [Unicode.Scalar]) {
        func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
            scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar == "-" || scalar == "_"
        }
        func text(_ range: Range<Int>) -> String { String(String.UnicodeScalarView(scalars[range])).trimmingSpaces() }
        var start = min(at, scalars.count - 1)
        if start >= 0, !isWordScalar(scalars[start]) { start -= 1 }
        guard start >= 0, isWordScalar(scalars[start]) else { return nil }
        while start > 0, isWordScalar(scalars[start - 1]) { start -= 1 }
        guard scalars[start].properties.isAlphabetic else { return nil }
        let end = scalars[start...].firstIndex { ["#", ",", "]", "}", "\r"].contains($0) } ?? scalars.count
        word = text(start..<end)
        self.start = start
        guard !word.contains("\""), !word.contains("'") else { return nil }
        guard let before = scalars[..<start].lastIndex(where: { $0 != " " && $0 != "\t" }) else { return }
        switch scalars[before] {
        case "=":
            // The key is what stands between the '=' and the line's start, or the inline
            // table's '{' or ',' before it.
            let keyStart = scalars[..<before].lastIndex { $0 == "{" || $0 == "," }.map { $0 + 1 } ?? 0
            key = text(keyStart..<before)
            if key?.isEmpty == true { key = nil }
        case "[", ",", "{": break
        default: return nil
        }
    }

    /// `key = value`, or `value` alone in an array.
    func written(as value: String) -> String {
        key.map { "\($0) = \(value)" } ?? value
    }
}

private extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
