/// The Latin letters with a stroke that Unicode gives no decomposition, read as their base
/// letter wherever accents are ignored (search, name lookups, a folder's titles): đ is d as
/// é is e. Folding by decomposition drops é's accent but leaves đ whole, so "dien bien"
/// found nothing in "Điện Biên" while "thang" found "Thăng".
///
/// The list is the one search engines fold to ASCII (Lucene's ASCIIFoldingFilter, ICU's
/// Latin-ASCII): Đ (Vietnamese, Serbo-Croatian), Ł (Polish), Ø (Danish, Norwegian), Ħ
/// (Maltese), Ŧ and Ǥ (Sami), Ɨ, Ƀ and Ƶ. A reader without the key types the base letter,
/// as they type e for é. Left alone: ß, æ and œ, which would become two letters (ss, ae, oe),
/// so a folded text would no longer have one character for each of the text's (the finder's
/// highlighted positions, search's match ranges); ı, a letter of its own in Turkish ("sık"
/// and "sik" are two words); and ð/Ð, the Icelandic eth, a letter and not a d with a stroke.
enum StrokedLetters {
    /// `scalar`'s base letter, in its case, when it is one of the list; else `scalar` itself.
    static func folded(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        bases[scalar.value] ?? scalar
    }

    private static let bases: [UInt32: Unicode.Scalar] = [
        0x0110: "D", 0x0111: "d",  // Đ đ
        0x0141: "L", 0x0142: "l",  // Ł ł
        0x00D8: "O", 0x00F8: "o",  // Ø ø
        0x0126: "H", 0x0127: "h",  // Ħ ħ
        0x0166: "T", 0x0167: "t",  // Ŧ ŧ
        0x0197: "I", 0x0268: "i",  // Ɨ ɨ
        0x0243: "B", 0x0180: "b",  // Ƀ ƀ
        0x01E4: "G", 0x01E5: "g",  // Ǥ ǥ
        0x01B5: "Z", 0x01B6: "z",  // Ƶ ƶ
    ]
}
