"""One precheck per user: the socket is private, a command crosses it, anything else is refused."""

from __future__ import annotations

import os
import socket
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from precheck.ui.single_instance import SingleInstance, send_command, server_name
from tests.ui.helpers import wait_until

pytestmark = pytest.mark.gui


def in_thread(function):
    """The client blocks while it waits for the answer; the server needs this thread's event loop."""
    result: dict[str, object] = {}
    worker = threading.Thread(target=lambda: result.setdefault("value", function()))
    worker.start()
    wait_until(lambda: not worker.is_alive())
    return result["value"]


@pytest.fixture
def instance(qapp):
    running = SingleInstance()
    assert running.listen()
    yield running
    running.close()


def test_the_socket_lives_in_the_users_runtime_folder_and_only_the_user_may_use_it(instance):
    path = Path(os.environ["XDG_RUNTIME_DIR"]) / "precheck.sock"
    assert server_name() == str(path)
    assert stat.S_ISSOCK(path.stat().st_mode)
    assert path.stat().st_mode & 0o077 == 0


def test_a_runtime_folder_too_deep_for_a_socket_path_gets_a_short_per_user_name(tmp_path, monkeypatch):
    deep = tmp_path / ("d" * 120)
    deep.mkdir()
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(deep))
    name = server_name()
    assert name.startswith("precheck-") and "/" not in name


def test_with_nothing_running_the_command_is_not_taken(qapp):
    assert send_command("show") is False


def send_from_another_process(command: str) -> str:
    """``send_command`` blocks holding the GIL, so the client runs in a process of its own."""
    code = f"from precheck.ui.single_instance import send_command; print(send_command({command!r}))"
    client = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    wait_until(lambda: client.poll() is not None, 30_000)
    return client.communicate()[0].strip()


def test_a_command_reaches_the_running_instance(instance):
    received: list[str] = []
    instance.commandReceived.connect(received.append)
    assert send_from_another_process("check-clipboard") == "True"
    wait_until(lambda: received)
    assert received == ["check-clipboard"]


def test_only_known_commands_are_sent_or_obeyed(instance):
    with pytest.raises(ValueError):
        send_command("rm -rf")
    received: list[str] = []
    instance.commandReceived.connect(received.append)

    def raw(line: bytes) -> bytes:
        with socket.socket(socket.AF_UNIX) as client:
            client.connect(server_name())
            client.sendall(line)
            return client.recv(64)

    assert in_thread(lambda: raw(b"precheck/1 format-disk\n")) == b"unknown\n"
    assert in_thread(lambda: raw(b"show\n")) == b"unknown\n", "no protocol tag, no command"
    assert received == []


def test_a_second_listener_steps_back(instance):
    second = SingleInstance()
    assert second.listen() is False


def test_a_socket_left_by_a_crash_is_taken_over(qapp):
    stale = socket.socket(socket.AF_UNIX)
    stale.bind(server_name())
    stale.close()  # the file stays, nobody listens
    running = SingleInstance()
    try:
        assert running.listen()
    finally:
        running.close()


def test_an_instance_that_does_not_answer_is_reported(qapp):
    from precheck.ui.app import _handed

    with socket.socket(socket.AF_UNIX) as hung:
        hung.bind(server_name())
        hung.listen(1)
        assert send_command("show", timeout_ms=300) is None
    assert _handed(None) == 1
