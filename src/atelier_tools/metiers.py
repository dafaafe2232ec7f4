"""Paths by job (``data/course/metiers.yml``) and the positioning quiz (``data/course/positionnement.yml``).

An audience (« métier ») lists steps: a module of the catalogue, either whole or reduced to
some of its sections (the ``##`` heading cells of the notebook, named by cell id), plus,
optionally, the module's group activity (``data/activites/<module>.yml``). No duration is
typed in the data: a whole module takes the catalogue's minutes (teaching + exercises), a
section the estimate of :mod:`atelier_tools.durations` (rounded to the minute, at least one,
as in the trainers' notes), an activity the minutes of its file. A module that a fork removed
from the catalogue, or that is not « disponible », is left out of the pages (``strict=True``
makes it an error, for the tests of this repository).

The positioning quiz is rendered at build time into one self-contained HTML form: its data
and its few lines of script are inline, nothing is sent or stored. It asks what a learner does
and says they know, then knowledge questions (``data/quiz/positionnement.yml``, shown in no
module's quiz) that confirm or not what they said: a module is skipped only on right answers. :func:`suggest` computes
in Python what the page's script computes in the browser (the tests compare them).
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from atelier_ia.course import Catalogue, Module
from atelier_ia.errors import AtelierError, describe
from atelier_ia.fmt import NBSP
from atelier_ia.palette import stylesheet
from atelier_ia.paths import data_dir, repo_root
from atelier_ia.quiz.model import Question

from . import durations
from .render import duration

__all__ = [
    "Activity", "Audience", "Check", "Followed", "Positioning", "Step", "Suggestion",
    "audience_page", "index_markdown", "load_activity", "load_audiences", "load_positioning",
    "parse_audiences", "parse_positioning", "positioning_html", "positioning_table", "section_anchor",
    "section_minutes", "stub_pages", "suggest", "toc_lines",
]

ORIGIN = "data/course/metiers.yml"
PORIGIN = "data/course/positionnement.yml"
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MIN_QUESTIONS, MAX_QUESTIONS = 10, 15


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


def _text(raw: dict, key: str, where: str) -> str:
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
        if not isinstance(aid, str) or not _SLUG.match(aid):
            raise AtelierError(f"{where} : « id » doit ressembler à \"mediation-publics\" (minuscules, chiffres, tirets), pas {describe(aid)}.")
        where = f"{ORIGIN}, métier « {aid} »"
        if aid in seen:
            raise AtelierError(f"{where} : identifiant en double.")
        seen.add(aid)
        title, public = _text(raw, "titre", where), _text(raw, "public", where)
        questions = raw.get("questions")
        if not isinstance(questions, list) or not questions or not all(isinstance(q, str) and q.strip() for q in questions):
            raise AtelierError(f"{where} : « questions » doit être une liste non vide de textes (les questions de ce public).")
        advice = _text(raw, "conseil", where) if raw.get("conseil") is not None else ""
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
            why = _text(s, "pourquoi", swhere)
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


# --------------------------------------------------------------------------- pages


def _cell(text: str) -> str:
    return squash(str(text)).replace("|", "\\|")


def _module_link(m: Module) -> str:
    return f"{{doc}}`{m.number} {m.title} </modules/{m.id}>`"


def _what(step: Step) -> str:
    m = step.module
    if not step.sections:
        return (f"module entier{NBSP}: {duration(m.teaching_minutes)} de cours et "
                f"{duration(m.exercise_minutes)} d'exercices")
    parts = [f"«{NBSP}{s.title}{NBSP}» ({duration(section_minutes(s))})" for s in step.sections]
    return f"section{'s' if len(parts) > 1 else ''}{NBSP}: " + ", ".join(parts)


def activity_text(a: Activity) -> str:
    name = f"{{doc}}`{a.title} </annexes/activites/{a.module_id}>`" if a.has_page else f"«{NBSP}{a.title}{NBSP}»"
    return f"activité de groupe {name}"


def audience_page(aud: Audience, cat: Catalogue) -> str:
    """The body of an audience's page (its title is in the page that includes it)."""
    n = len(aud.steps)
    lines = [f"**Pour qui{NBSP}:** {aud.public}.", "", f"**Les questions de ce public{NBSP}:**", ""]
    lines += [f"- {q}" for q in aud.questions]
    lines += ["", f"**Durée totale{NBSP}:** {duration(aud.minutes)}, en {n} étape{'s' if n > 1 else ''}.", ""]
    lines += ["| Étape | Module | Ce que vous suivez | Durée | Pourquoi |", "|---|---|---|---|---|"]
    for k, st in enumerate(aud.steps, start=1):
        what = _what(st)
        if st.activity:
            what += f"{NBSP}; {activity_text(st.activity)} ({duration(st.activity.minutes)})"
        lines.append(f"| {k} | {_module_link(st.module)} | {_cell(what)} | {duration(st.minutes)} | {_cell(st.why)} |")
    lines.append(f"| | **Total** | | **{duration(aud.minutes)}** | |")
    lines.append("")
    if aud.advice:
        lines += [f"**Conseil{NBSP}:** {aud.advice}", ""]
    lines += [
        "Les durées sont calculées à chaque construction du livre{NBSP}: un module entier compte la durée "
        "du catalogue (cours et exercices), une section l'estimation tirée de son contenu (voir "
        "{doc}`le guide des personnes formatrices </annexes/guide-formateurs>`), une activité de groupe "
        "la durée indiquée dans sa fiche.".replace("{NBSP}", NBSP),
        "",
    ]
    lines += [f"Ce parcours ne vous ressemble pas tout à fait{NBSP}? Le questionnaire {{doc}}`«{NBSP}Par où commencer{NBSP}?{NBSP}» "
              "</annexes/positionnement>` tient compte de ce que vous savez déjà, et la page "
              "{doc}`Parcours par métier </annexes/metiers/index>` présente les autres publics.", ""]
    if aud.left_out:
        lines += [f"*Ce parcours cite aussi {len(aud.left_out)} module{'s' if len(aud.left_out) > 1 else ''} "
                  f"absent{'s' if len(aud.left_out) > 1 else ''} de ce livre ou pas encore disponible"
                  f"{'s' if len(aud.left_out) > 1 else ''}{NBSP}: {', '.join(aud.left_out)}.*", ""]
    return "\n".join(lines)


