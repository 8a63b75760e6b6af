/// Names an example listed without a dash ("- Libya has been under dual power since …") by
/// the proper noun its first sentence is about: a run of capitalised words, with connectors
/// ("Spanish Revolt of the Comuneros", "Republic of Kosova and the Autonomous Province of
/// Kosovo and Metohija") and at most two lowercase nouns after it ("Italian popolo"). An entry
/// without one names nothing and stays text ("Workers in Seattle struck…" was the
/// example "Workers", which every "workers" of the article then mentioned, and "In 2019, the
/// Sudanese…" was named by its whole sentence, which a links file had to quote).
///
/// - An entry that is a name alone is named as written ("- Consumer boycott").
/// - A leading phrase of time or place, up to its comma, is not the subject: "In 2019, the
///   Sudanese Professionals Association called…" is named "Sudanese Professionals Association";
///   where the subject names nothing, the phrase's name is taken ("During the Russian
///   Revolution of 1905, a general strike spread…").
/// - The entry's first word is capitalised because a sentence starts there: alone, it is a
///   name only when the article never writes it in lowercase and it is no common word
///   ("Libya has been…" is named "Libya"; "Workers in Seattle…" and "Many strikes…" are not).
/// - The article's own title is no example's name: "A general strike in Barcelona…" under
///   «General strike» is text.
///
/// Text in a script without case ("東京は…") has no capitals to tell a name by: it is named
/// by its leading noun phrase (`Classifier.subject(of:)`).
struct ExampleNamer {
    private let article: Article
    private let titleTokens: [String]
    /// Which words the article writes in lowercase somewhere (see `LowercaseWords`).
    private var lowercaseWords: LowercaseWords

    init(article: Article) {
        self.article = article
        titleTokens = Tokenizer.tokens(in: article.title)
        lowercaseWords = LowercaseWords(article: article)
    }

    /// The name of the example the entry `text` (without its full stop) describes, or nil
    /// when it has none. `endedWithFullStop`: the entry is written as a sentence, which is
    /// never a name alone ("- The Velvet Revolution ended communist rule." was named so
    /// whole), as a list of names has none ("- Consumer boycott").
    mutating func name(ofEntry text: String, endedWithFullStop: Bool) -> String? {
        let text = text.contains("[[") ? WikiLink.withTargets(text) : text
        let sentence = Classifier.firstSentence(of: text)
        guard let firstLetter = sentence.first(where: \.isLetter) else { return nil }
        guard firstLetter.isUppercase || firstLetter.isLowercase else {
            let subject = Self.topic(of: Classifier.subject(of: sentence))
            return subject.isEmpty ? nil : subject
        }
        // A name of up to three words is one with a full stop after it too ("- Passive
        // resistance."; QA 36: "Passive"), unless a word after its first is a verb or ends a
        // subject ("- Hungary rose." is a sentence).
        let words = sentence.split(separator: " ")
        let isShortName = words.count <= 3 && !words.dropFirst().contains(where: Self.endsSubject)
        let isNameAlone = (!endedWithFullStop || isShortName) && sentence.endIndex == text.endIndex
        guard let name = (isNameAlone ? Self.bareName(sentence) : nil) ?? properName(in: sentence),
              !Self.isDateWords(name), !Aliases.tokenSequences(for: name).contains(titleTokens) else { return nil }
        return name
    }

    /// Japanese marks what a sentence is about with a particle written onto it, は (its topic)
    /// or が (its subject): "生活クラブは1965年に東京で設立され" is about 生活クラブ (QA 38: the
    /// whole clause was the name). The first such particle after a character that is not
    /// hiragana ends the name; one after hiragana may be a word's own syllable.
    static func topic(of subject: String) -> String {
        var previous: Unicode.Scalar?
        for (offset, scalar) in subject.unicodeScalars.enumerated() {
            if scalar == "\u{306F}" || scalar == "\u{304C}", let previous, !(0x3041...0x309F).contains(previous.value) {
                return String(subject.unicodeScalars.prefix(offset))
            }
            previous = scalar
        }
        return subject
    }

