import Foundation
import Testing

extension OnATerminal {
    @Suite("The link map in tmux", .serialized)
    struct LinkMapEndToEndTests {
        let seealso: String

        init() throws { seealso = Shell.quote(try Binary.path()) }

        @Test func openTheMapOfMunicipalismFollowANodeAndComeBack() throws {
            let tmux = try TmuxSession(width: 80, height: 24)
            tmux.type("\(seealso) --item Municipalism --no-restore")
            try tmux.waitFor("Cross-links: Municipalism")
            tmux.press("v")
            // The whole map, not a frame tmux shows half drawn.
            try tmux.waitUntil("the map") { screen in
                ["Link map: Municipalism", "Communalism (Bookchin)", "theory-of", "Rojava conflict", "─┤ Dual power"].allSatisfy(screen.contains)
            }
            // The first node is selected; Enter follows it, as anywhere else.
            tmux.press("Enter")
            try tmux.waitFor("Topic: Communalism (Bookchin)")
            tmux.press("H")
            try tmux.waitFor("Cross-links: Municipalism")
            tmux.press("q")
            try tmux.waitForPrompt()
        }
    }
}
