/// How the outputs name a node where no id is shown (the other end of a link in `links` and
/// the Markdown export, a node of the DOT graph): by its label, and, only when another item
/// or section of the article has the same label, with what tells it apart — its kind,
/// written as in a links file (`Foo (example)`, `Foo (see-also)`, `Background (section)`),
/// or its id when that is shared too (two See-also topics "Foo": `Foo (see-also:foo-2)`).
struct NodeNames {
    private let model: LinkedArticle
    /// For each label that more than one node has (as printed: neutralised), how many of
    /// those nodes are of each kind (`kind(of:)`).
    private let sharedLabels: [String: [String: Int]]

    init(_ model: LinkedArticle) {
        self.model = model
        var kindsByLabel: [String: [String: Int]] = [:]
        for section in model.article.sections { kindsByLabel[section.title.neutralized, default: [:]]["section", default: 0] += 1 }
        for item in model.items { kindsByLabel[item.name.neutralized, default: [:]][item.kind.slug, default: 0] += 1 }
        sharedLabels = kindsByLabel.filter { $0.value.values.reduce(0, +) > 1 }
    }

    /// The node's label, neutralised, told apart from its namesakes when it has any.
    /// `kindShown`: where the node's kind is seen (the DOT graph's shapes and fills), only
    /// from those of its own kind, by id.
    func name(of id: String, kindShown: Bool = false) -> String {
        let label = model.label(of: id).neutralized
        guard let kinds = sharedLabels[label], let kind = kind(of: id) else { return label }
        guard kinds[kind] == 1 else { return "\(label) (\(id.neutralized))" }
        return kindShown ? label : "\(label) (\(kind))"
    }

    /// The kind as a links file writes it before a name: an item kind's slug, or "section".
    private func kind(of id: String) -> String? {
        switch model.node(id: id) {
        case .item(let index): model.items[index].kind.slug
        case .section: "section"
        case nil: nil
        }
    }
}
