import Foundation
import TestSupport
import Testing

extension OnATerminal {
    /// The programs these tests start see `ChildEnvironment` and nothing of the runner's: a
    /// developer's `config.toml` remapping `q`, `NO_COLOR` or `LC_ALL=POSIX` would otherwise
    /// change what the explorer shows, and a shared or read-only HOME what it writes.
    @Suite("Children's environment", .serialized)
    struct EnvironmentTests {
        /// What a shell adds to the environment it is given.
        static let shellVariables: Set<String> = ["PWD", "OLDPWD", "SHLVL", "_"]

        /// The names in a NUL-separated `/proc/PID/environ`.
        static func names(environ: Data) -> Set<String> {
            Set(environ.split(separator: 0).map { String(decoding: $0.prefix { $0 != UInt8(ascii: "=") }, as: UTF8.self) })
        }

        @Test func theExplorerInTmuxSeesOnlyTheChildEnvironment() throws {
            let tmux = try TmuxSession(width: 100, height: 30)
            tmux.type("\(Shell.quote(try Binary.path())) --no-restore")
            try tmux.waitFor("2 Dual power")
            let pid = try #require(tmux.foregroundPID())
            let environ = try Data(contentsOf: URL(fileURLWithPath: "/proc/\(pid)/environ"))
            tmux.press("q")
            try tmux.waitForPrompt()
            let extra = Self.names(environ: environ).subtracting(ChildEnvironment.names).subtracting(Self.shellVariables)
            #expect(extra == ["PS1", "HISTFILE"], "the runner's environment reached the explorer")
            let variables = String(decoding: environ, as: UTF8.self).split(separator: "\0").map(String.init)
            #expect(variables.contains("HOME=\(tmux.home.path)"))
            #expect(variables.contains("LANG=C.UTF-8"))
        }

        @Test func theExplorerOnAPtySeesOnlyTheChildEnvironment() throws {
            let script = """
                p = start(rows=24, cols=80)
                read_until(b"? help", 20)
                with open(f"/proc/{p.pid}/environ", "rb") as f:
                    names = sorted(entry.split(b"=")[0].decode() for entry in f.read().split(b"\\0") if entry)
                os.write(master, b"q")
                finish(p)
                print(" ".join(names))
                """
            #expect(try PtyScript.run(script) == ChildEnvironment.names.sorted().joined(separator: " "))
        }

        @Test func shellCommandsSeeOnlyTheChildEnvironment() throws {
            let run = Shell.run("env")
            #expect(run.status == 0)
            let names = Set(run.output.split(separator: "\n").map { String($0.prefix { $0 != "=" }) })
            #expect(names.subtracting(Self.shellVariables) == ChildEnvironment.names, "\(run.output)")
            #expect(!run.output.contains("HOME=\(NSHomeDirectory())\n"))
        }

        @Test func capturedAndSpawnedProgramsSeeOnlyTheChildEnvironment() throws {
            let captured = try Captured.run(URL(fileURLWithPath: "/usr/bin/env"), ["-0"])
            #expect(Self.names(environ: captured.stdout) == ChildEnvironment.names)
            try withTemporaryDirectory { folder in
                let child = try Child(["/usr/bin/env", "-0"], output: folder.appendingPathComponent("env"))
                #expect(child.wait() == 0)
                #expect(Self.names(environ: try Data(contentsOf: child.stdout)) == ChildEnvironment.names)
            }
        }
    }
}
