import Foundation

/// Reads a file seealso was given (an article, a configuration, a bookmarks export) with
/// system calls, so that each way of failing has its own words: a FIFO would otherwise block
/// forever, and Foundation reports `/dev/null`, a FIFO and a symbolic-link loop alike as
/// "permission denied".
public enum RegularFile {
    /// The bytes of the regular file at `path` (symbolic links followed). Throws a
    /// `SourceError` at line 0, the whole-file kind (see `SourceError.isUnreadable`).
    public static func bytes(atPath path: String, displayPath: String? = nil) throws -> [UInt8] {
        guard let bytes = try bytes(atPath: path, displayPath: displayPath, absentIsNil: false) else {
            preconditionFailure("an absent file is an error here")
        }
        return bytes
    }

    /// `bytes(atPath:)` for a file a person named on the command line, which may also be a
    /// pipe (`--config <(…)`, a FIFO), read to its end, or /dev/null, which is empty: the
    /// ways `tmux -f /dev/null` and a configuration made on the fly are given (both were
    /// refused as "a device" and "a pipe"). Other devices are still refused: /dev/zero never
    /// ends. A pipe may give `sizeLimit` bytes at most.
    public static func bytes(namedAtPath path: String) throws -> [UInt8] {
        guard let bytes = try bytes(atPath: path, displayPath: nil, absentIsNil: false, acceptingStreams: true) else {
            preconditionFailure("an absent file is an error here")
        }
        return bytes
    }

