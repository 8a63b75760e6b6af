/// Characters from the bytes a terminal sends, decoded here rather than by ncurses'
/// `wget_wch`: that kept the bytes of an invalid sequence (a stray 0xFF, or é from a Latin-1
/// terminal) and appended every later byte to them, waiting for a character that could not
/// come, so ordinary keys vanished until a function key reset it (`q` pressed five times
/// did not quit; `/caf`, é, ` soviet` left `/caf`). An invalid sequence is dropped here, and
/// the byte that showed it invalid is the next key's.
enum UTF8Input {
    /// The character that `first` starts, reading its continuation bytes from `next` (nil:
    /// none came in time; a value over 0xFF: a key ncurses decoded). `scalar` is nil for an
    /// invalid sequence; `unread` is a code read that is not part of it, the start of the
    /// next key.
    static func decode(first: UInt8, next: () -> Int32?) -> (scalar: UInt32?, unread: Int32?) {
        let length: Int
        switch first {
        case 0x00..<0x80: return (UInt32(first), nil)
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return (nil, nil) // a continuation byte alone, or a byte UTF-8 never uses
        }
        var bytes = [first]
        while bytes.count < length {
            guard let code = next() else { return (nil, nil) }
            guard (0x80...0xBF).contains(code) else { return (nil, code) }
            bytes.append(UInt8(code))
        }
        // The lead byte's length is not the whole rule: overlong forms, surrogates and
        // values past U+10FFFF are invalid too.
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        guard case .valid(let encoded) = parser.parseScalar(from: &iterator) else { return (nil, nil) }
        return (Unicode.UTF8.decode(encoded).value, nil)
    }
}
