"""Session plans (``data/course/seances.yml``): 3 hours, one day, three half-days, Café IA and
one half-day per audience of the paths by job. The only scheduler of the book's plans.

Each part is a timed table: whole modules take the catalogue's minutes (their exercises too,
unless the plan says ``exercices: false``: they then go to self-study, and the plan says so),
projected sections the estimate of :mod:`atelier_tools.durations`, a no-code quiz voted by the
room ``vote_par_question`` minutes per question, a group activity the minutes of
``data/activites/<module>.yml`` (or, when the file is absent, the fallback the plan gives).
Pauses come when a block would run past ``pause_toutes`` minutes (never before half of it has
run, never before the closing sequence).

Plans fit by construction: :func:`check_fit` refuses, in French, a part that overruns its slot
and lists what to cut; :func:`parse_plans` refuses a part (a half-day at most) without a group
activity. The list « À préparer et à imprimer » names the handouts ``make fiches`` writes, the
offline bundle (``make bundle``), the room and the projector. :func:`pages` writes, per plan,
the printed run-sheet, sign-in sheet and evaluation form (``fiches/seance-<id>*.md``).

The printed pages are in :mod:`.printed`.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from atelier_ia.course import Catalogue, Module
from atelier_ia.errors import AtelierError, describe
from atelier_ia.fmt import NBSP
from atelier_ia.paths import repo_root

from .. import durations
from ..metiers import load_activity, read_yaml, section_minutes, squash
from ..printed import FOLDER
from ..render import PROJECTION_SENTENCE, clock, duration

__all__ = ["FICHES_DIR", "MAX_PART", "ORIGIN", "PAGES", "Item", "Part", "Plan", "and_list", "audience_plans_markdown", "check_fit",
           "evaluation_doc", "load_plans", "parse_plans", "pdf_name", "plan_doc", "plan_markdown", "prepare_list", "runsheet_doc",
           "schedule", "signin_doc", "table"]

ORIGIN = "data/course/seances.yml"
_TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")
FICHES_DIR = "_build/fiches"
MAX_PART = 240  # a part is a half-day at most (4 hours): each one keeps a group activity


@dataclass(frozen=True)
class Item:
    kind: str            # "texte", "module", "sections", "quiz", "activite"
    label: str
    teaching: int        # minutes (for a module: its teaching minutes)
    exercises: int = 0   # a whole module's exercise minutes
    module: Module | None = None
    real_activity: bool = False  # an activity from data/activites (not the fallback)
    group: bool = False          # a group activity (from data/activites or its fallback)
    with_exercises: bool = True  # a whole module: its exercises in the session (else self-study)
    project: str = "—"           # what to project
    hand_out: str = "—"          # what to hand out
    cuts: tuple[tuple[str, int], ...] = ()  # what could be cut from this item, and the minutes saved


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
    audience: str | None = None  # id of an audience of data/course/metiers.yml, for a plan by job


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
            from ..metiers import activity_text
            m = known[mid]
            return Item("activite", f"Activité de groupe du module {m.number}{NBSP}: {activity_text(act).removeprefix('activité de groupe ')}",
                        act.minutes, module=m, real_activity=True, group=True,
                        project="Rien (activité sans écran)" if not raw.get("projeter") else _str(raw, "projeter", where),
                        hand_out=f"Fiche d'activité du module {m.number} (une par équipe)")
        return Item("texte", _str(fallback, "texte", where + ", sinon"), _int(fallback, "minutes", where + ", sinon", 1),
                    group=True, project="Rien")
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
        m = known[mid]
        label = f"{_str(raw, 'texte', where)} ({n}{NBSP}question{'s' if n > 1 else ''})"
        return Item("quiz", label, n * vote, module=m, project=f"Les questions sans code du module {m.number}, une à une",
                    hand_out="Cartes A, B, C, D", cuts=((f"le vote sur les questions du module {m.number}", n * vote),))
    if "module" in raw:
        mid = raw["module"]
        if mid not in known:
            raise AtelierError(f"{where} : le module « {mid} » n'est pas dans le catalogue.")
        m = known[mid]
        if not m.available:
            return None
        wanted = raw.get("sections")
        if wanted is None:
            ex = raw.get("exercices", True)
            if not isinstance(ex, bool):
                raise AtelierError(f"{where} : « exercices » vaut true ou false, pas {describe(ex)}.")
            cuts = ((f"les exercices du module {m.number} (écrivez « exercices: false » : ils passent en autoformation)",
                     m.exercise_minutes),) if ex else ()
            return Item("module", _module_label(m), m.teaching_minutes, m.exercise_minutes if ex else 0, m, with_exercises=ex,
                        project=f"Le module {m.number} du livre" + (", puis ses exercices" if ex else ""),
                        hand_out=f"Fiche du module {m.number} (une par personne)", cuts=cuts)
        secs = {s.id: s for s in durations.sections(repo_root() / m.notebook)}
        if not isinstance(wanted, list) or not wanted or any(s not in secs for s in wanted):
            raise AtelierError(f"{where} : « sections » doit lister des sections de {m.notebook} ({', '.join(secs)}), pas {describe(wanted)}.")
        names = ", ".join(f"«{NBSP}{secs[s].title}{NBSP}»" for s in wanted)
        cuts = tuple((f"la section «{NBSP}{secs[s].title}{NBSP}» du module {m.number}", section_minutes(secs[s])) for s in wanted)
        return Item("sections", f"Projection du module {m.number}, {m.title}{NBSP}: {names}", sum(section_minutes(secs[s]) for s in wanted),
                    module=m, project=f"Module {m.number}{NBSP}: {names}", hand_out=f"Fiche du module {m.number}", cuts=cuts)
    minutes = _int(raw, "minutes", where, 1)
    label = _str(raw, "texte", where)
    cuts = ((f"« {label} » (raccourcissez-le)", minutes // 2),) if minutes >= 15 else ()
    return Item("texte", label, minutes, group=bool(raw.get("groupe", False)),
                project=_str(raw, "projeter", where) if raw.get("projeter") else "—",
                hand_out=_str(raw, "distribuer", where) if raw.get("distribuer") else "—", cuts=cuts)


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
            part = Part(_str(p, "titre", pwhere), int(match[1]) * 60 + int(match[2]), _int(p, "duree", pwhere, 30, MAX_PART),
                        tuple(i for i in items if i is not None))
            if not any(i.group for i in part.items):
                raise AtelierError(f"{where}, partie « {part.title} » : chaque demi-journée garde au moins une activité de groupe "
                                   "(une séquence « activite: <module> » avec son temps « sinon »). Ajoutez-en une, quitte à "
                                   "retirer une section projetée.")
            parts.append(part)
        prepare = raw.get("preparer", [])
        if not isinstance(prepare, list) or not all(isinstance(x, str) for x in prepare):
            raise AtelierError(f"{where} : « preparer » doit être une liste de textes.")
        audience = raw.get("metier")
        if audience is not None and (not isinstance(audience, str) or not audience.strip()):
            raise AtelierError(f"{where} : « metier » doit être l'identifiant d'un métier de data/course/metiers.yml, pas {describe(audience)}.")
        plan = Plan(raw["id"], _str(raw, "titre", where), _str(raw, "public", where),
                    _int(raw, "participants", where, 1, 200, default=12), _int(raw, "pause", where, 0, 60),
                    _int(raw, "pause_toutes", where, 0, 600), computers, tuple(parts),
                    tuple(squash(x) for x in prepare), audience)
        for part in plan.parts:
            check_fit(plan, part)
        plans.append(plan)
    return tuple(plans)


def load_plans(cat: Catalogue) -> tuple[Plan, ...]:
    return parse_plans(read_yaml("seances.yml"), cat)


def schedule(plan: Plan, part: Part) -> tuple[list[tuple[int, str, int, Item | None]], int]:
    """The part's timed sequences (start, label, minutes, item; ``None`` for a pause) and the
    minutes it takes, pauses included."""
    rows: list[tuple[int, str, int, Item | None]] = []
    t = part.start
    since = 0
    last = len(part.items) - 1
    for k, item in enumerate(part.items):
        minutes = item.teaching + item.exercises
        if (plan.pause and plan.pause_every and k < last and since >= plan.pause_every // 2
                and since + minutes > plan.pause_every):
            rows.append((t, "Pause", plan.pause, None))
            t += plan.pause
            since = 0
        label = item.label
        if item.kind == "module":
            label += f" ({duration(item.teaching)} de cours" + (
                f", {duration(item.exercises)} d'exercices)" if item.with_exercises else f"{NBSP}; exercices en autoformation)")
        rows.append((t, label, minutes, item))
        t += minutes
        since += minutes
    return rows, t - part.start


def table(plan: Plan, part: Part) -> list[str]:
    """The part's timed table in Markdown."""
    rows, used = schedule(plan, part)
    out = ["| Horaire | Séquence | Durée |", "|---|---|---|"]
    out += [f"| {clock(t)} | {label.replace('|', chr(92) + '|')} | {duration(m)} |" for t, label, m, _ in rows]
    out.append(f"| {clock(part.start + used)} | Fin | |")
    return out


