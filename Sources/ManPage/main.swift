// seealso-manpage: writes seealso's manual page (roff, man(7) macros) from the command's own
// definitions, as `seealso --experimental-dump-help` prints them, so the page cannot drift
// from `--help`. Used by `make build`:
//
//     seealso --experimental-dump-help | seealso-manpage --version 0.1.0 --date 2025-01-31 > seealso.1
//
// (swift-argument-parser's GenerateManual plugin does the same job but drops every non-ASCII
// character (→, é, ›), needs `swift package` and rebuilds the package itself; this one keeps
// the text whole and runs on any built binary.)

import Foundation

struct ToolInfo: Decodable {
    var command: CommandInfo
}

struct CommandInfo: Decodable {
    var commandName: String
    var abstract: String?
    var discussion: String?
    var shouldDisplay: Bool?
    var superCommands: [String]?
    var defaultSubcommand: String?
    var subcommands: [CommandInfo]?
    var arguments: [ArgumentInfo]?
}

struct ArgumentInfo: Decodable {
    struct Name: Decodable {
        var kind: String
        var name: String

        var text: String {
            switch kind {
            case "short": "-" + name
            case "longWithSingleDash": "-" + name
            default: "--" + name
            }
        }
    }

    var kind: String
    var shouldDisplay: Bool?
    var isOptional: Bool?
    var isRepeating: Bool?
    var names: [Name]?
    var valueName: String?
    var defaultValue: String?
    var allValues: [String]?
    var abstract: String?
    var discussion: String?

    var isHelpOrVersion: Bool {
        (names ?? []).contains { $0.name == "help" || $0.name == "version" }
    }
}

/// Text made safe for roff: backslashes escaped, non-ASCII as `\[uXXXX]` (groff and mandoc
/// both know it, with or without preconv), and a leading `.` or `'` kept from being a request.
func roff(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\\": out += "\\e"
        default:
            if scalar.isASCII {
                out.unicodeScalars.append(scalar)
            } else {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out += "\\[u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "]"
            }
        }
    }
    if out.hasPrefix(".") || out.hasPrefix("'") { out = "\\&" + out }
    return out
}

/// A command or option name: dashes as `\-`, which stays an ASCII minus when copied.
func roffName(_ text: String) -> String {
    roff(text).replacingOccurrences(of: "-", with: "\\-")
}

/// Paragraphs: blank lines separate them; lines indented by two spaces or more (examples)
/// are shown as they are, indented.
func paragraphs(_ text: String) -> [String] {
    var lines: [String] = []
    var inExample = false
    func endExample() {
        if inExample { lines += [".fi", ".RE"] }
        inExample = false
    }
    for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
        if line.trimmingCharacters(in: .whitespaces).isEmpty {
            endExample()
            if lines.last != ".PP" { lines.append(".PP") }
        } else if line.hasPrefix("  ") {
            if !inExample { lines += [".RS 4", ".nf"] }
            inExample = true
            lines.append(roffName(line.trimmingCharacters(in: .whitespaces)))
        } else {
            endExample()
            lines.append(roff(line.trimmingCharacters(in: .whitespaces)))
        }
    }
    endExample()
    while lines.last == ".PP" { lines.removeLast() }
    return lines
}

func synopsis(_ path: [String], _ arguments: [ArgumentInfo], hasSubcommands: Bool) -> String {
    var parts = ["\\fB" + roffName(path.joined(separator: " ")) + "\\fR"]
    if hasSubcommands { parts.append("[\\fIsubcommand\\fR]") }
    for argument in arguments where argument.shouldDisplay != false && !argument.isHelpOrVersion {
        let value = "\\fI" + roff(argument.valueName ?? "value") + "\\fR"
        var part: String
        switch argument.kind {
        case "positional": part = value
        case "flag": part = "\\fB" + roffName(argument.names?.first?.text ?? "") + "\\fR"
        default: part = "\\fB" + roffName(argument.names?.first?.text ?? "") + "\\fR " + value
        }
        if argument.isRepeating == true { part += " ..." }
        parts.append(argument.isOptional == false ? part : "[" + part + "]")
    }
    return parts.joined(separator: " ")
}

