"""ReadCache: results of reads kept per graph version, so that a result is served again only
while the graph is exactly as it was when the result was computed.

The version comes from the engine (`Dialect.graph_version`, changed by every write of any
process: ingest, upload, review, curation, delete, clear). Entries are keyed by
(version, key); the first lookup with a new version drops everything older, and a result
computed under a version that is no longer current is not kept. A version of None (an engine
without one) disables caching. Bounded (least recently used out) and thread-safe. Cached
values are shared between callers: treat them as read-only.
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from typing import Any, Callable, Hashable, TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")
_MISSING = object()


class ReadCache:
    """Bounded LRU of read results for one graph version at a time."""

    def __init__(self, max_entries: int = 1024) -> None:
        self.max_entries = max(0, int(max_entries))
        self._lock = threading.Lock()
        self._entries: OrderedDict[Hashable, Any] = OrderedDict()
        self._version: int | None = None
        self.hits = 0
        self.misses = 0

    def _sync(self, version: int) -> None:
        """Drop everything when the version moved (caller holds the lock)."""
        if version != self._version:
            if self._entries:
                log.debug("graph version %s -> %s: %d cached reads dropped", self._version, version,
                          len(self._entries))
            self._entries.clear()
            self._version = version

    def get(self, version: int | None, key: Hashable) -> Any:
        """The cached value, or `_MISSING` (module constant; use `get_or_compute`)."""
        if version is None or not self.max_entries:
            return _MISSING
        with self._lock:
            self._sync(version)
            value = self._entries.get(key, _MISSING)
            if value is not _MISSING:
                self._entries.move_to_end(key)
            return value

    def put(self, version: int | None, key: Hashable, value: Any) -> None:
        if version is None or not self.max_entries:
            return
        with self._lock:
            if version != self._version:  # computed under an older (or a newer, unseen) version
                return
            self._entries[key] = value
            self._entries.move_to_end(key)
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)

    def get_or_compute(self, version: int | None, key: Hashable, compute: Callable[[], T]) -> T:
        """The value for `key` at `version`, computing (and keeping) it on a miss."""
        value = self.get(version, key)
        if value is not _MISSING:
            self.hits += 1
            return value  # type: ignore[no-any-return]
        self.misses += 1
        value = compute()
        self.put(version, key, value)
        return value

    def get_many(self, version: int | None, keys: list[Hashable]) -> dict[Hashable, Any]:
        """The cached values of those `keys` that are cached (one lock for all)."""
        if version is None or not self.max_entries:
            return {}
        out: dict[Hashable, Any] = {}
        with self._lock:
            self._sync(version)
            for key in keys:
                value = self._entries.get(key, _MISSING)
                if value is not _MISSING:
                    self._entries.move_to_end(key)
                    out[key] = value
        self.hits += len(out)
        self.misses += len(keys) - len(out)
        return out

    def put_many(self, version: int | None, values: dict[Hashable, Any]) -> None:
        if version is None or not self.max_entries:
            return
        with self._lock:
            if version != self._version:
                return
            self._entries.update(values)
            for key in values:
                self._entries.move_to_end(key)
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._version = None

    def __len__(self) -> int:
        return len(self._entries)
