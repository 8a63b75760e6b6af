import Content
import Foundation

/// Applies actions to the explorer of the article being read and carries out the effects
/// they ask for, feeding results back as actions; in a folder, it switches between the
/// articles' explorers, carrying the jump history across. Separate from the terminal so
/// that tests drive it with a fake service.
@MainActor
public final class ExplorerSession {
    /// The explorer of the article on screen.
    public internal(set) var explorer: Explorer
    /// Nil without bookmarks: from the start, or since the store's file was refused (`bookmarksOff`).
    public private(set) var service: BookmarkService?
    /// Why bookmarks were turned off while the explorer ran (see `turningBookmarksOff`): the
    /// explorers of articles opened from then on are made without them too (`current`).
    var bookmarksOff: String?
    /// Reads the articles by title (see `current`): nil when no article has that title;
    /// throws when its file does not load now (changed since the folder was indexed, or a
    /// malformed links file beside it), with the error's `path:line: message`.
    let library: any ArticleLibrary
    /// The articles opened so far, by title, with their files' stamps as they were read.
    var articles: [String: SessionArticle] = [:]
    /// How many times the folder's list changed (`ArticleLibrary.relist`): an article opened
    /// before the last change has its explorer made again before it is shown.
    var listing = 0
    /// Set when the article on screen was opened at start-up in place of the folder's article
    /// read last, whose file is there but could not be opened (a syntax error): its saves then
    /// leave the order of reading alone, so that the folder reopens at the article read last
    /// once it loads again, as a browser's session keeps a tab that failed to load. Cleared
    /// as soon as the person opens another article (a link, the finder, a bookmark, H or L).
    public var standsIn = false
    /// What went wrong with the articles' files while it ran, to say on quitting.
    public internal(set) var problems = FileProblems()
    /// Why the last save of the reading place failed, while no later one has succeeded: the
    /// same failure at every pause after it is not said again (QA 26: it came back over two
    /// rows at each pause, over the answer to the last key), and the caller says it on stderr
    /// once the explorer has quit, where the one `q` makes was lost without a word (a full disk).
    public private(set) var unsavedPlace: (any Error)?
    /// The store's problem the start-up says (read-only, full, its folder not made): a save
    /// of the reading place that fails for it is not said again, until one succeeds.
    public var storeProblem: String?
    /// Set when the start-up's place (`--section`, `--item`) is in another article of the
    /// folder, which could not be opened: said on the status line, and on quitting, where the
    /// status is 65, as for the article read last that does not open (QA 32: it opened the
    /// first article at its top without a word, status 0).
    public private(set) var startFailed = false
    /// The note being typed when a signal ended the explorer, which was not saved.
    public private(set) var noteNotSaved: String?
    /// Notes typed and not saved because another window had changed the bookmark's note
    /// meanwhile, each with its place: said again on quitting, where they can be copied (QA
    /// 40: the status line named the other window's note only, and the one typed was lost).
    public private(set) var notesKeptOut: [(place: String, note: String)] = []
    /// How long a save may wait for the store (another process's lock): the end a signal asks
    /// for allows it (see `CursesBackend.endSeen`). Set by whoever gives the store.
    public var saveTimeoutMilliseconds: Int32 = 0

    /// `first`: the article on screen at first, as read from its files.
    public init(_ first: OpenedArticle, service: BookmarkService?, library: any ArticleLibrary) {
        explorer = first.explorer
        self.service = service
        self.library = library
        articles[first.explorer.model.article.title] = SessionArticle(opened: first, listing: 0)
    }

