"""`reformkg eval` and `reformkg train`: the extraction-quality commands (registered by cli.py)."""

from __future__ import annotations

import json
import logging
import sys
from collections import Counter
from pathlib import Path
from typing import Optional

import typer

log = logging.getLogger(__name__)


def eval_command(
    gold_dir: Path = typer.Argument(..., metavar="GOLD_DIR", help="directory of gold records (<doc>.json, eval/FORMAT.md)"),
    docs: list[Path] = typer.Argument(..., metavar="DOCS...", help="the documents to extract (files or folders)"),
    gold: list[Path] = typer.Option([], "--gold", metavar="DIR", help="a further gold directory (repeatable)"),
    errors: Path = typer.Option(Path("eval-errors.jsonl"), "--errors", metavar="FILE", help="where every false positive/negative goes"),
    checkset: Optional[Path] = typer.Option(None, "--checkset", metavar="FILE", help="file of check-set document stems, scored apart"),
    show_checkset_errors: bool = typer.Option(False, "--show-checkset-errors", metavar="",
                                              help="also write the check set's errors (spoils it as a check set)"),
    per_document: bool = typer.Option(True, "--per-document/--no-per-document", metavar="", help="print the per-document table"),
    coverage: bool = typer.Option(False, "--coverage", metavar="", help="print the facts each relation rule produced"),
    as_json: bool = typer.Option(False, "--json", metavar="", help="print a JSON summary instead of tables"),
) -> None:
    """Extract DOCS, score them against the gold records and report (tables, errors file)."""
    from reformkg.evaluation import report
    from reformkg.ingest.jsonl import to_record
    from reformkg.ingest.loaders import iter_paths, load
    from reformkg.ingest.pipeline import Pipeline

    try:
        gold_recs = report.load_gold([gold_dir, *gold])
        check = report.load_checkset(checkset)
    except (OSError, ValueError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from exc
    files = [p for p in iter_paths(docs) if p.name in gold_recs]
    if not files:
        typer.echo(f"error: none of the documents under {' '.join(map(str, docs))} has a gold record", err=True)
        raise typer.Exit(1)
    pipe = Pipeline()
    pred: dict[str, dict] = {}
    firings: Counter[str] = Counter()
    parts_fired: set[str] = set()
    for p in files:
        doc, timings = pipe.prepare(load(p))
        firings.update(doc.rule_firings)
        parts_fired |= doc.rule_parts_fired
        pred[p.name] = to_record(pipe.finish(doc, timings))
    scores = report.score_records(gold_recs, pred, [p.name for p in files])
    n_err = report.write_errors(scores, errors, set() if show_checkset_errors else check)
    everything = report.total(scores.values())
    if as_json:
        out = {"all": everything.summary(), "documents": {d: s.summary() for d, s in scores.items()}}
        if check:
            out["check"] = report.total(s for d, s in scores.items() if report.stem(d) in check).summary()
            out["work"] = report.total(s for d, s in scores.items() if report.stem(d) not in check).summary()
        typer.echo(json.dumps(out, ensure_ascii=False))
        return
    typer.echo(report.score_table(everything, f"documents scored: {len(scores)}"))
    if per_document:
        typer.echo("\n" + report.per_document_table(scores, check))
    if coverage:
        from reformkg.evaluation.coverage import coverage_table, producer_counts

        typer.echo("\n" + coverage_table(producer_counts(pred, scores), firings, parts_fired))
    if check:
        typer.echo("")
        typer.echo(report.summary_line("check set", report.total(s for d, s in scores.items() if report.stem(d) in check)))
        typer.echo(report.summary_line("work set", report.total(s for d, s in scores.items() if report.stem(d) not in check)))
    withheld = "" if show_checkset_errors or not check else " (check-set errors withheld)"
    typer.echo(f"\nwrote {n_err} error(s) to {errors}{withheld}", err=False)
    sys.stdout.flush()


def train_command(
    gold_dir: Path = typer.Argument(..., metavar="GOLD_DIR", help="directory of gold records (<doc>.json) with evidence quotes"),
    docs_dir: list[Path] = typer.Argument(..., metavar="DOCS...", help="the documents of those records (files or folders)"),
    gold: list[Path] = typer.Option([], "--gold", metavar="DIR", help="a further gold directory (repeatable)"),
    out: Optional[Path] = typer.Option(None, "--out", "-o", metavar="FILE", help="model file (default: the one shipped in the package)"),
    cross_validate: bool = typer.Option(False, "--cv", metavar="", help="also print the leave-one-document-out scores"),
) -> None:
    """Rebuild the relation scorer from gold records (deterministic), optionally cross-validated by document."""
    from reformkg.evaluation import report
    from reformkg.ingest.extract.relscore import training
    from reformkg.ingest.extract.relscore.model import shipped_path
    from reformkg.ingest.loaders import iter_paths

    try:
        gold_recs = report.load_gold([gold_dir, *gold])
    except (OSError, ValueError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from exc
    docs = training.load_training_docs(gold_recs, iter_paths(docs_dir))
    if not docs:
        typer.echo("error: no document has a gold record", err=True)
        raise typer.Exit(1)
    model, rules, learned = training.train(docs)
    target = out or shipped_path()
    target.write_text(model.to_json(), encoding="utf-8")
    n_ex = sum(len(d.examples) for d in docs)
    n_pos = sum(label for d in docs for _, label in d.examples)
    typer.echo(f"trained on {len(docs)} document(s), {n_ex} candidates ({n_pos} positive); "
               f"additions allowed for: {', '.join(model.add_types) or 'none'}; wrote {target}")
    if cross_validate:
        typer.echo(report.summary_line("rules (LODO)", rules))
        typer.echo(report.summary_line("rules+model", learned))
        typer.echo(report.score_table(learned, "leave-one-document-out, rules + model (every type may add):"))
