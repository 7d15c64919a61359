"""Prints the bundle's size and its largest parts, so a growing dependency is seen at once."""

from __future__ import annotations

import sys
from pathlib import Path


def folder_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def largest_parts(root: Path, count: int = 15) -> list[tuple[int, str]]:
    """Top-level entries of _internal/, with Qt's library folder split out."""
    internal = root / "_internal"
    parts = [p for p in internal.iterdir() if p.name != "PySide6"] + list((internal / "PySide6").iterdir())
    sizes = [(folder_size(p) if p.is_dir() else p.stat().st_size, str(p.relative_to(root))) for p in parts
             if not p.is_symlink()]
    return sorted(sizes, reverse=True)[:count]


def main() -> None:
    root = Path(sys.argv[1] if len(sys.argv) > 1 else "dist/precheck")
    print(f"bundle {root}: {folder_size(root) / 2**20:.0f} MB unpacked (target < 250 MB)")
    for size, name in largest_parts(root):
        print(f"  {size / 2**20:7.1f} MB  {name}")


if __name__ == "__main__":
    main()
