import Foundation
import Content
import Testing
@testable import TUI

@Suite("Explorer state")
struct ExplorerTests {
    let explorer = makeExplorer()

    var start: AppState { explorer.initialState(size: Size(width: 120, height: 40)) }

    @Test func everyDefaultBindingDispatchesItsCommand() {
        for binding in KeyMap.standard.bindings {
            for key in binding.keys {
                #expect(explorer.action(for: .key(key)) == .command(binding.command), "\(key.displayName)")
            }
        }
        #expect(explorer.action(for: .key(.character("x"))) == .unbound(.character("x")))
    }

    @Test func keysAreNotBoundTwice() {
        var seen: [Key: Command] = [:]
        for binding in KeyMap.standard.bindings {
            for key in binding.keys {
                #expect(seen[key] == nil, "\(key.displayName) is bound to \(seen[key].map { "\($0)" } ?? "") and \(binding.command)")
                seen[key] = binding.command
            }
        }
    }

    @Test func helpScreenListsEveryBindingFromTheKeymap() {
        let lines = HelpScreen.lines(.standard).map { $0.map(\.text).joined() }
        // Some rows written out: keys in a column as wide as the widest keys, then the summary.
        // The widest is the finder's "↑, Ctrl-P, Shift-Tab", listed since QA 17b.
        for row in ["  q                     Quit",
                    "  ?, F1                 Show or hide this help",
                    "  Shift-Tab             Focus the previous pane",
                    "  5, '                  Focus the bookmarks",
                    "  j, ↓                  Move down / scroll one line",
                    "  Space, PgDn, Ctrl-F   Page down",
                    "  :, Ctrl-P             Go to a section, topic, example, strategy or bookmark"] {
            #expect(lines.contains(row), "\(row)")
        }
        // And every binding of the keymap is there, each key by its name.
        let text = lines.joined(separator: "\n")
        for binding in KeyMap.standard.bindings {
            for key in binding.keys { #expect(text.contains(key.displayName), "\(binding.command)") }
            #expect(text.contains(binding.command.summary))
        }
        let remapped = KeyMap(bindings: [KeyMap.Binding(.quit, [.character("x")])])
        #expect(HelpScreen.lines(remapped).map { $0.map(\.text).joined() }.joined().contains("x"))
    }

    /// Paging through the help from its top to its bottom shows every line of it, in order,
    /// inside its box, at every size: lines wider than the box wrap (they were cut, or dropped
    /// when one span), and the last line can be scrolled to (it stayed one line below the box).
    /// Only the box's cells are read: the article around it holds many of the same words.
    @Test(arguments: [(80, 24), (100, 50), (120, 40), (60, 20), (40, 12)])
    func everyLineOfTheHelpCanBeRead(width: Int, height: Int) {
        var state = explorer.press(explorer.initialState(size: Size(width: width, height: height)), .character("?"))
        let help = HelpScreen.layout(.standard, size: state.size)
        #expect(help.lines.allSatisfy { $0.reduce(0) { $0 + $1.text.displayWidth } <= help.box.width - 4 })
        var rows: [String] = []
        while true {
            rows += Self.rows(inside: help.box, of: explorer.render(state))
            let next = explorer.press(state, .character(" "))
            if next.helpTop == state.helpTop { break }
            state = next
        }
        // Each line of the help, in order, is a row of some page (pages may overlap).
        let lines = help.lines.map { $0.map(\.text).joined().trimmingCharacters(in: .whitespaces) }
        var next = rows.startIndex
        var unread: [String] = []
        for line in lines {
            if let found = rows[next...].firstIndex(of: line) { next = found + 1 } else { unread.append(line) }
        }
        #expect(unread.isEmpty, "not shown in the box, in order: \(unread)")
        #expect(lines.filter { !$0.isEmpty }.count > KeyMap.standard.bindings.count, "a line for each binding, and headings")
        let bottom = Self.rows(inside: help.box, of: explorer.render(explorer.press(state, .character("g"), .character("G"))))
        let last = lines.last ?? ""
        #expect(lines.suffix(3).joined(separator: " ").hasSuffix("a click on the selected result or node follows it.") && bottom.last == last, "\(bottom)")
    }

    /// The text of the rows inside `box` (its border left out), trimmed.
    static func rows(inside box: Rect, of buffer: CellBuffer) -> [String] {
        let columns = (box.x + 1)..<(box.x + box.width - 1)
        return ((box.y + 1)..<(box.y + box.height - 1)).map { (y: Int) -> String in
            let cells: [Cell] = columns.map { buffer[$0, y] }
            let text: String = cells.filter { !$0.isContinuation }.map(\.text).joined()
            return text.trimmingCharacters(in: .whitespaces)
        }
    }

    /// A notice too long for the status bar goes on over the row above it (QA 18a: cut with
    /// "…", its end could not be read), its last row a space short of the position.
    @Test func aLongNoticeTakesTheRowAbove() {
        let notice = "cannot save bookmarks: the data folder is read-only; use --data-dir DIR, or move the file elsewhere and restart"
        let state = explorer.update(explorer.initialState(size: Size(width: 80, height: 24)), .notice(notice))
        let (above, status) = (explorer.render(state).row(22), explorer.render(state).row(23))
        #expect(above.hasPrefix(" cannot save bookmarks: the data folder"), "\(above)")
        #expect(above.trimmingCharacters(in: .whitespaces).hasSuffix("use --data-dir DIR, or"), "the row above is the screen's whole width: \(above)")
        #expect(status.hasPrefix(" move the file elsewhere and restart ") && status.hasSuffix(" Top  ? help "), "\(status)")
    }

    /// The lead is named as the panes' titles name it ("Backlinks: Alpha"), not "(lead)".
    @Test func emptyPanesNameTheLeadByTheArticlesTitle() throws {
        let model = try LinkedArticle(article: ArticleParser().parse("= Alpha =\nAlpha text.\n", path: "alpha.txt"))
        let lead = model.article.sections[0].id
        #expect(PaneRows.backlinks(model, node: lead).map { $0.spans.map(\.text).joined() } == ["Nothing here points to Alpha."])
        // Above other articles that do, "here" is this article.
        #expect(PaneRows.backlinks(model, node: lead, incoming: [("Beta", "Alpha")]).first.map { $0.spans.map(\.text).joined() }
            == "Nothing in this article points to Alpha.")
        // An article without items says why (QA 35), as `links` does.
        #expect(PaneRows.crossLinks(model, node: lead).map { $0.spans.map(\.text).joined() }
            == ["No cross-links for Alpha. The article has no See-also topics, examples or strategies: it has no list."])
    }

    @Test func quitStopsAndHelpOpensAndCloses() {
        var state = explorer.press(start, .character("?"))
        #expect(state.showsHelp)
        state = explorer.press(state, .escape)
        #expect(!state.showsHelp && state.isRunning)
        state = explorer.press(state, .character("q"))
        #expect(!state.isRunning)
    }

    /// The quit key closes the help and the link map, as q closes less's help and vim's, and
    /// quits only from the panes; the help's title says so. In the finder and a prompt, which
    /// take typed text, it is a letter like any other.
    @Test func theQuitKeyClosesTheOverlayInFrontAndIsTypedInText() {
        func type(_ state: AppState, _ keys: Key...) -> AppState {
            keys.reduce(state) { explorer.update($0, explorer.action(for: .key($1), in: $0)) }
        }
        let help = type(start, .character("?"))
        #expect(explorer.render(help).text.contains(" Keys — ?, Esc or q closes "))
        var state = type(help, .character("q"))
        #expect(!state.showsHelp && state.isRunning)
        state = type(state, .character("v"))
        #expect(state.linkMap != nil)
        state = type(state, .character("q"))
        #expect(state.linkMap == nil && state.isRunning)

        state = type(state, .character(":"), .character("q"))
        #expect(state.finder?.query == "q" && state.isRunning)
        state = type(state, .escape, .character("/"), .character("q"))
        #expect(state.prompt?.text == "q" && state.isRunning)
        state = type(state, .escape, .character("q"))
        #expect(!state.isRunning)
    }

    @Test func tabCyclesPanesAndDigitsFocusDirectly() {
        var state = explorer.press(start, .tab)
        #expect(state.focus == .crossLinks)
        state = explorer.press(state, .tab, .tab)
        #expect(state.focus == .outline)
        state = explorer.press(state, .backTab)
        #expect(state.focus == .backlinks)
        state = explorer.press(state, .character("2"))
        #expect(state.focus == .reader)
    }

    @Test func nextReferenceSelectsInOrderAndScrolls() {
        var state = explorer.press(start, .character("]"))
        #expect(state.reader.selectedReference == 0)
        for _ in 0..<30 { state = explorer.press(state, .character("]")) }
        #expect(state.reader.selectedReference == 30)
        let layout = explorer.readerLayout(state)
        let top = explorer.readerTopLine(state)
        let line = layout.referenceLine[30]
        #expect(line >= top && line < top + explorer.readerTextRect(state).height)
        state = explorer.press(state, .character("["))
        #expect(state.reader.selectedReference == 29)
    }

    /// The path of the end-to-end test, in process: Municipalism → Communalism (Bookchin), back, forward.
    @Test func followMunicipalismToCommunalismThenBackAndForward() throws {
        var state = explorer.update(start, .follow(.item("strategy:municipalism")))
        #expect(explorer.currentNode(state) == "strategy:municipalism")
        let rows = explorer.rows(of: .crossLinks, state)
        let row = try #require(rows.firstIndex { $0.target == .card("see-also:communalism-bookchin") })
        state = explorer.press(state, .character("3"))
        while state.crossLinks.selection < row { state = explorer.press(state, .down) }
        #expect(state.crossLinks.selection == row)
        let before = state
        state = explorer.press(state, .enter)
        #expect(state.reader.content == .card(itemID: "see-also:communalism-bookchin"))
        #expect(explorer.jumpPath(state).suffix(2) == ["Municipalism", "topic: Communalism (Bookchin)"])

        state = explorer.press(state, .character("H"))
        #expect(state.reader == before.reader)
        #expect(state.focus == before.focus)
        #expect(state.crossLinks.selection == before.crossLinks.selection)

        state = explorer.press(state, .character("L"))
        #expect(state.reader.content == .card(itemID: "see-also:communalism-bookchin"))
        state = explorer.press(state, .backspace)
        #expect(state.reader == before.reader)
    }

    @Test func followingAfterBackTruncatesForward() {
        var state = explorer.update(start, .follow(.section(2)))
        state = explorer.update(state, .follow(.section(5)))
        state = explorer.press(state, .character("H"))
        #expect(state.history.forward.count == 1)
        state = explorer.update(state, .follow(.card("see-also:diarchy")))
        #expect(state.history.forward.isEmpty)
        #expect(state.history.back.count == 2)
        state = explorer.press(state, .character("L"))
        #expect(state.notice == "Nothing to go forward to.")
    }

    @Test func topicCardListsLinksAndMentionsAndTheyAreFollowable() throws {
        let card = ReaderDocument.card(for: "see-also:anarchism", in: bundledModel)
        let text = card.blocks.map { $0.spans.map(\.text).joined() }.joined(separator: "\n")
        #expect(text.contains("Anarchism"))
        #expect(text.contains("Mentioned in the article (3)"))
        #expect(card.references.contains { $0.target == .mention(item: "see-also:anarchism", line: 9) })
        var state = explorer.update(start, .follow(.card("see-also:anarchism")))
        let reference = try #require(card.references.firstIndex { $0.target == .mention(item: "see-also:anarchism", line: 17) })
        while state.reader.selectedReference != reference { state = explorer.press(state, .character("]")) }
        state = explorer.press(state, .enter)
        #expect(state.reader.content == .article)
        let document = explorer.layouts.document(.article)
        let layout = explorer.readerLayout(state)
        let top = explorer.readerTopLine(state)
        let shown = (top..<min(top + 38, layout.lineCount)).map { document.blocks[layout.lines[$0].block].sourceLine }
        #expect(shown.contains(17))
    }

    @Test func outlineOpensSectionsAndCollapses() {
        var state = explorer.press(start, .character("1"), .down, .down)
        #expect(state.outline.selectedSection == 2)
        state = explorer.press(state, .enter)
        #expect(explorer.currentSection(state) == 2)
        #expect(state.history.back.count == 1)
    }

    /// Enter acts on what is on screen: a selection off it, however it got there, is not
    /// followed (it opened a topic the person could not see). A view shown again at a smaller
    /// size is scrolled to its selection (RestoredSelectionTests), a resize keeps it in view
    /// (ResizeSelectionTests).
    @Test func enterDoesNotFollowASelectionOutOfView() throws {
        var state = explorer.initialState(size: Size(width: 70, height: 20))
        let height = explorer.readerTextRect(state).height
        let offScreen: Int = try #require(explorer.readerLayout(state).referenceLine.firstIndex { $0 >= height })
        state.reader.selectedReference = offScreen
        state = explorer.press(state, .enter)
        #expect(state.notice == "The selected cross-reference is off screen: ] selects the next one.")
        #expect(state.history.back.isEmpty, "nothing was followed")
    }

    @Test func resizeKeepsPositionAndSelection() {
        var state = explorer.update(start, .follow(.section(6)))
        state = explorer.press(state, .character("]"), .character("]"))
        let selected = state.reader.selectedReference
        let section = explorer.currentSection(state)
        state = explorer.update(state, .resize(Size(width: 60, height: 20)))
        state = explorer.update(state, .resize(Size(width: 120, height: 40)))
        #expect(state.reader.selectedReference == selected)
        #expect(explorer.currentSection(state) == section)
    }

    /// The text at the top of the reader stays on screen through resizes, and a round trip
    /// comes back to the same line. (The anchor was a wrapped line's number in its paragraph:
    /// widening from 80 to 200 columns jumped to the paragraph's last line, skipping text.)
    @Test(arguments: [(80, 24, 200, 24), (120, 40, 200, 60), (200, 60, 60, 20), (80, 24, 120, 40)])
    func resizeKeepsTheFirstWordsOnScreen(from: Int, fromHeight: Int, to: Int, toHeight: Int) throws {
        var state = explorer.initialState(size: Size(width: from, height: fromHeight))
        state = explorer.press(state, .character("2"))
        for _ in 0..<12 { state = explorer.press(state, .character("j")) }
        func top(_ state: AppState) -> (text: String, block: Int, start: Int, end: Int) {
            let layout = explorer.readerLayout(state)
            let line = layout.line(of: state.reader.top)
            let next = line + 1 < layout.lineCount && layout.lines[line + 1].block == layout.lines[line].block
                ? layout.lines[line + 1].offset : Int.max
            return (layout.lines[line].spans.map(\.text).joined(), layout.lines[line].block, layout.lines[line].offset, next)
        }
        let before = top(state)
        #expect(before.start > 0, "the test starts inside a paragraph, not at its first line")
        let resized = explorer.update(state, .resize(Size(width: to, height: toHeight)))
        let after = top(resized)
        #expect(after.block == before.block)
        #expect(after.start <= before.start && before.start < after.end,
                "the line at the top holds the text that was at the top: \(before.text) → \(after.text)")
        let back = explorer.update(resized, .resize(Size(width: from, height: fromHeight)))
        #expect(top(back).text == before.text)
    }

    /// Widths the configuration parser rejects can still reach the layout (the API takes any
    /// Int): it never overflows, and no pane is narrower than the minimum. (Int.max crashed
    /// the explorer; 100000 squeezed the outline to one column.)
    @Test(arguments: [Int.max, Int.max / 2, 100_000, 1000])
    func hugePaneWidthsAreClamped(width: Int) {
        for size in [Size(width: 120, height: 40), Size(width: 100, height: 30), Size(width: 250, height: 60)] {
            for settings in [LayoutSettings(outlineWidth: .columns(width), sideWidth: .auto, wrapWidth: 0),
                             LayoutSettings(outlineWidth: .auto, sideWidth: .columns(width), wrapWidth: 0),
                             LayoutSettings(outlineWidth: .columns(width), sideWidth: .columns(width), wrapWidth: 0)] {
                let layout = ScreenLayout(size: size, focus: .reader, side: .outline, lower: .backlinks, zoomed: false, settings: settings)
                #expect(layout.panes.allSatisfy { $0.rect.width >= PaneWidth.minimumColumns }, "\(size) \(settings)")
                #expect(layout.panes.map { $0.rect.x + $0.rect.width }.max() == size.width)
                #expect((layout.rect(of: .reader)?.width ?? 0) >= LayoutSettings.minimumReaderWidth)
            }
        }
    }

    @Test func layoutsFollowTheTerminalWidth() throws {
        let wide = ScreenLayout(size: Size(width: 120, height: 40), focus: .reader, side: .crossLinks, lower: .backlinks, zoomed: false)
        #expect(wide.panes.map(\.id) == [.outline, .reader, .crossLinks, .backlinks])
        // At medium widths the outline is left of the reader and the other side panes right of
        // it, as at 120 columns, so that ← and → (the previous and next pane, outside the
        // outline) go the way they point.
        let medium = ScreenLayout(size: Size(width: 100, height: 30), focus: .outline, side: .outline, lower: .backlinks, zoomed: false)
        #expect(medium.panes.map(\.id) == [.outline, .reader])
        #expect(medium.rect(of: .outline)?.x == 0 && (medium.rect(of: .reader)?.x ?? 0) > (medium.rect(of: .outline)?.maxX ?? .max))
        for side in [PaneID.crossLinks, .backlinks, .bookmarks] {
            let right = ScreenLayout(size: Size(width: 100, height: 30), focus: side, side: side, lower: .backlinks, zoomed: false)
            #expect(right.panes.map(\.id) == [.reader, side])
            #expect(right.rect(of: .reader)?.x == 0 && (right.rect(of: side)?.x ?? 0) > (right.rect(of: .reader)?.maxX ?? .max))
            let outline = try #require(medium.rect(of: .outline)), other = try #require(right.rect(of: side))
            #expect(outline.width == other.width, "one side width, whichever side")
        }
        let narrow = ScreenLayout(size: Size(width: 79, height: 24), focus: .backlinks, side: .backlinks, lower: .backlinks, zoomed: false)
        #expect(narrow.panes.map(\.id) == [.backlinks])
        #expect(ScreenLayout(size: Size(width: 39, height: 24), focus: .reader, side: .crossLinks, lower: .backlinks, zoomed: false).isTooSmall)
        #expect(ScreenLayout(size: Size(width: 80, height: 11), focus: .reader, side: .crossLinks, lower: .backlinks, zoomed: false).isTooSmall)
        let zoomed = ScreenLayout(size: Size(width: 200, height: 60), focus: .crossLinks, side: .crossLinks, lower: .backlinks, zoomed: true)
        #expect(zoomed.panes.map(\.id) == [.crossLinks] && zoomed.panes[0].rect.width == 200)
        let sizes = [Size(width: 80, height: 24), Size(width: 119, height: 30), Size(width: 120, height: 40), Size(width: 250, height: 70)]
        for (size, side) in sizes.flatMap({ size in [PaneID.crossLinks, .outline].map { (size, $0) } }) {
            let layout = ScreenLayout(size: size, focus: .reader, side: side, lower: .backlinks, zoomed: false)
            let cells = layout.panes.map { $0.rect.width * $0.rect.height }.reduce(0, +) + layout.separators.map { $0.height }.reduce(0, +)
            #expect(cells == size.width * (size.height - 1), "panes tile the screen at \(size), \(side) beside the reader")
        }
    }

    @Test func mouseClickFocusesAndSelects() {
        let state = explorer.update(start, .mouse(MouseEvent(kind: .press, x: 2, y: 3)))
        #expect(state.focus == .outline)
        #expect(state.outline.selectedSection == 2)
    }
}

