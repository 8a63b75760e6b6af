import Foundation

/// What a folder's See-also resolution needs to know of each article, without parsing it
/// again: its path, title and See-also topics. Built from parsed articles, or read from the
/// on-disk index (module Store) so that a large folder opens without parsing every file.
public struct FolderCatalog: Sendable {
    public struct Entry: Sendable, Hashable, Codable {
        public var path: String
        public var title: String
        public var seeAlso: [String]

        public init(path: String, title: String, seeAlso: [String]) {
            self.path = path
            self.title = title
            self.seeAlso = seeAlso
        }

        public init(_ model: LinkedArticle) {
            self.init(path: model.article.path, title: model.article.title, seeAlso: model.items(of: .seeAlso).map(\.name))
        }
    }

    public let entries: [Entry]
    /// Files that could not be loaded, with where and why: one entry per problem (a links
    /// file can have several).
    public let failures: [SourceError]
    /// Of the files that failed, those whose title line still reads, by that title (no
    /// See-also topics), when no entry has it: files that are there but do not load now (a
    /// syntax error while the file is being edited). A folder knows its articles by title, so
    /// what leads into one (the article read last, a history step) is kept for when it loads again,
    /// rather than dropped as for a file that is gone.
    public let unloaded: [Entry]
    /// Titles by their `TitleKeys`: as written and folded; each whole, and without
    /// a trailing "(disambiguator)".
    private let writtenTitles: [String: [Int]]
    private let foldedTitles: [String: [Int]]
    private let bareWrittenTitles: [String: [Int]]
    private let bareFoldedTitles: [String: [Int]]

    public init(entries: [Entry], failures: [SourceError], unloaded: [Entry] = []) {
        self.entries = entries
        self.failures = failures
        let titles = Set(entries.map(\.title))
        var listed = Set<String>()
        self.unloaded = unloaded.filter { !titles.contains($0.title) && listed.insert($0.title).inserted }
        var written: [String: [Int]] = [:]
        var folded: [String: [Int]] = [:]
        var bareWritten: [String: [Int]] = [:]
        var bareFolded: [String: [Int]] = [:]
        for (index, entry) in entries.enumerated() {
            let whole = TitleKeys(entry.title)
            let bare = TitleKeys(Self.withoutDisambiguator(entry.title))
            written[whole.written, default: []].append(index)
            folded[whole.folded, default: []].append(index)
            bareWritten[bare.written, default: []].append(index)
            bareFolded[bare.folded, default: []].append(index)
        }
        writtenTitles = written
        foldedTitles = folded
        bareWrittenTitles = bareWritten
        bareFoldedTitles = bareFolded
    }

    /// Titles that more than one file has (ignoring case and the kind of dash and apostrophe,
    /// not accents), each as its files write it, a title a file, in file order; the titles in
    /// the order of their first files. A See-also entry naming such a title opens none of
    /// them. Files with one spelling cannot be told apart at all (a title is how articles are
    /// found and kept): the finder opens the first. Titles alike only once accents are folded
    /// ("Мой", "Мои") are not shared: each is named by writing it.
    public var sharedTitles: [[String]] {
        writtenTitles.values.filter { $0.count > 1 }.sorted { $0[0] < $1[0] }.map { files in files.map { entries[$0].title } }
    }

    /// For each file that does not open, the earlier file that has its title, by index.
    /// Articles open by title (the finder, a folder's session, bookmarks), so of several files
    /// with one title only the first opens: a place in a later one cannot be opened, nor
    /// bookmarked.
    public func shadowed() -> [Int: Int] {
        var first: [String: Int] = [:]
        var shadowed: [Int: Int] = [:]
        for (index, entry) in entries.enumerated() {
            if let earlier = first[entry.title] { shadowed[index] = earlier } else { first[entry.title] = index }
        }
        return shadowed
    }

    /// The article a See-also title names: the same title as written (case and the kind of
    /// dash and apostrophe aside), else the same once accents are folded too (`normalized`);
    /// failing both, the same title without a trailing "(disambiguator)" on either side, as
    /// written and then folded. Each step names an article when only one has it, and none
    /// when several do. So "Мои" is the article Мои even beside an article Мой (which it
    /// names only once й is folded to и), and the topic "Мои" in Мой opens Мои, not itself.
    public func article(titled title: String) -> Int? {
        let found = articles(titled: title)
        return found.count == 1 ? found[0] : nil
    }

    /// The articles the first step of `article(titled:)` that finds any finds: one, or several
    /// that a See-also title cannot tell apart (a title two files have); none when no step does.
    public func articles(titled title: String) -> [Int] {
        let whole = TitleKeys(title)
        // Each key made only if the step before found nothing (`??` waits): folding through
        // Foundation is what a folder's topics cost to resolve.
        return writtenTitles[whole.written] ?? foldedTitles[whole.folded] ?? {
            let bare = TitleKeys(Self.withoutDisambiguator(title))
            return bareWrittenTitles[bare.written] ?? bareFoldedTitles[bare.folded]
        }() ?? []
    }

