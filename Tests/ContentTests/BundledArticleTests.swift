import Foundation
import Testing
@testable import Content

/// The bundled "Dual power" article: parsed from the copy embedded in the binary and from
/// `assets/dual-power.txt` in the checkout, which must agree.
@Suite("Bundled article")
struct BundledArticleTests {
    enum Source: String, CaseIterable, CustomTestStringConvertible {
        case embedded, repositoryFile
        var testDescription: String { rawValue }

        func load() throws -> LinkedArticle {
            switch self {
            case .embedded: try ArticleLoader.bundled()
            case .repositoryFile: try ArticleLoader.load(path: Repo.articlePath)
            }
        }
    }

    /// (heading, level, line, id), read off `assets/dual-power.txt` by hand.
    static let headings: [(title: String, level: Int, line: Int, id: String)] = [
        ("Background", 2, 11, "background"),
        ("Provisional Government", 2, 19, "provisional-government"),
        ("Petrograd Soviet", 2, 25, "petrograd-soviet"),
        ("July Days' impact", 2, 33, "july-days-impact"),
        ("October Revolution", 2, 40, "october-revolution"),
        ("Strategy and ideological concepts", 2, 48, "strategy-and-ideological-concepts"),
        ("Modern usage by libertarian socialists", 2, 55, "modern-usage-by-libertarian-socialists"),
        ("Historical examples of dual power", 2, 66, "historical-examples-of-dual-power"),
        ("See also", 2, 74, "see-also"),
    ]

    static let strategies: [(name: String, line: Int, description: String)] = [
        ("Mutualism", 60, "building alternative economies through co-operatives, credit unions and local purchasing."),
        ("Municipalism", 61, "building popular assemblies to make decisions at the community level and displace both capitalism and the modern state."),
        ("Syndicalism", 62, "building revolutionary trade unions to confront management in the workplace and ultimately overthrow capitalism. In its anarchist form, it seeks to simultaneously abolish the state."),
        ("Council communism", 63, "building workers' councils as revolutionary workplace and governmental structures."),
        ("Autonomist Marxism", 64, "building a variety of independent structures until a revolutionary overtaking of the state on the path to a libertarian communist society."),
    ]

    static let examples: [(name: String, line: Int)] = [
        ("Italian popolo", 67),
        ("Spanish Revolt of the Comuneros", 68),
        ("Republic of Kosova and the Autonomous Province of Kosovo and Metohija", 69),
        ("Libya", 70),
        ("Yemen", 71),
        ("Igor Strelkov", 72),
    ]

    static let seeAlso = [
        "Anarcho-syndicalism", "Anarchism", "Anti-king", "Autonomous social center", "Communalism (Bookchin)",
        "Council communism", "Diarchy", "Dual state (model)", "Intercommunalism", "Libertarian socialism",
        "Marxism–Leninism", "Marxism–Leninism–Maoism", "Mass line", "Mutual aid (organization theory)",
        "New world order (Bahá'í)", "Prefigurative politics", "Rival government", "Rojava conflict",
        "Tunisian Revolution", "Workers' self-management", "Workplace democracy", "Zapatista uprising",
        "Second Libyan Civil War and Libyan Crisis (2011–present)",
    ]

    // MARK: - The two copies agree

    @Test("The embedded article is byte for byte assets/dual-power.txt and parses the same")
    func embeddedMatchesRepository() throws {
        let fileText = try String(contentsOfFile: Repo.articlePath, encoding: .utf8)
        #expect(ArticleLoader.bundledText() == fileText)

        let embedded = try ArticleLoader.bundled()
        let file = try ArticleLoader.load(path: Repo.articlePath)
        #expect(embedded.article.path == "(bundled) dual-power.txt")
        #expect(file.article.path == Repo.articlePath)
        #expect(embedded.article.sections == file.article.sections)
        #expect(embedded.items == file.items)
        #expect(embedded.graph.links == file.graph.links, "the curated file beside the article is the embedded one")
        #expect(file.annotationsPath == Repo.linksPath)
    }

    // MARK: - Parser

