import Foundation
import TestSupport
import Testing

/// The bash script `seealso --generate-completion-script bash` prints, sourced by a real bash
/// in a folder holding `claims.txt`, `keys.toml` and the folders `clubs` and `folder`, its
/// function called as bash calls it on Tab (COMP_WORDS, COMP_CWORD, COMP_LINE, COMP_POINT).
struct BashCompletion {
    let script: URL
    let work: URL

    static func with<T>(_ body: (BashCompletion) throws -> T) throws -> T {
        let generated = try Run.run(Run.seealso, ["--generate-completion-script", "bash"])
        #expect(generated.status == 0)
        return try withTemporaryDirectory { folder in
            let script = folder.appendingPathComponent("seealso.bash")
            try Data(generated.stdout.utf8).write(to: script)
            let work = folder.appendingPathComponent("work")
            for name in ["clubs", "folder"] {
                try FileManager.default.createDirectory(at: work.appendingPathComponent(name), withIntermediateDirectories: true)
            }
            for name in ["claims.txt", "keys.toml"] { try Data().write(to: work.appendingPathComponent(name)) }
            return try body(BashCompletion(script: script, work: work))
        }
    }

    /// What Tab offers after `words` (the last one being typed), sorted.
    func complete(_ words: [String]) throws -> [String] {
        try completeAll([words])[0]
    }

    /// `complete` for each line, in one bash.
    func completeAll(_ lines: [[String]]) throws -> [[String]] {
        try run(lines.map { "complete_line \($0.map(shellQuote).joined(separator: " "))" })
    }

    /// What the command named by a line's second word offers for the words after that name,
    /// its own function called as the top level calls it: what `seealso COMMAND …` completed
    /// to before the top level offered the explorer's options.
    func commandsOwn(_ lines: [[String]]) throws -> [[String]] {
        try run(lines.map { "own_line \($0.map(shellQuote).joined(separator: " "))" })
    }

    private func run(_ calls: [String]) throws -> [[String]] {
        let separator = "\u{1E}"
        let result = try Run.bash("""
            cd \(shellQuote(work.path)) && source \(shellQuote(script.path)) || exit 1
            set_line() { COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}; COMPREPLY=(); }
            show() { printf '%s\\n' "${COMPREPLY[@]}" | sort -u; printf '\(separator)\\n'; }
            complete_line() {
                set_line "$@"
                _seealso seealso "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
                show
            }
            own_line() {
                set_line "$@"
                local state; state="$(shopt -p extglob)"; shopt -s extglob
                local -r cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD - 1]}"
                local -a unparsed_words=("${COMP_WORDS[@]:2:COMP_CWORD - 1}")
                local -i positional_number
                local -a repeating_flags=() non_repeating_flags=() repeating_options=() non_repeating_options=()
                "_seealso_${COMP_WORDS[1]}"
                eval "${state}"
                show
            }
            \(calls.joined(separator: "\n"))
            """)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty, "\(result.stderr)")
        var replies = result.stdout.components(separatedBy: separator + "\n").map { $0.split(separator: "\n").map(String.init) }
        replies.removeLast()
        try #require(replies.count == calls.count, "\(result.stdout)")
        return replies
    }
}

