import Testing

/// A resize must reach the screen even when it comes while a frame is being written. ncurses
/// looks for SIGWINCH in doupdate and when the signal interrupts its read; one that lands in
/// between (the frame's write) used to wait for the next key, with the old frame garbled at
/// the new width. A monkey test in tmux saw it about once in 15 tries of "key, then resize".
@Suite("Resize during output")
struct ResizeTests {
    /// Flow control makes the window deterministic: with IXON back on and XOFF sent, the
    /// explorer's next frame blocks in write(); the resize comes then, and XON lets it finish.
    @Test func aResizeWhileAFrameIsWrittenIsDrawn() throws {
        let script = """
            import os, platform, pty, select, subprocess, sys, time, fcntl, termios, struct
            seealso, data = sys.argv[1], sys.argv[2]
            master, slave = pty.openpty()
            def set_size(rows, cols):
                fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
            def read_until(marker, limit):
                seen, deadline = b"", time.time() + limit
                while marker not in seen and time.time() < deadline:
                    if select.select([master], [], [], 0.1)[0]:
                        seen += os.read(master, 65536)
                return seen
            set_size(40, 120)
            env = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8")
            # Its own session with the pty as controlling terminal, so that a resize sends SIGWINCH.
            p = subprocess.Popen([seealso, "--no-restore", "--data-dir", data], stdin=slave, stdout=slave, stderr=slave,
                                 env=env, start_new_session=True,
                                 preexec_fn=lambda: fcntl.ioctl(0, termios.TIOCSCTTY, 0))
            if b"? help" not in read_until(b"? help", 20):
                sys.exit(print("no first frame"))
            while select.select([master], [], [], 0.3)[0]:
                os.read(master, 65536)  # the rest of the first frame
            attrs = termios.tcgetattr(slave)
            attrs[0] |= termios.IXON
            termios.tcsetattr(slave, termios.TCSANOW, attrs)
            os.write(master, b"\\x13")  # XOFF
            os.write(master, b"G")      # a new frame, which now blocks in write()
            writes = {"x86_64": ("1", "20"), "aarch64": ("64", "66")}.get(platform.machine(), ())
            deadline = time.time() + 20
            while time.time() < deadline:
                with open(f"/proc/{p.pid}/syscall") as f:
                    if f.read().split()[0] in writes:
                        break
                time.sleep(0.02)
            else:
                p.kill()
                sys.exit(print("the frame never blocked in write()"))
            set_size(10, 30)           # SIGWINCH, mid-frame
            time.sleep(0.2)
            os.write(master, b"\\x11")  # XON
            after = read_until(b"Terminal too small", 10)
            print("redrawn" if b"Terminal too small" in after else "stale")
            os.write(master, b"q")
            try:
                print("exited", p.wait(timeout=10))
            except subprocess.TimeoutExpired:
                p.kill()
                print("still running")
            """
        #expect(try PtyScript.run(script) == "redrawn\nexited 0")
    }
}
