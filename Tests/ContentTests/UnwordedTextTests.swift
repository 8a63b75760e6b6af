import Testing
@testable import Content

/// URLs, paths and identifiers are not prose: their parts are no words that name an item
/// (QA 16: "https://example.org/wiki/Analytical_Engine_notes" mentioned "Analytical Engine",
/// and the reader marked "Ada[6]_Lovelace" inside a link).
@Suite("URLs, paths and identifiers mention nothing")
struct UnwordedTextTests {
    static let text = """
        = Web archive =
        See https://example.org/wiki/Analytical_Engine_notes for the scans, or www.example.org/Fuel-cell. The file lives at /usr/share/doc/fuel_cell/README and in docs/fuel-cell/notes.txt. The identifier my_Analytical_Engine_v2 is a variable.

        Prose still names them: the Analytical Engine and/or the fuel cell, (https://example.org/a) then Fuel cell.

        == See also ==
        - Analytical Engine
        - Fuel cell

        """

    let model: LinkedArticle

    init() throws {
        model = try LinkedArticle(article: ArticleParser().parse(Self.text, path: "archive.txt"))
    }

    func paragraph(_ number: Int) throws -> Paragraph {
        let paragraphs = model.article.lead.blocks.compactMap { block -> Paragraph? in
            if case .paragraph(let paragraph) = block { paragraph } else { nil }
        }
        return try #require(paragraphs.dropFirst(number).first)
    }

    @Test func noMentionInsideThem() throws {
        #expect(model.mentions(in: try paragraph(0)).isEmpty)
        #expect(model.graph.links.filter { $0.origin == .detected }.map(\.evidence?.line) == [4, 4])
    }

    /// The reader marks the mentions the linker finds: in prose, not in the link before them.
    @Test func theMarksAreInProse() throws {
        let text = try paragraph(1).text
        let marked = model.mentions(in: try paragraph(1)).map { String(text[$0.range]) }
        #expect(marked == ["Analytical Engine", "fuel cell", "Fuel cell"])
    }

    @Test("A URL, path or identifier is one token; a slash between two words is prose", arguments: [
        ("see https://example.org/a_b.", ["see", "https://example.org/a_b"]),
        ("(https://en.wikipedia.org/wiki/Ada_(programming_language)).", ["https://en.wikipedia.org/wiki/ada_(programming_language)"]),
        ("at www.Example.org, then", ["at", "www.example.org", "then"]),
        ("in /usr/share/doc", ["in", "/usr/share/doc"]),
        ("the ~/notes dir", ["the", "~/notes", "dir"]),
        ("in \"docs/fuel_cell/README\"", ["in", "docs/fuel_cell/readme"]),
        ("and/or Marxism/Leninism", ["and", "or", "marxism", "leninism"]),
        ("fuel_cell _emphasis_ a__b", ["fuel_cell", "emphasis", "a", "b"]),
        ("ratio: 3/4", ["ratio", "3", "4"]),
    ])
    func tokens(text: String, expected: [String]) {
        #expect(Tokenizer.tokens(in: text) == expected)
    }
}

/// A letter's "+", "++" or "#" is part of its name: "C++", "C#", "F#", "Notepad++" (QA 16:
/// none was found, as "C" alone is too short a name to look for).
@Suite("Names ending in + or #")
struct SymbolSuffixTests {
    @Test func theyAreFoundAsWritten() throws {
        let text = """
            = Languages =
            C is not related to it, nor is C++. The language C# runs on .NET, as f# does; Notepad++ edits them. Compute a+b, tag #csharp, or write c#d.

            == See also ==
            - C++
            - C#
            - F#
            - Notepad++

            """
        let model = try LinkedArticle(article: ArticleParser().parse(text, path: "languages.txt"))
        let lead = model.article.sections[0]
        guard case .paragraph(let paragraph)? = lead.blocks.first else {
            Issue.record("the lead starts with a paragraph")
            return
        }
        let marked = model.mentions(in: paragraph).map { String(paragraph.text[$0.range]) }
        #expect(marked == ["C++", "C#", "f#", "Notepad++"])
        #expect(model.items.map(\.id) == ["see-also:c", "see-also:c-2", "see-also:f", "see-also:notepad"])
    }

    @Test("Only after a letter, and before no word", arguments: [
        ("C++, C#.", ["c++", "c#"]),
        ("a+b x++y 1+1", ["a", "b", "x", "y", "1", "1"]),
        ("#hashtag c#d C+++", ["hashtag", "c", "d", "c"]),
    ])
    func tokens(text: String, expected: [String]) {
        #expect(Tokenizer.tokens(in: text) == expected)
    }
}
