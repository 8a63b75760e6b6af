#!/usr/bin/env bash
# Performance of the explorer (issue 3, "Performance"): a benchmark, not a timed test.
#
#   scripts/bench-tui.sh            build (release) and measure; prints the tables and one
#                                   line per target (met / NOT met)
#
# Environment:
#   BENCH_SCRATCH   SwiftPM scratch path (default: .build-bench in the package)
#   BENCH_RUNS      launches per program for the start-up time (default 25)
#   BENCH_QUIET_MS  silence that ends a frame on the pty (default 200)
#   BENCH_TERM      TERM for the pty measurements (default xterm-256color)
#   BENCH_KEEP=1    keep the work folder: the raw bytes of every key (see `cat -v`)
#                   and time its start-up beside the dynamic build
#
# What it measures, in one run so that the ratios compare like with like:
#   1. launch → first complete frame in tmux (private server, LANG=C.UTF-8, 120×40) of seealso
#      as `make build` ships it (static Swift runtime), started without arguments, polling
#      capture-pane until the last-drawn part shows: seealso's status bar ("? help"), less's
#      prompt (the file name on the bottom row), and three floors: a shell that echoes a marker,
#      and Swift programs that only print "? help", with and without Foundation linked in.
#   2. the in-process figures of the seealso-bench binary (render + diff; minimal update).
#   3. bytes written to the terminal per j (one line) and per Space (one page), recorded on a
#      pty with a fixed window size: seealso in each layout and less at the same sizes, against
#      the minimal update (UTF-8 bytes of the cells that differ, from seealso-bench).
#   4. correctness: after many scrolls in tmux, capture-pane shows what the core rendered.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SCRATCH="${BENCH_SCRATCH:-$ROOT/.build-bench}"
RUNS="${BENCH_RUNS:-25}"
QUIET_MS="${BENCH_QUIET_MS:-200}"
PTY_TERM="${BENCH_TERM:-xterm-256color}"
ARTICLE="$ROOT/assets/dual-power.txt"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/bench-tui.XXXXXX")"
SOCKET="bench-$$"

log() { printf '%s\n' "$*" >&2; }

