import Foundation
import TestSupport
import Testing
@testable import Content

/// The article form on articles written for these tests (Tests/ContentTests/Fixtures).
@Suite("Article form")
struct ArticleFormTests {
    static func summary(_ article: Article) -> [String] {
        article.sections.map { section in
            let parent = section.parent.map { article.sections[$0].id } ?? "-"
            return "\(section.id)|\(section.title)|\(section.level)|\(section.line)|\(parent)"
        }
    }

    static func paragraphs(_ section: Section) -> [Paragraph] {
        section.blocks.compactMap { if case .paragraph(let paragraph) = $0 { paragraph } else { nil } }
    }

    static func lists(_ section: Section) -> [ListBlock] {
        section.blocks.compactMap { if case .list(let list) = $0 { list } else { nil } }
    }

    // MARK: - Levels 2–6

    @Test("Levels 2 to 6 nest: parents, paths and children follow the heading levels")
    func levels() throws {
        let article = try Fixtures.article("levels.txt")
        #expect(article.title == "Nesting levels")
        #expect(Self.summary(article) == [
            "lead|(lead)|1|1|-",
            "alpha|Alpha|2|6|-",
            "alpha-one|Alpha one|3|9|alpha",
            "alpha-one-a|Alpha one a|4|11|alpha-one",
            "alpha-one-a-i|Alpha one a i|5|13|alpha-one-a",
            "deepest|Deepest|6|15|alpha-one-a-i",
            "alpha-two|Alpha two|3|19|alpha",
            "jump-down|Jump down|6|21|alpha-two",
            "beta|Beta|2|23|-",
            "beta-skipped|Beta skipped|4|25|beta",
            "beta-five|Beta five|5|27|beta-skipped",
            "see-also|See also|2|29|-",
            "films|Films|3|32|see-also",
        ])
        let index = { (id: String) throws -> Int in try #require(article.sectionIndex(id: id)) }
        #expect(try article.path(to: index("deepest")).map { article.sections[$0].id }
            == ["alpha", "alpha-one", "alpha-one-a", "alpha-one-a-i", "deepest"])
        #expect(try article.path(to: index("jump-down")).map { article.sections[$0].id } == ["alpha", "alpha-two", "jump-down"])
        #expect(try article.path(to: index("beta")).map { article.sections[$0].id } == ["beta"])
        #expect(article.path(to: 0) == [], "the lead is on no path")
        #expect(article.children(of: nil).map { article.sections[$0].id } == ["alpha", "beta", "see-also"])
        #expect(try article.children(of: index("alpha")).map { article.sections[$0].id } == ["alpha-one", "alpha-two"])
        #expect(try article.children(of: index("deepest")) == [])
    }

    @Test("Paragraph lines join with one space and keep their first and last line")
    func multiLineParagraphs() throws {
        let article = try Fixtures.article("levels.txt")
        #expect(Self.paragraphs(article.lead).map { "\($0.line)-\($0.endLine): \($0.text)" }
            == ["3-4: The lead has two lines that form one paragraph."])
        let deepest = try #require(article.sectionIndex(id: "deepest"))
        #expect(Self.paragraphs(article.sections[deepest]).map { "\($0.line)-\($0.endLine): \($0.text)" }
            == ["16-17: Text at level six, continued on a second line."])
    }

    /// An item's continuation lines are lines of their own: a mention or a search match on
    /// one is at that line (both said the item's first line).
    @Test("Mentions and search matches on an item's continuation lines are at those lines")
    func itemContinuationLines() throws {
        let text = "= E =\n\n== Strategies ==\nStrategies include:\n- Alpha – first line\n  second line\n  third line mentions Zebra\n\n== See also ==\n- Zebra\n"
        let model = try LinkedArticle(article: ArticleParser().parse(text, path: "ev.txt"))
        let mention = try #require(model.graph.links.first { $0.to == "see-also:zebra" && $0.origin == .detected })
        #expect(mention.evidence?.line == 7)
        try withTemporaryDirectory { folder in
            let file = folder.appendingPathComponent("ev.txt")
            try text.write(to: file, atomically: true, encoding: .utf8)
            #expect(try CLI.run(["search", file.path, "second line"]).output.hasPrefix("\(file.path):6: Strategies: "))
        }
    }

    /// A heading starts at the margin, as the README says ("a line that starts with `=`") and
    /// MediaWiki reads one: an indented `== X ==` under an item went on as a heading of its own,
    /// and the See-also entries after it were no topics, their mentions unlinked (QA 30).
    @Test("An indented line of = marks is text: under an item it goes on with the item")
    func indentedHeadingIsText() throws {
        let text = "= Indent =\nLead mentions Bar.\n\n== See also ==\n- Foo – the first\n  == continued? ==\n- Bar\n\n  == Aside ==\n\n==Tight==\nText.\n"
        let model = try LinkedArticle(article: ArticleParser().parse(text, path: "indent.txt"))
        #expect(Self.summary(model.article) == ["lead|(lead)|1|1|-", "see-also|See also|2|4|-", "tight|Tight|2|11|-"])
        #expect(model.items.map(\.id) == ["see-also:foo", "see-also:bar"])
        #expect(model.graph.links.contains { $0.to == "see-also:bar" && $0.origin == .detected }, "the lead's Bar is linked")
        let seeAlso = try #require(model.article.sectionIndex(id: "see-also"))
        #expect(Self.lists(model.article.sections[seeAlso]).first?.items.first?.text == "Foo – the first == continued? ==")
        #expect(Self.paragraphs(model.article.sections[seeAlso]).map(\.text) == ["== Aside =="])
    }

    /// Wikipedia's style writes an em dash without spaces: "Syndicalism—building unions" was
    /// one name, and the lead's "Syndicalism" mentioned nothing (QA 30). An en dash without
    /// spaces joins a name's parts, and prose holding an em dash stays whole.
    @Test("An unspaced em dash splits a name from its description; an unspaced en dash does not")
    func unspacedEmDash() throws {
        let text = """
            = Unspaced =
            Lead mentions Syndicalism and Marxism–Leninism.

            == Strategies ==
            Strategies:
            - Syndicalism—building unions
            - Marxism–Leninism
            - Workers took over the factories, the mills and the docks of the city—for a while
            - Cooperatives – shared ownership—of the means

            """
        let model = try LinkedArticle(article: ArticleParser().parse(text, path: "unspaced.txt"))
        #expect(model.items.map(\.name) == ["Syndicalism", "Marxism–Leninism", "Workers took over the factories, the mills and the docks of the city—for a while", "Cooperatives"])
        let section = try #require(model.article.sectionIndex(id: "strategies"))
        let item = try #require(Self.lists(model.article.sections[section]).first?.items.first)
        #expect(item.name == "Syndicalism" && item.description == "building unions" && item.separator == "\u{2014}")
        #expect(model.graph.links.contains { $0.to == "strategy:syndicalism" && $0.origin == .detected })
        #expect(MarkdownExporter().export(model).contains("Syndicalism**—building unions"))
    }

    /// QA 31: at either end an unspaced em dash is as a spaced one there, and the separator is
    /// kept as written.
    @Test("An unspaced em dash at either end of an item, and the separator as written")
    func unspacedEmDashAtTheEnds() throws {
        let text = "= Ends =\nLead.\n\n== Strategies ==\nStrategies:\n- Real—\n- —Sixth lead dash\n- Third— spaced after\n"
        let model = try LinkedArticle(article: ArticleParser().parse(text, path: "ends.txt"))
        #expect(model.items.map(\.name) == ["Real", "Third"])
        let section = try #require(model.article.sectionIndex(id: "strategies"))
        let items = try #require(Self.lists(model.article.sections[section]).first?.items)
        #expect(items.map(\.name) == ["Real", "", "Third"])
        #expect(items.map(\.description) == [nil, "Sixth lead dash", "spaced after"])
        #expect(MarkdownExporter().export(model).contains("- **Third**— spaced after\n"))
    }

    /// An item that is only dots keeps them as its name (trailing dots were stripped until
    /// nothing was left: a topic without a name).
    @Test("An item of dots alone is named as written, never with an empty name")
    func itemsOfDotsAreNamedAsWritten() throws {
        let model = try LinkedArticle(article: ArticleParser().parse("= T =\n\n== See also ==\n- ...\n- Real topic.\n- .\n", path: "t.txt"))
        #expect(model.items.map(\.name) == ["...", "Real topic", "."])
    }

    @Test("A list under a subsection of See also is see-also too; outline and Markdown show the depth")
    func levelsOutputs() throws {
        let model = try Fixtures.load("levels.txt")
        #expect(model.items.map { "\($0.id)@\($0.line)" } == ["see-also:gamma@30", "see-also:delta-film@33"])
        #expect(OutlineFormatter().format(model) == """
            Nesting levels
               1  (lead)
               6  Alpha
               9    Alpha one
              11      Alpha one a
              13        Alpha one a i
              15          Deepest
              19    Alpha two
              21          Jump down
              23  Beta
              25      Beta skipped
              27        Beta five
              29  See also  · 1 see-also topic
              32    Films  · 1 see-also topic

            """)
        let markdown = MarkdownExporter().export(model)
        #expect(markdown.contains("\n###### Deepest\n"))
        #expect(markdown.contains("\n##### Beta five\n"))
        #expect(markdown.hasPrefix("# Nesting levels\n\nThe lead has two lines that form one paragraph.\n"))
    }

    // MARK: - Nothing to classify

    @Test("An article without See also or classifiable lists: no items, and the outputs say so")
    func nothingClassified() throws {
        let model = try Fixtures.load("plain.txt")
        let article = model.article
        #expect(Classifier().classify(article) == [])
        #expect(model.items == [])
        #expect(model.graph.links == [])
        #expect(model.annotationsPath == nil)
        // The lists are there, just not of a kind the explorer cross-links.
        #expect(article.allListItems.map(\.item.line) == [7, 8, 9, 10, 14, 15, 20, 21])
        let lists = article.sections.flatMap(Self.lists)
        #expect(lists.map(\.leadIn) == ["You will need:", nil, nil])
        #expect(LinksFormatter().format(model)
            == "No See-also topics, examples or strategies in 'Bread': no list has a heading or lead-in that names them "
            + "(\"See also\", \"Examples\", \"Strategies\"… in English, French, German, Spanish, Italian, Portuguese, Dutch, "
            + "Russian, Polish, Chinese or Japanese).\n")
        #expect(MarkdownExporter().export(model).hasSuffix(
            "\n## Cross-links\n\nNo See-also topics, examples or strategies were found in this article.\n"))
        #expect(!OutlineFormatter().format(model).contains("·"), "no section shows item counts")
        let document = JSONExporter().document(for: model)
        #expect(document.items.isEmpty && document.links.isEmpty)
        #expect(document.sections.map(\.id) == ["lead", "ingredients", "tools", "baking"])
    }

    /// QA 10c: a "Strategies" list whose items all begin with a dash was said to have no list
    /// that names its kind, which it has.
    @Test("A named list whose items have no names is said to be so, by its heading")
    func unnamedItemsAreExplained() throws {
        let model = try LinkedArticle(article: ArticleParser().parse(
            "= T =\n\n== Intro ==\n- just a list\n\n== Strategies ==\n- – desc only\n- — em only\n", path: "t.txt"))
        #expect(model.items.isEmpty)
        #expect(LinksFormatter().format(model) == "No See-also topics, examples or strategies in 'T': the list under "
            + "'Strategies' has no item with a name (a dash first, \"- – text\", leaves an item without one; a date names no example or strategy).\n")
    }

    @Test("Name – description splits only when the name is short and has no sentence punctuation")
    func itemSplitting() throws {
        let items = try Fixtures.article("plain.txt").allListItems.map(\.item)
        let split = items.map { item in item.name.map { "\($0) | \(item.description ?? "")" } ?? "whole: \(item.text)" }
        #expect(split == [
            "Flour | ground wheat or rye",
            "whole: Water",
            "whole: Salt",
            "whole: Yeast",
            "whole: Oven",
            "whole: Bowl",
            "whole: Mix everything. Knead it – ten minutes",
            "Shape the loaf | then rest it",
        ])
    }

    @Test("A name may hold abbreviations, commas and a closing !; prose with a dash stays one text")
    func namesWithAbbreviations() throws {
        let text = """
            = Councils =
            The St. Petersburg Soviet met the U.S. Army and Yahoo! in Washington, D.C. once.

            == Strategies ==
            - St. Petersburg Soviet – the council of 1905
            - U.S. Army – an army
            - Yahoo! – a company
            - Washington, D.C. – a city
            - Smith Jr. – a person
            - It grew quickly. – and then it stopped
            - Bread, butter, etc. – foods
            - Stop! Go – two sentences
            - Why not? – a question
            - The council met in 1905. It was dissolved – later revived
            - Vol. 3. Part – a volume
            """
        let items = try ArticleParser().parse(text).allListItems.map(\.item)
        #expect(items.map { item in item.name.map { "\($0) | \(item.description ?? "")" } ?? "whole: \(item.text)" } == [
            "St. Petersburg Soviet | the council of 1905",
            "U.S. Army | an army",
            "Yahoo! | a company",
            "Washington, D.C. | a city",
            "Smith Jr. | a person",
            "whole: It grew quickly. – and then it stopped",
            "whole: Bread, butter, etc. – foods",
            "whole: Stop! Go – two sentences",
            "whole: Why not? – a question",
            "whole: The council met in 1905. It was dissolved – later revived",
            "whole: Vol. 3. Part – a volume",
        ])
        // The lead names four of them, and the linker finds each there.
        let model = try LinkedArticle(article: ArticleParser().parse(text))
        let lead = try #require(Self.paragraphs(model.article.sections[0]).first)
        let named = model.mentions(in: lead).flatMap(\.targets).compactMap { id in model.items.first { $0.id == id }?.name }
        #expect(named == ["St. Petersburg Soviet", "U.S. Army", "Yahoo!", "Washington, D.C."])
    }

    @Test("An example is named from its first sentence, and a dash ends its name")
    func exampleNamesStopAtTheSentenceAndTheDash() throws {
        let items = try Classifier().classify(ArticleParser().parse("""
            = Ex =
            Lead.

            == Historical examples ==
            - A sentence ends here. Then another – with a dash.
            - The Paris Commune – 1871, briefly.
            - Libya has been under dual power since 2014.
            - Mt. Everest grew. Then it shrank.
            """))
        // The first names no proper noun, so it is no example (QA 17a); the last is named by
        // its capitalised words, not by the verb after them.
        #expect(items.map(\.name) == ["The Paris Commune", "Libya", "Mt. Everest"])
    }

    /// QA 16: a tab or a second space after the full stop made one sentence of two, and the
    /// evidence of "Beta" held "Alpha is first." too.
    @Test("A tab or several spaces after a full stop end a sentence, as one space does")
    func sentencesAfterTabsAndSpaces() throws {
        let text = "Alpha is first.\tBeta is second.  Gamma is third! \t Delta is fourth."
        #expect(SentenceSplitter.sentences(in: text).map { String(text[$0]) } == [
            "Alpha is first.", "Beta is second.", "Gamma is third!", "Delta is fourth.",
        ])
        let model = try LinkedArticle(article: ArticleParser().parse("= Tabs =\nAlpha is first.\tBeta is second.\nGamma is third.  Delta is fourth.\n\n== See also ==\n- Beta\n- Delta\n"))
        #expect(model.graph.links.compactMap(\.evidence?.text) == ["Beta is second.", "Delta is fourth."])
    }

    /// QA 17a: "about approx. 30,000 workers" was cut after "approx.", and the evidence of
    /// the mention of "General strike" began at "30,000".
    @Test("Lowercase abbreviations before a number or a name end no sentence either")
    func lowercaseAbbreviations() throws {
        let text = "Workers struck in Flint, about approx. 30,000 workers joined the general strike. The union, est. 1935, "
            + "grew; cf. Marx, ed. Engels, vol. 2, pp. 10–12, and Chartists vs. Whigs. It ended."
        #expect(SentenceSplitter.sentences(in: text).map { String(text[$0]) } == [
            "Workers struck in Flint, about approx. 30,000 workers joined the general strike.",
            "The union, est. 1935, grew; cf. Marx, ed. Engels, vol. 2, pp. 10–12, and Chartists vs. Whigs.",
            "It ended.",
        ])
    }

    @Test("A full stop after an abbreviation ends no sentence: the evidence of a mention holds the name")
    func sentencesAroundAbbreviations() throws {
        let text = "The St. Petersburg Soviet met. Later the U.S. Army came (Dr. Who too). It rested in 1905. Then etc. Then (Mr. X) left."
        #expect(SentenceSplitter.sentences(in: text).map { String(text[$0]) } == [
            "The St. Petersburg Soviet met.", "Later the U.S. Army came (Dr. Who too).", "It rested in 1905.",
            "Then etc.", "Then (Mr. X) left.",
        ])
        let model = try LinkedArticle(article: ArticleParser().parse("""
            = Ev =
            The St. Petersburg Soviet met. Later the U.S. Army came.

            == Strategies ==
            - St. Petersburg Soviet – council
            - U.S. Army – army
            """))
        #expect(model.graph.incoming(to: "strategy:st-petersburg-soviet").compactMap(\.evidence?.text) == ["The St. Petersburg Soviet met."])
        #expect(model.graph.incoming(to: "strategy:u-s-army").compactMap(\.evidence?.text) == ["Later the U.S. Army came."])
    }

    // MARK: - Heading spellings

    @Test("==X== headings, with and without spaces, parse like == X ==")
    func compactHeadings() throws {
        let model = try Fixtures.load("compact.txt")
        #expect(model.article.title == "Compact headings")
        #expect(Self.summary(model.article) == [
            "lead|(lead)|1|1|-",
            "first|First|2|3|-",
            "second-level-three|Second level three|3|5|first",
            "spaced|Spaced|2|7|-",
            "mixed-spacing|Mixed spacing|2|9|-",
            "see-also|See also|2|11|-",
        ])
        #expect(Self.paragraphs(model.article.lead).map(\.text) == ["Written without spaces around the heading text."])
        #expect(model.items.map(\.name) == ["Spacing", "Whitespace (typography)"])
        #expect(model.items.allSatisfy { $0.kind == .seeAlso })
    }

    // MARK: - CRLF and BOM

    /// Lines ended by CR alone (classic Mac OS) read as one line, and the error was "missing
    /// title … found '= T =^M^M…'" (QA): it says what the line ends are, and how to convert.
    @Test func crAloneIsSaidForWhatItIs() throws {
        let error = #expect(throws: SourceErrors.self) { try ArticleParser().parse("= T =\r\rLead.\r", path: "mac.txt") }
        #expect(error?.description == "mac.txt:1: its lines end in CR alone (classic Mac OS); seealso reads LF or CRLF line ends (convert with: tr '\\r' '\\n')")
        // One line with a CR at its end is one line.
        #expect(try ArticleParser().parse("= T =\r", path: "one.txt").title == "T")
    }

    @Test("CRLF line ends and a byte-order mark parse exactly like LF without a BOM")
    func crlfAndBOM() throws {
        let bytes = try Fixtures.bytes("crlf-bom.txt")
        // The fixture really has both (a checkout that normalised line ends would void this test).
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(bytes.count(where: { $0 == 0x0D }) == 13)

        let crlf = try ArticleParser().parse(bytes: bytes, path: "a.txt")
        let lfText = String(decoding: bytes.dropFirst(3), as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
        #expect(!lfText.contains("\r"))
        let lf = try ArticleParser().parse(lfText, path: "a.txt")
        #expect(crlf == lf)

        #expect(crlf.title == "Windows article")
        #expect(crlf.flaggedLines == [], "a CR that ends a line is not a control character in the text")
        #expect(Self.summary(crlf) == ["lead|(lead)|1|1|-", "examples|Examples|2|6|-", "see-also|See also|2|11|-"])
        #expect(Self.paragraphs(crlf.lead).map { "\($0.line)-\($0.endLine): \($0.text)" }
            == ["3-4: Written on Windows, with a byte-order mark and CRLF line ends."])
        let model = try LinkedArticle(article: crlf)
        #expect(model.items.map { "\($0.id)|\($0.name)|\($0.description ?? "-")|\($0.line)" } == [
            "example:alpha|Alpha|the first case|8",
            "example:beta|Beta|-|9",
            "see-also:gamma|Gamma|-|12",
            "see-also:alpha|Alpha|-|13",
        ])
        for output in try allOutputs(of: model) {
            #expect(!output.text.contains("\r"), "\(output.name)")
            #expect(!output.text.contains("\u{FEFF}"), "\(output.name)")
            #expect(!output.text.contains("^M"), "\(output.name)")
        }
    }

    // MARK: - Scripts and emoji

    @Test("Cyrillic, CJK and emoji headings and items get unique, non-empty ids; emoji alone, by their names")
    func unicodeText() throws {
        let model = try Fixtures.load("unicode.txt")
        let article = model.article
        #expect(article.title == "Двоевластие и 二重権力")
        #expect(article.sections.map(\.id)
            == ["lead", "история", "歴史", "triangular-flag-on-post", "raised-fist-type-4", "ratedemokratie-und-okonomie", "see-also"])
        #expect(article.sections.map(\.title).dropFirst()
            == ["История", "歴史", "🚩", "✊🏽", "Rätedemokratie und Ökonomie", "See also"])
        #expect(model.items.map(\.id) == [
            "see-also:советская-власть", "see-also:人民公社", "see-also:ratedemokratie", "see-also:family",
            "see-also:triangular-flag-on-post", "see-also:временное-правительство",
        ])
        #expect(model.items.map(\.name) == [
            "Советская власть", "人民公社", "Rätedemokratie", "👨‍👩‍👧 Family", "🚩", "Временное правительство",
        ])
        #expect(model.items.last?.description == "the Provisional Government")
        let ids = article.sections.map(\.id) + model.items.map(\.id)
        #expect(Set(ids).count == ids.count)
        #expect(ids.allSatisfy { !$0.isEmpty && !$0.hasSuffix(":") })
        #expect(article.flaggedLines == [], "emoji joiners and modifiers are not controls")
    }

    /// QA 10a: "- ◌́Комбинирующий – описание." was a paragraph: the space and the mark are one
    /// character, so the line did not start with "- " by characters.
    @Test("A combining mark right after the list marker's space still makes a list item")
    func combiningMarkAfterTheMarker() throws {
        let article = try ArticleParser().parse(
            "= T =\n\n== Cases ==\n- \u{301}Комбинирующий – описание.\n- Обычный – пункт.\n", path: "t.txt")
        let lists = article.sections.flatMap(Self.lists)
        #expect(lists.count == 1)
        #expect(lists.first?.items.map(\.text) == ["\u{301}Комбинирующий – описание.", "Обычный – пункт."])
        #expect(article.sections.flatMap(Self.paragraphs).isEmpty)
    }

    /// QA 10c: "Star Wars: Episode IV – the 1977 film" in See also was named whole (a colon is
    /// no name's by the parser's rule, made against prose), so it did not open the folder's
    /// article "Star Wars: Episode IV". Elsewhere the rule stands.
    @Test("A See-also title with a colon is parted from its description at the dash")
    func seeAlsoTitlesWithColons() throws {
        let model = try LinkedArticle(article: ArticleParser().parse("""
            = Films =

            == Strategies ==
            - Note: knead it – ten minutes

            == See also ==
            - Star Wars: Episode IV – the 1977 film
            - Mission: Impossible
            """, path: "films.txt"))
        #expect(model.items.map(\.name) == ["Note: knead it – ten minutes", "Star Wars: Episode IV", "Mission: Impossible"])
        #expect(model.items.map(\.description) == [nil, "the 1977 film", nil])
    }

    @Test("Mentions in Cyrillic, CJK (between punctuation), of an emoji and without diacritics are detected")
    func unicodeMentions() throws {
        let model = try Fixtures.load("unicode.txt")
        let detected = model.graph.links.filter { $0.origin == .detected }
            .map { "\($0.from) → \($0.to) @\($0.evidence?.line ?? 0)" }
        #expect(detected == [
            "lead → see-also:triangular-flag-on-post @3",
            "история → see-also:временное-правительство @6",
            "歴史 → see-also:人民公社 @9",
            // A heading mentions what it names, where its text does not (QA 17a).
            "triangular-flag-on-post → see-also:triangular-flag-on-post @11",
            "ratedemokratie-und-okonomie → see-also:ratedemokratie @18",
        ])
    }

    @Test("Two ideographs, kana or Hangul syllables are a name to look for; two Latin letters are not")
    func shortNames() throws {
        let model = try LinkedArticle(article: ArticleParser().parse("""
            = Capitals =
            Tokyo (東京), Beijing (北京), 서울 and とうきょう; the UN met us there.

            == See also ==
            - 東京
            - 北京
            - 서울
            - とうきょう
            - UN
            """))
        let lead = try #require(Self.paragraphs(model.article.sections[0]).first)
        #expect(model.mentions(in: lead).map { String(lead.text[$0.range]) } == ["東京", "北京", "서울", "とうきょう"])
    }

    // MARK: - Repeated headings

    @Test("Repeated headings get -2, -3…; 'Lead' and look-alike headings never collide")
    func repeatedHeadings() throws {
        let article = try Fixtures.article("repeated.txt")
        #expect(article.sections.map(\.id) == ["lead", "notes", "notes-2", "notes-3", "lead-2", "notes-4", "notes-5"])
        #expect(article.sections.map(\.title).dropFirst() == ["Notes", "Notes", "Notes", "Lead", "Notes 4", "Notes"])
        #expect(Self.paragraphs(article.sections[6]).map(\.text) == ["Fourth notes."])
    }

    // MARK: - Lead-ins, headings and aliases

    @Test("Lists are classified by lead-in sentence first, then by heading; others stay unclassified")
    func classificationByLeadInAndHeading() throws {
        let model = try Fixtures.load("movements.txt")
        #expect(model.items.map { "\($0.kind.slug)|\($0.name)|\($0.line)" } == [
            "strategy|Mutualism|8",
            "strategy|Platformism|9",
            "strategy|Guild socialism|10",
            "strategy|Cooperative federalism (economics)|11",
            "strategy|Credit union (finance)|15",
            "strategy|Participatory budgeting|16",
            "example|Libya|20",
            "example|Mondragon Corporation|21",
            "example|Rochdale Pioneers|22",
            "example|Paris Commune|25",
            "example|Kerala|26",
            "example|Consumer boycott|35",
            "strategy|Strike fund|38",
            "see-also|Anarcho-syndicalism|40",
            "see-also|Worker cooperative|41",
            "see-also|Marxism–Leninism|42",
            "see-also|Bolshevik|43",
            "see-also|Tunisia|44",
            "see-also|Syndicalism|45",
        ])
        // Line 31 sits under "Further reading", after a paragraph that neither touches it nor
        // announces a list (it ends with "exist", not with "examples" or ':').
        #expect(model.article.allListItems.map(\.item.line).filter { line in !model.items.contains { $0.line == line } } == [31])
        let leadIns = model.article.sections.flatMap(Self.lists).map { $0.leadIn ?? "-" }
        #expect(leadIns == ["-", "Approaches favoured by later cooperators include:", "Notable cases include:", "-", "-",
                            "Examples of it include:", "These were:", "-"])
        // The three dash spellings of `Name – description`.
        #expect(model.items.prefix(3).map { $0.description ?? "-" } == [
            "exchange between producers at cost.",
            "organised anarchist federations, split at an em dash.",
            "industry run by guilds, split at a spaced hyphen.",
        ])
    }

    @Test("Aliases: Libyan/Libya, -ists/-ism, plurals, parentheticals and hyphen for en dash")
    func aliasMentions() throws {
        let model = try Fixtures.load("movements.txt")
        let detected = Set(model.graph.links.filter { $0.origin == .detected }
            .map { "\($0.from) → \($0.to) @\($0.evidence?.line ?? 0)" })
        #expect(detected == [
            "lead → strategy:mutualism @3",                 // mutualists
            "lead → see-also:syndicalism @3",               // syndicalists
            "lead → see-also:bolshevik @3",                 // Bolsheviks
            "lead → see-also:worker-cooperative @3",        // Worker cooperatives
            "lead → strategy:credit-union-finance @3",      // credit unions (name without "(finance)")
            "lead → example:libya @5",                      // Libyan
            "lead → see-also:tunisia @5",                   // Tunisian
            "lead → see-also:marxism-leninism @5",          // Marxism-Leninism with a hyphen
            // Not "Anarcho-syndicalism → Syndicalism" on line 40: an item's own name takes
            // its words, as a longer name does in a paragraph (QA 16).
        ])
        let lead = model.graph.outgoing(from: "lead").filter { $0.origin == .detected && $0.evidence?.line == 3 }
        #expect(Set(lead.compactMap(\.evidence?.text)) == [
            "Cooperative movements have been shaped by mutualists, syndicalists and Bolsheviks alike.",
            "Worker cooperatives and credit unions spread widely.",
        ])
    }

    @Test("Alias spellings generated for a name", arguments: [
        ("Libya", ["libya"], ["libyan", "libyans"]),
        ("Syndicalism", ["syndicalism"], ["syndicalist", "syndicalists"]),
        ("Bolshevik", ["bolshevik"], ["bolsheviks"]),
        ("Credit union (finance)", ["credit", "union", "finance"], ["credit union", "credit unions"]),
        ("Marxism–Leninism", ["marxism", "leninism"], ["marxism leninist"]),
    ])
    func aliasSpellings(name: String, tokens: [String], expected: [String]) {
        let sequences = Aliases.tokenSequences(for: name)
        #expect(sequences.first == tokens, "the name itself comes first")
        for alias in expected {
            #expect(sequences.contains(alias.split(separator: " ").map(String.init)), "\(name) ↛ \(alias)")
        }
        #expect(Tokenizer.tokens(in: "Marxism-Leninism") == Tokenizer.tokens(in: "Marxism–Leninism"))
        #expect(Tokenizer.tokens(in: "Marxism—Leninism") == ["marxism", "leninism"])
    }

    @Test("Aliases stay specific: no match on a different word or a lone stop word")
    func aliasNegatives() throws {
        let model = try Fixtures.load("movements.txt")
        let targets = Set(model.graph.links.filter { $0.origin == .detected }.map(\.to))
        // "cooperatives", "unions", "Cooperative movements" and "anarchist" name nothing here.
        #expect(!targets.contains("strategy:cooperative-federalism-economics"))
        #expect(!targets.contains("strategy:guild-socialism"))
        #expect(!targets.contains("strategy:platformism"))
        #expect(Aliases.tokenSequences(for: "The") == [])
        // Punctuation alone is no name (an emoji alone is one: see ScriptsTests).
        #expect(Aliases.tokenSequences(for: "?!…") == [])
    }

    // MARK: - Curated links beside a fixture

    @Test("A .links.toml beside the article is loaded: every way of naming a node resolves")
    func curatedFixtureLinks() throws {
        let model = try Fixtures.load("movements.txt")
        #expect(model.annotationsPath?.hasSuffix("Fixtures/movements.links.toml") == true)
        let curated = model.graph.links.filter { $0.origin == .curated }
        #expect(curated.map { "\($0.from) -\($0.relation.rawValue)-> \($0.to)" } == [
            "strategy:mutualism -related-> see-also:worker-cooperative",
            "example:kerala -instance-of-> strategy:credit-union-finance",
            "example:libya -analogous-to-> history",
            "see-also:anarcho-syndicalism -described-in-> lead",
        ])
        #expect(curated[1].rationale == "Kerala's cooperative banks are credit unions in all but name.")
        #expect(model.graph.incoming(to: "history").map(\.from) == ["example:libya"])

        // Parsed alone, the same article has no curated links.
        let bare = try LinkedArticle(article: try Fixtures.article("movements.txt"))
        #expect(bare.graph.links.allSatisfy { $0.origin == .detected })
        #expect(bare.graph.links.count == model.graph.links.count - 4)

        let links = LinksFormatter(kinds: [.example], origins: [.curated]).format(model)
        #expect(links.contains("  Kerala  (example:kerala, line 26)\n    → instance-of   Credit union (finance)  [curated] Kerala's cooperative banks are credit unions in all but name.\n"))
        #expect(links.contains("  Libya  (example:libya, line 20)\n    → analogous-to  History  [curated]"))
        #expect(links.contains("  Rochdale Pioneers  (example:rochdale-pioneers, line 22)\n    (no links)\n"))
    }

    // MARK: - Trimming

    @Test("The parser's space trimming matches Foundation's trimmingCharacters(in: .whitespaces)", arguments: [
        "", " ", "\t", "  plain  ", "\t tabbed\t ", "\u{00A0}nbsp\u{00A0}", "\u{3000}全角\u{3000}", "\u{2003}em\u{2009}",
        "keep\r", "\rkeep", "\u{FEFF}bom", "é\u{0301} ", " \u{0301}mark", "inner  spaces stay", "\u{2028}sep\u{2028}",
        "👨‍👩‍👧 ", " Двоевластие ", "\n newline \n",
    ])
    func trimming(text: String) {
        #expect(text.trimmingSpaces() == text.trimmingCharacters(in: .whitespaces))
        #expect(text[...].trimmingSpaces() == text.trimmingCharacters(in: .whitespaces))
    }

    // MARK: - Hostile text

    @Test("Escape sequences, C1, bidi, CR and BS load as written and their lines are flagged")
    func hostileLoads() throws {
        let model = try Fixtures.load("hostile.txt")
        let article = model.article
        #expect(article.title == "Evil \u{1B}]0;pwned\u{07} title")
        #expect(article.flaggedLines == [1, 3, 5, 6, 9, 10, 13, 14, 16, 17])
        #expect(article.sections.map(\.id) == ["lead", "bidi-desrever-heading", "see-also", "strategies-31mred-0m"])
        #expect(Self.paragraphs(article.sections[1]).first?.text
            == "A C1 CSI \u{9B}31m byte, a carriage\rreturn and back\u{08}\u{08}space beside the Plain topic.")
        #expect(model.items.map(\.name) == [
            "Clipboard \u{1B}]52;c;aGk=\u{07} thief", "Right-to-left \u{202E}override\u{202C}", "Tabbed\ttopic",
            "Plain topic", "Line separator\u{2028}here", "Delete \u{7F} char \u{2066}isolate\u{2069}",
            "Escape \u{1B}[1mbold\u{1B}[0m",
        ])
        #expect(model.items.last?.kind == .strategy)
        #expect(model.items.last?.description == "description with a bell\u{07} and \u{9B}2J")
        // Curated names with escapes resolve; the rationale keeps them; mentions are found.
        let curated = model.graph.links.filter { $0.origin == .curated }
        #expect(curated.map { "\($0.from)->\($0.to)" } == [
            "see-also:clipboard-52-c-agk-thief->see-also:plain-topic",
            "strategy:escape-1mbold-0m->bidi-desrever-heading",
        ])
        #expect(curated.first?.rationale?.contains("\u{1B}]52;c;cm0gLXJmIH4=\u{07}") == true)
        let detected = model.graph.links.filter { $0.origin == .detected }.map { "\($0.from)->\($0.to)@\($0.evidence?.line ?? -1)" }
        #expect(detected == ["lead->see-also:plain-topic@3", "bidi-desrever-heading->see-also:plain-topic@6"])
    }

    @Test("No output carries a raw control, C1, bidi or separator scalar", arguments: [
        "hostile.txt", "unicode.txt", "crlf-bom.txt", "movements.txt", "levels.txt", "plain.txt",
    ])
    func outputsAreSafe(fixture: String) throws {
        let model = try Fixtures.load(fixture)
        for output in try allOutputs(of: model) {
            #expect(unsafeScalars(in: output.text) == [], "\(fixture): \(output.name)")
        }
    }

    @Test("Outputs show hostile text as visible replacements, and JSON keeps the exact data")
    func hostileReplacements() throws {
        let model = try Fixtures.load("hostile.txt")
        let outline = OutlineFormatter().format(model)
        #expect(outline.hasPrefix("Evil ^[]0;pwned^G title\n"))
        #expect(outline.contains("\n   5  Bidi \u{FFFD}desrever\u{FFFD} heading\n   8  See also  · 6 see-also topics\n"))
        #expect(outline.hasSuffix("\n  16  Strategies ^[[31mred^[[0m  · 1 strategy\n"))
        let links = LinksFormatter().format(model)
        #expect(links.contains("  Clipboard ^[]52;c;aGk=^G thief  (see-also:clipboard-52-c-agk-thief, line 9)\n"))
        #expect(links.contains("  Tabbed topic  (see-also:tabbed-topic, line 11)\n"))
        #expect(links.contains("a carriage^Mreturn and back^H^Hspace"))
        #expect(links.contains("Delete ^? char \u{FFFD}isolate\u{FFFD}"))
        let markdown = MarkdownExporter().export(model)
        #expect(markdown.hasPrefix("# Evil ^\\[\\]0;pwned^G title\n"))
        let dot = DOTExporter().export(model)
        #expect(dot.hasPrefix("digraph \"Evil ^[]0;pwned^G title\" {\n"))

        let json = try JSONExporter().export(model)
        let document = try JSONDecoder().decode(JSONExporter.Document.self, from: Data(json.utf8))
        #expect(document == JSONExporter().document(for: model), "escaping loses nothing")
        #expect(document.title == "Evil \u{1B}]0;pwned\u{07} title")
        #expect(json.contains(#""title" : "Evil \u001b]0;pwned\u0007 title""#))
        #expect(json.contains(#"Right-to-left \u202Eoverride\u202C"#))
        #expect(json.contains(#"Delete \u007F char \u2066isolate\u2069"#))
    }
}
