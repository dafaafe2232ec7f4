"""The one "longest copied passage" of the course, on letters, words and notes."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from atelier_ia import AtelierError
from atelier_ia.memorisation import SharedRun, longest_shared_run
from atelier_ia.text import join_words, word_tokens


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


# --------------------------------------------------------------------------- notebooks' versions
# Modules may show learners their own short version of the algorithm; it must then give the same
# answer as the library's (issue 7: one algorithm, or proven identical).


MODULES = Path(__file__).resolve().parents[1] / "modules"


def _notebook_functions(name: str):
    """(notebook, function) for every code cell of modules/*.ipynb that defines ``name``."""
    found = []
    for path in sorted(MODULES.glob("*.ipynb")):
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            source = "".join(cell["source"]) if cell["cell_type"] == "code" else ""
            if f"def {name}(" not in source:
                continue
            tree = ast.parse("\n".join(ln for ln in source.splitlines() if not ln.lstrip().startswith(("%", "!"))))
            defs = [node for node in tree.body if isinstance(node, ast.FunctionDef) and node.name == name]
            import atelier_ia.validation as validation

            namespace = {"word_tokens": word_tokens, "join_words": join_words}
            namespace.update({n: getattr(validation, n) for n in validation.__all__})  # the cells' input checks
            exec(compile(ast.Module(body=defs, type_ignores=[]), str(path), "exec"), namespace)
            found.append((path.stem, namespace[name]))
    return found


COPIES = _notebook_functions("plus_long_emprunt")
WORDS = st.lists(st.sampled_from(["le", "chat", "dort", "la", "nuit", ",", "."]), max_size=10).map(" ".join)


def test_the_notebooks_still_show_their_version():
    if not COPIES:
        pytest.skip("aucun module ne définit plus plus_long_emprunt : rien à comparer")
    assert all(callable(f) for _, f in COPIES)


@pytest.mark.parametrize("notebook,copy", COPIES, ids=[n for n, _ in COPIES])
@settings(max_examples=80, deadline=None)
@given(generated=WORDS, source=WORDS)
def test_notebook_version_agrees_with_the_library(notebook, copy, generated, source):
    shown = copy(generated, source)
    if notebook.startswith("00"):  # letters, the run itself
        assert shown == longest_shared_run(generated, source).run
    else:  # words, joined back into text
        def words(t):
            return [w for w in word_tokens(t) if w != "\n"]

        assert shown == join_words(longest_shared_run(words(generated), [words(source)]).run)
