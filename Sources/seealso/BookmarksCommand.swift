import ArgumentParser
import Content
import Foundation
import Store
import TUI

/// Where bookmarks and reading positions are kept: used by `bookmarks …` and `explore`.
struct StoreOptions: ParsableArguments {
    @Option(name: .customLong("data-dir"),
            help: ArgumentHelp("Keep bookmarks and reading positions in DIR (default: $XDG_DATA_HOME/seealso, or ~/.local/share/seealso).",
                               valueName: "DIR"),
            completion: .directory)
    var dataDirectory: String?

    func validate() throws { try requirePath(dataDirectory, of: "--data-dir") }

    var directory: URL { Self.directory(dataDirectory, environment: ProcessEnvironment.variables()) }

    /// `--data-dir`'s folder, or the default one when it is nil.
    static func directory(_ dataDirectory: String?, environment: [String: String]) -> URL {
        dataDirectory.map { URL(fileURLWithPath: $0) } ?? StateStore.defaultDirectory(environment: environment)
    }

    /// Opens the store for a command that writes, or reports why it cannot be used and exits
    /// (see `StoreFailure`). A folder that cannot be written still opens, read-only (its writes
    /// say why); a DIR that is not a folder is said as `openForReading` says it.
    func open() throws -> StateStore {
        try StoreFailure.reporting { try StateStore(writingTo: directory) }
    }

    /// `open` for commands that only read: a store that does not exist is empty, and is not
    /// created. A DIR that is not a folder (a file is there, or on its path) holds no bookmarks
    /// because the path is wrong: that is said, `seealso: DIR: not a folder`, and exits 66 (see
    /// `StoreFailure`), instead of "no bookmarks".
    func openForReading() throws -> StateStore {
        try StoreFailure.reporting { try StateStore(readingExisting: directory) }
    }
}

/// How store errors end a command: `seealso: message` on stderr, and an exit status from
/// sysexits.h so scripts can tell the cases apart.
enum StoreFailure {
    /// 74 (EX_IOERR): the folder is read-only or full, or SQLite failed otherwise;
    /// 65 (EX_DATAERR): the database is damaged, another application's or newer, or an import
    /// file is not an export, or it has used its last bookmark id; 66 (EX_NOINPUT): the data folder is no folder, or the database
    /// file cannot be read (permission denied, a folder in its place), as for an article or
    /// export that cannot be read: nothing was read, so nothing is known to be damaged, and
    /// 74 would say that a read or write failed on a store that is there; 1: no bookmark
    /// with that id.
    static func exitCode(for error: StoreError) -> Int32 {
        switch error {
        case .readOnly, .full, .cannotCreateDirectory, .sqlite: 74
        case .unreadableDirectory, .unreadableFile: 66
        case .corrupt, .damaged, .damagedSchema, .foreign, .newerVersion, .invalidExport, .idsExhausted: 65
        case .noSuchBookmark: 1
        }
    }

    /// Runs `body`; a `StoreError` is reported and becomes the exit status. `importFile` names
    /// the file an `.invalidExport` is about.
    static func reporting<T>(importFile: String? = nil, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as StoreError {
            if case .invalidExport(let problem) = error, let importFile {
                Diagnostics.report(problem.located(in: importFile))
            } else {
                Diagnostics.report(error.commandDescription)
            }
            throw ExitCode(exitCode(for: error))
        }
    }
}

struct Bookmarks: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bookmarks",
        abstract: "List, add, remove, export and import bookmarks.",
        discussion: """
            Bookmarks live in DIR/state.sqlite (see --data-dir), shared with the explorer; two \
            programs may use it at once. Exit status: 0 done; 1 no such bookmark; 64 unknown \
            section; 65 a damaged or foreign database, a file that is not an export, or an \
            article of the folder that cannot be loaded; 66 a file that cannot be read (the \
            database included: permission denied, or a folder in its place), or a DIR that is \
            not a folder; 74 a data folder that is read-only or full.

            Examples:
              seealso bookmarks add --section Background --note "start here"
              seealso bookmarks list
              seealso bookmarks export --format json > bookmarks.json
              seealso bookmarks import bookmarks.json --data-dir /mnt/seealso
            """,
        subcommands: [List.self, Add.self, Remove.self, Export.self, Import.self]
    )
}

