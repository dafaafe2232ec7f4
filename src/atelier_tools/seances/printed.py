"""The printed pages of each session plan: run-sheet, sign-in sheet and evaluation form (``fiches/seance-<id>*.md``)."""

from __future__ import annotations

import math
import re

from atelier_ia.course import Catalogue
from atelier_ia.fmt import NBSP

from ..printed import handout_style
from ..render import clock, duration
from .plans import Plan, and_list, evaluation_doc, load_plans, runsheet_doc, schedule, signin_doc

__all__ = ["EVALUATION", "OPEN_QUESTIONS", "evaluation_page", "index_lines", "pages", "print_summary", "runsheet_page", "signin_page"]

# --------------------------------------------------------------------------- printed pages

def _cell(text: str) -> str:
    """Text for a table cell: one line (no-break spaces kept), « | » escaped."""
    return re.sub(r"[ \t\r\n]+", " ", str(text)).strip().replace("|", "\\|")


def _head(plan: Plan, what: str) -> list[str]:
    return [f"# {what[0].upper() + what[1:]}{NBSP}: {plan.title}\n", handout_style(),
            f"<p class=\"fiche-entete\">Atelier IA &amp; culture — {what} — {len(plan.parts)}{NBSP}partie"
            f"{'s' if len(plan.parts) > 1 else ''} de {' ou '.join(duration(x) for x in sorted({p.length for p in plan.parts}))} "
            f"— {plan.participants}{NBSP}personnes environ</p>\n"]


def runsheet_page(plan: Plan, cat: Catalogue) -> str:
    """One page for the person who leads the session: timings, what to project, what to hand out."""
    out = _head(plan, "déroulé de séance")
    out.append(f"**Public{NBSP}:** {plan.public}.\n")
    for part in plan.parts:
        rows, used = schedule(plan, part)
        out.append(f"## {part.title} ({clock(part.start)}–{clock(part.start + used)}, créneau de {duration(part.length)})\n")
        out.append("<div class=\"fiche-deroule\">\n")
        out.append("| Horaire | Séquence | Durée | À projeter | À distribuer |\n|---|---|---|---|---|")
        for t, label, m, item in rows:
            proj, hand = ("—", "—") if item is None else (item.project, item.hand_out)
            if item is not None and item.kind == "sections":  # the sections are in « À projeter »
                label = f"Projection du module {item.module.number}, {item.module.title}"
            out.append(f"| {clock(t)} | {_cell(label)} | {duration(m)} | {_cell(proj)} | {_cell(hand)} |")
        out.append(f"| {clock(part.start + used)} | Fin{NBSP}: émargement et évaluation | | | Feuille d'émargement, évaluation |")
        out.append("\n</div>\n")
    out.append(f"**À imprimer avec `make fiches`{NBSP}:** {print_summary(plan)}\n")
    out.append(f"**Matériel{NBSP}:** un vidéoprojecteur{NBSP}; un jeu de cartes A, B, C, D par personne"
               + (f"{NBSP}; une machine pour deux personnes." if plan.computers else f"{NBSP}; aucun ordinateur pour le public.")
               + " La liste complète est dans le plan du guide des personnes formatrices.\n")
    return "\n".join(out) + "\n"


def print_summary(plan: Plan) -> str:
    """What to print for a session, in one sentence (the run-sheet keeps to one page)."""
    mods, acts = [], []
    for part in plan.parts:
        for item in part.items:
            if item.module is not None and item.module.number not in mods:
                mods.append(item.module.number)
            if item.real_activity and item.module.number not in acts:
                acts.append(item.module.number)
    n, groups = plan.participants, math.ceil(plan.participants / 4)
    bits = []
    if mods:
        bits.append(f"fiche{'s' if len(mods) > 1 else ''} {'des modules' if len(mods) > 1 else 'du module'} {and_list(mods)} "
                    f"({n}{NBSP}exemplaires de chacune), leurs corrigés pour vous")
    if acts:
        bits.append(f"activité{'s' if len(acts) > 1 else ''} de groupe {'des modules' if len(acts) > 1 else 'du module'} "
                    f"{and_list(acts)} ({groups}{NBSP}exemplaires)")
    bits.append(f"feuille d'émargement (1), évaluation de fin de séance ({n}{NBSP}exemplaires)")
    return f"{NBSP}; ".join(bits) + "."


