"""The user's own work on a case: tags, stars, marked passages with notes, saved searches.

Kept in SQLite beside the index and never derived from it, so it survives a rebuild.
"""
