import Foundation
import Testing
@testable import Content

/// The fixture articles in `Tests/ContentTests/Fixtures`, copied into the test bundle.
enum Fixtures {
    static func url(_ name: String) throws -> URL {
        let base = (name as NSString).deletingPathExtension
        let ext = (name as NSString).pathExtension
        return try #require(Bundle.module.url(forResource: base, withExtension: ext, subdirectory: "Fixtures"),
                            "fixture \(name) is not in the test bundle")
    }

    static func path(_ name: String) throws -> String { try url(name).path }

    static func bytes(_ name: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: url(name))) }

    /// The fixture through the same loader the command line uses (with its `.links.toml`, if any).
    static func load(_ name: String) throws -> LinkedArticle { try ArticleLoader.load(path: path(name)) }

    static func article(_ name: String) throws -> Article { try ArticleParser().parse(contentsOf: url(name)) }
}

/// The repository checkout, found from this file's path (`Tests/ContentTests/Support.swift`).
enum Repo {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var articlePath: String { root.appendingPathComponent("assets/dual-power.txt").path }
    static var linksPath: String { root.appendingPathComponent("assets/dual-power.links.toml").path }
}

/// The first problem a parse reports, or nil when the text loads.
func parseError(_ text: String, path: String = "test.txt") -> SourceError? {
    parseError(bytes: Array(text.utf8), path: path)
}

func parseError(bytes: [UInt8], path: String = "test.txt") -> SourceError? {
    do {
        _ = try ArticleParser().parse(bytes: bytes, path: path)
        return nil
    } catch let errors as SourceErrors {
        return errors.errors[0]
    } catch {
        Issue.record("unexpected error type \(type(of: error)): \(error)")
        return nil
    }
}

/// Every scalar of `output` that must never reach a terminal (a line feed is fine).
func unsafeScalars(in output: String) -> [String] {
    output.unicodeScalars.filter { $0 != "\n" && TextSafety.isUnsafe($0) }
        .map { String(format: "U+%04X", $0.value) }
}

/// Every text output the project produces for a model.
func allOutputs(of model: LinkedArticle) throws -> [(name: String, text: String)] {
    var outputs: [(String, String)] = [
        ("outline", OutlineFormatter().format(model)),
        ("links", LinksFormatter().format(model)),
        ("markdown", MarkdownExporter().export(model)),
        ("dot", DOTExporter().export(model)),
        ("json", try JSONExporter().export(model)),
    ]
    for kind in ItemKind.allCases {
        for origin in LinkOrigin.allCases {
            outputs.append(("links --kind \(kind.slug) --origin \(origin.rawValue)",
                            LinksFormatter(kinds: [kind], origins: [origin]).format(model)))
        }
    }
    return outputs
}

/// SplitMix64: deterministic pseudo-random bytes for the binary-file tests, and a seeded
/// generator for random cases that must repeat when they fail.
struct SeededBytes: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func bytes(_ count: Int) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(count)
        while result.count < count {
            var word = next()
            for _ in 0..<8 where result.count < count {
                result.append(UInt8(truncatingIfNeeded: word))
                word >>= 8
            }
        }
        return result
    }
}

extension ArticleLoader {
    /// The bundled article's text as embedded at build time, which `bundled()` parses.
    static func bundledText() -> String {
        EmbeddedAssets.textByName[bundledArticleName] ?? ""
    }
}
