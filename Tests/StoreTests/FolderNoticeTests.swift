import Content
import Foundation
import Testing
import TestSupport
import TUI
@testable import seealso

/// What the status line says of a folder's files that could not be loaded, beside why the
/// article read last did not open (QA 26: one file's problem was said twice in a row).
@Suite("A folder's start-up notice")
struct FolderNoticeTests {
    let catalog = FolderCatalog(entries: [.init(path: "a.txt", title: "Alpha", seeAlso: [])],
                                failures: [SourceError(path: "b.txt", line: 5, message: "unbalanced heading"),
                                           SourceError(path: "c.txt", line: 1, message: "no title")])
    let keymap = KeyMap.standard

    @Test func everyFailureIsCountedWhenNoneWasSaid() {
        #expect(Exploration.notices(of: catalog, keymap: keymap) == ["1 article (: lists it)", "2 could not be loaded: b.txt:5: unbalanced heading …"])
    }

    @Test func theOneSaidAsTheArticleReadLastIsLeftOut() {
        #expect(Exploration.notices(of: catalog, keymap: keymap, said: "b.txt:5: unbalanced heading")
            == ["1 article (: lists it)", "1 other could not be loaded: c.txt:1: no title"])
        let alone = FolderCatalog(entries: catalog.entries, failures: [catalog.failures[0]])
        #expect(Exploration.notices(of: alone, keymap: keymap, said: "b.txt:5: unbalanced heading") == ["1 article (: lists it)"])
    }

    /// QA 29: "2 other could not be loaded".
    @Test func othersInThePlural() {
        let three = FolderCatalog(entries: catalog.entries, failures: catalog.failures + [SourceError(path: "d.txt", line: 1, message: "no title")])
        #expect(Exploration.notices(of: three, keymap: keymap, said: "b.txt:5: unbalanced heading").last
            == "2 others could not be loaded: c.txt:1: no title …")
    }

    /// QA 29: files of one title beside one told apart by case: both things are said.
    @Test func titlesAlikeAndTheSameTitleAreBothSaid() {
        let titles = FolderCatalog(entries: ["a.txt", "b.txt", "c.txt"].map { .init(path: $0, title: $0 == "b.txt" ? "apple" : "Apple", seeAlso: []) },
                                   failures: [])
        #expect(Exploration.notices(of: titles, keymap: keymap).last == "\u{201C}Apple\u{201D} and \u{201C}apple\u{201D} differ only in case, dash "
            + "or apostrophe: links to them open a topic card, and of files with one title only the first opens")
    }

    /// QA 30: "(and 1 more titles)".
    @Test func oneMoreTitleInTheSingular() {
        let titles = FolderCatalog(entries: ["Apple", "apple", "Zeta", "zeta"].enumerated().map { .init(path: "\($0.offset).txt", title: $0.element, seeAlso: []) },
                                   failures: [])
        #expect(Exploration.notices(of: titles, keymap: keymap).last?.contains("differ only in case, dash or apostrophe (and 1 more title): ") == true,
                "\(Exploration.notices(of: titles, keymap: keymap))")
    }

    /// Files are counted, not problems: a links file's three are one file that could not be loaded.
    @Test func theFilesAreCounted() {
        let links = FolderCatalog(entries: catalog.entries, failures: [2, 8, 9].map { SourceError(path: "b.links.toml", line: $0, message: "no such topic") })
        #expect(Exploration.notices(of: links, keymap: keymap) == ["1 article (: lists it)", "1 could not be loaded: b.links.toml:2: no such topic …"])
    }
}

/// `checkShortOptions` reads the word after an option as its value unless the option is a
/// flag: its list must hold every flag the commands have, or `--json -vh` reads as a value.
@Suite("The command line's flags")
struct CommandFlagsTests {
    @Test func everyFlagIsKnownToTheShortOptionCheck() throws {
        let scratch = try TemporaryDirectory()
        let help = try seealso(["--experimental-dump-help"], in: scratch)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(help.stdout.utf8)) as? [String: Any])
        var flags: Set<String> = [], options: Set<String> = []
        func walk(_ command: [String: Any]) {
            for argument in command["arguments"] as? [[String: Any]] ?? [] {
                for name in argument["names"] as? [[String: Any]] ?? [] where name["kind"] as? String == "long" {
                    switch argument["kind"] as? String {
                    case "flag": flags.insert("--" + (name["name"] as? String ?? ""))
                    case "option": options.insert("--" + (name["name"] as? String ?? ""))
                    default: break
                    }
                }
            }
            for subcommand in command["subcommands"] as? [[String: Any]] ?? [] { walk(subcommand) }
        }
        walk(try #require(json["command"] as? [String: Any]))
        #expect(flags.contains("--json") && flags.contains("--no-restore"))
        #expect(flags.isSubset(of: CommandNames.flags), "\(flags.subtracting(CommandNames.flags))")
        // And the options that take a value, which no dash hint takes for a dashed name.
        #expect(options.contains("--data-dir"))
        #expect(options == CommandNames.valueOptions, "\(options.symmetricDifference(CommandNames.valueOptions))")
    }
}
