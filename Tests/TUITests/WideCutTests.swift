import Content
import Testing
@testable import TUI

/// A row cut before a wide character ends in "…" right after its text (QA 10a: the "…" went
/// to the pane's last column, over the second half of the last wide character, leaving a
/// gap: "東京都庁舎渋谷新 …").
@Suite("Cut rows with wide characters")
struct WideCutTests {
    @Test func theEllipsisFollowsTheTextInTheOutlineAndTheFinder() throws {
        let text = """
            = 切り詰め =
            リード。

            == 東京都庁舎渋谷新宿池袋上野浅草 ==
            本文。

            == a東京都庁舎渋谷新宿池袋上野浅草 ==
            本文。
            """
        let explorer = makeExplorer(try LinkedArticle(article: ArticleParser().parse(text, path: "cut.txt")))
        let state = explorer.initialState(size: Size(width: 120, height: 40))
        let rows = explorer.render(state).text.split(separator: "\n").map(String.init)
        // The outline's rows: the text before the first border.
        let outline = rows.compactMap { $0.split(separator: "│", omittingEmptySubsequences: false).first }
            .filter { $0.contains("東京都庁舎") }
        #expect(outline.count == 2)
        #expect(outline.allSatisfy { $0.contains("…") && !$0.contains(" …") }, "\(outline)")
        var finder = explorer.update(state, .command(.goTo))
        finder = "東京".reduce(finder) { explorer.update($0, explorer.action(for: .key(.character($1)), in: $0)) }
        let narrow = explorer.update(finder, .resize(Size(width: 44, height: 20)))
        let finderRows = explorer.render(narrow).text.split(separator: "\n").filter { $0.contains("東京都") }
        #expect(!finderRows.isEmpty)
        #expect(finderRows.allSatisfy { !$0.contains(" …") && $0.contains("…") }, "\(finderRows)")
    }
}

/// A cross-reference in text without spaces is not split between rows (QA 11a: "首都、東" /
/// "京[5]、…": the wrapper broke before any ideograph, the reference's own included).
@Suite("Cross-references in Chinese and Japanese text")
struct IdeographReferenceTests {
    /// The paragraph of `text` with more than `references` cross-references, as the reader has it.
    func block(of text: String, withMoreThan references: Int) throws -> ReaderBlock {
        let explorer = makeExplorer(try LinkedArticle(article: ArticleParser().parse(text, path: "cjk.txt")))
        let document = explorer.layouts.document(explorer.initialState(size: Size(width: 80, height: 24)).reader.content)
        return try #require(document.blocks.first { $0.spans.filter { $0.reference != nil }.count > references })
    }

    /// Each reference (its name and its number) on one row only.
    func expectEachReferenceOnOneRow(_ lines: [[TextSpan]], width: Int) {
        var rowOf: [Int: Int] = [:]
        for (row, line) in lines.enumerated() {
            for span in line {
                guard let reference = span.reference else { continue }
                #expect(rowOf[reference, default: row] == row, "width \(width): reference \(reference) split")
                rowOf[reference] = row
            }
        }
    }

    @Test func aReferenceAndItsNumberStayOnOneRowAtEveryWidth() throws {
        let paragraph = String(repeating: "日本の首都は東京です。東京は大きい。首都、東京、大阪、京都。", count: 4)
        let block = try block(of: "= 日本 =\n\n\(paragraph)\n\n== See also ==\n- 東京\n- 大阪\n", withMoreThan: 3)
        for width in 8...80 {
            let lines = ReaderLayout.wrap(block, width: width)
            expectEachReferenceOnOneRow(lines, width: width)
            #expect(lines.allSatisfy { $0.reduce(0) { $0 + $1.text.displayWidth } <= width })
        }
    }

    /// QA 25: references side by side ("東京[1]東京[2]…", thirty of them) were one unit, and
    /// the run, longer than the line, was cut anywhere: "東京[7]東" / "京[8]", "東京[" / "15]".
    /// Each is a unit of its own.
    @Test func referencesSideBySideAreEachKeptWhole() throws {
        let run = String(repeating: "東京", count: 30)
        let block = try block(of: "= CJK =\n\nLead.\n\n== Run ==\n\n\(run) end.\n\n== See also ==\n\n- 東京\n", withMoreThan: 20)
        for width in [20, 51, 57, 80] {
            let lines = ReaderLayout.wrap(block, width: width)
            #expect(lines.count > 1)
            expectEachReferenceOnOneRow(lines, width: width)
            for line in lines.map({ $0.map(\.text).joined() }) {
                #expect(!line.hasSuffix("[") && !line.hasSuffix("東"), "width \(width): \(line)")
            }
        }
    }
}
