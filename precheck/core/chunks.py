"""Paragraph-sized chunks, so a small edit in a long post re-checks only what changed."""

from __future__ import annotations

import re

SINGLE_CHUNK_LIMIT = 3000
MAX_CHUNK = 4000
_BLANK_LINES = re.compile(r"\n[ \t\r\f\v]*\n\s*")


def split_chunks(text: str) -> list[tuple[int, str]]:
    """Cut at blank lines, and long paragraphs at line or word breaks.

    Cut points depend only on the paragraph they fall in, so an edit moves
    the chunks of its own paragraph and leaves every other chunk identical.
    """
    if len(text) <= SINGLE_CHUNK_LIMIT:
        return [(0, text)] if text else []
    chunks: list[tuple[int, str]] = []
    start = 0
    for sep in _BLANK_LINES.finditer(text):
        chunks.extend(_cut_paragraph(text, start, sep.start()))
        start = sep.end()
    chunks.extend(_cut_paragraph(text, start, len(text)))
    return chunks


def _cut_paragraph(text: str, start: int, end: int) -> list[tuple[int, str]]:
    pieces: list[tuple[int, str]] = []
    while end - start > MAX_CHUNK:
        cut = _break_before(text, start, start + MAX_CHUNK)
        pieces.append((start, text[start:cut]))
        start = cut
    if end > start:
        pieces.append((start, text[start:end]))
    return pieces


def _break_before(text: str, start: int, limit: int) -> int:
    """The last line break, else the last space, in the second half of the window."""
    floor = start + MAX_CHUNK // 2
    for sep in ("\n", " "):
        at = text.rfind(sep, floor, limit)
        if at != -1:
            return at + 1
    return limit