@Suite("Explorer views")
struct ExplorerViewTests {
    let explorer = makeExplorer()

    @Test func zoomFillsTheScreenWithTheFocusedPaneAndEscapeLeavesIt() {
        var state = explorer.initialState(size: Size(width: 130, height: 40))
        state = explorer.press(state, .character("3"), .character("z"))
        #expect(state.layout.panes.map(\.id) == [.crossLinks])
        #expect(state.layout.panes[0].rect.width == 130)
        state = explorer.press(state, .escape)
        #expect(state.layout.panes.count == 4)
        state = explorer.press(state, .character("2"), .character("z"))
        #expect(state.layout.panes.map(\.id) == [.reader])
    }

    /// One pane at a time (below 80 columns), z changed the status line alone (QA 30): it says
    /// the pane already fills the screen; zoomed at a larger size, z still leaves zoom.
    @Test func zoomWhereOnePaneFillsTheScreenSaysSo() {
        let narrow = explorer.press(explorer.initialState(size: Size(width: 60, height: 20)), .character("z"))
        #expect(!narrow.zoomed)
        #expect(narrow.notice == "The pane already fills the screen: z zooms where panes stand side by side.")
        #expect(!explorer.render(narrow).row(19).contains("zoomed"))
        var zoomed = explorer.press(explorer.initialState(size: Size(width: 120, height: 40)), .character("z"))
        zoomed = explorer.update(zoomed, .resize(Size(width: 60, height: 20)))
        #expect(zoomed.zoomed)
        #expect(!explorer.press(zoomed, .character("z")).zoomed)
    }

