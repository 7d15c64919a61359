"""From LanguageTool matches to precheck findings: kinds, severities and the filters, read from data.

``resources/grammar/languagetool.yaml`` holds every mapping and every rule
that is dropped, so tuning what users see never needs a code change.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from precheck.core.model import Category, Finding, Severity
from precheck.nlp.languagetool_client import LtMatch
from precheck.paths import resources_dir

KINDS = ("spelling", "grammar", "punctuation", "style", "typography")
RULE_PREFIX = "languagetool/"
_WORD = re.compile(r"\w+")


def rules_file() -> Path:
    return resources_dir() / "grammar" / "languagetool.yaml"


@dataclass(frozen=True)
class Fight:
    """A LanguageTool rule that contradicts precheck's own advice, and when it does."""

    rule: str
    touches_finding: bool = False
    restores_case: bool = False
    after: tuple[str, ...] = ()

    def applies_to(self, rule_id: str) -> bool:
        if self.rule.endswith("*"):
            return rule_id.startswith(self.rule[:-1])
        return rule_id == self.rule


@dataclass(frozen=True)
class GrammarRules:
    kinds_by_category: Mapping[str, str] = field(default_factory=dict)
    kinds_by_issue_type: Mapping[str, str] = field(default_factory=dict)
    default_kind: str = "grammar"
    severity: Mapping[str, Severity] = field(default_factory=dict)
    max_suggestions: int = 5
    disabled_rules: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    fights: tuple[Fight, ...] = ()

    def kind_for(self, match: LtMatch) -> str:
        """The category says most; MISC and unknown categories defer to the issue type."""
        by_category = self.kinds_by_category.get(match.category_id)
        if by_category:
            return by_category
        return self.kinds_by_issue_type.get(match.issue_type, self.default_kind)

    def disabled_for(self, language: str) -> tuple[str, ...]:
        return (*self.disabled_rules.get("*", ()), *self.disabled_rules.get(language, ()))


def load_rules(path: Path | None = None) -> GrammarRules:
    """A broken shipped file is a bug in precheck: fail loudly, naming the file and the key."""
    path = path or rules_file()
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a mapping at the top level")
    kinds = {**data.get("kinds_by_category", {}), **data.get("kinds_by_issue_type", {})}
    for key, kind in [*kinds.items(), ("default_kind", data.get("default_kind", "grammar"))]:
        if kind not in KINDS:
            raise ValueError(f"{path}: {key}: unknown kind {kind!r}; choose one of {', '.join(KINDS)}")
    severity = {k: Severity(v) for k, v in data.get("severity", {}).items()}
    if Severity.BLOCK in severity.values() or set(severity) != set(KINDS):
        raise ValueError(f"{path}: severity must give info or warn for each of {', '.join(KINDS)}")
    return GrammarRules(
        kinds_by_category=dict(data.get("kinds_by_category", {})),
        kinds_by_issue_type=dict(data.get("kinds_by_issue_type", {})),
        default_kind=data.get("default_kind", "grammar"),
        severity=severity,
        max_suggestions=int(data.get("max_suggestions", 5)),
        disabled_rules={lang: tuple(ids) for lang, ids in (data.get("disabled_rules") or {}).items()},
        fights=tuple(_fight(path, raw) for raw in data.get("fights", ())),
    )


def _fight(path: Path, raw: Any) -> Fight:
    if not isinstance(raw, dict) or not isinstance(raw.get("rule"), str):
        raise ValueError(f"{path}: fights: each entry needs a 'rule'")
    unknown = set(raw) - {"rule", "touches_finding", "restores_case", "after", "reason"}
    if unknown:
        raise ValueError(f"{path}: fights: {raw['rule']}: unknown condition(s) {', '.join(sorted(unknown))}")
    return Fight(raw["rule"], bool(raw.get("touches_finding")), bool(raw.get("restores_case")),
                 tuple(raw.get("after", ())))


def to_findings(matches: Iterable[LtMatch], original: str, rules: GrammarRules) -> list[Finding]:
    """Spans are code points of the sent text, which has the original's length: slice the original."""
    out = []
    for m in matches:
        kind = rules.kind_for(m)
        out.append(Finding(
            category=Category.GRAMMAR, kind=kind, severity=rules.severity.get(kind, Severity.INFO),
            start=m.start, end=m.end, text=original[m.start:m.end], message=m.message,
            rule=RULE_PREFIX + m.rule_id, confidence=m.confidence if m.confidence is not None else 0.9,
            suggestions=m.replacements[: rules.max_suggestions],
        ))
    return out


def drop_overlaps(grammar: Iterable[Finding], others: Sequence[Finding]) -> list[Finding]:
    """A word already flagged as confidential, rude or personal is not underlined twice."""
    return [g for g in grammar if not any(g.overlaps(o) for o in others if o.category is not Category.GRAMMAR)]


def drop_fights(
    grammar: Iterable[Finding], others: Sequence[Finding], text: str, rules: GrammarRules,
    lowered: frozenset[str] = frozenset(),
) -> list[Finding]:
    rewriting = [o for o in others if o.suggestions and o.category is not Category.GRAMMAR]
    kept = []
    for g in grammar:
        rule_id = g.rule.removeprefix(RULE_PREFIX)
        fights = [f for f in rules.fights if f.applies_to(rule_id)]
        if not any(_fights(f, g, rewriting, text, lowered) for f in fights):
            kept.append(g)
    return kept


def _fights(fight: Fight, g: Finding, rewriting: Sequence[Finding], text: str, lowered: frozenset[str]) -> bool:
    if fight.touches_finding and any(_touch(g, o, text) for o in rewriting):
        return True
    if fight.restores_case and _restores_case(g, lowered):
        return True
    return bool(fight.after) and g.start > 0 and text[g.start - 1] in fight.after


def _touch(a: Finding, b: Finding, text: str) -> bool:
    """Overlapping, or separated by nothing but white space."""
    if a.overlaps(b):
        return True
    gap = text[b.end:a.start] if b.end <= a.start else text[a.end:b.start]
    return not gap.strip()


def _restores_case(g: Finding, lowered: frozenset[str]) -> bool:
    first = g.suggestions[0] if g.suggestions else ""
    return first != g.text and first.lower() == g.text.lower() and g.text.lower() in lowered


def lowered_words(findings: Iterable[Finding]) -> set[str]:
    """Words that precheck's own first suggestions put in lower case (a shouted word calmed down)."""
    words: set[str] = set()
    for f in findings:
        if f.category is Category.GRAMMAR or not f.suggestions:
            continue
        first = f.suggestions[0]
        if first != f.text and first.lower() == f.text.lower():
            words.update(w for w in _WORD.findall(first) if w.islower())
    return words
