"""GraphStore.cached: one graph-version round trip per cached read, whatever caches it consults."""

from __future__ import annotations

import threading

from reformkg.graph.store import GraphStore


class _Dialect:
    """Only what GraphStore.version needs: a version that moves when the test says so."""

    name = "fake"

    def __init__(self) -> None:
        self.value = 7
        self.asked = 0

    def graph_version(self) -> int:
        self.asked += 1
        return self.value


def test_a_cached_read_asks_the_engine_for_the_version_once():
    d = _Dialect()
    store = GraphStore(d)  # type: ignore[arg-type]
    seen = []

    def compute() -> str:
        seen.append(store.version())
        seen.append(store.cached(("inner",), lambda: store.version()))  # nested: the same version
        return "out"

    assert store.cached(("outer",), compute) == "out"
    assert seen == [7, 7] and d.asked == 1
    assert store.version() == 7 and d.asked == 2  # outside a cached read: asked again
    d.value = 8
    assert store.cached(("outer",), compute) == "out"  # a new version: computed again under it
    assert seen[-2:] == [8, 8] and d.asked == 3


def test_the_pinned_version_belongs_to_the_thread_of_the_read():
    d = _Dialect()
    store = GraphStore(d)  # type: ignore[arg-type]
    other = []

    def compute() -> int:
        d.value = 9  # a write elsewhere while this read runs
        t = threading.Thread(target=lambda: other.append(store.version()))
        t.start()
        t.join()
        return store.version()

    assert store.cached(("k",), compute) == 7
    assert other == [9]
