/// Finds detected cross-links: every place where an item's name or alias is mentioned in a
/// paragraph or in another item. One link per (source, target, line), with the sentence as
/// evidence, so a topic mentioned in three paragraphs of a section has three pieces of evidence.
/// Items of different kinds with the same name get one `same-topic` link instead of
/// "mentioning" each other where each is defined (see `AliasIndex`).
public struct Linker: Sendable {
    public init() {}

    /// The links detection finds in `article` among `items`, alone: what
    /// scripts/bench-content.sh times as "detect links" (it builds Content as a package of its
    /// own, so it sees only what is public; removed as unused, it broke the script).
    public func detectedLinks(in article: Article, items: [Item]) -> [Link] {
        detect(in: article, items: items, finder: MentionFinder(items: items)).links
    }

    /// What the linker found in a paragraph: the paragraph's text, and the mentions in it.
    typealias ParagraphMentions = (text: String, mentions: [Mention])

    /// The detected links, and the mentions in each paragraph by the paragraph's line (the
    /// reader marks the same mentions). `finder` must be made from `items`; `curated` are the
    /// article's curated links.
    func detect(in article: Article, items: [Item], finder: MentionFinder,
                curated: [Link] = []) -> (links: [Link], paragraphs: [Int: ParagraphMentions]) {
        let index = finder.index
        guard !index.isEmpty else { return ([], [:]) }
        let itemByLine = Dictionary(items.map { ($0.line, $0) }, uniquingKeysWith: { first, _ in first })
        // Namesakes a curated link relates already, either way: a detected same-topic link
        // beside it would repeat it, or contradict what the curator said they are.
        let curatedPairs = Set(curated.map { Set([$0.from, $0.to]) })
        var folder = ScalarFolder()
        var links: [Link] = []
        var seen: [MentionKey: LinkedMention] = [:]
        var paragraphs: [Int: ParagraphMentions] = [:]

        for section in article.sections {
            let sectionStart = links.count
            for block in section.blocks {
                switch block {
                case .paragraph(let paragraph):
                    let mentions = scan(paragraph, source: section.id, selfID: nil, section: section.id,
                                        index: index, folder: &folder, seen: &seen, into: &links)
                    paragraphs[paragraph.line] = (paragraph.text, mentions)
                case .list(let list):
                    for listItem in list.items {
                        let owner = itemByLine[listItem.line]
                        if let owner {
                            namesakeLinks(of: owner, listedIn: listItem, section: section.id, index: index,
                                          curatedPairs: curatedPairs, into: &links)
                        }
                        scan(listItem, boundary: listItem.nameEnd, source: owner?.id ?? section.id, selfID: owner?.id,
                             section: section.id, index: index, folder: &folder, seen: &seen, into: &links)
                    }
                }
            }
            // A section mentions what its heading names, though its text may never repeat it:
            // "Syndicalism and the general strike". The evidence is the heading's line
            // only where the text has none: a sentence says more than a heading. The lead's
            // heading is the article's title, which names nothing.
            if !section.isLead {
                let linked = Set(links[sectionStart...].lazy.filter { $0.from == section.id }.map(\.to))
                scan(Heading(section: section), source: section.id, selfID: nil, section: section.id, index: index,
                     skipping: linked, folder: &folder, seen: &seen, into: &links)
            }
        }
        return (links, paragraphs)
    }

    /// A mention of one or more items in a piece of text.
    public struct Mention: Sendable, Equatable {
        public var range: Range<String.Index>
        public var targets: [String]
        /// How many words the name takes: of two mentions of one target on a line, the longer
        /// is the better evidence ("the Ada programming language" rather than "Ada").
        var length = 1
    }

