"""Recall and precision per category and verdict accuracy on the labelled corpora.

Usage: python benchmarks/eval_corpus.py [--misses]
The dev corpus is scored with its company pack; peer files only in their own category.
"""

from __future__ import annotations

import sys
from pathlib import Path

from precheck.evaluation import evaluate, load_jsonl
from precheck.service import CheckerSettings, build_checker

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpus"
PEER_CATEGORY = {"secrets": "secret", "pii": "pii", "tone": "tone"}


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
    for path in sorted((SHARED / "peers").glob("*.jsonl")):
        category = PEER_CATEGORY[path.stem.rsplit("-", 1)[1]]
        show(f"peers/{path.name} ({category} only)", evaluate(load_jsonl(path), plain, [category]), misses)


if __name__ == "__main__":
    main()
