/// Where text that must be UTF-8 is not: the line, the bad byte's place in it and the byte, as
/// `invalid UTF-8: byte 0xFF at byte 5 of the line`. Shared by articles, links files and the
/// config file, so that every one of them points at the bad byte the same way.
///
/// The place is counted in bytes and said so. A line that is no UTF-8 has no sure count of
/// characters (an editor shows the bad byte as one "�" or as "<e9>", four columns), and
/// "column 4" was read as the fourth character; bytes are what `cut -b`, `od` and `xxd` count.
public struct InvalidUTF8: Equatable, Sendable {
    public var line: Int
    /// The bad byte's place in its line, from 1, in bytes.
    public var position: Int
    public var byte: UInt8

    public var message: String {
        "invalid UTF-8: byte 0x\(String(byte, radix: 16, uppercase: true)) at byte \(position) of the line"
    }

    /// `message`, for the first bad byte of `file`, with the `advice` its bytes give.
    public func message(in file: [UInt8]) -> String {
        message + (Self.advice(for: file).map { " " + $0 } ?? "")
    }

    /// What the whole file's bytes suggest about bad bytes in it, in brackets, to follow the
    /// first one's `message`; nil when they suggest nothing. A file whose text is mostly not
    /// UTF-8 was saved in another encoding, which iconv converts: Latin-1 or Windows-1252 (its
    /// superset) when its bytes beyond ASCII are few among its letters, as accents are; an
    /// 8-bit encoding of another script when most of its letters are such bytes (Cyrillic,
    /// Greek…, which the bytes do not tell apart: QA 38, a CP1251 Russian file was told to
    /// convert from Windows-1252, which garbled it); a double-byte one when those bytes come
    /// in pairs (Japanese, Chinese, Korean). One that is mostly UTF-8 is UTF-8 with a character
    /// pasted from such a file: converting it would garble its UTF-8 text, so the character
    /// is to be retyped, and it is named as Windows-1252 reads the byte.
    public static func advice(for bytes: [UInt8]) -> String? {
        guard let first = first(in: bytes) else { return nil }
        // NUL bytes beside bytes that are no UTF-8: a program, an image, an archive, which no
        // conversion makes text (QA 40: an ELF file was told to convert from Cyrillic). Text
        // in UTF-16 has them too, and is told so before this (`utf16`).
        if bytes.contains(0) { return "(NUL bytes in it too: binary data, not text?)" }
        let census = ByteCensus(bytes)
        if census.looksDoubleByte {
            return "(a double-byte encoding? EUC-JP or SHIFT_JIS for Japanese, GBK for Chinese, EUC-KR for Korean: "
                + "convert with: iconv -f ENCODING -t UTF-8)"
        }
        guard census.isMostlyUTF8 else {
            guard census.looksLikeAnotherScript else { return "(Latin-1 or Windows-1252? convert with: iconv -f WINDOWS-1252 -t UTF-8)" }
            return "(an 8-bit encoding of a script such as Cyrillic or Greek? CP1251 or KOI8-R, ISO-8859-7…: "
                + "convert with: iconv -f ENCODING -t UTF-8)"
        }
        guard let character = windows1252(first.byte) else { return nil }
        return "('\(character.quotable)' in Windows-1252, among UTF-8 text: retype it)"
    }

    /// What a file's bytes beyond ASCII are: how many make UTF-8 characters and how many do
    /// not, and what the others look like.
    struct ByteCensus {
        /// Bytes of UTF-8 characters beyond ASCII.
        private(set) var inUTF8 = 0
        /// ASCII letters, and bytes beyond ASCII: the letters of an 8-bit text.
        private(set) var asciiLetters = 0
        private(set) var high = 0
        /// Runs of bytes beyond ASCII, and those of an even length.
        private(set) var runs = 0
        private(set) var evenRuns = 0

        init(_ bytes: [UInt8]) {
            var run = 0
            func endRun() {
                if run > 0 {
                    runs += 1
                    if run.isMultiple(of: 2) { evenRuns += 1 }
                }
                run = 0
            }
            for byte in bytes {
                if byte >= 0x80 {
                    high += 1
                    run += 1
                } else {
                    endRun()
                    if (byte | 0x20) >= UInt8(ascii: "a"), (byte | 0x20) <= UInt8(ascii: "z") { asciiLetters += 1 }
                }
            }
            endRun()
            var iterator = bytes.makeIterator()
            var decoder = UTF8()
            decoding: while true {
                switch decoder.decode(&iterator) {
                case .scalarValue(let scalar): if !scalar.isASCII { inUTF8 += UTF8.width(scalar) }
                case .emptyInput: break decoding
                case .error: continue
                }
            }
        }

