"""Training of the relation model: gold labels for candidates, fitting (scikit-learn's logistic
regression, deterministic), the rules' measured precision, and leave-one-document-out
evaluation end to end (extract → score candidates → resolve → score.py's matching).

A candidate is positive when the gold record of its document has a relation of its type
whose ends carry the names of the candidate's mentions and whose evidence quote overlaps the
candidate's sentence (in the stored text); symmetric types match in either direction.
"""

from __future__ import annotations

import copy
import dataclasses
import logging
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

from reformkg.evaluation.scoring import Score, name_resolver, norm, score_document
from reformkg.graph.ontology import Ontology, get_ontology
from reformkg.ingest import loaders, normalise, segment
from reformkg.ingest.document import Document, Mention
from reformkg.ingest.extract.relscore.component import apply_model, scored_candidates
from reformkg.ingest.extract.relscore.model import RelationModel

log = logging.getLogger(__name__)
C_REGULARISATION = 0.5
DEFAULT_VETO = 0.0
RESOLVER_PREFIX = "resolve:"
DEFAULT_THRESHOLD = 0.9  # chosen by leave-one-document-out: 0.5 → F1 0.745, 0.8 → 0.746, 0.9 → 0.749 (rules alone 0.749)


@dataclass
class TrainingDoc:
    name: str
    doc: Document  # extracted by the rule components (relations = the rules' candidates)
    gold: dict
    examples: list[tuple[list[str], int]]
    rule_hits: dict[str, list[int]]  # producer → [correct, total]


def _mention_names(m: Mention) -> set[str]:
    return {n for n in (norm(m.surface), norm(m.normalised)) if n}


class GoldIndex:
    """The gold relations of one document, with their evidence located in the stored text."""

    def __init__(self, gold: dict, doc: Document, ontology: Ontology):
        ents = [e for e in gold.get("entities", []) if e.get("type") in ontology.entity_labels]
        self.resolve = name_resolver(ents)
        self.symmetric = ontology.symmetric_types
        self.rels: dict[str, list[tuple[set[int], set[int], list[tuple[int, int]]]]] = defaultdict(list)
        for r in gold.get("relations", []):
            ev = r.get("evidence") or ""
            spans, i = [], doc.source_text.find(ev) if ev else -1
            while i >= 0:
                spans.append((i, i + len(ev)))
                i = doc.source_text.find(ev, i + 1)
            self.rels[r["type"]].append((self.resolve(r["source"]), self.resolve(r["target"]), spans))

    def label_names(self, rtype: str, heads: Iterable[str], tails: Iterable[str]) -> int:
        """1 when gold has a relation of rtype between entities carrying one of these names each."""
        hs = set().union(*(self.resolve(norm(n)) for n in heads if norm(n)))
        ts = set().union(*(self.resolve(norm(n)) for n in tails if norm(n)))
        return int(any((hs & gs and ts & gt) or (rtype in self.symmetric and hs & gt and ts & gs)
                       for gs, gt, _ in self.rels.get(rtype, ())))

    def _ends(self, m: Mention) -> set[int]:
        out: set[int] = set()
        for n in _mention_names(m):
            out |= self.resolve(n)
        return out

    def label(self, rtype: str, head: Mention, tail: Mention, source_span: tuple[int, int] | None) -> int:
        hs, ts = self._ends(head), self._ends(tail)
        if not hs or not ts:
            return 0
        for gs, gt, spans in self.rels.get(rtype, ()):
            ok = (hs & gs and ts & gt) or (rtype in self.symmetric and hs & gt and ts & gs)
            if not ok:
                continue
            if source_span is None or not spans or any(s < source_span[1] and source_span[0] < e for s, e in spans):
                return 1
        return 0


def rule_documents(paths: Iterable[Path]) -> Iterable[tuple[Path, Document]]:
    """Documents extracted by the rule components only (no scorer)."""
    from reformkg.ingest.pipeline import Pipeline, rule_components

    pipe = Pipeline(components=rule_components())
    for p in paths:
        doc = segment.segment(normalise.normalise(loaders.load(p)))
        yield p, pipe.extract(doc)


def training_doc(name: str, doc: Document, gold: dict, ontology: Ontology) -> TrainingDoc:
    gi = GoldIndex(gold, doc, ontology)
    examples = []
    for c, feats in scored_candidates(doc, ontology):
        s0, s1 = doc.sentences[c.sentence]
        examples.append((feats, gi.label(c.type, c.head, c.tail, doc.source_span(s0, s1))))
    hits: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for rc in doc.relations:
        s = rc.trigger.sentence if rc.trigger is not None and rc.trigger.sentence >= 0 else -1
        span = doc.source_span(*doc.sentences[s]) if s >= 0 else None
        hits[rc.producer][0] += gi.label(rc.type, rc.head, rc.tail, span)
        hits[rc.producer][1] += 1
    _resolved_fact_hits(doc, gi, ontology, hits)
    return TrainingDoc(name, doc, gold, examples, dict(hits))