cleanup() {
    env -u TMUX tmux -L "$SOCKET" -f /dev/null kill-server >/dev/null 2>&1 || true
    rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$SOCKET"
    if [ -n "${BENCH_KEEP:-}" ]; then log "kept: $WORK (raw pty bytes in $WORK/raw)"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

for tool in swift make tmux less python3; do
    command -v "$tool" >/dev/null || { log "bench-tui: $tool is required"; exit 1; }
done

# ---------------------------------------------------------------------------------------
# Build (sequential: two products of one package share the scratch path).
log "building seealso and seealso-bench (release, scratch $SCRATCH)…"
# build LOG ARGS…: swift build, tried again (up to 3 times) when a source file changed under it.
build() {
    local logfile="$1" attempt
    shift
    for attempt in 1 2 3; do
        if (cd "$ROOT" && swift build "$@") >"$logfile" 2>&1; then return 0; fi
        grep -q "was modified during the build" "$logfile" || break
        log "  a source file changed during the build: building again"
    done
    tail -30 "$logfile" >&2
    return 1
}
# seealso as `make build` ships it (fully static: the Swift runtime, Foundation, ncurses and
# SQLite linked in, with the Makefile's own flags), and the same code as `swift build -c
# release` leaves it (the runtime loaded from the toolchain), whose start-up is also timed;
# everything else uses the first.
read -r -a STATIC_FLAGS <<<"$(make -s --no-print-directory -C "$ROOT" static-flags)"
build "$WORK/build-seealso.log" -c release "${STATIC_FLAGS[@]}" --scratch-path "$SCRATCH/static" --product seealso \
    || { log "bench-tui: the release build of seealso failed"; exit 1; }
for product in seealso seealso-bench; do
    build "$WORK/build-$product-dynamic.log" -c release --scratch-path "$SCRATCH" --product "$product" \
        || { log "bench-tui: the release build of $product failed"; exit 1; }
done
BIN="$(cd "$ROOT" && swift build -c release --scratch-path "$SCRATCH" --show-bin-path)"
SEEALSO="$(cd "$ROOT" && swift build -c release "${STATIC_FLAGS[@]}" --scratch-path "$SCRATCH/static" --show-bin-path)/seealso"
BENCH="$BIN/seealso-bench"
# Two floors for the start-up, linked as seealso is (a static executable): a Swift program that
# only prints the status bar's "? help", and the same with Foundation and its ICU data linked in
# (one diacritic fold pulls them in, as seealso's search does). No Swift program starts faster.
mkdir -p "$WORK/floor"
cat >"$WORK/floor/swift.swift" <<'SWIFT'
import Glibc
print("? help")
fflush(stdout)
pause()
SWIFT
cat >"$WORK/floor/foundation.swift" <<'SWIFT'
import Foundation
print("? help")
fflush(stdout)
if CommandLine.arguments.count > 1 { print(CommandLine.arguments[1].folding(options: .diacriticInsensitive, locale: nil)) }
pause()
SWIFT
for floor in swift foundation; do
    swiftc -O -static-executable "$WORK/floor/$floor.swift" -o "$WORK/floor/$floor" >"$WORK/build-floor-$floor.log" 2>&1 \
        || { tail -20 "$WORK/build-floor-$floor.log" >&2; log "bench-tui: the $floor floor did not build"; exit 1; }
done
# The architecture's floor: what any explorer built as the product card fixes it (Swift, ncurses,
# its state in SQLite) does before its first frame, and nothing else: it opens a store and reads
# a row, reads the article's file, sets the terminal up as the explorer's backend does (locale,
# newterm, modes, colours, a window, keypad, mouse), and draws the file's first lines under a
# status bar. No parsing, linking or layout: seealso's time above it is the article model's
# and the explorer's; its own ratio to less is the best any such program could reach.
FLOOR_PACKAGE="$WORK/floor/architecture"
mkdir -p "$FLOOR_PACKAGE/Sources/CCurses" "$FLOOR_PACKAGE/Sources/CSQLite" "$FLOOR_PACKAGE/Sources/architecture"
cat >"$FLOOR_PACKAGE/Package.swift" <<'SWIFT'
// swift-tools-version:5.9
import PackageDescription
let package = Package(name: "architecture", targets: [
    .systemLibrary(name: "CCurses", path: "Sources/CCurses"),
    .systemLibrary(name: "CSQLite", path: "Sources/CSQLite"),
    .executableTarget(name: "architecture", dependencies: ["CCurses", "CSQLite"]),
])
SWIFT
printf 'module CCurses [system] {\n    header "shim.h"\n    link "ncursesw"\n    export *\n}\n' >"$FLOOR_PACKAGE/Sources/CCurses/module.modulemap"
cat >"$FLOOR_PACKAGE/Sources/CCurses/shim.h" <<'C'
#define NCURSES_WIDECHAR 1
#include <ncurses.h>
#include <locale.h>
#include <stdio.h>
static inline FILE *floor_stdout(void) { return stdout; }
static inline FILE *floor_stdin(void) { return stdin; }
static inline mmask_t floor_mouse(void) { return BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED; }
C
printf 'module CSQLite [system] {\n    header "shim.h"\n    link "sqlite3"\n    export *\n}\n' >"$FLOOR_PACKAGE/Sources/CSQLite/module.modulemap"
echo '#include <sqlite3.h>' >"$FLOOR_PACKAGE/Sources/CSQLite/shim.h"
cat >"$FLOOR_PACKAGE/Sources/architecture/main.swift" <<'SWIFT'
import CCurses
import CSQLite
import Glibc

// arguments: STORE ARTICLE
var database: OpaquePointer?
guard sqlite3_open_v2(CommandLine.arguments[1], &database, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil) == SQLITE_OK else { exit(1) }
sqlite3_exec(database, "PRAGMA journal_mode=WAL; PRAGMA busy_timeout=2000; CREATE TABLE IF NOT EXISTS session (title TEXT PRIMARY KEY, data BLOB)", nil, nil, nil)
var statement: OpaquePointer?
sqlite3_prepare_v2(database, "SELECT data FROM session WHERE title = 'Dual power'", -1, &statement, nil)
_ = sqlite3_step(statement)
sqlite3_finalize(statement)
guard let file = fopen(CommandLine.arguments[2], "r") else { exit(1) }
var bytes = [UInt8](repeating: 0, count: 1 << 20)
let count = fread(&bytes, 1, bytes.count, file)
fclose(file)
let lines = String(decoding: bytes[..<count], as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
setlocale(LC_ALL, "")
guard newterm(nil, floor_stdout(), floor_stdin()) != nil else { exit(1) }
cbreak(); noecho(); nonl(); curs_set(0)
start_color(); use_default_colors()
guard let window = newwin(0, 0, 0, 0) else { exit(1) }
keypad(window, true)
mousemask(floor_mouse(), nil)
mouseinterval(0)
let rows = Int(getmaxy(window)), columns = Int(getmaxx(window))
for (row, line) in lines.prefix(rows - 1).enumerated() { mvwaddstr(window, Int32(row), 0, String(line.prefix(columns))) }
mvwaddstr(window, Int32(rows - 1), 0, "Dual power  Top  ? help")
wrefresh(window)
pause()
SWIFT
# Linked as seealso is, with the Makefile's flags.
build "$WORK/build-floor-architecture.log" -c release "${STATIC_FLAGS[@]}" --package-path "$FLOOR_PACKAGE" \
    || { log "bench-tui: the architecture floor did not build"; exit 1; }
SWIFT_FLOOR="$WORK/floor/swift"
FOUNDATION_FLOOR="$WORK/floor/foundation"
ARCHITECTURE_FLOOR="$FLOOR_PACKAGE/.build/release/architecture"
DYNAMIC_SEEALSO="$BIN/seealso"
EXTRA_JSON="{\"seealso, swift build (runtime loaded)\": \"$DYNAMIC_SEEALSO\"}"

# Private XDG folders: the benchmark never reads or writes the user's bookmarks, session or config.
mkdir -p "$WORK/xdg/data" "$WORK/xdg/config" "$WORK/xdg/state" "$WORK/xdg/cache" "$WORK/raw"

cat >"$WORK/bench_tui.py" <<'PYTHON'
"""Helpers of scripts/bench-tui.sh: start-up in tmux, bytes on a pty, screen check in tmux."""
import fcntl, json, os, pty, select, signal, statistics, struct, subprocess, sys, termios, time

ROOT, WORK, SOCKET = os.environ["ROOT"], os.environ["WORK"], os.environ["SOCKET"]
SEEALSO, BENCH, ARTICLE = os.environ["SEEALSO"], os.environ["BENCH"], os.environ["ARTICLE"]
# Every launch starts at the top of the article, like less: no restored session.
SEEALSO_ARGS = os.environ.get("SEEALSO_ARGS", "").split()
QUIET = int(os.environ.get("QUIET_MS", "200")) / 1000


def clean_env(**extra):
    env = {k: v for k, v in os.environ.items()
           if k not in ("TMUX", "TMUX_PANE", "LESSOPEN", "LESSCLOSE", "LESS", "NO_COLOR", "COLORFGBG")}
    env.pop("LC_ALL", None)
    env.update(LANG="C.UTF-8", LESSHISTFILE="-",
               XDG_DATA_HOME=f"{WORK}/xdg/data", XDG_CONFIG_HOME=f"{WORK}/xdg/config",
               XDG_STATE_HOME=f"{WORK}/xdg/state", XDG_CACHE_HOME=f"{WORK}/xdg/cache")
    env.update(extra)
    return env


def tmux(*args, check=True):
    result = subprocess.run(["tmux", "-L", SOCKET, "-f", "/dev/null", *args],
                            capture_output=True, text=True, env=clean_env())
    if check and result.returncode != 0:
        raise RuntimeError(f"tmux {' '.join(args)}: {result.stderr.strip()}")
    return result.stdout


def capture(pane):
    return tmux("capture-pane", "-p", "-t", pane, check=False)


def last_row(text):
    rows = [row for row in text.split("\n") if row.strip()]
    return rows[-1] if rows else ""


# ---- 1. start-up: launch → first complete frame -------------------------------------------
PROGRAMS = {
    # name: (command, "frame is complete" test on the captured text). seealso starts as people
    # start it, without arguments: each launch restores the last one's session, at the top.
    "seealso": (f"exec '{SEEALSO}'", lambda text: "? help" in last_row(text)),
    "seealso, swift build (runtime loaded)": (f"exec '{os.environ['DYNAMIC_SEEALSO']}'", lambda text: "? help" in last_row(text)),
    "less": (f"exec less '{ARTICLE}'", lambda text: "dual-power.txt" in last_row(text)),
    "floor (sh: echo)": ("echo READY; exec sleep 600", lambda text: "READY" in text),
    "floor (Swift: print)": (f"exec '{os.environ['SWIFT_FLOOR']}'", lambda text: "? help" in last_row(text)),
    "floor (Swift + Foundation: print)": (f"exec '{os.environ['FOUNDATION_FLOOR']}'", lambda text: "? help" in last_row(text)),
    "floor (the architecture: SQLite, file, ncurses)": (f"exec '{os.environ['ARCHITECTURE_FLOOR']}' '{WORK}/floor/state.sqlite' '{ARTICLE}'",
                                                        lambda text: "? help" in last_row(text)),
}


def startup(runs, width, height):
    tmux("new-session", "-d", "-s", "bench", "-x", str(width), "-y", str(height), "sleep 100000")
    samples = {name: [] for name in PROGRAMS}
    names = list(PROGRAMS)
    for run in range(runs + 2):  # the first two rounds warm the page cache and are dropped
        order = names[run % len(names):] + names[:run % len(names)]  # rotate: no order bias
        for name in order:
            command, complete = PROGRAMS[name]
            start = time.monotonic()
            pane = tmux("new-window", "-d", "-t", "bench:", "-P", "-F", "#{pane_id}", command).strip()
            while True:
                if complete(capture(pane)):
                    elapsed = time.monotonic() - start
                    break
                if time.monotonic() - start > 10:
                    raise RuntimeError(f"{name}: no complete frame after 10 s:\n{capture(pane)}")
            tmux("kill-pane", "-t", pane)
            if run >= 2:
                samples[name].append(elapsed * 1000)
    size = tmux("display-message", "-p", "-t", "bench:", "#{window_width}x#{window_height}").strip()
    tmux("kill-session", "-t", "bench")
    return {"size": size, "samples": samples}


# ---- 3. bytes on a pty ----------------------------------------------------------------------
def spawn(argv, width, height, env):
    pid, fd = pty.fork()
    if pid == 0:  # the child: its terminal has the size before the program starts
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", height, width, 0, 0))
        os.execvpe(argv[0], argv, env)
    return pid, fd


def read_until_quiet(fd, first_wait):
    """Everything the program writes until it has been silent for QUIET seconds."""
    data = bytearray()
    deadline = time.monotonic() + first_wait
    while True:
        wait = QUIET if data else max(QUIET, deadline - time.monotonic())
        ready, _, _ = select.select([fd], [], [], wait)
        if not ready:
            return bytes(data)
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            return bytes(data)
        if not chunk:
            return bytes(data)
        data += chunk


def record_series(argv, width, height, zoom, key, count, term, raw_prefix, stop_marker=None):
    """Starts the program, waits for its first frame (and zooms), then sends `key` `count`
    times, reading until quiet after each: the bytes of each press. With `stop_marker`, the
    series ends before the first press whose output shows it (less's "(END)": a page that
    only reached the end of the text is not a full page)."""
    pid, fd = spawn(argv, width, height, clean_env(TERM=term))
    sizes = []
    try:
        first = read_until_quiet(fd, first_wait=5)
        if zoom:
            os.write(fd, b"z")
            read_until_quiet(fd, first_wait=QUIET)
        for index in range(count):
            os.write(fd, key)
            data = read_until_quiet(fd, first_wait=QUIET)
            if stop_marker and stop_marker in data:
                break
            sizes.append(len(data))
            with open(f"{raw_prefix}-{index + 1}.bin", "wb") as file:
                file.write(data)
        os.write(fd, b"q")
        read_until_quiet(fd, first_wait=1)
    finally:
        try:
            os.kill(pid, signal.SIGTERM)  # our child; already gone after q
        except ProcessLookupError:
            pass
        os.waitpid(pid, 0)
        os.close(fd)
    return len(first), sizes


def pty_bytes(layouts, term):
    """Per layout: j × lines from the start, then (a fresh start) Space × pages, for seealso
    and for less at the same size."""
    results = {}
    for layout in layouts:
        code, width, height, zoom = layout["code"], layout["width"], layout["height"], layout["zoom"]
        result = {}
        # Each seealso series has a store of its own: no jump path from earlier runs in the
        # status bar, as the minimal update (seealso-bench) has none.
        def seealso(series):
            return [SEEALSO] + SEEALSO_ARGS + ["--data-dir", f"{WORK}/bytes-data/{code}-{series}"]
        for program, argv_for, program_zoom in (("seealso", seealso, zoom), ("less", lambda _: ["less", ARTICLE], False)):
            raw = f"{WORK}/raw/{code}-{program}"
            first, lines = record_series(argv_for("j"), width, height, program_zoom, b"j", layout["lines"], term, raw + "-j")
            _, pages = record_series(argv_for("space"), width, height, program_zoom, b" ", layout["pages"], term, raw + "-space",
                                     stop_marker=b"(END)" if program == "less" else None)
            result[program] = {"first": first, "j": lines, "space": pages}
        results[code] = result
    return results


# ---- start-up without tmux: the pty, the process, the stages -----------------------------------
def pty_first_frame(argv, marker, runs, term):
    """Milliseconds from spawning on a pty (120×40) to the marker in the output."""
    samples = []
    for _ in range(runs):
        start = time.monotonic()
        pid, fd = spawn(argv, 120, 40, clean_env(TERM=term))
        data = bytearray()
        try:
            while marker not in data:
                ready, _, _ = select.select([fd], [], [], 10)
                if not ready:
                    raise RuntimeError(f"{argv[0]}: no {marker!r} after 10 s")
                data += os.read(fd, 65536)
            samples.append((time.monotonic() - start) * 1000)
        finally:
            os.kill(pid, signal.SIGTERM)
            os.waitpid(pid, 0)
            os.close(fd)
    return samples


def process_time(argv, runs):
    samples = []
    for _ in range(runs):
        start = time.monotonic()
        subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=clean_env())
        samples.append((time.monotonic() - start) * 1000)
    return samples


def startup_detail(runs, term, extra):
    result = {
        "pty seealso": pty_first_frame([SEEALSO], b"? help", runs, term),
        "pty less": pty_first_frame(["less", ARTICLE], b"dual-power.txt", runs, term),
        "pty floor (Swift: print)": pty_first_frame([os.environ["SWIFT_FLOOR"]], b"? help", runs, term),
        "pty floor (Swift + Foundation: print)": pty_first_frame([os.environ["FOUNDATION_FLOOR"]], b"? help", runs, term),
        "pty floor (the architecture)": pty_first_frame([os.environ["ARCHITECTURE_FLOOR"], f"{WORK}/floor/state.sqlite", ARTICLE], b"? help", runs, term),
        "seealso --version": process_time([SEEALSO, "--version"], runs),
        "less --version": process_time(["less", "--version"], runs),
        "true": process_time(["true"], runs),
    }
    for name, binary in extra.items():
        result[f"pty {name}"] = pty_first_frame([binary], b"? help", runs, term)
        result[f"{name} --version"] = process_time([binary, "--version"], runs)
    stages = [subprocess.run([BENCH, "cold"], capture_output=True, text=True, check=True).stdout.split()
              for _ in range(runs)]
    result["stages"] = [[float(value) for value in row] for row in stages]
    return result


# ---- 4. the screen in tmux is the screen the core rendered ------------------------------------
def expected_screen(code, keys):
    text = subprocess.run([BENCH, "screen", code, keys], capture_output=True, text=True, check=True).stdout
    return [row.rstrip() for row in text.rstrip("\n").split("\n")]


def screen_check(layouts):
    """Types keys one at a time (each scroll its own update), then compares capture-pane with
    the frame seealso-bench renders for the same keys."""
    sequence = "j" * 12 + " " * 2 + "k" * 5 + "b" + "j" * 30 + " " + "k" * 9 + "G" + "k" * 14 + "g" + "j" * 20 + " " + "j" * 3
    results = []
    # A session that outlives the checks: the server exits with its last session, and the next
    # check's new-session, racing that exit, failed ("server exited unexpectedly").
    tmux("new-session", "-d", "-s", "keep", "sleep 100000")
    for layout in layouts:
        code, width, height, zoom = layout["code"], layout["width"], layout["height"], layout["zoom"]
        session = f"check{width}x{height}{'z' if zoom else ''}"
        # A store of its own: no history from the start-up runs, as the core's frame has none.
        data = f"{WORK}/check-data/{session}"
        tmux("new-session", "-d", "-s", session, "-x", str(width), "-y", str(height),
             " ".join(["exec", f"'{SEEALSO}'"] + SEEALSO_ARGS + ["--data-dir", f"'{data}'"]))
        pane = f"{session}:"
        deadline = time.monotonic() + 10
        while "? help" not in last_row(capture(pane)):
            if time.monotonic() > deadline:
                raise RuntimeError(f"{code}: seealso did not start in tmux:\n{capture(pane)}")
            time.sleep(0.01)
        if zoom:
            tmux("send-keys", "-t", pane, "-l", "z")
        mismatches = []
        # Check at three points of the sequence, and at the end.
        checkpoints = {14, 50, 75, len(sequence)}
        for index, key in enumerate(sequence, start=1):
            tmux("send-keys", "-t", pane, "-l", key)
            time.sleep(0.015)
            if index in checkpoints:
                want = expected_screen(code, sequence[:index])
                got = []
                deadline = time.monotonic() + 3
                while time.monotonic() < deadline:
                    got = [row.rstrip() for row in capture(pane).rstrip("\n").split("\n")]
                    got += [""] * (len(want) - len(got))
                    if got == want:
                        break
                    time.sleep(0.05)
                if got != want:
                    rows = [y for y in range(max(len(want), len(got))) if y >= len(got) or y >= len(want) or got[y] != want[y]]
                    mismatches.append({"after": index, "rows": rows[:5],
                                       "example": (want[rows[0]] if rows[0] < len(want) else "", got[rows[0]] if rows[0] < len(got) else "")})
        tmux("kill-session", "-t", session)
        results.append({"code": code, "keys": len(sequence) + (1 if zoom else 0), "mismatches": mismatches})
    tmux("kill-session", "-t", "keep")
    return results


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "startup":
        print(json.dumps(startup(int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]))))
    elif command == "detail":
        print(json.dumps(startup_detail(int(sys.argv[2]), sys.argv[3], json.loads(sys.argv[4]))))
    elif command == "bytes":
        print(json.dumps(pty_bytes(json.loads(sys.argv[2]), sys.argv[3])))
    elif command == "check":
        print(json.dumps(screen_check(json.loads(sys.argv[2]))))
