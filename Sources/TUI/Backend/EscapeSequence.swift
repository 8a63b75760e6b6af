/// What followed an Esc that ncurses returned as a key of its own, read from what was
/// already waiting: ncurses has waited ESCDELAY (25 ms) for a sequence it knows, so the rest
/// of whatever the terminal sent with the Esc is in its buffer, and nothing more is waited for.
///
/// Without this an Alt key (Esc b) was Esc and then b, and a sequence the terminfo entry does
/// not list (Home as `ESC [ 1 ~` under TERM=xterm-256color) was Esc, `[`, `1`, `~`: a prompt
/// closed and the rest ran as commands. Esc and a character is Alt with it, as in readline and
/// mutt; the editing keys by other terminals' sequences are those keys; any other CSI or SS3
/// sequence, and any OSC, DCS or APC string, is read to its end and ignored, as terminals and
/// programs ignore the sequences they do not know.
///
/// Mouse reports are escape sequences too, and are always read whole, as one event: with the
/// mouse on, ncurses decodes those of its terminfo entry's form (`kmous`) and returns
/// KEY_MOUSE; those of another form (an SGR `ESC [ <`, an X10 `ESC [ M`, an urxvt
/// `ESC [ Pb;Px;Py M`) come here. With `mouse = false` ncurses still matches `kmous` but
/// leaves the rest of the report unread (`decode(keyMouse:next:)` reads it). A terminal may
/// report with the mouse off, left so by a program that crashed or was killed: its reports
/// ran as keys (a click's `M` opened the note prompt, its release's `m` bookmarked).
enum EscapeSequence: Equatable {
    /// Esc on its own: nothing was waiting after it, or something that is no character
    /// (`unread`).
    case escape
    /// Esc and a printable character: Alt with it.
    case alt(Character)
    /// A CSI (`ESC [`) or SS3 (`ESC O`) sequence ncurses does not know, or a control string
    /// (`ESC ]`, `ESC P`, `ESC _`), read to its end.
    case unknown
    /// `ESC [ 200 ~`: a bracketed paste begins; its text follows, up to `ESC [ 201 ~`.
    case pasteStart
    /// `ESC [ M`: an X10 mouse report begins; its three bytes follow, which the caller reads
    /// as bytes (`skipX10Report`): past column 95 they are no UTF-8.
    case x10MouseReport
    /// `ESC [ < b;x;y M` (a press) or `m` (a release): an SGR mouse report, which ncurses
    /// decodes itself only where the terminfo entry's `kmous` is `ESC [ <`.
    case sgrMouseReport(SGRMouseReport)
    /// A sequence the terminfo entry does not list but that terminals send for these keys
    /// (`ESC [ 1 ~` for Home under TERM=xterm-256color inside tmux): the key.
    case key(Key)

    /// What the backend read (`CursesBackend.readCode`): a character, or a KEY_* code.
    enum Code: Equatable {
        case character(UInt32)
        case keyCode(Int32)
    }

    /// Reads what follows an Esc from `next` (nil: nothing is waiting), as far as it belongs
    /// to the Esc. `unread` is a code that was read but does not belong to it, the start of
    /// the next key: the caller hands it on.
    static func decode(next: () -> Code?) -> (sequence: EscapeSequence, unread: Code?) {
        guard let first = next() else { return (.escape, nil) }
        if case .character(let value) = first, let alt = altControl(value) { return (alt, nil) }
        guard case .character(let value) = first, let character = printable(value) else { return (.escape, first) }
        if controlStringIntroducers.contains(character) {
            // With nothing after it, the introducer was typed: Alt-] or Alt-Shift-p.
            guard let second = next() else { return (.alt(character), nil) }
            return readControlString(from: second, next: next)
        }
        guard character == "[" || character == "O" else { return (.alt(character), nil) }
        // With nothing after it, the `[` or `O` was typed: Alt-[ or Alt-Shift-o.
        guard let second = next() else { return (.alt(character), nil) }
        if character == "[", second == .character(0x4D) { return (.x10MouseReport, nil) }
        var body: [UInt32] = []
        let (sequence, unread) = readToFinalByte(from: second, next: next) { body.append($0) }
        if sequence == .unknown, unread == nil, character == "[", body == Array("200~".unicodeScalars.map(\.value)) {
            return (.pasteStart, nil)
        }
        if sequence == .unknown, unread == nil, character == "[", let report = SGRMouseReport(body) {
            return (.sgrMouseReport(report), nil)
        }
        guard sequence == .unknown, unread == nil, let key = editingKey(introducer: character, body: body) else { return (sequence, unread) }
        return (.key(key), nil)
    }

