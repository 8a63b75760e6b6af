import Foundation

/// The three kinds of list the explorer cross-links.
public enum ItemKind: String, Sendable, CaseIterable, Codable, Comparable {
    case seeAlso
    case example
    case strategy

    /// The prefix of item ids and the spelling used on the command line (`--kind see-also`).
    public var slug: String {
        switch self {
        case .seeAlso: "see-also"
        case .example: "example"
        case .strategy: "strategy"
        }
    }

    public var pluralTitle: String {
        switch self {
        case .seeAlso: "See-also topics"
        case .example: "Examples"
        case .strategy: "Strategies"
        }
    }

    public var singularTitle: String {
        switch self {
        case .seeAlso: "see-also topic"
        case .example: "example"
        case .strategy: "strategy"
        }
    }

    /// "1 strategy", "5 strategies", "23 see-also topics".
    public func count(_ number: Int) -> String {
        guard number != 1 else { return "1 \(singularTitle)" }
        return switch self {
        case .seeAlso: "\(number) see-also topics"
        case .example: "\(number) examples"
        case .strategy: "\(number) strategies"
        }
    }

    public init?(slug: String) {
        guard let kind = Self.allCases.first(where: { $0.slug == slug || $0.rawValue == slug }) else { return nil }
        self = kind
    }

    public static func < (lhs: ItemKind, rhs: ItemKind) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// A classified list item: a See-also topic, a historical example or a strategy.
public struct Item: Sendable, Equatable, Identifiable {
    /// `kind-slug:name-slug`, e.g. `strategy:municipalism`; never collides with a section id.
    public var id: String
    public var kind: ItemKind
    /// The topic's name: the part before the dash, the See-also title, or the subject of an
    /// example sentence ("Libya has been under dual power…" → "Libya").
    public var name: String
    public var description: String?
    /// The item's whole text as written.
    public var text: String
    public var section: Int
    public var line: Int
}

/// Decides which lists hold See-also topics, examples and strategies, from the section
/// heading (and its ancestors') and the sentence that introduces the list — never from
/// positions or this article's exact wording.
public struct Classifier: Sendable {
    // The words of every language read (see `ListVocabulary`), in every article: it is not
    // asked its language, and words that are common English words are left out of the rows.
    static let seeAlsoHeadings = Set(ListVocabulary.all.flatMap(\.seeAlsoHeadings))
    static let exampleWords = Set(ListVocabulary.all.flatMap(\.exampleWords))
    static let strategyWords = Set(ListVocabulary.all.flatMap(\.strategyWords))

    public init() {}

    public func classify(_ article: Article) -> [Item] {
        var items: [Item] = []
        var slugsByKind: [ItemKind: SlugAllocator] = [:]
        var namer = ExampleNamer(article: article)
        let announcements = Announcements(article)
        for (index, section) in article.sections.enumerated() {
            for block in section.blocks {
                guard case .list(let list) = block, let kind = kind(of: list, in: index, article: article, announcements: announcements) else { continue }
                for listItem in list.items {
                    guard let name = Self.name(of: listItem, kind: kind, namer: &namer), Self.isName(name, kind: kind) else { continue }
                    // A `Name – description` item has what follows its dash, if anything;
                    // another has its whole text when that is more than the name (or than
                    // the link that names it: `[[Ranters|the Ranters]]`, or the full stop
                    // after it: `- Syndicalism.` had the description "Syndicalism.", QA 35).
                    let whole = name == listItem.text || name == Self.withoutFullStops(listItem.text)
                        || WikiLink.target(ofWhole: listItem.text) != nil || WikiLink.nameOfWhole(listItem.text) != nil
                    let description = listItem.name != nil ? listItem.description
                        : kind == .seeAlso ? Self.titleAndDescription(of: listItem).map { $0.description } ?? (whole ? nil : listItem.text)
                        : (whole ? nil : listItem.text)
                    let id = kind.slug + ":" + slugsByKind[kind, default: SlugAllocator()].allocate(for: name)
                    items.append(Item(id: id, kind: kind, name: name, description: description,
                                      text: listItem.text, section: index, line: listItem.line))
                }
            }
        }
        return items
    }

