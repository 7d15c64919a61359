"""The model-free tier on 280-character posts: what the GUI and tray show while you type.

Prints the median and best-of-rounds time per post kind; asserts nothing.
Target (issue 2): under 3 ms for a 280-character post with all detectors.
"""

from __future__ import annotations

import statistics
import time
import timeit

from precheck.core.context import CheckContext
from precheck.core.engine import Tier
from precheck.detectors.patterns import PatternDetector
from precheck.paths import rules_dir
from precheck.rulepacks.loader import load_pack
from precheck.service import build_checker

POSTS = {
    "mixed": ("Great launch today! Shout-out to the ops team, mail me at jan.jansen@example.com "
              "or call +31 6 12345678 if you want the slides. Deploy key AKIAZ7EXAMPLE4NWL2QX is rotated. "),
    "prose": ("Proud of the team: 300 pallets through Venlo before noon, a new record for the morning shift. "
              "Thanks to everyone who stayed late on Friday to get the new scanners working. Coffee is on me, "
              "see you all at the dock on Monday! The password reset tool works again too. #logistics"),
    "every-keyword": ("Tip for the team: export API_TOKEN=abc and password: hunter2 with curl -u user:pass "
                      "https://example.com, token secret key auth bearer authorization ghp_ xoxb- sk- AIza "
                      "glpat- eyJ hf_ npm_ -----BEGIN PRIVATE KEY----- aws akia AKIA2OGYBAH6 STMMNXNN"),
    "confidential": ("Between us: our Q3 revenue came in at €386 million, 14% above plan, and we're in talks to "
                     "acquire a competitor. CONFIDENTIAL. Layoffs in Leeds next month; we were hit by "
                     "ransomware; staging at 10.0.4.2. Launch on 3 March, keep it quiet! "),
    "numbers": ("Reach my colleague Sanne at sanne.meijer@example.com or on +31 6 4127 8830. Refunds to "
                "NL91 ABNA 0417 1643 00. Order 2024-118734 shipped 12-03-2024 for €1.234,50 to 2511 AB. "
                "Card 4111 1111 1111 1111, BSN 111222333. Version 10.2.3, hal 3, dock 12, 07:00-22:00! "),
    "personal": ("Marco from the dock has been off for weeks with severe depression. Gary got fired after his "
                 "second written warning. Wim lives at Havenstraat 12, Dordrecht, born on 14-03-1974. Anna earns "
                 "€4,800 a month. Els ligt in het ziekenhuis na een hartoperatie. "),
    "dutch": ("Trots op het team van de nachtploeg! Vannacht 1.200 pallets verwerkt in Venlo, een record. "
              "Dank aan iedereen die bleef om de nieuwe scanners werkend te krijgen. Koffie en gebak staan "
              "klaar in de kantine, tot maandag bij dock 4! #logistiek #trots "),
}


def sized(text: str) -> str:
    return (text * 3)[:280]


def median_ms(fn, rounds: int = 200) -> float:
    fn()
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    checker = build_checker()
    print("model-free tier, 280-character posts, all detectors (target < 3 ms)")
    for name, text in POSTS.items():
        post = sized(text)

        def fast(post: str = post) -> None:
            checker.clear_cache()
            checker.check(post, tier=Tier.FAST)

        best = min(timeit.repeat(fast, number=20, repeat=5)) / 20 * 1000
        print(f"  {name:<14} median {median_ms(fast):6.3f} ms   best {best:6.3f} ms")
    secrets = PatternDetector(load_pack(rules_dir() / "secrets.yaml").patterns)
    print("secrets pack alone")
    for name in ("mixed", "prose", "every-keyword"):
        ctx_text = sized(POSTS[name])
        cost = median_ms(lambda t=ctx_text: list(secrets.detect(CheckContext(t, "en", "public"))))
        print(f"  {name:<14} median {cost:6.3f} ms")


if __name__ == "__main__":
    main()
