/// The line of every key, table header and array element of a TOML document, by key path,
/// found by a light scan. TOMLKit reports lines for syntax errors only, and a person fixing a
/// bad value wants its line.
///
/// Paths are the keys from the root: `["keys", "quit"]` for `quit` under `[keys]` (or for the
/// dotted key `keys.quit`), `["theme", "link", "fg"]` inside an inline table, `["link", "0",
/// "from"]` in the first `[[link]]` table, `["keys", "back", "1"]` for the second element of
/// an array. The scan assumes a document TOMLKit has parsed; on a broken one it still ends,
/// with whatever it found.
public struct TOMLKeyLines: Sendable {
    /// The paths seen, as a tree of keys: node 0 is the root, and each other node is its
    /// parent's child by one key. Every key of a dotted key `a.b.c` is seen (`a`, `a.b`,
    /// `a.b.c`): kept whole, the paths of a key of n parts held n²/2 keys, and a 40 KB file of
    /// one 20,000-part key took 3.1 GB and 9 s. A node keeps its one key.
    private let paths: PathTree

    /// How many paths are kept (for tests: linear in the text).
    var pathCount: Int { paths.lines.count }

    public init(_ text: String) {
        var scanner = Scanner(bytes: Array(text.utf8))
        scanner.scanDocument()
        paths = scanner.paths
    }

    /// The line of exactly `path`, if the scan saw it.
    public func line(of path: [String]) -> Int? {
        node(of: path).flatMap { paths.lines[$0] }
    }

    /// Where `path` comes among the paths the scan saw, in the order it first saw them: the
    /// keys of one line (an inline table's) in the order they are written, which their line
    /// alone does not tell (`{ fg = "grün", bg = 999 }` had bg's problem said first).
    public func order(of path: [String]) -> Int? {
        node(of: path)
    }

    /// Nodes are made as the scan first sees their paths: a node's number is that order.
    private func node(of path: [String]) -> Int? {
        var node = PathTree.root
        for key in path {
            guard let child = paths.children[PathTree.Edge(parent: node, key: key)] else { return nil }
            node = child
        }
        return node
    }

    /// The line of `path`, or of its nearest ancestor that has one; 1 when none has.
    public func nearestLine(of path: [String]) -> Int {
        var node = PathTree.root
        var nearest = 1
        for key in path {
            guard let child = paths.children[PathTree.Edge(parent: node, key: key)] else { break }
            node = child
            if let line = paths.lines[node] { nearest = line }
        }
        return nearest
    }

