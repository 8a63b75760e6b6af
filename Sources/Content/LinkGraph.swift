/// Where a cross-link comes from.
public enum LinkOrigin: String, Sendable, Codable, CaseIterable {
    /// Written by a person in the article's `.links.toml`, with a rationale.
    case curated
    /// Found by the linker: a topic's name or alias mentioned in the text.
    case detected
}

/// The typed relations a link may have. Detected links are always `mentions`; curated links
/// say why two things belong together.
public enum Relation: String, Sendable, Codable, CaseIterable {
    case mentions
    case theoryOf = "theory-of"
    case practiceOf = "practice-of"
    case formOf = "form-of"
    case variantOf = "variant-of"
    case sameTopic = "same-topic"
    case instanceOf = "instance-of"
    case contextOf = "context-of"
    case analogousTo = "analogous-to"
    case developedIn = "developed-in"
    case describedIn = "described-in"
    case related
}

/// The place in the article that shows a detected link: the section, line and sentence.
public struct Evidence: Sendable, Equatable, Hashable, Codable {
    public var section: String
    public var line: Int
    public var text: String
    /// Where the mention is in `text`, in UTF-8 bytes from its start, so that a pane too
    /// narrow for the whole sentence can show the part around it. Bytes, as the linker finds
    /// mentions: a character count would walk the text for every link. Nil where the evidence
    /// mentions nothing (a namesake's own line) or does not know (evidence read from JSON).
    ///
    /// A help to show the evidence, not part of it: where in `text` the link's own target is
    /// named, which the text and the target say again. So it is not exported (the JSON
    /// schema is `{section, line, text}`), and evidence read back from an export is equal to
    /// the linker's (`==` and `hash` leave it out).
    public var mention: Range<Int>?

    private enum CodingKeys: String, CodingKey { case section, line, text }

    public static func == (lhs: Evidence, rhs: Evidence) -> Bool {
        (lhs.section, lhs.line, lhs.text) == (rhs.section, rhs.line, rhs.text)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(section)
        hasher.combine(line)
        hasher.combine(text)
    }

    public init(section: String, line: Int, text: String, mention: Range<Int>? = nil) {
        self.section = section
        self.line = line
        self.text = text
        self.mention = mention
    }
}

/// A directed, typed edge between two nodes (section or item ids).
public struct Link: Sendable, Equatable, Hashable {
    public var from: String
    public var to: String
    public var relation: Relation
    public var origin: LinkOrigin
    public var rationale: String?
    public var evidence: Evidence?

    public init(from: String, to: String, relation: Relation, origin: LinkOrigin,
                rationale: String? = nil, evidence: Evidence? = nil) {
        self.from = from
        self.to = to
        self.relation = relation
        self.origin = origin
        self.rationale = rationale
        self.evidence = evidence
    }

    /// The end of the link that is not `node`.
    public func other(than node: String) -> String { from == node ? to : from }
}

/// All links of an article, indexed both ways. Backlinks are the same edges read from the
/// other end, never stored twice.
public struct LinkGraph: Sendable, Equatable {
    public let links: [Link]
    private let outgoingIndex: [String: [Int]]
    private let incomingIndex: [String: [Int]]

    public init(links: [Link]) {
        self.links = links
        var outgoing: [String: [Int]] = [:]
        var incoming: [String: [Int]] = [:]
        for (index, link) in links.enumerated() {
            outgoing[link.from, default: []].append(index)
            incoming[link.to, default: []].append(index)
        }
        outgoingIndex = outgoing
        incomingIndex = incoming
    }

    public func outgoing(from node: String) -> [Link] { outgoingIndex[node, default: []].map { links[$0] } }

    /// Backlinks: what points to `node`.
    public func incoming(to node: String) -> [Link] { incomingIndex[node, default: []].map { links[$0] } }

    /// Every link touching `node`, outgoing and incoming together, once each, in the graph's
    /// order (curated links first, then detected ones in article order).
    public func links(touching node: String) -> [Link] {
        let indices = Set(outgoingIndex[node, default: []] + incomingIndex[node, default: []])
        return indices.sorted().map { links[$0] }
    }

    public func degree(of node: String) -> Int {
        outgoingIndex[node, default: []].count + incomingIndex[node, default: []].count
    }
}
