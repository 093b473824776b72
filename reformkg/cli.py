"""The `reformkg` command (typer): thin wrappers over the pipeline, the store and the exporters.

    reformkg ingest PATH...              extract and write into the store (progress, summary)
    reformkg extract PATH... --jsonl OUT extraction records (eval/FORMAT.md), no store
    reformkg query CYPHER [--param k=v] [--json] | --saved NAME
    reformkg stats | serve | viz | export | migrate | store stop

Bad input never stops a run: each failing file prints one line `error: <file>: <problem>`,
the others go on, and the exit status is 1 when any file failed.
"""

from __future__ import annotations

import json
import logging
import os
import sys
import time
from pathlib import Path
from typing import Any, Iterator, Optional

import typer

from .config import Settings, get_settings

log = logging.getLogger("reformkg")

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Knowledge graph of China's industrial-workforce reform (产改).")
store_app = typer.Typer(no_args_is_help=True, help="Manage the embedded store.")
app.add_typer(store_app, name="store")


@app.callback()
def _main(
    data_dir: Optional[Path] = typer.Option(None, "--data-dir", metavar="DIR", help="data dir of the embedded store (REFORMKG_DATA_DIR; default ./reformkg-data in the working directory)"),
    store_uri: Optional[str] = typer.Option(None, "--store-uri", metavar="URI", help="bolt:// or neo4j:// for Neo4j (REFORMKG_STORE_URI; default: the embedded store)"),
    verbose: bool = typer.Option(False, "--verbose", "-v", metavar="", help="log at DEBUG level"),
) -> None:
    # options go to the environment so that `serve` workers (new processes) see them too
    if data_dir is not None:
        os.environ["REFORMKG_DATA_DIR"] = str(data_dir)
    if store_uri is not None:
        os.environ["REFORMKG_STORE_URI"] = store_uri
    get_settings.cache_clear()
    # no-op when logging is already configured (e.g. under pytest); never touches logger levels
    logging.basicConfig(level=logging.DEBUG if verbose else logging.ERROR, stream=sys.stderr,
                        format="%(levelname)s %(name)s: %(message)s")


def _safe(msg: str) -> str:
    """Text any terminal can print: file names with invalid UTF-8 (surrogate escapes) shown as \\xNN."""
    return msg.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _err(msg: str) -> None:
    typer.echo(_safe(msg), err=True)


def _require_existing_store(settings: Settings) -> None:
    """Commands other than `ingest` never create a new, empty embedded store: they say where
    they looked and how to point elsewhere."""
    from .graph import embedded

    if settings.embedded and not settings.store_uri.startswith("falkordb+unix://") \
            and not embedded.has_store(settings.data_dir):
        source = "REFORMKG_DATA_DIR" if os.environ.get("REFORMKG_DATA_DIR") else "the default ./reformkg-data"
        _err(f"error: no store in {settings.data_dir} (from {source}); run `reformkg ingest PATH...` first, "
             "or point to an existing store with --data-dir DIR or REFORMKG_DATA_DIR")
        raise typer.Exit(1)


def _open_store(settings: Settings | None = None, create: bool = False) -> Any:
    """The configured store; an unreachable store is one `error:` line and exit status 1.
    Only `create=True` (ingest) may start a new, empty embedded store."""
    from .graph.embedded import EmbeddedStoreError
    from .graph.store import StoreError, open_store

    settings = settings or get_settings()
    if not create:
        _require_existing_store(settings)
    try:
        return open_store(settings)
    except (StoreError, EmbeddedStoreError) as exc:
        _err(f"error: cannot open the store: {exc}")
        raise typer.Exit(1) from exc


def _ensure_embedded(data_dir: Path) -> Path:
    """Start or reuse the embedded server; a failure is one `error:` line and exit status 1."""
    from .graph import embedded

    try:
        return embedded.ensure_running(data_dir)
    except (embedded.EmbeddedStoreError, OSError) as exc:
        _err(f"error: cannot start the embedded store in {data_dir}: {exc}")
        raise typer.Exit(1) from exc


