"""Serving knobs: the collector tuning of a served API worker, the embedded engine's plan cache."""

from __future__ import annotations

import gc

from reformkg.api.main import tune_gc
from reformkg.config import Settings
from reformkg.graph.embedded import EngineLimits


def test_tune_gc_raises_the_first_threshold_and_zero_leaves_the_collector_alone():
    before = gc.get_threshold()
    try:
        tune_gc(0)
        assert gc.get_threshold() == before
        tune_gc(12_345)
        assert gc.get_threshold() == (12_345, before[1], before[2])
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
        gc.set_threshold(*before)


def test_engine_plan_cache_is_a_start_argument_of_the_embedded_server():
    args = EngineLimits(plan_cache=300).module_args()
    assert args[args.index("CACHE_SIZE") + 1] == "300"
    assert ("CACHE_SIZE", 300) not in EngineLimits(plan_cache=300).runtime()  # not settable on a running server
    assert Settings().engine_plan_cache == EngineLimits().plan_cache


def test_engine_threads_default_to_one_per_core_and_at_least_two(monkeypatch):
    from reformkg.graph import embedded

    assert Settings().engine_threads == 0 == EngineLimits().threads
    monkeypatch.setattr(embedded.os, "sched_getaffinity", lambda _pid: {0, 1, 2})
    args = EngineLimits().module_args()
    assert args[args.index("THREAD_COUNT") + 1] == "3"
    monkeypatch.setattr(embedded.os, "sched_getaffinity", lambda _pid: {0})
    assert EngineLimits().thread_count == 2
    assert EngineLimits(threads=5).thread_count == 5
