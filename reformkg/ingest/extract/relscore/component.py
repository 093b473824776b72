"""The relation-scoring component: after the hand rules, every candidate pair is scored; a rule
fact's confidence is the mean of its rule's measured precision and the model's probability for
its sentence (the precision alone when no sentence candidate covers it), and a candidate the
rules missed is added when its probability reaches the model's threshold."""

from __future__ import annotations

from reformkg.graph.ontology import Ontology, get_ontology
from reformkg.ingest.document import Document, RelationCandidate, Span
from reformkg.ingest.extract.relscore.candidates import Candidate, candidate_types, generate, mention_key, \
    sentence_mentions
from reformkg.ingest.extract.relscore.features import SentenceView, features, sentence_views
from reformkg.ingest.extract.relscore.model import PRODUCER, RelationModel, shipped_model
from reformkg.ingest.extract.relscore.triggers import trigger_index
from reformkg.graph.vocab import Rel

DEFAULT_RULE_CONFIDENCE = 0.9


def scored_candidates(doc: Document, ontology: Ontology) -> list[tuple[Candidate, list[str]]]:
    """Every candidate of the document with its features (rule votes from doc.relations)."""
    by_sent = sentence_mentions(doc)
    views = sentence_views(doc, by_sent, trigger_index(candidate_types(ontology)), ontology.symmetric_types)
    return [(c, features(c, views[c.sentence])) for c in generate(doc, ontology, by_sent)]


def _role(c: Candidate, view: SentenceView) -> str:
    """The role of a SPONSORS candidate: the nearest sponsoring trigger after the head in its clause."""
    rel = c.head.span.end - view.start
    best = None
    for h in view.triggers:
        if h.trigger.type == Rel.SPONSORS and h.start >= rel and (best is None or h.start < best.start):
            best = h
    return best.trigger.role if best is not None else ""


def apply_model(doc: Document, model: RelationModel, ontology: Ontology) -> Document:
    symmetric = ontology.symmetric_types
    by_key: dict[tuple[str, str, str], RelationCandidate] = {}
    for rc in doc.relations:
        rc.confidence = model.rule_precision.get(rc.producer, DEFAULT_RULE_CONFIDENCE)
        by_key.setdefault((rc.type, mention_key(rc.head), mention_key(rc.tail)), rc)
    by_sent = sentence_mentions(doc)
    views = sentence_views(doc, by_sent, trigger_index(candidate_types(ontology)), symmetric)
    added: list[RelationCandidate] = []
    vetoed: set[int] = set()
    addable = frozenset(model.add_types)
    for c in generate(doc, ontology, by_sent):
        k = (c.type, mention_key(c.head), mention_key(c.tail))
        rc = by_key.get(k) or (by_key.get((c.type, k[2], k[1])) if c.type in symmetric else None)
        if rc is None and c.type not in addable:
            continue  # neither a rule fact to weigh nor a type the model may add: not scored
        p = model.probability(features(c, views[c.sentence]))
        if rc is not None:
            # a rule fact: its rule's measured precision and the model's view of this sentence, half each
            rc.confidence = round((model.rule_precision.get(rc.producer, DEFAULT_RULE_CONFIDENCE) + p) / 2, 4) \
                if rc.producer != PRODUCER else max(rc.confidence, p)
            if p < model.veto:
                vetoed.add(id(rc))
            continue
        if p < model.threshold or c.type not in model.add_types:
            continue
        s0, s1 = doc.sentences[c.sentence]
        props = {}
        if c.type == Rel.SPONSORS:
            role = _role(c, views[c.sentence])
            if role:
                props["role"] = role
        new = RelationCandidate(c.type, c.head, c.tail, Span(s0, s1, c.type, c.sentence, "relation_scorer", {}),
                                props, confidence=p, producer=PRODUCER)
        by_key[k] = new
        added.append(new)
    if model.veto > 0:
        doc.relations = [rc for rc in doc.relations if rc.producer == PRODUCER or id(rc) not in vetoed]
    doc.relations = doc.relations + added
    return doc


class RelationScorer:
    """Pipeline component (after `relations`): confidence on every relation, scorer-found additions."""

    name = "relation_scorer"
    requires: tuple[str, ...] = ("relations",)
    assigns: tuple[str, ...] = ("relations",)

    def __init__(self, model: RelationModel | None = None, ontology: Ontology | None = None):
        self.model = model
        self.ontology = ontology

    def __call__(self, doc: Document) -> Document:
        model = self.model or shipped_model()
        if model is None:
            for rc in doc.relations:
                rc.confidence = DEFAULT_RULE_CONFIDENCE
            return doc
        return apply_model(doc, model, self.ontology or get_ontology())
