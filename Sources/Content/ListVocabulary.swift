/// The words by which an article's headings and lead-ins name the lists `Classifier` looks
/// for, in one language: an article of the form, taken from another Wikipedia, has its See
/// also list under "Voir aussi" or "Siehe auch", its examples under "Exemples historiques".
///
/// Every entry is written as `Classifier.words` reads text: lower case, its words joined by
/// single spaces, punctuation gone ("См. также" is "см также"). Kept apart from the rules
/// that use them, so that a language is a row of data and a test can check the rows against
/// each other: a word that named examples in one language and strategies in another would
/// make the kind of a list depend on the order of the rows.
///
/// Left out on purpose, whatever the language:
/// - words that are common English words too (German "Fall", a case: "Fall of the monarchy"
///   would have been a list of examples), and forms that are singular in one language and
///   plural in another among `listNouns` (Italian "strategie" is German's singular);
/// - month names: `Classifier.isDate` knows English ones only, as "Mars 1" (a probe) or
///   "Mai" would otherwise be dates, not names. "- 18 mars 1871 – …" under "Exemples" is an
///   example named "18 mars 1871".
struct ListVocabulary: Sendable {
    /// The language's English name, for messages.
    var language: String
    /// Headings of a See also list, whole.
    var seeAlsoHeadings: [String]
    /// Headings of the back matter, whose lists are sources and links, never items; whole.
    var backMatterHeadings: [String]
    /// Words that make a heading or a lead-in name examples (see `Classifier.firstKeywordKind`).
    var exampleWords: [String]
    /// Words that make a heading or a lead-in name strategies.
    var strategyWords: [String]
    /// Of those, the plurals whose place at a sentence's end announces a list
    /// (`Classifier.listNouns`).
    var listNouns: [String]
    /// Words that end a sentence pointing at what follows it ("… are the following").
    var pointers: [String]

    /// Every language read, English first.
    static let all: [ListVocabulary] = [english, french, german, spanish, italian, portuguese, dutch, russian, polish, chinese, japanese]

    static let english = ListVocabulary(
        language: "English",
        seeAlsoHeadings: ["see also", "related articles", "related topics", "related pages", "see also topics"],
        backMatterHeadings: [
            "references", "sources", "notes", "footnotes", "citations", "bibliography", "further reading", "external links",
            "works cited", "literature", "notes and references", "references and notes", "sources and further reading",
        ],
        exampleWords: ["example", "examples", "case", "cases", "instance", "instances", "historical", "history", "precedents"],
        strategyWords: ["strategy", "strategies", "approach", "approaches", "tactic", "tactics", "method", "methods"],
        listNouns: ["examples", "cases", "instances", "precedents", "strategies", "approaches", "tactics", "methods"],
        pointers: ["following", "below", "follows"])

    static let french = ListVocabulary(
        language: "French",
        // French Wikipedia's "Voir aussi" holds "Articles connexes", "Bibliographie" and
        // "Liens externes" as subsections: only the first is a list of topics.
        seeAlsoHeadings: ["voir aussi", "articles connexes", "sujets connexes", "voir également"],
        backMatterHeadings: [
            "références", "notes", "notes et références", "bibliographie", "liens externes", "sources", "lectures complémentaires",
        ],
        exampleWords: ["exemple", "exemples", "cas", "historique", "historiques", "histoire", "précédents"],
        strategyWords: ["stratégie", "stratégies", "approche", "approches", "tactique", "tactiques", "méthode", "méthodes"],
        listNouns: ["exemples", "précédents", "stratégies", "approches", "tactiques", "méthodes"],
        pointers: ["suivants", "suivantes", "dessous"])

    static let german = ListVocabulary(
        language: "German",
        seeAlsoHeadings: ["siehe auch", "verwandte themen"],
        backMatterHeadings: ["einzelnachweise", "anmerkungen", "literatur", "weblinks", "quellen", "belege", "weiterführende literatur"],
        exampleWords: ["beispiel", "beispiele", "fälle", "historisch", "historische", "historischen", "geschichte", "präzedenzfälle"],
        strategyWords: ["strategie", "strategien", "ansatz", "ansätze", "taktik", "taktiken", "methode", "methoden"],
        listNouns: ["beispiele", "fälle", "präzedenzfälle", "strategien", "ansätze", "taktiken", "methoden"],
        pointers: ["folgende", "folgenden", "unten"])

    static let spanish = ListVocabulary(
        language: "Spanish",
        seeAlsoHeadings: ["véase también", "ver también", "artículos relacionados", "temas relacionados"],
        backMatterHeadings: ["referencias", "notas", "bibliografía", "enlaces externos", "fuentes", "notas y referencias"],
        exampleWords: ["ejemplo", "ejemplos", "caso", "casos", "histórico", "históricos", "histórica", "históricas", "historia", "precedentes"],
        strategyWords: ["estrategia", "estrategias", "enfoque", "enfoques", "táctica", "tácticas", "método", "métodos"],
        listNouns: ["ejemplos", "casos", "precedentes", "estrategias", "enfoques", "tácticas", "métodos"],
        pointers: ["siguientes", "continuación"])

