import Testing
@testable import Content

/// The forms a topic is mentioned by, from QA 17a's articles: a possessive, the "-ist" form
/// of each word of a dash-joined compound, and a name's own hyphen, which two free words do
/// not stand for.
@Suite("Possessives, compound forms and a name's own hyphen")
struct MentionFormTests {
    /// The names each mention in `text` is of, as the text writes them.
    static func mentioned(in text: String, names: [String]) -> [String] {
        let items = names.enumerated().map { index, name in
            Item(id: "see-also:\(index)", kind: .seeAlso, name: name, text: name, section: 1, line: 10 + index)
        }
        return MentionFinder(items: items).mentions(in: text).map { String(text[$0.range]) }
    }

    @Test("A possessive mentions its topic, and the mention ends before the 's")
    func possessives() throws {
        let text = "The Paris Commune ruled Paris in 1871. Syndicalism's founders admired it; syndicalism’s heirs did too. "
            + "The Paris Commune's legacy and Workers' self-management's critics remain."
        #expect(Self.mentioned(in: text, names: ["Syndicalism", "Paris Commune", "Workers' self-management"]) == [
            "Paris Commune", "Syndicalism", "syndicalism", "Paris Commune", "Workers' self-management",
        ])
    }

    @Test("A name with 's in it is still mentioned as written")
    func possessiveInName() {
        #expect(Self.mentioned(in: "The People's Charter of 1838 was drafted.", names: ["People's Charter"]) == ["People's Charter"])
    }

    @Test("Marxist–Leninist mentions Marxism–Leninism, with a hyphen too, and the reverse")
    func compoundForms() {
        let text = "Marxist–Leninist parties later claimed it, and Marxist-Leninists praised it."
        #expect(Self.mentioned(in: text, names: ["Marxism–Leninism"]) == ["Marxist–Leninist", "Marxist-Leninists"])
        #expect(Self.mentioned(in: "Orthodox Marxism-Leninism held.", names: ["Marxist–Leninist"]) == ["Marxism-Leninism"])
        #expect(Self.mentioned(in: "Marxist–Leninist–Maoist groups split.", names: ["Marxism–Leninism–Maoism"]) == ["Marxist–Leninist–Maoist"])
    }

    @Test("A name's own hyphen needs a hyphen or dash in the text; a hyphen in the text still reads as a space")
    func ownHyphen() throws {
        let text = """
            = Sit-down strike =

            A sit-down strike is a form of occupation. Other plants stop work in support, and students would \
            sit in the cafeteria. A work-in and a sit‑in followed, with a mutual-aid fund.

            == See also ==
            - Work-in
            - Sit-in
            - Mutual aid

            """
        let model = try LinkedArticle(article: ArticleParser().parse(text, path: "sit-down-strike.txt"))
        let evidence = model.graph.links.filter { $0.from == "lead" }.map { "\($0.to): \($0.evidence!.text)" }
        let lastSentence = "A work-in and a sit‑in followed, with a mutual-aid fund."
        #expect(evidence == ["see-also:work-in: \(lastSentence)", "see-also:sit-in: \(lastSentence)",
                             "see-also:mutual-aid: \(lastSentence)"])
    }
}
