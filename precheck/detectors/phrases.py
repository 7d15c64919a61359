"""The one phrase language of word lists, cue lists and policies, compiled to RE2.

Tone lists, policies and the shipped cue lists (``detectors/lexicon.py``) all
use it, so an admin learns a single language: ``a|b`` one of these words, ``word*``
any ending, ``*word`` any beginning (Dutch compounds), ``...`` up to five
words in between, ``#`` a number. Tone and policy phrases add three things:
``{name}`` (one to three capitalised words: "namens Northwind" but not
"namens het team"), ``{code}`` (a discount or reference code), and words
written in capitals match only in capitals ("OM" the prosecutor, not "om").

Word lists may be compiled *stretched*: a letter may be repeated three times or
more and digits or symbols may stand for letters, because "fuuuck", "sh1t" and
"k4nker" are how people dodge a filter (a doubled letter is left alone: Dutch
"stoom" is not "stom"). There are no regular expressions in packs or lists, so
no entry can make matching slow.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import re2

T = TypeVar("T")

GAP_WORDS = 5
# Latin letters, not \pL: Unicode classes under case folding make RE2 compile and scan
# some 50 times slower, and the text is normalised (look-alikes folded) before matching.
_LETTERS = "0-9A-Za-zÀ-ÖØ-öø-ÿĀ-ſ"
_WORD = f"[{_LETTERS}]"
_SEP = f"[^{_LETTERS}.!?\\n]+"
_NAME_WORD = f"[A-ZÀ-ÖØ-Þ][{_LETTERS}&'’-]+"
SLOTS = {
    "#": r"\d+(?:[.,/-]\d+)*",
    "{name}": rf"(?-i:{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,2}})",
    "{code}": r"(?-i:[\p{Lu}\pN][\p{Lu}\pN_-]{3,})",
}
_LEET = {"a": "a4@", "e": "e3", "i": "i1!", "o": "o0", "s": "s5$", "t": "t7"}


_FIRST_WORD = re.compile(r"[^\W_]+|[^\W_]*[4@31!05$7][^\W_]*")


def _index(phrases: list[str]) -> tuple[dict[str, list[int]], dict[str, list[int]], list[int]]:
    """Phrases by the word ("idiot") or word start ("kut*") they begin with; the rest are wild."""
    exact: dict[str, list[int]] = {}
    prefix: dict[str, list[int]] = {}
    wild: list[int] = []
    for index, phrase in enumerate(phrases):
        alternatives = phrase.split()[0].split("|")
        if not all(alt.rstrip("*").isalpha() and "*" not in alt[:-1] for alt in alternatives):
            wild.append(index)
            continue
        for alt in alternatives:
            table = prefix if alt.endswith("*") else exact
            table.setdefault(alt.rstrip("*").lower(), []).append(index)
    return exact, prefix, wild


_UNLEET = str.maketrans("4@31!05$7", "aaeiiosst")
_RUNS = re.compile(r"(\w)\1{2,}")


def _head_key(word: str, stretch: bool) -> str:
    """The first word as the lists spell it: "FUUUCK" and "sh1t" look up "fuck" and "shit"."""
    word = word.lower()
    return _RUNS.sub(r"\1", word.translate(_UNLEET)) if stretch else word


class PhraseError(ValueError):
    """A phrase that the phrase language cannot express; packs report it with its position."""


def _letters(word: str, stretch: bool) -> str:
    if not stretch:
        return re2.escape(word).replace(r"\'", "'").replace("'", "['’]")
    out = []
    for char in word.lower():
        if char == "'":
            out.append("['’]?")
        elif char.isalpha():
            one = f"[{re2.escape(_LEET[char])}]" if char in _LEET else re2.escape(char)
            out.append(f"{one}(?:{one}{{2,}})?")  # "fuuuck", but not "stoom" for "stom"
        else:
            out.append(re2.escape(char))
    return "".join(out)


def _word(word: str, stretch: bool) -> str:
    body = word.strip("*")
    if not body and word != "*":
        raise PhraseError(f"{word!r} has no letters")
    head = f"{_WORD}*" if word.startswith("*") else ""
    tail = f"{_WORD}*" if word.endswith("*") and len(word) > 1 else ""
    core = _letters(body, stretch)
    if sum(c.isalpha() for c in body) >= 2 and body.upper() == body and not stretch:
        core = f"(?-i:{core})"
    return head + core + tail


def token_regex(token: str, stretch: bool = False) -> str:
    if token in SLOTS:
        return SLOTS[token]
    if token.startswith("{") or "{" in token:
        raise PhraseError(f"unknown slot {token!r}; use {{name}}, {{code}} or #")
    return "(?:" + "|".join(_word(w, stretch) for w in token.split("|")) + ")"


def phrase_regex(phrase: str, stretch: bool = False, *, symbol_edges: bool = True) -> str:
    """One phrase as an RE2 pattern; edges get ``\\b`` only where they are ASCII word characters.

    With ``symbol_edges`` a phrase that starts with an ASCII symbol ("/s") must
    follow a space or the start; cue lists turn it off, since their symbols
    ("$", "'s") stick to the word before.
    """
    tokens = phrase.split()
    if not tokens or tokens[0] == "..." or tokens[-1] == "...":
        raise PhraseError(f"{phrase!r}: a phrase needs words, and '...' only between them")
    parts: list[str] = []
    gap = False
    for token in tokens:
        if token == "...":
            gap = True
            continue
        if parts:
            parts.append(f"(?:{_SEP}{_WORD}+){{0,{GAP_WORDS}}}{_SEP}" if gap else _SEP)
        parts.append(token_regex(token, stretch))
        gap = False
    return _edge(tokens[0], True, symbol_edges) + "".join(parts) + _edge(tokens[-1], False, symbol_edges)


def _edge(token: str, lead: bool, symbol_edges: bool) -> str:
    char = token.strip("*")[:1] if lead else token.strip("*")[-1:]
    if token in SLOTS or (char.isascii() and char.isalnum()):
        return r"\b"
    if symbol_edges and lead and char and char.isascii() and not char.isspace():
        return r"(?:^|[\s(])"  # "/s" after a space, never inside a URL
    return ""


def compile_re2(pattern: str, longest: bool = False) -> Any:
    """Leftmost-first: with digit-for-letter classes, leftmost-longest drops RE2 off its DFA."""
    options = re2.Options()
    options.log_errors = False
    options.case_sensitive = False
    options.longest_match = longest
    return re2.compile(pattern, options)


def check_phrase(phrase: str) -> None:
    """Raise ``PhraseError`` if the phrase cannot be compiled (used when loading packs)."""
    try:
        compile_re2(phrase_regex(phrase))
    except re2.error as exc:
        raise PhraseError(f"{phrase!r} cannot be compiled: {exc}") from None


@dataclass(frozen=True, slots=True)
class Hit(Generic[T]):
    start: int
    end: int
    item: T


class PhraseSet(Generic[T]):
    """Phrases with a payload each, found in one RE2 pass, leftmost-longest, no overlaps.

    The combined pattern finds where something matches; the single phrase that
    matched is then identified on that short span only, which keeps a post with
    no hits (nearly all posts) at one linear scan per set.
    """

    def __init__(self, items: Iterable[tuple[str, T]], *, stretch: bool = False,
                 exceptions: Iterable[tuple[str, T]] = ()) -> None:
        self.items = tuple((p, x) for p, x in items if p.strip())
        ordered = sorted(self.items, key=lambda px: (-len(px[0].split()), -len(px[0].replace("*", ""))))
        self._singles = [(compile_re2(phrase_regex(p, stretch)), x) for p, x in ordered]
        self._stretch = stretch
        self._exact, self._prefix, self._wild = _index([p for p, _ in ordered])
        self._except = [(compile_re2(phrase_regex(p, stretch)), x) for p, x in exceptions]
        combined = "|".join(f"(?:{phrase_regex(p, stretch)})" for p, _ in ordered)
        self._all = compile_re2(combined, longest=not stretch) if self.items else None

    def __bool__(self) -> bool:
        return self._all is not None

    def find(self, text: str) -> list[Hit[T]]:
        if self._all is None:
            return []
        hits = []
        for start, end in scan(self._all, text):
            while start < end and (text[start].isspace() or text[start] == "("):
                start += 1
            item = self._identify(text, start, end)
            if item is not None:
                hits.append(Hit(start, end, item))
        return hits

    def search(self, text: str) -> bool:
        return bool(self.find(text))

    def _identify(self, text: str, start: int, end: int) -> T | None:
        """The longest phrase that matches the span and is not excused by one of its exceptions.

        Only phrases whose first word can be the span's first word are tried, so a
        hit costs a few regex calls, not one per entry of the list.
        """
        candidates = sorted({*self._wild, *self._headed(text, start)})
        for exact in (True, False):  # a phrase whose edges need the text around it: second pass
            for index in candidates:
                regex, item = self._singles[index]
                if self._fits(regex, text, start, end, exact) and not self._excepted(text, start, end, item):
                    return item
        return None

    def _headed(self, text: str, start: int) -> list[int]:
        head = _FIRST_WORD.match(text, start)
        if head is None:
            return []
        key = _head_key(head.group(), self._stretch)
        found = list(self._exact.get(key, ()))
        for end in range(1, len(key) + 1):
            found.extend(self._prefix.get(key[:end], ()))
        return found

    @staticmethod
    def _fits(regex: Any, text: str, start: int, end: int, exact: bool) -> bool:
        if exact:
            return regex.fullmatch(text[start:end]) is not None
        base = max(0, start - 1)
        found = regex.search(text[base:end + 1])
        return found is not None and base + found.end() >= end and base + found.start() <= start + 1

    def _excepted(self, text: str, start: int, end: int, item: T) -> bool:
        base = max(0, start - 40)
        piece = text[base:end + 60]
        for regex, owner in self._except:
            if owner is item:
                for found in regex.finditer(piece):
                    if base + found.start() <= start and base + found.end() >= end:
                        return True
        return False


def scan(regex: Any, text: str) -> Iterator[tuple[int, int]]:
    """Match spans in characters, found on UTF-8 bytes: the RE2 binding maps every str offset
    by counting from the start, which makes a long post quadratic; one offset map keeps it linear."""
    data = text.encode("utf-8")
    chars = None if len(data) == len(text) else _char_offsets(text, len(data))
    for match in regex.finditer(data):
        start, end = match.span()
        yield (start, end) if chars is None else (chars[start], chars[end])


def _char_offsets(text: str, size: int) -> list[int]:
    """For each UTF-8 byte offset, the index of the character it belongs to."""
    out = [0] * (size + 1)
    at = 0
    for index, char in enumerate(text):
        width = len(char.encode("utf-8"))
        out[at:at + width] = [index] * width
        at += width
    out[size] = len(text)
    return out
