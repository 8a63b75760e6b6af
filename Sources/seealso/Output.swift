import ArgumentParser
import Foundation

/// Standard output and standard error, written straight to their file descriptors.
enum Output {
    /// All of `text` to stdout, at once. Output that cannot be written (a full disk, a closed
    /// stdout, a pipe whose reader left while SIGPIPE is ignored) is an error, as grep has
    /// it, not a silent success: said on stderr, then status 74 (EX_IOERR). A reader that
    /// leaves while SIGPIPE has its default action ends seealso quietly, as it ends cat.
    static func write(_ text: String) throws {
        try write(bytes: Array(text.utf8))
    }

    /// As above, for text that is already encoded (JSON).
    static func write(_ data: Data) throws {
        try write(bytes: [UInt8](data))
    }

    private static func write(bytes: [UInt8]) throws {
        if let failure = write(bytes, to: STDOUT_FILENO) {
            Diagnostics.report("write error: " + String(cString: strerror(failure)))
            throw ExitCode(74)
        }
    }

    /// A line to stdout, its control characters made visible (see `neutralized`).
    static func line(_ text: String) throws {
        try write(text.neutralized + "\n")
    }

    /// A line to stderr. A stderr that is closed or full, or a pipe whose reader left, loses
    /// it, and nothing else: the exit status still says what happened (FileHandle.write would
    /// trap there, and SIGPIPE ended the explorer's last words with status 141, QA 32).
    static func error(_ text: String) {
        let previous = signal(SIGPIPE, SIG_IGN)
        defer { signal(SIGPIPE, previous) }
        _ = write(Array((text + "\n").utf8), to: STDERR_FILENO)
    }

    /// Before anything opens a file: descriptors 0, 1 and 2 that the program was started
    /// without (`seealso links >&-`) are taken by /dev/null, the wrong way round. Left free,
    /// the first file or socket opened would take the number, and the output would go into it
    /// (a thread's epoll descriptor got it); the wrong way round, a write to stdout or a read
    /// of stdin still fails as it does on a closed descriptor, and is reported (QA 32: a
    /// closed stdin read as an empty article, "(standard input):1: empty file").
    static func holdClosedDescriptors() {
        for descriptor in STDIN_FILENO...STDERR_FILENO where fcntl(descriptor, F_GETFD) == -1 {
            let opened = open("/dev/null", descriptor == STDIN_FILENO ? O_WRONLY : O_RDONLY)
            if opened >= 0, opened != descriptor {
                dup2(opened, descriptor)
                close(opened)
            }
        }
    }

    /// The argument parser prints its help, version and completion scripts itself, through the
    /// C library's buffered stdout: what it could not write is reported at exit, as `write`
    /// reports seealso's own output (74).
    static func checkBufferedOutputAtExit() {
        atexit {
            // The buffer's last part is written now; a failure here says one happened.
            guard fflush(nil) != 0 else { return }
            Output.error("seealso: write error: " + String(cString: strerror(errno)))
            _exit(74)
        }
    }

    /// Writes all of `bytes`; the errno of a write that failed, or nil.
    private static func write(_ bytes: [UInt8], to descriptor: Int32) -> Int32? {
        var rest = bytes[...]
        while !rest.isEmpty {
            let written = rest.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            rest = rest.dropFirst(written)
        }
        return nil
    }
}
