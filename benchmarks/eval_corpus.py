"""Recall and precision per category and verdict accuracy on the labelled corpora.

Usage: python benchmarks/eval_corpus.py [--misses]
The dev corpus is scored with its company pack; peer files only in their own category.
The built-in confidential rules (markers, figures, topics, internal network) are
also scored alone, without any company pack, on the dev corpus and on the
held-out set in tests/fixtures, which no rule was tuned on.
"""

from __future__ import annotations

import sys
from pathlib import Path

from precheck.core.engine import Checker
from precheck.evaluation import Evaluation, Score, evaluate, expected_spans, load_jsonl, tally
from precheck.service import CheckerSettings, build_checker

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpus"
PEER_CATEGORY = {"secrets": "secret", "pii": "pii", "tone": "tone"}
HOLDOUT = ROOT / "tests" / "fixtures" / "confidential_holdout.jsonl"
BUILTIN_RULES = "builtin-confidential/"
# Confidential kinds only a company pack can know; internal hosts are also found by pattern.
PACK_ONLY_KINDS = frozenset({"codename", "unreleased_product", "customer_name", "competitor", "internal_term"})


def builtin_confidential(records: list[dict], checker: Checker) -> Evaluation:
    """Score the built-in confidential rules alone.

    Expected: every confidential span a pattern or lexicon can know of. A
    finding is a false alarm only when it touches no confidential span at all.
    """
    score = Score()
    for record in records:
        report = checker.check(record["text"], language=record.get("lang", "auto"),
                               channel=record.get("channel", "public"))
        mine = [f for f in report.findings if f.rule.startswith(BUILTIN_RULES)]
        expected = [e for e in expected_spans(record) if e[0] == "confidential"]
        tally(score, record, mine, [e for e in expected if e[1] not in PACK_ONLY_KINDS], expected)
    return Evaluation(scores={"confidential": score})


def show(title: str, evaluation, misses: bool) -> None:
    print(f"== {title}")
    for line in evaluation.lines():
        print("   " + line)
    if misses:
        for cat, score in sorted(evaluation.scores.items()):
            for item in score.misses:
                print(f"   miss  {cat}: {item}")
            for item in score.false_alarms:
                print(f"   false {cat}: {item}")


def main() -> None:
    misses = "--misses" in sys.argv
    dev = SHARED / "dev"
    checker = build_checker(CheckerSettings(extra_packs=(dev / "org-pack.yaml",)))
    show("dev corpus (with org-pack.yaml)", evaluate(load_jsonl(dev / "posts.jsonl"), checker), misses)
    plain = build_checker()
    show("dev corpus, built-in confidential rules only (no company pack)",
         builtin_confidential(load_jsonl(dev / "posts.jsonl"), plain), misses)
    if HOLDOUT.is_file():
        show(f"held-out {HOLDOUT.name}, built-in confidential rules only",
             builtin_confidential(load_jsonl(HOLDOUT), plain), misses)
    for path in sorted((SHARED / "peers").glob("*.jsonl")):
        category = PEER_CATEGORY[path.stem.rsplit("-", 1)[1]]
        show(f"peers/{path.name} ({category} only)", evaluate(load_jsonl(path), plain, [category]), misses)


if __name__ == "__main__":
    main()
