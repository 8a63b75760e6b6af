import Content
import Foundation

/// Where the explorer reads its keys.
public enum Keyboard: Sendable {
    /// Standard input: the terminal it was started on.
    case standardInput
    /// The controlling terminal, `/dev/tty`: standard input carried the article (`seealso -`),
    /// as `less` reads its keys when text is piped into it.
    case controllingTerminal

    /// Whether the keys can be read from a terminal.
    public var isTerminal: Bool {
        switch self {
        case .standardInput:
            return isatty(STDIN_FILENO) == 1
        case .controllingTerminal:
            let descriptor = Self.openControllingTerminal()
            defer { if descriptor >= 0 { close(descriptor) } }
            return descriptor >= 0 && isatty(descriptor) == 1
        }
    }

    /// `/dev/tty`, for reading, or -1 when the process has no controlling terminal (started
    /// by a daemon, `setsid`).
    static func openControllingTerminal() -> Int32 {
        open("/dev/tty", O_RDONLY | O_NOCTTY | O_CLOEXEC)
    }
}

/// Runs the explorer on the real terminal: the only place the pure core meets the backend.
@MainActor
public enum Terminal {
    /// Whether a full-screen UI makes sense: stdout is a terminal that can address its cursor,
    /// and the keys can be read from a terminal.
    public nonisolated static func isInteractive(keys: Keyboard = .standardInput, term: String?) -> Bool {
        let term = term ?? ""
        return isatty(STDOUT_FILENO) == 1 && !term.isEmpty && term != "dumb" && keys.isTerminal
    }

    /// The theme the environment asks for: none under NO_COLOR (https://no-color.org), light
    /// when COLORFGBG says the background is light, dark otherwise. The terminal is never
    /// queried: a query could block start-up on a terminal that does not answer.
    public nonisolated static func theme(environment: [String: String]) -> Theme {
        if Theme.noColorRequested(environment["NO_COLOR"]) { return .mono }
        if let colors = environment["COLORFGBG"], let background = colors.split(separator: ";").last.flatMap({ Int($0) }),
           background == 7 || background == 15 {
            return .light
        }
        return .dark
    }

    /// How often frames are drawn while keys keep waiting (see `run`).
    static let typeaheadFrameInterval = Duration.milliseconds(100)

