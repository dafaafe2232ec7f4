"""Session plans in several parts (``data/course/seances.yml``): three half-days, a Café IA.

Each part is a timed table computed like :func:`atelier_tools.render.session_plan`: whole
modules take the catalogue's minutes, projected sections the estimate of
:mod:`atelier_tools.durations`, a no-code quiz voted by the room ``vote_par_question`` minutes
per question, a group activity the minutes of ``data/activites/<module>.yml`` (or, when the
file is absent, the fallback the plan gives). Pauses come when a block would run past
``pause_toutes`` minutes (never before half of it has run, never before the closing
sequence). When a part overruns its slot, the exercises of its last modules
move to self-study, then its group activities to another session, and the plan says so. The
list « À préparer et à imprimer » names the handouts ``make fiches`` writes, the offline
bundle (``make bundle``), the room and the projector.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from atelier_ia.course import Catalogue, Module
from atelier_ia.errors import AtelierError, describe
from atelier_ia.paths import repo_root

from . import durations
from .metiers import _read_yaml, load_activity, section_minutes, squash
from .render import NBSP, PROJECTION_SENTENCE, clock, duration

ORIGIN = "data/course/seances.yml"
_TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")
FICHES_DIR = "_build/fiches"


@dataclass(frozen=True)
class Item:
    kind: str            # "texte", "module", "sections", "quiz", "activite"
    label: str
    teaching: int        # minutes (for a module: its teaching minutes)
    exercises: int = 0   # a whole module's exercise minutes
    module: Module | None = None
    real_activity: bool = False  # an activity from data/activites (not the fallback)


@dataclass(frozen=True)
class Part:
    title: str
    start: int
    length: int
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Plan:
    id: str
    title: str
    public: str
    participants: int
    pause: int
    pause_every: int
    computers: bool
    parts: tuple[Part, ...]
    prepare: tuple[str, ...]


def _int(raw, key, where, low=0, high=600, default=None) -> int:
    v = raw.get(key, default)
    if isinstance(v, bool) or not isinstance(v, int) or not low <= v <= high:
        raise AtelierError(f"{where} : « {key} » doit être un nombre entier de {low} à {high}, pas {describe(v)}.")
    return v


def _str(raw, key, where) -> str:
    v = raw.get(key)
    if not isinstance(v, str) or not v.strip():
        raise AtelierError(f"{where} : « {key} » doit être un texte non vide, pas {describe(v)}.")
    return squash(v)


def _module_label(m: Module) -> str:
    return f"Module {m.number} — {m.title}"


def _item(raw, cat: Catalogue, vote: int, where: str) -> Item | None:
    if not isinstance(raw, dict):
        raise AtelierError(f"{where} : une séquence doit être un dictionnaire (texte et minutes, module, quiz ou activite).")
    known = {m.id: m for m in cat.modules}
    if "activite" in raw:
        mid = raw["activite"]
        fallback = raw.get("sinon")
        if not isinstance(fallback, dict):
            raise AtelierError(f"{where} : une activité doit avoir un temps de remplacement « sinon » (texte, minutes), "
                               "pour le cas où son fichier n'existe pas.")
        act = load_activity(mid) if isinstance(mid, str) and mid in known and known[mid].available else None
        if act is not None:
            from .metiers import _activity_text
            return Item("activite", f"Activité de groupe du module {known[mid].number}{NBSP}: {_activity_text(act).removeprefix('activité de groupe ')}",
                        act.minutes, module=known[mid], real_activity=True)
        return Item("texte", _str(fallback, "texte", where + ", sinon"), _int(fallback, "minutes", where + ", sinon", 1))
    if "quiz" in raw:
        from atelier_ia.quiz import load_quiz

        name = raw["quiz"]
        mid = name.removesuffix("-sans-code") if isinstance(name, str) else None
        if mid not in known:
            raise AtelierError(f"{where} : « quiz » doit nommer un quiz de module (« 00-prise-en-main-sans-code »), pas {describe(name)}.")
        if not known[mid].available:
            return None
        n = len(load_quiz(name).questions)
        if not n:
            return None
        return Item("quiz", f"{_str(raw, 'texte', where)} ({n}{NBSP}question{'s' if n > 1 else ''})", n * vote, module=known[mid])
    if "module" in raw:
        mid = raw["module"]
        if mid not in known:
            raise AtelierError(f"{where} : le module « {mid} » n'est pas dans le catalogue.")
        m = known[mid]
        if not m.available:
            return None
        wanted = raw.get("sections")
        if wanted is None:
            return Item("module", _module_label(m), m.teaching_minutes, m.exercise_minutes, m)
        secs = {s.id: s for s in durations.sections(repo_root() / m.notebook)}
        if not isinstance(wanted, list) or not wanted or any(s not in secs for s in wanted):
            raise AtelierError(f"{where} : « sections » doit lister des sections de {m.notebook} ({', '.join(secs)}), pas {describe(wanted)}.")
        names = ", ".join(f"«{NBSP}{secs[s].title}{NBSP}»" for s in wanted)
        return Item("sections", f"Projection du module {m.number}, {m.title}{NBSP}: {names}", sum(section_minutes(secs[s]) for s in wanted), module=m)
    return Item("texte", _str(raw, "texte", where), _int(raw, "minutes", where, 1))


def parse_plans(data, cat: Catalogue) -> tuple[Plan, ...]:
    if not isinstance(data, dict) or not isinstance(data.get("seances"), list) or not data["seances"]:
        raise AtelierError(f"{ORIGIN} doit contenir une liste « seances » non vide.")
    plans, seen = [], set()
    for n, raw in enumerate(data["seances"], start=1):
        where = f"{ORIGIN}, séance {n}"
        if not isinstance(raw, dict) or not isinstance(raw.get("id"), str) or raw["id"] in seen:
            raise AtelierError(f"{where} : une séance doit être un dictionnaire avec un « id » unique.")
        seen.add(raw["id"])
        where = f"{ORIGIN}, séance « {raw['id']} »"
        computers = raw.get("ordinateurs")
        if not isinstance(computers, bool):
            raise AtelierError(f"{where} : « ordinateurs » vaut true ou false, pas {describe(computers)}.")
        vote = _int(raw, "vote_par_question", where, 1, 10, default=3)
        parts_raw = raw.get("parties")
        if not isinstance(parts_raw, list) or not parts_raw:
            raise AtelierError(f"{where} : « parties » doit être une liste non vide.")
        parts = []
        for k, p in enumerate(parts_raw, start=1):
            pwhere = f"{where}, partie {k}"
            if not isinstance(p, dict):
                raise AtelierError(f"{pwhere} : une partie doit être un dictionnaire (titre, debut, duree, sequences).")
            start = p.get("debut")
            match = _TIME.match(start) if isinstance(start, str) else None
            if not match:
                raise AtelierError(f"{pwhere} : « debut » doit être une heure écrite \"9:30\" (entre guillemets), pas {describe(start)}.")
            seqs = p.get("sequences")
            if not isinstance(seqs, list) or not seqs:
                raise AtelierError(f"{pwhere} : « sequences » doit être une liste non vide.")
            items = [_item(s, cat, vote, f"{pwhere}, séquence {j}") for j, s in enumerate(seqs, start=1)]
            parts.append(Part(_str(p, "titre", pwhere), int(match[1]) * 60 + int(match[2]), _int(p, "duree", pwhere, 30),
                              tuple(i for i in items if i is not None)))
        prepare = raw.get("preparer", [])
        if not isinstance(prepare, list) or not all(isinstance(x, str) for x in prepare):
            raise AtelierError(f"{where} : « preparer » doit être une liste de textes.")
        plans.append(Plan(raw["id"], _str(raw, "titre", where), _str(raw, "public", where),
                          _int(raw, "participants", where, 1, 200, default=12), _int(raw, "pause", where, 0, 60),
                          _int(raw, "pause_toutes", where, 0, 600), computers, tuple(parts),
                          tuple(squash(x) for x in prepare)))
    return tuple(plans)


def load_plans(cat: Catalogue) -> tuple[Plan, ...]:
    return parse_plans(_read_yaml("seances.yml"), cat)


def schedule(plan: Plan, part: Part, with_ex: list[bool], with_act: list[bool]) -> tuple[list[str], int]:
    """Rows of the part's timed table and the minutes it takes."""
    rows = ["| Horaire | Séquence | Durée |", "|---|---|---|"]
    t = part.start
    since = 0
    last = len(part.items) - 1
    for k, (item, ex, act) in enumerate(zip(part.items, with_ex, with_act)):
        if item.real_activity and not act:
            continue
        minutes = item.teaching + (item.exercises if ex else 0)
        if (plan.pause and plan.pause_every and k < last and since >= plan.pause_every // 2
                and since + minutes > plan.pause_every):
            rows.append(f"| {clock(t)} | Pause | {duration(plan.pause)} |")
            t += plan.pause
            since = 0
        label = item.label
        if item.kind == "module":
            label += f" ({duration(item.teaching)} de cours" + (
                f", {duration(item.exercises)} d'exercices)" if ex else f"{NBSP}; exercices en autoformation)")
        rows.append(f"| {clock(t)} | {label.replace('|', chr(92) + '|')} | {duration(minutes)} |")
        t += minutes
        since += minutes
    rows.append(f"| {clock(t)} | Fin | |")
    return rows, t - part.start


