# precheck: two commands set everything up on a fresh machine.
#   make run   - installs what is missing, then opens the desktop app
#   make test  - installs what is missing, then runs the whole test suite

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Xvfb, a system tray and the libraries Qt's xcb platform plugin needs.
DEB_PACKAGES := $(shell cat packaging/debian-packages.txt)

.PHONY: install run test lint system-deps bench eval clean demo dist dist-test

install: $(STAMP)

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@if [ -f precheck/ui/build_translations.py ]; then $(BIN)/python -m precheck.ui.build_translations; fi
	@touch $(STAMP)

system-deps:
	@missing=""; for p in $(DEB_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "installing$$missing"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	else \
		echo "note: install$$missing for GUI and tray tests (they fall back to offscreen without them)"; \
	fi

run: install
	$(BIN)/precheck-gui

demo: install
	$(BIN)/precheck check examples/sample-post.txt || true

test: install system-deps
	$(BIN)/ruff check precheck tests benchmarks packaging
	$(BIN)/lint-imports
	$(BIN)/python -m pytest

bench: install
	for b in benchmarks/bench_*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

eval: install
	$(BIN)/python benchmarks/eval_corpus.py

# The self-contained one-folder app (dist/precheck/), built with build.spec.
dist: install system-deps
	$(BIN)/python -m pip install --quiet -e '.[build]'
	$(BIN)/pyinstaller --noconfirm --log-level WARN build.spec
	$(BIN)/python packaging/report_size.py dist/precheck

# Build, then prove the frozen app works on its own: self-test and a CLI check.
dist-test: dist
	env -i HOME=$$HOME PATH=/usr/bin:/bin dist/precheck/precheck --self-test
	env -i HOME=$$HOME PATH=/usr/bin:/bin dist/precheck/precheck check examples/sample-post.txt; \
		test $$? -eq 2 || { echo "frozen CLI check did not block the sample post"; exit 1; }
	xvfb-run -a -s "-screen 0 1280x1024x24 -noreset" $(BIN)/python packaging/frozen_start.py --runs 1

clean:
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache
