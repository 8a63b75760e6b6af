import ArgumentParser
import Content
import Foundation

/// seealso's command names, for the words that should have been one: `seealso help NAME` and
/// a mistyped command taken for the explorer's FILE (`seealso outlne`).
enum CommandNames {
    /// The words that are commands at the top level, `help` among them, as plain strings:
    /// asking the parser for them costs what `Exploration.init(plain:)` saves. A test keeps
    /// them equal to the parser's.
    static let topLevel: Set = ["explore", "outline", "links", "export", "search", "bookmarks", "config", "help"]

    /// The commands directly under `command`, with their names. `_commandName` is the name the
    /// parser itself matches: `explore` has none in its configuration (see `Explore`).
    static func subcommands(of command: ParsableCommand.Type) -> [(name: String, command: ParsableCommand.Type)] {
        command.configuration.subcommands.map { ($0._commandName, $0) }
    }

    /// The name `word` is a typo of: within one edit per four letters (a letter left out,
    /// added, changed, or two swapped), as `Lookup.suggestions` allows; nil below three letters.
    static func closest(to word: String, among names: [String]) -> String? {
        let typed = Array(word.lowercased())
        guard typed.count >= 3 else { return nil }
        let limit = Lookup.editLimit(typed)
        return names.map { (name: $0, distance: Lookup.editDistance(typed, Array($0))) }
            .filter { $0.distance <= limit }
            .min { $0.distance < $1.distance }?.name
    }

    /// `seealso help NAME …` must name commands. The parser shows the help of the last name it
    /// knows and drops the rest, so `help nosuch` printed the top-level help with status 0, as
    /// if it had been asked for; it is a usage error instead (64, as the parser's own), naming
    /// the word and the commands there are, with the usage of the command it was looked for
    /// under (`help bookmarks nosuch`: `seealso bookmarks`'s), as the parser gives its own.
    static func checkHelpTopics(_ arguments: [String]) throws {
        guard arguments.first == "help" else { return }
        var command: ParsableCommand.Type = Seealso.self
        var path = "seealso"
        for word in arguments.dropFirst() where !word.hasPrefix("-") {
            // `help help` is the parser's own command, which has none below it.
            if command == Seealso.self, word == "help" { return }
            let commands = subcommands(of: command)
            guard let next = commands.first(where: { $0.name == word }) else {
                let names = commands.map(\.name)
                let message = names.isEmpty ? "'\(word)' is not a command: \(path) has no subcommands."
                    : "'\(word)' is not a command of \(path) ("
                        + (closest(to: word, among: names).map { "did you mean `\($0)`?" } ?? "its commands: " + names.joined(separator: ", "))
                        + ")."
                try usageError(message, of: command, path: path)
            }
            command = next.command
            path += " " + word
        }
    }

    /// The options that take no value (`--help` and the commands' flags).
    static let flags: Set<String> = ["--help", "--version", "--no-restore", "--json", "--check", "--print-default",
                                     "--experimental-dump-help"]

    /// The long options that take a value, of every command: typed with their command, none
    /// is a name or query spelled with a dash (QA 38: `bookmarks remove --data-dir D`, its id
    /// missing, said "unknown option '--data-dir'").
    static let valueOptions: Set<String> = ["--config", "--data-dir", "--depth", "--focus", "--format", "--item", "--kind",
                                            "--note", "--origin", "--section"]

    /// seealso's one short option is -h, and the parser reads a word of one dash and several
    /// letters as short options together: `-hello.txt` was -h, and `seealso export --format
    /// json -hello.txt > out.json` wrote the help into out.json with status 0 (QA 28). Such a
    /// word is an unknown option, said as the parser says one, with how to name such a file.
    /// Words after `--` are arguments; a negative number is a value, and so is the word after
    /// an option that takes one (`--note -reread`: the parser says that it lacks its value).
    /// Whether `word` is spelled as a short option, one dash then more (`-x`, `-1917`): not `-`,
    /// standard input, nor a long option.
    static func isShortOptionSpelling(_ word: String) -> Bool {
        word.count > 1 && word.hasPrefix("-") && !word.hasPrefix("--")
    }

    /// Whether `word`, left out by the parser as an option it does not know, may be a name or
    /// query that starts with a dash: `-1917`, and `--x` too (QA 33: `search --x` said only that
    /// the QUERY was missing). Not `--`, nor an option that takes no value.
    static func mayBeDashedWord(_ word: String) -> Bool {
        word.count > 1 && word.hasPrefix("-") && word != "--" && !flags.contains(word) && !valueOptions.contains(word)
    }

