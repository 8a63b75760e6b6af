import CNCursesw

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Every signal whose default action ends the process, by how the backend ends it instead
/// (`CursesBackend.installSignalHandlers`). A signal left to its default action killed the
/// explorer with the terminal still ncurses': raw modes, the alternate screen and mouse
/// reporting on, the shell's prompt drawn in the alternate screen (`kill -USR1`). So
/// none is left out; the signals not listed stop, continue or are ignored by default, or
/// cannot be caught (SIGKILL, SIGSTOP), and `EndingSignalsTests` checks that against the
/// whole range.
enum EndingSignals {
    /// Ask the explorer to end as `q` does (`CursesBackend.askToEnd`): it saves the session,
    /// gives the terminal back and exits with 128 + the signal, as the signal would have
    /// ended it. SIGINT, SIGTERM and SIGHUP are the usual ones. The others are someone's
    /// request to end too, even when it was meant for another program (SIGUSR1/USR2, the
    /// timers SIGVTALRM/SIGPROF, SIGPWR, SIGSTKFLT, SIGIO, the real-time signals); so are
    /// the CPU limit: SIGXCPU comes before the kernel's SIGKILL at the hard limit.
    static let graceful: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGUSR1, SIGUSR2, SIGVTALRM, SIGPROF, SIGPWR, SIGSTKFLT,
                                    SIGIO, SIGXCPU] + realTime

    /// End at once, the terminal given back (`CursesBackend.endNow`): SIGQUIT (Ctrl-\), as its
    /// name says.
    static let immediate: [Int32] = [SIGQUIT]

    /// The backend's own timer, which also ends at once: the end a graceful signal asked for
    /// did not come within a second.
    static let timer: Int32 = SIGALRM

    /// Signals of a crash: the terminal given back, then the signal re-raised with its
    /// default action, so that the exit status and the core dump stay. Swift's traps are
    /// SIGILL and SIGTRAP; SIGSYS is a system call a seccomp filter refused (or that does
    /// not exist): the program cannot go on as written.
    static let crash: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE, SIGSYS]

    /// Ignored while the terminal is ncurses' (the default action back afterwards): SIGPIPE.
    /// The explorer writes to a terminal, which sends no SIGPIPE (a hung-up one fails the
    /// write with EIO); the one pipe it can write to is a standard error redirected into one,
    /// and losing a warning because its reader left is no reason to end the session.
    /// Ignored, such a write fails with EPIPE, which every writer there already handles (the
    /// frame writer stops, `Output.error` drops the line, the replay of captured stderr
    /// stops), and a `kill -PIPE` changes nothing. The commands that write to a pipe
    /// (`seealso links | head`) never start the backend, and keep dying quietly of it.
    ///
    /// And SIGXFSZ, which the process ignores from its start (`Seealso.main`): a write past the
    /// file-size limit then fails (EFBIG), as on a full disk, and is said so ("Bookmark not
    /// changed: … full"), where the signal ended the explorer with the bookmark it was
    /// saving (QA 38).
    static let ignored: [Int32] = [SIGPIPE, SIGXFSZ]

    /// All of the above, for saving and restoring their actions around the backend's life.
    static var all: [Int32] { graceful + immediate + [timer] + crash + ignored }

    /// SIGRTMIN through SIGRTMAX, whose default action is to end the process. glibc keeps
    /// the first two of the kernel's for its threads and starts SIGRTMIN after them.
    static let realTime: [Int32] = Array(seealso_signal_realtime_min()...seealso_signal_realtime_max())
}