def index_markdown(auds: tuple[Audience, ...]) -> str:
    rows = ["| Parcours | Pour qui | Étapes | Durée totale |", "|---|---|---|---|"]
    for a in auds:
        rows.append(f"| {{doc}}`{a.title} </annexes/metiers/{a.id}>` | {_cell(a.public)} | {len(a.steps)} | {duration(a.minutes)} |")
    return "\n".join(rows) + "\n"


STUB = ("# {title}\n\n"
        "<!-- Page produite par « make sync » depuis data/course/metiers.yml : ne pas modifier à la main. -->\n\n"
        "```{{include}} ../../_generated/metier-{id}.md\n```\n")


def stub_pages(root: Path | None = None, cat: Catalogue | None = None) -> dict[Path, tuple[str, str]]:
    """Every audience page file (``annexes/metiers/<id>.md``) with its current and generated text."""
    from atelier_ia.course import load_catalogue

    root = root or repo_root()
    out = {}
    for a in load_audiences(cat or load_catalogue()):
        path = root / "annexes" / "metiers" / f"{a.id}.md"
        old = path.read_text(encoding="utf-8") if path.exists() else ""
        out[path] = (old, STUB.format(title=a.title, id=a.id))
    return out


def toc_lines(cat: Catalogue | None = None) -> list[str]:
    """The ``_toc.yml`` lines of the index « Parcours par métier » and its audience pages."""
    from atelier_ia.course import load_catalogue

    if not (repo_root() / "annexes" / "metiers" / "index.md").is_file():
        return []
    lines = ["      - file: annexes/metiers/index", "        sections:"]
    lines += [f"          - file: annexes/metiers/{a.id}" for a in load_audiences(cat or load_catalogue())]
    return lines


# --------------------------------------------------------------------------- positioning quiz


@dataclass(frozen=True)
class Answer:
    text: str
    path: str | None
    skip: tuple[str, ...]
    priority: tuple[str, ...]
    reason: str


@dataclass(frozen=True)
class PQuestion:
    id: str
    text: str
    multiple: bool
    answers: tuple[Answer, ...]


@dataclass(frozen=True)
class Check:
    """A knowledge question of the positioning quiz: a quiz question (options in display order)
    that checks what a learner says they know of ``module``; ``sections`` answer it."""
    question: Question
    module: str
    sections: tuple[durations.Section, ...]
    number: int                                      # its number in the form

    @property
    def name(self) -> str:
        """The name of its radio buttons in the form, and its key in ``suggest``'s answers."""
        return f"v-{self.question.id}"


