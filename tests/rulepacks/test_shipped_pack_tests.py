"""CI runs the examples the shipped packs carry: ``precheck pack test rules/*.yaml`` must pass."""

from __future__ import annotations

import io
from pathlib import Path

from precheck.cli.main import main

RULES = Path(__file__).resolve().parents[2] / "rules"


def test_shipped_packs_pass_their_own_examples() -> None:
    packs = sorted(RULES.glob("*.yaml"))
    out = io.StringIO()
    code = main(["pack", "test", *map(str, packs)], stdout=out, stderr=io.StringIO())
    assert code == 0, out.getvalue()
    for pack in packs:
        assert f"{pack}: " in out.getvalue() and "no examples" not in out.getvalue()