    /// Un-zooming narrows the reader, so its text takes more lines: a cross-reference selected
    /// at the bottom of the zoomed view fell below the narrower one, and Enter refused it, where
    /// a resize keeps it in view.
    @Test func unzoomingKeepsTheSelectedCrossReferenceInView() throws {
        let zoomed = explorer.press(explorer.initialState(size: Size(width: 120, height: 24)), .character("2"), .character("z"))
        // The last cross-reference the zoomed view shows whole on a line of its own (] to it
        // does not scroll), selected: at 24 rows, the narrower reader wraps it below its view.
        let layout = explorer.readerLayout(zoomed)
        let view = explorer.readerView(zoomed)
        let last = try #require(layout.referenceLine.indices.last { layout.referenceLine[$0] < view.upperBound - 1 })
        var state = zoomed
        for _ in 0...last { state = explorer.press(state, .character("]")) }
        #expect(state.reader.selectedReference == last && explorer.readerTopLine(state) == 0)
        // z again, or Esc, which also leaves zoom.
        for key in [Key.character("z"), .escape] {
            let unzoomed = explorer.press(state, key)
            #expect(unzoomed.layout.panes.count > 1)
            let shown = try #require(explorer.selectedReferenceLines(unzoomed))
            #expect(explorer.readerView(unzoomed).contains(shown.lowerBound) && explorer.readerView(unzoomed).contains(shown.upperBound))
            #expect(explorer.press(unzoomed, .enter).notice?.contains("off screen") != true)
        }
    }

