import Foundation
import Content

/// Where the configuration lives and how it is read.
///
/// `--config FILE`, else `$XDG_CONFIG_HOME/seealso/config.toml`, else
/// `~/.config/seealso/config.toml`. A missing file at the default place is normal (the defaults
/// apply, nothing is said); a missing `--config FILE` is an error.
public enum ConfigFile {
    /// A file given with `--config` that cannot be read at all.
    public struct Unreadable: Error, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "\(path): \(reason)" }
    }

    /// A configuration read from disk, with its problems as `path:line: message`.
    public struct Loaded: Sendable {
        public var config: Config
        public var problems: [ConfigMessage]
        /// The path as messages show it (the home folder as `~`).
        public var displayPath: String
        /// Whether a file was there (false: the defaults, from no file).
        public var exists: Bool
        /// Whether the file came from `--config`.
        public var isExplicit: Bool

        /// Every problem as `path:line: message` (for stderr and `config --check`).
        public var messages: [String] { problems.map { $0.formatted(path: displayPath) } }

        /// The problems, for the explorer's status line (the file by its name): one whole; with
        /// more, how many and the command that lists them first, then the first. The status
        /// line cuts a long one at the screen's width, from the end: the count and the command
        /// were cut off behind a long first message.
        public var notice: String? {
            guard let first = problems.first else { return nil }
            let name = (displayPath as NSString).lastPathComponent
            guard problems.count > 1 else { return first.formatted(path: name) }
            // Settings piped in (`--config -`) are checked piped in again.
            let shownPath = displayPath == StandardInput.displayName ? "-" : displayPath
            let command = "seealso config --check" + (isExplicit ? " " + shownPath : "")
            return "\(name): \(problems.count) problems (\(command) lists them); " + (first.line.map { "line \($0): " } ?? "") + first.text
        }
    }

    public static func defaultPath(environment: [String: String]) -> String {
        (BaseDirectory.config.seealsoPath(environment: environment) as NSString).appendingPathComponent("config.toml")
    }

    /// `path` with the home folder written `~`, as a person would type it.
    public static func displayPath(_ path: String, environment: [String: String]) -> String {
        let home = BaseDirectory.home(environment: environment)
        guard home != "/", !home.isEmpty, path.hasPrefix(home + "/") else { return path }
        return "~" + path.dropFirst(home.count)
    }

    /// Reads `explicit` (`--config FILE`), or the default file if there is one. Throws only
    /// for an explicit file that cannot be read; everything else is a message and defaults.
    public static func load(explicit: String?, environment: [String: String]) throws(Unreadable) -> Loaded {
        let path = explicit ?? defaultPath(environment: environment)
        let display = explicit ?? displayPath(path, environment: environment)
        var loaded = Loaded(config: .standard, problems: [], displayPath: display, exists: false, isExplicit: explicit != nil)
        let bytes: [UInt8]
        do {
            // A file named with --config may be a pipe or /dev/null (`--config <(…)`).
            if let explicit {
                bytes = try RegularFile.bytes(namedAtPath: explicit)
            } else {
                guard let present = try RegularFile.bytesIfPresent(atPath: path) else {
                    // Not "no file": the file may well be there, under the name's real bytes.
                    if BaseDirectory.lostItsBytes(path) {
                        loaded.exists = true
                        loaded.problems = [ConfigMessage(line: nil, BaseDirectory.lostBytesReason + "; the defaults are used")]
                    }
                    return loaded
                }
                bytes = present
            }
        } catch {
            // The file reader's words: a folder, a device, permission denied, a symbolic link
            // to nothing or in a loop, … (it was "no such file" for the last two).
            loaded.exists = true
            let reason = (error as? SourceError)?.message ?? "\(error)"
            if explicit != nil { throw Unreadable(path: display, reason: reason) }
            loaded.problems = [ConfigMessage(line: nil, "\(reason); the defaults are used")]
            return loaded
        }
        return read(bytes, into: loaded)
    }

    /// A configuration given as its bytes, named `displayPath` in its messages: `config
    /// --check -` reads one piped in, as `seealso -` reads an article (it was read as a file
    /// named `-`).
    public static func load(bytes: [UInt8], displayPath: String) -> Loaded {
        read(bytes, into: Loaded(config: .standard, problems: [], displayPath: displayPath, exists: true, isExplicit: true))
    }

    /// `loaded` with the settings and problems of `bytes`, the file's contents.
    private static func read(_ bytes: [UInt8], into loaded: Loaded) -> Loaded {
        var loaded = loaded
        loaded.exists = true
        // UTF-16 is said as the article reader says it, with the command that converts it;
        // before the UTF-8 check, which UTF-16 of ASCII without a byte-order mark passes.
        let wide = InvalidUTF8.utf16(bytes)
        guard wide == nil, let text = String(validating: bytes, as: UTF8.self) else {
            let problem = wide.map { (line: 1, message: $0) }
                ?? InvalidUTF8.first(in: bytes).map { (line: $0.line, message: $0.message(in: bytes)) }
            loaded.problems = [ConfigMessage(line: problem?.line, (problem?.message ?? "not UTF-8 text") + "; the defaults are used")]
            return loaded
        }
        let parsed = Config.parse(text)
        loaded.config = parsed.config
        loaded.problems = parsed.messages
        return loaded
    }
}
