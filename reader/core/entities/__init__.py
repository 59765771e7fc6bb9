"""Entities of an article: the spaCy model, the legal layer, aliases, money, places, the user's
corrections, the library's entity table, and extraction with its cache and worker processes.
"""

from reader.core.entities.corrections import Corrections
from reader.core.entities.entity_table import EntityRow
from reader.core.entities.extraction import Extraction

__all__ = ["Corrections", "EntityRow", "Extraction"]
