import ArgumentParser

struct Explore: ParsableCommand {
    // Named, as the other commands are (the parser derives a name through String(describing:)):
    // so named, the default subcommand is also `defaultSubcommand` in
    // `--experimental-dump-help`, from which the man page's synopsis shows the explorer's form.
    static let configuration = CommandConfiguration(
        commandName: "explore",
        abstract: "Open the interactive explorer (the default command).",
        discussion: """
            When standard output is not a terminal, or TERM is 'dumb', not set, unknown to terminfo or a terminal that \
            cannot move the cursor (dumb-emacs-ansi), or the keys cannot be read \
            from a terminal (standard input, or /dev/tty for 'seealso -'), prints the outline instead, saying why on \
            stderr unless the output is not a terminal or TERM is 'dumb'. \
            Problems in the config file are reported on stderr and in the status line; the \
            entries with problems keep their defaults.

            Examples:
              seealso explore --section "October Revolution"
              seealso my-article.txt --no-restore
              seealso --config ~/seealso-vi-keys.toml
              NO_COLOR=1 seealso
            """
    )

    @OptionGroup var article: ArticleOptions
    @OptionGroup var options: ExploreOptions

    func validate() throws {
        if options.section != nil && options.item != nil { throw ValidationError("Give --section or --item, not both.") }
        try requireName(options.section, of: "--section")
        try requireName(options.item, of: "--item")
    }

    /// The options as plain values.
    var exploration: Exploration {
        Exploration(file: article.file, section: options.section, item: options.item, noRestore: options.noRestore,
                    dataDirectory: options.store.dataDirectory, configPath: options.config.path)
    }

    func run() throws {
        try CommandNames.reportMistypedCommand(file: article.file)
        try exploration.run()
    }
}

/// The explorer's options, all but FILE: `explore` has them, and so has the top level of the
/// completion scripts (`CompletionScripts.TopLevel`), where `seealso --section NAME` is the
/// explorer too.
struct ExploreOptions: ParsableArguments {
    @Option(help: "Open at the section whose id is NAME as written (lead, see-also-2), else whose heading is NAME (case and accents aside), else whose id is, in any case, else the first whose heading starts with NAME. In a folder: the first article with the heading or id, else the first with a heading that starts so.")
    var section: String?
    @Option(help: "Open at the See-also topic, example or strategy NAME names, as --section finds a section: its id as written (see-also:foo-2), else its name, else its id in any case, else the first name that starts with NAME; 'kind: NAME' looks among that kind (strategy: Council communism).")
    var item: String?
    @Flag(help: "Start at the top instead of where you last were (the jump history is kept).")
    var noRestore = false
    @OptionGroup var store: StoreOptions
    @OptionGroup var config: ConfigOptions
}
