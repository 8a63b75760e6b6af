import Content
import Testing
@testable import TUI

@Suite("Search and go-to")
struct FindingTests {
    let explorer = makeExplorer()

    func type(_ text: String, _ state: AppState) -> AppState {
        text.reduce(state) { explorer.update($0, explorer.action(for: .key(.character($1)), in: $0)) }
    }

    func press(_ state: AppState, _ keys: Key...) -> AppState {
        keys.reduce(state) { explorer.update($0, explorer.action(for: .key($1), in: $0)) }
    }

    var start: AppState { explorer.initialState(size: Size(width: 80, height: 24)) }

    @Test func incrementalSearchFindsAccentedTextAndEnterKeepsThePosition() throws {
        var state = press(start, .character("/"))
        state = type("Regis", state)
        let search = try #require(state.search)
        #expect(search.matches.count == 1)
        let layout = explorer.readerLayout(state)
        let top = explorer.readerTopLine(state)
        let line = layout.line(of: search.matches[0])
        #expect(line >= top && line < top + explorer.readerTextRect(state).height, "the match is on screen while typing")
        #expect(explorer.render(state).text.contains("match 1/1"))
        state = press(state, .enter)
        #expect(state.prompt == nil && state.search != nil)
        #expect(explorer.readerTopLine(state) == top)
        #expect(explorer.render(state).text.contains("Régis"))
    }

    /// `/` shares `seealso search`'s folding: a final sigma typed finds the word in capitals.
    @Test func greekFinalSigmaFindsTheWordInCapitals() throws {
        let model = try LinkedArticle(article: ArticleParser().parse("= G =\nΣΊΣΥΦΟΣ Greek.\n", path: "g.txt"))
        let greek = makeExplorer(model)
        var state = greek.press(greek.initialState(size: Size(width: 80, height: 24)), .character("/"))
        state = "σισυφος".reduce(state) { greek.update($0, greek.action(for: .key(.character($1)), in: $0)) }
        #expect(try #require(state.search).matches.count == 1)
    }

    @Test func escapeReturnsToWhereTheSearchStarted() {
        var state = press(start, .character("j"), .character("j"), .character("/"))
        let origin = state.reader
        state = type("Zapatista", state)
        #expect(state.reader != origin)
        state = press(state, .escape)
        #expect(state.reader == origin)
        #expect(state.search == nil)
    }

    @Test func nextAndPreviousWrapAround() throws {
        var state = type("Kornilov", press(start, .character("/")))
        state = press(state, .enter)
        let count = try #require(state.search).matches.count
        #expect(count >= 3)
        for _ in 0..<(count - 1) { state = press(state, .character("n")) }
        #expect(state.search?.current == count - 1)
        state = press(state, .character("n"))
        #expect(state.search?.current == 0)
        #expect(state.notice == "search wrapped to the top")
        #expect(explorer.render(state).row(state.size.height - 1).contains("match 1/\(count)"))
        state = press(state, .character("N"))
        #expect(state.search?.current == count - 1)
        #expect(state.notice == "search wrapped to the bottom")
    }

    @Test func noMatchSaysSoAndDashesMatchEnDashes() {
        var state = type("no such words", press(start, .character("/")))
        #expect(explorer.render(state).text.contains("not found"))
        state = press(state, .enter)
        #expect(state.notice == "Not found: no such words")
        state = type("Marxism-Leninism", press(state, .character("/")))
        #expect(state.search?.matches.count == 2)
    }

    /// A match that wraps across two lines is highlighted on both.
    @Test func aMatchAcrossAWrappedLineIsHighlightedWhole() throws {
        // Find a terminal width at which some match of a two-word phrase wraps.
        for width in 60...110 {
            var state = explorer.initialState(size: Size(width: width, height: 24))
            state = press(type("Provisional Government", press(state, .character("/"))), .enter)
            let search = try #require(state.search)
            let layout = explorer.readerLayout(state)
            let wrapping = search.matches.first { match in
                let line = layout.line(of: match)
                return line + 1 < layout.lineCount && layout.lines[line + 1].block == match.block
                    && (layout.lines[line + 1].spans.compactMap(\.offset).first ?? .max) < match.range.upperBound
            }
            guard let match = wrapping else { continue }
            state.search?.current = search.matches.firstIndex(of: match)
            state = explorer.show(match, in: state)
            let buffer = explorer.render(state)
            let row = layout.line(of: match) - explorer.readerTopLine(state) + 1
            let highlighted = { (y: Int) in (0..<buffer.width).filter { buffer[$0, y].style.role == .match }.count }
            #expect(highlighted(row) > 0 && highlighted(row + 1) > 0)
            #expect(highlighted(row) + highlighted(row + 1) == "Provisional Government".count - 1, "all but the space at the break")
            return
        }
        Issue.record("no width from 60 to 110 wraps a match")
    }

    @Test func fuzzyRankingPrefersWordStartsAndRuns() {
        let titles = ["Communalism (Bookchin)", "Municipalism", "Mutual aid (organization theory)", "Mass line", "Marxism–Leninism"]
        func ranked(_ query: String) -> [String] {
            titles.compactMap { title in FuzzyMatcher.match(query, in: title).map { (title, $0.score) } }
                .sorted { $0.1 > $1.1 }.map(\.0)
        }
        #expect(ranked("mun").first == "Municipalism")
        #expect(ranked("mun").contains("Communalism (Bookchin)"))
        #expect(ranked("cb") == ["Communalism (Bookchin)"])
        #expect(ranked("zz").isEmpty)
        #expect(ranked("marx len").first == "Marxism–Leninism")
        #expect(FuzzyMatcher.match("regis", in: "Régis")?.positions == [0, 1, 2, 3, 4])
    }

    /// A result too long for the finder's box ends with "…" (it was cut mid-word).
    @Test func aLongFinderResultIsCutWithAnEllipsis() throws {
        let state = type("kosova", press(start, .character(":")))
        let title = try #require(explorer.finderResults(state).first?.entry.title)
        #expect(title.hasPrefix("Republic of Kosova and the Autonomous Province"))
        let row = try #require(explorer.render(state).text.split(separator: "\n").first { $0.contains("Republic of Kosova") })
        #expect(row.contains("… │"), "\(row)")
    }

    @Test func goToJumpsAndRecordsHistory() {
        var state = press(start, .control("p"))
        #expect(state.finder != nil)
        state = type("octrev", state)
        #expect(explorer.finderResults(state).first?.entry.title == "October Revolution")
        #expect(explorer.render(state).text.contains("Go to — Enter jumps"))
        state = press(state, .enter)
        #expect(state.finder == nil)
        #expect(explorer.currentSection(state) == 5)
        state = press(state, .character(":"))
        state = type("zapat", state)
        state = press(state, .enter)
        #expect(state.reader.content == .card(itemID: "see-also:zapatista-uprising"))
        state = press(state, .character("H"), .character("H"))
        #expect(explorer.readerTopLine(state) == 0)
        state = press(state, .character(":"), .escape)
        #expect(state.finder == nil)
    }
}