    /// Below 40×12 only the notice is drawn, and it says the quit key quits: it must, even with
    /// the finder open underneath (a monkey test found `q` typed into the invisible finder).
    /// Other keys act on nothing while nothing is shown.
    @Test func tooSmallQuitsWithTheQuitKeyWhateverIsOpen() {
        func key(_ state: AppState, _ key: Key) -> AppState { explorer.update(state, explorer.action(for: .key(key), in: state)) }
        var state = key(explorer.initialState(size: Size(width: 120, height: 40)), .character(":"))
        #expect(state.finder != nil)
        state = explorer.update(state, .resize(Size(width: 40, height: 11)))
        #expect(explorer.render(state).text.contains("Enlarge the window, or press q to quit."))
        let typed = key(key(state, .character("j")), .character("x"))
        #expect(typed.finder == state.finder, "keys other than quit change nothing")
        #expect(typed.reader == state.reader)
        #expect(!key(typed, .character("q")).isRunning)

        let bindings = KeyMap.standard.bindings.map { $0.command == .quit ? KeyMap.Binding(.quit, [.character("x")]) : $0 }
        let remapped = Explorer(model: bundledModel, keymap: KeyMap(bindings: bindings))
        let small = remapped.initialState(size: Size(width: 30, height: 10))
        // At 30 columns the notice wraps; read as words it names the remapped key.
        let words = remapped.render(small).text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(words == "Terminal too small 30×10: seealso needs 40×12 Enlarge the window, or press x to quit.")
    }

