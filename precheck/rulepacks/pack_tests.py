"""Running the ``tests:`` examples a pack carries, so an admin proves a pack before publishing it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from precheck.core.model import Report
from precheck.rulepacks.model import Pack, PackTest


@dataclass(frozen=True, slots=True)
class Outcome:
    """One example's result; ``missing`` kinds were expected, ``unexpected`` ones were rejected but found."""

    pack: Pack
    example: PackTest
    found: frozenset[str]
    missing: tuple[str, ...]
    unexpected: tuple[str, ...]

    @property
    def passed(self) -> bool:
        return not self.missing and not self.unexpected

    def line(self) -> str:
        """``file:line:column: PASS|FAIL text`` so an editor jumps to the failing example."""
        source = self.pack.source or self.pack.id
        where = f"{source}:{self.example.where[0]}:{self.example.where[1]}"
        status = "PASS" if self.passed else "FAIL"
        text = self.example.text if len(self.example.text) <= 60 else self.example.text[:59] + "…"
        detail = []
        if self.missing:
            detail.append(f"expected {', '.join(self.missing)} but it was not found")
        if self.unexpected:
            detail.append(f"rejected {', '.join(self.unexpected)} but it was found")
        if detail:
            detail.append(f"found: {', '.join(sorted(self.found)) or 'nothing'}")
        return f"{where}: {status} {text!r}" + (f" ({'; '.join(detail)})" if detail else "")


def run_examples(pack: Pack, check: Callable[..., Report]) -> list[Outcome]:
    """Check every example of ``pack`` with ``check`` (a checker's ``check``) and compare kinds."""
    outcomes = []
    for example in pack.tests:
        options: dict[str, Any] = {"language": example.language, "channel": example.channel}
        found = frozenset(f.kind for f in check(example.text, **options).findings)
        outcomes.append(Outcome(
            pack=pack, example=example, found=found,
            missing=tuple(k for k in example.expect if k not in found),
            unexpected=tuple(k for k in example.reject if k in found),
        ))
    return outcomes