def check_fit(plan: Plan, part: Part) -> int:
    """The minutes the part takes; an :class:`AtelierError` in French, saying what to cut,
    when it overruns its slot."""
    _, used = schedule(plan, part)
    over = used - part.length
    if over <= 0:
        return used
    cuts = sorted((c for i in part.items for c in i.cuts), key=lambda c: -c[1])
    enough = [c for c in cuts if c[1] >= over]
    pick = (enough[-1:] + [c for c in cuts if c[1] < over][:3]) if enough else cuts[:4]
    ideas = f"{NBSP}; ".join(f"{what} ({duration(m)})" for what, m in pick)
    raise AtelierError(
        f"{ORIGIN}, séance « {plan.id} », partie « {part.title} » : elle dure {duration(used)}, pauses comprises, "
        f"pour un créneau de {duration(part.length)}, soit {duration(over)} de trop. Retirez de quoi gagner "
        f"{duration(over)}, par exemple{NBSP}: {ideas or 'une séquence'}. Gardez l'activité de groupe."
    )


def and_list(nums: list[str]) -> str:
    """« 00, 02 et 04 »: numbers joined the French way."""
    return nums[0] if len(nums) == 1 else ", ".join(nums[:-1]) + " et " + nums[-1]


def plan_markdown(plan: Plan, cat: Catalogue) -> tuple[str, list[int]]:
    """The plan as Markdown, and the minutes each part takes (each fits its slot)."""
    lengths = sorted({p.length for p in plan.parts})
    slot = " ou ".join(duration(x) for x in lengths)
    n = len(plan.parts)
    out = [f"**Public{NBSP}:** {plan.public}. **Format{NBSP}:** {n} partie{'s' if n > 1 else ''} de {slot}"
           f", pour {plan.participants}{NBSP}personnes environ.", ""]
    used_all = []
    for part in plan.parts:
        used = check_fit(plan, part)
        used_all.append(used)
        out += ([f"#### {part.title}", ""] if n > 1 else [f"*{part.title}*", ""]) + table(plan, part) + [""]
        later = [i.module.number for i in part.items if i.kind == "module" and not i.with_exercises]
        if later:
            out += [f"Les exercices {'des modules' if len(later) > 1 else 'du module'} {and_list(later)} "
                    f"se font après la séance, en autoformation.", ""]
        if part.length - used >= 10:
            out += [f"Il reste {duration(part.length - used)} de marge dans ce créneau{NBSP}: pour les questions, "
                    "les retards et les démonstrations que le groupe veut revoir.", ""]
    seen = {i.module.id for p in plan.parts for i in p.items if i.kind in ("module", "sections")}
    if seen:
        rest = [m for m in cat.available if m.id not in seen]
        if rest:
            out += [f"Les modules {and_list([m.number for m in rest])} ne sont pas au programme{NBSP}: proposez-les en "
                    "autoformation, ou ajoutez une demi-journée." if len(rest) > 1 else
                    f"Le module {rest[0].number} n'est pas au programme{NBSP}: proposez-le en autoformation.", ""]
    out += [f"Feuilles imprimées par `make fiches`{NBSP}: {{doc}}`déroulé </{runsheet_doc(plan.id)}>`, "
            f"{{doc}}`feuille d'émargement </{signin_doc(plan.id)}>`, {{doc}}`évaluation de fin de séance </{evaluation_doc(plan.id)}>`.", ""]
    out += ["**À préparer et à imprimer**", ""] + prepare_list(plan) + [""]
    return "\n".join(out), used_all