    /// The first section with a list that its heading or lead-in names (a "Strategies" list)
    /// but none of whose items has a name ("- – text"): why such an article has no items.
    public func sectionWithUnnamedList(in article: Article) -> Int? {
        var namer = ExampleNamer(article: article)
        let announcements = Announcements(article)
        return article.sections.indices.first { index in
            article.sections[index].blocks.contains { block in
                guard case .list(let list) = block, let kind = kind(of: list, in: index, article: article, announcements: announcements) else { return false }
                return list.items.allSatisfy { item in
                    Self.name(of: item, kind: kind, namer: &namer).map { !Self.isName($0, kind: kind) } ?? true
                }
            }
        }
    }

    /// Whether what an entry of a `kind` list starts with names an item. Not a marker with
    /// nothing after it, a dash ("- – text"), or a name that shows nothing ("- \u{200B} –
    /// text"); nor, in a list of examples or strategies, a date: "- 1838 – the
    /// People's Charter is published" under "History" is an entry of a timeline, and an
    /// example "1838" made every "1838" of the article a mention of it. A See-also
    /// entry is an article's title, which may be a year's.
    static func isName(_ name: String, kind: ItemKind) -> Bool {
        !name.showsNothing && (kind == .seeAlso || !isDate(name))
    }

    /// Whether `name` is only a number or a date: its words (letters and digits, between
    /// anything else) are numbers ("1838", "1917–1921", "12.5.1848"), decades and ordinals
    /// ("1840s", "19th"), English month names ("12 May 1848", "Sept. 1939") and "c.", "ca.",
    /// "circa", "AD", "BC", "BCE", "CE", "early", "mid", "late" or "century" ("c. 1200",
    /// "mid-1840s", "19th century"), and one of them has a digit.
    static func isDate(_ name: String) -> Bool {
        // Most names have no digit, which a byte tells: splitting each into words first made
        // classifying the bundled article a fifth slower.
        guard name.utf8.contains(where: { (0x30...0x39).contains($0) || $0 >= 0x80 }) else { return false }
        let words = Self.words(name)
        // A month and two digits that are no day is a name ("May 68", the events of May 1968
        // in France; QA 35: no example), where "May 15" and "May 1968" are dates.
        if words.count == 2, monthNames.contains(words[0]), words[1].count == 2, let number = Int(words[1]), number > 31 { return false }
        return words.contains { $0.first?.isNumber ?? false } && words.allSatisfy { word in
            guard let digits = word.firstIndex(where: { !$0.isNumber }) else { return true }
            guard digits > word.startIndex else { return dateWords.contains(word) }
            return ["s", "st", "nd", "rd", "th"].contains(word[digits...])
        }
    }

    static let monthNames: Set<String> = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    ]

    /// The words besides numbers that a date is written with (see `isDate`); "s" is a
    /// decade's ("1840's").
    static let dateWords: Set<String> = monthNames.union([
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "c", "ca", "circa", "ad", "bc", "bce", "ce", "early", "mid", "late", "century", "s",
        // QA 36: "- On Monday, 1 May 1933 the workers marched." was the example "Monday".
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    ])

    /// `announcements`: what sections' text announces, read once a section (see `Announcements`).
    func kind(of list: ListBlock, in sectionIndex: Int, article: Article, announcements: Announcements) -> ItemKind? {
        let headings = ([sectionIndex] + article.path(to: sectionIndex).reversed()).compactMap { index -> String? in
            index == 0 ? nil : article.sections[index].title
        }
        // A list of sources names no example, whatever is above it (QA 36: "Smith, J. (1999)…"
        // under "Notable strikes" was the example "Smith", mentioned by every Smith); nor a
        // See-also topic, under a See also that holds the back matter too, as French
        // Wikipedia's "Voir aussi" holds "Bibliographie" and "Liens externes".
        if let own = headings.first, Self.backMatterHeadings.contains(Self.words(own).joinedWithSpaces()) { return nil }
        if headings.contains(where: { Self.seeAlsoHeadings.contains(Self.words($0).joinedWithSpaces()) }) {
            return .seeAlso
        }
        let leadInKind = list.leadIn.flatMap(Self.firstKeywordKind(in:))
        // A subsection whose heading names no kind ("=== Italy ===") has the kind of a heading
        // above it that names one in the plural ("Historical examples", "Tactics"), as See
        // also's subsections have its (QA 32); not "History", which much of an article is under.
        // So does a subsection under a section whose text ends announcing them in the plural
        // ("== Notable general strikes ==", "The following are among the best-known examples.",
        // then "=== Interwar period ===": QA 35, fourteen examples lost).
        let above = article.path(to: sectionIndex).dropLast().reversed()
        let headingKind = headings.first.flatMap(Self.firstKeywordKind(in:))
            ?? headings.dropFirst().lazy.compactMap(Self.pluralKind(in:)).first
            ?? above.lazy.compactMap(announcements.kind(under:)).first
        return list.leadInIsApart ? headingKind ?? leadInKind : leadInKind ?? headingKind
    }

