import Content
import ExplorerTestSupport
import Foundation
import Testing
@testable import TUI

/// A session saved, then the article edited, then the explorer started again: the view and
/// every step of the history open where their places are now, not at the block numbers they
/// had (QA: any edit threw the session away; with the numbers kept, one paragraph added before
/// showed the one above the place left, and a section moved showed another section).
@MainActor
@Suite("Reopening an article edited since its session was saved")
struct EditedSessionTests {
    typealias Outline = [(level: Int, title: String, paragraphs: [String])]

    /// Long enough to wrap over several lines, so that a place can be inside a paragraph.
    static let filler = String(repeating: "Words that wrap this paragraph over several lines of the reader. ", count: 5)

    static func paragraphs(_ name: String, count: Int = 4) -> [String] {
        (1...count).map { "\(name) paragraph \($0). " + filler }
    }

    /// Five sections, One to Five, of four long paragraphs each.
    static let five: Outline = ["One", "Two", "Three", "Four", "Five"].map { (2, $0, paragraphs($0)) }

    static func text(_ outline: Outline, lead: [String] = ["Gamma is the lead."], seeAlso: [String] = []) -> String {
        var text = "= Gamma =\n\n" + lead.map { $0 + "\n\n" }.joined()
        for section in outline {
            let marks = String(repeating: "=", count: section.level)
            text += "\(marks) \(section.title) \(marks)\n\n" + section.paragraphs.map { $0 + "\n\n" }.joined()
        }
        if !seeAlso.isEmpty { text += "== See also ==\n" + seeAlso.map { "- \($0)\n" }.joined() }
        return text
    }

    static func model(_ text: String, path: String = "gamma.txt") -> LinkedArticle {
        do { return try LinkedArticle(article: ArticleParser().parse(text, path: path)) } catch { fatalError("\(error)") }
    }

    let size = Size(width: 120, height: 40)
    let service = FakeBookmarks()

    /// An explorer on `model` started as the runtime starts it, restoring what `service` saved.
    func open(_ model: LinkedArticle) -> (runner: ExplorerSession, state: AppState) {
        let runner = ExplorerSession(explorer: Explorer(model: model, bookmarks: true), service: service)
        return (runner, runner.startUp(runner.explorer.initialState(size: size), start: nil, restore: true))
    }

    /// A jump to the section headed `title`, as Enter in the outline makes it.
    func go(to title: String, _ runner: ExplorerSession, _ state: AppState) throws -> AppState {
        let index = try #require(runner.explorer.model.article.sections.firstIndex { $0.title == title })
        return runner.apply(.follow(.section(index)), to: state)
    }

    func run(_ runner: ExplorerSession, _ state: AppState, _ commands: Command...) -> AppState {
        commands.reduce(state) { runner.apply(.command($1), to: $0) }
    }

    /// One line down `count` times in the reader: into the section's paragraphs.
    func scroll(_ count: Int, _ runner: ExplorerSession, _ state: AppState) -> AppState {
        (0..<count).reduce(state) { state, _ in runner.apply(.command(.moveDown), to: state) }
    }

    /// The section the reader is in, by heading ("Gamma" for the lead).
    func section(_ runner: ExplorerSession, _ state: AppState) -> String {
        let index = runner.explorer.currentSection(state)
        return index == 0 ? runner.explorer.model.article.title : runner.explorer.model.article.sections[index].title
    }

    /// The text of the block at the top of the reader.
    func topText(_ runner: ExplorerSession, _ state: AppState) -> String {
        let blocks = runner.explorer.readerDocument(state).blocks
        return blocks.indices.contains(state.reader.top.block) ? blocks[state.reader.top.block].spans.map(\.text).joined() : ""
    }

    /// H until there is nothing to go back to: the section of each step, newest first.
    func backSteps(_ runner: ExplorerSession, _ state: AppState) -> [String] {
        var state = state
        var steps: [String] = []
        while !state.history.back.isEmpty {
            state = run(runner, state, .back)
            steps.append(section(runner, state))
        }
        return steps
    }

