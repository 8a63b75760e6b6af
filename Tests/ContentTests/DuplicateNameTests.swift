import Testing

@testable import Content

/// Items that share a name. The fuzzer's 2,000 copies of one See-also title made 4 million
/// links (every copy's own name "mentioned" every other) and took 800 MB; 5,000 titles with
/// the same first word took seconds to match. These pin down what such articles link now.
@Suite("Duplicate and ambiguous names")
struct DuplicateNameTests {
    /// `from → to @line`, with the relation when it is not `mentions`.
    static func detected(_ text: String) throws -> [String] {
        let model = try LinkedArticle(article: ArticleParser().parse(text, path: "names.txt"))
        return model.graph.links.filter { $0.origin == .detected }
            .map { "\($0.from) → \($0.to)\($0.relation == .mentions ? "" : " (\($0.relation.rawValue))") @\($0.evidence?.line ?? 0)" }
    }

    @Test("Copies of one name in a kind are one topic: mentions go to the first, copies never link to it")
    func copiesAreOneTopic() throws {
        let links = try Self.detected("""
            = Names =

            Same is named here.

            == Strategies ==

            - Same – one way
            - Same – another way

            == See also ==

            - Same
            - same
            - Sáme
            - Other
            """)
        #expect(links == [
            "lead → strategy:same @3",
            "lead → see-also:same @3",
            // The two topics of other kinds are namesakes: no copy's definition mentions the
            // other topic (each named the other kind's first item, five links for one fact);
            // one same-topic link says they are the same, from the later topic's first item.
            "see-also:same → strategy:same (same-topic) @12",
        ])
    }

    @Test("Hundreds of copies make no links among themselves")
    func manyCopies() throws {
        let text = "= Names =\n\nSame, and Same again.\n\n== See also ==\n\n" + String(repeating: "- Same\n", count: 300)
        #expect(try Self.detected(text) == ["lead → see-also:same @3"])
    }

    @Test("A short name shared by more than 8 topics links none of them; full names still link",
          arguments: [8, 9])
    func ambiguousAlias(topics: Int) throws {
        let list = (1...topics).map { "- Topic (\($0))" }.joined(separator: "\n")
        let links = try Self.detected("= Names =\n\nTopic here.\n\nTopic (3) there.\n\n== See also ==\n\n\(list)\n")
        let bare = links.filter { $0.hasSuffix("@3") }
        #expect(bare.count == (topics <= 8 ? topics : 0))
        #expect(links.filter { $0.hasSuffix("@5") } == ["lead → see-also:topic-3 @5"])
    }

    @Test("Names that differ by a dash, a dot or a space are distinct topics, and a mention goes to the one written")
    func dashDotAndSpaceTellNamesApart() throws {
        // QA 18b: "Sit in" was a copy of "Sit-in" (the same words), so the lead's "sit in",
        // which has no dash, mentioned "Sit", and so did "Sit in"'s own line.
        #expect(try Self.detected("""
            = Protest =
            Students staged a sit in at the library.

            == Tactics ==
            The tactics are:
            - Sit – to occupy a seat.
            - Sit-in – occupying a place until removed.
            - Sit in – the 1960s Greensboro form.
            """) == ["lead → strategy:sit-in-2 @2"])
        // A dash in the text names the topic written with one, and not the other too.
        #expect(try Self.detected("""
            = Protest =
            Students staged a sit-in at the library.

            == Tactics ==
            - Sit in – the 1960s Greensboro form.
            - Sit-in – occupying a place until removed.
            """) == ["lead → strategy:sit-in-2 @2"])
        // In either order.
        for (first, second) in [("Cafe-bar", "Cafe.bar"), ("Cafe.bar", "Cafe-bar")] {
            let links = try Self.detected("""
                = Venues =
                The cafe.bar opened before the cafe-bar did.

                == Examples ==
                - \(first) – one venue.
                - \(second) – another.
                """)
            let id = [first: "example:cafe-bar", second: "example:cafe-bar-2"]
            #expect(links == ["lead → \(id["Cafe.bar"]!) @2", "lead → \(id["Cafe-bar"]!) @2"], "\(first) first")
        }
    }
}
