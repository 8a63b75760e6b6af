import Content
import Foundation
import TestSupport
import Testing

@testable import Store

/// A fresh folder per test, removed at the end.
final class TemporaryDirectory {
    let url: URL
    var path: String { url.path }

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("seealso-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func file(_ name: String) -> URL { url.appendingPathComponent(name) }
}

enum Fixture {
    /// An article with nested sections, a strategies list and a See also list.
    static let article = """
        = Test article =

        Lead text.

        == History ==

        Old times.

        === Origins ===

        Where it began.

        == Strategies ==

        Strategies used include:

        - Municipalism – local assemblies
        - Syndicalism – unions

        == Criticism ==

        Some disagree.

        == See also ==

        - Dual state
        """

    /// `text` as read from `path` (no file is read: bookmarks record the path, so two
    /// articles of one path are one file whose text changed).
    static func model(_ text: String = article, path: String = "test.txt") throws -> LinkedArticle {
        try LinkedArticle(article: ArticleParser().parse(text, path: path))
    }

    /// `= TITLE =` with `count` sections named `Section 001`, `Section 002`, …
    static func manySections(title: String, count: Int) -> String {
        var text = "= \(title) =\n\nLead.\n"
        for number in 1...count { text += "\n== \(sectionName(number)) ==\n\nText \(number).\n" }
        return text
    }

    static func sectionName(_ number: Int) -> String {
        "Section " + String(repeating: "0", count: max(0, 3 - String(number).count)) + String(number)
    }
}

extension LinkedArticle {
    func sectionIndex(_ heading: String) throws -> Int {
        try #require(article.sections.firstIndex { $0.title == heading }, "no section '\(heading)'")
    }
}

/// The file's bytes, to compare before and after: "left untouched" means byte for byte.
func contents(_ url: URL) throws -> Data { try Data(contentsOf: url) }

/// The built `seealso`, found beside the test runner (SwiftPM builds both into one folder).
enum Binary {
    static func path() throws -> String {
        try #require(BuiltProducts.seealso, "the seealso executable was not built beside the tests (run `swift build` first)")
    }
}

/// Runs `seealso ARGUMENTS` to completion.
func seealso(_ arguments: [String], in directory: TemporaryDirectory) throws -> (status: Int32, stdout: String, stderr: String) {
    let child = try Child([try Binary.path()] + arguments, output: directory.file("out-\(UUID().uuidString)"))
    let status = child.wait()
    return (status, child.output, child.errors)
}

/// Runs a system tool (mount, chattr); true when it exits 0.
@discardableResult
func tool(_ arguments: [String]) -> Bool {
    guard let scratch = try? TemporaryDirectory(),
          let child = try? Child(arguments, output: scratch.file("tool")) else { return false }
    return child.wait() == 0
}

func which(_ name: String) -> String? {
    ["/usr/bin/", "/bin/", "/usr/sbin/", "/sbin/"].map { $0 + name }.first { FileManager.default.isExecutableFile(atPath: $0) }
}

/// Makes a folder read-only for real, in a way root cannot write through either (tests run as
/// root in CI, and root ignores permission bits):
/// - not root: `chmod 0555` on the folder and `0444` on its files;
/// - root: a read-only bind mount of the folder onto itself (EROFS for everyone);
/// - root without mount rights: the immutable attribute (`chattr +i`), which root must remove
///   before writing.
enum ReadOnlyFolder {
    enum Method: String { case permissions, bindMount, immutable }

    /// The method that works here, found once on a scratch folder.
    static let method: Method? = {
        guard let scratch = try? TemporaryDirectory() else { return nil }
        guard let undo = apply(to: scratch.url) else { return nil }
        let probe = scratch.file("probe")
        let blocked = !FileManager.default.createFile(atPath: probe.path, contents: Data())
        undo.undo()
        return blocked ? undo.method : nil
    }()

    static var isAvailable: Bool { method != nil }

    struct Undo {
        var method: Method
        var undo: () -> Void
    }

    /// Makes `folder` read-only; call `undo` to make it writable again (before deleting it).
    static func apply(to folder: URL) -> Undo? {
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).map { folder.appendingPathComponent($0).path }
        if geteuid() != 0 {
            for file in files { chmod(file, 0o444) }
            chmod(folder.path, 0o555)
            return Undo(method: .permissions) {
                chmod(folder.path, 0o755)
                for file in files { chmod(file, 0o644) }
            }
        }
        if let mount = which("mount"), let umount = which("umount"), tool([mount, "--bind", folder.path, folder.path]) {
            if tool([mount, "-o", "remount,ro,bind", folder.path]) {
                // Lazily: a store the test still holds keeps the mount busy, and a plain umount
                // failed then, leaving the folder read-only and mounted after the run.
                return Undo(method: .bindMount) { tool([umount, "-l", folder.path]) }
            }
            tool([umount, folder.path])
        }
        if let chattr = which("chattr"), tool([chattr, "+i", folder.path] + files) {
            return Undo(method: .immutable) { tool([chattr, "-i", folder.path] + files) }
        }
        return nil
    }
}

/// A tiny tmpfs mounted on a folder, to fill a disk for real (root with mount rights only).
enum TinyDisk {
    static let isAvailable: Bool = {
        guard geteuid() == 0, let scratch = try? TemporaryDirectory(), let folder = mount(on: scratch.url, size: "64k") else { return false }
        folder()
        return true
    }()

    /// Mounts a tmpfs of `size` on `folder`; returns the unmount.
    static func mount(on folder: URL, size: String) -> (() -> Void)? {
        guard let mount = which("mount"), let umount = which("umount"),
              tool([mount, "-t", "tmpfs", "-o", "size=\(size)", "tmpfs", folder.path]) else { return nil }
        // Lazily, for the same reason as `ReadOnlyFolder`'s: the test's store is still open.
        return { tool([umount, "-l", folder.path]) }
    }
}

extension StateStore {
    /// `restoreBookmarks` of one bookmark: the one put back, or the one that took its note.
    @discardableResult
    func restoreBookmark(_ bookmark: Bookmark) throws -> Bookmark {
        try restoreBookmarks([bookmark]).bookmarks.first ?? bookmark
    }
}