    /// An entry that is a name alone ("- Consumer boycott", "- The Paris Commune"), without
    /// its article: one sentence of up to twelve words, none of which ends a subject, that
    /// starts with no pronoun, determiner or number.
    static func bareName(_ sentence: Substring) -> String? {
        // Thirteen words are as many as "more than twelve": the rest is never split.
        var words = sentence.split(separator: " ", maxSplits: 12)[...]
        guard words.count <= 12, words.allSatisfy({ word in
            !word.contains(where: Classifier.subjectCuts.contains)
                && !Classifier.subjectStopWords.contains(word.trimmingPunctuation().lowercased())
        }) else { return nil }
        if let first = words.first, articles.contains(first.lowercased()), words.count > 1 { words.removeFirst() }
        // "Many workers left" is a sentence, though a short one.
        guard let first = words.first, !commonStarters.contains(first.lowercased()) else { return nil }
        return Array(words).joinedWithSpaces()
    }

    /// The capitalised name `sentence` is about (see `ExampleNamer`), or nil: its subject's,
    /// or else the one its leading phrase names ("During the Russian Revolution of 1905, a
    /// general strike spread…" is named "Russian Revolution of 1905").
    private mutating func properName(in sentence: Substring) -> String? {
        // Only the start of a long sentence is read: splitting all of it was a tenth of
        // classifying the bundled article (perf). Past 40 splits the last part is the unsplit
        // rest, dropped unread: looking through it for a space was a fifth of classifying.
        var all = sentence.split(separator: " ", maxSplits: 40)
        if all.count > 40 { all.removeLast() }
        let words = Self.withoutLeadingPhrase(all)
        if let name = properName(startingAt: words) { return name }
        guard words.startIndex > 0 else { return nil }
        if let name = Self.apposition(in: words) { return name }
        // Past the word that opens the phrase, which is capitalised for starting the sentence.
        let phrase = all[1..<words.startIndex]
        guard let start = phrase.firstIndex(where: { $0.first?.isUppercase ?? false }) else { return nil }
        return properName(startingAt: phrase[start...])
    }

    /// The name a subject gives after its nouns, as an apposition does: "the student movement
    /// Otpor helped…" is about Otpor (QA 35: named by the leading phrase, "Serbia", which then
    /// mentioned every "Serbia" of the article). An article, one to three lowercase words, then
    /// the capitalised name, alone: what follows it is what it did ("the trade union Solidarity
    /// organised strikes"; QA 36: "Solidarity organised strikes"). A name after a preposition
    /// is none ("the workers of Chicago struck" is about the workers).
    static func apposition(in words: ArraySlice<Substring>) -> String? {
        guard let first = words.first, articles.contains(first.lowercased()) else { return nil }
        var index = words.index(after: words.startIndex)
        while index < words.endIndex, index - words.startIndex <= 3, words[index].first?.isLowercase == true {
            let word = String(words[index])
            guard isWord(word), !connectors.contains(word), !phraseOpeners.contains(word), !Classifier.subjectStopWords.contains(word),
                  !endsSubject(words[index]) else { return nil }
            index += 1
        }
        guard index > words.startIndex + 1, index < words.endIndex, words[index].first?.isUppercase == true else { return nil }
        let run = capitalisedRun(of: words[index...]).words
        return run.isEmpty ? nil : run.joinedWithSpaces()
    }

    /// The capitalised name at the start of `words`, after an article, with the lowercase
    /// nouns that end it (see `lowercaseNouns`); nil when they start with none.
    private mutating func properName(startingAt words: ArraySlice<Substring>) -> String? {
        var words = words
        // A word that opens a phrase, capitalised for starting the sentence, is no part of the
        // name after it ("In May the workers…" was the example "In May"; QA 36).
        if words.startIndex == 0, let first = words.first, words.count > 1, Self.phraseOpeners.contains(first.lowercased()) { words.removeFirst() }
        let afterArticle = words.first.map { Self.articles.contains($0.lowercased()) } ?? false
        if afterArticle { words.removeFirst() }
        let run = Self.capitalisedRun(of: words, afterArticle: afterArticle)
        guard !run.words.isEmpty else { return nil }
        // Only the entry's first word is capitalised for being first: "The Workers' Party…"
        // and "In 1919, Seattle…" are capitalised by choice.
        if run.words.count == 1, words.startIndex == 0, !isProperAtSentenceStart(run.words[0]) { return nil }
        let nouns = run.isCut ? [] : Self.lowercaseNouns(after: run.words.count, in: words)
        // A name that ends in a possessive is the name without its "'s": "Rojava's autonomous
        // administration federates…" is about Rojava, as a mention of it is read (QA 32: the
        // example "Rojava's"); one with nouns after it keeps it ("Women's suffrage movement",
        // QA 33), as one with a capital after it does ("People's Charter").
        var named = run.words + nouns
        if nouns.isEmpty, let last = named.last, let possessive = Self.possessiveEnd(of: last) {
            named[named.count - 1] = String(last[..<possessive])
        }
        return named.joinedWithSpaces()
    }

