import Foundation

/// Support shared by the test targets that run the built `seealso`.

/// Where SwiftPM put the built products: beside the test bundle, or a folder above it.
public enum BuiltProducts {
    public static let seealso: String? = {
        var directory = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("seealso")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate.path }
            directory = directory.deletingLastPathComponent()
        }
        return nil
    }()
}

/// Starts programs with `posix_spawn` (so the test knows the pid until it reaps it, and can
/// SIGKILL it without racing pid reuse), output to files. The child gets an empty signal mask
/// and default dispositions: the test runner blocks some signals, and children inherit that.
/// Its environment is `environment` exactly, or without it `ChildEnvironment` with a fresh
/// HOME that lasts as long as this value (never the test runner's).
public struct Child {
    public let pid: pid_t
    public let stdout: URL
    public let stderr: URL
    private let home: TemporaryHome?

    public init(_ arguments: [String], output: URL, environment: [String: String]? = nil) throws {
        let home = environment == nil ? try TemporaryHome() : nil
        self.home = home
        let variables = ChildEnvironment.assignments(environment ?? home?.environment() ?? [:])
        stdout = output
        stderr = output.appendingPathExtension("err")
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, stderr.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        var defaults = sigset_t()
        sigfillset(&defaults)
        sigdelset(&defaults, SIGKILL)
        sigdelset(&defaults, SIGSTOP)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = variables.map { strdup($0) } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, arguments[0], &actions, &attributes, argv, envp)
        guard status == 0 else { throw POSIXError(POSIXErrorCode(rawValue: status) ?? .EINVAL) }
        self.pid = pid
    }

    /// Waits for the child: its exit status, or 128 + the signal that ended it.
    public func wait() -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    }

    public func kill() { _ = Glibc.kill(pid, SIGKILL) }

    public var output: String { (try? String(contentsOf: stdout, encoding: .utf8)) ?? "" }
    public var errors: String { (try? String(contentsOf: stderr, encoding: .utf8)) ?? "" }
}

