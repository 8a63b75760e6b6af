import Testing
@testable import TUI

/// The bytes of a key, decoded by the backend. ncurses' `wget_wch` kept an invalid sequence's
/// bytes and appended every later byte to them: after one stray byte, `q` pressed five times
/// did not quit (QA).
@Suite("UTF-8 input")
struct UTF8InputTests {
    /// Decodes `bytes` (the first, then what was waiting), and says how many were read.
    func decode(_ bytes: [Int32]) -> (scalar: UInt32?, unread: Int32?, read: Int) {
        var read = 1
        let result = UTF8Input.decode(first: UInt8(bytes[0])) {
            defer { read += 1 }
            return read < bytes.count ? bytes[read] : nil
        }
        return (result.scalar, result.unread, min(read, bytes.count))
    }

    func bytes(_ text: String) -> [Int32] { text.utf8.map(Int32.init) }

    @Test("Characters of one to four bytes", arguments: ["q", "é", "ж", "中", "😀"])
    func characters(text: String) {
        let result = decode(bytes(text) + bytes("j"))
        #expect(result.scalar == text.unicodeScalars.first?.value && result.unread == nil)
        #expect(result.read == text.utf8.count, "j is the next key, left waiting")
    }

    @Test("Bytes that start no character are dropped", arguments: [Int32(0xFF), 0xFE, 0xC0, 0xC1, 0xF5, 0x80, 0xBF])
    func strayBytes(byte: Int32) {
        let result = decode([byte] + bytes("q"))
        #expect(result.scalar == nil && result.unread == nil && result.read == 1, "q is the next key, left waiting")
    }

    /// A Latin-1 é (0xE9) followed by a space: 0xE9 starts a three-byte character, the space
    /// shows it is none, and the space is the next key, not lost.
    @Test func aSequenceCutShortHandsOnWhatCutIt() {
        let result = decode([0xE9] + bytes(" soviet"))
        #expect(result.scalar == nil && result.unread == 0x20 && result.read == 2)
        let byAKey = decode([0xC3, 0o402])
        #expect(byAKey.scalar == nil && byAKey.unread == 0o402, "a key ncurses decoded (Down) is the next key")
        let unfinished = decode([0xE4, 0xB8])
        #expect(unfinished.scalar == nil && unfinished.unread == nil)
    }

    @Test("Overlong forms, surrogates and values past U+10FFFF are invalid", arguments: [
        [Int32(0xE0), 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF0, 0x80, 0x80, 0xAF],
    ])
    func invalidSequences(sequence: [Int32]) {
        let result = decode(sequence + bytes("j"))
        #expect(result.scalar == nil && result.unread == nil)
        #expect(result.read == sequence.count)
    }
}