    /// QA 21: the notice of too small a screen took 7 s to come for a 22 MB article, and the
    /// frame after the window was enlarged as long: the reader, which is not shown, was laid
    /// out a cell wide, a line for each character. It is laid out as on the smallest screen
    /// that shows it, and coming back from too small keeps the place as any resize does.
    @Test func tooSmallLaysTheReaderOutAsTheSmallestScreenThatShowsIt() {
        let minimum = ScreenLayout.minimumSize
        for size in [Size(width: 30, height: 10), Size(width: 1, height: 1), Size(width: 200, height: 11)] {
            let smallest = explorer.initialState(size: Size(width: max(size.width, minimum.width), height: max(size.height, minimum.height)))
            let tooSmall = explorer.update(smallest, .resize(size))
            #expect(tooSmall.layout.isTooSmall)
            #expect(explorer.readerLayout(tooSmall).lines.count == explorer.readerLayout(smallest).lines.count, "\(size)")
        }
        let read = explorer.press(explorer.initialState(size: Size(width: 120, height: 40)), .character(" "), .character(" "))
        let back = explorer.update(explorer.update(read, .resize(Size(width: 30, height: 10))), .resize(Size(width: 120, height: 40)))
        #expect(explorer.readerTopLine(back) == explorer.readerTopLine(read))
    }

