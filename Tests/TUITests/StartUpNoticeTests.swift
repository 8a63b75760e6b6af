import Testing
@testable import TUI

/// The first message of the explorer: what the start-up found, then the store's problem.
@Suite("The start-up message")
struct StartUpNoticeTests {
    let readOnly = "/data/state.sqlite is read-only: bookmarks cannot be saved (reading goes on; nothing already saved is lost)"

    /// QA 25: a store found read-only, with a reading place to restore, said its problem twice
    /// (the start-up's save of the place failed for it too), in three rows.
    @Test func aFailureForTheStoresOwnReasonIsNotSaidAgain() {
        #expect(Terminal.startUpNotice(found: "Reading place not saved: " + readOnly, readOnly) == readOnly)
    }

    @Test func whatTheStartUpFoundComesFirst() {
        #expect(Terminal.startUpNotice(found: "article.txt changed since it was last read", readOnly)
                == "article.txt changed since it was last read · " + readOnly)
        #expect(Terminal.startUpNotice(found: nil, readOnly) == readOnly)
    }
}