    /// The mentions in `text`, left to right; none runs across `boundary` (a list item's
    /// `nameEnd`).
    static func mentions(in text: String, boundary: String.Index? = nil, index: AliasIndex, selfID: String?,
                         folder: inout ScalarFolder) -> [Mention] {
        guard !index.isEmpty else { return [] }
        let tokens = Tokenizer.tokens(in: text, folder: &folder)
        let firstAfterBoundary = boundary.map { boundary in tokens.partitioningIndex { $0.start >= boundary } } ?? tokens.count
        let own = index.ownTopics(of: selfID)
        // A MediaWiki link among the words names its target, not its words: each is one
        // mention or none (see `linkMention`), and the words inside it are read no further.
        let allLinks = WikiLink.links(in: text)
        var links = allLinks.filter { link in boundary.map { link.range.lowerBound >= $0 } ?? true }[...]
        // A link in the item's own name is that name, written as a link: its anchor, label
        // and trail are no words of it, and mention nothing (QA 38: "- [[Levellers#Name]]s –"
        // mentioned the item "Name"; "- [[Leveller]]s' petition –" the item "Levellers").
        let nameLinks = boundary.map { boundary in allLinks.filter { $0.range.lowerBound < boundary }.map(\.range) } ?? []
        /// The first token of the next link (`tokens.count` when none is left).
        func firstToken(of link: WikiLink.Link?) -> Int {
            guard let link else { return tokens.count }
            return tokens.partitioningIndex { $0.start >= link.range.lowerBound }
        }
        var linkStart = firstToken(of: links.first)
        var found: [Mention] = []
        var position = 0
        while position < tokens.count {
            if position >= linkStart, let link = links.popFirst() {
                if let mention = linkMention(link, index: index, own: own, folder: &folder) { found.append(mention) }
                while position < tokens.count, tokens[position].start < link.range.upperBound { position += 1 }
                linkStart = firstToken(of: links.first)
                continue
            }
            if position < firstAfterBoundary, nameLinks.contains(where: { $0.contains(tokens[position].start) }) {
                position += 1
                continue
            }
            // A name does not run into a link: "Paris [[Commune]]" is "Paris", then the link.
            let end = min(position < firstAfterBoundary ? firstAfterBoundary : tokens.count, linkStart)
            guard let match = index.longestMatch(in: tokens, of: text, at: position, before: end, excluding: own,
                                                 inName: position < firstAfterBoundary) else {
                position += 1
                continue
            }
            guard !match.isOwnName else {
                position += match.length
                continue
            }
            var range = Self.closingParentheses(of: tokens[position].start..<tokens[position + match.length - 1].end, in: text)
            // "Washington, D.C." and "Yahoo!" end in a mark that is no token: the mention takes
            // it where the text has it, so the reader marks "D.C.[3]", not "D.C[3].".
            if range.upperBound < text.utf8.endIndex, let mark = index.closingMark(of: match.targets),
               text.utf8[range.upperBound] == mark {
                range = range.lowerBound..<text.utf8.index(after: range.upperBound)
            }
            found.append(Mention(range: range, targets: match.targets, length: match.length))
            position += match.length
        }
        return found
    }

    /// The mention a MediaWiki link in running text is: of the first item its target names,
    /// read as text is ("[[Revolutionary Catalonia|the region]]" mentions Catalonia), over
    /// the whole link, brackets and trail; none when the target names none, whatever its
    /// label says ("[[Foo|the Diggers]]" leads to Foo).
    static func linkMention(_ link: WikiLink.Link, index: AliasIndex, own: [String], folder: inout ScalarFolder) -> Mention? {
        guard let target = link.target else { return nil }
        let tokens = Tokenizer.tokens(in: target, folder: &folder)
        var position = 0
        while position < tokens.count {
            guard let match = index.longestMatch(in: tokens, of: target, at: position, before: tokens.count,
                                                 excluding: own, inName: false) else {
                position += 1
                continue
            }
            return match.isOwnName ? nil : Mention(range: link.range, targets: match.targets, length: match.length)
        }
        return nil
    }

    /// `range` with the ")" that close its own "(": tokens are words, so a mention of
    /// "Gamma (commune)" would end before its ")" and the reader would mark "(commune".
    static func closingParentheses(of range: Range<String.Index>, in text: String) -> Range<String.Index> {
        let utf8 = text.utf8
        var unclosed = 0
        for byte in utf8[range] {
            if byte == UInt8(ascii: "(") { unclosed += 1 } else if byte == UInt8(ascii: ")"), unclosed > 0 { unclosed -= 1 }
        }
        var end = range.upperBound
        while unclosed > 0, end < utf8.endIndex, utf8[end] == UInt8(ascii: ")") {
            end = utf8.index(after: end)
            unclosed -= 1
        }
        return range.lowerBound..<end
    }