PYTHON

# Start every launch at the top (as less does): no session restored from the last run.
SEEALSO_ARGS=""
if "$SEEALSO" explore --help 2>/dev/null | grep -q -- "--no-restore"; then SEEALSO_ARGS="--no-restore"; fi
export ROOT WORK SOCKET SEEALSO DYNAMIC_SEEALSO BENCH ARTICLE QUIET_MS SEEALSO_ARGS SWIFT_FLOOR FOUNDATION_FLOOR ARCHITECTURE_FLOOR
PY="$WORK/bench_tui.py"

echo "seealso TUI benchmark — $(date -u '+%Y-%m-%d %H:%M UTC'), $(uname -m), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "tmux $(tmux -V | cut -d' ' -f2), $(less --version | head -1), seealso as make build ships it: $SEEALSO"

# ---------------------------------------------------------------------------------------
# 1. Start-up in tmux.
log "start-up: $RUNS launches each in tmux (120×40)…"
python3 "$PY" startup "$RUNS" 120 40 >"$WORK/startup.json"
log "start-up without tmux: pty first frame, process start, in-process stages ($RUNS runs each)…"
python3 "$PY" detail "$RUNS" "$PTY_TERM" "$EXTRA_JSON" >"$WORK/detail.json"

# 2. In-process figures.
log "in-process benchmark…"
"$BENCH" timing 2000 >"$WORK/timing.txt"
"$BENCH" updates 10 5 >"$WORK/updates.txt"
"$BENCH" tsv 10 5 >"$WORK/minimal.tsv"