    /// Which articles' See-also topics open which article: every topic of the folder looked
    /// up once. Make it once and ask it for each article opened: looking every topic up again
    /// for each one (each title folded by Foundation) took 0.7 s per article opened in a folder
    /// of 2,000.
    public func incoming() -> Incoming {
        var byArticle: [Int: [(article: Int, topic: String)]] = [:]
        for (source, entry) in entries.enumerated() {
            for topic in entry.seeAlso {
                guard let target = article(titled: topic), target != source else { continue }
                byArticle[target, default: []].append((source, topic))
            }
        }
        return Incoming(byArticle: byArticle)
    }

    /// The See-also topics of a folder that open each of its articles (see `incoming()`).
    public struct Incoming: Sendable {
        fileprivate let byArticle: [Int: [(article: Int, topic: String)]]

        /// The other articles whose See-also topics open article `index`, with the topic's
        /// name, in file order.
        public func to(_ index: Int) -> [(article: Int, topic: String)] { byArticle[index] ?? [] }
    }

    /// For an article of the folder (parsed): its See-also items that are other loaded
    /// articles, item id → article index; `includingItself`, also those that open the
    /// article itself (a See-also "Alpha" in «Alpha», whose top the explorer opens), for
    /// the exports, which say what every entry opens.
    public func resolvedSeeAlso(of model: LinkedArticle, includingItself: Bool = false) -> [String: Int] {
        let own = includingItself ? nil : article(titled: model.article.title)
        var resolved: [String: Int] = [:]
        for item in model.items where item.kind == .seeAlso {
            if let target = article(titled: item.name), target != own { resolved[item.id] = target }
        }
        return resolved
    }

    /// For an article of the folder (parsed): its See-also items whose title several files of
    /// the folder have, item id → those files' paths: they open none (`article(titled:)`),
    /// and their topic card says why rather than that no article is loaded.
    public func ambiguousSeeAlso(of model: LinkedArticle) -> [String: [String]] {
        var ambiguous: [String: [String]] = [:]
        for item in model.items where item.kind == .seeAlso {
            let found = articles(titled: item.name)
            if found.count > 1 { ambiguous[item.id] = found.map { entries[$0].path } }
        }
        return ambiguous
    }

    /// A folder's files spelled two ways: from the folder as a person gave it, for everything
    /// shown, and absolute, for what must not depend on the current folder (the search index).
    public struct FolderSpelling: Sendable {
        public let given: String
        public let absolute: String

        public init(_ folder: String) {
            // "arts//" is "arts", as grep -r prints it; "/" stays the root.
            var trimmed = Substring(folder)
            while trimmed.hasSuffix("/") { trimmed.removeLast() }
            given = trimmed.isEmpty && !folder.isEmpty ? "/" : String(trimmed)
            absolute = URL(fileURLWithPath: folder).path
        }

        /// `path` (absolute, under the folder) as spelled from the folder given; a path
        /// elsewhere is left as it is.
        public func given(_ path: String) -> String {
            guard let relative = Self.relative(path, to: absolute) else { return path }
            return given == "/" ? "/" + relative : given + "/" + relative
        }

        /// `path` (spelled from the folder given) as an absolute path.
        public func absolute(_ path: String) -> String {
            guard let relative = Self.relative(path, to: given) else { return URL(fileURLWithPath: path).path }
            return absolute == "/" ? "/" + relative : absolute + "/" + relative
        }

        private static func relative(_ path: String, to folder: String) -> Substring? {
            let prefix = folder == "/" ? "/" : folder + "/"
            return path.hasPrefix(prefix) ? path.dropFirst(prefix.count) : nil
        }
    }

    /// The article files of a folder, and what could not be listed.
    public struct Listing: Sendable {
        /// Every `*.txt` under the folder, recursively, in path order, each file once (see
        /// `onePathPerFile`).
        public var paths: [String]
        /// Folders under it that could not be listed (their articles are missing from
        /// `paths`), as failures with the system's reason.
        public var unlisted: [SourceError]
    }

