import Content
import Foundation
import Testing
@testable import TUI

/// "Resizing never loses the position or the selection": a detour through another size, smaller
/// or taller, comes back to the screen as it was. Only the reader kept its top line (QA 12a);
/// the finder stayed scrolled after a detour through a smaller size, and the help, the
/// cross-links and the other lists were pulled up by a taller one and stayed there (QA 14c).
@Suite("A resize detour comes back to the same screen")
struct ResizeDetourTests: KeyDriven {
    let explorer = makeExplorer()

    /// The explorer at `size`, after `keys`: "Down", "Up" and "Enter" by name, else each character typed.
    func state(_ size: Size, _ keys: [String]) -> AppState {
        keys.reduce(explorer.initialState(size: size)) { state, key in
            switch key {
            case "Down": press(state, .down)
            case "Up": press(state, .up)
            case "Enter": press(state, .enter)
            default: press(state, key)
            }
        }
    }

    /// `state` resized to each of `sizes` in turn.
    func resized(_ state: AppState, through sizes: [Size]) -> AppState {
        sizes.reduce(state) { explorer.update($0, .resize($1)) }
    }

    func screen(_ state: AppState) -> String { explorer.render(state).text }

    /// The finder's result rows as drawn.
    func finderRows(_ state: AppState) -> [String] {
        let frame = FinderFrame(size: state.size)
        let buffer = explorer.render(state)
        return (frame.firstRow..<(frame.firstRow + frame.rows)).map { buffer.row($0) }
    }

    struct Detour: CustomTestStringConvertible, Sendable {
        var name: String
        var size: Size
        var keys: [String]
        var via: [Size]
        var testDescription: String { name }
    }

    static let detours: [Detour] = [
        // QA 14c#1: the finder, a query typed, through a short size and a too-small one.
        Detour(name: "finder with a query via 120×11", size: Size(width: 120, height: 40), keys: [":", "c", "o", "Down", "Down"],
               via: [Size(width: 120, height: 11)]),
        Detour(name: "finder with a query via 30×8", size: Size(width: 120, height: 40), keys: [":", "c", "o", "Down", "Down"],
               via: [Size(width: 30, height: 8)]),
        Detour(name: "finder with nothing typed via 40×12", size: Size(width: 120, height: 40), keys: [":", "Down", "Down"],
               via: [Size(width: 40, height: 12)]),
        // QA 14c#2: the help, scrolled, through taller sizes (the second shows it whole).
        Detour(name: "help via 150×60", size: Size(width: 150, height: 30), keys: ["?"] + Array(repeating: "j", count: 10),
               via: [Size(width: 150, height: 60)]),
        Detour(name: "help via 186×65", size: Size(width: 150, height: 30), keys: ["?"] + Array(repeating: "j", count: 10),
               via: [Size(width: 186, height: 65)]),
        Detour(name: "help via 40×12", size: Size(width: 150, height: 30), keys: ["?"] + Array(repeating: "j", count: 10),
               via: [Size(width: 40, height: 12)]),
        // QA 14c#3: the cross-links, their last entries selected, through a taller size.
        Detour(name: "cross-links via 120×70", size: Size(width: 120, height: 20), keys: ["3", "G", "k", "k", "k"],
               via: [Size(width: 120, height: 70)]),
        Detour(name: "cross-links via 40×12", size: Size(width: 120, height: 20), keys: ["3", "G", "k", "k", "k"],
               via: [Size(width: 40, height: 12)]),
        Detour(name: "backlinks via 120×70", size: Size(width: 120, height: 24), keys: ["}", "}", "}", "}", "4", "G", "kkkkkkkk"],
               via: [Size(width: 120, height: 70)]),
        Detour(name: "outline via 120×70", size: Size(width: 120, height: 20), keys: ["1", "G", "kkkkkkkkkkkkkkkkkkkk"],
               via: [Size(width: 120, height: 70)]),
        Detour(name: "outline via 40×12 and 80×24", size: Size(width: 120, height: 20), keys: ["1", "G", "kkkkkkkkkkkkkkkkkkkk"],
               via: [Size(width: 40, height: 12), Size(width: 80, height: 24)]),
        Detour(name: "reader via 40×12 and 200×70", size: Size(width: 120, height: 30), keys: [" ", " ", "]", "]"],
               via: [Size(width: 40, height: 12), Size(width: 200, height: 70)]),
        Detour(name: "link map via 40×12 and 200×70", size: Size(width: 120, height: 30), keys: ["v", "j", "j", "j", "j", "j"],
               via: [Size(width: 40, height: 12), Size(width: 200, height: 70)]),
        Detour(name: "topic card via 40×12 and 200×70", size: Size(width: 120, height: 20), keys: [":", "Bookchin", "Enter", "j", "j"],
               via: [Size(width: 40, height: 12), Size(width: 200, height: 70)]),
    ]