# 3. Bytes on a pty, for the layouts (and key counts) of the minimal-update table.
LAYOUTS_JSON="$(python3 - "$WORK/minimal.tsv" <<'PYTHON'
import csv, json, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
out = []
for row in rows:
    code = row["layout"]; zoom = code.endswith("z"); w, h = code.rstrip("z").split("x")
    out.append({"code": code, "name": row["name"], "width": int(w), "height": int(h), "zoom": zoom,
                "lines": int(row["lines"]), "pages": int(row["pages"])})
print(json.dumps(out))
PYTHON
)"
log "bytes on a pty (TERM=$PTY_TERM): seealso and less in $(python3 -c 'import json,sys; print(len(json.loads(sys.argv[1])))' "$LAYOUTS_JSON") layouts…"
python3 "$PY" bytes "$LAYOUTS_JSON" "$PTY_TERM" >"$WORK/bytes.json"

# 4. Correctness in tmux.
log "screen check in tmux (many scrolls, capture-pane against the core's frame)…"
python3 "$PY" check "$LAYOUTS_JSON" >"$WORK/check.json"

# ---------------------------------------------------------------------------------------
# Report.
python3 - "$WORK" "$RUNS" "$PTY_TERM" <<'PYTHON'
import collections, csv, glob, json, re, statistics, sys
work, runs, term = sys.argv[1], int(sys.argv[2]), sys.argv[3]
startup = json.load(open(f"{work}/startup.json"))
detail = json.load(open(f"{work}/detail.json"))
bytes_ = json.load(open(f"{work}/bytes.json"))
check = json.load(open(f"{work}/check.json"))
minimal = {row["layout"]: row for row in csv.DictReader(open(f"{work}/minimal.tsv"), delimiter="\t")}
verdicts = []
median = statistics.median


