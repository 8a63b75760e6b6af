import Testing
@testable import TUI

/// What follows an Esc that ncurses returns on its own. It was always Esc, and the rest came
/// as keys of their own: Alt-b in the search prompt cancelled the search and then paged up
/// (b), and Home as `ESC [ 1 ~` (which TERM=xterm-256color does not list) closed the prompt,
/// ran `[` and `1` and said "~ is not bound". Esc and a character is now Alt with it; an
/// unknown CSI or SS3 sequence is read to its final byte and ignored.
@Suite("Escape sequences")
struct EscapeSequenceTests {
    /// Decodes `codes` (what was waiting after the Esc), and says how many of them it read:
    /// it must read its own sequence, and not one code past it.
    func decode(_ codes: [EscapeSequence.Code]) -> (sequence: EscapeSequence, unread: EscapeSequence.Code?, read: Int) {
        var read = 0
        let result = EscapeSequence.decode {
            defer { read += 1 }
            return read < codes.count ? codes[read] : nil
        }
        return (result.sequence, result.unread, min(read, codes.count))
    }

    func characters(_ text: String) -> [EscapeSequence.Code] {
        text.unicodeScalars.map { .character($0.value) }
    }

    @Test func escAloneIsEsc() {
        let result = decode([])
        #expect(result.sequence == .escape && result.unread == nil)
    }

    @Test func escAndACharacterIsAltWithIt() {
        #expect(decode(characters("b")).sequence == .alt("b"))
        #expect(decode(characters("B")).sequence == .alt("B"), "Alt-Shift-b keeps its case")
        #expect(decode(characters("é")).sequence == .alt("é"))
        #expect(decode(characters(" ")).sequence == .alt(" "))
        let next = decode(characters("bq"))
        #expect(next.sequence == .alt("b") && next.unread == nil && next.read == 1, "q is the next key, left waiting")
        // A lone `[` or `O` starts no sequence: it was typed with Alt.
        #expect(decode(characters("[")).sequence == .alt("["))
        #expect(decode(characters("O")).sequence == .alt("O"))
    }

    /// The editing keys by the sequences terminals send for them, when TERM names one that
    /// sends others (QA: under TERM=xterm-256color inside tmux, Home and End did nothing).
    @Test("Home, End, PgUp, PgDn, Del, Ins, the arrows, Shift-Tab and F1–F12 by other terminals' sequences", arguments: [
        ("[1~", Key.home), ("[7~", .home), ("[H", .home), ("OH", .home),
        ("[4~", .end), ("[8~", .end), ("[F", .end), ("OF", .end),
        ("[5~", .pageUp), ("[6~", .pageDown), ("[3~", .delete),
        // Ins: bound to nothing, but a key that says so (QA 25: it did nothing, and the
        // message before it stayed).
        ("[2~", .insert),
        // Arrows in both forms (QA: `ESC [ A` did nothing where the entry lists `ESC O A`).
        ("[A", .up), ("[B", .down), ("[C", .right), ("[D", .left), ("OA", .up), ("OD", .left),
        // Shift-Tab and F1–F12 as xterm, VTE and rxvt send them (QA 28: under TERM=linux and
        // xterm-mono the help's F1 and Shift-Tab did nothing).
        ("[Z", .backTab), ("OP", .function(1)), ("[11~", .function(1)), ("OS", .function(4)), ("[15~", .function(5)),
        ("[17~", .function(6)), ("[21~", .function(10)), ("[24~", .function(12)),
    ])
    func editingKeys(sequence: String, key: Key) {
        let result = decode(characters(sequence + "j"))
        #expect(result.sequence == .key(key) && result.unread == nil)
        #expect(result.read == sequence.unicodeScalars.count, "j is the next key")
    }

    @Test("Unknown CSI and SS3 sequences are read to their final byte and ignored", arguments: [
        "[1;9Z",    // an Alt-modified key no terminfo entry lists
        "[201~",    // bracketed paste's end, without a start
        "[?1;2c",   // a device attributes answer: private parameters
        "[ q",      // an intermediate byte
        "O2P",      // Shift-F1 in old xterms, with a modifier
    ])
    func unknownSequences(sequence: String) {
        let result = decode(characters(sequence + "j"))
        #expect(result.sequence == .unknown && result.unread == nil)
        #expect(result.read == sequence.unicodeScalars.count, "j, after the final byte, is the next key")
    }

