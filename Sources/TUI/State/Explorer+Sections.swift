/// `}` and `{`: section by section, as info's n and p and vim's ]] and [[ go. Neither is a
/// jump: reading on a section at a time is reading, as scrolling is, and it would fill the
/// history with every section passed (a jump to a section, from the outline or the finder,
/// is one: it leaves a place to come back to).
extension Explorer {
    func stepSection(forward: Bool, in state: AppState) -> AppState {
        switch state.focus {
        case .outline:
            return outlineSectionStep(forward: forward, in: state)
        case .reader:
            return readerSectionStep(forward: forward, in: state)
        case .crossLinks, .backlinks, .bookmarks:
            // Their rows have no sections: the reader takes the focus and moves, as it does
            // for ] and [, so that the next keys go on reading there.
            return readerSectionStep(forward: forward, in: focus(.reader, in: state))
        }
    }

    /// The reader: the next heading goes to the top, as a jump to its section puts it (vim's
    /// `zt`, even near the end). Back, the heading of the section at the top when it is
    /// scrolled into, else the one before; the start (the title, a card's name) counts as one.
    func readerSectionStep(forward: Bool, in state: AppState) -> AppState {
        var state = state
        let document = readerDocument(state)
        let layout = readerLayout(state)
        let current = layout.line(of: state.reader.top)
        guard current < layout.lineCount else { return state }
        // The blank line above a heading is the heading's: one line up from a heading is still
        // at it, not inside the section before.
        let block = layout.lines[current].block
        let here = max(current, layout.blockStart[block])
        let target: Int?
        let height = readerTextRect(state).height
        if forward {
            target = document.blocks.indices[(block + 1)...].first { document.blocks[$0].startsPart }
        } else if state.reader.content == .article, current + height >= layout.lineCount,
                  let reading = document.blocks.indices.first(where: {
                      document.blocks[$0].isHeading && document.blocks[$0].section == currentSection(state)
                  }),
                  layout.blockStart[reading] > here {
            // At the very end the section being read is the last heading on screen, below the
            // top (the status bar names it): `{` goes to it first (it passed four
            // headings on screen to the section at the top's). Only there: above the end, a
            // cross-reference selected below the top makes its section the one read, and `{`
            // went down to it, and the next `{` back up, for ever (QA 38).
            target = reading
        } else {
            target = document.blocks.indices[...block].last {
                ($0 == 0 || document.blocks[$0].startsPart) && layout.blockStart[$0] < here
            }
        }
        guard let target else {
            // A topic card has parts (its links, its mentions), not sections.
            let part = state.reader.content == .article ? "section" : "part"
            state.notice = forward ? "Already at the last \(part)." : "Already at the first \(part)."
            return state
        }
        let top = jumpTop(layout.blockStart[target], layout: layout)
        state.reader.top = layout.anchor(at: top)
        return selectionInView(state, layout: layout, top: top, height: height)
    }

    /// The outline: the selection moves past the section's subsections, to the next section at
    /// its level or above, or back to the previous one at its level or to its parent (emacs'
    /// outline keys); j and k go one row. Only the selection moves, and Enter opens it. From
    /// the lead, the first section follows it.
    func outlineSectionStep(forward: Bool, in state: AppState) -> AppState {
        var state = state
        let rows = outlineRows(state)
        let sections = model.article.sections
        let selected = state.outline.selectedSection
        guard let position = rows.firstIndex(where: { $0.section == selected }) else { return state }
        func isInside(_ section: Int) -> Bool {
            var parent = sections[section].parent
            while let ancestor = parent {
                if ancestor == selected { return true }
                parent = sections[ancestor].parent
            }
            return false
        }
        let parent = sections[selected].parent
        let found = forward
            ? rows[(position + 1)...].first { !isInside($0.section) }
            : rows[..<position].last { $0.section == parent || sections[$0.section].parent == parent }
        guard let found else {
            state.notice = forward ? "Already at the last section." : "Already at the first section."
            return state
        }
        state.outline.selectedSection = found.section
        return state
    }
}
