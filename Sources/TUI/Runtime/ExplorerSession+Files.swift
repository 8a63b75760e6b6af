import Content

/// An article the session opened, as it keeps it between visits.
struct SessionArticle {
    var opened: OpenedArticle
    /// `ExplorerSession.listing` when its explorer was made.
    var listing: Int
    /// The stamp its files had when reading them again failed while it was on screen (half
    /// written, gone, retitled): not read again, nor said again, until they change again.
    var unreadable: ArticleStamp?
}

/// A file read again for an article that has another title now. A title is what an article
/// is known by (the finder, links, the history, bookmarks, sessions), so the file is not that
/// article any more: it is another one, which the finder lists once the folder is listed
/// again, and the article asked for is no longer in the folder.
struct Retitled: Error, CustomStringConvertible {
    let path: String
    let title: String

    var description: String { "\(path) is now titled \u{201C}\(title.neutralized)\u{201D}" }
}

/// The problems met with the articles' files while the explorer ran (a reload or a switch
/// that failed), the last one of each article, in the order met: said again on stderr on
/// quitting, where they can be read after the status line's message is gone (at the next
/// key), as a folder's files that failed at start-up are.
public struct FileProblems: Sendable {
    /// What is said of a problem, the error alone (`path:line: message`), and the file's
    /// other problems past the first, each on a line of its own (an article that does not
    /// parse has them all listed, as the command line lists them).
    public typealias Problem = (said: String, reason: String, more: [String])

    private var byArticle: [(title: String, problem: Problem)] = []

    /// What is to be said, oldest first.
    public var all: [Problem] { byArticle.map(\.problem) }

    /// `error`, met reading the files of the article titled `title`, said as `said`, in
    /// place of the one met before with them.
    mutating func met(_ error: any Error, said: String, about title: String) {
        resolved(title)
        let more = SourceErrors(error)?.listed.dropFirst().map(\.description) ?? []
        byArticle.append((title, (said, "\(error)", more)))
    }

    /// The article titled `title` read whole: what was met with it before is no longer so.
    mutating func resolved(_ title: String) {
        byArticle.removeAll { $0.title == title }
    }
}

/// The article on screen's file is no longer listed in the folder (removed, and the folder
/// listed again since).
struct Unlisted: Error, CustomStringConvertible {
    /// Its file, as it was read: named, as every other problem of a file names it (QA 26).
    let path: String
    var description: String { "\(path) is no longer in the folder" }
}

extension ExplorerSession {
    /// The article titled `title` as its files are now: the one read before while they have
    /// not changed (its stamp, two `stat`s), else read again (`reloaded`). Nil when no file
    /// has that title; throws when its file does not load now, or has another title now
    /// (`Retitled`). One that fails is forgotten: it is read again when next asked for.
    func current(_ title: String) throws -> (opened: OpenedArticle, reloaded: Bool)? {
        let known = articles[title]
        if var known, !known.opened.hasChanged {
            if known.listing != listing {
                known.opened.explorer = keepingBookmarksOff(library.relisted(known.opened.explorer))
                known.listing = listing
                articles[title] = known
            }
            return (known.opened, false)
        }
        articles[title] = nil
        guard var opened = try library.open(title: title) else {
            // Read before, and no file has its title now: said why, not "not loaded" (a file retitled while on screen, then H back to it once the folder was listed again).
            guard let known else { return nil }
            let path = known.opened.explorer.model.article.path
            if let now = ArticleParser.title(atPath: path), now != title {
                throw Retitled(path: path, title: now)
            }
            throw Unlisted(path: path)
        }
        opened.explorer = keepingBookmarksOff(opened.explorer)
        let read = opened.explorer.model.article
        guard read.title == title else { throw Retitled(path: read.path, title: read.title) }
        articles[title] = SessionArticle(opened: opened, listing: listing)
        // Read whole now: what was met before is no longer so.
        problems.resolved(title)
        return (opened, known != nil)
    }

