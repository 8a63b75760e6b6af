import Foundation
import Testing

@Suite("The link map in tmux", .serialized)
struct LinkMapEndToEndTests {
    let seealso = Shell.quote(Binary.seealso)

    @Test func openTheMapOfMunicipalismFollowANodeAndComeBack() throws {
        let tmux = try TmuxSession(width: 80, height: 24)
        tmux.type("\(seealso) --item Municipalism --no-restore")
        try tmux.waitFor("Cross-links: Municipalism")
        tmux.press("v")
        var screen = try tmux.waitUntil("the map") { $0.contains("Link map: Municipalism") && $0.contains("Rojava conflict") }
        #expect(screen.contains("Communalism (Bookchin)"))
        #expect(screen.contains("theory-of"))
        // The first node is selected; Enter follows it, as anywhere else.
        tmux.press("Enter")
        screen = try tmux.waitFor("Topic: Communalism (Bookchin)")
        tmux.press("H")
        try tmux.waitFor("Cross-links: Municipalism")
        tmux.press("q")
        try tmux.waitForPrompt()
    }
}