    // MARK: - The rules

    /// Whether `name` is made of a date's words alone ("May", "Sept."): what is left of a
    /// phrase of time ("In May 1968, students occupied…") when its year is not taken. Named
    /// "May", the example was mentioned by every "may" of the article.
    static func isDateWords(_ name: String) -> Bool {
        let words = Classifier.words(name)
        return !words.isEmpty && words.allSatisfy(Classifier.dateWords.contains)
    }

    static let articles: Set<String> = ["the", "a", "an"]

    /// Words that start a phrase of time or place, or a clause, before the subject ("In
    /// 2019,", "During the Russian Revolution of 1905,", "After the war,").
    static let phraseOpeners: Set<String> = [
        "in", "during", "on", "at", "after", "before", "since", "by", "from", "following", "throughout", "until",
        "between", "around", "under", "amid", "within", "when", "while", "as", "although", "though", "once",
        // QA 32: "Across Hungary in 1956, factories elected…" was the example "Across Hungary".
        "across", "among", "amongst", "against", "along", "alongside", "beyond", "despite", "inside", "outside",
        "near", "over", "through", "toward", "towards", "upon", "with", "without", "unlike",
    ]

    static let numberWords: Set<String> = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "twenty", "several",
    ]

    /// Lowercase words that join the capitalised words of one name.
    static let connectors: Set<String> = [
        "of", "the", "and", "for", "de", "del", "della", "di", "da", "du", "des", "la", "le", "los", "las", "el",
        "von", "van", "der", "den", "y", "et",
    ]

    /// Capitalised words that start sentences without naming anything: pronouns, determiners,
    /// numbers and other function words.
    static let commonStarters: Set<String> = [
        "this", "these", "that", "those", "there", "here", "it", "its", "they", "their", "he", "his", "she", "her",
        "we", "our", "you", "some", "many", "most", "several", "other", "others", "both", "each", "every", "all",
        "few", "no", "none", "such", "another", "any", "then", "thus", "however", "also", "only", "one", "two",
        "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "twenty", "hundreds",
        "thousands", "millions",
    ]

    /// `words` after a leading phrase that a comma ends and a preposition, a conjunction or
    /// a number opens ("Ten days after the Kapp Putsch of 1920,"); `words` when they have none.
    static func withoutLeadingPhrase(_ words: [Substring]) -> ArraySlice<Substring> {
        guard let first = words.first, let firstCharacter = first.first,
              firstCharacter.isNumber || phraseOpeners.contains(first.trimmingPunctuation().lowercased())
                || numberWords.contains(first.trimmingPunctuation().lowercased()) else { return words[...] }
        guard let comma = words.firstIndex(where: { $0.hasSuffix(",") }) else { return withoutLeadingDate(words) }
        // The year of a date written month first, after its comma: "On May 4, 1886 the
        // Haymarket affair began" (QA 36: "1886 the Haymarket affair").
        if comma + 2 < words.count, isYear(words[comma + 1].trimmingPunctuation()), articles.contains(words[comma + 2].lowercased()) {
            return words[(comma + 2)...]
        }
        return words[(comma + 1)...]
    }

    /// `words` after a leading date written without a comma after it, as English often writes
    /// a short one: "In 1844 the Rochdale Pioneers opened…", "On 15 May 1919 the Winnipeg
    /// general strike began" (QA 35: no example at all). Its opener, then numbers and a date's
    /// words, then the subject; `words` when they are not so.
    ///
    /// The subject must start with an article: "In 1871 Paris rose…" names no example "Paris",
    /// which then mentioned every Paris of the article (QA 36), as "Workers in Seattle struck…"
    /// names none. A note in brackets may follow the date ("On 22 January 1905 (9 January
    /// O.S.) the Bloody Sunday massacre took place").
    static func withoutLeadingDate(_ words: [Substring]) -> ArraySlice<Substring> {
        guard let first = words.first, phraseOpeners.contains(first.lowercased()) else { return words[...] }
        var index = 1
        // "Between 1918 and 1920": two dates, joined (QA 37: no example since the rule needed an article).
        func joinsDates(_ index: Int) -> Bool {
            ["and", "to", "–", "-"].contains(words[index]) && index + 1 < words.count && words[index + 1].first?.isNumber == true
        }
        while index < words.count, !words[index].hasPrefix("("),
              Classifier.isDate(String(words[index])) || Classifier.dateWords.contains(words[index].lowercased()) || joinsDates(index) {
            index += 1
        }
        guard words[1..<index].contains(where: { $0.first?.isNumber == true }) else { return words[...] }
        if index < words.count, words[index].hasPrefix("("), let close = words[index...].prefix(8).firstIndex(where: { $0.hasSuffix(")") }) {
            index = close + 1
        }
        guard index < words.count, articles.contains(words[index].lowercased()) else { return words[...] }
        return words[index...]
    }

    /// The leading words of `words` that make a name: capitalised words, the connectors
    /// between them, and a year after "of" ("Russian Revolution of 1905"), up to twelve; and
    /// whether a comma or another mark that ends a subject ends them ("Igor Strelkov, a…").
    ///
    /// After an article (`afterArticle`), a year may open the name ("The 1926 United Kingdom
    /// general strike"; QA 35: no example), and "on" and "to" join capitalised words ("The
    /// March on Rome", "The Flight to Varennes"; QA 36: "Flight", which then mentioned every
    /// flight of the article). Not elsewhere, where the words may name no event ("In 1871
    /// Paris rose…"), nor "in", which more often says where ("The Mondragon Corporation in the
    /// Basque Country…").
    static func capitalisedRun(of words: ArraySlice<Substring>, afterArticle: Bool = false) -> (words: [String], isCut: Bool) {
        var run: [String] = []
        var names = 0
        var isCut = false
        for (offset, word) in words.prefix(12).enumerated() {
            let (written, endsAtCut) = beforeCut(word)
            var bare = written.trimmingPunctuation()
            // A plural's possessive keeps its apostrophe: "Peasants' Revolt" was "Peasants Revolt".
            if let mark = written.last, mark == "'" || mark == "\u{2019}", bare.hasSuffix("s"), written.dropLast() == bare[...] {
                bare.append(mark)
            }
            guard let first = bare.first else { break }
            // A year before the name, as titles have it, or after "of" ("Russian Revolution of 1905").
            let isName = first.isUppercase || (first.isNumber && (run.last?.lowercased() == "of" || (run.isEmpty && afterArticle && isYear(bare))))
            // A year opens a name only before a capital ("1886 the Haymarket affair" is a date
            // and a name; QA 36).
            let next = words.dropFirst(offset + 1).first?.trimmingPunctuation().lowercased()
            // "on" and "to" join a name, not a date ("The Ludlow Massacre on April 20, 1914…"; QA
            // 37: "Ludlow Massacre on April"); "the" only after another joining word ("Revolt of
            // the Comuneros"; QA 37: "Philippines the People Power Revolution").
            let joinsName = afterArticle && ["on", "to"].contains(bare) && !(next.map(Classifier.dateWords.contains) ?? true)
            let joins = (connectors.contains(bare.lowercased()) && (bare.lowercased() != "the" || run.last.map { connectors.contains($0.lowercased()) } == true))
                || joinsName
            // "of" before a date is the date's: "The Rose Revolution of November 2003" is the
            // Rose Revolution (QA 36: "Rose Revolution of November"), as "of 1905" is the name's.
            if bare == "of", let next,
               Classifier.monthNames.contains(next) || (next.count <= 2 && next.allSatisfy(\.isNumber)) { break }
            guard isName || (!run.isEmpty && joins && run[0].first?.isNumber != true) else { break }
            // Without what opens or closes it, but an abbreviation's full stop: "Mt. Everest".
            run.append(!endsAtCut && word == bare + "." ? String(word) : bare)
            if isName { names = run.count }
            if endsAtCut {
                isCut = isName
                break
            }
        }
        // A year alone names nothing: it opens a name only with capitals after it.
        if run.first?.first?.isNumber == true, !run[1..<names].contains(where: { $0.first?.isUppercase == true }) {
            return ([], false)
        }
        return (Array(run.prefix(names)), isCut)
    }

    /// Where the "'s" (or "’s") that ends `word` starts, if it ends in one after a letter.
    static func possessiveEnd(of word: String) -> String.Index? {
        guard word.count > 2, word.hasSuffix("'s") || word.hasSuffix("\u{2019}s") else { return nil }
        return word.index(word.endIndex, offsetBy: -2)
    }

    /// The lowercase nouns that end a name of capitalised words ("Italian popolo in…",
    /// "Argentine recovered factories, which…", "Montgomery bus boycott began…"): one or two
    /// words after the run, with a year after "of" ("Pentrich rising of 1817 was…"), before a
    /// cut or a word that ends a subject (`endsSubject`); none when they reach neither.
    static func lowercaseNouns(after count: Int, in words: ArraySlice<Substring>) -> [String] {
        var nouns: [String] = []
        var index = words.startIndex + count
        while index < words.endIndex, nouns.count < 2 {
            let (written, endsAtCut) = beforeCut(words[index])
            var noun = written.trimmingPunctuation()
            // A plural's possessive keeps its apostrophe, as in the capitals (QA 34: "Hungary's
            // workers councils" for "workers' councils").
            let possessive = noun.hasSuffix("s") && (written.hasSuffix(noun + "'") || written.hasSuffix(noun + "\u{2019}"))
            guard let first = noun.first, first.isLowercase, isWord(noun), !Classifier.subjectStopWords.contains(noun),
                  !connectors.contains(noun), !articles.contains(noun) else { return [] }
            // A verb in the past tense is what the name did: one that cannot be an adjective
            // ("took"), or one before a word that ends a subject or at the sentence's end
            // ("The Bavarian Soviet Republic collapsed in May 1919"), not before a noun it
            // may qualify ("Argentine recovered factories").
            let next = index + 1 < words.endIndex && !endsAtCut ? words[index + 1] : nil
            if irregularPastTense.contains(noun) || (isPastTense(noun) && (next.map(endsSubject) ?? true)) {
                return nouns.isEmpty ? [] : nouns
            }
            if possessive { noun.append(written.last!) }
            nouns.append(noun)
            index += 1
            if endsAtCut { return nouns }
            if index < words.endIndex, words[index] == "of" {
                // A year after "of" belongs to the name, as in a run of capitalised words
                // ("Pentrich rising of 1817"); before another date, the name ends at "of"
                // ("The Russian revolution of 1905–1907…" was named "Russian", an adjective
                // every "Russian" of the article then mentioned).
                guard index + 1 < words.endIndex else { return nouns }
                let (year, yearEndsAtCut) = beforeCut(words[index + 1])
                let digits = year.trimmingPunctuation()
                guard Self.isYear(digits) else { return nouns }
                nouns += ["of", digits]
                index += 2
                return yearEndsAtCut || (index < words.endIndex && endsSubject(words[index])) ? nouns : []
            }
            // Not at the sentence's end, where it is as likely a verb: "Mt. Everest grew".
            if index < words.endIndex, endsSubject(words[index]) { return nouns }
        }
        return []
    }

    /// `word` before the first mark that ends a subject ("Strelkov," before its comma), and
    /// whether it has one.
    static func beforeCut(_ word: Substring) -> (written: Substring, endsAtCut: Bool) {
        guard let cut = word.firstIndex(where: Classifier.subjectCuts.contains) else { return (word, false) }
        return (word[..<cut], true)
    }

    /// A lowercase noun's letters, with a hyphen between them ("sit-down").
    private static func isWord(_ noun: String) -> Bool {
        noun.split(separator: "-", omittingEmptySubsequences: false).allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isLetter) }
    }

    /// A year, or a span of years ("1905–1907", "2019-20").
    static func isYear(_ text: String) -> Bool {
        let parts = text.split(omittingEmptySubsequences: false) { $0 == "–" || $0 == "-" }
        return (1...2).contains(parts.count) && parts.allSatisfy { !$0.isEmpty && $0.count <= 4 && $0.allSatisfy(\.isNumber) }
    }

    /// Whether the lowercase `word` reads as a verb in the past tense ("collapsed").
    static func isPastTense(_ word: String) -> Bool {
        word.count >= 5 && word.hasSuffix("ed") && word.allSatisfy(\.isLetter) && !edWordsNotVerbs.contains(word)
    }

    /// Whether `word`, after a name's nouns, starts what the subject does or where: a word
    /// such as "in" or "was", or a verb in the past tense. Without the verbs, "The Montgomery
    /// bus boycott began in 1955" was named "Montgomery", and "The Rawfolds Mill attack took
    /// place…" "Rawfolds Mill". A verb can still pass for a noun right after the capitals
    /// ("Ho Chi Minh declared independence in 1945"): there, "recovered" in "Argentine
    /// recovered factories" is as likely.
    ///
    /// So does a bracket, which opens what is said of the name ("The Montgomery bus boycott
    /// (1955–1956) ended…"), and a preposition that opens a phrase ("The Hungarian passive
    /// resistance under Ferenc Deák won…"; QA 35: both named by their first word alone).
    static func endsSubject(_ word: Substring) -> Bool {
        if let first = word.first, first == "(" || first == "[" { return true }
        let bare = word.trimmingPunctuation().lowercased()
        return Classifier.subjectStopWords.contains(bare) || irregularPastTense.contains(bare) || isPastTense(bare)
            || phraseOpeners.contains(bare)
    }

    /// Common verbs whose past tense does not end in "-ed" (QA 38: "The Toad Lane store sold
    /// flour" was named "Toad Lane", "The Antigonish study clubs taught…" "Antigonish").
    static let irregularPastTense: Set<String> = [
        "arose", "became", "began", "bought", "broke", "brought", "built", "came", "caught", "chose", "drew", "drove",
        "fell", "fled", "forbade", "forgave", "fought", "gave", "got", "grew", "had", "heard", "held", "hit",
        "kept", "knew", "laid", "led", "left", "lost", "made", "meant", "met", "overcame", "overthrew", "paid",
        "ran", "rode", "rose", "said", "sold", "sent", "shook", "slew", "sought", "spent", "spoke",
        "spread", "stood", "stole", "struck", "swept", "swore", "taught", "told", "took", "thought", "threw", "understood",
        "undertook", "upheld", "went", "withdrew", "won", "wore", "wrote",
    ]

    /// Words ending in "-ed" that are no past tense.
    static let edWordsNotVerbs: Set<String> = [
        "breed", "creed", "greed", "hundred", "indeed", "kindred", "naked", "sacred", "speed", "wicked",
    ]

    /// Whether the capitalised `word` that starts an entry is a name, not a word capitalised
    /// only because the sentence starts with it.
    private mutating func isProperAtSentenceStart(_ word: String) -> Bool {
        let folded = word.lowercased()
        if Self.commonStarters.contains(folded) || Self.phraseOpeners.contains(folded)
            || Classifier.subjectStopWords.contains(folded) || Self.articles.contains(folded) { return false }
        return !lowercaseWords.contains(folded)
    }
}