func options(_ arguments: [ArgumentInfo]) -> [String] {
    var lines: [String] = []
    for argument in arguments where argument.shouldDisplay != false {
        lines.append(".TP")
        let value = "\\fI" + roff(argument.valueName ?? "value") + "\\fR"
        switch argument.kind {
        case "positional":
            lines.append(value)
        case "flag":
            lines.append((argument.names ?? []).map { "\\fB" + roffName($0.text) + "\\fR" }.joined(separator: ", "))
        default:
            lines.append((argument.names ?? []).map { "\\fB" + roffName($0.text) + "\\fR " + value }.joined(separator: ", "))
        }
        var text = argument.abstract ?? ""
        if let values = argument.allValues, !values.isEmpty, argument.kind != "flag" {
            text += " (values: " + values.joined(separator: ", ") + ")"
        }
        if let defaultValue = argument.defaultValue, !defaultValue.isEmpty, argument.kind != "flag" {
            text += " (default: " + defaultValue + ")"
        }
        lines += paragraphs(text)
        if let discussion = argument.discussion, !discussion.isEmpty { lines += [".IP"] + paragraphs(discussion) }
    }
    return lines
}

func commandSections(_ command: CommandInfo, path: [String]) -> [String] {
    var lines: [String] = []
    for sub in command.subcommands ?? [] where sub.shouldDisplay != false {
        let subPath = path + [sub.commandName]
        lines.append(".SS \"" + roffName(subPath.joined(separator: " ")) + "\"")
        lines.append(synopsis(subPath, sub.arguments ?? [], hasSubcommands: (sub.subcommands ?? []).contains { $0.shouldDisplay != false }))
        lines.append(".PP")
        lines += paragraphs(sub.abstract ?? "")
        if let discussion = sub.discussion, !discussion.isEmpty { lines += [".PP"] + paragraphs(discussion) }
        let shown = (sub.arguments ?? []).filter { !$0.isHelpOrVersion }
        if !shown.isEmpty { lines += [".PP", "Options:", ".RS 4"] + options(shown) + [".RE"] }
        lines += commandSections(sub, path: subPath)
    }
    return lines
}

