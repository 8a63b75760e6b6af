import Content
import Foundation

/// Where a view is in its article's text, said in terms that outlast an edit of it.
///
/// A view keeps the indices the explorer works with: the reader's top block, the number of the
/// selected cross-reference, the outline's section. An edit anywhere before them shifts them
/// (a paragraph added, a section removed or moved), so a view saved against another text of
/// its article would show another place. This says what they pointed at: the section by its
/// headings, the block by its place in the section and its text, the cross-reference by what
/// it leads to. `Explorer.placed` finds them again in the text as it is now.
public struct ViewPlace: Hashable, Sendable, Codable {
    /// `Article.contentHash` of the text the view was taken in. While the article has that
    /// text, the view's indices hold as they are and nothing else here is read.
    public var text: String
    /// The section at the top of the reader; for a topic card, the section that lists its item.
    public var section: SectionPlace
    /// The reader's top block, counted from its section's heading (0; the title, for the lead).
    public var block: Int
    /// A digest of that block's text: it finds the block when others were added or removed
    /// before it in its section.
    public var blockText: String
    /// The selected cross-reference, if any.
    public var reference: ReferencePlace?
    /// The outline's selected section.
    public var outline: SectionPlace
    /// The sections collapsed in the outline.
    public var collapsed: [SectionPlace]
}

/// A section, as found again in another text of its article.
public struct SectionPlace: Hashable, Sendable, Codable {
    /// Its heading and its parents', from the top level down; none for the lead.
    public var path: [String]
    /// Its id, which tells apart sections with one path ("Notes" twice under one heading).
    public var id: String
    /// A digest of its own text (`Section.bodyDigest`), nil when it has none: it finds the
    /// section renamed, or moved under another heading.
    public var body: String?
}

/// A selected cross-reference, as found again in another text of its article.
public struct ReferencePlace: Hashable, Sendable, Codable {
    /// How it names what it leads to (`ReaderReference.label`).
    public var label: String
    /// Its block, counted from the reader's top block (negative: above it).
    public var blocksFromTop: Int
}

/// How a view of an edited article was placed in its text, from the closest.
enum Placement: Comparable, Sendable {
    /// Where it was: its section, and in it its block (or the block at its offset, edited).
    case exact
    /// In the nearest section that is still there: its section's parent, or grandparent…, or
    /// its section's end when the section lost the blocks down to it.
    case nearest
    /// At the article's top: nothing on its section's path is left.
    case top
}

/// What one explorer's article has digests of, built when first asked for: its content hash
/// (the model's, which the store also asks for) and its sections' bodies. Owned by one
/// explorer, as its layout cache is.
final class ArticleDigests: Sendable {
    private let model: LinkedArticle
    /// The body digest of a section: one is asked for at every snapshot (each jump, each pause).
    let sections: Memo<Int, String?>

    init(_ model: LinkedArticle) {
        self.model = model
        let article = model.article
        sections = Memo(limit: 64) { index in
            article.sections.indices.contains(index) ? article.sections[index].bodyDigest : nil
        }
    }

    /// `Article.contentHash`, computed once.
    var contentHash: String { model.contentHash }
}

extension ReaderBlock {
    /// A digest of the block's text, without its cross-references' numbers (an edit before
    /// the block renumbers them).
    var textDigest: String {
        var hash = FNV1a()
        for span in spans where !span.isMarker { hash.add(span.text) }
        return hash.hex
    }
}

/// Finds the sections of an article by what a `SectionPlace` kept of them.
struct SectionFinder {
    let article: Article
    private var byPath: [[String]: [Int]] = [:]
    private var byBody: [String: [Int]] = [:]
    private var byHeading: [String: [Int]] = [:]
    /// The reader's article blocks' digests, made when a view's block is not at its offset:
    /// once for all the views placed, not once a view (a section can have thousands).
    private var blockDigests: [String]?

    init(_ article: Article) {
        self.article = article
        var paths: [[String]] = []
        for (index, section) in article.sections.enumerated() {
            // A section's parent comes before it: its path is the parent's and its heading.
            let path = index == 0 ? [] : (section.parent.map { paths[$0] } ?? []) + [section.title]
            paths.append(path)
            byPath[path, default: []].append(index)
            if index != 0 { byHeading[section.title, default: []].append(index) }
            if let body = section.bodyDigest { byBody[body, default: []].append(index) }
        }
    }

    /// The digests of `document`'s blocks (the article's: it is the same for every view).
    mutating func blockDigests(of document: ReaderDocument) -> [String] {
        if let blockDigests { return blockDigests }
        let made = document.blocks.map(\.textDigest)
        blockDigests = made
        return made
    }

