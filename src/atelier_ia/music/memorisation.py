"""Copying: the longest run of notes a melody shares with the training melodies."""

from __future__ import annotations

from ..memorisation import longest_shared_run
from .notes import check_melodies, check_melody

__all__ = [
    "longest_shared_passage",
]


def longest_shared_passage(melody, melodies) -> tuple[int, int | None]:
    """Length of the longest run of consecutive notes of ``melody`` found note for note in one of
    ``melodies``, and the index of that melody (None if no note is shared). A measure of copying
    (see :func:`atelier_ia.memorisation.longest_shared_run`, which also returns the run itself)."""
    shared = longest_shared_run(check_melody(melody), check_melodies(melodies))
    return shared.length, shared.source
