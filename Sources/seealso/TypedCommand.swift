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
    /// `-_./`; with a control character (a line break in a note), in bash's `$'…'`, as
    /// `printf %q` writes it (QA 32: `'- first^J- second'` could not be typed again).
    static func word(_ word: String) -> String {
        let plain = !word.isEmpty && word.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || $0.properties.numericType != nil || "-_./".unicodeScalars.contains($0) }
        if plain { return word }
        guard word.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else {
            return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
        }
        var quoted = "$'"
        for scalar in word.unicodeScalars {
            switch scalar {
            case "\n": quoted += "\\n"
            case "\t": quoted += "\\t"
            case "\r": quoted += "\\r"
            case "\\": quoted += "\\\\"
            case "'": quoted += "\\'"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: quoted += String(format: "\\x%02X", scalar.value)
            default: quoted.unicodeScalars.append(scalar)
            }
        }
        return quoted + "'"
    }
}