/// Whether an article writes a word in lowercase somewhere in its paragraphs and list items
/// (starting with an ASCII letter a–z, to the next ASCII character that is no letter). Asked
/// of an entry's first word ("Libya", "Workers"): the first three words are looked for in the
/// text, each in one pass over its bytes, and past them every lowercase word of the article
/// is gathered once (with eight passes first, a 10 MB article spent 60 ms more). Gathering them at once made classifying the bundled article, which asks
/// of two words, three times slower; looking for each word alone, a 10 MB article asking of
/// a thousand would read 10 GB.
struct LowercaseWords {
    private let article: Article
    private var answers: [String: Bool] = [:]
    /// Past the first lookups: the FNV-1a hash of every lowercase word of the article. Hashes,
    /// not strings: making a string of each word of a 10 MB article took a quarter of a second.
    /// Two words of one hash (one chance in billions for an article's words) would only
    /// make a name look like a common word.
    private var all: Set<UInt64>?
    static let lookups = 3

    init(article: Article) { self.article = article }

    /// Whether the article writes `word` (lowercase) as a word of its own.
    mutating func contains(_ word: String) -> Bool {
        if let all { return all.contains(Self.hash(word.utf8)) }
        if let answer = answers[word] { return answer }
        guard answers.count < Self.lookups else {
            let words = gathered()
            all = words
            return words.contains(Self.hash(word.utf8))
        }
        let target = Array(word.utf8)
        var answer = false
        forEachText { text in
            if !answer { answer = Self.holds(target, in: text) }
        }
        answers[word] = answer
        return answer
    }

