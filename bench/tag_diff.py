"""Tagger output on the visible documents, saved and compared: the check behind every tagger
speed change (issue 11: tags and gold scores must not change, or the change is reported).

`--save FILE` writes, per document of ../shared/corpus and ../shared/dev/docs (or DIRS given),
the LAC words (start, end, tag) of the whole normalised text as JSON; `--compare FILE` tags the
same documents again and prints, per document, how many words differ (a word differs when its
span or its tag is not in the saved set), with the first differences in context.

usage: python bench/tag_diff.py --save /tmp/tags.json   |   python bench/tag_diff.py --compare /tmp/tags.json
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reformkg.ingest import normalise, segment  # noqa: E402
from reformkg.ingest.extract.tagger import Tagger  # noqa: E402
from reformkg.ingest.loaders import iter_paths, load  # noqa: E402


def tag_all(dirs: list[Path]) -> tuple[dict[str, list[list]], dict[str, str]]:
    tagger = Tagger()
    tags: dict[str, list[list]] = {}
    texts: dict[str, str] = {}
    for p in iter_paths(dirs):
        if p.suffix not in (".txt", ".md", ".html"):
            continue
        doc = segment.segment(normalise.normalise(load(p)))
        tagger(doc)
        tags[p.name + ":" + str(len(doc.text))] = [[s.start, s.end, s.label] for s in doc.layers["lac_words"]]
        texts[p.name + ":" + str(len(doc.text))] = doc.text
    return tags, texts


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--save", type=Path)
    ap.add_argument("--compare", type=Path)
    ap.add_argument("dirs", type=Path, nargs="*")
    a = ap.parse_args()
    logging.basicConfig(level=logging.ERROR)
    dirs = a.dirs or [ROOT.parent / "shared" / "corpus", ROOT.parent / "shared" / "dev" / "docs"]
    tags, texts = tag_all(dirs)
    if a.save:
        a.save.write_text(json.dumps(tags, ensure_ascii=False), encoding="utf-8")
        print(f"saved tags of {len(tags)} documents ({sum(map(len, tags.values()))} words) to {a.save}")
    if a.compare:
        old = json.loads(a.compare.read_text(encoding="utf-8"))
        total = changed = 0
        for key in sorted(set(old) | set(tags)):
            if key not in old or key not in tags:
                print(f"{key}: only in {'saved' if key in old else 'new'} run")
                continue
            o = {tuple(w) for w in old[key]}
            n = {tuple(w) for w in tags[key]}
            diff = sorted(n - o)
            total += len(o)
            changed += len(diff) + len(o - n)
            if diff or (o - n):
                text = texts[key]
                print(f"{key}: {len(o - n)} saved words gone, {len(diff)} new words")
                for s, e, t in diff[:5]:
                    print(f"   + {text[s:e]}/{t}   …{text[max(0, s - 10):e + 10]}…")
                for s, e, t in sorted(o - n)[:5]:
                    print(f"   - {text[s:e]}/{t}")
        print(f"{len(tags)} documents, {total} saved words, {changed} differing words")
    return 0


if __name__ == "__main__":
    sys.exit(main())
