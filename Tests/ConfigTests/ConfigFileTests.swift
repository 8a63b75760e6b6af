import Foundation
import TestSupport
import Testing
@testable import Config

@Suite("Config file location and loading")
struct ConfigFileTests {
    @Test("XDG_CONFIG_HOME, else ~/.config; a relative XDG_CONFIG_HOME is ignored, as the spec says")
    func location() {
        #expect(ConfigFile.defaultPath(environment: ["XDG_CONFIG_HOME": "/x/conf", "HOME": "/home/a"]) == "/x/conf/seealso/config.toml")
        #expect(ConfigFile.defaultPath(environment: ["HOME": "/home/a"]) == "/home/a/.config/seealso/config.toml")
        #expect(ConfigFile.defaultPath(environment: ["XDG_CONFIG_HOME": "", "HOME": "/home/a"]) == "/home/a/.config/seealso/config.toml")
        #expect(ConfigFile.defaultPath(environment: ["XDG_CONFIG_HOME": "conf", "HOME": "/home/a"]) == "/home/a/.config/seealso/config.toml")
        let account = FileManager.default.homeDirectoryForCurrentUser.path
        #expect(ConfigFile.defaultPath(environment: ["HOME": ""]) == account + "/.config/seealso/config.toml")
        #expect(ConfigFile.displayPath("/home/a/.config/seealso/config.toml", environment: ["HOME": "/home/a"]) == "~/.config/seealso/config.toml")
        #expect(ConfigFile.displayPath("/home/ab/config.toml", environment: ["HOME": "/home/a"]) == "/home/ab/config.toml")
        #expect(ConfigFile.displayPath("/etc/x.toml", environment: ["HOME": "/"]) == "/etc/x.toml")
    }

    @Test("No file at the default place: the defaults, and not a word")
    func missingDefaultFile() throws {
        try withTemporaryDirectory { folder in
            let loaded = try ConfigFile.load(explicit: nil, environment: ["XDG_CONFIG_HOME": folder.path, "HOME": "/nonexistent"])
            #expect(loaded.config == .standard)
            #expect(loaded.messages.isEmpty)
            #expect(!loaded.exists)
            #expect(loaded.notice == nil)
        }
    }

