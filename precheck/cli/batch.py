"""JSON Lines in, JSON Lines out: one result per input line, in order, models loaded once."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from precheck.core.engine import Checker
from precheck.core.errors import PrecheckError
from precheck.core.model import Verdict
from precheck.core.serialize import report_to_dict

EXIT_FOR_VERDICT = {Verdict.OK: 0, Verdict.REVIEW: 1, Verdict.BLOCK: 2}


def run_batch(
    lines: Iterable[str], checker: Checker, language: str, channel: str
) -> Iterator[tuple[dict[str, Any], int]]:
    """Each output object with its exit code; a bad line is reported and the batch goes on."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        yield _one(number, line, checker, language, channel)


def _one(number: int, line: str, checker: Checker, language: str, channel: str) -> tuple[dict[str, Any], int]:
    try:
        item = json.loads(line)
    except json.JSONDecodeError as exc:
        return {"id": None, "error": f"line {number}: not valid JSON ({exc.msg})"}, 3
    item_id = item.get("id") if isinstance(item, dict) else None
    problem = _shape_problem(item)
    if problem:
        return {"id": item_id, "error": f"line {number}: {problem}"}, 3
    try:
        report = checker.check(
            item["text"], language=item.get("lang") or language, channel=item.get("channel") or channel
        )
    except PrecheckError as exc:
        return {"id": item_id, "error": f"line {number}: {exc.message}"}, 3
    return {"id": item_id, **report_to_dict(report)}, EXIT_FOR_VERDICT[report.verdict]


def _shape_problem(item: Any) -> str | None:
    if not isinstance(item, dict):
        return "each line must be a JSON object with 'id' and 'text'"
    if "id" not in item:
        return "missing 'id'"
    if not isinstance(item.get("text"), str):
        return "'text' must be a string"
    for key in ("lang", "channel"):
        if item.get(key) is not None and not isinstance(item[key], str):
            return f"'{key}' must be a string"
    return None
