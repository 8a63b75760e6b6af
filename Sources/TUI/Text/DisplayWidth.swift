import Content

// Terminal column widths, computed in Swift because neither the standard library nor
// Foundation has one, and per-scalar `wcwidth` is wrong for grapheme clusters: it says 4
// for 👍🏽 and 6 for 👨‍👩‍👧, which emoji-aware terminals draw in 2 columns. Terminals do
// not all agree (tmux 3.3a joins 👨‍👩‍👧 into 2 columns but draws 👍🏽 in 4), so the backend
// sends such sequences as their base emoji, which is 2 everywhere (see `TerminalGlyph`).

extension Character {
    /// Columns this character occupies on a terminal, as drawn by `CellBuffer.put`.
    ///
    /// - A cluster takes a column per spacing scalar, as glibc's `wcwidth` and so terminals
    ///   count: "e\u{301}" is 1, a lone combining mark 0, the Devanagari "हि" (ha and the
    ///   spacing vowel sign i) 2. `terminalCells` splits such a cluster into its cells.
    /// - East Asian Wide and Fullwidth characters (CJK, kana, Hangul, fullwidth forms) are 2;
    ///   ambiguous ones (dashes, box lines, Cyrillic) are 1, as in a non-CJK UTF-8 locale.
    /// - Emoji are 2 when they have emoji presentation: by default, with U+FE0F, with a
    ///   skin-tone modifier, as a ZWJ sequence, or as a flag (a regional-indicator pair).
    /// - Unsafe scalars (`TextSafety.isUnsafe`) count as their visible replacement (`^[` is 2,
    ///   U+FFFD is 1), because that is what gets drawn. A tab counts as 1: `CellBuffer.put`
    ///   draws it as one space.
    /// - Flags and regional indicators count as the letters they are drawn as (`spelled`):
    ///   🇫🇷 is 2 ("FR"), a lone 🇫 1, England's tag sequence 6 ("GB-ENG").
    public var displayWidth: Int {
        let scalars = unicodeScalars
        guard let first = scalars.first else { return 0 }
        // Fast paths: printable ASCII, which is almost all article text, and any other lone
        // scalar (a dash, a letter with its accent precomposed, a box line, a CJK character),
        // which the rules below reduce to its replacement, its spelled letter or its width.
        if scalars.index(after: scalars.startIndex) == scalars.endIndex {
            if first.value >= 0x20 && first.value < 0x7F { return 1 }
            if first == "\t" { return 1 }
            if TextSafety.isUnsafe(first) { return TextSafety.replacement(for: first).unicodeScalars.count }
            return first.regionLetter != nil ? 1 : UnicodeWidth.of(first)
        }

        if scalars.contains(where: TextSafety.isUnsafe) {
            // Grapheme rules keep controls alone, except CR LF; count each replacement.
            return scalars.reduce(0) { total, scalar in
                if scalar == "\t" { return total + 1 }
                if TextSafety.isUnsafe(scalar) {
                    // Replacements are ASCII caret notation or U+FFFD: a column per scalar.
                    return total + TextSafety.replacement(for: scalar).unicodeScalars.count
                }
                return total + UnicodeWidth.of(scalar)
            }
        }

        if let spelled { return spelled.utf8.count }
        guard let base = scalars.first(where: { UnicodeWidth.of($0) > 0 }) else { return 0 }
        if scalars.count > 1 && UnicodeWidth.isEmojiSequence(scalars, base: base) { return 2 }
        // Any other cluster takes a column per spacing scalar, as terminals lay it out: the
        // Devanagari cluster "न्दी" (na, virama, da, vowel sign ii) is 3, not its base's 1.
        return scalars.count == 1 ? UnicodeWidth.of(base) : scalars.reduce(0) { $0 + UnicodeWidth.of($1) }
    }