    /// Bracketed paste's start: the backend then reads the text to `ESC [ 201 ~` (QA 11a).
    @Test func bracketedPasteStarts() {
        let result = decode(characters("[200~soviet"))
        #expect(result.sequence == .pasteStart && result.unread == nil)
        #expect(result.read == 5, "the text is the paste's, read by the backend")
    }

    /// Reports a terminal sends (OSC, DCS, APC strings) are read to their terminator, ST or
    /// BEL, and ignored. They were Alt-] (or Alt-P, Alt-_) and then their text as keys.
    @Test("Control strings are read to their terminator and ignored", arguments: [
        "]11;rgb:0000/0000/0000\u{1B}\\",  // a background colour report, ended by ST
        "]0;title\u{07}",                   // OSC ended by BEL, as xterm accepts
        "]52;c;aGk=\u{9C}",                 // ended by the C1 ST
        "P1$r0m\u{1B}\\",                  // a DECRQSS answer (DCS)
        "_Gi=1;OK\u{1B}\\",                // a kitty graphics answer (APC)
    ])
    func controlStrings(string: String) {
        let result = decode(characters(string + "j"))
        #expect(result.sequence == .unknown && result.unread == nil)
        #expect(result.read == string.unicodeScalars.count, "j, after the terminator, is the next key")
    }

    @Test func controlStringIntroducersAloneAreAltKeys() {
        for introducer in ["]", "P", "_"] {
            #expect(decode(characters(introducer)).sequence == .alt(Character(introducer)))
        }
        // A string cut by an Esc that starts no ST: ignored, and what followed the Esc is the
        // next key; cut by a key ncurses decoded: that key; cut by the end of what was
        // waiting: ignored as far as it came.
        let cutByEsc = decode(characters("]0;ti\u{1B}q"))
        #expect(cutByEsc.sequence == .unknown && cutByEsc.unread == .character(0x71))
        let cutByKey = decode(characters("P1$") + [.keyCode(0o403)])
        #expect(cutByKey.sequence == .unknown && cutByKey.unread == .keyCode(0o403))
        let unfinished = decode(characters("]11;rgb:00"))
        #expect(unfinished.sequence == .unknown && unfinished.unread == nil)
    }

    /// Alt with Backspace is readline's word rubout; Alt with Enter, Tab or another control is
    /// nothing. As Esc and then the key (QA), Alt-Backspace closed the search and went back in
    /// the history, and Alt-Enter closed it and followed a link.
    @Test func altWithAControlIsOneKey() {
        for value in [UInt32(0x7F), 0x08] {
            let result = decode([.character(value)])
            #expect(result.sequence == .alt(Key.backspaceCharacter) && result.unread == nil)
        }
        #expect(Key.alt(Key.backspaceCharacter).displayName == "Alt-Backspace")
        for value in [UInt32(0x0D), 0x09, 0x17, 0x00] {
            let result = decode([.character(value)])
            #expect(result.sequence == .unknown && result.unread == nil, "\(value)")
        }
    }

    @Test func whatDoesNotBelongToTheEscIsHandedOn() {
        // Esc, then another Esc, a C1 control or a key ncurses decoded: Esc, and then that key.
        for code in [EscapeSequence.Code.character(27), .character(0x85), .keyCode(0o403)] {
            let result = decode([code])
            #expect(result.sequence == .escape && result.unread == code, "\(code)")
        }
        // A sequence cut short by a control, or by the end of what was waiting: ignored so far.
        let cut = decode(characters("[1") + [.character(0x0D)])
        #expect(cut.sequence == .unknown && cut.unread == .character(0x0D))
        let unfinished = decode(characters("[1;"))
        #expect(unfinished.sequence == .unknown && unfinished.unread == nil)
    }
}
