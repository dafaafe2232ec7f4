"""Quiz data model, validation and answer checking.

Options are shown in a shuffled order, the same everywhere (static book, JupyterLab,
answer keys, tests): :func:`display_order` derives it from the module and question ids with
SHA-256, which gives the same result in every Python process and version (unlike ``hash()``).
:func:`parse_quiz` puts each question's options in that order, so an option's index in
``Question.options`` is its displayed position, and the author's file order (right answer
first, often) tells the learner nothing.
"""

from __future__ import annotations

import hashlib
import numbers
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

import yaml

from ..errors import AtelierError, describe
from ..paths import data_dir
from ..validation import check_bool, check_int, check_text

__all__ = [
    "Option",
    "Question",
    "Quiz",
    "LEVELS",
    "MAX_OPTIONS",
    "Verdict",
    "display_order",
    "evaluate",
    "load_quiz",
    "parse_quiz",
]

_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_QUESTION_KEYS = {"id", "question", "multiple", "niveau", "options", "explication", "source"}
_OPTION_KEYS = {"texte", "correct", "retour"}
#: What a question asks of the learner: recall a fact of the module, apply it to a new
#: situation, or judge a situation (weigh options, choose what to do). Shown in the trainers'
#: answer keys, never to the learner.
LEVELS = ("rappel", "application", "jugement")
#: At most four options (A–D), so that a room can vote with four cards.
MAX_OPTIONS = 4


def _record_text(value, name: str) -> None:
    if not isinstance(value, str):
        raise AtelierError(f"« {name} » doit être un texte ; vous avez donné {describe(value)}.")


@dataclass(frozen=True)
class Option:
    """One possible answer, with the feedback shown when it is chosen."""

    text: str
    correct: bool
    feedback: str

    def __post_init__(self):
        _record_text(self.text, "text")
        _record_text(self.feedback, "feedback")
        check_bool(self.correct, "correct")


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    multiple: bool
    options: tuple[Option, ...]
    explanation: str
    source: str
    level: str = "rappel"

    def __post_init__(self):
        for name in ("id", "text", "explanation", "source", "level"):
            _record_text(getattr(self, name), name)
        check_bool(self.multiple, "multiple")
        if self.level not in LEVELS:
            raise AtelierError(f"« level » doit valoir {', '.join(LEVELS)} ; vous avez donné {describe(self.level)}.")
        if not isinstance(self.options, tuple) or not all(isinstance(o, Option) for o in self.options):
            raise AtelierError(
                "« options » doit être un tuple d'options (Option) ; chargez plutôt le quiz avec load_quiz(...) "
                f"ou parse_quiz(...) ; vous avez donné {describe(self.options)}."
            )

    @property
    def correct_indices(self) -> frozenset[int]:
        return frozenset(i for i, o in enumerate(self.options) if o.correct)

    @property
    def n_correct(self) -> int:
        """How many options are right (the number of boxes a multiple-answer question asks to tick)."""
        return len(self.correct_indices)


@dataclass(frozen=True)
class Quiz:
    module: str
    questions: tuple[Question, ...]
    origin: str = "<quiz>"

    def __post_init__(self):
        _record_text(self.module, "module")
        _record_text(self.origin, "origin")
        if not isinstance(self.questions, tuple) or not all(isinstance(q, Question) for q in self.questions):
            raise AtelierError(f"« questions » doit être un tuple de questions (Question) ; vous avez donné {describe(self.questions)}.")

    def question(self, qid: str) -> Question:
        for q in self.questions:
            if q.id == qid:
                return q
        known = ", ".join(q.id for q in self.questions)
        raise AtelierError(f"Le quiz {self.module} n'a pas de question « {qid} ». Questions : {known}.")


@dataclass(frozen=True)
class Verdict:
    """The result of answering one question."""

    ok: bool
    headline: str
    messages: tuple[str, ...]


