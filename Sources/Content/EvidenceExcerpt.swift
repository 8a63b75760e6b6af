extension Evidence {
    /// The text before the mention, the mention and the text after it; nil when the evidence
    /// has no mention, or one that is not within its text.
    public var partsAroundMention: (before: Substring, mention: Substring, after: Substring)? {
        let utf8 = text.utf8
        guard let mention, mention.lowerBound >= 0, mention.upperBound <= utf8.count, !mention.isEmpty else { return nil }
        let lower = utf8.index(utf8.startIndex, offsetBy: mention.lowerBound)
        let upper = utf8.index(utf8.startIndex, offsetBy: mention.upperBound)
        return (text[..<lower], text[lower..<upper], text[upper...])
    }

    /// The evidence in at most `limit` characters, for a line of plain text (`seealso links`,
    /// the Markdown export): whole when it fits; else the part around the mention, as the
    /// explorer's panes and `grep` show a match. Text left out before the mention goes by
    /// whole words, as few as leave room for the mention and some of what follows it; text
    /// after it is cut after a word; "…" stands where text is left out. Cut from the
    /// sentence's start, the evidence often ended before its mention ("…its meaning has since
    /// expanded amo…" for "anarchists"). Without a mention, its start is shown.
    public func excerpt(limit: Int) -> String {
        guard text.count > limit else { return text }
        guard let parts = partsAroundMention else { return Self.joined("", text[...], limit: limit) }
        // Some of what follows the mention too, so that it reads in its phrase.
        let context = min(parts.after.count, limit / 4)
        let room = limit - parts.mention.count - context
        let starts = [parts.before.startIndex] + parts.before.wordStarts
        let start = starts.first { ($0 == parts.before.startIndex ? 0 : 1) + parts.before[$0...].count <= room }
            ?? parts.before.endIndex
        let opening = start == parts.before.startIndex ? "" : "…"
        return Self.joined(opening + parts.before[start...] + parts.mention, parts.after, limit: limit)
    }

    /// `head` and as much of `tail` as fits in `limit` characters in all, cut after a word
    /// (mid-word only where the words are longer than the room), with "…" where it is cut.
    private static func joined(_ head: String, _ tail: Substring, limit: Int) -> String {
        guard head.count + tail.count > limit else { return head + tail }
        let room = limit - 1 - head.count
        guard room > 0 else { return String(head.prefix(max(limit - 1, 0))) + "…" }
        var kept = tail.prefix(room)
        if kept.endIndex < tail.endIndex, tail[kept.endIndex] != " ", let space = kept.lastIndex(of: " ") {
            kept = kept[..<space]
        }
        while kept.last == " " { kept.removeLast() }
        return head + kept + "…"
    }
}

extension Substring {
    /// Where text shown from a later point may start without a word cut in part: after each
    /// space, before each character of a script written without spaces (`isWrittenWithoutSpaces`:
    /// a line may break before any ideograph, UAX #14) but closing punctuation, and the end
    /// (nothing of it shown). What the evidence rows, the link map's detail line and
    /// `Evidence.excerpt(limit:)` leave out before a mention ("…among anarchists"). Spaces
    /// alone left nothing before a mention in Japanese text (QA 23: "…東京長い長い…").
    public var wordStarts: [String.Index] {
        indices.filter { position in
            guard position > startIndex else { return false }
            if self[index(before: position)] == " " { return true }
            guard let first = self[position].unicodeScalars.first else { return false }
            return first.isWrittenWithoutSpaces && !first.isClosingPunctuation
        } + [endIndex]
    }
}

extension Unicode.Scalar {
    /// CJK radicals to CJK ideographs (kana, CJK punctuation and symbols included),
    /// compatibility ideographs, fullwidth forms, and the supplementary ideograph planes:
    /// the scripts written without spaces, where text may break before any character.
    /// Hangul is left out: Korean is written with spaces between words.
    public var isIdeographic: Bool {
        switch value {
        case 0x2E80...0x9FFF, 0xF900...0xFAFF, 0xFF00...0xFF60, 0x20000...0x3FFFF: true
        default: false
        }
    }

    /// The scripts whose words have no spaces between them, where a line may break between
    /// characters: the ideographic ones, and Thai, Lao, Khmer and Myanmar (QA 24: a Thai
    /// excerpt showed the mention alone). UAX #14 breaks these four by dictionary; between
    /// any two of their clusters is what an excerpt can do without one.
    public var isWrittenWithoutSpaces: Bool {
        switch value {
        case 0x0E00...0x0EFF, 0x1000...0x109F, 0x1780...0x17FF: true
        default: isIdeographic
        }
    }

    /// Punctuation no line starts with (、。）」 …), as UAX #14 has it.
    public var isClosingPunctuation: Bool { Self.closingPunctuation.contains(self) }

    private static let closingPunctuation: Set<Unicode.Scalar> = ["、", "。", "，", "．", "：", "；", "！", "？", "）", "」", "』",
                                                                 "】", "〉", "》", "〕", "〗", "〙", "〛", "｝", "］", "ー", "・", "々"]
}
