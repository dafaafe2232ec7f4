"""The texts of the offline bundle: its requirements file, its one-page French read-me, its manifest."""

from __future__ import annotations

from atelier_ia.fmt import NBSP

from .wheels import PlatformReport

__all__ = ["LICENCES", "NAME", "crlf", "lisez_moi", "manifest_text", "requirements_text", "size_text"]

NAME = "atelier-ia-culture-hors-ligne"
#: Files copied from the repository's root, when present.
LICENCES = ("LICENSE", "LICENSE-CONTENU.md")


# --------------------------------------------------------------------------- texts


def size_text(n: int) -> str:
    if n >= 1024 * 1024:
        return f"{n / 1024 / 1024:.1f}".replace(".", ",") + f"{NBSP}Mo"
    if n >= 1024:
        return f"{n / 1024:.0f}{NBSP}ko"
    return f"{n}{NBSP}o"


def requirements_text(binder_text: str, course_pin: str) -> str:
    pins = [line for line in binder_text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    return (
        "# Versions exactes du cours et de JupyterLab (tirées de requirements/lock.txt par « make lock »).\n"
        "# Installation sans connexion : python -m pip install --no-index --find-links wheels -r requirements.txt\n"
        + "\n".join(pins) + f"\n{course_pin}\n"
    )


def lisez_moi(python: str, version: str, reports: list[PlatformReport], n_wheels: int, wheels_size: int) -> str:
    """The one-page French read-me of the bundle (plain text, read in Notepad as well as in a terminal)."""
    s = NBSP
    short = version
    covered = "\n".join(
        f"  - {r.label} ({r.tag})" + (f"{s}: COMPLET" if not r.missing else f"{s}: INCOMPLET, il manque {', '.join(r.missing)}")
        for r in reports
    )
    warn = ""
    if any(r.missing for r in reports):
        warn = ("\nATTENTION" + s + ": sur une plateforme marquée INCOMPLET, l'installation sans connexion échouera ;\n"
                "installez-y les paquets manquants avec une connexion, ou utilisez une autre machine.\n")
    return f"""ATELIER IA & CULTURE — VERSION HORS LIGNE
=========================================

Ce dossier contient tout le cours pour l'utiliser sans connexion à Internet{s}:

  livre/             le livre, à lire dans un navigateur (livre/index.html)
  modules/           les notebooks des modules
  exercises/         les notebooks d'exercices
  data/              les données du cours (inventaire et licences{s}: data/MANIFEST.yml)
  wheels/            {n_wheels} paquets Python ({size_text(wheels_size)}), aux versions verrouillées du cours
  requirements.txt   la liste des versions exactes à installer
  MANIFESTE.txt      la liste de tous les fichiers, avec leur taille
  LICENSE, LICENSE-CONTENU.md   les licences

Python nécessaire{s}: {python} (les paquets compilés ne servent qu'à cette version).
Python lui-même n'est pas dans l'archive{s}: installez-le avant la séance (python.org).
Plateformes couvertes par les paquets{s}:
{covered}
Sur un autre système, seul le livre sert hors ligne{s}: préparez une archive pour ce système
avec «\u00a0make bundle PLATEFORMES=…\u00a0» (voir CONTRIBUTING.md dans le dépôt du cours).
{warn}
1. LIRE LE LIVRE, SANS RIEN INSTALLER
   Ouvrez livre/index.html dans votre navigateur (double-clic). Le livre ne charge rien
   depuis Internet{s}: démonstrations et quiz fonctionnent hors ligne.

2. INSTALLER, UNE FOIS, SANS CONNEXION
   Décompressez l'archive, puis ouvrez un terminal dans le dossier décompressé.

   Linux et macOS (Terminal){s}:
       python{short} -m venv .venv
       . .venv/bin/activate
       python -m pip install --no-index --find-links wheels -r requirements.txt
       python -m atelier_tools.kernel

   Windows (PowerShell ; la commande « make » n'est pas nécessaire){s}:
       py -{short} -m venv .venv
       .venv\\Scripts\\Activate.ps1
       python -m pip install --no-index --find-links wheels -r requirements.txt
       python -m atelier_tools.kernel
   Si PowerShell refuse d'exécuter Activate.ps1, tapez d'abord
       Set-ExecutionPolicy -Scope Process -ExecutionPolicy Bypass
   (pour cette fenêtre seulement) ; dans l'Invite de commandes, activez avec
   .venv\\Scripts\\activate.bat

   La dernière commande enregistre le noyau Python du cours et met JupyterLab en français.

3. TRAVAILLER DANS LES NOTEBOOKS
   Dans le dossier, environnement activé (étape 2, deuxième ligne){s}:
       jupyter lab
   JupyterLab s'ouvre dans le navigateur{s}; ouvrez modules/00-prise-en-main.ipynb et
   exécutez les cellules avec Maj+Entrée. Ctrl+C deux fois dans le terminal pour arrêter.
   Gardez le dossier .venv à l'intérieur du dossier décompressé{s}: le cours y retrouve
   ses données.

4. LICENCES
   Textes du cours{s}: CC BY 4.0 (LICENSE-CONTENU.md){s}; code{s}: MIT (LICENSE){s};
   données{s}: licence de chaque fichier dans data/MANIFEST.yml{s}; chaque paquet de
   wheels/ garde sa propre licence, indiquée dans ses métadonnées.
   Si vous redistribuez ce dossier, citez «{s}Atelier IA & culture{s}» et ses licences.
"""


def manifest_text(entries: list[tuple[str, int]]) -> str:
    total = sum(size for _, size in entries)
    lines = [f"Contenu de l'archive {NAME}.zip{NBSP}: {len(entries)} fichiers, {size_text(total)} en tout (avant compression).",
             "Taille en octets, puis chemin.", ""]
    lines += [f"{size:>12}  {path}" for path, size in sorted(entries)]
    return "\n".join(lines) + "\n"


def crlf(text: str) -> bytes:
    """UTF-8 with a byte-order mark and Windows line ends, so that Notepad shows it right."""
    return ("\ufeff" + text.replace("\r\n", "\n").replace("\n", "\r\n")).encode("utf-8")
