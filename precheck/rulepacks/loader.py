"""Loading a rule pack: parse, check every field, and return frozen rules or all problems."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import yaml

from precheck.core.detector import RuleMeta
from precheck.core.errors import PackError
from precheck.core.model import Category, Severity
from precheck.detectors.lexicon import load_lexicon
from precheck.detectors.masks import MASKS
from precheck.detectors.validators import VALIDATORS
from precheck.rulepacks.compiled import pack_digest, read_twin
from precheck.rulepacks.conduct import each_mapping, parse_lexicons, parse_policies
from precheck.rulepacks.fields import LANGUAGES, Fields, Problems, wording
from precheck.rulepacks.model import ContextWords, Pack, PatternRule, TermRule, Wording, trial
from precheck.rulepacks.sections import compile_problem, parse_allow, parse_disable, parse_tests, simulated
from precheck.rulepacks.yaml_lines import Located, load_located

CHANNELS = ("public", "internal")
# Term kinds that are context for policies, never findings by themselves.
CONTEXT_TERM_KINDS = frozenset({"competitor"})
# What a term kind says and becomes when its pack does not say (resources/lexicons/confidential/terms.yaml).
TERM_KIND_DEFAULTS: dict[str, dict[str, Any]] = load_lexicon("terms")
TERM_KINDS = tuple(TERM_KIND_DEFAULTS)
_SLUG = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
_SNAKE = re.compile(r"^[a-z][a-z0-9_]*$")
_HEADER = (
    "pack", "version", "name", "description", "languages", "patterns", "terms", "lexicons", "policies",
    "allow", "disable", "tests", "simulate",
)
_PATTERN_KEYS = (
    "id", "kind", "category", "severity", "message", "regex", "group", "ignore_case", "validator",
    "min_entropy", "context", "deny", "confidence", "replacement", "mask", "channels", "languages",
    "keywords", "split", "simulate",
)
_TERM_KEYS = (
    "id", "kind", "category", "severity", "message", "channels", "replacement", "values", "languages", "simulate",
)
_CONTEXT_KEYS = ("words", "window", "boost", "required", "exclude")
MAX_PACK_BYTES = 64 * 1024 * 1024

_LOADED: dict[tuple[str, str], Pack] = {}
_LOADED_KEPT = 32


def load_pack(path: Path) -> Pack:
    """Read and check one pack file; raises ``PackError`` listing every problem in it.

    A pack is parsed once per process while its bytes are unchanged: the tray,
    the settings page and every rebuilt checker ask for the same packs, and a
    large company pack takes a good part of a second to parse. A broken pack
    is never remembered.
    """
    raw = _read(path)
    key = (str(path), pack_digest(raw))
    pack = _LOADED.get(key)
    if pack is None:
        pack = _checked(path, raw, key[1])
        if len(_LOADED) >= _LOADED_KEPT:
            _LOADED.clear()
        _LOADED[key] = pack
    return pack


def forget_loaded_packs() -> None:
    """Back to a fresh process's view, for measuring a cold load (benchmarks/bench_packs.py)."""
    _LOADED.clear()


def _read(path: Path) -> bytes:
    try:
        if path.is_dir():
            raise PackError(f"{path}: is a folder, not a rule pack file")
        if path.stat().st_size > MAX_PACK_BYTES:
            raise PackError(f"{path}: larger than {MAX_PACK_BYTES // 2**20} MB; split the pack")
        return path.read_bytes()
    except FileNotFoundError:
        raise PackError(f"{path}: no such rule pack") from None
    except OSError as exc:
        raise PackError(f"{path}: cannot read the rule pack ({exc.strerror})") from None


def _checked(path: Path, raw: bytes, digest: str) -> Pack:
    problems = Problems(path)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise PackError(f"{path}: not UTF-8 text (byte {exc.start}); save the pack as UTF-8") from None
    twin = read_twin(path, digest)
    if twin is not None:
        pack = build_pack(twin, path, problems)
        if pack is not None and not problems:
            return pack
        problems = Problems(path)  # re-read the YAML so each problem gets its line and column
    pack = parse_pack(text, path, problems)
    if problems or pack is None:
        raise PackError(f"rule pack {path} has {len(problems.items)} problem(s)", tuple(problems.items))
    return pack