    @Test("The default file is read; its messages name it with ~ for the home folder")
    func defaultFile() throws {
        try withTemporaryDirectory { home in
            let folder = home.appendingPathComponent(".config/seealso")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data("[keys]\nquit = \"x\"\nzoom = \"Ctrl-1\"\nmose = 1\n".utf8).write(to: folder.appendingPathComponent("config.toml"))
            let loaded = try ConfigFile.load(explicit: nil, environment: ["HOME": home.path])
            #expect(loaded.exists && !loaded.isExplicit)
            #expect(loaded.config.keymap.keys(for: .quit) == [.character("x")])
            #expect(loaded.messages == [
                "~/.config/seealso/config.toml:3: 'zoom': unknown key name \"Ctrl-1\" \(ConfigMessageTests.keyExamples)",
                "~/.config/seealso/config.toml:4: unknown action 'mose' in [keys] (seealso config --print-default lists the actions)",
            ])
            #expect(loaded.notice == "config.toml: 2 problems (seealso config --check lists them); line 3: 'zoom': unknown key name \"Ctrl-1\" "
                + ConfigMessageTests.keyExamples)
            // One problem alone is whole: the status line cuts it at the screen's width.
            try Data("[keys]\nquit = \"x\"\nzoom = \"Ctrl-1\"\n".utf8).write(to: folder.appendingPathComponent("config.toml"))
            let single = try ConfigFile.load(explicit: nil, environment: ["HOME": home.path])
            #expect(single.notice == "config.toml:3: 'zoom': unknown key name \"Ctrl-1\" \(ConfigMessageTests.keyExamples)")
        }
    }

    @Test("A missing or unreadable --config FILE is an error; a folder or non-UTF-8 default file is a message")
    func unreadable() throws {
        try withTemporaryDirectory { folder in
            let missing = folder.appendingPathComponent("missing.toml").path
            let noFile = #expect(throws: ConfigFile.Unreadable.self) { try ConfigFile.load(explicit: missing, environment: [:]) }
            #expect(noFile?.description == "\(missing): no such file")
            let isFolder = #expect(throws: ConfigFile.Unreadable.self) { try ConfigFile.load(explicit: folder.path, environment: [:]) }
            #expect(isFolder?.description == "\(folder.path): cannot read file: it is a folder, not a file")
            // Read as articles are, so a device is named as such (it was "cannot be read").
            let device = #expect(throws: ConfigFile.Unreadable.self) { try ConfigFile.load(explicit: "/dev/zero", environment: [:]) }
            #expect(device?.description == "/dev/zero: cannot read file: it is a device, not a regular file")
            // A symbolic link to nothing, or in a loop, says so (both were "no such file").
            let dangling = folder.appendingPathComponent("dangling.toml").path
            try FileManager.default.createSymbolicLink(atPath: dangling, withDestinationPath: "gone.toml")
            let toNothing = #expect(throws: ConfigFile.Unreadable.self) { try ConfigFile.load(explicit: dangling, environment: [:]) }
            #expect(toNothing?.description == "\(dangling): cannot read file: it is a symbolic link to 'gone.toml', which does not exist")
            let loop = folder.appendingPathComponent("loop.toml").path
            try FileManager.default.createSymbolicLink(atPath: loop, withDestinationPath: "loop.toml")
            let inALoop = #expect(throws: ConfigFile.Unreadable.self) { try ConfigFile.load(explicit: loop, environment: [:]) }
            #expect(inALoop?.description.hasPrefix("\(loop): cannot read file: too many levels of symbolic links") == true,
                    "\(inALoop?.description ?? "")")

            let xdg = folder.appendingPathComponent("xdg")
            let place = xdg.appendingPathComponent("seealso/config.toml")
            try FileManager.default.createDirectory(at: place, withIntermediateDirectories: true)
            var loaded = try ConfigFile.load(explicit: nil, environment: ["XDG_CONFIG_HOME": xdg.path, "HOME": "/nonexistent"])
            #expect(loaded.messages == ["\(place.path): cannot read file: it is a folder, not a file; the defaults are used"])
            #expect(loaded.config == .standard)

            try FileManager.default.removeItem(at: place)
            // The bad byte is line 3's fifth: where it is, as for an article, and what to do.
            try Data(Array("# mine\n\nquit".utf8) + [0xFF, 0xFE] + Array(" = \"x\"\n".utf8)).write(to: place)
            let message = "\(place.path):3: invalid UTF-8: byte 0xFF at byte 5 of the line "
                + "(Latin-1 or Windows-1252? convert with: iconv -f WINDOWS-1252 -t UTF-8); the defaults are used"
            loaded = try ConfigFile.load(explicit: nil, environment: ["XDG_CONFIG_HOME": xdg.path, "HOME": "/nonexistent"])
            #expect(loaded.messages == [message])
            loaded = try ConfigFile.load(explicit: place.path, environment: [:])
            #expect(loaded.messages == [message])
        }
    }

    /// QA: "invalid UTF-8: byte 0xFF at column 1", which did not say what the file was; an
    /// article says UTF-16 and how to convert it, and so does a configuration, in its words.
    /// UTF-32's little-endian mark starts as UTF-16's: it was called UTF-16, and the iconv
    /// command given made garbage of it (QA 13b).
    @Test("A UTF-16 or UTF-32 file says which it is and how to convert it, as an article does", arguments: [
        ("UTF-16", String.Encoding.utf16LittleEndian, [0xFF, 0xFE] as [UInt8]), ("UTF-16", .utf16BigEndian, [0xFE, 0xFF]),
        ("UTF-32", .utf32LittleEndian, [0xFF, 0xFE, 0, 0]), ("UTF-32", .utf32BigEndian, [0, 0, 0xFE, 0xFF]),
    ])
    func wideEncoding(named name: String, encoding: String.Encoding, mark: [UInt8]) throws {
        let text = try #require("[keys]\nquit = \"x\"\n".data(using: encoding))
        try withTemporaryDirectory { folder in
            let file = folder.appendingPathComponent("wide.toml")
            try Data(mark + text).write(to: file)
            let loaded = try ConfigFile.load(explicit: file.path, environment: [:])
            #expect(loaded.messages == ["\(file.path):1: it is \(name) (it starts with a \(name) byte-order mark); seealso reads UTF-8 "
                                        + "(convert with: iconv -f \(name) -t UTF-8); the defaults are used"])
            #expect(loaded.config == .standard)
        }
    }

    /// QA 38: UTF-16 without a mark (`iconv -t UTF-16LE`) was "invalid TOML … a NUL character".
    @Test(arguments: [("LE", String.Encoding.utf16LittleEndian), ("BE", .utf16BigEndian)])
    func utf16WithoutAMark(order: String, encoding: String.Encoding) throws {
        let text = try #require("theme = \"dark\"\n".data(using: encoding))
        try withTemporaryDirectory { folder in
            let file = folder.appendingPathComponent("wide.toml")
            try text.write(to: file)
            let loaded = try ConfigFile.load(explicit: file.path, environment: [:])
            #expect(loaded.messages == ["\(file.path):1: it is UTF-16\(order) without a byte-order mark (a NUL byte in every other one); "
                                        + "seealso reads UTF-8 (convert with: iconv -f UTF-16\(order) -t UTF-8); the defaults are used"])
        }
    }

    /// `--config /dev/null` is no configuration, and `--config <(…)` one made on the fly, as
    /// `tmux -f /dev/null` is used (QA: refused as "a device" and "a pipe").
    @Test func devNullAndAPipeAreFilesToo() throws {
        let empty = try ConfigFile.load(explicit: "/dev/null", environment: [:])
        #expect(empty.config == .standard && empty.problems.isEmpty && empty.exists)
        try withTemporaryDirectory { folder in
            let fifo = folder.appendingPathComponent("keys.fifo").path
            #expect(mkfifo(fifo, 0o600) == 0)
            let writer = Thread {
                let handle = FileHandle(forWritingAtPath: fifo)
                handle?.write(Data("[keys]\nquit = \"x\"\n".utf8))
                try? handle?.close()
            }
            writer.start()
            let piped = try ConfigFile.load(explicit: fifo, environment: [:])
            #expect(piped.problems.isEmpty)
            #expect(piped.config.keymap.keyName(for: .quit) == "x")
        }
    }

    @Test("The notice for the status line: the first message (the file by its name), and how many more")
    func notice() {
        var loaded = ConfigFile.Loaded(config: .standard, problems: [ConfigMessage(line: 1, "one")], displayPath: "/x/a.toml",
                                       exists: true, isExplicit: true)
        #expect(loaded.messages == ["/x/a.toml:1: one"])
        #expect(loaded.notice == "a.toml:1: one")
        loaded.problems += [ConfigMessage(line: 2, "two"), ConfigMessage(line: nil, "three")]
        #expect(loaded.messages == ["/x/a.toml:1: one", "/x/a.toml:2: two", "/x/a.toml: three"])
        // The count and the command that lists them first, the file as given: the status line
        // cuts a long message from its end.
        #expect(loaded.notice == "a.toml: 3 problems (seealso config --check /x/a.toml lists them); line 1: one")
        loaded.isExplicit = false
        #expect(loaded.notice == "a.toml: 3 problems (seealso config --check lists them); line 1: one")
    }
}
