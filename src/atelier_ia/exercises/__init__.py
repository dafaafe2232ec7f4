"""Auto-checked exercises.

A check is a function registered under an exercise id (``"00-1"``) that receives the
learner's answer and returns a :class:`Feedback` in French. Learners call
``check("00-1", reponse_1)``; the placeholder ``...`` is recognised and answered kindly.
Check functions of module NN live in ``atelier_ia.exercises.mNN``, next to a
``PARAMETRES`` dict (exercise id → seeds, sizes, prompts) that the exercise notebook imports:
each parameter is written once and read by both the notebook and its check.

Answer-normalisation policy (the same for every checker)
---------------------------------------------------------
A learner's typed answer is judged on its content, never on its typography:

* texts go through :func:`normalise_text`: Unicode NFC, lower case (``casefold``), accents
  removed (« Évreux » = « evreux »), the guillemets « » “ ” " and all punctuation replaced by
  spaces, curly apostrophes made straight, every kind of space (normal, U+00A0, U+202F, tab,
  line break) collapsed to one, ends stripped;
* numbers go through :func:`parse_number`: a Python number, or a text written the French way
  (« 0,5 », « 1 234,5 » with any space as thousands separator) or the Python way (« 0.5 »);
  a trailing « % » is allowed and dropped (the value is the number of percent); booleans are
  not numbers;
* multiple-choice answers go through :func:`parse_letter`: one letter, any case, with or
  without brackets or a closing parenthesis (« B », « b) », « (b) »).

An exercise in a notebook (the pattern every module copies)
------------------------------------------------------------
* the statement is a MyST ``{exercise}`` whose title is the check id and which is not numbered
  by the book (so the book, JupyterLab and ``check()`` all say « 02-1 »)::

      ```{exercise} 02-1
      :label: ex-02-1
      :nonumber:

      **Prédisez avant d'exécuter.** …
      ```

* an answer cell tagged ``reponse-ex-02-1``, a check cell tagged ``verification-ex-02-1``
  (``check("02-1", reponse_1)``), then a ``{solution} ex-02-1`` with ``:class: dropdown``
  whose first Python block is a complete answer cell (the tests run it);
* at least half of a module's exercises ask to think (predict, choose a setting, explain,
  compare with chance, apply to one's own material), announced in bold at the start of the
  statement; multiple-choice answers are letters checked with :func:`choice_check`, whose
  feedback explains every option.

A checker never raises on a wrong answer: it returns a :class:`Feedback` that says what was
given and what to do. :func:`check` turns any unexpected exception into a kind message, but
marks the feedback (``Feedback.crashed``) so that tests catch a broken checker.
"""

from __future__ import annotations

import html
import importlib
import math
import numbers
import re
import unicodedata
from dataclasses import dataclass
from typing import Any, Callable

from ..errors import AtelierError, describe
from ..palette import COLOURS
from ..validation import check_int, check_text

__all__ = [
    "RESULTS",
    "Feedback",
    "check",
    "choice_check",
    "known_exercises",
    "normalise_text",
    "parse_letter",
    "parse_number",
    "register",
    "show_answer",
    "waiting_for_answer",
]

_ID = re.compile(r"^(\d\d)-\d+$")
_REGISTRY: dict[str, Callable[[Any], "Feedback"]] = {}
#: The last feedback given for each exercise id (read by the tests of the solutions).
RESULTS: dict[str, "Feedback"] = {}


@dataclass(frozen=True)
class Feedback:
    ok: bool
    message: str
    #: Set by :func:`check` when the checker itself failed (a bug, never the learner's fault).
    crashed: bool = False
    #: The answer is still the placeholder ``...``: no verdict yet, only what to do (the static
    #: book shows every exercise in this state, before anyone has answered).
    pending: bool = False

    def __bool__(self) -> bool:
        return self.ok

    def _head(self) -> tuple[str, str, str]:
        if self.ok:
            return COLOURS["reussi"], "✔", "Réussi"
        if self.pending:
            return COLOURS["a-faire"], "✎", "À vous"
        return COLOURS["a-revoir"], "✘", "Pas encore"

    def _repr_html_(self) -> str:
        colour, mark, head = self._head()
        return (
            f'<div role="status" style="border-left:.35em solid {colour};padding:.2em .7em">'
            f'<strong><span aria-hidden="true">{mark}</span> {head}\u00a0:</strong> {html.escape(self.message)}</div>'
        )

    def __repr__(self) -> str:
        _, mark, head = self._head()
        return f"{mark} {head} : {self.message}"