    /// Whether `text` has `word` (UTF-8, starting with a–z) as a word of its own.
    static func holds(_ word: [UInt8], in text: String) -> Bool {
        guard let first = word.first else { return false }
        var text = text
        return text.withUTF8 { bytes in
            var offset = 0
            let last = bytes.count - word.count
            while offset <= last {
                defer { offset += 1 }
                guard bytes[offset] == first, offset == 0 || !letterEnds(before: offset, in: bytes) else { continue }
                let end = offset + word.count
                guard end == bytes.count || letterLength(at: end, in: bytes) == nil else { continue }
                if bytes[offset..<end].elementsEqual(word) { return true }
            }
            return false
        }
    }

    /// The length in bytes of the character of a word that starts at `offset` (an ASCII
    /// letter, or a character beyond ASCII that the tokenizer reads as part of a word), or nil
    /// for any other (a space, a digit, punctuation). Not every byte beyond ASCII: the em dash
    /// of "workers—who" was part of a word "workers—who", and "workers" was taken for a word
    /// the article never writes in lowercase, so that "- Workers in Seattle struck." named
    /// the example "Workers", which the tokenizer then found mentioned in that sentence.
    @inline(__always)
    static func letterLength(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let byte = bytes[offset]
        if byte < 0x80 { return (0x61...0x7A).contains(byte | 0x20) ? 1 : nil }
        let (scalar, length) = scalar(at: offset, in: bytes)
        return Tokenizer.isWordScalar(scalar) || scalar.isInvisible ? length : nil
    }

