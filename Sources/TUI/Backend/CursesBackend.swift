import CNCursesw
import Content
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why the terminal could not be set up.
public enum TerminalError: Error, CustomStringConvertible {
    case notATerminal
    /// A TERM without a terminfo entry ncurses can use (none, or a generic or hardcopy one).
    case unknownTerminal(String)
    /// A TERM whose terminfo entry cannot move the cursor (`cup`): a glass tty, Emacs' dumb
    /// terminal with colours. ncurses takes it, and drew the panes into each other or left
    /// all but the last row blank (QA 23).
    case cannotMoveCursor(String)
    /// A screen of this size (columns, rows) is more than ncurses could set up.
    case tooLarge(width: Int, height: Int)
    case noUTF8Locale
    case setupFailed(String)

    public var description: String {
        switch self {
        case .notATerminal:
            return "standard input and output must be a terminal"
        // TERM's value as the terminal can show it: it may hold an escape sequence or a BEL
        // (QA 24: TERM=$'x\e[31m' turned the message red).
        case .unknownTerminal(let name):
            return "terminal type '\(name.neutralized)' has no terminfo entry seealso can use (check TERM)"
        case .cannotMoveCursor(let name):
            return "terminal type '\(name.neutralized)' cannot move the cursor (check TERM)"
        case .tooLarge(let width, let height):
            return "the terminal is \(width)×\(height) cells, more than seealso can draw"
        case .noUTF8Locale:
            return "no UTF-8 locale is available (tried the environment's locale and C.UTF-8)"
        case .setupFailed(let reason):
            return "cannot set up the terminal: \(reason)"
        }
    }
}

/// The only code that talks to ncurses: sets the terminal up, draws frames, reads keys, and
/// puts the terminal back however the program ends.
///
/// Usage: create it, `defer { backend.shutdown() }`, then alternate `present` and
/// `nextEvent`. SIGINT, SIGTERM, SIGHUP (a closed terminal window) and every other signal
/// whose default action would end the process without a crash (`EndingSignals.graceful`:
/// SIGUSR1, SIGXCPU…) ask the explorer to end (`endSignal`): it quits as `q` does, saving
/// where the person was, and exits with status 128 + signal; not begun to end a second later,
/// it ends at once (`EndingSignals.timer`; not for Ctrl-C), and more signals meanwhile change
/// nothing (see `askToEnd`). The terminal is also restored when the process is ended
/// by SIGQUIT, when it crashes (the signal is re-raised after restoring, so the exit status
/// and core dump stay), and on `exit()`; SIGPIPE is ignored meanwhile (see
/// `EndingSignals.ignored`). SIGKILL cannot be caught: after `kill -9`, run `reset`.
///
/// Frames are diffed against what the screen shows, so a frame costs only its changed
/// cells. On terminals that speak ECMA-48 (terminfo's cursor addressing is `ESC [ row ; col
/// H` and the entry has `xenl`: xterm and its kin, tmux, screen, the Linux console)
/// `ScreenEncoder` writes them, with a scroll region kept between frames; elsewhere ncurses'
/// `doupdate` does. ncurses always sets the terminal up, reads keys and restores the terminal.
@MainActor
public final class CursesBackend {
    /// The theme in use: the requested one as the terminal's colours can draw it
    /// (`Theme.fitted(to:)`), or `Theme.mono` under `NO_COLOR` or without colour support.
    public private(set) var theme: Theme

    private let window: UnsafeMutablePointer<WINDOW>
    private let usesColor: Bool
    /// The characters the terminal shows, as the environment's locale names them.
    private let charset: TerminalCharset
    private let mouseEnabled: Bool
    /// The terminfo entry's mouse report introducer (`kmous`), which ncurses returns as
    /// KEY_MOUSE whether or not the mouse is on.
    private let keyMouse: String?
    /// Whether the explorer asks for SGR mouse reports itself (`seealso_sgr_mouse`): with the
    /// mouse on, where the terminfo entry's reports are X10's (`kmous` is `ESC [ M`: tmux,
    /// screen). Their bytes stop at column 223, so that a click further right in a wide
    /// window landed on column 223 (QA 23); ncurses asks for SGR only where `kmous` is
    /// `ESC [ <`. Their reports come through `EscapeSequence` (`sgrMouseReport`).
    private var asksForSGRMouse = false
    /// Whether the explorer asks for mouse reports at all itself (xterm's mode 1000, with
    /// SGR's): with the mouse on, where the entry has no `kmous` (vt100, vt220), so that
    /// ncurses asks for none, and clicks did nothing in terminals that have a mouse and are
    /// named so (QA 28). A terminal without one ignores the request; one that speaks no CSI
    /// (a VT52) is not asked. Whoever draws, the signal handlers turn it off (`mouseReportsAsked`).
    private var asksForMouseReports = false
    private var pairs: ColorPairs
    private var attributeCache: [Style: (attributes: attr_t, pair: Int16)] = [:]
    /// Writes frames on ECMA-48 terminals; nil where ncurses draws them.
    private var encoder: ScreenEncoder?
    /// The last frame ncurses drew (when it draws them).
    private var lastFrame: CellBuffer?
    private var needsFullRedraw = false
    /// Whether the cursor is shown (`curs_set`): at a typing point, or with `show-cursor`.
    private var cursorShown = false
    private var isShutDown = false
    private var savedSignalActions: [(signal: Int32, action: sigaction)] = []
    /// What was read after an Esc and was not part of its sequence (see `escapeEvent`): the
    /// next events, first to last.
    private var pendingEvents: [InputEvent] = []
    /// A code `wgetch` returned that ended an invalid UTF-8 sequence (see `readCode`): the
    /// start of the next key.
    private var pendingCode: Int32?
    /// Where keys are read: standard input, or the controlling terminal opened for them
    /// (kept open for the process's life: ncurses' screen reads from it until the end).
    private let keyboard: Int32

