"""The coverage report's firing counts: every proposal a rule makes is counted (a duplicate of an
earlier rule's fact too), every rule function on the proposing call stack is marked as fired, and
the report lists the rule functions that proposed nothing."""

from __future__ import annotations

from reformkg.evaluation.coverage import ProducerCount, coverage_table, rule_functions
from reformkg.ingest.extract.relations import extract_relations
from tests.unit.ingest._docs import make_doc


def test_firings_count_duplicates_and_mark_the_rule_parts_on_the_stack():
    text = "由甲市总工会主办的“金锤杯”焊工技能大赛开幕。甲市总工会主办“金锤杯”焊工技能大赛。"
    doc = make_doc(text, [("甲市总工会", "Union"), ("“金锤杯”焊工技能大赛", "Programme"),
                          ("甲市总工会", "Union", None, None, 1), ("“金锤杯”焊工技能大赛", "Programme", None, None, 1)])
    rels = [r for r in extract_relations(doc) if r.type == "SPONSORS"]
    assert len(rels) == 1
    assert doc.rule_firings[rels[0].producer] >= 2  # the second sentence proposed the same fact again
    assert {"sponsors", "by_sponsor", "add_sponsor"} <= doc.rule_parts_fired


def test_the_report_names_rule_functions_that_proposed_nothing():
    table = coverage_table([ProducerCount("rule:sponsors", 3, 1)], {"rule:sponsors": 5, "rule:runs": 2},
                           {"sponsors", "runs"})
    lines = table.splitlines()
    assert lines[1].split() == ["rule:sponsors", "3", "2", "0.667", "5"]
    assert lines[2].split() == ["rule:runs", "0", "0", "2"]
    silent = lines[-1].removeprefix("rule functions that proposed no fact: ").split(", ")
    assert "sponsors" not in silent and "runs" not in silent
    assert set(silent) == rule_functions() - {"sponsors", "runs"}
