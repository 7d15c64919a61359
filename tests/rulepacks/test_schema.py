"""The JSON Schema for editors stays in step with the loader: same keys, same choices, same verdict on fixtures."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from precheck.core.model import Category, Severity
from precheck.detectors.masks import MASKS
from precheck.detectors.validators import VALIDATORS
from precheck.rulepacks import conduct, loader, sections

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((ROOT / "rules" / "schema" / "rule-pack.schema.json").read_text(encoding="utf-8"))
DEFS = SCHEMA["$defs"]
VALID = [*sorted((ROOT / "rules").glob("*.yaml")), ROOT / "tests/fixtures/packs/acme-terms.yaml",
         ROOT / "tests/fixtures/holdout-pack.yaml"]
# broken-yaml.yaml is not YAML at all, so no schema can judge it.
BROKEN = [p for p in sorted((ROOT / "tests/fixtures/packs").glob("broken-*.yaml")) if p.name != "broken-yaml.yaml"]


def validator() -> jsonschema.Draft202012Validator:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    return jsonschema.Draft202012Validator(SCHEMA)


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.name)
def test_shipped_and_valid_packs_match_the_schema(path: Path) -> None:
    errors = list(validator().iter_errors(yaml.safe_load(path.read_text(encoding="utf-8"))))
    assert errors == [], [e.message for e in errors]


@pytest.mark.parametrize("path", BROKEN, ids=lambda p: p.name)
def test_broken_fixtures_fail_the_schema(path: Path) -> None:
    assert list(validator().iter_errors(yaml.safe_load(path.read_text(encoding="utf-8"))))


def _object(schema: dict) -> dict:
    """The object branch of a definition that may also accept a plain string."""
    return next(s for s in schema.get("oneOf", [schema]) if s.get("type") == "object")


@pytest.mark.parametrize(("schema", "keys"), [
    (SCHEMA, loader._HEADER),
    (DEFS["pattern"], loader._PATTERN_KEYS),
    (DEFS["context"], loader._CONTEXT_KEYS),
    (DEFS["term"], loader._TERM_KEYS),
    (DEFS["lexicon"], conduct._LEXICON_KEYS),
    (DEFS["phrase"], conduct._ENTRY_KEYS),
    (DEFS["policy"], conduct._POLICY_KEYS),
    (DEFS["allow"], sections.ALLOW_KEYS),
    (DEFS["test"], sections.TEST_KEYS),
], ids=["header", "pattern", "context", "term", "lexicon", "phrase", "policy", "allow", "test"])
def test_schema_keys_equal_the_loader_keys(schema: dict, keys: tuple[str, ...]) -> None:
    obj = _object(schema)
    assert set(obj["properties"]) == set(keys)
    assert obj["additionalProperties"] is False


def test_schema_choices_equal_the_loader_choices() -> None:
    pattern, policy = DEFS["pattern"]["properties"], DEFS["policy"]["properties"]
    assert pattern["category"]["enum"] == [c.value for c in Category]
    assert pattern["severity"]["enum"] == [s.value for s in Severity]
    assert set(pattern["validator"]["enum"]) == set(VALIDATORS)
    assert set(pattern["mask"]["enum"]) == set(MASKS)
    assert policy["window"]["enum"] == list(conduct.WINDOWS)
    assert policy["extend"]["enum"] == list(conduct.EXTENDS)
    assert policy["suggest"]["enum"] == list(conduct.SUGGESTS)
    assert DEFS["lexicon"]["properties"]["kind"]["enum"] == list(conduct.LEXICON_KINDS)
    assert DEFS["test"]["properties"]["lang"]["enum"] == list(sections.TEST_LANGUAGES)
