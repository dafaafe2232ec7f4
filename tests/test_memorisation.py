"""The one "longest copied passage" of the course, on letters, words and notes."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from atelier_ia import AtelierError
from atelier_ia.memorisation import SharedRun, longest_shared_run


def _brute_force(generated, sources):
    """Every run of ``generated`` against every window of every source: slow but obviously right."""
    best, where = 0, None
    for k, source in enumerate(sources):
        windows = {tuple(source[i:j]) for i in range(len(source)) for j in range(i + 1, len(source) + 1)}
        for i in range(len(generated)):
            for j in range(i + best + 1, len(generated) + 1):
                if tuple(generated[i:j]) in windows:
                    best, where = j - i, k
    return best, where


@settings(max_examples=150, deadline=None)
@given(st.text("abc", max_size=12), st.lists(st.text("abcd", max_size=12), min_size=1, max_size=3))
def test_text_runs_match_brute_force(generated, sources):
    shared = longest_shared_run(generated, sources)
    assert (shared.length, shared.source) == _brute_force(generated, sources)
    assert len(shared.run) == shared.length
    if shared.length:
        assert shared.run in generated and shared.run in sources[shared.source]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from([60, 62, None]), st.sampled_from([0.5, 1.0])), max_size=10),
    st.lists(st.lists(st.tuples(st.sampled_from([60, 62, 64, None]), st.sampled_from([0.5, 1.0])), max_size=10),
             min_size=1, max_size=3),
)
def test_note_runs_match_brute_force(generated, sources):
    shared = longest_shared_run(generated, sources)
    assert (shared.length, shared.source) == _brute_force(generated, sources)
    assert isinstance(shared.run, list) and len(shared.run) == shared.length


def test_words_are_whole_items_not_letters():
    gen = ["le", "chat", "dort", "ici"]
    src = [["un", "chat", "dort", "là"], ["le", "chatón"]]
    assert longest_shared_run(gen, src) == SharedRun(2, 0, ["chat", "dort"])
    assert longest_shared_run("le chat", "un chat") == SharedRun(5, 0, " chat")  # a text on its own


def test_many_distinct_items_beyond_the_surrogate_block():
    gen = list(range(60_000, 60_010))
    assert longest_shared_run(gen, [list(range(0, 60_005))]).length == 5


@pytest.mark.parametrize(
    "generated,sources,expected",
    [
        (None, ["a"], "generated"),
        ("abc", [], "sources"),
        ("abc", [["a"]], "même nature"),
        ([[1]], [[[1]]], "valeurs simples"),
    ],
)
def test_bad_input(generated, sources, expected):
    with pytest.raises(AtelierError, match=expected):
        longest_shared_run(generated, sources)