def fit(plan: Plan, part: Part) -> tuple[list[str], int, list[Item], list[Item]]:
    """The part's rows and minutes once it fits (if it can), with the modules whose exercises
    moved to self-study and the activities moved to another session."""
    with_ex = [True] * len(part.items)
    with_act = [True] * len(part.items)
    rows, used = schedule(plan, part, with_ex, with_act)
    for flags, kind in ((with_ex, "module"), (with_act, "activite")):
        for k in range(len(part.items) - 1, -1, -1):
            if used <= part.length:
                break
            if part.items[k].kind == kind:
                flags[k] = False
                rows, used = schedule(plan, part, with_ex, with_act)
    moved_ex = [i for i, f in zip(part.items, with_ex) if not f]
    moved_act = [i for i, f in zip(part.items, with_act) if not f]
    return rows, used, moved_ex, moved_act


def _names(nums: list[str]) -> str:
    return nums[0] if len(nums) == 1 else ", ".join(nums[:-1]) + " et " + nums[-1]


def plan_markdown(plan: Plan, cat: Catalogue) -> tuple[str, list[int]]:
    """The plan as Markdown, and the minutes each part takes (a test checks they fit)."""
    lengths = sorted({p.length for p in plan.parts})
    slot = " ou ".join(duration(x) for x in lengths)
    n = len(plan.parts)
    out = [f"**Public{NBSP}:** {plan.public}. **Format{NBSP}:** {n} partie{'s' if n > 1 else ''} de {slot}"
           f", pour {plan.participants}{NBSP}personnes environ.", ""]
    used_all, dropped = [], []
    for part in plan.parts:
        rows, used, moved_ex, moved_act = fit(plan, part)
        used_all.append(used)
        dropped += moved_act
        if n > 1:
            out += [f"#### {part.title}", ""]
        else:
            out += [f"*{part.title}*", ""]
        out += rows + [""]
        if moved_ex:
            nums = [i.module.number for i in moved_ex]
            out += [f"Pour tenir dans le temps, les exercices {'des modules' if len(nums) > 1 else 'du module'} "
                    f"{_names(nums)} se font après la séance, en autoformation.", ""]
        if moved_act:
            nums = [i.module.number for i in moved_act]
            out += [f"L'activité de groupe {'des modules' if len(nums) > 1 else 'du module'} {_names(nums)} "
                    "ne tient pas dans ce créneau{NBSP}: gardez-la pour une autre séance.".replace("{NBSP}", NBSP), ""]
        if part.length - used >= 10:
            out += [f"Il reste {duration(part.length - used)} de marge dans ce créneau{NBSP}: pour les questions, "
                    "les retards et les démonstrations que le groupe veut revoir.", ""]
        if used > part.length:
            out += [f"**Attention{NBSP}:** cette partie dure {duration(used)} pour un créneau de {duration(part.length)}.", ""]
    whole = {i.module.id for p in plan.parts for i in p.items if i.kind == "module"}
    if whole:
        rest = [m for m in cat.available if m.id not in whole]
        if rest:
            out += [f"Les modules {_names([m.number for m in rest])} ne sont pas au programme{NBSP}: proposez-les en "
                    "autoformation, ou ajoutez une demi-journée." if len(rest) > 1 else
                    f"Le module {rest[0].number} n'est pas au programme{NBSP}: proposez-le en autoformation.", ""]
    out += ["**À préparer et à imprimer**", ""] + prepare_list(plan, dropped) + [""]
    return "\n".join(out), used_all