    /// The ASCII letters a flag is drawn as, or nil for any other cluster. A flag is two
    /// regional indicators, which a curses cell cannot hold (one spacing character per cell:
    /// tmux showed 🇫🇷 as 🇫 and a space), and which many terminals and the Linux
    /// console cannot draw; the pair spells an ISO 3166 region code, and Unicode's emoji
    /// standard (UTS #51, annex B) says to show the letters where the flag is not supported.
    /// So 🇫🇷 is "FR", the two columns the flag takes, a lone regional indicator its letter,
    /// and a subdivision flag (🏴 and tags spelling "gbeng", then a cancel tag) its ISO 3166-2
    /// code, "GB-ENG".
    var spelled: String? {
        var letters = ""
        var isTagSequence = false
        for scalar in unicodeScalars {
            if let letter = scalar.regionLetter {
                letters.unicodeScalars.append(letter)
            } else if UnicodeWidth.isTag(scalar), let letter = Unicode.Scalar(scalar.value - 0xE0000),
                      letter.properties.isAlphabetic || letter.properties.numericType != nil {
                isTagSequence = true
                letters += String(letter).uppercased()
            }
        }
        guard !letters.isEmpty else { return nil }
        // A tag sequence names a subdivision only on the black flag; on another emoji its tags
        // are dropped as any other unknown modifier is (`TerminalGlyph`), and the emoji shown.
        guard isTagSequence else { return letters }
        guard unicodeScalars.first == "\u{1F3F4}" else { return nil }
        return letters.count > 2 ? String(letters.prefix(2)) + "-" + String(letters.dropFirst(2)) : letters
    }

    /// A cluster that terminals draw in several cells without being an emoji (a Devanagari
    /// syllable with its vowel signs), as those cells: each spacing scalar with the zero-width
    /// scalars after it. Nil when the cluster is one cell, as nearly all are.
    var terminalCells: [(text: String, width: Int)]? {
        let scalars = unicodeScalars
        guard scalars.count > 1, !scalars.contains(where: TextSafety.isUnsafe),
              let base = scalars.first(where: { UnicodeWidth.of($0) > 0 }),
              !UnicodeWidth.isEmojiSequence(scalars, base: base),
              scalars.lazy.filter({ UnicodeWidth.of($0) > 0 }).dropFirst().first != nil else { return nil }
        var cells: [(text: String, width: Int)] = []
        var text = String.UnicodeScalarView()
        var width = 0
        for scalar in scalars {
            let scalarWidth = UnicodeWidth.of(scalar)
            if scalarWidth > 0, width > 0 {
                cells.append((String(text), width))
                text = String.UnicodeScalarView()
                width = 0
            }
            text.append(scalar)
            width += scalarWidth
        }
        cells.append((String(text), width))
        return cells
    }
}

extension StringProtocol {
    /// Columns this text occupies: the sum of its characters' `displayWidth`.
    public var displayWidth: Int {
        // Printable ASCII is a column a byte, with no grapheme breaking to pay for.
        if utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return utf8.count }
        var total = 0
        for character in self { total += character.displayWidth }
        return total
    }

    /// The longest prefix whose width is at most `width`; never splits a grapheme cluster.
    public func prefix(fittingWidth width: Int) -> SubSequence {
        var used = 0
        var end = startIndex
        while end < endIndex {
            let next = index(after: end)
            let characterWidth = self[end].displayWidth
            if used + characterWidth > width { break }
            used += characterWidth
            end = next
        }
        return self[startIndex..<end]
    }

    /// This text cut to at most `width` columns, ending with `ellipsis` when something was
    /// cut. If not even the ellipsis fits, the result is the prefix that fits.
    public func truncated(toWidth width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        if displayWidth <= width { return String(self) }
        let ellipsisWidth = ellipsis.displayWidth
        guard ellipsisWidth <= width else { return String(prefix(fittingWidth: width)) }
        // A cut that falls just after a word ends in "word…", not "word …": the space would
        // read as the end of the text with a stray mark after it.
        var kept = prefix(fittingWidth: width - ellipsisWidth)
        while kept.last == " " { kept = kept.dropLast() }
        return String(kept) + ellipsis
    }

    /// This text cut to `width` columns in its middle: its start, "…", and its end, for
    /// names that a cut at the end would make alike ("Marxism…Leninism", "Marxism…–Maoism").
    /// `head`: the columns of the start (half, by default).
    public func truncatedInTheMiddle(toWidth width: Int, head headWidth: Int? = nil) -> String {
        guard displayWidth > width, width > 2 else { return truncated(toWidth: width) }
        let head = prefix(fittingWidth: Swift.min(Swift.max(headWidth ?? (width - 1) / 2, 1), width - 2))
        var tailWidth = width - 1 - head.displayWidth
        var start = endIndex
        while start > startIndex {
            let before = index(before: start)
            let characterWidth = self[before].displayWidth
            guard characterWidth <= tailWidth else { break }
            tailWidth -= characterWidth
            start = before
        }
        return String(head) + "…" + String(self[start...])
    }

    /// This text cut to `width` columns and padded with spaces to exactly `width` (a wide
    /// character that would straddle the edge becomes a space).
    public func padded(toWidth width: Int) -> String {
        guard width > 0 else { return "" }
        let fitting = prefix(fittingWidth: width)
        return String(fitting) + String(repeating: " ", count: width - fitting.displayWidth)
    }
}

