/// Bringing a view read from the store within the bounds of the article it is shown in.
///
/// A session is data from disk: another version of seealso may have written it, or a person,
/// or a damaged file. Every number in a saved view indexes something (a block, a line of it,
/// a cross-reference, a section, a row), and the explorer indexes with them at once: one out
/// of range trapped at every start, `--no-restore` or not, as the saved history is kept
///. Each view of this article read from the store passes through `placed`, which
/// bounds it first; what is out of range goes to the nearest place that is there, as less
/// and vim open a file at its last line when the remembered one is past its end.
extension Explorer {
    /// `view` with every number in it within the bounds of this article: a block past the end
    /// is the last one, a line past its block's end is its last, a cross-reference, section
    /// or collapsed section that is not there is dropped, a negative row is the first. Views of
    /// other articles of a folder are theirs to bound, when they are placed there.
    func bounded(_ view: ViewSnapshot) -> ViewSnapshot {
        guard view.article == nil || view.article == model.article.title else { return view }
        var view = view
        view.reader = bounded(view.reader)
        view.outline = bounded(view.outline)
        // Past the end, a list's row is its last (`validSelection` and `ListLayout.top` clamp
        // from above without arithmetic); below 0 it would index before the first.
        for list in [\ViewSnapshot.crossLinks, \.backlinks, \.bookmarkList] {
            view[keyPath: list].selection = max(view[keyPath: list].selection, 0)
            view[keyPath: list].top = max(view[keyPath: list].top, 0)
        }
        if var place = view.place {
            // Offsets from a section's heading and from the top block: none reaches farther
            // than the longest document has blocks (`topBlock`, `placed` add them to indices).
            let blocks = max(layouts.document(.article).blocks.count, layouts.document(view.reader.content).blocks.count)
            place.block = place.block.clamped(to: 0...blocks)
            if let offset = place.reference?.blocksFromTop { place.reference?.blocksFromTop = offset.clamped(to: -blocks...blocks) }
            view.place = place
        }
        return view
    }

    func bounded(_ reader: ReaderState) -> ReaderState {
        if case .card(let id) = reader.content, model.node(id: id)?.isItem != true { return ReaderState() }
        var reader = reader
        let document = layouts.document(reader.content)
        guard let last = document.blocks.indices.last else { return ReaderState(content: reader.content) }
        if !document.references.indices.contains(reader.selectedReference ?? 0) { reader.selectedReference = nil }
        guard (0...last).contains(reader.top.block) else {
            reader.top = ReaderAnchor(block: reader.top.block < 0 ? 0 : last)
            return reader
        }
        // At any width a block has at most a line a byte of its text (one at width 1), and
        // the blank lines above it.
        let block = document.blocks[reader.top.block]
        let length = block.spans.reduce(0) { $0 + $1.text.utf8.count }
        reader.top.line = reader.top.line.clamped(to: -block.spacingBefore...max(length - 1, 0))
        reader.top.offset = reader.top.line > 0 ? reader.top.offset?.clamped(to: 0...length) : nil
        return reader
    }

    func bounded(_ outline: OutlineState) -> OutlineState {
        let sections = model.article.sections.indices
        var outline = outline
        if !sections.contains(outline.selectedSection) { outline.selectedSection = 0 }
        // A row a section at most (fewer with some collapsed).
        outline.top = outline.top.clamped(to: 0...max(sections.count - 1, 0))
        outline.collapsed = outline.collapsed.filter(sections.contains)
        return outline
    }
}

extension Comparable {
    func clamped(to range: ClosedRange<Self>) -> Self { min(max(self, range.lowerBound), range.upperBound) }
}
