# Atelier IA & culture — les quelques commandes du projet.
# Chaque cible crée l'environnement .venv si besoin et installe ce qu'il faut, aux versions
# exactes du fichier verrouillé requirements/lock.txt (le même que Binder et l'intégration continue).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
BOOK   := _build/html
LOCK   := requirements/lock.txt

# Le tableau des commandes du README et de CONTRIBUTING.md est produit par « make sync » depuis les
# commentaires placés juste au-dessus de chaque cible (lignes « #   … » : exemple d'appel).
.PHONY: book fiches test test-rapide lint lab bench sync lock upgrade clean clean-notebooks venv bundle selection liens

$(STAMP): pyproject.toml $(LOCK)
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 ou plus récent est nécessaire (python3 --version).")'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r $(LOCK)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	$(BIN)/python -m atelier_tools.kernel
	@touch $(STAMP)

# Crée l'environnement Python .venv aux versions exactes de requirements/lock.txt (les autres commandes le font si besoin).
venv: $(STAMP)

# Écrit dans le README, les notebooks et _toc.yml ce que dit le catalogue data/course/modules.yml.
sync: $(STAMP)
	$(BIN)/python -m atelier_tools.sync

# Construit le livre dans _build/html (il exécute chaque notebook ; un avertissement compte comme une erreur).
book: $(STAMP) sync
	$(BIN)/jupyter-book build . --warningiserror --nitpick --keep-going --builder html
	@echo "Livre construit : $(CURDIR)/$(BOOK)/index.html"

# Liste les liens externes du livre dans _build/liens-externes.md (et .json) et, si le réseau
# est là, vérifie que chaque adresse répond encore ; sans réseau, le rapport les liste « non vérifié ».
liens: book
	$(BIN)/python -m atelier_tools.external_links $(BOOK)

# Fiches à imprimer (A4, dans _build/fiches/) : pour chaque module, fiche, corrigé et activité de groupe ;
# pour chaque plan de séance, déroulé, feuille d'émargement et évaluation ; imprimés depuis le livre par
# Chromium (sudo apt install chromium).
fiches: book
	$(BIN)/python -m atelier_tools.fiches

# Tous les tests (moins de 10 minutes) : ruff, tests unitaires, de contenu, de données et d'API, chaque notebook
# exécuté une fois par la construction du livre et ses sorties vérifiées, le livre, Chromium, l'archive hors ligne.
# Le réseau est coupé pendant les tests, sauf la machine locale ; .ci/run installe Chromium et le Littré puis lance make test.
test: $(STAMP) lint
	$(BIN)/python -m pytest

# Les tests rapides (moins de 90 secondes) : ruff, tests unitaires, de contenu, de données et d'API ;
# ni notebook, ni livre, ni navigateur (marqueurs notebooks, book, browser et bundle, voir pyproject.toml).
test-rapide: $(STAMP) lint
	$(BIN)/python -m pytest -m "not notebooks and not book and not browser and not bundle"

# Vérifie le code Python avec ruff (erreurs, imports inutiles, ordre des imports ; règles dans pyproject.toml).
lint: $(STAMP)
	$(BIN)/ruff check .

# Ouvre JupyterLab sur le module 00, pour exécuter et modifier les notebooks.
lab: $(STAMP)
	@echo "JupyterLab démarre sur cette machine ; ouvrez l'adresse http://127.0.0.1:8888/lab?token=… affichée ci-dessous"
	@echo "(Ctrl+clic), puis exécutez les cellules avec Maj+Entrée. Ctrl+C deux fois pour arrêter."
	$(BIN)/jupyter lab --ip 127.0.0.1 --no-browser $$( [ "$$(id -u)" = 0 ] && echo --allow-root ) modules/00-prise-en-main.ipynb

# Exécute chaque notebook et affiche son temps et sa mémoire maximale face aux budgets (15 s et 500 Mo).
bench: $(STAMP)
	$(BIN)/python -m atelier_tools.bench

# Retire des notebooks les sorties et compteurs d'exécution (avant chaque commit).
clean-notebooks: $(STAMP)
	$(BIN)/python -m atelier_tools.notebooks strip modules exercises

# Recalcule le fichier verrouillé requirements/lock.txt (mêmes versions qu'avant quand c'est possible) et
# binder/requirements.txt, que Binder lit, tiré du même fichier.
lock: $(STAMP)
	$(BIN)/python -m atelier_tools.lock

# Comme make lock, mais avec les dernières versions permises par pyproject.toml.
upgrade: $(STAMP)
	$(BIN)/python -m atelier_tools.lock --upgrade

# Archive hors ligne _build/atelier-ia-culture-hors-ligne.zip : livre, notebooks, données, paquets
# Python verrouillés de cette plateforme et LISEZ-MOI.txt (installation sous Linux, macOS, Windows).
# PLATEFORMES y ajoute les paquets d'autres plateformes (même version de Python) ; la commande signale
# chaque paquet verrouillé qui n'existe pas pour une plateforme.
#   make bundle PLATEFORMES="win_amd64 macosx_14_0_arm64 macosx_13_0_x86_64"
PLATEFORMES ?=
bundle: book
	$(BIN)/python -m atelier_tools.bundle --plateformes "$(PLATEFORMES)"

# Un cours à soi : copie autonome réduite aux modules choisis (et à leurs prérequis), prête pour make book.
#   make selection MODULES="00 02" DEST=../mon-cours [TITRE="Mon cours"]
selection: $(STAMP)
	@test -n "$(MODULES)" -a -n "$(DEST)" || { echo 'Indiquez les modules et le dossier : make selection MODULES="00 02" DEST=../mon-cours'; exit 1; }
	$(BIN)/python -m atelier_tools.selection $(MODULES) --dest "$(DEST)" $(if $(TITRE),--titre "$(TITRE)")

# Supprime le livre construit, les fichiers générés et les caches.
clean:
	rm -rf _build _generated fiches .pytest_cache .hypothesis
	find . -name __pycache__ -prune -exec rm -rf {} +