def table(rows, right=()):
    widths = [max(len(str(row[i])) for row in rows) for i in range(len(rows[0]))]
    for n, row in enumerate(rows):
        print("  ".join(str(c).rjust(widths[i]) if i in right else str(c).ljust(widths[i]) for i, c in enumerate(row)).rstrip())
        if n == 0:
            print("  ".join("-" * w for w in widths))


def q(samples, p):
    s = sorted(samples)
    return s[min(len(s) - 1, int(round(p * (len(s) - 1))))]


# Escape sequences by kind, to say where the bytes go.
SEQUENCE = re.compile(rb"\x1b\[[0-9;?>]*[ -/]*[@-~]|\x1b[()][0-9A-Za-z]|\x1b[@-Z\\-_=>]|[\x00-\x1f]")
def kind(sequence):
    if sequence.startswith(b"\x1b["):
        final = sequence[-1:]
        if final == b"m": return "attributes"
        if final in b"HfdGCDABea`": return "cursor"
        if final in b"KXJP@": return "erase"
        if final in b"rSTLM": return "scroll"
        return "other"
    if sequence[:2] in (b"\x1b(", b"\x1b)") or sequence in (b"\x0e", b"\x0f"): return "attributes"
    if sequence in (b"\r", b"\x08"): return "cursor"
    if sequence in (b"\n", b"\x1bD", b"\x1bM", b"\x1bE"): return "scroll"
    return "other"
