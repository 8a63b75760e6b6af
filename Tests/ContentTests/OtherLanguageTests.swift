import Testing
@testable import Content

/// An article of the form from another Wikipedia names its lists in its language: "Voir
/// aussi", "Beispiele", "Стратегии". It had outline, text and search, and no items (QA 32,
/// QA 35: "no list has a heading or lead-in that names them (in English…)").
@Suite("Articles in other languages")
struct OtherLanguageTests {
    /// French Wikipedia's layout: "Voir aussi" holds the topics under "Articles connexes",
    /// beside its bibliography and external links.
    static let french = """
        = Double pouvoir =
        Le double pouvoir désigne la coexistence de deux pouvoirs rivaux, comme pendant la Commune de Paris.
        Le municipalisme libertaire en fait une stratégie, proche de l'autogestion.

        == Exemples historiques ==
        - Commune de Paris – le conseil de la Commune face au gouvernement de Versailles, en 1871.
        - Révolution russe – les soviets face au gouvernement provisoire, en 1917.

        == Stratégies ==
        Les stratégies suivantes ont été proposées :
        - Municipalisme libertaire – des assemblées de quartier fédérées, inspirées de la Commune de Paris.

        == Voir aussi ==

        === Articles connexes ===
        - Autogestion
        - Conseillisme

        === Bibliographie ===
        - Lénine, Sur la dualité du pouvoir, 1917.

        === Liens externes ===
        - Archives marxistes – textes en ligne.

        """

