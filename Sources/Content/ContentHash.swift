/// 64-bit FNV-1a: tiny and stable across runs and machines, unlike Swift's seeded `Hasher`.
/// It detects edits; it is not meant to resist anyone forging a collision.
public struct FNV1a: Sendable {
    public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    public mutating func add(_ text: String) {
        var text = text
        // Over the contiguous UTF-8 buffer: a quarter of the instructions of iterating
        // `text.utf8`, for the whole article's text at every start-up.
        value = text.withUTF8 { bytes in
            var value = self.value
            for byte in bytes {
                value ^= UInt64(byte)
                value &*= 0x0000_0100_0000_01b3
            }
            return value
        }
    }

    /// Sixteen lowercase hex digits.
    public var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}

extension Article {
    /// A digest of what a reader sees (title, each section's level and heading, paragraph and
    /// list-item text), not of the bytes of the file: re-wrapping lines or switching to CRLF
    /// does not change it. Sessions and bookmarks keep it to tell whether the text changed
    /// since they were saved.
    public var contentHash: String {
        var hash = FNV1a()
        hash.add(title)
        for section in sections {
            hash.add("\u{1}\(section.level)\u{1}\(section.title)")
            section.hashText(into: &hash)
        }
        return hash.hex
    }
}

extension Article {
    /// What finds section `index` once its heading is renamed: its own text
    /// (`Section.bodyDigest`), or for a section with none, one that only heads subsections
    /// ("History" over "Early" and "Late"), the headings under it, in order. A renamed
    /// "History" with nothing of its own orphaned its bookmarks. Nil for a section
    /// with neither.
    public func sectionDigest(at index: Int) -> String? {
        let section = sections[index]
        if let body = section.bodyDigest { return body }
        let under = sections[(index + 1)...].prefix { $0.level > section.level }
        guard !under.isEmpty else { return nil }
        var hash = FNV1a()
        for subsection in under {
            hash.add("\u{1}subsection \(subsection.level - section.level)\u{1}")
            hash.add(subsection.title)
        }
        return hash.hex
    }
}

extension Section {
    /// A digest of the section's own text (`hashText`: not its heading, nor its subsections'),
    /// which a rename of its heading or a move under another parent leaves as it was: saved
    /// views (`SectionPlace`) and bookmarks (`Bookmark.bodyDigest`) find the section by it
    /// when its heading is no longer there. Nil when it has no text, as sections that only
    /// hold subsections would all have the same.
    public var bodyDigest: String? {
        guard !blocks.isEmpty else { return nil }
        var hash = FNV1a()
        hashText(into: &hash)
        return hash.hex
    }

    /// Adds the section's own text to `hash`: its paragraphs and list items, each after a
    /// marker of its kind (not its heading, nor its subsections, which are sections of their own).
    public func hashText(into hash: inout FNV1a) {
        for block in blocks {
            switch block {
            // The marker and the text hashed one after the other: the same bytes as their
            // concatenation, without copying the text.
            case .paragraph(let paragraph):
                hash.add("\u{2}")
                hash.add(paragraph.text)
            case .list(let list):
                for item in list.items {
                    hash.add("\u{3}")
                    hash.add(item.text)
                }
            }
        }
    }
}