#: What to do while the answer is still ``...`` (neutral: nobody has answered yet).
PLACEHOLDER_MESSAGE = (
    "Remplacez «\u00a0...\u00a0» par votre réponse dans la cellule précédente, exécutez-la, puis relancez "
    "cette vérification (il faut pour cela JupyterLab ou Binder). Sans exécuter de code, vous pouvez "
    "chercher la réponse de tête puis la comparer à la solution, plus bas."
)


def waiting_for_answer(hint: str = "") -> Feedback:
    """The feedback for an answer still left as ``...``: no verdict, what to do (and ``hint``)."""
    if not isinstance(hint, str):
        raise AtelierError(f"« hint » doit être un texte ; vous avez donné {describe(hint)}.")
    message = PLACEHOLDER_MESSAGE if not hint.strip() else f"{PLACEHOLDER_MESSAGE} {hint.strip()}"
    return Feedback(False, message, pending=True)


def show_answer(value, limit: int = 60) -> str:
    """A learner's answer, shortened for a feedback message."""
    limit = check_int(limit, "limit", 10, 10_000)
    try:
        text = repr(value)
    except Exception:  # pragma: no cover - exotic objects
        text = f"<{type(value).__name__}>"
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


_QUOTES = "«»“”„‟\"‹›"
_APOSTROPHES = "’‘ʼ`´"


def normalise_text(value) -> str:
    """A typed answer reduced to its content (see the module's normalisation policy)."""
    text = unicodedata.normalize("NFC", str(value))
    for a in _APOSTROPHES:
        text = text.replace(a, "'")
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = "".join(" " if (unicodedata.category(c)[0] in "PZC" and c != "'") or c in _QUOTES else c for c in text)
    return " ".join(text.replace("'", " ").split())


_NUMBER = re.compile(r"^[-+−]?(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)?(?:[.,](\d+))?$")


def parse_number(value) -> float | None:
    """A learner's number (Python number or French/Python text), or None if it is not one."""
    if isinstance(value, bool):
        return None
    if isinstance(value, numbers.Real):
        return float(value) if math.isfinite(value) else None  # NaN or infinity is not an answer
    if not isinstance(value, str):
        return None
    text = value.strip().rstrip("%").strip()
    match = _NUMBER.match(text)
    if not text or not match or (match.group(1) is None and match.group(2) is None):
        return None
    text = re.sub(r"[ \u00a0\u202f]", "", text).replace(",", ".").replace("−", "-")
    return float(text)


def parse_letter(value, letters: str) -> str | None:
    """The option letter a learner chose (lower case), or None if the answer is not one of ``letters``."""
    letters = check_text(letters, "les lettres possibles (letters)")
    if not isinstance(value, str):
        return None
    text = normalise_text(value)
    return text if len(text) == 1 and text in letters.lower() else None


def choice_check(answer, options: dict[str, tuple[bool, str]]) -> "Feedback":
    """Feedback for a multiple-choice answer: ``options`` maps a letter to (correct?, explanation)."""
    if (not isinstance(options, dict) or not options
            or not all(isinstance(k, str) and len(k) == 1 and isinstance(v, tuple) and len(v) == 2 for k, v in options.items())):
        raise AtelierError(
            "« options » doit associer chaque lettre à un couple (juste ?, explication), par exemple "
            f"{{\"A\": (True, \"Oui…\")}} ; vous avez donné {describe(options)}."
        )
    letters = "".join(options)
    listed = ", ".join(f"«\u00a0{k.upper()}\u00a0»" for k in options)
    if answer is ...:
        return waiting_for_answer()
    letter = parse_letter(answer, letters)
    if letter is None:
        return Feedback(False, (
            f"On attend une seule lettre entre guillemets, parmi {listed}, par exemple \"{letters[0].upper()}\"\u00a0; "
            f"vous avez donné {show_answer(answer)}."
        ))
    correct, explanation = options[letter]
    head = "Oui\u00a0: " if correct else f"Pas tout à fait (vous avez choisi {letter.upper()})\u00a0: "
    return Feedback(correct, head + explanation)


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
        result = waiting_for_answer()
    else:
        try:
            result = func(answer)
        except AtelierError as exc:
            result = Feedback(False, str(exc))
        except Exception as exc:  # a check must never crash in front of a learner
            result = Feedback(
                False,
                f"Votre réponse n'a pas pu être vérifiée ({type(exc).__name__}). Relisez l'énoncé\u00a0: "
                "quel type de valeur est attendu\u00a0?",
                crashed=True,
            )
        if not isinstance(result, Feedback):  # pragma: no cover - guards check authors
            raise AtelierError(f"La vérification de l'exercice {exercise_id} doit renvoyer un Feedback.")
    RESULTS[exercise_id] = result
    return result
