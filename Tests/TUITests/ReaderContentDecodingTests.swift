import Foundation
import Testing
@testable import TUI

/// `ReaderContent` decodes by hand, looking for its two keys with `contains` rather than the
/// synthesized `allKeys`, whose run-time cast searched the binary's conformances before the
/// first frame. It must read every saved session as the synthesized decoding did.
@Suite("The reader's content, decoded")
struct ReaderContentDecodingTests {
    /// `ReaderContent` as the compiler would decode it, to compare the hand-written decoding with.
    enum SynthesizedContent: Decodable, Equatable {
        case article
        case card(itemID: String)

        var content: ReaderContent {
            switch self {
            case .article: .article
            case .card(let id): .card(itemID: id)
            }
        }
    }

    @Test("the reader's content decodes as the synthesized decoding would", arguments: [
        #"{"article":{}}"#, #"{"card":{"itemID":"x"}}"#, #"{"article":{"extra":1}}"#, #"{"junk":1,"article":{}}"#,
        #"{}"#, #"{"article":{},"card":{"itemID":"x"}}"#, #"{"article":null}"#, #"{"article":1}"#, #"{"card":{}}"#,
        #"{"card":{"itemID":1}}"#, #"{"card":null}"#, #"[]"#, #""article""#,
    ])
    func readerContent(_ text: String) throws {
        let data = Data(text.utf8)
        let expected = (try? JSONDecoder().decode(SynthesizedContent.self, from: data))?.content
        #expect((try? JSONDecoder().decode(ReaderContent.self, from: data)) == expected)
    }
}
