import Content
import Testing
@testable import TUI

/// Every key on the topic card of a topic mentioned in 20,000 sections took 300–550 ms (the
/// article's reader 24–61 ms): the cross-links and backlinks panes of the card's topic have
/// two rows per mention, and each key rebuilt and re-wrapped them several times over (the
/// state's normalization, the command, the frame); the link map of the topic, open, was
/// rebuilt by each key too. They depend on the node alone and are now kept by node (and
/// width), so keys on the card build none of them again.
@Suite("Keys on the card of a topic mentioned many times")
struct TopicCardKeysTests {
    /// 200 sections, each mentioning the See-also topic "Alpha topic".
    static let model: LinkedArticle = {
        var text = "= Many =\n\nLead mentioning Alpha topic.\n\n"
        for section in 0..<200 {
            text += "== Section \(section) ==\n\nParagraph \(section) talks about Alpha topic.\n\n"
        }
        text += "== See also ==\n- Alpha topic\n"
        do { return try LinkedArticle(article: ArticleParser().parse(text, path: "many.txt")) } catch { fatalError("\(error)") }
    }()

    /// The keys the tester timed on the card: each pane focused, the reader zoomed and back,
    /// the link map opened, moved in and closed.
    static let keys: [Key] = [.character("j"), .character("G"), .character("k"), .character("g"), .character("3"), .character("j"),
                              .character("G"), .character("4"), .character("j"), .character("G"), .character("2"),
                              .character("z"), .character("j"), .character("z"), .character("v"), .character("j"),
                              .character("G"), .escape, .escape]

    /// Rows, layouts and link maps built so far.
    func builds(_ explorer: Explorer) -> Int {
        explorer.nodeRows.builds + explorer.nodeRowLayouts.builds + explorer.linkMaps.builds
    }

    @Test("A second round of the same keys builds no pane's rows and no link map")
    func noRebuild() throws {
        let explorer = Explorer(model: Self.model)
        let id = try #require(Self.model.items.first { $0.name == "Alpha topic" }?.id)
        var state = explorer.update(explorer.initialState(size: Size(width: 160, height: 40)), .follow(.card(id)))
        #expect(state.reader.content == .card(itemID: id))
        // The first round builds what the keys show, once each.
        for key in Self.keys {
            state = explorer.press(state, key)
            _ = explorer.render(state)
        }
        let built = builds(explorer)
        var mapShown = false
        for key in Self.keys {
            state = explorer.press(state, key)
            _ = explorer.render(state)
            mapShown = mapShown || state.linkMap != nil
        }
        #expect(state.reader.content == .card(itemID: id), "the keys stay on the card")
        #expect(mapShown)
        #expect(explorer.rows(of: .backlinks, state).count == 2 * 201, "two rows per mention: the lead and 200 sections")
        #expect(builds(explorer) == built, "\(builds(explorer) - built) lists or maps built again by the same keys")
    }
}
