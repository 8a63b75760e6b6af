import Testing
@testable import Content

/// An example listed without a dash is named by the proper noun its sentence is about, or
/// by nothing: QA 17a found entries named by a whole sentence ("In 2019, the Sudanese
/// …"), by a sentence's first word ("Workers", which every "workers" then mentioned) or by
/// a phrase running into the verb ("Rosa Luxemburg described the Russian strikes of 1905").
@Suite("Examples written as sentences, without a dash")
struct DashlessExampleTests {
    static let article = """
        = General strike =

        A general strike is a strike action in which participants cease all economic activity.

        == Strategy ==

        Tactics commonly used in general strikes include:
        - Mass picketing – large numbers of strikers gather at workplaces to prevent strikebreakers from entering.
        - Occupation – workers remain inside the workplace so that it cannot be reopened with other labour.

        == Notable general strikes ==

        Examples of general strikes include:
        - February strike – a 1941 strike in Amsterdam against the German occupation and its persecution of Jews.
        - In 2019, the Sudanese Professionals Association called a general strike that helped bring down Omar al-Bashir.
        - During the Russian Revolution of 1905, a general strike spread from Saint Petersburg to the whole empire.
        - Ten days after the Kapp Putsch of 1920, a general strike called by the trade unions brought down the putschists.
        - A general strike in Barcelona in 1919, known as the La Canadenca strike, won the eight-hour day.
        - Workers in Seattle struck for five days in February 1919.
        - Rosa Luxemburg described the Russian strikes of 1905 in The Mass Strike.
        - The Winnipeg General Strike of 1919 was one of the most influential strikes in Canadian history.

        == See also ==
        - Mass strike
        - Direct action

        """

    static func model() throws -> LinkedArticle {
        try LinkedArticle(article: ArticleParser().parse(article, path: "general-strike.txt"))
    }

