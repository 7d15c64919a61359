"""The code-of-conduct parts of a pack: tone word lists (``lexicons:``) and ``policies:``.

Both are data in a closed vocabulary, in the spirit of Vale's fixed set of rule
kinds: an admin chooses phrases, a window and a suggestion, never code. The
shipped tone lists in ``resources/lexicons/<lang>/`` use the same format, so
they are checked by the same code and a broken list names its file and line.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from precheck.core.detector import RuleMeta
from precheck.core.errors import PackError
from precheck.core.model import Category, Severity
from precheck.detectors.phrases import PhraseError, check_phrase
from precheck.rulepacks.fields import LANGUAGES, Fields, Problems, wording
from precheck.rulepacks.model import Lexicon, Phrase, PolicyRule, Wording, trial
from precheck.rulepacks.yaml_lines import Located, LocatedList, load_located

CHANNELS = ("public", "internal")
FINDING_KINDS = ("profanity", "insult", "slur", "contempt", "aggression", "sarcasm", "absolute")
CONTEXT_KINDS = (
    "negative", "complaint", "positive", "target_customer", "target_colleague", "target_employer",
    "target_competitor", "third_party", "first_person", "violent_verb", "person_object", "acronym",
    "shout_word", "group_word",
)
LEXICON_KINDS = FINDING_KINDS + CONTEXT_KINDS
WINDOWS = ("clause", "part", "sentence", "part_and_next", "neighbours", "post")
EXTENDS = ("none", "clause", "sentence", "rest_of_sentence", "to_cue")
SUGGESTS = ("replace", "remove", "append", "none")
_LEXICON_KEYS = ("kind", "language", "entries")
_ENTRY_KEYS = ("term", "terms", "replacement", "strength", "except")
_POLICY_KEYS = (
    "id", "kind", "policy", "category", "severity", "message", "channels", "languages", "phrases",
    "near", "unless", "on_findings", "near_findings", "window", "extend", "suggest", "text", "once",
    "confidence", "simulate",
)
_SNAKE = re.compile(r"^[a-z][a-z0-9_]*$")


def each_mapping(data: Located, key: str, problems: Problems, build: Callable[[Located], Any]) -> list:
    """Build every mapping of the list ``data[key]``; a non-mapping entry is one problem."""
    items = data.get(key)
    if items is None:
        return []
    if not isinstance(items, LocatedList):
        problems.add(data.where(key), f"{key!r} must be a list")
        return []
    out = []
    for index, item in enumerate(items):
        if not isinstance(item, Located):
            problems.add(items.item_positions[index], f"each entry of {key!r} must be a mapping")
            continue
        built = build(item)
        if built is not None:
            out.append(built)
    return out


def parse_lexicons(data: Located, problems: Problems) -> list[Lexicon]:
    """The ``lexicons:`` section of a pack."""
    return each_mapping(data, "lexicons", problems, lambda item: parse_lexicon(item, problems))


def parse_lexicon(item: Located, problems: Problems, language: str | None = None) -> Lexicon | None:
    f = Fields(item, problems, f"word list {item.get('kind', '?')!r}")
    f.unknown(_LEXICON_KEYS)
    kind = f.choice("kind", LEXICON_KINDS, required=True)
    lang = language or f.choice("language", LANGUAGES, required=True)
    entries = _phrases(item, "entries", f, required=True)
    if kind is None or lang is None or not entries:
        return None
    return Lexicon(kind=kind, language=lang, entries=entries)


def load_lexicon_file(path: Path, language: str) -> Lexicon:
    """One shipped word list; a broken one raises ``PackError`` with file:line for each problem.

    Read with libyaml first (the position-keeping loader is ten times slower and
    these files load at every start); only a broken file is re-read for positions.
    """
    try:
        text = path.read_text(encoding="utf-8")
        fast = _plain_located(yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)))
    except (OSError, yaml.YAMLError) as exc:
        raise PackError(f"{path}: cannot read the word list ({exc})") from None
    lexicon = _lexicon_or_none(fast, Problems(path), language)
    if lexicon is not None:
        return lexicon
    problems = Problems(path)
    _lexicon_or_none(load_located(text), problems, language)
    raise PackError(f"word list {path} has problems", tuple(problems.items) or ("not a mapping",))


def _lexicon_or_none(data: Any, problems: Problems, language: str) -> Lexicon | None:
    lexicon = parse_lexicon(data, problems, language) if isinstance(data, Located) else None
    return None if problems else lexicon


def _plain_located(value: Any) -> Any:
    """Plain YAML data dressed as located data, with unknown positions."""
    if isinstance(value, dict):
        out = Located({k: _plain_located(v) for k, v in value.items()})
        out.key_positions = {}
        return out
    if isinstance(value, list):
        items = LocatedList(_plain_located(v) for v in value)
        items.item_positions = [(0, 0)] * len(items)
        return items
    return value


def _phrases(item: Located, key: str, f: Fields, required: bool = False) -> tuple[Phrase, ...] | None:
    raw = f.get(key, list, required=required)
    if raw is None:
        return None
    positions = getattr(raw, "item_positions", [])
    out: list[Phrase] = []
    for index, entry in enumerate(raw):
        where = positions[index] if index < len(positions) else item.where(key)
        out.extend(_phrase(entry, where, f.problems))
    return tuple(out)


def _phrase(entry: Any, where: tuple[int, int], problems: Problems) -> list[Phrase]:
    """A string, or a mapping whose ``term`` (or several ``terms``) share one replacement."""
    if isinstance(entry, str):
        entry = {"term": entry}
    if not isinstance(entry, dict) or any(k not in _ENTRY_KEYS for k in entry):
        problems.add(where, f"a phrase is a string or a mapping of {', '.join(_ENTRY_KEYS)}")
        return []
    terms = entry.get("terms") or ([entry["term"]] if "term" in entry else [])
    strength, replacement = entry.get("strength", 2), entry.get("replacement")
    exceptions = entry.get("except") or []
    if not terms or not all(isinstance(t, str) and t.strip() for t in terms):
        problems.add(where, "a phrase mapping needs 'term' or a list of 'terms'")
        return []
    if strength not in (1, 2, 3) or not isinstance(exceptions, list) or \
            not (replacement is None or isinstance(replacement, str)):
        problems.add(where, f"{terms[0]!r}: strength is 1, 2 or 3; 'except' a list; 'replacement' a string")
        return []
    for text in (*terms, *exceptions):
        try:
            check_phrase(str(text))
        except PhraseError as exc:
            problems.add(where, str(exc))
            return []
    extra = tuple(map(str, exceptions))
    return [Phrase(term=t, replacement=replacement, strength=strength, exceptions=extra) for t in terms]


def parse_policies(data: Located, pack_id: str, problems: Problems) -> list[PolicyRule]:
    """The ``policies:`` section of a pack."""
    return each_mapping(data, "policies", problems, lambda item: _policy(item, pack_id, problems))


def _policy(item: Located, pack_id: str, problems: Problems) -> PolicyRule | None:
    f = Fields(item, problems, f"policy {item.get('id', '?')!r}")
    f.unknown(_POLICY_KEYS)
    meta, policy = _policy_meta(f, pack_id)
    phrases, near, unless = (_by_language(item, key, f) for key in ("phrases", "near", "unless"))
    on_findings = frozenset(f.strings("on_findings", allow_empty=False) or ())
    if not phrases and not on_findings:
        problems.add(item.where(), f"{f.what} needs 'phrases' or 'on_findings' to start from")
    confidence = f.get("confidence", (int, float), 0.9)
    if meta is None or (not phrases and not on_findings) or not 0 <= confidence <= 1:
        return None
    return PolicyRule(
        meta=meta, policy=policy, phrases=phrases, near=near, unless=unless,
        on_findings=on_findings, near_findings=frozenset(f.strings("near_findings", allow_empty=False) or ()),
        window=f.choice("window", WINDOWS, "sentence"), extend=f.choice("extend", EXTENDS, "none"),
        suggest=f.choice("suggest", SUGGESTS, "replace"), text=_texts(item, f),
        once=bool(f.get("once", bool, False)), confidence=float(confidence),
        languages=f.subset("languages", LANGUAGES),
    )


def _policy_meta(f: Fields, pack_id: str) -> tuple[RuleMeta | None, str]:
    """The rule and the policy's (English) name; the message reads "Policy name: why" in every language."""
    rule_id = f.get("id", str, required=True)
    kind = f.get("kind", str, required=True)
    policy = wording(f, "policy", required=True)
    message = wording(f, "message", required=True)
    category = f.choice("category", [c.value for c in Category], Category.POLICY.value)
    severity = f.choice("severity", [s.value for s in Severity], Severity.WARN.value)
    if kind is not None and not _SNAKE.match(kind):
        f.problems.add(f.data.where("kind"), f"kind {kind!r} must be snake_case")
        return None, ""
    if policy is None or message is None or None in (rule_id, kind, category, severity):
        return None, ""
    meta = RuleMeta.worded(
        f"{pack_id}/{rule_id}", Category(category), kind, Severity(severity), _composed(policy, message),
        channels=f.subset("channels", CHANNELS),
    )
    return (trial(meta) if f.get("simulate", bool, False) else meta), policy.text("en")


def _composed(policy: Wording, message: Wording) -> str | dict[str, str]:
    """Name and message in the same language; a part written once serves every language."""
    if policy.everywhere is not None and message.everywhere is not None:
        return f"{policy.everywhere}: {message.everywhere}"
    return {lang: f"{policy.text(lang)}: {message.text(lang)}" for lang in LANGUAGES}


def _by_language(item: Located, key: str, f: Fields) -> tuple[tuple[str, tuple[Phrase, ...]], ...]:
    data = f.get(key, dict)
    if data is None:
        return ()
    sub = Fields(data, f.problems, f"{key!r} of {f.what}")
    sub.unknown(LANGUAGES)
    out = []
    for lang in LANGUAGES:
        phrases = _phrases(data, lang, sub) if lang in data else None
        if phrases:
            out.append((lang, phrases))
    return tuple(out)


def _texts(item: Located, f: Fields) -> tuple[tuple[str, str], ...]:
    data = f.get("text", dict)
    if data is None:
        return ()
    sub = Fields(data, f.problems, f"'text' of {f.what}")
    sub.unknown(LANGUAGES)
    texts = ((lang, sub.get(lang, str)) for lang in LANGUAGES if lang in data)
    return tuple((lang, text) for lang, text in texts if text is not None)
