/// An encyclopedia article as read from its plain-text form: a title, then sections in
/// document order. Every node keeps the 1-based line it came from, so every later stage
/// (classifier, linker, exporters, the explorer) can point back at the source.
public struct Article: Sendable, Equatable {
    public var title: String
    public var titleLine: Int
    /// Where the article was read from, as given (used in `path:line` messages).
    public var path: String
    /// All sections in document order. `sections[0]` is always the lead: the text between
    /// the title and the first heading (it may be empty).
    public var sections: [Section]
    /// Lines whose text holds control characters, escape sequences or bidi overrides.
    /// The text is kept as written; every output neutralises it (see `TextSafety`).
    public var flaggedLines: [Int]

    public init(title: String, titleLine: Int, path: String, sections: [Section], flaggedLines: [Int] = []) {
        self.title = title
        self.titleLine = titleLine
        self.path = path
        self.sections = sections
        self.flaggedLines = flaggedLines
    }

    public var lead: Section { sections[0] }

    /// Indices of the sections whose parent is `index` (or the top-level sections for `nil`,
    /// which excludes the lead itself).
    public func children(of index: Int?) -> [Int] {
        guard let index else { return sections.indices.filter { $0 != 0 && sections[$0].parent == nil } }
        // A section's descendants follow it, up to the next section at its level or above:
        // only that stretch is looked at (the outline asks this of every section, and
        // filtering all of them each time made 10,000 sections cost 340 ms a key).
        var children: [Int] = []
        var next = index + 1
        while next < sections.count, sections[next].level > sections[index].level {
            if sections[next].parent == index { children.append(next) }
            next += 1
        }
        return children
    }

    /// The section indices from the top level down to `index`, the lead excluded.
    public func path(to index: Int) -> [Int] {
        var chain: [Int] = []
        var cursor: Int? = index
        while let current = cursor, current != 0 {
            chain.append(current)
            cursor = sections[current].parent
        }
        return chain.reversed()
    }

    public func sectionIndex(id: String) -> Int? {
        sections.firstIndex { $0.id == id }
    }

    /// Every list item in document order, with the index of its section.
    public var allListItems: [(section: Int, item: ListItem)] {
        sections.indices.flatMap { index in
            sections[index].blocks.flatMap { block -> [(section: Int, item: ListItem)] in
                guard case .list(let list) = block else { return [] }
                return list.items.map { (index, $0) }
            }
        }
    }
}

public struct Section: Sendable, Equatable {
    /// Stable slug of the heading, unique within the article (`background`, `see-also-2`).
    public var id: String
    public var title: String
    /// 1 for the lead, 2–6 for `==`…`======` headings.
    public var level: Int
    public var line: Int
    /// Index of the enclosing section; `nil` for the lead and for top-level sections.
    public var parent: Int?
    public var blocks: [Block]

    public init(id: String, title: String, level: Int, line: Int, parent: Int?, blocks: [Block] = []) {
        self.id = id
        self.title = title
        self.level = level
        self.line = line
        self.parent = parent
        self.blocks = blocks
    }

    public var isLead: Bool { level == 1 }
}

public enum Block: Sendable, Equatable {
    case paragraph(Paragraph)
    case list(ListBlock)

    public var line: Int {
        switch self {
        case .paragraph(let paragraph): paragraph.line
        case .list(let list): list.items.first?.line ?? 0
        }
    }
}

/// Text joined from consecutive source lines (a paragraph, a list item and the lines that
/// continue it), which can say which source line holds a place in it.
public protocol JoinedSourceLines {
    /// The source lines joined with single spaces.
    var text: String { get }
    /// The first source line.
    var line: Int { get }
    /// Where each source line starts in `text` (UTF-8 offsets; the first is 0).
    var lineStarts: [Int] { get }
}

extension JoinedSourceLines {
    /// The source line that holds `index` of `text`.
    public func line(at index: String.Index) -> Int {
        line(atOffset: text.utf8.distance(from: text.startIndex, to: index))
    }

    /// The source line that holds the byte at UTF-8 `offset` of `text`.
    public func line(atOffset offset: Int) -> Int {
        // The last line start at or before `offset`, by bisection: a paragraph can have
        // thousands of lines and a mention on each.
        line + max(lineStarts.partitioningIndex { $0 > offset } - 1, 0)
    }
}

public struct Paragraph: Sendable, Equatable, JoinedSourceLines {
    /// The paragraph's source lines joined with single spaces.
    public var text: String
    public var line: Int
    /// The last source line of the paragraph (equal to `line` for one-line paragraphs).
    public var endLine: Int
    public var lineStarts: [Int]

    public init(text: String, line: Int, endLine: Int? = nil, lineStarts: [Int] = [0]) {
        self.text = text
        self.line = line
        self.endLine = endLine ?? line
        self.lineStarts = lineStarts
    }
}

/// Consecutive list items, with the paragraph that introduced them (if it directly precedes
/// the list: "Strategies used … include:").
public struct ListBlock: Sendable, Equatable {
    public var items: [ListItem]
    public var leadIn: String?
    /// Whether the lead-in is a paragraph of its own, a blank line before the list, that
    /// does not end in ':': then the section's heading, when it names a kind, says more
    /// ("Over two centuries, workers tried many approaches." above a list under "Historical
    /// examples" made its examples strategies).
    public var leadInIsApart: Bool

