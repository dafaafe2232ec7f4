"""Paths by job (``data/course/metiers.yml``): the audiences, their steps and group activities.

An audience (« métier ») lists steps: a module of the catalogue, either whole or reduced to
some of its sections (the ``##`` heading cells of the notebook, named by cell id), plus,
optionally, the module's group activity (``data/activites/<module>.yml``). No duration is
typed in the data: a whole module takes the catalogue's minutes (teaching + exercises), a
section the estimate of :mod:`atelier_tools.durations` (rounded to the minute, at least one,
as in the trainers' notes), an activity the minutes of its file. A module that a fork removed
from the catalogue, or that is not « disponible », is left out of the pages (``strict=True``
makes it an error, for the tests of this repository).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from atelier_ia.course import Catalogue, Module
from atelier_ia.errors import AtelierError, describe
from atelier_ia.paths import data_dir, repo_root

from .. import durations

__all__ = ["Activity", "Audience", "Step", "load_activity", "load_audiences", "parse_audiences", "section_minutes"]

ORIGIN = "data/course/metiers.yml"
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


# --------------------------------------------------------------------------- activities


@dataclass(frozen=True)
class Activity:
    module_id: str
    title: str
    minutes: int

    @property
    def has_page(self) -> bool:
        base = repo_root() / "annexes" / "activites"
        return any((base / f"{self.module_id}{ext}").is_file() for ext in (".md", ".ipynb"))


def _activity_minutes(data: dict, where: str) -> int:
    for key in ("minutes", "duree", "duree_minutes"):
        v = data.get(key)
        if isinstance(v, int) and not isinstance(v, bool) and v > 0:
            return v
    for key in ("etapes", "deroule", "deroulement", "sequences"):
        items = data.get(key)
        if isinstance(items, list) and items:
            mins = [i.get("minutes") for i in items if isinstance(i, dict)]
            if mins and all(isinstance(v, int) and not isinstance(v, bool) and v >= 0 for v in mins):
                return sum(mins)
    raise AtelierError(
        f"{where} : la durée de l'activité est introuvable. Donnez « minutes » (un nombre entier) "
        "ou une liste « etapes » dont chaque élément a ses « minutes »."
    )


def activities_dir() -> Path:
    return data_dir() / "activites"


def load_activity(module_id: str) -> Activity | None:
    """The group activity of a module, or None when ``data/activites/<module>.yml`` is absent."""
    path = activities_dir() / f"{module_id}.yml"
    if not path.is_file():
        return None
    where = f"data/activites/{module_id}.yml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise AtelierError(f"{where} : YAML illisible ({exc}).") from None
    if not isinstance(data, dict):
        raise AtelierError(f"{where} : le fichier doit décrire une activité (un dictionnaire).")
    title = data.get("titre")
    title = title.strip() if isinstance(title, str) and title.strip() else "Activité de groupe"
    return Activity(module_id, title, _activity_minutes(data, where))


# --------------------------------------------------------------------------- audiences


def section_minutes(section: durations.Section) -> int:
    """A section's minutes as the book shows them: the estimate, rounded, at least one."""
    return max(1, round(section.minutes))


@dataclass(frozen=True)
class Step:
    module: Module
    why: str
    sections: tuple[durations.Section, ...] = ()
    activity: Activity | None = None

    @property
    def module_minutes(self) -> int:
        if not self.sections:
            return self.module.minutes
        return sum(section_minutes(s) for s in self.sections)

    @property
    def minutes(self) -> int:
        return self.module_minutes + (self.activity.minutes if self.activity else 0)


@dataclass(frozen=True)
class Audience:
    id: str
    title: str
    public: str
    questions: tuple[str, ...]
    steps: tuple[Step, ...]
    advice: str = ""
    left_out: tuple[str, ...] = field(default=())  # modules of the data file not shown (fork, status)

    @property
    def minutes(self) -> int:
        return sum(s.minutes for s in self.steps)

    @property
    def module_ids(self) -> tuple[str, ...]:
        return tuple(s.module.id for s in self.steps)


def squash(text: str) -> str:
    """Runs of ASCII white space (line breaks of the YAML) to one space; no-break spaces stay."""
    return re.sub(r"[ \t\r\n]+", " ", text).strip()


def text_field(raw: dict, key: str, where: str) -> str:
    v = raw.get(key)
    if not isinstance(v, str) or not v.strip():
        raise AtelierError(f"{where} : « {key} » doit être un texte non vide, pas {describe(v)}.")
    return squash(v)


def read_yaml(name: str):
    path = data_dir() / "course" / name
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise AtelierError(f"data/course/{name} est introuvable.") from None
    except yaml.YAMLError as exc:
        raise AtelierError(f"data/course/{name} : YAML illisible ({exc}).") from None


