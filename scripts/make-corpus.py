#!/usr/bin/env python3
"""Writes COUNT articles into DIR by varying SOURCE (the bundled article), for the folder benchmarks.

Article k is "Dual power k" (DIR/SS/article-KKKKK.txt, SS = k mod 100): its section headings
get the suffix " k", so that each article's sections are its own, but its "See also" heading
is kept, so its See-also list is still one. That list keeps the source's topics and names
three other generated articles (k+1, k+7 and k+31, modulo COUNT), so that See-also titles
resolve across the folder as they would in a real one. The output depends on the arguments
alone: the same arguments write the same files.
"""
import argparse
import os

SEE_ALSO = "See also"


def heading(line):
    """(marks, text) of a heading line such as "== Background ==", else None."""
    stripped = line.strip()
    marks = len(stripped) - len(stripped.lstrip("="))
    if marks == 0 or len(stripped) - len(stripped.rstrip("=")) != marks:
        return None
    return "=" * marks, stripped[marks:-marks].strip()


def others(k, count):
    """The generated articles article k lists under See also: distinct, never itself."""
    return sorted({(k + step) % count for step in (1, 7, 31)} - {k})


def article(source_lines, k, count):
    """The text of article k: headings suffixed but for See also, which lists the others."""
    lines = []
    see_also_end = None  # where the See-also section ends (the next heading), once found
    in_see_also = False
    for line in source_lines:
        parsed = heading(line)
        if parsed:
            marks, text = parsed
            if in_see_also and see_also_end is None:
                see_also_end = len(lines)
            in_see_also = text == SEE_ALSO
            if marks == "=":
                line = f"= Dual power {k} ="
            elif text != SEE_ALSO:
                line = f"{marks} {text} {k} {marks}"
        lines.append(line)
    entries = [f"- Dual power {other}" for other in others(k, count)]
    if not entries:
        return "\n".join(lines).rstrip("\n") + "\n"  # a folder of one article
    if see_also_end is None and not in_see_also:
        lines += ["", f"== {SEE_ALSO} =="]  # a source without one gets one, at the end
    if see_also_end is None:
        see_also_end = len(lines)
    # After the section's last list item, before the blank lines ahead of the next heading.
    while see_also_end > 0 and not lines[see_also_end - 1].strip():
        see_also_end -= 1
    return "\n".join(lines[:see_also_end] + entries + lines[see_also_end:]).rstrip("\n") + "\n"


def positive(text):
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text} is not a positive number")
    return value


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("source", metavar="SOURCE", help="the article to vary, e.g. assets/dual-power.txt")
    parser.add_argument("folder", metavar="DIR", help="where to write the articles (made if missing)")
    parser.add_argument("count", metavar="COUNT", type=positive, help="how many articles to write")
    arguments = parser.parse_args()

    with open(arguments.source, encoding="utf-8") as file:
        source_lines = file.read().rstrip("\n").split("\n")
    for k in range(arguments.count):
        shard = os.path.join(arguments.folder, f"{k % 100:02d}")
        os.makedirs(shard, exist_ok=True)
        with open(os.path.join(shard, f"article-{k:05d}.txt"), "w", encoding="utf-8") as out:
            out.write(article(source_lines, k, arguments.count))


if __name__ == "__main__":
    main()