func page(_ info: ToolInfo, version: String, date: String) -> String {
    let root = info.command
    let name = root.commandName
    var lines = [
        ".\\\" Generated by seealso-manpage from `\(name) --experimental-dump-help`; do not edit.",
        ".TH \"\(roff(name.uppercased()))\" 1 \"\(date)\" \"\(roff(name)) \(roff(version))\" \"User Commands\"",
        ".SH NAME",
        roff(name) + " \\- " + roff(root.abstract ?? ""),
        ".SH SYNOPSIS",
    ]
    // The default subcommand's form first, as `seealso FILE --section NAME` is typed: the
    // synopsis was `seealso [subcommand]` alone, and the explorer's arguments were only under
    // its own command.
    if let explorer = root.defaultSubcommand, let command = root.subcommands?.first(where: { $0.commandName == explorer }) {
        lines += [synopsis([name], command.arguments ?? [], hasSubcommands: false), ".br"]
    }
    lines += [
        synopsis([name], root.arguments ?? [], hasSubcommands: (root.subcommands ?? []).contains { $0.shouldDisplay != false }),
        ".SH DESCRIPTION",
    ]
    lines += paragraphs(root.discussion ?? "")
    lines += [".SH OPTIONS"] + options(root.arguments ?? [])
    if (root.subcommands ?? []).contains(where: { $0.shouldDisplay != false }) {
        lines += [".SH COMMANDS"] + commandSections(root, path: [name])
    }
    lines += [
        ".SH ENVIRONMENT",
        // QA 35: TERM decides between the explorer and the outline, and was not listed.
        ".TP", "\\fBTERM\\fR", "The terminal type: not set, empty, \\fBdumb\\fR, unknown to terminfo or unable to move the cursor, \\fBseealso\\fR prints the outline instead of starting the explorer, and says why on stderr (but for \\fBdumb\\fR).",
        ".TP", "\\fBNO_COLOR\\fR", "When set and not empty, no colours: the mono theme, whatever the configuration says.",
        ".TP", "\\fBXDG_CONFIG_HOME\\fR", "The configuration is \\fI$XDG_CONFIG_HOME/seealso/config.toml\\fR (default \\fI~/.config/seealso/config.toml\\fR).",
        ".TP", "\\fBXDG_DATA_HOME\\fR", "Bookmarks and reading positions are kept in \\fI$XDG_DATA_HOME/seealso\\fR (default \\fI~/.local/share/seealso\\fR).",
        ".TP", "\\fBXDG_CACHE_HOME\\fR", "\\fBsearch\\fR keeps its index of a folder's articles in \\fI$XDG_CACHE_HOME/seealso\\fR (default \\fI~/.cache/seealso\\fR), a cache the next search rebuilds.",
        ".TP", "\\fBTERMINFO\\fR", "A folder of terminal descriptions searched before the system's, as ncurses does: the binary carries none.",
        ".TP", "\\fBCOLORFGBG\\fR", "With the \\fBauto\\fR theme, a light background here selects the light theme.",
        // What a copied binary's user has without README.md: the article form and
        // the exit statuses a script tests.
        ".SH ARTICLE FORM",
        "An article is UTF\\-8 text: \\fB= Title =\\fR on its first line; headings \\fB== Heading ==\\fR (or \\fB==Heading==\\fR) at levels 2 to 6; paragraphs separated by blank lines; list items \\fB\\- text\\fR, and \\fB\\- Name \\[u2013] description\\fR (en dash, em dash or \\fB \\- \\fR); a \\fBSee also\\fR list of article titles. Lists under headings or lead\\-ins that say \\fBexamples\\fR, \\fBcases\\fR or \\fBhistory\\fR are examples; \\fBstrategies\\fR, \\fBapproaches\\fR or \\fBtactics\\fR, strategies. Curated links may sit beside an article as \\fINAME.links.toml\\fR. \\fB\\-\\fR as a path reads the article from standard input.",
        ".SH EXIT STATUS",
        ".TP", "\\fB0\\fR", "Success.",
        ".TP", "\\fB1\\fR", "\\fBsearch\\fR found nothing, as grep; \\fBbookmarks remove\\fR found no bookmark with that id.",
        ".TP", "\\fB64\\fR", "A usage error: an unknown option or command, an unknown \\fB\\-\\-section\\fR, \\fB\\-\\-item\\fR or \\fB\\-\\-focus\\fR (the close matches are listed).",
        ".TP", "\\fB65\\fR", "Bad data: a malformed article or links file (\\fIFILE\\fR:\\fILINE\\fR: what is wrong, on standard error), a configuration that \\fBconfig \\-\\-check\\fR finds problems in, a refused import, a damaged database. In a folder the other articles are still printed.",
        ".TP", "\\fB66\\fR", "An input that cannot be read: no such file, a folder with no articles, a data folder that is a file.",
        ".TP", "\\fB74\\fR", "Output that cannot be written (a full disk, a closed standard output), or bookmarks that cannot be saved.",
        ".TP", "\\fB128+N\\fR", "The explorer ended by signal N once the session was saved: 130 for Ctrl\\-C, 143 for SIGTERM, 129 for SIGHUP, and so for any other signal that would end it (138 for SIGUSR1).",
        ".SH FILES",
        ".TP", "\\fI~/.config/seealso/config.toml\\fR", "Keys, theme, pane widths, session restore, mouse, cursor: see \\fB\(roff(name)) config \\-\\-print\\-default\\fR.",
        ".TP", "\\fI~/.local/share/seealso/state.sqlite\\fR", "Bookmarks, history and the last position in each article.",
        ".SH NOTES",
        "After \\fBkill \\-9\\fR, which no program can catch, run \\fBreset\\fR to restore the terminal.",
    ]
    return lines.joined(separator: "\n") + "\n"
}

var version = "unknown"
var date = ISO8601DateFormatter.string(from: Date(), timeZone: TimeZone(identifier: "UTC")!, formatOptions: [.withFullDate])
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch argument {
    case "--version": version = arguments.popFirst() ?? version
    case "--date": date = arguments.popFirst() ?? date
    default:
        FileHandle.standardError.write(Data("usage: seealso --experimental-dump-help | seealso-manpage [--version V] [--date YYYY-MM-DD]\n".utf8))
        exit(64)
    }
}
let input = FileHandle.standardInput.readDataToEndOfFile()
do {
    let info = try JSONDecoder().decode(ToolInfo.self, from: input)
    FileHandle.standardOutput.write(Data(page(info, version: version, date: date).utf8))
} catch {
    FileHandle.standardError.write(Data("seealso-manpage: cannot read the help JSON: \(error)\n".utf8))
    exit(65)
}
