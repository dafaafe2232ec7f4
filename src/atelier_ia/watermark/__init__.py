"""A green-list watermark for text, after Kirchenbauer et al. (ICML 2023).

The idea, on the course's own word-level n-gram model (:class:`atelier_ia.text.NGramModel`):

1. **Embedding.** Before choosing each word, the *previous* word and a secret key decide
   which words of the vocabulary are "green" (a share ``gamma`` of them) and which are "red".
   The generator adds ``delta`` to the logit (log-probability) of every green word, so it
   prefers green words without forbidding red ones (the paper's "soft" watermark).
2. **Detection.** Whoever holds the key re-computes, for every word of a text, whether it
   was green given the word before it, and counts the green words. A human writer, who does
   not know the key, picks a green word with probability ``gamma`` at each step: the count is
   a binomial variable. The z-score measures how far the count lies above that chance level:
   ``z = (green - gamma * T) / sqrt(T * gamma * (1 - gamma))`` for ``T`` scored words.
   Detection needs the key, not the model.

Design choice (stated for readers who compare with the paper's code): the split of the
vocabulary is made by a keyed hash of the pair (previous word, candidate word) turned into a
number in [0, 1); the candidate is green when that number is below ``gamma``. This splits any
vocabulary into a green share close to ``gamma``, and every word, even one the model never
saw, is green with probability exactly ``gamma`` for someone who does not know the key, so
the z-test on human text is calibrated.

Everything here is deterministic: the same seed and key give the same text and verdict.

One module per concept: :mod:`.greenlist` (the green list, the generator, the shared checks),
:mod:`.detection` (the z-test and the false positives) and :mod:`.edits` (edits that erase the mark).
"""

from __future__ import annotations

from .detection import Detection, FalsePositiveReport, detect, false_positive_rate, human_passages
from .edits import edit, edit_curve, paraphrase
from .greenlist import (
    DEFAULT_DELTA,
    DEFAULT_GAMMA,
    DEFAULT_KEY,
    DEFAULT_THRESHOLD,
    MAX_TOKENS,
    MIN_TOKENS,
    generate_watermarked,
    green_share,
    is_green,
)

__all__ = [
    "DEFAULT_DELTA",
    "DEFAULT_GAMMA",
    "DEFAULT_KEY",
    "DEFAULT_THRESHOLD",
    "MAX_TOKENS",
    "MIN_TOKENS",
    "Detection",
    "FalsePositiveReport",
    "detect",
    "edit",
    "edit_curve",
    "false_positive_rate",
    "generate_watermarked",
    "green_share",
    "human_passages",
    "is_green",
    "paraphrase",
]
