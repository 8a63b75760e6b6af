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
        let article = try bundledArticle()
        return try LinkedArticle(article: article, annotations: (embedded(bundledLinksName), bundledPrefix + bundledLinksName))
    }

    /// The article at `path`, with `NAME.links.toml` beside `NAME.txt` when there is one.
    /// (`-`, standard input, is the command line's to read: `text(standardInput:)`.)
    public static func load(path: String) throws -> LinkedArticle {
        let article = try ArticleParser().parse(contentsOf: URL(fileURLWithPath: path), displayPath: path)
        let linksPath = Self.linksPath(of: path)
        // Only a links file that is not there means "no curated links": one that is a folder,
        // a FIFO (which would block) or unreadable is reported, not quietly ignored.
        guard let bytes = try RegularFile.bytesIfPresent(atPath: linksPath) else {
            return try LinkedArticle(article: article)
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            // As an article and a configuration say it (a UTF-16 links file alone got
            // "invalid UTF-8: byte 0xFF at column 1").
            if let wide = InvalidUTF8.utf16(bytes) { throw SourceError(path: linksPath, line: 1, message: wide) }
            let problem = InvalidUTF8.first(in: bytes)
            throw SourceError(path: linksPath, line: problem?.line ?? 1, message: problem?.message(in: bytes) ?? "invalid UTF-8")
        }
        return try LinkedArticle(article: article, annotations: (text, linksPath))
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
        return try ArticleParser().parse(contentsOf: URL(fileURLWithPath: path), displayPath: path)
    }

    /// The article read from standard input (`bytes`), parsed, named as
    /// `StandardInput.displayName` in its errors and outputs; it has no links file.
    public static func text(standardInput bytes: [UInt8]) throws -> Article {
        try ArticleParser().parse(bytes: bytes, path: StandardInput.displayName)
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
