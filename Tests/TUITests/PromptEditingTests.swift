import Content
import Foundation
import Testing
@testable import TUI

/// The note and search prompts and the go-to finder edit their text as readline does: a
/// cursor moved by Left, Right, Home, End, Ctrl-A and Ctrl-E, deleting around it with
/// Backspace and Delete, Ctrl-W, Ctrl-U and Ctrl-K. These keys did nothing, and Backspace
/// always deleted the last character.
@Suite("Editing typed text")
struct PromptEditingTests: KeyDriven {
    let explorer = Explorer(model: bundledModel, bookmarks: true)
    let size = Size(width: 80, height: 24)

    var start: AppState { explorer.initialState(size: size) }

    func typed(_ text: String, then keys: Key...) -> LineInput {
        var input = LineInput()
        for character in text { _ = input.edit(.character(character)) }
        for key in keys { _ = input.edit(key) }
        return input
    }

    /// Ctrl-G, readline's abort, cancels as Esc does: the search goes back to where it
    /// started, the note is not changed, the finder closes (it said "Ctrl-G is not bound").
    @Test func controlGCancelsAsEscDoes() {
        let scrolled = press(start, .character("j"), .character("j"))
        let searching = press(scrolled, "/Kornilov")
        #expect(searching.reader != scrolled.reader)
        let cancelled = press(searching, .control("g"))
        #expect(cancelled.prompt == nil && cancelled.reader == scrolled.reader && cancelled.search == nil)
        let note = press(press(start, "M") , "draft")
        #expect(note.prompt != nil)
        let kept = press(note, .control("g"))
        #expect(kept.prompt == nil && kept.notice == "Note not changed.")
        let finder = press(start, ":")
        #expect(finder.finder != nil)
        #expect(press(finder, .control("g")).finder == nil)
    }

    @Test func theCursorMovesByCharacterAndEditsAroundIt() {
        // The report: ab漢字cd, Left, Left, Backspace deleted "d".
        let input = typed("ab漢字cd", then: .left, .left, .backspace)
        #expect(input.text == "ab漢cd" && input.cursor == 3)
        #expect(typed("ab漢字cd", then: .home, .delete).text == "b漢字cd")
        #expect(typed("ab漢字cd", then: .control("a"), .right, .character("X")).text == "aXb漢字cd")
        #expect(typed("ab漢字cd", then: .home, .control("e"), .character("!")).text == "ab漢字cd!")
        #expect(typed("ab", then: .home, .left, .backspace).text == "ab", "nothing before the start")
        #expect(typed("ab", then: .end, .right, .delete).text == "ab", "nothing after the end")
        // A flag and an accent written with a combining mark are one step each.
        let clusters = typed("🇫🇷e\u{301}x", then: .left, .left, .backspace)
        #expect(clusters.text == "e\u{301}x" && clusters.cursor == 0)
        let joined = typed("e", then: .character("\u{301}"))
        #expect(joined.text == "e\u{301}" && joined.cursor == 1, "a combining mark joins the letter before it")
    }

    @Test func wordAndLineDeletionsWorkFromTheCursor() {
        #expect(typed("see also  ", then: .control("w")).text == "see ")
        #expect(typed("see also this", then: .left, .left, .left, .left, .control("w")).text == "see this")
        #expect(typed("see also this", then: .left, .left, .left, .left, .control("u")).text == "this")
        #expect(typed("see also this", then: .left, .left, .left, .left, .control("k")).text == "see also ")
        let input = typed("see also this", then: .left, .left, .left, .left, .control("u"))
        #expect(input.cursor == 0)
    }

