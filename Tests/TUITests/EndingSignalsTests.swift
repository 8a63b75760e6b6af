#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import TUI

/// The signals the backend takes over: every one whose default action would end the process
/// with the terminal left raw, in the alternate screen (QA: `kill -USR1`, SIGXCPU, SIGSYS…).
@Suite("Signals that end the process")
struct EndingSignalsTests {
    /// Signals whose default action stops, continues or does nothing, and the two no handler
    /// can catch: the only ones the backend may leave alone.
    static let harmlessOrUncatchable: Set<Int32> = [SIGKILL, SIGSTOP, SIGCHLD, SIGCONT, SIGTSTP, SIGTTIN, SIGTTOU, SIGURG, SIGWINCH]

    @Test("Every signal that would end the process is handled, once")
    func everyEndingSignalIsHandled() throws {
        let realTime = try #require(EndingSignals.realTime.first)
        #expect(EndingSignals.realTime.last == 64, "SIGRTMAX")
        // glibc's own (its threads' cancellation and set*id), below SIGRTMIN.
        let glibcs = Set(Int32(32)..<realTime)
        let handled = EndingSignals.all
        #expect(Set(handled).count == handled.count, "a signal in two roles: \(handled)")
        for signalNumber in Int32(1)...64 where !Self.harmlessOrUncatchable.contains(signalNumber) && !glibcs.contains(signalNumber) {
            #expect(handled.contains(signalNumber), "signal \(signalNumber) (\(String(cString: strsignal(signalNumber)))) is left to its default action")
        }
        #expect(Self.harmlessOrUncatchable.isDisjoint(with: handled))
    }

    @Test("Crashes keep their signal; the usual requests to end, and the others, end as q does")
    func roles() {
        #expect(EndingSignals.crash.contains(SIGSYS) && EndingSignals.crash.contains(SIGSEGV))
        for signalNumber in [SIGINT, SIGTERM, SIGHUP, SIGUSR1, SIGUSR2, SIGXCPU, SIGPWR] {
            #expect(EndingSignals.graceful.contains(signalNumber), "\(signalNumber)")
        }
        #expect(EndingSignals.immediate == [SIGQUIT])
        // SIGXFSZ too: a write past the file-size limit fails as on a full disk, and is said so.
        #expect(EndingSignals.ignored == [SIGPIPE, SIGXFSZ])
    }
}
