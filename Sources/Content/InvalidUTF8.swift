/// Where text that must be UTF-8 is not: the line, the 1-based byte column and the byte, as
/// `invalid UTF-8: byte 0xFF at column 5`. Shared by articles, links files and the config
/// file, so that every one of them points at the bad byte the same way.
public struct InvalidUTF8: Equatable, Sendable {
    public var line: Int
    public var column: Int
    public var byte: UInt8

    public var message: String {
        "invalid UTF-8: byte 0x\(String(byte, radix: 16, uppercase: true)) at column \(column)"
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
        } else {
            return nil
        }
        return "it is \(encoding) (it starts with a \(encoding) byte-order mark); seealso reads UTF-8 (convert with: iconv -f \(encoding) -t UTF-8)"
    }

    /// The first bad byte of a whole file, or nil when it is UTF-8. Lines end at LF; a
    /// leading byte-order mark does not count toward line 1's columns (as in articles).
    public static func first(in bytes: [UInt8]) -> InvalidUTF8? {
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
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
    public static func inLine(_ bytes: ArraySlice<UInt8>, number: Int) -> InvalidUTF8? {
        var offset = 0
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: return nil
            case .error: return InvalidUTF8(line: number, column: offset + 1, byte: bytes[bytes.startIndex + offset])
            }
        }
    }
}