def prepare_list(plan: Plan, dropped: list[Item] = ()) -> list[str]:
    """What to set up and print: handouts of ``make fiches``, bundle, room, projector, cards
    (not the sheets of the activities in ``dropped``, which did not fit)."""
    mods: list[Module] = []
    acts: list[Module] = []
    for part in plan.parts:
        for item in part.items:
            if item.module is not None and item.module not in mods:
                mods.append(item.module)
            if item.real_activity and item.module not in acts and item not in dropped:
                acts.append(item.module)
    groups = math.ceil(plan.participants / 4)
    lines = [
        f"- La veille, sans Wi-Fi, construisez le paquet hors connexion du livre avec `make bundle` et vérifiez "
        f"sur votre ordinateur chaque page que vous projetterez{NBSP}; copiez-le sur une clé USB.",
        f"- Les fiches avec `make fiches`, qui les écrit dans `{FICHES_DIR}/`{NBSP}:",
    ]
    for m in mods:
        lines.append(f"  - `{m.id}-fiche.pdf`, fiche du module {m.number}, en {plan.participants}{NBSP}exemplaires (une par personne)"
                     f"{NBSP}; `{m.id}-corrige.pdf`, son corrigé, pour vous seulement{NBSP};")
    for m in acts:
        lines.append(f"  - `{m.id}-activite.pdf`, l'activité de groupe du module {m.number}, en {groups}{NBSP}exemplaires (une par groupe de quatre){NBSP};")
    if lines[-1].endswith(f"{NBSP};"):
        lines[-1] = lines[-1][: -len(f"{NBSP};")] + "."
    lines.append(f"- Une salle où tout le monde voit l'écran, un vidéoprojecteur et son câble (HDMI ou adaptateur)"
                 + (", des enceintes pour la musique générée" if any(m.id.startswith("03") for m in mods) else "") + ".")
    lines.append(f"- {PROJECTION_SENTENCE}")
    lines.append(f"- Un jeu de cartes A, B, C, D par personne ({plan.participants}{NBSP}jeux) pour voter aux quiz sans appareil et sans rien enregistrer.")
    if plan.computers:
        lines.append("- Une machine pour deux personnes, avec le livre hors connexion ou JupyterLab (`make lab`), pour les exercices en binôme.")
    else:
        lines.append("- Aucun ordinateur pour le public{NBSP}: seul le vôtre, qui projette le livre.".replace("{NBSP}", NBSP))
    lines += [f"- {x}" for x in plan.prepare]
    return lines
