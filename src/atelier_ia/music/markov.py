"""A Markov chain over notes, built on the shared back-off core (:mod:`atelier_ia.markov`)."""

from __future__ import annotations

import numbers
from collections import Counter

import numpy as np
import pandas as pd

from ..errors import AtelierError, describe
from ..markov import BackoffCounts, check_temperature, sample_index
from ..validation import check_int, check_seed
from .notes import Note, check_melodies, check_melody, duration_name, note_name

__all__ = [
    "MODES",
    "START",
    "MarkovMelody",
]


START = "début"
MODES = ("pitch", "interval")


def _state_key(state) -> tuple:
    value, dur = state
    return (value is None, 0 if value is None else value, dur)


def _state_label(state, mode: str) -> str:
    value, dur = state
    if value is None:
        what = "silence"
    elif mode == "pitch":
        what = note_name(value)
    else:
        what = "même note" if value == 0 else f"{value:+d} demi-ton{'s' if abs(value) > 1 else ''}"
    return f"{what} · {duration_name(dur)}"


class MarkovMelody:
    """A Markov chain over notes: which note tends to follow the last ``order`` notes.

    A state is a pair (something about the pitch, duration). With ``mode="pitch"`` the model
    remembers the pitch itself (« sol, noire »); with ``mode="interval"`` it remembers the
    step from the previous note (« +2 demi-tons, croche »), so a tune and its transposition look
    the same to it. Generation starts like the corpus melodies start, looks for the longest
    context it has seen (back-off) and only keeps the next notes that stay within the range of
    the training melodies.
    """

    def __init__(self, order: int = 2, mode: str = "pitch"):
        self.order = check_int(order, "order", 1, 3)
        if mode not in MODES:
            raise AtelierError(
                f"« mode » vaut \"pitch\" (le modèle retient les hauteurs) ou \"interval\" (il retient les "
                f"intervalles entre notes) ; vous avez donné {describe(mode)}."
            )
        self.mode = mode
        self._counts: BackoffCounts | None = None
        self.pitch_range: tuple[int, int] | None = None
        self.first_pitches: Counter = Counter()

    def states(self, melody) -> list[tuple]:
        """The states the model sees for ``melody``; in interval mode the first note gets interval 0."""
        melody = check_melody(melody, allow_empty=True)
        if self.mode == "pitch":
            return melody
        out, previous = [], None
        for pitch, dur in melody:
            if pitch is None:
                out.append((None, dur))
            else:
                out.append((0 if previous is None else pitch - previous, dur))
                previous = pitch
        return out

    def fit(self, melodies) -> "MarkovMelody":
        """Count, for every context of 0 to ``order`` states, which state comes next."""
        melodies = check_melodies(melodies)
        pitches = [p for m in melodies for p, _ in m if p is not None]
        if not pitches:
            raise AtelierError("Les mélodies d'entraînement ne contiennent que des silences : donnez des notes.")
        if sum(len(m) for m in melodies) <= self.order:
            raise AtelierError(
                f"Trop peu de notes pour un modèle d'ordre {self.order} : donnez des mélodies plus longues ou baissez l'ordre."
            )
        # START, repeated before each melody, marks how melodies begin
        self._counts = BackoffCounts([self.states(m) for m in melodies], self.order, pad=START)
        self.pitch_range = (min(pitches), max(pitches))
        self.first_pitches = Counter(next((p for p, _ in m if p is not None), None) for m in melodies)
        del self.first_pitches[None]  # a melody of rests only has no first pitch
        return self

    def _require_fit(self):
        if self._counts is None:
            raise AtelierError("Le modèle n'est pas encore entraîné : appelez d'abord .fit(melodies).")

    def _fits(self, state, pitch) -> bool:
        """Whether ``state`` keeps the melody within the training range."""
        value = state[0]
        if value is None:
            return True
        lo, hi = self.pitch_range
        new = value if self.mode == "pitch" else pitch + value
        return lo <= new <= hi

    def _candidates(self, history, pitch) -> tuple[list, np.ndarray]:
        """Next states and their probabilities, from the longest context seen in training."""
        found = self._counts.candidates(history, accept=lambda s: self._fits(s, pitch),
                                        order_by=lambda item: _state_key(item[0]))
        if found is not None:
            return found
        raise AtelierError("Aucune note possible dans la tessiture du corpus : vérifiez les mélodies d'entraînement.")  # pragma: no cover

    def _prompt(self, start) -> list[Note]:
        if start is None:
            return []
        if isinstance(start, numbers.Integral) and not isinstance(start, bool):
            start = [(int(start), 1.0)]  # a pitch alone: a quarter note
        prompt = check_melody(start, "le début imposé (start)", allow_empty=True)
        lo, hi = self.pitch_range
        for pitch, _ in prompt:
            if pitch is not None and not lo <= pitch <= hi:
                raise AtelierError(
                    f"Le début imposé contient {note_name(pitch)} (MIDI {pitch}), hors de la tessiture du corpus "
                    f"d'entraînement : choisissez des hauteurs entre {lo} ({note_name(lo)}) et {hi} ({note_name(hi)})."
                )
        return prompt

    def generate(self, n_notes: int = 32, seed: int = 0, start=None, temperature: float = 1.0) -> list[Note]:
        """Generate ``n_notes`` notes; the same seed gives the same melody.

        ``start`` is an optional beginning: a MIDI pitch (a quarter note) or a melody; the result
        then begins with it and continues with ``n_notes`` new notes.
        """
        self._require_fit()
        n_notes = check_int(n_notes, "n_notes", 1, 2000)
        seed = check_seed(seed, "seed")
        check_temperature(temperature)
        rng = np.random.default_rng(seed)
        melody = self._prompt(start)
        history = [START] * self.order + self.states(melody)
        pitch = next((p for p, _ in reversed(melody) if p is not None), None)
        if pitch is None and self.mode == "interval":  # intervals need a first pitch: one the corpus starts on
            firsts = sorted(self.first_pitches)
            weights = np.array([self.first_pitches[p] for p in firsts], dtype=float)
            pitch = firsts[sample_index(weights / weights.sum(), rng)]
        for _ in range(n_notes):
            options, probs = self._candidates(history, pitch)
            state = options[sample_index(probs, rng, temperature)]
            history.append(state)
            value, dur = state
            new = None if value is None else (value if self.mode == "pitch" else pitch + value)
            pitch = pitch if new is None else new
            melody.append((new, dur))
        return melody

    def next_distribution(self, context=None) -> pd.Series:
        """What the model expects after the melody ``context`` (None: at the start of a melody)."""
        self._require_fit()
        prompt = self._prompt(context)
        history = [START] * self.order + self.states(prompt)
        pitch = next((p for p, _ in reversed(prompt) if p is not None), None)
        if pitch is None and self.mode == "interval":
            pitch = self.first_pitches.most_common(1)[0][0]
        options, probs = self._candidates(history, pitch)
        labels = [_state_label(s, self.mode) for s in options]
        if self.mode == "interval" and history[-1] == START:  # no previous note: interval 0 means « first note »
            labels = [label.replace("même note", "première note", 1) for label in labels]
        labels = pd.Index(labels, name="note suivante")
        series = pd.Series(probs, index=labels, name="probabilité")
        return series.sort_values(ascending=False, kind="stable")

    @property
    def n_states(self) -> int:
        """Number of distinct states seen in training."""
        return len(self._counts.table(0).get((), {})) if self._counts is not None else 0

    def __repr__(self) -> str:
        state = f"{self.n_states} états" if self._counts is not None else "non entraîné"
        return f"MarkovMelody(order={self.order}, mode={self.mode!r}, {state})"