    /// Sets the terminal up and takes it over: alternate screen, no echo, keys unbuffered
    /// (Ctrl-C still sends SIGINT), hidden cursor, mouse reporting if `mouse` (this stops the
    /// terminal's own click-and-drag selection; Shift-drag usually still works). Keys are
    /// read from `keys`: standard input, or /dev/tty when standard input carried the article.
    public init(theme: Theme, mouse: Bool = true, keys: Keyboard = .standardInput) throws {
        guard isatty(STDOUT_FILENO) == 1 else { throw TerminalError.notATerminal }
        let input = try Self.openKeyboard(keys)
        keyboard = input.descriptor
        charset = try Self.selectUTF8Locale()

        let savedActions = Self.currentActions(for: EndingSignals.all + [SIGWINCH])
        // Held from before newterm changes the terminal's modes until the handlers are in and
        // the set-up is done: a SIGQUIT meanwhile took its default action and left the terminal
        // without echo, and one during `curs_set` left the cursor hidden (QA 35). Then they are
        // let through (`letSignalsThrough`), or, when there is no terminal to take, held as before.
        let maskBefore = Self.holdSignals()
        // newterm, unlike initscr, returns nil instead of exiting when TERM is unusable. ncurses
        // sets the terminal's modes through the output (stdout, the same terminal) and reads
        // keys from the input only, so /dev/tty as the input is all `seealso -` needs.
        guard let screen = Self.withinLargestSize({ newterm(nil, seealso_stdout(), input.file) }) else {
            Self.restoreMask(maskBefore)
            if input.descriptor != STDIN_FILENO { fclose(input.file) }
            if let claimed = Self.claimedSize(), Self.exceedsLargestSize(claimed) {
                throw TerminalError.tooLarge(width: Int(claimed.columns), height: Int(claimed.rows))
            }
            throw TerminalError.unknownTerminal(Self.terminalType)
        }
        // A terminal that cannot address the cursor (no `cup`: a glass tty, ncurses' dumb-emacs-ansi)
        // takes newterm, and the explorer drew its panes into each other or left all but the
        // last row blank (QA 23). Given back before anything is asked of it: its modes as they
        // were (newterm turned output processing off: the outline came out as a staircase),
        // without endwin, which wrote its attribute resets first (QA 24).
        guard seealso_string_capability("cup") != nil else {
            reset_shell_mode()
            delscreen(screen)
            Self.restoreMask(maskBefore)
            if input.descriptor != STDIN_FILENO { fclose(input.file) }
            throw TerminalError.cannotMoveCursor(Self.terminalType)
        }
        // From here on the terminal is ncurses': restore it however the process ends.
        terminalNeedsRestore = 1
        _ = Self.registerExitHook
        Self.installSignalHandlers()
        Self.captureStandardError()

        cbreak()
        noecho()
        nonl()
        Self.disableFlowControl()
        set_escdelay(25)
        curs_set(0)

        // Checked here too, whatever theme the caller asked for: NO_COLOR always wins.
        let noColor = Theme.noColorRequested(getenv("NO_COLOR").map { String(cString: $0) })
        let colors = !noColor && theme.usesColor && has_colors()
        var hasDefaultColors = false
        if colors {
            start_color()
            hasDefaultColors = use_default_colors() == OK
        }
        let palette = TerminalPalette(colorCount: colors ? Int(seealso_colors()) : 0, hasDefaultColors: hasDefaultColors)
        self.theme = colors ? theme.fitted(to: palette) : .mono
        usesColor = colors
        pairs = ColorPairs(palette: palette, pairLimit: colors ? Int(seealso_color_pairs()) : 0)

        // Keys are read from this window, never from stdscr: getch on stdscr would refresh
        // the never-drawn stdscr and blank the screen.
        guard let window = newwin(0, 0, 0, 0) else {
            terminalNeedsRestore = 0
            endwin()
            releaseStandardError()
            Self.restore(savedActions)
            Self.restoreMask(maskBefore)
            throw TerminalError.setupFailed("cannot create a window")
        }
        self.window = window
        keypad(window, true)
        idlok(window, true)
        scrollok(window, false)

        mouseEnabled = mouse
        keyMouse = seealso_string_capability("kmous").map { String(cString: $0) }
        if mouse {
            mousemask(seealso_button1_pressed() | seealso_button4_pressed() | seealso_button5_pressed(), nil)
            // Report presses at once instead of waiting to see whether they become clicks.
            mouseinterval(0)
        }

        savedSignalActions = savedActions

        if let features = Self.ecma48Features(palette: palette, charset: charset) {
            encoder = ScreenEncoder(features: features, theme: self.theme) {
                Int(seealso_wcwidth(wchar_t(bitPattern: $0.value)))
            }
            // The handlers now also reset the scroll region the encoder may leave set, and turn
            // bracketed paste off: on, a paste is text for a prompt, not keys (a
            // pasted line ending in a newline closed the search and ran the rest as commands,
            // deleting a bookmark).
            terminalNeedsRestore = 2
            seealso_bracketed_paste(STDOUT_FILENO, 1)
            asksForSGRMouse = mouse && keyMouse == "\u{1B}[M"
            // ncurses' start-up output (alternate screen, keypad mode, hidden cursor, a clear)
            // goes out now: afterwards the window stays untouched, so reading keys never
            // makes ncurses draw over the encoder's frames.
            wnoutrefresh(window)
            doupdate()
        }
        // Only to a terminal that speaks ECMA-48 (its cursor addressing is a CSI): a VT52's
        // has none, and would show the request.
        let speaksCSI = seealso_string_capability("cup").map { String(cString: $0).hasPrefix("\u{1B}[") } ?? false
        asksForMouseReports = mouse && keyMouse == nil && speaksCSI
        asksForSGRMouse = asksForSGRMouse || asksForMouseReports
        askForMouseReports()
        // Where ncurses draws, it puts the cursor where the frame says (`wmove` before the
        // refresh); where the encoder does, the window is never drawn and its cursor must
        // not move: `wgetch` would refresh a moved window over the encoder's frame.
        leaveok(window, encoder != nil)
        Self.letSignalsThrough()
    }

    isolated deinit {
        shutdown()
    }

    /// The descriptor and stream the keys come from, for `newterm`: standard input's own, or
    /// /dev/tty opened. Throws `notATerminal` when that is no terminal.
    private static func openKeyboard(_ keys: Keyboard) throws -> (descriptor: Int32, file: UnsafeMutablePointer<FILE>?) {
        switch keys {
        case .standardInput:
            guard isatty(STDIN_FILENO) == 1 else { throw TerminalError.notATerminal }
            return (STDIN_FILENO, seealso_stdin())
        case .controllingTerminal:
            let descriptor = Keyboard.openControllingTerminal()
            guard descriptor >= 0 else {
                let reason = String(cString: strerror(errno))
                throw TerminalError.setupFailed("cannot read keys from /dev/tty: " + reason.prefix(1).lowercased() + reason.dropFirst())
            }
            guard isatty(descriptor) == 1, let file = fdopen(descriptor, "r") else {
                close(descriptor)
                throw TerminalError.notATerminal
            }
            return (descriptor, file)
        }
    }

    /// Whether the terminal the keys come from still works (see `Terminal.run`: a hung-up
    /// pty reads as end of file, again and again).
    public func keyboardIsAttached() -> Bool {
        var attributes = termios()
        return tcgetattr(keyboard, &attributes) == 0
    }