    /// The QA steps: One, Two, Four, then Three, and a few lines into Three's first paragraph.
    func readOneTwoFourThree(_ model: LinkedArticle) throws -> (state: AppState, top: ReaderAnchor, text: String) {
        let (runner, started) = open(model)
        var state = started
        for title in ["One", "Two", "Four", "Three"] { state = try go(to: title, runner, state) }
        state = scroll(6, runner, state)
        #expect(section(runner, state) == "Three")
        #expect(state.reader.top.line > 0, "inside a paragraph, not at its first line")
        let left = (state, state.reader.top, topText(runner, state))
        _ = run(runner, state, .quit)
        return left
    }

    @Test("Paragraphs edited and added before the places: each opens where it was, and nothing is said")
    func paragraphsEditedAndAdded() throws {
        let left = try readOneTwoFourThree(Self.model(Self.text(Self.five)))
        #expect(left.text.hasPrefix("Three paragraph 1."))

        var edited = Self.five
        edited[0].paragraphs[1] = "One paragraph two, reworded and longer than it was. " + Self.filler + Self.filler
        edited[1].paragraphs.insert("A new paragraph in Two.", at: 0)
        edited[4].paragraphs[2] = "Five paragraph three (edited). " + Self.filler
        let (runner, state) = open(Self.model(Self.text(edited, lead: ["Gamma is the lead.", "A second lead paragraph."])))

        #expect(section(runner, state) == "Three")
        #expect(topText(runner, state) == left.text)
        #expect(state.reader.top.line == left.top.line)
        #expect(state.reader.top.offset == left.top.offset)
        #expect(state.notice == nil)
        #expect(runner.explorer.jumpPath(state) == ["Gamma", "One", "Two", "Four", "Three"])
        #expect(backSteps(runner, state) == ["Four", "Two", "One", "Gamma"])
    }

    @Test("A section deleted: its steps open at its parent, merged with a step there, and the status line says so once")
    func sectionDeleted() throws {
        var outline = Self.five
        outline.insert((3, "Two A", Self.paragraphs("Two A")), at: 2)
        outline.insert((3, "Two B", Self.paragraphs("Two B")), at: 3)
        let (runner, started) = open(Self.model(Self.text(outline)))
        var state = started
        for title in ["One", "Two A", "Two", "Three"] { state = try go(to: title, runner, state) }
        state = scroll(6, runner, state)
        let left = topText(runner, state)
        _ = run(runner, state, .quit)

        outline.remove(at: 2)
        outline[0].paragraphs.insert("A new first paragraph in One.", at: 0)
        let (again, reopened) = open(Self.model(Self.text(outline)))
        #expect(section(again, reopened) == "Three")
        #expect(topText(again, reopened) == left)
        // "Two A" is gone: its step is Two's heading, the same place as the step after it.
        #expect(again.explorer.jumpPath(reopened) == ["Gamma", "One", "Two", "Three"])
        #expect(backSteps(again, reopened) == ["Two", "One", "Gamma"])
        #expect(reopened.notice == "“Gamma” changed since last read: some history steps lead to the nearest section")
    }

    @Test("The section read deleted: the reader opens at its parent's heading, or at the top when it had none")
    func sectionReadDeleted() throws {
        var outline = Self.five
        outline.insert((3, "Two A", Self.paragraphs("Two A")), at: 2)
        let (runner, started) = open(Self.model(Self.text(outline)))
        var state = try go(to: "Two A", runner, started)
        _ = run(runner, scroll(5, runner, state), .quit)

        outline.remove(at: 2)
        outline[0].paragraphs.insert("A new first paragraph in One.", at: 0)
        var (again, reopened) = open(Self.model(Self.text(outline)))
        #expect(section(again, reopened) == "Two")
        #expect(topText(again, reopened) == "Two")
        #expect(reopened.notice == "“Gamma” changed since last read: reopened at the nearest section")
        #expect(backSteps(again, reopened) == ["Gamma"])

        // Read again, then the top-level section read deleted: nothing is left on its path.
        state = try go(to: "Four", again, reopened)
        _ = run(again, scroll(5, again, state), .quit)
        outline.removeAll { $0.title == "Four" }
        (again, reopened) = open(Self.model(Self.text(outline)))
        #expect(section(again, reopened) == "Gamma")
        #expect(reopened.reader.top == ReaderAnchor(block: 0))
        #expect(reopened.notice == "“Gamma” changed since last read: reopened at its top")
    }

