# Atelier IA & culture — les quelques commandes du projet.
# Chaque cible crée l'environnement .venv si besoin et installe ce qu'il faut, aux versions
# exactes du fichier verrouillé requirements/lock.txt (le même que Binder et l'intégration continue).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
BOOK   := _build/html
LOCK   := requirements/lock.txt

.PHONY: book fiches test lab bench sync lock upgrade clean clean-notebooks venv bundle selection liens

$(STAMP): pyproject.toml $(LOCK)
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 ou plus récent est nécessaire (python3 --version).")'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r $(LOCK)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	$(BIN)/python -m atelier_tools.kernel
	@touch $(STAMP)

venv: $(STAMP)

# Écrit dans le README, les notebooks et _toc.yml ce que dit le catalogue data/course/modules.yml.
sync: $(STAMP)
	$(BIN)/python -m atelier_tools.sync

book: $(STAMP) sync
	$(BIN)/jupyter-book build . --warningiserror --nitpick --keep-going --builder html
	@echo "Livre construit : $(CURDIR)/$(BOOK)/index.html"

# Liste les liens externes du livre dans _build/liens-externes.md (et .json) et, si le réseau
# est là, vérifie que chaque adresse répond encore ; sans réseau, le rapport les liste « non vérifié ».
liens: book
	$(BIN)/python -m atelier_tools.external_links $(BOOK)

# Fiches à imprimer : pour chaque module, fiche, corrigé et activité de groupe en PDF (A4) dans
# _build/fiches/, imprimés depuis le livre par Chromium (sudo apt install chromium).
fiches: book
	$(BIN)/python -m atelier_tools.fiches

test: $(STAMP)
	$(BIN)/python -m pytest

lab: $(STAMP)
	@echo "JupyterLab démarre sur cette machine ; ouvrez l'adresse http://127.0.0.1:8888/lab?token=… affichée ci-dessous"
	@echo "(Ctrl+clic), puis exécutez les cellules avec Maj+Entrée. Ctrl+C deux fois pour arrêter."
	$(BIN)/jupyter lab --ip 127.0.0.1 --no-browser $$( [ "$$(id -u)" = 0 ] && echo --allow-root ) modules/00-prise-en-main.ipynb

bench: $(STAMP)
	$(BIN)/python -m atelier_tools.bench

clean-notebooks: $(STAMP)
	$(BIN)/python -m atelier_tools.notebooks strip modules exercises

# Recalcule le fichier verrouillé (mêmes versions qu'avant quand c'est possible) ; « make upgrade »
# prend les dernières versions permises par pyproject.toml. Binder lit binder/requirements.txt, tiré du même fichier.
lock: $(STAMP)
	$(BIN)/python -m atelier_tools.lock

upgrade: $(STAMP)
	$(BIN)/python -m atelier_tools.lock --upgrade

# Archive hors ligne _build/atelier-ia-culture-hors-ligne.zip : livre, notebooks, données, paquets
# Python verrouillés de cette plateforme et LISEZ-MOI.txt (installation sous Linux, macOS, Windows).
# Pour y ajouter les paquets d'autres plateformes (même version de Python) :
#   make bundle PLATEFORMES="win_amd64 macosx_14_0_arm64 macosx_13_0_x86_64"
# (la commande signale chaque paquet verrouillé qui n'existe pas pour une plateforme).
PLATEFORMES ?=
bundle: book
	$(BIN)/python -m atelier_tools.bundle --plateformes "$(PLATEFORMES)"

# Un cours à soi : copie autonome réduite aux modules choisis (et à leurs prérequis), prête pour make book.
#   make selection MODULES="00 02" DEST=../mon-cours [TITRE="Mon cours"]
selection: $(STAMP)
	@test -n "$(MODULES)" -a -n "$(DEST)" || { echo 'Indiquez les modules et le dossier : make selection MODULES="00 02" DEST=../mon-cours'; exit 1; }
	$(BIN)/python -m atelier_tools.selection $(MODULES) --dest "$(DEST)" $(if $(TITRE),--titre "$(TITRE)")

clean:
	rm -rf _build _generated fiches .pytest_cache .hypothesis
	find . -name __pycache__ -prune -exec rm -rf {} +
