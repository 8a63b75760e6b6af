// swift-tools-version: 6.1
import PackageDescription

// Release builds reach generic type metadata through accessors, not through mangled names:
// the runtime resolves a mangled name's conformances by scanning every conformance in the
// binary (about 6,000 with Foundation linked statically), once per type, and at start-up that
// was 0.9 to 1.7 ms of the 12 to 14 ms to the first frame on a pty.
let releaseSettings: [SwiftSetting] = [
    .unsafeFlags(["-Xfrontend", "-disable-concrete-type-metadata-mangled-name-accessors"], .when(configuration: .release)),
]

let package = Package(
    name: "seealso",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "seealso", targets: ["seealso"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        // The ncursesw headers, made visible to Swift.
        .systemLibrary(name: "CNCursesw", path: "Sources/CNCursesw"),
        // Threads that start on another core than their maker's (the GNU affinity calls,
        // which Swift cannot see): the start-up's second thread and the folder loads.
        .target(name: "CThreadStart"),

        // Turns assets/ into Swift source at build time so the binary carries its article.
        .executableTarget(name: "EmbedTool", path: "Sources/EmbedTool"),
        .plugin(name: "EmbedAssets", capability: .buildTool(), dependencies: ["EmbedTool"]),

        // The article model: parser, classifier, linker, graph, exporters. No terminal code.
        .target(
            name: "Content",
            dependencies: ["CThreadStart", .product(name: "TOMLKit", package: "TOMLKit")],
            swiftSettings: releaseSettings,
            plugins: ["EmbedAssets"]
        ),
        // SQLite's C API (libsqlite3-dev), for the bookmark and history store.
        .systemLibrary(name: "CSQLite", path: "Sources/CSQLite"),
        // Bookmarks, jump history and reading positions that survive restarts and crashes.
        .target(name: "Store", dependencies: ["Content", "CSQLite"], swiftSettings: releaseSettings),
        // The explorer: state, update, panes, layout; ncurses only in CursesBackend.swift.
        .target(name: "TUI", dependencies: ["Content", "CNCursesw"], swiftSettings: releaseSettings),
        // config.toml: keys, theme, layout, restore, mouse; every problem reported at its line.
        .target(name: "Config", dependencies: ["TUI", "Content", .product(name: "TOMLKit", package: "TOMLKit")], swiftSettings: releaseSettings),
        .executableTarget(
            name: "seealso",
            dependencies: [
                "Content", "TUI", "Store", "Config",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: releaseSettings
        ),
        // Writes the man page from `seealso --experimental-dump-help` (used by `make build`).
        .executableTarget(name: "seealso-manpage", path: "Sources/ManPage"),
        // Measurements (not tests): `swift run -c release seealso-bench`; see scripts/.
        .executableTarget(name: "seealso-bench", dependencies: ["Content", "TUI"], path: "Benchmarks/seealso-bench"),

        .testTarget(name: "ContentTests", dependencies: ["Content", "TestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "TUITests", dependencies: ["TUI", "Content", "ExplorerTestSupport"], exclude: ["Golden"]),
        // Running the built binary from tests, shared by the targets that do.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        // Explorer sessions whose articles the tests make themselves, shared by the targets that drive one.
        .target(name: "ExplorerTestSupport", dependencies: ["TUI"], path: "Tests/ExplorerTestSupport"),
        // With the explorer and the executable's `StoreService`: sessions saved and restored
        // through the real store.
        .testTarget(name: "StoreTests", dependencies: ["Store", "Content", "TestSupport", "CSQLite", "TUI", "seealso", "ExplorerTestSupport"]),
        .testTarget(name: "EndToEndTests", dependencies: ["Content", "TestSupport"]),
        .testTarget(name: "ConfigTests", dependencies: ["Config", "TUI", "Content", "TestSupport", "ExplorerTestSupport"]),
        // Completions, man page and `make install` into a temporary prefix.
        .testTarget(name: "InstallTests", dependencies: ["TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
