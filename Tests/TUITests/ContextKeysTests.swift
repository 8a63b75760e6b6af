import Testing
@testable import TUI

/// The prompts, the finder, the link map and the help read keys of their own. The help listed
/// none of the finder's or the link map's, nor Tab in a prompt, Ctrl-G, Ctrl-B or Ctrl-F
/// (QA 17b): each place's keys are now a table its handler dispatches from and the help lists.
@Suite("The help lists the keys of every place")
struct ContextKeysHelpTests {
    /// The help's sections: each heading and the text under it, joined.
    static func sections(_ keymap: KeyMap = .standard) -> [String: String] {
        var sections: [String: String] = [:]
        var heading = ""
        for line in HelpScreen.lines(keymap).map({ $0.map(\.text).joined() }) {
            if let first = line.first, first != " " { heading = line } else { sections[heading, default: ""] += line + "\n" }
        }
        return sections
    }

    @Test func theFinderTheLinkMapAndTypingHaveTheirKeysListed() throws {
        let sections = Self.sections()
        let finder = try #require(sections.first { $0.key.hasPrefix("In the finder") }?.value, "\(sections.keys)")
        for key in ["↑", "↓", "Ctrl-P", "Ctrl-N", "Tab", "Shift-Tab", "PgUp", "PgDn", "Enter", "Esc", "Ctrl-G"] {
            #expect(finder.contains(key), "\(key) in \(finder)")
        }
        let map = try #require(sections.first { $0.key.hasPrefix("In the link map") }?.value, "\(sections.keys)")
        for key in ["j", "k", "]", "[", "Space", "b", "Ctrl-D", "Ctrl-U", "{", "}", "h", "l", "Enter"] {
            #expect(map.contains(key), "\(key) in \(map)")
        }
        let typing = try #require(sections.first { $0.key.hasPrefix("Typing") }?.value, "\(sections.keys)")
        for key in ["Ctrl-B", "Ctrl-F", "←", "→", "Alt-Backspace", "Ctrl-W"] { #expect(typing.contains(key), "\(key) in \(typing)") }
        let prompt = try #require(sections.first { $0.key.hasPrefix("In a prompt") }?.value, "\(sections.keys)")
        for key in ["Tab", "Ctrl-G", "Esc", "Enter"] { #expect(prompt.contains(key), "\(key) in \(prompt)") }
    }

    /// QA 41: with search remapped to `f`, the prompt's heading still named `/`, which then
    /// said "/ is not bound to anything".
    @Test func thePromptsHeadingNamesTheSearchKeyAsBoundNow() {
        #expect(Self.sections().keys.contains("In a prompt (/ search, note)"))
        let remapped = KeyMap(bindings: KeyMap.standard.bindings.map { $0.command == .search ? KeyMap.Binding(.search, [.character("f")]) : $0 })
        #expect(Self.sections(remapped).keys.contains("In a prompt (f search, note)"), "\(Self.sections(remapped).keys)")
        let unbound = KeyMap(bindings: KeyMap.standard.bindings.filter { $0.command != .search })
        #expect(Self.sections(unbound).keys.contains("In a prompt (search, note)"), "\(Self.sections(unbound).keys)")
    }
}

/// Keys enough to find one a handler takes and its table does not list: every named key,
/// function keys, every control code, Alt with letters of both cases and a few others, and
/// some characters.
let everyKindOfKey: [Key] = {
    var keys: [Key] = [.up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .enter, .tab, .backTab, .backspace, .escape, .delete]
    keys += (1...12).map(Key.function)
    keys += "abcdefghijklmnopqrstuvwxyz@\\]^_".map(Key.control)
    keys += "abcdefghijklmnopqrstuvwxyzABCDFZ.<>1".map(Key.alt) + [.alt(Key.backspaceCharacter)]
    keys += "aZ ?:/jq]}字".map(Key.character)
    return keys
}()

@Suite("Each place's keys come from its table")
struct ContextKeysDispatchTests: KeyDriven {
    let explorer = Explorer(model: bundledModel, bookmarks: true)

    /// "one see-also two" with the cursor after "also".
    var sample: LineInput {
        var input = LineInput("one see-also two")
        for _ in 0..<4 { _ = input.edit(.left) }
        return input
    }

    /// What each edit does to `sample`: the text, and the cursor after it.
    func expected(_ edit: LineInput.Edit) -> (text: String, cursor: Int) {
        switch edit {
        case .characterBack: ("one see-also two", 11)
        case .characterForward: ("one see-also two", 13)
        case .wordBack: ("one see-also two", 8)
        case .wordForward: ("one see-also two", 16)
        case .start: ("one see-also two", 0)
        case .end: ("one see-also two", 16)
        case .deleteBack: ("one see-als two", 11)
        case .deleteForward: ("one see-alsotwo", 12)
        case .deleteSpacedWordBack: ("one  two", 4)
        case .deleteWordBack: ("one see- two", 8)
        case .deleteWordForward: ("one see-also", 12)
        case .deleteToStart: (" two", 0)
        case .deleteToEnd: ("one see-also", 12)
        }
    }

    @Test func typingKeysDoWhatTheTableSaysAndNoOtherKeyEdits() {
        #expect(sample.cursor == 12)
        for row in ContextKeys.typing.rows {
            for key in row.keys {
                var input = sample
                #expect(input.edit(key) != nil, "\(key.displayName)")
                #expect(input.text == expected(row.effect).text && input.cursor == expected(row.effect).cursor,
                        "\(key.displayName): \(input.text) at \(input.cursor)")
            }
        }
        for key in everyKindOfKey where ContextKeys.typing.effect(of: key) == nil {
            var input = sample
            let change = input.edit(key)
            switch key {
            case .character(let character):
                #expect(input.text == "one see-also\(character) two", "typed")
            case .alt:
                // "Other Alt keys do nothing": taken, so that they do not act as Esc.
                #expect(change == .cursor && input == sample, "\(key.displayName)")
            default:
                #expect(change == nil && input == sample, "\(key.displayName) edits, and the table does not list it")
            }
        }
    }

    /// The search prompt open on "soviet", the cursor after it.
    var prompting: AppState { press(press(explorer.initialState(size: Size(width: 120, height: 40)), "/"), "soviet") }

    @Test func promptKeysDoWhatTheTableSaysAndOthersEdit() throws {
        let start = prompting
        let redrawKeys = try #require(ContextKeys.prompt.listing(explorer.keymap).rows.first { $0.summary == "Redraw the screen" }).keys
        for key in everyKindOfKey {
            let action = explorer.action(for: .key(key), in: start)
            let after = explorer.update(start, action)
            switch ContextKeys.prompt.effect(of: key) ?? (redrawKeys.contains(key) ? .redraw : nil) {
            case .accept?: #expect(after.prompt == nil && after.search?.query == "soviet", "\(key.displayName)")
            case .cancel?: #expect(after.prompt == nil && after.search == nil, "\(key.displayName)")
            case .typeSpace?: #expect(after.prompt?.text == "soviet ", "\(key.displayName)")
            case .redraw?: #expect(action == .command(.redraw) && after == start, "\(key.displayName)")
            case nil:
                var input = start.prompt!.input
                _ = input.edit(key)
                #expect(action == .promptKey(key) && after.prompt?.input == input, "\(key.displayName): not in the table, yet not an edit")
            }
        }
    }

    @Test func finderKeysDoWhatTheTableSaysAndOthersEdit() throws {
        // Every entry, nothing typed yet, the third selected.
        let start = press(press(explorer.initialState(size: Size(width: 120, height: 40)), ":"), .down, .down)
        let finder = try #require(start.finder)
        #expect(finder.selection == 2 && finder.results.count > 40)
        let page = explorer.finderPage(start)
        let redrawKeys = try #require(ContextKeys.finder.listing(explorer.keymap).rows.first { $0.summary == "Redraw the screen" }).keys
        for key in everyKindOfKey {
            let action = explorer.action(for: .key(key), in: start)
            let after = explorer.update(start, action)
            switch ContextKeys.finder.effect(of: key) ?? (redrawKeys.contains(key) ? .redraw : nil) {
            case .jump?: #expect(after.finder == nil && after.history != start.history, "\(key.displayName)")
            case .cancel?: #expect(after.finder == nil && after.history == start.history, "\(key.displayName)")
            case .previous?: #expect(after.finder?.selection == 1, "\(key.displayName)")
            case .next?: #expect(after.finder?.selection == 3, "\(key.displayName)")
            case .pageUp?: #expect(after.finder?.selection == 0, "\(key.displayName)")
            case .pageDown?: #expect(after.finder?.selection == 2 + page, "\(key.displayName)")
            case .redraw?: #expect(action == .command(.redraw) && after == start, "\(key.displayName)")
            case nil:
                var input = finder.input
                let change = input.edit(key)
                #expect(action == .promptKey(key) && after.finder?.input == input, "\(key.displayName)")
                #expect(after.finder?.selection == (change == .text ? 0 : 2), "\(key.displayName): not in the table, yet moves")
            }
        }
    }

    /// Every command with the link map open on a node of several groups (the crowded article's
    /// Hub), its second group's second node selected.
    @Test func linkMapKeysDoWhatTheTableSaysAndOthersCloseItAndAct() throws {
        let explorer = makeExplorer(crowdedModel)
        let map = try linkMap("Hub", in: crowdedModel)
        #expect(map.groups.count >= 3 && map.groups[1].range.count >= 2, "\(map.groups)")
        let focus = map.focus
        let selection = map.groups[1].range.lowerBound + 1
        var start = explorer.initialState(size: Size(width: 120, height: 40))
        start.linkMap = LinkMapState(focus: focus, selection: selection)
        for command in Command.allCases {
            let after = explorer.update(start, .command(command))
            switch ContextKeys.linkMap.effect(of: command) {
            case .next?: #expect(after.linkMap?.selection == selection + 1, "\(command)")
            case .previous?: #expect(after.linkMap?.selection == selection - 1, "\(command)")
            case .nextGroup?: #expect(after.linkMap?.selection == map.groups[2].range.lowerBound, "\(command)")
            case .previousGroup?: #expect(after.linkMap?.selection == map.groups[0].range.lowerBound, "\(command)")
            case .first?: #expect(after.linkMap?.selection == 0, "\(command)")
            case .last?: #expect(after.linkMap?.selection == map.nodes.count - 1, "\(command)")
            case .follow?: #expect(after.linkMap == nil && after.history != start.history, "\(command)")
            case .help?: #expect(after.linkMap == start.linkMap && after.showsHelp, "\(command)")
            case .close?: #expect(after.linkMap == nil && !after.showsHelp && after.history == start.history, "\(command)")
            case .redraw?: #expect(after == start, "\(command)")
            case nil:
                var closed = start
                closed.linkMap = nil
                #expect(after == explorer.update(closed, .command(command)), "\(command): not in the table, yet not closing and acting")
            }
        }
    }

    @Test func helpKeysDoWhatTheTableSaysAndOthersNothing() throws {
        let explorer = makeExplorer()
        var start = explorer.initialState(size: Size(width: 80, height: 24))
        start.showsHelp = true
        start.helpTop = 20
        let page = explorer.helpLayout(start).visibleLines
        let maxTop = explorer.helpLayout(start).maxTop
        #expect(maxTop > 40)
        for command in Command.allCases {
            let after = explorer.update(start, .command(command))
            switch ContextKeys.help.effect(of: command) {
            case .lineDown?: #expect(after.helpTop == 21, "\(command)")
            case .lineUp?: #expect(after.helpTop == 19, "\(command)")
            case .pageDown?: #expect(after.helpTop == 20 + page, "\(command)")
            case .pageUp?: #expect(after.helpTop == 20 - page, "\(command)")
            case .halfPageDown?: #expect(after.helpTop == 20 + page / 2, "\(command)")
            case .halfPageUp?: #expect(after.helpTop == 20 - page / 2, "\(command)")
            case .top?: #expect(after.helpTop == 0, "\(command)")
            case .bottom?: #expect(after.helpTop == maxTop, "\(command)")
            case .close?: #expect(!after.showsHelp, "\(command)")
            case .redraw?, nil: #expect(after == start, "\(command): not in the table, yet does something")
            }
        }
    }

    /// The redraw key remapped to keys a prompt types or edits with: there they stay the
    /// prompt's, and the prompt's listing names only the one that redraws; the link map's all.
    @Test func aRemappedRedrawKeyIsListedWhereItRedraws() {
        let keys: [Key] = [.control("w"), .tab, .function(5)]
        let keymap = KeyMap(bindings: KeyMap.standard.bindings.map { $0.command == .redraw ? KeyMap.Binding(.redraw, keys) : $0 })
        #expect(ContextKeys.prompt.listing(keymap).rows.first { $0.summary == "Redraw the screen" }?.keys == [.function(5)])
        #expect(ContextKeys.finder.listing(keymap).rows.first { $0.summary == "Redraw the screen" }?.keys == [.function(5)])
        #expect(ContextKeys.linkMap.listing(keymap).rows.first { $0.summary.hasPrefix("Redraw") }?.keys == keys)
        let explorer = Explorer(model: bundledModel, keymap: keymap)
        let prompt = explorer.update(explorer.initialState(size: Size(width: 80, height: 24)), .command(.search))
        #expect(prompt.prompt != nil)
        #expect(explorer.action(for: .key(.function(5)), in: prompt) == .command(.redraw))
        #expect(explorer.action(for: .key(.control("w")), in: prompt) == .promptKey(.control("w")))
        #expect(explorer.action(for: .key(.tab), in: prompt) == .promptKey(.tab))
    }

    /// Every row of every place is in the help, with the keys of a remapped keymap.
    @Test(arguments: [false, true])
    func theHelpListsEveryRow(remapped: Bool) {
        let keymap = remapped
            ? KeyMap(bindings: KeyMap.standard.bindings.map { $0.command == .moveDown ? KeyMap.Binding(.moveDown, [.character("J")]) : $0 })
            : KeyMap.standard
        let sections = ContextKeysHelpTests.sections(keymap).mapValues { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        for place in ContextKeys.listings(keymap) {
            guard let text = sections[place.title] else {
                Issue.record("no section \(place.title) in \(sections.keys)")
                continue
            }
            for row in place.rows { #expect(text.contains(HelpScreen.keyList(row.keys) + " " + row.summary), "\(row) in \(text)") }
            #expect(text.contains(place.otherwise), "\(place.otherwise)")
        }
        let map = ContextKeys.linkMap.listing(keymap).rows.first { $0.summary == "Next node" }?.keys.map(\.displayName)
        #expect(map == (remapped ? ["J", "]"] : ["j", "↓", "]"]))
    }
}

