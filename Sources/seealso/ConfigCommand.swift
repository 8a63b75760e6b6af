import ArgumentParser
import Config
import Content
import Foundation

/// `seealso config`: where the configuration is, the default one, and checking a file.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Show, print or check the configuration file (keys, theme, layout).",
        discussion: """
            seealso reads $XDG_CONFIG_HOME/seealso/config.toml (by default \
            ~/.config/seealso/config.toml), or the file given with 'seealso --config FILE'. \
            Without options, prints which file that is (and says on stderr when it does not exist). A mistake in the file \
            is reported as FILE:LINE: message and only that entry keeps its default. Exit status: 0 \
            the file is fine; 65 it has problems; 66 it cannot be read. --config FILE names the \
            file as it does for the explorer: 'seealso config --check --config FILE' is \
            'seealso config --check FILE'.

            Examples:
              seealso config --check
              mkdir -p ~/.config/seealso
              seealso config --print-default > ~/.config/seealso/config.toml
              seealso config --check my-keys.toml
              seealso --config my-keys.toml
            """
    )

    @Flag(help: "Print the default configuration, every setting commented.")
    var printDefault = false
    @Flag(help: "Check FILE (default: the configuration file in use): print its problems, exit 65 if any.")
    var check = false
    @Argument(help: ArgumentHelp("The file to check (with --check); - reads it from standard input.", valueName: "FILE"),
              completion: .file(extensions: ["toml"]))
    var file: String?
    /// The explorer's `--config FILE`, meaning here what it means there, the file in use: so
    /// `config --check --config FILE` checks FILE, and `config --config FILE` names it. Both
    /// were refused ("Unknown option '--config'"; "FILE is checked with --check"), though a
    /// person checking the file they run with types the option they run with.
    @OptionGroup var config: ConfigOptions

    func validate() throws {
        if printDefault && check { throw ValidationError("Give --print-default or --check, not both.") }
        if file != nil && config.path != nil { throw ValidationError("Give FILE or --config FILE, not both: they name the same file.") }
        // Not read, so not taken quietly: `--print-default --config FILE` looks like it writes FILE.
        if printDefault && config.path != nil {
            throw ValidationError("--print-default prints the defaults on standard output, which no file changes: leave out --config.")
        }
        if file != nil && !check { throw ValidationError("FILE is checked with --check: seealso config --check FILE") }
        try requirePath(file, of: "FILE")
    }

    func run() throws {
        if printDefault {
            try Output.write(Config.defaultFile())
            return
        }
        let explicit = file ?? config.path
        let environment = ProcessEnvironment.variables()
        if check {
            let path = explicit ?? ConfigFile.defaultPath(environment: environment)
            // Nothing at the default place is normal; a symbolic link to nothing is not (the
            // explorer reports it), and "no such file", exit 0, hid it.
            guard explicit != nil || !RegularFile.isAbsent(atPath: path) || BaseDirectory.lostItsBytes(path) else {
                try Output.line("\(ConfigFile.displayPath(path, environment: environment)): no such file; seealso uses the defaults")
                return
            }
            // The default file is checked as if given: one that cannot be read exits 66 too.
            // `-` is standard input, as for an article and `bookmarks import -`.
            let loaded = try explicit.map(StandardInput.isNamed) == true
                ? Self.standardInput(spelled: path) : ConfigOptions.load(path, environment: environment)
            guard loaded.messages.isEmpty else {
                for message in loaded.messages { Diagnostics.report(message) }
                throw ExitCode(65)
            }
            try Output.line("\(loaded.displayPath): ok")
            return
        }
        if let given = config.path {
            // The file in use, as given; one the explorer could not read (it would exit 66) is
            // said, and exits so here too. Its problems are --check's to list.
            try Output.line(given)
            _ = try ConfigOptions.load(given, environment: environment)
            return
        }
        // The path alone on stdout, absolute (not `~/…`), so that `$EDITOR "$(seealso config)"`
        // opens it; on stderr, that it does not exist or, as the explorer says, why it cannot be
        // read (a symbolic link to nothing was "no such file").
        let path = ConfigFile.defaultPath(environment: environment)
        try Output.line(path)
        do {
            if try RegularFile.bytesIfPresent(atPath: path) == nil {
                // Not "no such file" when its name's bytes were lost (`BaseDirectory.lostItsBytes`).
                let why = BaseDirectory.lostItsBytes(path) ? BaseDirectory.lostBytesReason : "no such file"
                Diagnostics.report("\(path): \(why); seealso uses the defaults")
            }
        } catch {
            Diagnostics.report("\(error); seealso uses the defaults")
        }
    }
}

extension ConfigCommand {
    /// The configuration piped in, for `config --check -`; with nothing piped in, a usage error
    /// (64) that says how to give it, as `bookmarks import -` says it.
    static func standardInput(spelled: String = "-") throws -> ConfigFile.Loaded {
        do {
            return ConfigFile.load(bytes: try StandardInput.bytes(), displayPath: StandardInput.displayName)
        } catch is StandardInput.IsATerminal {
            Diagnostics.report(StandardInput.IsATerminal(what: "a configuration", source: "cat config.toml",
                                                         command: TypedCommand.line, spelled: spelled).description)
            throw ExitCode(64)
        } catch {
            Diagnostics.report("\(error)")
            throw ExitCode(66)
        }
    }
}

/// `--config FILE`, for the explorer.
struct ConfigOptions: ParsableArguments {
    @Option(name: .customLong("config"),
            help: ArgumentHelp("Read settings from FILE instead of $XDG_CONFIG_HOME/seealso/config.toml.", valueName: "FILE"),
            completion: .file(extensions: ["toml"]))
    var path: String?

    func validate() throws { try requirePath(path, of: "--config") }

    /// Reads `explicit` or the default file; an explicit file that cannot be read exits 66.
    /// Its problems are the caller's to say (`Exploration.run`: on stderr, and in the status line).
    static func load(_ explicit: String?, environment: [String: String]) throws -> ConfigFile.Loaded {
        do {
            return try ConfigFile.load(explicit: explicit, environment: environment)
        } catch {
            Diagnostics.report(error.description)
            throw ExitCode(66)
        }
    }
}
