import Foundation
import TestSupport
import Testing

/// Runs shell commands through `posix_spawn`, output to a temporary file. Foundation.Process is
/// avoided on purpose: a detached tmux server inherits its pipes and `waitUntilExit` never
/// returns. The child starts with no blocked signals and default dispositions, as under a
/// real terminal: the test runner blocks some signals, and a blocked mask is inherited.
/// Every suite that drives seealso on a terminal (tmux or a pty) or runs it, one test at a
/// time: each waits on a program's output, and the machine's cores are shared with the rest
/// of the run (measured on 2 cores: the whole `swift test` took no longer, 27-30 s against
/// 30-40 s with these suites side by side, as StoreTests' process tests are longer still).
@Suite("On a terminal", .serialized)
enum OnATerminal {}

enum Shell {
    /// `command` run by `sh -c`, stdout and stderr together. The environment is `environment`
    /// exactly, or without it `ChildEnvironment` with a fresh HOME: never the test runner's.
    @discardableResult
    static func run(_ command: String, environment: [String: String]? = nil) -> (status: Int32, output: String) {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("seealso-e2e-\(UUID().uuidString).out")
        defer {
            try? FileManager.default.removeItem(at: file)
            try? FileManager.default.removeItem(at: file.appendingPathExtension("err"))
        }
        let child: Child
        do {
            child = try Child(["/bin/sh", "-c", "(\(command)) 2>&1"], output: file, environment: environment)
        } catch {
            return (-1, "posix_spawn failed: \(error)")
        }
        let status = child.wait()
        return (status, child.output)
    }

    static func quote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

/// The built `seealso` (SwiftPM builds it beside the test runner). Required: falling back to
/// a `seealso` on PATH would test whatever that is.
enum Binary {
    static func path(sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        try #require(BuiltProducts.seealso, "the seealso executable was not built beside the tests (run `swift build`)",
                     sourceLocation: sourceLocation)
    }
}

/// What tmux knows of a pane's terminal state (`#{alternate_on}`, `#{cursor_flag}`, …).
struct TerminalModes: Equatable {
    var alternateScreen: Bool
    var cursorVisible: Bool
    var mouse: Bool
    var keypad: Bool
    var keypadCursor: Bool
    var scrollRegion: ClosedRange<Int>
    /// Mouse reports in SGR form (mode 1006).
    var sgrMouse: Bool
}

struct TmuxError: Error, CustomStringConvertible {
    var description: String
}

/// A private tmux server (its own socket) running an interactive shell, in which a test types
/// commands and keys and reads the screen — as a person at a terminal would.
final class TmuxSession {
    let socket: String
    let home: URL
    /// The tmux client's (and so the server's) environment: minimal, with `home` as HOME.
    private let clientEnvironment: [String: String]
    private(set) var width: Int
    private(set) var height: Int

    init(width: Int = 120, height: Int = 40, environment: [String: String] = [:]) throws {
        socket = "seealso-\(getpid())-\(UUID().uuidString.prefix(8))"
        home = FileManager.default.temporaryDirectory.appendingPathComponent(socket)
        self.width = width
        self.height = height
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        clientEnvironment = ChildEnvironment.make(home: home)
        let env = ChildEnvironment.make(home: home, term: "screen-256color", [
            "PS1": "$ ", "HISTFILE": "/dev/null",
            "XDG_DATA_HOME": home.appendingPathComponent("data").path,
            "XDG_CONFIG_HOME": home.appendingPathComponent("config").path,
            "XDG_CACHE_HOME": home.appendingPathComponent("cache").path,
        ]).merging(environment) { _, new in new }
        // The environment goes on the shell's command line, and `env -i` drops what tmux adds
        // (TMUX, TMUX_PANE) and whatever else reached the server: tmux 3.3's `new-session -e`
        // does not reach the first window's process.
        let assignments = ChildEnvironment.assignments(env).map(Shell.quote).joined(separator: " ")
        let shell = "exec env -i \(assignments) bash --norc --noprofile -i"
        let result = Shell.run("tmux -L \(socket) -f /dev/null new-session -d -s main -x \(width) -y \(height) \(Shell.quote(shell))",
                               environment: clientEnvironment)
        guard result.status == 0 else { throw TmuxError(description: "tmux new-session failed: \(result.output)") }
        tmux("set-option -g status off")
        tmux("set-option -g set-clipboard on")
        do {
            try waitFor("$")
        } catch {
            tmux("kill-server")
            throw error
        }
    }

