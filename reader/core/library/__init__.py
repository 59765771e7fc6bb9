"""The library folder: its layout, the store of copies, the manifest, imports, rebuilds, the
integrity record, the write lock, and the `Library` facade that callers use.
"""

from reader.core.library.checking import CheckReport
from reader.core.library.first_run import sample_articles
from reader.core.library.library import Library
from reader.core.library.paths import AppPaths
from reader.core.library.progress import Progress

__all__ = ["AppPaths", "CheckReport", "Library", "Progress", "sample_articles"]
