"""Reading one mapping of a pack: every problem collected, each with its position."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from precheck.rulepacks.model import Wording
from precheck.rulepacks.yaml_lines import Located

LANGUAGES = ("en", "nl")


class Problems:
    """All problems of one pack file, so an admin sees every mistake in one run."""

    def __init__(self, source: Path | str) -> None:
        self.source = str(source)
        self.items: list[str] = []

    def add(self, where: tuple[int, int], message: str) -> None:
        line, column = where
        self.items.append(f"{self.source}:{line}:{column}: {message}")

    def __bool__(self) -> bool:
        return bool(self.items)


class Fields:
    """Typed access to a YAML mapping that reports wrong types and unknown keys."""

    def __init__(self, data: Located, problems: Problems, what: str) -> None:
        self.data, self.problems, self.what = data, problems, what

    def unknown(self, allowed: Iterable[str]) -> None:
        allowed = list(allowed)
        for key in self.data:
            if key not in allowed:
                hint = difflib.get_close_matches(str(key), allowed, n=1)
                tip = f"; did you mean {hint[0]!r}?" if hint else f"; allowed: {', '.join(allowed)}"
                self.problems.add(self.data.where(str(key)), f"unknown key {key!r} in {self.what}{tip}")

    def get(self, key: str, kind: type | tuple[type, ...], default: Any = None, *, required: bool = False) -> Any:
        if key not in self.data or self.data[key] is None:
            if required:
                self.problems.add(self.data.where(), f"{self.what} needs {key!r}")
            return default
        value = self.data[key]
        if isinstance(value, bool) and kind in (int, float, (int, float)):
            value = None
        if value is None or not isinstance(value, kind):
            names = kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
            self.problems.add(self.data.where(key), f"{key!r} in {self.what} must be a {names}")
            return default
        return value

    def choice(self, key: str, options: Iterable[str], default: str | None = None, *, required: bool = False) -> Any:
        options = list(options)
        value = self.get(key, str, default, required=required)
        if value is not None and value not in options:
            self.problems.add(self.data.where(key), f"{key!r} must be one of {', '.join(options)}, not {value!r}")
            return default
        return value

    def strings(self, key: str, *, required: bool = False, allow_empty: bool = True) -> tuple[str, ...] | None:
        value = self.get(key, list, required=required)
        if value is None:
            return None
        if not all(isinstance(v, str) and v.strip() for v in value):
            self.problems.add(self.data.where(key), f"{key!r} in {self.what} must be a list of non-empty strings")
            return None
        if not value and not allow_empty:
            self.problems.add(self.data.where(key), f"{key!r} in {self.what} is empty")
            return None
        return tuple(value)

    def subset(self, key: str, options: Iterable[str]) -> frozenset[str] | None:
        options = list(options)
        values = self.strings(key, allow_empty=False)
        if values is None:
            return None
        bad = [v for v in values if v not in options]
        if bad:
            self.problems.add(self.data.where(key), f"{key!r} may only hold {', '.join(options)}; not {', '.join(bad)}")
            return None
        return frozenset(values)


def wording(f: Fields, key: str = "replacement", *, required: bool = False) -> Wording | None:
    """A text written once (every language) or as ``{en: ..., nl: ...}``: replacements, messages, policy names."""
    value = f.get(key, (str, dict), required=required)
    if value is None:
        return None
    if isinstance(value, str):
        return Wording(everywhere=value)
    entries = []
    for language, text in value.items():
        if language not in LANGUAGES or not isinstance(text, str):
            f.problems.add(value.where(str(language)) if isinstance(value, Located) else f.data.where(key),
                           f"{key!r} in {f.what} maps a language ({', '.join(LANGUAGES)}) to text, "
                           f"not {language!r}: {text!r}")
            return None
        entries.append((language, text))
    if not entries:
        f.problems.add(f.data.where(key), f"{key!r} in {f.what} is empty")
        return None
    return Wording(per_language=tuple(entries))
