import Foundation
import TestSupport
import Testing
@testable import Config

/// The built `seealso`, run as a person would: `config --print-default`, `config --check`,
/// and `--config` on the explorer (which prints the outline when not on a terminal).
enum Seealso {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static var binary: URL { BuiltProducts.seealso.map { URL(fileURLWithPath: $0) } ?? URL(fileURLWithPath: "/usr/bin/false") }

    /// In a private HOME and XDG folders, with TERM=dumb (the explorer prints the outline).
    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Result {
        try withTemporaryDirectory { folder in
            let run = try Captured.run(binary, arguments, environment: ChildEnvironment.make(home: folder, term: "dumb", environment))
            return Result(status: run.status, stdout: try Captured.text(run.stdout), stderr: try Captured.text(run.stderr))
        }
    }
}

@Suite("seealso config")
struct ConfigCommandTests {
    @Test("--print-default prints the generated default, and --check passes it")
    func printDefault() throws {
        let printed = try Seealso.run(["config", "--print-default"])
        #expect(printed.status == 0)
        #expect(printed.stdout == Config.defaultFile(), "the command prints the generated file")
        // …which holds every default, written out here rather than made by the same code.
        let lines = printed.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "# seealso configuration.")
        for line in ["theme = \"auto\"", "restore = true", "mouse = true", "[keys]",
                     "quit = \"q\"                               # Quit",
                     "help = [\"?\", \"F1\"]                       # Show or hide this help",
                     "next-pane = \"Tab\"                        # Focus the next pane",
                     "previous-pane = \"Shift-Tab\"              # Focus the previous pane",
                     "half-page-down = \"Ctrl-D\"                # Half a page down",
                     "half-page-up = \"Ctrl-U\"                  # Half a page up",
                     "next-section = \"}\"                       # Next section, its heading at the top (outline: past subsections)",
                     "previous-section = \"{\"                   # Previous section, or this one's start (outline: past subsections)"] {
            #expect(lines.contains(line), "\(line)")
        }
        try withTemporaryDirectory { folder in
            let file = folder.appendingPathComponent("default.toml")
            try Data(printed.stdout.utf8).write(to: file)
            let checked = try Seealso.run(["config", "--check", file.path])
            #expect(checked.status == 0)
            #expect(checked.stdout == "\(file.path): ok\n")
            #expect(checked.stderr.isEmpty)
        }
    }

    @Test("--check: every message on stderr, exit 65; a missing file exits 66")
    func check() throws {
        try withTemporaryDirectory { folder in
            let file = folder.appendingPathComponent("bad.toml")
            try Data("mouse = \"yes\"\n[keys]\nquit = \"x\"\nzoom = \"x\"\n".utf8).write(to: file)
            let checked = try Seealso.run(["config", "--check", file.path])
            #expect(checked.status == 65)
            #expect(checked.stdout.isEmpty)
            #expect(checked.stderr == """
                seealso: \(file.path):1: 'mouse' must be true or false, not "yes"
                seealso: \(file.path):4: key 'x' is bound to both 'quit' (line 3) and 'zoom'; 'zoom' keeps its default keys: z

                """)
            let missing = try Seealso.run(["config", "--check", folder.appendingPathComponent("nope.toml").path])
            #expect(missing.status == 66)
            #expect(missing.stderr == "seealso: \(folder.appendingPathComponent("nope.toml").path): no such file\n")
        }
    }

    @Test("--check without FILE checks the default file; no file there is fine")
    func checkDefault() throws {
        let none = try Seealso.run(["config", "--check"], environment: ["XDG_CONFIG_HOME": "/nonexistent/xdg"])
        #expect(none.status == 0)
        #expect(none.stdout == "/nonexistent/xdg/seealso/config.toml: no such file; seealso uses the defaults\n")
        // The path alone on stdout, for $EDITOR "$(seealso config)"; that it is missing on stderr.
        let shown = try Seealso.run(["config"], environment: ["XDG_CONFIG_HOME": "/nonexistent/xdg"])
        #expect(shown.stdout == "/nonexistent/xdg/seealso/config.toml\n")
        #expect(shown.stderr == "seealso: /nonexistent/xdg/seealso/config.toml: no such file: seealso uses the defaults\n")
        #expect(shown.status == 0)
        try withTemporaryDirectory { home in
            let inHome = try Seealso.run(["config"], environment: ["HOME": home.path, "XDG_CONFIG_HOME": ""])
            #expect(inHome.stdout == home.path + "/.config/seealso/config.toml\n", "absolute, not ~/…")
        }
        try withTemporaryDirectory { folder in
            let place = folder.appendingPathComponent("seealso/config.toml")
            try FileManager.default.createDirectory(at: place.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("theme = \"light\"\n".utf8).write(to: place)
            let checked = try Seealso.run(["config", "--check"], environment: ["XDG_CONFIG_HOME": folder.path])
            #expect(checked.status == 0)
            #expect(checked.stdout == "\(place.path): ok\n")
        }
    }

    @Test("Usage errors: both modes at once, or FILE without --check")
    func usage() throws {
        #expect(try Seealso.run(["config", "--print-default", "--check"]).status == 64)
        let stray = try Seealso.run(["config", "some.toml"])
        #expect(stray.status == 64)
        #expect(stray.stderr.contains("FILE is checked with --check"))
    }

    @Test("The explorer's --config: problems on stderr, reading goes on; a missing file exits 66")
    func exploreConfig() throws {
        try withTemporaryDirectory { folder in
            let file = folder.appendingPathComponent("c.toml")
            try Data("[keys]\nqiut = \"x\"\n".utf8).write(to: file)
            let run = try Seealso.run(["--config", file.path])
            #expect(run.status == 0)
            #expect(run.stdout.contains("Dual power"), "not a terminal: the outline")
            #expect(run.stderr == "seealso: \(file.path):2: unknown action 'qiut' in [keys]; did you mean 'quit'?\n")
            let missing = try Seealso.run(["explore", "--config", folder.appendingPathComponent("nope.toml").path])
            #expect(missing.status == 66)
            #expect(missing.stderr == "seealso: \(folder.appendingPathComponent("nope.toml").path): no such file\n")
        }
    }
}
