@testable import Content
import Testing

/// Opening an article of a folder looked every See-also topic of every article up again to
/// find its backlinks, each title folded by Foundation: 0.7 s per article opened in a folder
/// of 2,000. The topics are now looked up once (`FolderCatalog.incoming()`), and each
/// article's backlinks read from that; they must be the same as looking each topic up.
@Suite struct IncomingTopicsTests {
    /// Titles written one way and named another: case, accents, dashes, a disambiguator left
    /// out, a title two files share, two that share all but the disambiguator, an article that
    /// names itself.
    let catalog = FolderCatalog(entries: [
        .init(path: "dual-power.txt", title: "Dual power", seeAlso: ["Anarcho–syndicalism", "élisée reclus", "Communalism", "DUAL POWER"]),
        .init(path: "anarchism.txt", title: "Anarchism", seeAlso: ["dual  power", "ANARCHO—SYNDICALISM", "Gamma", "Mercury"]),
        .init(path: "anarcho-syndicalism.txt", title: "Anarcho-syndicalism", seeAlso: ["Anarchism", "Élisée Reclus (geographer)"]),
        .init(path: "reclus.txt", title: "Élisée Reclus", seeAlso: ["Dual power", "Anarchism", "anarchism"]),
        .init(path: "communalism.txt", title: "Communalism (Bookchin)", seeAlso: ["Dual Power", "Mercury (planet)"]),
        .init(path: "gamma.txt", title: "Gamma", seeAlso: ["Anarchism"]),
        .init(path: "gamma2.txt", title: "gamma", seeAlso: ["Anarchism"]),
        .init(path: "mercury-planet.txt", title: "Mercury (planet)", seeAlso: []),
        .init(path: "mercury-element.txt", title: "Mercury (element)", seeAlso: ["Dual power"]),
    ], failures: [])

    /// What backlinks were before: every topic of every other article looked up again.
    func lookedUpOneByOne(to index: Int) -> [(article: Int, topic: String)] {
        catalog.entries.indices.flatMap { source -> [(article: Int, topic: String)] in
            guard source != index else { return [] }
            return catalog.entries[source].seeAlso.filter { catalog.article(titled: $0) == index }.map { (source, $0) }
        }
    }

    @Test func theSameBacklinksAsLookingEachTopicUp() {
        let incoming = catalog.incoming()
        var count = 0
        for index in catalog.entries.indices {
            let found = incoming.to(index)
            let expected = lookedUpOneByOne(to: index)
            #expect(found.map(\.article) == expected.map(\.article), "\(catalog.entries[index].title)")
            #expect(found.map(\.topic) == expected.map(\.topic), "\(catalog.entries[index].title)")
            count += found.count
        }
        // Every topic that opens another article, and no other: of the 18, "DUAL POWER" in
        // Dual power is itself, "Gamma" is two files' (Gamma, gamma) and "Mercury" two
        // articles', so they open none.
        #expect(count == 15)
        #expect(incoming.to(0).map(\.topic) == ["dual  power", "Dual power", "Dual Power", "Dual power"])
        #expect(incoming.to(2).map(\.topic) == ["Anarcho–syndicalism", "ANARCHO—SYNDICALISM"])
        #expect(incoming.to(3).map(\.topic) == ["élisée reclus", "Élisée Reclus (geographer)"])
        #expect(incoming.to(1).map(\.article) == [2, 3, 3, 5, 6])
        #expect(incoming.to(4).map(\.topic) == ["Communalism"])
        #expect(incoming.to(5).isEmpty && incoming.to(6).isEmpty)
    }

    /// A See-also entry with a typographic apostrophe names the article with a straight one,
    /// as the linker reads the two alike: "Workers’ council" found no article "Workers'
    /// council" (QA), its topic card said it was not loaded, and the backlinks missed it.
    @Test func theKindOfApostropheDoesNotMatter() {
        let folder = FolderCatalog(entries: [
            .init(path: "councils.txt", title: "Workers' council", seeAlso: ["Soviet"]),
            .init(path: "soviet.txt", title: "Soviet", seeAlso: ["Workers’ council", "Workers\u{02BC} Council"]),
        ], failures: [])
        #expect(folder.article(titled: "Workers’ council") == 0)
        #expect(folder.incoming().to(0).map(\.topic) == ["Workers’ council", "Workers\u{02BC} Council"])
    }

    /// Titles in ASCII are folded without Foundation (the time to open a folder went to it),
    /// into the same text: every ASCII character, in runs of spaces, tabs and dashes.
    @Test func asciiTitlesFoldAsFoundationFoldsThem() {
        var random = SystemRandomNumberGenerator()
        let ascii = (0..<0x80).map { Character(Unicode.Scalar(UInt8($0))) }
        let samples = ["  Dual  Power ", "Anarcho-Syndicalism", "Workers' Council", "A\t-\n-B", "", " ", "--", "X (Y)", "\u{7F}~"]
            + (0..<500).map { _ in String((0..<Int.random(in: 0...12, using: &random)).map { _ in ascii.randomElement(using: &random)! }) }
        for sample in samples {
            #expect(FolderCatalog.asciiNormalized(sample) == FolderCatalog.normalizedByFoundation(sample), "\(sample.debugDescription)")
        }
        #expect(FolderCatalog.asciiNormalized("Élisée") == nil)
    }
}
