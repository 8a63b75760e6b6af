import Content
import Foundation
import Testing
@testable import seealso
@testable import Store
@testable import TUI

/// QA 25: on a full disk the reading place `q` saves was lost without a word (status 0,
/// nothing on stderr), and the status line said "bookmarks cannot be saved" of a failed save of
/// the reading place. The session keeps why the last save failed until one succeeds, for the
/// explorer to say on stderr after it quits.
@MainActor
@Suite("A reading place that could not be saved")
struct UnsavedPlaceTests {
    /// Fills the disk `folder` is on with a file, until a write fails; returns the file.
    func fillDisk(_ folder: TemporaryDirectory) throws -> URL {
        let ballast = folder.file("ballast")
        let handle = try #require(FileHandle(forWritingAtPath: { FileManager.default.createFile(atPath: ballast.path, contents: nil); return ballast.path }()))
        defer { try? handle.close() }
        let block = Data(count: 4096)
        while (try? handle.write(contentsOf: block)) != nil {}
        return ballast
    }

    @Test(.enabled(if: TinyDisk.isAvailable, "needs root with mount rights"))
    func aFailedSaveIsKeptUntilOneSucceedsAndTheStatusLineSaysWhatWasNotSaved() throws {
        let folder = try TemporaryDirectory()
        let unmount = try #require(TinyDisk.mount(on: folder.url, size: "1m"))
        defer { unmount() }
        let model = try ArticleLoader.bundled()
        let window = try TwoExplorersTests.Window(model, data: folder.url, at: 0)
        #expect(window.runner.unsavedPlace == nil)

        let ballast = try fillDisk(folder)
        // A jump is saved at once.
        window.press("2]")
        window.state = window.runner.apply(.command(.open), to: window.state)
        #expect(window.state.history.back.count == 1)
        let full = StoreError.full(path: folder.path).description
        #expect(window.state.notice == "Reading place not saved: \(full)")
        #expect(window.runner.unsavedPlace as? StoreError == .full(path: folder.path))
        // Failing again for the same reason at the next pause, it is not said again (QA 26:
        // it came back at every pause).
        window.press("j")
        window.pause()
        #expect(window.state.notice == nil)
        #expect(window.runner.unsavedPlace != nil)

        // Room again: the next save goes through, and there is nothing to say on exiting.
        try FileManager.default.removeItem(at: ballast)
        window.press("H")
        #expect(window.runner.unsavedPlace == nil)
        #expect(try StoreService(store: StateStore(directory: folder.url)).session(for: model) != nil)
    }
}

extension UnsavedPlaceTests {
    /// QA 32: `m` said why the bookmark was not made, and half a second later, with no key
    /// pressed, the pause's failed save of the reading place said the same reason over it.
    @Test(.enabled(if: TinyDisk.isAvailable, "needs root with mount rights"))
    func aKeysFailureIsNotSaidOverByThePausesForTheSameReason() throws {
        let folder = try TemporaryDirectory()
        let unmount = try #require(TinyDisk.mount(on: folder.url, size: "1m"))
        defer { unmount() }
        let window = try TwoExplorersTests.Window(try ArticleLoader.bundled(), data: folder.url, at: 0)
        _ = try fillDisk(folder)
        window.press("1jm")
        let full = StoreError.full(path: folder.path).description
        #expect(window.state.notice == "Bookmark not changed: \(full)")
        window.pause()
        #expect(window.state.notice == "Bookmark not changed: \(full)")
        #expect(window.runner.unsavedPlace as? StoreError == .full(path: folder.path), "still said on quitting")
    }

    /// QA 33: a note on the place read that could not be saved was dropped without its text
    /// (the Bookmarks pane's note said it back already).
    @Test(.enabled(if: TinyDisk.isAvailable, "needs root with mount rights"))
    func aNoteThatCouldNotBeSavedIsSaidBack() throws {
        let folder = try TemporaryDirectory()
        let unmount = try #require(TinyDisk.mount(on: folder.url, size: "1m"))
        defer { unmount() }
        let window = try TwoExplorersTests.Window(try ArticleLoader.bundled(), data: folder.url, at: 1)
        _ = try fillDisk(folder)
        let note = "a careful note"
        window.press("M" + note)
        window.state = window.runner.apply(window.runner.explorer.action(for: .key(.enter), in: window.state), to: window.state)
        let full = StoreError.full(path: folder.path).description
        #expect(window.state.notice == "Note not saved: \(full) (it read \u{201C}\(note)\u{201D})", "\(window.state.notice ?? "")")
    }
}

/// QA 25: a store read-only at start-up (its folder read-only, the disk full) stayed so for the
/// whole run, though the folder was made writable or space freed: `m` still said "read-only".
@MainActor
@Suite("A store read-only at start-up")
struct WritableAgainTests {
    @Test(.enabled(if: ReadOnlyFolder.isAvailable, "needs a way to make a folder read-only"))
    func isOpenedAgainOnceItCanBeWritten() throws {
        let folder = try TemporaryDirectory()
        let model = try Fixture.model()
        _ = try StateStore(directory: folder.url).addBookmark(in: model, sectionIndex: 1)
        let readOnly = try #require(ReadOnlyFolder.apply(to: folder.url))
        let service = StoreService(store: try StateStore(directory: folder.url))
        #expect(service.store.isReadOnly)
        #expect(service.checkStoreFile() == .unchanged)
        #expect(throws: StoreError.readOnly(path: folder.path)) { try service.add(section: 2, item: nil, in: model) }
        #expect(!service.becameWritable)

        readOnly.undo()
        #expect(service.checkStoreFile() == .unchanged, "nothing to say: the write says what it did")
        #expect(!service.store.isReadOnly)
        #expect(service.becameWritable)
        #expect(try service.add(section: 2, item: nil, in: model))
        #expect(try StateStore(directory: folder.url).bookmarks().count == 2)
    }
}
