"""The networks a post can go to: each maps to a check channel and has its own length limit.

Names and limits come from the core's length check, so the counter and the
length finding use the same limit; only which network is internal is the UI's.
"""

from __future__ import annotations

from dataclasses import dataclass

from precheck.detectors.length import LIMITS, NAMES

INTERNAL = frozenset({"yammer"})
DEFAULT_NETWORK = "linkedin"


@dataclass(frozen=True, slots=True)
class Network:
    key: str
    label: str
    channel: str
    limit: int


NETWORKS: tuple[Network, ...] = tuple(
    Network(key, NAMES[key], "internal" if key in INTERNAL else "public", limit)
    for key, limit in LIMITS.items()
)


def network(key: str) -> Network:
    """An unknown key (an old setting) falls back to the default instead of failing."""
    by_key = {n.key: n for n in NETWORKS}
    return by_key.get(key, by_key[DEFAULT_NETWORK])
