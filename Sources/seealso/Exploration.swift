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
        // `seealso -`: the article comes through standard input, so the keys come from the
        // terminal itself, as less reads them when text is piped into it; so with
        // `--config -`, the settings (as `config --check -` reads them). Not both at once.
        let configReadsStandardInput = configPath.map(StandardInput.isNamed) ?? false
        if configReadsStandardInput && readsStandardInput {
            Diagnostics.report("standard input cannot bring both the article and the configuration: "
                               + "give one of them as a file")
            throw ExitCode(64)
        }
        let keys: Keyboard = readsStandardInput || configReadsStandardInput ? .controllingTerminal : .standardInput
        // TERM alone, before the environment is read whole: its dictionary took 0.3 ms of the
        // start-up, which the article's thread no longer waits for.
        let interactive = Terminal.isInteractive(keys: keys, term: ProcessEnvironment.value(of: "TERM"))
        // A config file named with --config, which may not be there, is read before the article:
        // one that cannot be read ends the run, said at once (QA 35: once a 25 MB article
        // had loaded, 1.3 s later). The default one, which cannot end it, meanwhile.
        let named = try configPath.map { path in
            configReadsStandardInput ? try ConfigCommand.standardInput(spelled: "--config \(path)")
                : try ConfigOptions.load(path, environment: ProcessEnvironment.variables())
        }
        // For the explorer, one article (not a folder, whose index decides which, nor standard
        // input, which is read once) is read and linked on a second thread from here, while this
        // one reads the settings and opens the store: none needs another, and the article is
        // the longest part of the start-up (scripts/bench-tui.sh).
        let article = interactive && folderPath == nil && !readsStream ? prefetchStamped() : nil
        // Read once here: each read builds a new dictionary of every variable.
        let environment = ProcessEnvironment.variables()
        let settings = try named ?? ConfigOptions.load(nil, environment: environment)
        // The config's problems are said before the outline; for the explorer, once it has
        // ended, first of what it says then, where they stay readable: said before it, they
        // were cleared by its first frame on a terminal without an alternate screen (TERM=linux).
        // The status line says them meanwhile. A run that ends sooner says them on its way out.
        var configSaid = false
        func sayConfig() {
            guard !configSaid else { return }
            configSaid = true
            for message in settings.messages { Diagnostics.report(message) }
        }
        defer { sayConfig() }
        guard interactive else {
            sayConfig()
            return try printOutline(saying: Self.whyNotExplored(keys: keys, term: environment["TERM"]).map { $0 + ": printed the outline instead" })
        }
        let (opened, openingError) = openStore(environment: environment)
        let problem = openingError.map { "\($0)" }
        // Why nothing is saved, while that lasts (see `afterwards`).
        var storeError = openingError
        // A folder reopens at the article read last, as a single article reopens where it was
        // left; --section and --item name a place in the article that has it instead (see start).
        // With --no-restore too, at its top, so that where it was left is one H away, as for
        // a single article (the first article opened, and H had nothing to go back to).
        let restores = !noRestore && settings.config.restore
        let indexDirectory = CorpusIndex.defaultDirectory(environment: environment)
        // What happened to the store's file while the explorer ran (see `StoreService.fileEvents`),
        // and to the articles' files (see `ExplorerSession.problems`).
        var storeEvents: [String] = []
        var fileProblems: [FileProblems.Problem] = []
        let catalog: FolderCatalog?
        // The signal that ended the explorer, if one did (see `Terminal.run`).
        let endedBy: Int32?
        // Whether the place asked for could not be opened (see `ExplorerSession.startFailed`).
        let startFailed: Bool
        do {
            (storeEvents, fileProblems, catalog, endedBy, startFailed) = try MainActor.assumeIsolated {
                let terminal = { try CursesBackend(theme: settings.config.theme.resolve(environment: environment),
                                                   mouse: settings.config.mouse, keys: keys) }
                // While the one article is linked on the other thread, the terminal is set up
                // (locale, terminfo, modes), which needs nothing of it: the first frame comes
                // 0.6-0.7 ms sooner (8.4 -> 7.8 ms on a pty). Only once the article is known to
                // open, and without --section or --item, whose name may be unknown: a start-up
                // error is said without taking the screen, as less says it. A folder's index and
                // standard input are read on this thread, with nothing to overlap.
                let checked = section == nil && item == nil ? article?.checkedValue() : nil
                let early = checked != nil ? try terminal() : nil
                defer { early?.shutdown() }
                // Then its saved session is read, while it is still being linked (see
                // `StoreService.SessionReadAhead`).
                let readAhead = checked.flatMap { checked in
                    opened.map { StoreService.SessionReadAhead(store: $0, identity: ArticleIdentity(title: checked.title, contentHash: checked.contentHash),
                                                               path: checked.path) }
                }
                let started = try open(resuming: opened, article: article, indexDirectory: indexDirectory)
                let opening = started.opening
                var notices = [settings.notice, problem, started.notice].compactMap { $0 }
                if let catalog = opening.catalog { notices += Self.notices(of: catalog, keymap: settings.config.keymap, said: started.failureSaid) }
                let service = opened.map { StoreService(store: $0, folder: folderPath.map(Self.storeKey(ofFolder:)),
                                                        catalog: opening.catalog, readAhead: readAhead) }
                // The bookmark keys say why there are none, as the start-up notice did
                // ("the bookmark store could not be opened", the reason dropped).
                let off = readsStream ? (readsStandardInput ? Self.standardInputHasNoBookmarks : Self.pipeHasNoBookmarks)
                    : (opened == nil ? problem : nil) ?? Explorer.noBookmarkStore
                let session = opening.session(service: service, keymap: settings.config.keymap, bookmarksOff: off)
                session.standsIn = started.standsIn
                session.saveTimeoutMilliseconds = service == nil ? 0 : StateStore.lockWaitMilliseconds
                session.storeProblem = problem
                let signal = Terminal.run(session, on: try early ?? terminal(), start: started.target, readLast: started.readLast,
                                          restore: restores, notice: notices.isEmpty ? nil : notices.joined(separator: " · "),
                                          mouse: settings.config.mouse, showCursor: settings.config.showCursor,
                                          layout: settings.config.layout)
                // Read-only at start-up and writable since: said then, no longer so.
                if service?.becameWritable == true { storeError = nil }
                // Not when it is the start-up's problem (a read-only store), said again below.
                let unsaved = session.unsavedPlace.flatMap { error in
                    "\(error)" == problem && storeError != nil ? nil
                        : "the reading place was not saved: " + ((error as? StoreError)?.commandDescription ?? "\(error)")
                }
                let note = session.noteNotSaved.map { "the note being typed was not saved: \u{201C}\($0)\u{201D}" }
                let keptOut = session.notesKeptOut.map(Self.noteKeptOut)
                return ((service?.fileEvents ?? []) + [unsaved, note].compactMap { $0 } + keptOut, session.problems.all, opening.catalog,
                        signal, session.startFailed)
            }
        } catch let error as TerminalError {
            // A terminal type without a terminfo entry: as less does, the text all the same
            // (the outline, as under TERM=dumb), and why, after it, where it is seen.
            sayConfig()
            switch error {
            case .unknownTerminal, .cannotMoveCursor, .tooLarge: return try printOutline(saying: error.description + ": printed the outline instead")
            default: break
            }
            // As every other error is said, not as the argument parser's "Error: …".
            Diagnostics.report(error.description)
            throw ExitCode(1)
        }
        sayConfig()
        // As it stands once the explorer has quit: "reading goes on" was over.
        let afterwards = storeError.map { ($0 as? StoreError)?.afterExplorerDescription ?? "\($0)" }
        let reported = Result { try reportAfterRun(problem: afterwards, storeEvents: storeEvents, fileProblems: fileProblems, catalog: catalog) }
        // Ended by a signal, once all is said as after `q`: its status. The store is closed as
        // this returns, before the exit, so that its `-wal` and `-shm` files go as after `q` (an
        // `exit` from the explorer's loop left them beside it).
        if let endedBy { throw ExitCode(128 + endedBy) }
        try reported.get()
        if startFailed { throw ExitCode(65) }
    }

    /// What stderr says on quitting of a note typed for `place` and not saved for another
    /// window's (`ExplorerSession.notesKeptOut`). The place is the article's words, which may
    /// hold escapes: shown visible there too, as on screen.
    static func noteKeptOut(place: String, note: String) -> String {
        "the note typed for \(place.neutralized) was not saved (another window had changed its note): \u{201C}\(note.neutralized)\u{201D}"
    }

    /// The folder as the store keys what is read in it (its sessions, its jump history): its
    /// absolute path with links resolved, as the store keeps files, so that the folder reached
    /// through a link, or as "f/.", is that folder (QA 40: each began as a folder never read).
    static func storeKey(ofFolder folder: String) -> String {
        BookmarkFile.canonical(FolderCatalog.FolderSpelling(folder).absolute)
    }

    /// The bookmark store, or why there is none. A store that cannot be used (damaged, another
    /// application's) leaves reading intact: the explorer runs without bookmarks and says why,
    /// on screen and again on exit; a read-only one is used, and why it is read-only said.
    ///
    /// An article from standard input (or a pipe) has no file: a bookmark could not open it
    /// again, and there is no file to keep its session by (kept by its title, it would be
    /// restored into whatever is piped in next under that title: the bundled article's, for a
    /// copy of it). So it is read without either, and the bookmark keys say why.
    func openStore(environment: [String: String]) -> (store: StateStore?, problem: (any Error)?) {
        guard !readsStream else { return (nil, nil) }
        do {
            let store = try StateStore(directory: StoreOptions.directory(dataDirectory, environment: environment))
            return (store, store.readOnlyError)
        } catch {
            return (nil, error)
        }
    }

    /// What the status line says first of a folder: how many articles (and the key that lists
    /// them), the titles several files share, and the files that could not be loaded.
    /// `said`: a failure the start-up said already (the article read last), left out.
    static func notices(of catalog: FolderCatalog, keymap: KeyMap, said: String? = nil) -> [String] {
        var notices: [String] = []
        let finderKey = keymap.keyName(for: .goTo)
        // The articles that open, as the finder lists them: a file whose title an earlier one
        // has is not one more (QA 22: "3 articles", and the finder listed two).
        let count = catalog.entries.count - catalog.shadowed().count
        notices.append((count == 1 ? "1 article" : "\(count) articles") + (finderKey.map { " (\($0) lists \(count == 1 ? "it" : "them"))" } ?? ""))
        // Said, not silent: links to such titles open none (see sharedTitles), and of files with
        // one title only the first opens. Titles told apart by case alone each open from the
        // finder (QA 28: "only the first opens", and the second did).
        if let titles = catalog.sharedTitles.first {
            let others = catalog.sharedTitles.count - 1
            let more = others > 0 ? " (and \(others) more title\(others == 1 ? "" : "s"))" : ""
            var seen = Set<String>()
            let quoted = titles.filter { seen.insert($0).inserted }.map { "\u{201C}\($0.neutralized)\u{201D}" }
            // QA 29: two files of one title beside a third told apart by case were not said.
            let firstOpens = quoted.count < titles.count
            notices.append(quoted.count == 1
                ? "several files are titled \(quoted[0])\(more): only the first opens, and links to that title open a topic card"
                : quoted.dropLast().joined(separator: ", ") + " and \(quoted[quoted.count - 1]) differ only in case, dash or apostrophe\(more)"
                    + ": links to them open a topic card" + (firstOpens ? ", and of files with one title only the first opens" : ""))
        }
        // QA 26: the article read last that did not open was said twice in a row, the second
        // time as "1 could not be loaded".
        let unsaid = catalog.failures.filter { $0.description != said }
        if let first = unsaid.first {
            let files = Set(unsaid.map(\.path)).count
            let other = unsaid.count < catalog.failures.count ? (files == 1 ? "other " : "others ") : ""
            notices.append("\(files) \(other)could not be loaded: \(first)"
                           + (unsaid.count > 1 ? " …" : ""))
        }
        return notices
    }

    /// Said on stderr once the explorer has quit, where it is seen: why there were no
    /// bookmarks, what happened to the store's file meanwhile, a folder's files that could not
    /// be loaded at start-up (then exit 65), and the articles' files that did not load while it
    /// ran (`fileProblems`), each reason said once. What the run met leaves the status as it
    /// is: the explorer went on with the text it had.
    func reportAfterRun(problem: String?, storeEvents: [String], fileProblems: [FileProblems.Problem] = [],
                        catalog: FolderCatalog?) throws {
        for problem in [problem].compactMap({ $0 }) + storeEvents { Diagnostics.report(problem) }
        let failures = catalog?.failures.map(\.description) ?? []
        for failure in catalog?.failures ?? [] { Diagnostics.reportEveryProblem(of: failure) }
        for met in fileProblems where !failures.contains(met.reason) {
            Diagnostics.report(met.said)
            for line in met.more { Diagnostics.report(line) }
        }
        if !failures.isEmpty { throw ExitCode(65) }
    }

    /// Why the outline is printed instead of the explorer, when standard output is a terminal
    /// and the outline there is a surprise; nil when it is asked for (TERM=dumb) or expected
    /// (the output goes to a pipe or a file). `seealso < /dev/null` printed it without a word
    ///: the explorer needs its keys from a terminal as much as a TERM.
    static func whyNotExplored(keys: Keyboard, term: String?) -> String? {
        guard isatty(STDOUT_FILENO) == 1, term != "dumb" else { return nil }
        guard let term else { return "TERM is not set" }
        if term.isEmpty { return "TERM is empty" }
        guard !keys.isTerminal else { return nil }
        switch keys {
        case .standardInput: return "standard input is not a terminal"
        case .controllingTerminal: return "no terminal to read keys from (/dev/tty)"
        }
    }

    /// What the bookmark keys say for an article read from standard input.
    static let standardInputHasNoBookmarks = "the article was read from standard input"
    static let pipeHasNoBookmarks = "the article was read from a pipe"

    /// The outline instead of the explorer (stdout is not a terminal, or not one ncurses can
    /// drive), then `note` on stderr.
    func printOutline(saying note: String? = nil) throws {
        let source = try loadSource()
        // Checked, not used: an unknown --section or --item is the same error as on a terminal.
        _ = try start(among: source.articles.count, in: folderPath ?? source.articles.first?.article.title ?? "",
                      catalog: source.catalog, places: { lookupPlaces(in: source.articles[$0]) }, model: { source.articles[$0] },
                      unloaded: { Self.unloadedFile(having: $0, in: source, items: item != nil) })
        try Output.write(source.text(OutlineFormatter().format))
        if let note { Diagnostics.report(note) }
        noteIfStandardInputUnread(read: source.articles.first?.article.title, "seealso -")
        try Self.finish(source)
    }

    /// What the explorer opens: one article, or a folder through its on-disk index, where only
    /// the first article is parsed now and the others when they are opened.
    enum Opening {
        case article(LoadedArticle)
        /// `folder` as given, listed again while the explorer runs through the index in `indexDirectory`.
        case folder(FolderCatalog, first: LoadedArticle, folder: String, indexDirectory: URL)

        var catalog: FolderCatalog? {
            if case .folder(let catalog, _, _, _) = self { catalog } else { nil }
        }

        var first: LinkedArticle {
            switch self {
            case .article(let loaded), .folder(_, let loaded, _, _): loaded.model
            }
        }

        /// `bookmarksOff` is why there are no bookmarks when `service` is nil.
        @MainActor
        func session(service: StoreService?, keymap: KeyMap, bookmarksOff: String = Explorer.noBookmarkStore) -> ExplorerSession {
            switch self {
            case .article(let loaded):
                let make = { Explorer(model: $0, keymap: keymap, bookmarks: service != nil, bookmarksOff: bookmarksOff) }
                return ExplorerSession(OpenedArticle(explorer: make(loaded.model), stamp: loaded.stamp), service: service,
                                       library: SingleArticle(loaded, make: make))
            case .folder(let catalog, let first, let folder, let indexDirectory):
                return FolderSession.session(catalog: catalog, first: first, folder: folder, indexDirectory: indexDirectory,
                                             keymap: keymap, service: service)
            }
        }
    }

    /// What the explorer opens, where, and what it says about it.
    struct Start {
        var opening: Opening
        /// `--section` or `--item`'s place, or nil for the top (or the place read last).
        var target: Target?
        var notice: String?
        /// In a folder, the article read last, when `target` is in another one: where it was
        /// left comes before `target` in the history (see `ExplorerSession.startUp`).
        var readLast: String?
        /// The article opened stands in for the one read last, which is there but could not
        /// be opened: it is not to become the one read last (see `ExplorerSession.standsIn`).
        var standsIn = false
        /// Why the article read last did not open, as `notice` says it: not said again among
        /// the folder's files that could not be loaded (see `notices(of:)`).
        var failureSaid: String?
    }

    /// What to open, and where: `--section` or `--item`'s place, or nil for the top (or,
    /// with a `store` to resume from, the place read last); and what to say about it.
    /// `article`, when given, is the one article's load, started earlier (see `run`); a folder
    /// is read through the index in `indexDirectory`.
    func open(resuming store: StateStore? = nil, article: ArticlePrefetch? = nil, indexDirectory: URL) throws -> Start {
        guard let folder = folderPath else {
            let loaded = try article.map(loadStamped) ?? loadStamped()
            let model = loaded.model
            return Start(opening: .article(loaded), target: try start(among: 1, in: model.article.title, places: { _ in lookupPlaces(in: model) },
                                                                      model: { _ in model })?.target)
        }
        let catalog = try FolderSession.catalog(of: folder, indexDirectory: indexDirectory)
        try Self.requireArticles(in: catalog, folder: folder)
        // A file that no longer loads: it may have changed since it was indexed, and the
        // index reads the text only, not the links file beside it.
        var loadFailures: [Int: [SourceError]] = [:]
        func recording<Value>(_ index: Int, _ read: (String) throws -> Value) -> Value? {
            do {
                return try read(catalog.entries[index].path)
            } catch {
                loadFailures[index] = SourceErrors(error)?.listed
                    ?? [SourceError(path: catalog.entries[index].path, line: 0, message: "\(error)")]
                return nil
            }
        }
        // The index's failures, then those found here: all said as a folder's are, in the
        // status line and on stderr after quitting (exit 65).
        func allFailures() -> [SourceError] { catalog.failures + loadFailures.sorted { $0.key < $1.key }.flatMap(\.value) }
        // The stamps of the articles read, to tell later that their files changed since.
        var stamps: [Int: ArticleStamp] = [:]
        // The explorer opens on the catalog's first entry: the chosen article is moved there.
        func opening(_ index: Int, _ model: LinkedArticle) -> Opening {
            let entry = catalog.entries[index]
            let reordered = FolderCatalog(entries: [entry] + catalog.entries.filter { $0 != entry }, failures: allFailures(),
                                          unloaded: catalog.unloaded)
            return .folder(reordered, first: LoadedArticle(model: model, stamp: stamps[index]), folder: folder, indexDirectory: indexDirectory)
        }
        let load = { (index: Int) in
            recording(index) { path in
                let loaded = try LoadedArticle.read(path: path)
                stamps[index] = loaded.stamp
                return loaded.model
            }
        }
        // Each article's text only, for the lookup: linking them all would take most of a
        // second per 10 MB (see `ArticleLoader.text`); only the one chosen is linked.
        let places = { (index: Int) in
            recording(index) { path in
                Self.lookupPlaces(in: try ArticleLoader.text(path: path), items: item != nil)
            }
        }
        // As said: each problem of an indexed file on a line of its own (see `reportEveryProblem`).
        let failures = { (catalog.failures.flatMap(Diagnostics.everyProblem(of:)) + loadFailures.sorted { $0.key < $1.key }.flatMap(\.value))
            .map(\.description) }
        // A file that is there but does not parse is not gone: its title still counts (see
        // `FolderCatalog.unloaded`), so that it is said as not opening, and reopens once fixed.
        let resume = try? store?.lastRead(among: Set(catalog.entries.map(\.title) + catalog.unloaded.map(\.title)),
                                          inFolder: Self.storeKey(ofFolder: folder))
        // The other kind's, only when no place is found: is the name a section's, given to --item?
        let otherPlaces = { (index: Int) in
            (try? ArticleLoader.text(path: catalog.entries[index].path)).map { Self.lookupPlaces(in: $0, items: item == nil) }
        }
        if let found = try start(among: catalog.entries.count, in: folder, catalog: catalog, places: places,
                                 otherPlaces: otherPlaces, model: load, failures: failures) {
            let readLast = resume?.title.flatMap { $0 == catalog.entries[found.index].title ? nil : $0 }
            return Start(opening: opening(found.index, found.model), target: found.target, readLast: readLast)
        }
        let resumed = catalog.entries.indices.filter { catalog.entries[$0].title == resume?.title }
        let unloaded = catalog.unloaded.first { $0.title == resume?.title }
        // Said, not silent: another article opens than the one the person left.
        var notices = resume?.gone.map { ["\u{201C}\($0.neutralized)\u{201D}, read last, is no longer in the folder"] } ?? []
        // The article read last, else the first that still parses.
        for index in resumed + catalog.entries.indices {
            guard let model = load(index) else { continue }
            var standsIn = false
            var failureSaid: String?
            if let title = resume?.title, !resumed.contains(index), !resumed.isEmpty || unloaded != nil {
                // Its text (`unloaded`, as the catalog read it) or its links file (found now).
                let why = resumed.lazy.compactMap({ loadFailures[$0]?.first }).first
                    ?? unloaded.flatMap { file in catalog.failures.first { $0.path == file.path || $0.path == ArticleLoader.linksPath(of: file.path) } }
                notices.append("\u{201C}\(title.neutralized)\u{201D}, read last, could not be opened"
                               + (why.map { ": " + $0.description.neutralized } ?? ""))
                standsIn = true
                failureSaid = why?.description
            }
            return Start(opening: opening(index, model), notice: notices.isEmpty ? nil : notices.joined(separator: " · "), standsIn: standsIn,
                         failureSaid: failureSaid)
        }
        // Each reason, as the other commands give it, then the verdict.
        for failure in failures() { Diagnostics.report(failure) }
        Diagnostics.report("\(folder): no article could be loaded")
        throw ExitCode(65)
    }

    /// Where `--section` or `--item` asks to open: the article, of `count`, that has the
    /// place, and the place; nil when neither option is given. `places(i)` is what the lookup
    /// reads of article `i` (its sections, or its items), and `model(i)` the article linked,
    /// asked for the one chosen only; either is nil for an article that does not load. The
    /// first article with the best match wins (`Lookup.Strength`): the name typed exactly or
    /// an id, else the name equal once accents are folded, else a name that starts with it:
    /// `Back` is a later article's "Back" rather than an earlier one's "Background", and
    /// `Мои` a later one's "Мои" rather than an earlier one's "Мой". When none has it, exits 64 with the close matches among them all,
    /// naming `scope` (the article's title, or the folder). In a folder (`catalog`), a file
    /// that does not open (an earlier one has its title) is not looked in: when only such a
    /// file has the name, that is the error, status 64 too.
    /// `unloaded(name)`: the file, of those not among the `count` (they did not load), that
    /// has the place.
    func start(among count: Int, in scope: String, catalog: FolderCatalog? = nil, places: (Int) -> [Lookup.Place]?,
               otherPlaces: ((Int) -> [Lookup.Place]?)? = nil, model: (Int) -> LinkedArticle?, failures: () -> [String] = { [] },
               unloaded: (String) -> String? = { _ in nil })
        throws -> (index: Int, model: LinkedArticle, target: Target)? {
        guard let name = section ?? item else { return nil }
        func opening(_ index: Int, at place: Lookup.Place) -> (index: Int, model: LinkedArticle, target: Target)? {
            model(index).flatMap { model in Target.node(place.id, in: model).map { (index, model, $0) } }
        }
        let shadowed = catalog?.shadowed() ?? [:]
        var candidates: [Lookup.Place] = []
        // Each article's weaker matches, in order, in case no article has an exact one.
        var weaker: [(index: Int, place: Lookup.Place, strength: Lookup.Strength)] = []
        // The articles that have the place but do not open (their links file fails): the
        // error names the file, where the close matches offered the very name typed (QA 32).
        var unopened: [Int] = []
        for index in 0..<count where shadowed[index] == nil {
            guard let read = places(index) else { continue }
            candidates += read
            guard let match = Lookup.match(name, among: read) else { continue }
            if match.strength > .exact {
                weaker.append((index, read[match.index], match.strength))
            } else if let found = opening(index, at: read[match.index]) {
                return found
            } else {
                unopened.append(index)
            }
        }
        // The name as written in a file that does not open is the place meant, before a name
        // that only starts with it elsewhere (QA 34: "Assemblies of the people" was opened and
        // bookmarked for "Assemblies", which the file that does not load has).
        if unopened.isEmpty {
            // Stable: in path order within each strength.
            for (index, place, _) in weaker.enumerated().sorted(by: { ($0.element.strength, $0.offset) < ($1.element.strength, $1.offset) }).map(\.element) {
                if let found = opening(index, at: place) { return found }
                unopened.append(index)
            }
        }
        // Looked for before the failures are said: reading a file here may fail too.
        let inShadowed = shadowed.sorted { $0.key < $1.key }
            .first { places($0.key).map { Lookup.match(name, among: $0) != nil } ?? false }
        // The files that failed first, as a folder's outline says them: the place may be in one.
        for failure in failures() { Diagnostics.report(failure) }
        if let file = unopened.first.map({ index in catalog.map { $0.entries[index].path } ?? scope }) ?? unloaded(name) {
            Diagnostics.report("'\(name.quotable)' is in \(file), which does not load")
            throw ExitCode(65)
        }
        if let catalog, let (index, first) = inShadowed {
            Diagnostics.report("'\(name)' is only in \(catalog.entries[index].path), whose title \u{201C}\(catalog.entries[index].title)\u{201D} "
                               + "\(catalog.entries[first].path) has first; only the first opens")
            throw ExitCode(64)
        }
        // An item given to --section (a strategy, a topic), or a section to --item: the other
        // option is named. `otherPlaces` are the other kind's, for a folder's files, which
        // `model` would link.
        func other(_ index: Int) -> [Lookup.Place]? {
            if let otherPlaces { return otherPlaces(index) }
            return model(index).map { Self.lookupPlaces(in: $0, items: item == nil) }
        }
        let named = (0..<count).contains { shadowed[$0] == nil && other($0).map { Lookup.match(name, among: $0) != nil } == true }
        let otherwise = named ? (section != nil ? "--item" : "--section") : nil
        try Diagnostics.reportUnknown(section != nil ? "section" : "item", name, among: candidates, in: scope, otherwise: otherwise)
    }

    /// What `--section` or `--item` looks among in `model`.
    private func lookupPlaces(in model: LinkedArticle) -> [Lookup.Place] {
        Self.lookupPlaces(in: model, items: item != nil)
    }

    /// A linked article's sections, or (`items`) its items.
    private static func lookupPlaces(in model: LinkedArticle, items: Bool) -> [Lookup.Place] {
        items ? Lookup.places(of: model.items) : Lookup.places(of: model.article)
    }

    /// An article's sections, or (`items`) its items, classified: a folder's files are only
    /// parsed for the lookup (linking them all would take most of a second per 10 MB).
    private static func lookupPlaces(in article: Article, items: Bool) -> [Lookup.Place] {
        items ? Lookup.places(of: Classifier().classify(article)) : Lookup.places(of: article)
    }
}

extension Exploration {
    /// The explorer `arguments` ask for when they are nothing but FILE and `--no-restore`, as
    /// the parser reads them; nil for anything else, which the parser is to read: an option, a
    /// FILE that starts with `-` or is empty, a command's name (`seealso outline` is the
    /// command even with a file of that name here), or two FILEs.
    init?(plain arguments: [String]) {
        self.init()
        for argument in arguments {
            if argument == "--no-restore", !noRestore {
                noRestore = true
            } else if file == nil, !argument.isEmpty, !argument.hasPrefix("-"), !CommandNames.topLevel.contains(argument) {
                file = argument
            } else {
                return nil
            }
        }
    }
}
