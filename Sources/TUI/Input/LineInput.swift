/// A line of typed text and a cursor in it, edited with readline's keys: the note and search
/// prompts and the go-to finder. The cursor counts grapheme clusters, what a reader sees as
/// one character ("字", "é" written with a combining accent, a flag), so that Left and
/// Backspace never split one; how many columns each takes is the drawing's business.
public struct LineInput: Hashable, Sendable {
    public private(set) var text: String
    /// How many characters are before the cursor: 0 at the start, `text.count` at the end.
    public private(set) var cursor: Int

    /// `text` with the cursor at its end, where typing goes on.
    public init(_ text: String = "") {
        self.text = text
        cursor = text.count
    }

    /// What an editing key changed: the text, or at most where the cursor is.
    public enum Change: Equatable, Sendable {
        case text
        case cursor
    }

    /// What an editing key does (`ContextKeys.typing` says which key does which).
    public enum Edit: Hashable, Sendable {
        case characterBack, characterForward, wordBack, wordForward, start, end
        case deleteBack, deleteForward, deleteSpacedWordBack, deleteWordBack, deleteWordForward, deleteToStart, deleteToEnd
    }

    /// Applies `key` if it edits a line, and says what it changed: nil for a key that is no
    /// editing key (Enter, Esc, Tab…), which the caller handles. A key that can do nothing
    /// here (Backspace at the start) is still an editing key, and changes nothing.
    public mutating func edit(_ key: Key) -> Change? {
        let before = text
        if case .character(let character) = key {
            insert(String(character))
        } else if let edit = ContextKeys.typing.effect(of: key) {
            apply(edit)
        } else if case .alt = key {
            // Any other Alt key is taken as well, and does nothing: the terminal sends it as Esc
            // and a character, and it must not close the prompt as Esc does.
        } else {
            return nil
        }
        return text == before ? .cursor : .text
    }

    /// Whether `key` is an editing key (`edit` takes it, even where it changes nothing).
    public static func edits(_ key: Key) -> Bool {
        var probe = LineInput()
        return probe.edit(key) != nil
    }

    /// Readline's edits.
    private mutating func apply(_ edit: Edit) {
        switch edit {
        case .characterBack: cursor = max(cursor - 1, 0)
        case .characterForward: cursor = min(cursor + 1, text.count)
        case .wordBack: cursor = wordStart(isWord: Self.isAlphanumeric)
        case .wordForward: cursor = wordEnd(isWord: Self.isAlphanumeric)
        case .start: cursor = 0
        case .end: cursor = text.count
        case .deleteBack: replace(characters: max(cursor - 1, 0)..<cursor, with: "")
        case .deleteForward: replace(characters: cursor..<min(cursor + 1, text.count), with: "")
        case .deleteSpacedWordBack: replace(characters: wordStart(isWord: Self.isNotSpace)..<cursor, with: "")
        // Readline's backward-kill-word: Alt-b's words.
        case .deleteWordBack: replace(characters: wordStart(isWord: Self.isAlphanumeric)..<cursor, with: "")
        case .deleteWordForward: replace(characters: cursor..<wordEnd(isWord: Self.isAlphanumeric), with: "")
        case .deleteToStart: replace(characters: 0..<cursor, with: "")
        case .deleteToEnd: replace(characters: cursor..<text.count, with: "")
        }
    }

    /// Puts `string` at the cursor, which moves past it.
    public mutating func insert(_ string: String) {
        replace(characters: cursor..<cursor, with: string)
    }

    /// Ctrl-W's words (readline's unix-word-rubout): whatever is between spaces.
    static func isNotSpace(_ character: Character) -> Bool { !character.isWhitespace }

    /// Alt-b's, Alt-f's and Alt-d's words (readline's backward-word, forward-word and
    /// kill-word): letters and digits, so "see-also" is two.
    static func isAlphanumeric(_ character: Character) -> Bool { character.isLetter || character.isNumber }

    /// Where the word before the cursor starts, as readline finds it: back over what is not a
    /// word, then over the word.
    func wordStart(isWord: (Character) -> Bool) -> Int {
        let characters = Array(text.prefix(cursor))
        var start = characters.count
        while start > 0, !isWord(characters[start - 1]) { start -= 1 }
        while start > 0, isWord(characters[start - 1]) { start -= 1 }
        return start
    }

    /// Where the word after the cursor ends, as readline finds it: forward over what is not a
    /// word, then over the word.
    func wordEnd(isWord: (Character) -> Bool) -> Int {
        let characters = Array(text.dropFirst(cursor))
        var length = 0
        while length < characters.count, !isWord(characters[length]) { length += 1 }
        while length < characters.count, isWord(characters[length]) { length += 1 }
        return cursor + length
    }

    /// Replaces the characters in `range` with `string`; the cursor goes after `string`.
    private mutating func replace(characters range: Range<Int>, with string: String) {
        let lower = text.index(text.startIndex, offsetBy: range.lowerBound)
        let upper = text.index(lower, offsetBy: range.count)
        let head = String(text[..<lower]) + string
        text = head + text[upper...]
        // Counted again: a combining mark typed after a letter joins its cluster.
        cursor = min(head.count, text.count)
    }
}
