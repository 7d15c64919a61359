"""spaCy loads once per language and runs only the pipes a check needs."""

from __future__ import annotations

import pytest

from precheck.nlp.spacy_engine import SpacyEngine

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def engine() -> SpacyEngine:
    return SpacyEngine()


def test_english_model_loads_once(engine: SpacyEngine) -> None:
    assert engine.pipeline("en") is engine.pipeline("en")
    assert "ner" in engine.pipeline("en").pipe_names
    assert engine.notices() == ()


def test_only_the_needed_pipes_run(engine: SpacyEngine) -> None:
    text = "Northwind will double its revenue to $5 million next year."
    ner_only = engine.process(text, "en", frozenset({"ner"}))
    assert any(e.label_ == "MONEY" for e in ner_only.ents)
    assert not ner_only.has_annotation("DEP")
    parsed = engine.process(text, "en", frozenset({"parser"}))
    assert parsed.has_annotation("DEP") and not parsed.has_annotation("ENT_IOB")


def test_dutch_without_a_trained_model_gets_lookup_lemmas(engine: SpacyEngine) -> None:
    doc = engine.process("De medewerkers werden ontslagen", "nl", frozenset({"lemma"}))
    assert [t.lemma_ for t in doc][:2] == ["de", "medewerker"]


def test_missing_english_model_degrades_with_a_notice() -> None:
    engine = SpacyEngine(candidates={"en": ("no_such_model_package",)})
    doc = engine.process("Hello there", "en", frozenset({"ner"}))
    assert [t.text for t in doc] == ["Hello", "there"]
    assert engine.notices() and "not installed" in engine.notices()[0]
