"""Auto-checked exercises.

A check is a function registered under an exercise id (``"00-1"``) that receives the
learner's answer and returns a :class:`Feedback` in French. Learners call
``check("00-1", reponse_1)``; the placeholder ``...`` is recognised and answered kindly.
Check functions of module NN live in ``atelier_ia.exercises.mNN``.
"""

from __future__ import annotations

import html
import importlib
import re
from dataclasses import dataclass
from typing import Any, Callable

from ..errors import AtelierError, describe

_ID = re.compile(r"^(\d\d)-\d+$")
_REGISTRY: dict[str, Callable[[Any], "Feedback"]] = {}
#: The last feedback given for each exercise id (read by the tests of the solutions).
RESULTS: dict[str, "Feedback"] = {}


@dataclass(frozen=True)
class Feedback:
    ok: bool
    message: str

    def __bool__(self) -> bool:
        return self.ok

    def _repr_html_(self) -> str:
        colour, mark, head = ("#1b7837", "✔", "Réussi") if self.ok else ("#b35806", "✘", "Pas encore")
        return (
            f'<div role="status" style="border-left:.35em solid {colour};padding:.2em .7em">'
            f"<strong>{mark} {head}\u00a0:</strong> {html.escape(self.message)}</div>"
        )

    def __repr__(self) -> str:
        return f"{'✔ Réussi' if self.ok else '✘ Pas encore'} : {self.message}"


def show_answer(value, limit: int = 60) -> str:
    """A learner's answer, shortened for a feedback message."""
    try:
        text = repr(value)
    except Exception:  # pragma: no cover - exotic objects
        text = f"<{type(value).__name__}>"
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def register(exercise_id: str):
    """Decorator registering a check function under ``exercise_id`` (e.g. ``"00-1"``)."""
    if not isinstance(exercise_id, str) or not _ID.match(exercise_id):
        raise AtelierError(f"Identifiant d'exercice invalide {describe(exercise_id)} : il faut la forme \"00-1\".")

    def wrap(func):
        _REGISTRY[exercise_id] = func
        return func

    return wrap


def _load(exercise_id: str):
    if exercise_id not in _REGISTRY:
        module = _ID.match(exercise_id).group(1)
        try:
            importlib.import_module(f"{__name__}.m{module}")
        except ModuleNotFoundError:
            pass
    return _REGISTRY.get(exercise_id)


def known_exercises() -> list[str]:
    """All exercise ids whose checks are available."""
    import pkgutil

    for info in pkgutil.iter_modules(__path__):
        if re.match(r"^m\d\d$", info.name):
            importlib.import_module(f"{__name__}.{info.name}")
    return sorted(_REGISTRY)


def check(exercise_id: str, answer: Any = ...) -> Feedback:
    """Check a learner's answer and return French feedback (never raises on a wrong answer)."""
    if not isinstance(exercise_id, str) or not _ID.match(exercise_id):
        raise AtelierError(
            f"Le premier argument de check doit être l'identifiant de l'exercice, comme \"00-1\" ; "
            f"vous avez donné {describe(exercise_id)}."
        )
    func = _load(exercise_id)
    if func is None:
        raise AtelierError(
            f"L'exercice « {exercise_id} » n'existe pas. Vérifiez le numéro indiqué dans l'énoncé."
        )
    if answer is ...:
        result = Feedback(False, "Remplacez « ... » par votre réponse dans la cellule précédente, exécutez-la, puis relancez cette vérification.")
    else:
        try:
            result = func(answer)
        except AtelierError as exc:
            result = Feedback(False, str(exc))
        except Exception as exc:  # a check must never crash in front of a learner
            result = Feedback(False, f"Votre réponse n'a pas pu être vérifiée ({type(exc).__name__}). Relisez l'énoncé : quel type de valeur est attendu ?")
        if not isinstance(result, Feedback):  # pragma: no cover - guards check authors
            raise AtelierError(f"La vérification de l'exercice {exercise_id} doit renvoyer un Feedback.")
    RESULTS[exercise_id] = result
    return result
