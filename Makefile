# Atelier IA & culture — les quelques commandes du projet.
# Chaque cible crée l'environnement .venv si besoin et installe ce qu'il faut.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
BOOK   := _build/html

.PHONY: book test lab bench clean clean-notebooks venv

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 ou plus récent est nécessaire (python3 --version).")'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 --display-name "Python 3" >/dev/null
	@touch $(STAMP)

venv: $(STAMP)

book: $(STAMP)
	$(BIN)/jupyter-book build . --warningiserror --nitpick --keep-going --builder html
	@echo "Livre construit : $(CURDIR)/$(BOOK)/index.html"

test: $(STAMP)
	$(BIN)/python -m pytest

lab: $(STAMP)
	$(BIN)/jupyter lab modules/00-prise-en-main.ipynb

bench: $(STAMP)
	$(BIN)/python -m atelier_ia.bench

clean-notebooks: $(STAMP)
	$(BIN)/python -m atelier_ia.notebooks strip modules exercises

clean:
	rm -rf _build _generated .pytest_cache .hypothesis
	find . -name __pycache__ -prune -exec rm -rf {} +
