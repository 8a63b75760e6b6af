import Foundation
import TestSupport
import Testing

/// HOME, an XDG_…_HOME or --data-dir spelled with bytes that are not UTF-8 (QA 23): Swift
/// reads them as U+FFFD, and the path then names another folder. The bookmark store was
/// created there, in a new folder, "bookmarked" and status 0, while the real one stayed empty;
/// the configuration in the real folder went unread without a word. The environment cannot
/// carry such bytes through Foundation's `Process`, so a shell makes them (`printf`).
@Suite struct NonUTF8FolderTests {
    /// `script` run by sh with $1 the seealso binary and $2 a fresh folder; its output.
    func shell(_ script: String) throws -> (status: Int32, stdout: String, stderr: String) {
        let folder = try TemporaryDirectory()
        let child = try Child(["/bin/sh", "-c", script, "sh", try Binary.path(), folder.url.path], output: folder.file("out"))
        let status = child.wait()
        return (status, child.output, child.errors)
    }

    @Test("A store under such a HOME or --data-dir is refused (66, as a folder that cannot be read), and no folder is made")
    func theStoreIsNotMadeElsewhere() throws {
        for variable in ["HOME=\"$H\"", "XDG_DATA_HOME=\"$H\""] {
            let run = try shell("""
                H=$(printf '%s/h\\351me' "$2"); mkdir "$H"
                env -u XDG_DATA_HOME -u XDG_CONFIG_HOME -u XDG_CACHE_HOME \(variable) "$1" bookmarks add --section Background
                echo "status=$?"; find "$2" -mindepth 1 -type d | wc -l
                """)
            #expect(run.stdout == "status=66\n1\n", "refused, and the only folder is the one made: \(variable)")
            #expect(run.stderr.contains("its name is not valid UTF-8: HOME, an XDG_…_HOME or --data-dir gave bytes seealso cannot open"),
                    "\(run.stderr)")
        }
        let given = try shell("""
            "$1" bookmarks add --section Background --data-dir "$(printf '%s/d\\351ta' "$2")"; echo "status=$?"; find "$2" -mindepth 1 -type d | wc -l
            """)
        #expect(given.stdout == "status=66\n0\n", "--data-dir: \(given.stderr)")
        // One that is there, with bookmarks in it, is not read as empty either (QA 24: "no
        // bookmarks", status 0), nor said to be one that cannot be made.
        let existing = try shell("""
            "$1" bookmarks add --section Background --data-dir "$2/good" > /dev/null
            D=$(printf '%s/d\\351ta' "$2"); mkdir "$D"; cp "$2/good/state.sqlite" "$D/"
            "$1" bookmarks list --data-dir "$D"; echo "list=$?"; "$1" bookmarks add --section Lead --data-dir "$D"; echo "add=$?"
            """)
        #expect(existing.stdout == "list=66\nadd=66\n")
        #expect(!existing.stderr.contains("cannot create") && existing.stderr.contains("its name is not valid UTF-8"), "\(existing.stderr)")
    }

    @Test("A configuration under such a folder is said to be unreadable, not taken for absent")
    func theConfigurationIsNotSilentlyIgnored() throws {
        let run = try shell("""
            C=$(printf '%s/c\\351nfig' "$2"); mkdir -p "$C/seealso"; echo 'mouse = false' > "$C/seealso/config.toml"
            XDG_CONFIG_HOME="$C" "$1" < /dev/null > /dev/null; echo "status=$?"
            XDG_CONFIG_HOME="$C" "$1" config --check; echo "status=$?"
            XDG_CONFIG_HOME="$C" "$1" config > /dev/null
            """)
        #expect(run.stdout.hasPrefix("status=0\nstatus=66\n"))
        let lines = run.stderr.split(separator: "\n")
        #expect(lines.count == 3, "\(run.stderr)")
        // `seealso config`, which names the file in use, does not say it is missing (QA 24).
        #expect(lines.last?.hasSuffix("/seealso/config.toml: its name is not valid UTF-8: HOME, an XDG_…_HOME or --data-dir gave bytes "
                                      + "seealso cannot open; seealso uses the defaults") == true, "\(run.stderr)")
        #expect(lines.first?.hasSuffix("/seealso/config.toml: its name is not valid UTF-8: HOME, an XDG_…_HOME or --data-dir gave bytes "
                                       + "seealso cannot open; the defaults are used") == true, "\(run.stderr)")
    }
}
