/// Article text is untrusted: it may carry escape sequences that would retitle a terminal,
/// write to its clipboard, or overwrite the screen. The model keeps text as written; every
/// output passes it through `neutralized` first.
///
/// Replacements are visible, so a reader sees that something was there:
/// - C0 controls and DEL in caret notation, as `cat -v` and git do (`ESC` → `^[`, CR → `^M`);
/// - C1 controls U+0080–U+009F (U+009B alone is a complete CSI on many terminals), bidi
///   embeddings, overrides and isolates, and the Unicode line/paragraph separators → U+FFFD.
public enum TextSafety {
    public static let replacementCharacter: Unicode.Scalar = "\u{FFFD}"

    /// Whether a scalar must never reach a terminal as is. Tab counts: outputs expand it.
    @inline(__always)
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x20 || value == 0x7F { return true }
        if value < 0x80 { return false }
        return (0x80...0x9F).contains(value)
            || (0x202A...0x202E).contains(value)
            || (0x2066...0x2069).contains(value)
            || value == 0x2028 || value == 0x2029
    }

    public static func containsUnsafe(_ text: String) -> Bool {
        text.unicodeScalars.contains(where: isUnsafe)
    }

    /// Whether valid UTF-8 holds a scalar that `isUnsafe` says is, tab aside. By byte: the
    /// parser asks it of every line, and walking the scalars took 2 % of loading the bundled
    /// article (callgrind). C1 controls are C2 80–C2 9F; the bidi controls and separators
    /// E2 80 A8–E2 80 AE and E2 81 A6–E2 81 A9.
    static func containsUnsafeOtherThanTab(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < utf8.count {
            let byte = utf8[index]
            if byte < 0x80 {
                if (byte < 0x20 && byte != 0x09) || byte == 0x7F { return true }
            } else if byte == 0xC2, index + 1 < utf8.count, utf8[index + 1] <= 0x9F {
                return true
            } else if byte == 0xE2, index + 2 < utf8.count {
                let second = utf8[index + 1], third = utf8[index + 2]
                if (second == 0x80 && (0xA8...0xAE).contains(third)) || (second == 0x81 && (0xA6...0xA9).contains(third)) { return true }
            }
            index += 1
        }
        return false
    }

    /// The visible stand-in for one unsafe scalar (tab excluded: callers expand it).
    public static func replacement(for scalar: Unicode.Scalar) -> String {
        let value = scalar.value
        if value < 0x20 { return "^" + String(Unicode.Scalar(UInt8(value + 0x40))) }
        if value == 0x7F { return "^?" }
        return String(replacementCharacter)
    }

    /// `text` with every unsafe scalar replaced; a tab becomes one space.
    public static func neutralized(_ text: String) -> String {
        guard containsUnsafe(text) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if !isUnsafe(scalar) {
                result.append(scalar)
            } else if scalar == "\t" {
                result.append(" ")
            } else {
                result.append(contentsOf: replacement(for: scalar).unicodeScalars)
            }
        }
        return String(result)
    }
}

extension String {
    /// This text made safe to print (see `TextSafety`).
    public var neutralized: String { TextSafety.neutralized(self) }

    /// This text on one line: each line break (LF, CR LF, CR) a space. For a rationale a links
    /// file writes over several lines (a TOML `"""` string), printed where a line is a row:
    /// `links`, the Markdown appendix, a DOT tooltip (QA 38: "Multi^Jline rationale").
    public var onOneLine: String {
        let isLineBreak: (Character) -> Bool = { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
        guard contains(where: isLineBreak) else { return self }
        return split(omittingEmptySubsequences: false, whereSeparator: isLineBreak).joined(separator: " ")
    }

    /// This text made safe to print inside a message's quotes, with every character that
    /// shows nothing but the space (`Unicode.Scalar.showsNothing`) named, `<U+200B>`: quoted
    /// as is, `'\u{200B}'` read as `''`.
    public var quotable: String {
        var result = ""
        for scalar in neutralized.unicodeScalars {
            if scalar != " ", scalar.showsNothing {
                result += "<" + scalar.codePointName + ">"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
