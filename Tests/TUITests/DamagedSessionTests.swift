import Content
import ExplorerTestSupport
import Foundation
import Testing
@testable import TUI

/// A session is read from disk, and may have been written by another version, edited or
/// damaged: each number in it out of range trapped the explorer at every start, with or
/// without `--no-restore` (QA 14a C3: a selected cross-reference of -1, a top line of
/// Int.max, a stale place's block of Int.max or -1000, its reference's `blocksFromTop` of
/// Int.max). Every number is now brought within the article's bounds as it is read.
@Suite("A damaged saved session")
struct DamagedSessionTests {
    static let title = bundledModel.article.title

    /// A session as the explorer saves it (`Explorer.savingSession`): a history of a
    /// section, a topic card and a section again (one step forward), the reader inside a
    /// paragraph with a cross-reference selected, a section collapsed in the outline.
    static let saved: Data = {
        let explorer = Explorer(model: bundledModel, bookmarks: true)
        let sections = bundledModel.article.sections
        func section(_ title: String) -> Int { sections.firstIndex { $0.title == title } ?? 0 }
        var state = explorer.initialState(size: Size(width: 80, height: 24))
        state = explorer.update(state, .follow(.section(section("Background"))))
        state = explorer.update(state, .follow(.card(bundledModel.items[0].id)))
        state = explorer.update(state, .follow(.section(section("October Revolution"))))
        state = explorer.run(state, .back)
        state = explorer.update(state, .follow(.section(section("Petrograd Soviet"))))
        state = explorer.run(state, .moveDown, .moveDown, .moveDown, .moveDown, .nextReference)
        state.outline.collapsed = [sections.first { $0.parent != nil && $0.parent != 0 }?.parent ?? 1]
        let record = SessionRecord(view: explorer.snapshot(state), history: state.history)
        return (try? JSONEncoder().encode(record)) ?? Data()
    }()

    /// The saved session with every `place` taken in another text of the article: its
    /// offsets are then read to find the places again (`Explorer.placed`).
    static let stale: Data = {
        func staled(_ value: Any) -> Any {
            if var object = value as? [String: Any] {
                for (key, child) in object { object[key] = staled(child) }
                if var place = object["place"] as? [String: Any] {
                    place["text"] = "an earlier text"
                    object["place"] = place
                }
                return object
            }
            if let array = value as? [Any] { return array.map(staled) }
            return value
        }
        let json = (try? JSONSerialization.jsonObject(with: saved)) ?? [:]
        return (try? JSONSerialization.data(withJSONObject: staled(json))) ?? Data()
    }()

    /// The path of every integer in the JSON, by object keys and array indices.
    static func integerPaths(_ value: Any, at path: [Any] = []) -> [[Any]] {
        if let object = value as? [String: Any] {
            return object.keys.sorted().flatMap { integerPaths(object[$0]!, at: path + [$0]) }
        }
        if let array = value as? [Any] { return array.indices.flatMap { integerPaths(array[$0], at: path + [$0]) } }
        if value is NSNumber, !(value is String) { return [path] }
        return []
    }

    static func setting(_ path: [Any], to number: Int, in value: Any) -> Any {
        guard let first = path.first else { return NSNumber(value: number) }
        let rest = Array(path.dropFirst())
        if var object = value as? [String: Any], let key = first as? String {
            object[key] = setting(rest, to: number, in: object[key]!)
            return object
        }
        if var array = value as? [Any], let index = first as? Int {
            array[index] = setting(rest, to: number, in: array[index])
            return array
        }
        return value
    }

    /// One explorer for every start: its layouts are made once, not once a session.
    let explorer = Explorer(model: bundledModel, bookmarks: true)

    /// The explorer started on `data` as `ExplorerSession.startUp` starts it: the session
    /// decoded, then restored, or (`--no-restore`) kept as the history only.
    func start(_ data: Data, size: Size, restore: Bool) throws -> AppState {
        let record = try JSONDecoder().decode(SessionRecord.self, from: data)
        return explorer.update(explorer.initialState(size: size), restore ? .restoreSession(record) : .resumeHistory(record))
    }