/// `--experimental-dump-help`'s commands, each with the words naming it and its options'
/// names (`--section`, `-h`), all the way down.
func dumpedCommands() throws -> [(path: [String], options: [String])] {
    let dump = try Run.run(Run.seealso, ["--experimental-dump-help"])
    let json = try #require(try JSONSerialization.jsonObject(with: Data(dump.stdout.utf8)) as? [String: Any])
    func walk(_ command: [String: Any], _ path: [String]) -> [(path: [String], options: [String])] {
        let names = (command["arguments"] as? [[String: Any]] ?? []).filter { ($0["shouldDisplay"] as? Bool) != false }
            .flatMap { $0["names"] as? [[String: Any]] ?? [] }
            .compactMap { name in (name["name"] as? String).map { (name["kind"] as? String == "short" ? "-" : "--") + $0 } }
        return [(path, names)] + (command["subcommands"] as? [[String: Any]] ?? []).flatMap { sub in
            walk(sub, path + [sub["commandName"] as? String ?? "?"])
        }
    }
    return walk(try #require(json["command"] as? [String: Any]), [])
}

/// The options `seealso explore` declares, as the completion offers them.
func exploreOptions() throws -> [String] {
    try #require(try dumpedCommands().first { $0.path == ["explore"] }).options
}

extension CompletionTests {
    /// `seealso FILE --section NAME` is the explorer, but the top level offered only the
    /// command names, `--help` and `--version`: the parser's scripts leave out the default
    /// command's options.
    @Test("bash: the top level completes the explorer's options and their values, FILE, and the command names first", arguments: [
        (["seealso", "--se"], ["--section"]),
        (["seealso", "--no"], ["--no-restore"]),
        (["seealso", "ou"], ["outline"]),
        (["seealso", "c"], ["claims.txt", "clubs", "config"]),
        (["seealso", "./fo"], ["./folder"]),
        (["seealso", "--data-dir", ""], ["clubs", "folder"]),
        (["seealso", "--config", ""], ["clubs", "folder", "keys.toml"]),
        (["seealso", "--config", "c"], ["clubs"]),
        (["seealso", "--section", ""], []),
        // After FILE: its options and their values, as after `seealso explore FILE`.
        (["seealso", "claims.txt", "--se"], ["--section"]),
        (["seealso", "claims.txt", "--config", ""], ["clubs", "folder", "keys.toml"]),
        (["seealso", "claims.txt", "--data-dir", "c"], ["clubs"]),
        (["seealso", "--config", "keys.toml", "claims.txt", "--no"], ["--no-restore"]),
        (["seealso", "claims.txt", "cl"], []),
        // A command name is a command first only: `seealso --section X config` opens FILE `config`.
        (["seealso", "--section", "X", "c"], ["claims.txt", "clubs"]),
        (["seealso", "--no-restore", "--"], ["--config", "--data-dir", "--help", "--item", "--section", "--version"]),
    ])
    func bashTopLevel(words: [String], expected: [String]) throws {
        let completed = try BashCompletion.with { try $0.complete(words) }
        #expect(completed == expected.sorted(), "\(words.joined(separator: " "))")
    }

    @Test("bash: `seealso --` offers every option explore declares, with --help and --version; `seealso ` the names and files too")
    func bashEveryExploreOption() throws {
        let options = try exploreOptions()
        #expect(options.contains("--section") && options.contains("--data-dir") && options.contains("--config"))
        try BashCompletion.with { bash in
            let dashes = try bash.complete(["seealso", "--"])
            #expect(dashes == options.filter { $0.hasPrefix("--") }.sorted())
            #expect(dashes.contains("--help") && dashes.contains("--version"))
            let all = try bash.complete(["seealso", ""])
            for word in options + (try listedSubcommands()) + ["claims.txt", "clubs", "folder", "keys.toml"] {
                #expect(all.contains(word), "\(word)")
            }
            // After FILE, the explorer's options, and no command name.
            #expect(try bash.complete(["seealso", "claims.txt", ""]) == options.sorted())
        }
    }

    /// What the top level adds stops at a command name: `seealso outline --config <Tab>`
    /// completes as outline does (files, for its FILE), not as the explorer's `--config`
    /// (`*.toml` files), which the top level's value completions did before they were kept
    /// to the words before the first one that is no option.
    @Test("bash: after a command name, completion is that command's own, as before")
    func bashAfterCommandUnchanged() throws {
        let commands = try dumpedCommands().filter { !$0.path.isEmpty }
        let explore = try exploreOptions()
        var lines: [[String]] = []
        for command in commands {
            var rests: [[String]] = [[""], ["--"], ["-"], ["cl"], ["claims.txt", ""], ["claims.txt", "--"], ["x", "y", ""]]
            for option in Set(command.options + explore).sorted() {
                rests += [[option, ""], [option, "x", ""], ["claims.txt", option, ""]]
            }
            lines += rests.map { ["seealso"] + command.path + $0 }
        }
        try BashCompletion.with { bash in
            let completed = try bash.completeAll(lines)
            let own = try bash.commandsOwn(lines)
            for (index, line) in lines.enumerated() {
                #expect(completed[index] == own[index], "\(line.joined(separator: " "))")
            }
            // The comparison compares something: the commands' own completions are there.
            #expect(try bash.complete(["seealso", "config", "--"]).contains("--print-default"))
            #expect(try bash.complete(["seealso", "outline", "--config", ""]) == ["claims.txt", "clubs", "folder", "keys.toml"])
        }
    }

    @Test("zsh: the top level has the explorer's options with their values, and goes on as the explorer after FILE")
    func zshTopLevel() throws {
        let script = try Run.run(Run.seealso, ["--generate-completion-script", "zsh"]).stdout
        let top = try #require(script.range(of: "\n_seealso() {\n").flatMap { start in
            script.range(of: "\n_seealso_explore() {\n").map { String(script[start.upperBound..<$0.lowerBound]) }
        })
        for option in try exploreOptions() where option.hasPrefix("--") && option != "--help" {
            #expect(top.contains("'\(option)["), "\(option)")
        }
        #expect(top.contains("{-h,--help}"))
        #expect(top.contains("'--data-dir[") && top.contains(":DIR:_files -/'"))
        #expect(top.contains("'--config[") && top.contains(":FILE:_files -g '\\''*.toml'\\'''"))
        #expect(top.contains("""
                    *)
                        words=(explore "${words[@]}")
                        (( CURRENT++ ))
                        _seealso_explore && ret=0
            """))
    }

    @Test("fish: the top level has the explorer's options with their values, and files where the command names are")
    func fishTopLevel() throws {
        let script = try Run.run(Run.seealso, ["--generate-completion-script", "fish"]).stdout
        for option in try exploreOptions() where option.hasPrefix("--") && option != "--help" {
            let name = option.dropFirst(2)
            #expect(script.contains("complete -c 'seealso' -n '__seealso_should_offer_completions_for_flags_or_options \"seealso\" \(name)' -l '\(name)'"),
                    "\(option)")
        }
        #expect(script.contains("__seealso_parse_subcommand 0 'section=' 'item=' 'no-restore' 'data-dir=' 'config='"))
        #expect(script.contains("-l 'data-dir' -d 'Keep bookmarks and reading positions in DIR (default: $XDG_DATA_HOME/seealso, or ~/.local/share/seealso).' -rfa '(__seealso_complete_directories)'"))
        #expect(script.contains("\ncomplete -c 'seealso' -n '__seealso_should_offer_completions_for_positional \"seealso\" -eq 1' -F\n"))
    }

    /// The parser answers `--generate-completion-script` wherever it is, and without a shell
    /// takes $SHELL's; it answered those with its own script, without the explorer's options.
    @Test("Every spelling of the request prints the same script", arguments: [
        (["--generate-completion-script=bash"], "bash"),
        (["outline", "--generate-completion-script", "bash"], "bash"),
        (["--generate-completion-script"], "bash"),
        (["--generate-completion-script"], "fish"),
        (["--generate-completion-script", "--version"], "zsh"),
    ])
    func everySpelling(arguments: [String], shell: String) throws {
        let expected = try Run.run(Run.seealso, ["--generate-completion-script", shell])
        try withTemporaryDirectory { home in
            let environment = ChildEnvironment.make(home: home, ["SHELL": "/usr/bin/\(shell)"])
            let script = try Run.run(Run.seealso, arguments, environment: environment)
            #expect(script.status == 0, "\(script.stderr)")
            #expect(script.stdout == expected.stdout, "\(arguments)")
        }
        #expect(expected.stdout.contains("--section"))
    }
}
