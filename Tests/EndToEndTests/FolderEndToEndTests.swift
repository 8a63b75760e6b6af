import Foundation
import Testing

/// A folder of three linked articles and a broken one, browsed in the explorer: See-also
/// topics open the other articles, back returns to the exact place, backlinks cross files.
@Suite("A folder in tmux", .serialized)
struct FolderEndToEndTests {
    let seealso = Shell.quote(Binary.seealso)

    @Test func followAcrossArticlesAndBack() throws {
        let tmux = try TmuxSession(width: 120, height: 40)
        let folder = tmux.home.appendingPathComponent("articles")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        try FileManager.default.copyItem(at: repository.appendingPathComponent("assets/dual-power.txt"),
                                         to: folder.appendingPathComponent("dual-power.txt"))
        try Data("= Anarchism =\nAnarchism rejects rulers.\n\n== See also ==\n- Dual power\n".utf8)
            .write(to: folder.appendingPathComponent("anarchism.txt"))
        try Data("= Communalism =\nThe theory of municipalism.\n\n== See also ==\n- Dual power\n".utf8)
            .write(to: folder.appendingPathComponent("communalism.txt"))
        try Data("== no title ==\n".utf8).write(to: folder.appendingPathComponent("broken.txt"))

        tmux.type("\(seealso) \(Shell.quote(folder.path)) --no-restore")
        var screen = try tmux.waitFor("2 Anarchism")
        #expect(screen.contains("3 articles (: lists them)"))
        #expect(screen.contains("1 could not be loaded"))

        // Anarchism's See-also "Dual power" opens the article.
        tmux.press("]", "Enter")
        screen = try tmux.waitFor("2 Dual power")
        #expect(screen.contains("Anarchism › Dual power → Dual power"))

        // In Dual power, go to the See-also topic Communalism (Bookchin): a loaded article.
        tmux.press(":")
        try tmux.waitFor("Go to — Enter jumps")
        tmux.type("communalism")
        screen = try tmux.waitFor("2 Communalism")
        #expect(screen.contains("The theory of municipalism."))

        tmux.press("H")
        screen = try tmux.waitFor("2 Dual power")
        tmux.press("H")
        screen = try tmux.waitFor("2 Anarchism")
        #expect(screen.contains("Anarchism rejects rulers."))

        // Backlinks of Dual power list the two articles that point to it.
        tmux.press("L")
        try tmux.waitFor("2 Dual power")
        tmux.press("4")
        screen = try tmux.waitFor("Other articles (2)")
        #expect(screen.contains("← Anarchism") && screen.contains("← Communalism"))
        tmux.press("q")
        try tmux.waitForPrompt()
    }
}
