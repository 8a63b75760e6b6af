import Foundation
import Testing
@testable import Content

/// Articles in scripts other than the Latin: Chinese and Japanese, which put no spaces between
/// words; Korean, which writes particles onto them; Arabic, which has no case; Vietnamese,
/// whose syllables look like "St."; names with emoji; and invisible characters in titles.
/// The texts are QA's (10a), reproduced with the release binary.
@Suite("Scripts other than the Latin")
struct ScriptsTests {
    static func model(_ text: String) throws -> LinkedArticle {
        try LinkedArticle(article: ArticleParser().parse(text))
    }

    /// The text each mention in the lead covers.
    static func leadMentions(_ model: LinkedArticle) throws -> [String] {
        let lead = try #require(model.article.sections[0].blocks.first.flatMap { block -> Paragraph? in
            if case .paragraph(let paragraph) = block { paragraph } else { nil }
        })
        return model.mentions(in: lead).map { String(lead.text[$0.range]) }
    }

    /// Each detected link as "from → to: evidence".
    static func detected(_ model: LinkedArticle) -> [String] {
        model.graph.links.filter { $0.origin == .detected }.map { "\($0.from) → \($0.to): \($0.evidence?.text ?? "-")" }
    }

    // MARK: - Mentions without spaces between words

    @Test("A Chinese name is found inside a run of ideographs, with its sentence as evidence")
    func chineseMentions() throws {
        let model = try Self.model("""
            = 中国 =
            北京是中国的首都。上海是最大的城市，北京和上海都很大。

            == See also ==
            - 北京
            - 上海
            """)
        #expect(try Self.leadMentions(model) == ["北京", "上海", "北京", "上海"])
        #expect(Self.detected(model) == [
            "lead → see-also:北京: 北京是中国的首都。",
            "lead → see-also:上海: 上海是最大的城市，北京和上海都很大。",
        ])
    }

    @Test("A Japanese name is found between kana as between commas; one ideograph is no name to look for")
    func japaneseMentions() throws {
        let model = try Self.model("""
            = 日本 =
            日本の首都は東京です。東京は大きい。首都、東京、大阪。京都は古い。

            == See also ==
            - 東京
            - 大阪
            - 京
            """)
        // 京 is in 東京 and 京都: alone it names nothing.
        #expect(try Self.leadMentions(model) == ["東京", "東京", "東京", "大阪"])
    }

    /// The script changes between ideographs and Latin letters, and that is a word's end on
    /// both sides ("JR東日本" is JR and 東日本); a Latin word must still be whole.
    @Test("Against Latin letters a CJK name ends, and a Latin word must still be whole")
    func unspacedNextToLatin() throws {
        let model = try Self.model("""
            = 鉄道 =
            JR東日本とTokyoメトロ、Tokyoitesの東京abc。

            == See also ==
            - 東日本
            - Tokyo
            - 東京
            """)
        #expect(try Self.leadMentions(model) == ["東日本", "Tokyo", "東京"])
    }

    @Test("A Korean name is found with the particle written onto it, not inside another noun")
    func koreanParticles() throws {
        let model = try Self.model("""
            = 한국 =
            서울은 한국의 수도이다. 부산 은 항구 도시이다. 서울시와 부산에서 꽃은 핀다. 서울로 간다.

            == See also ==
            - 서울
            - 부산
            - 꽃
            """)
        // 서울시 (Seoul City) is another noun; 꽃, one syllable, is no name to look for, with
        // its particle or without.
        #expect(try Self.leadMentions(model) == ["서울은", "부산", "부산에서", "서울로"])
    }

    // MARK: - Sentences

    static func sentences(_ text: String) -> [String] {
        SentenceSplitter.sentences(in: text).map { String(text[$0]) }
    }

    @Test("。！？ end a sentence with or without a space, with the brackets that close it")
    func cjkSentences() {
        #expect(Self.sentences("北京是中国的首都。上海是最大的城市，北京和上海都很大。")
            == ["北京是中国的首都。", "上海是最大的城市，北京和上海都很大。"])
        #expect(Self.sentences("「東京だ。」と彼は言った。 本当？！はい．Yes. 終わり")
            == ["「東京だ。」", "と彼は言った。", "本当？！", "はい．", "Yes.", "終わり"])
    }

    @Test("A full stop, ؟ or ۔ before a letter of a script without case ends a sentence")
    func caselessSentences() {
        #expect(Self.sentences("القاهرة هي العاصمة وأكبر مدينة في البلاد. الإسكندرية مدينة ساحلية كبيرة على البحر. أسوان مدينة في الجنوب.")
            == ["القاهرة هي العاصمة وأكبر مدينة في البلاد.", "الإسكندرية مدينة ساحلية كبيرة على البحر.", "أسوان مدينة في الجنوب."])
        #expect(Self.sentences("هل هذا صحيح؟ نعم. یہ شہر ہے۔ وہ بڑا ہے۔")
            == ["هل هذا صحيح؟", "نعم.", "یہ شہر ہے۔", "وہ بڑا ہے۔"])
        // A lowercase Latin letter still starts none ("etc. and").
        #expect(Self.sentences("Bread, etc. and more. In 1905. 二重権力 is Japanese.")
            == ["Bread, etc. and more.", "In 1905.", "二重権力 is Japanese."])
    }

    @Test("Short capitalised words are no abbreviations: Vietnamese syllables and names end sentences")
    func abbreviationsAreKnownOnes() {
        #expect(Self.sentences("Thủ đô là Hà Nội. Thành phố lớn nhất là Sài Gòn. Huế là cố đô. Việt Nam. Xong.")
            == ["Thủ đô là Hà Nội.", "Thành phố lớn nhất là Sài Gòn.", "Huế là cố đô.", "Việt Nam.", "Xong."])
        #expect(Self.sentences("They met Lee. Then Mao. Then Dr. Sun and Gen. Ma of St. Louis, J. R. Smith and В. И. Ленин. Done.")
            == ["They met Lee.", "Then Mao.", "Then Dr. Sun and Gen. Ma of St. Louis, J. R. Smith and В. И. Ленин.", "Done."])
    }

    @Test("Evidence is the mention's sentence in Arabic, Vietnamese and Russian")
    func evidenceSentences() throws {
        let arabic = try Self.model("""
            = مصر =
            القاهرة هي العاصمة وأكبر مدينة في البلاد. الإسكندرية مدينة ساحلية كبيرة على البحر. أسوان مدينة في الجنوب.

            == See also ==
            - أسوان
            """)
        #expect(Self.detected(arabic) == ["lead → see-also:أسوان: أسوان مدينة في الجنوب."])
        let vietnamese = try Self.model("""
            = Việt Nam =
            Thủ đô là Hà Nội. Thành phố lớn nhất là Sài Gòn. Huế là cố đô.

            == See also ==
            - Huế
            """)
        #expect(Self.detected(vietnamese) == ["lead → see-also:hue: Huế là cố đô."])
        let russian = try Self.model("""
            = Россия =
            Столица — Москва. Крупный город — Казань. Самара стоит на Волге.

            == See also ==
            - Самара
            """)
        #expect(Self.detected(russian) == ["lead → see-also:самара: Самара стоит на Волге."])
    }

    // MARK: - Names of examples

    /// A Japanese sentence is named by its topic, before は or が (QA 38: the whole clause was
    /// its name, "東京は1923年に大きな地震に見舞われた").
    @Test("An example sentence's name never ends in 。, and stops at 、，：；（ as at ,;:(, and at は or が")
    func exampleNamesInOtherScripts() throws {
        let model = try Self.model("""
            = Имена =
            Вводный текст.

            == Historical examples ==
            - 東京は1923年に大きな地震に見舞われた。
            - 関東大震災は1923年9月1日に発生した。 その後、復興した。
            - 東京、大阪と京都は大きな都市である。
            - 大阪（おおさか）は商業の町。
            - 京都：千年の都。
            - القاهرة، عاصمة مصر، مدينة كبيرة.
            - Libya has been under dual power since 2014.
            """)
        #expect(model.items.map(\.name) == [
            "東京", "関東大震災", "東京", "大阪", "京都", "القاهرة", "Libya",
        ])
        // After hiragana, は and が may be a word's own syllables: the name goes on.
        #expect(ExampleNamer.topic(of: "ひまわりが咲く") == "ひまわりが咲く")
        #expect(ExampleNamer.topic(of: "生活クラブは1965年に東京で設立され") == "生活クラブ")
        #expect(ExampleNamer.topic(of: "灘神戸生協は1921年に賀川豊彦が設立した") == "灘神戸生協")
    }

    // MARK: - Emoji and other symbols in names

    static let flags = """
        = Флаги =
        The flag of Japan is white. Party time 🎉 and 🎂 cake. The flag 🇫🇷 has three colours; flags 🇯🇵 fly. I ❤️ it.

        == Historical examples ==
        - Flag 🇫🇷 – France, blue white red.
        - Flag 🇯🇵 – Japan, a red disc.
        - 🎉 – a party popper.
        - 🎂 – a birthday cake.
        - ❤ – a heart.
        """

    @Test("A name's emoji is part of what a mention must match; an emoji alone is a name")
    func emojiInNames() throws {
        let model = try Self.model(Self.flags)
        // "The flag of Japan" names no flag item: the item's flag is not there.
        #expect(try Self.leadMentions(model) == ["🎉", "🎂", "flag 🇫🇷", "flags 🇯🇵", "❤️"])
        #expect(Set(model.graph.links.filter { $0.origin == .detected }.map(\.to))
            == ["example:flag", "example:flag-2", "example:party-popper", "example:birthday-cake", "example:heavy-black-heart"])
        // What is no part of a name: ©, ® and ™, and mathematical symbols, among them the
        // minus sign that is read as a dash and the fullwidth tilde of "1～3".
        #expect(Tokenizer.tokens(in: "Windows® ☭ Marxism−Leninism 1～3") == ["windows", "☭", "marxism", "leninism", "1", "3"])
    }

    @Test("A name of emoji or symbols alone gets an id from their Unicode names")
    func emojiIDs() throws {
        let model = try Self.model(Self.flags)
        #expect(model.items.map(\.id) == [
            "example:flag", "example:flag-2", "example:party-popper", "example:birthday-cake", "example:heavy-black-heart",
        ])
        #expect(["🇫🇷", "✊🏽", "🏴󠁧󠁢󠁳󠁣󠁴󠁿", "👨‍👩‍👧", "★★", "🇫", "؟؟", "👨‍👩‍👧 Family"].map(SlugAllocator.slug) == [
            "flag-fr", "raised-fist-type-4", "waving-black-flag-gbsct", "man-woman-girl", "black-star-black-star",
            "regional-indicator-symbol-letter-f", "section", "family",
        ])
    }

    /// A mark folding leaves on a letter is part of the word: a virama made a hyphen inside
    /// "हिन्दी" ("हिन-दी"), and a Thai tone mark at a word's end was dropped (QA 16b).
    @Test("Indic viramas and Thai tone marks stay in their word's id")
    func marksInIDs() {
        #expect(["हिन्दी भाषा", "தமிழ்", "เชียงใหม่", "ภาษาไทย", "Résumé", "a\u{301}b"].map(SlugAllocator.slug) == [
            "हिन्दी-भाषा", "தமிழ்", "เชียงใหม่", "ภาษาไทย", "resume", "ab",
        ])
    }
}

