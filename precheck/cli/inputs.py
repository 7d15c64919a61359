"""Reading a draft from a file or standard input, refusing what is not text."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import BinaryIO

from precheck.core.errors import InputError

MAX_INPUT_BYTES = 16 * 1024 * 1024


def read_text(source: str, stdin: BinaryIO | None = None) -> str:
    """The draft as text; ``-`` means standard input. One clear error for anything else."""
    raw = _read_stdin(stdin) if source == "-" else _read_file(Path(source))
    return decode(raw, "standard input" if source == "-" else source)


def _read_stdin(stdin: BinaryIO | None) -> bytes:
    stream = stdin or sys.stdin.buffer
    raw = stream.read(MAX_INPUT_BYTES + 1)
    _check_size(len(raw), "standard input")
    return raw


def _read_file(path: Path) -> bytes:
    if path.is_dir():
        raise InputError(f"{path} is a folder; give the file that holds the draft")
    try:
        size = path.stat().st_size
        _check_size(size, str(path))
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None


def _check_size(size: int, where: str) -> None:
    if size > MAX_INPUT_BYTES:
        raise InputError(
            f"{where} is larger than {MAX_INPUT_BYTES // 2**20} MB; precheck checks posts, not archives"
        )


def decode(raw: bytes, where: str) -> str:
    """UTF-8 (with or without BOM); binary data and other encodings get a clear refusal."""
    if b"\x00" in raw[:8192]:
        raise InputError(f"{where} looks like a binary file, not text")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{where} is not UTF-8 text (invalid byte at position {exc.start}); save it as UTF-8"
        ) from None
    return text