    /// A character of a bare key, as TOML 1.0 (and TOMLKit) has them: ASCII letters and digits,
    /// `-` and `_`.
    static func isBareKeyCharacter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
    }

    struct PathTree: Sendable {
        struct Edge: Hashable, Sendable {
            var parent: Int
            var key: String
        }

        static let root = 0
        var children: [Edge: Int] = [:]
        /// The first line each node's path was seen on, by node.
        var lines: [Int?] = [nil]

        /// The node of `key` under `parent`, made when it is not there yet.
        mutating func child(of parent: Int, _ key: String) -> Int {
            let edge = Edge(parent: parent, key: key)
            if let node = children[edge] { return node }
            lines.append(nil)
            children[edge] = lines.count - 1
            return lines.count - 1
        }
    }

    private struct Scanner {
        let bytes: [UInt8]
        var index = 0
        var line = 1
        var paths = PathTree()
        /// The node of the current `[table]` (with array indexes for `[[array]]` tables).
        var table = PathTree.root
        /// The last index of each array of tables, by its node.
        var arrayIndexes: [Int: Int] = [:]

        init(bytes: [UInt8]) { self.bytes = bytes }

        var current: UInt8? { index < bytes.count ? bytes[index] : nil }

        func peek(_ offset: Int) -> UInt8? { index + offset < bytes.count ? bytes[index + offset] : nil }

        mutating func record(_ node: Int, at line: Int) {
            if paths.lines[node] == nil { paths.lines[node] = line }
        }

        /// The node of the dotted key `key` under `parent`, each of its paths recorded at `line`.
        mutating func record(_ key: [String], under parent: Int, at line: Int) -> Int {
            key.reduce(parent) { node, part in
                let child = paths.child(of: node, part)
                record(child, at: line)
                return child
            }
        }

        mutating func advance() {
            if current == UInt8(ascii: "\n") { line += 1 }
            index += 1
        }

        mutating func skipSpaces() {
            while let byte = current, byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") { index += 1 }
        }

        /// Spaces, newlines and comments.
        mutating func skipBlank() {
            while let byte = current {
                if byte == UInt8(ascii: "#") {
                    while let next = current, next != UInt8(ascii: "\n") { index += 1 }
                } else if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\n") {
                    advance()
                } else {
                    return
                }
            }
        }

        mutating func skipToLineEnd() {
            while let byte = current, byte != UInt8(ascii: "\n") { index += 1 }
        }

        mutating func scanDocument() {
            while true {
                skipBlank()
                guard let byte = current else { return }
                let start = index
                if byte == UInt8(ascii: "[") {
                    scanHeader()
                } else {
                    let keyLine = line
                    let key = scanKey()
                    guard !key.isEmpty else {
                        skipToLineEnd()
                        if index == start { index += 1 }
                        continue
                    }
                    let node = record(key, under: table, at: keyLine)
                    skipSpaces()
                    if current == UInt8(ascii: "=") { index += 1 }
                    scanValue(node)
                }
                skipToLineEnd()
                if index == start { index += 1 }
            }
        }

        /// `[a.b]` or `[[a.b]]`: sets `table`.
        mutating func scanHeader() {
            let isArray = peek(1) == UInt8(ascii: "[")
            index += isArray ? 2 : 1
            let names = scanKey()
            var node = PathTree.root
            for (offset, name) in names.enumerated() {
                node = paths.child(of: node, name)
                // `[a.b]` makes the table `a` too: a problem with it is said at this line, not
                // at line 1, unless `a` was seen before.
                record(node, at: line)
                let isLast = offset == names.count - 1
                if isLast && isArray {
                    let next = (arrayIndexes[node] ?? -1) + 1
                    arrayIndexes[node] = next
                    node = paths.child(of: node, String(next))
                } else if let last = arrayIndexes[node] {
                    node = paths.child(of: node, String(last))
                }
            }
            table = node
            record(node, at: line)
        }

        /// A dotted key: bare, "basic" or 'literal' parts. Empty when there is none here.
        mutating func scanKey() -> [String] {
            var parts: [String] = []
            while true {
                skipSpaces()
                guard let byte = current else { return parts }
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    parts.append(scanSingleLineString(quote: byte))
                } else if TOMLKeyLines.isBareKeyCharacter(byte) {
                    let start = index
                    while let next = current, TOMLKeyLines.isBareKeyCharacter(next) { index += 1 }
                    parts.append(String(decoding: bytes[start..<index], as: UTF8.self))
                } else {
                    return parts
                }
                skipSpaces()
                guard current == UInt8(ascii: ".") else { return parts }
                index += 1
            }
        }


        /// A one-line string from its opening quote, with a basic string's escapes decoded as
        /// TOMLKit decodes them, so that a quoted key such as `"\u001b]0;X"` gets the same path
        /// here as in the parsed table (and so its own line).
        mutating func scanSingleLineString(quote: UInt8) -> String {
            index += 1
            var text: [UInt8] = []
            while let byte = current, byte != UInt8(ascii: "\n") {
                index += 1
                if byte == quote { break }
                if byte == UInt8(ascii: "\\"), quote == UInt8(ascii: "\""), let escaped = current {
                    index += 1
                    text += decodeEscape(escaped)
                    continue
                }
                text.append(byte)
            }
            return String(decoding: text, as: UTF8.self)
        }

        /// The UTF-8 of the escape `\<escaped>`, whose letter was just read (TOML 1.0's escapes,
        /// and 1.1's `\e` and `\xHH`). An unknown escape keeps its letter, as before.
        mutating func decodeEscape(_ escaped: UInt8) -> [UInt8] {
            switch escaped {
            case UInt8(ascii: "b"): return [0x08]
            case UInt8(ascii: "t"): return [0x09]
            case UInt8(ascii: "n"): return [0x0A]
            case UInt8(ascii: "f"): return [0x0C]
            case UInt8(ascii: "r"): return [0x0D]
            case UInt8(ascii: "e"): return [0x1B]
            case UInt8(ascii: "x"): return scalar(hexDigits: 2)
            case UInt8(ascii: "u"): return scalar(hexDigits: 4)
            case UInt8(ascii: "U"): return scalar(hexDigits: 8)
            default: return [escaped]
            }
        }

        /// The scalar of the `count` hex digits at `index` (consumed), as UTF-8; nothing when
        /// they are not there or name no scalar (TOMLKit rejects such a document anyway).
        mutating func scalar(hexDigits count: Int) -> [UInt8] {
            guard index + count <= bytes.count,
                  let value = UInt32(String(decoding: bytes[index..<index + count], as: UTF8.self), radix: 16),
                  let scalar = Unicode.Scalar(value) else { return [] }
            index += count
            return Array(String(Character(scalar)).utf8)
        }

        /// Skips a value, recording the keys of inline tables and the elements of arrays.
        mutating func scanValue(_ node: Int) {
            skipSpaces()
            guard let byte = current else { return }
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                if peek(1) == byte && peek(2) == byte {
                    index += 3
                    while current != nil {
                        if current == byte && peek(1) == byte && peek(2) == byte {
                            index += 3
                            // A closing delimiter may be followed by one or two more quotes.
                            while current == byte { index += 1 }
                            return
                        }
                        if current == UInt8(ascii: "\\") && byte == UInt8(ascii: "\"") { index += 1 }
                        advance()
                    }
                } else {
                    _ = scanSingleLineString(quote: byte)
                }
            case UInt8(ascii: "["):
                index += 1
                var element = 0
                while true {
                    skipBlank()
                    guard let next = current else { return }
                    if next == UInt8(ascii: "]") { index += 1; return }
                    if next == UInt8(ascii: ",") { index += 1; continue }
                    let start = index
                    let elementNode = paths.child(of: node, String(element))
                    record(elementNode, at: line)
                    scanValue(elementNode)
                    element += 1
                    if index == start { index += 1 }
                }
            case UInt8(ascii: "{"):
                index += 1
                while true {
                    skipBlank()
                    guard let next = current else { return }
                    if next == UInt8(ascii: "}") { index += 1; return }
                    if next == UInt8(ascii: ",") { index += 1; continue }
                    let start = index
                    let keyLine = line
                    let key = scanKey()
                    if !key.isEmpty {
                        let keyNode = record(key, under: node, at: keyLine)
                        skipSpaces()
                        if current == UInt8(ascii: "=") { index += 1 }
                        scanValue(keyNode)
                    }
                    if index == start { index += 1 }
                }
            default:
                // A number, boolean or date: up to the next delimiter.
                while let next = current, ![UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}"), UInt8(ascii: "\n"),
                                            UInt8(ascii: "#"), UInt8(ascii: "\r")].contains(next) {
                    index += 1
                }
            }
        }
    }
}
