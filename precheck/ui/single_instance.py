"""One precheck per user: a second start hands its command to the running one and exits.

The running app listens on a local socket whose name is private to the user
(inside ``XDG_RUNTIME_DIR`` where there is one, else tagged with the user's
id, and always restricted to the user). Only a fixed command word ever
crosses the socket, never draft text.
"""

from __future__ import annotations

import getpass
import hashlib
import os
import sys
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

COMMANDS = ("show", "tray", "check-clipboard")
PROTOCOL = b"precheck/1 "
MAX_LINE = 64
SOCKET_FILE = "precheck.sock"
MAX_SOCKET_PATH = 100  # sun_path holds 108 bytes on Linux, 104 on macOS


def _user_tag() -> str:
    who = str(os.getuid()) if hasattr(os, "getuid") else getpass.getuser()
    return hashlib.sha256(who.encode("utf-8")).hexdigest()[:12]


def server_name() -> str:
    """A full path in the user's own runtime folder when it exists, else a per-user name."""
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime and sys.platform.startswith("linux") and Path(runtime).is_dir():
        path = str(Path(runtime) / SOCKET_FILE)
        if len(path.encode("utf-8")) <= MAX_SOCKET_PATH:
            return path
        return f"precheck-{_user_tag()}-{hashlib.sha256(path.encode('utf-8')).hexdigest()[:8]}"
    return f"precheck-{_user_tag()}"


def send_command(command: str, name: str | None = None, timeout_ms: int = 3000) -> bool | None:
    """True when a running precheck took the command, False when none runs, None when it did not answer.

    Works before any QApplication exists, so a second start never opens a display.
    """
    if command not in COMMANDS:
        raise ValueError(f"unknown command {command!r}")
    socket = QLocalSocket()
    socket.connectToServer(name or server_name())
    if not socket.waitForConnected(timeout_ms):
        return False
    socket.write(PROTOCOL + command.encode("ascii") + b"\n")
    socket.waitForBytesWritten(timeout_ms)  # False when already written; the answer tells
    answered = _wait_for_line(socket, timeout_ms) == b"ok"
    socket.disconnectFromServer()
    return True if answered else None


def _wait_for_line(socket: QLocalSocket, timeout_ms: int) -> bytes:
    while not socket.canReadLine():
        if not socket.waitForReadyRead(timeout_ms):
            return b""
    return bytes(socket.readLine(MAX_LINE).data()).strip()


def _listening(name: str) -> bool:
    """Connects without sending anything, so the running instance does nothing."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    found = socket.waitForConnected(1000)
    socket.abort()
    return found


class SingleInstance(QObject):
    """The running app's end: emits ``commandReceived`` for each valid command."""

    commandReceived = Signal(str)

    def __init__(self, name: str | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name or server_name()
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._accept)

    def listen(self) -> bool:
        """False when another instance is already listening (it won a race with this one).

        Asks first: with ``UserAccessOption`` Qt moves its socket into place and
        would silently take the name from a running instance.
        """
        if _listening(self.name):
            return False
        QLocalServer.removeServer(self.name)  # a stale socket left by a crash, if any
        return self.server.listen(self.name)

    def close(self) -> None:
        self.server.close()

    def _accept(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)

    def _read(self, socket: QLocalSocket) -> None:
        if not socket.canReadLine():
            if socket.bytesAvailable() > MAX_LINE:
                socket.abort()
            return
        line = bytes(socket.readLine(MAX_LINE).data()).strip()
        command = line.removeprefix(PROTOCOL.strip()).strip().decode("ascii", "replace")
        known = line.startswith(PROTOCOL.strip()) and command in COMMANDS
        socket.write(b"ok\n" if known else b"unknown\n")
        socket.flush()
        if known:
            self.commandReceived.emit(command)