    /// The sentence that holds `index`, by bisection (`sentences` are in text order): a
    /// paragraph can have thousands of sentences and a mention in each.
    static func sentence(holding index: String.Index, in sentences: [Range<String.Index>]) -> Range<String.Index>? {
        let after = sentences.partitioningIndex { $0.lowerBound > index }
        guard after > 0, sentences[after - 1].contains(index) else { return nil }
        return sentences[after - 1]
    }

    /// Sentences up to this many UTF-8 bytes are evidence whole (the bundled article's
    /// longest is 388).
    static let wholeSentenceLimit = 600
    /// How much of a longer sentence is kept on each side of the mention, in characters.
    static let excerptContext = 200

    /// The evidence for a mention: its sentence, or the part of a very long one around the
    /// mention, cut with "…", and where the mention is in it (see `Evidence.mention`). A whole
    /// 360 kB sentence naming 16,000 items, once per link, weighed 2.5 GB.
    static func excerpt(of text: String, sentence: Range<String.Index>,
                        around mention: Range<String.Index>) -> (text: String, mention: Range<Int>) {
        // A mention can run past its sentence ("U.S. Army" split at "U.S."): a whole sentence
        // then marks only its own part of the mention.
        guard text.utf8.distance(from: sentence.lowerBound, to: sentence.upperBound) > wholeSentenceLimit else {
            return (String(text[sentence]), offsets(of: mention, from: sentence.lowerBound, within: sentence, in: text))
        }
        // An excerpt's limits widen to hold it, so the walk never leaves the text.
        let lower = min(sentence.lowerBound, mention.lowerBound)
        let upper = max(sentence.upperBound, mention.upperBound)
        let start = text.index(mention.lowerBound, offsetBy: -excerptContext, limitedBy: lower) ?? lower
        let end = text.index(mention.upperBound, offsetBy: excerptContext, limitedBy: upper) ?? upper
        let opening = start > lower ? "…" : ""
        let range = offsets(of: mention, from: start, within: start..<end, in: text)
        let shift = opening.utf8.count
        return (opening + text[start..<end] + (end < upper ? "…" : ""), (range.lowerBound + shift)..<(range.upperBound + shift))
    }

    /// `mention`, kept within `bounds`, as UTF-8 offsets from `origin`.
    private static func offsets(of mention: Range<String.Index>, from origin: String.Index,
                                within bounds: Range<String.Index>, in text: String) -> Range<Int> {
        let kept = mention.clamped(to: bounds)
        return text.utf8.distance(from: origin, to: kept.lowerBound)..<text.utf8.distance(from: origin, to: kept.upperBound)
    }

    /// A `same-topic` link from `item` to each namesake listed before it (a See-also topic
    /// "Council communism" after the strategy), unless a curated link relates the two. The
    /// evidence is `item`'s own line, where the name comes again.
    private func namesakeLinks(of item: Item, listedIn listItem: ListItem, section: String, index: AliasIndex,
                               curatedPairs: Set<Set<String>>, into links: inout [Link]) {
        let namesakes = index.earlierNamesakes(of: item.id).filter { !curatedPairs.contains([item.id, $0]) }
        guard !namesakes.isEmpty else { return }
        let text = listItem.text
        let sentence = SentenceSplitter.sentences(in: text).first ?? text.startIndex..<text.endIndex
        // No mention: the line is the namesake's own, where its name is its definition.
        let evidence = Evidence(section: section, line: listItem.line,
                                text: Self.excerpt(of: text, sentence: sentence, around: sentence.lowerBound..<sentence.lowerBound).text)
        for namesake in namesakes {
            links.append(Link(from: item.id, to: namesake, relation: .sameTopic, origin: .detected, evidence: evidence))
        }
    }

    /// A section's heading, as a line of text to find mentions in.
    private struct Heading: JoinedSourceLines {
        var text: String
        var line: Int
        var lineStarts: [Int] { [0] }

        init(section: Section) {
            text = section.title
            line = section.line
        }
    }