@dataclass(frozen=True)
class Positioning:
    title: str
    default: str
    questions: tuple[PQuestion, ...]
    checks: tuple[Check, ...] = ()
    stated: str | None = None                        # id of the question whose priority leads

    def question(self, qid: str) -> PQuestion:
        for q in self.questions:
            if q.id == qid:
                return q
        raise AtelierError(f"{PORIGIN} : pas de question « {qid} » (questions : {', '.join(q.id for q in self.questions)}).")


def section_anchor(section: durations.Section) -> str:
    """The id the book gives a section's heading (docutils' rule, applied to its plain text)."""
    from docutils.nodes import make_id

    plain = re.sub(r"\{[a-z:-]+\}`([^`<]*?)(?:\s*<[^>]*>)?`", r"\1", section.title)  # {term}`x <y>` → x
    return make_id(re.sub(r"[`*_]", "", plain))


def section_href(module: Module, section: durations.Section) -> str:
    """The link to a section, relative to ``annexes/positionnement.html``."""
    return f"../modules/{module.id}.html#{section_anchor(section)}"


def _parse_checks(raw, cat: Catalogue, first_number: int, strict: bool) -> tuple[Check, ...]:
    from atelier_ia.quiz import load_quiz

    if raw is None:
        return ()
    where = f"{PORIGIN}, « verification »"
    if not isinstance(raw, dict) or not isinstance(raw.get("quiz"), str) or not isinstance(raw.get("questions"), list):
        raise AtelierError(f"{where} : donnez « quiz » (un fichier de data/quiz) et « questions » (une liste).")
    quiz = load_quiz(raw["quiz"])
    known = {m.id: m for m in cat.modules}
    checks, seen = [], set()
    for k, c in enumerate(raw["questions"], start=1):
        cwhere = f"{where}, question {k}"
        if not isinstance(c, dict) or set(c) - {"question", "module", "sections"}:
            raise AtelierError(f"{cwhere} : une vérification est un dictionnaire (question, module, sections).")
        qid, mid, wanted = c.get("question"), c.get("module"), c.get("sections")
        if qid in seen:
            raise AtelierError(f"{cwhere} : la question « {qid} » figure deux fois.")
        seen.add(qid)
        question = quiz.question(qid)
        if question.multiple:
            raise AtelierError(f"{cwhere} : « {qid} » doit être une question à une seule réponse.")
        module = known.get(mid)
        if module is None or not module.available:
            if strict:
                raise AtelierError(f"{cwhere} : le module « {mid} » n'est pas disponible dans le catalogue.")
            continue  # a fork removed the module: its questions go with it
        if not isinstance(wanted, list) or not wanted or not all(isinstance(x, str) for x in wanted):
            raise AtelierError(f"{cwhere} : « sections » doit être une liste non vide d'identifiants de cellules de titre.")
        secs = durations.sections(repo_root() / module.notebook)
        by_id = {s.id: s for s in secs}
        missing = [s for s in wanted if s not in by_id]
        if missing:
            raise AtelierError(f"{cwhere} : la section « {missing[0]} » n'existe pas dans {module.notebook}.")
        chosen = tuple(s for s in secs if s.id in wanted)
        checks.append(Check(question, module.id, chosen, first_number + len(checks)))
    return tuple(checks)


