import Foundation
import TestSupport
import Testing
@testable import Content

/// Articles written by hand with the usual slips (QA 18a): a list item wrapped without
/// indentation, MediaWiki link brackets, a lead-in in a paragraph of its own, several errors in
/// one file, a Latin-1 character.
@Suite("Hand-written articles")
struct HandWrittenArticleTests {
    static func model(_ text: String, path: String = "t.txt") throws -> LinkedArticle {
        try LinkedArticle(article: ArticleParser().parse(text, path: path))
    }

    /// The problems a parse reports, as printed; [] when the text loads.
    static func problems(_ bytes: [UInt8], path: String) -> [String] {
        do {
            _ = try ArticleParser().parse(bytes: bytes, path: path)
            return []
        } catch {
            return SourceErrors(error)?.listed.map(\.description) ?? ["\(error)"]
        }
    }

    // MARK: - Lazy continuation

    static let wrappedItem = """
        = Diggers =
        Lead.

        == Colonies ==
        Other colonies followed, for example:
        - Wellingborough colony – founded in 1650 by local
        labourers who published a declaration.
        - Cobham Heath colony – a second site in Surrey.
        - Iver colony – in Buckinghamshire.

        """

    /// An unindented line under an item that goes on with its sentence continues it, as
    /// CommonMark's lazy continuation does: it split the list, and the items after it were a
    /// list without a lead-in, so not examples.
    @Test("An item wrapped without indentation goes on to its next line, and the list stays whole")
    func unindentedContinuation() throws {
        let model = try Self.model(Self.wrappedItem)
        #expect(model.items.map { "\($0.kind.slug)|\($0.name)|\($0.line)" } == [
            "example|Wellingborough colony|6", "example|Cobham Heath colony|8", "example|Iver colony|9",
        ])
        #expect(model.items.first?.description == "founded in 1650 by local labourers who published a declaration.")
        let colonies = model.article.sections[1]
        #expect(colonies.blocks.count == 2, "the lead-in paragraph and one list: no paragraph for line 7")
        let first = try #require(model.article.allListItems.first?.item)
        #expect(first.lineStarts == [0, "Wellingborough colony – founded in 1650 by local ".utf8.count])
    }

    @Test("A blank line, a heading or a new item still ends an item")
    func continuationEnds() throws {
        let model = try Self.model("= T =\n\n== Strategies ==\n- Alpha – one\n- Beta – two\n\nAfter the list.\n== Next ==\ntext\n")
        #expect(model.items.map { $0.description ?? "-" } == ["one", "two"])
        let paragraphs = model.article.sections[1].blocks.compactMap { block -> String? in
            if case .paragraph(let paragraph) = block { paragraph.text } else { nil }
        }
        #expect(paragraphs == ["After the list."])
    }

    /// A line right under an item that starts a sentence of its own is no part of the item
    /// (QA 19b, after the first lazy continuation took every line): a lead-in for the next
    /// list, a sentence after a list, a numbered line.
    @Test("A lead-in, a sentence or a numbered line right under an item starts a paragraph")
    func unindentedLinesThatAreNoContinuation() throws {
        let twoLists = try Self.model("""
            = Labour movement =
            Intro.

            == Methods ==
            Historical examples of unions include:
            - Knights of Labor
            - Industrial Workers of the World
            Their main strategies were:
            - Strike – stopping work
            - Boycott – refusing to buy
            """)
        #expect(twoLists.items.map { "\($0.kind.slug)|\($0.name)" } == [
            "example|Knights of Labor", "example|Industrial Workers of the World", "strategy|Strike", "strategy|Boycott",
        ])
        let after = try Self.model("""
            = Chartism =
            Lead.

            == Strategies ==
            - Mass petition – signatures by the million
            The six points were published in May 1838.
            1. Numbered thing
            """)
        #expect(after.items.map(\.description) == ["signatures by the million"])
        // Where the item's line cannot end, a capitalised line goes on with it.
        let name = try Self.model("= T =\n\n== Strategies ==\n- Occupation – led by\nGerrard Winstanley and others.\n")
        #expect(name.items.map(\.description) == ["led by Gerrard Winstanley and others."])
    }

    /// QA 38: an item wrapped inside a quotation (`– "Black` over `Repartition", led by…`) lost
    /// its second line to a paragraph, and the mention of Black Repartition with it.
    @Test("A line under an item that leaves a quotation or a bracket open goes on with it",
          arguments: ["\"Black", "“Black", "(the Black", "[[Black"])
    func openQuotationContinues(opening: String) throws {
        let closing = opening.hasPrefix("[[") ? "]]" : opening.hasPrefix("(") ? ")" : opening.hasPrefix("“") ? "”" : "\""
        let model = try Self.model("""
            = Narodniks =
            Lead.

            == Historical examples ==
            - Chorny peredel – \(opening)
            Repartition\(closing), led by Georgi Plekhanov from 1879.
            - Chigirin affair – a failed rising in 1877.

            == See also ==
            - Black Repartition
            """)
        #expect(model.items.filter { $0.kind == .example }.map(\.name) == ["Chorny peredel", "Chigirin affair"])
        let peredel = try #require(model.items.first)
        #expect(peredel.description?.hasSuffix("led by Georgi Plekhanov from 1879.") == true)
        let topic = try #require(model.items.first { $0.kind == .seeAlso })
        #expect(model.graph.incoming(to: topic.id).map(\.from) == [peredel.id], "the quotation mentions the topic")
        // Closed on its own line, the next line that starts a sentence is a paragraph again.
        let closed = try Self.model("= T =\n\n== Strategies ==\n- Occupation – \"taking\" the land\nThe Diggers did so.\n")
        #expect(closed.items.map(\.description) == ["\"taking\" the land"])
    }

    /// The QA 38 article wrapped with `fold -s -w 45`: "- In 2019, the Sudanese Professionals"
    /// over "Association called a general strike in Khartoum." named "Sudanese Professionals",
    /// and the rest of the item was a paragraph.
    static let foldedArticle = """
        = General strike =

        A general strike is a strike action in which
        a substantial proportion of the total labour
        force in a city, region or country takes
        part. Such strikes have been used by workers
        and their unions across many countries.

        == Historical examples ==

        - The Seattle strike committee ran the city
        for five days in February 1919.
        - In 2019, the Sudanese Professionals
        Association called a general strike in
        Khartoum.
        - Winnipeg general strike – the city stopped
        for six weeks in 1919.
        Their main strategies were:
        - Mass strike – all trades at once.

        """

    @Test("In a file wrapped at a margin, an item's line cut short by a word that did not fit goes on")
    func hardWrappedItemsContinue() throws {
        // Its longest line, "a substantial proportion of the total labour".
        #expect(HardWrap.margin(of: Array(Self.foldedArticle.utf8)) == 44)
        let model = try Self.model(Self.foldedArticle)
        #expect(model.items.map { "\($0.kind.slug)|\($0.name)" } == [
            "example|Seattle strike committee", "example|Sudanese Professionals Association", "example|Winnipeg general strike",
            "strategy|Mass strike",
        ])
        let sudanese = try #require(model.items.first { $0.name.hasPrefix("Sudanese") })
        #expect(sudanese.text == "In 2019, the Sudanese Professionals Association called a general strike in Khartoum.")
        // "for six weeks in 1919." ends a sentence: the lead-in under it is no part of the item.
        #expect(model.items.first { $0.name.hasPrefix("Winnipeg") }?.description == "the city stopped for six weeks in 1919.")
    }

    @Test("Text with a line for each paragraph has no margin; nor has a short file")
    func noMarginWithoutWrapping() throws {
        let unwrapped = try String(contentsOf: LinkedFolder.repository.appendingPathComponent("assets/dual-power.txt"), encoding: .utf8)
        #expect(HardWrap.margin(of: Array(unwrapped.utf8)) == nil)
        #expect(HardWrap.margin(of: Array("= T =\n- Industrial Workers of the World\nTheir main strategies were:\n".utf8)) == nil)
    }

    /// A heading that names a kind outweighs a lead-in apart from its list that does not end
    /// with ':' (QA 19b: "… tried many approaches." above a list under "Historical examples"
    /// made its examples strategies); without such a heading the lead-in decides (QA 18a).
    @Test("A lead-in apart from its list gives way to a heading that names a kind")
    func headingOutweighsALeadInApart() throws {
        let model = try Self.model("""
            = Strikes =
            Lead.

            == Historical examples ==
            Over two centuries, workers tried many approaches.

            - The Seattle General Strike of 1919 lasted five days.

            == Tactics ==
            Organisers have drawn on many historical examples.

            - Picketing – standing outside workplaces

            == Activities ==
            The Diggers used several strategies.

            - Land occupation – digging.

            == Historical cases ==
            The strikers of those years used these tactics:

            - Sit-down – staying at work
            """)
        // The last ends with ':', so it still outweighs the heading, as it did before.
        #expect(model.items.map { "\($0.kind.slug)|\($0.name)" } == [
            "example|Seattle General Strike of 1919", "strategy|Picketing", "strategy|Land occupation", "strategy|Sit-down",
        ])
    }

    /// QA 40: "- " in a list was a paragraph "-" between two lists, which the reader showed.
    @Test("A marker with nothing after it, in a list, is no entry and no break in the list")
    func loneMarkerInAList() throws {
        let model = try Self.model("= Strikes =\r\nText.\r\n\r\n== Notable examples ==\r\n- Chartism – a movement\r\n- \r\n"
                                   + "*\r\n- Syndicalism – a movement\r\n\r\n== See also ==\r\n- Luddites\r\n-   \r\n- Diggers\r\n")
        let blocks = model.article.sections.map { section in
            section.blocks.map { block -> String in
                switch block {
                case .paragraph(let paragraph): return "paragraph: " + paragraph.text
                case .list(let list): return "list: " + list.items.map(\.text).joined(separator: " | ")
                }
            }
        }
        #expect(blocks == [["paragraph: Text."], ["list: Chartism – a movement | Syndicalism – a movement"], ["list: Luddites | Diggers"]])
        #expect(model.items.map { "\($0.kind.slug)|\($0.name)" } == ["example|Chartism", "example|Syndicalism", "see-also|Luddites", "see-also|Diggers"])
        // Alone, not in a list, it is text as before.
        let alone = try Self.model("= T =\n\n-\n")
        #expect(alone.article.sections[0].blocks.count == 1)
    }

    // MARK: - MediaWiki links

    static let wikiSeeAlso = """
        = Levellers =
        The Levellers and the Diggers.

        == Tactics ==
        - [[Petition]] – mass petitions to Parliament.

        == See also ==
        - [[Diggers]]
        - [[Ranters|the Ranters]]
        - [[True Levellers#Name|True Levellers]] – another name of the Diggers
        - Fifth Monarchists
        - [[Luddite_movement]]

        """

    /// `[[Target]]` and `[[Target|label]]` link to Target in MediaWiki: the entry names that
    /// article, and a folder's article of that title is linked (its title was `[[Diggers]]`).
    @Test("MediaWiki link brackets around an entry's name are no part of it")
    func wikiLinks() throws {
        let model = try Self.model(Self.wikiSeeAlso)
        #expect(model.items.map { "\($0.id)|\($0.name)|\($0.description ?? "-")" } == [
            "strategy:petition|Petition|mass petitions to Parliament.",
            "see-also:diggers|Diggers|-",
            "see-also:ranters|Ranters|-",
            "see-also:true-levellers|True Levellers|another name of the Diggers",
            "see-also:fifth-monarchists|Fifth Monarchists|-",
            // MediaWiki reads an underscore in a target as a space (QA 19b).
            "see-also:luddite-movement|Luddite movement|-",
        ])
        // Brackets inside a longer text are prose, as written.
        let prose = try Self.model("= T =\n\n== See also ==\n- The [[Diggers]] and others\n- [[]]\n")
        #expect(prose.items.map(\.name) == ["The [[Diggers]] and others", "[[]]"])
    }

    /// QA 35: `- Syndicalism.` had "Syndicalism." for a description, and `- "Bloody Sunday" –
    /// 1905.` was named with its quotes, no namesake of the topic Bloody Sunday.
    @Test("A full stop after a See-also title is no description; quotes around a name are no part of it")
    func fullStopsAndQuotes() throws {
        let model = try Self.model("""
            = T =

            == Historical examples ==
            - "Bloody Sunday" – 1905.
            - \u{201E}Novemberrevolution\u{201C} – 1918.
            - "Bread" and "Roses" – a slogan.

            == See also ==
            - Syndicalism.
            - Bloody Sunday
            - \u{AB} Commune \u{BB}

            """)
        #expect(model.items.map { "\($0.id)|\($0.name)|\($0.description ?? "-")" } == [
            "example:bloody-sunday|Bloody Sunday|1905.",
            "example:novemberrevolution|Novemberrevolution|1918.",
            "example:bread-and-roses|\"Bread\" and \"Roses\"|a slogan.",
            "see-also:syndicalism|Syndicalism|-",
            "see-also:bloody-sunday|Bloody Sunday|-",
            "see-also:commune|\u{AB} Commune \u{BB}|-",
        ])
        #expect(model.graph.links.contains { $0.from == "see-also:bloody-sunday" && $0.to == "example:bloody-sunday" })
    }

    /// QA 35: examples as Wikipedia writes them were named by their first word ("Montgomery",
    /// "Hungarian"), which then mentioned every "Montgomery" of the article, or were no
    /// example at all (a year before the name, a date without a comma before the subject).
    @Test("A bracket or a preposition ends a name's nouns; a year may open a name; a short date needs no comma")
    func namesAfterQA35() throws {
        let model = try Self.model("""
            = Nonviolence =

            Montgomery remained segregated, Hungarian nobles kept their estates, and Serbia joined no alliance.

            == Historical cases ==
            Notable cases include:

            - The Montgomery bus boycott (1955–1956) ended segregation on the city's buses.
            - The Hungarian passive resistance under Ferenc Deák won the Compromise of 1867.
            - The Seattle general strike [1] was peaceful.
            - The 1926 United Kingdom general strike was called by the Trades Union Congress.
            - The 1905 Russian Revolution began with Bloody Sunday.
            - In 1844 the Rochdale Pioneers opened their store.
            - On 15 May 1919 the Winnipeg general strike began.
            - In May 1968 students occupied the Sorbonne.
            - The 1926 strike failed.
            - In Serbia, the student movement Otpor helped bring down Milošević in 2000.
            - In Paris, workers in the Commune rose.

            """)
        #expect(model.items.map(\.name) == [
            "Montgomery bus boycott", "Hungarian passive resistance", "Seattle general strike", "1926 United Kingdom general strike",
            "1905 Russian Revolution", "Rochdale Pioneers", "Winnipeg general strike",
            // A name after the subject's nouns is its name; a subject without one leaves the
            // leading phrase's.
            "Otpor", "Paris",
        ])
        // The lead's "Montgomery" and "Hungarian" are no mentions of them.
        #expect(!model.graph.links.contains { $0.from == "lead" })
    }

    /// QA 36, a re-test of round 35's rules: a date without a comma named places ("In 1871
    /// Paris rose…" was "Paris", then mentioned by every Paris), a date written month first
    /// gave "1886 the Haymarket affair", an apposition took the verb after it, a month and a
    /// bibliography were examples, a dash inside brackets split a name, and two words with a
    /// full stop were named by the first.
    @Test("Dates, appositions, brackets and back matter after QA 36")
    func namesAfterQA36() throws {
        let model = try Self.model("""
            = Protest =

            Paris, Seattle, Chicago and Smith; a flight, a revolution and passive people.

            == Historical examples ==
            - In 1871 Paris rose against the national government.
            - In 1919 a general strike shut down Seattle.
            - On May 4, 1886 the Haymarket affair began in Chicago.
            - On 22 January 1905 (9 January) the Bloody Sunday massacre took place.
            - In May the workers of Chicago struck.
            - On Monday, 1 May 1933 the workers marched.
            - In Poland, the trade union Solidarity organised strikes in 1980.
            - In Italy, the factory councils of Turin occupied the plants in 1920.
            - Passive resistance.
            - The March on Rome brought Mussolini to power in 1922.
            - The Flight to Varennes failed in 1791.
            - The Rose Revolution of November 2003 removed Shevardnadze.
            - The Salt March (12 March – 6 April 1930) was led by Gandhi.
            - Montgomery bus boycott (December 1955 – December 1956) – a boycott.
            - \u{2018}Bloody Friday\u{2019} – 1972.
            - The Ludlow Massacre on April 20, 1914 killed striking miners.
            - Between 1918 and 1920 the German Revolution spread.

            ==== Sources ====
            - Smith, J. (1999). Strikes. London: Verso.

            == See also ==
            - [[Agitator]]s

            """)
        #expect(model.items.map { "\($0.name)|\($0.description ?? "-")" } == [
            "Haymarket affair|On May 4, 1886 the Haymarket affair began in Chicago.",
            "Bloody Sunday massacre|On 22 January 1905 (9 January) the Bloody Sunday massacre took place.",
            "Solidarity|In Poland, the trade union Solidarity organised strikes in 1980.",
            "Italy|In Italy, the factory councils of Turin occupied the plants in 1920.",
            "Passive resistance|-",
            "March on Rome|The March on Rome brought Mussolini to power in 1922.",
            "Flight to Varennes|The Flight to Varennes failed in 1791.",
            "Rose Revolution|The Rose Revolution of November 2003 removed Shevardnadze.",
            "Salt March|The Salt March (12 March – 6 April 1930) was led by Gandhi.",
            "Montgomery bus boycott|a boycott.",
            "Bloody Friday|1972.",
            // QA 37: "on" before a date is the date's; dates joined by "and".
            "Ludlow Massacre|The Ludlow Massacre on April 20, 1914 killed striking miners.",
            "German Revolution|Between 1918 and 1920 the German Revolution spread.",
            "Agitators|-",
        ])
        // None of Paris, Seattle, Chicago or Smith is an example the lead mentions.
        #expect(!model.graph.links.contains { $0.from == "lead" && $0.to.hasPrefix("example:") })
    }

    /// QA 35: a section's text that ends announcing examples, with the lists in subsections
    /// under it, gave them no kind: fourteen examples lost, and the links file that named one
    /// failed to load.
    @Test("Subsections under a section whose text announces a kind in the plural have that kind")
    func announcedSubsections() throws {
        let model = try Self.model("""
            = General strike =

            A general strike.

            == Notable general strikes ==
            The following are among the best-known examples.

            === Interwar period ===
            - Kapp Putsch general strike – 1920.

            === Postwar ===
            - Winter of Discontent – 1978.

            == History ==
            Some strategies were used. Strikes happened.

            === Early ===
            - Luddites – machine breakers.

            """)
        #expect(model.items.map(\.id) == ["example:kapp-putsch-general-strike", "example:winter-of-discontent"])
    }

    /// QA 40: a link in a heading or the title line was shown with its brackets and pipe in
    /// the outline, the reader and `outline`, where the same link in a paragraph reads as its
    /// label. A heading that would read as nothing keeps its text.
    @Test("A link in a heading or the title line reads as it shows")
    func linksInHeadings() throws {
        let model = try Self.model("""
            = The [[Paris Commune|Commune]] story =
            The commune rose.

            == [[Paris Commune]] and after ==
            Text.

            === The [[Leveller]]s ===
            Text.

            == [[Category:Strikes]] ==
            Text.

            == See also ==
            - Paris Commune

            """)
        #expect(model.article.title == "The Commune story")
        #expect(model.article.sections.dropFirst().map { "\($0.id)|\($0.title)" } == [
            "paris-commune-and-after|Paris Commune and after", "the-levellers|The Levellers",
            "category-strikes|[[Category:Strikes]]", "see-also|See also",
        ])
        // The heading still mentions the topic, by the words it shows.
        #expect(model.graph.links.contains { $0.from == "paris-commune-and-after" && $0.to == "see-also:paris-commune" })
    }

    /// An entry that is one link reads its title by the rules a link in prose is read by (one
    /// reader of titles for both): a leading colon links the page itself, and brackets, braces
    /// or angle brackets in a title make no link. A page of another namespace is named, as it
    /// is an entry of its own, where in prose it links no article.
    @Test("An entry that is one link is named by its title as a link in prose reads it")
    func wholeLinkTitles() throws {
        let model = try Self.model("""
            = T =

            == See also ==
            - [[:Category:Anarchism]]
            - [[Portal:Anarchism]]
            - [[Syndicalism#History|history of syndicalism]]
            - [[A {b}]]
            - [[#Diggers]]

            """)
        #expect(model.items.map(\.name) == ["Category:Anarchism", "Portal:Anarchism", "Syndicalism", "[[A {b}]]", "[[#Diggers]]"])
    }

    /// A link among the words mentions what its target names, whatever its label says; the
    /// words inside it are no mentions of their own (QA 31 left `[[Luddite_movement]]` in
    /// prose unlinked, and `[[Levellers|Leveller]]s` counted twice).
    @Test("A MediaWiki link in prose mentions its target")
    func wikiLinksInProse() throws {
        let model = try Self.model("""
            = Prose =

            == Practice ==
            The [[Diggers|digging folk]] and [[Luddite_movement]] met; [[Foo|the Ranters]] did not.
            The [[Revolutionary Catalonia|region]] collectivised. Paris [[Commune]] rose.
            A stray [[ opens nothing. [[Levellers#Name|Leveller]]s argued.
            None of [[Category:Diggers]], [[File:Diggers.png|thumb|Ranters]], [[#Diggers]], [[w:Diggers|x]] or [[|Diggers]] is.

            == See also ==
            - Diggers
            - Luddite movement
            - Ranters
            - Catalonia
            - Levellers
            - Paris Commune
            - Commune

            """)
        let practice = try #require(model.article.sections.first { $0.title == "Practice" })
        guard case .paragraph(let paragraph) = practice.blocks.first else { Issue.record("no paragraph"); return }
        let mentions = model.mentions(in: paragraph)
        #expect(mentions.map { "\(paragraph.text[$0.range])>\($0.targets.joined(separator: ","))" } == [
            "[[Diggers|digging folk]]>see-also:diggers",
            "[[Luddite_movement]]>see-also:luddite-movement",
            "[[Revolutionary Catalonia|region]]>see-also:catalonia",
            "[[Commune]]>see-also:commune",
            "[[Levellers#Name|Leveller]]s>see-also:levellers",
        ])
        // QA 33: a category, a file, a section of this page, another wiki and no target link
        // to no article of these, and their words are no mentions either: the list above has
        // the one Diggers link of the paragraph.
        let linked = Set(model.graph.links.filter { $0.from == practice.id }.map(\.to))
        #expect(!linked.contains("see-also:ranters"))
        #expect(!linked.contains("see-also:paris-commune"))
    }

    /// QA 32: articles written as encyclopedias write them, and what their items were named.
    static let encyclopedic = """
        = E =

        The lead names Rojava and Hungary. The Winnipeg general strike of May and June 1919 lasted.

        == Historical examples ==
        - Rojava's autonomous administration federates communes.
        - Across Hungary in 1956, factories elected workers' councils.
        - Among the miners of Asturias in 1934, revolutionary committees took power.
        - The Winnipeg general strike of 1919 was put down by the state.
        - The workers—who had struck for weeks—won.
        - The [[Ranters]] – a sect.
        - [[Levellers|Leveller]]s – the party.
        - The Seattle General Strike—the first of its kind—began in 1919.
        - Women's suffrage movement grew after 1900.
        - Hungary's 1956 revolution failed.
        - The [[Ranter]]s argued for free love in 1650.
        - [[Leveller]]s' petition – a document.
        - [[Diggers#Name]]s – the True Levellers.
        - Kronstadt's sailors' soviets rose in 1921.

        === Italy ===
        - Biennio Rosso – two red years.

        == Strategies ==
        - Alpha\t—\tfirst.
        - Beta\u{A0}– second.
        - Gamma\u{2009}—\u{2009}third.

        == See also ==
        - Star Wars: Episode IV—the 1977 film

        """

    @Test("Examples and strategies named as an encyclopedia writes them")
    func encyclopedicNames() throws {
        let model = try Self.model(Self.encyclopedic)
        #expect(model.items.map { "\($0.id)|\($0.name)|\($0.description ?? "-")" } == [
            // A possessive before a lowercase word is no part of the name.
            "example:rojava|Rojava|Rojava's autonomous administration federates communes.",
            // Phrases of place before the subject, as "In 2019," is.
            "example:hungary|Hungary|Across Hungary in 1956, factories elected workers' councils.",
            "example:asturias|Asturias|Among the miners of Asturias in 1934, revolutionary committees took power.",
            "example:winnipeg-general-strike-of-1919|Winnipeg general strike of 1919|The Winnipeg general strike of 1919 was put down by the state.",
            // A link among a name's words is its target; an em-dash pair sets a clause apart.
            "example:the-ranters|The Ranters|a sect.",
            // The link's target, not its label with the trail ("Levellerss", QA 33).
            "example:levellers|Levellers|the party.",
            // QA 33: an em-dash pair ends the subject; a possessive with nouns after it stays.
            "example:seattle-general-strike|Seattle General Strike|The Seattle General Strike—the first of its kind—began in 1919.",
            "example:womens-suffrage-movement|Women's suffrage movement|Women's suffrage movement grew after 1900.",
            "example:hungary-2|Hungary|Hungary's 1956 revolution failed.",
            // A link not piped reads as it shows, trail and all (QA 34: "Ranter", "Leveller' petition").
            "example:ranters|Ranters|The [[Ranter]]s argued for free love in 1650.",
            "example:levellers-petition|Levellers' petition|a document.",
            // A section after the target: the trail is the section's ("Diggers#Names" shows), so
            // the target names it, as a piped link's does (it was "Diggerss").
            "example:diggers|Diggers|the True Levellers.",
            // A plural's possessive among the nouns keeps its apostrophe (QA 34: "sailors soviets").
            "example:kronstadts-sailors-soviets|Kronstadt's sailors' soviets|Kronstadt's sailors' soviets rose in 1921.",
            // A subsection of "Historical examples" holds examples.
            "example:biennio-rosso|Biennio Rosso|two red years.",
            // A tab, a no-break space or a thin space around the dash is no part of the name.
            "strategy:alpha|Alpha|first.",
            "strategy:beta|Beta|second.",
            "strategy:gamma|Gamma|third.",
            // A title with a colon, and an unspaced em dash.
            "see-also:star-wars-episode-iv|Star Wars: Episode IV|the 1977 film",
        ])
        // A name without its year is mentioned too.
        let lead = model.graph.links.filter { $0.from == "lead" }.map(\.to)
        #expect(lead.contains("example:winnipeg-general-strike-of-1919"))
        #expect(lead.contains("example:rojava") && lead.contains("example:hungary"))
    }

    @Test("A See-also entry in link brackets links the folder's article of that title")
    func wikiLinkInFolder() throws {
        try withTemporaryDirectory { folder in
            try Self.wikiSeeAlso.write(to: folder.appendingPathComponent("levellers.txt"), atomically: true, encoding: .utf8)
            try "= Diggers =\nThe Diggers dug.\n".write(to: folder.appendingPathComponent("diggers.txt"), atomically: true, encoding: .utf8)
            try "= Ranters =\nThe Ranters.\n".write(to: folder.appendingPathComponent("ranters.txt"), atomically: true, encoding: .utf8)
            let corpus = try Corpus.load(directory: folder.path)
            let levellers = try #require(corpus.articles.firstIndex { $0.article.title == "Levellers" })
            let resolved = corpus.resolvedSeeAlso(of: levellers).mapValues { corpus.articles[$0].article.title }
            #expect(resolved == ["see-also:diggers": "Diggers", "see-also:ranters": "Ranters"])
        }
    }

    // MARK: - A lead-in in a paragraph of its own

    /// Wikipedia often writes the sentence that introduces a list as a paragraph of its own.
    @Test("A paragraph before a list, a blank line between, introduces it when its last sentence announces it",
          arguments: [
              ("The Diggers used several strategies.", "strategy"),
              ("They dug the commons in 1649. Soon they had several methods.", "strategy"),
              ("Notable examples include the following.", "example"),
              ("Their tactics were as follows.", "strategy"),
              ("Several cases are described below.", "example"),
              ("The Diggers used several strategies:", "strategy"),
          ])
    func separatedLeadIn(paragraph: String, kind: String) throws {
        let text = "= Diggers =\nLead.\n\n== Activities ==\n\(paragraph)\n\n- Land occupation – digging.\n- Pamphleteering – tracts.\n"
        let model = try Self.model(text)
        #expect(model.items.map { "\($0.kind.slug)|\($0.name)" } == ["\(kind)|Land occupation", "\(kind)|Pamphleteering"])
    }

    /// A kind word elsewhere in the paragraph, or in the singular at its end, says nothing of
    /// the list after it.
    @Test("A paragraph before a list, a blank line between, that does not announce it is no lead-in", arguments: [
        "Many examples of writing exist.",
        "The strategy of the Diggers was debated for years, and historians still disagree about it.",
        "Historians dispute the Diggers' strategy.",
        "Their methods spread. Winstanley wrote about the colony.",
        "This was not the case.",
    ])
    func separatedNonLeadIn(paragraph: String) throws {
        let text = "= Diggers =\nLead.\n\n== Activities ==\n\(paragraph)\n\n- Land occupation – digging.\n- Pamphleteering – tracts.\n"
        #expect(try Self.model(text).items.isEmpty)
    }

    // MARK: - Every error of a file

    @Test("Every problem of an article is reported, each at its line, in line order")
    func everyProblem() throws {
        let text = "= Diggers =\nLead.\n\n== History =\nx\n\n======= Deep =======\ny\n\n== Legacy == z\n"
        #expect(Self.problems(Array(text.utf8), path: "multi.txt") == [
            "multi.txt:4: unbalanced heading: 2 '=' before the text and 1 after",
            "multi.txt:7: heading level 7 is deeper than 6 (at most '======')",
            "multi.txt:10: text after the heading's closing '==': 'z'",
        ])
        // A missing title is said once; a title further down is still taken as the title.
        #expect(Self.problems(Array("Draft notes\n= Diggers =\n\n== A =\n".utf8), path: "m.txt") == [
            "m.txt:1: missing title: an article starts with a line '= Title =', found 'Draft notes'",
            "m.txt:4: unbalanced heading: 2 '=' before the text and 1 after",
        ])
        // The explorer's one-line message: the first, and how many more.
        do {
            _ = try ArticleParser().parse(text, path: "multi.txt")
        } catch {
            #expect("\(error)" == "multi.txt:4: unbalanced heading: 2 '=' before the text and 1 after (and 2 more problems)")
        }
    }

    @Test("Past 20 problems, one more line says how many more there are, from where")
    func problemsAreCapped() throws {
        let headings = (1...25).map { "== Heading \($0) =\ntext" }.joined(separator: "\n")
        let problems = Self.problems(Array("= T =\n\(headings)\n".utf8), path: "many.txt")
        try #require(problems.count == 21)
        #expect(problems[19] == "many.txt:40: unbalanced heading: 2 '=' before the text and 1 after")
        #expect(problems[20] == "many.txt:42: … and 5 more problems from this line on")
    }

    @Test("The command line prints every problem of an article, status 65")
    func everyProblemOnTheCommandLine() throws {
        try withTemporaryDirectory { folder in
            let file = folder.appendingPathComponent("multi.txt")
            try "= Diggers =\nLead.\n\n== History =\nx\n\n== Legacy == z\n".write(to: file, atomically: true, encoding: .utf8)
            let result = try CLI.run(["outline", file.path])
            #expect(result.status == 65)
            #expect(result.stderr == "seealso: \(file.path):4: unbalanced heading: 2 '=' before the text and 1 after\n"
                + "seealso: \(file.path):7: text after the heading's closing '==': 'z'\n")
        }
    }

    // MARK: - Invalid UTF-8

    /// Where the bad byte is, counted in bytes and said so (a column was taken for characters),
    /// and what to do: convert a Latin-1 file, retype a character pasted into a UTF-8 one
    /// (converting it would garble its UTF-8 text).
    @Test("Invalid UTF-8 is placed by byte and comes with what to do", arguments: [
        (Array("= D =\nx\n\n".utf8) + [0xC3, 0xA9, 0x74, 0xE9, 0x20, 0xE9, 0x0A],
         "l3.txt:4: invalid UTF-8: byte 0xE9 at byte 4 of the line ('é' in Windows-1252, among UTF-8 text: retype it)"),
        (Array("= Caf".utf8) + [0xE9] + Array(" =\nUn caf".utf8) + [0xE9, 0x0A],
         "l3.txt:1: invalid UTF-8: byte 0xE9 at byte 6 of the line (Latin-1 or Windows-1252? convert with: iconv -f WINDOWS-1252 -t UTF-8)"),
    ] as [([UInt8], String)])
    func invalidUTF8(bytes: [UInt8], first: String) throws {
        #expect(Self.problems(bytes, path: "l3.txt").first == first)
    }

    @Test("Each line with a bad byte is reported; the advice is given once")
    func invalidUTF8OnSeveralLines() throws {
        let bytes = Array("= Caf".utf8) + [0xE9] + Array(" =\nUn caf".utf8) + [0xE9, 0x0A]
        #expect(Self.problems(bytes, path: "c.txt") == [
            "c.txt:1: invalid UTF-8: byte 0xE9 at byte 6 of the line (Latin-1 or Windows-1252? convert with: iconv -f WINDOWS-1252 -t UTF-8)",
            "c.txt:2: invalid UTF-8: byte 0xE9 at byte 7 of the line",
        ])
    }
}

/// The folder index keeps a file's first problem with how many follow (`SourceErrors.summary`);
/// what says them tells such a summary from a problem that is whole (a links file's).
@Suite("Summaries of problems")
struct ProblemSummaryTests {
    @Test func aSummaryIsToldFromAWholeProblem() {
        let three = SourceErrors((1...3).map { SourceError(path: "b.txt", line: $0 * 2, message: "problem \($0)") })
        #expect(three.summary.message == "problem 1 (and 2 more problems)")
        #expect(SourceErrors.summarizesMore(three.summary))
        // As an index made before "problem" was said keeps it, and of one more.
        #expect(SourceErrors.summarizesMore(SourceError(path: "b.txt", line: 2, message: "problem 1 (and 2 more)")))
        #expect(SourceErrors(Array(three.errors.prefix(2))).summary.message == "problem 1 (and 1 more problem)")
        #expect(!SourceErrors.summarizesMore(SourceErrors([SourceError(path: "b.txt", line: 1, message: "one")]).summary))
        #expect(!SourceErrors.summarizesMore(SourceError(path: "t.links.toml", line: 2, message: "a name (and more)")))
        #expect(!SourceErrors.summarizesMore(SourceError(path: "t.txt", line: 2, message: "heading (and some more)")))
    }
}