    /// The terminal size in cells.
    public var size: (width: Int, height: Int) {
        (Int(seealso_cols(window)), Int(seealso_rows(window)))
    }

    /// Takes a resize that came since the backend was set up (the terminal is set up while
    /// the article is still being linked), so that the first frame is made for the size the
    /// terminal has: one for the old size was drawn, then at once replaced.
    public func takePendingResize() {
        guard !isShutDown, let pending = pendingSize() else { return }
        _ = resize(to: pending)
    }

    /// Draws `frame`: only the cells that differ from what the screen shows, or all of them
    /// after a resize or a suspend.
    /// The cursor is hidden before drawing and shown after it, so that it never shows
    /// flitting over the cells being written.
    public func present(_ frame: CellBuffer) {
        guard !isShutDown else { return }
        // Stopped and continued since the last read (Ctrl-Z before the first frame, while the
        // article was still being linked): the screen is taken back first, as a read does
        // (see `nextEvent`), else the frame went to the shell's screen and stayed there.
        if terminalWasSuspended != 0 {
            guard requestedEnd.load(ordering: .relaxed) == 0 else { return }
            _ = resumed()
        }
        let visible = frame.cursor?.isVisible ?? false
        if !visible { showCursor(false) }
        if encoder != nil {
            presentEncoded(frame)
        } else {
            presentThroughCurses(frame)
        }
        if visible { showCursor(true) }
    }

    /// `curs_set`, only when visibility changes: ncurses writes and flushes `cnorm` or `civis`
    /// at once, and remembers it, so that `endwin` leaves the cursor shown (it shows it
    /// when hidden) and the refresh after a suspend brings back what was set.
    private func showCursor(_ shown: Bool) {
        guard shown != cursorShown else { return }
        cursorShown = shown
        curs_set(shown ? 1 : 0)
    }

    /// Makes the next `present` clear the screen and draw the whole frame, as after a resize or
    /// a suspend: for the redraw key (Ctrl-L), when another process wrote to the terminal (a
    /// `wall` message, a background job) and what it shows is no longer what was drawn.
    public func redrawWhole() {
        needsFullRedraw = true
    }

    private func presentEncoded(_ frame: CellBuffer) {
        let (columns, rows) = size
        // A frame for another size (a resize not handled yet) would wrap and scroll: the
        // resize event is on its way, and the frame after it is drawn whole.
        guard frame.width == columns, frame.height == rows else {
            needsFullRedraw = true
            return
        }
        if needsFullRedraw {
            encoder?.forgetScreen()
            needsFullRedraw = false
        }
        if let bytes = encoder?.encode(frame) { Self.writeToTerminal(bytes) }
    }

    /// Cells outside the current terminal size are skipped.
    private func presentThroughCurses(_ frame: CellBuffer) {
        let runs: [CellRun]
        if needsFullRedraw || lastFrame == nil || lastFrame?.width != frame.width || lastFrame?.height != frame.height {
            werase(window)
            if needsFullRedraw { clearok(window, true) }
            needsFullRedraw = false
            runs = frame.changes(from: nil)
        } else {
            runs = frame.changes(from: lastFrame)
        }

        let (columns, rows) = size
        for run in runs where run.y < rows {
            for (offset, cell) in run.cells.enumerated() where !cell.isContinuation {
                let x = run.x + offset
                let cellWidth = frame[x + 1, run.y].isContinuation && x + 1 < frame.width ? 2 : 1
                guard x + cellWidth <= columns else { continue }
                draw(cell, width: cellWidth, x: x, y: run.y)
            }
        }
        if let cursor = frame.cursor, cursor.x >= 0, cursor.x < columns, cursor.y >= 0, cursor.y < rows {
            wmove(window, Int32(cursor.y), Int32(cursor.x))
        }
        wnoutrefresh(window)
        doupdate()
        lastFrame = frame
    }

    /// Waits up to `timeoutMilliseconds` (negative: forever) for input. Nil on timeout, and
    /// also for input the explorer does not use (an unbound function key, a mouse release, a
    /// mouse report with the mouse off, an escape sequence ncurses does not know), so nil may
    /// come before the timeout.
    public func nextEvent(timeoutMilliseconds: Int32) -> InputEvent? {
        guard !isShutDown else { return nil }
        // A resize (SIGWINCH, see `installSignalHandlers`) interrupts the read; one that came
        // while a frame was drawn did not, and would wait for the next key with the frame for
        // the old size garbled on screen. So the size the kernel has is compared with the one
        // ncurses works with before the read too: when they differ, read without waiting (a
        // key typed first is still taken first), then resize. An end is checked before a
        // resume: an end asked for while stopped (`kill %1`, which also continues the job)
        // must not take the terminal back from the shell; drawing from the background
        // stopped the explorer again ("Stopped (tty output)").
        if requestedEnd.load(ordering: .relaxed) != 0 { return nil }
        if terminalWasSuspended != 0 { return resumed() }
        if !pendingEvents.isEmpty { return pendingEvents.removeFirst() }
        let pending = pendingSize()
        switch readCode(timeoutMilliseconds: pending == nil && pendingCode == nil ? timeoutMilliseconds : 0) {
        case .keyCode(let code)?: return keyCodeEvent(code)
        case .character(27)?: return escapeEvent()
        case .character(let code)?: return Self.characterKey(wint_t(code)).map(InputEvent.key)
        case nil where pendingCode != nil:
            // Bytes that were no character, dropped; the key after them is read next.
            return nil
        case nil:
            // The suspend handler interrupts the read (no SA_RESTART) when the process is
            // continued, so the screen comes back without waiting for a key, unless an end
            // came meanwhile (see above).
            if requestedEnd.load(ordering: .relaxed) != 0 { return nil }
            if terminalWasSuspended != 0 { return resumed() }
            guard let pending = pending ?? pendingSize() else { return nil }
            return resize(to: pending)
        }
    }

    /// The terminal's size when it differs from the one ncurses works with, else nil; at most
    /// `largestSize`.
    private func pendingSize() -> (rows: Int32, columns: Int32)? {
        guard let claimed = Self.claimedSize() else { return nil }
        let rows = min(claimed.rows, Self.largestSize.rows)
        let columns = min(claimed.columns, Self.largestSize.columns)
        guard rows != seealso_lines() || columns != seealso_columns() else { return nil }
        return (rows, columns)
    }

    /// The size the terminal says it has (TIOCGWINSZ on standard output); nil when it says none.
    private static func claimedSize() -> (rows: Int32, columns: Int32)? {
        var rows: Int32 = 0, columns: Int32 = 0
        return seealso_terminal_size(STDOUT_FILENO, &rows, &columns) == 0 ? (rows, columns) : nil
    }

