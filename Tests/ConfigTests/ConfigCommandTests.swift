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
    /// `input`: a file given as standard input (`< FILE`); `directory`: where it runs.
    static func run(_ arguments: [String], environment: [String: String] = [:], input: URL? = nil, in directory: URL? = nil) throws -> Result {
        try withTemporaryDirectory { folder in
            let run = try Captured.run(binary, arguments, in: directory, environment: ChildEnvironment.make(home: folder, term: "dumb", environment),
                                       input: input)
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

    /// `-` is standard input, as it is for an article and `bookmarks import -`; it was read as
    /// a file named `-` (QA 22), "no such file" where none was in the folder.
    @Test("config --check - checks the configuration given on standard input, named as such")
    func checkStandardInput() throws {
        try withTemporaryDirectory { folder in
            let bad = folder.appendingPathComponent("bad.toml"), good = folder.appendingPathComponent("good.toml")
            try Data("[keys]\nquit = \"x\"\nbogus = \"y\"\n".utf8).write(to: bad)
            try Data("mouse = false\n".utf8).write(to: good)
            // A file named `-` where it runs is not what `-` reads.
            try Data("not = [toml\n".utf8).write(to: folder.appendingPathComponent("-"))
            let refused = try Seealso.run(["config", "--check", "-"], input: bad, in: folder)
            #expect(refused.status == 65)
            #expect(refused.stderr == "seealso: (standard input):3: unknown action 'bogus' in [keys] (seealso config --print-default lists the actions)\n")
            let passed = try Seealso.run(["config", "--check", "-"], input: good, in: folder)
            #expect(passed.status == 0)
            #expect(passed.stdout == "(standard input): ok\n")
            #expect(passed.stderr.isEmpty)
            // --config names it as FILE does.
            #expect(try Seealso.run(["config", "--check", "--config", "-"], input: bad, in: folder).status == 65)
        }
    }

    /// `--config -` was "-: no such file" everywhere but under `config --check` (QA 38).
    @Test("--config - reads the settings from standard input for the explorer too, and not with an article from there")
    func explorerConfigFromStandardInput() throws {
        try withTemporaryDirectory { folder in
            let bad = folder.appendingPathComponent("bad.toml")
            try Data("[keys]\nquit = \"x\"\nbogus = \"y\"\n".utf8).write(to: bad)
            try Data("not = [toml\n".utf8).write(to: folder.appendingPathComponent("-"))
            // Standard output is no terminal: the outline is printed after the settings are read.
            let read = try Seealso.run(["--config", "-"], input: bad, in: folder)
            #expect(read.status == 0)
            #expect(read.stdout.hasPrefix("Dual power\n"))
            #expect(read.stderr.hasPrefix("seealso: (standard input):3: unknown action 'bogus' in [keys]"), "\(read.stderr)")
            let article = folder.appendingPathComponent("a.txt")
            try Data("= Alpha =\n\nText.\n".utf8).write(to: article)
            let both = try Seealso.run(["--config", "-", "-"], input: article, in: folder)
            #expect(both.status == 64)
            #expect(both.stderr == "seealso: standard input cannot bring both the article and the configuration: give one of them as a file\n")
            #expect(both.stdout.isEmpty)
        }
    }

    /// TOMLKit reads a dotted key by recursion: one of a million parts (2 MB) overflowed its
    /// stack, a segmentation fault (QA 14a). The line is refused first, in a configuration
    /// and in a links file alike; 10,000 parts are still read.
    @Test("A key of a million parts is refused at its line, not a crash")
    func keyOfAMillionParts() throws {
        try withTemporaryDirectory { folder in
            let key = Array(repeating: "k", count: 1_000_000).joined(separator: ".")
            let file = folder.appendingPathComponent("deep.toml")
            try Data("mouse = true\n\(key) = 1\n".utf8).write(to: file)
            let checked = try Seealso.run(["config", "--check", file.path])
            #expect(checked.status == 65)
            #expect(checked.stderr == "seealso: \(file.path):2: invalid TOML, file ignored: more than 10000 '.' on one line, "
                + "as in a key of that many parts, which seealso cannot read\n")
            let article = folder.appendingPathComponent("a.txt")
            try Data("= Alpha =\nText.\n".utf8).write(to: article)
            try Data("[\(key)]\n".utf8).write(to: folder.appendingPathComponent("a.links.toml"))
            let outline = try Seealso.run(["outline", article.path])
            #expect(outline.status == 65)
            #expect(outline.stderr.hasPrefix("seealso: \(folder.path)/a.links.toml:1: invalid TOML: more than 10000 '.' on one line"), "\(outline.stderr)")
            let fine = Array(repeating: "k", count: 10_000).joined(separator: ".")
            try Data("\(fine) = 1\n".utf8).write(to: file)
            #expect(try Seealso.run(["config", "--check", file.path]).stderr.contains("unknown setting 'k'"))
        }
    }

    /// TOMLKit's parser asserted that a table header's key starts with a key character: `[[[`
    /// aborted `config --check`, and every start of the explorer, with SIGABRT (134).
    @Test("A header with no key is said at its line, exit 65, not an abort; the explorer starts without the file")
    func headerWithNoKey() throws {
        try withTemporaryDirectory { folder in
            let file = folder.appendingPathComponent("bad.toml")
            try Data("mouse = true\n[[[\n".utf8).write(to: file)
            let message = "seealso: \(file.path):2: invalid TOML, file ignored: a table header must start with a key "
                + "(a letter, digit, '-', '_' or a quote) after its '[', not '['\n"
            let checked = try Seealso.run(["config", "--check", file.path])
            #expect(checked.status == 65)
            #expect(checked.stderr == message)
            let explorer = try Seealso.run(["--config", file.path])
            #expect(explorer.status == 0)
            #expect(explorer.stdout.hasPrefix("Dual power\n"))
            #expect(explorer.stderr.hasPrefix(message))
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
        #expect(shown.stderr == "seealso: /nonexistent/xdg/seealso/config.toml: no such file; seealso uses the defaults\n")
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

    /// QA: a symbolic link to nothing as the default file was "no such file; seealso uses
    /// the defaults", exit 0, while the explorer reported it and `--check` of the same path
    /// exited 66.
    @Test("A symbolic link to nothing as the default file: --check reports it, 66, as for FILE; config says it too")
    func danglingDefaultFile() throws {
        try withTemporaryDirectory { folder in
            let place = folder.appendingPathComponent("seealso/config.toml")
            try FileManager.default.createDirectory(at: place.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: place.path, withDestinationPath: "nowhere.toml")
            let environment = ["XDG_CONFIG_HOME": folder.path]
            let reason = "\(place.path): cannot read file: it is a symbolic link to 'nowhere.toml', which does not exist"
            let checked = try Seealso.run(["config", "--check"], environment: environment)
            #expect(checked.status == 66)
            #expect(checked.stdout.isEmpty)
            #expect(checked.stderr == "seealso: \(reason)\n")
            let named = try Seealso.run(["config", "--check", place.path], environment: environment)
            #expect(named.status == 66 && named.stderr == checked.stderr, "as the path given")
            let shown = try Seealso.run(["config"], environment: environment)
            #expect(shown.status == 0)
            #expect(shown.stdout == place.path + "\n")
            #expect(shown.stderr == "seealso: \(reason); seealso uses the defaults\n")
            // What the explorer says (it prints the outline here: TERM is dumb).
            let explorer = try Seealso.run([], environment: environment)
            #expect(explorer.stderr == "seealso: \(reason); the defaults are used\n")
        }
    }

    /// QA: `config --config F` said "FILE is checked with --check" and `config --check
    /// --config F` "Unknown option '--config'": the option a person runs the explorer with
    /// names the same file here.
    @Test("--config FILE names the file as for the explorer: --check checks it, alone it is printed")
    func configOption() throws {
        try withTemporaryDirectory { folder in
            let file = folder.appendingPathComponent("keys.toml")
            try Data("[keys]\nqiut = \"x\"\n".utf8).write(to: file)
            let option = try Seealso.run(["config", "--check", "--config", file.path])
            #expect(option.status == 65)
            #expect(option.stderr == "seealso: \(file.path):2: unknown action 'qiut' in [keys]; did you mean 'quit'?\n")
            let argument = try Seealso.run(["config", "--check", file.path])
            #expect(option.stdout == argument.stdout && option.stderr == argument.stderr && option.status == argument.status)
            try Data("[keys]\nquit = \"x\"\n".utf8).write(to: file)
            let fine = try Seealso.run(["config", "--config", file.path, "--check"])
            #expect(fine.status == 0)
            #expect(fine.stdout == "\(file.path): ok\n")

            let named = try Seealso.run(["config", "--config", file.path])
            #expect(named.status == 0 && named.stdout == file.path + "\n" && named.stderr.isEmpty)
            // One the explorer could not read: named, said, 66, as `seealso --config` exits.
            let missing = folder.appendingPathComponent("nope.toml").path
            let absent = try Seealso.run(["config", "--config", missing])
            #expect(absent.status == 66)
            #expect(absent.stdout == missing + "\n")
            #expect(absent.stderr == "seealso: \(missing): no such file\n")

            let both = try Seealso.run(["config", "--check", file.path, "--config", file.path])
            #expect(both.status == 64)
            #expect(both.stderr.hasPrefix("seealso: give FILE or --config FILE, not both: they name the same file.\n"))
            let printing = try Seealso.run(["config", "--print-default", "--config", file.path])
            #expect(printing.status == 64)
            #expect(printing.stdout.isEmpty)
            #expect(printing.stderr.hasPrefix("seealso: --print-default prints the defaults on standard output, which no file changes: leave out --config.\n"))
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
