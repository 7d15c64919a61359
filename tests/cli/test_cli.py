"""The command-line contract: output formats, exit codes and clear refusals."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from precheck.cli.main import main
from precheck.evaluation import load_jsonl

AWS_POST = "Deploying now, key is AKIAZ7EXAMPLE4NWL2QX so the demo works.\nThanks all!"


def run(
    argv: list[str], stdin: bytes | None = None, monkeypatch: pytest.MonkeyPatch | None = None
) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    if stdin is not None and monkeypatch is not None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
    code = main(argv, stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def post(tmp_path: Path) -> Path:
    path = tmp_path / "post.txt"
    path.write_text(AWS_POST, encoding="utf-8")
    return path


def test_json_contract(post: Path) -> None:
    code, out, _ = run(["check", "--format", "json", str(post)])
    data = json.loads(out)
    assert code == 2
    assert set(data) == {"verdict", "language", "channel", "findings", "safer_text"}
    assert (data["verdict"], data["language"], data["channel"]) == ("block", "en", "public")
    finding = data["findings"][0]
    assert set(finding) == {"category", "kind", "severity", "start", "end", "text", "confidence",
                            "rule", "message", "suggestions", "trial"}
    assert AWS_POST[finding["start"]:finding["end"]] == finding["text"] == "AKIAZ7EXAMPLE4NWL2QX"
    assert "AKIA" not in data["safer_text"] and data["safer_text"].endswith("Thanks all!")


def test_every_span_of_the_dev_corpus_slices_to_its_text(dev_dir: Path, tmp_path: Path) -> None:
    records = load_jsonl(dev_dir / "posts.jsonl")
    batch = tmp_path / "batch.jsonl"
    batch.write_text("\n".join(json.dumps({"id": r["id"], "text": r["text"], "channel": r["channel"]})
                               for r in records), encoding="utf-8")
    code, out, err = run(["check", "--batch", str(batch)])
    results = [json.loads(line) for line in out.splitlines()]
    assert [r["id"] for r in results] == [r["id"] for r in records], err
    for record, result in zip(records, results, strict=True):
        for f in result["findings"]:
            assert record["text"][f["start"]:f["end"]] == f["text"]
            assert 0.0 <= f["confidence"] <= 1.0
            assert f["severity"] in ("block", "warn", "info")
    assert code in (0, 1, 2)


def test_text_output_names_place_reason_fix_and_verdict(post: Path) -> None:
    code, out, _ = run(["check", str(post)])
    assert code == 2
    assert f"{post}:1:23: block secret/aws_access_key:" in out
    assert "'[redacted]'" in out and "verdict: block" in out


def test_clean_post_exits_zero(tmp_path: Path) -> None:
    path = tmp_path / "ok.txt"
    path.write_text("Had a great time at the meetup in Utrecht tonight!", encoding="utf-8")
    code, out, _ = run(["check", str(path)])
    assert code == 0 and "verdict: ok" in out


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, _ = run(["check", "--format", "json", "-"], AWS_POST.encode(), monkeypatch)
    assert code == 2 and json.loads(out)["findings"]


def test_empty_input_is_ok(monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, _ = run(["check", "--format", "json", "-"], b"", monkeypatch)
    assert code == 0 and json.loads(out) == {"verdict": "ok", "language": "en", "channel": "public",
                                             "findings": [], "safer_text": ""}


@pytest.mark.parametrize(
    ("make", "expected_code"),
    [
        (lambda d: d / "missing.txt", 3),
        (lambda d: d, 3),
        (lambda d: _write(d / "bin.dat", b"\x7fELF\x00\x01\x02binary"), 3),
        (lambda d: _write(d / "latin1.txt", "caf\xe9 met collega's".encode("latin-1")), 3),
    ],
    ids=["missing", "directory", "binary", "not-utf8"],
)
def test_unreadable_input_gives_one_clear_line(tmp_path: Path, make, expected_code: int) -> None:
    code, out, err = run(["check", str(make(tmp_path))])
    assert code == expected_code and out == ""
    assert len(err.strip().splitlines()) == 1 and err.startswith("precheck: ") and "[E100]" in err


@pytest.mark.parametrize(
    "argv",
    [["check"], ["check", "--lang", "de", "x"], ["check", "--channel", "tv", "x"], ["frobnicate"], [],
     ["check", "--batch", "x", "y"], ["check", "--batch", "x", "--format", "sarif"]],
)
def test_usage_errors_exit_three_or_more(argv: list[str]) -> None:
    code, _, err = run(argv)
    assert code >= 3 and err.startswith("precheck: ")


def test_broken_pack_is_reported_with_its_position(tmp_path: Path, post: Path) -> None:
    pack = tmp_path / "bad.yaml"
    pack.write_text("pack: bad\nversion: 1\nterms:\n  - kind: codename\n    severity: loud\n    values: []\n")
    code, _, err = run(["check", "--pack", str(pack), str(post)])
    assert code >= 3
    assert f"{pack}:5:" in err and f"{pack}:6:" in err


def test_sarif_is_valid_2_1_0_without_snippets(post: Path) -> None:
    code, out, _ = run(["check", "--format", "sarif", str(post)])
    sarif = json.loads(out)
    assert code == 2 and sarif["version"] == "2.1.0"
    run_ = sarif["runs"][0]
    result = run_["results"][0]
    region = result["locations"][0]["physicalLocation"]["region"]
    assert (result["level"], region["startLine"], region["startColumn"]) == ("error", 1, 23)
    assert result["ruleId"] in {r["id"] for r in run_["tool"]["driver"]["rules"]}
    assert "AKIAZ7EXAMPLE4NWL2QX" not in out


def test_batch_reports_bad_lines_and_goes_on(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = [json.dumps({"id": "a", "text": AWS_POST}), "{not json", json.dumps({"id": "c"}),
             json.dumps({"id": "d", "text": "Fijne dag allemaal!", "lang": "nl", "channel": "internal"})]
    code, out, _ = run(["check", "--batch", "-"], "\n".join(lines).encode(), monkeypatch)
    results = [json.loads(line) for line in out.splitlines()]
    assert [r.get("id") for r in results] == ["a", None, "c", "d"]
    assert results[0]["verdict"] == "block" and "error" in results[1] and "error" in results[2]
    assert (results[3]["verdict"], results[3]["language"], results[3]["channel"]) == ("ok", "nl", "internal")
    assert code == 3


def test_a_one_megabyte_paste_completes(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    paragraph = "We shipped the new release today and the team did a great job. " * 20
    text = "\n\n".join([paragraph] * 800) + "\n\nkey AKIAZ7EXAMPLE4NWL2QX"
    path.write_text(text, encoding="utf-8")
    assert len(text) > 1_000_000
    code, out, _ = run(["check", "--format", "json", str(path)])
    data = json.loads(out)
    assert code == 2 and [f["text"] for f in data["findings"]] == ["AKIAZ7EXAMPLE4NWL2QX"]


def test_console_script_runs_as_a_process(post: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "precheck", "check", "--format", "json", str(post)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2 and json.loads(proc.stdout)["verdict"] == "block"


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