    /// The kind `section`'s text announces for the lists of its subsections: its last block is
    /// a paragraph whose last sentence introduces a list (`announcesList`) and names a kind in
    /// the plural.
    static func announcedKind(under section: Section) -> ItemKind? {
        guard case .paragraph(let paragraph)? = section.blocks.last,
              let last = SentenceSplitter.sentences(in: paragraph.text).last else { return nil }
        let sentence = String(paragraph.text[last]).trimmingSpaces()
        return announcesList(sentence) ? pluralKind(in: sentence) : nil
    }

    /// What each section's text announces for its subsections' lists (`announcedKind(under:)`),
    /// read once a section in a classification: read again for every list under it, 3,000
    /// subsections under a 190 KB paragraph took 5.8 s to classify (0.06 s before the rule).
    final class Announcements {
        private let article: Article
        private var kinds: [Int: ItemKind?] = [:]

        init(_ article: Article) { self.article = article }

        func kind(under section: Int) -> ItemKind? {
            if let known = kinds[section] { return known }
            let kind = Classifier.announcedKind(under: article.sections[section])
            kinds[section] = kind
            return kind
        }
    }

    /// The headings of an article's back matter, whose lists are sources and links, never items.
    static let backMatterHeadings = Set(ListVocabulary.all.flatMap(\.backMatterHeadings))

    /// The kind words in the plural: a sentence that ends with one names what a list after
    /// it holds ("The Diggers used several strategies."). A singular one at the end does not
    /// ("Historians dispute the Diggers' strategy.", "This was not the case."), nor do
    /// "history" and "historical", which end many a sentence about something else.
    static let listNouns = Set(ListVocabulary.all.flatMap(\.listNouns))

    /// The words that end a sentence pointing at what follows ("… include the following.",
    /// "… are described below.", "… were as follows.").
    static let pointers = Set(ListVocabulary.all.flatMap(\.pointers))

    /// Whether `sentence` introduces a list even as a paragraph of its own, a blank line
    /// before the list: it ends with ':', with a kind word in the plural, or with a word that
    /// points at what follows. Only its end counts: a paragraph that names a strategy on its
    /// way to something else is about that, not about the list after it.
    static func announcesList(_ sentence: String) -> Bool {
        if sentence.hasSuffix(":") { return true }
        guard let last = words(sentence).last else { return false }
        return listNouns.contains(last) || pointers.contains(last)
    }

    /// The kind a word of `listNouns` in `text` names ("Historical examples", "Tactics"), if any.
    static func pluralKind(in text: String) -> ItemKind? {
        for word in words(text) where listNouns.contains(word) {
            return strategyWords.contains(word) ? .strategy : .example
        }
        return nil
    }

    /// The kind named by the earliest keyword in `text`, if any.
    static func firstKeywordKind(in text: String) -> ItemKind? {
        for word in words(text) {
            if strategyWords.contains(word) { return .strategy }
            if exampleWords.contains(word) { return .example }
        }
        return nil
    }

    static func words(_ text: String) -> [String] {
        text.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
    }

    /// What a list entry of a `kind` list is named: the part before its dash, a See-also
    /// title, the name an example sentence is about (see `ExampleNamer`: nil when it is about
    /// none) or a strategy's whole text.
    /// An entry named by a MediaWiki link alone, `[[Target]]` or `[[Target|label]]`, is
    /// named by its target (see `WikiLink`).
    static func name(of item: ListItem, kind: ItemKind, namer: inout ExampleNamer) -> String? {
        let name = writtenName(of: item, kind: kind, namer: &namer)
        return kind == .seeAlso ? name.map(withoutSection) : name
    }