def _file_error(path: Path | str, exc: BaseException) -> str:
    from .ingest.pipeline import error_line

    return error_line(path, exc)


def _progress(items: Any, desc: str, total: int | None = None) -> Any:
    from tqdm import tqdm

    n = total if total is not None else len(items)
    # drawn before the first file starts and redrawn at every file (mininterval 0): visible on
    # small runs too, where the default rate limit showed nothing until the end
    return tqdm(items, desc=desc, unit="doc", file=sys.stderr, total=n, disable=not n or not sys.stderr.isatty() and
                os.environ.get("REFORMKG_PROGRESS", "") != "1", dynamic_ncols=True, mininterval=0, miniters=1)


def _count_or_exit(paths: list[Path]) -> int:
    """Number of files under `paths` (the list itself is streamed, never held)."""
    from .ingest.parallel import count_files

    n = count_files(paths)
    if not n:
        _err("error: no documents found under " + " ".join(str(p) for p in paths))
        raise typer.Exit(1)
    return n


def _extractor(kind: str, workers: int | None, n_files: int, dask: str | None, settings: Settings,
               run_local: Any = None) -> Any:
    """The extraction backend: a dask cluster, worker processes, or this process."""
    from .ingest.parallel import Extractor, choose_workers

    scheduler = dask or settings.dask_scheduler
    if scheduler:
        from .ingest.distributed import DaskExtractor

        try:
            return DaskExtractor(kind, scheduler, window=workers * 4 if workers else None)
        except Exception as exc:  # noqa: BLE001 - unreachable scheduler, dask missing
            _err(f"error: cannot use the dask scheduler {scheduler}: {exc}")
            raise typer.Exit(1) from exc
    try:
        n = choose_workers(workers, n_files)
    except ValueError as exc:
        _err(f"error: {exc}")
        raise typer.Exit(2) from exc
    return Extractor(kind, n, run_local=run_local if n == 1 else None)


def _file_hash(path: Path) -> str | None:
    import hashlib

    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None  # the loader reports it


WORKERS_HELP = "extraction processes (default: one per core; one for small runs)"
DASK_HELP = "run extraction on this dask.distributed scheduler, e.g. tcp://host:8786 (REFORMKG_DASK_SCHEDULER)"


