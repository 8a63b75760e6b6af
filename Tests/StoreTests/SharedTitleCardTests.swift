import Content
import Foundation
import Testing
@testable import seealso
@testable import Store
@testable import TUI

/// A See-also topic whose title two files of the folder have opens neither, and its card said
/// "Its article is not loaded", though both are (QA 12c). It says which files have the title.
@MainActor
@Suite("The card of a topic whose title several files have")
struct SharedTitleCardTests {
    @Test func theCardNamesTheFilesThatShareTheTitle() throws {
        let folder = try ChangedOnDiskTests.Folder()
        try folder.write("gamma-copy.txt", "= Gamma =\nAnother Gamma.\n")
        let reader = try folder.explorer(on: "alpha.txt")
        let gamma = try #require(reader.session.explorer.model.items.first { $0.kind == .seeAlso && $0.name == "Gamma" })
        reader.apply(.follow(.card(gamma.id)))
        #expect(reader.title == "Alpha", "a card, not another article")
        let card = reader.session.explorer.readerDocument(reader.state).blocks.flatMap(\.spans).map(\.text).joined()
        #expect(card.contains("2 files of the folder are titled alike (\(folder.path("gamma-copy.txt")), \(folder.path("gamma.txt")))"), "\(card)")
        #expect(!card.contains("not loaded"))

        // A topic no file has: said so, not "not loaded", which read as if it could be (QA 16a).
        let delta = try #require(reader.session.explorer.model.items.first { $0.kind == .seeAlso && $0.name == "Delta" })
        reader.apply(.follow(.card(delta.id)))
        let other = reader.session.explorer.readerDocument(reader.state).blocks.flatMap(\.spans).map(\.text).joined()
        #expect(other.contains("No article of this folder has this title: this card gathers what “Alpha” says about it."), "\(other)")
        #expect(!other.contains("not loaded"))
    }
}