    /// The state to show first: the saved session, then `start`. Without `restore` the view
    /// starts at the top, or at `start`, but the saved history is kept, with the saved view one
    /// step back: quitting then saves it again rather than an empty history.
    ///
    /// `readLast`, in a folder: the article read last, when `start` (`--section`, `--item`) is
    /// in this other one. Where it was left is then one step back from `start`, with its history
    /// before it, restoring or not, as for a start in the same article: the history is the
    /// folder's, and this article's own session (a place read before) is not where it was left.
    public func startUp(_ state: AppState, start: Target?, readLast: String? = nil, restore: Bool) -> AppState {
        var state = run(.reloadBookmarks, on: state)
        /// The jump to `start`, and what it said when it could not be taken: the place is in
        /// another article of the folder, which does not open (see `startFailed`).
        func jump(_ state: AppState) -> (state: AppState, failure: String?) {
            guard let start else { return (state, nil) }
            let problemsBefore = problems.all.count
            let jumped = apply(.follow(start), to: state)
            startFailed = problems.all.count > problemsBefore
            return (jumped, startFailed ? jumped.notice : nil)
        }
        if start != nil, let readLast, readLast != explorer.model.article.title, let left = savedSession(of: readLast) {
            let (jumped, failure) = jump(state)
            // After the jump: the top it leaves was never shown, so it is no step back.
            return Self.saying(failure, in: apply(.resumeHistory(left), to: jumped), explorer: explorer)
        }
        let session: SessionRecord?
        // A session that could not be read (a damaged store) is said: the explorer opened at the
        // top without a word (QA 38).
        var unreadable: String?
        do {
            session = try readSession(of: explorer)
        } catch {
            session = nil
            unreadable = "The reading place could not be read: \(error)"
        }
        if let session, restore { state = apply(.restoreSession(session), to: state) }
        // What the restore said (the article changed since last read) outlasts the jump.
        let restored = state.notice ?? unreadable
        let failure: String?
        (state, failure) = jump(state)
        // After the jump to `start`: the top it leaves was never shown, so the way back is to
        // where the last run ended, not to the top (it was both, one after the other); on a
        // first run, nowhere (H went to that top).
        if let session, !restore {
            state = apply(.resumeHistory(session), to: state)
        } else if session == nil, start != nil {
            state = apply(.resumeHistory(SessionRecord(view: explorer.snapshot(state), history: History())), to: state)
        }
        let said = [restored, failure].compactMap { $0 }
        return Self.saying(said.isEmpty ? nil : said.joined(separator: " · "), in: state, explorer: explorer)
    }

    /// `state` saying `notice`, unless it says something already.
    private static func saying(_ notice: String?, in state: AppState, explorer: Explorer) -> AppState {
        guard state.notice == nil, let notice else { return state }
        return explorer.update(state, .notice(notice))
    }

    func savedSession() -> SessionRecord? {
        savedSession(of: explorer)
    }

    /// The saved session of `other`'s article. In a folder, its views are named by their
    /// article: one saved while the article was read alone names none, and such a view reads
    /// as one of whichever article is open when it is gone back to (QA 28: steps in Dual
    /// power, read alone, were taken back to in another article, "changed since last read").
    private func savedSession(of other: Explorer) -> SessionRecord? {
        (try? readSession(of: other)) ?? nil
    }

    /// `savedSession(of:)`, or why the store could not give it.
    private func readSession(of other: Explorer) throws -> SessionRecord? {
        guard let service, let record = try service.session(for: other.model) else { return nil }
        guard other.neighbours.isFolder else { return record }
        let title = other.model.article.title
        func named(_ view: ViewSnapshot) -> ViewSnapshot {
            var view = view
            if view.article == nil { view.article = title }
            return view
        }
        return SessionRecord(view: named(record.view), history: record.history.mapping(named), panes: record.panes)
    }

    /// The saved session of another article of the folder. Nil when it has none, or cannot be
    /// opened now (its views could not be placed in its text).
    func savedSession(of title: String) -> SessionRecord? {
        (try? current(title)?.opened.explorer).flatMap(savedSession(of:))
    }

    /// `action` applied, then every effect it asked for carried out. An article switch goes
    /// last: it replaces the explorer and the state, so the effects queued with it (the save
    /// of the view being left) are run first, while they still apply to the article they are for.
    /// At a pause, when idle and on the redraw key, the article on screen is then compared
    /// with its file (`recheck`).
    public func apply(_ action: Action, to state: AppState) -> AppState {
        // A note typed and not saved when a signal ends the explorer: said on quitting, where
        // it can be copied, as vim keeps what was typed (QA 32: lost without a word).
        if action == .end, let prompt = state.prompt, prompt.purpose != .search, prompt.text != (prompt.shown ?? "") {
            noteNotSaved = prompt.text
        }
        let state = apply(action, to: state, relisting: true)
        return Self.looksAtTheFile(action) ? recheck(state) : state
    }

    /// `apply`; `relisting`: whether the folder may be listed again (`Effect.relistFolder`),
    /// which it is at most once an action.
    func apply(_ action: Action, to state: AppState, relisting: Bool) -> AppState {
        let before = state
        var state = explorer.update(state, action)
        while !state.effects.isEmpty {
            let next = state.effects.firstIndex { !$0.switchesArticle } ?? 0
            let effect = state.effects.remove(at: next)
            switch effect {
            case .openArticle(let title, let arrival):
                state = switchArticle(to: title, at: arrival, from: state, before: before)
            case .relistFolder(let again):
                // Changed: done again from the start, by explorers that know the folder as it
                // is now, and with the bookmarks resolved against it. What the first try
                // queued after this (its save) is the second's to ask for again.
                guard relisting, relistFolder() else { continue }
                return apply(again, to: run(.reloadBookmarks, on: before), relisting: false)
            default:
                state = run(effect, on: state)
            }
        }
        return state
    }

