"""A LanguageTool server on this machine: found, started once in the background, reused, stopped.

It listens on 127.0.0.1 only (LanguageTool binds to localhost unless told
``--public``), on a free port, and never gets ``--allow-origin``: no web page
in the user's browser needs to reach it. Its output is kept in memory while it
starts (to explain a failure) and discarded afterwards, so no draft text ends
up in a log.
"""

from __future__ import annotations

import atexit
import collections
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from precheck.nlp.languagetool_client import GrammarStarting, GrammarUnavailable

SERVER_CLASS = "org.languagetool.server.HTTPServer"
JAR_NAMES = ("languagetool-server.jar", "LanguageTool.jar", "languagetool.jar")


class ServerState(StrEnum):
    IDLE = "idle"
    STARTING = "starting"
    READY = "ready"
    FAILED = "failed"


@dataclass(frozen=True)
class Installation:
    jar: Path
    version: str


def _ltp_locations() -> tuple[str | None, Path]:
    """language_tool_python's own places: ``LTP_JAR_DIR_PATH`` and its download folder (``LTP_PATH``)."""
    try:
        from language_tool_python import utils as ltp

        jar_var, path_var = ltp.LTP_JAR_DIR_PATH_ENV_VAR, ltp.LTP_PATH_ENV_VAR
    except Exception:  # an incompatible or broken install must not stop the search
        jar_var, path_var = "LTP_JAR_DIR_PATH", "LTP_PATH"
    download = os.environ.get(path_var) or str(Path.home() / ".cache" / "language_tool_python")
    return os.environ.get(jar_var), Path(download)


def search_places(configured: Path | None = None) -> list[Path]:
    """Where we look, in order; shown to the user when nothing is found."""
    jar_dir, download = _ltp_locations()
    places = [configured] if configured else []
    if jar_dir:
        places.append(Path(jar_dir))
    places.append(download)
    return places


def find_installation(configured: Path | None = None) -> Installation | None:
    """The configured path wins; otherwise the newest LanguageTool-* folder language_tool_python knows."""
    for place in search_places(configured):
        found = _installation_in(place)
        if found:
            return found
    return None


def _installation_in(place: Path) -> Installation | None:
    if place.is_file() and place.suffix == ".jar":
        return Installation(place, _version_of(place.parent))
    if not place.is_dir():
        return None
    jar = _jar_in(place)
    if jar:
        return Installation(jar, _version_of(place))
    folders = sorted((p for p in place.glob("LanguageTool*") if p.is_dir()), key=_version_key, reverse=True)
    for folder in folders:
        jar = _jar_in(folder)
        if jar:
            return Installation(jar, _version_of(folder))
    return None


def _jar_in(folder: Path) -> Path | None:
    return next((folder / n for n in JAR_NAMES if (folder / n).is_file()), None)


def _version_of(folder: Path) -> str:
    return folder.name.removeprefix("LanguageTool-") if folder.name.startswith("LanguageTool-") else "?"


def _version_key(folder: Path) -> tuple[int, ...]:
    return tuple(int(n) for n in re.findall(r"\d+", folder.name)[:3])