def breakdown(pattern):
    files = glob.glob(pattern)
    total = collections.Counter()
    for name in files:
        data = open(name, "rb").read()
        position = 0
        for match in SEQUENCE.finditer(data):
            total["text"] += match.start() - position
            total[kind(match.group())] += len(match.group())
            position = match.end()
        total["text"] += len(data) - position
    return {k: v / len(files) for k, v in total.items()} if files else {}


# ---- 1. start-up ------------------------------------------------------------------------------
print()
print(f"1. Launch → first complete frame in tmux ({startup['size']}, LANG=C.UTF-8, TERM=screen), {runs} runs each, ms")
print("   polled with capture-pane until seealso's status bar (\"? help\"), less's prompt (file name on the last row),")
print("   or the shell's marker shows; launches interleaved in rotating order")
print()
s = startup["samples"]
floor = median(s["floor (sh: echo)"])
less = median(s["less"])
rows = [["program", "median", "p25", "p75", "min", "max", "− floor", "× less"]]
for name in s:
    m = median(s[name])
    rows.append([name, f"{m:.1f}", f"{q(s[name], .25):.1f}", f"{q(s[name], .75):.1f}", f"{min(s[name]):.1f}",
                 f"{max(s[name]):.1f}", f"{m - floor:.1f}", f"{m / less:.2f}"])
