import Content

/// A run of text in the reader with one style, possibly a numbered cross-reference.
public struct TextSpan: Equatable, Sendable {
    public var text: String
    public var style: Style
    /// Index into `ReaderDocument.references` when this span is (part of) a cross-reference.
    public var reference: Int?
    /// A reference's number ("[3]"): drawn, but not part of the text a search looks at.
    public var isMarker: Bool
    /// In a wrapped line: where the span starts in its block's text (UTF-8 offset), so search
    /// matches can be drawn over it. Nil for indentation and prefixes.
    public var offset: Int?

    public init(_ text: String, _ style: Style = .normal, reference: Int? = nil, isMarker: Bool = false, offset: Int? = nil) {
        self.text = text
        self.style = style
        self.reference = reference
        self.isMarker = isMarker
        self.offset = offset
    }

    /// The marker that numbers reference `index` ("[1]" for the first), in the style of the
    /// reference it numbers, as lynx draws its numbers: one run of one style per link, which
    /// keeps the bytes sent for a scroll near the cells that change.
    static func marker(_ index: Int, style: Style) -> TextSpan {
        TextSpan("[\(index + 1)]", style, reference: index, isMarker: true)
    }
}

/// A unit of the reader that wraps as a whole: the title, a heading, a paragraph, a list item,
/// or a row of a topic card. Blocks are the same at every width, so a position kept as
/// (block, line within it) survives a resize.
public struct ReaderBlock: Equatable, Sendable {
    public var spans: [TextSpan]
    /// Drawn before the first wrapped line ("• "); later lines are indented by its width.
    public var prefix: TextSpan?
    public var indent: Int
    /// Blank lines above the block.
    public var spacingBefore: Int
    /// The section the block belongs to (for the breadcrumb, the outline and the cross-links pane).
    public var section: Int
    /// The classified item the block shows, if any.
    public var item: String?
    /// The source line of the block, where it has one.
    public var sourceLine: Int?
    /// Whether the block is a section heading, or the title (the lead's): bookmark marks go there.
    public var isHeading = false
    /// Whether the block heads a part of a topic card (its links, its mentions): `}` and `{`
    /// stop there as at a section's heading, but it is no section's, and gets no bookmark mark.
    public var isCardHeading = false

    /// Where `}` and `{` stop: a section's heading, the title, a card's part.
    var startsPart: Bool { isHeading || isCardHeading }
}

/// A cross-reference the reader can select with ] and [ and follow with Enter.
public struct ReaderReference: Equatable, Sendable {
    public var target: Target
    public var block: Int
    /// The node the reference leads to, for the status line ("→ Anarchism").
    public var label: String
    /// The source line its text is on, for a mention in a paragraph or a list item: a card's
    /// "Mentioned in the article, line 3" selects the mention on line 3, not the paragraph's
    /// first (QA 32), nor an item's (QA 33).
    public var sourceLine: Int?

    public init(target: Target, block: Int, label: String, sourceLine: Int? = nil) {
        self.target = target
        self.block = block
        self.label = label
        self.sourceLine = sourceLine
    }
}

/// The reader's content, before wrapping: the article with its cross-references marked and
/// numbered, or a topic card.
public struct ReaderDocument: Equatable, Sendable {
    public var blocks: [ReaderBlock] = []
    public var references: [ReaderReference] = []

    /// The first block of each section, for jumping to a heading.
    public func firstBlock(ofSection section: Int) -> Int? {
        blocks.firstIndex { $0.section == section }
    }

    public func block(holdingSourceLine line: Int) -> Int? {
        var best: Int?
        for (index, block) in blocks.enumerated() {
            guard let start = block.sourceLine else { continue }
            if start <= line { best = index } else { break }
        }
        return best
    }

    public func block(ofItem id: String) -> Int? {
        blocks.firstIndex { $0.item == id }
    }
}

