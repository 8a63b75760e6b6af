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
}

extension Substring {
    /// Where text shown from a later point may start without a word cut in part: after each
    /// space, and the end (nothing of it shown). What the evidence rows and the link map's
    /// detail line leave out before a mention ("…among anarchists").
    public var startsAfterSpaces: [String.Index] {
        indices.filter { $0 > startIndex && self[index(before: $0)] == " " } + [endIndex]
    }
}
