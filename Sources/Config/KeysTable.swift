import Foundation
import TUI

/// The README's table of keys, generated from the keymap (a test keeps README.md equal to it).
public enum KeysTable {
    public static let beginMarker = "<!-- keys:begin -->"
    public static let endMarker = "<!-- keys:end -->"

    /// A Markdown table: keys, what they do, and the action's name in `[keys]`, in the help
    /// screen's order (grouped as there).
    public static func markdown(_ keymap: KeyMap = .standard) -> String {
        var groups: [String] = []
        for binding in keymap.bindings where !groups.contains(binding.command.group) { groups.append(binding.command.group) }
        var lines = ["| Keys | Does | Action in `[keys]` |", "| --- | --- | --- |"]
        for group in groups {
            lines.append("| **\(group)** | | |")
            for binding in keymap.bindings where binding.command.group == group {
                // Spelt as the help spells it.
                let keys = binding.keys.isEmpty ? HelpScreen.noKey : binding.keys.map(code).joined(separator: " ")
                lines.append("| \(keys) | \(escaped(binding.command.summary)) | `\(binding.command.rawValue)` |")
            }
        }
        return lines.joined(separator: "\n") + "\n"
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
