import Foundation

/// Where seealso keeps its files, by the XDG Base Directory spec: `$XDG_…_HOME` when it is an
/// absolute path (the spec says to ignore relative ones), else the default under the home
/// folder. One place, so that the store, the search index and the configuration agree on
/// what an empty or unset `HOME` means.
public enum BaseDirectory: Sendable {
    case data, config, cache

    var variable: String {
        switch self {
        case .data: "XDG_DATA_HOME"
        case .config: "XDG_CONFIG_HOME"
        case .cache: "XDG_CACHE_HOME"
        }
    }

    var defaultUnderHome: String {
        switch self {
        case .data: ".local/share"
        case .config: ".config"
        case .cache: ".cache"
        }
    }

    /// seealso's folder in this base directory: `$XDG_DATA_HOME/seealso`, `~/.config/seealso`, …
    public func seealsoPath(environment: [String: String]) -> String {
        if let base = environment[variable], base.hasPrefix("/") {
            return (base as NSString).appendingPathComponent("seealso")
        }
        return (Self.home(environment: environment) as NSString).appendingPathComponent(defaultUnderHome + "/seealso")
    }

    /// Whether `path`, from the environment or the command line, was spelled with bytes that
    /// are not UTF-8, and is not there as it now reads: Swift reads such bytes as U+FFFD, and
    /// the path names another folder, which a write would create (QA 23: `HOME=/tmp/h\xe9me`
    /// put the bookmark store in a new folder `h\u{FFFD}me`; the configuration in the real
    /// one went unread). The file reader says the same of a file (`RegularFile`).
    public static func lostItsBytes(_ path: String) -> Bool {
        path.unicodeScalars.contains("\u{FFFD}") && access(path, F_OK) != 0
    }

    /// Why such a path is not used.
    public static let lostBytesReason = "its name is not valid UTF-8: HOME, an XDG_…_HOME or --data-dir gave bytes seealso cannot open"

    /// `$HOME`, or the account's home folder when it is unset or empty: an empty `HOME` would
    /// otherwise put seealso's files under the current folder.
    public static func home(environment: [String: String]) -> String {
        if let home = environment["HOME"], !home.isEmpty { return home }
        return FileManager.default.homeDirectoryForCurrentUser.path
    }
}