    private struct MentionKey: Hashable {
        var from: String
        var to: String
        var line: Int
    }

    /// The link made for a `MentionKey`: where it is in the links, and how many words long
    /// the mention its evidence holds is.
    private struct LinkedMention {
        var link: Int
        var length: Int
    }

    /// The mentions in a paragraph or a list item (none across `boundary`), each linked with
    /// the source line that holds it (an item's continuation lines count). A target mentioned
    /// twice on a line is linked once, with the sentence of its longest mention: a full name
    /// says more than a short one ("The Ada programming language was named after her" rather
    /// than "Ada Lovelace Day is held in October"). Returns the mentions found.
    /// Targets in `skipping` get no link.
    @discardableResult
    private func scan(_ block: some JoinedSourceLines, boundary: String.Index? = nil, source: String, selfID: String?,
                      section: String, index: AliasIndex, skipping: Set<String> = [], folder: inout ScalarFolder,
                      seen: inout [MentionKey: LinkedMention], into links: inout [Link]) -> [Mention] {
        let text = block.text
        var sentences: [Range<String.Index>]?
        let mentions = Self.mentions(in: text, boundary: boundary, index: index, selfID: selfID, folder: &folder)
        for mention in mentions {
            let line = block.line(at: mention.range.lowerBound)
            for target in mention.targets where !skipping.contains(target) {
                let key = MentionKey(from: source, to: target, line: line)
                let earlier = seen[key]
                if let earlier, earlier.length >= mention.length { continue }
                if sentences == nil { sentences = SentenceSplitter.sentences(in: text) }
                let sentence = Self.sentence(holding: mention.range.lowerBound, in: sentences!) ?? text.startIndex..<text.endIndex
                let excerpt = Self.excerpt(of: text, sentence: sentence, around: mention.range)
                let evidence = Evidence(section: section, line: line, text: excerpt.text, mention: excerpt.mention)
                if let earlier {
                    links[earlier.link].evidence = evidence
                    seen[key]?.length = mention.length
                } else {
                    seen[key] = LinkedMention(link: links.count, length: mention.length)
                    links.append(Link(from: source, to: target, relation: .mentions, origin: .detected, evidence: evidence))
                }
            }
        }
        return mentions
    }
}

/// Every alias of every item, for finding the longest one at a place in a text: the lengths
/// of the aliases that start with each token, longest first, then one dictionary lookup per
/// length. (A list of aliases per first token, tried one by one, made 5,000 See-also titles
/// starting with the same word cost 25 million comparisons.)
///
/// Two rules keep the number of links linear in the size of the article:
/// - items of one kind whose names are the same once folded ("Same", "same", "Sáme"; not
///   "Sit in" and "Sit-in": see `Aliases.spelling`) are one topic: mentions link to the
///   first, and a duplicate's own name is no mention of it;
/// - an alias shared by more than `maximumTargets` topics is too ambiguous to link at all
///   ("Topic" alone when the list has "Topic (1)" … "Topic (2000)"); their full names still are.
/// Without them, 2,000 copies of one See-also title made 4 million links and 800 MB.
///
/// Topics of different kinds with the same name (a strategy and a See-also topic "Council
/// communism") are namesakes: an item's own text is no mention of them either — its name
/// there is its definition, not a reference — and the linker says once that they are the
/// same topic instead (see `earlierNamesakes`).
struct AliasIndex: Sendable {
    static let maximumTargets = 8

    /// Items of one kind are one topic when their names are spelled the same (see
    /// `Aliases.spelling`): "Same" and "Sáme" are, "Sit in" and "Sit-in" are not.
    private struct Topic: Hashable {
        var kind: ItemKind
        var spelling: String
    }

