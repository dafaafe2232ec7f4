"""Dates of the course: is an event past or still to come, seen from the day the book is built?

A sentence such as « l'échéance du 2 décembre 2026 est à venir » is true on 1 December 2026 and
false a week later. The course therefore never stores « passé » or « à venir » in its data: it
stores the date, and asks this module for the status on the day the notebook runs (the build
date of the book, or the day a learner opens the notebook).

The build date is today's date in UTC, unless the environment variable ``SOURCE_DATE_EPOCH``
(the usual convention for reproducible builds: seconds since 1 January 1970) fixes it.
"""

from __future__ import annotations

import datetime as dt
import os

from .errors import AtelierError, describe
from .fmt import NBSP
from .fmt import french_date as _french_date
from .validation import check_text

__all__ = ["PAST", "POSTPONED", "UPCOMING", "build_date", "french_date", "status", "to_date", "with_status"]

#: Status of an event whose date is before the build date.
PAST = "passé"
#: Status of an event dated on or after the build date (an event of today may not have happened yet).
UPCOMING = "à venir"

#: Status of a date that a text had planned and a later text moved (it will not happen on that day).
POSTPONED = "reporté"



def to_date(value, name: str = "la date") -> dt.date:
    """``value`` as a :class:`datetime.date`.

    Accepts a ``date``, a ``datetime`` or a pandas ``Timestamp`` (the time of day is dropped),
    or an ISO text such as ``"2026-12-02"``. ``name`` says what the date is, in the error message.
    """
    if not isinstance(name, str) or not name.strip():
        raise AtelierError(
            f"Le nom de la date (name) doit être un texte qui dit ce qu'elle représente, par exemple "
            f"\"la date de l'événement\" ; vous avez donné {describe(name)}."
        )
    if isinstance(value, dt.datetime):  # pandas Timestamp is a datetime subclass
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
        raise AtelierError(
            f"{name.capitalize()} «\u00a0{value}\u00a0» n'est pas lisible. Écrivez-la sous la forme "
            "année-mois-jour, par exemple \"2026-12-02\"."
        )
    raise AtelierError(
        f"{name.capitalize()} doit être une date (par exemple \"2026-12-02\"), pas {describe(value)}."
    )


def build_date() -> dt.date:
    """The date seen by the course: ``SOURCE_DATE_EPOCH`` if set, else today (UTC)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            seconds = int(epoch)
        except ValueError:
            raise AtelierError(
                f"La variable d'environnement SOURCE_DATE_EPOCH vaut «\u00a0{epoch}\u00a0» : elle doit "
                "compter des secondes depuis le 1er janvier 1970 (un nombre entier). Corrigez-la ou supprimez-la."
            ) from None
        return dt.datetime.fromtimestamp(seconds, dt.timezone.utc).date()
    return dt.datetime.now(dt.timezone.utc).date()


def status(event_date, today=None) -> str:
    """« passé » if ``event_date`` is before ``today``, else « à venir ».

    ``today`` defaults to :func:`build_date`. An event dated today counts as « à venir »:
    on the day itself, nothing says it has already happened.
    """
    event = to_date(event_date, "la date de l'événement")
    reference = build_date() if today is None else to_date(today, "la date du jour")
    return PAST if event < reference else UPCOMING


def french_date(value) -> str:
    """A date written the French way: « 1er décembre 2026 », « 2 août 2027 »."""
    day = to_date(value)
    return _french_date(day, sep=NBSP)


def with_status(table, today=None, date_column: str = "date", postponed_column: str = "reportee"):
    """A copy of a pandas table of dated events with a column ``statut`` computed for ``today``.

    ``statut`` is « reporté » where ``postponed_column`` says « oui » (a planned date that a
    later text moved), else :func:`status` of the row's date: « passé » or « à venir ».
    ``today`` defaults to :func:`build_date`.
    """
    date_column = check_text(date_column, "le nom de la colonne des dates (date_column)")
    postponed_column = check_text(postponed_column, "le nom de la colonne des reports (postponed_column)")
    for column in (date_column, postponed_column):
        if column not in getattr(table, "columns", ()):
            raise AtelierError(
                f"Le tableau n'a pas de colonne «\u00a0{column}\u00a0». Donnez un tableau pandas d'événements "
                f"avec les colonnes «\u00a0{date_column}\u00a0» et «\u00a0{postponed_column}\u00a0»."
            )
    reference = build_date() if today is None else to_date(today, "la date du jour")
    result = table.copy()
    result["statut"] = [
        POSTPONED if str(moved).strip() == "oui" else status(day, reference)
        for day, moved in zip(result[date_column], result[postponed_column])
    ]
    return result