/// A See-also entry with a character that shows nothing in it opens the article it shows.
@Suite("Folder titles with invisible characters")
struct InvisibleTitleTests {
    @Test("A BOM, zero-width characters or a soft hyphen in a See-also title still open the article")
    func invisibleCharactersInSeeAlso() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("seealso-invisible-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let files = [
            "a.txt": "= Города =\nСписок.\n\n== See also ==\n- Мос\u{FEFF}ква\n- 東京\u{200D}\n- Ha\u{00AD}noi\n- Pa\u{200B}ris\n- Ber\u{2060}lin\n",
            "b.txt": "= Москва =\nГород.\n",
            "c.txt": "= 東京 =\n都市。\n",
            "d.txt": "= Hanoi =\nCity.\n",
            "e.txt": "= Paris =\nCity.\n",
            "f.txt": "= Berlin =\nCity.\n",
        ]
        for (name, text) in files { try Data(text.utf8).write(to: root.appendingPathComponent(name)) }
        let corpus = try Corpus.load(directory: root.path)
        let resolved = corpus.resolvedSeeAlso(of: 0)
        let titles = corpus.articles[0].items.map { item in resolved[item.id].map { corpus.articles[$0].article.title } ?? "-" }
        #expect(titles == ["Москва", "東京", "Hanoi", "Paris", "Berlin"])
    }
}
