"""Markdown written from the catalogue: the only place that turns module metadata into text.

Every sentence about a module's status, title, level, duration or prerequisites that a
reader sees — the course map, the README, a notebook's « Durée » and « Prérequis », the
pathways, the session plans, the trainers' notes, the answer keys — comes from here.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from atelier_ia.course import Catalogue, Module
from atelier_ia.errors import AtelierError
from atelier_ia.fmt import NBSP
from atelier_ia.paths import data_dir, repo_root

GENERATED_NOTICE = "Produit depuis data/course/modules.yml par « make sync » : ne pas modifier à la main."


def duration(minutes: int) -> str:
    """« 45 min », « 1 h », « 1 h 05 » with no-break spaces."""
    h, m = divmod(int(minutes), 60)
    if not h:
        return f"{m}{NBSP}min"
    return f"{h}{NBSP}h" + (f"{NBSP}{m:02d}" if m else "")


def clock(minutes_since_midnight: int) -> str:
    h, m = divmod(int(minutes_since_midnight), 60)
    return f"{h}{NBSP}h{NBSP}{m:02d}"


def repository_url() -> str:
    """The course repository's URL: ONE setting, ``repository.url`` in ``_config.yml``."""
    config = yaml.safe_load((repo_root() / "_config.yml").read_text(encoding="utf-8"))
    url = (config.get("repository") or {}).get("url", "")
    if not url.startswith("https://github.com/"):
        raise AtelierError("_config.yml : « repository.url » doit être l'adresse GitHub du dépôt (https://github.com/…).")
    return url.rstrip("/")


def binder_url(path: str | None = None) -> str:
    owner_repo = repository_url().removeprefix("https://github.com/")
    url = f"https://mybinder.org/v2/gh/{owner_repo}/main"
    return url + (f"?urlpath=lab/tree/{path}" if path else "")


def module_link(m: Module, style: str) -> str:
    """A module's title, linked to its page in the book (``myst``), from a notebook (``notebook``)
    or on the forge (``readme``); plain text while the module is not available."""
    if not m.available:
        return m.title
    if style == "myst":
        return f"{{doc}}`{m.title} </modules/{m.id}>`"
    if style == "notebook":  # from one notebook to another: works in JupyterLab and in the book
        return f"[{m.title}]({m.id}.ipynb)"
    return f"[{m.title}]({m.notebook})"  # README on GitHub


REVIEW_EVERY_DAYS = 183  # a module whose facts were not checked for six months is flagged


def french_date(day) -> str:
    from atelier_ia.timeline import french_date as fd

    return fd(day)


def review_note(m: Module, today=None) -> str:
    """« 1er décembre 2026 », plus « à revoir » when older than six months on ``today``."""
    if m.reviewed is None:
        return f"non indiqué (à revoir{NBSP}: ajoutez « revu_le » au catalogue)" if m.available else "—"
    from atelier_ia.timeline import build_date

    today = today or build_date()
    late = (today - m.reviewed).days > REVIEW_EVERY_DAYS
    return french_date(m.reviewed) + (f" (à revoir{NBSP}: plus de six mois)" if late else "")


def modules_table(cat: Catalogue, style: str = "myst", today=None) -> str:
    """The course map: every module with status, level, durations, prerequisites, themes and,
    in the book, the day its facts were last checked (flagged after six months, on the build date)."""
    review = style == "myst"
    rows = [
        "| N° | Module | Statut | Niveau | Cours | Exercices | Total | Prérequis | Thèmes |" + (" Faits revus le |" if review else ""),
        "|---|---|---|---|---|---|---|---|---|" + ("---|" if review else ""),
    ]
    for m in cat.modules:
        prereq = ", ".join(p[:2] for p in m.prerequisites) or "aucun"
        themes = ", ".join(str(t) for t in m.themes)
        rows.append(
            f"| {m.number} | {module_link(m, style)} | {m.status} | {m.level} | {duration(m.teaching_minutes)} | "
            f"{duration(m.exercise_minutes)} | {duration(m.minutes)} | {prereq} | {themes} |"
            + (f" {review_note(m, today)} |" if review else "")
        )
    return "\n".join(rows) + "\n"


def themes_list(cat: Catalogue) -> str:
    return "\n".join(f"{n}. {text}" for n, text in sorted(cat.themes.items())) + "\n"


