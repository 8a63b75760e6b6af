import Foundation
import TestSupport
import Testing
@testable import Content

/// A valid links file (lines 1–7) followed by `block` from line 9 on.
func curatedFile(_ block: String) -> String {
    """
    article = "Dual power"

    [[link]]
    from = "strategy: Municipalism"
    to = "see-also: Communalism (Bookchin)"
    type = "theory-of"
    rationale = "A valid first link."

    \(block)
    """
}

func curatedLink(from: String = "strategy: Syndicalism", to: String = "see-also: Anarcho-syndicalism",
                 type: String = "form-of", extra: String = "") -> String {
    """
    [[link]]
    from = "\(from)"
    to = "\(to)"
    type = "\(type)"
    rationale = "Why."\(extra)
    """
}

/// Every way an article or its curated links file is rejected, with the exact message, and
/// inputs that must neither crash nor hang.
@Suite("Rejections")
struct RejectionTests {
    // MARK: - Articles

    @Test("An empty file", arguments: [[], [0xEF, 0xBB, 0xBF]] as [[UInt8]])
    func emptyFile(bytes: [UInt8]) throws {
        let error = try #require(parseError(bytes: bytes, path: "empty.txt"))
        #expect(error == SourceError(path: "empty.txt", line: 1,
                                     message: "empty file: an article starts with a title line '= Title ='"))
        #expect(error.description == "empty.txt:1: empty file: an article starts with a title line '= Title ='")
    }

    @Test("A file of spaces, tabs and line ends", arguments: ["\n", "   ", "\r\n\r\n", " \t \n\n\t\r\n   \n"])
    func whitespaceOnly(text: String) throws {
        let error = try #require(parseError(text))
        #expect(error.description == "test.txt:1: empty file: an article starts with a title line '= Title ='")
    }

    @Test("No '= Title =' line: the first line with text is named")
    func missingTitle() throws {
        #expect(parseError("Just text\n== Heading ==\n")?.description
            == "test.txt:1: missing title: an article starts with a line '= Title =', found 'Just text'")
        #expect(parseError("\n\n  == Heading ==\nText\n")?.description
            == "test.txt:3: missing title: an article starts with a line '= Title =', found '== Heading =='")
        #expect(parseError(String(repeating: "x", count: 60) + "\n= Title =\n")?.message
            == "missing title: an article starts with a line '= Title =', found '\(String(repeating: "x", count: 40))…'")
        // The excerpt of the offending line is itself made safe to print.
        #expect(parseError("\u{1B}]0;owned\u{07} hello\n")?.message
            == "missing title: an article starts with a line '= Title =', found '^[]0;owned^G hello'")
    }

    @Test("A file whose only text is Unicode spaces has no title")
    func unicodeSpacesOnly() throws {
        let error = try #require(parseError("\u{00A0}\u{3000}\n"))
        #expect(error.message == "missing title: no line '= Title =' in the file")
        #expect(error.line >= 1)
    }

    /// The byte's place in its line is counted in bytes; the advice is the file's (see
    /// `InvalidUTF8.advice`): a byte-order mark or a "Ж" says the file is UTF-8 elsewhere.
    @Test("Invalid UTF-8: line and byte of the first bad byte, and what to do", arguments: [
        (Array("= T =\nok line\nab".utf8) + [0xFF] + Array("cd\n".utf8), 3, "invalid UTF-8: byte 0xFF at byte 3 of the line \(RejectionTests.latin1)"),
        (Array("= T =\n".utf8) + [0xC3] + Array("x\n".utf8), 2, "invalid UTF-8: byte 0xC3 at byte 1 of the line \(RejectionTests.latin1)"),
        (Array("= T =\nЖ".utf8) + [0xFE], 2, "invalid UTF-8: byte 0xFE at byte 3 of the line ('þ' in Windows-1252, among UTF-8 text: retype it)"),
        ([0xEF, 0xBB, 0xBF] + Array("= T =\r\n\r\n".utf8) + [0xC0, 0xAF], 3,
         "invalid UTF-8: byte 0xC0 at byte 1 of the line ('À' in Windows-1252, among UTF-8 text: retype it)"),
        (Array("= T ".utf8) + [0xED, 0xA0, 0x80] + Array(" =\n".utf8), 1, "invalid UTF-8: byte 0xED at byte 5 of the line \(RejectionTests.latin1)"),
        // A byte-order mark is three bytes of line 1, as `cut -b` counts (QA 30: "at byte 4").
        ([0xEF, 0xBB, 0xBF] + Array("= T".utf8) + [0xE9] + Array(" =\r\nLead.\r\n".utf8), 1,
         "invalid UTF-8: byte 0xE9 at byte 7 of the line ('é' in Windows-1252, among UTF-8 text: retype it)"),
    ] as [([UInt8], Int, String)])
    func invalidUTF8(bytes: [UInt8], line: Int, message: String) throws {
        let error = try #require(parseError(bytes: bytes, path: "bad.txt"))
        #expect(error == SourceError(path: "bad.txt", line: line, message: message))
        #expect(error.description == "bad.txt:\(line): \(message)")
    }

    static let latin1 = "(Latin-1 or Windows-1252? convert with: iconv -f WINDOWS-1252 -t UTF-8)"

    @Test("Headings whose '=' marks do not balance, go deeper than 6 or have no text", arguments: [
        ("== X ===", "unbalanced heading: 2 '=' before the text and 3 after"),
        ("=== X ==", "unbalanced heading: 3 '=' before the text and 2 after"),
        ("== X", "unbalanced heading: 2 '=' before the text and 0 after"),
        // The closing marks with text after them (QA 10c: it said "0 after").
        ("== X == extra", "text after the heading's closing '==': 'extra'"),
        ("== X === y", "unbalanced heading: 2 '=' before the text and 0 after"),
        ("======= Too deep =======", "heading level 7 is deeper than 6 (at most '======')"),
        ("========= Deeper =========", "heading level 9 is deeper than 6 (at most '======')"),
        ("==  ==", "empty heading"),
        ("====", "heading has no text, only '=' marks"),
        ("= Second title =", "a second title line; section headings use '==' to '======'"),
        // QA 14c: a combining mark or a joiner after an '=' is one Character with it, which
        // is no '=': "0 after" although there are two, or no heading at all.
        ("== A ==\u{301}", "a combining mark (U+0301) after the heading's closing '=='"),
        ("== A =\u{301}=", "a combining mark (U+0301) among the heading's closing '=='"),
        ("=\u{301}= A ==", "a combining mark (U+0301) after the heading's opening '='"),
        ("==\u{200D} A ==", "a joining character (U+200D) after the heading's opening '=='"),
        ("== A ==\u{0}", "text after the heading's closing '==': '^@'"),
        // QA 15a: quoted as they are, they read as nothing: "closing '==': ''".
        ("== A ==\u{200E}", "text after the heading's closing '==': '<U+200E>'"),
        ("== A ==\u{AD}x\u{2060}", "text after the heading's closing '==': '<U+00AD>x<U+2060>'"),
        // A title of invisible characters only is no title (QA 14c: `outline` printed nothing).
        ("== \u{200B}==", "empty heading"),
        ("== \u{00A0}==", "empty heading"),
        ("== \u{200C}\u{200D}\u{2060}\u{FEFF}\u{200E}\u{200F}\u{2028} ==", "empty heading"),
    ])
    func badHeadings(line: String, message: String) throws {
        let text = "= Title =\n\nLead.\n\n== Fine ==\n" + line + "\nMore.\n"
        let error = try #require(parseError(text, path: "h.txt"))
        #expect(error.description == "h.txt:6: \(message)")
    }

    /// QA 14c: the title line is a heading of level 1, and what is wrong with it is said as
    /// for a section heading: "missing title … found '= T =^@'" hid the NUL, and a title of
    /// invisible characters was taken.
    @Test("The title line's faults are said as a heading's", arguments: [
        ("= T =\u{0}", "text after the heading's closing '=': '^@'"),
        ("= T =\u{200B}", "text after the heading's closing '=': '<U+200B>'"),
        ("x\u{200B}", "missing title: an article starts with a line '= Title =', found 'x<U+200B>'"),
        ("= T =\u{301}", "a combining mark (U+0301) after the heading's closing '='"),
        ("= \u{200B} =", "empty heading"),
        ("= \u{2060}\u{FEFF} =", "empty heading"),
        ("= T", "unbalanced heading: 1 '=' before the text and 0 after"),
        // A section heading first is still no title.
        ("== T ==", "missing title: an article starts with a line '= Title =', found '== T =='"),
    ])
    func badTitleLines(line: String, message: String) throws {
        let error = try #require(parseError("\n" + line + "\n\n== Fine ==\nText.\n", path: "t.txt"))
        #expect(error.description == "t.txt:2: \(message)")
    }

    /// A mark on the text's last letter is the text's, with the closing marks right after it;
    /// a joiner inside a title is part of it.
    @Test("Marks and joiners inside a heading's text are kept", arguments: [
        ("== e\u{301}==", "e\u{301}"), ("==e\u{301} ==", "e\u{301}"), ("== \u{200B}A ==", "\u{200B}A"),
        ("== A\u{200D}B ==", "A\u{200D}B"),
    ])
    func marksInHeadingText(line: String, title: String) throws {
        let article = try ArticleParser().parse("= T =\n" + line + "\n")
        #expect(article.sections.map(\.title) == ["(lead)", title])
    }

    /// QA 10c: a UTF-16 file (as some Windows editors save) was "invalid UTF-8: byte 0xFF at
    /// column 1"; the CR-only case already said what it is and how to convert it.
    @Test("A UTF-16 file says it is UTF-16 and how to convert it", arguments: [[0xFF, 0xFE], [0xFE, 0xFF]] as [[UInt8]])
    func utf16(mark: [UInt8]) throws {
        let bytes = mark + Array("= T =\n".utf16).flatMap { mark == [0xFF, 0xFE] ? [UInt8($0 & 0xFF), UInt8($0 >> 8)] : [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        let error = try #require(parseError(bytes: bytes, path: "w.txt"))
        #expect(error.description == "w.txt:1: it is UTF-16 (it starts with a UTF-16 byte-order mark); seealso reads UTF-8 (convert with: iconv -f UTF-16 -t UTF-8)")
    }

    /// QA 13b: a second mark was the title line's first character, invisible in the error
    /// ("found '\u{FEFF}= T ='"). One mark is fine.
    @Test func twoByteOrderMarksAreSaid() throws {
        let error = try #require(parseError(bytes: [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF] + Array("= T =\n".utf8), path: "b.txt"))
        #expect(error.description == "b.txt:1: a second byte-order mark (U+FEFF) at the start of the file, where one at most may be")
        #expect(parseError(bytes: [0xEF, 0xBB, 0xBF] + Array("= T =\n".utf8), path: "b.txt") == nil)
    }

    @Test("A balanced six-level heading is fine; its neighbour at seven is not")
    func levelSixIsTheLimit() throws {
        #expect(parseError("= T =\n====== Six ======\n") == nil)
        #expect(parseError("= T =\n======= Seven =======\n")?.line == 2)
    }

    @Test("A file that cannot be read, and a folder")
    func unreadable() throws {
        try withTemporaryDirectory { directory in
            let missing = directory.appendingPathComponent("nope.txt").path
            do {
                _ = try ArticleLoader.load(path: missing)
                Issue.record("a missing file loaded")
            } catch let error as SourceError {
                #expect(error.line == 0)
                #expect(error.description == "\(missing): no such file")
            }
            do {
                _ = try ArticleLoader.load(path: directory.path)
                Issue.record("a folder loaded")
            } catch let error as SourceError {
                #expect(error.description == "\(directory.path): cannot read file: it is a folder, not a file")
            }
        }
    }

    @Test("A pipe, a device, a symbolic-link loop and a link to nothing are refused at once, each in its own words")
    func notRegularFiles() throws {
        try withTemporaryDirectory { directory in
            let pipe = directory.appendingPathComponent("pipe.txt").path
            #expect(mkfifo(pipe, 0o644) == 0)
            let loop = directory.appendingPathComponent("loop.txt").path
            try FileManager.default.createSymbolicLink(atPath: loop, withDestinationPath: loop)
            let dangling = directory.appendingPathComponent("dangling.txt").path
            try FileManager.default.createSymbolicLink(atPath: dangling, withDestinationPath: "gone.txt")
            // Reading the pipe would wait forever for a writer; it must not even open blocking.
            for (path, message) in [(pipe, "cannot read file: it is a pipe, not a regular file"),
                                    ("/dev/null", "cannot read file: it is a device, not a regular file"),
                                    (loop, "cannot read file: too many levels of symbolic links"),
                                    (dangling, "cannot read file: it is a symbolic link to 'gone.txt', which does not exist")] {
                do {
                    _ = try ArticleLoader.load(path: path)
                    Issue.record("\(path) loaded")
                } catch let error as SourceError {
                    #expect(error.isUnreadable)
                    #expect(error.description == "\(path): \(message)")
                }
            }
        }
    }

    // MARK: - Curated links files

    /// The bundled article copied to a temporary folder with `toml` beside it as its links
    /// file: the problems loading it finds (none when it loads).
    static func linksErrors(_ toml: String) throws -> (errors: [SourceError], linksPath: String) {
        try withTemporaryDirectory { directory in
            let article = directory.appendingPathComponent("article.txt")
            try ArticleLoader.bundledText().write(to: article, atomically: true, encoding: .utf8)
            let links = directory.appendingPathComponent("article.links.toml")
            try toml.write(to: links, atomically: true, encoding: .utf8)
            do {
                _ = try ArticleLoader.load(path: article.path)
                return ([], links.path)
            } catch let errors as SourceErrors {
                return (errors.errors, links.path)
            }
        }
    }

    @Test("A valid links file beside a copied article loads")
    func validLinksFile() throws {
        let (errors, _) = try Self.linksErrors(curatedFile(curatedLink()))
        #expect(errors.isEmpty)
    }

    @Test("Curated links file errors name the file and the line", arguments: [
        // Dangling names, of each form.
        (curatedFile(curatedLink(to: "see-also: Bakuninism")), 11, "no see-also topic named 'Bakuninism' in 'Dual power'"),
        (curatedFile(curatedLink(from: "section: Aftermath")), 10, "no section named 'Aftermath' in 'Dual power'"),
        (curatedFile(curatedLink(from: "Proudhon")), 10, "no item or section named 'Proudhon' in 'Dual power'"),
        // Of another kind (QA 32: nothing more was said).
        (curatedFile(curatedLink(to: "example: Mutualism")), 11, "no example named 'Mutualism' in 'Dual power'; a strategy has that name: 'strategy: Mutualism'"),
        (curatedFile(curatedLink(to: "strategy: Background")), 11, "no strategy named 'Background' in 'Dual power'; a section has that name: 'section: Background'"),
        // As the other writes it (QA 33: 'strategy: mutualism', as typed), before the close matches.
        (curatedFile(curatedLink(to: "see-also: mutualism")), 11, "no see-also topic named 'mutualism' in 'Dual power'; a strategy has that name: 'strategy: Mutualism'"),
        (curatedFile(curatedLink(to: "strategy: BACKGROUN")), 11, "no strategy named 'BACKGROUN' in 'Dual power'"),
        // Whole names only, unlike --item, but the names it may have meant are offered: a start,
        // a typo, within the kind asked for.
        (curatedFile(curatedLink(to: "strategy: Municipal")), 11,
         "no strategy named 'Municipal' in 'Dual power'; close matches: Municipalism"),
        (curatedFile(curatedLink(from: "see-also: Anarchsm")), 10,
         "no see-also topic named 'Anarchsm' in 'Dual power'; close matches: Anarchism, Anarcho-syndicalism"),
        // A kind that does not exist.
        (curatedFile(curatedLink(from: "foo: Syndicalism")), 10,
         "unknown kind 'foo' in 'foo: Syndicalism' (one of: see-also, example, strategy, section)"),
        // A bare name two items share.
        (curatedFile(curatedLink(from: "Council communism", to: "see-also: Workers' self-management")), 10,
         "'Council communism' is ambiguous (strategy:council-communism, see-also:council-communism): write it as 'kind: name'"),
        (curatedFile(curatedLink(type: "causes")), 12,
         "unknown link type 'causes' (one of: theory-of, practice-of, form-of, variant-of, same-topic, instance-of, context-of, analogous-to, developed-in, described-in, related)"),
        (curatedFile(curatedLink(type: "mentions")), 12,
         "unknown link type 'mentions' (one of: theory-of, practice-of, form-of, variant-of, same-topic, instance-of, context-of, analogous-to, developed-in, described-in, related)"),
        (curatedFile(curatedLink(extra: "\nwhy = \"extra\"")), 14, "unknown key 'why' in [[link]] (allowed: from, to, type, rationale)"),
        ("article = \"Dual power\"\ntitle = \"Extra\"\n", 2, "unknown key 'title' (expected 'article' and [[link]] tables)"),
        // Another title; "Dual Power" is this one's, case aside, as names are (QA 18a).
        ("article = \"Dual state\"\n", 1, "these links are for 'Dual state', not for 'Dual power'"),
        ("# comment\n\narticle = 3\n", 3, "'article' must be a string"),
        ("[link]\nfrom = \"x\"\n", 1, "'link' must be an array of tables: [[link]]"),
        (curatedFile("[[link]]\nfrom = \"strategy: Syndicalism\"\nto = \"see-also: Anarchism\"\ntype = \"related\"\n"), 9,
         "[[link]] lacks 'rationale'"),
        (curatedFile(curatedLink(extra: "").replacingOccurrences(of: "type = \"form-of\"", with: "type = 3")), 12,
         "'type' must be a non-empty string"),
        (curatedFile(curatedLink(from: "strategy: Syndicalism", to: "strategy:syndicalism")), 11,
         "a link from 'strategy: Syndicalism' to itself"),
        (curatedFile(curatedLink(from: "strategy: Municipalism", to: "see-also: Communalism (Bookchin)", type: "theory-of")), 10,
         "duplicate link strategy:municipalism → see-also:communalism-bookchin (theory-of) (first at line 4)"),
    ] as [(String, Int, String)])
    func linksFileErrors(toml: String, line: Int, message: String) throws {
        let (errors, linksPath) = try Self.linksErrors(toml)
        #expect(errors.map(\.description) == ["\(linksPath):\(line): \(message)"])
    }

    @Test("A misspelt [[links]] table is an unknown key at its own line")
    func misspeltTable() throws {
        let (errors, linksPath) = try Self.linksErrors(curatedFile(curatedLink().replacingOccurrences(of: "[[link]]", with: "[[links]]")))
        #expect(errors.map(\.description) == ["\(linksPath):9: unknown key 'links' (expected 'article' and [[link]] tables); did you mean [[link]]?"])
    }

    @Test("A TOML syntax error is reported at its line, alone: nothing after it can be trusted")
    func tomlSyntax() throws {
        let (errors, linksPath) = try Self.linksErrors(curatedFile(curatedLink()) + "\nrationale = \"unterminated\n")
        #expect(errors.count == 1)
        let found = try #require(errors.first)
        #expect(found.path == linksPath)
        #expect(found.line == 14)
        // The second `rationale` of the [[link]] is the error, before its unclosed string.
        #expect(found.column == 13)
        #expect(found.description == "\(linksPath):14:13: invalid TOML: Error while parsing key-value pair: cannot redefine existing string 'rationale'")
    }

    @Test("A links file that is not UTF-8")
    func linksNotUTF8() throws {
        try withTemporaryDirectory { directory in
            let article = directory.appendingPathComponent("a.txt")
            try "= A =\n\n== See also ==\n- B\n".write(to: article, atomically: true, encoding: .utf8)
            // The bad byte is line 5's fifth, after a multi-byte character on line 4.
            let bytes = Array("# links\n\n[[link]]\nfrom = \"Ж\"\nto =".utf8) + [0xFF] + Array("\n".utf8)
            try Data(bytes).write(to: directory.appendingPathComponent("a.links.toml"))
            do {
                _ = try ArticleLoader.load(path: article.path)
                Issue.record("loaded")
            } catch let error as SourceError {
                #expect(error.description == directory.appendingPathComponent("a.links.toml").path
                    + ":5: invalid UTF-8: byte 0xFF at byte 5 of the line ('ÿ' in Windows-1252, among UTF-8 text: retype it)")
            }
        }
    }

    // MARK: - Inputs that must not crash or hang

    static func timed<T>(_ label: String, _ body: () throws -> T) rethrows -> T {
        let clock = ContinuousClock()
        var result: T?
        let duration = try clock.measure { result = try body() }
        print("[timing] \(label): \(duration)")
        return result!
    }

    @Test("64 KB of pseudo-random bytes is rejected as invalid UTF-8, not crashed on", .timeLimit(.minutes(1)))
    func binaryFile() throws {
        var random = SeededBytes(state: 0x5EEA_150)
        let bytes = random.bytes(65_536)
        let error = try #require(Self.timed("64 KB random bytes") { parseError(bytes: bytes, path: "random.bin") })
        #expect(error.message.hasPrefix("invalid UTF-8: byte 0x"))
        #expect(error.line >= 1)
        // The same bytes after a valid title fail at a later line.
        let titled = Array("= Binary =\n".utf8) + bytes
        let later = try #require(parseError(bytes: titled, path: "random.bin"))
        #expect(later.message.hasPrefix("invalid UTF-8"))
        #expect(later.line >= 2)
    }

    @Test("Random ASCII, controls and NUL included, loads or is rejected, and never leaks a control",
          .timeLimit(.minutes(1)), arguments: 1...6)
    func randomASCII(seed: UInt64) throws {
        var random = SeededBytes(state: seed)
        // Printable text with newlines and dashes, so lines become paragraphs and list items, in an
        // unclassified section (a heading-free body: a random '=' would only test the heading errors).
        let alphabet = Array("abc def ghi -- \n\n\n\t.:".utf8) + (0..<0x20).map(UInt8.init) + [0x7F]
        let body = random.bytes(65_536).map { alphabet[Int($0) % alphabet.count] }
        let bytes = Array("= Noise =\n\n== See also ==\n- def\n- abc ghi\n\n== Noise ==\n".utf8) + body
        do {
            let article = try Self.timed("64 KB random ASCII, seed \(seed)") {
                try ArticleParser().parse(bytes: bytes, path: "noise.txt")
            }
            #expect(!article.flaggedLines.isEmpty)
            let model = try LinkedArticle(article: article)
            for output in try allOutputs(of: model) {
                #expect(unsafeScalars(in: output.text) == [], "\(output.name)")
            }
        } catch let error as SourceError {
            #expect(error.line >= 8, "the header lines are valid: \(error)")
            #expect(unsafeScalars(in: error.description) == [])
        }
    }

    /// (Only the time limit bounds the cost: the timings printed are not compared.)
    @Test("20,000 identical headings and items get x, x-2 … x-N, within a minute", .timeLimit(.minutes(1)))
    func manyRepeats() throws {
        let headings = try Self.timed("20,000 identical headings") {
            try ArticleParser().parse("= T =\n" + String(repeating: "== x ==\n", count: 20_000))
        }
        #expect(headings.sections.count == 20_001)
        #expect(headings.sections[1].id == "x")
        #expect(headings.sections[2].id == "x-2")
        #expect(headings.sections.last?.id == "x-20000")
        #expect(Set(headings.sections.map(\.id)).count == 20_001)

        let items = try Self.timed("20,000 identical see-also items") {
            try LinkedArticle(article: ArticleParser().parse("= T =\n\n== See also ==\n" + String(repeating: "- x\n", count: 20_000)))
        }
        #expect(items.items.count == 20_000)
        #expect(items.items.last?.id == "see-also:x-20000")
        #expect(Set(items.items.map(\.id)).count == 20_000)
    }

    @Test("A 200 kB single line: no title, a title, a heading, a paragraph, a list item", .timeLimit(.minutes(1)))
    func longLines() throws {
        let words = String(repeating: "Anarchists and syndicalism meet. ", count: 6_100)  // ~200 kB
        #expect(words.utf8.count > 200_000)

        let noTitle = try #require(Self.timed("200 kB line without a title") { parseError(words) })
        #expect(noTitle.line == 1)
        #expect(noTitle.message.hasPrefix("missing title:"))
        #expect(noTitle.message.count < 200)

        let title = try Self.timed("200 kB title") { try ArticleParser().parse("= " + words + " =") }
        #expect(title.title.utf8.count == words.utf8.count - 1, "trimmed of the trailing space")

        let heading = try Self.timed("200 kB heading") { try ArticleParser().parse("= T =\n== " + words + " ==\n") }
        #expect(heading.sections.count == 2)
        #expect(heading.sections[1].id.hasPrefix("anarchists-and-syndicalism-meet-"))

        let paragraph = try Self.timed("200 kB paragraph, parsed, classified and linked") {
            try LinkedArticle(article: ArticleParser().parse("= T =\n" + words + "\n\n== See also ==\n- Anarchism\n- Syndicalism\n"))
        }
        #expect(paragraph.article.lead.blocks.count == 1)
        let detected = paragraph.graph.outgoing(from: "lead").map(\.to)
        #expect(detected == ["see-also:anarchism", "see-also:syndicalism"], "one link per topic and line")
        #expect(paragraph.graph.outgoing(from: "lead").first?.evidence?.text == "Anarchists and syndicalism meet.")

        // A 200 kB item name that holds another item's name 20,000 times: the id must stay
        // short (it was the whole 200 kB slug). Its own name takes all its words, so it
        // mentions nothing (QA 16); the 200 kB item below mentions in its description.
        let mentions = String(repeating: "anarchists ", count: 20_000)
        let mentioning = try Self.timed("200 kB item mentioning another 20,000 times") {
            try LinkedArticle(article: ArticleParser().parse("= T =\n\n== See also ==\n- " + mentions + "\n- Anarchism\n"))
        }
        let longID = try #require(mentioning.items.first?.id)
        #expect(longID.unicodeScalars.count == "see-also:".count + SlugAllocator.maxLength)
        #expect(longID.hasPrefix("see-also:anarchists-anarchists-"))
        #expect(mentioning.graph.outgoing(from: longID).isEmpty)
        #expect(heading.sections[1].id.unicodeScalars.count <= SlugAllocator.maxLength)

        let item = try Self.timed("200 kB see-also item") {
            try LinkedArticle(article: ArticleParser().parse("= T =\n\n== See also ==\n- Meetings – " + words + "\n- Anarchism\n"))
        }
        #expect(item.items.count == 2)
        #expect(item.graph.outgoing(from: item.items[0].id).map(\.to) == ["see-also:anarchism"])
        for output in try allOutputs(of: item) {
            #expect(unsafeScalars(in: output.text) == [], "\(output.name)")
        }
    }
}