    /// A See-also title as Wikipedia shows a link to a section, "Syndicalism § General strike",
    /// is the article's, as `[[Syndicalism#General strike]]` is (QA 38: no mention of
    /// "Syndicalism" was one of it).
    static func withoutSection(_ title: String) -> String {
        guard let sign = title.range(of: " \u{A7} ") else { return title }
        let article = title[..<sign.lowerBound].trimmingSpaces()
        return article.isEmpty ? title : String(article)
    }

    /// `name(of:kind:namer:)` as the entry writes it.
    private static func writtenName(of item: ListItem, kind: ItemKind, namer: inout ExampleNamer) -> String? {
        // A link among the name's words is read as its target: "The [[Ranters]] – a sect" is
        // "The Ranters" (QA 32: "The [[Ranters]]", brackets and all).
        if let name = item.name {
            return WikiLink.target(ofWhole: name) ?? (name.contains("[[") ? WikiLink.withTargets(name) : Self.unquoted(Self.withoutDates(name)))
        }
        if kind == .seeAlso, let title = titleAndDescription(of: item) { return WikiLink.target(ofWhole: title.name) ?? title.name }
        if let target = WikiLink.target(ofWhole: item.text) { return target }
        let whole = item.text.trimmingSpaces()
        // A full stop of any script ends a sentence, never a name ("東京は…見舞われた。").
        let text = withoutFullStops(whole)
        // "- ..." is named as written: without its dots it would have no name at all.
        guard !text.trimmingSpaces().isEmpty else { return whole }
        // One link and its trail is named as it reads (QA 36: "- [[Agitator]]s" kept its brackets).
        guard kind == .example else { return WikiLink.nameOfWhole(text) ?? text }
        return namer.name(ofEntry: String(text), endedWithFullStop: text != whole)
    }

    /// A See-also entry names an article, and titles hold colons ("Star Wars: Episode IV"),
    /// which the parser's rule for names refuses, as prose has them ("Note: knead it – ten
    /// minutes"). In a See also list the first dash parts title and description whatever the
    /// title holds, for a title of up to eight words (the link to the folder's article
    /// "Star Wars: Episode IV" was lost). Nil when the parser split it already, or no dash does.
    /// `separator` is the dash as written, as `ListItem.separator` has it.
    static func titleAndDescription(of item: ListItem) -> (name: String, description: String?, separator: String)? {
        guard item.name == nil else { return nil }
        // Any dash the parser reads (an unspaced em dash too: QA 32, "Star Wars: Episode IV—the
        // 1977 film" was a title of its own).
        return ArticleParser.dashSplit(item.text) { !$0.isEmpty && $0.split(separator: " ").count <= 8 }
    }

    /// `.`, `。`, fullwidth `．`, halfwidth `｡`, Urdu `۔`, Devanagari `।`.
    static let fullStops: Set<Unicode.Scalar> = [".", "\u{3002}", "\u{FF0E}", "\u{FF61}", "\u{06D4}", "\u{0964}"]

    /// `text` without the full stops that end it.
    static func withoutFullStops(_ text: String) -> String {
        var text = text
        while let last = text.unicodeScalars.last, fullStops.contains(last) { text.unicodeScalars.removeLast() }
        return text
    }

    /// A name without the dates in brackets that end it, as Wikipedia lists an event with its
    /// span ("Montgomery bus boycott (December 1955 – December 1956) – a boycott"; QA 36): the
    /// text mentions the event, not its dates. Brackets of anything else stay ("Mutualism
    /// (economic theory)").
    static func withoutDates(_ name: String) -> String {
        guard name.hasSuffix(")"), let open = name.lastIndex(of: "("), open > name.startIndex,
              isDate(String(name[name.index(after: open)..<name.index(before: name.endIndex)])) else { return name }
        let bare = name[..<open].trimmingSpaces()
        return bare.isEmpty ? name : String(bare)
    }

    /// Quotation marks that may enclose a name, opening to closing: English (double and single),
    /// German and French.
    static let quotationMarks: [Character: Character] = [
        "\"": "\"", "\u{201C}": "\u{201D}", "\u{201E}": "\u{201C}", "\u{AB}": "\u{BB}", "'": "'", "\u{2018}": "\u{2019}",
    ]

