import Testing
@testable import TUI

/// TERM's value is said in messages on stderr, a terminal: it may hold an escape sequence
/// or a BEL (QA 24: TERM=$'x\e[31mred\a' turned the message red and rang the bell). It is
/// said as the reader shows article text, with visible replacements.
@Suite("Terminal errors")
struct TerminalErrorTests {
    @Test(arguments: [TerminalError.unknownTerminal("x\u{1B}[31mred\u{7}"), .cannotMoveCursor("x\u{1B}[31mred\u{7}")])
    func aTermValueIsSaidWithoutItsControls(error: TerminalError) {
        let said = error.description
        #expect(!said.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }, "\(said)")
        #expect(said.contains("'x^[[31mred^G'"), "\(said)")
    }
}