def pathways_markdown(cat: Catalogue) -> str:
    parts = []
    for p in cat.pathways:
        total = cat.pathway_minutes(p)
        ready = sum(cat.module(m).available for m in p.modules)
        parts.append(f"### {p.title}\n")
        parts.append(f"**Public{NBSP}:** {p.audience}. **Durée totale{NBSP}:** {duration(total)} "
                     f"({ready} module{'s' if ready > 1 else ''} disponible{'s' if ready > 1 else ''} sur {len(p.modules)}).\n")
        parts.append("| Étape | Module | Durée | Statut |\n|---|---|---|---|")
        for k, mid in enumerate(p.modules, start=1):
            m = cat.module(mid)
            parts.append(f"| {k} | {module_link(m, 'myst')} | {duration(m.minutes)} | {m.status} |")
        parts.append(f"\n**Conseil{NBSP}:** {p.advice}\n")
    return "\n".join(parts)


def prerequisite_chains(cat: Catalogue) -> str:
    """Each module with what it needs, as a list (the pathways page shows it)."""
    lines = []
    for m in cat.modules:
        needs = ", ".join(f"{p[:2]} {cat.module(p).title}" for p in m.prerequisites) or "aucun module"
        lines.append(f"- **{m.number} {m.title}** ({m.status}){NBSP}: {needs}.")
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- notebook cells


def duration_cell(cat: Catalogue, m: Module) -> str:
    return (
        "## Durée\n\n"
        f"{m.teaching_minutes}{NBSP}minutes de cours et {m.exercise_minutes}{NBSP}minutes d'exercices, "
        f"soit {duration(m.minutes)} en tout (niveau{NBSP}: {m.level}). Ces durées sont estimées à partir "
        "du contenu du module (temps de lecture, démonstrations, quiz, exercices)"
        "\u00a0; la méthode est expliquée dans le guide des personnes formatrices."
        + (f" Les faits de ce module ont été vérifiés auprès de leurs sources le {french_date(m.reviewed)}.\n"
           if m.reviewed else "\n")
    )


def prerequisites_text(cat: Catalogue, m: Module) -> str:
    if not m.prerequisites:
        return "Aucun module."
    items = []
    for p in m.prerequisites:  # « prerequis_requis »: truly needed; the others are advice
        pm = cat.module(p)
        where = module_link(pm, "notebook")
        need = "nécessaire" if p in m.required else "conseillé"
        items.append(f"- module {pm.number}, {where} ({duration(pm.minutes)}, {need}"
                     f"{'' if pm.available else ', ' + pm.status})")
    text = f"Modules à suivre avant celui-ci{NBSP}:\n\n" + "\n".join(items)
    if any(p not in m.required for p in m.prerequisites):
        text += (f"\n\nVous pouvez commencer sans un module conseillé{NBSP}: le «{NBSP}Rappel{NBSP}» ci-dessous "
                 f"redonne les notions qu'il faut en connaître.")
    return text


def later_modules_text(cat: Catalogue, m: Module) -> str:
    """The modules that build on ``m``, with their status (for « Pour aller plus loin »)."""
    nxt = [x for x in cat.modules if m.id in x.prerequisites]
    if not nxt:
        return ""
    items = [f"- module {x.number}, {module_link(x, 'notebook')} ({x.status})" for x in nxt]
    return "Les modules qui prolongent celui-ci{NBSP}:\n\n".replace("{NBSP}", NBSP) + "\n".join(items)


# --------------------------------------------------------------------------- trainers


def answer_keys(cat: Catalogue) -> str:
    from atelier_ia.quiz import load_quiz

    parts = []
    for m in cat.available:
        quiz = load_quiz(m.id)
        parts.append(f"### Module {m.number} — {m.title}\n")
        for n, q in enumerate(quiz.questions, start=1):
            right = " ; ".join(f"« {o.text} »" for o in q.options if o.correct)
            parts.append(f"{n}. **{q.text}** *(niveau{NBSP}: {q.level})*  \n   Réponse{'s' if q.multiple else ''}{NBSP}: {right}.  \n"
                         f"   {q.explanation} *(Source{NBSP}: {q.source})*")
        parts.append("")
    return "\n".join(parts)


def notes_path(module_id: str) -> Path:
    return data_dir() / "course" / "notes" / f"{module_id}.yml"


def load_notes(module_id: str) -> dict | None:
    path = notes_path(module_id)
    if not path.is_file():
        return None
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    where = f"data/course/notes/{module_id}.yml"
    if data.get("module") != module_id:
        raise AtelierError(f"{where} : le champ « module » doit valoir « {module_id} ».")
    for key in ("sections", "idees_recues", "discussion"):
        if not isinstance(data.get(key, []), list):
            raise AtelierError(f"{where} : « {key} » doit être une liste.")
    return data


