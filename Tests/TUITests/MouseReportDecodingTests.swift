import Testing
@testable import TUI

/// Mouse reports reach the explorer with `mouse = false` too, when the terminal was left
/// reporting (a program that crashed, a `kill -9` of a seealso). They ran as keys: a press
/// `ESC [ < 0;30;10 M` under TERM=xterm-256color came as KEY_MOUSE (the entry's `kmous` is
/// `ESC [ <`) and then `0;30;10M`, whose `M` opened the note prompt; its release's `m`
/// bookmarked; an X10 report's three bytes said "& is not bound to anything". Each report is
/// now read whole, as one sequence, and ignored.
@Suite("Mouse reports with the mouse off")
struct MouseReportDecodingTests {
    func characters(_ text: String) -> [EscapeSequence.Code] {
        text.unicodeScalars.map { .character($0.value) }
    }

    /// Decodes from `codes`, and says how many of them it read.
    func decode(_ codes: [EscapeSequence.Code], keyMouse kmous: String? = nil)
        -> (sequence: EscapeSequence, unread: EscapeSequence.Code?, read: Int) {
        var read = 0
        let next = { () -> EscapeSequence.Code? in
            defer { read += 1 }
            return read < codes.count ? codes[read] : nil
        }
        let result = kmous.map { EscapeSequence.decode(keyMouse: $0, next: next) } ?? EscapeSequence.decode(next: next)
        return (result.sequence, result.unread, min(read, codes.count))
    }

    /// The three bytes of an X10 report from `bytes`, and how many were read.
    func skipX10(_ bytes: [Int32]) -> (unread: Int32?, read: Int) {
        var read = 0
        let unread = EscapeSequence.skipX10Report {
            defer { read += 1 }
            return read < bytes.count ? bytes[read] : nil
        }
        return (unread, min(read, bytes.count))
    }

    static let sgrReports = [
        "0;30;10M",   // a press
        "0;30;10m",   // its release
        "64;30;10M",  // the wheel up
        "65;130;40M", // the wheel down, past column 95
        "2;1;1M",     // the right button, with one-digit coordinates
    ]

    /// The report `body` (after `ESC [`) decodes to, as the backend gets it.
    func sgr(_ body: String) -> EscapeSequence {
        SGRMouseReport(Array(body.unicodeScalars.map(\.value))).map(EscapeSequence.sgrMouseReport) ?? .unknown
    }

    /// Under TERM=xterm-256color ncurses returns KEY_MOUSE for `ESC [ <` and leaves the rest
    /// unread: it is read here to its final byte, M or m, as one report (which the backend
    /// ignores with the mouse off).
    @Test("After KEY_MOUSE from ESC [ <, the SGR report's rest is read as one report", arguments: sgrReports)
    func sgrAfterKeyMouse(report: String) {
        let result = decode(characters(report + "j"), keyMouse: "\u{1B}[<")
        #expect(result.sequence == sgr("<" + report) && result.sequence != .unknown && result.unread == nil)
        #expect(result.read == report.unicodeScalars.count, "j, after the report, is the next key")
    }

    /// Under TERM=screen-256color (tmux) ncurses returns KEY_MOUSE for `ESC [ M`: the report's
    /// three bytes follow, for the backend to read as bytes.
    @Test func x10AfterKeyMouse() {
        let result = decode(characters(" %&j"), keyMouse: "\u{1B}[M")
        #expect(result.sequence == .x10MouseReport && result.unread == nil)
        #expect(result.read == 0, "the bytes are read as bytes, not as characters")
    }

    /// A report of another form than the entry's comes after an Esc ncurses returned alone:
    /// an SGR one is a report (under tmux and screen the explorer asks for them, QA 23), an
    /// urxvt one is read to its end and ignored.
    @Test("After Esc, SGR reports are read as reports, urxvt ones to their end and ignored",
          arguments: sgrReports.map { "[<" + $0 } + ["[32;30;10M", "[35;130;40M", "[96;1;1M"])
    func reportsAfterEsc(report: String) {
        let result = decode(characters(report + "j"))
        #expect(result.sequence == (report.hasPrefix("[<") ? sgr(String(report.dropFirst())) : .unknown) && result.unread == nil)
        #expect(report.hasPrefix("[<") == (result.sequence != .unknown))
        #expect(result.read == report.unicodeScalars.count, "j, after the report, is the next key")
    }

