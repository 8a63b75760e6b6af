import Foundation

/// The documented, stable JSON interface (schema in README.md):
///
///     { "title", "sections": [{id, title, level, line, parent}],
///       "items": [{id, kind, name, description, section, line}],
///       "links": [{from, to, type, origin, rationale, evidence: {section, line, text} | null}] }
public struct JSONExporter: Sendable {
    public struct Document: Codable, Equatable, Sendable {
        public var title: String
        public var sections: [SectionEntry]
        public var items: [ItemEntry]
        public var links: [LinkEntry]
    }

    public struct SectionEntry: Codable, Equatable, Sendable {
        public var id: String
        public var title: String
        public var level: Int
        public var line: Int
        public var parent: String?

        public func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(title, forKey: .title)
            try container.encode(level, forKey: .level)
            try container.encode(line, forKey: .line)
            try container.encode(parent, forKey: .parent)
        }
    }

    public struct ItemEntry: Codable, Equatable, Sendable {
        public var id: String
        public var kind: ItemKind
        public var name: String
        public var description: String?
        public var section: String
        public var line: Int

        public func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(kind, forKey: .kind)
            try container.encode(name, forKey: .name)
            try container.encode(description, forKey: .description)
            try container.encode(section, forKey: .section)
            try container.encode(line, forKey: .line)
        }
    }

    public struct LinkEntry: Codable, Equatable, Sendable {
        public var from: String
        public var to: String
        public var type: String
        public var origin: LinkOrigin
        public var rationale: String?
        public var evidence: Evidence?

        public func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(from, forKey: .from)
            try container.encode(to, forKey: .to)
            try container.encode(type, forKey: .type)
            try container.encode(origin, forKey: .origin)
            try container.encode(rationale, forKey: .rationale)
            try container.encode(evidence, forKey: .evidence)
        }
    }

    /// A folder's export: every article's document with its path and resolved See-also
    /// topics, and the files that failed.
    public struct CorpusDocument: Codable, Equatable, Sendable {
        public struct Article: Codable, Equatable, Sendable {
            public var path: String
            public var title: String
            public var seeAlso: [ResolvedSeeAlso]
            public var document: Document
        }

        public struct ResolvedSeeAlso: Codable, Equatable, Sendable {
            public var item: String
            public var title: String
            /// The path of the loaded article it opens (its own, for a See-also entry naming
            /// the article it is in), or null.
            public var article: String?

            public func encode(to encoder: Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(item, forKey: .item)
                try container.encode(title, forKey: .title)
                try container.encode(article, forKey: .article)
            }
        }

        public var articles: [Article]
        public var errors: [String]
    }

    public init() {}

    public func document(for corpus: Corpus) -> CorpusDocument {
        CorpusDocument(
            articles: corpus.articles.enumerated().map { index, model in
                let resolved = corpus.resolvedSeeAlso(of: index, includingItself: true)
                return CorpusDocument.Article(
                    path: model.article.path, title: model.article.title,
                    seeAlso: model.items(of: .seeAlso).map { item in
                        CorpusDocument.ResolvedSeeAlso(item: item.id, title: item.name,
                                                       article: resolved[item.id].map { corpus.articles[$0].article.path })
                    },
                    document: document(for: model))
            },
            errors: corpus.problems.map(\.description))
    }

    public func export(_ corpus: Corpus) throws -> String {
        try encode(document(for: corpus))
    }

    public func document(for model: LinkedArticle) -> Document {
        let sections = model.article.sections
        return Document(
            title: model.article.title,
            sections: sections.map { section in
                SectionEntry(id: section.id, title: section.title, level: section.level, line: section.line,
                             parent: section.parent.map { sections[$0].id })
            },
            items: model.items.map { item in
                ItemEntry(id: item.id, kind: item.kind, name: item.name, description: item.description,
                          section: sections[item.section].id, line: item.line)
            },
            links: model.graph.links.map { link in
                LinkEntry(from: link.from, to: link.to, type: link.relation.rawValue, origin: link.origin,
                          rationale: link.rationale, evidence: link.evidence)
            }
        )
    }

    public func export(_ model: LinkedArticle) throws -> String {
        try encode(document(for: model))
    }

    func encode<Value: Encodable>(_ value: Value) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return Self.printable(try encoder.encode(value)) + "\n"
    }

    /// JSONEncoder's pretty-printed output made fit to print: unsafe scalars escaped, and
    /// each empty array or object written `[]` or `{}`, where it spreads them over three
    /// lines (`search --json` with no match printed `[`, a blank line and `]`).
    public static func printable(_ encoded: Data) -> String {
        escapingUnsafeScalars(emptyContainersInline(String(decoding: encoded, as: UTF8.self)))
    }

    /// `[` or `{`, blank lines, and its closing bracket, as `[]` or `{}`. No string can hold
    /// the match: a JSON string has no raw line break, and the match has one.
    static func emptyContainersInline(_ json: String) -> String {
        let bytes = Array(json.utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            result.append(byte)
            index += 1
            let closing: UInt8
            switch byte {
            case UInt8(ascii: "["): closing = UInt8(ascii: "]")
            case UInt8(ascii: "{"): closing = UInt8(ascii: "}")
            default: continue
            }
            var end = index
            var breaksLine = false
            while end < bytes.count, bytes[end] == 0x20 || bytes[end] == 0x0A {
                breaksLine = breaksLine || bytes[end] == 0x0A
                end += 1
            }
            if breaksLine, end < bytes.count, bytes[end] == closing {
                result.append(closing)
                index = end + 1
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// JSONEncoder escapes C0 controls but writes DEL, C1 controls and bidi overrides raw; a
    /// `\uXXXX` escape keeps the data while keeping the output safe to print.
    static func escapingUnsafeScalars(_ json: String) -> String {
        guard json.unicodeScalars.contains(where: { $0 != "\n" && TextSafety.isUnsafe($0) }) else { return json }
        var result = ""
        for scalar in json.unicodeScalars {
            if scalar != "\n", TextSafety.isUnsafe(scalar) {
                result += String(format: "\\u%04X", scalar.value)
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
