#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The process's environment variables read straight from `environ` (the first use of
/// `ProcessInfo` cost about 0.3 ms of start-up, a fiftieth of the time to the first frame):
/// each `NAME=value` entry split at its first "=", entries without one skipped, and of two
/// entries of one name the first, as `getenv` reads them. ncurses reads TERM so, and C
/// libraries the rest: with the last winning (as `ProcessInfo` has it), `TERM=dumb
/// TERM=xterm-256color` was a terminal for seealso and a dumb one for ncurses (QA 35).
enum ProcessEnvironment {
    /// `entries`: a list such as `environ`, ended by a null pointer.
    static func variables(in entries: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = environ) -> [String: String] {
        var variables: [String: String] = [:]
        var entry = entries
        while let current = entry, let pointer = current.pointee {
            let text = String(cString: pointer)
            if let equals = text.firstIndex(of: "="), variables[String(text[..<equals])] == nil {
                variables[String(text[..<equals])] = String(text[text.index(after: equals)...])
            }
            entry = current + 1
        }
        return variables
    }

    /// The value of the variable `name`, as `variables()[name]` and `getenv` give it, without
    /// making the dictionary or a string of any other entry. `entries`: a list such as
    /// `environ`, ended by a null pointer.
    static func value(of name: String, in entries: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = environ) -> String? {
        let prefix = name + "="
        var entry = entries
        while let current = entry, let pointer = current.pointee {
            if strncmp(pointer, prefix, prefix.utf8.count) == 0 { return String(cString: pointer + prefix.utf8.count) }
            entry = current + 1
        }
        return nil
    }
}