    /// Where `place` is in the article, and whether that is the section itself (true) or the
    /// nearest that is left on its path (false; the lead, index 0, when none is). In order:
    /// 1. the section with the same headings down to it (of several, the one with its id);
    /// 2. a section with its text, once in the article or with its id: renamed, or moved;
    /// 3. a section with its heading, once in the article: moved and edited (as a bookmark
    ///    follows its heading). Of several, the one with its id is no better: ids are counted
    ///    in order, and once the section is deleted its id is a namesake's (QA 29: the place
    ///    in Practice › Background reopened silently at the top-level Background);
    /// 4. the nearest of its parents that is left, else the lead.
    func locate(_ place: SectionPlace) -> (index: Int, exact: Bool) {
        func pick(_ found: [Int]?, unique: Bool) -> Int? {
            guard let found, !found.isEmpty else { return nil }
            if let same = found.first(where: { article.sections[$0].id == place.id }) { return same }
            return unique && found.count > 1 ? nil : found.first
        }
        if let index = pick(byPath[place.path], unique: false) { return (index, true) }
        // (Never the lead for another section: the lead's path is found by step 1.)
        if let body = place.body, let index = pick(byBody[body], unique: true), index != 0 { return (index, true) }
        if let heading = place.path.last, let found = byHeading[heading], found.count == 1 { return (found[0], true) }
        for length in stride(from: place.path.count - 1, through: 1, by: -1) {
            if let index = byPath[Array(place.path.prefix(length))]?.first { return (index, false) }
        }
        return (0, false)
    }
}

extension Explorer {
    /// Where the view of `state` is, in terms that outlast an edit of the article.
    func place(of state: AppState) -> ViewPlace {
        let article = model.article
        let document = readerDocument(state)
        let top = state.reader.top.block
        var section = 0
        var block = top
        switch state.reader.content {
        case .card(let id):
            // A topic card's blocks are its own; its section is the one listing its item.
            if case .item(let index)? = model.node(id: id) { section = model.items[index].section }
        case .article:
            if let shown = document.blocks[safe: top] {
                section = shown.section
                block = top - firstBlock(ofSection: section)
            }
        }
        let reference = state.reader.selectedReference.flatMap { document.references[safe: $0] }
            .map { ReferencePlace(label: $0.label, blocksFromTop: $0.block - top) }
        let collapsed = state.outline.collapsed.sorted().filter { article.sections.indices.contains($0) }
        return ViewPlace(text: digests.contentHash, section: sectionPlace(section, body: true),
                         block: block, blockText: document.blocks[safe: top]?.textDigest ?? "",
                         reference: reference, outline: sectionPlace(state.outline.selectedSection, body: true),
                         collapsed: collapsed.map { sectionPlace($0, body: false) })
    }

    func sectionPlace(_ index: Int, body: Bool) -> SectionPlace {
        let article = model.article
        guard article.sections.indices.contains(index) else { return SectionPlace(path: [], id: "lead", body: nil) }
        return SectionPlace(path: article.path(to: index).map { article.sections[$0].title }, id: article.sections[index].id,
                            body: body ? digests.sections[index] : nil)
    }

    /// Whether `view` is of this article but was taken in another text of it.
    func isStale(_ view: ViewSnapshot) -> Bool {
        guard let place = view.place, view.article == nil || view.article == model.article.title else { return false }
        return place.text != digests.contentHash
    }

    /// `view` as it is to be shown in the article's text as it is now, and how close that is.
    /// A view taken in this same text, or of another article, or saved before views kept
    /// their place, is returned as it is, but within the article's bounds (`bounded`): every
    /// view read from the store comes through here.
    func placed(_ view: ViewSnapshot, in state: AppState, finder: inout SectionFinder?) -> (view: ViewSnapshot, placement: Placement) {
        let view = bounded(view)
        guard isStale(view), let place = view.place else { return (view, .exact) }
        var sections = finder ?? SectionFinder(model.article)
        defer { finder = sections }
        let located = sections.locate(place.section)
        var placement = Placement.exact
        var reader = ReaderState()
        if case .card(let id) = view.reader.content, model.node(id: id)?.isItem == true {
            // The card is made again from the new text: its top as it was, within its bounds.
            reader.content = view.reader.content
            reader.top = view.reader.top
        } else if case .card = view.reader.content {
            // Its item is gone: the section that listed it, else the nearest left.
            reader.top = ReaderAnchor(block: firstBlock(ofSection: located.index))
            placement = located.index == 0 && !located.exact ? .top : .nearest
        } else if located.exact {
            let found = topBlock(place, inSection: located.index, saved: view.reader.top, finder: &sections)
            reader.top = found.anchor
            if !found.exact { placement = .nearest }
        } else {
            reader.top = ReaderAnchor(block: firstBlock(ofSection: located.index))
            placement = located.index == 0 ? .top : .nearest
        }
        if let saved = place.reference {
            let references = layouts.document(reader.content).references
            let expected = reader.top.block + saved.blocksFromTop
            reader.selectedReference = references.indices.filter { references[$0].label == saved.label }
                .min { abs(references[$0].block - expected) < abs(references[$1].block - expected) }
        }
        var outline = view.outline
        outline.selectedSection = sections.locate(place.outline).index
        outline.collapsed = Set(place.collapsed.compactMap { collapsed in
            let found = sections.locate(collapsed)
            return found.exact ? found.index : nil
        })
        var moved = view
        moved.reader = reader
        moved.outline = outline
        // Taken again: its label names the place as the article now has it, and its place says
        // this text.
        return (snapshot(restore(moved, into: state)), placement)
    }

