# One task file: CI runs `make test` through .ci/run.
VENV ?= .venv
PY := $(VENV)/bin/python
AS_OF ?= 2026-11-23

.PHONY: brief test lint bench golden screenshots clean

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test,dask]'
	touch $@

brief: $(VENV)/.installed  ## build the sample brief from examples/sources
	$(VENV)/bin/briefing build config/weekly.yaml --as-of $(AS_OF)

test: $(VENV)/.installed  ## run the test suite
	$(PY) -m pytest -q

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check briefing tests benchmarks
	$(VENV)/bin/mypy briefing

bench: $(VENV)/.installed
	$(PY) benchmarks/build.py

clean:
	rm -rf $(VENV) output/*/

golden: $(VENV)/.installed  ## regenerate the golden files of rendered output
	UPDATE_GOLDEN=1 $(PY) -m pytest -q tests/test_golden.py

screenshots: $(VENV)/.installed  ## redraw docs/serve-*.png from the browser tests
	UPDATE_SCREENSHOTS=1 $(PY) -m pytest -q tests/test_serve_browser.py