    deinit {
        // kill-server hangs up the programs in the pane, and an explorer saves its reading
        // place as it ends: that save made `home/data` again after the folder was removed, and
        // every run of the suite left a dozen of them in /tmp (517 after a few days). So the
        // pane's processes are waited for (5 s at most), then the folder goes.
        let shell = Int32(tmux("display-message -p -t main '#{pane_pid}'").output.trimmingCharacters(in: .whitespacesAndNewlines))
        let running = shell.map(ProcessTree.withDescendants) ?? []
        tmux("kill-server")
        ProcessTree.waitForExit(of: running, timeout: 5)
        try? FileManager.default.removeItem(at: home)
        let sockets = URL(fileURLWithPath: "/tmp/tmux-\(getuid())").appendingPathComponent(socket)
        try? FileManager.default.removeItem(at: sockets)
    }

    @discardableResult
    func tmux(_ arguments: String) -> (status: Int32, output: String) {
        Shell.run("tmux -L \(socket) \(arguments)", environment: clientEnvironment)
    }

    /// Types a command line into the shell and presses Enter.
    func type(_ line: String) {
        tmux("send-keys -t main -l \(Shell.quote(line))")
        tmux("send-keys -t main Enter")
    }

    /// Sends tmux key names (`Enter`, `Tab`, `BTab`, `Escape`, `Up`, `q`, `]`).
    func press(_ keys: String...) {
        for key in keys { tmux("send-keys -t main \(Shell.quote(key))") }
    }

    func screen() -> String {
        tmux("capture-pane -p -t main").output
    }

    /// Polls the screen until `text` shows (10 s at most), and returns it.
    @discardableResult
    func waitFor(_ text: String, timeout: TimeInterval = 10, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        try waitUntil(timeout: timeout, "'\(text)'") { $0.contains(text) }
    }