@app.command()
def ingest(
    paths: list[Path] = typer.Argument(..., metavar="PATH...", help="files or folders (recursive)"),
    workers: Optional[int] = typer.Option(None, "--workers", "-j", metavar="N", help=WORKERS_HELP),
    dask: Optional[str] = typer.Option(None, "--dask", metavar="tcp://HOST:PORT", help=DASK_HELP),
    force: bool = typer.Option(False, "--force", metavar="", help="extract files again even when unchanged since their last ingest"),
) -> None:
    """Extract documents and write them into the store.

    Extraction runs in worker processes; the single writer resolves each document against the
    store and writes it in input order, so the graph is the same whatever the number of
    workers. A file whose bytes are unchanged since it was ingested is skipped before extraction.
    """
    from .graph.curation import Curation
    from .graph.model import DocumentResult
    from .graph.records import StoreError
    from .graph.writer import build_batch, with_content_hash
    from .ingest.normalise import source_key_of
    from .ingest.parallel import Done, PREPARED, iter_files
    from .ingest.pipeline import Pipeline

    t0 = time.perf_counter()
    n_files = _count_or_exit(paths)
    settings = get_settings()
    store = _open_store(settings, create=True)
    try:
        try:
            curation = Curation.load(store, store.ontology)
        except Exception as exc:  # noqa: BLE001 - curation is optional
            log.debug("no curation loaded: %s", exc)
            curation = None
        pipe = Pipeline(ontology=store.ontology, identity=store, curation=curation or None)
        docs = errors = replaced = skipped = 0
        nodes_added = rels_added = 0
        extract_s = store_s = 0.0
        hashes: dict[str, str | None] = {}
        stopped = ""
        seen = 0

        def run_local(path: str) -> Done:  # one process: the whole pipeline here
            t = time.perf_counter()
            try:
                return Done(path=path, value=pipe.run_file(Path(path)), seconds=time.perf_counter() - t)
            except Exception as exc:  # noqa: BLE001
                return Done(path=path, error=_file_error(path, exc), seconds=time.perf_counter() - t)

        def jobs() -> Iterator[tuple[Path, bool]]:
            for path in iter_files(paths):
                h = _file_hash(path)
                hashes[str(path)] = h
                unchanged = False
                if h is not None and not force:
                    try:
                        unchanged = store.content_hash(source_key_of(str(path))) == h
                    except (StoreError, UnicodeError, ValueError):
                        unchanged = False  # the loader or the write reports it (a name the store can't take)
                yield path, not unchanged

        with _extractor(PREPARED, workers, n_files, dask, settings, run_local) as extractor:
            bar = _progress(extractor.map(jobs()), "ingest", total=n_files)
            for done in bar:
                seen += 1
                bar.set_postfix_str(_safe(Path(done.path).name[-40:]), refresh=True)
                h = hashes.pop(done.path, None)
                if done.skipped:
                    docs += 1
                    skipped += 1
                    continue
                if done.error is not None:
                    errors += 1
                    bar.write(_safe(done.error), file=sys.stderr)
                    continue
                try:
                    t = time.perf_counter()
                    result = done.value if isinstance(done.value, DocumentResult) else pipe.finish(*done.value)
                    batch = build_batch(result, store.ontology)
                    if h is not None:
                        with_content_hash(batch, h)
                    t2 = time.perf_counter()
                    extract_s += done.seconds + (t2 - t)
                    try:
                        summary = store.write_document(batch)
                    finally:
                        store_s += time.perf_counter() - t2
                except StoreError as exc:  # the store itself failed: every later file would fail too
                    errors += 1
                    stopped = f"; stopped at the first store failure, {n_files - seen} file(s) not attempted"
                    bar.write(_safe(f"error: {done.path}: the store failed: {exc}"), file=sys.stderr)
                    break
                except Exception as exc:  # noqa: BLE001 - one line per bad file, the run goes on
                    errors += 1
                    bar.write(_safe(_file_error(done.path, exc)), file=sys.stderr)
                    continue
                docs += 1
                replaced += len(summary.replaced)
                nodes_added += summary.nodes_added
                rels_added += summary.relationships_added
        try:
            stats = store.stats()
            holds = (f"store now holds {stats['documents']} documents, {stats['nodes']} nodes, "
                     f"{stats['relationships']} relationships")
        except StoreError as exc:  # the summary is still printed when the store went away
            holds = f"store unreachable ({exc})"
    finally:
        store.close()
    elapsed = time.perf_counter() - t0
    typer.echo(
        f"ingested {docs} document(s) of {n_files} in {elapsed:.1f}s "
        f"(extraction {extract_s:.1f}s, store {store_s:.1f}s): "
        f"{nodes_added:+d} nodes, {rels_added:+d} relationships, {replaced} earlier version(s) replaced, "
        f"{skipped} unchanged skipped, {errors} error(s){stopped}; {holds} ({settings.where})"
    )
    if errors:
        raise typer.Exit(1)


@app.command()
def extract(
    paths: list[Path] = typer.Argument(..., metavar="PATH...", help="files or folders (recursive)"),
    jsonl: Path = typer.Option(..., "--jsonl", metavar="FILE", help="output file, one ExtractionRecord per line"),
    workers: Optional[int] = typer.Option(None, "--workers", "-j", metavar="N", help=WORKERS_HELP),
    dask: Optional[str] = typer.Option(None, "--dask", metavar="tcp://HOST:PORT", help=DASK_HELP),
) -> None:
    """Extraction records (eval/FORMAT.md) without touching the store."""
    from .ingest.jsonl import write_jsonl
    from .ingest.parallel import RESULT, iter_files

    t0 = time.perf_counter()
    n_files = _count_or_exit(paths)
    settings = get_settings()
    errors = 0

    try:
        jsonl.parent.mkdir(parents=True, exist_ok=True)
        with _extractor(RESULT, workers, n_files, dask, settings) as extractor:
            bar = _progress(extractor.map((p, True) for p in iter_files(paths)), "extract", total=n_files)

            def results() -> Iterator[Any]:
                nonlocal errors
                for done in bar:
                    if done.error is not None:
                        errors += 1
                        bar.write(_safe(done.error), file=sys.stderr)
                    else:
                        yield done.value

            n = write_jsonl(results(), jsonl)
    except OSError as exc:
        _err(f"error: {jsonl}: cannot write ({exc.strerror or exc})")
        raise typer.Exit(1) from exc
    typer.echo(f"wrote {n} record(s) to {jsonl} in {time.perf_counter() - t0:.1f}s, {errors} error(s)")
    if errors:
        raise typer.Exit(1)


