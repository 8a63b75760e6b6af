import Testing
@testable import Content

/// A name without its "(disambiguator)" is often a common word: "Rust (programming
/// language)" is "Rust", and "Yes (band)" is "Yes". Such a one-word short name mentions its
/// topic only written as the name writes it (QA 16: "Old bridges rust in the rain" mentioned
/// the language). A short name of several words, and every full name, match in any case.
@Suite("One-word short names keep their case")
struct ShortNameCaseTests {
    static let text = """
        = Programming languages =
        Old bridges rust in the rain. The answer was yes, said the engineer. Rust was designed at Mozilla, as Python was at CWI.

        Some of them rely on mutual aid. The python programming language is older.

        == See also ==
        - Rust (programming language)
        - Yes (band)
        - Python (programming language)
        - Mutual aid (organization theory)

        """

    @Test func commonWordsAreNoMentions() throws {
        let model = try LinkedArticle(article: ArticleParser().parse(Self.text, path: "langs.txt"))
        let evidence = model.graph.links.filter { $0.origin == .detected }.map { "\($0.to): \($0.evidence?.text ?? "")" }
        #expect(evidence == [
            "see-also:rust-programming-language: Rust was designed at Mozilla, as Python was at CWI.",
            "see-also:python-programming-language: Rust was designed at Mozilla, as Python was at CWI.",
            "see-also:mutual-aid-organization-theory: Some of them rely on mutual aid.",
            "see-also:python-programming-language: The python programming language is older.",
        ])
    }

    @Test func caseIsComparedLetterByLetterAccentsAside() {
        #expect(AliasIndex.isWritten("Pythons", asCaseOf: "Python"))
        #expect(AliasIndex.isWritten("Krakow", asCaseOf: "Kraków"))
        #expect(!AliasIndex.isWritten("python", asCaseOf: "Python"))
        #expect(!AliasIndex.isWritten("YES", asCaseOf: "Yes"))
    }

    /// ada.txt: "Ada" of "Ada Lovelace Day" came first on the line, and its sentence was the
    /// evidence, not the one that names the language in full.
    @Test func theFullNamesSentenceIsTheEvidence() throws {
        let text = """
            = Legacy =
            Ada is a name; a day is named after Ada too. The Ada programming language was named after her.

            == See also ==
            - Ada (programming language)

            """
        let model = try LinkedArticle(article: ArticleParser().parse(text, path: "ada.txt"))
        let links = model.graph.links.filter { $0.origin == .detected }
        #expect(links.count == 1)
        #expect(links.first?.evidence?.text == "The Ada programming language was named after her.")
    }
}