    @discardableResult
    func waitUntil(timeout: TimeInterval = 10, _ what: String, _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = screen()
            if condition(last) { return last }
            usleep(30_000)
        }
        let panes = tmux("list-panes -F '#{pane_width}x#{pane_height} #{pane_current_command} #{pane_dead}'").output
        throw TmuxError(description: "timed out waiting for \(what); pane: \(panes); the screen was:\n\(last)")
    }

    /// Waits until the shell's prompt is the last line on screen (the program has exited).
    @discardableResult
    func waitForPrompt(timeout: TimeInterval = 10) throws -> String {
        try waitUntil(timeout: timeout, "the shell prompt") { screen in
            let last = screen.split(separator: "\n").last { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            return last.map { $0 == "$" || $0.hasPrefix("$ ") } ?? false
        }
    }

    /// Waits for a line that is exactly `NAME=STATUS` (as `echo NAME=$?` prints it; the typed
    /// command line `echo NAME=$?` does not count), and returns the status.
    func waitForStatus(_ name: String = "exited", timeout: TimeInterval = 10, sourceLocation: SourceLocation = #_sourceLocation) throws -> Int32 {
        let screen = try waitUntil(timeout: timeout, "a line '\(name)=<status>'") { Self.status(name, in: $0) != nil }
        return try #require(Self.status(name, in: screen), sourceLocation: sourceLocation)
    }

    /// The status on the last line of `screen` that is exactly `NAME=<digits>`.
    static func status(_ name: String, in screen: String) -> Int32? {
        screen.split(separator: "\n").reversed().lazy.compactMap { line -> Int32? in
            let line = line.trimmingCharacters(in: .whitespaces)
            guard line.hasPrefix(name + "="), line.count > name.count + 1 else { return nil }
            let digits = line.dropFirst(name.count + 1)
            return digits.allSatisfy(\.isASCII) && digits.allSatisfy(\.isNumber) ? Int32(digits) : nil
        }.first
    }

    /// From now on, every byte the pane's programs write is appended to `file` (tmux's
    /// pipe-pane), until `stopRecording`.
    func startRecording(to file: URL) {
        tmux("pipe-pane -o -t main \(Shell.quote("cat >> " + Shell.quote(file.path)))")
    }

    func stopRecording() { tmux("pipe-pane -t main") }

    /// The pane's terminal modes as tmux tracks them.
    func modes() throws -> TerminalModes {
        let format = "#{alternate_on} #{cursor_flag} #{mouse_any_flag} #{keypad_flag} #{keypad_cursor_flag} "
            + "#{scroll_region_upper} #{scroll_region_lower} #{mouse_sgr_flag}"
        let output = tmux("display-message -p -t main \(Shell.quote(format))").output
        let values = output.split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
        guard values.count == 8 else { throw TmuxError(description: "unexpected modes from tmux: \(output)") }
        return TerminalModes(alternateScreen: values[0] == 1, cursorVisible: values[1] == 1, mouse: values[2] == 1,
                             keypad: values[3] == 1, keypadCursor: values[4] == 1, scrollRegion: values[5]...values[6],
                             sgrMouse: values[7] == 1)
    }

    /// Where the pane's cursor is (0-based) and whether it shows, as tmux tracks it: what a
    /// screen reader or a braille display follows.
    func cursor() throws -> (x: Int, y: Int, visible: Bool) {
        let output = tmux("display-message -p -t main '#{cursor_x} #{cursor_y} #{cursor_flag}'").output
        let values = output.split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
        guard values.count == 3 else { throw TmuxError(description: "unexpected cursor from tmux: \(output)") }
        return (values[0], values[1], values[2] == 1)
    }

    /// The pane's rows with their attributes (`capture-pane -e`).
    func screenWithAttributes() -> [String] {
        tmux("capture-pane -p -e -t main").output.components(separatedBy: "\n")
    }

    /// The modes a shell's terminal has: normal screen, cursor shown, no mouse reporting,
    /// keypad and cursor keys in normal mode, the whole screen scrolling.
    var shellModes: TerminalModes {
        TerminalModes(alternateScreen: false, cursorVisible: true, mouse: false, keypad: false, keypadCursor: false,
                      scrollRegion: 0...(height - 1), sgrMouse: false)
    }

    /// In a running explorer: the go-to finder (`:`), `query` typed, and Enter.
    func goTo(_ query: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        press(":")
        try waitFor("Go to — Enter jumps", sourceLocation: sourceLocation)
        type(query)
    }

    /// In a running explorer: `m` on the section being read, then quit to the prompt.
    func bookmarkAndQuit(_ heading: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        press("m")
        try waitFor("Bookmarked: \(heading)", sourceLocation: sourceLocation)
        press("q")
        try waitForPrompt()
    }

    func resize(width: Int, height: Int) {
        self.width = width
        self.height = height
        tmux("resize-window -t main -x \(width) -y \(height)")
    }

    /// The pid of the program running in the shell (the shell's child), if any.
    func foregroundPID() -> Int32? {
        let shell = tmux("display-message -p -t main '#{pane_pid}'").output.trimmingCharacters(in: .whitespacesAndNewlines)
        let child = Shell.run("pgrep -P \(shell)").output.split(separator: "\n").first
        return child.flatMap { Int32($0.trimmingCharacters(in: .whitespaces)) }
    }

    var paneTitle: String {
        tmux("display-message -p -t main '#{pane_title}'").output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    var buffers: String { tmux("list-buffers").output }
}

/// Processes as /proc lists them: a test's teardown waits for what it started to end.
enum ProcessTree {
    /// `pid` and every process descended from it, as they are now.
    static func withDescendants(_ pid: Int32) -> [Int32] {
        var children: [Int32: [Int32]] = [:]
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
            guard let child = Int32(entry), let parent = parent(of: child) else { continue }
            children[parent, default: []].append(child)
        }
        var found = [pid]
        var next = 0
        while next < found.count {
            found += children[found[next]] ?? []
            next += 1
        }
        return found
    }

    /// The parent of `pid` (the second field of its `statFields`).
    private static func parent(of pid: Int32) -> Int32? {
        statFields(of: pid).flatMap { $0.count > 1 ? Int32($0[1]) : nil }
    }

    /// The fields of `/proc/PID/stat` after the command name, which is in parentheses that
    /// may hold spaces and parentheses themselves: the state first, then the parent; nil when
    /// the process is gone.
    private static func statFields(of pid: Int32) -> [Substring]? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return nil }
        return stat[stat.index(after: close)...].split(separator: " ")
    }

    /// Polls until none of `pids` is running (a zombie, whose parent has not reaped it yet,
    /// counts as ended), or `timeout` seconds have gone.
    static func waitForExit(of pids: [Int32], timeout: TimeInterval) {
        let deadline = Date().addingTimeInterval(timeout)
        while pids.contains(where: isRunning), Date() < deadline { usleep(10_000) }
    }

    private static func isRunning(_ pid: Int32) -> Bool {
        guard kill(pid, 0) == 0 || errno == EPERM, let state = statFields(of: pid)?.first else { return false }
        return state != "Z"
    }
}

/// Signals by the names `kill -NAME` takes, for tests that send them.
let signalNumbers: [String: Int32] = ["HUP": SIGHUP, "INT": SIGINT, "QUIT": SIGQUIT, "TERM": SIGTERM, "KILL": SIGKILL,
                                     "USR1": SIGUSR1, "XCPU": SIGXCPU, "SYS": SIGSYS, "PIPE": SIGPIPE]