    /// A name written in quotation marks, as a title of a work or an event often is
    /// (`- "Bloody Sunday" – 1905.`), without them: it is the name inside that the text
    /// mentions, and that a See-also entry of that title names (QA 35: `"Bloody Sunday"`, no
    /// namesake of the topic Bloody Sunday). Quotes that do not enclose the whole name, or
    /// that enclose others, stay.
    static func unquoted(_ name: String) -> String {
        guard name.count > 2, let first = name.first, let closing = quotationMarks[first], name.last == closing else { return name }
        let inside = name.dropFirst().dropLast()
        guard !inside.contains(first), !inside.contains(closing), !inside.trimmingSpaces().isEmpty else { return name }
        return String(inside).trimmingSpaces()
    }

    /// What ends the subject of an example sentence inside a word, as "," ends "Paris, in
    /// 1871": ASCII `,;:(`, and the commas, colons, semicolons and brackets of CJK text (which
    /// has no spaces to end a word at: "東京、大阪" is one "word") and Arabic.
    /// An em dash too: of a pair that sets a clause apart, it ends what comes before it
    /// ("Rojava—a region in Syria—set up councils" is about Rojava; QA 33: "Rojava—a region").
    static let subjectCuts: Set<Character> = [",", ";", ":", "(", "\u{2014}", "、", "，", "：", "；", "（", "。", "،", "؛"]

    /// Words that end the subject of an example sentence ("Libya has been…", "… in 1520").
    static let subjectStopWords: Set<String> = [
        "in", "has", "have", "had", "is", "was", "were", "are", "used", "uses", "since", "during",
        "from", "with", "by", "to", "for", "on", "at", "which", "who", "that", "where", "when", "became", "saw",
    ]

    /// The first sentence of `text`, without the marks that end it: only the first sentence
    /// of an example names it ("A sentence ends here. Then another – …" was named "sentence
    /// ends here. Then another –").
    static func firstSentence(of text: String) -> Substring {
        guard let first = SentenceSplitter.sentences(in: text).first, first.upperBound < text.endIndex else { return text[...] }
        var sentence = text[first]
        while let last = sentence.unicodeScalars.last, SentenceSplitter.isEnd(last) { sentence.unicodeScalars.removeLast() }
        return sentence
    }

    /// The leading noun phrase of an example sentence in a script without case (see
    /// `ExampleNamer`), without a leading article; a dash ends it.
    static func subject(of sentence: Substring) -> String {
        var words: [Substring] = []
        // Word by word, as `split(separator: " ")` splits, but only as far as the subject
        // goes: splitting a long example's whole first sentence was 3 % of loading the
        // bundled article (callgrind).
        var rest = sentence
        while let word = Self.nextWord(of: &rest) {
            let bare = word.trimmingPunctuation()
            if words.isEmpty, ExampleNamer.articles.contains(bare.lowercased()) { continue }
            if ["–", "—", "-"].contains(word) { break }
            if subjectStopWords.contains(bare.lowercased()) || words.count == 12 { break }
            if let cut = word.firstIndex(where: subjectCuts.contains) {
                if cut > word.startIndex { words.append(word[..<cut]) }
                break
            }
            words.append(word)
        }
        return words.joinedWithSpaces()
    }

    /// The first word of `text` between " " characters, which are taken off with it.
    private static func nextWord(of text: inout Substring) -> Substring? {
        guard let start = text.firstIndex(where: { $0 != " " }) else { return nil }
        let end = text[start...].firstIndex(of: " ") ?? text.endIndex
        defer { text = text[end...] }
        return text[start..<end]
    }
}

/// MediaWiki's internal link, as an author who writes for Wikipedia puts it in a list:
/// `[[Diggers]]`, or `[[Target|label]]`, which shows the label and links to Target (and
/// `[[Target#Section|label]]` to a section of Target).
public enum WikiLink {
    /// The article `text` links to when it is one such link and nothing else; nil otherwise,
    /// as for a link among other words ("The [[Diggers]] and others" is prose, kept as written),
    /// one with a trail (`[[Leveller]]s`, named as it shows: see `withTargets`) or one that is
    /// no title (`[[]]`, `[[#Diggers]]`: see `title(of:)`). Unlike a link in prose, one to
    /// another namespace names its page: a See-also entry `[[Portal:Anarchism]]` is that page.
    public static func target(ofWhole text: String) -> String? {
        guard text.hasPrefix("[["), text.hasSuffix("]]"), text.utf8.count > 4 else { return nil }
        let inside = text.dropFirst(2).dropLast(2)
        guard !inside.contains("[["), !inside.contains("]]"), let read = title(of: inside.utf8), !read.title.isEmpty else { return nil }
        return read.title
    }

