import Foundation

/// A folder of articles, loaded together so that See-also titles open the articles they
/// name. Files that fail to load are kept as errors; the others load anyway.
public struct Corpus: Sendable {
    public let root: String
    /// Loaded articles, by path.
    public let articles: [LinkedArticle]
    /// Files that could not be loaded, with where and why.
    public let failures: [SourceError]
    private let exactTitles: [String: [Int]]
    private let bareTitles: [String: [Int]]

    public init(root: String, articles: [LinkedArticle], failures: [SourceError]) {
        self.root = root
        self.articles = articles
        self.failures = failures
        var exact: [String: [Int]] = [:]
        var bare: [String: [Int]] = [:]
        for (index, model) in articles.enumerated() {
            exact[Self.normalized(model.article.title), default: []].append(index)
            bare[Self.normalized(Self.withoutDisambiguator(model.article.title)), default: []].append(index)
        }
        exactTitles = exact
        bareTitles = bare
    }

    /// Every `*.txt` under `directory`, recursively, in path order; parsed on all cores.
    public static func load(directory: String) throws -> Corpus {
        let root = URL(fileURLWithPath: directory)
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else {
            throw SourceError(path: directory, line: 0, message: "cannot read the folder")
        }
        var paths: [String] = []
        for case let url as URL in enumerator where url.pathExtension == "txt" {
            paths.append(url.path)
        }
        let files = paths.sorted()
        let results = ConcurrentResults<Result<LinkedArticle, SourceError>>(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            do {
                results[index] = .success(try ArticleLoader.load(path: files[index]))
            } catch let error as SourceError {
                results[index] = .failure(error)
            } catch {
                results[index] = .failure(SourceError(path: files[index], line: 0, message: "\(error)"))
            }
        }
        var articles: [LinkedArticle] = []
        var failures: [SourceError] = []
        for result in results.values {
            switch result {
            case .success(let model): articles.append(model)
            case .failure(let error): failures.append(error)
            case nil: break
            }
        }
        return Corpus(root: directory, articles: articles, failures: failures)
    }

    /// The article a See-also title names: the same title ignoring case, diacritics and dash
    /// variants; failing that, the same title without a trailing "(disambiguator)" on either
    /// side, when only one article has it.
    public func article(titled title: String) -> Int? {
        let exact = exactTitles[Self.normalized(title)] ?? []
        if exact.count == 1 { return exact[0] }
        guard exact.isEmpty else { return nil }
        let bare = bareTitles[Self.normalized(Self.withoutDisambiguator(title))] ?? []
        return bare.count == 1 ? bare[0] : nil
    }

    /// For article `index`: its See-also topics that are loaded articles (item id → article).
    public func resolvedSeeAlso(of index: Int) -> [String: Int] {
        var resolved: [String: Int] = [:]
        for item in articles[index].items where item.kind == .seeAlso {
            if let target = article(titled: item.name), target != index { resolved[item.id] = target }
        }
        return resolved
    }

    /// The other articles whose See-also topics open article `index`, with the item.
    public func incoming(to index: Int) -> [(article: Int, item: String)] {
        articles.indices.flatMap { source -> [(article: Int, item: String)] in
            guard source != index else { return [] }
            return resolvedSeeAlso(of: source).filter { $0.value == index }.map { (source, $0.key) }.sorted { $0.item < $1.item }
        }
    }

    static func normalized(_ title: String) -> String {
        let folded = title.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        var result = ""
        var space = false
        for scalar in folded.unicodeScalars {
            if SearchFolder.dashes.contains(scalar.value) || scalar == "-" {
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

/// Slots written by `concurrentPerform` iterations, each its own index.
private final class ConcurrentResults<Value>: @unchecked Sendable {
    private var storage: [Value?]
    private let lock = NSLock()

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    subscript(index: Int) -> Value? {
        get { lock.withLock { storage[index] } }
        set { lock.withLock { storage[index] = newValue } }
    }

    var values: [Value?] { lock.withLock { storage } }
}
