"""A replacement that would itself be flagged: the safer text would then still be unsafe.

Found by checking every ``replacement:`` string of a pack with the checker the
pack will run in, and reported at the replacement's own ``file:line:column``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from precheck.core.model import Report
from precheck.rulepacks.yaml_lines import Located, LocatedList

Site = tuple[tuple[int, int], str, str | None]


def replacement_sites(data: Any) -> Iterator[Site]:
    """Position, text and language (None: every language) of every non-empty ``replacement``
    in a pack (as ``yaml_lines.load_located`` reads it), examples excluded."""
    if isinstance(data, Located):
        for key, value in data.items():
            if key != "tests":
                yield from _walk(value)


def _walk(node: Any) -> Iterator[Site]:
    if isinstance(node, Located):
        for key, value in node.items():
            if key != "replacement":
                yield from _walk(value)
            elif isinstance(value, str) and value.strip():
                yield node.where(key), value, None
            elif isinstance(value, Located):
                yield from ((value.where(lang), text, lang) for lang, text in value.items()
                            if isinstance(text, str) and text.strip())
    elif isinstance(node, LocatedList):
        for item in node:
            yield from _walk(item)


def flagged_replacements(
    source: str, data: Any, languages: frozenset[str], check: Callable[..., Report]
) -> list[str]:
    """One ``file:line:column: message`` per replacement some rule flags, in any language it is for."""
    problems = []
    for (line, column), replacement, only in replacement_sites(data):
        for language in sorted(languages) if only is None else [only]:
            findings = check(replacement, language=language, channel="public").findings
            if findings:
                f = findings[0]
                problems.append(
                    f"{source}:{line}:{column}: replacement {replacement!r} would itself be flagged "
                    f"by {f.rule} ({f.kind}, {language}); choose a neutral wording"
                )
                break
    return problems


def one_wording_notes(source: str, data: Any, languages: frozenset[str]) -> list[str]:
    """A term group's replacement written once goes into English and Dutch posts alike.

    Only a note, not a problem: the admin may mean it ("Acme"), but "an internal
    project" inside a Dutch sentence is rarely what they want.
    """
    terms = data.get("terms") if isinstance(data, Located) else None
    notes = []
    for item in terms if isinstance(terms, LocatedList) else ():
        if not isinstance(item, Located) or not isinstance(item.get("replacement"), str):
            continue
        reaches = languages if not isinstance(item.get("languages"), list) else frozenset(item["languages"])
        if item["replacement"].strip() and len(reaches) > 1:
            line, column = item.where("replacement")
            notes.append(f"{source}:{line}:{column}: note: replacement {item['replacement']!r} is used in "
                         f"{' and '.join(sorted(reaches))} posts alike; give one per language "
                         f"({{en: ..., nl: ...}}) so each post reads well")
    return notes
