import Content
import Foundation

/// A value computed on a thread of its own from the moment it is made, for the caller to
/// wait for when it needs it: start-up work that does not depend on what the calling thread
/// does in the meantime. The work is in two steps, each waited for apart: `check`, which may
/// fail, then `finish`, which may not: the caller can act once it knows the work will succeed,
/// before it is done, with what the first step gave (the explorer takes the terminal once it
/// knows the article opens, and reads the article's saved session while it is linked).
///
/// A thread of its own (`Parallel.detach`), not a task or a dispatch queue: it is the one piece
/// of work started, and the first use of either pool costs more at launch than the thread does.
///
/// The thread never outlives its `Prefetch`: dropping one waits for its thread. Otherwise an
/// error thrown meanwhile (a malformed config file) would exit the process, and run its
/// destructors, under a thread still reading the article.
final class Prefetch<Checked: Sendable, Value: Sendable> {
    private let checked = Handoff<Checked>()
    private let result = Handoff<Value>()

    init(_ check: @escaping @Sendable () throws -> Checked, then finish: @escaping @Sendable (Checked) -> Value) {
        let (checked, result) = (checked, result)
        Parallel.detach {
            let first = Result(catching: check)
            checked.hand(first)
            result.hand(first.map(finish))
        }
    }

    deinit { _ = result.wait() }

    /// What the first step gave, once it is done; nil when it failed (and the work with it).
    func checkedValue() -> Checked? {
        try? checked.wait().get()
    }

    /// The value, or the error the work threw, once the thread is done.
    func value() throws -> Value {
        try result.wait().get()
    }

    /// What the thread hands over at a step. `value` is written once, by the thread, before
    /// `handed` is signalled, and read only after it: the semaphore orders the two.
    private final class Handoff<Handed>: @unchecked Sendable {
        private var value: Result<Handed, any Error>?
        private let handed = DispatchSemaphore(value: 0)
        /// Only the thread that made the `Prefetch` waits, and reads this.
        private var waited = false

        func hand(_ value: Result<Handed, any Error>) {
            self.value = value
            handed.signal()
        }

        func wait() -> Result<Handed, any Error> {
            if !waited {
                handed.wait()
                waited = true
            }
            return value!
        }
    }
}
