import Foundation
import Testing
import Content
@testable import Store

/// The store and the search index find their folders the same way (the configuration's
/// path is checked in ConfigFileTests).
@Suite("XDG base directories")
struct BaseDirectoryTests {
    static let account = FileManager.default.homeDirectoryForCurrentUser.path

    @Test("Each base directory: the variable when absolute, else under HOME")
    func eachFollowsItsVariable() {
        let home = ["HOME": "/home/u"]
        #expect(CorpusIndex.defaultDirectory(environment: home.merging(["XDG_CACHE_HOME": "/c"]) { $1 }).path == "/c/seealso")
        #expect(CorpusIndex.defaultDirectory(environment: home.merging(["XDG_CACHE_HOME": "c"]) { $1 }).path == "/home/u/.cache/seealso")
        #expect(StateStore.defaultDirectory(environment: home.merging(["XDG_DATA_HOME": "/d"]) { $1 }).path == "/d/seealso")
    }

    /// An empty HOME once put the search index under the current folder (`./.cache/seealso`).
    @Test("An empty or unset HOME means the account's home folder, for both", arguments: [["HOME": ""], [:]])
    func emptyHome(environment: [String: String]) {
        #expect(CorpusIndex.defaultDirectory(environment: environment).path == Self.account + "/.cache/seealso")
        #expect(StateStore.defaultDirectory(environment: environment).path == Self.account + "/.local/share/seealso")
    }
}
