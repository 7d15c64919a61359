"""Reading a pack repository from a folder or a web server, with hard size limits."""

from __future__ import annotations

import base64
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path, PurePosixPath
from typing import Protocol

from precheck.core.errors import PrecheckError

CREDENTIALS_SERVICE = "precheck-pack-source"
TIMEOUT_S = 20


class UpdateError(PrecheckError):
    """An update was refused; the packs that were active stay active."""

    code = "E230"
    exit_code = 5


class Fetcher(Protocol):
    def get(self, name: str, limit: int) -> bytes: ...


def safe_name(name: object) -> str:
    """A repository-relative path that cannot climb out of the repository."""
    if not isinstance(name, str) or not name or "\\" in name or ":" in name:
        raise UpdateError(f"refused path {name!r} in the index: not a plain relative path")
    path = PurePosixPath(name)
    if path.is_absolute() or ".." in path.parts:
        raise UpdateError(f"refused path {name!r} in the index: it escapes the repository")
    return name


class FolderFetcher:
    def __init__(self, root: Path) -> None:
        if not root.is_dir():
            raise UpdateError(f"{root}: no such pack repository folder")
        self.root = root.resolve()

    def get(self, name: str, limit: int) -> bytes:
        path = (self.root / safe_name(name)).resolve()
        if not path.is_relative_to(self.root):
            raise UpdateError(f"refused path {name!r}: it leads outside the repository")
        try:
            with path.open("rb") as handle:
                return _limited(handle.read(limit + 1), limit, name)
        except FileNotFoundError:
            raise UpdateError(f"the repository has no {name}") from None
        except OSError as exc:
            raise UpdateError(f"cannot read {name} from the repository ({exc.strerror})") from None


class HttpFetcher:
    """HTTP(S); credentials, when a source needs them, come from the OS keyring."""

    def __init__(self, base_url: str, credentials: str | None = None) -> None:
        self.base = base_url if base_url.endswith("/") else base_url + "/"
        self.credentials = credentials

    def get(self, name: str, limit: int) -> bytes:
        request = urllib.request.Request(urllib.parse.urljoin(self.base, safe_name(name)))
        if self.credentials:
            token = base64.b64encode(self.credentials.encode("utf-8")).decode("ascii")
            request.add_header("Authorization", f"Basic {token}")
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT_S) as response:
                return _limited(response.read(limit + 1), limit, name)
        except urllib.error.HTTPError as exc:
            raise UpdateError(f"the server answered {exc.code} for {name}") from None
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise UpdateError(f"cannot reach the pack server ({reason})") from None


def _limited(data: bytes, limit: int, name: str) -> bytes:
    if len(data) > limit:
        raise UpdateError(f"{name} is larger than the {limit} bytes allowed; refused")
    return data


def fetcher_for(source: str) -> Fetcher:
    parsed = urllib.parse.urlparse(source)
    if parsed.scheme in ("http", "https"):
        return HttpFetcher(source, _credentials(parsed.hostname or ""))
    if parsed.scheme == "file":
        return FolderFetcher(Path(urllib.request.url2pathname(parsed.path)))
    if parsed.scheme and len(parsed.scheme) > 1:
        raise UpdateError(f"unsupported update source {source!r}: use a folder, file://, http:// or https://")
    return FolderFetcher(Path(source))


def _credentials(host: str) -> str | None:
    try:
        import keyring

        return keyring.get_password(CREDENTIALS_SERVICE, host)
    except Exception:  # no keyring simply means no credentials
        return None
