"""Numbers and durations as a French reader writes them: the course's one formatting policy.

* decimal comma: ``french_number(0.5)`` → ``"0,5"``;
* thousands separated by a narrow no-break space (U+202F), which never breaks a number
  across lines: ``french_number(3300)`` → ``"3 300"``;
* ``decimals=None`` drops useless zeros (``2.50`` → ``"2,5"``), an integer stays an integer.
"""

from __future__ import annotations

import math
import numbers

from .errors import AtelierError, describe

__all__ = ["NNBSP", "NBSP", "french_number", "french_percent"]

NBSP = "\u00a0"   # no-break space: before « : ; ! ? », inside guillemets, between a number and its unit
NNBSP = "\u202f"  # narrow no-break space: thousands separator


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
