"""`python -m reader` runs the same command line as `legal-reader`."""

import sys

from reader.cli.main import main

sys.exit(main())
