"""Coreference rules: the anaphoric noun phrases read from data, the profile rules and the
scope of references, on composed texts."""

from __future__ import annotations

from reformkg.graph.vocab import Label
from reformkg.ingest.extract.coreference import Coreference, Scope
from tests.unit.ingest._docs import make_doc


def test_noun_phrases_from_data_are_references() -> None:
    doc = make_doc("王立强是一名焊工。这位年轻焊工很努力，该同志也很认真。", [("王立强", Label.PERSON)])
    refs = [doc.text[s:e] for s, e in Coreference._references(doc)]
    assert refs == ["这位年轻焊工", "该同志"]


def test_profile_by_counts_and_by_subtitle() -> None:
    text = "赵某某到车间。赵某某讲话。钱某某听讲。赵某某又去工地。"
    doc = make_doc(text, [("赵某某", Label.PERSON, None, None, k) for k in range(3)] + [("钱某某", Label.PERSON)])
    persons = sorted((m for m in doc.mentions), key=lambda m: m.span.start)
    assert Coreference._profiled(doc, persons) == ("赵某某", 0, False)
    doc = make_doc("匠心之路\n——记某厂技师孙某某\n孙某某是一名技师。", [("孙某某", Label.PERSON, None, None, 0),
                                                            ("孙某某", Label.PERSON, None, None, 1)])
    persons = sorted(doc.mentions, key=lambda m: m.span.start)
    assert Coreference._profiled(doc, persons) == ("孙某某", 5, True)


def test_scope_holds_quotes_and_mention_spans() -> None:
    doc = make_doc("李某说：“他很好。”某他达公司成立。", [("李某", Label.PERSON), ("某他达公司", Label.ENTERPRISE)])
    persons = [m for m in doc.mentions if m.label == Label.PERSON]
    scope = Scope.of(doc, persons, None)
    assert scope.quotes == [(4, 10)] and scope.p_starts == [0]
    assert scope.taken == [(0, 2), (10, 15)]
    Coreference()(doc)
    assert [m.surface for m in doc.mentions if m.attrs.get("pronoun")] == []
