import Content
import Foundation

extension StandardInput {
    /// The whole of standard input (`readToEnd`), read once a run: the explorer may read it
    /// again for the outline it prints instead (a TERM terminfo lacks), and a stream read
    /// twice is empty the second time. The article model is given these bytes.
    static func bytes() throws -> [UInt8] {
        try once.value { Result(catching: readToEnd) }.get()
    }

    /// The process has one standard input: what was read from it, or why it could not be.
    private static let once = Lazy<Result<[UInt8], any Error>>()

    /// The article FILE that is a pipe (`seealso outline <(curl …)`, a FIFO), read to its end
    /// once a run, as standard input is: read a second time it would be empty, or block.
    /// A run has one article FILE.
    static func bytes(ofPipe path: String) throws -> [UInt8] {
        try pipeOnce.value { Result { try RegularFile.bytes(namedAtPath: path) } }.get()
    }

    private static let pipeOnce = Lazy<Result<[UInt8], any Error>>()

    /// Whether `path` is a pipe: a FIFO, or `/dev/fd/N` of one (what `<(…)` gives).
    static func isPipe(atPath path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO
    }
}
