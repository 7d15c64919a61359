"""Speed of a full check against a bare spaCy ``nlp()`` call, in the same process.

Prints figures; asserts nothing. Targets (issue 2): full check / bare nlp() <= 1.0
on posts up to 3,000 characters; model-free tier under 3 ms for 280 characters;
a one-word edit in a 5,000-word text re-checked in under 50 ms.
"""

from __future__ import annotations

import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

from precheck.core.engine import Tier
from precheck.nlp.spacy_engine import SpacyEngine
from precheck.service import build_checker

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "dev" / "posts.jsonl"
REPEATS = 5


def median_ms(fn, items, repeats: int = REPEATS) -> float:
    times = []
    for _ in range(repeats):
        for item in items:
            t = time.perf_counter()
            fn(item)
            times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def posts() -> list[tuple[str, str]]:
    rows = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [(r["text"], r["lang"]) for r in rows if len(r["text"]) <= 3000]


def cold_start_ms() -> float:
    code = (
        "import time; t=time.perf_counter();"
        "from precheck.service import build_checker;"
        "build_checker().check('Proud of the team, our launch went great today!');"
        "print((time.perf_counter()-t)*1000)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(out.stdout.strip())


def main() -> None:
    checker = build_checker()
    items = posts()
    english = SpacyEngine().pipeline("en")

    def full(item: tuple[str, str]) -> None:
        checker.clear_cache()
        checker.check(item[0], language=item[1])

    def fast(text: str) -> None:
        checker.clear_cache()
        checker.check(text, tier=Tier.FAST)

    full(items[0])
    english(items[0][0])
    full_ms = median_ms(full, items)
    nlp_ms = median_ms(lambda item: english(item[0]), items)
    print(f"dev corpus: {len(items)} posts, median length {statistics.median(len(t) for t, _ in items):.0f} chars")
    print(f"full check median      {full_ms:8.3f} ms")
    print(f"bare nlp() median      {nlp_ms:8.3f} ms  (pipeline: {', '.join(english.pipe_names)})")
    print(f"ratio check / nlp()    {full_ms / nlp_ms:8.3f}  (target <= 1.0)")

    post_280 = ("Great launch today! Shout-out to the ops team, mail me at jan.jansen@example.com "
                "or call +31 6 12345678 if you want the slides. Deploy key AKIAZ7EXAMPLE4NWL2QX is rotated. ")
    post_280 = (post_280 * 3)[:280]
    print(f"model-free tier, 280 chars  {median_ms(fast, [post_280], 200):8.3f} ms  (target < 3 ms)")

    words = ["the", "team", "shipped", "a", "careful", "update", "to", "the", "routing", "service",
             "and", "customers", "noticed", "it", "quickly"]
    paragraphs = [" ".join(words[(i + j) % len(words)] for j in range(100)) + "." for i in range(50)]
    long_text = "\n\n".join(paragraphs)
    checker.check(long_text)
    edited = long_text.replace("careful", "cautious", 1)
    t = time.perf_counter()
    checker.check(edited)
    edit_ms = (time.perf_counter() - t) * 1000
    print(f"one-word edit, {len(long_text.split())} words  {edit_ms:8.3f} ms  (target < 50 ms)")
    print(f"cold start to first result  {cold_start_ms():8.1f} ms (separate process)")
    print(f"peak memory (this process)  {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:8.1f} MB")


if __name__ == "__main__":
    main()
