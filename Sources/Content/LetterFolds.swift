/// How Foundation folds case and diacritics (`folding(options: [.diacriticInsensitive,
/// .caseInsensitive])`, with or without `.widthInsensitive`) for the letters most European
/// text has beyond ASCII, written out: U+00C0–U+017F (Latin-1 Supplement letters, Latin
/// Extended-A) and U+0400–U+045F (Cyrillic). Each is folded alone, as a letter of a word is:
/// "É" → "e", "ß" → "ss", "Й" → "и".
///
/// Foundation's folding is slow to start: the first call, for the bundled article's one
/// heading with an "é", was 3 % of the instructions of loading it, and the start-up paid
/// again in page faults (perf and callgrind, 2026-11). FastPathTests checks every entry
/// against Foundation.
enum LetterFolds {
    /// The folded form of `scalar`, when it is one of the letters written out here.
    static func folded(_ scalar: Unicode.Scalar) -> String? {
        switch scalar.value {
        case 0xC0...0x17F: latin[Int(scalar.value - 0xC0)]
        case 0x400...0x45F: cyrillic[Int(scalar.value - 0x400)]
        default: nil
        }
    }

    /// U+00C0 to U+017F.
    private static let latin: [String] = [
        "a", "a", "a", "a", "a", "a", "\u{E6}", "c", "e", "e", "e", "e", "i", "i", "i", "i", "\u{F0}", "n", "o", "o",
        "o", "o", "o", "\u{D7}", "\u{F8}", "u", "u", "u", "u", "y", "\u{FE}", "ss", "a", "a", "a", "a", "a", "a",
        "\u{E6}", "c", "e", "e", "e", "e", "i", "i", "i", "i", "\u{F0}", "n", "o", "o", "o", "o", "o", "\u{F7}",
        "\u{F8}", "u", "u", "u", "u", "y", "\u{FE}", "y", "a", "a", "a", "a", "a", "a", "c", "c", "c", "c", "c", "c",
        "c", "c", "d", "d", "\u{111}", "\u{111}", "e", "e", "e", "e", "e", "e", "e", "e", "e", "e", "g", "g", "g",
        "g", "g", "g", "g", "g", "h", "h", "\u{127}", "\u{127}", "i", "i", "i", "i", "i", "i", "i", "i", "i",
        "\u{131}", "\u{133}", "\u{133}", "j", "j", "k", "k", "\u{138}", "l", "l", "l", "l", "l", "l", "\u{140}",
        "\u{140}", "\u{142}", "\u{142}", "n", "n", "n", "n", "n", "n", "\u{2BC}n", "\u{14B}", "\u{14B}", "o", "o",
        "o", "o", "o", "o", "\u{153}", "\u{153}", "r", "r", "r", "r", "r", "r", "s", "s", "s", "s", "s", "s", "s",
        "s", "t", "t", "t", "t", "\u{167}", "\u{167}", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u",
        "w", "w", "y", "y", "y", "z", "z", "z", "z", "z", "z", "s",
    ]

    /// U+0400 to U+045F.
    private static let cyrillic: [String] = [
        "\u{435}", "\u{435}", "\u{452}", "\u{433}", "\u{454}", "\u{455}", "\u{456}", "\u{456}", "\u{458}", "\u{459}",
        "\u{45A}", "\u{45B}", "\u{43A}", "\u{438}", "\u{443}", "\u{45F}", "\u{430}", "\u{431}", "\u{432}", "\u{433}",
        "\u{434}", "\u{435}", "\u{436}", "\u{437}", "\u{438}", "\u{438}", "\u{43A}", "\u{43B}", "\u{43C}", "\u{43D}",
        "\u{43E}", "\u{43F}", "\u{440}", "\u{441}", "\u{442}", "\u{443}", "\u{444}", "\u{445}", "\u{446}", "\u{447}",
        "\u{448}", "\u{449}", "\u{44A}", "\u{44B}", "\u{44C}", "\u{44D}", "\u{44E}", "\u{44F}", "\u{430}", "\u{431}",
        "\u{432}", "\u{433}", "\u{434}", "\u{435}", "\u{436}", "\u{437}", "\u{438}", "\u{438}", "\u{43A}", "\u{43B}",
        "\u{43C}", "\u{43D}", "\u{43E}", "\u{43F}", "\u{440}", "\u{441}", "\u{442}", "\u{443}", "\u{444}", "\u{445}",
        "\u{446}", "\u{447}", "\u{448}", "\u{449}", "\u{44A}", "\u{44B}", "\u{44C}", "\u{44D}", "\u{44E}", "\u{44F}",
        "\u{435}", "\u{435}", "\u{452}", "\u{433}", "\u{454}", "\u{455}", "\u{456}", "\u{456}", "\u{458}", "\u{459}",
        "\u{45A}", "\u{45B}", "\u{43A}", "\u{438}", "\u{443}", "\u{45F}",
    ]
}