    /// Alt-b, Alt-f and Alt-d move and delete by readline's words (letters and digits, so
    /// "see-also" is two); before, Alt-b in the search prompt cancelled the search (its Esc)
    /// and then paged up (its b).
    @Test func altKeysMoveAndDeleteByWord() {
        let back = typed("see also-this", then: .alt("b"))
        #expect(back.cursor == 9, "to the start of \"this\"")
        #expect(typed("see also-this", then: .alt("b"), .alt("b"), .alt("b")).cursor == 0)
        #expect(typed("see also-this  ", then: .alt("b")).cursor == 9, "over the spaces first")
        #expect(typed("see also-this", then: .alt("b"), .alt("B"), .character("X")).text == "see Xalso-this",
                "Alt-Shift-b is Alt-b, as in readline")
        let forward = typed("see also-this", then: .home, .alt("f"))
        #expect(forward.cursor == 3, "to the end of \"see\"")
        #expect(typed("see also-this", then: .home, .alt("f"), .alt("f")).cursor == 8)
        #expect(typed("see also-this", then: .home, .alt("f"), .alt("f"), .alt("f"), .alt("f")).cursor == 13)
        let deleted = typed("see also-this", then: .home, .alt("f"), .alt("d"))
        #expect(deleted.text == "see-this" && deleted.cursor == 3, "the space and the word after it")
        #expect(typed("see also-this", then: .alt("d")).text == "see also-this", "nothing after the end")
        let rubbed = typed("see also-this", then: .alt(Key.backspaceCharacter))
        #expect(rubbed.text == "see also-" && rubbed.cursor == 9, "Alt-Backspace: the word before, by Alt-b's words")
        let wide = typed("漢字 e\u{301}té", then: .alt("b"), .alt("b"), .alt("d"))
        #expect(wide.text == " e\u{301}té" && wide.cursor == 0, "by characters as a reader sees them")
    }

    /// Every other Alt key is still the prompt's, and changes nothing: it must not reach the
    /// caller, which would take it for Esc and close the prompt.
    @Test func otherAltKeysDoNothing() {
        var input = LineInput("sov")
        for key in [Key.alt("x"), .alt("s"), .alt("1"), .alt(" "), .alt("[")] {
            #expect(input.edit(key) == .cursor, "\(key.displayName)")
        }
        #expect(input == LineInput("sov"))
    }

    /// The report: `/sov`, Alt-b. The search stays open with the cursor before "sov", where
    /// typing goes on; the view stays where the search put it. The finder and the note prompt
    /// keep their Alt keys too.
    @Test func altKeysKeepThePromptsOpen() throws {
        let searched = press(start, "/sov")
        var state = press(searched, .alt("b"))
        #expect(state.prompt?.text == "sov" && state.prompt?.input.cursor == 0)
        #expect(state.search == searched.search && state.reader == searched.reader, "not cancelled, not paged up")
        state = press(press(state, .alt("x"), .alt("f")), "iet")
        #expect(state.prompt?.text == "soviet" && state.search?.query == "soviet")

        let finder = press(press(start, ":October rev"), .alt("b"), .alt("q"), .alt("d"))
        #expect(finder.finder?.query == "October ")

        let note = press(press(press(start, "M"), "a note"), .alt("b"), .alt("z"))
        #expect(note.prompt?.text == "a note" && note.prompt?.input.cursor == 2)
    }

    @Test func keysThatAreNotEditingAreLeftToTheCaller() {
        var input = LineInput("x")
        for key in [Key.enter, .escape, .tab, .up, .down, .pageDown, .function(1)] {
            #expect(input.edit(key) == nil, "\(key.displayName)")
        }
        let moved = input.edit(.left)
        #expect(moved == .cursor)
        let deleted = input.edit(.backspace)
        #expect(deleted == .cursor, "nothing before the cursor: the text did not change")
        let inserted = input.edit(.character("y"))
        #expect(inserted == .text && input.text == "yx")
    }

    /// The note's prompt, through the keys: the edit is what Enter saves, and the cursor is
    /// drawn where it is, on the character it stands before.
    @Test func theNotePromptEditsAndDrawsItsCursor() throws {
        var state = press(start, "M")
        let label = try #require(state.prompt?.label)
        state = press(press(state, "ab漢字cd"), .left, .left, .backspace)
        #expect(state.prompt?.text == "ab漢cd")
        let screen = explorer.render(state)
        let y = size.height - 1
        let x = label.displayWidth + 4  // after "ab漢", two columns for 漢
        #expect(screen[x, y].text == "c" && screen[x, y].style.reverse)
        #expect(screen[x - 2, y].text == "漢" && !screen[x - 2, y].style.reverse)
        let reversed = (0..<size.width).filter { screen[$0, y].style.reverse }
        #expect(reversed == [x], "one cursor cell: \(reversed)")

        // On a wide character, the cursor covers its two columns.
        let onWide = explorer.render(press(state, .left))
        #expect(onWide[x - 2, y].text == "漢" && onWide[x - 2, y].style.reverse && onWide[x - 1, y].isContinuation)

        state = press(state, .enter)
        #expect(state.effects.last == .setNote("ab漢cd", section: 0, item: nil, shown: nil))
    }

    /// A note longer than the field shows the part around the cursor: its end while typing
    /// there, its start after Home.
    @Test func aLongNoteScrollsToShowTheCursor() throws {
        let note = (1...20).map { "word\($0)" }.joined(separator: " ")
        var state = press(press(start, "M"), note)
        let label = try #require(state.prompt?.label)
        var row = explorer.render(state).row(size.height - 1)
        #expect(row.contains("word19 word20 ") && !row.contains("word1 "), "\(row)")
        state = press(state, .home)
        row = explorer.render(state).row(size.height - 1)
        #expect(row.contains(label + "word1 word2") && !row.contains("word20"), "\(row)")
        let screen = explorer.render(state)
        #expect(screen[label.count, size.height - 1].style.reverse, "the cursor on the first character")
    }

    /// The search goes on as you type, wherever the cursor is; moving the cursor alone
    /// searches nothing again.
    @Test func theSearchFollowsEditsMadeInsideTheQuery() {
        var state = press(press(start, "/Lnin"), .home, .right)
        #expect(state.search?.matches.isEmpty == true)
        state = press(state, "e")
        #expect(state.prompt?.text == "Lenin" && state.search?.query == "Lenin")
        #expect((state.search?.matches.count ?? 0) > 1)
        let moved = press(state, .left, .end, .control("a"))
        #expect(moved.search == state.search && moved.reader == state.reader)
    }

    /// The finder's query edits the same way; an edit starts the results from the best one.
    @Test func theFinderQueryEditsInPlace() throws {
        var state = press(press(start, ":Octber"), .left, .left, .left)
        state = press(state, .down, .up, .down)
        state = press(state, "o")
        #expect(state.finder?.query == "October" && state.finder?.selection == 0)
        let best = try #require(explorer.finderResults(state).first)
        #expect(best.entry.title == "October Revolution")
        state = press(state, .control("w"))
        #expect(state.finder?.query == "ber")
    }

    /// At the narrowest terminals the hint on the right ("not found · Enter keeps · Esc
    /// returns") left the typed text no column at all; it gives way now, and a long label
    /// takes half the row at most.
    @Test("At 40 columns the typed text shows; the hint gives way", arguments: [40, 45, 50])
    func narrowPrompts(width: Int) {
        let size = Size(width: width, height: 12)
        var state = press(explorer.initialState(size: size), "/")
        state = press(state, "abc漢字def")
        let search = statusBar(state)
        #expect(search.hasPrefix("/abc漢字def"), "\(search)")

        state = press(explorer.update(explorer.initialState(size: size), .follow(.section(6))), "M")
        state = press(state, "my note")
        let note = statusBar(state)
        #expect(note.contains("my note"), "\(note)")
        #expect(note.hasPrefix("Note for "), "\(note)")
    }
}