def parse_positioning(data, auds: tuple[Audience, ...], cat: Catalogue, strict: bool = False) -> Positioning:
    if not isinstance(data, dict) or not isinstance(data.get("questions"), list):
        raise AtelierError(f"{PORIGIN} doit contenir une liste « questions ».")
    paths = {a.id for a in auds}
    title = _text(data, "titre", PORIGIN)
    default = data.get("par_defaut")
    if default not in paths:
        raise AtelierError(f"{PORIGIN} : « par_defaut » doit être l'un des parcours par métier ({', '.join(sorted(paths))}), pas {describe(default)}.")
    n = len(data["questions"])
    if not MIN_QUESTIONS <= n <= MAX_QUESTIONS:
        raise AtelierError(f"{PORIGIN} : le questionnaire doit avoir de {MIN_QUESTIONS} à {MAX_QUESTIONS} questions ; il en a {n}.")
    available = {m.id for m in cat.available}
    questions, seen = [], set()
    for k, raw in enumerate(data["questions"], start=1):
        where = f"{PORIGIN}, question {k}"
        if not isinstance(raw, dict):
            raise AtelierError(f"{where} : une question doit être un dictionnaire (id, question, multiple, reponses).")
        qid = raw.get("id")
        if not isinstance(qid, str) or not _SLUG.match(qid) or qid in seen:
            raise AtelierError(f"{where} : « id » doit être un identifiant unique en minuscules et tirets, pas {describe(qid)}.")
        seen.add(qid)
        where = f"{PORIGIN}, question « {qid} »"
        text = _text(raw, "question", where)
        multiple = raw.get("multiple", False)
        if not isinstance(multiple, bool):
            raise AtelierError(f"{where} : « multiple » vaut true ou false, pas {describe(multiple)}.")
        answers_raw = raw.get("reponses")
        if not isinstance(answers_raw, list) or len(answers_raw) < 2:
            raise AtelierError(f"{where} : « reponses » doit proposer au moins deux réponses.")
        answers = []
        for j, a in enumerate(answers_raw, start=1):
            awhere = f"{where}, réponse {j}"
            if not isinstance(a, dict):
                raise AtelierError(f"{awhere} : une réponse doit être un dictionnaire (texte, et au besoin parcours, a_sauter, prioritaire, raison).")
            unknown = set(a) - {"texte", "parcours", "a_sauter", "prioritaire", "raison"}
            if unknown:
                raise AtelierError(f"{awhere} : champ(s) inconnu(s) {sorted(unknown)}.")
            atext = _text(a, "texte", awhere)
            path = a.get("parcours")
            if path is not None and path not in paths:
                raise AtelierError(f"{awhere} : le parcours « {path} » n'est pas dans {ORIGIN} ({', '.join(sorted(paths))}).")
            lists = {}
            for key in ("a_sauter", "prioritaire"):
                v = a.get(key, [])
                if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
                    raise AtelierError(f"{awhere} : « {key} » doit être une liste d'identifiants de modules.")
                for mid in v:
                    if strict and mid not in available:  # a fork may remove a module: then it is ignored
                        raise AtelierError(f"{awhere} : le module « {mid} » de « {key} » n'est pas disponible dans le catalogue.")
                lists[key] = tuple(x for x in v if x in available)
            reason = a.get("raison")
            if (a.get("a_sauter") or a.get("prioritaire")) and not (isinstance(reason, str) and reason.strip()):
                raise AtelierError(f"{awhere} : une réponse qui fait sauter ou rend prioritaire un module doit dire pourquoi (« raison »).")
            reason = squash(reason or "")
            if reason and not (reason[0].isupper() and reason[-1] in ".!?"):
                raise AtelierError(f"{awhere} : « raison » doit être une phrase (majuscule au début, point à la fin), pas « {reason} ».")
            answers.append(Answer(atext, path, lists["a_sauter"], lists["prioritaire"], reason))
        questions.append(PQuestion(qid, text, multiple, tuple(answers)))
    stated = data.get("priorite_declaree")
    if stated is not None and stated not in seen:
        raise AtelierError(f"{PORIGIN} : « priorite_declaree » doit nommer une question ({', '.join(sorted(seen))}), pas {describe(stated)}.")
    checks = _parse_checks(data.get("verification"), cat, len(questions) + 1, strict)
    return Positioning(title, default, tuple(questions), checks, stated)


def load_positioning(auds: tuple[Audience, ...], cat: Catalogue, strict: bool = False) -> Positioning:
    return parse_positioning(read_yaml("positionnement.yml"), auds, cat, strict)


