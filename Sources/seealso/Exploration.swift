import ArgumentParser
import Config
import Content
import Foundation
import Store
import TUI

/// What the explorer is asked to open, and how: `seealso explore`'s options as plain values.
///
/// Plain values so that `seealso` without arguments, the way most people start it, can open
/// the explorer without the argument parser (see `Seealso.main`): its reflection and
/// protocol casts are about a quarter of the start-up time (scripts/bench-tui.sh).
struct Exploration: ArticleLocation {
    var file: String? = nil
    var section: String? = nil
    var item: String? = nil
    var noRestore = false
    var dataDirectory: String? = nil
    var configPath: String? = nil

    func run() throws {
        // Read once: each read builds a new dictionary of every variable.
        let environment = ProcessEnvironment.variables()
        let settings = try ConfigOptions.loadReporting(configPath, environment: environment)
        guard Terminal.isInteractive else {
            let source = try loadSource()
            if let model = source.articles.first { _ = try startTarget(in: model) }
            print(source.articles.map { OutlineFormatter().format($0) }.joined(separator: "\n"), terminator: "")
            try Self.finish(source)
            return
        }
        // A store that cannot be used (damaged, another application's) leaves reading intact:
        // the explorer runs without bookmarks and says why, on screen and again on exit.
        var problem: String?
        var opened: StateStore?
        do {
            opened = try StateStore(directory: StoreOptions.directory(dataDirectory, environment: environment))
            problem = opened?.readOnlyReason
        } catch {
            problem = "\(error)"
        }
        // A folder reopens at the article read last, as a single article reopens where it was
        // left; --section and --item name a place in the first article instead.
        let restores = !noRestore && settings.config.restore
        let opening = try open(resuming: restores && section == nil && item == nil ? opened : nil)
        let start = try startTarget(in: opening.first)
        var notices = [settings.notice, problem].compactMap { $0 }
        if case .folder(let catalog, _) = opening {
            notices.append("\(catalog.entries.count) articles (: lists them)")
            // Said, not silent: only the first of such files can be opened (see sharedTitles).
            if let shared = catalog.sharedTitles.first {
                notices.append("several files are titled \u{201C}\(shared.neutralized)\u{201D}" +
                               (catalog.sharedTitles.count > 1 ? " (and \(catalog.sharedTitles.count - 1) more titles)" : "") +
                               ": only the first opens, and links to that title open a topic card")
            }
            if let first = catalog.failures.first {
                notices.append("\(catalog.failures.count) could not be loaded: \(first)" + (catalog.failures.count > 1 ? " …" : ""))
            }
        }
        try MainActor.assumeIsolated {
            let service = opened.map(StoreService.init)
            let session = opening.session(service: service, keymap: settings.config.keymap)
            try Terminal.run(session, start: start, restore: restores,
                             notice: notices.isEmpty ? nil : notices.joined(separator: " · "),
                             theme: settings.config.theme.resolve(environment: environment), mouse: settings.config.mouse, layout: settings.config.layout)
        }
        if let problem { Diagnostics.report(problem) }
        if case .folder(let catalog, _) = opening, !catalog.failures.isEmpty {
            for failure in catalog.failures { Diagnostics.report(failure.description) }
            throw ExitCode(65)
        }
    }

    /// What the explorer opens: one article, or a folder through its on-disk index, where only
    /// the first article is parsed now and the others when they are opened.
    enum Opening {
        case article(LinkedArticle)
        case folder(FolderCatalog, first: LinkedArticle)

        var first: LinkedArticle {
            switch self {
            case .article(let model), .folder(_, let model): model
            }
        }

        @MainActor
        func session(service: StoreService?, keymap: KeyMap) -> ExplorerSession {
            switch self {
            case .article(let model):
                ExplorerSession(explorer: Explorer(model: model, keymap: keymap, bookmarks: service != nil), service: service)
            case .folder(let catalog, let first):
                FolderSession.session(catalog: catalog, first: first, keymap: keymap, service: service)
            }
        }
    }

    func open(resuming store: StateStore? = nil) throws -> Opening {
        guard let folder = folderPath else { return .article(try load()) }
        let catalog = try FolderSession.catalog(of: folder)
        try Self.requireArticles(in: catalog, folder: folder)
        let lastRead = try? store?.lastRead(among: Set(catalog.entries.map(\.title)))
        let resumed = catalog.entries.filter { $0.title == lastRead }
        for entry in resumed + catalog.entries {
            // The first article that still parses (a file may have changed since it was indexed).
            if let model = try? ArticleLoader.load(path: entry.path) {
                let reordered = FolderCatalog(entries: [entry] + catalog.entries.filter { $0 != entry }, failures: catalog.failures)
                return .folder(reordered, first: model)
            }
        }
        for failure in catalog.failures { Diagnostics.report(failure.description) }
        Diagnostics.report("\(folder): no article could be loaded")
        throw ExitCode(65)
    }

    /// Where `--section` or `--item` asks to open; an unknown name exits 64 with the close matches.
    func startTarget(in model: LinkedArticle) throws -> Target? {
        if let section {
            if let index = Lookup.section(startingWith: section, in: model.article) { return .section(index) }
            try reportUnknown("section", section, among: model.article.sections.dropFirst().map(\.title), in: model)
        }
        if let item {
            if let found = Lookup.item(startingWith: item, in: model.items) { return Target.node(found.id, in: model) }
            try reportUnknown("item", item, among: model.items.map(\.name), in: model)
        }
        return nil
    }

    func reportUnknown(_ what: String, _ name: String, among candidates: [String], in model: LinkedArticle) throws -> Never {
        let close = Lookup.suggestions(for: name, among: candidates)
        var message = "no \(what) starts with '\(name)' in '\(model.article.title)'"
        message += close.isEmpty ? "" : "; close matches: " + close.joined(separator: ", ")
        Diagnostics.report(message)
        throw ExitCode(64)
    }
}
