import Testing
@testable import TUI

/// The status bar's jump path: the newest steps that fit, the oldest dropped behind "…".
@Suite struct JumpPathFitTests {
    /// The rule as first written, measuring the whole remaining path after each dropped step
    /// (quadratic: 0.4 s a frame with 200 long steps): the reference the fast one must equal.
    static func reference(_ labels: [String], width: Int) -> String {
        guard !labels.isEmpty else { return "" }
        var shown = labels
        var text = shown.joined(separator: " → ")
        while text.displayWidth > width, shown.count > 1 {
            shown.removeFirst()
            text = "… → " + shown.joined(separator: " → ")
        }
        return text.displayWidth > width ? String(text.truncated(toWidth: width)) : text
    }

    @Test func examples() {
        #expect(Explorer.fitted([], width: 20) == "")
        #expect(Explorer.fitted(["Lead", "Background"], width: 40) == "Lead → Background")
        #expect(Explorer.fitted(["Lead", "Background", "Municipalism"], width: 30) == "… → Background → Municipalism")
        #expect(Explorer.fitted(["Lead", "Background", "Municipalism"], width: 20) == "… → Municipalism")
        #expect(Explorer.fitted(["A very long heading that does not fit"], width: 10).displayWidth <= 10)
    }

    /// Random paths of short, long, wide (CJK) and empty labels at every width from 0 to 60.
    @Test func equalsTheReferenceRule() {
        let words = ["", "Lead", "Background", "Dual power", "漢字の見出し", "Совет", "e\u{301}tat",
                     String(repeating: "long heading ", count: 8), "→", "…"]
        var seed: UInt64 = 7
        func next(_ bound: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(bound))
        }
        for _ in 0..<300 {
            let labels = (0..<next(12)).map { _ in words[next(words.count)] }
            for width in 0...60 {
                #expect(Explorer.fitted(labels, width: width) == Self.reference(labels, width: width),
                        "\(labels) at \(width)")
            }
        }
    }
}
