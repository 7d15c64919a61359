"""A large term pack starts fast: parsed once per process, and its built matcher kept on disk."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest

from precheck.detectors.term_cache import KEEP, MIN_VALUES
from precheck.detectors.terms import TermDetector
from precheck.service import CheckerSettings, build_checker

POST = "Heads-up: Customer Orchid1234 Holdings signed today."


def big_pack(folder: Path, name: str = "big", extra: str = "Orchid1234 Holdings") -> Path:
    values = [f"Customer{i:05d} Group" for i in range(MIN_VALUES)] + [extra]
    lines = [f"pack: {name}", "version: 1", "terms:", "  - id: customers", "    kind: customer_name",
             "    category: confidential", "    severity: block", "    values:"]
    lines += [f'      - "{value}"' for value in values]
    path = folder / f"{name}.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def flagged(pack: Path, text: str = POST) -> list[str]:
    settings = CheckerSettings(extra_packs=[pack], builtin_packs=[], installed_packs=False, use_nlp=False)
    report = build_checker(settings).check(text, language="en")
    return [f.text for f in report.findings if f.rule.startswith(f"{pack.stem}/")]


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache" / "precheck" / "terms"


def no_build(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(self: TermDetector) -> None:
        raise AssertionError("the matcher was built again instead of read from the cache")

    monkeypatch.setattr(TermDetector, "_build", refuse)


def test_second_start_reads_the_matcher_and_finds_the_same_terms(
        tmp_path: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pack = big_pack(tmp_path)
    first = flagged(pack)
    assert first == ["Orchid1234 Holdings"]
    assert len(list(cache_dir.glob("*.terms"))) == 1
    no_build(monkeypatch)
    assert flagged(pack) == first


def test_an_updated_pack_never_reads_the_old_matcher(tmp_path: Path, cache_dir: Path) -> None:
    assert flagged(big_pack(tmp_path)) == ["Orchid1234 Holdings"]
    updated = big_pack(tmp_path, extra="Lotus5678 Trading")
    assert flagged(updated) == []
    assert flagged(updated, "We won Lotus5678 Trading.") == ["Lotus5678 Trading"]
    assert len(list(cache_dir.glob("*.terms"))) == 2


def test_a_damaged_cache_file_is_rebuilt(tmp_path: Path, cache_dir: Path) -> None:
    pack = big_pack(tmp_path)
    flagged(pack)
    (cached,) = cache_dir.glob("*.terms")
    cached.write_bytes(cached.read_bytes()[:1000])
    assert flagged(pack) == ["Orchid1234 Holdings"]
    assert pickle.loads(cached.read_bytes()) is not None


class _Planted:
    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.system, ("touch planted-by-cache",))


def test_a_planted_cache_file_cannot_run_code(tmp_path: Path, cache_dir: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    pack = big_pack(tmp_path)
    flagged(pack)
    (cached,) = cache_dir.glob("*.terms")
    cached.write_bytes(pickle.dumps(_Planted()))
    monkeypatch.chdir(tmp_path)
    assert flagged(pack) == ["Orchid1234 Holdings"]
    assert not (tmp_path / "planted-by-cache").exists()


def test_an_unwritable_cache_folder_only_costs_speed(tmp_path: Path, cache_dir: Path) -> None:
    cache_dir.parent.mkdir(parents=True)
    cache_dir.write_text("a file where the folder should be", encoding="utf-8")
    assert flagged(big_pack(tmp_path)) == ["Orchid1234 Holdings"]


def test_only_the_most_recent_matchers_are_kept(tmp_path: Path, cache_dir: Path) -> None:
    for n in range(KEEP + 2):
        flagged(big_pack(tmp_path, extra=f"Orchid{n:04d} Holdings"))
    assert len(list(cache_dir.glob("*.terms"))) == KEEP
    assert not list(cache_dir.glob("*.tmp"))


def test_small_packs_leave_no_cache_file(tmp_path: Path, cache_dir: Path) -> None:
    path = tmp_path / "small.yaml"
    path.write_text("pack: small\nversion: 1\nterms:\n  - kind: codename\n    category: confidential\n"
                    "    severity: block\n    values: [Project Falcon]\n", encoding="utf-8")
    assert flagged(path, "Project Falcon ships.") == ["Project Falcon"]
    assert not cache_dir.exists()


def test_cache_can_be_turned_off(tmp_path: Path, cache_dir: Path) -> None:
    settings = CheckerSettings(extra_packs=[big_pack(tmp_path)], builtin_packs=[], installed_packs=False,
                               use_nlp=False, cache_terms=False)
    build_checker(settings)
    assert not cache_dir.exists()


def test_a_pack_is_parsed_once_while_its_file_is_unchanged(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from precheck.rulepacks import loader

    pack = big_pack(tmp_path, name="once")
    calls: list[Path | None] = []
    real = loader.build_pack
    monkeypatch.setattr(loader, "build_pack",
                        lambda data, source, problems: calls.append(source) or real(data, source, problems))
    first = loader.load_pack(pack)
    assert loader.load_pack(pack) is first
    assert len(calls) == 1
    big_pack(tmp_path, name="once", extra="Lotus5678 Trading")
    assert "Lotus5678 Trading" in loader.load_pack(pack).terms[0].values
    assert len(calls) == 2
