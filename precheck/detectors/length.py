"""Length limits of the social networks, reported as information when a network is chosen.

A post cut off by the network loses its ending, often the disclaimer or the
"#ad". X counts every link as 23 characters (its t.co wrapper), so a long URL
does not eat the budget it seems to.
"""

from __future__ import annotations

import re

from precheck.core.context import CheckContext
from precheck.core.detector import RuleMeta
from precheck.core.model import Category, Finding, Severity
from precheck.detectors.lexicon import load_lexicon

LIMITS = {"x": 280, "linkedin": 3000, "facebook": 63206, "instagram": 2200, "yammer": 10000}
NAMES = {"x": "X", "linkedin": "LinkedIn", "facebook": "Facebook", "instagram": "Instagram", "yammer": "Yammer"}
X_LINK_WEIGHT = 23
_URL = re.compile(r"https?://\S+|www\.\S+")


def weights(text: str, network: str) -> list[int]:
    """How much each character counts; on X a link's first character carries its 23."""
    out = [1] * len(text)
    if network == "x":
        for match in _URL.finditer(text):
            out[match.start():match.end()] = [X_LINK_WEIGHT] + [0] * (match.end() - match.start() - 1)
    return out


class NetworkLengthDetector:
    id = "network-length"
    requires: frozenset[str] = frozenset()
    scope = "document"

    def detect(self, ctx: CheckContext) -> list[Finding]:
        network = ctx.network
        limit = LIMITS.get(network or "")
        if limit is None or (network != "x" and len(ctx.text) <= limit):
            return []
        counted = weights(ctx.text, network)
        total, at = 0, None
        for index, weight in enumerate(counted):
            total += weight
            if at is None and total > limit:
                at = index
        if at is None:
            return []
        meta = RuleMeta.worded(
            f"builtin/length-{network}", Category.POLICY, "length_limit", Severity.INFO,
            _messages(NAMES[network], limit, total),
        )
        return [meta.make(ctx, at, len(ctx.text), confidence=1.0)]


def _messages(network: str, limit: int, total: int) -> dict[str, str]:
    """The message in each language, with numbers grouped the way that language writes them (3,000 / 3.000)."""
    data = load_lexicon("policy", "messages")
    counts = {"limit": limit, "total": total, "over": total - limit}
    out = {}
    for lang, template in data["length_limit"].items():
        grouped = {k: f"{n:,}".replace(",", data["thousands"][lang]) for k, n in counts.items()}
        out[lang] = template.format(network=network, **grouped)
    return out
