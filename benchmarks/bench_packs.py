"""A 50,000-term pack through the admin's and the client's steps: validate, sign, update, load.

Prints figures; asserts nothing. Target (issue 7): under 200 ms on the client
from disk to a ready term matcher. YAML is for authoring; ``update`` leaves a
JSON twin next to each verified pack, which the loader prefers while it
matches the YAML's SHA-256 (precheck/rulepacks/compiled.py); the client keeps
the built matcher in its cache folder (precheck/detectors/term_cache.py).

The terms look like a company's: pronounceable names in codenames, customers
with legal suffixes, products with editions, host names.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from precheck.detectors.term_cache import TermCache
from precheck.detectors.terms import TermDetector
from precheck.rulepacks.compiled import twin_path
from precheck.rulepacks.fetch import FolderFetcher
from precheck.rulepacks.install import installed_pack_paths, update
from precheck.rulepacks.loader import forget_loaded_packs, load_pack
from precheck.rulepacks.repository import publish
from precheck.rulepacks.signing import public_key_text

TERMS = 50_000
SYLLABLES = ("ka", "lo", "mi", "ra", "ven", "tor", "sel", "dun", "bri", "gal", "nor", "pe", "sto", "que", "fal", "ix")
KINDS = {
    "codename": "Project {Name}",
    "customer_name": "{Name} Holdings B.V.",
    "unreleased_product": "{Name} Pro {edition}",
    "internal_host": "{name}-{edition}.corp.example.com",
    "internal_term": "{Name} programme",
}


def made_up_name(i: int) -> str:
    letters = ""
    while True:
        i, digit = divmod(i, len(SYLLABLES))
        letters += SYLLABLES[digit]
        if not i:
            return letters


def big_pack(path: Path) -> None:
    lines = ["pack: bench-terms", "version: 1.0.0", "name: 50,000 company terms", "terms:"]
    per_kind = TERMS // len(KINDS)
    for k, (kind, form) in enumerate(KINDS.items()):
        lines += [f"  - id: {kind}", f"    kind: {kind}", "    category: confidential", "    severity: block",
                  "    replacement: \"an internal name\"", "    values:"]
        for i in range(per_kind):
            name = made_up_name(k * per_kind + i + 4096)
            value = form.format(Name=name.capitalize(), name=name, edition=i % 9 + 1)
            lines.append(f"      - \"{value}\"")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def timed(label: str, fn: Callable[[], Any], repeats: int = 1) -> Any:
    best, result = float("inf"), None
    for _ in range(repeats):
        forget_loaded_packs()  # every step reads its packs cold, as a client's first start does
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    print(f"{label:<48} {best * 1000:9.1f} ms")
    return result


def client_load(path: Path, cache: TermCache | None = None) -> TermDetector:
    pack = load_pack(path)
    return TermDetector(pack.terms, cache)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        source = root / "bench-terms.yaml"
        big_pack(source)
        print(f"pack: {TERMS:,} terms, {source.stat().st_size / 2**20:.1f} MB of YAML")
        timed("validate (parse YAML + check every field)", lambda: load_pack(source))
        key = Ed25519PrivateKey.generate()
        timed("publish (validate + hash + sign the index)", lambda: publish(key, [source], root / "repo"))
        trusted = [public_key_text(key.public_key())]
        timed("update (verify + parse + install + JSON twin)",
              lambda: update(FolderFetcher(root / "repo"), trusted, root / "installed"))
        installed = installed_pack_paths(root / "installed")[0]
        print(f"JSON twin written: {twin_path(installed).exists()} "
              f"({twin_path(installed).stat().st_size / 2**20:.1f} MB)")
        pack = timed("client load from the JSON twin (pack only)", lambda: load_pack(installed), 3)
        timed("term matcher build (Aho-Corasick, detectors/terms)", lambda: TermDetector(pack.terms), 3)
        detector = timed("client load from the JSON twin, matcher built", lambda: client_load(installed), 3)
        cache = TermCache(root / "cache")
        timed("  first start: build and store in the term cache", lambda: client_load(installed, cache))
        ready = timed("TARGET disk to ready matcher (twin + term cache)", lambda: client_load(installed, cache), 5)
        size = sum(p.stat().st_size for p in (root / "cache").iterdir())
        print(f"term cache file: {size / 2**20:.1f} MB; same keys as a fresh build: {ready.keys == detector.keys}")
        twin_path(installed).unlink()
        timed("client load from YAML (no twin, pack only)", lambda: load_pack(installed))
        timed("client load from YAML (no twin), matcher ready", lambda: client_load(installed))
        print(f"matcher keys: {detector.keys:,}")


if __name__ == "__main__":
    main()