def _text(value, where: str, field: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise AtelierError(
            f"{where} : le champ « {field} » doit être un texte non vide ; il vaut "
            f"{describe(value)}. Écrivez-le entre guillemets dans le fichier YAML."
        )
    return value.strip()


def display_order(module: str, question_id: str, n_options: int) -> tuple[int, ...]:
    """The file positions of a question's options, in the order they are shown.

    A deterministic shuffle: option k's rank is the SHA-256 digest of « module/question/k »,
    so the order is stable across processes and machines and changes from one question to the next.
    """
    module = check_text(module, "l'identifiant du module (module)")
    question_id = check_text(question_id, "l'identifiant de la question (question_id)")
    n_options = check_int(n_options, "n_options", 1, 100)
    key = lambda k: hashlib.sha256(f"{module}/{question_id}/{k}".encode("utf-8")).digest()  # noqa: E731
    return tuple(sorted(range(n_options), key=key))


def parse_quiz(data, origin: str = "<quiz>") -> Quiz:
    """Validate a quiz given as Python data (as read from YAML) and build a :class:`Quiz`.

    ``origin`` names the file in error messages.
    """
    if not isinstance(data, dict):
        raise AtelierError(
            f"{origin} : le fichier doit contenir un dictionnaire avec les clés « module » et "
            f"« questions » ; il contient {describe(data)}."
        )
    unknown = set(data) - {"module", "questions"}
    if unknown:
        raise AtelierError(
            f"{origin} : clé(s) inconnue(s) {sorted(unknown)} ; seules « module » et « questions » "
            "sont attendues au premier niveau."
        )
    module = _text(data.get("module"), origin, "module")
    questions = data.get("questions")
    if not isinstance(questions, list) or not questions:
        raise AtelierError(
            f"{origin} : « questions » doit être une liste non vide de questions "
            "(chaque question commence par « - id: »)."
        )
    parsed: list[Question] = []
    seen: set[str] = set()
    for n, raw in enumerate(questions, start=1):
        where = f"{origin}, question {n}"
        if not isinstance(raw, dict):
            raise AtelierError(f"{where} : une question doit être un dictionnaire, pas {describe(raw)}.")
        qid = raw.get("id")
        if isinstance(qid, str) and qid:
            where = f"{origin}, question {n} (« {qid} »)"
        unknown = set(raw) - _QUESTION_KEYS
        if unknown:
            raise AtelierError(
                f"{where} : clé(s) inconnue(s) {sorted(unknown)}. Clés possibles : "
                f"{', '.join(sorted(_QUESTION_KEYS))}."
            )
        missing = {"id", "question", "niveau", "options", "explication", "source"} - set(raw)
        if missing:
            raise AtelierError(f"{where} : il manque {', '.join(sorted(missing))}.")
        qid = _text(qid, where, "id")
        if not _ID.match(qid):
            raise AtelierError(
                f"{where} : l'identifiant « {qid} » ne doit contenir que des minuscules sans "
                "accent, des chiffres et des tirets (par exemple « jeton-1 »)."
            )
        if qid in seen:
            raise AtelierError(f"{where} : l'identifiant « {qid} » est déjà utilisé par une autre question.")
        seen.add(qid)
        multiple = raw.get("multiple", False)
        if not isinstance(multiple, bool):
            raise AtelierError(f"{where} : « multiple » doit valoir true ou false, pas {describe(multiple)}.")
        level = raw["niveau"]
        if level not in LEVELS:
            raise AtelierError(
                f"{where} : « niveau » doit valoir rappel, application ou jugement, pas {describe(level)}. "
                "rappel : retrouver un fait du module ; application : s'en servir dans une situation "
                "nouvelle ; jugement : peser une situation et choisir quoi faire."
            )
        options_raw = raw["options"]
        if not isinstance(options_raw, list) or len(options_raw) < 2:
            raise AtelierError(f"{where} : « options » doit être une liste d'au moins deux réponses possibles.")
        if len(options_raw) > MAX_OPTIONS:
            raise AtelierError(
                f"{where} : {len(options_raw)} options, c'est trop : {MAX_OPTIONS} au plus (A à D), pour "
                "qu'un groupe puisse voter avec quatre cartons. Gardez les distracteurs les plus plausibles."
            )
        options: list[Option] = []
        for k, opt in enumerate(options_raw, start=1):
            owhere = f"{where}, option {k}"
            if not isinstance(opt, dict):
                raise AtelierError(f"{owhere} : une option doit être un dictionnaire (texte, correct, retour).")
            unknown = set(opt) - _OPTION_KEYS
            missing = _OPTION_KEYS - set(opt)
            if unknown or missing:
                raise AtelierError(
                    f"{owhere} : une option a exactement les clés texte, correct et retour "
                    f"(manquantes : {sorted(missing) or 'aucune'} ; inconnues : {sorted(unknown) or 'aucune'})."
                )
            if not isinstance(opt["correct"], bool):
                raise AtelierError(f"{owhere} : « correct » doit valoir true ou false, pas {describe(opt['correct'])}.")
            options.append(
                Option(_text(opt["texte"], owhere, "texte"), opt["correct"], _text(opt["retour"], owhere, "retour"))
            )
        texts = [o.text for o in options]
        if len(set(texts)) != len(texts):
            raise AtelierError(f"{where} : deux options ont le même texte ; chaque réponse doit être distincte.")
        n_correct = sum(o.correct for o in options)
        if n_correct == 0:
            raise AtelierError(f"{where} : aucune option n'est marquée « correct: true ».")
        if not multiple and n_correct > 1:
            raise AtelierError(
                f"{where} : {n_correct} options sont correctes alors que « multiple » vaut false. "
                "Mettez « multiple: true » ou ne gardez qu'une bonne réponse."
            )
        if multiple and n_correct == len(options):
            raise AtelierError(f"{where} : toutes les options sont correctes ; ajoutez au moins un distracteur.")
        parsed.append(
            Question(
                id=qid,
                text=_text(raw["question"], where, "question"),
                multiple=multiple,
                options=tuple(options[k] for k in display_order(module, qid, len(options))),
                explanation=_text(raw["explication"], where, "explication"),
                source=_text(raw["source"], where, "source"),
                level=level,
            )
        )
    return Quiz(module=module, questions=tuple(parsed), origin=origin)


def _quiz_path(module_id: str) -> Path:
    if not isinstance(module_id, str) or not _ID.match(module_id or ""):
        raise AtelierError(
            f"L'identifiant de module doit ressembler à \"00-prise-en-main\" ; vous avez donné {describe(module_id)}."
        )
    return data_dir() / "quiz" / f"{module_id}.yml"


def load_quiz(source: str | Path) -> Quiz:
    """Load and validate a quiz, from a module id (``"00-prise-en-main"``) or a file path."""
    if isinstance(source, Path) or (isinstance(source, str) and source.endswith((".yml", ".yaml"))):
        path = Path(source)
    else:
        path = _quiz_path(source)
    origin = f"data/quiz/{path.name}" if path.parent.name == "quiz" else str(path)
    if not path.is_file():
        raise AtelierError(
            f"Le fichier de quiz {origin} est introuvable. Créez-le (voir CONTRIBUTING.md) ou "
            "vérifiez l'identifiant du module."
        )
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise AtelierError(f"{origin} : le fichier n'est pas en UTF-8. Enregistrez-le en UTF-8.") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (ligne {mark.line + 1}, colonne {mark.column + 1})" if mark else ""
        raise AtelierError(
            f"{origin} : YAML illisible{where}. Vérifiez l'indentation et mettez entre guillemets "
            "les textes qui contiennent « : »."
        ) from None
    quiz = parse_quiz(data, origin)
    if not isinstance(source, Path) and not str(source).endswith((".yml", ".yaml")) and quiz.module != source:
        raise AtelierError(f"{origin} : le champ « module » vaut « {quiz.module} » au lieu de « {source} ».")
    return quiz


def evaluate(question: Question, chosen: Iterable[int]) -> Verdict:
    """Check the learner's chosen option indices against a question, with French feedback."""
    if not isinstance(question, Question):
        raise AtelierError(
            f"« question » doit être une question d'un quiz chargé, par exemple load_quiz(\"00-prise-en-main\").questions[0] ; "
            f"vous avez donné {describe(question)}."
        )
    if isinstance(chosen, (str, bytes, dict)) or not isinstance(chosen, (list, tuple, set, frozenset, range)) or not all(
            isinstance(i, numbers.Integral) and not isinstance(i, bool) for i in chosen):
        raise AtelierError(
            f"Les réponses choisies doivent être une liste de numéros d'options (0, 1, 2…) ; vous avez donné {describe(chosen)}."
        )
    picked = sorted(set(int(i) for i in chosen))
    if any(i < 0 or i >= len(question.options) for i in picked):
        raise AtelierError(
            f"La question « {question.id} » a {len(question.options)} options, numérotées de 0 à "
            f"{len(question.options) - 1}."
        )
    if not picked:
        return Verdict(False, "Choisissez au moins une réponse, puis cliquez sur « Vérifier ».", ())
    feedback = tuple(question.options[i].feedback for i in picked)
    correct = question.correct_indices
    if set(picked) == correct:
        return Verdict(True, "Bonne réponse\u00a0!", feedback + (question.explanation,))
    if question.multiple and set(picked) < correct:
        return Verdict(False, "C'est juste, mais incomplet\u00a0: il manque au moins une bonne réponse.", feedback)
    return Verdict(False, "Pas tout à fait. Relisez les retours et réessayez.", feedback)
