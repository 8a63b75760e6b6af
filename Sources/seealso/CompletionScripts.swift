import ArgumentParser

/// The completion scripts: the parser's, with the top level completing as the explorer does.
///
/// `seealso FILE --section NAME` is the explorer (the default command), but the parser's
/// scripts (swift-argument-parser 1.8) ignore `defaultSubcommand`: after `seealso ` they offer
/// only the command names, `--help` and `--version` (its issue #488, still open), and it has
/// no way to declare arguments for completion only. So:
///
/// - The options are the parser's own work: the scripts are generated from `TopLevel`, the
///   root command as completion should see it, which has the explorer's options beside the
///   root's, with their value completions (directories for `--data-dir`, TOML files for
///   `--config`). Declaring them on `Seealso` itself would do the same for completion, but
///   the parser would then accept them before and after every command (`seealso outline
///   --section X` ran, ignoring it, instead of being a usage error), and `seealso --help` (its
///   usage line and options) and the man page would list them at the top level as well as
///   under explore. `seealso` is parsed, and its help and man page written, as before.
/// - FILE is added to each script here: a positional argument declared on `TopLevel` would
///   take the command name's place in all three scripts (`seealso outline` would complete
///   as the explorer's FILE). bash and zsh complete files where they offer the command names,
///   and, after a word that is no command name, go on as `seealso explore WORD …` does, so
///   that `seealso FILE --se` completes `--section`; fish offers files where it offers the
///   names (its script already completes the root's options after FILE). Each change replaces
///   or appends at one spot in the parser's text; a spot that is not found (another parser
///   version) leaves the script as it is, and the install tests fail on it.
///
/// After a command name, completion is the command's own, unchanged.
enum CompletionScripts {
    /// Never parsed: the top level of `seealso` as the completion scripts see it.
    struct TopLevel: ParsableCommand {
        static let configuration = Seealso.configuration
        @OptionGroup var explore: ExploreOptions
    }

    /// The shell of `seealso … --generate-completion-script SHELL …` (or `=SHELL`; without a
    /// shell, that of `$SHELL`), wherever the option is before a `--`, as the parser finds it.
    /// The parser would answer with its own script, for any command line that has the option;
    /// nil when there is none, or SHELL is none the parser knows, which the parser then says.
    static func requestedShell(_ arguments: [String]) -> CompletionShell? {
        let option = "--generate-completion-script"
        for (index, argument) in arguments.enumerated() {
            if argument == "--" { return nil }
            if argument.hasPrefix(option + "=") { return CompletionShell(rawValue: String(argument.dropFirst(option.count + 1))) }
            guard argument == option else { continue }
            guard index + 1 < arguments.count, !arguments[index + 1].hasPrefix("-") else { return CompletionShell.autodetected() }
            return CompletionShell(rawValue: arguments[index + 1])
        }
        return nil
    }

    static func script(for shell: CompletionShell) -> String {
        let script = TopLevel.completionScript(for: shell)
        switch shell {
        case .bash:
            return script
                // The top level's option values (`seealso --config <Tab>`), only while every
                // word before is an option or a value (-2: a word that is none came first,
                // after which the command, or the explorer for FILE, completes the values).
                .replacingFirst(of: "    __seealso_offer_flags_options 0\n\n    # Offer option value completions\n    case \"${prev}\" in\n",
                                with: "    __seealso_offer_flags_options 0\n\n    # Offer option value completions\n    [[ \"${positional_number}\" -eq -2 ]] || case \"${prev}\" in\n")
                // The top-level function's catch-all branch, where the first word that is no
                // option (`subcommand`, empty when there is none yet) is no command name.
                .replacingFirst(of: "        COMPREPLY+=($(compgen -W '\(names)' -- \"${cur}\"))\n", with: lines([
                    "        # Command names go first only: after an option, a name is the explorer's FILE.",
                    "        [[ \"${COMP_CWORD}\" -eq 1 ]] && COMPREPLY+=($(compgen -W '\(names)' -- \"${cur}\"))",
                    "        # The explorer's completion of the same words, as after `seealso explore`: FILE,",
                    "        # then its options and their values. An option typed before FILE has been",
                    "        # offered by the top level already.",
                    "        if [[ -n \"${subcommand}\" || \"${cur}\" != -* ]]; then",
                    "            unparsed_words=(\"${COMP_WORDS[@]:1:${COMP_CWORD}}\")",
                    "            _seealso_explore",
                    "        fi",
                ]))
        case .zsh:
            return script
                .replacingFirst(of: "        _describe -V subcommand subcommands && ret=0\n",
                                with: "        _describe -V subcommand subcommands && ret=0\n        _files && ret=0\n")
                // In the `arg` state, `words` starts at the first word that is no option; when
                // that is no command name, the words are the explorer's, as after `explore`.
                .replacingFirst(of: "            \"_seealso_${words[1]}\" && ret=0\n            ;;\n", with: lines([
                    "            \"_seealso_${words[1]}\" && ret=0",
                    "            ;;",
                    "        *)",
                    "            words=(explore \"${words[@]}\")",
                    "            (( CURRENT++ ))",
                    "            _seealso_explore && ret=0",
                    "            ;;",
                ]))
        case .fish:
            // Files where the command names are offered (the first word that is no option).
            let condition = #"complete -c 'seealso' -n '__seealso_should_offer_completions_for_positional "seealso" -eq 1'"#
            guard script.contains(condition + " -fa 'explore'") else { return script }
            return (script.hasSuffix("\n") ? script : script + "\n") + condition + " -F"
        default:
            return script
        }
    }

    private static func lines(_ lines: [String]) -> String {
        lines.map { $0 + "\n" }.joined()
    }

    /// The top-level command names, as the bash script lists them.
    private static var names: String {
        (CommandNames.subcommands(of: Seealso.self).map(\.name) + ["help"]).joined(separator: " ")
    }
}

private extension String {
    func replacingFirst(of target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
