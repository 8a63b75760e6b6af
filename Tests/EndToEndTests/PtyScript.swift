import Foundation
import TestSupport
import Testing

/// A Python script that drives `seealso` on a pty of its own, for what tmux cannot do: close
/// the terminal under the program, hold its output back (flow control) at a chosen moment,
/// or read the exact bytes it writes. The script runs after `prelude`, which gives it the
/// binary (`seealso`), a fresh data folder (`data`), a pty (`master`, `slave`) and helpers;
/// what it prints is the result.
enum PtyScript {
    static let prelude = """
        import os, platform, pty, select, subprocess, sys, time, fcntl, termios, struct
        seealso, data = sys.argv[1], sys.argv[2]
        master, slave = pty.openpty()
        def set_size(rows, cols):
            fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        def read_until(marker, limit):
            # Everything the program writes until `marker` shows (or, with None, until
            # `limit` seconds have passed).
            seen, deadline = b"", time.time() + limit
            while (marker is None or marker not in seen) and time.time() < deadline:
                if select.select([master], [], [], 0.1)[0]:
                    seen += os.read(master, 65536)
            return seen
        def read_for(seconds):
            return read_until(None, seconds)
        def settle(quiet=0.3, limit=20):
            # Everything the program writes until it has been quiet for `quiet` seconds (a
            # frame is written in one go; a slow build may take long to start one).
            seen, deadline = b"", time.time() + limit
            while time.time() < deadline and select.select([master], [], [], quiet)[0]:
                seen += os.read(master, 65536)
            return seen
        def next_output(limit=20):
            # The program's answer to a key: waits up to `limit` seconds for its first byte,
            # then reads until it is quiet.
            if not select.select([master], [], [], limit)[0]:
                return b""
            return settle()
        def start(term="xterm-256color", rows=40, cols=120, controlling=True, args=()):
            # With `controlling`, its own session with the pty as controlling terminal, so
            # that a resize sends SIGWINCH; without, closing the pty sends no SIGHUP.
            set_size(rows, cols)
            # The environment PtyScript.run gave python (ChildEnvironment: a fresh HOME and
            # XDG folders, LANG, PATH), with this TERM; nothing of the test runner's.
            env = {name: os.environ[name] for name in CHILD_ENVIRONMENT}
            env["TERM"] = term
            extra = dict(start_new_session=True, preexec_fn=lambda: fcntl.ioctl(0, termios.TIOCSCTTY, 0)) if controlling else {}
            return subprocess.Popen([seealso, "--no-restore", "--data-dir", data, *args], stdin=slave, stdout=slave,
                                    stderr=slave, env=env, **extra)
        def finish(p):
            try:
                return p.wait(timeout=10)
            except subprocess.TimeoutExpired:
                p.kill()
                return "still running"

        """

    static func run(_ script: String) throws -> String {
        let seealso = try Binary.path()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("seealso-pty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("drive.py")
        let names = "CHILD_ENVIRONMENT = [" + ChildEnvironment.names.sorted().map { "\"\($0)\"" }.joined(separator: ", ") + "]\n"
        try (names + prelude + script).write(to: file, atomically: true, encoding: .utf8)
        let data = directory.appendingPathComponent("data").path
        let home = try TemporaryHome()
        let result = withExtendedLifetime(home) {
            Shell.run("python3 \(Shell.quote(file.path)) \(Shell.quote(seealso)) \(Shell.quote(data))", environment: home.environment())
        }
        return result.output.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
