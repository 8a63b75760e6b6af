import PackagePlugin
import Foundation

/// Embeds the bundled article and its curated links into the `Content` module, so a
/// `seealso` binary copied anywhere still opens its default article. A resource bundle
/// would not do: on Linux its accessor falls back to the absolute build path.
@main
struct EmbedAssets: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let assets = context.package.directoryURL.appending(path: "assets")
        let inputs = ["dual-power.txt", "dual-power.links.toml"].map { assets.appending(path: $0) }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedAssets.swift")
        return [
            .buildCommand(
                displayName: "Embedding the bundled article",
                executable: try context.tool(named: "EmbedTool").url,
                arguments: [output.path] + inputs.map(\.path),
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }
}
