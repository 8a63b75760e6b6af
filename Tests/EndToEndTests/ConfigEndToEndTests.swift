import Foundation
import Testing

extension OnATerminal {
    /// A config file driving the real explorer: remapped keys, the help overlay showing them, and
    /// a bad entry reported in the status line and on stderr while the rest applies.
    @Suite("Config in tmux", .serialized)
    struct ConfigEndToEndTests {
        let seealso: String

        init() throws { seealso = Shell.quote(try Binary.path()) }

        /// Whether some line of `screen` shows `keys` then, after spaces, `summary` (a help row).
        func helpRow(_ screen: String, keys: String, summary: String) -> Bool {
            screen.split(separator: "\n").contains { line in
                guard let range = line.range(of: summary) else { return false }
                return line[..<range.lowerBound].trimmingCharacters(in: .whitespaces).hasSuffix(keys)
            }
        }

        @Test func remappedQuitWithConfigOption() throws {
            let tmux = try TmuxSession(width: 120, height: 40)
            let config = tmux.home.appendingPathComponent("my keys.toml")
            try Data("""
                [keys]
                quit = "x"
                help = ["?", "F2"]
                zoom = "Ctrl-1"
                """.utf8).write(to: config)
            tmux.type("\(seealso) --config \(Shell.quote(config.path)); echo status=$?")
            // The status line names the file, the first problem and the count; reading goes on.
            var screen = try tmux.waitUntil("the explorer with the config's notice") {
                $0.contains("2 Dual power") && $0.contains("my keys.toml:4: 'zoom': unknown key name")
            }
            let status = screen.split(separator: "\n").last { $0.contains("my keys.toml:4:") }
            #expect(status?.hasPrefix(" my keys.toml:4: 'zoom': unknown key name \"Ctrl-1\"") == true, "\(status ?? "")")

            tmux.press("q")
            try tmux.waitFor("q is not bound to anything")
            tmux.press("?")
            screen = try tmux.waitUntil("the help with x for Quit") { helpRow($0, keys: "x", summary: "Quit") }
            #expect(helpRow(screen, keys: "?, F2", summary: "Show or hide this help"))
            #expect(helpRow(screen, keys: "z", summary: "Zoom the focused pane"), "the bad entry keeps its default")
            tmux.press("F2")
            try tmux.waitUntil("the help to close") { !$0.contains("Show or hide this help") }

            tmux.press("x")
            screen = try tmux.waitFor("status=0")
            #expect(screen.contains("seealso: \(config.path):4: 'zoom': unknown key name \"Ctrl-1\""), "also on stderr")
        }

        /// QA 35: a config file named with --config that cannot be read was said only once the
        /// article had been read (1.3 s for 25 MB). It is said before the article is read:
        /// here its links file is a pipe whose writer says when a reader opened it.
        @Test func anUnreadableNamedConfigIsSaidBeforeTheArticleIsRead() throws {
            let tmux = try TmuxSession(width: 100, height: 30)
            let article = tmux.home.appendingPathComponent("article.txt")
            try Data("= A =\nText.\n".utf8).write(to: article)
            let links = tmux.home.appendingPathComponent("article.links.toml")
            let opened = tmux.home.appendingPathComponent("opened")
            #expect(mkfifo(links.path, 0o600) == 0)
            let missing = tmux.home.appendingPathComponent("missing.toml")
            tmux.type("(: > \(Shell.quote(links.path)) && touch \(Shell.quote(opened.path))) & "
                      + "\(seealso) \(Shell.quote(article.path)) --config \(Shell.quote(missing.path)); echo status=$?")
            let screen = try tmux.waitFor("status=66")
            #expect(screen.contains("seealso: \(missing.path): no such file"), "\(screen)")
            Thread.sleep(forTimeInterval: 0.5)
            #expect(!FileManager.default.fileExists(atPath: opened.path), "the article's links file was read")
            // The writer, let go.
            let reader = open(links.path, O_RDONLY | O_NONBLOCK)
            if reader >= 0 { close(reader) }
        }

