#!/usr/bin/env bash
# Scaling: how each command's time and memory grow with hostile article shapes (the ones
# fuzzers found quadratic). A benchmark, not a test: it prints, it does not fail.
#
#   scripts/bench-scaling.sh              # release build, sizes n and 4n
#   BENCH_N=4000 scripts/bench-scaling.sh # the smaller size (default 4000)
#
# For each shape it times the release `seealso` at n and at 4n in the same invocation and
# prints the growth exponent log(t4n / tn) / log 4: about 1 is linear, 2 quadratic. Times
# under 20 ms are too close to process start-up to say much; their exponent is shown as "-".
# Nothing is written inside the repository except the build folder .build-bench/.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SCRATCH="${BENCH_SCRATCH:-$ROOT/.build-bench}"
N="${BENCH_N:-4000}"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/seealso-scaling.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

echo "building seealso (release, scratch $SCRATCH)…" >&2
(cd "$ROOT" && swift build -c release --scratch-path "$SCRATCH" --product seealso >"$WORK/build.log" 2>&1) \
    || { cat "$WORK/build.log" >&2; exit 1; }
SEEALSO="$(cd "$ROOT" && swift build -c release --scratch-path "$SCRATCH" --show-bin-path)/seealso"

python3 - "$SEEALSO" "$WORK" "$N" <<'PYTHON'
import math, os, subprocess, sys, time

seealso, work, n = sys.argv[1], sys.argv[2], int(sys.argv[3])

# Each shape: n → article text. Kept in step with Tests/ContentTests/LongTextTests.swift and
# DuplicateNameTests.swift, which pin down what these articles produce.
shapes = {
    "copies of one See-also title": lambda n: "= T =\n\n== See also ==\n" + "- Same\n" * n,
    "See-also titles sharing a word": lambda n: "= T =\n\n== See also ==\n" + "".join(f"- Topic {i}\n" for i in range(n)),
    "one item continued on n lines": lambda n: "= T =\n\n== Strategies ==\n- Foo – start\n" + "".join(f"  word{i} more\n" for i in range(n)),
    "a paragraph of n lines, each a mention": lambda n: "= T =\n\n" + "".join(f"Foobar is here {i}.\n" for i in range(n)) + "\n== See also ==\n- Foobar\n",
    "one sentence naming n items": lambda n: "= T =\n\nThen " + " ".join(f"Item{i}x" for i in range(n)) + " end\n\n== See also ==\n" + "".join(f"- Item{i}x\n" for i in range(n)),
    "n items and n sections": lambda n: "= T =\n\n== Strategies ==\n" + "".join(f"- S{i}x – desc\n" for i in range(n)) + "".join(f"== H{i} ==\ntext\n" for i in range(n)),
    # A dash inside brackets is passed for the next one: the brackets' depth carried on.
    "an item of n dashes inside brackets": lambda n: "= T =\n\n== Strategies ==\n- Name (" + " – x" * n + " – end\n",
    # Each subsection's list asks whether the long paragraph above announces a kind: once.
    "n subsections under a paragraph of n sentences": lambda n: "= T =\n\n== Parent ==\n" + "The council met again. " * n + "\n\n"
        + "".join(f"=== Sub {i} ===\n- Item{i}x – a thing.\n\n" for i in range(n)),
}
commands = {
    "outline": ["outline"],
    "links": ["links"],
    "json": ["export", "--format", "json"],
    "search": ["search", None, "Foobar"],
}

def run(arguments):
    """Seconds and peak RSS (MB) of one run, output to /dev/null."""
    env = dict(os.environ, XDG_CACHE_HOME=os.path.join(work, "cache"), XDG_DATA_HOME=os.path.join(work, "data"))
    start = time.perf_counter()
    process = subprocess.Popen([seealso] + arguments, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    return time.perf_counter() - start, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)

print(f"seealso scaling — sizes n = {n} and 4n = {4 * n}; release build {seealso}")
print()
header = ["shape", "command", "bytes (4n)", "time n", "time 4n", "exponent", "RSS 4n"]
rows = []
for name, make in shapes.items():
    paths = {}
    for size in (n, 4 * n):
        path = os.path.join(work, f"{len(rows)}-{size}.txt")
        with open(path, "w") as file:
            file.write(make(size))
        paths[size] = path
    for label, template in commands.items():
        results = {}
        for size in (n, 4 * n):
            arguments = [paths[size] if part is None else part for part in template]
            if None not in template:
                arguments = template + [paths[size]]
            best = min((run(arguments) for _ in range(3)), key=lambda result: result[0])
            results[size] = best
        small, large = results[n][0], results[4 * n][0]
        exponent = "-" if large < 0.02 else f"{math.log(max(large, 1e-6) / max(small, 1e-6)) / math.log(4):.2f}"
        rows.append([name, label, str(os.path.getsize(paths[4 * n])), f"{small * 1000:.0f} ms", f"{large * 1000:.0f} ms",
                     exponent, f"{results[4 * n][1]:.0f} MB"])

widths = [max(len(str(row[i])) for row in rows + [header]) for i in range(len(header))]
print("  ".join(h.ljust(w) for h, w in zip(header, widths)))
print("  ".join("-" * w for w in widths))
for row in rows:
    print("  ".join(str(c).ljust(w) for c, w in zip(row, widths)))
PYTHON
