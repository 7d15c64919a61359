"""Precedence between packs: which ``allow`` and ``disable`` entries take effect, as engine filters.

Order, lowest first: built-in packs < the organisation's installed packs <
the department's installed packs < the user's own packs (``--pack``) < the
user's personal allowlist. A pack may only switch off rules of packs below it,
so a department cannot be overruled by the organisation or a built-in pack, nor
can an organisation pack be silenced by a pack it outranks.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import re2

from precheck.core.filters import Filter, allow_digests, allow_matching, allow_terms, disable_rules
from precheck.rulepacks.model import Pack


def effective_disabled(packs: Sequence[Pack]) -> frozenset[str]:
    """Rule ids switched off by a higher pack; entries naming the same or a higher pack have no effect."""
    out: set[str] = set()
    for index, pack in enumerate(packs):
        lower = {p.id for p in packs[:index]} - {pack.id}
        out.update(rule for rule in pack.disable if rule.split("/", 1)[0] in lower)
    return frozenset(out)


def pack_filters(packs: Sequence[Pack], personal: Iterable[str] = (), salt: bytes = b"") -> tuple[Filter, ...]:
    """The filters for ``packs`` in precedence order (lowest first), then the user's own allowlist.

    ``personal`` holds salted digests (``core.filters.term_digest``), never terms.
    """
    terms = [e.term for p in packs for e in p.allow if e.term]
    personal = frozenset(personal)
    regexes = [re2.compile(e.regex) for p in packs for e in p.allow if e.regex]
    filters: list[Filter] = []
    disabled = effective_disabled(packs)
    if disabled:
        filters.append(disable_rules(disabled))
    if terms:
        filters.append(allow_terms(terms))
    if regexes:
        filters.append(allow_matching([r.fullmatch for r in regexes]))
    if personal:
        filters.append(allow_digests(salt, personal))
    return tuple(filters)
