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

    /// Runs until the person quits; `start` is where to open (`--section`, `--item`).
    public static func run(_ explorer: Explorer, start: Target? = nil) throws {
        let backend = try CursesBackend(theme: theme())
        defer { backend.shutdown() }
        let size = backend.size
        var state = explorer.initialState(size: Size(width: size.width, height: size.height))
        if let start {
            state = explorer.update(state, .follow(start))
            state.history = History()
        }
        while state.isRunning {
            backend.present(explorer.render(state))
            guard let event = backend.nextEvent(timeoutMilliseconds: -1) else { continue }
            state = explorer.update(state, explorer.action(for: event))
        }
    }
}
