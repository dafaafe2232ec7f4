"""The positioning quiz rendered for the book: one self-contained HTML form, and its rules as a table.

Its data and its few lines of script are inline, nothing is sent or stored.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

from atelier_ia.course import Catalogue
from atelier_ia.fmt import NBSP
from atelier_ia.palette import stylesheet

from .audiences import Audience
from .pages import table_cell
from .positioning import TXT, Positioning, positioning_data

__all__ = ["positioning_html", "positioning_markdown", "positioning_table"]


def _static(name: str) -> str:
    """The form's stylesheet or script (``atelier_tools/static``), inlined in the page."""
    return Path(__file__).parent.parent.joinpath("static", name).read_text(encoding="utf-8")


_CSS = "\n" + stylesheet(_static("metiers.css"))

# The page's script: reads the inline data, computes the same thing as ``suggest``, writes the
# result with textContent (no HTML from the data is interpreted). It sends and stores nothing.
_JS = "\n" + _static("metiers.js")



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
                rows.append(f"| {n} | {table_cell(a.text)} | {sep.join(effects)} |")
    for c in pos.checks:
        m = cat.module(c.module)
        secs = ", ".join(f"«{NBSP}{s.title}{NBSP}»" for s in c.sections)
        rows.append(f"| {c.number} | réponse fausse | le module {m.number} reste à suivre{sep}s'il n'est pas dans le "
                    f"parcours, ajouter {table_cell(secs)} |")
    return "\n".join(rows) + "\n"
