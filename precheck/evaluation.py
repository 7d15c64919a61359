"""Scoring precheck against labelled corpora (the dev set and the peers' cases).

A finding counts when it overlaps an expected span of the same category;
peers report spans of different lengths, so exact equality would mislead.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from precheck.core.engine import Checker
from precheck.core.model import Finding


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[str] = field(default_factory=list)
    false_alarms: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


@dataclass
class Evaluation:
    scores: dict[str, Score]
    verdicts_right: int = 0
    verdicts_total: int = 0

    @property
    def verdict_accuracy(self) -> float:
        return self.verdicts_right / self.verdicts_total if self.verdicts_total else 1.0

    def lines(self) -> list[str]:
        out = [
            f"{cat:<13} recall {s.recall:.3f}  precision {s.precision:.3f}  (tp {s.tp}, fp {s.fp}, fn {s.fn})"
            for cat, s in sorted(self.scores.items())
        ]
        if self.verdicts_total:
            out.append(f"verdict accuracy {self.verdict_accuracy:.3f} ({self.verdicts_right}/{self.verdicts_total})")
        return out


def load_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def expected_spans(record: dict[str, Any]) -> list[tuple[str, str, int, int]]:
    """Every occurrence of every expected match, as (category, kind, start, end)."""
    spans = []
    for item in record.get("expect", []):
        text, match = record["text"], item["match"]
        at = text.find(match)
        while at != -1:
            spans.append((item["category"], item["kind"], at, at + len(match)))
            at = text.find(match, at + 1)
    return spans


def evaluate(
    records: Iterable[dict[str, Any]], checker: Checker, categories: Sequence[str] | None = None
) -> Evaluation:
    """Score each record; ``categories`` limits scoring to the labelled ones (peer files)."""
    result = Evaluation(scores={})
    for record in records:
        report = checker.check(
            record["text"], language=record.get("lang", "auto"), channel=record.get("channel", "public")
        )
        _score_record(record, report.findings, categories, result)
        if "verdict" in record:
            result.verdicts_total += 1
            result.verdicts_right += report.verdict.value == record["verdict"]
    return result


def _score_record(
    record: dict[str, Any], findings: Sequence[Finding], categories: Sequence[str] | None, result: Evaluation
) -> None:
    expected = expected_spans(record)
    cats = set(categories) if categories else {e[0] for e in expected} | {f.category.value for f in findings}
    for cat in cats:
        score = result.scores.setdefault(cat, Score())
        mine = [f for f in findings if f.category.value == cat]
        tally(score, record, mine, [e for e in expected if e[0] == cat])


Span = tuple[str, str, int, int]


def tally(
    score: Score, record: dict[str, Any], mine: Sequence[Finding], expected: Sequence[Span],
    alarm_against: Sequence[Span] | None = None,
) -> None:
    """Count hits and misses of ``expected``; a finding touching none of ``alarm_against`` is a false alarm."""
    for _, kind, start, end in expected:
        if any(f.start < end and start < f.end for f in mine):
            score.tp += 1
        else:
            score.fn += 1
            score.misses.append(f"{record['id']}: {kind} {record['text'][start:end]!r}")
    against = expected if alarm_against is None else alarm_against
    for f in mine:
        if not any(f.start < end and start < f.end for _, _, start, end in against):
            score.fp += 1
            score.false_alarms.append(f"{record['id']}: {f.kind} {f.text!r} ({f.rule})")