#: The sentences the placement writes (the page's script writes the same, from the same strings).
TXT = {
    "intro": "Cochez ce qui vous correspond, puis cliquez sur «\u00a0Voir mon parcours\u00a0». Toutes les questions sont facultatives.",
    "part1": "Vous et votre travail",
    "part2": "Vérifiez ce que vous savez",
    "part2_intro": ("Ces questions ne figurent pas dans les quiz des modules. Une réponse juste confirme qu'un module que "
                    "vous dites connaître peut être sauté\u00a0; une réponse fausse le garde dans votre parcours. Si vous ne "
                    "savez pas, ne répondez pas."),
    "heading": "Votre parcours",
    "path": "Parcours suggéré\u00a0: ",
    "fallback": "Vous n'avez pas indiqué de métier\u00a0; voici un parcours pour commencer\u00a0: ",
    "follow": "Modules à suivre, dans l'ordre",
    "prio": "prioritaire",
    "skip": "Modules que vous pouvez sauter",
    "sections": "Sections à suivre\u00a0: ",
    "total": "Temps total\u00a0: ",
    "solo": ("Les durées sont celles de la carte du cours pour une personne seule\u00a0: les activités de groupe "
             "des parcours n'y sont pas comptées."),
    "score": "Questions de connaissances\u00a0: {right} juste{s_right} sur {answered} répondue{s_answered}.",
    "no_check": "Vous n'avez répondu à aucune question de connaissances.",
    "confirmed": "Vous avez répondu juste à la question {n}.",
    "declared_wrong": "Vous pensiez pouvoir sauter ce module, mais votre réponse à la question {n} n'était pas juste.",
    "declared_open": "Vous pensiez pouvoir sauter ce module\u00a0: répondez à la question {n} pour le vérifier.",
    "wrong": "Votre réponse à la question {n} n'était pas juste.",
    "submit": "Voir mon parcours",
    "reset": "Tout effacer",
    "question": "Question {n} sur {total}",
    "several": "Plusieurs réponses possibles.",
    "noscript": "Ce questionnaire calcule votre parcours dans votre navigateur, avec JavaScript, qui est désactivé. "
                "Le tableau ci-dessous donne les mêmes règles, à appliquer à la main.",
}


def _sentence(text: str) -> str:
    """A feedback as a sentence of the result: « Non : c'est … » → « C'est … »."""
    text = re.sub(r"^(?:Non|Pas seulement|Pas tout à fait)\s*[:,]\s*", "", squash(text))
    return text[:1].upper() + text[1:]


@dataclass(frozen=True)
class Followed:
    module: str
    minutes: int
    priority: bool
    reasons: tuple[str, ...]
    sections: tuple[durations.Section, ...] = ()     # empty: the whole module


@dataclass(frozen=True)
class Suggestion:
    path: str                                        # audience id
    follow: tuple[Followed, ...]
    skip: tuple[tuple[str, tuple[str, ...]], ...]    # (module id, reasons)
    chosen: bool                                     # False when no answer named a path (default used)
    right: int = 0                                   # knowledge questions answered right
    answered: int = 0                                # knowledge questions answered

    @property
    def minutes(self) -> int:
        return sum(f.minutes for f in self.follow)


def suggest(pos: Positioning, auds: tuple[Audience, ...], cat: Catalogue, answers: dict[str, list[int]]) -> Suggestion:
    """What the page's script shows for ``answers`` (question id, or a check's ``name`` → indices
    of the chosen answers, the options of a check in display order). The rules are those of the
    comment at the top of ``data/course/positionnement.yml``; durations are a learner's alone
    (no group activity)."""
    path, declared, prio, stated = None, {}, {}, []
    for q in pos.questions:
        for i in sorted(set(answers.get(q.id, []))):
            a = q.answers[i]
            if a.path:
                path = a.path
            for mid in a.skip:
                declared.setdefault(mid, []).append(a.reason)
            for mid in a.priority:
                prio.setdefault(mid, []).append(a.reason)
                if q.id == pos.stated and mid not in stated:
                    stated.append(mid)
    notes: dict[str, list[str]] = {}
    confirmed: dict[str, list[str]] = {}
    wrong_sections: dict[str, list[durations.Section]] = {}
    state: dict[str, list[str]] = {}                 # module → "ok" | "wrong" | "open", per check
    right = answered = 0
    for c in pos.checks:
        chosen = answers.get(c.name, [])
        if not chosen:
            state.setdefault(c.module, []).append("open")
            continue
        answered += 1
        option = c.question.options[chosen[0]]
        if option.correct:
            right += 1
            state.setdefault(c.module, []).append("ok")
            confirmed.setdefault(c.module, []).append(TXT["confirmed"].format(n=c.number))
            continue
        state.setdefault(c.module, []).append("wrong")
        first = TXT["declared_wrong" if c.module in declared else "wrong"].format(n=c.number)
        notes.setdefault(c.module, []).extend([first, _sentence(option.feedback)])
        wrong_sections.setdefault(c.module, []).extend(s for s in c.sections if s not in wrong_sections.get(c.module, []))
    skip = {}
    for mid, reasons in declared.items():
        if mid in prio:
            continue
        checks = state.get(mid, [])
        if all(s == "ok" for s in checks):
            skip[mid] = reasons + confirmed.get(mid, [])
        elif "wrong" not in checks:
            n = next(c.number for c in pos.checks if c.module == mid and not answers.get(c.name))
            notes.setdefault(mid, []).append(TXT["declared_open"].format(n=n))
    aud = next(a for a in auds if a.id == (path or pos.default))
    steps = {s.module.id: s for s in aud.steps}
    order = [m.id for m in cat.modules]
    base = [m for m in aud.module_ids if m not in skip]
    base += [m for m in order if m in prio and m not in steps]
    base += [m for m in order if m in wrong_sections and m not in steps and m not in prio]
    emitted: list[str] = []

    def emit(mid: str) -> None:
        for p in cat.module(mid).prerequisites:
            if p in base and p not in emitted:
                emit(p)
        if mid not in emitted:
            emitted.append(mid)

    for mid in [m for m in stated if m in base] + base:
        emit(mid)
    follow = []
    for mid in emitted:
        if mid in steps:
            st = steps[mid]
            minutes, secs = st.module_minutes, st.sections
        elif mid in prio:
            minutes, secs = cat.module(mid).minutes, ()
        else:
            secs = tuple(wrong_sections[mid])
            minutes = sum(section_minutes(s) for s in secs)
        follow.append(Followed(mid, minutes, mid in prio, tuple(prio.get(mid, [])) + tuple(notes.get(mid, [])), secs))
    skipped = tuple((mid, tuple(skip[mid])) for mid in aud.module_ids if mid in skip)
    return Suggestion(aud.id, tuple(follow), skipped, path is not None, right, answered)