    /// QA 10d: `M`, a note typed, the window made too small, `q`: the note was gone without a
    /// word. The notice now says that quitting leaves it unsaved; a search prompt is no loss.
    @Test func tooSmallSaysAQuitLeavesTheNoteBeingWrittenUnsaved() {
        let explorer = Explorer(model: bundledModel, bookmarks: true)
        func key(_ state: AppState, _ key: Key) -> AppState { explorer.update(state, explorer.action(for: .key(key), in: state)) }
        var state = key(explorer.initialState(size: Size(width: 120, height: 40)), .character("M"))
        #expect(state.prompt != nil)
        state = explorer.update(state, .resize(Size(width: 40, height: 11)))
        #expect(explorer.render(state).text.contains("Enlarge the window, or press q to quit."), "nothing typed yet")
        state = explorer.update(state, .resize(Size(width: 120, height: 40)))
        state = "abc".reduce(state) { key($0, .character($1)) }
        state = explorer.update(state, .resize(Size(width: 60, height: 11)))
        let words = explorer.render(state).text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(words.hasSuffix("Enlarge the window to finish the note, or press q to quit without saving it."))
        state = explorer.update(state, .resize(Size(width: 120, height: 40)))
        #expect(state.prompt?.text == "abc", "the note is still there once the window is large enough")
    }

