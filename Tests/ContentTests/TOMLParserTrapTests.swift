import Foundation
import Testing
@testable import Content

/// TOMLKit's parser (toml++ 3.4) asserts that a table header's key starts with a key
/// character, and that an array's next value does not start with `}`, and aborts the process
/// when either does not hold: `[[[`, `[{` or `a = [}` in a links file or a configuration
/// ended seealso with SIGABRT. `TOMLInput.unreadable` now refuses both at their line first;
/// on the old code each of these tests ended the test process.
@Suite("TOML that TOMLKit's parser cannot be given")
struct TOMLParserTrapTests {
    /// The problems of `toml` as the links file of a one-section article.
    static func problems(_ toml: String) throws -> [String] {
        let article = try ArticleParser().parse("= Basic =\n\nAlpha.\n", path: "basic.txt")
        do {
            _ = try LinkedArticle(article: article, annotations: (toml, "basic.links.toml"))
            return []
        } catch let errors as SourceErrors {
            return errors.errors.map(\.description)
        }
    }

    static func refusal(line: Int, found: String) -> String {
        "basic.links.toml:\(line): invalid TOML: a table header must start with a key (a letter, digit, '-', '_' or a quote) "
            + "after its '[', not '\(found)'"
    }

    @Test("A header whose key starts with no key character is refused at its line", arguments: [
        ("[[[", 1, "["), ("[{", 1, "{"), ("[=", 1, "="), ("[+", 1, "+"), ("[[}", 1, "}"), ("[ .a]", 1, "."),
        ("[[ [a]]", 1, "["), ("[\r\n", 1, "^M"), ("[é]", 1, "é"),
        ("a = 1\n\n# [ a comment ]\n[[=]]\n", 4, "="),
        ("\u{FEFF}[{", 1, "{"),
    ])
    func refused(toml: String, line: Int, found: String) throws {
        let problems = try Self.problems(toml)
        #expect(problems == [Self.refusal(line: line, found: found)], "\(problems)")
    }

    /// The parser asserted, likewise, that an array's next value starts with no `}`.
    @Test("A '}' where an array's next value should be is refused at its line", arguments: [
        ("a = [}", 1), ("a = [[}]]", 1), ("a = [1,\n  # a comment }\n  }", 3), ("k = \"\"\"\n}\n\"\"\"\nb = [\n,}", 5),
    ])
    func braceInArray(toml: String, line: Int) throws {
        let problems = try Self.problems(toml)
        #expect(problems == ["basic.links.toml:\(line): invalid TOML: '}' in an array, where a value or the closing ']' should be"],
                "\(problems)")
    }

    @Test("A '}' that closes an inline table, follows a value or sits in a string is TOMLKit's to read", arguments: [
        "a = [{}]", "a = [ {x = 1}, ]", "a = '}'", "a = [ \"}\", '[}' ]", "a = { b = [1] }",
    ])
    func braceNotInPlaceOfAValue(toml: String) throws {
        #expect(TOMLInput.unreadable(toml) == nil)
        _ = try Self.problems(toml)
    }

    /// Lines that start with `[` inside a value are no headers; nor is a `[` in a string,
    /// a quoted key or a comment.
    @Test("What only looks like a header is read as before")
    func notHeaders() throws {
        let toml = #"""
            a = [
              [1, 2],
            [3, {x = 4}],  # [{
            ]
            b = """
            [{ not a header
            \"""[=
            """
            c = '''
            [[[ still the string'''
            d = """x\
            [="""
            "[=" = 'key [{'
            ['[' . "{" ]
            e = 1
            [[ "f" ]]
            g = 2
            """#
        #expect(TOMLInput.unreadable(toml) == nil)
        // Not a link, not a TOML error: the next check, which says the file holds no [[link]].
        let problems = try Self.problems(toml)
        #expect(problems.allSatisfy { !$0.contains("invalid TOML") }, "\(problems)")
    }

    /// Generated documents made of TOML's punctuation: whatever TOMLKit is given, it reports
    /// (or reads) without aborting. 66 of 3,000 such documents aborted `config --check`, and 5,000 of
    /// these cover both traps.
    @Test("Generated documents never abort the parser")
    func generated() throws {
        let atoms = ["[", "]", "[[", "]]", "{", "}", "=", ".", ",", "\"", "'", "\"\"\"", "'''", "#", "\n", " ", "\t", "a",
                     "1", "-", "_", "true", "\\", "+", "é", "\r\n", "\"a\"", "'b'", "a.b", "[a]", "[[a]]", "a = 1", "a = [", "b = {",
                     ", ", "{}", "[]", "nan", "+1", "00", "1e3", "1979-05-27", "07:30:00", "x.y = ", "\"\"\"\n"]
        var generator = SeededBytes(state: 20261127)
        for _ in 0..<5_000 {
            let toml = (0..<Int.random(in: 1...12, using: &generator)).map { _ in atoms.randomElement(using: &generator)! }.joined()
            _ = try Self.problems(toml)
        }
    }
}