    /// Whether nothing at all is at `path`, not even a symbolic link: what `bytesIfPresent`
    /// takes for absent. A link that leads nowhere is there, a mistake to report ("no such
    /// file" hid it), so this is asked of the link itself, not of what it points to.
    public static func isAbsent(atPath path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) != 0 && errno == ENOENT
    }

    /// The most any input is read: a file, or a pipe given as one (`bytes(namedAtPath:)`).
    /// A regular file was read whole whatever its size: a sparse 100 GB file ended in "failed
    /// to allocate", and a 20 GB one in the out-of-memory killer after 81 s. The
    /// largest article measured (scripts/bench-content.sh) is 10 MB and loads in about 1 s.
    public static let sizeLimit = 64 << 20

    /// Why a file of `size` bytes is not read, or nil when it is not too large. Its size is
    /// rounded up: a byte over the limit was "64 MB, and seealso reads at most 64 MB".
    private static func tooLarge(_ size: Int) -> String? {
        size > sizeLimit ? "cannot read file: it is \((size + (1 << 20) - 1) >> 20) MB, and seealso reads at most \(sizeLimit >> 20) MB" : nil
    }

    /// `bytes(atPath:)` for a file that may be missing: nil when nothing is at `path`, and
    /// every other failure (a folder, a FIFO, permission denied, a symbolic link to nothing)
    /// still an error, not "absent".
    public static func bytesIfPresent(atPath path: String, displayPath: String? = nil) throws -> [UInt8]? {
        try bytes(atPath: path, displayPath: displayPath, absentIsNil: true)
    }

    private static func bytes(atPath path: String, displayPath: String?, absentIsNil: Bool, acceptingStreams: Bool = false) throws -> [UInt8]? {
        let shown = displayPath ?? path
        func failure(_ message: String) -> SourceError { SourceError(path: shown, line: 0, message: message) }
        // Non-blocking: opening a FIFO with no writer must not wait. Regular files ignore it.
        // A FIFO named on the command line waits for its writer, as `cat` does: opened
        // without, it ended before its writer had begun.
        var named = stat()
        let waitsForWriter = acceptingStreams && stat(path, &named) == 0 && named.st_mode & S_IFMT == S_IFIFO
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | (waitsForWriter ? 0 : O_NONBLOCK))
        guard descriptor >= 0 else {
            let code = errno
            // Something is there, only it leads nowhere: a file someone meant to be read,
            // so "absent" would hide the mistake.
            if code == ENOENT, let target = danglingLinkTarget(path) {
                throw failure("cannot read file: it is a symbolic link to '\(target)', which does not exist")
            }
            if code == ENOENT, absentIsNil { return nil }
            if code == ENOENT, path.unicodeScalars.contains("\u{FFFD}") {
                // The folder listing turned bytes that are not UTF-8 into U+FFFD, so this name
                // no longer leads to the file.
                throw failure("cannot read file: its name is not valid UTF-8 (rename it)")
            }
            throw failure(openFailure(code))
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw failure("cannot read file: \(reason(errno))") }
        let isPipe = info.st_mode & S_IFMT == S_IFIFO
        if acceptingStreams, isPipe {
            // Its data is waited for, as `cat` waits: without blocking, a read of a pipe that
            // is empty for a moment fails.
            _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        } else if acceptingStreams, isNullDevice(info) {
            return []
        } else if let problem = notRegular(info.st_mode) {
            throw failure(problem)
        }
        return try readToEnd(descriptor, size: isPipe ? nil : Int(info.st_size), tooLong: isPipe ? "the pipe" : "the file", failure: failure)
    }

    /// Everything `descriptor` gives until its end: a file of `size` bytes, refused before
    /// it is read when that is over `sizeLimit`, or a stream (nil). More than `sizeLimit`
    /// bytes read (a file growing as it is read, a stream) is an error that says `tooLong`
    /// gave more. Shared with `StandardInput`.
    static func readToEnd(_ descriptor: Int32, size: Int?, tooLong: String,
                          failure: (String) -> SourceError) throws -> [UInt8] {
        if let size, let problem = tooLarge(size) { throw failure(problem) }
        var bytes = [UInt8]()
        bytes.reserveCapacity(min(size ?? 0, sizeLimit))
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count == 0 { return bytes }
            if count < 0 {
                if errno == EINTR { continue }
                if errno == EAGAIN {
                    // A descriptor made non-blocking by whoever handed it over (standard input
                    // is shared with the parent, so its flags are not changed here): waited on.
                    var ready = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
                    _ = poll(&ready, 1, -1)
                    continue
                }
                throw failure("cannot read file: \(reason(errno))")
            }
            bytes.append(contentsOf: chunk[..<count])
            if bytes.count > sizeLimit { throw failure("cannot read file: \(tooLong) gave more than \(sizeLimit >> 20) MB") }
        }
    }

    /// Whether `info` is that of /dev/null (the same device, whatever it is called).
    private static func isNullDevice(_ info: stat) -> Bool {
        var null = stat()
        return info.st_mode & S_IFMT == S_IFCHR && stat("/dev/null", &null) == 0 && null.st_rdev == info.st_rdev
    }

    /// Why a file could not be opened for reading (`errno` of `open`), in the words every
    /// input of seealso's is refused with: also the state database's (see `StateStore`).
    public static func openFailure(_ code: Int32) -> String {
        switch code {
        case ENOENT: "no such file"
        case EACCES: "permission denied"
        default: "cannot read file: \(reason(code))"
        }
    }

    /// Why a file of mode `mode` (`st_mode`) is no file to read, or nil for a regular file.
    public static func notRegular(_ mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: nil
        case S_IFDIR: "cannot read file: it is a folder, not a file"
        case S_IFIFO: "cannot read file: it is a pipe, not a regular file"
        case S_IFCHR, S_IFBLK: "cannot read file: it is a device, not a regular file"
        default: "cannot read file: not a regular file"
        }
    }

    /// Where the symbolic link at `path` points, when `path` itself is one (a link among the
    /// folders on the way to it is not: then nothing is at `path`); nil when it is not, or
    /// when it is gone by the time it is read.
    private static func danglingLinkTarget(_ path: String) -> String? {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return nil }
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX))
        let count = readlink(path, &buffer, buffer.count)
        guard count >= 0 else { return nil }
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// strerror's words, with a lower-case first letter as in the rest of seealso's messages.
    /// Two in the words every other message uses for them (QA 30: `outline - < /tmp` said "is
    /// a directory", `config --check /tmp` "it is a folder, not a file").
    static func reason(_ code: Int32) -> String {
        switch code {
        case EISDIR: return "it is a folder, not a file"
        case ENOTDIR: return "not a folder (a file is on its path)"
        default: break
        }
        let text = String(cString: strerror(code))
        return text.prefix(1).lowercased() + text.dropFirst()
    }
}
