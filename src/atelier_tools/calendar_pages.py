"""Pages the book build writes from the course's one calendar (``data/calendrier/faits-dates.yml``).

* « Faits à revérifier » (maintainers, ``annexes/faits-a-reverifier.md``): the dated facts whose
  « revoir avant » date has come on the build date, with where they appear in the course.
* « Ce qui a changé dans cette édition » (trainers' guide): the facts whose date, wording, state
  or computed status changed since the previous edition.

Both are computed for the build date (:func:`atelier_ia.timeline.build_date`), so a build made
later lists more overdue facts without anyone editing a page.
"""

from __future__ import annotations

from atelier_ia import datedfacts
from atelier_ia.fmt import french_typography
from atelier_ia.timeline import build_date, to_date

OVERDUE_FILE = "faits-a-reverifier.md"
CHANGES_FILE = "changements-edition.md"


def _cell(text: str) -> str:
    return french_typography(text).replace("|", "\\|")


def _where(fact) -> str:
    return ", ".join(f"`{w}`" for w in fact.where) or "(non précisé)"


def overdue_markdown(today=None) -> str:
    """The table of overdue facts for ``today`` (default: the build date)."""
    day = build_date() if today is None else to_date(today, "la date du jour")
    late = datedfacts.overdue(day)
    intro = french_typography(
        f"Construit le {datedfacts.french_date(day)}. Le calendrier du cours "
        f"(`data/{datedfacts.CALENDAR_FILE}`) compte {len(datedfacts.facts())} faits datés ; "
    )
    if not late:
        return intro + french_typography("aucun n'a dépassé sa date « revoir avant ».\n")
    lines = [
        intro + french_typography(f"{len(late)} ont dépassé leur date « revoir avant ». Pour chacun : vérifier la source, "
                    "corriger le fait et les fichiers où il apparaît, puis repousser « revoir_avant » "
                    "(et ajouter l'ancienne version à « historique »)."),
        "",
        "| Fait | Revoir avant | État de nos sources | Où il apparaît | Source |",
        "|---|---|---|---|---|",
    ]
    for f in late:
        lines.append(
            f"| {_cell(f.what)} (`{f.id}`) | {datedfacts.french_date(f.review_by)} | {f.state} | "
            f"{_where(f)} | {_cell(f.source)} |"
        )
    return "\n".join(lines) + "\n"


def changes_markdown(today=None) -> str:
    """What a trainer who taught the previous edition should now say differently."""
    day = build_date() if today is None else to_date(today, "la date du jour")
    cal = datedfacts.load()
    previous = cal.previous
    if previous is None:
        return "Première édition du cours : rien n'a changé depuis une édition précédente.\n"
    found = datedfacts.changes(day)
    head = french_typography(
        f"Depuis l'{previous.title}, vue le {datedfacts.french_date(day)} "
        f"(calculé depuis `data/{datedfacts.CALENDAR_FILE}`) :"
    )
    if not found:
        return head + french_typography(" aucun fait daté n'a changé.\n")
    lines = [head, ""]
    for f, notes in found:
        lines.append(f"- **{french_typography(f.what)}** ({french_typography(datedfacts.status_text(f, day))}).")
        lines += [f"  - {french_typography(n)}" for n in notes]
    return "\n".join(lines) + "\n"


def generated_pages(today=None) -> dict[str, str]:
    """``_generated`` files: name → Markdown."""
    return {OVERDUE_FILE: overdue_markdown(today), CHANGES_FILE: changes_markdown(today)}
