"""Word lists that decide how freely a pack term may be matched.

A codename built from an ordinary word ("Kestrel", "Lantern") cannot be
matched alone: the bird or the lamp would be flagged in every nature post.
Whether a word is ordinary is a property of the language, not of a pack, so
it is decided by a frequency list shipped as data (``resources/``), never by
looking at the posts we happen to test on.

The list is generated from spacy-lookups-data (already a dependency, MIT
licensed): the most frequent English words of ``en_lexeme_prob`` and every
Dutch lemma of ``nl_lemma_lookup``. Regenerate with
``python -m precheck.detectors.term_words``.
"""

from __future__ import annotations

import gzip
import re
import sys
from functools import cache
from pathlib import Path

from precheck.paths import resources_dir

WORDS_FILE = "common-words.txt.gz"

# Only words of this length or more are kept: shorter tokens are treated as
# ordinary anyway (``is_common``), because a 4-letter name is too easily part
# of something else to be matched on its own.
MIN_DISTINCTIVE = 5
ENGLISH_TOP = 150_000

# Words that name a project-like thing. Next to an ordinary codename word they
# are the context that makes it a codename: "Falcon-team", "Falconproject",
# "operatie Lantern". Kept short on purpose: each entry licenses matches.
DESIGNATORS = frozenset({
    "project", "projecten", "projects", "projectteam", "programme", "programmes", "program",
    "programs", "programma", "programmas", "operation", "operatie", "initiative", "initiatief",
    "team", "teams", "taskforce", "werkgroep", "stuurgroep", "codename", "codenaam",
})

# Inflection endings a name may carry while staying the same name: plurals and
# genitives in English and Dutch. Possessive apostrophes are separators already.
INFLECTIONS = ("s", "es", "en", "e")

# Words before a term that already act as the article of the replacement:
# "the Project Kestrel team" must become "the internal project team". Words
# that are just as often a conjunction or verb ("that", "dat", "die", "zijn")
# are left out: "ik weet dat Project Falcon..." keeps its "een".
DETERMINERS = frozenset({
    "a", "an", "the", "this", "these", "those", "our", "my", "your", "his", "her",
    "their", "its", "een", "de", "het", "dit", "deze", "ons", "onze", "mijn", "jouw", "hun",
})
ARTICLES = ("a ", "an ", "een ")


@cache
def common_words() -> frozenset[str]:
    """Ordinary English and Dutch words (lower case, five letters or more)."""
    path = resources_dir() / WORDS_FILE
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return frozenset(handle.read().split())


def is_common(word: str) -> bool:
    """True for words that must not be matched without their context."""
    return len(word) < MIN_DISTINCTIVE or word in common_words()


def build_word_list(out: Path) -> int:
    """Write the shipped list from spacy-lookups-data; returns the number of words."""
    import json
    from importlib import resources

    data = resources.files("spacy_lookups_data") / "data"
    keep = re.compile(rf"[a-zà-öø-ÿ]{{{MIN_DISTINCTIVE},}}")
    with gzip.open(str(data / "en_lexeme_prob.json.gz"), "rt", encoding="utf-8") as handle:
        prob: dict[str, float] = json.load(handle)
    english = sorted((w for w in prob if keep.fullmatch(w)), key=lambda w: -prob[w])[:ENGLISH_TOP]
    with gzip.open(str(data / "nl_lemma_lookup.json.gz"), "rt", encoding="utf-8") as handle:
        lemmas: dict[str, str] = json.load(handle)
    dutch = {w for w in lemmas.values() if keep.fullmatch(w)}
    words = sorted(set(english) | dutch)
    with gzip.GzipFile(out, "wb", mtime=0) as handle:
        handle.write("\n".join(words).encode("utf-8") + b"\n")
    return len(words)


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else resources_dir() / WORDS_FILE
    print(f"{build_word_list(target)} words written to {target}")