def parse_audiences(data, cat: Catalogue, strict: bool = False) -> tuple[Audience, ...]:
    """Validate the raw YAML of ``metiers.yml`` against the catalogue and the notebooks."""
    if not isinstance(data, dict) or not isinstance(data.get("metiers"), list) or not data["metiers"]:
        raise AtelierError(f"{ORIGIN} doit contenir une liste « metiers » non vide.")
    known = {m.id: m for m in cat.modules}
    cache: dict[str, list[durations.Section]] = {}
    out, seen = [], set()
    for n, raw in enumerate(data["metiers"], start=1):
        where = f"{ORIGIN}, métier {n}"
        if not isinstance(raw, dict):
            raise AtelierError(f"{where} : un métier doit être un dictionnaire (id, titre, public, questions, etapes).")
        aid = raw.get("id")
        if not isinstance(aid, str) or not SLUG.match(aid):
            raise AtelierError(f"{where} : « id » doit ressembler à \"mediation-publics\" (minuscules, chiffres, tirets), pas {describe(aid)}.")
        where = f"{ORIGIN}, métier « {aid} »"
        if aid in seen:
            raise AtelierError(f"{where} : identifiant en double.")
        seen.add(aid)
        title, public = text_field(raw, "titre", where), text_field(raw, "public", where)
        questions = raw.get("questions")
        if not isinstance(questions, list) or not questions or not all(isinstance(q, str) and q.strip() for q in questions):
            raise AtelierError(f"{where} : « questions » doit être une liste non vide de textes (les questions de ce public).")
        advice = text_field(raw, "conseil", where) if raw.get("conseil") is not None else ""
        steps_raw = raw.get("etapes")
        if not isinstance(steps_raw, list) or not steps_raw:
            raise AtelierError(f"{where} : « etapes » doit être une liste non vide d'étapes (module, pourquoi).")
        steps, left_out, used = [], [], set()
        for k, s in enumerate(steps_raw, start=1):
            swhere = f"{where}, étape {k}"
            if not isinstance(s, dict):
                raise AtelierError(f"{swhere} : une étape doit être un dictionnaire (module, pourquoi, et au besoin sections, activite).")
            unknown = set(s) - {"module", "pourquoi", "sections", "activite"}
            if unknown:
                raise AtelierError(f"{swhere} : champ(s) inconnu(s) {sorted(unknown)} ; champs permis : module, pourquoi, sections, activite.")
            mid = s.get("module")
            if not isinstance(mid, str):
                raise AtelierError(f"{swhere} : « module » doit être l'identifiant d'un module du catalogue, pas {describe(mid)}.")
            why = text_field(s, "pourquoi", swhere)
            if mid in used:
                raise AtelierError(f"{swhere} : le module « {mid} » figure deux fois dans ce parcours.")
            used.add(mid)
            module = known.get(mid)
            if module is None or not module.available:
                if strict:
                    state = "n'est pas dans le catalogue" if module is None else f"a le statut « {module.status} »"
                    raise AtelierError(f"{swhere} : le module « {mid} » {state} (modules disponibles : "
                                       f"{', '.join(m.id for m in cat.available)}).")
                left_out.append(mid)
                continue
            act = s.get("activite", False)
            if not isinstance(act, bool):
                raise AtelierError(f"{swhere} : « activite » vaut true ou false, pas {describe(act)}.")
            wanted = s.get("sections")
            sections: tuple[durations.Section, ...] = ()
            if wanted is not None:
                if not isinstance(wanted, list) or not wanted or not all(isinstance(x, str) for x in wanted):
                    raise AtelierError(f"{swhere} : « sections » doit être une liste non vide d'identifiants de cellules de titre.")
                if len(set(wanted)) != len(wanted):
                    raise AtelierError(f"{swhere} : une section figure deux fois dans « sections ».")
                if mid not in cache:
                    cache[mid] = durations.sections(repo_root() / module.notebook)
                by_id = {x.id: x for x in cache[mid]}
                for sid in wanted:
                    if sid not in by_id:
                        raise AtelierError(f"{swhere} : la section « {sid} » n'existe pas dans {module.notebook} "
                                           f"(sections : {', '.join(by_id)}).")
                order = [x.id for x in cache[mid]]
                sections = tuple(sorted((by_id[sid] for sid in wanted), key=lambda x: order.index(x.id)))
            steps.append(Step(module, why, sections, load_activity(mid) if act else None))
        ids = [st.module.id for st in steps]
        for i, st in enumerate(steps):
            for p in st.module.prerequisites:
                if p in known and known[p].available and p not in ids[:i]:
                    raise AtelierError(f"{where} : le module « {st.module.id} » demande « {p} », qui doit venir avant lui dans le parcours.")
        if not steps:
            raise AtelierError(f"{where} : aucun de ses modules n'est disponible dans ce livre.")
        out.append(Audience(aid, title, public, tuple(squash(q) for q in questions), tuple(steps), advice, tuple(left_out)))
    return tuple(out)


def load_audiences(cat: Catalogue, strict: bool = False) -> tuple[Audience, ...]:
    return parse_audiences(read_yaml("metiers.yml"), cat, strict)
