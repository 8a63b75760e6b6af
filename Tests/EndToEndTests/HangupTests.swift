import Foundation
import Testing

extension OnATerminal {
    /// A terminal can vanish without a SIGHUP reaching the program (the pty is not its
    /// controlling terminal). Reads then return end of file at once, forever: the explorer must
    /// quit, not spin at 100% CPU.
    @Suite("Terminal gone")
    struct HangupTests {
        @Test func theExplorerQuitsWhenItsTerminalCloses() throws {
            let script = """
                p = start(rows=24, cols=80, controlling=False)
                print("drawn" if b"? help" in read_until(b"? help", 20) else "no first frame")
                os.close(master); os.close(slave)
                print("exited", finish(p))
                """
            let output = try PtyScript.run(script)
            #expect(output == "drawn\nexited 0", "\(output)")
        }
    }
}
