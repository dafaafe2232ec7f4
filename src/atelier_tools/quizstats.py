"""How much a quiz can be passed without knowing anything: answer cues and levels, per module.

Two measures, each computed on the quiz files as written (``data/quiz/*.yml``):

* **the « longest option » score**: the share of single-answer questions that a learner
  would get right by always ticking the longest option (length = number of characters of the
  option's text, spaces included, after stripping). When several options tie for the longest,
  the strategy picks one of them at random, so a question counts as ``1/k`` when the right
  answer is one of ``k`` tied longest options, and ``0`` when it is not. Multiple-answer
  questions are left out (the strategy does not apply to them). Chance is 1/(number of options),
  about 25 % with four options.
* **the share of application and judgement questions**: questions whose ``niveau`` is
  ``application`` or ``jugement`` (as opposed to ``rappel``), over all questions of the file.

The end-of-module quiz (``<id>.yml``), the no-code quiz (``<id>-sans-code.yml``) and the
exercises answered in the page (``<id>-exercices.yml``) are measured apart (:data:`KINDS`). ``python -m atelier_tools.quizstats`` prints the table; the thresholds below
are what ``tests/test_quiz.py`` requires.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import yaml

from atelier_ia.paths import data_dir

#: Highest « longest option » score allowed, over all modules and in any one module.
MAX_LONGEST_OVERALL = 0.35
MAX_LONGEST_MODULE = 0.40
#: Lowest share of application or judgement questions in a module's end-of-module quiz.
MIN_APPLIED_SHARE = 0.60
NO_CODE = "-sans-code"
EXERCISES = "-exercices"
#: The kinds of quiz file, as the table names them; the cue thresholds hold for each kind.
KINDS = ("fin de module", "sans code", "exercices")


def longest_option_credit(options: list[dict]) -> Fraction:
    """What « tick the longest option » earns on one single-answer question (0, 1, or 1/k on a tie)."""
    lengths = [len(str(o["texte"]).strip()) for o in options]
    top = max(lengths)
    longest = [o for o, n in zip(options, lengths) if n == top]
    return Fraction(sum(1 for o in longest if o["correct"]), len(longest))


@dataclass(frozen=True)
class QuizStats:
    quiz: str                 # file stem, e.g. « 02-fonctionnement-ia-generative-sans-code »
    questions: int
    single: int               # single-answer questions (those the longest-option score covers)
    longest: Fraction         # sum of the credits over the single-answer questions
    applied: int              # questions of level application or jugement
    levelled: int             # questions that carry a level at all

    @property
    def longest_share(self) -> float:
        return float(self.longest / self.single) if self.single else 0.0

    @property
    def applied_share(self) -> float:
        return self.applied / self.questions if self.questions else 0.0

    @property
    def no_code(self) -> bool:
        return self.quiz.endswith(NO_CODE)

    @property
    def kind(self) -> str:
        """« fin de module », « sans code » (next to the demos) or « exercices » (answered in the page)."""
        return KINDS[1] if self.no_code else KINDS[2] if self.quiz.endswith(EXERCISES) else KINDS[0]


def quiz_stats(data: dict, name: str) -> QuizStats:
    """The measures of one quiz, given as read from its YAML file."""
    questions = data.get("questions") or []
    single = [q for q in questions if not q.get("multiple", False)]
    return QuizStats(
        quiz=name,
        questions=len(questions),
        single=len(single),
        longest=sum((longest_option_credit(q["options"]) for q in single), Fraction(0)),
        applied=sum(1 for q in questions if q.get("niveau") in ("application", "jugement")),
        levelled=sum(1 for q in questions if "niveau" in q),
    )


def all_stats(folder: Path | None = None) -> list[QuizStats]:
    """The measures of every quiz file, in file-name order."""
    folder = folder or data_dir() / "quiz"
    return [quiz_stats(yaml.safe_load(p.read_text(encoding="utf-8")), p.stem) for p in sorted(folder.glob("*.yml"))]


def overall_longest(stats: list[QuizStats]) -> float:
    """The « longest option » score over all the single-answer questions of ``stats``."""
    single = sum(s.single for s in stats)
    return float(sum((s.longest for s in stats), Fraction(0)) / single) if single else 0.0


def table(stats: list[QuizStats]) -> str:
    """A Markdown table: per quiz, questions, longest-option score, share of application/judgement."""
    rows = ["| quiz | questions | à réponse unique | « la plus longue » | application ou jugement |",
            "|---|---:|---:|---:|---:|"]
    for s in stats:
        longest = f"{float(s.longest):g}/{s.single} = {s.longest_share:.0%}" if s.single else "—"
        applied = f"{s.applied}/{s.questions} = {s.applied_share:.0%}" if s.levelled else "pas de niveau"
        rows.append(f"| {s.quiz} | {s.questions} | {s.single} | {longest} | {applied} |")
    for label, group in ((kind, [s for s in stats if s.kind == kind]) for kind in KINDS):
        applied = sum(s.applied for s in group)
        total = sum(s.questions for s in group)
        rows.append(f"| **total {label}** | {total} | {sum(s.single for s in group)} | "
                    f"{overall_longest(group):.0%} | {applied}/{total} = {applied / total if total else 0:.0%} |")
    return "\n".join(rows)


def main(argv=None) -> int:
    print(table(all_stats()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