    /// What every state shown must hold: the reader's top and selection, the outline's
    /// selection and collapsed sections name what the article has.
    func expectInBounds(_ state: AppState, _ what: @autoclosure () -> String) {
        let document = explorer.readerDocument(state)
        #expect(document.blocks.indices.contains(state.reader.top.block), "top block \(state.reader.top.block): \(what())")
        #expect(state.reader.selectedReference.map(document.references.indices.contains) ?? true,
                "selected reference \(state.reader.selectedReference ?? 0): \(what())")
        let sections = explorer.model.article.sections.indices
        #expect(sections.contains(state.outline.selectedSection), "outline selection: \(what())")
        #expect(state.outline.collapsed.allSatisfy(sections.contains), "collapsed \(state.outline.collapsed): \(what())")
        #expect(state.outline.top >= 0 && state.crossLinks.top >= 0 && state.backlinks.top >= 0, "list tops: \(what())")
    }

    static let sizes = [Size(width: 80, height: 24), Size(width: 200, height: 60)]

    /// Each number in turn, in the session as saved and in one whose places are stale, is
    /// set to each of the values; the session is started, restoring or not (`--no-restore`),
    /// drawn, and H, L, j, ], Enter and H are pressed. Each of those sessions is started at one
    /// of the two sizes, restoring or not, in turn: every value of every number meets each
    /// start, in a tenth of the time (all of them took a minute and a half).
    @Test("Every number of a saved session set to -1, Int.min, Int.max or a large value: the explorer starts, draws and takes keys",
          arguments: ["fresh", "stale"])
    func everyNumberOutOfRange(variant: String) throws {
        let keys: [Key] = [.character("H"), .character("L"), .character("j"), .character("]"), .enter, .character("H")]
        let starts = [(Size(width: 80, height: 24), true), (Size(width: 200, height: 60), false),
                      (Size(width: 80, height: 24), false), (Size(width: 200, height: 60), true)]
        let json = try JSONSerialization.jsonObject(with: variant == "fresh" ? Self.saved : Self.stale)
        let paths = Self.integerPaths(json)
        #expect(paths.count > 30, "the session's numbers: \(paths.count)")
        var runs = 0
        for path in paths {
            for number in [-1, Int.min, Int.max, 1 << 40] {
                let (size, restore) = starts[runs % starts.count]
                runs += 1
                let damaged = try JSONSerialization.data(withJSONObject: Self.setting(path, to: number, in: json))
                let what = "\(variant) \(path.map { "\($0)" }.joined(separator: ".")) = \(number), \(size.width)×\(size.height), restore \(restore)"
                var state = try start(damaged, size: size, restore: restore)
                expectInBounds(state, what)
                _ = explorer.render(state)
                for key in keys {
                    state = explorer.update(state, explorer.action(for: .key(key), in: state))
                    state.effects = []
                    expectInBounds(state, what + ", after \(key.displayName)")
                }
                _ = explorer.render(state)
            }
        }
    }

    /// The saved session with the value at `path` (object keys) set by `change`.
    static func session(_ data: Data = saved, _ change: (inout [String: Any]) -> Void) throws -> Data {
        var json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        change(&json)
        return try JSONSerialization.data(withJSONObject: json)
    }

    static func view(_ json: [String: Any]) -> [String: Any] { json["view"] as? [String: Any] ?? [:] }

    @Test("The QA's selected cross-reference of -1, as the runtime starts: the view opens where it was, with none selected; with --no-restore, H goes there")
    @MainActor
    func negativeSelectedReference() throws {
        let data = try Self.session { json in
            var view = Self.view(json)
            var reader = view["reader"] as? [String: Any] ?? [:]
            reader["selectedReference"] = -1
            view["reader"] = reader
            json["view"] = view
        }
        let saved = try JSONDecoder().decode(SessionRecord.self, from: Self.saved)
        func started(restore: Bool) -> (runner: ExplorerSession, state: AppState) {
            let service = FakeBookmarks()
            service.sessions[Self.title] = data
            let runner = ExplorerSession(explorer: Explorer(model: bundledModel, bookmarks: true), service: service)
            return (runner, runner.startUp(runner.explorer.initialState(size: Size(width: 80, height: 24)), start: nil, restore: restore))
        }
        let restored = started(restore: true).state
        #expect(restored.reader.top == saved.view.reader.top)
        #expect(restored.reader.selectedReference == nil)

        let (runner, state) = started(restore: false)
        #expect(state.reader.top == ReaderAnchor(block: 0))
        let back = runner.apply(.command(.back), to: state)
        #expect(back.reader.top == saved.view.reader.top)
        #expect(back.reader.selectedReference == nil)
    }

    @Test("The QA's top line of Int.max in block 5: the view opens at that block")
    func topLineAtIntMax() throws {
        let data = try Self.session { json in
            var view = Self.view(json)
            var reader = view["reader"] as? [String: Any] ?? [:]
            reader["top"] = ["block": 5, "line": Int.max]
            reader["selectedReference"] = nil
            view["reader"] = reader
            json["view"] = view
        }
        let state = try start(data, size: Size(width: 80, height: 24), restore: true)
        #expect(state.reader.top.block == 5)
        #expect(explorer.readerTopLine(state) >= explorer.readerLayout(state).blockStart[5])
    }

    @Test("The QA's stale places (block Int.max or -1000, the reference's offset Int.max): found again by their text",
          arguments: [("block", Int.max), ("block", -1000), ("blocksFromTop", Int.max), ("blocksFromTop", Int.min)])
    func stalePlaceOffsets(field: String, number: Int) throws {
        let data = try Self.session(Self.stale) { json in
            var view = Self.view(json)
            var place = view["place"] as? [String: Any] ?? [:]
            if field == "block" {
                place["block"] = number
            } else {
                var reference = place["reference"] as? [String: Any] ?? [:]
                reference["blocksFromTop"] = number
                place["reference"] = reference
            }
            view["place"] = place
            json["view"] = view
        }
        let saved = try JSONDecoder().decode(SessionRecord.self, from: Self.saved)
        for restore in [true, false] {
            let started = try start(data, size: Size(width: 80, height: 24), restore: restore)
            let state = restore ? started : explorer.run(started, .back)
            #expect(state.reader.selectedReference != nil, "a reference with the saved label, restore \(restore)")
            if field == "block" {
                // The block with the saved text, wherever its offset said it was.
                #expect(state.reader.top.block == saved.view.reader.top.block, "restore \(restore)")
            } else {
                // The reference's offset sent it to the farthest one with its label: shown, as a
                // view shown again shows its selection (`Explorer.show`).
                let lines = try #require(explorer.selectedReferenceLines(state))
                #expect(explorer.readerView(state).contains(lines.lowerBound), "restore \(restore)")
            }
        }
    }
}
