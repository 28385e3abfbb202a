# The whole set-up is here: a fresh clone needs only `make run` or `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

TS := i18n/coachdesk_da.ts
TS_EN := i18n/coachdesk_en.ts
QM := coachdesk/i18n/coachdesk_da.qm
QM_EN := coachdesk/i18n/coachdesk_en.qm
UI_SOURCES := $(wildcard coachdesk/ui/*.py)

.PHONY: run test lint hooks i18n bench bench-quick screenshots package package-smoke clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# The compiled Danish translation is built from the committed .ts on every set-up.
# (English needs its plural forms only: "1 page", "2 pages".)
$(QM): $(TS) $(STAMP)
	mkdir -p coachdesk/i18n
	$(BIN)/pyside6-lrelease -silent $(TS) -qm $(QM)

$(QM_EN): $(TS_EN) $(STAMP)
	mkdir -p coachdesk/i18n
	$(BIN)/pyside6-lrelease -silent $(TS_EN) -qm $(QM_EN)

run: $(STAMP) $(QM) $(QM_EN)
	$(BIN)/coachdesk

test: $(STAMP) $(QM) $(QM_EN)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -p no:cacheprovider
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

# Refresh the .ts files from the sources (lupdate keeps every translation whose English is
# unchanged and adds new strings as unfinished), list what is still to translate, then
# compile. The Danish is translated in the .ts itself (Qt Linguist): i18n/check.py.
i18n: $(STAMP)
	$(BIN)/pyside6-lupdate -silent -no-obsolete -locations none $(UI_SOURCES) -ts $(TS)
	$(BIN)/pyside6-lupdate -silent -no-obsolete -locations none -pluralonly -target-language en_GB $(UI_SOURCES) -ts $(TS_EN)
	$(BIN)/python i18n/check.py
	mkdir -p coachdesk/i18n
	$(BIN)/pyside6-lrelease -silent $(TS) -qm $(QM)
	$(BIN)/pyside6-lrelease -silent $(TS_EN) -qm $(QM_EN)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/python -m pytest -q -p no:cacheprovider tests/test_layers.py

# The same checks before every commit (.pre-commit-config.yaml: local hooks on .venv's
# tools, nothing downloaded at commit time). pre-commit itself is installed here, once.
hooks: $(STAMP)
	$(BIN)/python -m pip install --quiet pre-commit
	$(BIN)/pre-commit install

# docs/screenshots/: every scene of ui/screenshots.py's registry, in Danish, on a fresh
# synthetic caseload; what is no longer drawn goes.
screenshots: $(STAMP) $(QM) $(QM_EN)
	rm -rf /tmp/coachdesk-shots
	COACHDESK_ALLOW_INSECURE_KDF=1 $(BIN)/coachdesk --data-dir /tmp/coachdesk-shots demo --participants 40 --insecure-test-kdf --passphrase-file bench/demo-passphrase.txt
	rm -f docs/screenshots/*.png
	COACHDESK_ALLOW_INSECURE_KDF=1 QT_QPA_PLATFORM=offscreen $(BIN)/python -m coachdesk.ui.screenshots /tmp/coachdesk-shots docs/screenshots bench/demo-passphrase.txt

bench-quick: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/run.py --quick

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/run.py

# A one-folder PyInstaller build in dist/coachdesk/, and its smoke test.
package: $(STAMP) $(QM) $(QM_EN)
	packaging/build.sh

package-smoke: package
	packaging/smoke.sh

clean:
	rm -rf $(VENV) build dist *.egg-info