        /// Bytes beyond ASCII that make no UTF-8 character.
        var bad: Int { high - inUTF8 }

        /// Whether the bytes beyond ASCII are mostly UTF-8 characters: some of another
        /// encoding's happen to make one (CP1251's "Чё", D7 B8, is U+05F8).
        var isMostlyUTF8: Bool { inUTF8 >= bad }

        /// Too few bytes beyond ASCII tell nothing of a script: Latin-1 is the likeliest.
        private var isEvidence: Bool { high >= 8 }

        /// Most letters are bytes beyond ASCII: a script's alphabet, not Latin accents.
        var looksLikeAnotherScript: Bool { isEvidence && high * 2 > high + asciiLetters }

        /// Bytes beyond ASCII in runs of even lengths, many of them no UTF-8: characters of
        /// two bytes each (UTF-8's Japanese runs are threes).
        var looksDoubleByte: Bool { isEvidence && evenRuns * 10 >= runs * 9 && bad * 4 >= high }
    }

    /// The character Windows-1252 has for `byte` (Latin-1's from 0xA0 on, its own below);
    /// nil for an ASCII byte and for the five it leaves undefined.
    static func windows1252(_ byte: UInt8) -> String? {
        guard byte >= 0x80 else { return nil }
        guard byte < 0xA0 else { return String(Character(Unicode.Scalar(byte))) }
        let low: [UInt32] = [0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
                             0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178]
        return Unicode.Scalar(low[Int(byte - 0x80)]).flatMap { $0.value == 0 ? nil : String(Character($0)) }
    }

    /// Why `bytes` is no UTF-8 when it is UTF-16 (as some Windows editors save), said at line
    /// 1 with the command that converts it; nil otherwise. The first bad byte alone, "invalid
    /// UTF-8: byte 0xFF at column 1", did not say what the file was, nor what to do.
    /// UTF-32 is told apart first: its little-endian mark begins as UTF-16's does, and the
    /// UTF-16 command made it garbage.
    public static func utf16(_ bytes: [UInt8]) -> String? {
        let encoding: String
        if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) || bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) {
            encoding = "UTF-32"
        } else if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            encoding = "UTF-16"
        } else if let order = utf16WithoutMark(bytes) {
            return "it is UTF-16\(order) without a byte-order mark (a NUL byte in every other one); seealso reads UTF-8 "
                + "(convert with: iconv -f UTF-16\(order) -t UTF-8)"
        } else {
            return nil
        }
        return "it is \(encoding) (it starts with a \(encoding) byte-order mark); seealso reads UTF-8 (convert with: iconv -f \(encoding) -t UTF-8)"
    }

    /// "LE" or "BE" when `bytes` start as text of the first 256 characters in UTF-16 does,
    /// without a byte-order mark (as `iconv -t UTF-16LE` writes it): a NUL byte in every
    /// other one of the first 8 to 64, and none in the others. QA 38: "text after the
    /// heading's closing '=': '^@'".
    static func utf16WithoutMark(_ bytes: [UInt8]) -> String? {
        let start = bytes.prefix(64)
        guard start.count >= 8, start.count.isMultiple(of: 2) else { return nil }
        let even = stride(from: 0, to: start.count, by: 2).map { start[$0] }
        let odd = stride(from: 1, to: start.count, by: 2).map { start[$0] }
        if odd.allSatisfy({ $0 == 0 }), !even.contains(0) { return "LE" }
        if even.allSatisfy({ $0 == 0 }), !odd.contains(0) { return "BE" }
        return nil
    }

    /// The first bad byte of a whole file, or nil when it is UTF-8. Lines end at LF; a
    /// leading byte-order mark is three bytes of line 1, as `cut -b` counts them (QA 30: "at
    /// byte 4" of a byte that `cut -b7` shows).
    public static func first(in bytes: [UInt8]) -> InvalidUTF8? {
        var start = 0
        var number = 1
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            if let problem = inLine(bytes[start..<end], number: number) { return problem }
            start = end + 1
            number += 1
        }
        return nil
    }

    /// The first bad byte of one line (without its LF), or nil when the line is UTF-8.
    /// `before`: bytes of the line that `bytes` leaves out (a byte-order mark), counted.
    public static func inLine(_ bytes: ArraySlice<UInt8>, number: Int, before: Int = 0) -> InvalidUTF8? {
        var offset = 0
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: return nil
            case .error: return InvalidUTF8(line: number, position: before + offset + 1, byte: bytes[bytes.startIndex + offset])
            }
        }
    }
}
