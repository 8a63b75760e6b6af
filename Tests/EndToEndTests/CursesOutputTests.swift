import Testing

extension OnATerminal {
    /// Terminals whose terminfo entry does not address the cursor the ECMA-48 way are drawn by
    /// ncurses, in their own control sequences, instead of by the encoder.
    @Suite("Non-ECMA-48 terminals")
    struct CursesOutputTests {
        @Test func aVT52IsDrawnInItsOwnSequences() throws {
            let script = """
                p = start(term="vt52", rows=24, cols=80)
                first = read_until(b"? help", 20) + settle()
                os.write(master, b"j")
                scrolled = next_output()
                os.write(master, b"q")
                status = finish(p)
                print("help shown" if b"? help" in first else "no status bar")
                print("scrolled" if scrolled else "no answer to j")
                print("vt52 addressing" if b"\\x1bY" in first + scrolled else "no vt52 addressing")
                print("no CSI" if b"\\x1b[" not in first + scrolled else "CSI sent")
                print("exited", status)
                """
            let output = try PtyScript.run(script)
            #expect(output == "help shown\nscrolled\nvt52 addressing\nno CSI\nexited 0")
        }
    }
}