    public init(items: [ListItem], leadIn: String? = nil, leadInIsApart: Bool = false) {
        self.items = items
        self.leadIn = leadIn
        self.leadInIsApart = leadInIsApart
    }
}

public struct ListItem: Sendable, Equatable, JoinedSourceLines {
    /// The item's whole text, without the `- ` marker, its continuation lines joined.
    public var text: String
    public var line: Int
    /// Set when the item is written `Name – description` (en dash, em dash or ` - `). Empty
    /// when the dash comes first (`- – description`): an item that has no name, which the
    /// classifier leaves out as it leaves out a marker with nothing after it.
    public var name: String?
    /// What follows the dash; nil when nothing does (`- Name –`).
    public var description: String?
    /// The dash between the name and the description as written (` – `, ` — ` or ` - `; ` –`
    /// when nothing follows it), so that an export writes the item as the article does.
    public var separator: String?
    public var lineStarts: [Int]

    public init(text: String, line: Int, name: String? = nil, description: String? = nil, separator: String? = nil,
                lineStarts: [Int] = [0]) {
        self.text = text
        self.line = line
        self.name = name
        self.description = description
        self.separator = separator
        self.lineStarts = lineStarts
    }

    /// Where the name ends in `text`, when the item is written `Name – description`: the
    /// dash after it separates two things, and a mention never runs across it ("Foo – bar"
    /// is not "Foo-bar").
    public var nameEnd: String.Index? {
        guard let name, text.utf8.starts(with: name.utf8) else { return nil }
        return text.utf8.index(text.startIndex, offsetBy: name.utf8.count)
    }
}

/// A problem at a place in a file, printed as `path:line: message`.
public struct SourceError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var line: Int
    /// 1-based, where a parser knows it (a TOML syntax error); nil for a problem with a line
    /// as a whole, such as a name that is not there.
    public var column: Int?
    public var message: String

    public init(path: String, line: Int, column: Int? = nil, message: String) {
        self.path = path
        self.line = line
        self.column = column
        self.message = message
    }

    /// `path:line:column: message` (as compilers write it, for editors to jump to),
    /// `path:line: message` without a column, or `path: message` for problems with the file as
    /// a whole (line 0).
    public var description: String {
        guard line > 0 else { return "\(path): \(message)" }
        return column.map { "\(path):\(line):\($0): \(message)" } ?? "\(path):\(line): \(message)"
    }

    /// The file could not be read at all (missing, unreadable, a folder, a device), as
    /// opposed to read and found malformed. The command line exits 66 for it, not 65.
    public var isUnreadable: Bool { line == 0 }
}

/// Every problem found in one file, in line order: a links file is checked whole, so that one
/// run lists all there is to fix, as `seealso config --check` does for a configuration.
public struct SourceErrors: Error, Sendable, Equatable, CustomStringConvertible {
    /// In line order (problems on one line in the order found); never empty.
    public let errors: [SourceError]

    public init(_ errors: [SourceError]) {
        precondition(!errors.isEmpty, "SourceErrors needs at least one error")
        self.errors = errors.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element)
    }

    /// The problems `error` stands for: a `SourceErrors`' own, or a lone `SourceError` (what
    /// the parser and file reading throw); nil for any other error.
    public init?(_ error: any Error) {
        switch error {
        case let errors as SourceErrors: self = errors
        case let error as SourceError: self.init([error])
        default: return nil
        }
    }

    /// How many problems `listed` names one by one.
    public static let listedLimit = 20

    /// What is printed, one `path:line: message` a line: the first `listedLimit` problems,
    /// then, when there are more, one line that says how many, at the line of the first of
    /// them (an article of Latin-1 text has a bad byte on every other line).
    public var listed: [SourceError] {
        guard errors.count > Self.listedLimit else { return errors }
        let next = errors[Self.listedLimit]
        let more = errors.count - Self.listedLimit
        return Array(errors.prefix(Self.listedLimit))
            + [SourceError(path: next.path, line: next.line, message: "… and \(more) more problem\(more == 1 ? "" : "s") from this line on")]
    }

    /// The first problem, and how many follow: one line, for a status bar. Whoever can print
    /// several lines prints `listed`.
    public var description: String { summary.description }

    /// The first problem, its message saying how many follow: where one problem a file is
    /// kept (the folder index).
    public var summary: SourceError {
        var first = errors[0]
        // "problem": after a list of close matches, "(and 1 more)" read as one more of them (QA 32).
        let more = errors.count - 1
        if more > 0 { first.message += " (and \(more) more problem\(more == 1 ? "" : "s"))" }
        return first
    }

    /// Whether `error` is a `summary` that stands for more problems than its own (as an index
    /// made before "problem" was said keeps it too: "(and 2 more)").
    public static func summarizesMore(_ error: SourceError) -> Bool {
        guard let open = error.message.range(of: " (and ", options: .backwards) else { return false }
        for ending in [" more problem)", " more problems)", " more)"] where error.message.hasSuffix(ending) {
            return Int(error.message[open.upperBound...].dropLast(ending.count)) != nil
        }
        return false
    }

    /// Some file could not be read at all (see `SourceError.isUnreadable`).
    public var isUnreadable: Bool { errors.contains(where: \.isUnreadable) }
}