    @Test("Title, and nothing flagged as unsafe", arguments: Source.allCases)
    func title(source: Source) throws {
        let article = try source.load().article
        #expect(article.title == "Dual power")
        #expect(article.titleLine == 1)
        #expect(article.flaggedLines == [])
    }

    @Test("Every heading with its level, line, id and parent", arguments: Source.allCases)
    func headings(source: Source) throws {
        let sections = try source.load().article.sections
        #expect(sections.count == 1 + Self.headings.count)
        let actual = sections.dropFirst().map { "\($0.title)|\($0.level)|\($0.line)|\($0.id)" }
        let expected = Self.headings.map { "\($0.title)|\($0.level)|\($0.line)|\($0.id)" }
        #expect(actual == expected)
        #expect(sections.dropFirst().allSatisfy { $0.parent == nil }, "all headings are level 2: no parents")
    }

    @Test("The parser's headings are exactly the '=' lines of the file, '==X==' included")
    func headingsAgainstRawFile() throws {
        let lines = try String(contentsOfFile: Repo.articlePath, encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false)
        var raw: [(String, Int, Int)] = []
        for (offset, line) in lines.enumerated() where line.hasPrefix("==") {
            let level = line.prefix { $0 == "=" }.count
            #expect(line.hasSuffix(String(repeating: "=", count: level)))
            let text = line.dropFirst(level).dropLast(level).trimmingCharacters(in: .whitespaces)
            raw.append((text, level, offset + 1))
        }
        #expect(lines[54] == "==Modern usage by libertarian socialists==", "line 55 is written without spaces")
        let sections = try ArticleLoader.bundled().article.sections.dropFirst()
        #expect(sections.map { "\($0.title)@\($0.line)/\($0.level)" } == raw.map { "\($0.0)@\($0.2)/\($0.1)" })
    }

    @Test("The lead: four paragraphs at lines 3, 5, 7 and 9", arguments: Source.allCases)
    func lead(source: Source) throws {
        let lead = try source.load().article.lead
        #expect(lead.isLead)
        #expect(lead.id == "lead")
        #expect(lead.level == 1)
        #expect(lead.parent == nil)
        let paragraphs = lead.blocks.compactMap { block -> Paragraph? in
            if case .paragraph(let paragraph) = block { return paragraph }
            return nil
        }
        #expect(paragraphs.count == lead.blocks.count, "the lead has no lists")
        #expect(paragraphs.map(\.line) == [3, 5, 7, 9])
        #expect(paragraphs.map(\.endLine) == [3, 5, 7, 9])
        #expect(paragraphs.first?.text == "Dual power, sometimes referred to as counterpower, refers to a strategy in which alternative institutions coexist with and seek to ultimately replace existing authority.")
        #expect(paragraphs[1].text.hasPrefix("The term was first used by the communist Bolshevik leader Vladimir Lenin (1870–1924)"))
        #expect(paragraphs[1].text.contains("(Двоевластие, Dvoyevlastiye)"))
        #expect(paragraphs[2].text.hasSuffix("in eastern Europe after World War II (1939–1945)."))
        #expect(paragraphs[3].text.hasSuffix("that challenge state and capitalist power while prefiguring a self-managed society."))
    }

    @Test("All 34 list items, with their lines, and no other lists", arguments: Source.allCases)
    func listItems(source: Source) throws {
        let article = try source.load().article
        let items = article.allListItems
        #expect(items.count == 34)
        #expect(items.map(\.item.line) == Array(60...64) + Array(67...72) + Array(76...98))
        let sectionIDs = items.map { article.sections[$0.section].id }
        #expect(sectionIDs == Array(repeating: "modern-usage-by-libertarian-socialists", count: 5)
            + Array(repeating: "historical-examples-of-dual-power", count: 6)
            + Array(repeating: "see-also", count: 23))
        #expect(items.suffix(23).map(\.item.text) == Self.seeAlso)
        #expect(items[7].item.text == "The Republic of Kosova and the Autonomous Province of Kosovo and Metohija")