def _table_cell(text) -> str:
    """A value on one line, its pipes escaped, for a Markdown table cell (« — » when empty)."""
    return " ".join(str(text or "—").split()).replace("|", "\\|")


def trainer_notes(cat: Catalogue) -> str:
    """Facilitator notes of every available module, with section timings from its content."""
    from . import durations

    parts = []
    for m in cat.available:
        notes = load_notes(m.id)
        parts.append(f"### Module {m.number} — {m.title}\n")
        parts.append(f"Durée{NBSP}: {duration(m.teaching_minutes)} de cours, {duration(m.exercise_minutes)} d'exercices.\n")
        if notes is None:
            parts.append("*Pas encore de notes d'animation pour ce module.*\n")
            continue
        sections = durations.sections(repo_root() / m.notebook)
        titles = {s.id: s for s in sections}
        if notes.get("sections"):
            parts.append("| Section | Durée estimée | À projeter | Animation |\n|---|---|---|---|")
            for entry in notes["sections"]:
                sid = entry.get("section")
                if sid not in titles:
                    raise AtelierError(
                        f"data/course/notes/{m.id}.yml : la section « {sid} » n'existe plus dans {m.notebook} "
                        f"(sections : {', '.join(titles)})."
                    )
                s = titles[sid]
                parts.append(f"| {s.title} | {duration(max(1, round(s.minutes)))} | {_table_cell(entry.get('projeter'))} "
                             f"| {_table_cell(entry.get('note'))} |")
            parts.append("")
        if notes.get("idees_recues"):
            parts.append("**Idées reçues fréquentes**\n")
            for item in notes["idees_recues"]:
                parts.append(f"- *« {item['idee']} »* — {item['correction']}")
            parts.append("")
        if notes.get("discussion"):
            parts.append("**Pistes de discussion**\n")
            for item in notes["discussion"]:
                parts.append(f"- {item}")
            parts.append("")
    return "\n".join(parts)


#: How to project a module in a session (the session plans and the trainers' guide say it).
PROJECTION_SENTENCE = (
    f"Pour projeter un module, ouvrez sa page «{NBSP}Projeter ce module{NBSP}» (lien sous son titre, dossier "
    f"`projection/` du livre construit){NBSP}: un écran à la fois, les flèches ou une télécommande pour avancer, "
    f"R pour montrer la réponse d'un vote, T pour le minuteur de l'activité, N pour la vue formateur (notes, temps)."
)


# --------------------------------------------------------------------------- home page


#: Where a newcomer starts: the positioning questionnaire (annexes/positionnement.md).
START_DOC = "/annexes/positionnement"


def course_minutes(cat: Catalogue) -> int:
    """The whole course, as a learner can follow it today: every available module, lesson and exercises."""
    return sum(m.minutes for m in cat.available)


def start_here(cat: Catalogue, audiences=()) -> str:
    """The home page's first screen: the link to « Par où commencer ? », the whole course's
    length and each path's (the pathways of ``parcours.yml``, the range of the paths by job of
    ``metiers.yml`` given as ``audiences``), all computed from the catalogue."""
    n = len(cat.available)
    planned = len(cat.modules) - n
    lines = [
        "```{admonition} Par où commencer\u00a0?",
        ":class: tip atelier-accueil",
        f"**{{doc}}`Répondez au questionnaire «{NBSP}Par où commencer{NBSP}?{NBSP}» <{START_DOC}>`**{NBSP}: "
        "selon votre métier et ce que vous savez déjà, il vous propose les modules à suivre, dans l'ordre.",
        "",
        f"**Le cours entier{NBSP}:** {duration(course_minutes(cat))} pour {n} module{'s' if n > 1 else ''}, "
        "lecture, quiz et exercices compris"
        + (f" ({planned} autre{'s' if planned > 1 else ''} en préparation)." if planned else "."),
        "",
        f"**{{doc}}`Parcours proposés </annexes/parcours>`{NBSP}:**",
        "",
    ]
    for p in cat.pathways:
        lines.append(f"- {p.title}{NBSP}: {duration(cat.pathway_minutes(p))}")
    if audiences:
        spans = sorted(a.minutes for a in audiences)
        lines += ["", f"**{{doc}}`Parcours par métier </annexes/metiers/index>`{NBSP}:** {len(spans)} parcours, "
                      f"de {duration(spans[0])} à {duration(spans[-1])}."]
    lines.append("```")
    return "\n".join(lines) + "\n"
