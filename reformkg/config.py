"""Configuration: the only global state, read from REFORMKG_* environment variables."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Runtime settings; every field can be set as REFORMKG_<FIELD>."""

    model_config = SettingsConfigDict(env_prefix="REFORMKG_", extra="ignore")

    data_dir: Path = Field(default=Path("./reformkg-data"), description="where the embedded store keeps its files")
    store_uri: str = Field(default="", description="empty: embedded FalkorDB in data_dir; bolt:// or neo4j://: Neo4j")
    graph_name: str = Field(default="reformkg", description="graph (FalkorDB) name")
    neo4j_user: str = "neo4j"
    neo4j_password: str = ""
    neo4j_database: str = "neo4j"

    api_key: str = Field(default="", description="bearer token for write endpoints; empty: write endpoints are off")
    cors_origins: list[str] = Field(default_factory=list)
    host: str = Field(default="127.0.0.1", description="address the API listens on")
    published_host: str = Field(default="", description="address clients reach the API on, when not `host` "
                                "(a container that listens on 0.0.0.0 but is published on 127.0.0.1)")
    port: int = 8000
    workers: int = 1

    query_timeout_ms: int = 10_000
    row_cap: int = 5_000
    max_upload_bytes: int = Field(default=20 * 1024 * 1024, description="largest upload (all files of one request)")
    max_file_bytes: int = Field(default=64 * 1024 * 1024, description="largest file `ingest`/`extract` will read")
    heavy_concurrency: int = Field(default=1, description="per API worker: expensive reads running at once")
    read_cache_entries: int = Field(default=1024, description="per process: API read results kept for the current "
                                    "graph version, least recently used out (0: no cache)")
    gc_threshold: int = Field(default=10_000, ge=0, description="per API worker that opens its own store: the "
                              "cyclic garbage collector's first threshold (Python's default is 700), after the "
                              "objects of startup are frozen out of its scans; 0 leaves the collector as it is")
    log_level: str = "INFO"
    dask_scheduler: str = Field(default="", description="tcp://host:port of a dask.distributed scheduler: "
                                "`ingest`/`extract` run extraction there (empty: local worker processes)")

    # limits that keep one query (or one client) from taking the service down
    max_query_chars: int = Field(default=20_000, description="longest Cypher text accepted from users")
    max_query_depth: int = Field(default=12, description="deepest bracket nesting in user Cypher")
    max_range_items: int = Field(default=1_000_000, description="largest constant range() in user Cypher")
    max_param_depth: int = Field(default=16, description="deepest nesting of user query parameters")
    cypher_rate_per_minute: int = Field(default=60, description="anonymous /api/cypher requests per client per minute")
    store_socket_timeout_s: float = Field(default=120.0, description="store client socket timeout (seconds)")
    extract_timeout_s: float = Field(default=300.0, description="API: longest extraction of one uploaded document")
    engine_timeout_max_ms: int = Field(default=300_000, description="embedded FalkorDB TIMEOUT_MAX")
    engine_query_mem_bytes: int = Field(default=1024 * 1024 * 1024, description="embedded FalkorDB QUERY_MEM_CAPACITY")
    engine_max_queued: int = Field(default=64, description="embedded FalkorDB MAX_QUEUED_QUERIES")
    # 0 (one per core): on 2 cores, 4 threads cost 8-12% more CPU per API request than 2 (context
    # switches of the engine and the API workers; bench/api_load.py, 32 clients, 4.10/4.37 against
    # 3.81/3.81 ms) and served fewer requests a second
    engine_threads: int = Field(default=0, ge=0, description="embedded FalkorDB THREAD_COUNT (at server start); "
                                "0: one per core, at least 2")
    engine_plan_cache: int = Field(default=256, ge=1, description="embedded FalkorDB CACHE_SIZE (at server start): "
                                   "query plans kept per engine thread; the API's reads are ~120 distinct query "
                                   "texts, and a plan not kept is compiled again (~0.3 ms of engine CPU)")
    # 20,000: measured on 1.2 MB in one run (KB/s of CPU) 10k 76.8, 20k 75.3, 30k 70.0, 50k 64.5 —
    # flat below 20k, and about three times the longest visible document, which is never split
    extract_window_chars: int = Field(default=20_000, ge=0,
                                      description="a document longer than this many characters is extracted in "
                                      "windows of at most this size, cut at paragraph starts, so that its time "
                                      "grows linearly with its size (0: never split)")
    min_confidence: float = Field(default=0.0, ge=0.0, le=1.0,
                                  description="facts whose confidence is below this are not written to the store")

    @model_validator(mode="after")
    def _absolute_data_dir(self) -> "Settings":
        """The data dir is resolved once, when the settings are read (relative to the working
        directory of that moment), and used as an absolute path from then on."""
        self.data_dir = Path(self.data_dir).expanduser().resolve()
        return self

    @property
    def where(self) -> str:
        """Where the store is, for summary lines: the data dir or the store URI (no password)."""
        if self.embedded and not self.store_uri.startswith("falkordb+unix://"):
            return f"data dir {self.data_dir}"
        from urllib.parse import urlsplit

        u = urlsplit(self.store_uri)
        return u._replace(netloc=u.hostname + (f":{u.port}" if u.port else "")).geturl() if u.hostname else self.store_uri

    @property
    def embedded(self) -> bool:
        return not self.store_uri or self.store_uri.startswith(("falkordb+unix://", "embedded:"))


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """Settings from the environment (cached; tests build Settings(...) directly instead)."""
    return Settings()
