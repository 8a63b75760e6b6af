import Foundation

/// A place in a JSON document as a path of keys and indices (`bookmarks[1].heading`), and
/// where that place is in the document's text: an import's problem is said as
/// `FILE:LINE:COLUMN: …`, as a compiler says one, where it said only the path.
struct JSONPath: Equatable, Sendable, CustomStringConvertible {
    enum Component: Equatable, Sendable {
        case key(String)
        case index(Int)
    }

    var components: [Component]

    init(_ components: [Component]) { self.components = components }

    /// A decoder's coding path: keys with an integer value are an array's indices.
    init(codingPath: [any CodingKey]) {
        components = codingPath.map { key in key.intValue.map(Component.index) ?? .key(key.stringValue) }
    }

    /// `bookmarks[1].heading`; empty for the whole document.
    var description: String {
        var text = ""
        for component in components {
            switch component {
            case .key(let key): text += text.isEmpty ? key : "." + key
            case .index(let index): text += "[\(index)]"
            }
        }
        return text
    }

    /// Where the value at this path starts in `json`, nil when `json` has none there (or is
    /// not JSON up to it). Of an object's keys given twice, the first.
    func position(in json: Data) -> TextPosition? {
        var scanner = Scanner(bytes: [UInt8](json))
        return scanner.valueStart(at: components[...]).map { TextPosition(offset: $0, in: json) }
    }

    /// Reads just enough of a JSON text to find a value: the values on the way to it are
    /// skipped, not parsed, nesting counted without recursion (a file of 100,000 `[` is
    /// skipped as readily as any other).
    private struct Scanner {
        let bytes: [UInt8]
        var offset = 0

        mutating func valueStart(at path: ArraySlice<Component>) -> Int? {
            skipSpace()
            guard let component = path.first else { return offset < bytes.count ? offset : nil }
            switch (peek, component) {
            case (UInt8(ascii: "{"), .key(let wanted)):
                offset += 1
                while true {
                    skipSpace()
                    guard let key = readString() else { return nil }
                    skipSpace()
                    guard take(UInt8(ascii: ":")) else { return nil }
                    if key == wanted { return valueStart(at: path.dropFirst()) }
                    guard skipValue(), separated() else { return nil }
                }
            case (UInt8(ascii: "["), .index(let wanted)):
                offset += 1
                var index = 0
                while true {
                    skipSpace()
                    if index == wanted { return peek == UInt8(ascii: "]") ? nil : valueStart(at: path.dropFirst()) }
                    guard skipValue(), separated() else { return nil }
                    index += 1
                }
            default:
                return nil
            }
        }

        private var peek: UInt8? { offset < bytes.count ? bytes[offset] : nil }

        private mutating func take(_ byte: UInt8) -> Bool {
            guard peek == byte else { return false }
            offset += 1
            return true
        }

        private mutating func skipSpace() {
            while let byte = peek, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { offset += 1 }
        }

        /// After a member or an element: true at a comma (passed), false at the end of its
        /// object or array, or at anything else.
        private mutating func separated() -> Bool {
            skipSpace()
            return take(UInt8(ascii: ","))
        }

        /// A string's text, its escapes read as JSON reads them; nil when none starts here.
        private mutating func readString() -> String? {
            let start = offset
            guard skipString() else { return nil }
            let literal = Data(bytes[start..<offset])
            return try? JSONDecoder().decode(String.self, from: literal)
        }

        /// Past a string, from its opening quote; false when none starts here or it is not closed.
        private mutating func skipString() -> Bool {
            guard take(UInt8(ascii: "\"")) else { return false }
            while let byte = peek {
                offset += byte == UInt8(ascii: "\\") ? 2 : 1
                if byte == UInt8(ascii: "\"") { return true }
            }
            return false
        }

        /// Past one value, whatever it holds; false when the text ends first.
        private mutating func skipValue() -> Bool {
            skipSpace()
            var depth = 0
            repeat {
                guard let byte = peek else { return false }
                switch byte {
                case UInt8(ascii: "\""):
                    guard skipString() else { return false }
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    depth += 1
                    offset += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    guard depth > 0 else { return false }
                    depth -= 1
                    offset += 1
                case UInt8(ascii: ","), UInt8(ascii: ":"), 0x20, 0x09, 0x0A, 0x0D:
                    offset += 1
                default:
                    // A number or a literal, up to what ends it.
                    while let next = peek, !",:]}\" \t\r\n".utf8.contains(next) { offset += 1 }
                }
            } while depth > 0
            return true
        }
    }
}

/// A line and column of a text, both from 1; the column counts characters, as an editor
/// shows them.
struct TextPosition: Equatable, Sendable {
    var line: Int
    var column: Int

    /// The place of byte `offset` of `text` (its end when `offset` is past it).
    init(offset: Int, in text: Data) {
        let before = text.prefix(max(0, offset))
        line = before.reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
        let lineStart = before.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? before.startIndex
        column = String(decoding: before[lineStart...], as: UTF8.self).count + 1
    }
}
