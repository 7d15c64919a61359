"""Company terms at scale: a generated 50,000-term pack, its load time and per-post cost.

Prints figures; asserts nothing. Targets (issue 3): load (pack parse + automaton
build) under 1 s; added cost under 2 ms per 280-character post against the same
check with no pack, measured in the same run.

The pack mixes what companies really list: codenames built from ordinary words
("Project Harbour"), invented product names ("VoltaSense"), customers with a
company suffix, internal hosts and internal labels. The posts are 280-character
windows of the dev corpus (or of a built-in text when the corpus is absent); one
in ten carries a term of the pack, so the accepting path is timed too.
"""

from __future__ import annotations

import json
import random
import statistics
import tempfile
import time
from pathlib import Path

from precheck.core.engine import Tier
from precheck.detectors.term_words import common_words
from precheck.detectors.terms import TermDetector
from precheck.rulepacks.loader import load_pack
from precheck.service import CheckerSettings, build_checker

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "dev" / "posts.jsonl"
TERMS = 50_000
POSTS = 3_000
POST_CHARS = 280
SEED = 3

_SYLLABLES = ["vol", "ta", "ri", "kon", "mes", "ar", "lin", "do", "sen", "pra", "zel", "quo",
              "fi", "nor", "bex", "tal", "um", "gra", "ve", "sto"]
_STAGES = ["prod", "acc", "dev"]
_LABELS = ["review", "board", "list", "dashboard"]
_SUFFIXES = ["Foods", "Logistics", "Pharma", "Retail", "BV", "Group", "Holding", "Bakeries", "Exports"]
_FALLBACK = (
    "Proud of the night shift in Venlo: three trucks loaded before five, zero damaged pallets "
    "and a new record for the cross-dock. Thanks to everyone who stayed late, and to the "
    "planners who kept the routes tidy. Op naar de volgende week, met dank aan het hele team! "
)


def invented(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4)))


def generate_values(rng: random.Random, count: int) -> dict[str, list[str]]:
    """Unique values per term kind, roughly in the proportions a large company has."""
    ordinary = sorted(w for w in common_words() if w.isascii() and 5 <= len(w) <= 9)
    seen: set[str] = set()
    groups: dict[str, list[str]] = {k: [] for k in ("codename", "unreleased_product",
                                                    "customer_name", "internal_host", "internal_term")}
    makers = {
        "codename": lambda: f"Project {rng.choice(ordinary).title()}",
        "unreleased_product": lambda: invented(rng).title() + rng.choice(["Sense", "Mind", "Route", "Hub"]),
        "customer_name": lambda: f"{invented(rng).title()} {rng.choice(_SUFFIXES)}",
        "internal_host": lambda: f"{invented(rng)}-{rng.choice(_STAGES)}-{rng.randint(1, 99):02d}.corp.local",
        "internal_term": lambda: f"{rng.choice(ordinary).title()} {rng.choice(_LABELS)}",
    }
    share = {"codename": 0.2, "unreleased_product": 0.2, "customer_name": 0.4,
             "internal_host": 0.1, "internal_term": 0.1}
    for kind, fraction in share.items():
        target = int(count * fraction)
        while len(groups[kind]) < target:
            value = makers[kind]()
            if value.lower() not in seen:
                seen.add(value.lower())
                groups[kind].append(value)
    return groups


def write_pack(folder: Path, groups: dict[str, list[str]]) -> Path:
    lines = ["pack: bench-terms", "version: 1", "name: Generated benchmark pack", "terms:"]
    for kind, values in groups.items():
        lines += [f"  - kind: {kind}", "    category: confidential", "    severity: block",
                  "    channels: [public]", '    replacement: "something internal"', "    values:"]
        lines += [f"      - {json.dumps(v)}" for v in values]
    path = folder / "bench-terms.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def make_posts(rng: random.Random, groups: dict[str, list[str]]) -> list[tuple[str, str]]:
    if CORPUS.is_file():
        rows = [json.loads(x) for x in CORPUS.read_text(encoding="utf-8").splitlines() if x.strip()]
        source = [(r["text"].replace("\n", " "), r["lang"]) for r in rows]
    else:
        source = [(_FALLBACK, "en")]
    every = [v for values in groups.values() for v in values]
    posts = []
    for n in range(POSTS):
        text, lang = rng.choice(source)
        text = (text + " ") * (POST_CHARS // max(len(text), 1) + 1)
        start = rng.randrange(0, max(1, len(text) - POST_CHARS))
        post = text[start:start + POST_CHARS]
        if n % 10 == 0:
            term = rng.choice(every)
            cut = rng.randrange(0, POST_CHARS - len(term) - 2)
            post = (post[:cut] + " " + term + " " + post[cut:])[:POST_CHARS]
        posts.append((post, lang))
    return posts


def main() -> None:
    rng = random.Random(SEED)
    t = time.perf_counter()
    common_words()  # loaded once per process by the first pack with terms, whatever its size
    words_ms = (time.perf_counter() - t) * 1000
    groups = generate_values(rng, TERMS)
    with tempfile.TemporaryDirectory() as tmp:
        path = write_pack(Path(tmp), groups)
        size_mb = path.stat().st_size / 2**20
        t0 = time.perf_counter()
        pack = load_pack(path)
        t1 = time.perf_counter()
        detector = TermDetector(pack.terms)
        t2 = time.perf_counter()
        values = sum(len(t.values) for t in pack.terms)
        print(f"pack: {values} terms in {len(pack.terms)} groups, {size_mb:.1f} MB of YAML, "
              f"{detector.keys} automaton keys")
        print(f"load: {(t2 - t0) * 1000:.0f} ms total = pack parse and checks "
              f"{(t1 - t0) * 1000:.0f} ms + automaton build {(t2 - t1) * 1000:.0f} ms (target < 1000 ms)")
        print(f"      plus the common-word list, once per process: {words_ms:.0f} ms")

        bare = build_checker(CheckerSettings(use_nlp=False, installed_packs=False))
        with_pack = build_checker(CheckerSettings(extra_packs=[path], use_nlp=False, installed_packs=False))
        posts = make_posts(rng, groups)
        plain_ms, pack_ms, added = [], [], []
        for text, lang in posts:
            times = []
            for checker in (bare, with_pack):
                checker.clear_cache()
                t = time.perf_counter()
                checker.check(text, language=lang, channel="public", tier=Tier.FAST)
                times.append((time.perf_counter() - t) * 1000)
            plain_ms.append(times[0])
            pack_ms.append(times[1])
            added.append(times[1] - times[0])
        hits = sum(1 for text, lang in posts if with_pack.check(text, language=lang).findings)
    print(f"posts: {len(posts)} of {POST_CHARS} characters, {hits} with findings")
    print(f"check without pack: median {statistics.median(plain_ms):.3f} ms")
    print(f"check with pack:    median {statistics.median(pack_ms):.3f} ms")
    print(f"added per post:     median {statistics.median(added):.3f} ms, "
          f"p95 {statistics.quantiles(added, n=20)[-1]:.3f} ms (target < 2 ms)")


if __name__ == "__main__":
    main()