    private static func exceedsLargestSize(_ size: (rows: Int32, columns: Int32)) -> Bool {
        size.rows > largestSize.rows || size.columns > largestSize.columns
    }

    /// The largest screen drawn; a larger terminal shows it in its top-left corner. A pty can
    /// claim 65535×65535 cells, a screen ncurses cannot allocate: its resize then failed
    /// half-way and the next refresh crashed. This is still far more than any display holds.
    static let largestSize = (rows: Int32(500), columns: Int32(1000))

    /// `setUp` (newterm) with ncurses' screens no larger than `largestSize`: it sets them up at
    /// the size the terminal claims, and a terminal started at 10000×10000 grew past 8 GB
    /// (resizes were capped, not the start). LINES and COLUMNS, which ncurses takes over
    /// the terminal's own size, say the capped size, and are put back as they were after.
    private static func withinLargestSize<Result>(_ setUp: () -> Result) -> Result {
        guard let claimed = claimedSize(), exceedsLargestSize(claimed) else { return setUp() }
        let saved = [String](["LINES", "COLUMNS"]).map { name in (name, getenv(name).map { String(cString: $0) }) }
        setenv("LINES", String(min(claimed.rows, largestSize.rows)), 1)
        setenv("COLUMNS", String(min(claimed.columns, largestSize.columns)), 1)
        defer {
            for (name, value) in saved {
                if let value { setenv(name, value, 1) } else { unsetenv(name) }
            }
        }
        return setUp()
    }

    /// TERM, as the errors that name it say it.
    private static var terminalType: String { getenv("TERM").map { String(cString: $0) } ?? "(unset)" }

    /// ncurses' screens resized to the size the terminal has (`pendingSize`), then `resized`.
    private func resize(to pending: (rows: Int32, columns: Int32)) -> InputEvent {
        resizeterm(pending.rows, pending.columns)
        return resized()
    }

    /// After ncurses has resized its screens: the window follows, and the next frame is drawn whole.
    private func resized() -> InputEvent {
        wresize(window, seealso_lines(), seealso_columns())
        if let bytes = encoder?.release() {
            // Resizing touched the window; ncurses would clear the screen from inside the
            // next read, after the encoder's frame. It clears it now instead.
            Self.writeToTerminal(bytes)
            werase(window)
            wnoutrefresh(window)
            doupdate()
        }
        needsFullRedraw = true
        let (width, height) = size
        return .resize(width: width, height: height)
    }

    /// The mouse reports the explorer asks for itself (`asksForMouseReports`, `asksForSGRMouse`),
    /// at start and after a suspend.
    private func askForMouseReports() {
        if asksForMouseReports {
            mouseReportsAsked = 1
            seealso_mouse_reports(STDOUT_FILENO, 1)
        }
        if asksForSGRMouse { seealso_sgr_mouse(STDOUT_FILENO, 1) }
    }

    /// After a suspend (`suspendForJobControl`): the first refresh after `endwin` brings
    /// ncurses' modes back (program tty modes, alternate screen, keypad mode, hidden cursor,
    /// mouse) and clears the screen; the next frame is drawn whole. Reported as a resize, as
    /// the size may have changed meanwhile.
    private func resumed() -> InputEvent {
        terminalWasSuspended = 0
        if encoder != nil { seealso_bracketed_paste(STDOUT_FILENO, 1) }
        askForMouseReports()
        werase(window)
        clearok(window, true)
        wnoutrefresh(window)
        doupdate()
        needsFullRedraw = true
        let (width, height) = size
        return .resize(width: width, height: height)
    }

    /// The signal (SIGINT, SIGTERM, SIGHUP or another of `EndingSignals.graceful`) that asked
    /// the explorer to end, once one came:
    /// `nextEvent` then returns nil at once, and the caller quits and exits with 128 + it.
    public var endSignal: Int32? {
        let signal = requestedEnd.load(ordering: .relaxed)
        return signal == 0 ? nil : signal
    }

    /// The end a signal asked for has been seen, and is being carried out: saving the session
    /// may wait for another process's lock on the store (up to the store's busy timeout), so
    /// the deadline that ends a stuck explorer (`EndingSignals.timer`) is put past it. Within
    /// one second it ended the process before the note typed and the failed save were said
    /// (QA 33).
    public func endSeen(savingWithin milliseconds: Int32) {
        alarm(UInt32((milliseconds + 999) / 1000 + 1))
    }

    /// Takes back a SIGINT's request to end, when the explorer used Ctrl-C to cancel what was
    /// open instead (see `Explorer.interruptAction`). The next signal then asks again.
    public func withdrawInterrupt() {
        guard requestedEnd.compareExchange(expected: SIGINT, desired: 0, ordering: .relaxed).exchanged else { return }
        alarm(0)
    }

    /// Restores the terminal (normal screen, echo, line editing, cursor, signal handlers).
    /// Safe to call more than once; after it, `present` and `nextEvent` do nothing.
    public func shutdown() {
        guard !isShutDown else { return }
        isShutDown = true
        alarm(0)  // an end asked for by a signal has come in time
        // endwin first: a signal arriving in between finds our handler, which calls endwin
        // only while `terminalNeedsRestore` is set.
        terminalNeedsRestore = 0
        if terminalWasSuspended == 0 {
            if encoder != nil { seealso_bracketed_paste(STDOUT_FILENO, 0) }
            if encoder != nil || asksForMouseReports { seealso_sgr_mouse(STDOUT_FILENO, 0) }
            if asksForMouseReports { seealso_mouse_reports(STDOUT_FILENO, 0) }
        }
        mouseReportsAsked = 0
        // A suspend gave the terminal back and nothing has taken it since (a signal ended the
        // explorer while it was stopped): it is the shell's as it is. Leaving the alternate
        // screen once more would put the shell's cursor back where the explorer started.
        if terminalWasSuspended == 0 {
            // Leave a blank alternate screen: tmux (3.3a, as with any ncurses program) copies
            // the top rows of the alternate screen into the shell's screen on exit if the
            // window grew meanwhile. The encoder also resets the scroll region.
            if let bytes = encoder?.release() {
                Self.writeToTerminal(bytes)
            } else {
                werase(window)
                wnoutrefresh(window)
                doupdate()
            }
            endwin()
        }
        releaseStandardError()
        Self.restore(savedSignalActions)
        // Ended by a signal: what comes after (the store closed, what went wrong said, the exit
        // with 128 + it) is not cut short by another that came with it (QA 33: SIGTERM a
        // millisecond after SIGHUP killed it there, status 143, the -wal and -shm left).
        if requestedEnd.load(ordering: .relaxed) != 0 {
            for signalNumber in EndingSignals.graceful { signal(signalNumber, SIG_IGN) }
        }
        savedSignalActions = []
    }

