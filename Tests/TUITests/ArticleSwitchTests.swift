import Content
import ExplorerTestSupport
import Testing
@testable import TUI

/// Opening another article of a folder from the explorer, when that cannot be done.
@Suite("Switching articles")
@MainActor
struct ArticleSwitchTests {
    /// A file that no longer loads (edited since the folder was indexed, or a malformed links
    /// file beside it) is said with its place and reason, like the command line says it; the
    /// reader stays where it was.
    @Test func anArticleThatNoLongerLoadsIsNamedWithItsError() {
        let broken = SourceError(path: "/folder/other.links.toml", line: 3, message: "unknown item 'Nowhere'")
        let session = ExplorerSession(explorer: Explorer(model: bundledModel), service: nil) { title in
            if title == "Other" { throw broken }
            return nil
        }
        let state = session.explorer.update(session.explorer.initialState(size: Size(width: 120, height: 40)), .command(.moveDown))
        let failed = session.switchArticle(to: "Other", at: .top, from: state)
        #expect(failed.notice == "“Other” could not be opened: /folder/other.links.toml:3: unknown item 'Nowhere'")
        #expect(session.explorer.model.article.title == "Dual power")
        #expect(failed.reader == state.reader)

        let missing = session.switchArticle(to: "Elsewhere", at: .top, from: state)
        #expect(missing.notice == "“Elsewhere” is not loaded.")
    }

    /// A links file with several problems: the status line has room for one, and says how
    /// many more there are (the command line lists them all).
    @Test func aLinksFileWithSeveralProblemsIsSaidOnOneLine() {
        let problems = SourceErrors([SourceError(path: "/folder/other.links.toml", line: 9, message: "unknown link type 'bogus'"),
                                     SourceError(path: "/folder/other.links.toml", line: 3, message: "unknown item 'Nowhere'"),
                                     SourceError(path: "/folder/other.links.toml", line: 8, message: "unknown item 'Nope'")])
        let session = ExplorerSession(explorer: Explorer(model: bundledModel), service: nil) { _ in throw problems }
        let state = session.explorer.initialState(size: Size(width: 120, height: 40))
        #expect(session.switchArticle(to: "Other", at: .top, from: state).notice
            == "“Other” could not be opened: /folder/other.links.toml:3: unknown item 'Nowhere' (and 2 more problems)")
    }
}