    /// What follows KEY_MOUSE when the explorer has not turned the mouse on: ncurses matched
    /// the terminfo entry's `kmous` (`ESC [ M` for screen and tmux, `ESC [ <` for xterm) but
    /// reads the rest of the report only once `mousemask` has asked for reports, and the rest
    /// ran as keys. It is decoded here as the sequence `kmous` starts, to its end.
    static func decode(keyMouse kmous: String, next: () -> Code?) -> (sequence: EscapeSequence, unread: Code?) {
        var introducer = kmous.unicodeScalars.map { Code.character($0.value) }[...]
        // An entry whose kmous is no escape sequence: nothing known to read.
        guard introducer.popFirst() == .character(0x1B) else { return (.unknown, nil) }
        return decode { introducer.popFirst() ?? next() }
    }

    /// The three bytes of an X10 mouse report after its `ESC [ M` (button, column and row,
    /// each 32 over its value; xterm sends 0 for a position past 223), read from `next` (a
    /// byte or a KEY_* code; nil: none came in time) and dropped. Returns a code read that is
    /// not part of the report, the next key's: another control, or a key ncurses decoded.
    static func skipX10Report(next: () -> Int32?) -> Int32? {
        for _ in 0..<3 {
            guard let code = next() else { return nil }
            guard code == 0 || (0x20...0xFF).contains(code) else { return code }
        }
        return nil
    }

    /// The editing keys and arrows by the sequences VT220, rxvt, the Linux console and xterm
    /// send for them (`body`: what follows `[` or `O`, final byte included), for when TERM
    /// names a terminal that sends others: Home, End, PgUp, PgDn and Del did nothing, where
    /// less and vim under the same mismatch at least move; so did the arrows of a terminal
    /// that sends `ESC [ A` where the entry lists `ESC O A` (keypad mode left off). F1–F12 and
    /// Shift-Tab too, as xterm, VTE, rxvt and tmux send them (QA 28: under TERM=linux and
    /// xterm-mono, whose entries list others or none, `?`'s F1 and Shift-Tab did nothing).
    private static func editingKey(introducer: Character, body: [UInt32]) -> Key? {
        let text = String(String.UnicodeScalarView(body.compactMap(Unicode.Scalar.init)))
        switch (introducer, text) {
        case ("[", "1~"), ("[", "7~"), ("[", "H"), ("O", "H"): return .home
        case ("[", "4~"), ("[", "8~"), ("[", "F"), ("O", "F"): return .end
        case ("[", "5~"): return .pageUp
        case ("[", "6~"): return .pageDown
        case ("[", "3~"): return .delete
        case ("[", "2~"): return .insert
        case ("[", "A"), ("O", "A"): return .up
        case ("[", "B"), ("O", "B"): return .down
        case ("[", "C"), ("O", "C"): return .right
        case ("[", "D"), ("O", "D"): return .left
        case ("[", "Z"): return .backTab
        case ("O", "P"), ("[", "11~"): return .function(1)
        case ("O", "Q"), ("[", "12~"): return .function(2)
        case ("O", "R"), ("[", "13~"): return .function(3)
        case ("O", "S"), ("[", "14~"): return .function(4)
        case ("[", "15~"): return .function(5)
        case ("[", "17~"): return .function(6)
        case ("[", "18~"): return .function(7)
        case ("[", "19~"): return .function(8)
        case ("[", "20~"): return .function(9)
        case ("[", "21~"): return .function(10)
        case ("[", "23~"): return .function(11)
        case ("[", "24~"): return .function(12)
        default: return nil
        }
    }

    /// The rest of a CSI or SS3 sequence from its first byte after `[` or `O`: parameter bytes
    /// (0x30–0x3F), intermediate bytes (0x20–0x2F), then a final byte (0x40–0x7E), as ECMA-48
    /// writes CSI. SS3 is one final byte, but older xterms and others put a modifier before it
    /// (`ESC O 2 P` for Shift-F1), which this reads too. Anything else ends the sequence
    /// there and is the next key's; so does the end of what was waiting.
    private static func readToFinalByte(from first: Code, next: () -> Code?,
                                        reading: (UInt32) -> Void) -> (sequence: EscapeSequence, unread: Code?) {
        var code: Code? = first
        while let current = code {
            guard case .character(let value) = current else { return (.unknown, current) }
            switch value {
            case 0x20...0x3F:
                reading(value)
                code = next()
            case 0x40...0x7E:
                reading(value)
                return (.unknown, nil)
            default: return (.unknown, current)
            }
        }
        return (.unknown, nil)
    }