extension ReaderDocument {
    /// The article, with every mention of a classified item marked `name[n]`, and every
    /// classified list item's name a reference to its topic card.
    public static func article(_ model: LinkedArticle) -> ReaderDocument {
        var document = ReaderDocument()
        let finder = model.mentionFinder
        let itemByLine = Dictionary(model.items.map { ($0.line, $0) }, uniquingKeysWith: { first, _ in first })
        let article = model.article
        // The title stands as the lead's heading: a bookmarked lead is marked there.
        document.blocks.append(ReaderBlock(spans: [TextSpan(article.title, Style(.title, bold: true))], prefix: nil, indent: 0,
                                           spacingBefore: 0, section: 0, item: nil, sourceLine: article.titleLine, isHeading: true))
        for (sectionIndex, section) in article.sections.enumerated() {
            if !section.isLead {
                let role: ColorRole = section.level == 2 ? .heading1 : section.level == 3 ? .heading2 : .heading3
                let marker = String(repeating: "#", count: max(section.level - 1, 1))
                document.blocks.append(ReaderBlock(
                    spans: [TextSpan(section.title, Style(role, bold: true))],
                    prefix: TextSpan(marker + " ", Style(role)), indent: 0, spacingBefore: 1,
                    section: sectionIndex, item: nil, sourceLine: section.line, isHeading: true))
            }
            var first = true
            for block in section.blocks {
                switch block {
                case .paragraph(let paragraph):
                    let spans = document.markMentions(in: paragraph.text, model.mentions(in: paragraph), model: model,
                                                      block: document.blocks.count, lines: paragraph.line(atOffset:))
                    document.blocks.append(ReaderBlock(spans: spans, prefix: nil, indent: 0, spacingBefore: 1,
                                                       section: sectionIndex, item: nil, sourceLine: paragraph.line))
                case .list(let list):
                    for (position, listItem) in list.items.enumerated() {
                        let item = itemByLine[listItem.line]
                        let spans = document.itemSpans(listItem, item: item, finder: finder, model: model)
                        document.blocks.append(ReaderBlock(
                            spans: spans, prefix: TextSpan("• ", Style(.dim)), indent: 2,
                            spacingBefore: position == 0 && !(first && section.isLead) ? 1 : 0,
                            section: sectionIndex, item: item?.id, sourceLine: listItem.line))
                    }
                }
                first = false
            }
        }
        return document
    }

    private mutating func itemSpans(_ listItem: ListItem, item: Item?, finder: MentionFinder, model: LinkedArticle) -> [TextSpan] {
        let block = blocks.count
        // Each reference's source line, for an item that goes on over several (see
        // `ReaderReference.sourceLine`): `base` is where the part marked starts in its text.
        func lines(from base: String.Index) -> (Int) -> Int {
            let offset = listItem.text.utf8.distance(from: listItem.text.startIndex, to: base)
            return { listItem.line(atOffset: offset + $0) }
        }
        guard let item else {
            return markMentions(in: listItem.text, finder.mentions(in: listItem), model: model, block: block,
                                lines: lines(from: listItem.text.startIndex))
        }
        let style = Style(item.kind.role, bold: true)
        let reference = references.count
        references.append(ReaderReference(target: .card(item.id), block: block, label: item.name))
        // The item's own name opens its card, where the text has it ("The Italian popolo in…"),
        // else before the text; mentions of other items in its text are references too.
        func name(_ shown: String) -> [TextSpan] { [TextSpan(shown, style, reference: reference), TextSpan.marker(reference, style: style)] }
        guard let (range, isLink) = Self.nameRange(of: item, in: listItem) else {
            return name(item.name) + [TextSpan(" – ")] + markMentions(in: listItem.text, selfID: item.id, finder: finder, model: model,
                                                                        block: block, lines: lines(from: listItem.text.startIndex))
        }
        return markMentions(in: String(listItem.text[..<range.lowerBound]), selfID: item.id, finder: finder, model: model, block: block,
                            lines: lines(from: listItem.text.startIndex))
            + name(isLink ? item.name : String(listItem.text[range]))
            + markMentions(in: String(listItem.text[range.upperBound...]), selfID: item.id, finder: finder, model: model, block: block,
                           lines: lines(from: range.upperBound))
    }