    @Test(arguments: detours)
    func aDetourComesBackToTheSameScreen(_ detour: Detour) {
        let before = state(detour.size, detour.keys)
        let after = resized(before, through: detour.via + [detour.size])
        #expect(screen(after) == screen(before), "\(detour.name): before\n\(screen(before))\nafter\n\(screen(after))")
    }

    /// The Bookmarks pane, scrolled to its last bookmarks, through a taller size.
    @Test func theBookmarksPaneComesBackToTheSameScreen() {
        var before = explorer.initialState(size: Size(width: 120, height: 20))
        let entries = (0..<30).map { index in
            BookmarkEntry(id: Int64(index + 1), articleTitle: bundledModel.article.title, path: "Mark \(index)",
                          note: index % 3 == 0 ? "a note to go with it" : nil, createdAt: Date(timeIntervalSince1970: 0),
                          target: .section(1 + index % 5), section: 1 + index % 5, item: nil, isOrphaned: false)
        }
        before = explorer.update(before, .bookmarksLoaded(entries, notice: nil))
        before = press(before, "'G" + String(repeating: "k", count: 12))
        let after = resized(before, through: [Size(width: 120, height: 70), Size(width: 120, height: 20)])
        #expect(screen(after) == screen(before), "before\n\(screen(before))\nafter\n\(screen(after))")
    }

    /// The finder is never scrolled while all its results fit: a selection near the end at a
    /// small size scrolled it, and at a taller size its first results were off the top with
    /// empty rows at the bottom of the box.
    @Test func theFinderShowsAllItsResultsWhenTheyFit() throws {
        var state = state(Size(width: 40, height: 12), [":", "c", "o"])
        let count = explorer.finderResults(state).count
        for _ in 1..<count { state = press(state, .down) }
        #expect(state.finder?.selection == count - 1)
        state = explorer.update(state, .resize(Size(width: 120, height: 40)))
        let rows = finderRows(state)
        #expect(FinderFrame(size: state.size).rows >= count)
        let first = try #require(explorer.finderResults(state).first?.entry.title)
        #expect(rows[0].contains(first), "the first result on the first row: \(rows)")
        let last = try #require(explorer.finderResults(state).last?.entry.title)
        #expect(rows[count - 1].contains(last.prefix(20)), "the last result on row \(count - 1): \(rows)")
    }

    /// QA 14d#10: at 40×12 the finder showed 2 of 44 results in a box down to row 6, the reader
    /// showing below it; it now takes the rows down to the status line.
    @Test func aSmallFinderTakesTheRowsItHas() {
        let state = state(Size(width: 40, height: 12), [":"])
        let frame = FinderFrame(size: state.size)
        #expect(frame.box.y + frame.box.height == state.size.height - 1, "the box ends above the status line")
        let buffer = explorer.render(state)
        #expect(buffer.row(state.size.height - 2).contains("└"), "the box's bottom border is the row above the status line")
        let shown = finderRows(state).filter { $0.contains("section") || $0.contains("see-also") }
        #expect(shown.count == frame.rows && frame.rows == 6, "\(finderRows(state))")
    }

    /// QA 14c#5: a message stays until the next key; a resize is not one (vim and less keep
    /// their message line over a resize).
    @Test func aMessageOutlastsAResize() {
        let size = Size(width: 120, height: 40)
        var state = explorer.initialState(size: size)
        state = press(state, .enter)
        let message = statusBar(state)
        #expect(message.contains("No cross-reference selected"))
        state = resized(state, through: [Size(width: 100, height: 30)])
        #expect(statusBar(state).contains("No cross-reference selected"))
        state = resized(state, through: [size])
        #expect(statusBar(state) == message)
        #expect(!statusBar(press(state, "j")).contains("No cross-reference"), "the next key takes it away")
        // As a message the runtime sends (an undo with nothing to undo, a bookmark made).
        state = explorer.update(state, .notice("Nothing to undo."))
        state = resized(state, through: [Size(width: 40, height: 12)])
        #expect(statusBar(state).contains("Nothing to undo."))
    }
}
