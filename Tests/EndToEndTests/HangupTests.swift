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

        /// An explorer still running when its tmux server is killed saves its reading place as
        /// it ends, into the session's home: the home is removed only once it has ended, and
        /// none is left behind in the temporary folder.
        @Test func aSessionEndedUnderARunningExplorerLeavesNoHome() throws {
            var tmux: TmuxSession? = try TmuxSession(width: 80, height: 24)
            let home = try #require(tmux?.home)
            tmux?.type(Shell.quote(try Binary.path()))
            try tmux?.waitFor("? help")
            tmux?.press("j")
            tmux = nil
            // Long enough for a save that lost the race to have made its folder again.
            usleep(300_000)
            #expect(!FileManager.default.fileExists(atPath: home.path), "left behind: \(home.path)")
        }
    }
}
