import Foundation

/// A value computed on a thread of its own from the moment it is made, for the caller to
/// wait for when it needs it: start-up work that does not depend on what the calling thread
/// does in the meantime.
///
/// A plain thread, not a task or a dispatch queue: it is the one piece of work started, and
/// the first use of either pool costs more at launch than the thread does.
///
/// The thread never outlives its `Prefetch`: dropping one waits for its thread. Otherwise an
/// error thrown meanwhile (a malformed config file) would exit the process, and run its
/// destructors, under a thread still reading the article.
final class Prefetch<Value: Sendable> {
    private let result: Outcome

    init(_ work: @escaping @Sendable () throws -> Value) {
        let result = Outcome()
        self.result = result
        Thread.detachNewThread {
            result.value = Result(catching: work)
            result.finished.signal()
        }
    }

    deinit { result.wait() }

    /// The value, or the error the work threw, once the thread is done.
    func value() throws -> Value {
        result.wait()
        return try result.value!.get()
    }

    /// What the thread hands over. `value` is written once, by the thread, before `finished`
    /// is signalled, and read only after `wait()`: the semaphore orders the two.
    private final class Outcome: @unchecked Sendable {
        var value: Result<Value, any Error>?
        let finished = DispatchSemaphore(value: 0)
        /// Only the thread that made the `Prefetch` waits, and reads this.
        private var waited = false

        func wait() {
            guard !waited else { return }
            finished.wait()
            waited = true
        }
    }
}
