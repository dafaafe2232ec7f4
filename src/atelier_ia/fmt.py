"""Numbers and durations as a French reader writes them: the course's one formatting policy.

* decimal comma: ``french_number(0.5)`` → ``"0,5"``;
* thousands separated by a narrow no-break space (U+202F), which never breaks a number
  across lines: ``french_number(3300)`` → ``"3 300"``;
* ``decimals=None`` drops useless zeros (``2.50`` → ``"2,5"``), an integer stays an integer;
* dates: ``french_date(date(2026, 12, 1))`` → ``"1er décembre 2026"`` (one month list, :data:`MONTHS`);
* typography: :func:`french_typography` puts the no-break space (:data:`NBSP`) before « : ; ! ? »
  and inside guillemets. Every module uses these, rather than its own copy.
"""

from __future__ import annotations

import datetime as _dt
import math
import numbers

from .errors import AtelierError, describe

__all__ = ["MONTHS", "NNBSP", "NBSP", "french_date", "french_number", "french_percent", "french_typography"]

NBSP = "\u00a0"   # no-break space: before « : ; ! ? », inside guillemets, between a number and its unit
NNBSP = "\u202f"  # narrow no-break space: thousands separator

#: French month names, January first (``MONTHS[month - 1]``).
MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
          "septembre", "octobre", "novembre", "décembre")


def french_typography(text: str) -> str:
    """French typography: a no-break space before « : ; ? ! » and inside guillemets.

    Only a plain space already there is replaced: a mark glued to the word before it (an English
    title, « BLOOM: … ») is left alone.
    """
    if not isinstance(text, str):
        raise AtelierError(f"french_typography attend un texte ; vous avez donné {describe(text)}.")
    for mark in (":", ";", "?", "!"):
        text = text.replace(" " + mark, NBSP + mark)
    return text.replace("\u00ab ", "\u00ab" + NBSP).replace(" \u00bb", NBSP + "\u00bb")


def french_date(day, sep: str = " ") -> str:
    """``"1er décembre 2026"``, ``"2 août 2027"``; ``sep`` goes between the day and the month."""
    if not isinstance(day, _dt.date):
        raise AtelierError(f"french_date attend une date (datetime.date) ; vous avez donné {describe(day)}.")
    if not isinstance(sep, str):
        raise AtelierError(f"« sep » doit être un texte (une espace, par exemple) ; vous avez donné {describe(sep)}.")
    first = "1er" if day.day == 1 else str(day.day)
    return f"{first}{sep}{MONTHS[day.month - 1]} {day.year}"


def french_number(value, decimals: int | None = None) -> str:
    """``value`` with a decimal comma and narrow no-break spaces between thousands."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise AtelierError(f"french_number attend un nombre ; vous avez donné {describe(value)}.")
    if decimals is not None and (isinstance(decimals, bool) or not isinstance(decimals, int) or not 0 <= decimals <= 12):
        raise AtelierError(f"« decimals » doit être un nombre entier de 0 à 12, ou None ; vous avez donné {describe(decimals)}.")
    value = float(value) if not isinstance(value, numbers.Integral) else int(value)
    if isinstance(value, float) and not math.isfinite(value):
        return {math.inf: "+∞", -math.inf: "−∞"}.get(value, "non défini")
    if decimals is None:
        text = f"{value:,}" if isinstance(value, int) else f"{value:,.12g}" if abs(value) < 1e15 else f"{value:.3e}"
        if isinstance(value, float) and "e" not in text and "." in text:
            text = text.rstrip("0").rstrip(".")
    else:
        text = f"{value:,.{decimals}f}"
    text = text.replace(",", "\x00").replace(".", ",").replace("\x00", NNBSP)
    return text.replace("-", "−") if text.startswith("-") else text


def french_percent(share, decimals: int = 1) -> str:
    """A share between 0 and 1 as a French percentage: ``0.125`` → ``"12,5 %"``."""
    if isinstance(share, bool) or not isinstance(share, numbers.Real) or not math.isfinite(share):
        raise AtelierError(f"french_percent attend une proportion (0,25 pour 25 %) ; vous avez donné {describe(share)}.")
    return f"{french_number(100 * float(share), decimals)}{NBSP}%"