    @Test("An entry names the capitalised name it is about, after a leading phrase of time or in it; one about none is text")
    func names() throws {
        let model = try Self.model()
        #expect(model.items(of: .example).map(\.name) == [
            "February strike",
            "Sudanese Professionals Association",
            "Russian Revolution of 1905",
            "Kapp Putsch of 1920",
            "Rosa Luxemburg",
            "Winnipeg General Strike of 1919",
        ])
        // A general strike in Barcelona, and Workers in Seattle, are text.
        #expect(model.article.allListItems.filter { entry in !model.items.contains { $0.line == entry.item.line } }.map(\.item.line)
            == [18, 19])
    }

    /// QA 17c: "In May 1968, …" made the example "May", which every "may" then mentioned;
    /// short sentences were named whole ("Velvet Revolution ended communist rule").
    @Test("A month is no name, and an entry written as a sentence is never a name alone")
    func monthsAndShortSentences() throws {
        let text = """
            = Protest =

            Workers may strike at any time. In May the unions met.

            == Historical examples ==
            Historical examples include:
            - In May 1968, students occupied the Sorbonne.
            - In May 1968 in Paris, students occupied the Sorbonne.
            - The Velvet Revolution ended communist rule.
            - The Duke of Wellington opposed reform.
            - Consumer boycott
            """
        let model = try LinkedArticle(article: ArticleParser().parse(text, path: "protest.txt"))
        // The second is about May 1968 more than about Paris: a place names no example.
        #expect(model.items(of: .example).map(\.name) == ["Velvet Revolution", "Duke of Wellington", "Consumer boycott"])
        #expect(model.graph.links.isEmpty, "\(model.graph.links)")
    }

    /// The lowercase nouns of a name end at the subject's verb, when it is in the past
    /// tense, and a year after "of" belongs to them (QA 18a: "The Pentrich rising of 1817 was
    /// …" was named "Pentrich", a village; 17c: "The Montgomery bus boycott began…"
    /// "Montgomery"). A verb right after the capitals is still taken for a noun: README says so.
    @Test("A name's lowercase nouns end at a verb in the past tense, and keep a year after 'of'")
    func nounsEndAtTheVerb() throws {
        let text = """
            = Protest =

            Protests take many forms.

            == Historical examples ==
            Historical examples include:
            - The Pentrich rising of 1817 was an armed uprising near Derby.
            - The Rawfolds Mill attack took place in 1812.
            - The Montgomery bus boycott began in 1955.
            - The Argentine recovered factories occupied their workplaces.
            - The Seattle General Strike lasted five days.
            - The Italian popolo organised its own councils.
            - Ho Chi Minh declared independence in 1945.
            - The Russian revolution of 1905–1907 created soviets.
            - The Kwangju uprising of May 1980 was crushed.
            - The Bavarian Soviet Republic collapsed in May 1919.
            - The Bonus Army marched on Washington in 1932.
            - The Boston Tea Party took place in 1773.
            - The Flint sit-down strike ended in 1937.
            - The Peasants' Revolt reached London in 1381.
            - [[Revolutionary Catalonia|Catalonia]] collectivised land.
            """
        let model = try LinkedArticle(article: ArticleParser().parse(text, path: "protest.txt"))
        // QA 19b: a date after "of" other than a year or span ended in the adjective ("Russian"); a verb
        // right after the capitals before "in", "on" or a full stop was part of the name.
        #expect(model.items(of: .example).map(\.name) == [
            "Pentrich rising of 1817", "Rawfolds Mill attack", "Montgomery bus boycott", "Argentine recovered factories",
            "Seattle General Strike", "Italian popolo", "Ho Chi Minh declared independence", "Russian revolution of 1905–1907",
            "Kwangju uprising", "Bavarian Soviet Republic", "Bonus Army", "Boston Tea Party", "Flint sit-down strike",
            "Peasants' Revolt", "Revolutionary Catalonia",
        ])
    }

    @Test("A sentence's first word is no example, so 'workers' elsewhere mentions nothing")
    func commonFirstWord() throws {
        let model = try Self.model()
        #expect(!model.items.contains { $0.name == "Workers" })
        let occupation = try #require(model.items.first { $0.name == "Occupation" })
        #expect(model.graph.links.filter { $0.from == occupation.id }.isEmpty)
    }

    @Test("The bundled article's examples keep their names")
    func bundled() throws {
        let model = try ArticleLoader.bundled()
        #expect(model.items(of: .example).map(\.name) == [
            "Italian popolo",
            "Spanish Revolt of the Comuneros",
            "Republic of Kosova and the Autonomous Province of Kosovo and Metohija",
            "Libya",
            "Yemen",
            "Igor Strelkov",
        ])
    }

    @Test("A sentence's first word is a name when the article never writes it in lowercase")
    func properFirstWord() throws {
        let text = """
            = Dual power =

            Dual power is a situation in which two powers coexist.

            == Examples ==
            - Libya has been under dual power since the Second Libyan Civil War.
            - Strikes spread to the ports in 1905.
            - Many workers left.

            Strikes and more strikes followed.

            """
        let model = try LinkedArticle(article: ArticleParser().parse(text, path: "dual-power.txt"))
        #expect(model.items(of: .example).map(\.name) == ["Libya"])
    }

    /// QA 40: "The workers—who had struck…" was one word beside its em dash, so "Workers in
    /// Seattle struck." named the example "Workers", which that sentence then mentioned.
    @Test("A word against a dash or quotation mark beyond ASCII is a word of its own; letters beyond ASCII are part of one")
    func lowercaseBesidePunctuationBeyondASCII() throws {
        let article = try ArticleParser().parse(
            "= T =\n\nThe workers—who had struck—won; «strikers» and “unions”… na\u{EF}ve société, soft\u{AD}ware.\n", path: "t.txt")
        var words = LowercaseWords(article: article)
        // The first three are looked for in the text, the others among the words gathered.
        let asked = ["workers", "strikers", "na", "unions", "who", "soci", "workers", "strikers", "na", "société", "struck", "soft"]
        #expect(asked.map { words.contains($0) } == [true, true, false, true, true, false, true, true, false, true, true, false])

        let text = """
            = Labour protest =

            Some text. The workers—who had struck for weeks—won.

            == Historical examples ==

            - Workers in Seattle struck.
            - Libya has been divided.

            """
        let model = try LinkedArticle(article: ArticleParser().parse(text, path: "protest.txt"))
        #expect(model.items(of: .example).map(\.name) == ["Libya"])
    }

    @Test("Whether a word is written in lowercase is answered alike before and after the words are gathered")
    func lowercaseLookups() throws {
        let article = try ArticleParser().parse("= T =\n\nThe workers of Libya met; strikes and unions followed.\n", path: "t.txt")
        var words = LowercaseWords(article: article)
        let asked = ["libya", "workers", "union", "unions", "strikes", "met", "the", "of", "followed", "libya", "workers", "t"]
        #expect(asked.map { words.contains($0) } == [false, true, false, true, true, true, false, true, true, false, true, false])
    }
}
