import Foundation

/// A folder of articles, all parsed and linked: what the command line works on. See-also
/// titles resolve through its `catalog`. Files that fail to load are kept as errors; the
/// others load anyway.
public struct Corpus: Sendable {
    public let root: String
    /// Loaded articles, by path.
    public let articles: [LinkedArticle]
    public let catalog: FolderCatalog
    /// The files that failed, as stderr says them: at most `SourceErrors.listedLimit` problems
    /// a file, then a line that says how many more.
    public var failures: [SourceError] { catalog.failures }
    /// Every problem of the files that failed, one each: what the JSON export lists, whose
    /// schema has one entry a problem (QA 41: past 20, "… and 5 more problems" stood for them).
    public let problems: [SourceError]

    /// `unloaded`: the files among `failures` whose title line reads (see `FolderCatalog.unloaded`).
    /// `problems`: every one of the failures' problems, when `failures` cut them short.
    public init(root: String, articles: [LinkedArticle], failures: [SourceError], problems: [SourceError]? = nil,
                unloaded: [FolderCatalog.Entry] = []) {
        self.root = root
        self.articles = articles
        self.problems = problems ?? failures
        catalog = FolderCatalog(entries: articles.map(FolderCatalog.Entry.init), failures: failures, unloaded: unloaded)
    }

    /// Every `*.txt` under `directory`, recursively, in path order; parsed on all cores.
    public static func load(directory: String) throws -> Corpus {
        let read = try readEach(in: directory) { try ArticleLoader.load(path: $0) }
        // Read again for their title lines: only the files that failed, usually none.
        let unloaded = read.failedFiles.compactMap { path in
            ArticleParser.title(atPath: path).map { FolderCatalog.Entry(path: path, title: $0, seeAlso: []) }
        }
        return Corpus(root: directory, articles: read.values, failures: read.failures, problems: read.problems, unloaded: unloaded)
    }

    /// Every `*.txt` under `directory`, parsed but not linked (see `ArticleLoader.text`), and
    /// the files that fail: what a folder search reads when it has no index to go by.
    public static func texts(in directory: String) throws -> (articles: [Article], failures: [SourceError]) {
        let read = try readEach(in: directory) { try ArticleLoader.text(path: $0) }
        return (read.values, read.failures)
    }

    /// `read` on every `*.txt` under `directory`, on all cores, in path order; the files it
    /// fails on (every problem of a links file), and the folders that could not be listed,
    /// as failures (at most `SourceErrors.listedLimit` problems a file) and as problems (every
    /// one); and the paths of the `*.txt` files it failed on.
    private static func readEach<Value: Sendable>(in directory: String, _ read: @escaping @Sendable (String) throws -> Value) throws
        -> (values: [Value], failures: [SourceError], problems: [SourceError], failedFiles: [String]) {
        let listing = try FolderCatalog.articleFiles(in: directory)
        let files = listing.paths
        let results = Parallel.map(count: files.count) { index -> Result<Value, SourceErrors> in
            do {
                return .success(try read(files[index]))
            } catch {
                return .failure(SourceErrors(error) ?? SourceErrors([SourceError(path: files[index], line: 0, message: "\(error)")]))
            }
        }
        var values: [Value] = []
        var failures = listing.unlisted
        var problems = listing.unlisted
        var failedFiles: [String] = []
        for (path, result) in zip(files, results) {
            switch result {
            case .success(let value): values.append(value)
            case .failure(let found):
                failures += found.listed
                problems += found.errors
                failedFiles.append(path)
            }
        }
        return (values, failures, problems, failedFiles)
    }

    public func article(titled title: String) -> Int? { catalog.article(titled: title) }

    /// For article `index`: its See-also topics that are other loaded articles (item id →
    /// article), or itself too (see `FolderCatalog.resolvedSeeAlso`).
    public func resolvedSeeAlso(of index: Int, includingItself: Bool = false) -> [String: Int] {
        catalog.resolvedSeeAlso(of: articles[index], includingItself: includingItself)
    }
}