    /// Alias → what a mention of it links to: one item per topic, in article order.
    private var targetsBySequence: [[String]: [String]] = [:]
    /// Of those, the items whose whole name it is, where it is some item's whole name and
    /// other items' short name too: "Mercury" beside "Mercury (planet)" and "Mercury (element)"
    /// names the item "Mercury", written exactly (it linked to all three).
    private var wholeNameTargets: [[String]: [String]] = [:]
    private var lengthsByFirstToken: [String: [Int]] = [:]
    /// A duplicate's id → the first item of its topic.
    private var firstOfTopic: [String: String] = [:]
    /// For each item whose name a topic of another kind has too: the first item of every
    /// topic of that name (one per kind, its own included), in article order.
    private var topicsOfName: [String: [String]] = [:]
    /// The "." or "!" that ends an item's name ("D.C.", "Yahoo!"), by id.
    private var closingMarks: [String: UInt8] = [:]
    /// One-word short names (a name without its "(disambiguator)": "Rust" of "Rust
    /// (programming language)"), and their forms, which mention their items only when written
    /// in the case the name has: "Old bridges rust" and "the answer was yes" mention neither
    /// "Rust (programming language)" nor "Yes (band)". A short name of several words
    /// ("Mutual aid" of "Mutual aid (organization theory)") is no common word, and matches in
    /// any case, as whole names do. Alias (its one folded token) → item id → the short name
    /// as written. Keyed by the token, not the one-token sequence: hashing an array for each
    /// one-word match cost 1.5 % of detecting links (content-bench phase link, 2 MB corpus).
    private var caseBoundSpellings: [String: [String: String]] = [:]
    /// Aliases of names that join words with a dash of their own ("Sit-in", "Work-in") → for
    /// each such item, the joints a mention must write a dash at too
    /// (`Aliases.Alias.dashJoints`): "would sit in the cafeteria" is no mention of "Sit-in",
    /// though "the mutual-aid network" is one of "Mutual aid". Per item, as the alias is
    /// shared: "sit in" still mentions a topic "Sit in" beside "Sit-in".
    private var dashJoints: [[String]: [String: UInt64]] = [:]

    /// The index of `items` in the article titled `title`, when given: the See-also topics
    /// that name the article are left out (see `MentionFinder(items:leavingOutNamesOf:)`),
    /// and the title's words are taken by it (see below).
    init(items: [Item], leavingOutNamesOf title: String? = nil) {
        var folder = ScalarFolder()
        var topics: [Topic: String] = [:]
        var namesakes: [String: [Namesake]] = [:]
        let titleTokens = title.map { Tokenizer.tokens(in: $0, folder: &folder).map(\.folded) }
        for item in items {
            let aliases = Aliases.aliases(for: item.name, folder: &folder)
            let sequences = aliases.map(\.tokens)
            if let titleTokens, LinkedArticle.namesTitle(item, titleTokens: titleTokens, sequences: sequences) { continue }
            if let last = item.name.utf8.last, last == UInt8(ascii: ".") || last == UInt8(ascii: "!") { closingMarks[item.id] = last }
            // The first sequence is the whole name as written.
            guard let name = sequences.first else { continue }
            let topic = Topic(kind: item.kind, spelling: Aliases.spelling(of: item.name, folder: &folder))
            if let first = topics[topic] {
                firstOfTopic[item.id] = first
                continue
            }
            topics[topic] = item.id
            // A one-word alias of a name of several words is its short name or a form of it.
            let shortName = name.count > 1 ? Aliases.withoutDisambiguator(item.name) : nil
            let bareName = shortName.map { Aliases.spelling(of: $0, folder: &folder) } ?? topic.spelling
            namesakes[bareName, default: []].append(Namesake(id: item.id, kind: item.kind, name: topic.spelling,
                                                             hasDisambiguator: shortName != nil))
            for alias in aliases {
                let sequence = alias.tokens
                if targetsBySequence[sequence] == nil { lengthsByFirstToken[sequence[0], default: []].append(sequence.count) }
                if alias.dashJoints != 0 { dashJoints[sequence, default: [:]][item.id] = alias.dashJoints }
                targetsBySequence[sequence, default: []].append(item.id)
                if let shortName, sequence.count == 1 { caseBoundSpellings[sequence[0], default: [:]][item.id] = shortName }
            }
            wholeNameTargets[name, default: []].append(item.id)
        }
        // The article's own title names nothing (a See-also topic that has it is left out
        // above), but it takes its words, as an item's own name does on its line: "Ada
        // Lovelace" in «Ada Lovelace» is no mention of "Ada (programming language)" (it was
        // only when a See-also topic named the article). An item of another kind named as
        // the article is, an example "General strike" in «General strike», keeps its mentions.
        if let title {
            for sequence in Aliases.tokenSequences(for: title, folder: &folder) where targetsBySequence[sequence] == nil {
                lengthsByFirstToken[sequence[0], default: []].append(sequence.count)
                targetsBySequence[sequence] = []
            }
        }
        // Kept only where they narrow something down.
        wholeNameTargets = wholeNameTargets.filter { targetsBySequence[$0.key]?.count != $0.value.count }
        for (token, lengths) in lengthsByFirstToken {
            lengthsByFirstToken[token] = Set(lengths).sorted(by: >)
        }
        // Only groups of more than one kind hold namesakes: 2,000 See-also topics "Topic (1)"
        // … "Topic (2000)" share a short name and are none.
        for group in namesakes.values where group.count > 1 && group.contains(where: { $0.kind != group[0].kind }) {
            // Of one kind, two ("Mercury (planet)" and "Mercury (element)" beside the strategy
            // "Mercury") leave it open which one is meant: neither is, either way.
            var partners: [String: Set<String>] = [:]
            for member in group {
                let others = group.filter { $0.isNamesake(of: member) }
                let counts = Dictionary(grouping: others, by: \.kind).mapValues(\.count)
                partners[member.id] = Set(others.filter { counts[$0.kind] == 1 }.map(\.id))
            }
            for member in group {
                let same = group.filter { other in
                    other.id == member.id || partners[member.id]!.contains(other.id) && partners[other.id]!.contains(member.id)
                }
                if same.count > 1 { topicsOfName[member.id] = same.map(\.id) }
            }
        }
    }