extension Bookmarks {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List every bookmark, newest first.",
            discussion: """
                Each bookmark is read in the file it was made in and shown as it is there now: \
                under the article's title now, with the headings it leads to, and "orphaned: " \
                before a section that is gone ("file gone: " or "unreadable: " when its file is). \
                A title that bookmarks of several files share is followed by each one's file. \
                Listing saves nothing.

                With --json, prints the form of 'bookmarks export --format json' as last saved, \
                newest first too, with each bookmark's "id" (for 'bookmarks remove'); 'bookmarks \
                import' reads it. A bookmark it would refuse (a database edited by hand) is left \
                out, said on stderr, and the exit status is 65, as for 'bookmarks export'.

                Examples:
                  seealso bookmarks list
                  seealso bookmarks list --json | jq '.bookmarks[].heading'
                """)

        @Flag(help: "Print JSON (the export format, with ids) instead of a table.") var json = false
        @OptionGroup var store: StoreOptions

        /// JSON for `bookmarks import`: what it would refuse is left out, said on stderr, and
        /// the status is 65 (the rest is written, as every command writes what it can of a
        /// folder with a file that fails): a file that import refuses imports nothing.
        static func write(_ exported: (json: Data, leftOut: [UnexportableBookmark])) throws {
            try Output.write(exported.json)
            guard !exported.leftOut.isEmpty else { return }
            for bookmark in exported.leftOut { Diagnostics.report(bookmark.description) }
            throw ExitCode(65)
        }

        func run() throws {
            let store = try store.openForReading()
            if json {
                try Self.write(try StoreFailure.reporting { try store.listBookmarksJSON() })
                return
            }
            // Each looked for in the file it was made in, as the explorer shows it: under the
            // title its article has now, where it leads now, or marked as the Bookmarks pane
            // marks it (orphaned, its file gone). Shown so, not saved: listing changes nothing.
            let bookmarks = try StoreFailure.reporting { try store.bookmarks(on: Self.shelf(), saving: false) }
            // None: nothing on standard output, where a script counts rows, and a word on
            // standard error for the person at the terminal.
            guard !bookmarks.isEmpty else {
                Diagnostics.report("no bookmarks")
                return
            }
            let shared = Self.sharedTitles(bookmarks.map(\.0))
            let rows = [["ID", "ARTICLE", "SECTION", "NOTE", "CREATED"]] + bookmarks.map { bookmark, location in
                ["#\(bookmark.id)", Self.articleCell(bookmark, naming: shared), (Self.mark(location) + bookmark.displayPath).neutralized,
                 Self.noteCell(bookmark.note), LocalTime.minute(bookmark.createdAt)]
            }
            try Output.write(Self.table(rows))
        }

        /// What `list` looks bookmarks up among beside the files they were made in: the bundled
        /// article, which has none.
        static func shelf() -> BookmarkShelf {
            let bundled = Result { try ArticleOutline.load(path: nil) }
            return BookmarkShelf(entries: (try? bundled.get()).map { [BookmarkShelf.Entry(path: nil, title: $0.article.title)] } ?? []) { _ in
                try bundled.get()
            }
        }

        /// The titles that bookmarks of several files have (the bundled article's among them).
        static func sharedTitles(_ bookmarks: [Bookmark]) -> Set<String> {
            Set(Dictionary(grouping: bookmarks, by: \.articleTitle).filter { Set($0.value.map(\.articlePath)).count > 1 }.keys)
        }

        /// The article's title, and its file when bookmarks of another file have that title too:
        /// three rows of "Beta  Alpha" told nothing of which file each was in (QA 25), where the
        /// explorer's Bookmarks pane names it.
        /// The bundled article is named so; a bookmark without a file (imported, or made before
        /// files were recorded) says so, where it was named "the bundled article" (QA 30).
        static func articleCell(_ bookmark: Bookmark, naming shared: Set<String>) -> String {
            guard shared.contains(bookmark.articleTitle) else { return bookmark.articleTitle.neutralized }
            let file = switch bookmark.articlePath {
            case BookmarkFile.bundled?: "the bundled article"
            case let path?: path
            case nil: "file not recorded"
            }
            return "\(bookmark.articleTitle) (\(file))".neutralized
        }

        /// What the Bookmarks pane puts before a bookmark's place, for where it is.
        static func mark(_ location: BookmarkLocation) -> String {
            switch location {
            case .article(_, .orphaned?), .elsewhere(_, .orphaned): "orphaned: "
            case .gone: "file gone: "
            case .unreadable: "unreadable: "
            case .article, .elsewhere, .unknown: ""
            }
        }

        /// A note in the table: its first line, at most 40 columns (`--json` has it whole).
        /// Whole, one long note padded every row of the table to its length.
        static func noteCell(_ note: String?) -> String {
            let lines = (note ?? "").split(whereSeparator: \.isNewline)
            let first = lines.first.map { String($0).neutralized } ?? ""
            return (lines.count > 1 ? first + " …" : first).truncated(toWidth: 40)
        }

        /// Columns padded to their widest cell, in terminal columns (wide characters count 2).
        static func table(_ rows: [[String]]) -> String {
            let widths = rows[0].indices.map { column in rows.map { $0[column].displayWidth }.max() ?? 0 }
            return rows.map { row in
                row.enumerated().map { column, cell in
                    column == row.count - 1 ? cell : cell.padded(toWidth: widths[column])
                }.joined(separator: "  ")
            }.joined(separator: "\n") + "\n"
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Bookmark a section of an article, or a See-also topic, example or strategy.",
            discussion: """
                Prints 'bookmarked: #ID Article › Section' once the bookmark is saved (it then \
                survives even a crash). With --item, the bookmark is on the item, as the \
                explorer's m makes it on a selected item ('… › Section › Item'). A place already \
                bookmarked is not added twice: its \
                bookmark is printed as 'already bookmarked', and --note replaces its note \
                ('already bookmarked, note replaced (it was "…")', or 'note unchanged' when it \
                is the same; --note "" removes it).

                In a folder, the section is looked for as 'seealso FOLDER --section NAME' opens \
                it: in the first article, in path order, with that heading or id, else in the \
                first with a heading that starts with NAME; when none has, the error lists the \
                close matches from all of them. Of several files with one title, only the first \
                opens, and only it is looked in. Files of the folder that cannot be \
                loaded are reported after the bookmark is saved, and the status is then 65.

                Examples:
                  seealso bookmarks add --section "October Revolution"
                  seealso bookmarks add my-article.txt --section Background \\
                    --note "reread"
                  seealso bookmarks add articles/ --section "See also"
                  seealso bookmarks add --item "strategy: Municipalism"
                """)

        @OptionGroup var article: BookmarkedArticleOptions
        @Option(help: "The section, as 'seealso --section' finds it: its id as written (lead, see-also-2), else its heading (case and accents aside), else its id in any case, else the start of its heading.")
        var section: String?
        @Option(help: "Instead of --section: the See-also topic, example or strategy, as 'seealso --item' finds it ('kind: NAME' looks among that kind).")
        var item: String?
        @Option(help: "A note to keep with the bookmark.") var note: String?
        @OptionGroup var store: StoreOptions

        func validate() throws {
            switch (section, item) {
            case (nil, nil): throw ValidationError("Give --section or --item: what to bookmark.")
            case (_?, _?): throw ValidationError("Give --section or --item, not both.")
            default: break
            }
            try requireName(section, of: "--section")
            try requireName(item, of: "--item")
            // Refused before anything is read: a bookmark is opened again from its file, and
            // what came through a pipe is gone once read.
            if article.readsStream {
                let source = article.readsStandardInput ? "standard input" : "a pipe"
                throw ValidationError("An article read from \(source) cannot be bookmarked: a bookmark needs a file to come back to. Give the article's PATH.")
            }
        }

        func run() throws {
            // Where `seealso PATH --section NAME` opens: an unknown NAME is the same error (64,
            // with the close matches, across a folder), and the same article is bookmarked.
            let indexDirectory = CorpusIndex.defaultDirectory(environment: ProcessEnvironment.variables())
            let opened = try Exploration(file: article.file, section: section, item: item).open(indexDirectory: indexDirectory)
            let model = opened.opening.first
            // An item is bookmarked in its section, as the explorer's m bookmarks it; a See-also
            // topic opens as its card, and m there bookmarks the topic so too (QA 22: the card
            // was not looked for, and `--item Anarchism` ended on a failed precondition).
            let (index, itemID): (Int, String?) = switch opened.target {
            case .section(let index)?: (index, nil)
            case .item(let id)?, .card(let id)?: (model.sectionIndex(of: id) ?? 0, id)
            default: preconditionFailure("--section opens at a section, --item at an item or its card")
            }
            let store = try store.open()
            let (result, before) = try StoreFailure.reporting {
                let before = try store.bookmarks(at: index, itemID: itemID, in: model).first?.note
                return (try store.addBookmarkIfAbsent(in: model, sectionIndex: index, itemID: itemID, note: note), before)
            }
            let bookmark = result.bookmark
            // Said, not done quietly: the note it had is gone (unless it is the one given), and
            // is said whole, to be put back if need be (QA 40: it was gone for good, where the
            // explorer and `import` never drop a note).
            let was = before.map { " (it was \u{201C}\($0.neutralized)\u{201D})" } ?? ""
            let what = result.added ? "bookmarked" : note == nil ? "already bookmarked"
                : bookmark.note == before ? "already bookmarked, note unchanged"
                : "already bookmarked, note " + (bookmark.note == nil ? "removed" : "replaced") + was
            try Output.line("\(what): #\(bookmark.id) \(bookmark.articleTitle) › \(bookmark.displayPath)")
            // As every command on a folder: the files that failed are said, and the status is 65.
            if case .folder(let catalog, _, _, _) = opened.opening, !catalog.failures.isEmpty {
                for failure in catalog.failures { Diagnostics.reportEveryProblem(of: failure) }
                throw ExitCode(65)
            }
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove",
            abstract: "Remove a bookmark by its id (see 'bookmarks list').",
            discussion: """
                Examples:
                  seealso bookmarks remove 3
                """)

        @Argument(help: "The bookmark's id, as 'bookmarks list' shows it (with or without '#').") var id: BookmarkID
        @OptionGroup var store: StoreOptions

        func run() throws {
            // Opened as the commands that only read open it: a store that is not there holds no
            // bookmark to remove, and is not created (folders and all) just to say so.
            let store = try store.openForReading()
            guard let removed = try StoreFailure.reporting({
                try store.bookmark(id: id.value) == nil ? nil : store.removeBookmark(id: id.value)
            }) else {
                Diagnostics.report(StoreError.noSuchBookmark(id: id.value).description)
                throw ExitCode(1)
            }
            try Output.line("removed: #\(removed.id) \(removed.articleTitle) › \(removed.displayPath)")
        }
    }

    struct Export: ParsableCommand {
        enum Format: String, ExpressibleByArgument, CaseIterable {
            case json, markdown
        }

        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Print every bookmark as JSON (the format 'bookmarks import' reads) or Markdown.",
            discussion: """
                The JSON form is a stable interface: {"version": 1, "bookmarks": [{"article", \
                "articleHash", "section" (id), "heading", "sectionPath", "item", "itemName", "note", \
                "createdAt" (ISO 8601, UTC: 2025-05-01T12:00:00Z)}]}, oldest first, every key \
                present (null when empty). A bookmark that 'bookmarks import' would refuse (a \
                database edited by hand: an empty heading, say) is left out and said on stderr, \
                and the exit status is then 65.

                Examples:
                  seealso bookmarks export --format json > bookmarks.json
                  seealso bookmarks export --format markdown > reading-list.md
                """)

        @Option(help: "json or markdown.") var format: Format
        @OptionGroup var store: StoreOptions

        func run() throws {
            let store = try store.openForReading()
            switch format {
            case .json: try List.write(try StoreFailure.reporting { try store.exportedBookmarksJSON() })
            case .markdown: try Output.write(try StoreFailure.reporting { try store.exportBookmarksMarkdown() })
            }
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Add the bookmarks of a JSON export; ones already there are merged, not doubled.",
            discussion: """
                A bookmark is merged into one there before with the same article, section id, \
                heading and item when no note is lost by it: the same note, or one of the two has \
                none (the note is kept); into one the same file added, only when the two are the \
                same in all. One whose note differs from those of the bookmarks on its place is \
                added beside them, and the summary counts it (2 added (1 beside a bookmark with \
                another note), 0 merged): no note is dropped, and an export imported into an empty \
                store exports as the same file. \
                Nothing is imported unless everything is: a bookmark with an empty article, section \
                or heading, or a date that does not exist (2020-02-30T10:00:00Z), refuses the file, \
                with the bookmark and field at fault (bookmarks[1].createdAt). FILE - (or /dev/stdin) \
                reads standard input, as an article PATH - does.

                Examples:
                  seealso bookmarks import bookmarks.json
                  ssh laptop seealso bookmarks export --format json |
                    seealso bookmarks import -
                """)

        @Argument(help: "A file written by 'bookmarks export --format json', or - for standard input.", completion: .file())
        var file: String
        @OptionGroup var store: StoreOptions

        func validate() throws { try requirePath(file, of: "FILE") }

        /// Whether FILE is standard input (`-`, see `StandardInput`): it was opened as a file
        /// named "-" ("-: no such file"), unlike every article PATH.
        var readsStandardInput: Bool { StandardInput.isNamed(by: file) }

        func run() throws {
            // A folder or a device is named as such (both used to be "permission denied"); a
            // pipe is read, as `--config` reads one (`bookmarks import <(ssh host seealso
            // bookmarks export --format json)`).
            let data: Data
            do {
                data = Data(try readsStandardInput ? StandardInput.bytes() : RegularFile.bytes(namedAtPath: file))
            } catch is StandardInput.IsATerminal {
                // A usage error, as for an article's `-`: nothing to read, only a person typing.
                Diagnostics.report(StandardInput.IsATerminal(what: "a bookmarks export",
                                                             source: "ssh laptop seealso bookmarks export --format json",
                                                             command: TypedCommand.line, spelled: file).description)
                throw ExitCode(64)
            } catch let error as SourceError {
                Diagnostics.report(error.description)
                throw ExitCode(66)
            }
            // Checked before the store is opened: a file that is refused, or that holds no
            // bookmark, changes nothing, and creates no data folder or database either.
            let name = readsStandardInput ? StandardInput.displayName : file
            let bookmarks = try StoreFailure.reporting(importFile: name) { try BookmarkImport(json: data) }
            guard bookmarks.count > 0 else {
                _ = try store.openForReading()  // still says when DIR is no usable store
                try Output.line("imported: 0 added, 0 merged")
                return
            }
            let store = try store.open()
            let result = try StoreFailure.reporting { try store.importBookmarks(bookmarks) }
            let beside = result.beside > 0 ? " (\(result.beside) beside a bookmark with another note)" : ""
            try Output.line("imported: \(result.added) added\(beside), \(result.merged) merged")
        }
    }
}

/// `12` or `#12`, as `bookmarks list` prints it.
struct BookmarkID: ExpressibleByArgument {
    var value: Int64

    init?(argument: String) {
        guard let value = Int64(argument.hasPrefix("#") ? String(argument.dropFirst()) : argument) else { return nil }
        self.value = value
    }
}
