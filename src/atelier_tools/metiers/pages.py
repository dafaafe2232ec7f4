"""The pages of the paths by job: one page per audience, the index, the stub files and ``_toc.yml`` lines."""

from __future__ import annotations

from pathlib import Path

from atelier_ia.course import Catalogue, Module
from atelier_ia.fmt import NBSP
from atelier_ia.paths import repo_root

from ..render import duration
from .audiences import Activity, Audience, Step, load_audiences, section_minutes, squash

__all__ = ["activity_text", "audience_page", "index_markdown", "stub_pages", "toc_lines"]


# --------------------------------------------------------------------------- pages


def table_cell(text: str) -> str:
    """A text in one cell of a Markdown table (one line, « | » escaped)."""
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
        lines.append(f"| {k} | {_module_link(st.module)} | {table_cell(what)} | {duration(st.minutes)} | {table_cell(st.why)} |")
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
        rows.append(f"| {{doc}}`{a.title} </annexes/metiers/{a.id}>` | {table_cell(a.public)} | {len(a.steps)} | {duration(a.minutes)} |")
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
