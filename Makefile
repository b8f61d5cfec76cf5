# tipanalysis workspace. Needs only python3 (with the venv module) and make.
#   make report   executes every report notebook, writes reports/ (HTML + index.html)
#   make test     ruff, data validation, the whole test suite (notebooks included)
#   make lab      JupyterLab on this venv
#   make bench    speed and memory figures (README, "Benchmarks")
#   make backtest rolling-origin scores of the tier forecasts against baselines (README)
#   make stress   bad inputs, concurrent adds, >= 100 kills of the data write path (README, "Data safety")
#   make docs     the API reference (pdoc) in docs/api/
# The venv is (re)built only when requirements/*.txt or pyproject.toml change (stamp file).

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.tipanalysis-installed
PIP := $(BIN)/python -m pip -qq --disable-pip-version-check --no-input
JOBS ?=
REPORTS ?= reports
PYTEST_ARGS ?=
LAB_PORT ?= 8888
DOCS ?= docs/api

# Set ordering in kernels must not vary between runs (determinism of reports).
export PYTHONHASHSEED := 0

.PHONY: all venv report test lint validate pytest lab bench backtest stress docs clean distclean help
.DEFAULT_GOAL := help

help:
	@echo "make report | make test | make lab | make bench | make stress | make docs | make clean"

venv: $(STAMP)

$(STAMP): requirements/build.txt requirements/lock.txt requirements/prune.py pyproject.toml
	@test -x $(BIN)/python || { echo "creating $(VENV) with $(PYTHON) -m venv"; \
		$(PYTHON) -m venv $(VENV) || { rm -rf $(VENV); \
		echo "error: '$(PYTHON) -m venv' failed (Debian/Ubuntu: apt-get install python3-venv)" >&2; \
		exit 1; }; }
	@echo "installing pinned dependencies (requirements/lock.txt) into $(VENV)"
	@$(PIP) install -r requirements/build.txt
	@$(PIP) install --no-deps -r requirements/lock.txt
	@$(PIP) install --no-deps --no-build-isolation -e .
	@$(BIN)/python requirements/prune.py requirements/build.txt requirements/lock.txt
	@# Kernel spec pointing at this venv's python (the wheel's spec says just "python").
	@$(BIN)/python -m ipykernel install --sys-prefix --name python3 \
		--display-name "Python 3 (tipanalysis)" >/dev/null
	@touch $@

report: $(STAMP)
	$(BIN)/tipanalysis run --out-dir $(REPORTS) $(if $(JOBS),--jobs $(JOBS))
	@echo "open $(REPORTS)/index.html"

lint: $(STAMP)
	$(BIN)/ruff check .

validate: $(STAMP)
	$(BIN)/tipanalysis data validate

# pytest exits 5 when it collects nothing: that is a failure here, and said so loudly.
pytest: $(STAMP)
	@rc=0; $(BIN)/python -m pytest --cov=tipanalysis --cov-report=term $(PYTEST_ARGS) || rc=$$?; \
	if [ $$rc -eq 5 ]; then \
		echo "!!! FAILED: pytest collected no tests (exit code 5) !!!" >&2; \
	fi; exit $$rc

test: lint validate pytest

lab: $(STAMP)
	$(BIN)/jupyter lab --ip=127.0.0.1 --port=$(LAB_PORT) --no-browser \
		$(if $(filter 0,$(shell id -u)),--allow-root) --notebook-dir=.

bench: $(STAMP)
	$(BIN)/python benchmarks/bench.py $(if $(JOBS),--jobs $(JOBS))

# The API reference from the docstrings (numpydoc); the folder is generated, never committed.
docs: $(STAMP)
	rm -rf $(DOCS)
	$(BIN)/pdoc --docformat numpy --no-show-source -o $(DOCS) tipanalysis
	@echo "open $(DOCS)/index.html"

backtest: $(STAMP)
	$(BIN)/python benchmarks/backtest.py
KILLS ?= 120
stress: $(STAMP)
	$(BIN)/python benchmarks/stress.py --kills $(KILLS)

# Removes only what the runner wrote into $(REPORTS) (its manifest lists it): files users put
# there (e.g. `tipanalysis brief --out-dir reports/`) stay. Needs no venv (standard library only).
clean:
	rm -rf .pytest_cache .coverage htmlcov
	PYTHONPATH=src $(if $(wildcard $(BIN)/python),$(BIN)/python,$(PYTHON)) -m tipanalysis.report.cli \
		run --clean --out-dir $(REPORTS)

distclean: clean
	rm -rf $(VENV)
