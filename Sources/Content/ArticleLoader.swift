import Foundation

/// Loads articles from files (with their sibling `.links.toml`) or the one built into the binary.
public enum ArticleLoader {
    public static let bundledArticleName = "dual-power.txt"
    public static let bundledLinksName = "dual-power.links.toml"
    /// What the bundled article's path starts with: it has no file.
    static let bundledPrefix = "(bundled) "

    /// Whether `path` (an `Article.path`) is the bundled article's, which is no file.
    public static func isBundled(path: String) -> Bool { path.hasPrefix(bundledPrefix) }

    /// The bundled "Dual power" article, embedded at build time.
    public static func bundled() throws -> LinkedArticle {
        try checked(path: nil).linked()
    }

    /// The article at `path`, with `NAME.links.toml` beside `NAME.txt` when there is one.
    /// (`-`, standard input, is the command line's to read: `text(standardInput:)`.)
    public static func load(path: String) throws -> LinkedArticle {
        try checked(path: path).linked()
    }

    /// What `load(path:)` reads, up to linking: all that can fail (see `CheckedArticle`).
    /// The bundled article when `path` is nil.
    public static func checked(path: String?) throws -> CheckedArticle {
        guard let path else {
            return try CheckedArticle(article: bundledArticle(), annotations: (embedded(bundledLinksName), bundledPrefix + bundledLinksName))
        }
        let article = try parsedArticle(at: path)
        let linksPath = Self.linksPath(of: path)
        // Only a links file that is not there means "no curated links": one that is a folder,
        // a FIFO (which would block) or unreadable is reported, not quietly ignored.
        guard let bytes = try RegularFile.bytesIfPresent(atPath: linksPath) else {
            return try CheckedArticle(article: article)
        }
        // As an article and a configuration say it (a UTF-16 links file alone got "invalid
        // UTF-8: byte 0xFF at column 1"); without a byte-order mark, UTF-16 of ASCII is UTF-8.
        if let wide = InvalidUTF8.utf16(bytes) { throw SourceError(path: linksPath, line: 1, message: wide) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let problem = InvalidUTF8.first(in: bytes)
            throw SourceError(path: linksPath, line: problem?.line ?? 1, message: problem?.message(in: bytes) ?? "invalid UTF-8")
        }
        return try CheckedArticle(article: article, annotations: (text, linksPath))
    }

    /// The links file beside the article file `path`, which `load` reads with it.
    public static func linksPath(of path: String) -> String {
        (path as NSString).deletingPathExtension + ".links.toml"
    }

    /// `path`, or the bundled article when `path` is nil.
    public static func load(path: String?) throws -> LinkedArticle {
        if let path { try load(path: path) } else { try bundled() }
    }

    /// The text of the article at `path` (the bundled one when nil), parsed but not linked:
    /// for what reads only the text (search), as the folder index does. Linking a 10 MB
    /// article takes most of a second.
    public static func text(path: String?) throws -> Article {
        guard let path else { return try bundledArticle() }
        return try parsedArticle(at: path)
    }

    /// The article at `path`, or why not, with the file that was probably meant: the article
    /// of a links file given in its place (it was "missing title … found 'article = …'"), or
    /// `luddite.txt` for `luddite`, which is not there.
    private static func parsedArticle(at path: String) throws -> Article {
        do {
            return try ArticleParser().parse(contentsOf: URL(fileURLWithPath: path), displayPath: path)
        } catch var error as SourceError where error.isUnreadable {
            if !FileManager.default.fileExists(atPath: path), FileManager.default.fileExists(atPath: path + ".txt") {
                error.message += " (did you mean \(path).txt?)"
            }
            throw error
        } catch let error where SourceErrors(error) != nil {
            // Every line of TOML is some problem of an article: one line says what the file is.
            guard let article = articlePath(ofLinksFile: path) else { throw error }
            throw SourceError(path: path, line: 1, message: "this is a links file, not an article: seealso reads it with the article "
                + (FileManager.default.fileExists(atPath: article) ? "\(article); open that" : "\(article), which is not there"))
        }
    }

    /// The article whose links file `path` is named as (`luddite.txt` for
    /// `luddite.links.toml`); nil for any other name.
    public static func articlePath(ofLinksFile path: String) -> String? {
        let suffix = ".links.toml"
        guard path.lowercased().hasSuffix(suffix), path.count > suffix.count else { return nil }
        return String(path.dropLast(suffix.count)) + ".txt"
    }

    /// A note for files beside the article at `path` that look meant as its links file but
    /// are not read, for want of the name `NAME.links.toml` (`t.txt.links.toml`, `t.link.toml`,
    /// `T.links.toml` beside `t.txt`): their links were left out without a word. Nil when the
    /// links file is there, or nothing beside it is named so; other TOML files are no concern.
    public static func misnamedLinksNote(for path: String) -> String? {
        let expected = linksPath(of: path)
        guard !FileManager.default.fileExists(atPath: expected) else { return nil }
        let folder = (path as NSString).deletingLastPathComponent
        let file = (path as NSString).lastPathComponent
        let stem = (file as NSString).deletingPathExtension
        let nearMisses = Set([stem + ".links.toml", file + ".links.toml", stem + ".link.toml", file + ".link.toml"].map { $0.lowercased() })
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder)) ?? []
        // Not the links file of another article beside it: `T.links.toml` is `T.txt`'s.
        let othersLinks = Set(names.filter { $0.hasSuffix(".txt") }.map(linksPath(of:)))
        let misnamed = names.filter { nearMisses.contains($0.lowercased()) && !othersLinks.contains($0) }.sorted()
        guard !misnamed.isEmpty else { return nil }
        let shown = misnamed.map { "'" + (folder as NSString).appendingPathComponent($0) + "'" }.joined(separator: ", ")
        return "\(shown) \(misnamed.count == 1 ? "is" : "are") not read as the links of '\(path)': "
            + "its links file is named '\(expected)'"
    }

    /// The article read from standard input (`bytes`), parsed, named as
    /// `StandardInput.displayName` in its errors and outputs; it has no links file.
    public static func text(standardInput bytes: [UInt8]) throws -> Article {
        try text(stream: bytes, named: StandardInput.displayName)
    }

    /// The article read from a stream (`bytes`), standard input or a pipe given as FILE,
    /// parsed and named `name` in its errors and outputs; it has no links file.
    public static func text(stream bytes: [UInt8], named name: String) throws -> Article {
        try ArticleParser().parse(bytes: bytes, path: name)
    }

    private static func bundledArticle() throws -> Article {
        try ArticleParser().parse(bytes: Array(embedded(bundledArticleName).utf8), path: bundledPrefix + bundledArticleName)
    }

    /// The text of an asset, embedded as a string literal by the EmbedAssets plugin.
    private static func embedded(_ name: String) -> String {
        guard let text = EmbeddedAssets.textByName[name] else { preconditionFailure("asset \(name) was not embedded at build time") }
        return text
    }
}