    /// An item as a namesake: items of different kinds are one topic when their names are
    /// the same, or when one of them is the other's without its "(disambiguator)": the
    /// strategy "Mutualism" and the See-also topic "Mutualism (economic theory)" (as a
    /// folder's titles are matched), but not "Mercury (planet)" and "Mercury (element)".
    /// (Nor, in `init`, a name and two of one kind that are it with a disambiguator each.)
    private struct Namesake {
        var id: String
        var kind: ItemKind
        /// The whole name's `Aliases.spelling`.
        var name: String
        var hasDisambiguator: Bool

        func isNamesake(of other: Namesake) -> Bool {
            kind != other.kind && (name == other.name || !hasDisambiguator || !other.hasDisambiguator)
        }
    }

    var isEmpty: Bool { targetsBySequence.isEmpty }

    /// What `id`'s own text does not mention: the first item of its topic, and of each of
    /// its namesakes'. Empty for nil (text that is no item's).
    func ownTopics(of id: String?) -> [String] {
        guard let id else { return [] }
        return topicsOfName[id] ?? [firstOfTopic[id] ?? id]
    }

    /// The mark that ends the name of the first of `targets` that has one.
    func closingMark(of targets: [String]) -> UInt8? {
        closingMarks.isEmpty ? nil : targets.lazy.compactMap { closingMarks[$0] }.first
    }

    /// When `id` is the first item of its topic: the first items of its namesakes listed
    /// before it, in article order. Empty for a copy, and for an item without namesakes.
    func earlierNamesakes(of id: String) -> ArraySlice<String> {
        guard let group = topicsOfName[id], let position = group.firstIndex(of: id) else { return [] }
        return group[..<position]
    }

    /// An alias found at a place in a text.
    struct Match {
        /// How many tokens it takes.
        var length: Int
        /// What it mentions; none where it is the `own` topic's name (see `longestMatch`), or
        /// the article's own title.
        var targets: [String]

        var isOwnName: Bool { targets.isEmpty }
    }