def prepare_list(plan: Plan) -> list[str]:
    """What to set up and print: handouts of ``make fiches``, bundle, room, projector, cards."""
    mods: list[Module] = []
    acts: list[Module] = []
    for part in plan.parts:
        for item in part.items:
            if item.module is not None and item.module not in mods:
                mods.append(item.module)
            if item.real_activity and item.module not in acts:
                acts.append(item.module)
    groups = math.ceil(plan.participants / 4)
    lines = [
        f"- La veille, sans Wi-Fi, construisez le paquet hors connexion du livre avec `make bundle` et vérifiez "
        f"sur votre ordinateur chaque page que vous projetterez{NBSP}; copiez-le sur une clé USB.",
        f"- Les fiches avec `make fiches`, qui les écrit dans `{FICHES_DIR}/`{NBSP}:",
    ]
    for m in mods:
        lines.append(f"  - `{m.number}-fiche.pdf`, fiche du module {m.number}, en {plan.participants}{NBSP}exemplaires (une par personne)"
                     f"{NBSP}; `{m.number}-corrige.pdf`, son corrigé, pour vous seulement{NBSP};")
    for m in acts:
        lines.append(f"  - `{m.number}-activite.pdf`, l'activité de groupe du module {m.number}, en {groups}{NBSP}exemplaires (une par groupe de quatre){NBSP};")
    lines += [f"  - `{pdf_name(plan.id, 'deroule')}`, le déroulé de la séance, pour vous{NBSP};",
              f"  - `{pdf_name(plan.id, 'emargement')}`, la feuille d'émargement{NBSP};",
              f"  - `{pdf_name(plan.id, 'evaluation')}`, l'évaluation de fin de séance, en {plan.participants}{NBSP}exemplaires{NBSP};"]
    if lines[-1].endswith(f"{NBSP};"):
        lines[-1] = lines[-1][: -len(f"{NBSP};")] + "."
    lines.append("- Une salle où tout le monde voit l'écran, un vidéoprojecteur et son câble (HDMI ou adaptateur)"
                 + (", des enceintes pour la musique générée" if any(m.id.startswith("03") for m in mods) else "") + ".")
    lines.append(f"- {PROJECTION_SENTENCE}")
    lines.append(f"- Un jeu de cartes A, B, C, D par personne ({plan.participants}{NBSP}jeux) pour voter aux quiz sans appareil et sans rien enregistrer.")
    if plan.computers:
        lines.append("- Une machine pour deux personnes, avec le livre hors connexion ou JupyterLab (`make lab`), pour les exercices en binôme.")
    else:
        lines.append("- Aucun ordinateur pour le public{NBSP}: seul le vôtre, qui projette le livre.".replace("{NBSP}", NBSP))
    lines += [f"- {x}" for x in plan.prepare]
    return lines



