import Content
import Testing
@testable import TUI

/// Text pasted with the terminal's bracketed paste is text for a prompt, never keys (QA 11a:
/// "soviet power\n5dq" pasted into the search closed it at the newline, then 5 focused the
/// bookmarks, d deleted one and q quit).
@Suite("Pasted text")
struct PasteTests: KeyDriven {
    let explorer = Explorer(model: bundledModel, bookmarks: true)
    var start: AppState { explorer.initialState(size: Size(width: 120, height: 40)) }

    func pasted(_ text: String, _ state: AppState) -> AppState {
        explorer.update(state, explorer.action(for: .paste(text), in: state))
    }

    @Test func aPasteIntoTheSearchIsOneLineOfTextSearchedOnce() throws {
        let searching = pasted("Provisional\r\nGovernment\n5dq\tx", press(start, "/"))
        #expect(searching.prompt?.text == "Provisional Government 5dq x")
        #expect(searching.focus == .reader && searching.isRunning)
        let search = try #require(searching.search)
        #expect(search.query == "Provisional Government 5dq x" && search.matches.isEmpty)
        let found = pasted("Provisional Government", press(start, "/"))
        #expect(try #require(found.search).matches.count > 3)
    }

    @Test func aPasteGoesIntoTheFinderAndANote() {
        let finder = pasted("Municip\n", press(start, ":"))
        #expect(finder.finder?.input.text == "Municip ")
        let note = pasted("a note\u{1B}[31m red", press(start, "M"))
        #expect(note.prompt?.text == "a note[31m red", "controls are dropped, never kept for the terminal")
    }

    @Test func aPasteWithNothingOpenIsIgnoredAndSaidSo() {
        let before = press(start, "j")
        let after = pasted("q5dq", before)
        #expect(after.isRunning)
        #expect(after.reader == before.reader && after.focus == before.focus)
        #expect(after.notice == "Pasted text ignored: it goes into a prompt, / (search) or : (go to).")
    }
}
