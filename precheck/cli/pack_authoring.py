"""``precheck pack test`` and ``precheck pack try``: what an admin runs while writing a pack.

Both check with the built-in packs plus the pack under test (never the
installed ones), so the result does not depend on what this machine last
downloaded.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, TextIO

from precheck.core.engine import Checker
from precheck.core.errors import PackError
from precheck.paths import builtin_pack_paths
from precheck.rulepacks.loader import load_pack
from precheck.rulepacks.pack_tests import run_examples
from precheck.service import CheckerSettings, build_checker


def add_authoring_parsers(sub: argparse._SubParsersAction) -> None:
    test = sub.add_parser("test", help="run the examples in each pack's 'tests:' section; exit 0 when all pass")
    test.add_argument("packs", nargs="+", type=Path)
    test.add_argument("--no-nlp", action="store_true", help="skip spaCy (model-free rules only)")
    try_ = sub.add_parser("try", help="which rule of which pack fires on a text, and why")
    try_.add_argument("pack", type=Path)
    try_.add_argument("text")
    try_.add_argument("--lang", default="auto", choices=("auto", "en", "nl"))
    try_.add_argument("--channel", default="public", choices=("public", "internal"))
    try_.add_argument("--no-nlp", action="store_true", help="skip spaCy (model-free rules only)")


def checker_with(pack: Path, use_nlp: bool = True, nlp: Any = None) -> Checker:
    """The built-in packs plus ``pack`` on top; a built-in pack under test is not loaded twice."""
    builtin = [p for p in builtin_pack_paths() if p.resolve() != pack.resolve()]
    settings = CheckerSettings(extra_packs=(pack,), builtin_packs=builtin, installed_packs=False, use_nlp=use_nlp)
    return build_checker(settings, nlp=nlp)


def run_test(args: argparse.Namespace, out: TextIO) -> int:
    failed, nlp = 0, None
    for path in args.packs:
        try:
            pack = load_pack(path)
        except PackError as exc:
            out.write("\n".join(exc.problems or (f"{path}:1:1: {exc.message}",)) + "\n")
            failed += 1
            continue
        if not pack.tests:
            out.write(f"{path}: no examples; add a 'tests:' section\n")
            continue
        checker = checker_with(path, not args.no_nlp, nlp)
        nlp = checker.nlp
        outcomes = run_examples(pack, checker.check)
        for outcome in outcomes:
            out.write(outcome.line() + "\n")
        bad = sum(not o.passed for o in outcomes)
        failed += bad
        out.write(f"{path}: {len(outcomes) - bad} passed, {bad} failed\n")
    return 1 if failed else 0


def run_try(args: argparse.Namespace, out: TextIO) -> int:
    pack = load_pack(args.pack)
    report = checker_with(args.pack, not args.no_nlp).check(args.text, language=args.lang, channel=args.channel)
    out.write(f"language {report.language}, channel {report.channel}, verdict {report.verdict.value}\n")
    if not report.findings:
        out.write("no rule fires on this text\n")
    for f in report.findings:
        origin = f.rule.split("/", 1)[0] if "/" in f.rule else "built-in detector"
        mark = "  <- this pack" if origin == pack.id else ""
        out.write(f"{f.start}-{f.end} {f.text!r}: rule {f.rule} (pack {origin}){mark}\n")
        out.write(f"    kind {f.kind}, category {f.category.value}, severity {f.severity.value}, "
                  f"confidence {f.confidence:.2f}\n    why: {f.message}\n")
        if f.suggestions:
            out.write(f"    suggestion: {f.suggestions[0]!r}\n")
    return 0