    /// QA 10d: zoomed, the screen looked as the one-pane layout does, and nothing said how to
    /// leave it. The status bar says so, as tmux flags a zoomed pane.
    @Test func theStatusBarSaysAPaneIsZoomed() {
        let state = explorer.initialState(size: Size(width: 120, height: 40))
        let status = { (state: AppState) in explorer.render(state).row(39) }
        #expect(!status(state).contains("zoomed"))
        let zoomed = explorer.press(state, .character("3"), .character("z"))
        #expect(status(zoomed).contains(" zoomed (z back) "))
        #expect(!status(explorer.press(zoomed, .character("z"))).contains("zoomed"))
    }

    /// Scrolling one line redraws the reader's lines, not the whole screen.
    @Test func scrollingOneLineChangesOnlyTheReaderAndTheStatus() throws {
        let state = explorer.initialState(size: Size(width: 200, height: 60))
        let before = explorer.render(state)
        let after = explorer.render(explorer.press(state, .character("j")))
        let changed = after.changes(from: before).reduce(0) { $0 + $1.cells.count }
        let reader = try #require(state.layout.rect(of: .reader))
        #expect(changed > 0)
        #expect(changed <= reader.width * reader.height + 200)
        #expect(after.changes(from: before).allSatisfy { reader.contains(x: $0.x, y: $0.y) || $0.y == 59 })
    }

    @Test func nestedOutlineCollapsesAndExpands() throws {
        let text = """
            = Nested =
            Lead.

            == A ==
            a
            === A1 ===
            a1
            ==== A1x ====
            x
            === A2 ===
            a2
            == B ==
            b
            """
        let model = try LinkedArticle(article: ArticleParser().parse(text, path: "nested.txt"))
        let explorer = Explorer(model: model)
        var state = explorer.press(explorer.initialState(size: Size(width: 120, height: 30)), .character("1"), .down)
        #expect(state.outline.selectedSection == 1)
        #expect(explorer.outlineRows(state).count == 6)
        state = explorer.press(state, .character("h"))
        #expect(state.outline.collapsed == [1])
        #expect(explorer.outlineRows(state).map(\.section) == [0, 1, 5])
        state = explorer.press(state, .character("h"))
        #expect(state.outline.selectedSection == 1, "a top-level section has no parent to go to")
        state = explorer.press(state, .character("l"))
        #expect(state.outline.collapsed.isEmpty)
        state = explorer.press(state, .character("l"))
        #expect(state.outline.selectedSection == 2, "expanding an open section steps into its first child")
        state = explorer.press(state, .character("l"), .character("h"))
        #expect(state.outline.selectedSection == 2)
        state = explorer.press(state, .character("h"))
        #expect(state.outline.collapsed == [2], "h on an open section closes it")
        state = explorer.press(state, .character("h"))
        #expect(state.outline.selectedSection == 1, "h on a closed section goes to its parent")
        state = explorer.press(state, .down, .down, .enter)
        #expect(state.outline.selectedSection == 4)
        #expect(explorer.currentSection(state) == 4, "a jump puts the heading at the top, even near the end")
        let screen = explorer.render(state).text
        #expect(screen.contains("▾ A"))
        #expect(screen.contains("▸ A1"))
        #expect(screen.contains("## A2"))
    }
}

@Suite("The link map in the explorer")
struct LinkMapExplorerTests {
    let explorer = makeExplorer()

    @Test func vOpensTheMapOfTheCurrentItemAndEnterFollowsWithHistory() throws {
        var state = explorer.update(explorer.initialState(size: Size(width: 80, height: 24)), .follow(.item("strategy:municipalism")))
        state = explorer.press(state, .character("v"))
        let open = try #require(state.linkMap)
        #expect(open.focus == "strategy:municipalism")
        let screen = explorer.render(state).text
        #expect(screen.contains("Link map: Municipalism"))
        #expect(screen.contains("Communalism (Bookchin)"))
        #expect(screen.contains("? help"), "the status bar stays")

        let map = LinkMap(model: bundledModel, focus: open.focus)
        let communalism = try #require(map.nodes.firstIndex { $0.id == "see-also:communalism-bookchin" })
        while try #require(state.linkMap).selection < communalism { state = explorer.press(state, .down) }
        state = explorer.press(state, .enter)
        #expect(state.linkMap == nil)
        #expect(state.reader.content == .card(itemID: "see-also:communalism-bookchin"))
        state = explorer.press(state, .character("H"))
        #expect(explorer.currentNode(state) == "strategy:municipalism")
    }

