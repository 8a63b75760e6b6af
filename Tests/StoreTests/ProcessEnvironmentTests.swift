import Foundation
import Testing
@testable import seealso

/// The environment as the explorer reads it: TERM alone first, for the article's thread to
/// start sooner, then every variable.
@Suite("ProcessEnvironment: one variable as the dictionary of all gives it")
struct ProcessEnvironmentTests {
    @Test("value(of:) is the last entry of the name, whatever follows its '=', and no entry of a longer name")
    func oneVariable() {
        // An environment of its own: setenv would race with the tests reading the process's.
        let strings = ["TERM=first", "TERMINAL=other", "NOEQUALS", "EMPTY=", "TERM=xterm=256", "TER"]
        let entries = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: strings.count + 1)
        for (index, string) in strings.enumerated() { entries[index] = strdup(string) }
        entries[strings.count] = nil
        defer {
            for index in strings.indices { free(entries[index]) }
            entries.deallocate()
        }
        #expect(ProcessEnvironment.value(of: "TERM", in: entries) == "xterm=256")
        #expect(ProcessEnvironment.value(of: "TERMINAL", in: entries) == "other")
        #expect(ProcessEnvironment.value(of: "EMPTY", in: entries) == "")
        #expect(ProcessEnvironment.value(of: "TER", in: entries) == nil)
        #expect(ProcessEnvironment.value(of: "NOEQUALS", in: entries) == nil)
    }

    @Test("Of the process's own environment, value(of:) is what variables() has")
    func processEnvironment() {
        let all = ProcessEnvironment.variables()
        for name in ["PATH", "HOME", "TERM", "SEEALSO_SURELY_NOT_SET"] {
            #expect(ProcessEnvironment.value(of: name) == all[name])
        }
    }
}