    static let italian = ListVocabulary(
        language: "Italian",
        seeAlsoHeadings: ["voci correlate", "vedi anche"],
        backMatterHeadings: ["note", "bibliografia", "collegamenti esterni", "altri progetti", "fonti", "riferimenti"],
        // Not "casi" (cases), which is Spanish for "almost".
        exampleWords: ["esempio", "esempi", "caso", "storico", "storici", "storica", "storiche", "storia", "precedenti"],
        strategyWords: ["strategia", "strategie", "approccio", "approcci", "tattica", "tattiche", "metodo", "metodi"],
        listNouns: ["esempi", "precedenti", "approcci", "tattiche", "metodi"],
        pointers: ["seguenti", "seguito"])

    static let portuguese = ListVocabulary(
        language: "Portuguese",
        seeAlsoHeadings: ["ver também", "veja também", "artigos relacionados"],
        backMatterHeadings: ["referências", "notas", "bibliografia", "ligações externas", "links externos", "fontes"],
        exampleWords: ["exemplo", "exemplos", "histórico", "históricos", "história", "precedentes"],
        strategyWords: ["estratégia", "estratégias", "abordagem", "abordagens", "tática", "táticas", "método", "métodos"],
        listNouns: ["exemplos", "precedentes", "estratégias", "abordagens", "táticas", "métodos"],
        pointers: ["seguintes", "abaixo"])

    static let dutch = ListVocabulary(
        language: "Dutch",
        seeAlsoHeadings: ["zie ook"],
        backMatterHeadings: ["bronnen", "referenties", "noten", "literatuur", "externe links", "externe link", "voetnoten"],
        exampleWords: ["voorbeeld", "voorbeelden", "geval", "gevallen", "historisch", "historische", "geschiedenis", "precedenten"],
        // "strategie" and "methode" are in other rows (Italian's, German's): a word is read
        // whichever row has it.
        strategyWords: ["strategieën", "aanpak", "tactiek", "tactieken", "methoden"],
        listNouns: ["voorbeelden", "gevallen", "precedenten", "strategieën", "tactieken", "methoden"],
        pointers: ["volgende"])

    static let russian = ListVocabulary(
        language: "Russian",
        seeAlsoHeadings: ["см также", "смотри также", "смотрите также"],
        backMatterHeadings: ["примечания", "литература", "ссылки", "источники", "сноски"],
        // The plurals' genitive too ("Список примеров", a list of examples).
        exampleWords: ["пример", "примеры", "примеров", "случаи", "исторические", "история", "прецеденты"],
        strategyWords: ["стратегия", "стратегии", "стратегий", "подход", "подходы", "тактика", "тактики", "метод", "методы"],
        listNouns: ["примеры", "примеров", "прецеденты", "стратегии", "стратегий", "подходы", "тактики", "методы"],
        pointers: ["следующие", "ниже"])

    static let polish = ListVocabulary(
        language: "Polish",
        seeAlsoHeadings: ["zobacz też", "zobacz także"],
        backMatterHeadings: ["przypisy", "bibliografia", "linki zewnętrzne", "źródła"],
        exampleWords: ["przykład", "przykłady", "przypadki", "historyczne", "historia", "precedensy"],
        // The plural "strategie" is in Italian's row.
        strategyWords: ["strategia", "podejście", "taktyka", "taktyki", "metoda", "metody"],
        listNouns: ["przykłady", "przypadki", "precedensy", "taktyki", "metody"],
        pointers: ["następujące", "poniżej"])

    /// Headings only: their words are not apart, so no keyword is found inside a heading or a
    /// lead-in ("历史例子").
    static let chinese = ListVocabulary(
        language: "Chinese",
        seeAlsoHeadings: ["参见", "參見", "相关条目", "相關條目"],
        backMatterHeadings: ["参考文献", "參考文獻", "注释", "註釋", "外部链接", "外部連結", "参考资料", "參考資料"],
        exampleWords: [], strategyWords: [], listNouns: [], pointers: [])

    static let japanese = ListVocabulary(
        language: "Japanese",
        seeAlsoHeadings: ["関連項目"],
        backMatterHeadings: ["脚注", "参考文献", "外部リンク", "出典"],
        exampleWords: [], strategyWords: [], listNouns: [], pointers: [])

    /// "English, French, … or Japanese".
    static var languageNames: String {
        let names = all.map(\.language)
        return names.dropLast().joined(separator: ", ") + " or " + names[names.count - 1]
    }
}
