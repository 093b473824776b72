"""`reformkg migrate --to URI`: the typer command (registered by reformkg/cli.py) and the plain
`run_migrate` function behind it, around `reformkg.graph.bulk.migrate`."""

from __future__ import annotations

import json
import logging
from typing import Any, Optional

import typer

from reformkg.config import Settings, get_settings

log = logging.getLogger(__name__)

def _settings_for(base: Settings, uri: str | None, *, user: str | None = None, password: str | None = None,
                  database: str | None = None, graph: str | None = None) -> Settings:
    """`base` with another store URI (and Neo4j credentials / graph name when given)."""
    update: dict[str, Any] = {}
    if uri is not None:
        update["store_uri"] = "" if uri in ("", "embedded") else uri
    if user is not None:
        update["neo4j_user"] = user
    if password is not None:
        update["neo4j_password"] = password
    if database is not None:
        update["neo4j_database"] = database
    if graph is not None:
        update["graph_name"] = graph
    return base.model_copy(update=update)


def run_migrate(settings: Settings, to: str, *, source: str | None = None, user: str | None = None,
                password: str | None = None, database: str | None = None, graph: str | None = None,
                batch_size: int = 1000, clear: bool = False, merge: bool = False,
                progress: bool = True) -> dict[str, Any]:
    """Copy the store of `settings` (or `source`) into the store at `to`; returns the report."""
    from reformkg.graph.bulk import migrate
    from reformkg.graph.store import open_store

    src_settings = _settings_for(settings, source)
    dst_settings = _settings_for(settings, to, user=user, password=password, database=database, graph=graph)
    if src_settings.store_uri == dst_settings.store_uri and src_settings.graph_name == dst_settings.graph_name \
            and (src_settings.store_uri or src_settings.data_dir == dst_settings.data_dir):
        raise ValueError("source and destination are the same store")
    src = open_store(src_settings, ensure_schema=False)
    try:
        dst = open_store(dst_settings, ensure_schema=False)
        try:
            if src.dialect.address == dst.dialect.address:  # e.g. the embedded store named by its socket
                raise ValueError(f"source and destination are the same store ({src.dialect.address})")
            return migrate(src, dst, batch_size=batch_size, progress=progress, clear=clear, merge=merge)
        finally:
            dst.close()
    finally:
        src.close()


def migrate_command(
    to: str = typer.Option(..., "--to", metavar="URI", help="destination store URI: bolt://host:7687, neo4j://…, "
                                               "falkordb://host:port, or 'embedded' (the data dir)"),
    source: Optional[str] = typer.Option(None, "--from", metavar="URI", help="source store URI (default: REFORMKG_STORE_URI)"),
    user: Optional[str] = typer.Option(None, "--user", metavar="USER", help="Neo4j user (default: REFORMKG_NEO4J_USER)"),
    password: Optional[str] = typer.Option(None, "--password", metavar="PASSWORD", help="Neo4j password (default: REFORMKG_NEO4J_PASSWORD)"),
    database: Optional[str] = typer.Option(None, "--database", metavar="NAME", help="Neo4j database (default: REFORMKG_NEO4J_DATABASE)"),
    graph: Optional[str] = typer.Option(None, "--graph", metavar="NAME", help="FalkorDB graph name of the destination"),
    batch_size: int = typer.Option(1000, "--batch-size", metavar="N", min=1, help="rows per write"),
    clear: bool = typer.Option(False, "--clear", metavar="", help="empty the destination first"),
    merge: bool = typer.Option(False, "--merge", metavar="", help="write into a non-empty destination"),
    as_json: bool = typer.Option(False, "--json", metavar="", help="print the report as JSON"),
    quiet: bool = typer.Option(False, "--quiet", "-q", metavar="", help="no progress bars"),
) -> None:
    """Copy the whole graph into another store (e.g. embedded → Neo4j), batched, and verify counts."""
    from reformkg.graph.bulk import MigrationError
    from reformkg.graph.embedded import EmbeddedStoreError
    from reformkg.graph.records import StoreError

    try:
        report = run_migrate(get_settings(), to, source=source, user=user, password=password, database=database,
                             graph=graph, batch_size=batch_size, clear=clear, merge=merge, progress=not quiet)
    except (MigrationError, ValueError, StoreError, EmbeddedStoreError) as exc:
        typer.echo(f"migrate: {exc}", err=True)
        raise typer.Exit(1) from exc
    if as_json:
        typer.echo(json.dumps(report, ensure_ascii=False, indent=1))
        return
    typer.echo(f"copied {report['nodes']} nodes and {report['relationships']} relationships "
               f"in {report['seconds']}s; counts verified per label and type")
    for key, value in sorted(report["labels"].items()):
        typer.echo(f"  :{key:<16} {value}")
    for key, value in sorted(report["types"].items()):
        typer.echo(f"  [{key}]{'':<{max(0, 15 - len(key))}} {value}")
