import Foundation
import TUI

/// The README's table of keys, generated from the keymap (a test keeps README.md equal to it).
public enum KeysTable {
    public static let beginMarker = "<!-- keys:begin -->"
    public static let endMarker = "<!-- keys:end -->"

    /// A Markdown table: keys, what they do, and the action's name in `[keys]`, in the help
    /// screen's order (grouped as there), then the keys of the places that read them their own
    /// way (`ContextKeys`): fixed, or those of the actions named.
    public static func markdown(_ keymap: KeyMap = .standard) -> String {
        var groups: [String] = []
        for binding in keymap.bindings where !groups.contains(binding.command.group) { groups.append(binding.command.group) }
        var lines = ["| Keys | Does | Action in `[keys]` |", "| --- | --- | --- |"]
        for group in groups {
            lines.append("| **\(group)** | | |")
            for binding in keymap.bindings where binding.command.group == group {
                lines.append("| \(keys(binding.keys)) | \(escaped(binding.command.summary)) | `\(binding.command.rawValue)` |")
            }
        }
        for place in ContextKeys.listings(keymap) {
            lines.append("| **\(escaped(place.title))** | | |")
            for row in place.rows {
                let source = row.commands.isEmpty ? "(fixed)" : "(as " + row.commands.map { "`\($0.rawValue)`" }.joined(separator: ", ") + ")"
                lines.append("| \(keys(row.keys)) | \(escaped(row.summary)) | \(source) |")
            }
            lines.append("| | \(escaped(place.otherwise)) | |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A row's keys as inline code, or the help's "(no key)" for an action left without one.
    static func keys(_ keys: [Key]) -> String {
        keys.isEmpty ? HelpScreen.noKey : keys.map(code).joined(separator: " ")
    }

    /// A key as inline code; a backtick key needs a longer fence, a pipe an escape (GitHub
    /// splits table cells on `|` even inside code).
    static func code(_ key: Key) -> String {
        let name = escaped(key.displayName)
        return name.contains("`") ? "`` \(name) ``" : "`\(name)`"
    }

    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|")
    }

    /// `readme` with the text between the markers replaced by `table`; nil when the markers
    /// are missing.
    public static func replacing(in readme: String, with table: String) -> String? {
        guard let begin = readme.range(of: beginMarker), let end = readme.range(of: endMarker, range: begin.upperBound..<readme.endIndex)
        else { return nil }
        return String(readme[..<begin.upperBound]) + "\n" + table + String(readme[end.lowerBound...])
    }

    /// The text between the markers, nil when they are missing.
    public static func table(in readme: String) -> String? {
        guard let begin = readme.range(of: beginMarker), let end = readme.range(of: endMarker, range: begin.upperBound..<readme.endIndex)
        else { return nil }
        var inner = readme[begin.upperBound..<end.lowerBound]
        if inner.hasPrefix("\n") { inner = inner.dropFirst() }
        return String(inner)
    }
}
