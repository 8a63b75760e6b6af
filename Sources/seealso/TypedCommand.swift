/// The command line as the person typed it, for a message whose example is that command
/// (`-` refused at a terminal shows `cat FILE | seealso export --format dot -`).
enum TypedCommand {
    /// `seealso` and the arguments, each as a shell needs it typed (`seealso search -
    /// 'two words'`). The program is named as people type it, not by the path it was run
    /// from.
    static var line: String {
        (["seealso"] + CommandLine.arguments.dropFirst().map(word)).joined(separator: " ")
    }

    /// `word` as a shell would need it typed: quoted when it is not plain letters, digits and
    /// `-_./`.
    static func word(_ word: String) -> String {
        let plain = !word.isEmpty && word.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || $0.properties.numericType != nil || "-_./".unicodeScalars.contains($0) }
        return plain ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
