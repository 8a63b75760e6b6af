import Content
import Testing
@testable import TUI

/// The go-to finder folds text as `/` and `--item` do (`SearchFolder`). It had a fold of its
/// own that kept dashes as they were, so "Marxism-Leninism" typed at `:` missed the bundled
/// article's "Marxism–Leninism" (an en dash), which `/` finds.
@Suite("The finder folds as search does")
struct FinderFoldingTests: KeyDriven {
    let explorer = makeExplorer()

    var start: AppState { explorer.initialState(size: Size(width: 120, height: 40)) }

    @Test func aHyphenTypedFindsATitleWithAnEnDash() throws {
        #expect(press(start, "/Marxism-Leninism").search?.matches.isEmpty == false, "as / finds it")
        let results = explorer.finderResults(press(start, ":Marxism-Leninism"))
        #expect(results.prefix(2).map(\.entry.title) == ["Marxism–Leninism", "Marxism–Leninism–Maoism"])
        #expect(results.first?.match.positions == Array(0..<16), "every character is matched, the dash too")
    }

    /// Capitals, diacritics and dashes of every kind fold one character for one, so that the
    /// matched positions are the title's characters.
    @Test func foldingKeepsOneCharacterForEach() {
        let title = "Régis – ΣΊΣΥΦΟΣ—a‐b"
        #expect(String(FuzzyMatcher.fold(title)) == "regis - σισυφοσ-a-b")
        #expect(FuzzyMatcher.fold("Re\u{301}gis") == Array("regis"), "a combining accent goes with its letter")
        #expect(FuzzyMatcher.match("sisyfos", in: title) == nil)
        #expect(FuzzyMatcher.match("σισυφος-a-b", in: title)?.positions == Array(8..<19))
    }
}