    /// `effect` carried out (the store's work, or an article switch), its outcome reported to
    /// the explorer as an action. (Not `Explorer.perform`, which is a key's command.)
    func run(_ effect: Effect, on state: AppState) -> AppState {
        if case .openArticle(let title, let arrival) = effect { return switchArticle(to: title, at: arrival, from: state) }
        guard let service else { return state }
        let model = explorer.model
        // Before anything is written, or looked for: a write to a file deleted or replaced
        // meanwhile would be lost on quitting, or land in a file that is not seealso's.
        var news: String?
        switch service.checkStoreFile() {
        case .unchanged: break
        case .reopened(let said): news = said
        case .refused(let reason): return turningBookmarksOff(because: reason, failing: effect, state)
        }
        if case .refreshBookmarks = effect, news == nil {
            // A check that fails says nothing, at every pause: what this explorer does next
            // with the store reports the trouble.
            guard (try? service.changedElsewhere()) == true else { return state }
        }
        do {
            // Its id is the old file's: in the new one it may be another bookmark's.
            if news != nil, effect.namesBookmarkByID { throw InTheOldFile() }
            var notice: String?
            var selecting: Int64?
            switch effect {
            case .saveSession(let session):
                try service.saveSession(session, for: model, asReadLast: !standsIn)
                (unsavedPlace, storeProblem) = (nil, nil)
                // A new file: the list shown is the old one's.
                guard news != nil else { return state }
            case .reloadBookmarks, .refreshBookmarks:
                // What was said before is not news from the new file.
                notice = news == nil ? state.notice : nil
            case .addBookmark(let section, let item):
                notice = try bookmarking(section: section, item: item, news: news, in: service)
            case .removeBookmarks(let section, let item):
                notice = try unbookmarking(section: section, item: item, news: news, in: service)
            case .setNote(let note, let section, let item, let shown):
                notice = try savingNote(note, section: section, item: item, shown: shown, in: service)
            case .setBookmarkNote(let note, let id, let shown):
                let outcome = try service.setNote(note, bookmark: id, shown: shown)
                notice = noteSaid(outcome, note: note, shown: true, name: "",
                                  place: state.bookmarks.first { $0.id == id }?.path ?? "bookmark #\(id)")
            case .removeBookmark(let id, let name, let byMark):
                notice = try deleting(bookmark: id, named: name, byMark: byMark, in: service)
            case .undoRemove:
                let undone = try service.undoRemove()
                selecting = undone?.id
                notice = undone.map(Self.restored) ?? "Nothing to undo."
            case .openArticle, .relistFolder:
                return state
            }
            return explorer.update(state, .bookmarksLoaded(try service.entries(in: model), notice: Self.joined(notice, news),
                                                           selecting: selecting, unwritable: service.unwritableReason))
        } catch {
            // Reading goes on; the status bar says what could not be saved. The list is read
            // again: another seealso may have changed it (a bookmark it removed is a row here
            // until then, and editing it fails). What was not done comes first: the reason
            // alone was the start-up notice again, so `m` seemed to do nothing.
            if case .saveSession = effect {
                let said = unsavedPlace.map { "\($0)" } ?? storeProblem
                unsavedPlace = error
                // Said already: at start-up, at the last pause, or by the key that just failed
                // for the same reason ("Bookmark not changed: …"), whose message stays until the
                // next key (QA 32: the pause's said the same over it half a second later).
                if news == nil, "\(error)" == said || state.notice?.hasSuffix(": \(error)") == true { return state }
            }
            var failure = Self.notDone(effect).map { "\($0): \(error)" } ?? "\(error)"
            // What was typed, said back where it was not saved, to be typed again elsewhere
            // (QA 27: the Bookmarks pane's note on a bookmark removed meanwhile was lost).
            // QA 33: so was one of the place read, on a full disk.
            switch effect {
            case .setBookmarkNote(let note?, _, _), .setNote(let note?, _, _, _):
                if !note.isEmpty { failure += " (it read \u{201C}\(note.neutralized)\u{201D})" }
            default: break
            }
            let notice = Self.joined(failure, news) ?? failure
            return explorer.update(state, (try? service.entries(in: model)).map { .bookmarksLoaded($0, notice: notice, unwritable: service.unwritableReason) } ?? .notice(notice))
        }
    }

