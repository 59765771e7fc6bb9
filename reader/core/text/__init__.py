"""Text helpers every layer uses: case and accent folding, sentences, loading the spaCy model."""

from reader.core.text.folding import fold

__all__ = ["fold"]
