import Foundation
@testable import seealso
import Testing

/// The start-up's second thread (`Prefetch`): the explorer takes the terminal once the first
/// step says the article opens, and reads the article's session with what it gave, while the
/// second still runs.
@Suite struct PrefetchTests {
    struct Unreadable: Error, Equatable {}

    /// Signalled by one thread, waited for by another, across the test's closures.
    final class Gate: @unchecked Sendable {
        private let semaphore = DispatchSemaphore(value: 0)
        func open() { semaphore.signal() }
        func pass(within seconds: Double = 10) -> Bool { semaphore.wait(timeout: .now() + seconds) == .success }
    }

    @Test func theFirstStepsValueIsKnownBeforeTheSecondStepIsDone() throws {
        let released = Gate(), finished = Gate()
        let prefetch = Prefetch({ 20 }, then: { checked in
            // Held until the caller has heard that the work succeeds (-1: it was never let go).
            let letGo = released.pass()
            finished.open()
            return letGo ? checked + 1 : -1
        })
        #expect(prefetch.checkedValue() == 20)
        #expect(!finished.pass(within: 0.05), "the second step ran on before it was let go")
        released.open()
        #expect(try prefetch.value() == 21)
        #expect(prefetch.checkedValue() == 20, "asked again, the same answer")
    }

    @Test func aFailedFirstStepSkipsTheSecondAndIsThrownByValue() throws {
        let secondRan = Gate()
        let prefetch = Prefetch({ () throws -> Int in throw Unreadable() }, then: { checked in
            secondRan.open()
            return checked
        })
        #expect(prefetch.checkedValue() == nil)
        #expect(throws: Unreadable()) { try prefetch.value() }
        #expect(!secondRan.pass(within: 0.05))
    }
}
