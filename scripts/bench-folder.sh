#!/usr/bin/env bash
# Folder benchmarks (issue 5): corpora of 1,000 and 10,000 articles generated from the
# bundled one (scripts/make-corpus.py), measured with a release build, each figure next to a
# reference run made in the same invocation:
#   - load + link of 1,000 articles (`seealso outline DIR`, which parses, classifies and links
#     every file) against `cat` of the same files;
#   - a folder search, cold (index built) and warm, against `grep -ri` of the same folder;
#   - the explorer's first frame on 10,000 articles (warm index) in tmux, against `less`
#     opening one article in the same tmux: the first article, whose See-also entries name
#     other articles of the folder and which others list;
#   - peak resident memory (GNU time's %M) of each.
# Usage: scripts/bench-folder.sh            (BENCH_SIZES="1000 10000" by default)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SIZES="${BENCH_SIZES:-1000 10000}"
RUNS="${BENCH_RUNS:-5}"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/seealso-folder.XXXXXX")"
trap 'tmux -L bench-folder-$$ kill-server 2>/dev/null || true; rm -rf "$WORK"' EXIT
export XDG_CACHE_HOME="$WORK/cache" XDG_DATA_HOME="$WORK/data" LANG=C.UTF-8

(cd "$ROOT" && swift build -c release --product seealso >/dev/null)
BIN="$ROOT/.build/release/seealso"

# median of N runs of a command, in milliseconds
median_ms() {
    local n=$1; shift
    local times=()
    for _ in $(seq "$n"); do
        local start end
        start=$(date +%s%N); "$@" >/dev/null 2>&1 || true; end=$(date +%s%N)
        times+=($(( (end - start) / 1000000 )))
    done
    printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

peak_kb() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1; }

# Milliseconds from starting a tmux server whose window runs `command` until `marker` shows
# on its screen (the server's own start-up is in both figures alike).
first_frame_ms() {
    local marker=$1 command=$2 socket="bench-folder-$$"
    local start end
    start=$(date +%s%N)
    tmux -L "$socket" -f /dev/null new-session -d -s f -x 120 -y 40 "$command; sleep 5"
    until tmux -L "$socket" capture-pane -p -t f 2>/dev/null | grep -F -- "$marker" >/dev/null; do sleep 0.005; done
    end=$(date +%s%N)
    tmux -L "$socket" kill-server 2>/dev/null || true
    echo $(( (end - start) / 1000000 ))
}

printf '%-46s %10s %12s %8s %10s\n' "measure" "seealso ms" "reference ms" "ratio" "peak KB"
for n in $SIZES; do
    dir="$WORK/corpus-$n"
    python3 "$ROOT/scripts/make-corpus.py" "$ROOT/assets/dual-power.txt" "$dir" "$n"
    size=$(du -sm "$dir" | cut -f1)
    cat_ms=$(median_ms "$RUNS" sh -c "cat $dir/*/*.txt")
    load_ms=$(median_ms "$RUNS" "$BIN" outline "$dir")
    printf '%-46s %10s %12s %8s %10s\n' "$n articles ($size MB): load+link vs cat" "$load_ms" "$cat_ms" \
        "$(awk "BEGIN{printf \"%.0fx\", $load_ms/($cat_ms>0?$cat_ms:1)}")" "$(peak_kb "$BIN" outline "$dir")"
    cold=$(median_ms 1 "$BIN" search "$dir" Kornilov)
    grep_common=$(median_ms "$RUNS" grep -ri Kornilov "$dir")
    warm_common=$(median_ms "$RUNS" "$BIN" search "$dir" Kornilov)
    # A rare phrase: the title of article 517 (and of 5170-5179), and the See-also entries
    # of the articles that list them; grep is given the same phrase.
    grep_rare=$(median_ms "$RUNS" grep -ri "Dual power 517" "$dir")
    warm_rare=$(median_ms "$RUNS" "$BIN" search "$dir" "Dual power 517")
    printf '%-46s %10s %12s %8s %10s\n' "search, index cold (builds it) vs grep -ri" "$cold" "$grep_common" \
        "$(awk "BEGIN{printf \"%.0fx\", $cold/($grep_common>0?$grep_common:1)}")" ""
    printf '%-46s %10s %12s %8s %10s\n' "search warm, in every file vs grep -ri" "$warm_common" "$grep_common" \
        "$(awk "BEGIN{printf \"%.0fx\", $warm_common/($grep_common>0?$grep_common:1)}")" "$(peak_kb "$BIN" search "$dir" Kornilov)"
    printf '%-46s %10s %12s %8s %10s\n' "search warm, a rare phrase vs grep -ri" "$warm_rare" "$grep_rare" \
        "$(awk "BEGIN{printf \"%.1fx\", $warm_rare/($grep_rare>0?$grep_rare:1)}")" "$(peak_kb "$BIN" search "$dir" "Dual power 517")"
    first=$(find "$dir" -name '*.txt' | sort | sed -n 1p)
    frames=(); lesses=()
    for _ in $(seq 3); do
        frames+=("$(first_frame_ms '? help' "env TERM=screen-256color $BIN $dir --no-restore --data-dir $WORK/data")")
        lesses+=("$(first_frame_ms 'Dual power' "env TERM=screen-256color less $first")")
    done
    frame=$(printf '%s\n' "${frames[@]}" | sort -n | sed -n 2p)
    less_ms=$(printf '%s\n' "${lesses[@]}" | sort -n | sed -n 2p)
    printf '%-46s %10s %12s %8s %10s\n' "first frame, warm index, vs less (one file)" "$frame" "$less_ms" \
        "$(awk "BEGIN{printf \"%.1fx\", $frame/($less_ms>0?$less_ms:1)}")" ""
done