    @Test("A French article: examples, strategies and topics, and only the See also list's topics")
    func french() throws {
        let model = try LinkedArticle(article: ArticleParser().parse(Self.french, path: "double-pouvoir.txt"))
        #expect(model.items.map { "\($0.kind.slug): \($0.name)" } == [
            "example: Commune de Paris", "example: Révolution russe",
            "strategy: Municipalisme libertaire",
            "see-also: Autogestion", "see-also: Conseillisme",
        ])
        // Found in the text as English names are: the lead mentions a topic, an example and a
        // strategy, and the strategy's own entry the example it draws on.
        let detected = model.graph.links.filter { $0.origin == .detected }.map { "\($0.from) → \($0.to)" }
        #expect(detected.contains("lead → example:commune-de-paris"), "\(detected)")
        #expect(detected.contains("lead → strategy:municipalisme-libertaire"), "\(detected)")
        #expect(detected.contains("lead → see-also:autogestion"), "\(detected)")
        #expect(detected.contains("strategy:municipalisme-libertaire → example:commune-de-paris"), "\(detected)")
        #expect(model.whyNoItems == nil)
    }

    @Test("German, Spanish, Russian, Polish and Chinese headings", arguments: [
        ("= Doppelherrschaft =\nText.\n\n== Historische Beispiele ==\n- Pariser Kommune – 1871.\n\n== Siehe auch ==\n- Rätedemokratie\n\n== Weblinks ==\n- Archiv – online.\n",
         ["example: Pariser Kommune", "see-also: Rätedemokratie"]),
        ("= Doble poder =\nTexto.\n\n== Estrategias ==\n- Municipalismo libertario – asambleas.\n\n== Véase también ==\n- Autogestión\n\n== Referencias ==\n- Lenin, 1917.\n",
         ["strategy: Municipalismo libertario", "see-also: Autogestión"]),
        ("= Двоевластие =\nТекст.\n\n== Исторические примеры ==\n- Парижская коммуна – 1871.\n\n== Стратегии ==\n- Советы – органы власти.\n\n== См. также ==\n- Рабочий контроль\n\n== Литература ==\n- Ленин, 1917.\n",
         ["example: Парижская коммуна", "strategy: Советы", "see-also: Рабочий контроль"]),
        ("= Dwuwładza =\nTekst.\n\n== Przykłady ==\n- Komuna Paryska – 1871.\n\n== Zobacz też ==\n- Samorząd robotniczy\n\n== Przypisy ==\n- Lenin, 1917.\n",
         ["example: Komuna Paryska", "see-also: Samorząd robotniczy"]),
        ("= 两权并立 =\n正文。\n\n== 参见 ==\n- 巴黎公社\n\n== 参考文献 ==\n- 列宁，1917。\n",
         ["see-also: 巴黎公社"]),
    ])
    func otherLanguages(text: String, expected: [String]) throws {
        let model = try LinkedArticle(article: ArticleParser().parse(text, path: "article.txt"))
        #expect(model.items.map { "\($0.kind.slug): \($0.name)" } == expected)
    }

    @Test("A lead-in in another language decides as an English one does")
    func leadIns() throws {
        // Apart from its list, a sentence that ends with a pointer ("suivantes") or a plural
        // kind word ("Taktiken") still introduces it; one that names a strategy on its way
        // to something else does not.
        let model = try LinkedArticle(article: ArticleParser().parse("""
            = Grève générale =
            Texte.

            == Pratiques ==
            Les syndicats ont employé plusieurs tactiques, dont les suivantes.

            - Sabotage – ralentir le travail.

            == Praxis ==
            Die Gewerkschaften nutzten verschiedene Taktiken.

            - Bummelstreik – langsam arbeiten.

            == Débats ==
            La stratégie des syndicats fut critiquée.

            - Jaurès – un discours de 1905.
            """, path: "greve.txt"))
        // Neither heading names a kind: the lead-ins do, the first through "tactiques" once
        // "suivantes" has made it one.
        #expect(model.items.map { "\($0.kind.slug): \($0.name)" } == ["strategy: Sabotage", "strategy: Bummelstreik"])
    }

    @Test("An elided article is a word of its own: l'autogestion mentions Autogestion")
    func elisions() throws {
        #expect(Tokenizer.tokens(in: "l'autogestion d’Espagne dell'Italia qu'elle L'Oréal O'Brien don't Bookchin's")
            == ["l", "autogestion", "d", "espagne", "dell", "italia", "qu", "elle", "l", "oreal", "o'brien", "don't", "bookchin"])
        let model = try LinkedArticle(article: ArticleParser().parse("""
            = Autogestion =
            L'autogestion yougoslave s'inspirait de l’Union soviétique, puis s'en détacha, comme chez L'Oréal.

            == Voir aussi ==
            - Union soviétique
            - L'Oréal
            - Yougoslavie
            """, path: "autogestion.txt"))
        let mentions = model.graph.links.filter { $0.origin == .detected && $0.from == "lead" }.map(\.to)
        // A name with an elision still matches itself; "yougoslave" is no "Yougoslavie".
        #expect(mentions == ["see-also:union-sovietique", "see-also:loreal"])
    }

    /// "External links" under See also: links, not articles to read next.
    @Test("A back-matter heading under See also holds no topics, in English too")
    func backMatterUnderSeeAlso() throws {
        let model = try LinkedArticle(article: ArticleParser().parse("""
            = Dual power =
            Text.

            == See also ==
            - Autonomism

            === External links ===
            - Marxists Internet Archive – texts.
            """, path: "dual.txt"))
        #expect(model.items.map(\.name) == ["Autonomism"])
    }

    @Test("A common English word is no kind word of another language")
    func falseFriends() throws {
        // German "Fall" (a case) is left out: "Fall of the monarchy" is no list of examples.
        let model = try LinkedArticle(article: ArticleParser().parse("""
            = Revolution =
            Text.

            == Fall of the monarchy ==
            - Louis XVI – executed in 1793.
            """, path: "revolution.txt"))
        #expect(model.items.isEmpty)
    }

    @Test("A language not read: no items, and why, naming the languages read")
    func unreadLanguage() throws {
        let model = try LinkedArticle(article: ArticleParser().parse("""
            = Kaksoisvalta =
            Teksti.

            == Katso myös ==
            - Neuvostot
            """, path: "kaksoisvalta.txt"))
        #expect(model.items.isEmpty)
        #expect(model.whyNoItems == "no list has a heading or lead-in that names them (\"See also\", \"Examples\", \"Strategies\"… in "
                + "English, French, German, Spanish, Italian, Portuguese, Dutch, Russian, Polish, Chinese or Japanese).")
    }

    // MARK: - The table

    @Test("Every entry is written as headings and lead-ins are read")
    func entriesAreNormalized() {
        for vocabulary in ListVocabulary.all {
            let entries = vocabulary.seeAlsoHeadings + vocabulary.backMatterHeadings + vocabulary.exampleWords
                + vocabulary.strategyWords + vocabulary.listNouns + vocabulary.pointers
            for entry in entries {
                #expect(Classifier.words(entry).joinedWithSpaces() == entry, "\(vocabulary.language): '\(entry)'")
            }
            for word in vocabulary.exampleWords + vocabulary.strategyWords + vocabulary.listNouns + vocabulary.pointers {
                #expect(Classifier.words(word).count == 1, "\(vocabulary.language): '\(word)' is one word")
            }
        }
    }

    @Test("No word names two kinds, or a heading two roles, across the languages")
    func noWordInTwoRoles() {
        let all = ListVocabulary.all
        let examples = Set(all.flatMap(\.exampleWords)), strategies = Set(all.flatMap(\.strategyWords))
        #expect(examples.isDisjoint(with: strategies), "\(examples.intersection(strategies))")
        let seeAlso = Set(all.flatMap(\.seeAlsoHeadings)), backMatter = Set(all.flatMap(\.backMatterHeadings))
        #expect(seeAlso.isDisjoint(with: backMatter), "\(seeAlso.intersection(backMatter))")
        // A plural that announces a list names its kind; a pointer names none.
        for vocabulary in all {
            #expect(Set(vocabulary.listNouns).isSubset(of: examples.union(strategies)), "\(vocabulary.language)")
            #expect(Set(vocabulary.pointers).isDisjoint(with: examples.union(strategies)), "\(vocabulary.language)")
        }
        // A singular in one language that is a plural kind word in another would announce a
        // list at the end of "… la strategia." or "Die Strategie.".
        let listNouns = Set(all.flatMap(\.listNouns))
        #expect(!listNouns.contains("strategie") && !listNouns.contains("casi"))
    }
}
