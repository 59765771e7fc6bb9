"""Where the library and log live: platformdirs by default, READER_HOME to override."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "LegalCaseReader"


@dataclass(frozen=True)
class AppPaths:
    """The folders the app writes to."""

    home: Path

    @classmethod
    def default(cls) -> AppPaths:
        """Return READER_HOME if set, else the platform's per-user data folder."""
        override = os.environ.get("READER_HOME")
        if override:
            return cls(Path(override).expanduser())
        return cls(Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)))

    @property
    def library(self) -> Path:
        """The default library folder."""
        return self.home / "library"
