import Foundation
import Testing
import TestSupport

/// Output that cannot be written is an error, as grep has it: said on stderr, status 74,
/// never a silent success and never a crash. A stderr that cannot be written loses the
/// message, and only the message.
@Suite("Write errors")
struct OutputErrorTests {
    /// seealso with `arguments`, its descriptors redirected first by `redirection` (sh syntax).
    static func run(_ arguments: [String], redirecting redirection: String) throws -> CLI.Result {
        try CLI.run(["-c", "exec \"$@\" \(redirection)", "sh", try CLI.binary().path] + arguments,
                    executable: URL(fileURLWithPath: "/bin/sh"))
    }

    @Test("A full disk under stdout: 'write error: No space left on device', status 74, for every command that prints",
          arguments: [["outline"], ["links"], ["export", "--format", "json"], ["export", "--format", "markdown"],
                      ["export", "--format", "dot"], ["search", "Kornilov"], ["search", "Kornilov", "--json"],
                      ["config", "--print-default"], ["bookmarks", "list", "--json"], ["bookmarks", "export", "--format", "json"],
                      ["bookmarks", "export", "--format", "markdown"]])
    func fullDisk(arguments: [String]) throws {
        let result = try Self.run(arguments, redirecting: ">/dev/full")
        #expect(result.status == 74)
        #expect(result.stderr == "seealso: write error: No space left on device\n")
    }

    /// A folder is read on several threads: one of them opened a descriptor (epoll's) that
    /// took the closed stdout's number, and the output went into it ("Invalid argument").
    @Test("A closed stdout: 'write error: Bad file descriptor', status 74, a folder's threads or not",
          arguments: [["outline"], ["links", "Tests/ContentTests/Fixtures"]])
    func closedOutput(arguments: [String]) throws {
        for _ in 0..<5 {
            let result = try CLI.run(["-c", "exec \"$@\" >&-", "sh", try CLI.binary().path] + arguments,
                                     executable: URL(fileURLWithPath: "/bin/sh"), in: Repo.root)
            #expect(result.status == 74)
            #expect(result.stderr.hasSuffix("seealso: write error: Bad file descriptor\n"), "\(result.stderr)")
        }
    }

    /// QA 32: a closed stdin was held by /dev/null for reading, and read as an empty article.
    @Test("A closed stdin: 'cannot read file: bad file descriptor', status 66, as for a file",
          arguments: [["outline", "-"], ["-"], ["bookmarks", "import", "-", "--data-dir", "/proc/nonexistent/seealso-test"]])
    func closedInput(arguments: [String]) throws {
        let result = try CLI.run(["-c", "exec \"$@\" <&-", "sh", try CLI.binary().path] + arguments,
                                 executable: URL(fileURLWithPath: "/bin/sh"))
        #expect(result.status == 66)
        #expect(result.stderr == "seealso: (standard input): cannot read file: bad file descriptor\n", "\(result.stderr)")
    }

    @Test("What the argument parser prints itself (help, version, completion scripts) is checked too",
          arguments: [["--help"], ["--version"], ["help", "bookmarks"], ["--generate-completion-script", "bash"]])
    func parserOutput(arguments: [String]) throws {
        let result = try Self.run(arguments, redirecting: ">/dev/full")
        #expect(result.status == 74)
        #expect(result.stderr == "seealso: write error: No space left on device\n")
    }

    @Test("A confirmation that cannot be printed: the bookmark is saved all the same, and the status says 74")
    func confirmationLost() throws {
        try withTemporaryDirectory { data in
            let added = try Self.run(["bookmarks", "add", "--section", "Petrograd", "--data-dir", data.path], redirecting: ">/dev/full")
            #expect(added.status == 74)
            let listed = try CLI.run(["bookmarks", "list", "--json", "--data-dir", data.path])
            #expect(listed.status == 0)
            #expect(listed.output.contains("\"heading\" : \"Petrograd Soviet\""))
        }
    }

    @Test("A full or closed stderr: the error's own status (66 for a missing file), not a crash",
          arguments: ["2>/dev/full", "2>&-"])
    func lostMessage(redirection: String) throws {
        let result = try Self.run(["outline", "no-such-article.txt"], redirecting: redirection)
        #expect(result.status == 66)
        #expect(result.stdout.isEmpty)
    }
}
