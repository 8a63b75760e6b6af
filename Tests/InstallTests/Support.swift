import Foundation
import TestSupport
import Testing

/// Runs programs for the install tests (through `Captured.run`).
enum Run {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The package's root folder (this file is Tests/InstallTests/Support.swift).
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The folder SwiftPM built the tests into: `seealso` and `seealso-manpage` are there too.
    static var buildFolder: URL {
        BuiltProducts.seealso.map { URL(fileURLWithPath: $0).deletingLastPathComponent() }
            ?? URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
    }

    static var seealso: String { buildFolder.appendingPathComponent("seealso").path }

    @discardableResult
    static func run(_ executable: String, _ arguments: [String], in directory: URL? = nil,
                    environment: [String: String]? = nil) throws -> Result {
        let run = try Captured.run(URL(fileURLWithPath: executable), arguments, in: directory, environment: environment)
        return Result(status: run.status, stdout: try Captured.text(run.stdout), stderr: try Captured.text(run.stderr))
    }

    /// `command` run by bash (for `bash -n`, sourcing completions).
    static func bash(_ command: String, environment: [String: String]? = nil) throws -> Result {
        try run("/bin/bash", ["-c", command], environment: environment)
    }

    static func which(_ program: String) -> String? {
        for folder in ["/usr/bin", "/bin", "/usr/local/bin"] {
            let path = folder + "/" + program
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }
}

func shellQuote(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
}