    /// What an SGR report is to the explorer: what it asks ncurses for (`mousemask`), a press of
    /// the first button and the wheel, with any modifier held; 0-based, as ncurses reports.
    /// Past column 223, where an X10 report cannot go (tmux clamped a click at 237 to 223).
    @Test func sgrReportsAsEvents() {
        func event(_ body: String) -> MouseEvent? { SGRMouseReport(Array(body.unicodeScalars.map(\.value)))?.event }
        #expect(event("<0;237;4M") == MouseEvent(kind: .press, x: 236, y: 3))
        #expect(event("<0;1;1M") == MouseEvent(kind: .press, x: 0, y: 0))
        #expect(event("<4;30;10M") == MouseEvent(kind: .press, x: 29, y: 9), "with Shift")
        #expect(event("<16;30;10M") == MouseEvent(kind: .press, x: 29, y: 9), "with Ctrl")
        #expect(event("<64;300;10M") == MouseEvent(kind: .wheelUp, x: 299, y: 9))
        #expect(event("<65;30;60M") == MouseEvent(kind: .wheelDown, x: 29, y: 59))
        #expect(event("<0;30;10m") == nil, "a release")
        #expect(event("<32;30;10M") == nil, "motion with the button held")
        #expect(event("<35;30;10M") == nil, "motion")
        #expect(event("<2;30;10M") == nil, "the right button")
        #expect(event("<1;30;10M") == nil, "the middle button")
        #expect(event("<0;0;10M") == nil, "off the screen")
        // Not reports: a field missing, empty, not a number, or longer than a terminal's size.
        for body in ["<0;30M", "<0;;10M", "<0;30;10;1M", "<0;x;10M", "<0;1234567;10M", "0;30;10M", "<0;30;10~"] {
            #expect(SGRMouseReport(Array(body.unicodeScalars.map(\.value))) == nil, "\(body)")
        }
    }

    @Test func x10AfterEsc() {
        let result = decode(characters("[M %&j"))
        #expect(result.sequence == .x10MouseReport && result.unread == nil)
        #expect(result.read == 2, "its three bytes are the backend's to read")
    }

    /// Button, column and row, each 32 over its value: past column 95 a byte of 0x80 or more,
    /// which is no UTF-8 (read as characters, 0xB0 was dropped and 0xC2 took the next byte).
    @Test("An X10 report's three bytes are read, whatever their values", arguments: [
        [Int32(0x20), 0x25, 0x26],  // a press at column 5, row 6
        [0x23, 0x25, 0x26],         // its release
        [0x60, 0xB0, 0xC5],         // the wheel up at column 144, row 165
        [0x20, 0xC2, 0x2A],         // a press at column 162, row 10: 0xC2 is no lead byte here
        [0x20, 0xFF, 0xFF],
        [0x20, 0x00, 0x2A],         // past column 223, which xterm sends as 0
    ])
    func x10Bytes(bytes: [Int32]) {
        let result = skipX10(bytes + [0x6A])
        #expect(result.unread == nil)
        #expect(result.read == 3, "j, after the report, is the next key")
    }

    /// A report cut short by a control or a key ncurses decoded hands that on; one cut by the
    /// end of what came is ignored as far as it came.
    @Test func anX10ReportCutShort() {
        #expect(skipX10([0x20, 0x0D]) == (0x0D, 2))
        #expect(skipX10([0x20, 0x25, 0o403]) == (0o403, 3))
        #expect(skipX10([0x20]) == (nil, 1))
    }

    /// An entry whose kmous is no escape sequence: nothing known follows it, nothing is read.
    @Test func aKmousThatIsNoEscapeSequenceReadsNothing() {
        let result = decode(characters("0;30;10M"), keyMouse: "@")
        #expect(result.sequence == .unknown && result.unread == nil && result.read == 0)
    }
}