    /// Runs on `backend` until the person quits, then gives the terminal back; `start` is where
    /// to open (`--section`, `--item`). With a bookmark service, bookmarks work and the last
    /// session is restored unless `restore` is false. `mouse`, `showCursor` and `layout` come
    /// from the configuration, as the backend's theme and keys did (`CursesBackend.init`).
    /// `readLast`: in a folder, the article read last when `start` is in another one (see `ExplorerSession.startUp`).
    /// Returns the signal that ended it (SIGTERM, SIGHUP, Ctrl-C with nothing open…), if one did,
    /// once the session is saved: the caller ends as `q` ends, then with status 128 + it, as the
    /// signal's default action would have.
    @discardableResult
    public static func run(_ session: ExplorerSession, on backend: CursesBackend, start: Target? = nil, readLast: String? = nil,
                           restore: Bool = true, notice: String? = nil, mouse: Bool = true, showCursor: Bool = false,
                           layout: LayoutSettings = .standard) -> Int32? {
        defer { backend.shutdown() }
        backend.takePendingResize()
        let size = backend.size
        let display = DisplaySettings(layout: layout, asciiDrawing: backend.theme.name == Theme.mono.name, mouse: mouse,
                                      showsCursor: showCursor)
        var state = session.explorer.initialState(size: Size(width: size.width, height: size.height), display: display)
        state = session.startUp(state, start: start, readLast: readLast, restore: restore)
        if let notice { state = session.explorer.update(state, .notice(startUpNotice(found: state.notice, notice))) }
        var idle = 0
        // Whether input came since the last pause: the next read then waits only
        // `pauseMilliseconds`, and its timeout is the pause that saves the view.
        var unsettled = false
        // A key already waiting when one has been handled (a paste, keys typed faster than
        // frames are drawn) is handled before the next frame, as vim and less take typeahead:
        // a frame for each character of a 6,900-character paste into the search took 6 s.
        // A frame is still drawn every `typeaheadFrameInterval`, so that a long stream shows.
        var waiting: InputEvent?
        var lastFrame = ContinuousClock.now
        // Whether the screen already shows `state`: a pause or an idle look that changed
        // nothing draws no frame (rendering one every 2 s cost 1 s of CPU with a long jump
        // path, and is never free).
        var frameIsCurrent = false
        while state.isRunning {
            if backend.endSignal == SIGINT, let cancel = session.explorer.interruptAction(state) {
                // Ctrl-C cancels the prompt or overlay that is open, as in readline, less and
                // vim; with nothing open it quits.
                backend.withdrawInterrupt()
                state = session.apply(cancel, to: state)
                unsettled = true
                continue
            }
            if backend.endSignal != nil {
                backend.endSeen(savingWithin: session.saveTimeoutMilliseconds)
                state = session.apply(.end, to: state)
                break
            }
            if !frameIsCurrent, waiting == nil || lastFrame.duration(to: .now) > Self.typeaheadFrameInterval {
                backend.present(session.explorer.render(state))
                lastFrame = .now
            }
            frameIsCurrent = false
            // Settled, the read still wakes now and then when a store is kept, which another
            // explorer may change, or the article has a file, which may be edited (see
            // `Action.idle`); else it waits for a key.
            let timeout = unsettled ? pauseMilliseconds : session.watchesWhenIdle ? idleWatchMilliseconds : -1
            let asked = ContinuousClock.now
            let read = waiting ?? backend.nextEvent(timeoutMilliseconds: timeout)
            waiting = nil
            guard let event = read else {
                if backend.endSignal != nil { continue }
                if unsettled {
                    unsettled = false
                    let before = state
                    state = session.apply(.pause, to: state)
                    frameIsCurrent = state == before
                    continue
                }
                if timeout > 0, asked.duration(to: .now) >= .milliseconds(timeout / 2) {
                    idle = 0
                    let before = state
                    state = session.apply(.idle, to: state)
                    frameIsCurrent = state == before
                    continue
                }
                // A read that returns nothing, before its time, again and again: the terminal
                // may be gone without a SIGHUP (a hung-up pty reads as end of file). Quit,
                // saving the session, rather than spin.
                idle += 1
                if idle >= 64, !backend.keyboardIsAttached() { state = session.apply(.command(.quit), to: state) }
                continue
            }
            idle = 0
            unsettled = true
            let action = session.explorer.action(for: event, in: state)
            // The redraw key is the terminal's business, as a suspend is: the state stays as
            // it is, and the frame drawn next is drawn whole.
            if action == .command(.redraw) { backend.redrawWhole() }
            state = session.apply(action, to: state)
            // Not after the last key: what was typed after `q` is the shell's.
            if state.isRunning { waiting = backend.nextEvent(timeoutMilliseconds: 0) }
        }
        return backend.endSignal
    }

    /// The first message: what the start-up found (an article changed since last read) first,
    /// then `notice` (the store's problem, the folder's files), but not a failure for the reason
    /// `notice` gives (the reading place not saved to a store found read-only): said twice, it
    /// took three rows.
    nonisolated static func startUpNotice(found: String?, _ notice: String) -> String {
        [found.flatMap { $0.contains(notice) ? nil : $0 }, notice].compactMap { $0 }.joined(separator: " · ")
    }

    /// How long input must pause for the view to be saved: long enough that holding a key
    /// down does not write at every repeat, short enough that little is lost to a crash.
    static let pauseMilliseconds: Int32 = 500

    /// How often an idle explorer looks whether another one changed the store, or the
    /// article's file changed: soon enough that a bookmark made in the other window, or an
    /// edit saved in an editor beside, shows while one looks over, seldom enough that an idle
    /// explorer costs nothing (a check is a few microseconds, and a frame in which nothing
    /// changed writes nothing).
    static let idleWatchMilliseconds: Int32 = 2000
}