    /// Whether the character that ends just before `offset` is one of a word (`letterLength`).
    static func letterEnds(before offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = offset - 1
        // Back over continuation bytes (10xxxxxx) to the character's first byte.
        while start > 0, bytes[start] & 0xC0 == 0x80, offset - start < 4 { start -= 1 }
        return letterLength(at: start, in: bytes) != nil
    }

    /// The scalar whose UTF-8 starts at `offset`, and its length, by the standard library's
    /// decoder (as `InvalidUTF8` reads bytes). The text is a `String`'s, so valid UTF-8.
    private static func scalar(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (scalar: Unicode.Scalar, length: Int) {
        var iterator = bytes[offset...].makeIterator()
        var decoder = UTF8()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return ("\u{FFFD}", 1) }
        return (scalar, UTF8.width(scalar))
    }

    private func forEachText(_ body: (String) -> Void) {
        for section in article.sections {
            for block in section.blocks {
                switch block {
                case .paragraph(let paragraph): body(paragraph.text)
                case .list(let list): list.items.forEach { body($0.text) }
                }
            }
        }
    }

    private func gathered() -> Set<UInt64> {
        var words: Set<UInt64> = []
        forEachText { text in
            Self.forEachWord(in: text) { words.insert(Self.hash($0)) }
        }
        return words
    }

    /// FNV-1a, 64 bits: the same in every run, unlike `Hasher`.
    static func hash(_ bytes: some Sequence<UInt8>) -> UInt64 {
        bytes.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01B3 }
    }

    /// Calls `body` with each word of `text` that starts in lowercase, as UTF-8, without
    /// copying the text.
    static func forEachWord(in text: String, _ body: (UnsafeBufferPointer<UInt8>.SubSequence) -> Void) {
        var text = text
        text.withUTF8 { bytes in
            var start: Int?
            var offset = 0
            while offset < bytes.count {
                if let length = letterLength(at: offset, in: bytes) {
                    // A word starts after a character that is none of one; it counts when it starts in lowercase.
                    if start == nil { start = (0x61...0x7A).contains(bytes[offset]) ? offset : -1 }
                    offset += length
                    continue
                }
                if let first = start, first >= 0 { body(bytes[first..<offset]) }
                start = nil
                offset += bytes[offset] < 0x80 ? 1 : scalar(at: offset, in: bytes).length
            }
            if let first = start, first >= 0 { body(bytes[first..<bytes.count]) }
        }
    }
}