def _static(name: str) -> str:
    """The form's stylesheet or script (``atelier_tools/static``), inlined in the page."""
    return Path(__file__).with_name("static").joinpath(name).read_text(encoding="utf-8")


_CSS = "\n" + stylesheet(_static("metiers.css"))

# The page's script: reads the inline data, computes the same thing as ``suggest``, writes the
# result with textContent (no HTML from the data is interpreted). It sends and stores nothing.
_JS = "\n" + _static("metiers.js")


def _section_json(module: Module, s: durations.Section) -> dict:
    return {"title": s.title, "href": section_href(module, s), "minutes": section_minutes(s)}


def positioning_data(pos: Positioning, auds: tuple[Audience, ...], cat: Catalogue) -> dict:
    """The JSON the page's script reads (links are relative to ``annexes/positionnement.html``)."""
    mods = {m.id: {"label": f"{m.number} {m.title}", "href": f"../modules/{m.id}.html", "minutes": m.minutes,
                   "prereq": [p for p in m.prerequisites]}
            for m in cat.available}
    paths = {a.id: {"title": a.title, "href": f"metiers/{a.id}.html", "order": list(a.module_ids),
                    "steps": {s.module.id: {"minutes": s.module_minutes, "sections": [_section_json(s.module, x) for x in s.sections]}
                              for s in a.steps}}
             for a in auds}
    checks = [{"name": c.name, "module": c.module, "n": c.number,
               "correct": [i for i, o in enumerate(c.question.options) if o.correct],
               "feedback": [_sentence(o.feedback) for o in c.question.options],
               "sections": [_section_json(cat.module(c.module), s) for s in c.sections]}
              for c in pos.checks]
    return {
        "fallback": pos.default, "stated": pos.stated, "order": [m.id for m in cat.available], "modules": mods, "paths": paths,
        "questions": [{"id": q.id, "answers": [{"path": a.path, "skip": list(a.skip), "prio": list(a.priority), "reason": a.reason}
                                                for a in q.answers]} for q in pos.questions],
        "checks": checks,
        "text": {k: TXT[k] for k in ("heading", "path", "fallback", "follow", "prio", "skip", "sections", "total", "solo",
                                      "score", "no_check", "confirmed", "declared_wrong", "declared_open", "wrong")},
    }