# --------------------------------------------------------------------------- names of the printed pages

PAGES = {"deroule": "déroulé", "emargement": "feuille d'émargement", "evaluation": "évaluation de fin de séance"}


def plan_doc(plan_id: str, kind: str) -> str:
    """Docname of one printed page of a plan (``kind``: a key of :data:`PAGES`)."""
    return f"{FOLDER}/seance-{plan_id}" + ("" if kind == "deroule" else f"-{kind}")


def runsheet_doc(plan_id: str) -> str:
    """Docname of a plan's run-sheet (``fiches/seance-<id>``)."""
    return plan_doc(plan_id, "deroule")


def signin_doc(plan_id: str) -> str:
    return plan_doc(plan_id, "emargement")


def evaluation_doc(plan_id: str) -> str:
    return plan_doc(plan_id, "evaluation")


def pdf_name(plan_id: str, kind: str) -> str:
    """File name of a printed page in ``_build/fiches/``."""
    return f"seance-{plan_id}-{kind}.pdf"


def audience_plans_markdown(cat: Catalogue) -> str:
    """The half-day plans of the paths by job, one after the other, each linked to its path."""
    from ..metiers import load_audiences

    auds = {a.id: a for a in load_audiences(cat)}
    out = []
    for plan in load_plans(cat):
        if plan.audience is None:
            continue
        aud = auds.get(plan.audience)
        if aud is None:
            raise AtelierError(f"{ORIGIN}, séance « {plan.id} » : le métier « {plan.audience} » n'est pas dans data/course/metiers.yml.")
        text, _ = plan_markdown(plan, cat)
        out += [f"#### {plan.title}", "",
                f"Cette demi-journée ouvre le parcours {{doc}}`{aud.title} </annexes/metiers/{aud.id}>`{NBSP}; "
                "le groupe le poursuit ensuite en autoformation.", "", text]
    return "\n".join(out)
