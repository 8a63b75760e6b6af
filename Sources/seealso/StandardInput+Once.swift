import Content

extension StandardInput {
    /// The whole of standard input (`readToEnd`), read once a run: the explorer may read it
    /// again for the outline it prints instead (a TERM terminfo lacks), and a stream read
    /// twice is empty the second time. The article model is given these bytes.
    static func bytes() throws -> [UInt8] {
        try once.value { Result(catching: readToEnd) }.get()
    }

    /// The process has one standard input: what was read from it, or why it could not be.
    private static let once = Lazy<Result<[UInt8], any Error>>()
}
