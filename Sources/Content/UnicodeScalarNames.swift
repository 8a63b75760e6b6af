extension Unicode.Scalar {
    /// "U+200B": how messages name a character that cannot be shown as itself.
    public var codePointName: String {
        let digits = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(4 - digits.count, 0)) + digits
    }

    /// The capital letter a regional indicator stands for (🇫 is F), or nil for any other
    /// scalar. Two of them are a flag, spelling its region ("FR" for 🇫🇷): its slug's words,
    /// what the explorer shows where a terminal cell cannot hold it, and what search finds it by.
    public var regionLetter: Unicode.Scalar? {
        (0x1F1E6...0x1F1FF).contains(value) ? Unicode.Scalar(value - 0x1F1E6 + 0x41) : nil
    }

    /// Whether this is a character that shows nothing inside a word or a title: a byte-order
    /// mark, zero-width space, (non-)joiner, word joiner, left-to-right and right-to-left
    /// marks, soft hyphen. Text pasted from elsewhere holds them where nobody sees them:
    /// a See-also entry "Мос\u{FEFF}ква" or "東京\u{200D}" reads as "Москва" and "東京", and
    /// "Lud\u{AD}dite" on screen is "Luddite", named, linked and searched as such (QA 30: it
    /// was two words, "Lud" and "dite"). Not every default-ignorable scalar: variation
    /// selectors and tags tell one emoji or flag from another.
    public var isInvisible: Bool {
        switch value {
        case 0xAD, 0x200B...0x200F, 0x2060, 0xFEFF: true
        default: false
        }
    }

    /// Whether this character shows nothing: whitespace, a format character (category Cf:
    /// zero-width space, joiners, word joiner, byte-order mark, bidi marks, soft hyphen) or
    /// another default-ignorable one (Hangul fillers, variation selectors).
    var showsNothing: Bool {
        properties.isWhitespace || properties.generalCategory == .format || properties.isDefaultIgnorableCodePoint
    }
}
