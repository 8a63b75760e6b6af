import Content
import Testing
@testable import TUI

/// The status line at 40 columns (QA 23): the breadcrumb and the jump path were both cut to
/// nothing, "Dual pow…  ⟨… → topic: M…⟩". The path shows only with its newest step whole;
/// else the breadcrumb has the room.
@Suite("The status line at narrow widths")
struct NarrowStatusTests: KeyDriven {
    let explorer = makeExplorer()

    /// The Municipalism strategy, then its See-also topic's card.
    func jumped(width: Int) -> AppState {
        let state = explorer.update(explorer.initialState(size: Size(width: width, height: 24)), .follow(.item("strategy:municipalism")))
        return explorer.update(state, .follow(.card("see-also:communalism-bookchin")))
    }

    @Test func thePathGivesWayToTheBreadcrumb() {
        let narrow = jumped(width: 40)
        #expect(explorer.jumpPath(narrow).count == 3)
        let bar = statusBar(narrow)
        #expect(!bar.contains("⟨"), "\(bar)")
        #expect(bar.hasPrefix(" Dual power › topic: Commu"), "\(bar)")
        // Wide enough, both show, the path's newest step whole.
        let wide = statusBar(jumped(width: 120))
        #expect(wide.contains("⟨") && wide.contains("topic: Communalism (Bookchin)⟩"), "\(wide)")
    }

    /// QA 24: a long title took the whole breadcrumb and the section was cut off ("The
    /// Remarkably Long Title … About Dual P…"): the title is cut first.
    @Test func aLongTitleIsCutBeforeTheSection() throws {
        let model = try LinkedArticle(article: ArticleParser().parse(
            "= The Remarkably Long Title of an Encyclopedia Article About Dual Power =\n\nLead.\n\n== Criticism ==\n\nText.\n"))
        let explorer = Explorer(model: model)
        let state = explorer.update(explorer.initialState(size: Size(width: 80, height: 14)), .follow(.section(1)))
        let bar = explorer.render(state).row(13)
        #expect(bar.hasPrefix(" The Remarkably Long Title") && bar.contains("… › Criticism"), "\(bar)")
    }
}

/// QA 25: jumps within one section (`]` to a cross-reference off screen) made the path read
/// "Background → Background", which told nothing: a run of one label is shown once, counted.
@Suite("Steps of one label in the jump path")
struct JumpPathFoldingTests: KeyDriven {
    let explorer = makeExplorer()

    @Test func aRunOfOneLabelIsShownOnceCounted() {
        #expect(Explorer.folded(["Dual power", "Background", "Background", "See also", "Background"])
                == ["Dual power", "Background ×2", "See also", "Background"])
        #expect(Explorer.folded([]) == [])
    }

    @Test func aJumpWithinTheSectionIsCountedOnTheStatusLine() {
        let state = press(explorer.initialState(size: Size(width: 120, height: 30)), "2 b}]")
        #expect(explorer.jumpPath(state) == ["Background", "Background"], "the QA's keys still make such a path")
        let bar = statusBar(state)
        #expect(bar.contains("⟨Background ×2⟩"), "\(bar)")
    }
}

/// QA 25: at 120 columns, a card's breadcrumb was cut ("Dual po… › topic: Mutual aid
/// (organization theory)") to give the jump path half the bar, though the path's oldest step
/// could give way: the breadcrumb is whole, and the path has what it leaves.
@Suite("The breadcrumb before the jump path")
struct BreadcrumbFirstTests: KeyDriven {
    let explorer = makeExplorer()

    @Test func theBreadcrumbIsWholeAndThePathDropsItsOldestSteps() {
        let card = explorer.update(explorer.initialState(size: Size(width: 120, height: 40)), .follow(.card("see-also:mutual-aid-organization-theory")))
        let bar = statusBar(card)
        #expect(bar.hasPrefix(" Dual power › topic: Mutual aid (organization theory)  ⟨"), "\(bar)")
        #expect(bar.contains("⟨… → topic: Mutual aid (organization theory)⟩"), "\(bar)")
    }
}
