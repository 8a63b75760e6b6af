import Foundation
import TestSupport
import Testing
@testable import Content

/// A links-file reference that several items or sections answer to: the advice must be one
/// that can work. `kind: name` cannot tell apart two items of the same kind and name, nor
/// `section: Heading` two sections with the same heading; only their ids can.
@Suite("Ambiguous references in links files")
struct AmbiguousReferenceTests {
    static let article = """
        = Duplicates =
        Lead.

        == Background ==
        One.

        == Background ==
        Two.

        == Strategies ==
        The strategies are:
        - Bar – a strategy

        == See also ==
        - Foo
        - Foo
        - Bar

        """

    /// The error `seealso outline` reports for `d.txt` with `toml` as `d.links.toml`.
    static func error(_ toml: String) throws -> String {
        try withTemporaryDirectory { directory in
            let file = directory.appendingPathComponent("d.txt")
            try article.write(to: file, atomically: true, encoding: .utf8)
            try toml.write(to: directory.appendingPathComponent("d.links.toml"), atomically: true, encoding: .utf8)
            let result = try CLI.run(["outline", file.path])
            #expect(result.status == 65)
            return result.stderr.replacingOccurrences(of: directory.path + "/", with: "")
        }
    }

    static func link(from: String) -> String {
        "[[link]]\nfrom = \"\(from)\"\nto = \"section: Strategies\"\ntype = \"related\"\nrationale = \"r\"\n"
    }

    @Test("kind: name shared by two items of that kind: the ids are offered")
    func sameKindAndName() throws {
        #expect(try Self.error(Self.link(from: "see-also: Foo")) == "seealso: d.links.toml:2: 'see-also: Foo' is ambiguous; "
            + "use one of the ids: see-also:foo, see-also:foo-2\n")
    }

    @Test("section: Heading shared by two sections: the ids are offered")
    func sameHeading() throws {
        #expect(try Self.error(Self.link(from: "section: Background")) == "seealso: d.links.toml:2: 'section: Background' is ambiguous; "
            + "use one of the ids: background, background-2\n")
    }

    @Test("a bare name: 'kind: name' when kinds tell the matches apart, else the ids")
    func bareName() throws {
        #expect(try Self.error(Self.link(from: "Bar")) == "seealso: d.links.toml:2: 'Bar' is ambiguous "
            + "(strategy:bar, see-also:bar): write it as 'kind: name'\n")
        #expect(try Self.error(Self.link(from: "Foo")) == "seealso: d.links.toml:2: 'Foo' is ambiguous; "
            + "use one of the ids: see-also:foo, see-also:foo-2\n")
    }
}
