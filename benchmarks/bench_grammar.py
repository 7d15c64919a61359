"""What the grammar layer costs a user: time until the other findings show, and until all do.

The app shows ``Checker.check`` at once and adds ``GrammarService.check``
afterwards, so the first figure should not move at all (target: +0 ms). The
LanguageTool here is the test stand-in (``tests/fixtures/languagetool``),
serving recorded answers from its own process, so the figures measure
precheck's side: HTTP, offsets, filters and merging, not LanguageTool's own
speed (a real local LanguageTool answers a post in roughly 20-100 ms).

Prints figures; asserts nothing.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from precheck.nlp.grammar import FixedEndpoint, GrammarService, Mode  # noqa: E402
from precheck.nlp.languagetool_local import free_port  # noqa: E402
from precheck.service import build_checker  # noqa: E402
from tests.fixtures.languagetool.fake_server import recordings  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "dev" / "posts.jsonl"
REPEATS = 5
SERVE = ("import sys, time; sys.path.insert(0, {root!r});"
         "from tests.fixtures.languagetool.fake_server import FakeLanguageTool;"
         "lt = FakeLanguageTool(port={port}, delay={delay}); lt.__enter__(); time.sleep(3600)")


def posts() -> list[tuple[str, str]]:
    """The dev corpus when it is there, and always the recorded drafts (which carry grammar matches)."""
    rows = [("nl" if lang == "nl" else "en", text) for lang, text in recordings()]
    if CORPUS.is_file():
        for line in CORPUS.read_text(encoding="utf-8").splitlines()[:60]:
            if line.strip():
                item = json.loads(line)
                rows.append((item["lang"], item["text"]))
    return rows


def stand_in(delay: float = 0.0) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    process = subprocess.Popen([sys.executable, "-c", SERVE.format(root=str(ROOT), port=port, delay=delay)])
    url = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            urllib.request.urlopen(url + "/v2/languages", timeout=0.5).close()
            return process, url
        except OSError:
            time.sleep(0.05)
    raise SystemExit("the LanguageTool stand-in did not start")


def timings(
    checker, grammar: GrammarService | None, items, fresh: bool = True, repeats: int = REPEATS
) -> tuple[list[float], list[float]]:
    """Per post: ms until Checker.check's findings are there, and until grammar's have joined them."""
    first, full = [], []
    for _ in range(repeats):
        for language, text in items:
            checker.clear_cache()
            if grammar is not None and fresh:
                grammar._cache.clear()
            started = time.perf_counter()
            report = checker.check(text, language=language)
            first.append((time.perf_counter() - started) * 1000)
            if grammar is not None:
                grammar.check(text, report)
            full.append((time.perf_counter() - started) * 1000)
    return first, full


def interleaved(checker, grammar: GrammarService, items) -> tuple[list[float], list[float], list[float]]:
    """Off and on measured post by post, so drift in the machine hits both alike."""
    off, on, everything = [], [], []
    for _ in range(REPEATS):
        for item in items:
            off.extend(timings(checker, None, [item], repeats=1)[0])
            first, full = timings(checker, grammar, [item], repeats=1)
            on.append(first[0])
            everything.append(full[0])
    return off, on, everything


def typing_stall(checker, grammar: GrammarService, items) -> float:
    """Checker.check while a grammar request is in flight on another thread (the app's real overlap)."""
    stalls = []
    for language, text in items:
        report = checker.check(text, language=language)
        grammar._cache.clear()
        worker = threading.Thread(target=grammar.check, args=(text, report))
        worker.start()
        checker.clear_cache()
        started = time.perf_counter()
        checker.check(text, language=language)
        stalls.append((time.perf_counter() - started) * 1000)
        worker.join()
    return statistics.median(stalls)


def line(label: str, values: list[float]) -> None:
    p95 = sorted(values)[int(len(values) * 0.95)]
    print(f"{label:52s} median {statistics.median(values):8.2f} ms   p95 {p95:8.2f} ms")


def main() -> None:
    checker = build_checker()
    items = posts()
    for language, text in items[:4]:
        checker.check(text, language=language)
    print(f"{len(items)} posts ({sum(1 for _ in recordings())} with recorded LanguageTool answers), {REPEATS} rounds")

    fast_server, url = stand_in()
    slow_server, slow_url = stand_in(delay=3.0)
    try:
        grammar = GrammarService(Mode.SERVER, FixedEndpoint(url), time_limit=5.0)
        alone, with_grammar, all_visible = interleaved(checker, grammar, items)
        _, cached = timings(checker, grammar, items[:32], fresh=False)
        cached_first, _ = timings(checker, None, items[:32])
        slow = GrammarService(Mode.SERVER, FixedEndpoint(slow_url), time_limit=1.0, retry_after=0.0)
        _, slow_all = timings(checker, slow, items[:3])
        overlap = typing_stall(checker, grammar, items)
    finally:
        fast_server.terminate()
        slow_server.terminate()

    line("other findings visible, grammar off", alone)
    line("other findings visible, grammar on", with_grammar)
    added = statistics.median(with_grammar) - statistics.median(alone)
    print(f"{'  grammar adds before other findings show':52s}        {added:+8.2f} ms   (target +0)")
    line("all findings visible (stand-in LanguageTool)", all_visible)
    grammar_ms = statistics.median(all_visible) - statistics.median(with_grammar)
    print(f"{'  grammar layer adds until all are visible':52s}        {grammar_ms:+8.2f} ms")
    cached_ms = statistics.median(cached) - statistics.median(cached_first)
    print(f"{'  grammar adds for a draft asked before (cached)':52s}        {cached_ms:+8.2f} ms")
    line("all visible, server hangs, time limit 1 s", slow_all)
    print(f"{'Checker.check while a grammar request runs':52s} median {overlap:8.2f} ms")


if __name__ == "__main__":
    main()