/// Per-scalar widths. Tables are Unicode 14 East Asian Width (W and F); emoji added later
/// are caught by the standard library's `isEmojiPresentation`, which tracks newer Unicode.
enum UnicodeWidth {
    /// Width of one safe scalar on its own: 0, 1 or 2.
    static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x300 { return value >= 0x20 ? 1 : 0 }
        if isZeroWidth(scalar) { return 0 }
        if isWide(value) || scalar.properties.isEmojiPresentation { return 2 }
        return 1
    }

    /// Combining marks, format characters (ZWJ, ZWSP, word joiner…) and Hangul medial
    /// vowels and final consonants, which join the preceding jamo into one syllable.
    static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if (0x1160...0x11FF).contains(value) || (0xD7B0...0xD7FF).contains(value) { return true }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark: return true
        // Soft hyphen is Cf but glibc, and so ncurses, gives it a column.
        case .format: return value != 0xAD
        default: return false
        }
    }

    /// A multi-scalar cluster that terminals draw as one emoji, two columns wide.
    static func isEmojiSequence(_ scalars: String.UnicodeScalarView, base: Unicode.Scalar) -> Bool {
        if isRegionalIndicator(base) {
            return scalars.dropFirst().contains(where: isRegionalIndicator)
        }
        guard base.properties.isEmoji else { return false }
        return scalars.contains { scalar in
            scalar == "\u{FE0F}" || scalar == "\u{200D}" || scalar.properties.isEmojiModifier
        }
    }

    static func isRegionalIndicator(_ scalar: Unicode.Scalar) -> Bool { scalar.regionLetter != nil }

    /// The tag characters (U+E0020–U+E007F) that spell a subdivision flag after 🏴.
    static func isTag(_ scalar: Unicode.Scalar) -> Bool {
        (0xE0020...0xE007F).contains(scalar.value)
    }

    static func isWide(_ value: UInt32) -> Bool {
        guard value >= wideRanges[0].lowerBound else { return false }
        let candidate = wideRanges.partitioningIndex { $0.upperBound >= value }
        return candidate < wideRanges.endIndex && wideRanges[candidate].contains(value)
    }

    /// East Asian Width W or F (Unicode 14, generated from Python's `unicodedata`), plus the
    /// unassigned code points of the CJK blocks and of planes 2 and 3, which default to W.
    static let wideRanges: [ClosedRange<UInt32>] = [
        0x01100...0x0115F, 0x0231A...0x0231B, 0x02329...0x0232A, 0x023E9...0x023EC, 0x023F0...0x023F0,
        0x023F3...0x023F3, 0x025FD...0x025FE, 0x02614...0x02615, 0x02648...0x02653, 0x0267F...0x0267F,
        0x02693...0x02693, 0x026A1...0x026A1, 0x026AA...0x026AB, 0x026BD...0x026BE, 0x026C4...0x026C5,
        0x026CE...0x026CE, 0x026D4...0x026D4, 0x026EA...0x026EA, 0x026F2...0x026F3, 0x026F5...0x026F5,
        0x026FA...0x026FA, 0x026FD...0x026FD, 0x02705...0x02705, 0x0270A...0x0270B, 0x02728...0x02728,
        0x0274C...0x0274C, 0x0274E...0x0274E, 0x02753...0x02755, 0x02757...0x02757, 0x02795...0x02797,
        0x027B0...0x027B0, 0x027BF...0x027BF, 0x02B1B...0x02B1C, 0x02B50...0x02B50, 0x02B55...0x02B55,
        0x02E80...0x02E99, 0x02E9B...0x02EF3, 0x02F00...0x02FD5, 0x02FF0...0x02FFB, 0x03000...0x0303E,
        0x03041...0x03096, 0x03099...0x030FF, 0x03105...0x0312F, 0x03131...0x0318E, 0x03190...0x031E3,
        0x031F0...0x0321E, 0x03220...0x03247, 0x03250...0x04DBF, 0x04E00...0x0A48C, 0x0A490...0x0A4C6,
        0x0A960...0x0A97C, 0x0AC00...0x0D7A3, 0x0F900...0x0FAFF, 0x0FE10...0x0FE19, 0x0FE30...0x0FE52,
        0x0FE54...0x0FE66, 0x0FE68...0x0FE6B, 0x0FF01...0x0FF60, 0x0FFE0...0x0FFE6, 0x16FE0...0x16FE4,
        0x16FF0...0x16FF1, 0x17000...0x187F7, 0x18800...0x18CD5, 0x18D00...0x18D08, 0x1AFF0...0x1AFF3,
        0x1AFF5...0x1AFFB, 0x1AFFD...0x1AFFE, 0x1B000...0x1B122, 0x1B150...0x1B152, 0x1B164...0x1B167,
        0x1B170...0x1B2FB, 0x1F004...0x1F004, 0x1F0CF...0x1F0CF, 0x1F18E...0x1F18E, 0x1F191...0x1F19A,
        0x1F200...0x1F202, 0x1F210...0x1F23B, 0x1F240...0x1F248, 0x1F250...0x1F251, 0x1F260...0x1F265,
        0x1F300...0x1F320, 0x1F32D...0x1F335, 0x1F337...0x1F37C, 0x1F37E...0x1F393, 0x1F3A0...0x1F3CA,
        0x1F3CF...0x1F3D3, 0x1F3E0...0x1F3F0, 0x1F3F4...0x1F3F4, 0x1F3F8...0x1F43E, 0x1F440...0x1F440,
        0x1F442...0x1F4FC, 0x1F4FF...0x1F53D, 0x1F54B...0x1F54E, 0x1F550...0x1F567, 0x1F57A...0x1F57A,
        0x1F595...0x1F596, 0x1F5A4...0x1F5A4, 0x1F5FB...0x1F64F, 0x1F680...0x1F6C5, 0x1F6CC...0x1F6CC,
        0x1F6D0...0x1F6D2, 0x1F6D5...0x1F6D7, 0x1F6DD...0x1F6DF, 0x1F6EB...0x1F6EC, 0x1F6F4...0x1F6FC,
        0x1F7E0...0x1F7EB, 0x1F7F0...0x1F7F0, 0x1F90C...0x1F93A, 0x1F93C...0x1F945, 0x1F947...0x1F9FF,
        0x1FA70...0x1FA74, 0x1FA78...0x1FA7C, 0x1FA80...0x1FA86, 0x1FA90...0x1FAAC, 0x1FAB0...0x1FABA,
        0x1FAC0...0x1FAC5, 0x1FAD0...0x1FAD9, 0x1FAE0...0x1FAE7, 0x1FAF0...0x1FAF6, 0x20000...0x3FFFD,
    ]
}
