import Content
import ExplorerTestSupport
import Foundation
import Testing
@testable import seealso
@testable import Store
@testable import TUI

/// A session saved in the store, the article's file edited, the store opened again: the
/// explorer reopens at the places read, not at the top with no history (QA: the service
/// dropped every session saved for another text of the article).
@MainActor
@Suite("A session saved in the store before the article was edited")
struct EditedSessionStoreTests {
    static let filler = String(repeating: "Words that wrap this paragraph over several lines of the reader. ", count: 5)

    /// Gamma: sections One to Five of four long paragraphs each; `edit` changes the text.
    static func gamma(_ edit: (inout [String]) -> Void = { _ in }) -> String {
        var lines = ["= Gamma =", "", "Gamma is the lead.", ""]
        for name in ["One", "Two", "Three", "Four", "Five"] {
            lines += ["== \(name) ==", ""]
            for number in 1...4 { lines += ["\(name) paragraph \(number). " + filler, ""] }
        }
        edit(&lines)
        return lines.joined(separator: "\n")
    }

    let size = Size(width: 120, height: 40)

    /// The explorer on the article in `file`, over the store in `data` opened afresh, started
    /// as the runtime starts it (at 120×40).
    static func open(_ file: URL, data: URL, size: Size = Size(width: 120, height: 40)) throws -> (runner: ExplorerSession, state: AppState) {
        let model = try ArticleLoader.load(path: file.path)
        let service = StoreService(store: try StateStore(directory: data))
        let runner = ExplorerSession(explorer: Explorer(model: model, bookmarks: true), service: service)
        return (runner, runner.startUp(runner.explorer.initialState(size: size), start: nil, restore: true))
    }

    func title(of section: Int, _ runner: ExplorerSession) -> String {
        section == 0 ? runner.explorer.model.article.title : runner.explorer.model.article.sections[section].title
    }

    @Test func theViewAndHistoryReopenAtTheirPlacesInTheEditedText() throws {
        let folder = try TemporaryDirectory()
        let file = folder.file("gamma.txt")
        let data = folder.file("data")
        try Data(Self.gamma().utf8).write(to: file)

        let (runner, started) = try Self.open(file, data: data)
        var state = started
        for name in ["One", "Two", "Four", "Three"] {
            let index = try #require(runner.explorer.model.article.sections.firstIndex { $0.title == name })
            state = runner.apply(.follow(.section(index)), to: state)
        }
        for _ in 0..<6 { state = runner.apply(.command(.moveDown), to: state) }
        let blocks = runner.explorer.readerDocument(state).blocks
        let left = (line: state.reader.top.line, text: blocks[state.reader.top.block].spans.map(\.text).joined())
        #expect(left.text.hasPrefix("Three paragraph 1."))
        _ = runner.apply(.command(.quit), to: state)

        // A word changed in Five, and a paragraph added to One: every place after it moved.
        try Data(Self.gamma { lines in
            if let index = lines.firstIndex(where: { $0.hasPrefix("Five paragraph 3.") }) {
                lines[index] = lines[index].replacingOccurrences(of: "Five paragraph 3.", with: "Five paragraph three (edited).")
            }
            if let index = lines.firstIndex(of: "== One ==") { lines.insert(contentsOf: ["A new paragraph opens One.", ""], at: index + 2) }
        }.utf8).write(to: file)

        let (again, reopened) = try Self.open(file, data: data)
        #expect(title(of: again.explorer.currentSection(reopened), again) == "Three")
        let now = again.explorer.readerDocument(reopened).blocks[reopened.reader.top.block].spans.map(\.text).joined()
        #expect(now == left.text)
        #expect(reopened.reader.top.line == left.line)
        #expect(again.explorer.jumpPath(reopened) == ["Gamma", "One", "Two", "Four", "Three"])
        #expect(reopened.notice == nil)
    }

    /// A session saved before views kept their places holds block numbers only: used for the
    /// text it was saved for, as before, and not for another, where they would show other places.
    @Test func aSessionWithoutPlacesIsUsedForItsOwnTextOnly() throws {
        let folder = try TemporaryDirectory()
        let data = folder.file("data")
        let before = try LinkedArticle(article: ArticleParser().parse(Self.gamma(), path: "gamma.txt"))
        let after = try LinkedArticle(article: ArticleParser().parse(Self.gamma { $0.insert(contentsOf: ["Added.", ""], at: 4) },
                                                                     path: "gamma.txt"))
        let explorer = Explorer(model: before, bookmarks: true)
        var record = SessionRecord(view: explorer.snapshot(explorer.initialState(size: size)), history: History())
        record.view.place = nil
        let store = try StateStore(directory: data)
        try store.saveSession(try JSONEncoder().encode(record), for: ArticleIdentity(before), file: BookmarkFile.of(before.article))

        let service = StoreService(store: store)
        #expect(try service.session(for: before) != nil)
        #expect(try service.session(for: after) == nil)
    }
}
