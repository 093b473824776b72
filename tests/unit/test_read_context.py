"""read_context: the hot read routes' store, settings and ontology without FastAPI dependencies."""

from __future__ import annotations

import pytest


def test_read_context_is_what_the_three_dependencies_gave():
    from types import SimpleNamespace

    from reformkg.api.deps import read_context
    from reformkg.api.errors import ApiError

    state = SimpleNamespace(store="s", settings="cfg", ontology="onto")
    assert read_context(SimpleNamespace(app=SimpleNamespace(state=state))) == ("s", "cfg", "onto")
    state.store = None
    with pytest.raises(ApiError) as err:
        read_context(SimpleNamespace(app=SimpleNamespace(state=state)))
    assert err.value.status == 503
