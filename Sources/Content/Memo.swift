import Foundation

/// Values built from a key and kept, a few at a time: what a model or an explorer works out
/// once and asks for again (layouts, rows, link maps). A memo its owner keeps, not state.
///
/// Locked because its owners are `Sendable` values, and `Sendable` allows their copies to be
/// used from several tasks at once: nothing in the explorer does (it renders on one task),
/// but the tests run in parallel, sharing models. Nothing is built under the lock (two
/// tasks may build the same value once each, and one is kept): a build may ask another memo.
public final class Memo<Key: Hashable, Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Key: Value] = [:]
    private var buildCount = 0
    private let limit: Int
    private let build: @Sendable (Key) -> Value

    /// - Parameter limit: how many values are kept; past it all are dropped and built again
    ///   as they are asked for. `Int.max` keeps every one.
    public init(limit: Int, build: @escaping @Sendable (Key) -> Value) {
        self.limit = limit
        self.build = build
    }

    /// How many values were built: the tests hold it to one per key, however many times
    /// each is asked for.
    public var builds: Int { lock.withLock { buildCount } }

    public subscript(key: Key) -> Value {
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

/// A value built on first use and kept: a `Memo` of one value. Locked for the same reason
/// (`Sendable` owners, tests in parallel), and built under the lock, so that it is built
/// once, whoever asks first: standard input can be read only once.
public final class Lazy<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value?

    public init() {}

    /// The value, built by `build` if it was not yet. `build` must not ask this one.
    public func value(_ build: () -> Value) -> Value {
        lock.withLock {
            if let value { return value }
            let made = build()
            value = made
            return made
        }
    }
}
