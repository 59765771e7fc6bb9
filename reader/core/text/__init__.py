"""Text helpers every layer uses: folding, sentences, the spaCy model and its processes."""

from reader.core.text.folding import fold

__all__ = ["fold"]
