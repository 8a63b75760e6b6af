import ArgumentParser
import Content

enum Diagnostics {
    static func report(_ message: String) {
        Output.error("seealso: " + message.neutralized)
    }

    /// A `--section` or `--item` NAME that starts no heading or item in `scope` (an article's
    /// title, or a folder): said with the close matches among `candidates`, status 64.
    static func reportUnknown(_ what: String, _ name: String, among candidates: [Lookup.Place], in scope: String) throws -> Never {
        let close = Lookup.suggestions(for: name, among: candidates)
        report("no \(what) starts with '\(name)' in '\(scope)'" + (close.isEmpty ? "" : "; close matches: " + close.joined(separator: ", ")))
        throw ExitCode(64)
    }
}
