"""The shipped relation model: a logistic model over binary features, stored as sorted JSON
(`ingest/data/relation_model.json`) and scored in pure Python (no scikit-learn at run time)."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Iterable

MODEL_NAME = "relation_model.json"
PRODUCER = "model:relscore"


@dataclass(frozen=True)
class RelationModel:
    weights: dict[str, float]
    intercept: float
    threshold: float
    rule_precision: dict[str, float] = field(default_factory=dict)  # producer → precision on the training gold
    trained_on: tuple[str, ...] = ()
    veto: float = 0.0  # a rule fact whose sentence the model scores below this is dropped (0: never)
    add_types: tuple[str, ...] = ()  # types whose new facts the model may add (chosen by leave-one-document-out)

    def probability(self, feats: Iterable[str]) -> float:
        z = self.intercept + sum(self.weights.get(f, 0.0) for f in feats)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def to_json(self) -> str:
        data = {"format": 1, "intercept": round(self.intercept, 6), "threshold": round(self.threshold, 4),
                "veto": round(self.veto, 4), "add_types": sorted(self.add_types),
                "rule_precision": {k: round(v, 4) for k, v in sorted(self.rule_precision.items())},
                "trained_on": list(self.trained_on),
                "weights": {k: round(v, 6) for k, v in sorted(self.weights.items()) if round(v, 6) != 0.0}}
        return json.dumps(data, ensure_ascii=False, indent=0, sort_keys=True) + "\n"

    @classmethod
    def from_json(cls, text: str) -> "RelationModel":
        d = json.loads(text)
        return cls(weights=dict(d["weights"]), intercept=float(d["intercept"]), threshold=float(d["threshold"]),
                   rule_precision=dict(d.get("rule_precision", {})), trained_on=tuple(d.get("trained_on", ())),
                   veto=float(d.get("veto", 0.0)), add_types=tuple(d.get("add_types", ())))


def shipped_path() -> Path:
    return Path(str(resources.files("reformkg.ingest") / "data" / MODEL_NAME))


@lru_cache(maxsize=1)
def shipped_model() -> RelationModel | None:
    """The model shipped in the package, or None when none has been trained yet."""
    p = shipped_path()
    return RelationModel.from_json(p.read_text(encoding="utf-8")) if p.is_file() else None
