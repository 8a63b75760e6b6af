import ArgumentParser
import Content

enum Diagnostics {
    static func report(_ message: String) {
        Output.error("seealso: " + message.neutralized)
    }

    /// A folder's file that did not load, as its index keeps it: its first problem, saying how
    /// many more there are (`SourceErrors.summary`). Read again, each problem is said on a line
    /// of its own, as `outline` says them (QA 22: the explorer, `search` and `bookmarks add` said
    /// "(and 2 more)" and never the two). As indexed when the file now loads or cannot be read.
    static func reportEveryProblem(of failure: SourceError) {
        for problem in everyProblem(of: failure) { report(problem.description) }
    }

    /// `failure`'s problems, one each, as `reportEveryProblem` says them. Only a summary is read
    /// again: a folder's catalog also holds the problems of links files, each already on its own.
    static func everyProblem(of failure: SourceError) -> [SourceError] {
        guard SourceErrors.summarizesMore(failure), !failure.isUnreadable else { return [failure] }
        do {
            _ = try ArticleLoader.text(path: failure.path)
            return [failure]
        } catch {
            return SourceErrors(error).map { $0.isUnreadable ? [failure] : $0.listed } ?? [failure]
        }
    }

    /// `text` as one word for a POSIX shell, to be typed as it is shown: in single quotes, a
    /// quote in it closed, escaped and opened again (QA 27: `--section 'July Days' impact'`).
    static func shellWord(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }

    /// A `--section` or `--item` NAME that starts no heading or item in `scope` (an article's
    /// title, or a folder): said with the close matches among `candidates`, status 64.
    /// `otherwise`: the option that names it instead, when the other kind has it (`--item`
    /// for a strategy given to `--section`).
    static func reportUnknown(_ what: String, _ name: String, among candidates: [Lookup.Place], in scope: String,
                              otherwise: String? = nil) throws -> Never {
        let close = Lookup.suggestions(for: name, among: candidates)
        // Quotable: a character that shows nothing is named, as a links file's messages name it.
        report("no \(what) starts with '\(name.quotable)' in '\(scope)'"
               + (otherwise.map { "; " + (what == "section" ? "an item" : "a section") + " does: \($0) " + shellWord(name) } ?? "")
               + (close.isEmpty ? "" : "; close matches: " + close.map(\.quotable).joined(separator: ", ")))
        throw ExitCode(64)
    }
}
