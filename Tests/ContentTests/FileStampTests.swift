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