    /// `m` on a place without a bookmark: what it says. `news`: what happened to the store's
    /// file, which tells "in another window" from "in the new file".
    private func bookmarking(section: Int, item: String?, news: String?, in service: BookmarkService) throws -> String {
        let model = explorer.model
        let name = model.displayName(of: item ?? model.article.sections[section].id)
        // Made elsewhere since the list was read: kept, and now shown (★).
        return try service.add(section: section, item: item, in: model) ? bookmarked("Bookmarked: \(name)")
            : news == nil ? "Already bookmarked (in another window): \(name)" : "Already bookmarked in the new file: \(name)"
    }

    /// `m` on a bookmarked place: what it says (see `bookmarking`).
    private func unbookmarking(section: Int, item: String?, news: String?, in service: BookmarkService) throws -> String {
        let model = explorer.model
        let name = model.displayName(of: item ?? model.article.sections[section].id)
        let count = try service.remove(section: section, item: item, in: model)
        return count > 0 ? removed(name, count: count)
            : news == nil ? "Already removed (in another window): \(name)" : "Not bookmarked in the new file: \(name)"
    }

    /// A note typed for a place: what it says.
    private func savingNote(_ note: String?, section: Int, item: String?, shown: String?,
                            in service: BookmarkService) throws -> String {
        let model = explorer.model
        // A note on a place with no bookmark makes one: said, as `m` says it. Whether it
        // did is the store's answer: another window may have bookmarked it meanwhile.
        // The prompt showed the note of a bookmark on screen, and it is edited; one made in
        // another window meanwhile may have a note the person never saw, and one shown may
        // have been changed there since: either is kept (it was overwritten unsaid).
        let outcome = try service.setNote(note, section: section, item: item, in: model, shown: shown)
        let name = model.displayName(of: item ?? model.article.sections[section].id)
        return noteSaid(outcome, note: note, shown: shown != nil, name: name, place: name)
    }

    /// What saving `note` says, by its outcome; `shown`: whether the prompt showed a bookmark.
    /// A note not saved for another window's is said after it, and kept to say again on
    /// quitting (`notesKeptOut`), as the bookmark at `place`'s.
    private func noteSaid(_ outcome: NoteOutcome, note: String?, shown: Bool, name: String, place: String) -> String {
        let editKey = keymap.keyName(for: .note).map { " (\($0) edits it)" } ?? ""
        switch outcome {
        case .keptAnother(let kept):
            return "Note not saved: the bookmark made in another window has one: \u{201C}\(kept.neutralized)\u{201D}"
                + keptOut(note, at: place) + editKey
        case .removedElsewhere:
            return "Already removed (in another window): \(name)"
        case .changedElsewhere(let kept):
            return "Note not saved: another window changed it meanwhile, "
                + (kept.map { "to \u{201C}\($0.neutralized)\u{201D}" } ?? "and cleared it") + keptOut(note, at: place) + editKey
        case _ where note?.isEmpty ?? true:
            return "Note cleared."
        case .made where shown:
            // The prompt showed a bookmark, which another window removed meanwhile: made
            // again with what was typed, and said (QA 26: "Bookmarked with the note").
            return bookmarked("Bookmarked again with the note, removed meanwhile in another window: \(name)")
        case .made:
            return bookmarked("Bookmarked with the note: \(name)")
        case .saved:
            return shown ? "Note saved." : "Note saved on the bookmark made in another window: \(name)"
        }
    }

    /// A note typed and not saved for another window's: kept to say again on quitting
    /// (`notesKeptOut`), and what the message says of it after the other's ("" for none typed).
    private func keptOut(_ note: String?, at place: String) -> String {
        guard let note, !note.isEmpty else { return "" }
        notesKeptOut.append((place, note))
        return "; yours: \u{201C}\(note.neutralized)\u{201D}"
    }

    /// `d` in the Bookmarks pane, or `m` on a bookmark elsewhere (`byMark`): what it says.
    private func deleting(bookmark id: Int64, named name: String, byMark: Bool, in service: BookmarkService) throws -> String {
        if try service.remove(bookmark: id) {
            // Named either way (`d` said only "Bookmark deleted", `m` named it).
            return removed(name, as: byMark ? "removed" : "deleted")
        }
        // Nothing was removed here, so nothing is offered to undo.
        return "Already \(byMark ? "removed" : "deleted") (in another window): \(name)"
    }

