"""Shared steps of the GUI tests: paste like a user, wait like a user."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from PySide6.QtCore import QEventLoop, QTimer

from precheck.rulepacks.repository import publish
from precheck.rulepacks.signing import public_key_text

FIXTURES = Path(__file__).parent / "fixtures"
TEST_PACK = FIXTURES / "ui-test-pack.yaml"
AWS_KEY = "AKIAZ7EXAMPLE4NWL2QX"
REPOSITORY_PACK = """pack: acme-confidential
version: 2.1.0
name: ACME confidential terms
terms:
  - kind: codename
    category: confidential
    severity: block
    values: ["Project Falcon"]
"""
DEPARTMENT_PACK = """pack: sales-terms
version: 1.0.0
name: Sales department terms
terms:
  - kind: customer_name
    category: confidential
    severity: block
    values: ["Hollandia Foods"]
"""


def wait_until(condition: Callable[[], object], timeout: int = 10_000) -> None:
    """Like ``qtbot.waitUntil``, but waiting in an event loop, as the app does.

    ``QTest.qWait`` (behind ``qtbot.waitUntil``) holds Python's GIL while it
    sleeps, which starves the checker thread; an event loop releases it.
    """
    deadline = time.monotonic() + timeout / 1000
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"not true within {timeout} ms")
        loop = QEventLoop()
        QTimer.singleShot(10, loop.quit)
        loop.exec()


def wait_checked(qtbot, window, timeout: int = 10_000) -> None:
    """Until the final report for exactly the text now in the editor is on screen."""
    wait_until(
        lambda: window.is_current()
        and window.review.report.complete
        and not window.editor.highlighter.pending,
        timeout,
    )


def paste(qtbot, window, text: str) -> None:
    """Paste as a user would (one undoable insert), then wait for the check."""
    window.editor.selectAll()
    window.editor.insertPlainText(text)
    wait_checked(qtbot, window)


def admin_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    """The machine configuration IT would write, for this test only."""
    path = tmp_path / "admin.toml"
    path.write_text(text, encoding="utf-8")
    monkeypatch.setenv("PRECHECK_ADMIN_CONFIG", str(path))


def publish_repository(tmp_path: Path, key: Ed25519PrivateKey, name: str, pack_text: str) -> Path:
    """A folder repository ``repo`` (or ``repo-NAME``) holding one pack, signed with ``key``."""
    pack = tmp_path / f"{name}.yaml"
    pack.write_text(pack_text, encoding="utf-8")
    repo = tmp_path / ("repo" if name == "acme" else f"repo-{name}")
    publish(key, [pack], repo, repository=name)
    return repo


def signed_repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, settings_text: str = "") -> Path:
    """A folder repository signed with a key the administrator's configuration trusts."""
    key = Ed25519PrivateKey.generate()
    repo = publish_repository(tmp_path, key, "acme", REPOSITORY_PACK)
    admin_config(tmp_path, monkeypatch, f'[packs]\ntrusted_keys = ["{public_key_text(key.public_key())}"]\n'
                                        f'update_source = "{repo}"\n{settings_text}')
    return repo


def signed_repositories(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, department_signer: str = "department",
                        settings_text: str = "") -> tuple[Path, Path]:
    """The organisation's repository ``acme`` and the department's ``sales``, both configured by IT.

    IT trusts the department's own key; ``department_signer="stranger"`` signs the department's
    index with a key nobody configured, as a forged repository would.
    """
    organisation, department = Ed25519PrivateKey.generate(), Ed25519PrivateKey.generate()
    signer = department if department_signer == "department" else Ed25519PrivateKey.generate()
    org_repo = publish_repository(tmp_path, organisation, "acme", REPOSITORY_PACK)
    dep_repo = publish_repository(tmp_path, signer, "sales", DEPARTMENT_PACK)
    admin_config(tmp_path, monkeypatch, f"""[packs]
trusted_keys = ["{public_key_text(organisation.public_key())}"]
update_source = "{org_repo}"
department_source = "{dep_repo}"
department_keys = ["{public_key_text(department.public_key())}"]
{settings_text}""")
    return org_repo, dep_repo


def run_app(look: Callable[[], None], *args: str) -> int:
    """Run ``precheck.ui.app.main`` with ``look`` queued first, and drop the log handlers it adds."""
    from precheck.ui import app

    handlers = list(logging.getLogger().handlers)
    QTimer.singleShot(0, look)
    try:
        return app.main(list(args))
    finally:
        for handler in set(logging.getLogger().handlers) - set(handlers):
            handler.close()
            logging.getLogger().removeHandler(handler)
