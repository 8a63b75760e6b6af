@testable import Content
import Foundation
import Testing
import Config

@Suite("TOML key lines")
struct TOMLKeyLinesTests {
    @Test("Tables, dotted and quoted keys, inline tables, arrays and arrays of tables")
    func paths() {
        let text = """
            # comment = not a key
            title = "a = b"          # = in a string and a comment
            physical.colour = "red"

            [keys]
            quit = "x"
            "go-to" = ':'
            back = [
              "H",   # a comment inside an array
              "Backspace",
            ]
            forward = "L"

            [theme]
            link = { fg = "cyan", bold = true }
            note = \"\"\"
            fake = "inside a multi-line string"
            \"\"\"
            after = 1

            [ a . "b c" ]
            d = 1

            [[link]]
            from = "x"
            [[link]]
            to = "y"
            [link.meta]
            why = "nested in the second link"
            """
        let lines = TOMLKeyLines(text)
        #expect(lines.line(of: ["comment"]) == nil)
        #expect(lines.line(of: ["title"]) == 2)
        #expect(lines.line(of: ["physical"]) == 3)
        #expect(lines.line(of: ["physical", "colour"]) == 3)
        #expect(lines.line(of: ["keys"]) == 5)
        #expect(lines.line(of: ["keys", "quit"]) == 6)
        #expect(lines.line(of: ["keys", "go-to"]) == 7)
        #expect(lines.line(of: ["keys", "back"]) == 8)
        #expect(lines.line(of: ["keys", "back", "0"]) == 9)
        #expect(lines.line(of: ["keys", "back", "1"]) == 10)
        #expect(lines.line(of: ["keys", "forward"]) == 12)
        #expect(lines.line(of: ["theme", "link"]) == 15)
        #expect(lines.line(of: ["theme", "link", "bold"]) == 15)
        #expect(lines.line(of: ["theme", "note"]) == 16)
        #expect(lines.line(of: ["theme", "fake"]) == nil)
        #expect(lines.line(of: ["fake"]) == nil)
        #expect(lines.line(of: ["theme", "after"]) == 19)
        #expect(lines.line(of: ["a", "b c"]) == 21)
        #expect(lines.line(of: ["a", "b c", "d"]) == 22)
        #expect(lines.line(of: ["link", "0"]) == 24)
        #expect(lines.line(of: ["link", "0", "from"]) == 25)
        #expect(lines.line(of: ["link", "1", "to"]) == 27)
        #expect(lines.line(of: ["link", "1", "meta", "why"]) == 29)
    }

    @Test("A path nobody wrote falls back to its nearest ancestor, then to line 1")
    func nearest() {
        let lines = TOMLKeyLines("\n\n[keys]\nquit = { x = 1 }\n")
        #expect(lines.nearestLine(of: ["keys", "quit", "x", "deeper"]) == 4)
        #expect(lines.nearestLine(of: ["keys", "nothing"]) == 3)
        #expect(lines.nearestLine(of: ["nowhere"]) == 1)
    }

    @Test("Broken or odd input ends the scan without a crash", arguments: [
        "", "[", "[[", "= 1", "a = \"unterminated", "a = '''never closed", "a = [1, [2, {b = ", "\"\\", "a.", "[a.]\nb = 1",
        "a = \"\"\"x\\\"\"\"\"", "\u{0}\u{1}", "a = { b = { c = [ { d = 1 } ] } }",
    ])
    func robust(text: String) {
        _ = TOMLKeyLines(text)
    }

    @Test("Quoted keys' escapes are decoded, so a key's path is the one TOMLKit gives it")
    func escapedKeys() {
        let lines = TOMLKeyLines(#"""
            [keys]
            "\u001b]0;X\u0007" = "q"
            "\U0001F600" = "z"
            "a\tb\\c\"d" = 1
            "\b\f\r\n" = 2
            'lit\u0041' = 3
            """#)
        #expect(lines.line(of: ["keys", "\u{1B}]0;X\u{07}"]) == 2)
        #expect(lines.line(of: ["keys", "😀"]) == 3)
        #expect(lines.line(of: ["keys", "a\tb\\c\"d"]) == 4)
        #expect(lines.line(of: ["keys", "\u{08}\u{0C}\r\n"]) == 5)
        #expect(lines.line(of: ["keys", "lit\\u0041"]) == 6, "a literal string has no escapes")
    }

    @Test("CRLF line ends count once")
    func crlf() {
        let lines = TOMLKeyLines("a = 1\r\n\r\n[t]\r\nb = 2\r\n")
        #expect(lines.line(of: ["a"]) == 1)
        #expect(lines.line(of: ["t", "b"]) == 4)
    }

    /// A key of `parts` parts, `k.k.k…`.
    static func deepKey(_ parts: Int) -> [String] { Array(repeating: "k", count: parts) }

    @Test("A dotted key of 20,000 parts (40 KB) is kept in linear memory: every part's path and line are there")
    func longDottedKey() {
        // Each part's path was kept whole: 20,000 paths of up to 20,000 keys, 3.1 GB and 9 s
        // for `config --check` (QA 14a R1). The same depth as a [header] took 0.03 s.
        let key = Self.deepKey(20_000)
        let dotted = key.joined(separator: ".")
        let text = "\(dotted) = 1\n[[a]]\n[a.\(dotted)]\nb = { \(dotted) = [ 1, { c = 2 } ] }\n"
        let lines = TOMLKeyLines(text)
        // One node per path, not one whole path per prefix: linear in the key's parts (the
        // old scan held about 2 × 10^8 keys here). Counted, not timed: a test is no benchmark.
        #expect(lines.pathCount < 5 * 20_000)
        #expect(lines.line(of: key) == 1)
        #expect(lines.line(of: Array(key.prefix(10_000))) == 1)
        #expect(lines.nearestLine(of: key + ["absent", "deeper"]) == 1)
        #expect(lines.line(of: ["a", "0"] + key) == 3)
        #expect(lines.line(of: ["a", "0"] + key + ["b"] + key + ["1", "c"]) == 4)
        #expect(lines.line(of: ["a", "0"] + key + ["b", "k"]) == 4)
    }

    /// 5,000 parts: TOMLKit reads up to 10,001 (`TOMLInput.dotLimit`), and the line was
    /// wrong whatever the length.
    @Test("A configuration of one 5,000-part dotted key is refused at its line, as the same [header] is")
    func longDottedKeyInAConfiguration() {
        for text in [Self.deepKey(5_000).joined(separator: ".") + " = 1\n", "\n[" + Self.deepKey(5_000).joined(separator: ".") + "]\n"] {
            let parsed = Config.parse(text)
            #expect(parsed.messages.map(\.line) == [text.hasPrefix("\n") ? 2 : 1])
            #expect(parsed.messages.first?.text.hasPrefix("unknown setting 'k'") == true)
        }
    }
}