    // MARK: - Drawing

    /// What the encoder may use on this terminal, or nil when its terminfo entry does not
    /// address the cursor the ECMA-48 way or wraps at once in the last column (ncurses then
    /// draws, and writes the bottom-right cell with insert-character).
    private static func ecma48Features(palette: TerminalPalette, charset: TerminalCharset) -> TerminalFeatures? {
        guard let cursorAddress = seealso_string_capability("cup"),
              String(cString: cursorAddress) == "\u{1B}[%i%p1%d;%p2%dH",
              seealso_flag_capability("xenl") != 0 else { return nil }
        return TerminalFeatures(
            palette: palette,
            erasesCharacters: seealso_string_capability("ech") != nil,
            hasScrollRegion: seealso_string_capability("csr") != nil,
            scrollsByCount: seealso_string_capability("indn") != nil && seealso_string_capability("rin") != nil,
            addressesColumnAndRow: seealso_string_capability("hpa") != nil && seealso_string_capability("vpa") != nil,
            savesCursor: seealso_string_capability("sc").map { String(cString: $0) } == "\u{1B}7"
                && seealso_string_capability("rc").map { String(cString: $0) } == "\u{1B}8",
            charset: charset)
    }

    /// Writes all of `bytes` to the terminal in as few `write` calls as it takes.
    private static func writeToTerminal(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count {
                let written = write(STDOUT_FILENO, base + offset, buffer.count - offset)
                if written > 0 {
                    offset += written
                } else if written < 0 && errno == EAGAIN {
                    // A non-blocking terminal that is full: wait until it takes more.
                    var descriptor = pollfd(fd: STDOUT_FILENO, events: Int16(POLLOUT), revents: 0)
                    _ = poll(&descriptor, 1, 1000)
                } else if written < 0 && errno == EINTR {
                    continue
                } else {
                    return  // the terminal is gone; the read that follows notices
                }
            }
        }
    }

    private func draw(_ cell: Cell, width: Int, x: Int, y: Int) {
        let (attributes, pair) = cursesAttributes(for: cell.style)
        // ncurses writes UTF-8 (see `selectUTF8Locale`): to a terminal that shows another
        // charset, only ASCII is the same in both.
        let glyph = charset == .utf8
            ? TerminalGlyph.scalars(for: cell.text, width: width, maxScalars: Int(CCHARW_MAX)) { Int(seealso_wcwidth(wchar_t(bitPattern: $0.value))) }
            : (scalars: [TerminalCharset.ascii.shown(cell.text)], columns: 1)
        put(glyph.scalars, attributes: attributes, pair: pair, x: x, y: y)
        for padding in glyph.columns..<width {
            put([" "], attributes: attributes, pair: pair, x: x + padding, y: y)
        }
    }

    private func put(_ scalars: [Unicode.Scalar], attributes: attr_t, pair: Int16, x: Int, y: Int) {
        var characters = scalars.map { wchar_t(bitPattern: $0.value) }
        characters.append(0)
        var character = cchar_t()
        setcchar(&character, characters, attributes, pair, nil)
        // ERR in the bottom-right cell is expected (the cursor cannot move past it); the
        // cell is still drawn.
        _ = mvwadd_wch(window, Int32(y), Int32(x), &character)
    }

    private func cursesAttributes(for style: Style) -> (attributes: attr_t, pair: Int16) {
        if let cached = attributeCache[style] { return cached }
        let appearance = theme.appearance(for: style)
        var attributes: attr_t = 0
        if appearance.bold { attributes |= seealso_attr_bold() }
        if appearance.reverse { attributes |= seealso_attr_reverse() }
        if appearance.underline { attributes |= seealso_attr_underline() }
        if appearance.dim { attributes |= seealso_attr_dim() }
        var pair: Int16 = 0
        if usesColor {
            let assigned = pairs.pair(foreground: appearance.foreground, background: appearance.background)
            if assigned.isNew { init_pair(assigned.number, assigned.key.foreground, assigned.key.background) }
            pair = assigned.number
        }
        attributeCache[style] = (attributes, pair)
        return (attributes, pair)
    }

    // MARK: - Input

    private func keyCodeEvent(_ code: Int32) -> InputEvent? {
        switch code {
        case KEY_RESIZE:
            // What resizeterm queues (see `nextEvent`): ncurses has resized and updated LINES/COLS.
            return resized()
        case KEY_MOUSE:
            return mouseEvent()
        default:
            // Beyond KEY_MAX: a key of an extended capability the entry adds, known by its name.
            let extended = code > KEY_MAX ? keyname(code).map { String(cString: $0) } : nil
            return (Self.namedKey(code) ?? extended.flatMap(Self.extendedKey)).map(InputEvent.key)
        }
    }

    /// The key of an extended terminfo capability, by its name: the linux entry gives
    /// Shift-Tab's `ESC [ Z` as `kcbt2` (its `kcbt` is `ESC Tab`), and ncurses returns it as a
    /// code of its own, which did nothing (QA 28).
    nonisolated static func extendedKey(_ name: String) -> Key? {
        name.hasPrefix("kcbt") ? .backTab : nil
    }

    /// The key for a KEY_* code ncurses decoded from a sequence its terminfo entry lists; nil
    /// for the keys the explorer does not use.
    ///
    /// Find and Select are Home and End: on a VT220 keyboard they sit where a PC keyboard has
    /// Home and End, and the vt220 and rxvt entries give them the sequences (`ESC [1~`,
    /// `ESC [4~`) that tmux, screen and the Linux console send for Home and End. Under such a
    /// TERM those two keys did nothing.
    nonisolated static func namedKey(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_HOME, KEY_FIND: return .home
        case KEY_END, KEY_SELECT: return .end
        case KEY_BTAB: return .backTab
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        // Bound to nothing by default, but a key: it says so, and takes the last message away,
        // as F5 does (QA 25: it did nothing, and the message before it stayed).
        case KEY_IC: return .insert
        case KEY_ENTER: return .enter
        case (KEY_F0 + 1)...(KEY_F0 + 63): return .function(Int(code - KEY_F0))
        default: return nil
        }
    }

    private func mouseEvent() -> InputEvent? {
        // Off, the report is not ncurses' to read: its rest is read here, and ignored.
        guard mouseEnabled else { return unrequestedMouseReport() }
        var event = MEVENT()
        guard getmouse(&event) == OK else { return nil }
        let kind: MouseEvent.Kind
        if event.bstate & seealso_button4_pressed() != 0 {
            kind = .wheelUp
        } else if event.bstate & seealso_button5_pressed() != 0 {
            kind = .wheelDown
        } else if event.bstate & seealso_button1_pressed() != 0 {
            kind = .press
        } else {
            return nil
        }
        return .mouse(MouseEvent(kind: kind, x: Int(event.x), y: Int(event.y)))
    }

    /// After an Esc that ncurses returned on its own: Esc, an Alt key, or nothing for a
    /// sequence ncurses does not know (see `EscapeSequence`).
    private func escapeEvent() -> InputEvent? {
        event(for: EscapeSequence.decode(next: waitingCode))
    }

    /// After KEY_MOUSE with the mouse off: nothing, once the rest of the report, which
    /// ncurses left unread, has been read (`EscapeSequence.decode(keyMouse:next:)`).
    private func unrequestedMouseReport() -> InputEvent? {
        // No kmous, no KEY_MOUSE from it: there is nothing known to read.
        guard let keyMouse else { return nil }
        return event(for: EscapeSequence.decode(keyMouse: keyMouse, next: waitingCode))
    }

    /// The next code of an escape sequence: only what is already waiting is read.
    private func waitingCode() -> EscapeSequence.Code? {
        switch readCode(timeoutMilliseconds: 0) {
        // Backspace as ncurses decodes it (the terminfo's kbs): the byte it came from, for
        // Esc and it is Alt-Backspace.
        case .keyCode(KEY_BACKSPACE)?: .character(0x7F)
        case let code: code
        }
    }

    /// The event for an escape sequence decoded. A key read that turns out not to belong to
    /// the sequence is the next event, so it is not lost (Esc then a mouse click, or Esc
    /// Ctrl-W); an Esc is the start of a sequence of its own, decoded now (QA 22: Esc then a
    /// paste, and the paste's text ran as keys, its `[200~` taken for keys too). It goes
    /// before what its own decoding left for later: only this decoding adds to `pendingEvents`,
    /// which is empty when a read starts one.
    private func event(for decoded: (sequence: EscapeSequence, unread: EscapeSequence.Code?)) -> InputEvent? {
        let next: InputEvent? = switch decoded.unread {
        case .keyCode(let code)?: keyCodeEvent(code)
        case .character(0x1B)?: escapeEvent()
        case .character(let code)?: Self.characterKey(wint_t(code)).map(InputEvent.key)
        case nil: nil
        }
        if let next { pendingEvents.insert(next, at: 0) }
        switch decoded.sequence {
        case .pasteStart: return .paste(readPaste())
        case .escape: return .key(.escape)
        case .alt(let character): return .key(.alt(character))
        case .key(let key): return .key(key)
        case .x10MouseReport:
            // Its bytes, not characters; one that is not the report's is the next key's.
            pendingCode = EscapeSequence.skipX10Report(next: nextByte)
            return nil
        case .sgrMouseReport(let report):
            // One the explorer asked for (`asksForSGRMouse`); with the mouse off, ignored.
            if mouseEnabled, let mouse = report.event { return .mouse(mouse) }
            fallthrough
        case .unknown:
            // Ignored; a key that cut the sequence short is the answer now.
            return pendingEvents.isEmpty ? nil : pendingEvents.removeFirst()
        }
    }

    /// The text of a bracketed paste, after its `ESC [ 200 ~`, up to `ESC [ 201 ~`: what is
    /// waiting, and then up to half a second for each next byte (a long paste over a slow
    /// link). Keys ncurses decoded inside it (a DEL as Backspace) are dropped, and so is
    /// anything past 1 MB; a paste whose end never comes ends at the pause.
    private func readPaste() -> String {
        let end: [Unicode.Scalar] = ["\u{1B}", "[", "2", "0", "1", "~"]
        var scalars: [Unicode.Scalar] = []
        while let code = readCode(timeoutMilliseconds: 500) {
            guard case .character(let value) = code, let scalar = Unicode.Scalar(value) else { continue }
            if scalars.count < 1 << 20 { scalars.append(scalar) }
            if scalars.count >= end.count, scalars.suffix(end.count).elementsEqual(end) {
                scalars.removeLast(end.count)
                break
            }
        }
        return String(String.UnicodeScalarView(scalars))
    }

    /// The next character or KEY_* code, waiting up to `timeoutMilliseconds` (negative:
    /// forever) for it; nil when none came, and for bytes that are no character of the
    /// locale's charset (`pendingCode` is then set when a code after them was read). `wgetch`
    /// gives the bytes and `TerminalCharset.decodeKey` decodes them (see `UTF8Input` for why
    /// not `wget_wch`).
    private func readCode(timeoutMilliseconds: Int32) -> EscapeSequence.Code? {
        let first: Int32
        if let code = pendingCode {
            pendingCode = nil
            first = code
        } else {
            wtimeout(window, timeoutMilliseconds)
            first = wgetch(window)
        }
        guard first != ERR else { return nil }
        guard (0...0xFF).contains(first) else { return .keyCode(first) }
        let (scalar, unread) = charset.decodeKey(first: UInt8(first), next: nextByte)
        pendingCode = unread
        return scalar.map(EscapeSequence.Code.character)
    }

    /// The next byte (or KEY_* code) as `wgetch` returns it, undecoded: a character's later
    /// byte, or a mouse report's. They are waiting already, sent with the first; 50 ms allows
    /// for a slow link.
    private func nextByte() -> Int32? {
        wtimeout(window, 50)
        let code = wgetch(window)
        return code == ERR ? nil : code
    }

    /// The key for a character `readCode` returned (not a KEY_* code).
    nonisolated static func characterKey(_ code: wint_t) -> Key? {
        switch code {
        case 10, 13: return .enter
        case 9: return .tab
        case 8, 127: return .backspace
        case 27: return .escape
        case 0: return .control("@")
        case 1...26: return .control(Character(Unicode.Scalar(UInt8(code) + 0x60)))
        case 28...31: return .control(Character(Unicode.Scalar(UInt8(code) + 0x40)))
        case 0x80...0x9F: return nil
        default: return Unicode.Scalar(code).map { .character(Character($0)) }
        }
    }

    // MARK: - Setup and restore

    /// ncurses needs a UTF-8 character type, or it prints UTF-8 as junk and box lines as
    /// `lqqqk`. Only LC_CTYPE is set: LC_ALL would also switch number formatting and
    /// parsing in C code (a decimal comma under de_DE) for the whole process.
    ///
    /// Returns the charset the environment's own locale names (`TerminalCharset`): the one
    /// the terminal shows, which need not be the UTF-8 ncurses is then given.
    private static func selectUTF8Locale() throws -> TerminalCharset {
        var shown = TerminalCharset.utf8
        for name in ["", "C.UTF-8", "en_US.UTF-8"] {
            guard setlocale(LC_CTYPE, name) != nil else { continue }
            let codeset = String(cString: seealso_codeset())
            if name.isEmpty { shown = TerminalCharset(codeset: codeset) }
            if codeset.uppercased().filter({ $0 != "-" }) == "UTF8" { return shown }
        }
        throw TerminalError.noUTF8Locale
    }

    private static func currentActions(for signals: [Int32]) -> [(signal: Int32, action: sigaction)] {
        signals.map { signalNumber in
            var action = sigaction()
            sigaction(signalNumber, nil, &action)
            return (signalNumber, action)
        }
    }

    private static func restore(_ actions: [(signal: Int32, action: sigaction)]) {
        for (signalNumber, action) in actions {
            var action = action
            sigaction(signalNumber, &action, nil)
        }
    }

    /// Installed after `newterm`, replacing ncurses' own SIGINT/SIGTERM/SIGTSTP handlers, for
    /// every signal that would end the process (`EndingSignals`). The handlers are C function
    /// pointers and cannot capture anything; the one thing they need to know is in
    /// `terminalNeedsRestore`. (`endwin` is not async-signal-safe, but the process ends right
    /// after and the alternative is a terminal left unusable.)
    private nonisolated static func installSignalHandlers() {
        // Resizes are seealso's, not ncurses': its SIGWINCH handler resized to whatever size
        // the terminal claimed (a pty may claim 65535×65535), failed to allocate it half-way,
        // and the next refresh crashed. This one only interrupts the read; `nextEvent` then
        // finds the new size (`pendingSize`) and resizes within `largestSize`.
        var resize = sigaction()
        resize.__sigaction_handler = .init(sa_handler: { _ in })
        sigemptyset(&resize.sa_mask)
        resize.sa_flags = 0
        sigaction(SIGWINCH, &resize, nil)
        for signalNumber in EndingSignals.graceful {
            var action = sigaction()
            action.__sigaction_handler = .init(sa_handler: { signalNumber in CursesBackend.askToEnd(signalNumber) })
            // The others wait while one is handled: sent together, the kernel stacked the
            // later one's handler on the first's, and it ran first (SIGHUP then SIGTERM ended
            // with SIGTERM's status).
            sigemptyset(&action.sa_mask)
            for other in EndingSignals.graceful { sigaddset(&action.sa_mask, other) }
            // No SA_RESTART: the read waiting for a key returns, and the explorer ends.
            action.sa_flags = 0
            sigaction(signalNumber, &action, nil)
        }
        for signalNumber in EndingSignals.immediate {
            signal(signalNumber) { signalNumber in CursesBackend.endNow(signalNumber) }
        }
        // The end that a signal asked for did not come within a second (the explorer is
        // stuck, or the signal came just before a read that it then could not interrupt).
        signal(EndingSignals.timer) { signalNumber in
            let asked = requestedEnd.load(ordering: .relaxed)
            CursesBackend.endNow(asked == 0 ? signalNumber : asked)
        }
        for signalNumber in EndingSignals.ignored { signal(signalNumber, SIG_IGN) }
        installSuspendHandler()
        for signalNumber in EndingSignals.crash {
            signal(signalNumber) { signalNumber in
                CursesBackend.giveTerminalBack()
                // The crash's own message (Swift prints "Fatal error: …" before it traps).
                releaseStandardError()
                // Default action on return: the same crash, with its exit status and core.
                signal(signalNumber, SIG_DFL)
                raise(signalNumber)
            }
        }
    }

    /// The signals the explorer handles: held during the set-up (`holdSignals`), let through
    /// after it (`letSignalsThrough`).
    private nonisolated static var handledSignals: sigset_t {
        var set = sigset_t()
        sigemptyset(&set)
        for signalNumber in EndingSignals.all + [SIGWINCH, SIGTSTP, SIGCONT] { sigaddset(&set, signalNumber) }
        return set
    }

    /// Blocks the handled signals on this thread (the one that handles them: the others block
    /// every signal, see `Parallel.detach`); the mask before.
    private nonisolated static func holdSignals() -> sigset_t {
        var set = handledSignals
        var before = sigset_t()
        pthread_sigmask(SIG_BLOCK, &set, &before)
        return before
    }

    private nonisolated static func restoreMask(_ mask: sigset_t) {
        var mask = mask
        pthread_sigmask(SIG_SETMASK, &mask, nil)
    }

    /// Unblocks the handled signals, once their handlers are in and the terminal is set up: one
    /// sent meanwhile is handled now. Whatever mask the process was started with: a parent may
    /// have blocked them (a blocked mask survives fork and exec; test runners and some launchers
    /// do this), and a SIGTERM would wait forever and a resize (SIGWINCH) never reach ncurses.
    private nonisolated static func letSignalsThrough() {
        var set = handledSignals
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }

    /// Restores the terminal if the program calls `exit()` while the backend is active.
    private static let registerExitHook: Void = {
        atexit {
            giveTerminalBack()
            releaseStandardError()
        }
    }()

    /// From the handler of a graceful signal (`EndingSignals.graceful`: SIGINT, SIGTERM,
    /// SIGHUP…): the first asks the main loop to end (see `endSignal`) and gives it a second
    /// (`EndingSignals.timer`). The next ones change nothing: a shell whose terminal closes
    /// sends a stopped job SIGHUP, SIGTERM and SIGCONT at once, and the second ended the
    /// process before it saved where the person was (QA 32); the timer still ends it in time.
    ///
    /// SIGINT is Ctrl-C's, which cancels what is open: it sets no deadline, which ended a
    /// search of a 62 MB article that took over a second before the explorer could cancel it
    /// (QA 33); and a second one changes nothing either (QA 34: it ended a search being
    /// cancelled, and a quit waiting for the store, without saving). Ctrl-\ ends at once.
    private nonisolated static func askToEnd(_ signalNumber: Int32) {
        // Atomic: two signals sent at once may be handled on two threads at once, and the
        // second's number was the status (143 for SIGHUP then SIGTERM).
        guard requestedEnd.compareExchange(expected: 0, desired: signalNumber, ordering: .relaxed).exchanged else { return }
        if signalNumber != SIGINT { alarm(1) }
    }

    /// From a handler: the terminal given back, stderr replayed, and the exit status a shell
    /// reports for `signalNumber` (128 + it).
    private nonisolated static func endNow(_ signalNumber: Int32) -> Never {
        giveTerminalBack()
        releaseStandardError()
        _exit(128 + signalNumber)
    }

    /// From a handler: the scroll region reset (the encoder may leave one set, and the shell
    /// would scroll inside it) and ncurses' `endwin`, once.
    private nonisolated static func giveTerminalBack() {
        let owner = terminalNeedsRestore
        terminalNeedsRestore = 0
        if owner == 2 {
            seealso_reset_scroll_region(STDOUT_FILENO)
            seealso_bracketed_paste(STDOUT_FILENO, 0)
            // Off whether or not it was asked for: the handler has no state to read, and
            // ncurses turns them off too where it asked for them.
            seealso_sgr_mouse(STDOUT_FILENO, 0)
        }
        if owner != 0, mouseReportsAsked != 0 {
            seealso_sgr_mouse(STDOUT_FILENO, 0)
            seealso_mouse_reports(STDOUT_FILENO, 0)
        }
        if owner != 0 { endwin() }
    }

    /// SIGTSTP (Ctrl-Z, `kill -TSTP`): gives the terminal back, stops, and once continued
    /// (`fg`) flags the screen for a redraw (`resumed`). ncurses' own handler would leave
    /// the encoder's scroll region set in the shell, and would redraw only what ncurses drew.
    private nonisolated static func installSuspendHandler() {
        var action = sigaction()
        action.__sigaction_handler = .init(sa_handler: { _ in CursesBackend.suspendForJobControl() })
        sigemptyset(&action.sa_mask)
        // No SA_RESTART: the read waiting for a key returns once the process is continued.
        action.sa_flags = 0
        sigaction(SIGTSTP, &action, nil)
    }

    private nonisolated static func suspendForJobControl() {
        let owner = terminalNeedsRestore
        // Run from a script (`bash wrapper.sh`, no `exec`), the script stops at Ctrl-Z at
        // once and its shell takes the terminal while this is still giving it back: setting
        // the modes from the background then stopped the process here (SIGTTOU), and `fg`
        // only let it reach its own stop below, so every other `fg` did nothing (QA 19a).
        let ttou = signal(SIGTTOU, SIG_IGN)
        giveTerminalBack()
        signal(SIGTTOU, ttou)
        // Stop for real: the default action, with SIGTSTP unblocked (a handler runs with its
        // own signal blocked).
        signal(SIGTSTP, SIG_DFL)
        var stop = sigset_t()
        sigemptyset(&stop)
        sigaddset(&stop, SIGTSTP)
        pthread_sigmask(SIG_UNBLOCK, &stop, nil)
        kill(getpid(), SIGTSTP)
        // Continued.
        installSuspendHandler()
        terminalNeedsRestore = owner
        if owner != 0 { terminalWasSuspended = 1 }
    }

    /// Ctrl-S and Ctrl-Q become keys instead of flow control: with IXON a stray Ctrl-S
    /// freezes the screen until Ctrl-Q, which few people know to press. `def_prog_mode`
    /// keeps the change across a suspend; `endwin` brings back the shell's own modes.
    private static func disableFlowControl() {
        var modes = termios()
        guard tcgetattr(STDOUT_FILENO, &modes) == 0 else { return }
        modes.c_iflag &= ~tcflag_t(IXON | IXOFF)
        guard tcsetattr(STDOUT_FILENO, TCSANOW, &modes) == 0 else { return }
        def_prog_mode()
    }

    /// While ncurses draws, anything written to standard error would land in the middle of
    /// the screen and vanish with the alternate screen: a crash's reason among it. So, when
    /// stderr is the terminal, it goes to an unlinked temporary file until the terminal is
    /// restored, and is then replayed on the real stderr (`releaseStandardError`).
    private static func captureStandardError() {
        guard isatty(STDERR_FILENO) == 1, capturedStandardError < 0 else { return }
        let directory = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
        var template = Array("\(directory)/seealso-stderr.XXXXXX".utf8CString)
        let file = mkstemp(&template)
        guard file >= 0 else { return }
        unlink(template)
        let real = dup(STDERR_FILENO)
        guard real >= 0, dup2(file, STDERR_FILENO) >= 0 else {
            close(file)
            if real >= 0 { close(real) }
            return
        }
        realStandardError = real
        capturedStandardError = file
    }
}