def positioning_html(pos: Positioning, auds: tuple[Audience, ...], cat: Catalogue) -> str:
    """The self-contained form (one line per element, so Markdown leaves it alone)."""
    e = html.escape
    total = len(pos.questions) + len(pos.checks)
    parts = [f'<div class="aip" id="aip" lang="fr"><style>{" ".join(_CSS.split())}</style>',
             '<form class="aip-form" novalidate>', f'<p>{e(TXT["intro"])}</p>']
    if pos.checks:
        parts.append(f'<h2 id="aip-partie-1">{e(TXT["part1"])}</h2>')
    for n, q in enumerate(pos.questions, start=1):
        kind = "checkbox" if q.multiple else "radio"
        hint = f' aria-describedby="aip-{q.id}-aide"' if q.multiple else ""
        parts.append(f'<fieldset id="aip-{q.id}"{hint}><legend><span class="aip-num">{e(TXT["question"].format(n=n, total=total))}</span>'
                     f'{e(q.text)}</legend>')
        if q.multiple:
            parts.append(f'<p class="aip-hint" id="aip-{q.id}-aide">{e(TXT["several"])}</p>')
        for i, a in enumerate(q.answers):
            parts.append(f'<label><input type="{kind}" name="{q.id}" value="{i}"> <span>{e(a.text)}</span></label>')
        parts.append("</fieldset>")
    if pos.checks:
        parts.append(f'<h2 id="aip-partie-2">{e(TXT["part2"])}</h2>')
        parts.append(f'<p>{e(TXT["part2_intro"])}</p>')
    for c in pos.checks:
        parts.append(f'<fieldset id="aip-{c.name}" class="aip-check"><legend><span class="aip-num">'
                     f'{e(TXT["question"].format(n=c.number, total=total))}</span>{e(c.question.text)}</legend>')
        for i, o in enumerate(c.question.options):
            parts.append(f'<label><input type="radio" name="{c.name}" value="{i}"> <span>{e(o.text)}</span></label>')
        parts.append("</fieldset>")
    parts.append(f'<div class="aip-actions"><button type="submit">{e(TXT["submit"])}</button>'
                 f'<button type="reset">{e(TXT["reset"])}</button></div></form>')
    parts.append('<div class="aip-result" role="status" aria-live="polite" tabindex="-1"></div>')
    data = json.dumps(positioning_data(pos, auds, cat), ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    parts.append(f'<script type="application/json">{data}</script>')
    parts.append(f"<script>{_JS.strip()}</script>")
    parts.append(f'<noscript><p>{e(TXT["noscript"])}</p></noscript></div>')
    return "\n".join(parts)


def positioning_markdown(pos: Positioning, auds: tuple[Audience, ...], cat: Catalogue) -> str:
    return "```{raw} html\n" + positioning_html(pos, auds, cat) + "\n```\n"


def positioning_table(pos: Positioning, auds: tuple[Audience, ...], cat: Catalogue) -> str:
    """The rules of the quiz, for paper use: every answer that has an effect, and its effect.
    The right answers of the knowledge questions are not printed here, under the form."""
    titles = {a.id: a.title for a in auds}
    sep = NBSP + "; "
    rows = ["| Question | Réponse | Effet |", "|---|---|---|"]
    for n, q in enumerate(pos.questions, start=1):
        for a in q.answers:
            effects = []
            if a.path:
                effects.append(f"parcours {{doc}}`{titles[a.path]} </annexes/metiers/{a.path}>`")
            if a.priority:
                lead = " (en tête du parcours)" if q.id == pos.stated else ""
                effects.append("prioritaire" + NBSP + ": " + ", ".join(cat.module(m).number for m in a.priority) + lead)
            if a.skip:
                checks = [str(c.number) for c in pos.checks if c.module in a.skip]
                listed = ", ".join(checks[:-1]) + " et " + checks[-1] if len(checks) > 1 else "".join(checks)
                cond = (f" si les réponses aux questions {listed} sont justes" if len(checks) > 1 else
                        f" si la réponse à la question {listed} est juste" if checks else "")
                effects.append("à sauter" + NBSP + ": " + ", ".join(cat.module(m).number for m in a.skip) + cond)
            if effects:
                rows.append(f"| {n} | {_cell(a.text)} | {sep.join(effects)} |")
    for c in pos.checks:
        m = cat.module(c.module)
        secs = ", ".join(f"«{NBSP}{s.title}{NBSP}»" for s in c.sections)
        rows.append(f"| {c.number} | réponse fausse | le module {m.number} reste à suivre{sep}s'il n'est pas dans le "
                    f"parcours, ajouter {_cell(secs)} |")
    return "\n".join(rows) + "\n"
