"""Generates reformkg/graph/vocab.py — the label and relationship-type constants — from
ontology.yaml, so that code names them through constants and never spells them by hand.

    python -m reformkg.graph.vocab_gen          # rewrite vocab.py
    python -m reformkg.graph.vocab_gen --check  # exit 1 when vocab.py is stale
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from reformkg.graph.ontology import load_ontology

VOCAB_PATH = Path(__file__).with_name("vocab.py")


def _const(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).upper()


def render() -> str:
    onto = load_ontology()
    lines = ['"""Label and relationship-type constants, generated from ontology.yaml by',
             '`python -m reformkg.graph.vocab_gen` (do not edit; a test checks it is current)."""', "",
             "from __future__ import annotations", "", "", "class Label:",
             '    """Node labels (primary and extra)."""', ""]
    names = list(onto.labels) + list(onto.extra_labels) + [onto.umbrella_label]
    lines += [f'    {_const(n)} = "{n}"' for n in names]
    lines += ["", "", "class Rel:", '    """Relationship types."""', ""]
    lines += [f'    {n} = "{n}"' for n in onto.relationships]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    text = render()
    if "--check" in argv:
        current = VOCAB_PATH.read_text(encoding="utf-8") if VOCAB_PATH.exists() else ""
        if current != text:
            print(f"{VOCAB_PATH} is stale: run python -m reformkg.graph.vocab_gen", file=sys.stderr)
            return 1
        return 0
    VOCAB_PATH.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
