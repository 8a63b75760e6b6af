import Foundation
import Testing
@testable import seealso

/// The environment as the explorer reads it: TERM alone first, for the article's thread to
/// start sooner, then every variable.
@Suite("ProcessEnvironment: one variable as the dictionary of all gives it")
struct ProcessEnvironmentTests {
    /// The first of two entries of one name, as `getenv`, and so ncurses, reads TERM (QA 35:
    /// `TERM=dumb TERM=xterm-256color` was a terminal for seealso and a dumb one for ncurses).
    @Test("value(of:) is the first entry of the name, whatever follows its '=', and no entry of a longer name")
    func oneVariable() {
        // An environment of its own: setenv would race with the tests reading the process's.
        let strings = ["TERMINAL=other", "TERM=first", "NOEQUALS", "EMPTY=a=b", "TERM=xterm-256color", "TER", "EMPTY="]
        let entries = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: strings.count + 1)
        for (index, string) in strings.enumerated() { entries[index] = strdup(string) }
        entries[strings.count] = nil
        defer {
            for index in strings.indices { free(entries[index]) }
            entries.deallocate()
        }
        #expect(ProcessEnvironment.value(of: "TERM", in: entries) == "first")
        #expect(ProcessEnvironment.value(of: "TERMINAL", in: entries) == "other")
        #expect(ProcessEnvironment.value(of: "EMPTY", in: entries) == "a=b")
        #expect(ProcessEnvironment.value(of: "TER", in: entries) == nil)
        #expect(ProcessEnvironment.value(of: "NOEQUALS", in: entries) == nil)
        #expect(ProcessEnvironment.variables(in: entries) == ["TERMINAL": "other", "TERM": "first", "EMPTY": "a=b"])
    }

    @Test("Of the process's own environment, value(of:) is what variables() has")
    func processEnvironment() {
        let all = ProcessEnvironment.variables()
        for name in ["PATH", "HOME", "TERM", "SEEALSO_SURELY_NOT_SET"] {
            #expect(ProcessEnvironment.value(of: name) == all[name])
        }
    }
}
