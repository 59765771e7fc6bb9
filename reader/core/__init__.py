"""The reader's core: plain Python, never Qt. A file travels through it in this order.

`ingest` reads bytes into an `Article`; `dates` and `entities` find its mentions; `index` turns
article and mentions into a Whoosh document and user text into hits; `present` renders,
exports and orders what is shown; `library` owns the folder and drives import and rebuild.
The nouns every layer shares (`Article`, `Mention`, the errors, resources, durable writes)
sit at this level. Lower layers never import higher ones (pyproject.toml, import-linter).
"""