def signin_page(plan: Plan, cat: Catalogue) -> str:
    """The sign-in sheet (« feuille d'émargement »): one signature column per part."""
    out = _head(plan, "feuille d'émargement")
    out.append(f"Intitulé de la formation{NBSP}: Atelier IA &amp; culture — {plan.title}<br>\n"
               f"Lieu{NBSP}: ………………………………………… Personne formatrice{NBSP}: …………………………………………\n")
    cols = [f"{part.title}<br>le ……/……/………… de {clock(part.start)} à {clock(part.start + schedule(plan, part)[1])}"
            for part in plan.parts]
    out.append("<div class=\"fiche-emargement\">\n")
    out.append("| N° | Nom et prénom | Structure | " + " | ".join(f"Signature — {_cell(c)}" for c in cols) + " |")
    out.append("|---|---|---|" + "---|" * len(cols))
    for k in range(1, plan.participants + 4):
        out.append(f"| {k} | | | " + " | " * (len(cols) - 1) + " |")
    out.append("\n</div>\n")
    out.append("\nSignature de la personne formatrice, à la fin de chaque partie{NBSP}:\n".replace("{NBSP}", NBSP))
    out.append("<p class=\"fiche-signature\">&nbsp;</p>\n")
    return "\n".join(out) + "\n"


EVALUATION = (
    ("Dans l'ensemble, cette séance vous a été utile pour votre travail{NBSP}?",
     ("Pas du tout", "Un peu", "Assez", "Tout à fait")),
    ("Le rythme de la séance était{NBSP}:", ("trop lent", "adapté", "trop rapide")),
    ("Les démonstrations projetées étaient claires{NBSP}?", ("Pas du tout", "Un peu", "Assez", "Tout à fait")),
    ("Après la séance, vous sauriez expliquer à une ou un collègue ce que fait un modèle génératif{NBSP}?",
     ("Non", "En partie", "Oui")),
    ("Recommanderiez-vous cette séance à une ou un collègue{NBSP}?", ("Non", "Peut-être", "Oui")),
)
OPEN_QUESTIONS = (
    "Ce que vous retenez de la séance, en une phrase{NBSP}:",
    "Une chose que vous essaierez, ou que vous éviterez, dans votre structure{NBSP}:",
    "Ce qui vous a manqué, ou ce qu'il faudrait changer{NBSP}:",
)


def evaluation_page(plan: Plan, cat: Catalogue) -> str:
    """A short, anonymous evaluation form for the end of the session (kept with the attestations)."""
    out = _head(plan, "évaluation de fin de séance")
    out.append(f"Ce questionnaire est anonyme{NBSP}: ne l'écrivez pas à votre nom. Cochez une case par question. "
               f"La structure qui organise la séance peut le garder avec les attestations.\n")
    out.append("Séance du ……/……/………… à …………………………………………\n")
    items = []
    for q, choices in EVALUATION:
        boxes = "".join(f"<li><span class=\"fiche-case\" aria-hidden=\"true\">☐</span> {c}</li>" for c in choices)
        items.append(f"<li class=\"fiche-question\"><p><b>{q.replace('{NBSP}', NBSP)}</b></p>"
                     f"<ul class=\"fiche-options fiche-ligne\">{boxes}</ul></li>")
    for q in OPEN_QUESTIONS:
        items.append(f"<li class=\"fiche-question\"><p><b>{q.replace('{NBSP}', NBSP)}</b></p>"
                     "<p class=\"fiche-reponse\">&nbsp;</p></li>")
    out.append("<ol class=\"fiche-evaluation\">" + "".join(items) + "</ol>\n")
    out.append("Merci. Déposez cette feuille, sans la signer, dans l'enveloppe prévue.\n")
    return "\n".join(out) + "\n"


def pages(cat: Catalogue) -> dict[str, str]:
    """Every plan's printed pages: path relative to the book's source folder → text."""
    out = {}
    for plan in load_plans(cat):
        out[f"{runsheet_doc(plan.id)}.md"] = runsheet_page(plan, cat)
        out[f"{signin_doc(plan.id)}.md"] = signin_page(plan, cat)
        out[f"{evaluation_doc(plan.id)}.md"] = evaluation_page(plan, cat)
    return out


def index_lines(cat: Catalogue) -> list[str]:
    """Markdown list items for the page « Fiches à imprimer »."""
    return [f"- Séance «{NBSP}{plan.title}{NBSP}»{NBSP}: {{doc}}`déroulé </{runsheet_doc(plan.id)}>`, "
            f"{{doc}}`émargement </{signin_doc(plan.id)}>`, {{doc}}`évaluation </{evaluation_doc(plan.id)}>`"
            for plan in load_plans(cat)]
