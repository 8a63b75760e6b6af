import Foundation

/// What is kept of a file's `stat` to tell, without reading it, that it changed since it was
/// read: the fields git compares for the same purpose. The folder index keeps one per file
/// (`CorpusIndex`), and the explorer one per article it shows (`ArticleStamp`).
///
/// Size and modification time alone are not enough: `touch -d`, `cp -p`, `rsync -a` and
/// `tar x` set the modification time back, so a file rewritten at the same size looked
/// unchanged and a folder search missed its new text. No tool can set the change time
/// (ctime), which any write or `utimensat` moves forward, and a file replaced by another
/// (`rsync`, an editor's save-and-rename) has a new inode. Times are whole nanoseconds:
/// a Double of seconds since 1970 cannot hold them.
///
/// What git calls "racy" is left: a second write of the same size within one tick of the
/// file system's clock after the stamp was taken (a few milliseconds) would keep every
/// field. Recent Linux kernels give a file whose times were just read a fine-grained time
/// on its next change, which closes that gap too.
public struct FileStamp: Equatable, Sendable {
    public var size: Int64
    /// Modification time, in nanoseconds since 1970.
    public var modified: Int64
    /// Inode change time, in nanoseconds since 1970.
    public var changed: Int64
    public var inode: Int64

    /// The stamp of the file at `path` (symbolic links followed, as the file is read), or one
    /// no file has (size -1) when it cannot be looked at: the read that follows says why.
    public init(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else {
            self = .absent
            return
        }
        self.init(size: Int64(info.st_size), modified: Self.nanoseconds(info.st_mtim), changed: Self.nanoseconds(info.st_ctim),
                  inode: Int64(bitPattern: UInt64(info.st_ino)))
    }

    public init(size: Int64, modified: Int64, changed: Int64, inode: Int64) {
        self.size = size
        self.modified = modified
        self.changed = changed
        self.inode = inode
    }

    /// The stamp of a path nothing can be looked at on.
    public static let absent = FileStamp(size: -1, modified: 0, changed: 0, inode: 0)

    /// Saturated at the ends of Int64, which nanoseconds leave in April 2262: `touch -d
    /// 9999-12-31`, a common "never expires" date (ext4 keeps it as 2446), trapped every
    /// command that read the file. The change time, which only the kernel sets, still
    /// tells two such files' writes apart.
    static func nanoseconds(_ time: timespec) -> Int64 {
        let (scaled, overflow) = Int64(time.tv_sec).multipliedReportingOverflow(by: 1_000_000_000)
        guard !overflow else { return time.tv_sec < 0 ? .min : .max }
        let (sum, overflowAgain) = scaled.addingReportingOverflow(Int64(time.tv_nsec))
        return overflowAgain ? .max : sum
    }
}

/// The stamps of the files an article is read from: its text and the links file beside it
/// (`ArticleLoader.linksPath`), absent or not. Either changing changes the article.
public struct ArticleStamp: Equatable, Sendable {
    public var text: FileStamp
    public var links: FileStamp

    /// The stamps of the article at `path` as its files are now: two `stat`s, a few microseconds.
    public init(path: String) {
        text = FileStamp(path: path)
        links = FileStamp(path: ArticleLoader.linksPath(of: path))
    }
}
