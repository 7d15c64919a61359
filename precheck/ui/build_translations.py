"""Compile the interface translations (.ts sources) into the .qm files Qt loads.

Run by ``make install`` and by the GUI tests; the app also calls
``ensure_compiled`` at start so a fresh checkout speaks Dutch without a build step.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from precheck.paths import resources_dir


def translations_dir() -> Path:
    return resources_dir() / "translations"


def find_lrelease() -> Path | None:
    """The venv's pyside6-lrelease, else the lrelease inside the PySide6 package, else PATH."""
    candidates = [Path(sys.executable).parent / "pyside6-lrelease"]
    try:
        import PySide6

        candidates.append(Path(PySide6.__file__).parent / "lrelease")
    except ImportError:
        pass
    found = shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    candidates.extend(Path(p) for p in (found,) if p)
    return next((c for c in candidates if c.is_file()), None)


def stale(ts: Path) -> bool:
    qm = ts.with_suffix(".qm")
    return not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime


def ensure_compiled(folder: Path | None = None) -> list[Path]:
    """Build every missing or outdated .qm; returns the files it wrote."""
    folder = folder or translations_dir()
    todo = [ts for ts in sorted(folder.glob("*.ts")) if stale(ts)]
    if not todo:
        return []
    tool = find_lrelease()
    if tool is None:
        raise FileNotFoundError("lrelease not found; install pyside6-essentials")
    for ts in todo:
        subprocess.run(
            [str(tool), "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))],
            check=True, capture_output=True,
        )
    return [ts.with_suffix(".qm") for ts in todo]


def main(argv: list[str] | None = None) -> int:
    try:
        written = ensure_compiled()
    except (FileNotFoundError, subprocess.CalledProcessError, OSError) as exc:
        print(f"precheck: cannot build translations: {exc}", file=sys.stderr)
        return 1
    for qm in written:
        print(f"built {qm}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
