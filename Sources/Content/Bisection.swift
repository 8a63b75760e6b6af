extension RandomAccessCollection {
    // Inlinable so that callers in other modules get a copy specialised to their collection
    // and closure: the generic one cost about 2,400 instructions a search of the 140 ranges
    // of `UnicodeWidth.wideRanges` (callgrind, render of a 200×60 frame, 2026-11).

    /// The index of the first element for which `belongsInSecondPartition` is true, in a
    /// collection where every such element follows every other one (as in swift-algorithms);
    /// `endIndex` when there is none. O(log n) tests: for sorted lines, sentences or ranges.
    @inlinable
    public func partitioningIndex(where belongsInSecondPartition: (Element) throws -> Bool) rethrows -> Index {
        var low = startIndex
        var count = self.count
        while count > 0 {
            let half = count / 2
            let middle = index(low, offsetBy: half)
            if try belongsInSecondPartition(self[middle]) {
                count = half
            } else {
                low = index(after: middle)
                count -= half + 1
            }
        }
        return low
    }
}
