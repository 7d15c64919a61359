"""The authoring sections of a pack that shape other rules: ``allow``, ``disable``, ``tests`` and ``simulate``.

They live apart from the rule kinds in ``loader.py`` because they say nothing
about what to find, only what to drop, what to try out and what to prove.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

import re2

from precheck.rulepacks.conduct import each_mapping
from precheck.rulepacks.fields import Fields, Problems
from precheck.rulepacks.model import AllowEntry, Pack, PackTest, trial
from precheck.rulepacks.yaml_lines import Located, LocatedList

CHANNELS = ("public", "internal")
TEST_LANGUAGES = ("auto", "en", "nl")
ALLOW_KEYS = ("term", "regex")
TEST_KEYS = ("text", "lang", "channel", "expect", "reject")
_RULE_ID = re.compile(r"^[a-z0-9][a-z0-9._-]*/[^/\s]+$")


def simulated(pack: Pack, where: tuple[int, int], problems: Problems) -> Pack:
    """A pack in simulation mode: every rule a trial; parts that cannot be tried out are refused.

    Word lists feed built-in tone rules and ``allow``/``disable`` silence other
    packs: none of them can be shown as information only, so a trial of them
    would quietly change verdicts.
    """
    for key, value in (("lexicons", pack.lexicons), ("allow", pack.allow), ("disable", pack.disable)):
        if value:
            problems.add(where, f"a pack with 'simulate: true' cannot carry {key!r}; move it to a separate pack")
    return replace(
        pack,
        patterns=tuple(replace(r, meta=trial(r.meta)) for r in pack.patterns),
        terms=tuple(replace(r, meta=trial(r.meta)) for r in pack.terms),
        policies=tuple(replace(r, meta=trial(r.meta)) for r in pack.policies),
    )


def compile_problem(regex: str, ignore_case: bool = False) -> str | None:
    """Why RE2 refuses ``regex`` (backtracking-only syntax, a typo), or None when it compiles."""
    options = re2.Options()
    options.log_errors = False
    options.case_sensitive = not ignore_case
    try:
        re2.compile(regex, options)
    except re2.error as exc:
        reason = exc.args[0] if exc.args else exc
        return reason.decode("utf-8", "replace") if isinstance(reason, bytes) else str(reason)
    return None


def parse_allow(data: Located, problems: Problems) -> tuple[AllowEntry, ...]:
    """``allow:`` entries: a plain string is a term; a mapping holds one ``term`` or one ``regex``."""
    items = data.get("allow")
    if items is None:
        return ()
    if not isinstance(items, LocatedList):
        problems.add(data.where("allow"), "'allow' must be a list of terms or {term: ...} / {regex: ...} mappings")
        return ()
    out = []
    for index, item in enumerate(items):
        entry = _allow_entry(item, items.item_positions[index], problems)
        if entry is not None:
            out.append(entry)
    return tuple(out)


def _allow_entry(item: Any, where: tuple[int, int], problems: Problems) -> AllowEntry | None:
    if isinstance(item, str):
        item = {"term": item}
    if not isinstance(item, dict) or len(item) != 1 or next(iter(item)) not in ALLOW_KEYS:
        problems.add(where, "an 'allow' entry is a term, or a mapping with exactly one of 'term' or 'regex'")
        return None
    key, value = next(iter(item.items()))
    if not isinstance(value, str) or not value.strip():
        problems.add(where, f"the {key!r} of an 'allow' entry must be a non-empty string")
        return None
    if key == "regex":
        reason = compile_problem(value)
        if reason:
            problems.add(where, f"RE2 cannot compile allow regex {value!r}: {reason}")
            return None
        return AllowEntry(regex=value)
    return AllowEntry(term=value)


def parse_disable(data: Located, pack_id: str, problems: Problems) -> tuple[str, ...]:
    """``disable:`` full rule ids (``pack/rule``) of lower packs; a pack deletes its own rules instead."""
    values = Fields(data, problems, "the pack").strings("disable", allow_empty=False) or ()
    out = []
    for value in values:
        if not _RULE_ID.match(value):
            problems.add(data.where("disable"), f"'disable' entry {value!r} is not a rule id like 'builtin-pii/email'")
        elif value.split("/", 1)[0] == pack_id:
            problems.add(data.where("disable"), f"'disable' names {value!r} of this pack itself; delete the rule")
        else:
            out.append(value)
    return tuple(out)


def parse_tests(data: Located, problems: Problems) -> tuple[PackTest, ...]:
    """``tests:`` examples; each must say what it expects or rejects, or it proves nothing."""
    return tuple(each_mapping(data, "tests", problems, lambda item: _test(item, problems)))


def _test(item: Located, problems: Problems) -> PackTest | None:
    f = Fields(item, problems, "a test")
    f.unknown(TEST_KEYS)
    text = f.get("text", str, required=True)
    language = f.choice("lang", TEST_LANGUAGES, "auto")
    channel = f.choice("channel", CHANNELS, "public")
    expect = f.strings("expect") or ()
    reject = f.strings("reject") or ()
    if not expect and not reject:
        problems.add(item.where(), "a test needs 'expect' or 'reject' kinds, or it proves nothing")
    both = sorted(set(expect) & set(reject))
    if both:
        problems.add(item.where("reject"), f"a test both expects and rejects {', '.join(both)}")
    if not text or (not expect and not reject) or both:
        return None
    return PackTest(text=text, expect=expect, reject=reject, language=language, channel=channel, where=item.where())