    /// QA 29: the subsection read, "Background" under Two, deleted with its parent beside
    /// other "Background"s: the reader reopened silently at another one, whose id it now had.
    @Test("The section read deleted beside namesakes: not taken for one of them")
    func sectionDeletedBesideNamesakes() throws {
        var outline = Self.five
        outline.insert((3, "Background", Self.paragraphs("One's background")), at: 1)
        outline.insert((3, "Background", Self.paragraphs("Two's background")), at: 3)
        outline.append((2, "Background", Self.paragraphs("The last background")))
        let (runner, started) = open(Self.model(Self.text(outline)))
        let second = try #require(runner.explorer.model.article.sections.firstIndex { $0.id == "background-2" })
        let state = runner.apply(.follow(.section(second)), to: started)
        #expect(topText(runner, state) == "Background")
        _ = run(runner, scroll(5, runner, state), .quit)

        outline.removeAll { $0.title == "Two" || $0.paragraphs.first?.hasPrefix("Two's") == true }
        let (again, reopened) = open(Self.model(Self.text(outline)))
        #expect(again.explorer.model.article.sections.contains { $0.id == "background-2" }, "its id is a namesake's now")
        #expect(section(again, reopened) == "Gamma")
        #expect(reopened.notice == "“Gamma” changed since last read: reopened at its top")
    }

    @Test("A section renamed: found by its text, and the jump path names it as it is now")
    func sectionRenamed() throws {
        let left = try readOneTwoFourThree(Self.model(Self.text(Self.five)))
        var edited = Self.five
        edited[2].title = "Third"
        edited[1].title = "Second"
        edited[0].paragraphs.insert("A new first paragraph in One.", at: 0)
        let (runner, state) = open(Self.model(Self.text(edited)))

        #expect(section(runner, state) == "Third")
        #expect(topText(runner, state) == left.text)
        #expect(state.reader.top.line == left.top.line)
        #expect(state.notice == nil)
        #expect(runner.explorer.jumpPath(state) == ["Gamma", "One", "Second", "Four", "Third"])
        #expect(backSteps(runner, state) == ["Four", "Second", "One", "Gamma"])
    }

    @Test("A section moved under another heading: found by its text, at the same paragraph and line")
    func sectionMovedUnderAnotherParent() throws {
        let left = try readOneTwoFourThree(Self.model(Self.text(Self.five)))
        var edited = Self.five
        var three = edited.remove(at: 2)
        three.level = 3
        edited.insert(three, at: 3)  // after Four's paragraphs: Four › Three
        let (runner, state) = open(Self.model(Self.text(edited)))

        let index = runner.explorer.currentSection(state)
        #expect(runner.explorer.model.article.path(to: index).map { runner.explorer.model.article.sections[$0].title } == ["Four", "Three"])
        #expect(topText(runner, state) == left.text)
        #expect(state.reader.top.line == left.top.line)
        #expect(state.notice == nil)
        #expect(backSteps(runner, state) == ["Four", "Two", "One", "Gamma"])
    }

    @Test("Sections reordered: each step opens its own section, the outline's selection too")
    func sectionsReordered() throws {
        let (runner, started) = open(Self.model(Self.text(Self.five)))
        var state = started
        for title in ["One", "Three", "Four", "Two"] { state = try go(to: title, runner, state) }
        state = scroll(7, runner, state)
        state = run(runner, state, .focusOutline)
        let left = (top: state.reader.top, text: topText(runner, state))
        #expect(runner.explorer.model.article.sections[state.outline.selectedSection].title == "Two")
        _ = run(runner, state, .quit)

        let (again, reopened) = open(Self.model(Self.text(Array(Self.five.reversed()))))
        #expect(section(again, reopened) == "Two")
        #expect(topText(again, reopened) == left.text)
        #expect(reopened.reader.top.line == left.top.line)
        #expect(reopened.focus == .outline)
        #expect(again.explorer.model.article.sections[reopened.outline.selectedSection].title == "Two")
        #expect(reopened.notice == nil)
        #expect(backSteps(again, reopened) == ["Four", "Three", "One", "Gamma"])
    }

