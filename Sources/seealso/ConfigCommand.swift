import ArgumentParser
import Config
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
            the file is fine; 65 it has problems; 66 it cannot be read.

            Examples:
              seealso config --print-default > ~/.config/seealso/config.toml
              seealso config --check
              seealso config --check my-keys.toml
              seealso --config my-keys.toml
            """
    )

    @Flag(help: "Print the default configuration, every setting commented.")
    var printDefault = false
    @Flag(help: "Check FILE (default: the configuration file in use): print its problems, exit 65 if any.")
    var check = false
    @Argument(help: ArgumentHelp("The file to check (with --check).", valueName: "FILE"),
              completion: .file(extensions: ["toml"]))
    var file: String?

    func validate() throws {
        if printDefault && check { throw ValidationError("Give --print-default or --check, not both.") }
        if file != nil && !check { throw ValidationError("FILE is checked with --check: seealso config --check FILE") }
        try requirePath(file, of: "FILE")
    }

    func run() throws {
        if printDefault {
            try Output.write(Config.defaultFile())
            return
        }
        if check {
            let path = ConfigFile.defaultPath()
            guard file != nil || FileManager.default.fileExists(atPath: path) else {
                try Output.line("\(ConfigFile.displayPath(path)): no such file; seealso uses the defaults")
                return
            }
            // The default file is checked as if given: one that cannot be read exits 66 too.
            let loaded = try ConfigOptions.load(file ?? path)
            guard loaded.messages.isEmpty else {
                for message in loaded.messages { Diagnostics.report(message) }
                throw ExitCode(65)
            }
            try Output.line("\(loaded.displayPath): ok")
            return
        }
        // The path alone on stdout, absolute (not `~/…`), so that `$EDITOR "$(seealso config)"`
        // opens it; whether it exists is said on stderr.
        let path = ConfigFile.defaultPath()
        try Output.line(path)
        if !FileManager.default.fileExists(atPath: path) { Diagnostics.report("\(path): no such file: seealso uses the defaults") }
    }
}

/// `--config FILE`, for the explorer.
struct ConfigOptions: ParsableArguments {
    @Option(name: .customLong("config"),
            help: ArgumentHelp("Read settings from FILE instead of $XDG_CONFIG_HOME/seealso/config.toml.", valueName: "FILE"),
            completion: .file(extensions: ["toml"]))
    var path: String?

    func validate() throws { try requirePath(path, of: "--config") }

    /// The configuration, its problems reported on stderr (the explorer also shows them).
    static func loadReporting(_ path: String?, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> ConfigFile.Loaded {
        let loaded = try load(path, environment: environment)
        for message in loaded.messages { Diagnostics.report(message) }
        return loaded
    }

    /// Reads `explicit` or the default file; an explicit file that cannot be read exits 66.
    static func load(_ explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> ConfigFile.Loaded {
        do {
            return try ConfigFile.load(explicit: explicit, environment: environment)
        } catch {
            Diagnostics.report(error.description)
            throw ExitCode(66)
        }
    }
}