    /// The name of `text` when it is one link to an article and its trail, and nothing else
    /// (`[[Agitator]]s` is "Agitators", as it reads; see `links(in:)`); nil otherwise.
    static func nameOfWhole(_ text: String) -> String? {
        let found = links(in: text)
        guard found.count == 1, found[0].range == text.startIndex..<text.endIndex else { return nil }
        return found[0].name
    }

    /// A link among the words of a text: where it is, its trail included, the article it links
    /// to (nil for none: see `links(in:)`), and what it reads as in a name (see `withTargets`).
    public typealias Link = (range: Range<String.Index>, target: String?, name: String?)

    /// The links among the words of `text`, in order: each `[[…]]`, and the lowercase letters
    /// right after it, which MediaWiki's link trail makes part of the link (`[[Leveller]]s`
    /// shows "Levellers", all of it linked). A target is a title: at most 255 bytes, with no
    /// bracket, brace or angle bracket (MediaWiki's rule), so a stray "[[" does not make the
    /// rest of a paragraph a link. A link with no article to link to is one all the same, of no
    /// target, whose words name nothing (QA 33): one without a target (`[[|Diggers]]`, a section
    /// of this page, `[[#Diggers]]`) and one to another namespace or wiki (`[[Category:Diggers]]`,
    /// `[[File:Diggers.png|thumb]]`, `[[w:Diggers]]`: a word, a colon, no space after it; a title
    /// with a colon has one, "Star Wars: Episode IV").
    ///
    /// Each place is read once whatever the text: the first "]]" after an opening is that of
    /// every opening up to it (looked for again only once passed), and an opening with another
    /// before its "]]" is no link (QA 32: a paragraph of many "[[" and one "]]" was read from
    /// each "[[" to the "]]"). By bytes: a text dense with links paid twice its linking for them
    /// through `Character`s (QA 33).
    public static func links(in text: String) -> [Link] {
        let utf8 = text.utf8
        guard utf8.count >= 4, utf8.contains(UInt8(ascii: "[")) else { return [] }
        /// Where the next `byte` twice in a row is, from `start`.
        func pair(of byte: UInt8, from start: String.Index) -> String.Index? {
            var index = start
            while let found = utf8[index...].firstIndex(of: byte) {
                let next = utf8.index(after: found)
                if next < utf8.endIndex, utf8[next] == byte { return found }
                index = next
            }
            return nil
        }
        var found: [Link] = []
        var open = pair(of: UInt8(ascii: "["), from: utf8.startIndex)
        var close: String.Index?
        while let start = open {
            let inside = utf8.index(start, offsetBy: 2)
            if close.map({ $0 < inside }) ?? true { close = pair(of: UInt8(ascii: "]"), from: inside) }
            guard let end = close else { break }
            open = pair(of: UInt8(ascii: "["), from: inside)
            if let next = open, next < end { continue }
            guard let read = title(of: utf8[inside..<end]) else { continue }
            let target = isElsewhere(read.title) ? "" : read.title
            let after = utf8.index(end, offsetBy: 2)
            var trail = after
            while trail < utf8.endIndex, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(utf8[trail]) { trail = utf8.index(after: trail) }
            // Piped, the label is the text's own words for the target: the target names it.
            // Not piped, the target is the text, with its trail ("[[Ranter]]s" is "Ranters"),
            // unless a section follows it: "[[Levellers#Name]]s" shows "Levellers#Names", the
            // trail the section's, so the target names it ("Levellers", not "Levellerss").
            let name = target.isEmpty ? nil : read.piped || read.anchored ? target : target + text[after..<trail]
            found.append((start..<trail, target.isEmpty ? nil : target, name))
            if let next = open, next < trail { open = pair(of: UInt8(ascii: "["), from: trail) }
        }
        return found
    }