    /// OSC (`ESC ]`), DCS (`ESC P`) and APC (`ESC _`): the strings terminals send back, a
    /// colour or capability report, or one a multiplexer passes on unasked. The explorer asks
    /// for none, but one that arrived anyway ran as Alt-] and then its text as commands.
    private static let controlStringIntroducers: Set<Character> = ["]", "P", "_"]

    /// The rest of a control string, up to its terminator: ST (`ESC \` or the C1 byte 0x9C),
    /// or BEL, which xterm also accepts after OSC. An Esc followed by anything else ends it
    /// too (ECMA-48 has no Esc inside a string), and what followed that Esc is the next key's,
    /// as is a key ncurses decoded on its own; a string cut off by the end of what was waiting
    /// is ignored as far as it came.
    private static func readControlString(from first: Code, next: () -> Code?) -> (sequence: EscapeSequence, unread: Code?) {
        var code: Code? = first
        while let current = code {
            guard case .character(let value) = current else { return (.unknown, current) }
            switch value {
            case 0x07, 0x9C:
                return (.unknown, nil)
            case 0x1B:
                let after = next()
                if case .character(0x5C)? = after { return (.unknown, nil) }
                return (.unknown, after)
            default:
                code = next()
            }
        }
        return (.unknown, nil)
    }

    /// Esc and a control character other than Esc itself: Alt with Backspace (DEL or BS) is
    /// readline's word rubout, `.alt(Key.backspaceCharacter)`; Alt with Enter, Tab or another
    /// control is nothing (`unknown`). As Esc and then the key, Alt-Backspace closed a prompt
    /// and went back in the history, and Alt-Enter closed it and followed a link.
    private static func altControl(_ value: UInt32) -> EscapeSequence? {
        switch value {
        case 0x7F, 0x08: .alt(Key.backspaceCharacter)
        case 0x1B: nil
        case 0x00..<0x20: .unknown
        default: nil
        }
    }

    /// `value` as a character when it is one a person can type and see: not a C0 or C1
    /// control, not DEL.
    private static func printable(_ value: UInt32) -> Character? {
        guard value >= 0x20, !(0x7F...0x9F).contains(value), let scalar = Unicode.Scalar(value) else { return nil }
        return Character(scalar)
    }
}

/// An SGR mouse report (`ESC [ < b;x;y M`), from its body after `[`: `<`, the button and
/// modifier bits, the 1-based column and row, in decimal, and `M` for a press or motion, `m`
/// for a release.
struct SGRMouseReport: Equatable {
    var button: Int
    var column: Int
    var row: Int
    var isRelease: Bool

    init?(_ body: [UInt32]) {
        guard body.first == 0x3C, let final = body.last, final == 0x4D || final == 0x6D else { return nil }
        let fields = String(String.UnicodeScalarView(body.dropFirst().dropLast().compactMap(Unicode.Scalar.init)))
            .split(separator: ";", omittingEmptySubsequences: false)
        // Bounded, as a terminal's column and row are: a report of a thousand digits is no click.
        guard fields.count == 3, fields.allSatisfy({ (1...6).contains($0.count) }),
              let button = Int(fields[0]), let column = Int(fields[1]), let row = Int(fields[2]) else { return nil }
        self.button = button
        self.column = column
        self.row = row
        isRelease = final == 0x6D
    }

    /// The event, as ncurses reports what the explorer asks it for (`mousemask`): a press of
    /// the first button, whatever modifier is held, and the wheel; 0-based. Nil for a
    /// release, motion, another button, and a position off the screen's top-left.
    var event: MouseEvent? {
        let modifiers = 4 | 8 | 16, motion = 32
        guard !isRelease, button & motion == 0, column >= 1, row >= 1 else { return nil }
        let kind: MouseEvent.Kind
        switch button & ~modifiers {
        case 0: kind = .press
        case 64: kind = .wheelUp
        case 65: kind = .wheelDown
        default: return nil
        }
        return MouseEvent(kind: kind, x: column - 1, y: row - 1)
    }
}
