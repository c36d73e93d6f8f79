# Reading the Raids: two commands do all the set-up.
#   make lab   - create .venv if missing, install the pinned set, open JupyterLab on lesson 00
#                (tools/jupyter_lab_config.py: the lessons and the exercises side by side, offline)
#   make test  - the same set-up, then unit tests and every notebook under nbval
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
SCALE_STAMP := $(VENV)/.scale-stamp
PYTEST_ARGS ?=
# Jupyter refuses to run as root unless told; containers and some lab machines run as root.
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root,)

.PHONY: help setup lab test html bench clean

help:
	@echo "make lab    open JupyterLab on lesson 00, with the exercises beside the lessons (sets up .venv first)"
	@echo "make test   unit tests and notebook checks (sets up .venv first)"
	@echo "make html   the lessons and exercises as web pages in build/html/ (no Jupyter needed to read them)"
	@echo "make bench  measure speed, memory and scores; rewrites benchmarks/RESULTS.md"

# Re-install only when the dependency lists change.
$(STAMP): pyproject.toml constraints.txt tools/jupyterlab_overrides.json
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e .
	@mkdir -p $(VENV)/share/jupyter/lab/settings
	@cp tools/jupyterlab_overrides.json $(VENV)/share/jupyter/lab/settings/overrides.json  # offline: no news prompt
	@touch $(STAMP)

# The optional extra 'scale' (Dask) for `kit analyze --workers`: tests need it, the classroom does not.
$(SCALE_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e ".[scale]"
	@touch $(SCALE_STAMP)

setup: $(STAMP)

lab: setup
	@echo ""
	@echo "Starting JupyterLab: the lessons (notebooks/) and the exercises (exercises/student/) side by side,"
	@echo "  lesson 00 open the first time, and then the lab as you left it."
	@echo "  Open the http://127.0.0.1:8888/lab/workspaces/reading-the-raids?token=... address printed"
	@echo "  below in your browser."
	@echo "  Stop the lab with Ctrl-C in this terminal (press it twice), or File > Shut Down in the lab."
	@echo ""
	$(BIN)/jupyter lab --config=tools/jupyter_lab_config.py $(ROOT_FLAG)

# Lessons and exercise sources are compared strictly with nbval; student versions (no stored
# outputs) only have to run without error (lax).
PYTEST := $(BIN)/python -m pytest -n 2 --dist loadfile
test: setup $(SCALE_STAMP)
	$(PYTEST) --nbval --nbval-sanitize-with tests/nbval_sanitize.cfg tests notebooks exercises/source $(PYTEST_ARGS)
	$(PYTEST) --nbval-lax exercises/student

html: setup
	$(BIN)/python tools/build_html.py
	@echo "Open build/html/index.html in a browser."

bench: setup $(SCALE_STAMP)
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) build test-output .pytest_cache
