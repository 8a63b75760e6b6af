import Content
import Foundation

/// Runs the explorer on the real terminal: the only place the pure core meets the backend.
@MainActor
public enum Terminal {
    /// Whether a full-screen UI makes sense: stdout is a terminal that can address its cursor.
    public nonisolated static var isInteractive: Bool {
        let term = ProcessInfo.processInfo.environment["TERM"] ?? ""
        return isatty(STDOUT_FILENO) == 1 && isatty(STDIN_FILENO) == 1 && !term.isEmpty && term != "dumb"
    }

    /// The theme the environment asks for: none under NO_COLOR (https://no-color.org), light
    /// when COLORFGBG says the background is light, dark otherwise. The terminal is never
    /// queried: a query could block start-up on a terminal that does not answer.
    public nonisolated static func theme(environment: [String: String] = ProcessInfo.processInfo.environment) -> Theme {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .mono }
        if let colors = environment["COLORFGBG"], let background = colors.split(separator: ";").last.flatMap({ Int($0) }),
           background == 7 || background == 15 {
            return .light
        }
        return .dark
    }

    /// Runs until the person quits; `start` is where to open (`--section`, `--item`). With a
    /// bookmark service, bookmarks work and the last session is restored unless `restore` is false.
    public static func run(_ explorer: Explorer, start: Target? = nil, bookmarks: BookmarkService? = nil,
                           restore: Bool = true, notice: String? = nil) throws {
        let backend = try CursesBackend(theme: theme())
        defer { backend.shutdown() }
        let size = backend.size
        let runtime = EffectRunner(explorer: explorer, service: bookmarks)
        var state = explorer.initialState(size: Size(width: size.width, height: size.height))
        state = runtime.startUp(state, start: start, restore: restore)
        if let notice { state = explorer.update(state, .notice(notice)) }
        while state.isRunning {
            backend.present(explorer.render(state))
            guard let event = backend.nextEvent(timeoutMilliseconds: -1) else { continue }
            state = runtime.apply(explorer.action(for: event, in: state), to: state)
        }
    }
}

/// Applies actions and carries out the effects they ask for, feeding the results back as
/// actions. Separate from the terminal so that tests drive it with a fake service.
@MainActor
public struct EffectRunner {
    public let explorer: Explorer
    public let service: BookmarkService?

    public init(explorer: Explorer, service: BookmarkService?) {
        self.explorer = explorer
        self.service = service
    }

    /// The state to show first: the saved session (unless `restore` is false), then `start`.
    public func startUp(_ state: AppState, start: Target?, restore: Bool) -> AppState {
        var state = perform(.reloadBookmarks, on: state)
        if restore, let service, let data = try? service.session(for: explorer.model),
           let session = try? JSONDecoder().decode(SessionRecord.self, from: data) {
            state = apply(.restoreSession(session), to: state)
        }
        if let start { state = apply(.follow(start), to: state) }
        return state
    }

    /// `action` applied, then every effect it asked for carried out.
    public func apply(_ action: Action, to state: AppState) -> AppState {
        var state = explorer.update(state, action)
        while !state.effects.isEmpty {
            let effect = state.effects.removeFirst()
            state = perform(effect, on: state)
        }
        return state
    }

    func perform(_ effect: Effect, on state: AppState) -> AppState {
        guard let service else { return state }
        let model = explorer.model
        do {
            var notice: String?
            switch effect {
            case .saveSession(let session):
                try service.saveSession(try JSONEncoder().encode(session), for: model)
                return state
            case .reloadBookmarks:
                notice = state.notice
            case .toggleBookmark(let section, let item):
                let added = try service.toggle(section: section, item: item, in: model)
                let name = item.map(model.label(of:)) ?? model.label(of: model.article.sections[section].id)
                notice = added ? "Bookmarked: \(name) (' lists bookmarks)" : "Bookmark removed: \(name)"
            case .setNote(let note, let section, let item):
                try service.setNote(note, section: section, item: item, in: model)
                notice = note?.isEmpty ?? true ? "Note cleared." : "Note saved."
            case .setBookmarkNote(let note, let id):
                try service.setNote(note, bookmark: id)
                notice = note?.isEmpty ?? true ? "Note cleared." : "Note saved."
            case .removeBookmark(let id):
                try service.remove(bookmark: id)
                notice = "Bookmark deleted: u undoes."
            case .undoRemove:
                notice = try service.undoRemove() ? "Bookmark restored." : "Nothing to undo."
            }
            return explorer.update(state, .bookmarksLoaded(try service.entries(in: model), notice: notice))
        } catch {
            // Reading goes on; the status bar says what could not be saved.
            return explorer.update(state, .notice("\(error)"))
        }
    }
}
