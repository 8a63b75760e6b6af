import Foundation

/// Standard input as an article: PATH `-`, as grep, jq and less read it. A script that pipes
/// an article in (`cat a.txt | seealso outline -`) gets that article; without `-` it got the
/// bundled one, and status 0.
public enum StandardInput {
    /// How an article read from standard input is named wherever a path would be (messages,
    /// `search`'s path column, exports that show a path): grep's spelling, which reads as no
    /// file name could be mistaken for (`-` looks like a typo, `/dev/stdin` like a file).
    public static let displayName = "(standard input)"

    /// Whether PATH names standard input: `-`, or `/dev/stdin` and `/dev/fd/0`, which name it
    /// too. Opened as files, those two gave a pipe, refused as "a pipe, not a regular file".
    public static func isNamed(by path: String) -> Bool {
        path == "-" || path == "/dev/stdin" || path == "/dev/fd/0"
    }

    /// Standard input is a terminal: there is no article to read, only a person typing. Said
    /// at once (a usage error), as `seealso outline -` typed by mistake would otherwise wait
    /// for an end of file that only Ctrl-D gives.
    public struct IsATerminal: Error, CustomStringConvertible {
        /// What `-` reads: an article's by default; `bookmarks import -` names an export's.
        public var what: String
        /// What pipes it in, before the command: `cat FILE` by default.
        public var source: String
        /// The command that read `-`, as typed (`seealso export --format dot -`): the
        /// examples are that command given its input through a pipe and by a redirection,
        /// which are what it lacked. Only the command line knows it: nil, as `readToEnd`
        /// throws it, gives no example (every command's used to be `seealso outline -`'s).
        public var command: String?
        /// How standard input was named on the command line: `-`, `/dev/stdin` or `/dev/fd/0`
        /// (QA 35: `seealso /dev/stdin` was told what '-' reads).
        public var spelled: String

        public init(what: String = "an article", source: String = "cat FILE", command: String? = nil, spelled: String = "-") {
            self.what = what
            self.source = source
            self.command = command
            self.spelled = spelled
        }

        public var description: String {
            let reads = "standard input is a terminal: '\(spelled.neutralized)' reads \(what) piped in"
            guard let command else { return reads + " or redirected" }
            return reads + " (\(source) | \(command)) or redirected (\(command) < FILE)"
        }
    }

    /// Whether standard input is a pipe (`cat a.txt | seealso outline`): a command that reads
    /// the bundled article then says that `-` reads the pipe. /dev/null, a terminal and a
    /// redirected file are not: a script without input, a person, and `< FILE` are no sign
    /// that an article was meant to be read from there.
    public static var isPipe: Bool {
        var info = stat()
        return fstat(STDIN_FILENO, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO
    }

    /// The whole of standard input, read now: the command line reads it once a run and keeps
    /// it (a stream read twice is empty the second time), and the article model is given the
    /// bytes (`ArticleLoader.text(standardInput:)`). Throws `IsATerminal` for a terminal, and
    /// a `SourceError` named `displayName` at line 0 (unreadable) for a read that fails or a
    /// stream longer than `RegularFile.sizeLimit`, as files and `--config` pipes are capped.
    public static func readToEnd() throws -> [UInt8] {
        guard isatty(STDIN_FILENO) == 0 else { throw IsATerminal() }
        var info = stat()
        guard fstat(STDIN_FILENO, &info) == 0 else {
            throw SourceError(path: displayName, line: 0, message: "cannot read file: \(RegularFile.reason(errno))")
        }
        // A redirected file (`- < a.txt`) is read as a file named on the command line is;
        // anything else (a pipe, a socket, /dev/zero) is a stream. Both are capped.
        let isFile = info.st_mode & S_IFMT == S_IFREG
        return try RegularFile.readToEnd(STDIN_FILENO, size: isFile ? Int(info.st_size) : nil, tooLong: "standard input") { message in
            SourceError(path: displayName, line: 0, message: message)
        }
    }
}