def _parse_params(items: list[str], as_json: bool = True) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for item in items:
        if "=" not in item:
            raise typer.BadParameter(f"--param {item!r}: expected k=v")
        k, v = item.split("=", 1)
        k = k.strip()
        if not k:
            raise typer.BadParameter(f"--param {item!r}: empty name")
        if as_json:
            try:
                out[k] = json.loads(v)
            except ValueError:
                out[k] = v
        else:
            out[k] = v
    return out


def _cell(value: Any) -> str:
    from .graph.records import to_jsonable

    v = to_jsonable(value)
    return v if isinstance(v, str) else json.dumps(v, ensure_ascii=False)


@app.command()
def query(
    cypher: Optional[str] = typer.Argument(None, metavar="CYPHER", help="read-only Cypher"),
    param: list[str] = typer.Option([], "--param", "-p", metavar="K=V", help="a query parameter, repeatable (V parsed as JSON when possible)"),
    as_json: bool = typer.Option(False, "--json", metavar="", help='print {"columns": [...], "rows": [[...]]}'),
    saved: Optional[str] = typer.Option(None, "--saved", metavar="NAME", help="run a saved query by name (see --list)"),
    list_saved: bool = typer.Option(False, "--list", metavar="", help="list the saved queries"),
    timeout_ms: Optional[int] = typer.Option(None, "--timeout-ms", metavar="MS", help=f"server-side timeout (default {Settings.model_fields['query_timeout_ms'].default}, REFORMKG_QUERY_TIMEOUT_MS)"),
    row_cap: Optional[int] = typer.Option(None, "--row-cap", metavar="N", help=f"at most N rows (default {Settings.model_fields['row_cap'].default}, REFORMKG_ROW_CAP)"),
) -> None:
    """Run read-only Cypher (or a saved query) against the store."""
    from .graph.records import StoreError, to_jsonable

    if list_saved or saved:
        from .cypher import load_catalogue

        catalogue = load_catalogue()
        if list_saved:
            for name, sq in sorted(catalogue.items()):
                typer.echo(f"{name}: {sq.question}")
            return
        if saved not in catalogue:
            _err(f"error: no saved query {saved!r}; known: {', '.join(sorted(catalogue))}")
            raise typer.Exit(2)
        sq = catalogue[saved]
        try:
            params = sq.bind(_parse_params(param, as_json=False))
        except ValueError as exc:
            _err(f"error: {exc}")
            raise typer.Exit(2)
        cypher = sq.cypher
    else:
        if not cypher:
            _err("error: give a Cypher query or --saved NAME")
            raise typer.Exit(2)
        params = _parse_params(param)
    settings = get_settings()
    store = _open_store(settings)
    try:
        res = store.read_only_user_query(cypher, params, timeout_ms=timeout_ms, row_cap=row_cap)
    except StoreError as exc:
        _err(f"error: {type(exc).__name__}: {exc}")
        raise typer.Exit(1)
    finally:
        store.close()
    if as_json:
        typer.echo(json.dumps({"columns": res.columns, "rows": to_jsonable(res.rows), "truncated": res.truncated},
                              ensure_ascii=False))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(*res.columns, show_lines=False)
    for row in res.rows:
        table.add_row(*[_cell(v) for v in row])
    console = Console(soft_wrap=True)
    console.print(table)
    console.print(f"{len(res.rows)} row(s){' (truncated)' if res.truncated else ''} ({settings.where})")