        /// QA 21: on a terminal without an alternate screen (TERM=linux, the console), the
        /// config's problems, said before the explorer started, were cleared by its first frame
        /// and never said again. They are said once it has ended, once.
        @Test func configProblemsAreSaidAfterTheExplorerEvenWithoutAnAlternateScreen() throws {
            let tmux = try TmuxSession(width: 100, height: 30)
            let config = tmux.home.appendingPathComponent("bad.toml")
            try Data("wrap = 3\n".utf8).write(to: config)
            tmux.type("clear; TERM=linux \(seealso) --config \(Shell.quote(config.path)); echo status=$?")
            try tmux.waitUntil("the explorer with the config's notice") { $0.contains("2 Dual power") && $0.contains("bad.toml:1:") }
            tmux.press("q")
            let screen = try tmux.waitFor("status=0")
            let said = screen.split(separator: "\n").filter { $0.hasPrefix("seealso: \(config.path):1: ") }
            #expect(said.count == 1, "\(screen)")
        }

        @Test func defaultConfigFileIsRead() throws {
            let tmux = try TmuxSession(width: 100, height: 30)
            let folder = tmux.home.appendingPathComponent("config/seealso")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data("[keys]\nquit = [\"x\", \"Ctrl-G\"]\n".utf8).write(to: folder.appendingPathComponent("config.toml"))
            tmux.type("\(seealso); echo status=$?")
            try tmux.waitFor("2 Dual power")
            tmux.press("q")
            try tmux.waitFor("q is not bound to anything")
            tmux.press("C-g")
            try tmux.waitFor("status=0")
        }

        /// `[layout] start-zoomed = true` starts with the reader alone on a wide screen, as z shows it,
        /// for a screen reader that reads rows whole (QA 14d: three panes on every row at 120
        /// columns, and zoom forgotten at every start); z then shows the others.
        @Test func zoomFromTheConfigStartsWithOnePane() throws {
            let tmux = try TmuxSession(width: 120, height: 40)
            let config = tmux.home.appendingPathComponent("zoom.toml")
            try Data("[layout]\nstart-zoomed = true\n".utf8).write(to: config)
            tmux.type("\(seealso) --no-restore --config \(Shell.quote(config.path)); echo status=$?")
            let screen = try tmux.waitFor("zoomed (z back)")
            #expect(!screen.contains("1 Outline"), "the outline is not beside the reader:\n\(screen)")
            #expect(screen.contains("2 Dual power"))
            tmux.press("z")
            // The whole frame: its top rows can show before its status bar does.
            try tmux.waitUntil("the outline beside the reader, not zoomed") { $0.contains("1 Outline") && !$0.contains("zoomed") }
            tmux.press("q")
            try tmux.waitFor("status=0")
        }

        /// The folder's opening notice names the finder's key as configured (it said ":"
        /// whatever the config, and ":" then was "not bound to anything").
        @Test func folderNoticeNamesTheRemappedFinderKey() throws {
            let tmux = try TmuxSession(width: 120, height: 40)
            let folder = tmux.home.appendingPathComponent("articles")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data("= Alpha =\n\nText.\n".utf8).write(to: folder.appendingPathComponent("a.txt"))
            try Data("= Beta =\n\nText.\n".utf8).write(to: folder.appendingPathComponent("b.txt"))
            let config = tmux.home.appendingPathComponent("keys.toml")
            try Data("[keys]\ngo-to = \"F6\"\n".utf8).write(to: config)
            tmux.type("\(seealso) --no-restore --config \(Shell.quote(config.path)) \(Shell.quote(folder.path)); echo status=$?")
            try tmux.waitFor("2 articles (F6 lists them)")
            tmux.press("q")
            try tmux.waitFor("status=0")
        }
    }
}
