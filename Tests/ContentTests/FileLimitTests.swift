import Foundation
import TestSupport
import Testing
@testable import Content

/// A file's times come from whoever wrote it: `touch -d 9999-12-31` (a common "never
/// expires" date, which ext4 keeps as 2446) is past what Int64 nanoseconds hold (April 2262),
/// and every command that read such a file trapped, silently, with status 132 (QA 14a).
@Suite("File stamps")
struct FileStampTests {
    @Test func timesPastInt64NanosecondsSaturate() {
        #expect(FileStamp.nanoseconds(timespec(tv_sec: 1, tv_nsec: 5)) == 1_000_000_005)
        #expect(FileStamp.nanoseconds(timespec(tv_sec: 15_000_000_000, tv_nsec: 0)) == .max)
        #expect(FileStamp.nanoseconds(timespec(tv_sec: 9_223_372_036, tv_nsec: 999_999_999)) == .max)
        #expect(FileStamp.nanoseconds(timespec(tv_sec: -15_000_000_000, tv_nsec: 0)) == .min)
    }

    /// A real file dated 2446, read by every command that stamps it; its folder too.
    @Test func aFileFromTheFarFutureIsRead() throws {
        try withTemporaryDirectory { folder in
            let file = folder.appendingPathComponent("a.txt")
            try Data("= Alpha =\nLead text about councils.\n".utf8).write(to: file)
            var times = [timespec(tv_sec: 15_000_000_000, tv_nsec: 0), timespec(tv_sec: 15_000_000_000, tv_nsec: 0)]
            guard utimensat(AT_FDCWD, file.path, &times, 0) == 0 else {
                Issue.record("this file system cannot hold a time in 2446: \(String(cString: strerror(errno)))")
                return
            }
            #expect(FileStamp(path: file.path).modified == .max)
            for arguments in [["outline", file.path], ["links", file.path], ["export", "--format", "json", file.path],
                              ["search", folder.path, "councils"]] {
                let result = try CLI.run(arguments)
                #expect(result.status == 0, "\(arguments): \(result.stderr)")
            }
        }
    }
}

/// Every file is read whole, so its size is checked first: a sparse 100 GB article ended in
/// "failed to allocate", and a 20 GB one in the out-of-memory killer (QA 14a).
@Suite("Files too large to read")
struct FileSizeLimitTests {
    @Test func aFileOverTheLimitIsRefusedWithItsSizeBeforeItIsRead() throws {
        try withTemporaryDirectory { folder in
            let file = folder.appendingPathComponent("big.txt")
            try Data("= Big =\nText.\n".utf8).write(to: file)
            // Sparse: no disk is used, and reading it whole would need 100 GB.
            #expect(truncate(file.path, 100 << 30) == 0)
            let seealso = try CLI.binary().path
            for command in ["outline '\(file.path)'", "outline - < '\(file.path)'", "links '\(file.path)'"] {
                let result = try CLI.shell("ulimit -v 2000000; '\(seealso)' \(command)")
                #expect(result.status == 66, "\(command): \(result.stderr)")
                #expect(result.stderr.hasSuffix(": cannot read file: it is 102400 MB, and seealso reads at most 64 MB\n"), "\(command)")
            }
            // A byte over is over: its size is rounded up, not down to the limit.
            #expect(truncate(file.path, (64 << 20) + 1) == 0)
            #expect(try CLI.run(["outline", file.path]).stderr.hasSuffix(": cannot read file: it is 65 MB, and seealso reads at most 64 MB\n"))
            #expect(truncate(file.path, 100 << 30) == 0)
            // In a folder, the others are still read, and it is said.
            try Data("= Small =\nText.\n".utf8).write(to: folder.appendingPathComponent("small.txt"))
            let listing = try CLI.run(["outline", folder.path])
            #expect(listing.output.contains("Small"))
            #expect(listing.status == 65)
            #expect(listing.stderr.contains("big.txt: cannot read file: it is 102400 MB, and seealso reads at most 64 MB"), "\(listing.stderr)")
        }
    }
}
