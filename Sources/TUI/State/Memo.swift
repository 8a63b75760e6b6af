import Foundation

/// Values built from a key and kept, a few at a time. Like `ReaderLayoutCache`, a memo owned
/// by one explorer, not state; locked because `Explorer` is `Sendable` and may render from
/// several tasks. Nothing is built under the lock (two tasks may build the same value once
/// each, and one is kept).
final class Memo<Key: Hashable, Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Key: Value] = [:]
    private var buildCount = 0
    private let limit: Int
    private let build: @Sendable (Key) -> Value

    /// - Parameter limit: how many values are kept; past it all are dropped and built again
    ///   as they are asked for.
    init(limit: Int, build: @escaping @Sendable (Key) -> Value) {
        self.limit = limit
        self.build = build
    }

    /// How many values were built: the tests hold it to one per key, however many times
    /// each is asked for.
    var builds: Int { lock.withLock { buildCount } }

    subscript(key: Key) -> Value {
        if let value = lock.withLock({ values[key] }) { return value }
        let value = build(key)
        lock.withLock {
            if values.count >= limit { values.removeAll() }
            values[key] = value
            buildCount += 1
        }
        return value
    }
}