    static func checkShortOptions(_ arguments: [String]) throws {
        let words = Array(arguments.prefix(while: { $0 != "--" }))
        guard let word = words.indices.first(where: { index in
            let word = words[index]
            let previous = index > 0 ? words[index - 1] : ""
            let isValue = previous.hasPrefix("--") && !previous.contains("=") && !flags.contains(previous)
            return word.count > 2 && isShortOptionSpelling(word) && Double(word) == nil && !isValue
        }).map({ words[$0] }) else { return }
        var command: ParsableCommand.Type = Seealso.self
        var path = "seealso"
        for name in arguments.prefix(while: { !$0.hasPrefix("-") }) {
            guard let next = subcommands(of: command).first(where: { $0.name == name }) else { break }
            command = next.command
            path += " " + name
        }
        let typed = withDoubleDash(arguments, before: arguments.firstIndex(of: word)!)
        try usageError("unknown option '\(word)' (a name or query that starts with -: put -- before it, \(typed); "
                       + "a file: \(TypedCommand.word("./" + word)))", of: command, path: path)
    }

    /// `seealso` and `arguments` as they would be typed again with `--` before the word at
    /// `index`, and the options after it (with their values) moved before the `--`, where
    /// they are still options (QA 32: `bookmarks add -1917 --section Back` was hinted as
    /// `… -- -1917 --section Back`, where `--section` is then a word).
    static func withDoubleDash(_ arguments: [String], before index: Int) -> String {
        var options: [String] = []
        var words: [String] = []
        var position = index
        while position < arguments.count {
            let word = arguments[position]
            // The word at `index` is the one `--` is for, whatever it is spelled as.
            if position > index, word.hasPrefix("--"), word != "--" {
                options.append(word)
                // An option that takes a value, written apart from it, takes the next word.
                if !word.contains("="), !flags.contains(word), position + 1 < arguments.count {
                    position += 1
                    options.append(arguments[position])
                }
            } else {
                words.append(word)
            }
            position += 1
        }
        return (["seealso"] + arguments[..<index] + options + ["--"] + words).map(TypedCommand.word).joined(separator: " ")
    }

    /// A usage error found before the parser runs, said as the parser says its own: `message`,
    /// then the usage of `command` (named `path`: `seealso bookmarks`), status 64. A usage of
    /// several lines (the top level's) is lined up under its first, as the parser's are.
    private static func usageError(_ message: String, of command: ParsableCommand.Type, path: String) throws -> Never {
        let usage = Seealso.usageString(for: command).replacingOccurrences(of: "\n", with: "\n       ")
        Output.error("seealso: \(message.neutralized)\nUsage: \(usage)\n  See '\(path) --help' for more information.")
        throw ExitCode.validationFailure
    }

    /// A FILE for the explorer that is not there and is spelled as a command nearly is
    /// (`seealso outlne`): said as any missing file (66: a FILE argument is legitimate), with
    /// the command it was likely meant to be. Does nothing for a word that is a path (has a
    /// `/` or a `.`), is there, or is no near miss: loading then says what is wrong.
    ///
    /// A FILE that is a command's very name came after an option (`seealso --config k.toml
    /// outline`), which made the line the explorer's: that is said instead ("outline: no
    /// such file", and no hint, where a misspelling got one).
    static func reportMistypedCommand(file: String?) throws {
        guard let file, access(file, F_OK) != 0 else { return }
        let hint: String
        if topLevel.contains(file) {
            hint = goesFirst(file)
        } else if let command = commandMeant(by: file) {
            hint = "did you mean the command `\(command)`?"
        } else {
            return
        }
        let missing = SourceError(path: file, line: 0, message: RegularFile.openFailure(ENOENT))
        Diagnostics.report("\(missing) (\(hint))")
        throw ExitCode(66)
    }

    /// The hint for `command` written after an option, where it was taken for the explorer's FILE.
    static func goesFirst(_ command: String) -> String {
        "a command goes first, before any option: see 'seealso \(command) --help'"
    }

    /// The command `word` (the first argument) was likely meant to be: a near miss that is
    /// no path (no `/` or `.`) and not there. Also said after a usage error, where the words
    /// after it (`seealso outlne a.txt`: "Unexpected argument 'a.txt'") hid the cause.
    static func commandMeant(by word: String) -> String? {
        let names = subcommands(of: Seealso.self).map(\.name)
        guard !names.contains(word), word != "help", !word.hasPrefix("-"), !word.contains("/"), !word.contains("."),
              access(word, F_OK) != 0 else { return nil }
        return closest(to: word, among: names)
    }
}
