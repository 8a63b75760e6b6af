import Content
import Testing
@testable import TUI

/// `}` and `{` go from section to section (info's n and p, vim's ]] and [[), the key QA
/// missed most: in the reader the heading goes to the top, as a jump to the section puts it;
/// in the outline the selection moves past subsections. Neither is a jump: reading section
/// by section leaves the history as it was, as scrolling does.
@Suite("Next and previous section")
struct SectionStepTests: KeyDriven {
    let explorer = Explorer(model: bundledModel, bookmarks: true)
    let size = Size(width: 120, height: 40)

    var start: AppState { explorer.initialState(size: size) }

    /// The line a jump to `section` (the outline's Enter) puts at the top.
    func headingTop(_ section: Int) -> Int {
        explorer.readerTopLine(explorer.update(start, .follow(.section(section))))
    }

    @Test func theReaderPutsTheNextHeadingAtTheTop() {
        var state = press(start, "}")
        #expect(explorer.readerTopLine(state) == headingTop(1))
        #expect(explorer.currentSection(state) == 1)
        state = press(state, "}")
        #expect(explorer.readerTopLine(state) == headingTop(2))
        state = press(state, "{")
        #expect(explorer.readerTopLine(state) == headingTop(1))
        state = press(state, "{")
        #expect(explorer.readerTopLine(state) == 0, "back to the lead, under the title")
        #expect(state.notice == nil)
        #expect(press(state, "}}}{").history.back.isEmpty, "no step is a jump")
    }

    /// From inside a section, `{` goes to its own heading first, as vim's [[ does; from the
    /// heading, to the one before.
    @Test func previousFromInsideASectionGoesToItsHeading() {
        let inside = press(explorer.update(start, .follow(.section(3))), "jjj")
        #expect(explorer.currentSection(inside) == 3 && explorer.readerTopLine(inside) > headingTop(3))
        let own = press(inside, "{")
        #expect(explorer.readerTopLine(own) == headingTop(3))
        #expect(explorer.readerTopLine(press(own, "{")) == headingTop(2))
        #expect(explorer.readerTopLine(press(inside, "}")) == headingTop(4))
        // One line up from a heading shows the blank line above it: still that heading's place.
        let above = press(own, "k")
        #expect(explorer.readerTopLine(above) == headingTop(3) - 1)
        #expect(explorer.readerTopLine(press(above, "{")) == headingTop(2))
        #expect(explorer.readerTopLine(press(above, "}")) == headingTop(4))
    }

    @Test func atTheEndsTheySaySo() {
        let last = bundledModel.article.sections.count - 1
        let end = explorer.update(start, .follow(.section(last)))
        let stuck = press(end, "}")
        #expect(stuck.notice == "Already at the last section.")
        #expect(explorer.readerTopLine(stuck) == explorer.readerTopLine(end))
        // The last heading near the end of the article still goes to the top, as zt puts it.
        let bottom = press(start, "G")
        let toLast = press(bottom, "}")
        if explorer.readerTopLine(bottom) < headingTop(last) {
            #expect(explorer.readerTopLine(toLast) == headingTop(last))
        }
        let top = press(start, "{")
        #expect(top.notice == "Already at the first section.")
        #expect(explorer.readerTopLine(top) == 0)
    }

    /// At the very end the section being read is the last heading on screen (the status bar
    /// names it): `{` goes to it first, then on back (QA 11a: `G` `{` passed "See also" and
    /// went to the section at the top's heading).
    @Test func previousAtTheEndGoesToTheSectionTheStatusBarNames() {
        let bottom = press(start, "G")
        let reading = explorer.currentSection(bottom)
        #expect(headingTop(reading) > explorer.readerTopLine(bottom), "the heading read is below the top")
        let back = press(bottom, "{")
        #expect(explorer.readerTopLine(back) == headingTop(reading))
        #expect(explorer.readerTopLine(press(back, "{")) == headingTop(reading - 1))
    }