    /// The article on screen compared with its files, at the moments `looksAtTheFile` names:
    /// changed, it is read again and shown where the reader was, in its text as it is now
    /// (`Action.reloaded`). One that does not load now (being written, half written, gone,
    /// or retitled) stays on screen as it was read, and that is said, once for each change of
    /// its files: the next change is read again.
    ///
    /// Not while the finder, a prompt or the link map is open: they hold places in the text
    /// on screen (a search's matches, a note's place); the next check after they close does it.
    func recheck(_ state: AppState) -> AppState {
        let title = explorer.model.article.title
        guard state.prompt == nil, state.finder == nil, state.linkMap == nil, let known = articles[title],
              let now = known.opened.stampNow, now != known.opened.stamp, now != known.unreadable else { return state }
        do {
            guard let opened = try current(title)?.opened else { throw Unlisted(path: known.opened.explorer.model.article.path) }
            return reload(state, as: opened.explorer)
        } catch {
            var kept = known
            kept.unreadable = now
            articles[title] = kept
            // The `file:line: reason` first, the title and "changed on disk" left out: the
            // file is the one on screen, and the status line cut the reason off at 80 columns.
            let retitled = error is Retitled ? "; " + library.retitledAdvice : ""
            problems.met(error, said: "\u{201C}\(title.neutralized)\u{201D} could not be reloaded: \(error)\(retitled)", about: title)
            return explorer.update(state, .notice("Not reloaded: \(error) (the text read before stays\(retitled))"))
        }
    }

    /// `state`, the article on screen replaced by `next` (its text read again), where the
    /// reader was: its bookmarks resolved again, its views placed, the place saved.
    private func reload(_ state: AppState, as next: Explorer) -> AppState {
        // Taken by the explorer of the text read before: the place says where it is in that text.
        let view = explorer.snapshot(state)
        let title = explorer.model.article.title
        let found = Set(state.bookmarks.filter { $0.articleTitle == title && !$0.isOrphaned }.map(\.id))
        explorer = next
        // Bookmarks first: a view restored into a pane with no rows yet would lose its selection.
        var state = apply(.reloaded(view), to: run(.reloadBookmarks, on: state), relisting: false)
        // A heading renamed or removed in the edit leaves its bookmarks without a section:
        // said, as the ★ that goes says nothing.
        let orphaned = state.bookmarks.filter { found.contains($0.id) && $0.isOrphaned }
        if let notice = state.notice, let said = Self.orphaned(orphaned) { state = next.update(state, .notice(notice + "; " + said)) }
        // Saved at once, as a jump is: the place the store has is in the text read before.
        return run(.saveSession(SessionRecord(view: next.snapshot(state), history: state.history, panes: next.sidePanes(state))), on: state)
    }

    /// What a reload says of the bookmarks it left without a section: how many, and where
    /// they were; nil for none.
    static func orphaned(_ bookmarks: [BookmarkEntry]) -> String? {
        guard !bookmarks.isEmpty else { return nil }
        var seen = Set<String>()
        let places = bookmarks.map(\.path.neutralized).filter { seen.insert($0).inserted }
        return (bookmarks.count == 1 ? "1 bookmark" : "\(bookmarks.count) bookmarks") + " orphaned: " + places.joined(separator: ", ")
    }

    /// Lists the folder again (`Effect.relistFolder`): when its articles changed, the one on
    /// screen is made again for them, and the others when they are next shown.
    func relistFolder() -> Bool {
        guard library.relist() else { return false }
        listing += 1
        let title = explorer.model.article.title
        explorer = keepingBookmarksOff(library.relisted(explorer))
        articles[title]?.opened.explorer = explorer
        articles[title]?.listing = listing
        return true
    }

    /// Whether the runtime is to wake when no key comes (`Action.idle`): a store another
    /// explorer may change, or an article with a file someone may edit.
    var watchesWhenIdle: Bool {
        service != nil || articles[explorer.model.article.title]?.opened.stamp != nil
    }

    /// The actions at which the article on screen is compared with its files: input paused,
    /// idle, and the redraw key, which the person presses to see the screen as it should be.
    static func looksAtTheFile(_ action: Action) -> Bool {
        action == .pause || action == .idle || action == .command(.redraw)
    }
}