    /// Where `item`'s name is in its list item's text: the name before the dash, or the whole
    /// text, when it is a MediaWiki link (`isLink`: shown as the item's name, its target, as
    /// every pane names it: `[[Luddite_movement]] – …` reads "Luddite movement – …"); else the
    /// first place the text spells the name as words of their own ("the Paris Council met",
    /// not the start of "the Paris Councils district"). QA 30: the first spelling anywhere,
    /// so a marker inside a word or inside a link's brackets (`[[Diggers[3]]]`).
    static func nameRange(of item: Item, in listItem: ListItem) -> (range: Range<String.Index>, isLink: Bool)? {
        let text = listItem.text
        if let written = listItem.name, let end = listItem.nameEnd, written.contains("[[") {
            return (text.startIndex..<end, true)
        }
        if WikiLink.target(ofWhole: text) != nil { return (text.startIndex..<text.endIndex, true) }
        // A link to the item's name among the words is its name, shown as it (QA 32: "The
        // [[Levellers[12]]] were…", the marker inside the brackets).
        if let link = WikiLink.links(in: text).first(where: { $0.name.map(Lookup.fold) == Lookup.fold(item.name) }) {
            return (link.range, true)
        }
        func isWordCharacter(_ character: Character?) -> Bool { character.map { $0.isLetter || $0.isNumber } ?? false }
        var searched = text.startIndex..<text.endIndex
        while let range = text.range(of: item.name, range: searched) {
            let before = range.lowerBound > text.startIndex ? text[text.index(before: range.lowerBound)] : nil
            let after = range.upperBound < text.endIndex ? text[range.upperBound] : nil
            if !isWordCharacter(before), !isWordCharacter(after) { return (range, false) }
            searched = text.index(after: range.lowerBound)..<text.endIndex
        }
        return nil
    }

    /// `text` split into plain spans and `mention[n]` references, in order.
    private mutating func markMentions(in text: String, selfID: String?, finder: MentionFinder,
                                       model: LinkedArticle, block: Int, lines: @escaping (Int) -> Int) -> [TextSpan] {
        markMentions(in: text, finder.mentions(in: text, excluding: selfID), model: model, block: block, lines: lines)
    }

    /// `text` split into plain spans and references at `mentions` (found in `text`), in order.
    /// `lines`: the source line of the byte at a UTF-8 offset in `text` (see `ReaderReference.sourceLine`).
    private mutating func markMentions(in text: String, _ mentions: [Linker.Mention], model: LinkedArticle, block: Int,
                                       lines: (Int) -> Int) -> [TextSpan] {
        // MediaWiki links read as they show, their label or their text (QA 35: the reader showed
        // "[[Syndicalism|revolutionary syndicalism]][2]", as wiki-tui and w3m never do). Search
        // reads what is shown; a reference's source line is found from the text as written.
        func shown(_ part: Substring) -> String { WikiLink.asShown(String(part)) }
        var spans: [TextSpan] = []
        var cursor = text.startIndex
        for mention in mentions {
            guard let targetID = mention.targets.first, let target = Target.node(targetID, in: model) else { continue }
            if cursor < mention.range.lowerBound { spans.append(TextSpan(shown(text[cursor..<mention.range.lowerBound]))) }
            let reference = references.count
            references.append(ReaderReference(target: target, block: block, label: model.displayName(of: targetID),
                                              sourceLine: lines(text.utf8.distance(from: text.startIndex, to: mention.range.lowerBound))))
            let style = Style(.link)
            spans.append(TextSpan(shown(text[mention.range]), style, reference: reference))
            cursor = mention.range.upperBound
            // A MediaWiki link among other words is one mention, label and trail (see
            // `Linker.linkMention`): its number goes after them ("The digging folk[2] dug").
            spans.append(TextSpan.marker(reference, style: style))
        }
        if cursor < text.endIndex { spans.append(TextSpan(shown(text[cursor...]))) }
        return spans
    }
}
