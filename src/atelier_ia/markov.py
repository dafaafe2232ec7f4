"""The core shared by the course's next-token models: back-off counts and sampling.

A Markov model of order n predicts the next item (a letter, a word, a note) from the n
items before it. Training counts, for every context of 0 to n items, which item came next
(:class:`BackoffCounts`). To predict, the model looks for the longest context it has seen
and "backs off" to shorter ones. Sampling turns the counts into probabilities, reshaped by
the temperature (:func:`apply_temperature`), and draws one (:func:`sample_index`).

:class:`atelier_ia.text.NGramModel` (letters, words) and
:class:`atelier_ia.music.MarkovMelody` (notes) are both built on this core.
"""

from __future__ import annotations

from collections import Counter

import numpy as np
import pandas as pd

from .errors import AtelierError, describe
from .validation import check_int, check_real

__all__ = ["BackoffCounts", "apply_temperature", "check_temperature", "sample_index"]


def check_temperature(temperature) -> float:
    """A sampling temperature: a number from 0 (always the most likely) to 10."""
    return check_real(temperature, "temperature", 0, 10,
                      " (la température : 1 = tirage fidèle aux probabilités, 0 = toujours le plus probable)")


def _probabilities(probs) -> np.ndarray:
    if isinstance(probs, (str, bytes, dict, set)) or probs is None:
        raise AtelierError(
            "Les probabilités doivent former une liste non vide de nombres positifs (une liste, un tableau NumPy "
            f"ou une série pandas) ; vous avez donné {describe(probs)}."
        )
    try:
        values = np.array(probs, dtype=float)
    except (TypeError, ValueError):
        values = None
    if values is None or values.ndim != 1 or values.size == 0 or not np.isfinite(values).all() \
            or np.any(values < 0) or values.sum() <= 0:
        raise AtelierError(
            "Les probabilités doivent former une liste non vide de nombres positifs ou nuls, de somme non nulle ; "
            f"vous avez donné {describe(probs)}."
        )
    return values


def apply_temperature(probs, temperature: float):
    """Sharpen (temperature < 1) or flatten (> 1) a probability distribution.

    ``probs`` is a pandas Series, a NumPy array or a list; the result has the same type (a
    NumPy array for a list) and sums to 1. Temperature 0 puts all the probability on the most
    likely token (greedy choice).
    """
    t = check_temperature(temperature)
    values = _probabilities(probs)
    if t == 0:
        out = np.zeros_like(values)
        out[int(np.argmax(values))] = 1.0
    else:
        with np.errstate(divide="ignore"):
            logits = np.log(values) / t
        logits -= logits[np.isfinite(logits)].max()
        out = np.exp(logits)
        out /= out.sum()
    return pd.Series(out, index=probs.index, name=probs.name) if isinstance(probs, pd.Series) else out


def sample_index(probs, rng: np.random.Generator, temperature: float = 1.0, top_k: int | None = None) -> int:
    """Draw one index from ``probs`` after temperature and top-k filtering."""
    if not isinstance(rng, np.random.Generator):
        raise AtelierError(
            f"« rng » doit être un générateur aléatoire NumPy, par exemple np.random.default_rng(0) ; "
            f"vous avez donné {describe(rng)}."
        )
    p = apply_temperature(_probabilities(probs), temperature)
    if top_k is not None:
        top_k = check_int(top_k, "top_k", 1, 10**6)
        if top_k < p.size:
            cut = np.argsort(-p, kind="stable")[top_k:]
            p[cut] = 0.0
            p /= p.sum()
    return int(rng.choice(p.size, p=p))


def _sequence(value, what: str):
    """A text stays a text; a list or tuple becomes a tuple (hashable, like the stored contexts)."""
    if isinstance(value, str):
        return value
    if isinstance(value, (list, tuple)):
        out = tuple(value)
        try:
            hash(out)
        except TypeError:
            raise AtelierError(f"Les éléments de {what} doivent être des valeurs simples (lettres, mots, notes).") from None
        return out
    raise AtelierError(f"{what[0].upper() + what[1:]} doit être un texte, un tuple ou une liste ; vous avez donné {describe(value)}.")


def _most_frequent_first(item):
    token, count = item
    return (-count, token)


class BackoffCounts:
    """Next-item counts for every context of 0 to ``order`` items, with back-off.

    ``sequences`` are texts (each letter an item), tuples or lists. With ``pad`` set, every
    sequence is preceded by ``order`` copies of it, so that the counts also learn how
    sequences begin; without it, only positions with a full context of length j count for
    contexts of length j. Tables are built on first use: a model of order 6 that is only
    asked about order 2 never counts order 6.
    """

    def __init__(self, sequences, order: int, pad=None):
        self.order = check_int(order, "order", 0, 50)
        if isinstance(sequences, (str, tuple)):
            sequences = [sequences]
        if not isinstance(sequences, list):
            raise AtelierError(f"« sequences » doit être une liste de séquences ; vous avez donné {describe(sequences)}.")
        try:
            hash(pad)
        except TypeError:
            raise AtelierError(f"« pad » doit être une valeur simple (un texte, un nombre) ou None ; vous avez donné {describe(pad)}.") from None
        self._sequences = []
        for seq in sequences:
            seq = _sequence(seq, "chaque séquence")
            self._sequences.append(((pad,) * self.order + tuple(seq)) if pad is not None else seq)
        self._first = self.order if pad is not None else 0
        self._tables: dict[int, dict] = {}

    def table(self, j: int) -> dict:
        """Contexts of length ``j`` → {next item: count}."""
        j = check_int(j, "j", 0, self.order, " (une longueur de contexte)")
        table = self._tables.get(j)
        if table is None:
            grams = Counter()
            for seq in self._sequences:
                grams.update(seq[i - j : i + 1] for i in range(max(j, self._first), len(seq)))
            table = {}
            for gram, c in grams.items():
                nxt = table.get(gram[:-1])
                if nxt is None:
                    table[gram[:-1]] = {gram[-1]: c}
                else:
                    nxt[gram[-1]] = c
            self._tables[j] = table
        return table

    def context(self, history):
        """The longest suffix of ``history`` (at most ``order`` items) seen in training."""
        history = _sequence(history, "« history »")
        for j in range(min(self.order, len(history)), -1, -1):
            ctx = history[len(history) - j :]
            if ctx in self.table(j):
                return ctx
        return history[:0]

    def counts(self, history) -> dict:
        """Next items and their counts after the longest seen suffix of ``history``."""
        ctx = self.context(history)
        return self.table(len(ctx)).get(ctx, {})

    def candidates(self, history, accept=None, order_by=_most_frequent_first):
        """Next items and their probabilities after the longest context of ``history`` seen in
        training that has at least one next item ``accept``-ed (all, by default).

        Items come sorted by ``order_by`` (applied to ``(item, count)``; most frequent first by
        default): the order fixes which item a given random draw picks. ``None`` if nothing fits.
        """
        history = _sequence(history, "« history »")
        if accept is not None and not callable(accept):
            raise AtelierError(f"« accept » doit être une fonction ou None ; vous avez donné {describe(accept)}.")
        if not callable(order_by):
            raise AtelierError(f"« order_by » doit être une fonction ; vous avez donné {describe(order_by)}.")
        for j in range(min(self.order, len(history)), -1, -1):
            counts = self.table(j).get(history[len(history) - j :])
            if counts:
                items = sorted((kv for kv in counts.items() if accept is None or accept(kv[0])), key=order_by)
                if items:
                    weights = np.array([c for _, c in items], dtype=float)
                    return [t for t, _ in items], weights / weights.sum()
        return None
