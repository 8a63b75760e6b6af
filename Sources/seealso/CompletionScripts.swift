import ArgumentParser

/// The parser's completion scripts, with files offered at the top level too.
///
/// `seealso FILE` is the explorer (the default command), but the parser completes only
/// command names after `seealso `: a default command's arguments are not the top level's
/// in its scripts. The bash and zsh scripts are given file completion beside the command
/// names there; a script whose spot is not found (another parser version) is left as it
/// is, and the install tests say so.
enum CompletionScripts {
    /// The shell of `seealso --generate-completion-script SHELL` (or `=SHELL`), when those
    /// are all the arguments; any other form is the parser's to answer.
    static func requestedShell(_ arguments: [String]) -> CompletionShell? {
        let option = "--generate-completion-script"
        let name: String
        switch arguments.count {
        case 2 where arguments[0] == option: name = arguments[1]
        case 1 where arguments[0].hasPrefix(option + "="): name = String(arguments[0].dropFirst(option.count + 1))
        default: return nil
        }
        return CompletionShell(rawValue: name)
    }

    static func script(for shell: CompletionShell) -> String {
        let script = Seealso.completionScript(for: shell)
        switch shell {
        case .bash:
            // After the command names, in the top-level function's catch-all branch.
            return script.replacingFirst(
                of: "COMPREPLY+=($(compgen -W '\(names)' -- \"${cur}\"))\n",
                with: "COMPREPLY+=($(compgen -W '\(names)' -- \"${cur}\"))\n        __seealso_add_completions -f\n")
        case .zsh:
            return script.replacingFirst(of: "_describe -V subcommand subcommands && ret=0\n",
                                         with: "_describe -V subcommand subcommands && ret=0\n        _files && ret=0\n")
        default:
            return script
        }
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
