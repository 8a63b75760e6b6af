import Content
import Foundation
import Testing
@testable import TUI

/// The bundled article, loaded once for every test in this target.
let bundledModel: LinkedArticle = {
    do { return try ArticleLoader.bundled() } catch { fatalError("bundled article: \(error)") }
}()

func makeExplorer(_ model: LinkedArticle = bundledModel) -> Explorer { Explorer(model: model) }

extension Explorer {
    /// Applies commands in order, as keys would.
    func run(_ state: AppState, _ commands: Command...) -> AppState {
        commands.reduce(state) { update($0, .command($1)) }
    }

    func press(_ state: AppState, _ keys: Key...) -> AppState {
        keys.reduce(state) { update($0, action(for: .key($1))) }
    }

    /// The article reference whose target is `target`, if any.
    func articleReference(to target: Target) -> Int? {
        layouts.document(.article).references.firstIndex { $0.target == target }
    }
}

/// Golden screens: the text of every cell, compared with `Golden/NAME.txt` beside this file.
/// `UPDATE_GOLDEN=1 swift test` rewrites them, and fails each golden test, so that such a run
/// never passes as a check: review the diff, then run again without it.
func expectGolden(_ buffer: CellBuffer, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    let url = directory.appendingPathComponent(name + ".txt")
    let actual = buffer.text + "\n"
    if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let previous = try? String(contentsOf: url, encoding: .utf8)
        try actual.write(to: url, atomically: true, encoding: .utf8)
        let what = previous == actual ? "rewritten unchanged" : "changed"
        Issue.record("UPDATE_GOLDEN=1: Golden/\(name).txt was \(what), not checked; review the diff, then run without UPDATE_GOLDEN",
                     sourceLocation: sourceLocation)
        return
    }
    let expected = try String(contentsOf: url, encoding: .utf8)
    if expected != actual {
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let first = zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }
        let detail = first.map { "first difference at row \($0.offset):\n  expected: \($0.element.0)\n  actual:   \($0.element.1)" }
            ?? "row counts differ: \(expectedLines.count) vs \(actualLines.count)"
        Issue.record("screen \(name) differs from Golden/\(name).txt; \(detail)", sourceLocation: sourceLocation)
    }
}

/// A suite that drives one explorer with keys, as a person types them: `/` searches, and
/// the status bar is read from the rendered screen.
protocol KeyDriven {
    var explorer: Explorer { get }
}

extension KeyDriven {
    func press(_ state: AppState, _ keys: Key...) -> AppState {
        keys.reduce(state) { explorer.update($0, explorer.action(for: .key($1), in: $0)) }
    }

    /// Each character of `keys` pressed in turn.
    func press(_ state: AppState, _ keys: String) -> AppState {
        keys.reduce(state) { press($0, .character($1)) }
    }

    /// `/query` and Enter.
    func search(_ query: String, _ state: AppState) -> AppState {
        press(press(state, "/" + query), .enter)
    }

    func statusBar(_ state: AppState) -> String { explorer.render(state).row(state.size.height - 1) }
}

extension Explorer {
    /// The screen cell where the first cross-reference on screen in the reader that
    /// `matches` (by its number) starts; nil when none is on screen.
    func referenceCell(_ state: AppState, where matches: (Int) -> Bool = { _ in true }) -> (x: Int, y: Int)? {
        let layout = readerLayout(state)
        let text = readerTextRect(state)
        let top = readerTopLine(state)
        for row in 0..<text.height where top + row < layout.lineCount {
            var x = 0
            for span in layout.lines[top + row].spans {
                if let reference = span.reference, matches(reference) { return (text.x + x, text.y + row) }
                x += span.text.displayWidth
            }
        }
        return nil
    }
}
