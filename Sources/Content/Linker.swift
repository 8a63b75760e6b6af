/// Finds detected cross-links: every place where an item's name or alias is mentioned in a
/// paragraph or in another item. One link per (source, target, line), with the sentence as
/// evidence, so a topic mentioned in three paragraphs of a section has three pieces of evidence.
public struct Linker: Sendable {
    public init() {}

    public func detectedLinks(in article: Article, items: [Item]) -> [Link] {
        let index = AliasIndex(items: items)
        guard !index.isEmpty else { return [] }
        let itemByLine = Dictionary(items.map { ($0.line, $0) }, uniquingKeysWith: { first, _ in first })
        var folder = ScalarFolder()
        var links: [Link] = []
        var seen: Set<MentionKey> = []

        for section in article.sections {
            for block in section.blocks {
                switch block {
                case .paragraph(let paragraph):
                    scan(paragraph.text, source: section.id, selfID: nil, section: section.id,
                         line: paragraph.line, paragraph: paragraph, index: index, folder: &folder, seen: &seen, into: &links)
                case .list(let list):
                    for listItem in list.items {
                        let owner = itemByLine[listItem.line]
                        scan(listItem.text, source: owner?.id ?? section.id, selfID: owner?.id, section: section.id,
                             line: listItem.line, index: index, folder: &folder, seen: &seen, into: &links)
                    }
                }
            }
        }
        return links
    }

    /// A mention of one or more items in a piece of text.
    public struct Mention: Sendable, Equatable {
        public var range: Range<String.Index>
        public var targets: [String]
    }

    static func mentions(in text: String, index: AliasIndex, selfID: String?, folder: inout ScalarFolder) -> [Mention] {
        guard !index.isEmpty else { return [] }
        let tokens = Tokenizer.tokens(in: text, folder: &folder)
        var found: [Mention] = []
        var position = 0
        while position < tokens.count {
            guard let match = index.longestMatch(in: tokens, at: position, excluding: selfID) else {
                position += 1
                continue
            }
            let targets = match.targets.filter { $0 != selfID }
            found.append(Mention(range: tokens[position].start..<tokens[position + match.length - 1].end, targets: targets))
            position += match.length
        }
        return found
    }

    private struct MentionKey: Hashable {
        var from: String
        var to: String
        var line: Int
    }

    /// `paragraph`, when the text is one, gives each mention its own source line.
    private func scan(_ text: String, source: String, selfID: String?, section: String, line: Int,
                      paragraph: Paragraph? = nil, index: AliasIndex, folder: inout ScalarFolder, seen: inout Set<MentionKey>, into links: inout [Link]) {
        var sentences: [Range<String.Index>]?
        for mention in Self.mentions(in: text, index: index, selfID: selfID, folder: &folder) {
            let line = paragraph?.line(at: mention.range.lowerBound) ?? line
            for target in mention.targets {
                guard seen.insert(MentionKey(from: source, to: target, line: line)).inserted else { continue }
                if sentences == nil { sentences = SentenceSplitter.sentences(in: text) }
                let start = mention.range.lowerBound
                let range = sentences!.first { $0.contains(start) } ?? text.startIndex..<text.endIndex
                let evidence = Evidence(section: section, line: line, text: String(text[range]))
                links.append(Link(from: source, to: target, relation: .mentions, origin: .detected, evidence: evidence))
            }
        }
    }
}

/// Alias token sequences by their first token, longest first, so that "Marxism–Leninism–Maoism"
/// wins over "Marxism–Leninism" at the same place.
struct AliasIndex: Sendable {
    struct Entry: Sendable {
        var tokens: [String]
        var targets: [String]
    }

    private var byFirstToken: [String: [Entry]] = [:]

    init(items: [Item]) {
        var targetsBySequence: [[String]: [String]] = [:]
        var order: [[String]] = []
        var folder = ScalarFolder()
        for item in items {
            for sequence in Aliases.tokenSequences(for: item.name, folder: &folder) {
                if targetsBySequence[sequence] == nil { order.append(sequence) }
                if !(targetsBySequence[sequence]?.contains(item.id) ?? false) {
                    targetsBySequence[sequence, default: []].append(item.id)
                }
            }
        }
        for sequence in order {
            byFirstToken[sequence[0], default: []].append(Entry(tokens: sequence, targets: targetsBySequence[sequence]!))
        }
        for key in byFirstToken.keys {
            byFirstToken[key]!.sort { $0.tokens.count > $1.tokens.count }
        }
    }

    var isEmpty: Bool { byFirstToken.isEmpty }

    /// The longest alias starting at `position`. Aliases of `excluded` alone are passed over, so
    /// an item's own name does not hide the names inside it ("Anarcho-syndicalism" → Syndicalism).
    func longestMatch(in tokens: [Token], at position: Int, excluding excluded: String?) -> (length: Int, targets: [String])? {
        guard let entries = byFirstToken[tokens[position].folded] else { return nil }
        for entry in entries where position + entry.tokens.count <= tokens.count && entry.targets != [excluded] {
            var matches = true
            for offset in 1..<max(entry.tokens.count, 1) where tokens[position + offset].folded != entry.tokens[offset] {
                matches = false
                break
            }
            if matches { return (entry.tokens.count, entry.targets) }
        }
        return nil
    }
}

/// Finds the mentions of an article's items in any text, with the same aliases and rules as
/// the linker: the explorer uses it to mark cross-references inline.
public struct MentionFinder: Sendable {
    private let index: AliasIndex

    public init(items: [Item]) { index = AliasIndex(items: items) }

    /// Every mention in `text`, left to right; `selfID`'s own name is not a mention of itself.
    public func mentions(in text: String, excluding selfID: String? = nil) -> [Linker.Mention] {
        var folder = ScalarFolder()
        return Linker.mentions(in: text, index: index, selfID: selfID, folder: &folder)
    }
}
