import Foundation

/// A value computed on a thread of its own from the moment it is made, for the caller to
/// wait for when it needs it: start-up work that does not depend on what the calling thread
/// does in the meantime.
///
/// A plain thread, not a task or a dispatch queue: it is the one piece of work started, and
/// the first use of either pool costs more at launch than the thread does.
final class Prefetch<Value: Sendable>: @unchecked Sendable {
    // `outcome` is written once, by the thread, before `finished` is signalled; it is read
    // only after waiting on `finished`: the semaphore orders the two.
    private var outcome: Result<Value, any Error>?
    private let finished = DispatchSemaphore(value: 0)

    init(_ work: @escaping @Sendable () throws -> Value) {
        Thread.detachNewThread { [self] in
            outcome = Result(catching: work)
            finished.signal()
        }
    }

    /// The value, or the error the work threw, waiting for the thread first if it is not done.
    func value() throws -> Value {
        finished.wait()
        defer { finished.signal() }  // for the next call: the value is there for good
        return try outcome!.get()
    }
}
