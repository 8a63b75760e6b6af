#!/usr/bin/env python3
"""Writes N articles into DIR by varying the bundled article, for the folder benchmarks.

Article k is "Dual power k": every heading and See-also title gets a per-article suffix, and
its See-also list names three other generated articles, so titles resolve across the
folder as they would in a real one. Usage: make-corpus.py SOURCE.txt DIR N
"""
import os
import sys

source, folder, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
text = open(source, encoding="utf-8").read()
os.makedirs(folder, exist_ok=True)
for k in range(count):
    lines = []
    for line in text.split("\n"):
        if line.startswith("= ") and line.endswith(" ="):
            line = f"= Dual power {k} ="
        elif line.startswith("==") and line.endswith("=="):
            line = line.rstrip("= ") + f" {k} =="
        lines.append(line)
    for other in (k + 1, k + 7, k + 31):
        lines.append(f"- Dual power {other % count}")
    shard = os.path.join(folder, f"{k % 100:02d}")
    os.makedirs(shard, exist_ok=True)
    with open(os.path.join(shard, f"article-{k:05d}.txt"), "w", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")
