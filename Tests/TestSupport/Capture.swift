import Foundation

/// A fresh, empty folder for `body`, removed when it returns.
public func withTemporaryDirectory<T>(_ body: (URL) throws -> T) throws -> T {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("seealso-test-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    return try body(folder)
}

/// A folder `name` of articles (file name → text) in a temporary directory, for `body` with
/// the directory and the folder; both are removed after.
public func withArticleFolder<T>(_ name: String, _ files: KeyValuePairs<String, String>, _ body: (URL, URL) throws -> T) throws -> T {
    try withTemporaryDirectory { directory in
        let folder = directory.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (file, text) in files { try text.write(to: folder.appendingPathComponent(file), atomically: true, encoding: .utf8) }
        return try body(directory, folder)
    }
}

/// What a finished program left: its exit status and the bytes of its two streams.
public struct Captured {
    public var status: Int32
    public var stdout: Data
    public var stderr: Data

    /// `data` as UTF-8; a stream that is not valid UTF-8 throws rather than compare as mangled text.
    public static func text(_ data: Data) throws -> String {
        guard let text = String(data: data, encoding: .utf8) else { throw CaptureError("output is not valid UTF-8") }
        return text
    }
}

public struct CaptureError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

extension Captured {
    /// Runs `executable` to its end with Foundation.Process (these programs start no daemon
    /// that could hold a pipe open). Output goes through files, so a large output can never
    /// block on a full pipe. Standard input is `input`, or /dev/null. The environment is
    /// `environment` exactly, or without it `ChildEnvironment` with a fresh HOME (never the
    /// test runner's).
    public static func run(_ executable: URL, _ arguments: [String], in directory: URL? = nil,
                           environment: [String: String]? = nil, input: URL? = nil) throws -> Captured {
        let home = environment == nil ? try TemporaryHome() : nil
        return try withExtendedLifetime(home) { try withTemporaryDirectory { scratch in
            let outURL = scratch.appendingPathComponent("stdout"), errURL = scratch.appendingPathComponent("stderr")
            _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
            _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
            let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
            let process = Process()
            process.executableURL = executable
            process.arguments = arguments
            if let directory { process.currentDirectoryURL = directory }
            process.environment = environment ?? home?.environment()
            process.standardInput = try input.map { try FileHandle(forReadingFrom: $0) } ?? FileHandle.nullDevice
            process.standardOutput = out
            process.standardError = err
            try process.run()
            process.waitUntilExit()
            try out.close()
            try err.close()
            return Captured(status: process.terminationStatus, stdout: try Data(contentsOf: outURL), stderr: try Data(contentsOf: errURL))
        } }
    }
}