    /// QA 32: with a cross-reference selected in the reader, `v` mapped the item or section
    /// holding it (what the cross-links pane shows), not the one Enter follows.
    @Test func vInTheReaderMapsTheSelectedCrossReference() throws {
        let model = try LinkedArticle(article: ArticleParser().parse(
            "= Pair =\n\n== Strategies ==\n- Alpha – works with Beta.\n- Beta – another.\n", path: "pair.txt"))
        let pair = Explorer(model: model)
        var state = pair.update(pair.initialState(size: Size(width: 120, height: 40)), .follow(.item("strategy:alpha")))
        state = pair.press(state, .character("2"), .character("]"))
        let document = pair.layouts.document(.article)
        let selected = document.references[try #require(state.reader.selectedReference)]
        #expect(selected.target == .item("strategy:beta") && document.blocks[selected.block].item == "strategy:alpha")
        #expect(pair.press(state, .character("v")).linkMap?.focus == "strategy:beta")
        // The item's own name selected, its own map.
        #expect(pair.press(state, .character("["), .character("v")).linkMap?.focus == "strategy:alpha")
    }

    @Test func escapeOrVCloseTheMapAndOtherKeysActAfterClosingIt() {
        var state = explorer.press(explorer.initialState(size: Size(width: 120, height: 40)), .character("v"))
        #expect(state.linkMap?.focus == "lead")
        state = explorer.press(state, .escape)
        #expect(state.linkMap == nil)
        state = explorer.press(state, .character("v"), .character("v"))
        #expect(state.linkMap == nil)
        state = explorer.press(state, .character("v"), .character("3"))
        #expect(state.linkMap == nil && state.focus == .crossLinks)
    }

    @Test func underMonoTheMapIsDrawnInASCII() {
        let mono = explorer.initialState(size: Size(width: 80, height: 24), display: DisplaySettings(asciiDrawing: true))
        var state = explorer.update(mono, .follow(.item("strategy:municipalism")))
        state = explorer.press(state, .character("v"))
        let screen = explorer.render(state).text
        #expect(!screen.contains("┌") && !screen.contains("─→"))
        #expect(screen.contains("+") && screen.contains("Communalism (Bookchin)"))
    }
}

@Suite("Reader positions")
struct ReaderPositionTests {
    let explorer = makeExplorer()

    /// Every line, blank spacing lines included, is a position: j moves exactly one line and k
    /// comes back, at every width.
    @Test(arguments: [40, 61, 80, 117, 198])
    func everyLineRoundTripsThroughItsAnchor(width: Int) {
        let layout = ReaderLayout(document: explorer.layouts.document(.article), width: width)
        for line in 0..<layout.lineCount {
            #expect(layout.line(of: layout.anchor(at: line)) == line, "line \(line) at width \(width)")
        }
    }

    @Test func jAndKMoveOneLineEach() {
        var state = explorer.initialState(size: Size(width: 80, height: 24))
        for expected in 1...30 {
            state = explorer.press(state, .character("j"))
            #expect(explorer.readerTopLine(state) == expected)
        }
        for expected in stride(from: 29, through: 0, by: -1) {
            state = explorer.press(state, .character("k"))
            #expect(explorer.readerTopLine(state) == expected)
        }
    }

    /// A tab in flowing text is one space wide, as the wrapper counts it: grown to a tab stop,
    /// it pushed the end of its line past the pane, where the words were lost.
    @Test(arguments: [40, 80, 120])
    func tabsNeverPushWordsOutOfThePane(width: Int) throws {
        let words = (1...60).map { "word\($0)" }
        let text = "= Tabs =\n" + stride(from: 0, to: words.count, by: 3).map { words[$0..<min($0 + 3, words.count)].joined(separator: "\t") }
            .joined(separator: "\t\t") + "\n"
        let model = try LinkedArticle(article: ArticleParser().parse(text, path: "tabs.txt"))
        let explorer = Explorer(model: model)
        let state = explorer.press(explorer.initialState(size: Size(width: width, height: 40)), .character("2"), .character("z"))
        let screen = explorer.render(state).text
        for word in words {
            #expect(screen.range(of: "\\b\(word)\\b", options: .regularExpression) != nil, "\(word) is on screen")
        }
        #expect(!screen.contains("\t"))
    }
}