table(rows, right=range(1, 8))
ratio = median(s["seealso"]) / less
line = (f"TARGET start-up no slower than less (tmux): seealso {median(s['seealso']):.1f} ms, less {less:.1f} ms, "
        f"ratio {ratio:.2f} (floor {floor:.1f} ms) — {'met' if ratio <= 1.0 else 'NOT met'}")
line += f"; as swift build leaves it {median(s['seealso, swift build (runtime loaded)']) / less:.2f}"
verdicts.append(line)
swift_floor, foundation_floor = median(s["floor (Swift: print)"]), median(s["floor (Swift + Foundation: print)"])
verdicts.append(f"FLOOR a Swift program that only prints: {swift_floor / less:.2f}× less; with Foundation linked: "
                f"{foundation_floor / less:.2f}× less; seealso above the Foundation floor: {median(s['seealso']) - foundation_floor:.1f} ms")
architecture = median(s["floor (the architecture: SQLite, file, ncurses)"])
verdicts.append(f"FLOOR the architecture alone (Swift, SQLite, the file, ncurses set up, no model): {architecture / less:.2f}× less; "
                f"seealso {median(s['seealso']) / architecture:.2f}× it, {median(s['seealso']) - architecture:.1f} ms above it")

print()
print(f"   Without tmux, {runs} runs each, median ms: spawn on a pty (120×40, TERM={term}) → the frame's last bytes;")
print("   process alone (output to /dev/null); seealso's start-up stages in a fresh process (seealso-bench cold)")
print()
rows = [["what", "median", "p25", "p75"]]
for name, samples in detail.items():
    if name == "stages":
        continue
    rows.append([name, f"{median(samples):.1f}", f"{q(samples, .25):.1f}", f"{q(samples, .75):.1f}"])
stages = list(zip(*detail["stages"]))
for label, samples in zip(["stage: load the bundled article (parse, classify, link)", "stage: Explorer + initial state (wraps the reader)",
                           "stage: first frame (render + encode)", "stage: a second frame (warm)"], stages):
    rows.append([label, f"{median(samples):.2f}", f"{q(samples, .25):.2f}", f"{q(samples, .75):.2f}"])
table(rows, right=(1, 2, 3))

# ---- 2. in process ----------------------------------------------------------------------------
print()
print("2. In process (seealso-bench, release)")
print()
timing = open(f"{work}/timing.txt").read()
print(timing.rstrip())
for line in timing.splitlines():
    if line.startswith("TARGET"):
        verdicts.append(line)
