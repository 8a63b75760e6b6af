import Foundation
import Testing
import TUI
@testable import Config

/// README.md's keys table is generated from the keymap; this fails when they drift apart.
/// `UPDATE_README=1 swift test --filter ReadmeKeys` rewrites the table (review the diff).
@Suite("README keys table")
struct ReadmeKeysTests {
    static let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("README.md")

    @Test("README.md's keys table is the one generated from KeyMap.standard")
    func readmeMatchesKeymap() throws {
        let text = try String(contentsOf: Self.readme, encoding: .utf8)
        let generated = KeysTable.markdown(.standard)
        if ProcessInfo.processInfo.environment["UPDATE_README"] == "1" {
            let updated = try #require(KeysTable.replacing(in: text, with: generated), "README.md lacks the keys markers")
            try updated.write(to: Self.readme, atomically: true, encoding: .utf8)
            return
        }
        let table = try #require(KeysTable.table(in: text),
                                 "README.md needs \(KeysTable.beginMarker) and \(KeysTable.endMarker) around the keys table")
        #expect(table == generated, "README.md's keys table differs from the keymap: run UPDATE_README=1 swift test --filter ReadmeKeys")
    }

    /// The roles a `[theme]` table takes are listed in README.md's Configuration section; a
    /// role added to `ColorRole` (as `selection-inactive` was) must be listed there too.
    @Test("README.md lists every [theme] role, in order")
    func readmeListsTheRoles() throws {
        let text = try String(contentsOf: Self.readme, encoding: .utf8)
            .split(whereSeparator: \.isNewline).joined(separator: " ")
        // Not #require on the text itself, whose failure would print the whole README.
        guard let start = text.range(of: "The roles are "), let end = text.range(of: " (and `heading`", range: start.upperBound..<text.endIndex) else {
            Issue.record("README.md lists the roles as \"The roles are `normal`, `dim`, … (and `heading`, …\"")
            return
        }
        #expect(String(text[start.upperBound..<end.lowerBound]) == ColorRole.allCases.map { "`\($0.configName)`" }.joined(separator: ", "))
    }

    @Test("Every binding is in the table, once, with its action name")
    func tableCoversKeymap() {
        let table = KeysTable.markdown(.standard)
        for binding in KeyMap.standard.bindings {
            let rows = table.split(separator: "\n").filter { $0.hasSuffix("| `\(binding.command.rawValue)` |") }
            #expect(rows.count == 1, "\(binding.command)")
            for key in binding.keys { #expect(rows.first?.contains(KeysTable.code(key)) == true, "\(key)") }
        }
    }

    /// The prompts', the finder's, typing's, the link map's and the help's keys are in the
    /// table too (README listed neither Tab in a prompt, Ctrl-B, Ctrl-F nor the link map's, QA 17b).
    @Test("Every place's keys are in the table, under its heading")
    func tableCoversEveryPlace() throws {
        let table = KeysTable.markdown(.standard)
        for place in ContextKeys.listings(.standard) {
            let start = try #require(table.range(of: "| **\(place.title)** | | |"), "\(place.title)")
            let rows = table[start.upperBound...].split(separator: "\n").prefix(place.rows.count + 1)
            for (row, line) in zip(place.rows, rows) {
                #expect(line.hasPrefix("| " + KeysTable.keys(row.keys) + " | " + row.summary + " | "), "\(line)")
            }
            #expect(rows.last == "| | \(place.otherwise) | |")
        }
        #expect(table.contains("| `j` `↓` `]` | Next node | (as `down`, `next-reference`) |"))
        #expect(table.contains("| `Tab` | Type a space | (fixed) |"))
    }

    @Test("Pipes and backticks in key names do not break the table")
    func escaping() {
        let keymap = KeyMap(bindings: [KeyMap.Binding(.quit, [.character("|"), .character("`")]), KeyMap.Binding(.help, [])])
        let table = KeysTable.markdown(keymap)
        #expect(table.contains("| `\\|` `` ` `` | Quit | `quit` |"))
        // Spelt as the help spells it (the table wrote "(none)", QA 17b).
        #expect(table.contains("| (no key) | Show or hide this help | `help` |"))
    }

    @Test("Replacing between the markers keeps the rest of the file")
    func replacing() throws {
        let readme = "before\n\(KeysTable.beginMarker)\nold\n\(KeysTable.endMarker)\nafter\n"
        let updated = try #require(KeysTable.replacing(in: readme, with: "new\n"))
        #expect(updated == "before\n\(KeysTable.beginMarker)\nnew\n\(KeysTable.endMarker)\nafter\n")
        #expect(KeysTable.table(in: updated) == "new\n")
        #expect(KeysTable.replacing(in: "no markers", with: "x") == nil)
    }
}
