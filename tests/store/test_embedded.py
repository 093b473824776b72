"""The embedded FalkorDB: one server per data dir, reuse, the start lock, long paths, stop,
and persistence across a restart. Each test runs its own server in its own tmp dir."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reformkg.config import Settings
from reformkg.graph import embedded
from reformkg.graph.store import open_store

REPO = Path(__file__).resolve().parents[2]


def _cmdlines_with(needle: str) -> list[int]:
    pids = []
    for p in Path("/proc").iterdir():
        if not p.name.isdigit():
            continue
        try:
            cmd = (p / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        if needle in cmd and "redis-server" in cmd:
            pids.append(int(p.name))
    return pids


@pytest.fixture
def data_dir(tmp_path: Path):
    d = tmp_path / "data"
    yield d
    embedded.stop(d)


def test_start_reuse_and_stop(data_dir: Path):
    assert not embedded.is_running(data_dir)
    sock = embedded.ensure_running(data_dir)
    assert sock == data_dir.resolve() / embedded.SOCKET_NAME and sock.exists()
    pid = int((data_dir / embedded.PID_FILE).read_text())
    assert embedded.ensure_running(data_dir) == sock
    assert int((data_dir / embedded.PID_FILE).read_text()) == pid
    assert (data_dir / embedded.LOG_FILE).exists()
    assert embedded.stop(data_dir, wait_exit=True) is True
    assert not embedded.is_running(data_dir)
    assert not sock.exists() and not (data_dir / embedded.PID_FILE).exists()
    assert not Path(f"/proc/{pid}").exists() or "redis" not in Path(f"/proc/{pid}/cmdline").read_text(errors="replace")
    assert embedded.stop(data_dir) is False


def test_two_processes_starting_together_start_one_server(data_dir: Path):
    code = (
        "import sys; from reformkg.graph import embedded; "
        "sock = embedded.ensure_running(sys.argv[1]); "
        "print(open(sys.argv[1] + '/falkordb.pid').read().strip())"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    procs = [subprocess.Popen([sys.executable, "-c", code, str(data_dir)], stdout=subprocess.PIPE, text=True, env=env)
             for _ in range(3)]
    pids = {p.communicate(timeout=60)[0].strip() for p in procs}
    assert all(p.returncode == 0 for p in procs)
    assert len(pids) == 1
    assert len(_cmdlines_with(str(embedded.socket_path(data_dir)))) == 1


def test_long_data_dir_uses_short_socket_path(tmp_path: Path):
    d = tmp_path / ("x" * 60) / ("y" * 60)
    try:
        sock = embedded.ensure_running(d)
        assert len(str(sock)) < 107 and str(sock).startswith("/tmp/reformkg-")
        assert (d / embedded.SOCKET_RECORD).read_text().strip() == str(sock)
        assert embedded.is_running(d)
    finally:
        embedded.stop(d)
    assert not embedded.is_running(d)


def test_data_survives_restart(data_dir: Path):
    st = open_store(Settings(data_dir=data_dir, graph_name="g"))
    st.write("CREATE (:Award {id: 'a1', name: '测试奖'})")
    st.close()
    embedded.stop(data_dir)
    assert list((data_dir).glob("appendonlydir/*")), "append-only files expected in the data dir"
    st = open_store(Settings(data_dir=data_dir, graph_name="g"))
    assert st.read("MATCH (a:Award) RETURN a.name").rows == [["测试奖"]]
    st.close()


def test_stale_pid_and_socket_are_cleaned(data_dir: Path):
    data_dir.mkdir(parents=True)
    (data_dir / embedded.PID_FILE).write_text("999999999\n")
    (data_dir / embedded.SOCKET_NAME).write_text("")
    sock = embedded.ensure_running(data_dir)
    assert embedded.is_running(data_dir) and sock.is_socket()


def test_acknowledged_writes_survive_a_crash_through_the_append_only_file(data_dir: Path):
    st = open_store(Settings(data_dir=data_dir, graph_name="g"))
    st.write("CREATE (:Award {id: 'a2', name: '崩溃前写入'})")
    st.close()
    pid = int((data_dir / embedded.PID_FILE).read_text())
    os.kill(pid, signal.SIGKILL)  # no SHUTDOWN SAVE: only the append-only file has the write
    for _ in range(400):  # wait (at most ~20 s) for the process to be gone
        if not embedded._alive(pid):
            break
        time.sleep(0.05)
    assert not embedded._alive(pid)
    st = open_store(Settings(data_dir=data_dir, graph_name="g"))
    assert st.read("MATCH (a:Award) RETURN a.name").rows == [["崩溃前写入"]]
    st.close()