    /// The title the inside of a link (between its brackets) names, as MediaWiki reads one:
    /// before any "|" and "#", an underscore a space, spaces around it trimmed, and a leading
    /// colon, which links a page itself (`[[:Category:Diggers]]` the category's page), taken off;
    /// "" for none (`[[|Diggers]]`, `[[#Diggers]]`, a section of this page); with whether a "|"
    /// gave a label and whether a "#" a section. Nil for no title at all: over 255 bytes, or with
    /// a bracket, brace or angle bracket. The one reader of titles, for links in prose and for
    /// an entry that is a link.
    private static func title(of inside: Substring.UTF8View) -> (title: String, piped: Bool, anchored: Bool)? {
        var bytes: [UInt8] = []
        var index = inside.startIndex
        var anchored = false
        while index < inside.endIndex, inside[index] != UInt8(ascii: "|") {
            let byte = inside[index]
            if "[]{}<>".utf8.contains(byte) { return nil }
            if byte == UInt8(ascii: "#") { anchored = true }
            if !anchored { bytes.append(byte == UInt8(ascii: "_") ? UInt8(ascii: " ") : byte) }
            guard bytes.count <= 255 else { return nil }
            index = inside.index(after: index)
        }
        var title = String(decoding: bytes, as: UTF8.self).trimmingSpaces()
        if title.hasPrefix(":") { title.removeFirst() }
        return (title, index < inside.endIndex, anchored)
    }

    /// Whether `title` is in another namespace or wiki (`Category:Diggers`, `File:Diggers.png`,
    /// `w:Diggers`): a word of letters, a colon, and no space after it, where a title with a
    /// colon has one ("Star Wars: Episode IV"). A link in prose to such a page links no article.
    private static func isElsewhere(_ title: String) -> Bool {
        let utf8 = title.utf8
        guard let colon = utf8.firstIndex(of: UInt8(ascii: ":")), colon > utf8.startIndex,
              utf8[..<colon].allSatisfy({ (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0 | 0x20) }) else { return false }
        let after = utf8.index(after: colon)
        return after < utf8.endIndex && utf8[after] != UInt8(ascii: " ")
    }

    /// `text` with each link to an article written as MediaWiki shows it: its label when piped
    /// (the target itself for an empty one, `[[Diggers|]]`), else what is between its brackets,
    /// and its trail ("[[Diggers|the digging folk]] and [[Leveller]]s" shows "the digging folk
    /// and Levellers"). A link to no article is kept as written. For text shown as prose, where
    /// brackets and pipes are markup (QA 35: the Markdown export wrote them escaped).
    public static func asShown(_ text: String) -> String {
        rewritingLinks(in: text) { link in
            let whole = text[link.range]
            guard let close = whole.range(of: "]]") else { return nil }
            var inside = whole[whole.index(whole.startIndex, offsetBy: 2)..<close.lowerBound]
            // A leading colon shows another namespace's page as a link: `[[:Category:Diggers]]`
            // reads "Category:Diggers" (QA 37: shown raw); without it, the link is no text.
            let shownPage = inside.hasPrefix(":")
            guard link.target != nil || shownPage else { return nil }
            if shownPage { inside = inside.dropFirst() }
            let label = inside.firstIndex(of: "|").map { inside[inside.index(after: $0)...] } ?? inside
            let name = label.trimmingSpaces().isEmpty ? (link.target ?? String(inside.prefix { $0 != "|" })) : String(label)
            return name + whole[close.upperBound...]
        }
    }

    /// `text` with each link in it written as its name: a piped one as its target, its trail
    /// left out ("[[Revolutionary Catalonia|Catalonia]] collectivised land." reads "Revolutionary
    /// Catalonia collectivised land.", and "[[Levellers|Leveller]]s argued" "Levellers argued";
    /// QA 33: "Levellerss"), one not piped as it shows, trail and all ("[[Ranter]]s argued" is
    /// "Ranters argued"; QA 34: "Ranter argued"), for naming an example by the sentence it is
    /// (`ExampleNamer`) and an item by a name with links in it: their words would have kept
    /// the brackets and the pipe. A link to no article is kept as written.
    static func withTargets(_ text: String) -> String {
        rewritingLinks(in: text) { $0.name }
    }

    /// `text` with each of its links (`links(in:)`) written as `rewrite` gives it, and as
    /// written where it gives nil.
    private static func rewritingLinks(in text: String, _ rewrite: (Link) -> String?) -> String {
        var result = ""
        var rest = text.startIndex
        for link in links(in: text) {
            guard let written = rewrite(link) else { continue }
            result += text[rest..<link.range.lowerBound] + written
            rest = link.range.upperBound
        }
        return result + text[rest...]
    }
}
