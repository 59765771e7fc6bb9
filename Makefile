# The README's two commands: `make app` and `make test`. Both create .venv the first time.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
SOURCES := $(wildcard reader tests bench)

.PHONY: app test test-slow lint bench screenshots clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed; set PYTHON=python3.11")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	@touch $(STAMP)

## Launch the desktop app on your library (a new one starts with the sample articles).
app: $(STAMP)
	$(BIN)/legal-reader

## Lint, type-check, check the core/GUI boundary, then run the tests (no display needed).
test: $(STAMP) lint
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff format --check $(SOURCES)
	$(BIN)/ruff check $(SOURCES)
	$(BIN)/mypy
	$(BIN)/lint-imports

## The long checks: stress runs, crash trials, big benchmarks.
test-slow: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest -m slow

## The performance suite on the 10k corpus variant (about 20 minutes; `--quick` for 1k).
bench: $(STAMP)
	$(BIN)/python -m bench.run --size 10k

## Drive the real app under Xvfb and save docs/screenshots/*.png (needs xvfb, xdotool,
## imagemagick, libxcb-icccm4, libxcb-keysyms1, libxcb-cursor0).
screenshots: $(STAMP)
	docs/screenshots/take.sh

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