    @Test("The selected cross-reference is found again by what it leads to, though references were added before it")
    func selectedReferenceByItsTarget() throws {
        var outline = Self.five
        outline[2].paragraphs[0] = "Three paragraph 1 names Delta and then Epsilon. " + Self.filler
        let (runner, started) = open(Self.model(Self.text(outline, seeAlso: ["Delta", "Epsilon"])))
        var state = try go(to: "Three", runner, started)
        state = run(runner, state, .nextReference, .nextReference)
        let document = runner.explorer.readerDocument(state)
        let selected = try #require(state.reader.selectedReference)
        #expect(document.references[selected].label == "Epsilon")
        _ = run(runner, state, .quit)

        let lead = ["Gamma is the lead, and it names Epsilon and Delta."]
        let (again, reopened) = open(Self.model(Self.text(outline, lead: lead, seeAlso: ["Delta", "Epsilon"])))
        #expect(section(again, reopened) == "Three")
        let references = again.explorer.readerDocument(reopened).references
        let now = try #require(reopened.reader.selectedReference)
        #expect(references[now].label == "Epsilon")
        #expect(references[now].block == reopened.reader.top.block + 1, "the one in Three's first paragraph, not the lead's")
    }

    /// In a folder, the history crosses articles: a step back into an article edited since
    /// (the other one's session holds it) opens at its place there too.
    @Test("In a folder, back into an article edited since opens at the place its step had")
    func folderStepIntoAnEditedArticle() throws {
        let delta = Self.model("= Delta =\n\nDelta's lead.\n\n== See also ==\n- Gamma\n", path: "delta.txt")
        /// The two articles, opening at `first` (the folder's article read last).
        func folder(_ gamma: LinkedArticle, first: String = "Gamma") -> ExplorerSession {
            let titles = ["Delta", "Gamma"]
            let gammaExplorer = Explorer(model: gamma, bookmarks: true, neighbours: Neighbours(seeAlso: ["see-also:delta": "Delta"], titles: titles))
            let deltaExplorer = Explorer(model: delta, bookmarks: true, neighbours: Neighbours(seeAlso: ["see-also:gamma": "Gamma"], titles: titles))
            return ExplorerSession(explorer: first == "Gamma" ? gammaExplorer : deltaExplorer, service: service) { title in
                switch title {
                case "Gamma": gammaExplorer
                case "Delta": deltaExplorer
                default: nil
                }
            }
        }
        let runner = folder(Self.model(Self.text(Self.five, seeAlso: ["Delta"])))
        var state = runner.startUp(runner.explorer.initialState(size: size), start: nil, restore: true)
        state = try go(to: "Four", runner, state)
        state = scroll(9, runner, state)
        let left = (top: state.reader.top, text: topText(runner, state))
        state = runner.apply(.follow(.card("see-also:delta")), to: state)
        #expect(runner.explorer.model.article.title == "Delta")
        _ = run(runner, state, .quit)

        var edited = Self.five
        edited[0].paragraphs.insert("A new first paragraph in One.", at: 0)
        edited.swapAt(1, 2)
        // The folder reopens at Delta, read last; back is Gamma's Four, left for Delta.
        let again = folder(Self.model(Self.text(edited, seeAlso: ["Delta"])), first: "Delta")
        var reopened = again.startUp(again.explorer.initialState(size: size), start: nil, restore: true)
        #expect(again.explorer.model.article.title == "Delta")
        reopened = run(again, reopened, .back)
        #expect(again.explorer.model.article.title == "Gamma")
        #expect(section(again, reopened) == "Four")
        #expect(topText(again, reopened) == left.text)
        #expect(reopened.reader.top.line == left.top.line)
        #expect(reopened.notice == nil)
    }
}