def parse_pack(text: str, source: Path | None, problems: Problems) -> Pack | None:
    try:
        data = load_located(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problems.add(where, f"not valid YAML: {getattr(exc, 'problem', None) or exc}")
        return None
    return build_pack(data, source, problems)


def build_pack(data: object, source: Path | None, problems: Problems) -> Pack | None:
    """Check parsed pack data (from YAML, or from a compiled JSON twin) and build the frozen pack."""
    if not isinstance(data, Located):
        problems.add((1, 1), "a rule pack is a mapping with at least 'pack' and 'version'")
        return None
    head = Fields(data, problems, "the pack")
    head.unknown(_HEADER)
    pack_id = head.get("pack", str, "", required=True)
    if pack_id and not _SLUG.match(pack_id):
        problems.add(data.where("pack"), f"pack id {pack_id!r} may hold only a-z, 0-9, '.', '_' and '-'")
    version = head.get("version", (str, int, float), "", required=True)
    languages = head.subset("languages", LANGUAGES) or frozenset(LANGUAGES)
    patterns = each_mapping(data, "patterns", problems, lambda item: _pattern(item, pack_id, problems))
    terms = _number_unnamed(
        each_mapping(data, "terms", problems, lambda item: _named(_term(item, pack_id, problems), item))
    )
    lexicons, policies = parse_lexicons(data, problems), parse_policies(data, pack_id, problems)
    metas = [*(p.meta for p in patterns), *(t.meta for t in terms), *(p.meta for p in policies)]
    _unique_ids(metas, data, problems)
    pack = Pack(
        id=pack_id, version=str(version), name=head.get("name", str, pack_id), source=source,
        languages=languages, patterns=tuple(patterns), terms=tuple(terms),
        lexicons=tuple(lexicons), policies=tuple(policies), allow=parse_allow(data, problems),
        disable=parse_disable(data, pack_id, problems), tests=parse_tests(data, problems),
        simulate=bool(head.get("simulate", bool, False)),
    )
    return simulated(pack, data.where("simulate"), problems) if pack.simulate else pack


def _meta(f: Fields, pack_id: str, rule_id: str | None) -> RuleMeta | None:
    kind = f.get("kind", str, required=True)
    category = f.choice("category", [c.value for c in Category], required=True)
    severity = f.choice("severity", [s.value for s in Severity], required=True)
    if kind is not None and not _SNAKE.match(kind):
        f.problems.add(f.data.where("kind"), f"kind {kind!r} must be snake_case")
        return None
    message = _message(f, kind)
    if None in (kind, category, severity) or not message:
        return None
    meta = RuleMeta.worded(
        f"{pack_id}/{rule_id or kind}", Category(category), kind, Severity(severity), message,
        channels=f.subset("channels", CHANNELS),
    )
    return trial(meta) if f.get("simulate", bool, False) else meta


def _message(f: Fields, kind: str | None) -> str | dict[str, str] | None:
    """The rule's message; a term kind's default fills the languages a ``{en, nl}`` message leaves out."""
    written = "message" in f.data and f.data["message"] is not None
    given = wording(f, "message")
    if given is None and written:
        return None  # wording() named the problem
    if given is not None and given.everywhere == "":
        given = None  # an empty message says nothing: the kind's own serves
    filled = _with_kind_default(given, kind or "", "message")
    if filled is None:
        f.problems.add(f.data.where(), f"{f.what} needs a 'message' that says why it matters")
        return None
    return filled.everywhere if filled.everywhere is not None else dict(filled.per_language)


def _pattern(item: Located, pack_id: str, problems: Problems) -> PatternRule | None:
    f = Fields(item, problems, f"pattern {item.get('id', '?')!r}")
    f.unknown(_PATTERN_KEYS)
    rule_id = f.get("id", str, required=True)
    meta = _meta(f, pack_id, rule_id)
    regex = f.get("regex", str, required=True)
    ignore_case = bool(f.get("ignore_case", bool, False))
    if regex is not None and not _compiles(regex, ignore_case, f, "regex"):
        regex = None
    deny = f.strings("deny") or ()
    if not all(_compiles(d, True, f, "deny") for d in deny):
        deny = ()
    validator = f.choice("validator", VALIDATORS)
    mask = f.choice("mask", MASKS)
    confidence = f.get("confidence", (int, float), 0.9)
    if not 0 <= confidence <= 1:
        problems.add(item.where("confidence"), "'confidence' must lie between 0 and 1")
    if meta is None or regex is None:
        return None
    return PatternRule(
        meta=meta, regex=regex, group=f.get("group", (int, str), 0), ignore_case=ignore_case,
        validator=validator, min_entropy=f.get("min_entropy", (int, float)),
        context=_context(item, f), deny=deny, confidence=float(confidence),
        replacement=wording(f), mask=mask, languages=f.subset("languages", LANGUAGES),
        keywords=tuple(k.lower() for k in f.strings("keywords", allow_empty=False) or ()),
        split=bool(f.get("split", bool, False)),
    )


def _context(item: Located, parent: Fields) -> ContextWords | None:
    data = parent.get("context", dict)
    if data is None:
        return None
    f = Fields(data, parent.problems, f"the context of {parent.what}")
    f.unknown(_CONTEXT_KEYS)
    words = f.strings("words", required="exclude" not in data, allow_empty=False) or ()
    exclude = f.strings("exclude", allow_empty=False) or ()
    if not words and not exclude:
        return None
    return ContextWords(
        words=tuple(w.lower() for w in words), window=int(f.get("window", int, 40)),
        boost=float(f.get("boost", (int, float), 0.2)), required=bool(f.get("required", bool, False)),
        exclude=tuple(w.lower() for w in exclude),
    )


def _term(item: Located, pack_id: str, problems: Problems) -> TermRule | None:
    f = Fields(item, problems, f"term group {item.get('id') or item.get('kind', '?')!r}")
    f.unknown(_TERM_KEYS)
    values = _matchable(item, f.strings("values", required=True, allow_empty=False), problems)
    meta = _meta(f, pack_id, f.get("id", str))
    if meta is None or not values:
        return None
    return TermRule(
        meta=meta, values=values, replacement=_with_kind_default(wording(f), meta.kind, "replacement"),
        languages=f.subset("languages", LANGUAGES),
    )


def _with_kind_default(given: Wording | None, kind: str, key: str) -> Wording | None:
    """A text written once stands; the languages a ``{en, nl}`` mapping leaves out (or all, when
    there is none) get the term kind's own: "een klant", so the safer text never keeps a
    customer's name for want of a replacement."""
    if given is not None and given.everywhere is not None:
        return given
    defaults = TERM_KIND_DEFAULTS.get(kind, {}).get(key) or {}
    merged = {**defaults, **(dict(given.per_language) if given else {})}
    return Wording(per_language=tuple(merged.items())) if merged else None


def _matchable(item: Located, values: tuple[str, ...] | None, problems: Problems) -> tuple[str, ...] | None:
    """A value with no letter or digit ("---") can never match; name it instead of ignoring it."""
    if not values:
        return values
    positions = getattr(item.get("values"), "item_positions", [])
    bad = [i for i, value in enumerate(values) if not any(c.isalnum() for c in value)]
    for i in bad:
        where = positions[i] if i < len(positions) else item.where("values")
        problems.add(where, f"term value {values[i]!r} has no letter or digit to match")
    return None if bad else values


def _named(term: TermRule | None, item: Located) -> tuple[TermRule, bool] | None:
    return None if term is None else (term, "id" in item)


def _number_unnamed(terms: list[tuple[TermRule, bool]]) -> list[TermRule]:
    """Term groups without an id are named after their kind: codename, codename-2, ...

    Groups with an explicit id keep it, so two groups given the same id are reported as duplicates.
    """
    seen: dict[str, int] = {}
    out = []
    for term, explicit in terms:
        if not explicit:
            count = seen[term.meta.rule] = seen.get(term.meta.rule, 0) + 1
            if count > 1:
                term = replace(term, meta=replace(term.meta, rule=f"{term.meta.rule}-{count}"))
        out.append(term)
    return out


def _compiles(regex: str, ignore_case: bool, f: Fields, key: str) -> bool:
    reason = compile_problem(regex, ignore_case)
    if reason:
        f.problems.add(f.data.where(key), f"RE2 cannot compile {key} {regex!r}: {reason}")
    return reason is None


def _unique_ids(metas: list[RuleMeta], data: Located, problems: Problems) -> None:
    """Each repeat is reported where it is written, naming the line of the first use."""
    places = _rule_places(data)
    uses: dict[str, int] = {}
    for meta in metas:
        count = uses[meta.rule] = uses.get(meta.rule, 0) + 1
        if count == 1:
            continue
        found = places.get(meta.rule.partition("/")[2], [])
        where, first = (found[count - 1], f" (first at line {found[0][0]})") if len(found) >= count else \
            (data.where(), "")
        problems.add(where, f"rule id {meta.rule!r} is used twice{first}; give each rule its own id")


def _rule_places(data: Located) -> dict[str, list[tuple[int, int]]]:
    """Where each rule is named (its ``id``, else its ``kind``), in the order they are written."""
    places: dict[str, list[tuple[int, int]]] = {}
    for section in ("patterns", "terms", "policies"):
        items = data.get(section)
        for item in items if isinstance(items, list) else ():
            key = "id" if isinstance(item, Located) and "id" in item else "kind"
            name = item.get(key) if isinstance(item, Located) else None
            if isinstance(name, str):
                places.setdefault(name, []).append(item.where(key))
    return places
