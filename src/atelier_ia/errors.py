"""Errors that a learner can read.

Every public function of :mod:`atelier_ia` validates its inputs and raises
:class:`AtelierError` with a French message that says what was wrong and what to do.
In a notebook the error is shown as that message alone, without a Python traceback.
"""

from __future__ import annotations

__all__ = [
    "AtelierError",
    "describe",
    "require",
]


class AtelierError(ValueError):
    """An input error explained in French for the learner.

    Subclass of :class:`ValueError` so that generic code can still catch it.
    """

    def _render_traceback_(self):  # IPython hook: show the message, not a traceback
        return [f"\x1b[31mErreur\u00a0:\x1b[0m {self}"]


def require(condition: bool, message: str) -> None:
    """Raise :class:`AtelierError` with ``message`` unless ``condition`` holds."""
    if not condition:
        raise AtelierError(message)


def describe(value: object) -> str:
    """A short French description of a value, for error messages."""
    if value is None:
        return "rien (None)"
    kind = {
        str: "un texte",
        int: "un nombre entier",
        float: "un nombre décimal",
        bool: "une valeur vrai/faux",
        list: "une liste",
        tuple: "un tuple",
        dict: "un dictionnaire",
        type(None): "rien (None)",
    }.get(type(value), f"un objet de type {type(value).__name__}")
    text = repr(value)
    if len(text) > 40:
        text = text[:37] + "..."
    return f"{kind} ({text})"