@app.command()
def stats(as_json: bool = typer.Option(False, "--json", metavar="", help="print the counts as JSON")) -> None:
    """Counts of nodes, relationships, documents, per label and per type."""
    settings = get_settings()
    store = _open_store(settings)
    try:
        s = store.stats()
    finally:
        store.close()
    if as_json:
        typer.echo(json.dumps(s, ensure_ascii=False))
        return
    typer.echo(f"store: {settings.where}\nengine: {s['engine']}\ndocuments: {s['documents']}\nnodes: {s['nodes']}\nrelationships: {s['relationships']}")
    typer.echo("labels:")
    for k, v in sorted(s["labels"].items()):
        typer.echo(f"  {k}: {v}")
    typer.echo("types:")
    for k, v in sorted(s["types"].items()):
        typer.echo(f"  {k}: {v}")


@app.command()
def serve(
    host: Optional[str] = typer.Option(None, metavar="HOST", help=f"address to listen on (default {Settings.model_fields['host'].default}, REFORMKG_HOST)"),
    port: Optional[int] = typer.Option(None, metavar="PORT", help=f"port (default {Settings.model_fields['port'].default}, REFORMKG_PORT)"),
    workers: Optional[int] = typer.Option(None, metavar="N", help=f"worker processes (default {Settings.model_fields['workers'].default}, REFORMKG_WORKERS)"),
    reload: bool = typer.Option(False, metavar="", help="auto-reload (development)"),
) -> None:
    """Serve the API and the browser UI (uvicorn)."""
    import uvicorn

    from .graph import embedded

    settings = get_settings()
    _require_existing_store(settings)
    # start the embedded server once here, so that workers only connect to it; stop it on the
    # way out when this command started it
    started = False
    if settings.embedded and not settings.store_uri.startswith("falkordb+unix://"):
        started = not embedded.is_running(settings.data_dir)
        _ensure_embedded(settings.data_dir)
    typer.echo(f"serving {settings.where} on http://{host or settings.host}:{port or settings.port} "
               "(/health, /docs)", err=True)
    try:
        uvicorn.run("reformkg.api.main:create_app", factory=True, host=host or settings.host,
                    port=port or settings.port, workers=workers or settings.workers, reload=reload,
                    log_level=settings.log_level.lower())
    finally:
        if started:
            embedded.stop(settings.data_dir)
            typer.echo(f"stopped the embedded store it started ({settings.where})", err=True)


@store_app.command("stop")
def store_stop() -> None:
    """Stop the embedded FalkorDB server of the data dir cleanly."""
    from .graph import embedded

    settings = get_settings()
    if not settings.embedded:
        _err(f"error: the store is {settings.store_uri}, not embedded")
        raise typer.Exit(1)
    if embedded.stop(settings.data_dir):
        typer.echo(f"stopped the embedded store in {settings.data_dir}")
    else:
        typer.echo(f"no embedded store running in {settings.data_dir}")


@store_app.command("start")
def store_start() -> None:
    """Start (or reuse) the embedded FalkorDB server of the data dir."""
    sock = _ensure_embedded(get_settings().data_dir)
    typer.echo(f"embedded store running on {sock}")


@store_app.command("status")
def store_status() -> None:
    """Whether the embedded server of the data dir is running."""
    from .graph import embedded

    d = get_settings().data_dir
    running = embedded.is_running(d)
    typer.echo(f"{'running' if running else 'not running'}: {d} ({embedded.socket_path(d)})")
    if not running:
        raise typer.Exit(3)


