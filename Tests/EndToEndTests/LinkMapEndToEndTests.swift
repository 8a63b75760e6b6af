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

        /// A click on a node selects it (the row saying why it is linked names it); a second
        /// click follows it, as a click on a pane's selected row does.
        @Test func clickANodeThenClickItAgainToFollowIt() throws {
            let tmux = try TmuxSession(width: 80, height: 24, environment: ["TERM": "xterm-256color"])
            tmux.type("\(seealso) --item Municipalism --no-restore")
            try tmux.waitFor("Cross-links: Municipalism")
            tmux.press("v")
            // Communalism, the first node, is selected: the row below says why it is linked.
            let screen = try tmux.waitUntil("the map") { $0.contains("Rojava conflict") && $0.contains("theory-of · curated: Bookchin") }
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
            let y = try #require(lines.firstIndex { $0.contains("Rojava conflict") })
            let x = try #require(lines[y].range(of: "Rojava conflict").map { lines[y].distance(from: lines[y].startIndex, to: $0.lowerBound) })
            let click = "\u{1B}[<0;\(x + 2);\(y + 1)M\u{1B}[<0;\(x + 2);\(y + 1)m"
            tmux.tmux("send-keys -t main -l \(Shell.quote(click))")
            try tmux.waitFor("context-of · curated: The war")
            #expect(!tmux.screen().contains("Topic: Rojava conflict"), "a first click only selects")
            tmux.tmux("send-keys -t main -l \(Shell.quote(click))")
            try tmux.waitFor("2 Topic: Rojava conflict")
            tmux.press("q")
            try tmux.waitForPrompt()
        }
    }
}
