"""Times the frozen app from launch to its visible main window and to checks being ready
(the app's start-up log line: packs, models and warm-up done, so a first check answers at
once), and lists the shared libraries it then has loaded from outside the bundle (a library
the bundle lacks shows up there, or the app fails to start on machines without it).

Run under an X display, e.g. ``xvfb-run -a -s "-noreset" .venv/bin/python packaging/frozen_start.py``
(without -noreset, Xvfb resets whenever its last client leaves, and a start can miss it).
Settings and the single-instance socket go to a temporary folder.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TITLE = "Precheck: check a post"


def visible_window(title: str) -> bool:
    tree = subprocess.run(["xwininfo", "-root", "-tree"], capture_output=True, text=True).stdout
    for window_id in re.findall(rf'^\s*(0x[0-9a-f]+) "{re.escape(title)}', tree, re.MULTILINE):
        info = subprocess.run(["xwininfo", "-id", window_id], capture_output=True, text=True).stdout
        if "IsViewable" in info:
            return True
    return False


def outside_libraries(pid: int, bundle: Path) -> list[str]:
    maps = Path(f"/proc/{pid}/maps").read_text()
    paths = {line.split(None, 5)[5] for line in maps.splitlines() if len(line.split(None, 5)) == 6}
    inside = str(bundle.resolve())
    return sorted(p for p in paths if ".so" in p and not p.startswith(inside))


def launch(bundle: Path, limit: float) -> tuple[float, float, list[str], str]:
    with tempfile.TemporaryDirectory(prefix="precheck-start-") as root:
        env = {"HOME": os.environ["HOME"], "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}
        env.update({name: os.environ[name] for name in ("DISPLAY", "XAUTHORITY") if name in os.environ})
        for variable in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME", "XDG_RUNTIME_DIR"):
            env[variable] = os.path.join(root, variable.lower())
            os.makedirs(env[variable], mode=0o700)
        with open(os.path.join(root, "output.txt"), "w+") as log:
            began = time.perf_counter()
            proc = subprocess.Popen([str(bundle / "precheck"), "gui"], env=env, stdout=log, stderr=subprocess.STDOUT)
            try:
                return (*_watch(proc, bundle, began, limit, Path(root)), _output(log))
            except (RuntimeError, TimeoutError) as error:
                raise SystemExit(f"{error}; the app said:\n{_output(log)}") from None
            finally:
                if proc.poll() is None:
                    proc.terminate()
                    proc.wait(10)


def _output(log) -> str:
    log.seek(0)
    return log.read()


def _watch(proc: subprocess.Popen, bundle: Path, began: float, limit: float,
           root: Path) -> tuple[float, float, list[str]]:
    visible = _wait(lambda: visible_window(TITLE), proc, began, limit, "no visible window")
    ready = _wait(lambda: _logged(root, "checks ready"), proc, began, limit, "checks never became ready")
    libraries = outside_libraries(proc.pid, bundle)
    if proc.poll() is not None or not libraries:
        raise RuntimeError(f"the app exited ({proc.wait()}) after showing its window")
    return visible, ready, libraries


def _wait(done, proc: subprocess.Popen, began: float, limit: float, problem: str) -> float:
    while not done():
        if proc.poll() is not None:
            raise RuntimeError(f"the app exited with {proc.returncode}")
        if time.perf_counter() - began > limit:
            raise TimeoutError(problem)
        time.sleep(0.01)
    return time.perf_counter() - began


def _logged(root: Path, needle: str) -> bool:
    return any(needle in path.read_text(encoding="utf-8", errors="replace")
               for path in root.rglob("precheck-gui.log"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("bundle", nargs="?", default="dist/precheck", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--limit", type=float, default=60.0, help="seconds to wait for the window")
    args = parser.parse_args()
    if not os.environ.get("DISPLAY"):
        print("no X display: run under xvfb-run", file=sys.stderr)
        return 2
    times = []
    for run in range(args.runs):
        elapsed, ready, libraries, output = launch(args.bundle, args.limit)
        times.append(elapsed)
        print(f"run {run + 1}: launch -> visible window {elapsed * 1000:.0f} ms, -> checks ready {ready * 1000:.0f} ms")
    print("loaded from outside the bundle:", *libraries, sep="\n    ")
    if output.strip():
        print("app output:", *output.strip().splitlines(), sep="\n    ")
    print(f"first run {times[0] * 1000:.0f} ms, best {min(times) * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
