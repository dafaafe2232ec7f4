"""« Qui a écrit ça ? »: the style classifier beats chance on held-out quotations, honestly."""

from __future__ import annotations

import pytest

from atelier_ia import AtelierError
from atelier_ia.stylometry import train_attribution

# Attribution learns from the Littré's quotations: skipped with a French reason where it is absent (not in CI).
pytestmark = pytest.mark.usefixtures("littre")


@pytest.fixture(scope="module")
def model():
    return train_attribution(("La Fontaine", "Voltaire"), per_author=300, seed=1)


def test_beats_chance_on_held_out_quotations(model):
    assert model.accuracy > model.chance + 0.15
    assert int(model.confusion.values.sum()) == len(model.test) == 150


def test_guess_is_a_distribution(model):
    guess = model.guess("Maître corbeau, sur un arbre perché, tenait en son bec un fromage.")
    assert abs(guess.sum() - 1) < 1e-9 and guess.index[0] in ("La Fontaine", "Voltaire")


def test_deterministic():
    a = train_attribution(("Racine", "Molière"), per_author=100, seed=3)
    b = train_attribution(("Racine", "Molière"), per_author=100, seed=3)
    assert a.accuracy == b.accuracy and a.test.equals(b.test)


@pytest.mark.parametrize(
    "kwargs,expected",
    [
        (dict(authors=("Racine",)), "au moins deux"),
        (dict(authors=("Racine", "Racine")), "doublon"),
        (dict(authors=("Racine", "Shakespeare")), "Auteur inconnu"),
        (dict(per_author=5), "per_author"),
        (dict(test_share=0.9), "test_share"),
        (dict(seed=-1), "graine"),
    ],
)
def test_bad_input(kwargs, expected):
    with pytest.raises(AtelierError, match=expected):
        train_attribution(**kwargs)


def test_guess_needs_a_sentence(model):
    with pytest.raises(AtelierError, match="au moins 10"):
        model.guess("Oui")
