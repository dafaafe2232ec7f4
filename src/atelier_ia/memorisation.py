"""Memorisation: how much of a generated sequence was copied, run for run, from the sources.

A generative model that reproduces a long passage of its training data word for word (or
note for note, or letter for letter) has memorised it. The simplest measure of copying is
the longest run of consecutive items of the generated sequence that appears unchanged in
one of the sources. :func:`longest_shared_run` computes it for any kind of sequence: a text
(letters), a list of words, a melody (a list of notes).

:func:`copied_ngram_share` gives a second, broader measure: the share of the generated
sequence's n-grams (runs of ``n`` items) that appear somewhere in the sources. A model that
invents recombines short pieces (low share for a long ``n``); a model that recites copies
whole passages (share close to 1).
"""

from __future__ import annotations

from typing import NamedTuple

from .errors import AtelierError, describe

__all__ = ["SharedRun", "copied_ngram_share", "longest_shared_run"]

_MAX_ITEMS = 2_000_000  # all sources together: beyond this the search would keep a learner waiting


class SharedRun(NamedTuple):
    """The longest copied run: its ``length`` in items, the index of the ``source`` it comes
    from (``None`` if nothing is shared) and the ``run`` itself (a text or a list)."""

    length: int
    source: int | None
    run: object


def _as_sequence(value, what: str):
    if isinstance(value, str):
        return value
    if isinstance(value, (list, tuple)):
        return list(value)
    raise AtelierError(
        f"{what} doit être un texte ou une liste (de mots, de notes…) ; vous avez donné {describe(value)}."
    )


def _encode(sequences: list[list], codes: dict) -> list[str]:
    """Each item becomes one character (the same item, the same character): a run of items is
    then a substring, found by Python's fast substring search."""
    out = []
    for seq in sequences:
        chars = []
        for item in seq:
            try:
                code = codes.setdefault(item, len(codes))
            except TypeError:
                raise AtelierError(
                    f"Les éléments des séquences doivent être des valeurs simples (mots, nombres, couples) ; "
                    f"{describe(item)} ne convient pas."
                ) from None
            chars.append(chr(code + 1 if code < 0xD7FF else code + 0x801))  # skip the surrogate block
        out.append("".join(chars))
    return out


def _longest_in(generated: str, source: str) -> tuple[int, int]:
    """(start in ``generated``, length) of its longest substring found in ``source``."""
    best_start, best = 0, 0
    for start in range(len(generated)):
        end = start + best + 1  # only a run longer than the record is worth checking
        while end <= len(generated) and generated[start:end] in source:
            best_start, best = start, end - start
            end += 1
    return best_start, best


def _checked(generated, sources):
    """``generated`` and ``sources`` as sequences of one kind (a single text counts as a list of one)."""
    gen = _as_sequence(generated, "La séquence générée (generated)")
    if isinstance(sources, str):
        sources = [sources]
    if not isinstance(sources, (list, tuple)) or not sources:
        raise AtelierError(
            "« sources » doit être une liste non vide de séquences (textes, listes de mots ou de notes) ; "
            f"vous avez donné {describe(sources)}."
        )
    srcs = [_as_sequence(s, f"La source n° {k}") for k, s in enumerate(sources, 1)]
    if isinstance(gen, str) != all(isinstance(s, str) for s in srcs):
        raise AtelierError(
            "La séquence générée et les sources doivent être de même nature : toutes des textes, "
            "ou toutes des listes (de mots, de notes…)."
        )
    if len(gen) + sum(len(s) for s in srcs) > _MAX_ITEMS:
        raise AtelierError(f"Séquences trop longues pour cette recherche (au plus {_MAX_ITEMS} éléments en tout).")
    return gen, srcs


def longest_shared_run(generated, sources) -> SharedRun:
    """The longest run of consecutive items of ``generated`` found unchanged in one of ``sources``.

    ``generated`` is a text or a list (words, notes…). ``sources`` is a list of sequences of
    the same kind; a single text may be given on its own. Returns a :class:`SharedRun`
    ``(length, source, run)``; on a tie, the first source in the list wins.

    >>> longest_shared_run("le chat dort", ["un chat noir", "il dort"])
    SharedRun(length=6, source=0, run=' chat ')
    """
    gen, srcs = _checked(generated, sources)
    if isinstance(gen, str):
        text, texts = gen, srcs
    else:
        text, *texts = _encode([gen, *srcs], {})
    best, where, best_start = 0, None, 0
    for k, source in enumerate(texts):
        start, length = _longest_in(text, source)
        if length > best:
            best, where, best_start = length, k, start
    return SharedRun(best, where, gen[best_start : best_start + best])


def _ngrams(seq, n: int) -> set:
    return {tuple(seq[i : i + n]) for i in range(len(seq) - n + 1)}


def copied_ngram_share(generated, sources, n: int = 5) -> float:
    """Share (0 to 1) of the n-grams of ``generated`` that appear in one of ``sources``.

    An n-gram is a run of ``n`` consecutive items: letters for a text, words or notes for a
    list. Every position of ``generated`` counts (a repeated n-gram counts each time), so
    0.5 means that half of the generated runs of ``n`` items were already in the sources.
    ``sources`` is a list of sequences of the same kind, or a single text.

    >>> copied_ngram_share("le chat dort", "le chat noir", n=4)
    0.5555555555555556
    """
    from .validation import check_int

    n = check_int(n, "n", minimum=1, maximum=1000, hint=" (la longueur des n-grammes, par exemple 5)")
    gen, srcs = _checked(generated, sources)
    if len(gen) < n:
        raise AtelierError(
            f"La séquence générée compte {len(gen)} éléments, moins que n = {n} : "
            "générez une séquence plus longue ou choisissez un n plus petit."
        )
    try:
        known = set().union(*(_ngrams(s, n) for s in srcs))
        grams = [tuple(gen[i : i + n]) for i in range(len(gen) - n + 1)]
        copied = sum(g in known for g in grams)
    except TypeError:
        raise AtelierError(
            "Les éléments des séquences doivent être des valeurs simples (mots, nombres, couples)."
        ) from None
    return copied / len(grams)