    /// A bookmark named by its id in a list read from the store's old file (see `run`).
    struct InTheOldFile: Error, CustomStringConvertible {
        var description: String { "it was in the old file" }
    }

    /// What the effect did, then what happened to the store's file: the status line cuts what
    /// does not fit, and the result of the key just pressed is what is looked for (at
    /// 120 columns the file's news hid "Bookmark not deleted").
    private static func joined(_ news: String?, _ notice: String?) -> String? {
        let parts = [news, notice].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: " · ")
    }

    /// Bookmarks off for the rest of the run, as if the explorer had started without a store:
    /// the store's file was replaced by one seealso must not write to, which is left untouched.
    /// The effect that found it is not carried out; the status line says so, and why.
    private func turningBookmarksOff(because reason: String, failing effect: Effect, _ state: AppState) -> AppState {
        service = nil
        bookmarksOff = reason
        articles = articles.mapValues { article in
            var article = article
            article.opened.explorer = article.opened.explorer.withoutBookmarks(because: reason)
            return article
        }
        explorer = explorer.withoutBookmarks(because: reason)
        let notice = (Self.notDone(effect).map { "\($0): bookmarks are off: " } ?? "Bookmarks are off: ") + reason
        return explorer.update(state, .bookmarksTurnedOff(notice: notice))
    }

    /// `made`, an explorer the library made (an article opened, or made again for the folder
    /// listed again), without bookmarks once they are off.
    func keepingBookmarksOff(_ made: Explorer) -> Explorer {
        bookmarksOff.map { made.withoutBookmarks(because: $0) } ?? made
    }

    /// How a failure of `effect` begins, saying what was not done.
    static func notDone(_ effect: Effect) -> String? {
        switch effect {
        case .addBookmark, .removeBookmarks: "Bookmark not changed"
        case .setNote, .setBookmarkNote: "Note not saved"
        case .removeBookmark: "Bookmark not deleted"
        case .undoRemove: "Bookmark not restored"
        case .saveSession: "Reading place not saved"
        case .reloadBookmarks, .refreshBookmarks, .openArticle, .relistFolder: nil
        }
    }

    /// What says a bookmark was made, and the key that lists bookmarks.
    func bookmarked(_ what: String) -> String {
        what + (keymap.keyName(for: .focusBookmarks).map { " (\($0) lists bookmarks)" } ?? "")
    }

    /// What `m` says when it removes bookmarks (`count`: a place may have several), wherever
    /// it was pressed, and `d` in the Bookmarks pane (`verb` "deleted", as its key is named).
    func removed(_ name: String, count: Int = 1, as verb: String = "removed") -> String {
        (count == 1 ? "Bookmark \(verb): \(name)" : "\(count) bookmarks \(verb): \(name)")
            + (keymap.keyName(for: .undoDelete).map { " (\($0) undoes)" } ?? "")
    }

    /// What `u` says: how many came back, and how: beside a bookmark made on their place since
    /// (both are there: "Bookmark restored." was said of a note dropped), or into one
    /// (one place, one bookmark). The counts are of what happened: "2 beside ones made there
    /// since" was said of one made since, and "beside" of one that took a removed note.
    static func restored(_ undone: UndoneRemoval) -> String {
        let what = undone.count == 1 ? "Bookmark restored" : "\(undone.count) bookmarks restored"
        let (beside, merged) = (undone.besideANewer, undone.merged)
        let newer = max(undone.newer, 1)
        let madeSince = newer == 1 ? "the one made there since" : "the \(newer) made there since"
        if beside == 0, merged == 0 { return what + "." }
        if merged == 0, beside == undone.count {
            let notes = newer == 1 ? "which has a note of its own" : "which have notes of their own"
            return what + " beside \(madeSince), \(notes): \(undone.count == 1 && newer == 1 ? "both" : "all") are kept."
        }
        if beside == 0, merged == undone.count { return what + " into \(madeSince): no note is lost." }
        var parts: [String] = []
        if merged > 0 { parts.append("\(merged) into \(madeSince)") }
        if beside > 0 { parts.append("\(beside) beside " + (merged > 0 ? (newer == 1 ? "it" : "them") : madeSince)) }
        return what + ": " + parts.joined(separator: ", ") + "; no note is lost."
    }

    /// The keys of the explorer on screen, to name them in messages.
    var keymap: KeyMap { explorer.keymap }

    /// The article on screen still, after a switch that could not be made (`Action.notOpened`).
    /// `before`: the state before H or L asked for it, whose history the explorer goes back to.
    /// The effects the update asks for (the history saved) are carried out here: a switch
    /// may be asked for outside `apply` (`run`).
    func stayed(_ state: AppState, saying notice: String, title: String, arrival: Arrival, before: AppState?) -> AppState {
        var step: UntakenStep?
        if case .view = arrival, let before { step = UntakenStep(history: before.history, unopened: before.unopened) }
        return apply(.notOpened(title: title, notice: notice, step: step), to: state, relisting: false)
    }

    /// Another article on screen, where `arrival` says, with the same history, focus and
    /// screen; bookmarks are resolved again against it. `before`: the state before the action
    /// that asked for it, for a step of the history that cannot be taken (see `stayed`).
    ///
    /// An article opened before is shown as it was read while its files have not changed;
    /// changed, it is read again and its views are placed in its text as it is now; gone,
    /// not loading, or under another title now, it is said so and not shown (see `current`).
    func switchArticle(to title: String, at arrival: Arrival, from state: AppState, before: AppState? = nil) -> AppState {
        let opened: (opened: OpenedArticle, reloaded: Bool)?
        do {
            opened = try current(title)
        } catch {
            // A file renamed or moved in the folder since it was listed is found again by its
            // title once the folder is listed again, as the finder lists it: "no such file"
            // sent the person the wrong way until the finder was opened (QA 25).
            if relistFolder(), let found = try? current(title) {
                opened = found
            } else {
                let notice = "“\(title)” could not be opened: \(error)"
                problems.met(error, said: notice, about: title)
                return stayed(state, saying: notice, title: title, arrival: arrival, before: before)
            }
        }
        guard let opened else {
            return stayed(state, saying: "“\(title)” is not loaded.", title: title, arrival: arrival, before: before)
        }
        let next = opened.opened.explorer
        explorer = next
        // Another article opened by the person: it is read last now, as any article opened is.
        standsIn = false
        var fresh = next.initialState(size: state.size, display: state.display)
        fresh.history = state.history
        fresh.focus = state.layout.contains(.reader) ? state.focus : .reader
        fresh.sidePane = state.sidePane
        fresh.lowerPane = state.lowerPane
        fresh.zoomed = state.zoomed
        // The Bookmarks pane lists every article's bookmarks: it stays on the one selected.
        fresh.bookmarkList = state.bookmarkList
        // As vim keeps its last pattern across buffers: n in the next article searches it.
        fresh.lastSearch = state.lastSearch
        // Bookmarks first: a view restored into a pane with no rows yet would lose its selection.
        fresh = run(.reloadBookmarks, on: fresh)
        // Its views in the history may be of the text it had when they were left (a run
        // before this one): placed in its text as it is now, the view arrived at first.
        // Read again since it was last shown, it says so, wherever it is arrived at.
        if case .view(let view) = arrival {
            fresh = next.update(fresh, opened.reloaded ? .reloaded(view) : .restoreView(view))
        } else {
            fresh = next.update(fresh, opened.reloaded ? .reloaded(nil) : .placeHistory)
        }
        // A place in it, found now that it is loaded.
        let place: Target?
        switch arrival {
        case .top, .view:
            place = nil
        case .bookmark(let id):
            let entry = fresh.bookmarks.first { $0.id == id }
            place = entry?.target
            if place == nil {
                // Not "no longer exists" for one in a file of this title that does not open.
                let shared = entry?.sharedTitle == nil ? nil : entry?.unreachable(deleteKey: nil, open: title)
                fresh = next.update(fresh, .notice(shared ?? "That bookmark's section no longer exists in “\(title)”."))
            }
        case .seeAlsoEntry(let name):
            place = next.model.items.first { $0.kind == .seeAlso && $0.name == name }.map { .item($0.id) }
            if place == nil { fresh = next.update(fresh, .notice("“\(title)” no longer lists “\(name)” in its See also.")) }
        }
        if let place {
            // One jump, like a link to an anchor of another page: back returns to the
            // article left, not to this one's top.
            let history = fresh.history
            fresh = next.follow(place, from: fresh)
            fresh.history = history
            fresh = next.normalized(fresh)
        }
        // Opening an article is a jump too: it is saved at once, like any other.
        return run(.saveSession(SessionRecord(view: next.snapshot(fresh), history: fresh.history, panes: next.sidePanes(fresh))), on: fresh)
    }
}