/// Puts the real standard error back and writes to it what was captured meanwhile. Called
/// from signal handlers, so it only moves file descriptors (`seealso_replay` is C).
private func releaseStandardError() {
    let captured = capturedStandardError
    let real = realStandardError
    guard captured >= 0, real >= 0 else { return }
    capturedStandardError = -1
    realStandardError = -1
    dup2(real, STDERR_FILENO)
    close(real)
    seealso_replay(captured, STDERR_FILENO)
}

/// Whether ncurses owns the terminal, for the signal and exit handlers above.
///
/// This, the end, suspend and mouse flags and the two descriptors below are the program's only global mutable state, because
/// a C signal handler can reach nothing else: it cannot capture, and the backend instance
/// lives on the main actor.
/// The main thread writes it at backend init and shutdown; the exit handlers read it and
/// clear it just before the process dies; the SIGTSTP handler clears it while stopped and
/// sets it back once continued (the main thread is then inside that handler, so the two
/// never write at once). An `Int32` store is atomic on every platform Swift runs on.
/// 0: no; 1: yes; 2: yes, and the encoder may have left a scroll region set.
nonisolated(unsafe) private var terminalNeedsRestore: Int32 = 0

/// Whether the explorer asked for mouse reports itself (`asksForMouseReports`), which ncurses
/// does not know to turn off: the handlers do. Set and cleared by the main thread.
nonisolated(unsafe) private var mouseReportsAsked: Int32 = 0

/// The signal that asked the explorer to end (SIGINT, SIGTERM, SIGHUP or another of
/// `EndingSignals.graceful`), else 0 (see `askToEnd`).
/// Set by the handler, read by the main thread. Atomic (lock-free, so a handler may use it).
private let requestedEnd = Atomic<Int32>(0)

/// Set by the SIGTSTP handler once the process is continued: the terminal was given back
/// and the screen must be set up and drawn again. Cleared by `nextEvent`.
nonisolated(unsafe) private var terminalWasSuspended: Int32 = 0

/// Standard error while the UI runs (see `captureStandardError`): the file that catches it,
/// and the real one; -1 when not captured. Set on the main thread, cleared by whichever of
/// shutdown or a handler puts stderr back first.
nonisolated(unsafe) private var capturedStandardError: Int32 = -1
nonisolated(unsafe) private var realStandardError: Int32 = -1