def find_java(configured: str | None = None) -> Path | None:
    """A configured java, then ``JAVA_HOME``, then the PATH."""
    candidates = [configured] if configured else []
    home = os.environ.get("JAVA_HOME")
    if home:
        candidates.append(str(Path(home) / "bin" / ("java.exe" if sys.platform == "win32" else "java")))
    candidates.append(shutil.which("java"))
    for candidate in candidates:
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return Path(candidate)
    return None


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class LocalServer:
    """Thread-safe; ``endpoint`` starts the server on first use and waits at most ``wait`` seconds."""

    def __init__(
        self, configured_path: Path | None = None, java: str | None = None, port: int | None = None,
        startup_timeout: float = 120.0,
    ) -> None:
        self._configured, self._java, self._port = configured_path, java, port
        self._startup_timeout = startup_timeout
        self._lock = threading.Lock()
        self._ready = threading.Event()
        self._state = ServerState.IDLE
        self._problem = ""
        self._url = ""
        self._process: subprocess.Popen[bytes] | None = None
        self._stderr: collections.deque[str] = collections.deque(maxlen=20)

    @property
    def state(self) -> ServerState:
        return self._state

    def describe(self) -> str:
        return f"a local LanguageTool at {self._url}" if self._url else "a local LanguageTool on this computer"

    def start(self) -> None:
        """Idempotent and quick: the Java start-up itself runs on a background thread."""
        with self._lock:
            if self._state is not ServerState.IDLE:
                return
            self._state = ServerState.STARTING
        threading.Thread(target=self._launch, name="precheck-languagetool", daemon=True).start()

    def endpoint(self, wait: float) -> str:
        self.start()
        self._ready.wait(max(0.0, wait))
        if self._state is ServerState.READY:
            return self._url
        if self._state is ServerState.FAILED:
            raise GrammarUnavailable(self._problem, retry=False)
        raise GrammarStarting()

    def _launch(self) -> None:
        try:
            self._url = self._run()
            self._state = ServerState.READY
        except GrammarUnavailable as exc:
            self._failed(exc.notice)
        except Exception as exc:  # a start-up bug must end in a status, never in a thread's traceback
            self._failed(f"Grammar checks are off: the local LanguageTool could not be started ({type(exc).__name__}).")
        finally:
            self._ready.set()

    def _failed(self, notice: str) -> None:
        self._problem, self._state = notice, ServerState.FAILED
        self.close()

    def _run(self) -> str:
        java = find_java(self._java)
        if java is None:
            raise GrammarUnavailable("Grammar checks are off: Java is not installed (LanguageTool needs Java 17).")
        found = find_installation(self._configured)
        if found is None:
            places = ", ".join(str(p) for p in search_places(self._configured))
            raise GrammarUnavailable(
                f"Grammar checks are off: no local LanguageTool installation was found (looked in {places})."
            )
        port = self._port or free_port()
        self._spawn([str(java), "-cp", str(found.jar), SERVER_CLASS, "--port", str(port)])
        url = f"http://127.0.0.1:{port}"
        self._wait_until_answering(url)
        return url

    def _spawn(self, command: list[str]) -> None:
        flags = getattr(subprocess, "CREATE_NO_WINDOW", 0) if sys.platform == "win32" else 0
        try:
            self._process = subprocess.Popen(
                command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                creationflags=flags, start_new_session=sys.platform != "win32",
            )
        except OSError as exc:
            raise GrammarUnavailable(f"Grammar checks are off: Java could not be run ({exc.strerror}).") from None
        atexit.register(self.close)
        threading.Thread(target=self._drain, args=(self._process,), daemon=True).start()

    def _drain(self, process: subprocess.Popen[bytes]) -> None:
        """Keep the last lines only while starting: afterwards they could quote a draft."""
        assert process.stderr is not None
        for line in process.stderr:
            if self._state is ServerState.STARTING:
                self._stderr.append(line.decode("utf-8", "replace").rstrip())

    def _wait_until_answering(self, url: str) -> None:
        deadline = time.monotonic() + self._startup_timeout
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        while time.monotonic() < deadline:
            if self._process is not None and self._process.poll() is not None:
                raise GrammarUnavailable(self._exit_notice(self._process.returncode))
            try:
                with opener.open(url + "/v2/languages", timeout=2) as response:
                    if response.status == 200:
                        self._stderr.clear()
                        return
            except OSError:
                pass
            time.sleep(0.25)
        raise GrammarUnavailable("Grammar checks are off: the local LanguageTool did not start in time.")

    def _exit_notice(self, code: int) -> str:
        log = "\n".join(self._stderr)
        if "UnsupportedClassVersionError" in log:
            return "Grammar checks are off: this LanguageTool needs a newer Java (17 or later)."
        return f"Grammar checks are off: the local LanguageTool stopped while starting (exit code {code})."

    def close(self) -> None:
        """Stop the server with the app; safe to call twice and from atexit."""
        process, self._process = self._process, None
        with self._lock:
            if self._state is ServerState.READY:
                self._state, self._url = ServerState.IDLE, ""
                self._ready.clear()
        if process is None or process.poll() is not None:
            return
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)