    /// QA 38: with a heading at the top and a cross-reference selected further down, in the
    /// next section, that section was the one read: `{` went down to its heading, the next `{`
    /// back up, and so on, never reaching the lead. Above the end, `{` only goes up.
    @Test func previousNeverGoesDownAboveTheEnd() throws {
        // A section at the top with a cross-reference of the next one on screen, selected by `]`.
        var found: (section: Int, state: AppState)?
        for section in 1..<(bundledModel.article.sections.count - 1) where found == nil {
            var state = explorer.update(start, .follow(.section(section)))
            for _ in 0..<30 where explorer.readerTopLine(state) == headingTop(section) {
                state = press(state, "]")
                if explorer.currentSection(state) > section, explorer.readerTopLine(state) == headingTop(section) { found = (section, state) }
                if found != nil { break }
            }
        }
        let (section, selected) = try #require(found)
        var state = selected
        var tops = [explorer.readerTopLine(state)]
        while tops.count < 4, state.notice == nil {
            state = press(state, "{")
            tops.append(explorer.readerTopLine(state))
        }
        #expect(tops.count > 1 && tops[1] < tops[0], "up, from section \(section)'s heading: \(tops)")
        #expect(zip(tops, tops.dropFirst()).allSatisfy { $1 <= $0 }, "never down: \(tops)")
    }

    /// From another pane, the reader takes the focus and moves, as ] and [ do.
    @Test func fromASidePaneTheReaderMoves() {
        for pane in ["3", "4", "5"] {
            let state = press(press(start, pane), "}")
            #expect(state.focus == .reader, "\(pane)")
            #expect(explorer.readerTopLine(state) == headingTop(1), "\(pane)")
        }
    }

    /// A topic card's parts (its links, its mentions) are headed as sections are.
    @Test func aTopicCardStepsThroughItsParts() throws {
        let card = explorer.update(start, .follow(.card("strategy:municipalism")))
        let layout = explorer.readerLayout(card)
        func line(starting prefix: String) throws -> Int {
            try #require(layout.lines.firstIndex { $0.spans.map(\.text).joined().hasPrefix(prefix) })
        }
        var state = press(card, "}")
        #expect(explorer.readerTopLine(state) == (try line(starting: "# Links (")))
        state = press(state, "}")
        #expect(explorer.readerTopLine(state) == (try line(starting: "# Mentioned in the article (")))
        #expect(press(state, "}").notice == "Already at the last part.")
        state = press(state, "{{")
        #expect(explorer.readerTopLine(state) == 0)
        #expect(press(state, "{").notice == "Already at the first part.")
        #expect(!explorer.readerDocument(card).blocks.contains { $0.isHeading }, "no ★ goes on a card's parts")
    }

    /// In the outline, `}` goes past the section's subsections to the next at its level (or
    /// above), `{` to the previous at its level or to its parent; only the selection moves,
    /// as with j and k, and Enter opens it.
    @Test func theOutlineMovesPastSubsections() throws {
        let nested = Explorer(model: try LinkedArticle(article: ArticleParser().parse(
            "= Alpha =\nLead.\n\n== One ==\nA.\n\n=== Sub ===\nB.\n\n=== Sub two ===\nC.\n\n== Two ==\nD.\n", path: "alpha.txt")))
        var state = nested.initialState(size: size)
        func key(_ key: Character) { state = nested.update(state, nested.action(for: .key(.character(key)), in: state)) }
        key("1")
        key("{")
        #expect(state.notice == "Already at the first section." && state.outline.selectedSection == 0)
        key("}")
        #expect(state.outline.selectedSection == 1)
        key("}")
        #expect(state.outline.selectedSection == 4, "past Sub and Sub two")
        key("}")
        #expect(state.notice == "Already at the last section." && state.outline.selectedSection == 4)
        key("{")
        #expect(state.outline.selectedSection == 1)
        key("j")
        key("}")
        #expect(state.outline.selectedSection == 3, "the next subsection")
        key("}")
        #expect(state.outline.selectedSection == 4, "the next section up a level")
        key("k")
        key("{")
        #expect(state.outline.selectedSection == 2)
        key("{")
        #expect(state.outline.selectedSection == 1, "the parent")
        #expect(state.focus == .outline && nested.readerTopLine(state) == 0 && state.history.back.isEmpty)
    }
}
