import Content

extension ReaderDocument {
    /// The card of a topic whose article is not loaded (or of any item, on request): its name
    /// and kind, every link with its rationale or evidence, and every place the article
    /// mentions it — each followable. `sharedBy`: in a folder, the files that all have the
    /// topic's title, so that it opens none of them. `inFolder`: the article is one of a
    /// folder's. `opens`: the title of the folder's article the topic opens, when one has its
    /// title (a card of it shows only when a view of it is restored, saved where that article
    /// was not loaded).
    public static func card(for itemID: String, in model: LinkedArticle, sharedBy files: [String]? = nil,
                            inFolder: Bool = false, opens article: String? = nil) -> ReaderDocument {
        var document = ReaderDocument()
        guard case .item(let index)? = model.node(id: itemID) else { return document }
        let item = model.items[index]
        let sectionTitle = model.displayName(of: model.article.sections[item.section].id)
        func add(_ spans: [TextSpan], prefix: TextSpan? = nil, indent: Int = 0, spacing: Int = 0, heading: Bool = false) {
            document.blocks.append(ReaderBlock(spans: spans, prefix: prefix, indent: indent, spacingBefore: spacing,
                                               section: item.section, item: item.id, sourceLine: nil, isCardHeading: heading))
        }
        func reference(to target: Target, label: String) -> Int {
            document.references.append(ReaderReference(target: target, block: document.blocks.count, label: label))
            return document.references.count - 1
        }

        add([TextSpan(item.name, Style(.title, bold: true))])
        let listed = reference(to: .item(item.id), label: "\(sectionTitle), line \(item.line)")
        add([TextSpan(item.kind.singularTitle.capitalizedFirst, Style(item.kind.role, bold: true)),
             TextSpan(" · listed in "), TextSpan("\(sectionTitle), line \(item.line)", Style(.link), reference: listed)])
        // A name listed twice: the card of either says where the other is, and the mentions,
        // which the linker gives the first, are shown on both (QA 30: the second's card said
        // the text does not mention it).
        let alike = model.listedAlike(item)
        for other in alike {
            let place = "\(model.displayName(of: model.article.sections[other.section].id)), line \(other.line)"
            let number = reference(to: .item(other.id), label: place)
            add([TextSpan("Listed again in "), TextSpan(place, Style(.link), reference: number)])
        }
        if let description = item.description {
            add([TextSpan(description)], spacing: 1)
        }
        if model.namesItself(item) {
            add([TextSpan("This is the article you are reading.", Style(.dim))], spacing: 1)
        } else if let article, item.kind == .seeAlso {
            // QA 32: a card restored in a folder said no article of it had the title, where
            // one has (the card was saved when the article was opened alone).
            let open = reference(to: .article(article), label: article)
            add([TextSpan("This folder has its article, "), TextSpan(article, Style(.link), reference: open),
                 TextSpan(": this card gathers what “\(model.article.title)” says about it.", Style(.dim))], spacing: 1)
        } else if let files, item.kind == .seeAlso {
            // Not "not loaded": they are, but a title cannot say which of them it means.
            // "Titled alike": the same title, or one told apart by case, dash or apostrophe only,
            // the first file of each title opening from the finder (QA 30: "have this title" of
            // two that differ in case; QA 31: "open one from the finder" of a second file of one
            // title, which it does not list).
            add([TextSpan("\(files.count) files of the folder are titled alike (\(files.map(\.neutralized).joined(separator: ", "))), "
                          + "so it opens none of them; the finder opens the first of each title. This card gathers what "
                          + "“\(model.article.title)” says about it.", Style(.dim))], spacing: 1)
        } else if item.kind == .seeAlso {
            // In a folder "not loaded" read as if it could be: no file there has the title.
            let why = inFolder ? "No article of this folder has this title" : "Its article is not loaded"
            add([TextSpan("\(why): this card gathers what “\(model.article.title)” says about it.", Style(.dim))], spacing: 1)
        }

        let links = model.graph.links(touching: item.id).sorted { ($0.origin == .curated ? 0 : 1) < ($1.origin == .curated ? 0 : 1) }
        add([TextSpan("Links (\(links.count))", Style(.heading1, bold: true))], prefix: TextSpan("# ", Style(.heading1)), spacing: 1, heading: true)
        if links.isEmpty { add([TextSpan("No links.", Style(.dim))]) }
        for link in links {
            let otherID = link.other(than: item.id)
            let other = model.displayName(of: otherID)
            var spans: [TextSpan] = []
            if let target = Target.node(otherID, in: model) {
                let number = reference(to: target, label: other)
                spans.append(TextSpan(other, Style(.link), reference: number))
            } else {
                spans.append(TextSpan(other))
            }
            spans.append(TextSpan("  \(kindLabel(of: otherID, in: model)) · \(link.relation.rawValue) · \(link.origin.rawValue)", Style(link.origin == .curated ? .curated : .detected)))
            add(spans, prefix: TextSpan(link.from == item.id ? "→ " : "← ", Style(.dim)), indent: 2, spacing: 1)
            if let rationale = link.rationale {
                add([TextSpan(rationale)], indent: 2)
            } else if let evidence = link.evidence {
                // The evidence is where the link's `from` names its `to`.
                let number = reference(to: .mention(item: link.to, line: evidence.line), label: "line \(evidence.line)")
                add([TextSpan("line \(evidence.line)", Style(.link), reference: number),
                     TextSpan(": “\(evidence.text)”", Style(.dim))], indent: 2)
            }
        }

        // Mentions only: a namesake's same-topic link has the namesake's own line as evidence.
        // Its own, else those of the same name listed again, else those of a namesake the
        // name's mentions link ("Mutualism" for "Mutualism (economic theory)"; QA 32: the
        // card said the text does not mention it).
        let namesakes = model.graph.links(touching: item.id).filter { $0.relation == .sameTopic && $0.origin == .detected }
            .compactMap { link in model.node(id: link.other(than: item.id)).flatMap { node in
                if case .item(let index) = node { model.items[index] } else { nil }
            } }
        let mentioned = ([item] + alike + namesakes).lazy.map { named in
            model.graph.incoming(to: named.id).filter { $0.relation == .mentions }.compactMap { $0.evidence.map { (named, $0) } }
        }.first { !$0.isEmpty } ?? []
        add([TextSpan("Mentioned in the article (\(mentioned.count))", Style(.heading1, bold: true))],
            prefix: TextSpan("# ", Style(.heading1)), spacing: 1, heading: true)
        if mentioned.isEmpty { add([TextSpan("The article's text does not mention it by name.", Style(.dim))]) }
        if let named = mentioned.first?.0, namesakes.contains(where: { $0.id == named.id }) {
            add([TextSpan("As “\(named.name)”, whose mentions link the \(named.kind.singularTitle) of that name:", Style(.dim))])
        }
        for (named, evidence) in mentioned {
            let place = "\(model.displayName(of: evidence.section)), line \(evidence.line)"
            let number = reference(to: .mention(item: named.id, line: evidence.line), label: place)
            add([TextSpan(place, Style(.link), reference: number), TextSpan(": “\(evidence.text)”")],
                prefix: TextSpan("• ", Style(.dim)), indent: 2, spacing: 1)
        }
        return document
    }

    static func kindLabel(of id: String, in model: LinkedArticle) -> String {
        switch model.node(id: id) {
        case .item(let index): model.items[index].kind.singularTitle
        case .section: "section"
        case nil: "?"
        }
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