def _resolved_fact_hits(doc: Document, gi: GoldIndex, ontology: Ontology, hits: dict[str, list[int]]) -> None:
    """The facts the resolver makes itself (LOCATED_IN from a name or context): per producer, how
    many gold confirms — their confidence is that measured precision."""
    from reformkg.ingest.resolve import IMPLICIT, resolve

    copied = copy.copy(doc)
    copied.relations = [copy.copy(rc) for rc in doc.relations]
    result = resolve(copied, ontology)
    # as emitted: a fact onto an implicit region (one the text never names) is not in the record
    names = {e.id: [e.name, *e.aliases] for e in result.entities if not e.props.get(IMPLICIT)}
    for f in result.facts:
        producer = f.evidence[0].producer if f.evidence else ""
        if producer.startswith(RESOLVER_PREFIX) and f.source_id in names and f.target_id in names:
            hits[producer][0] += gi.label_names(f.type, names[f.source_id], names[f.target_id])
            hits[producer][1] += 1


def fit(docs: list[TrainingDoc], threshold: float = DEFAULT_THRESHOLD, veto: float = DEFAULT_VETO) -> RelationModel:
    """A logistic model over the examples of `docs` (deterministic: liblinear, fixed order)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    feats = [dict.fromkeys(f, 1) for d in docs for f, _ in d.examples]
    y = [label for d in docs for _, label in d.examples]
    vec = DictVectorizer(sort=True)
    X = vec.fit_transform(feats).tocsr()
    X.indices = X.indices.astype("int32")
    X.indptr = X.indptr.astype("int32")
    clf = LogisticRegression(C=C_REGULARISATION, solver="liblinear", max_iter=1000, random_state=0)
    clf.fit(X, y)
    weights = {name: float(w) for name, w in zip(vec.get_feature_names_out(), clf.coef_[0])}
    hits: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for d in docs:
        for prod, (ok, n) in d.rule_hits.items():
            hits[prod][0] += ok
            hits[prod][1] += n
    precision = {p: (ok + 1) / (n + 2) for p, (ok, n) in hits.items()}  # Laplace-smoothed
    types = tuple(sorted({f.split("|", 1)[0] for f in weights}))
    return RelationModel(weights, float(clf.intercept_[0]), threshold, precision, tuple(sorted(d.name for d in docs)),
                         veto, types)


def evaluate_document(td: TrainingDoc, model: RelationModel | None, ontology: Ontology) -> Score:
    """End-to-end score of one document with `model` applied (None: the rules alone)."""
    from reformkg.ingest.jsonl import to_record
    from reformkg.ingest.resolve import resolve

    doc = copy.copy(td.doc)
    doc.relations = [copy.copy(rc) for rc in td.doc.relations]
    if model is not None:
        doc = apply_model(doc, model, ontology)
    return score_document(td.gold, to_record(resolve(doc, ontology)))


def leave_one_out(docs: list[TrainingDoc], threshold: float = DEFAULT_THRESHOLD, veto: float = DEFAULT_VETO,
                  progress: Callable[[str], None] | None = None) -> tuple[Score, Score]:
    """(rules alone, rules + a model trained without the document) summed over all documents."""
    ontology = get_ontology()
    rules, learned = Score(), Score()
    for td in docs:
        model = fit([d for d in docs if d is not td], threshold, veto)
        rules.merge(evaluate_document(td, None, ontology))
        learned.merge(evaluate_document(td, model, ontology))
        if progress:
            progress(td.name)
    return rules, learned


def gated(model: RelationModel, rules: Score, learned: Score) -> RelationModel:
    """`model` allowed to add facts only of the types whose leave-one-document-out F1 its
    additions raised (CO_SPONSORS additions, say, were all wrong on the visible gold)."""
    keep = tuple(t for t in model.add_types if learned.relations.prf(t)[2] > rules.relations.prf(t)[2])
    return dataclasses.replace(model, add_types=keep)


def train(docs: list[TrainingDoc]) -> tuple[RelationModel, Score, Score]:
    """The shipped model: fitted on every document, its additions gated by leave-one-document-out;
    returns it with the LODO scores of the rules alone and of rules + ungated models."""
    rules, learned = leave_one_out(docs)
    return gated(fit(docs), rules, learned), rules, learned


def load_training_docs(gold: dict[str, dict], paths: Iterable[Path]) -> list[TrainingDoc]:
    ontology = get_ontology()
    wanted = list({p.name: p for p in paths if p.name in gold}.values())  # a document once, wherever it lies
    return [training_doc(p.name, doc, gold[p.name], ontology) for p, doc in rule_documents(wanted)]
