"""``precheck --self-test``: the one command support asks a user to run.

It checks a built-in sample in each language, loads every shipped pack and
says which models, packs and grammar server it found. Samples are made up;
no user text is involved.
"""

from __future__ import annotations

import platform
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass

from precheck import __version__
from precheck.core.errors import PrecheckError
from precheck.core.model import Report, Verdict

SAMPLES: tuple[tuple[str, str, Verdict], ...] = (
    ("en", "Proud of the team: we moved 300 pallets before noon today!", Verdict.OK),
    ("en", "Deploy key for the demo is AKIAZ7EXAMPLE4NWL2QX, mail me at jan.devries@example.com", Verdict.BLOCK),
    ("nl", "Trots op het team: vanochtend 300 pallets verwerkt in Venlo!", Verdict.OK),
    ("nl", "Mijn wachtwoord is Zomer2024!Venlo, bel me op 06 12345678", Verdict.BLOCK),
)


GRAMMAR_WAIT_S = 20.0


@dataclass
class Line:
    ok: bool
    text: str


def run_self_test(write: Callable[[str], None]) -> int:
    """Each step prints one line; 0 when every step passed."""
    write(f"precheck {__version__} on Python {platform.python_version()} ({sys.platform}"
          f"{', frozen' if getattr(sys, 'frozen', False) else ''})")
    lines = [_packs(), *_checker_and_samples(), _grammar()]
    for line in lines:
        write(("  ok    " if line.ok else "  FAIL  ") + line.text)
    failed = sum(not line.ok for line in lines)
    write("self-test passed" if not failed else f"self-test failed: {failed} problem(s)")
    return 0 if not failed else 1


def _packs() -> Line:
    from precheck.rulepacks.loader import load_pack
    from precheck.service import CheckerSettings, active_pack_paths

    try:
        packs = [load_pack(p) for p in active_pack_paths(CheckerSettings())]
    except PrecheckError as exc:
        return Line(False, f"rule packs: {exc}")
    listed = "rule packs: " + ", ".join(f"{p.id} {p.version}" for p in packs)
    twice = sorted({p.id for p in packs if sum(q.id == p.id for q in packs) > 1})
    if twice:  # their rule ids clash, so 'disable' and "always ignore" cannot tell them apart
        return Line(False, f"{listed}; active twice (from two repositories?): {', '.join(twice)}")
    return Line(True, listed)


def _checker_and_samples() -> list[Line]:
    from precheck.service import build_checker

    start = time.perf_counter()
    try:
        checker = build_checker()
    except PrecheckError as exc:
        return [Line(False, f"checker: {exc}")]
    lines = [Line(True, f"checker built in {time.perf_counter() - start:.1f} s")]
    for language, text, expected in SAMPLES:
        report = checker.check(text)
        ok = report.language == language and report.verdict is expected
        lines.append(Line(ok, f"sample ({language}): {report.verdict.value}, language {report.language}"
                              f"{'' if ok else f' (expected {expected.value}, {language})'}"))
    if checker.nlp is not None:
        for language in ("en", "nl"):
            checker.nlp.warm_up(language)
        models = checker.nlp.describe()
        lines.append(Line(bool(models) and not checker.nlp.notices(),
                          "language models: " + ", ".join(f"{k}: {v}" for k, v in sorted(models.items()))))
    return lines


def _grammar() -> Line:
    from precheck.service import build_grammar

    try:
        grammar = build_grammar()
        if grammar.status().mode == "off":
            return Line(True, "grammar: off (optional; an administrator can configure a LanguageTool server)")
        grammar.warm_up(wait=GRAMMAR_WAIT_S)
        grammar.check(SAMPLES[0][1], Report("en", "public", (), Verdict.OK, SAMPLES[0][1]))
        status = grammar.status()
        grammar.close()
    except PrecheckError as exc:
        return Line(False, f"grammar: {exc}")
    return Line(status.state == "ready", f"grammar: {status.mode}, {status.state}: {status.message}")
