#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The process's environment variables, as `ProcessInfo.processInfo.environment` gives them
/// (each `NAME=value` entry split at its first "=", entries without one skipped, a later
/// entry of the same name winning) but read straight from `environ`: the first use of
/// `ProcessInfo` cost about 0.3 ms of start-up, a fiftieth of the time to the first frame.
enum ProcessEnvironment {
    static func variables() -> [String: String] {
        var variables: [String: String] = [:]
        var entry: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = environ
        while let current = entry, let pointer = current.pointee {
            let text = String(cString: pointer)
            if let equals = text.firstIndex(of: "=") {
                variables[String(text[..<equals])] = String(text[text.index(after: equals)...])
            }
            entry = current + 1
        }
        return variables
    }

    /// The value of the variable `name`, as `variables()[name]` gives it (the last entry of that
    /// name, not the first as `getenv`'s), without making the dictionary or a string of any
    /// other entry. `entries`: a list such as `environ`, ended by a null pointer.
    static func value(of name: String, in entries: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = environ) -> String? {
        let prefix = name + "="
        var found: UnsafeMutablePointer<CChar>?
        var entry = entries
        while let current = entry, let pointer = current.pointee {
            if strncmp(pointer, prefix, prefix.utf8.count) == 0 { found = pointer }
            entry = current + 1
        }
        return found.map { String(cString: $0 + prefix.utf8.count) }
    }
}
