"""The art-school kit (issue 24, item 4): three project briefs that use the course's own tools.

``data/ecoles/projets.yml`` holds each brief (objectives, deliverables, rubric, the modules it
builds on, the tools it uses) and its workload in student hours, written once;
:func:`page` writes ``annexes/projets-ecoles-art.md`` from it, with the ECTS credit range
computed from the hours (1 credit = 25 to 30 hours of student work, ECTS Users' Guide 2015).
:mod:`atelier_tools.sync` writes the page and lists it among the annexes.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from atelier_ia.course import Catalogue
from atelier_ia.errors import AtelierError
from atelier_ia.fmt import NBSP, french_number, french_typography
from atelier_ia.paths import data_dir

ORIGIN = "data/ecoles/projets.yml"
PAGE = "annexes/projets-ecoles-art.md"


@dataclass(frozen=True)
class Brief:
    id: str
    title: str
    modules: tuple[str, ...]
    tools: tuple[str, ...]
    guided: int
    independent: int
    objectives: tuple[str, ...]
    deliverables: tuple[str, ...]
    rubric: tuple[tuple[str, tuple[str, ...]], ...]

    @property
    def hours(self) -> int:
        return self.guided + self.independent


def load(cat: Catalogue) -> tuple[dict, list[Brief]]:
    raw = yaml.safe_load((data_dir() / "ecoles" / "projets.yml").read_text(encoding="utf-8"))
    if not isinstance(raw, dict) or not isinstance(raw.get("projets"), list) or not raw["projets"]:
        raise AtelierError(f"{ORIGIN} doit contenir une liste « projets » non vide.")
    levels = raw.get("niveaux")
    if not isinstance(levels, list) or len(levels) < 2:
        raise AtelierError(f"{ORIGIN} : « niveaux » doit lister au moins deux niveaux de la grille.")
    ids = {m.id for m in cat.modules}
    briefs = []
    for n, p in enumerate(raw["projets"], start=1):
        where = f"{ORIGIN}, projet {n}"
        for key in ("heures_encadrees", "heures_autonomes"):
            if not isinstance(p.get(key), int) or p[key] <= 0:
                raise AtelierError(f"{where} : « {key} » doit être un nombre entier d'heures, plus grand que 0.")
        if p.get("modules") == []:
            continue  # a copy reduced to some modules (make selection) removed every module of this project
        if not p.get("modules") or not all(m in ids for m in p["modules"]):
            raise AtelierError(f"{where} : « modules » doit lister des modules du catalogue.")
        rubric = []
        for row in p.get("grille") or []:
            if len(row.get("niveaux", [])) != len(levels):
                raise AtelierError(f"{where}, critère « {row.get('critere')} » : il faut un texte par niveau "
                                   f"({', '.join(levels)}).")
            rubric.append((row["critere"], tuple(row["niveaux"])))
        if not rubric:
            raise AtelierError(f"{where} : la « grille » d'évaluation est vide.")
        briefs.append(Brief(p["id"], p["titre"], tuple(p["modules"]), tuple(p["outils"]), p["heures_encadrees"],
                            p["heures_autonomes"], tuple(p["objectifs"]), tuple(p["livrables"]), tuple(rubric)))
    return raw, briefs


def credits(hours: int, per_credit: list[int]) -> tuple[float, float]:
    """The ECTS credit range of ``hours`` of student work, rounded to the half credit."""
    low, high = sorted(per_credit)
    return round(2 * hours / high) / 2, round(2 * hours / low) / 2


_COUNT = {0: "aucun", 1: "un", 2: "deux", 3: "trois", 4: "quatre", 5: "cinq"}


def page(cat: Catalogue) -> str:
    raw, briefs = load(cat)
    ects = raw["ects"]
    levels = raw["niveaux"]
    low, high = sorted(ects["heures_par_credit"])
    out = [
        f"# Kit pour les écoles d'art : {_COUNT.get(len(briefs), str(len(briefs)))} projet{'s' if len(briefs) > 1 else ''}",
        "",
        "<!-- Page produite par « make sync » depuis data/ecoles/projets.yml : ne pas modifier à la main. -->",
        "",
        "Des projets pour un semestre, qui se servent des outils du cours. Chacun dit ses objectifs, "
        "ses livrables, sa grille d'évaluation, le temps de travail demandé et les modules sur lesquels il "
        "s'appuie. Chaque module s'ouvre par un « Rappel » des notions des modules 00 et 02 : on peut "
        "donc proposer deux modules sans imposer toute la chaîne qui les précède.",
        "",
        "## Temps de travail et crédits",
        "",
        f"{ects['explication']} {{cite:p}}`{ects['source']}`",
        "",
        "| Projet | Heures encadrées | Heures en autonomie | Total | Crédits ECTS (repère) |",
        "|---|---|---|---|---|",
    ]
    for b in briefs:
        c1, c2 = credits(b.hours, ects["heures_par_credit"])
        span = french_number(c1) if c1 == c2 else f"{french_number(c1)} à {french_number(c2)}"
        out.append(f"| {{ref}}`{b.title} <{b.id}>` | {b.guided}{NBSP}h | {b.independent}{NBSP}h | {b.hours}{NBSP}h | {span} |")
    out += ["", f"Les crédits sont comptés à raison de {low} à {high} heures par crédit, arrondis au demi-crédit.", ""]
    for b in briefs:
        out += [f"({b.id})=", f"## {b.title}", ""]
        mods = ", ".join(f"{{doc}}`module {cat.module(m).number} </modules/{m}>`" for m in b.modules)
        out += [f"**S'appuie sur** : {mods}. **Outils du cours** : {', '.join(f'`{t}`' for t in b.tools)}.", ""]
        out += [f"**Temps de travail** : {b.hours}{NBSP}heures, dont {b.guided} encadrées et {b.independent} en autonomie.", ""]
        out += ["**Objectifs**", "", *[f"- {o}" for o in b.objectives], ""]
        out += ["**Livrables**", "", *[f"- {d}" for d in b.deliverables], ""]
        out += ["**Grille d'évaluation**", "", "| Critère | " + " | ".join(levels) + " |",
                "|---" * (len(levels) + 1) + "|"]
        out += [f"| {crit} | " + " | ".join(texts) + " |" for crit, texts in b.rubric]
        out.append("")
    return french_typography("\n".join(out)).rstrip() + "\n"


def planned(root: Path, cat: Catalogue) -> dict[Path, tuple[str, str]]:
    path = root / PAGE
    return {path: (path.read_text(encoding="utf-8") if path.exists() else "", page(cat))}
