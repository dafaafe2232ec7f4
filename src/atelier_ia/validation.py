"""Shared input validators: one place for the checks every public function makes.

Each validator returns the cleaned value or raises :class:`~atelier_ia.errors.AtelierError`
with a French message naming the argument, what was given and what is expected. Public
functions of the library (and functions that notebooks define for learners) call these
instead of writing their own checks, so that a learner's mistake reads the same everywhere.
"""

from __future__ import annotations

import math
import numbers

from .errors import AtelierError, describe
from .fmt import french_number

__all__ = [
    "MAX_SEED",
    "check_bool",
    "check_choice",
    "check_int",
    "check_real",
    "check_seed",
    "check_text",
    "check_texts",
]

MAX_SEED = 2**32 - 1


def _setup(name, hint="", minimum=None, maximum=None) -> None:
    """Check a validator's own settings (written by the library's authors, not by learners)."""
    if not isinstance(name, str) or not name:
        raise AtelierError(f"Le nom de l'argument à vérifier doit être un texte non vide ; vous avez donné {describe(name)}.")
    if not isinstance(hint, str):
        raise AtelierError(f"« hint » doit être un texte ; vous avez donné {describe(hint)}.")
    for bound, label in ((minimum, "minimum"), (maximum, "maximum")):
        if bound is not None and (isinstance(bound, bool) or not isinstance(bound, numbers.Real) or math.isnan(bound)):
            raise AtelierError(f"« {label} » doit être un nombre ou None ; vous avez donné {describe(bound)}.")


def _bounds(minimum, maximum, fmt=str) -> str:
    if minimum is not None and maximum is not None:
        return f"entre {fmt(minimum)} et {fmt(maximum)}"
    if minimum is not None:
        return f"supérieur ou égal à {fmt(minimum)}"
    if maximum is not None:
        return f"inférieur ou égal à {fmt(maximum)}"
    return ""


def check_int(value, name: str, minimum: int | None = None, maximum: int | None = None, hint: str = "") -> int:
    """``value`` as an ``int`` within ``[minimum, maximum]`` (bounds optional).

    ``True``/``False``, floats (even ``3.0``), texts and NaN are refused: a learner who types
    ``"3"`` or ``2.5`` is told so rather than silently converted.
    """
    _setup(name, hint, minimum, maximum)
    ok = not isinstance(value, bool) and isinstance(value, numbers.Integral)
    if ok and minimum is not None and value < minimum:
        ok = False
    if ok and maximum is not None and value > maximum:
        ok = False
    if not ok:
        span = _bounds(minimum, maximum)
        raise AtelierError(
            f"« {name} » doit être un nombre entier{' ' + span if span else ''}{hint}, sans guillemets ; "
            f"vous avez donné {describe(value)}."
        )
    return int(value)


def check_real(value, name: str, minimum: float | None = None, maximum: float | None = None, hint: str = "") -> float:
    """``value`` as a finite ``float`` within ``[minimum, maximum]`` (NaN and infinities refused)."""
    _setup(name, hint, minimum, maximum)
    ok = not isinstance(value, bool) and isinstance(value, numbers.Real)
    if ok:
        value = float(value)
        ok = math.isfinite(value)
    if ok and minimum is not None and value < minimum:
        ok = False
    if ok and maximum is not None and value > maximum:
        ok = False
    if not ok:
        span = _bounds(minimum, maximum, lambda x: french_number(x))
        raise AtelierError(
            f"« {name} » doit être un nombre{' ' + span if span else ''}{hint} (avec un point pour les "
            f"décimales en Python : 0.5) ; vous avez donné {describe(value)}."
        )
    return value


def check_seed(value, name: str = "graine") -> int:
    """A random seed: an integer from 0 to 2³² − 1 (the same seed gives the same draw)."""
    _setup(name)
    if isinstance(value, bool) or not isinstance(value, numbers.Integral) or not 0 <= value <= MAX_SEED:
        raise AtelierError(
            f"La graine « {name} » doit être un nombre entier entre 0 et {MAX_SEED} (la même graine "
            f"redonne le même tirage) ; vous avez donné {describe(value)}."
        )
    return int(value)


def check_text(value, name: str = "le texte", allow_empty: bool = False, min_chars: int = 0) -> str:
    """``value`` as a ``str``; empty or shorter than ``min_chars`` is refused unless allowed."""
    _setup(name)
    if not isinstance(allow_empty, bool):
        raise AtelierError(f"« allow_empty » doit valoir True ou False ; vous avez donné {describe(allow_empty)}.")
    if isinstance(min_chars, bool) or not isinstance(min_chars, numbers.Integral) or min_chars < 0:
        raise AtelierError(f"« min_chars » doit être un nombre entier positif ou nul ; vous avez donné {describe(min_chars)}.")
    if not isinstance(value, str):
        raise AtelierError(
            f"{name[0].upper() + name[1:]} doit être une chaîne de caractères (un texte entre guillemets), pas {describe(value)}."
        )
    if not allow_empty and not value.strip():
        raise AtelierError(f"{name[0].upper() + name[1:]} est vide : donnez au moins quelques mots.")
    if min_chars and len(value) < min_chars:
        raise AtelierError(
            f"{name[0].upper() + name[1:]} est trop court ({len(value)} caractères) : donnez-en au moins {min_chars}."
        )
    return value


def check_texts(value, name: str, allow_empty: bool = False) -> tuple[str, ...]:
    """A list or tuple of texts, as a new tuple (the caller's list is not kept)."""
    _setup(name)
    if not isinstance(allow_empty, bool):
        raise AtelierError(f"« allow_empty » doit valoir True ou False ; vous avez donné {describe(allow_empty)}.")
    if isinstance(value, (str, bytes)) or not isinstance(value, (list, tuple)):
        raise AtelierError(f"« {name} » doit être une liste de textes ; vous avez donné {describe(value)}.")
    return tuple(check_text(v, f"chaque élément de « {name} »", allow_empty=allow_empty) for v in value)


def check_choice(value, name: str, choices):
    """``value`` if it is one of ``choices`` (compared with ``==``), else a French error listing them."""
    _setup(name)
    if isinstance(choices, (str, bytes)) or not isinstance(choices, (list, tuple, set, frozenset, dict)) or not choices:
        raise AtelierError(f"« choices » doit être une liste non vide de valeurs permises ; vous avez donné {describe(choices)}.")
    choices = list(choices)
    try:
        found = any(value == c and type(value) is type(c) for c in choices)
    except Exception:  # any error: an exotic object that cannot even be compared
        found = False
    if not found:
        listed = ", ".join(f"« {c} »" for c in choices)
        raise AtelierError(f"« {name} » doit être l'une de ces valeurs : {listed} ; vous avez donné {describe(value)}.")
    return value


def check_bool(value, name: str, hint: str = "") -> bool:
    """``value`` if it is ``True`` or ``False`` (not 0/1, not a text such as ``"oui"``)."""
    _setup(name, hint)
    if not isinstance(value, bool):
        raise AtelierError(f"« {name} » doit valoir True ou False{hint} ; vous avez donné {describe(value)}.")
    return value