    /// The longest alias starting at `position` of `tokens` (made from `text`) and ending
    /// before `end`, and what it names. An alias of one of the `own` topics (see `ownTopics`)
    /// is the item's own name: it names nothing, and takes its words as any name does, so the
    /// shorter names inside it are not matched there ("Bronze Age" on its own line is no
    /// mention of "Bronze", as "Bronze Age tools" in a paragraph is none). That holds even
    /// when others share the alias: in "Mercury (planet)", "Mercury" is the planet's own short
    /// name, no mention of "Mercury (element)".
    ///
    /// An alias that is some items' whole name names those alone (`wholeNameTargets`). In an
    /// item's own name (`inName`), an alias any own topic has is its own all the same; in its
    /// description, only one that names an own topic: "Mercury (element) – named after
    /// Mercury" mentions the item "Mercury".
    func longestMatch(in tokens: [Token], of text: String, at position: Int, before end: Int, excluding own: [String],
                      inName: Bool = true) -> Match? {
        guard let lengths = lengthsByFirstToken[tokens[position].folded] else { return nil }
        for length in lengths where position + length <= end {
            let sequence = tokens[position..<(position + length)].map(\.folded)
            guard var all = targetsBySequence[sequence], all.count <= Self.maximumTargets else { continue }
            if length > 1, let joints = dashJoints[sequence] {
                all = Self.written(all, joints: joints, dashes: Aliases.dashJoints(of: tokens[position..<(position + length)], in: text))
                if all.isEmpty { continue }
            }
            if length == 1, let spellings = caseBoundSpellings[sequence[0]] {
                let token = text[tokens[position].start..<tokens[position].end]
                all.removeAll { spellings[$0].map { !Self.isWritten(token, asCaseOf: $0) } ?? false }
                if all.isEmpty { continue }
            }
            // Those of the whole names that are still meant (a dash may have left one out).
            let whole = wholeNameTargets[sequence]?.filter(all.contains)
            let targets = whole.flatMap { $0.isEmpty ? nil : $0 } ?? all
            if (inName ? all : targets).contains(where: own.contains) { return Match(length: length, targets: []) }
            return Match(length: length, targets: targets)
        }
        return nil
    }

    /// Of `targets`, those a mention writing a dash at the `dashes` joints names: each needs
    /// a dash where its name has one (`joints`, by item; none where absent), and when some
    /// have their dashes exactly where the text does, only those ("a sit-in" mentions
    /// "Sit-in", not "Sit in" beside it, though "the physical-force wing" mentions "Physical
    /// force").
    static func written(_ targets: [String], joints: [String: UInt64], dashes: UInt64) -> [String] {
        let needed = targets.filter { (joints[$0] ?? 0) & ~dashes == 0 }
        let exact = needed.filter { (joints[$0] ?? 0) == dashes }
        return exact.isEmpty ? needed : exact
    }

    /// Whether `word` has the case of `spelling`, letter by letter as far as both go
    /// ("Pythons" is written as "Python" is; "python" is not), accents aside.
    static func isWritten(_ word: Substring, asCaseOf spelling: String) -> Bool {
        zip(word, spelling).allSatisfy { $0.isUppercase == $1.isUppercase }
    }
}

/// Finds the mentions of an article's items in any text, with the same aliases and rules as
/// the linker: the explorer uses it to mark cross-references inline.
public struct MentionFinder: Sendable {
    fileprivate let index: AliasIndex

    public init(items: [Item]) { index = AliasIndex(items: items) }

    /// The finder of the items whose mentions are cross-references in the article titled
    /// `title`: all but a See-also topic naming the article itself, which would otherwise mark
    /// every use of the article's own name (see `LinkedArticle.namesItself`). By tokens, as
    /// mentions are matched, not through Foundation: this runs at start-up.
    init(items: [Item], leavingOutNamesOf title: String) { index = AliasIndex(items: items, leavingOutNamesOf: title) }

    /// Every mention in `text`, left to right; `selfID`'s own name is not a mention of itself.
    public func mentions(in text: String, excluding selfID: String? = nil) -> [Linker.Mention] {
        var folder = ScalarFolder()
        return Linker.mentions(in: text, index: index, selfID: selfID, folder: &folder)
    }

    /// Every mention in a list item's text, as the linker finds them: none runs across the
    /// dash of a `Name – description` item.
    public func mentions(in item: ListItem, excluding selfID: String? = nil) -> [Linker.Mention] {
        var folder = ScalarFolder()
        return Linker.mentions(in: item.text, boundary: item.nameEnd, index: index, selfID: selfID, folder: &folder)
    }
}
