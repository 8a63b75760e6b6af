/// What to send to ncurses for one cell, so that ncurses' idea of the cell's width (the
/// `wcwidth` of its first scalar; following scalars must be zero-width or `setcchar` drops
/// them) matches the buffer's. When the two disagree, the screen would shift for the rest
/// of the line, so a cell falls back to something both agree on:
/// - ZWJ sequences and skin-tone modifiers are sent as their base emoji: terminals differ
///   (tmux 3.3a joins 👨‍👩‍👧 into 2 columns but draws 👍🏽 in 4), the base is 2 everywhere;
/// - an emoji that is 2 columns only with U+FE0F (❤️) is sent as its text form plus a space;
/// - anything the C library does not know, or sizes differently, becomes U+FFFD.
enum TerminalGlyph {
    /// Scalars of `cluster` to put in one `cchar_t`, and the columns they take; when fewer
    /// than `width`, the caller pads with spaces.
    static func scalars(
        for cluster: String, width: Int, maxScalars: Int, terminalWidth: (Unicode.Scalar) -> Int
    ) -> (scalars: [Unicode.Scalar], columns: Int) {
        guard let base = cluster.unicodeScalars.first, width > 0 else { return ([" "], 1) }
        let baseWidth = terminalWidth(base)
        guard baseWidth == width || (baseWidth == 1 && width == 2) else { return (["\u{FFFD}"], 1) }

        var scalars = [base]
        for scalar in cluster.unicodeScalars.dropFirst() {
            // Anything after a spacing scalar belongs to a sequence we do not send.
            guard terminalWidth(scalar) == 0, scalars.count < maxScalars else { break }
            if scalar == "\u{200D}" { break }
            // A tag sequence (the flag of England: 🏴 and six tags) is whole or not at all:
            // cut at `maxScalars` it named no flag and left its closing tag out.
            if (0xE0000...0xE007F).contains(scalar.value) { break }
            if scalar == "\u{FE0F}" && baseWidth != 2 { continue }
            scalars.append(scalar)
        }
        return (scalars, baseWidth)
    }
}