    /// The reader's first block of section `index` (its heading; the title for the lead).
    func firstBlock(ofSection index: Int) -> Int {
        index == 0 ? 0 : layouts.document(.article).firstBlock(ofSection: index) ?? 0
    }

    /// The block `place` had at the top, in section `index` of the article as it is now: the
    /// block with its text nearest its offset from the heading, else the block at that offset
    /// (edited), else, the section being shorter now, its last block (not exact).
    private func topBlock(_ place: ViewPlace, inSection index: Int, saved: ReaderAnchor,
                          finder: inout SectionFinder) -> (anchor: ReaderAnchor, exact: Bool) {
        let document = layouts.document(.article)
        let blocks = document.blocks
        let first = firstBlock(ofSection: index)
        var end = first
        while end < blocks.count, blocks[end].section == index { end += 1 }
        guard end > first else { return (ReaderAnchor(block: first), false) }
        // `bounded` keeps `place.block` within 0...blocks.count.
        let offset = first + place.block
        var sameText: Int?
        if (first..<end).contains(offset), blocks[offset].textDigest == place.blockText {
            sameText = offset
        } else {
            let digests = finder.blockDigests(of: document)
            sameText = (first..<end).filter { digests[$0] == place.blockText }.min { abs($0 - offset) < abs($1 - offset) }
        }
        if let block = sameText ?? ((first..<end).contains(offset) ? offset : nil) {
            // The same line of it, by its text's offset where it has one (as after a resize).
            return (ReaderAnchor(block: block, line: saved.line, offset: saved.offset), true)
        }
        return (ReaderAnchor(block: end - 1), false)
    }

    /// The views of this article in `history` placed in its text as it is now, and how the
    /// least close of them was placed; views of other articles are left to theirs.
    func placing(_ history: History, in state: AppState, finder: inout SectionFinder?,
                 keeping isReachable: (ViewSnapshot) -> Bool = { _ in true }) -> (history: History, placement: Placement) {
        var worst = Placement.exact
        let placed = history.mapping { view -> ViewSnapshot? in
            guard isReachable(view) else { return nil }
            let found = self.placed(view, in: state, finder: &finder)
            worst = max(worst, found.placement)
            return found.view
        }
        return (placed, worst)
    }

    /// `state` arrived at `view` (nil: where it is), which is placed in the article's text as
    /// it is now, and so are the history's views of this article; and how close the view and
    /// the least close of the history's were placed.
    func arriving(at view: ViewSnapshot?, _ state: AppState) -> (state: AppState, view: Placement, history: Placement) {
        var state = state
        var finder: SectionFinder?
        let arrival = view.map { placed($0, in: state, finder: &finder) }
        let history = placing(state.history, in: state, finder: &finder)
        if let arrival { state = show(arrival.view, in: state) }
        state.history = history.history
        if let arrival { state.history.settle(at: arrival.view) }
        return (state, arrival?.placement ?? .exact, history.placement)
    }

    /// What the status line says when views of this article had to be placed in a text that
    /// changed since: nil when each was found where it was. `onDisk`: the text was read again
    /// while the explorer runs (`Action.reloaded`), which is always said.
    func changedNotice(view: Placement, history: Placement, onDisk: Bool = false) -> String? {
        let changed = "\u{201C}\(model.article.title.neutralized)\u{201D} changed " + (onDisk ? "on disk: " : "since last read: ")
        let reopened = onDisk ? "reloaded" : "reopened"
        switch (view, history) {
        case (.top, _): return changed + reopened + " at its top"
        case (.nearest, _): return changed + reopened + " at the nearest section"
        case (.exact, .exact): return onDisk ? changed + reopened : nil
        case (.exact, _): return changed + (onDisk ? reopened + "; " : "") + "some history steps lead to the nearest section"
        }
    }
}
