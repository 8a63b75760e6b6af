import CThreadStart
import Foundation

/// Work spread over the machine's cores on plain threads that are joined before it returns.
///
/// Not `DispatchQueue.concurrentPerform`: on Linux, the first use of libdispatch's worker
/// pool starts its pool monitor, a timer that wakes a thread of its own every second
/// (`timerfd_settime`, `epoll_wait`) for as long as the process lives. The explorer of a
/// folder loads the folder so at start-up and then waits for keys, for hours: that was a
/// wake-up a second besides the documented idle check. Threads made here leave nothing behind.
public enum Parallel {
    /// `transform` of each of `0..<count`, in that order, run on as many threads as the
    /// machine has cores (the calling thread one of them), each taking the next index left.
    ///
    /// `transform` is escaping because it runs on threads of `detach`, which may still hold it
    /// once it has returned.
    public static func map<Value: Sendable>(count: Int, _ transform: @escaping @Sendable (Int) -> Value) -> [Value] {
        guard count > 1 else { return (0..<count).map(transform) }
        let slots = Slots<Value>(count: count)
        let helpers = min(count, ProcessInfo.processInfo.activeProcessorCount) - 1
        let work: @Sendable () -> Void = {
            while let index = slots.claim() { slots.store(transform(index), at: index) }
        }
        let finished = DispatchSemaphore(value: 0)
        for _ in 0..<helpers {
            detach {
                work()
                finished.signal()
            }
        }
        work()
        for _ in 0..<helpers { finished.wait() }
        return slots.values
    }

    /// Runs `work` on a new thread of its own, started on another core than this thread's
    /// (`seealso_thread_start_elsewhere`): on the machine measured, a `Thread` made while its
    /// maker kept working started 3.5 to 4 ms late every second time, when the work it was
    /// made for takes 1 to 3 ms. Runs it here when no thread can be made.
    public static func detach(_ work: @escaping @Sendable () -> Void) {
        let box = Unmanaged.passRetained(Work(work)).toOpaque()
        let failed = seealso_thread_start_elsewhere({ box in
            Unmanaged<Work>.fromOpaque(box!).takeRetainedValue().run()
        }, box)
        if failed != 0 { Unmanaged<Work>.fromOpaque(box).takeRetainedValue().run() }
    }

    /// `detach`'s work, carried to its thread through C.
    private final class Work {
        let run: @Sendable () -> Void
        init(_ run: @escaping @Sendable () -> Void) { self.run = run }
    }

    /// The results, and the next index to work on, shared by the threads under one lock.
    private final class Slots<Value>: @unchecked Sendable {
        private var storage: [Value?]
        private var next = 0
        private let lock = NSLock()

        init(count: Int) { storage = Array(repeating: nil, count: count) }

        /// The next index no thread has taken, nil when none is left.
        func claim() -> Int? {
            lock.withLock {
                guard next < storage.count else { return nil }
                defer { next += 1 }
                return next
            }
        }

        func store(_ value: Value, at index: Int) { lock.withLock { storage[index] = value } }

        /// Once every thread is done: every slot is filled.
        var values: [Value] { lock.withLock { storage.map { $0! } } }
    }
}
