/// The help overlay's text, generated from the keymap that dispatches keys, so a remapped
/// key shows up here as it is.
public enum HelpScreen {
    public static func lines(_ keymap: KeyMap) -> [[TextSpan]] {
        var lines: [[TextSpan]] = []
        var groups: [String] = []
        for binding in keymap.bindings where !groups.contains(binding.command.group) { groups.append(binding.command.group) }
        let keyColumn = keymap.bindings.map { keyList($0.keys).displayWidth }.max() ?? 8
        for group in groups {
            if !lines.isEmpty { lines.append([]) }
            lines.append([TextSpan(group, Style(.heading1, bold: true))])
            for binding in keymap.bindings where binding.command.group == group && !binding.keys.isEmpty {
                let keys = keyList(binding.keys)
                let pad = String(repeating: " ", count: max(keyColumn - keys.displayWidth, 0) + 2)
                lines.append([TextSpan("  " + keys, Style(.statusKey, bold: true)), TextSpan(pad + binding.command.summary)])
            }
        }
        lines.append([])
        lines.append([TextSpan("Mouse", Style(.heading1, bold: true))])
        lines.append([TextSpan("  Click selects and focuses; click a selected row or link again to follow it; the wheel scrolls.")])
        return lines
    }

    public static func lineCount(_ keymap: KeyMap) -> Int { lines(keymap).count }

    static func keyList(_ keys: [Key]) -> String {
        keys.map(\.displayName).joined(separator: ", ")
    }
}