        let lists = article.sections.flatMap(\.blocks).compactMap { block -> ListBlock? in
            if case .list(let list) = block { return list }
            return nil
        }
        #expect(lists.map(\.items.count) == [5, 6, 23])
        #expect(lists.map(\.leadIn) == ["Strategies used by libertarian socialists to build dual power include:", nil, nil])
    }

    @Test("Strategy items are split at the en dash into name and description")
    func strategySplitting() throws {
        let items = try ArticleLoader.bundled().article.allListItems.map(\.item)
        let strategyItems = items.filter { (60...64).contains($0.line) }
        #expect(strategyItems.map { $0.name ?? "-" } == Self.strategies.map(\.name))
        #expect(strategyItems.map { $0.description ?? "-" } == Self.strategies.map(\.description))
        // Nothing else is written `Name – description`: the see-also titles with dashes inside
        // ("Marxism–Leninism", "Anarcho-syndicalism") and the example sentences stay whole.
        #expect(items.filter { !(60...64).contains($0.line) }.allSatisfy { $0.name == nil && $0.description == nil })
    }

    // MARK: - Classifier

    @Test("Exactly 23 see-also topics, 6 examples and 5 strategies, nothing else", arguments: Source.allCases)
    func classification(source: Source) throws {
        let model = try source.load()
        #expect(model.items.count == 34)
        #expect(model.items(of: .seeAlso).count == 23)
        #expect(model.items(of: .example).count == 6)
        #expect(model.items(of: .strategy).count == 5)
        #expect(Set(model.items.map(\.line)) == Set(model.article.allListItems.map(\.item.line)))

        #expect(model.items(of: .seeAlso).map(\.name) == Self.seeAlso)
        #expect(model.items(of: .seeAlso).allSatisfy { $0.description == nil && $0.text == $0.name })
        #expect(model.items(of: .seeAlso).map(\.line) == Array(76...98))

        #expect(model.items(of: .example).map(\.name) == Self.examples.map(\.name))
        #expect(model.items(of: .example).map(\.line) == Self.examples.map(\.line))
        #expect(model.items(of: .example).allSatisfy { $0.description == $0.text }, "an example keeps its sentence")

        #expect(model.items(of: .strategy).map(\.name) == Self.strategies.map(\.name))
        #expect(model.items(of: .strategy).map(\.id) == ["strategy:mutualism", "strategy:municipalism", "strategy:syndicalism",
                                                         "strategy:council-communism", "strategy:autonomist-marxism"])
        #expect(model.items(of: .strategy).map { $0.description ?? "-" } == Self.strategies.map(\.description))
    }

    @Test("Item ids are unique, prefixed by kind, and never collide with section ids")
    func itemIDs() throws {
        let model = try ArticleLoader.bundled()
        let ids = model.items.map(\.id) + model.article.sections.map(\.id)
        #expect(Set(ids).count == ids.count)
        for item in model.items {
            #expect(item.id.hasPrefix(item.kind.slug + ":"))
        }
        #expect(model.items.first { $0.name == "Communalism (Bookchin)" }?.id == "see-also:communalism-bookchin")
        #expect(model.items.first { $0.name == "New world order (Bahá'í)" }?.id == "see-also:new-world-order-bahai")
    }

    // MARK: - Links

    @Test("At least 20 curated links, each with a type and a rationale, none with evidence")
    func curatedLinks() throws {
        let model = try ArticleLoader.bundled()
        let curated = model.graph.links.filter { $0.origin == .curated }
        #expect(curated.count >= 20)
        #expect(curated.count == 32)
        for link in curated {
            #expect(link.relation != .mentions)
            #expect(!(link.rationale ?? "").isEmpty)
            #expect(link.evidence == nil)
            #expect(model.node(id: link.from) != nil && model.node(id: link.to) != nil)
        }
        #expect(model.annotationsPath == "(bundled) dual-power.links.toml")
    }

    @Test("Every see-also topic, example and strategy has at least one link", arguments: Source.allCases)
    func everyItemLinked(source: Source) throws {
        let model = try source.load()
        let unlinked = model.items.filter { model.graph.links(touching: $0.id).isEmpty }.map(\.name)
        #expect(unlinked == [])
    }

    @Test("Municipalism ↔ Communalism (Bookchin) is curated, with its rationale")
    func municipalismCommunalism() throws {
        let model = try ArticleLoader.bundled()
        let link = try #require(model.graph.outgoing(from: "see-also:communalism-bookchin")
            .first { $0.to == "strategy:municipalism" })
        #expect(link.origin == .curated)
        #expect(link.relation == .theoryOf)
        #expect(link.rationale == "Bookchin's communalism is the political theory behind libertarian municipalism.")
        #expect(model.graph.incoming(to: "strategy:municipalism").contains(link))
    }

    @Test("The curated relations DESIGN.md names are all there", arguments: [
        ("strategy:municipalism", "see-also:communalism-bookchin"),
        ("strategy:syndicalism", "see-also:anarcho-syndicalism"),
        ("strategy:council-communism", "see-also:council-communism"),
        ("strategy:council-communism", "see-also:workers-self-management"),
        ("strategy:mutualism", "see-also:mutual-aid-organization-theory"),
        ("strategy:autonomist-marxism", "see-also:autonomous-social-center"),
        ("example:libya", "see-also:second-libyan-civil-war-and-libyan-crisis-2011-present"),
        ("example:libya", "see-also:rival-government"),
        ("example:italian-popolo", "see-also:diarchy"),
        // DESIGN.md pairs Kosova with Dual state (model); Fraenkel's dual state is one regime
        // in two modes, not two over one territory, so Kosova is a case of rival governments
        // and the dual state is set against dual power in the lead (QA 17a).
        ("example:republic-of-kosova-and-the-autonomous-province-of-kosovo-and-metohija", "see-also:rival-government"),
        ("see-also:dual-state-model", "lead"),
        ("example:spanish-revolt-of-the-comuneros", "see-also:anti-king"),
        ("see-also:marxism-leninism", "background"),
        ("see-also:marxism-leninism", "october-revolution"),
        ("see-also:prefigurative-politics", "lead"),
    ])
    func designRelations(pair: (String, String)) throws {
        let model = try ArticleLoader.bundled()
        let between = model.graph.links(touching: pair.0).filter { $0.other(than: pair.0) == pair.1 && $0.origin == .curated }
        #expect(between.count == 1)
    }

    @Test("Lead line 9 mentions Anarchism, Libertarian socialism, Mutual aid and Municipalism by alias")
    func leadMentions() throws {
        let model = try ArticleLoader.bundled()
        let line9 = model.graph.outgoing(from: "lead").filter { $0.origin == .detected && $0.evidence?.line == 9 }
        #expect(Set(line9.map(\.to)) == ["see-also:anarchism", "see-also:libertarian-socialism",
                                         "see-also:mutual-aid-organization-theory", "strategy:municipalism"])
        let sentence = "While the term was initially associated with Bolshevik strategy, its meaning has since expanded among anarchists, municipalists, and other libertarian socialists, where it describes the creation of directly democratic structures such as worker cooperatives, people’s assemblies, and mutual aid networks that challenge state and capitalist power while prefiguring a self-managed society."
        for link in line9 {
            #expect(link.relation == .mentions)
            #expect(link.rationale == nil)
            #expect(link.evidence == Evidence(section: "lead", line: 9, text: sentence))
        }
        // The spelling in the text differs from the topic's name in each case.
        #expect(sentence.contains("anarchists") && !sentence.contains("Anarchism"))
        #expect(sentence.contains("libertarian socialists") && !sentence.lowercased().contains("libertarian socialism"))
        #expect(sentence.contains("mutual aid") && !sentence.contains("organization theory"))
        #expect(sentence.contains("municipalists") && !sentence.lowercased().contains("municipalism"))
    }

    @Test("Detected links elsewhere: evidence is the one sentence that mentions the topic")
    func otherDetectedLinks() throws {
        let model = try ArticleLoader.bundled()
        func detected(_ from: String, _ to: String) -> [Evidence] {
            model.graph.outgoing(from: from).filter { $0.to == to && $0.origin == .detected }.compactMap(\.evidence)
        }
        #expect(detected("background", "see-also:anarchism") == [Evidence(
            section: "background", line: 17,
            text: "Other members of Soviet leadership were skeptical of Lenin's ideas since they were afraid that Lenin and the Bolsheviks were advocating for anarchism.")])
        #expect(detected("strategy:syndicalism", "see-also:anarchism") == [Evidence(
            section: "modern-usage-by-libertarian-socialists", line: 62,
            text: "In its anarchist form, it seeks to simultaneously abolish the state.")])
        // The heading "Modern usage by libertarian socialists" names the topic too, but the
        // section's sentences are the evidence (QA 17a).
        #expect(detected("modern-usage-by-libertarian-socialists", "see-also:libertarian-socialism").map(\.line) == [57, 59])
        // An item's own name takes its words, as a longer name does in a paragraph: the names
        // inside it are no mentions (QA 16). The curated links say how these relate.
        #expect(detected("see-also:second-libyan-civil-war-and-libyan-crisis-2011-present", "example:libya").isEmpty)
        #expect(detected("see-also:anarcho-syndicalism", "strategy:syndicalism").isEmpty)
        #expect(detected("see-also:marxism-leninism-maoism", "see-also:marxism-leninism").isEmpty)
        // A shorter name never matches a longer one, and nothing links to itself.
        #expect(detected("see-also:marxism-leninism", "see-also:marxism-leninism-maoism").isEmpty)
        #expect(model.graph.links.allSatisfy { $0.from != $0.to })
        // Terms that are not items (Bolshevik, Trotskyism) produce no links at all.
        #expect(!model.graph.links.contains { $0.to.contains("bolshevik") || $0.to.contains("trotsky") })
    }

    @Test("Every detected link's evidence is a sentence of the cited line that names the target")
    func evidenceIsGenuine() throws {
        let model = try ArticleLoader.bundled()
        let detected = model.graph.links.filter { $0.origin == .detected }
        #expect(detected.count >= 8)
        for link in detected {
            let evidence = try #require(link.evidence)
            #expect(link.relation == .mentions)
            let sectionIndex = try #require(model.article.sectionIndex(id: evidence.section))
            // The cited block exists at that line and contains the sentence.
            let blockTexts = model.article.sections[sectionIndex].blocks.flatMap { block -> [(Int, String)] in
                switch block {
                case .paragraph(let paragraph): [(paragraph.line, paragraph.text)]
                case .list(let list): list.items.map { ($0.line, $0.text) }
                }
            }
            let source = try #require(blockTexts.first { $0.0 == evidence.line }, "no block at line \(evidence.line)")
            #expect(source.1.contains(evidence.text))
            // The sentence contains the target's name or an alias, as whole words.
            let target = try #require(model.items.first { $0.id == link.to })
            let words = Tokenizer.tokens(in: evidence.text)
            let aliases = Aliases.tokenSequences(for: target.name)
            let found = aliases.contains { alias in
                words.indices.contains { start in
                    start + alias.count <= words.count && Array(words[start..<start + alias.count]) == alias
                }
            }
            #expect(found, "\(link.from) → \(link.to): '\(evidence.text)' does not name '\(target.name)'")
        }
    }

    @Test("Backlinks are the same edges read from the other end", arguments: Source.allCases)
    func backlinks(source: Source) throws {
        let model = try source.load()
        let graph = model.graph
        let nodes = model.article.sections.map(\.id) + model.items.map(\.id)
        var incomingTotal = 0
        for node in nodes {
            let incoming = graph.incoming(to: node)
            let outgoing = graph.outgoing(from: node)
            #expect(incoming == graph.links.filter { $0.to == node })
            #expect(outgoing == graph.links.filter { $0.from == node })
            #expect(graph.degree(of: node) == incoming.count + outgoing.count)
            #expect(Set(graph.links(touching: node)) == Set(incoming + outgoing))
            for link in incoming {
                #expect(graph.outgoing(from: link.from).contains(link), "the backlink is an outgoing edge of its source")
            }
            incomingTotal += incoming.count
        }
        #expect(incomingTotal == graph.links.count, "every edge is someone's backlink exactly once")
        #expect(graph.incoming(to: "strategy:municipalism").map(\.from).contains("see-also:communalism-bookchin"))
        #expect(graph.incoming(to: "no-such-node").isEmpty)
    }
}
