"""The module catalogue and the pathways: one source for the course map.

``data/course/modules.yml`` holds every module's id, title, status, level, minutes of
teaching and exercises, prerequisites (recommended, and the truly required ones) and themes; ``data/course/parcours.yml`` the
pathways. Everything that shows module metadata (the book's course map, the README, each notebook's
« Durée » and « Prérequis », the trainers' guide, the pathways page) is generated from them
by the build tools in ``atelier_tools`` through this module.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from .errors import AtelierError, describe

__all__ = ["Catalogue", "LEVELS", "Module", "Pathway", "STATUSES", "load_catalogue", "parse_catalogue"]
from .paths import data_dir

STATUSES = ("disponible", "en préparation")
LEVELS = ("découverte", "intermédiaire", "approfondissement")
_ID = re.compile(r"^(\d\d)-[a-z0-9-]+$")


@dataclass(frozen=True)
class Module:
    id: str
    title: str
    status: str
    level: str
    teaching_minutes: int
    exercise_minutes: int
    prerequisites: tuple[str, ...]
    themes: tuple[int, ...]
    summary: str
    reviewed: "dt.date | None" = None  # last day its facts were checked against their sources
    # the prerequisites a learner truly needs (« prerequis_requis »); the others are advice,
    # the module's « Rappel » cell recalls what it uses from them (data/course/rappels.yml)
    required: tuple[str, ...] = ()

    @property
    def number(self) -> str:
        return self.id[:2]

    @property
    def minutes(self) -> int:
        return self.teaching_minutes + self.exercise_minutes

    @property
    def available(self) -> bool:
        return self.status == "disponible"

    @property
    def notebook(self) -> str:
        return f"modules/{self.id}.ipynb"

    @property
    def exercises(self) -> str:
        return f"exercises/{self.id}-exercices.ipynb"

    @property
    def quiz(self) -> str:
        return f"data/quiz/{self.id}.yml"


@dataclass(frozen=True)
class Pathway:
    id: str
    title: str
    audience: str
    modules: tuple[str, ...]
    advice: str


@dataclass(frozen=True)
class Catalogue:
    themes: dict[int, str]
    modules: tuple[Module, ...]
    pathways: tuple[Pathway, ...]

    def module(self, module_id: str) -> Module:
        for m in self.modules:
            if m.id == module_id:
                return m
        raise AtelierError(
            f"Le module « {module_id} » n'est pas dans le catalogue. Modules connus : "
            f"{', '.join(m.id for m in self.modules)}."
        )

    @property
    def available(self) -> tuple[Module, ...]:
        return tuple(m for m in self.modules if m.available)

    def pathway_minutes(self, pathway: Pathway) -> int:
        if not isinstance(pathway, Pathway):
            raise AtelierError(
                f"« pathway » doit être un parcours du catalogue (un élément de catalogue.pathways) ; "
                f"vous avez donné {describe(pathway)}."
            )
        return sum(self.module(m).minutes for m in pathway.modules)


def _read(path: Path):
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise AtelierError(f"{path.name} est introuvable dans data/course/.") from None
    except yaml.YAMLError as exc:
        raise AtelierError(f"data/course/{path.name} : YAML illisible ({exc}).") from None


def _int(raw, key, where) -> int:
    v = raw.get(key)
    if isinstance(v, bool) or not isinstance(v, int) or v < 0 or v > 600:
        raise AtelierError(f"{where} : « {key} » doit être un nombre entier de minutes (0 à 600), pas {describe(v)}.")
    return v


def parse_catalogue(modules_data, pathways_data) -> Catalogue:
    """Validate the raw YAML data of the catalogue and the pathways."""
    origin = "data/course/modules.yml"
    if not isinstance(modules_data, dict) or not isinstance(modules_data.get("modules"), list):
        raise AtelierError(f"{origin} doit contenir une liste « modules ».")
    themes = modules_data.get("themes")
    if not isinstance(themes, dict) or not themes or not all(isinstance(k, int) for k in themes):
        raise AtelierError(f"{origin} doit contenir « themes », numérotés 1, 2, 3…")
    modules, seen = [], set()
    for n, raw in enumerate(modules_data["modules"], start=1):
        where = f"{origin}, module {n}"
        if not isinstance(raw, dict):
            raise AtelierError(f"{where} : un module doit être un dictionnaire.")
        mid = raw.get("id")
        if not isinstance(mid, str) or not _ID.match(mid):
            raise AtelierError(f"{where} : « id » doit ressembler à \"01-mon-module\", pas {describe(mid)}.")
        where = f"{origin}, module « {mid} »"
        if mid in seen:
            raise AtelierError(f"{where} : identifiant en double.")
        seen.add(mid)
        for key in ("titre", "resume"):
            if not isinstance(raw.get(key), str) or not raw[key].strip():
                raise AtelierError(f"{where} : « {key} » doit être un texte non vide.")
        if raw.get("statut") not in STATUSES:
            raise AtelierError(f"{where} : « statut » doit être l'un de {STATUSES}.")
        if raw.get("niveau") not in LEVELS:
            raise AtelierError(f"{where} : « niveau » doit être l'un de {LEVELS}.")
        prereq = raw.get("prerequis", [])
        if not isinstance(prereq, list) or not all(isinstance(p, str) for p in prereq):
            raise AtelierError(f"{where} : « prerequis » doit être une liste d'identifiants de modules.")
        required = raw.get("prerequis_requis", [])
        if not isinstance(required, list) or not all(isinstance(p, str) and p in prereq for p in required):
            raise AtelierError(f"{where} : « prerequis_requis » doit être une liste de modules pris dans « prerequis » "
                               f"({describe(required)} donné).")
        mthemes = raw.get("themes", [])
        if not isinstance(mthemes, list) or not all(t in themes for t in mthemes):
            raise AtelierError(f"{where} : « themes » doit être une liste de numéros de thèmes parmi {sorted(themes)}.")
        reviewed = raw.get("revu_le")
        if reviewed is not None and (not isinstance(reviewed, dt.date) or isinstance(reviewed, dt.datetime)):
            raise AtelierError(f"{where} : « revu_le » doit être une date écrite 2026-12-01, pas {describe(reviewed)}.")
        modules.append(Module(mid, raw["titre"].strip(), raw["statut"], raw["niveau"],
                              _int(raw, "minutes_cours", where), _int(raw, "minutes_exercices", where),
                              tuple(prereq), tuple(mthemes), raw["resume"].strip(), reviewed, tuple(required)))
    ids = [m.id for m in modules]
    for m in modules:
        for p in m.prerequisites:
            if p not in ids:
                raise AtelierError(f"{origin}, module « {m.id} » : le prérequis « {p} » n'existe pas.")
            if ids.index(p) >= ids.index(m.id):
                raise AtelierError(f"{origin}, module « {m.id} » : le prérequis « {p} » doit venir avant lui.")
    porigin = "data/course/parcours.yml"
    if not isinstance(pathways_data, dict) or not isinstance(pathways_data.get("parcours"), list):
        raise AtelierError(f"{porigin} doit contenir une liste « parcours ».")
    pathways = []
    for n, raw in enumerate(pathways_data["parcours"], start=1):
        where = f"{porigin}, parcours {n}"
        if not isinstance(raw, dict):
            raise AtelierError(f"{where} : un parcours doit être un dictionnaire.")
        for key in ("id", "titre", "public", "conseil"):
            if not isinstance(raw.get(key), str) or not raw[key].strip():
                raise AtelierError(f"{where} : « {key} » doit être un texte non vide.")
        mods = raw.get("modules")
        if not isinstance(mods, list) or not mods:
            raise AtelierError(f"{where} : « modules » doit être une liste non vide.")
        for mid in mods:
            if mid not in ids:
                raise AtelierError(f"{where} : le module « {mid} » n'est pas dans le catalogue.")
        for mid in mods:  # a pathway must bring each module's prerequisites along
            for p in modules[ids.index(mid)].prerequisites:
                if p not in mods:
                    raise AtelierError(f"{where} : le module « {mid} » demande « {p} », absent du parcours.")
        pathways.append(Pathway(raw["id"], raw["titre"].strip(), raw["public"].strip(), tuple(mods), raw["conseil"].strip()))
    return Catalogue(dict(themes), tuple(modules), tuple(pathways))


def load_catalogue() -> Catalogue:
    """Read and validate ``data/course/modules.yml`` and ``data/course/parcours.yml``."""
    base = data_dir() / "course"
    return parse_catalogue(_read(base / "modules.yml"), _read(base / "parcours.yml"))
