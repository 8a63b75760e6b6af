import Content

/// A search match in the reader: a block and a UTF-8 range of its text (the concatenation of
/// its spans). Width-free, like every reader position.
public struct SearchMatch: Hashable, Sendable, Codable {
    public var block: Int
    public var range: Range<Int>
}

/// The reader's search: the query, its matches in the document shown, which one is current,
/// and where the search started (Esc goes back there).
public struct SearchState: Hashable, Sendable {
    public var query: String
    public var matches: [SearchMatch]
    public var current: Int?
    public var origin: ReaderState
    /// The reader's top when the current match was last shown: n and N go on from the match
    /// until the view moves away from it.
    public var shownTop: ReaderAnchor?
}

/// The current match of a search whose highlights Esc took away, in the text it was found in.
public struct ClearedMatch: Hashable, Sendable {
    public var content: ReaderContent
    public var match: SearchMatch
    public var shownTop: ReaderAnchor?
}

extension ReaderDocument {
    /// Every match of `search` in the document, in reading order. The text searched leaves
    /// out reference numbers ("[3]"), so "anarchists, municipalists" is found.
    public func matches(of search: TextSearch) -> [SearchMatch] {
        matches(of: search, inBlocks: blocks.indices)
    }

    /// The matches of `search` in the given blocks (in increasing order) only.
    public func matches(of search: TextSearch, inBlocks candidates: some Sequence<Int>) -> [SearchMatch] {
        guard !search.isEmpty else { return [] }
        var found: [SearchMatch] = []
        for index in candidates {
            found += matches(of: search, inBlock: index)
        }
        return found
    }

    /// The matches of `longer` when `shorter` was typed before it and had `shorterMatches`:
    /// as folding is one scalar at a time, a query typed on (`shorter` a prefix of `longer`)
    /// can only match in the blocks where its start did, and in none when its start matched
    /// nowhere. So a paste into the search prompt, a character at a time, reads each block
    /// once rather than once per character.
    public func matches(of longer: TextSearch, after shorter: TextSearch, had shorterMatches: [SearchMatch]) -> [SearchMatch] {
        guard !shorter.isEmpty, longer.query.unicodeScalars.starts(with: shorter.query.unicodeScalars) else {
            return matches(of: longer)
        }
        var blocks: [Int] = []
        for match in shorterMatches where blocks.last != match.block { blocks.append(match.block) }
        return matches(of: longer, inBlocks: blocks)
    }

    private func matches(of search: TextSearch, inBlock index: Int) -> [SearchMatch] {
        let block = blocks[index]
        var text = ""
        // For each searched span: where it starts in the searched text and in the block's text.
        var pieces: [(searched: Int, block: Int, length: Int)] = []
        var blockOffset = 0
        for span in block.spans {
            let length = span.text.utf8.count
            if !span.isMarker {
                pieces.append((text.utf8.count, blockOffset, length))
                text += span.text
            }
            blockOffset += length
        }
        // The piece holding a searched offset, by bisection: a paragraph can have thousands
        // of references, and so of pieces, and a search thousands of matches.
        func blockOffsetOf(_ searched: Int) -> Int {
            let index = pieces.partitioningIndex { $0.searched > searched } - 1
            guard index >= 0 else { return searched }
            return pieces[index].block + (searched - pieces[index].searched)
        }
        return search.matches(in: text).map { range in
            let lower = text.utf8.distance(from: text.startIndex, to: range.lowerBound)
            let upper = text.utf8.distance(from: text.startIndex, to: range.upperBound)
            return SearchMatch(block: index, range: blockOffsetOf(lower)..<(blockOffsetOf(upper - 1) + 1))
        }
    }
}

extension ReaderDocument {
    /// The cross-reference whose text `match` lies in or overlaps (the first, when it runs
    /// over several), if any. A reference's number is not searched: a match takes it in only
    /// with the name before it.
    public func reference(overlapping match: SearchMatch) -> Int? {
        guard blocks.indices.contains(match.block) else { return nil }
        var start = 0
        for span in blocks[match.block].spans {
            guard start < match.range.upperBound else { break }
            let end = start + span.text.utf8.count
            if let reference = span.reference, !span.isMarker, match.range.lowerBound < end { return reference }
            start = end
        }
        return nil
    }
}

extension ReaderLayout {
    /// The line showing the start of `match`.
    public func line(of match: SearchMatch) -> Int {
        guard blockStart.indices.contains(match.block) else { return 0 }
        return line(inBlock: match.block, atOffset: match.range.lowerBound)
    }
}