print()
print(open(f"{work}/updates.txt").read().rstrip())

# ---- 3. bytes -----------------------------------------------------------------------------------
print()
print(f"3. Bytes written to the terminal per key on a pty (TERM={term}): mean per press, j from the start, Space from the start")
print("   minimal = UTF-8 bytes of the cells that differ (seealso-bench, same keys); + moves = minimal plus the cheapest")
print("   cursor positioning to reach each changed run; scroll floor = minimal after moving the reader's rows with the")
print("   terminal's scroll region (full-width reader only); less: same text, size and keys (its Space presses that only")
print("   reach the end, \"(END)\", are left out)")
print()
rows = [["layout", "size", "key", "n", "seealso B", "minimal B", "× minimal", "+ moves B", "× (+ moves)", "scroll floor B",
         "less B", "n less", "× less"]]
split = [["layout", "size", "key", "text", "cursor", "attributes", "erase", "scroll", "other", "less text", "less other"]]
minimal_ok, less_ok, worst_minimal, worst_less = True, True, [], []
for code, result in bytes_.items():
    m = minimal[code]
    full_width = code.endswith("z") or int(code.split("x")[0]) < 80
    size = code.rstrip("z").replace("x", "×") + (" z" if code.endswith("z") else "")
    for key, label, column in (("j", "j", "j_bytes"), ("space", "Space", "space_bytes")):
        counts = result["seealso"][key]
        if not counts:
            continue
        mine = statistics.mean(counts)
        base = float(m[column])
        floor_b = m[column.replace("bytes", "scroll_bytes")]
        theirs = statistics.mean(result["less"][key]) if result["less"][key] else None
        r_min = mine / base if base else float("inf")
        r_less = mine / theirs if theirs else None
        moves = float(m[column.replace("bytes", "moves_bytes")]) if column.replace("bytes", "moves_bytes") in m else None
        rows.append([m["name"], size, label, len(counts), f"{mine:.0f}", f"{base:.0f}", f"{r_min:.2f}",
                     f"{moves:.0f}" if moves else "-", f"{mine / moves:.2f}" if moves else "-",
                     floor_b if floor_b == "-" else f"{float(floor_b):.0f}",
                     f"{theirs:.0f}" if theirs else "-", len(result["less"][key]), f"{r_less:.2f}" if r_less else "-"])
        if r_min > 1.2:
            minimal_ok = False
            worst_minimal.append(f"{size} {label} {r_min:.3f}×")
        if full_width and r_less and r_less > 1.0:
            less_ok = False
            worst_less.append(f"{size} {label} {r_less:.3f}×")
        parts = breakdown(f"{work}/raw/{code}-seealso-{key}-*.bin")
        theirs_parts = breakdown(f"{work}/raw/{code}-less-{key}-*.bin")
        split.append([m["name"], size, label] + [f"{parts.get(k, 0):.0f}" for k in ("text", "cursor", "attributes", "erase", "scroll", "other")]
                     + [f"{theirs_parts.get('text', 0):.0f}", f"{sum(theirs_parts.values()) - theirs_parts.get('text', 0):.0f}"])
table(rows, right=range(3, 13))
print()
print("   Where seealso's bytes go (mean per press; escape sequences by kind; \"scroll\" = scroll region, index, line feed):")
print()
table(split, right=range(3, 11))
verdicts.append("TARGET bytes within 1.2× the minimal update in every layout — "
                + ("met" if minimal_ok else "NOT met: " + ", ".join(worst_minimal)))
verdicts.append("TARGET bytes no more than less when the reader spans the full width (79×24 one pane, 200×60 zoomed) — "
                + ("met" if less_ok else "NOT met: " + ", ".join(worst_less)))

# ---- 4. correctness -------------------------------------------------------------------------------
print()
print("4. Correctness: keys typed one at a time in tmux (TERM=screen), capture-pane compared with the frame the core renders")
print()
rows = [["layout", "keys", "checkpoints", "result"]]
all_ok = True
for result in check:
    ok = not result["mismatches"]
    all_ok &= ok
    detail_text = "screen matches" if ok else "; ".join(
        f"after {m['after']} keys rows {m['rows']}: want {m['example'][0][:60]!r} got {m['example'][1][:60]!r}" for m in result["mismatches"])
    rows.append([result["code"], result["keys"], 4, detail_text])
table(rows, right=(1, 2))
verdicts.append("CHECK the tmux screen equals the rendered frame after many scrolls — " + ("ok" if all_ok else "MISMATCH"))

print()
for verdict in verdicts:
    print(verdict)
PYTHON