    /// Every `*.txt` under `directory`, recursively, in path order, and the subfolders that
    /// could not be listed: said, not skipped in silence, as `ls -R` or `find` would. Paths
    /// are spelled from `directory` as given (`articles/a.txt`), as grep -r and find print them.
    public static func articleFiles(in directory: String) throws -> Listing {
        let spelling = FolderSpelling(directory)
        // The folder itself may be a symbolic link (`ln -s ~/articles arts`): followed, as grep -r
        // and ls follow a link named on the command line (the enumerator would list the link
        // alone), and its files spelled through the link. Links below it are not followed.
        let root = URL(fileURLWithPath: spelling.absolute).resolvingSymlinksInPath()
        func spelled(_ url: URL) -> String {
            let path = url.path
            let prefix = root.path == "/" ? "/" : root.path + "/"
            guard path.hasPrefix(prefix) else { return spelling.given(path) }
            return spelling.given((spelling.absolute == "/" ? "/" : spelling.absolute + "/") + path.dropFirst(prefix.count))
        }
        var unlisted: [SourceError] = []  // the handler is called during the loop below
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil, errorHandler: { url, error in
            unlisted.append(SourceError(path: spelled(url), line: 0, message: "cannot list the folder: \(Self.reason(error))"))
            return true  // go on with the rest of the folder
        }) else {
            throw SourceError(path: directory, line: 0, message: "cannot read the folder")
        }
        var found: [(path: String, file: FileIdentity?, isLink: Bool)] = []
        // A folder named `*.txt` is a folder: its articles are listed, not it. (lstat, and stat
        // for a link only, not URL.resourceValues: that doubled the time to open a warm folder
        // of 1,000 files.)
        for case let url as URL in enumerator where url.pathExtension == "txt" {
            var info = stat()
            guard lstat(url.path, &info) == 0 else {
                found.append((spelled(url), nil, false))  // gone meanwhile: its reading says why
                continue
            }
            let isLink = info.st_mode & S_IFMT == S_IFLNK
            // A link is what it leads to; a broken one is listed, and its reading says why.
            let leads = !isLink || stat(url.path, &info) == 0
            if leads && info.st_mode & S_IFMT == S_IFDIR { continue }
            found.append((spelled(url), leads ? FileIdentity(info) : nil, isLink))
        }
        return Listing(paths: onePathPerFile(found), unlisted: unlisted.sorted { $0.path < $1.path })
    }

    /// The paths in path order, each file once: a symbolic link to another file of the folder
    /// (`current.txt -> 2024.txt`), or a second hard link, names the same article, which was
    /// listed twice, as two articles of one title (QA). The file's own name is kept over a
    /// link's, else the first in path order.
    static func onePathPerFile(_ found: [(path: String, file: FileIdentity?, isLink: Bool)]) -> [String] {
        var kept: [FileIdentity: (path: String, isLink: Bool)] = [:]
        var paths: [String] = []
        for entry in found.sorted(by: { $0.path < $1.path }) {
            guard let file = entry.file else {
                paths.append(entry.path)
                continue
            }
            // Kept: the first name, unless it is a link and this one is the file's own.
            if let first = kept[file], !first.isLink || entry.isLink { continue }
            kept[file] = (entry.path, entry.isLink)
        }
        paths += kept.values.map(\.path)
        return paths.sorted()
    }

    /// The system's words for a failed listing ("Permission denied"), not Foundation's wrapper.
    private static func reason(_ error: any Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if nsError.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(nsError.code))) }
        return nsError.localizedDescription
    }

    /// A title as See-also entries are matched with it: case, accents (and a stroke: đ is d,
    /// see `StrokedLetters`), the kind of dash and of apostrophe (`Workers’ council` is
    /// "Workers' council", as the linker reads it), runs of spaces and invisible format
    /// characters (`Unicode.Scalar.isInvisible`) aside.
    static func normalized(_ title: String) -> String {
        asciiNormalized(title) ?? normalizedByFoundation(title)
    }

    /// A title's two keys: as written (case, the kind of dash and apostrophe and runs of
    /// spaces aside, accents kept), and folded (`normalized`). ASCII has no accents: its two
    /// keys are one, made once; others are folded by Foundation when asked for.
    struct TitleKeys {
        let title: String
        private let ascii: String?

        init(_ title: String) {
            self.title = title
            ascii = FolderCatalog.asciiNormalized(title)
        }

        var written: String { ascii ?? FolderCatalog.normalizedByFoundation(title, options: [.caseInsensitive]) }
        var folded: String { ascii ?? FolderCatalog.normalizedByFoundation(title) }
    }

    /// `normalized` for a title all in ASCII, or nil: what Foundation's folding and the
    /// scalar properties make of ASCII, without them. Folding every See-also topic of a folder
    /// through Foundation was most of the time to open it (0.1 s of 0.16 s at 1,000 articles).
    static func asciiNormalized(_ title: String) -> String? {
        var result: [UInt8] = []
        result.reserveCapacity(title.utf8.count)
        var space = false
        for byte in title.utf8 {
            guard byte < 0x80 else { return nil }
            switch byte {
            case UInt8(ascii: "-"):
                result.append(byte)
                space = false
            case 0x09...0x0D, UInt8(ascii: " "):
                space = !result.isEmpty
            default:
                if space { result.append(UInt8(ascii: " ")) }
                space = false
                result.append(SearchFolder.lowercased(byte))
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    static func normalizedByFoundation(_ title: String,
                                       options: String.CompareOptions = [.caseInsensitive, .diacriticInsensitive]) -> String {
        let folded = title.folding(options: options, locale: nil)
        let strokes = options.contains(.diacriticInsensitive)
        var result = ""
        var space = false
        for scalar in folded.unicodeScalars.lazy.filter({ !$0.isInvisible }).map(SearchFolder.unifiedPunctuation) {
            let scalar = strokes ? StrokedLetters.folded(scalar) : scalar
            if scalar == "-" {
                result.append("-")
                space = false
            } else if scalar.properties.isWhitespace {
                space = !result.isEmpty
            } else {
                if space { result.append(" ") }
                space = false
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    static func withoutDisambiguator(_ title: String) -> String {
        guard title.hasSuffix(")"), let open = title.lastIndex(of: "("), open > title.startIndex else { return title }
        return title[..<open].trimmingSpaces()
    }
}
