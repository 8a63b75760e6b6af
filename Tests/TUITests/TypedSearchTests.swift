import Content
import Testing
@testable import TUI

/// The search prompt finds a longer query only in the blocks where the text typed before it
/// matched (see `ReaderDocument.matches(of:after:had:)`). Whatever is typed, and however, the
/// matches must be those of the whole query searched afresh.
@Suite("Search typed a character at a time")
struct TypedSearchTests {
    static let article = """
        = Typing =
        The Soviet and the soviets. SOVIET power, Soviet-style; the Régis and Regis text.

        == Second ==
        Cafe\u{301} society met at the café. e\u{301}tude and étude. Σίσυφος; ΣΊΣΥΦΟΣ.

        == Third ==
        - Soviet – a council
        - Sovereignty – not a soviet
        """

    let explorer = makeExplorer(try! LinkedArticle(article: ArticleParser().parse(article, path: "typing.txt")))

    func typed(_ keys: [Key]) -> AppState {
        press(explorer.initialState(size: Size(width: 80, height: 24)), [.character("/")] + keys)
    }

    func press(_ state: AppState, _ keys: [Key]) -> AppState {
        keys.reduce(state) { explorer.update($0, explorer.action(for: .key($1), in: $0)) }
    }

    func wholeSearch(_ query: String) -> [SearchMatch] {
        explorer.layouts.document(explorer.initialState(size: Size(width: 80, height: 24)).reader.content)
            .matches(of: TextSearch(query))
    }

    @Test(arguments: [
        "soviet", "Soviet", "SOVIET", "sovietx", "soviets", "régis", "Regis", "cafe", "café", "e\u{301}tude",
        "\u{301}e", "σισυφος", "Σίσυφος", "soviet – a", "sov", "Sovereignty – not",
    ])
    func typingAQueryFindsWhatSearchingItWholeFinds(query: String) throws {
        let state = typed(query.map { Key.character($0) })
        #expect(try #require(state.search).matches == wholeSearch(query))
        #expect(state.search?.matches.isEmpty == wholeSearch(query).isEmpty)
    }

    /// A query edited back (Backspace) or in its middle is not the one before it typed on,
    /// so its blocks are searched afresh.
    @Test func anEditedQueryIsSearchedAfresh() throws {
        // "sovietx" matches nothing; Backspace makes it "soviet", found everywhere again.
        var state = typed("sovietx".map { Key.character($0) } + [.backspace])
        #expect(try #require(state.search).matches == wholeSearch("soviet"))
        #expect(!wholeSearch("soviet").isEmpty)
        // "SOVIET" matches one block; the cursor moved to its start and "x" typed there is
        // "xSOVIET", which matches nowhere; Backspace there deletes the "x": "SOVIET" again.
        state = typed("SOVIET".map { Key.character($0) } + [.home, .character("x")])
        #expect(try #require(state.search).matches == wholeSearch("xSOVIET"))
        state = press(state, [.backspace])
        #expect(try #require(state.search).matches == wholeSearch("SOVIET"))
        #expect(wholeSearch("SOVIET").count == 1)
    }

    /// A combining mark alone folds to nothing and matches nowhere, which says nothing of
    /// what is typed after it.
    @Test func aQueryThatFoldsToNothingDoesNotHideWhatFollows() throws {
        let state = typed(["\u{301}", "e"].map { Key.character($0) })
        #expect(try #require(state.search).matches == wholeSearch("\u{301}e"))
        #expect(!wholeSearch("\u{301}e").isEmpty)
    }
}
