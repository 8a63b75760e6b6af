import Testing
@testable import Content

/// What `--section`, `--item` and `--focus` suggest when a name matches nothing.
@Suite("Close matches")
struct LookupTests {
    let sections = ["Background", "Provisional Government", "Petrograd Soviet", "July Days' impact", "October Revolution",
                    "Strategy and ideological concepts", "Modern usage by libertarian socialists",
                    "Historical examples of dual power", "See also"]

    @Test("typos, a letter left out or added, two letters swapped, a word inside the name")
    func realMistakes() {
        #expect(Lookup.suggestions(for: "Octobr Revolution", among: sections) == ["October Revolution"])
        #expect(Lookup.suggestions(for: "Bcakground", among: sections) == ["Background"])
        #expect(Lookup.suggestions(for: "backgrnd", among: sections) == ["Background"])
        #expect(Lookup.suggestions(for: "Petrogard", among: sections) == ["Petrograd Soviet"])
        #expect(Lookup.suggestions(for: "Critcism", among: ["History", "Criticism"]) == ["Criticism"])
        #expect(Lookup.suggestions(for: "libertarian", among: sections) == ["Modern usage by libertarian socialists"])
        #expect(Lookup.suggestions(for: "Stratgey and ideas", among: sections) == ["Strategy and ideological concepts"])
        #expect(Lookup.suggestions(for: "Révolution", among: sections) == ["October Revolution"], "accents and case ignored")
    }

    /// A short name two edits from the start of a long heading is not close to it: "nope"
    /// suggested "Modern usage by libertarian socialists" (two edits from "mode").
    /// `--item` reads an apostrophe of any kind as search does.
    @Test func anApostropheOfAnyKindNamesTheSameItem() throws {
        let article = try ArticleParser().parse("= A =\n\n== See also ==\n- Workers' council\n", path: "a.txt")
        let items = Classifier().classify(article)
        #expect(Lookup.item(named: "workers’ council", in: items)?.name == "Workers' council")
    }

    @Test("no suggestion without real similarity")
    func farOffNames() {
        #expect(Lookup.suggestions(for: "nope", among: sections) == [])
        #expect(Lookup.suggestions(for: "xyz", among: sections) == [])
        #expect(Lookup.suggestions(for: "zz", among: sections) == [], "too short to say")
    }

    @Test("the closest first, each name once, at most five")
    func ordering() {
        #expect(Lookup.suggestions(for: "Muncipalism", among: ["Municipalist movement", "Municipalism", "Municipalism"])
            == ["Municipalism", "Municipalist movement"])
        #expect(Lookup.suggestions(for: "topic", among: (1...9).map { "Topic \($0)" }).count == 5)
    }

    @Test("edit distance counts a swap of two letters as one edit")
    func distance() {
        #expect(Lookup.editDistance(Array("bcak"), Array("back")) == 1)
        #expect(Lookup.editDistance(Array("nope"), Array("mode")) == 2)
        #expect(Lookup.editDistance(Array(""), Array("abc")) == 3)
        #expect(Lookup.editDistance(Array("kitten"), Array("sitting")) == 3)
        #expect(Lookup.editDistance(Array("ca"), Array("abc")) == 3, "a transposition then an edit is not one edit (OSA)")
        // Every start of "sitting" at once: "", "s", "si", … "sitting".
        #expect(Lookup.editDistances(Array("kitten"), Array("sitting")) == [6, 6, 5, 4, 3, 3, 2, 3])
    }

    /// `search` folds every dash alike; `--item` and `--section` once knew only – and —, so a
    /// name that search found was "not an item" there.
    @Test("Every dash is one: 'Marxism‐Leninism' with U+2010 or U+2212 finds Marxism–Leninism",
          arguments: ["Marxism\u{2010}Leninism", "Marxism\u{2212}Leninism", "marxism-leninism", "Marxism\u{2014}Len"])
    func dashesFoldAlike(query: String) throws {
        let model = try ArticleLoader.bundled()
        #expect(Lookup.item(named: query, in: model.items)?.name == "Marxism\u{2013}Leninism")
    }
}
