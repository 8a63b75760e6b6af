import Foundation

/// A Python script that drives `seealso` on a pty of its own, for what tmux cannot do: close
/// the terminal under the program, or hold its output back (flow control) at a chosen moment.
/// The script gets the binary as `sys.argv[1]` and a fresh data folder as `sys.argv[2]`;
/// what it prints is the result.
enum PtyScript {
    static func run(_ script: String) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("seealso-pty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("drive.py")
        try script.write(to: file, atomically: true, encoding: .utf8)
        let data = directory.appendingPathComponent("data").path
        let result = Shell.run("python3 \(Shell.quote(file.path)) \(Shell.quote(Binary.seealso)) \(Shell.quote(data))")
        return result.output.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
