import Foundation

/// The whole environment of every process the tests start, and nothing else: no variable of
/// the person or the runner running the tests gets through (a `config.toml` that remaps keys,
/// `NO_COLOR`, `LC_ALL`, `COLUMNS`/`LINES`, a read-only `HOME`, the shared folder index in
/// `~/.cache/seealso`). HOME is a fresh temporary folder, and the XDG folders are inside it
/// (not created: the program creates what it writes).
public enum ChildEnvironment {
    /// System folders only: a runner's PATH can put shims first (pyenv's `python3` needs the
    /// runner's HOME) or another `seealso`.
    public static let path = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"

    /// The names the environment has; a test may add more on purpose (`TERM=dumb`, `NO_COLOR`).
    public static let names: Set<String> = ["PATH", "HOME", "LANG", "TERM", "XDG_CONFIG_HOME", "XDG_DATA_HOME",
                                            "XDG_CACHE_HOME", "XDG_STATE_HOME"]

    /// The environment for a child whose HOME is `home`; `extra` is added last (and wins).
    public static func make(home: URL, term: String = "xterm-256color", _ extra: [String: String] = [:]) -> [String: String] {
        var environment = [
            "PATH": path,
            "HOME": home.path,
            "XDG_CONFIG_HOME": home.appendingPathComponent(".config").path,
            "XDG_DATA_HOME": home.appendingPathComponent(".local/share").path,
            "XDG_CACHE_HOME": home.appendingPathComponent(".cache").path,
            "XDG_STATE_HOME": home.appendingPathComponent(".local/state").path,
            "LANG": "C.UTF-8",
            "TERM": term,
        ]
        environment.merge(extra) { _, new in new }
        return environment
    }

    /// `environment` as `NAME=value` strings, sorted (for `env -i`, `posix_spawn`).
    public static func assignments(_ environment: [String: String]) -> [String] {
        environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
    }
}

/// A fresh temporary folder to be a child's HOME, removed once nothing holds it.
public final class TemporaryHome: @unchecked Sendable {
    public let url: URL

    public init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("seealso-home-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// `ChildEnvironment.make` for this home.
    public func environment(term: String = "xterm-256color", _ extra: [String: String] = [:]) -> [String: String] {
        ChildEnvironment.make(home: url, term: term, extra)
    }
}
