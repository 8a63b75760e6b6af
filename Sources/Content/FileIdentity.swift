import Foundation

/// A file as the system knows it, whatever it is called (device and inode): a name may come to
/// mean another file, a file never becomes another. The store tells by it that its path names
/// another file now; a folder's listing, that two names (a link and its file) are one article.
public struct FileIdentity: Hashable, Sendable {
    public let device: UInt64
    public let inode: UInt64

    /// The identity in a `stat` result.
    public init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }

    /// What a path names now.
    public enum Named: Equatable, Sendable {
        case file(FileIdentity)
        /// Nothing: it, or a folder on its way, is not there.
        case nothing
        /// It cannot be looked at (a folder on its way cannot be searched).
        case unknown
    }

    /// What `path` names now, symbolic links followed.
    public static func named(_ path: String) -> Named {
        var info = stat()
        guard stat(path, &info) == 0 else { return errno == ENOENT || errno == ENOTDIR ? .nothing : .unknown }
        return .file(FileIdentity(info))
    }
}