@app.command()
def viz(
    name_or_id: str = typer.Argument(..., metavar="NAME_OR_ID", help="entity id, name or alias"),
    out: Path = typer.Option(Path("reformkg-view.html"), "-o", "--out", metavar="FILE", help="the HTML file to write"),
    depth: int = typer.Option(1, "--depth", min=1, max=3, metavar="N", help="hops around the entity (1-3)"),
) -> None:
    """Write a standalone offline HTML view of an entity's neighbourhood."""
    from .viz.pyvis_view import write_entity_view

    store = _open_store()
    try:
        path = write_entity_view(store, name_or_id, depth, out)
    except KeyError as exc:
        _err(f"error: no entity {name_or_id!r} ({exc})")
        raise typer.Exit(1)
    finally:
        store.close()
    typer.echo(f"wrote {path} ({get_settings().where})")


def _whole_graph(store: Any, cap: int) -> dict[str, Any]:
    nodes = store.read("MATCH (n) RETURN n ORDER BY n.id LIMIT $cap", {"cap": cap}).rows
    edges = store.read("MATCH ()-[e]->() RETURN e ORDER BY e.id LIMIT $cap", {"cap": cap}).rows
    return {
        "nodes": [{"id": n.id, "labels": n.labels, "name": n.props.get("name", ""), "props": n.props} for (n,) in nodes],
        "edges": [{"id": e.id, "type": e.type, "source": e.src, "target": e.tgt, "props": e.props,
                   "evidence_count": e.props.get("evidence_count", 0)} for (e,) in edges],
        "truncated": len(nodes) >= cap or len(edges) >= cap,
    }


@app.command()
def export(
    out: Path = typer.Argument(..., metavar="OUT", help="output file (graphml, gexf, json) or directory (neo4j-csv, gold)"),
    fmt: str = typer.Option("graphml", "--format", "-f", metavar="FORMAT", help="graphml | gexf | json | neo4j-csv | gold"),
    cap: int = typer.Option(1_000_000, metavar="N", help="at most this many nodes and relationships (file formats)"),
) -> None:
    """Export the whole graph."""
    store = _open_store()
    try:
        _export(store, out, fmt, cap)
    except OSError as exc:
        _err(f"error: {exc.filename or out}: cannot write ({exc.strerror or exc})")
        raise typer.Exit(1) from exc
    finally:
        store.close()


def _export(store: Any, out: Path, fmt: str, cap: int) -> None:
    """Write the whole graph as `fmt` (a file, or a folder for neo4j-csv and gold)."""
    if fmt == "gold":  # reviewed facts as extraction records (../shared/eval/FORMAT.md)
        from .graph.review import export_gold

        typer.echo(f"wrote {export_gold(store, out)} gold records (one per document) to {out}")
        return
    if fmt == "neo4j-csv":
        from .graph.bulk import export_neo4j_csv

        report = export_neo4j_csv(store, out, database=get_settings().neo4j_database,
                                  progress=sys.stderr.isatty() or os.environ.get("REFORMKG_PROGRESS", "") == "1")
        typer.echo(f"wrote {sum(report['nodes'].values())} nodes and {sum(report['relationships'].values())} "
                   f"relationships to {report['out_dir']} ({len(report['files'])} files; {get_settings().where})")
        typer.echo(f"load them (Neo4j stopped): {Path(report['out_dir']) / 'import.sh'}")
        return
    from .graph.export import FORMATS, export_bytes

    if fmt not in FORMATS:
        _err(f"error: unknown format {fmt!r}; use {' | '.join([*FORMATS, 'neo4j-csv'])}")
        raise typer.Exit(2)
    sub = _whole_graph(store, cap)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(export_bytes(sub, fmt))
    typer.echo(f"wrote {len(sub['nodes'])} nodes, {len(sub['edges'])} relationships to {out}"
               + (" (truncated)" if sub["truncated"] else "") + f" ({get_settings().where})")


# `reformkg migrate --to URI` lives in cli_bulk.py (store-to-store copy with verified counts)
from .cli_bulk import migrate_command  # noqa: E402

app.command("migrate")(migrate_command)

# `reformkg eval` / `reformkg train` live in cli_quality.py (extraction quality)
from .cli_quality import eval_command, train_command  # noqa: E402

app.command("eval")(eval_command)
app.command("train")(train_command)


if __name__ == "__main__":  # pragma: no cover
    app()
