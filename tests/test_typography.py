"""French typography of everything a learner or a trainer reads: notebooks' Markdown cells,
quiz and trainer-notes files, the welcome page and the annexes.

The rules and what counts as code live in `typography.py`, which can also fix a file:
`python tests/typography.py <file>…`.
"""

from __future__ import annotations

import re

import pytest
import yaml
from notebook_tools import ROOT, read
from typography import NBSP, find_faults, fix_text, fix_yaml_source, yaml_strings

# Files this branch does not own and that still need `python tests/typography.py <file>`
# at merge. Strict: once a file is fixed, its entry must go (the test then fails as XPASS).
PENDING_FIX = {
}


def _files():
    files = [*sorted(ROOT.glob("modules/*.ipynb")), *sorted(ROOT.glob("exercises/*.ipynb"))]
    files += sorted(ROOT.glob("data/quiz/*.yml")) + sorted(ROOT.glob("data/course/notes/*.yml"))
    files += sorted(ROOT.glob("data/activites/*.yml")) + sorted(ROOT.glob("data/ecriture/*.yml"))
    files += [ROOT / "intro.md", *sorted(ROOT.glob("annexes/*.md")), *sorted(ROOT.glob("annexes/activites/*.md"))]
    return [f.relative_to(ROOT).as_posix() for f in files if f.is_file()]


def _all_strings(data):
    """Every string value of an activity file: all of it is printed for a group."""
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for value in data.values():
            yield from _all_strings(value)
    elif isinstance(data, list):
        for value in data:
            yield from _all_strings(value)


def _faults(relative: str) -> list[str]:
    path = ROOT / relative
    if path.suffix == ".ipynb":
        return [f"cellule {c.id} : {fault}" for c in read(path).cells if c.cell_type == "markdown"
                for fault in find_faults(c.source)]
    if path.suffix == ".yml":
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        texts = _all_strings(data) if relative.startswith(("data/activites/", "data/ecriture/")) else yaml_strings(data)
        return [fault for text in texts for fault in find_faults(text)]
    return find_faults(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "relative",
    [pytest.param(f, marks=pytest.mark.xfail(strict=True, reason="à corriger à la fusion"))
     if f in PENDING_FIX else f for f in _files()],
)
def test_french_typography(relative):
    faults = _faults(relative)
    assert not faults, f"{relative} : {len(faults)} faute(s) de typographie\n" + "\n".join(faults[:25])


def test_the_files_checked_include_every_kind():
    files = _files()
    for kind in ("modules/", "exercises/", "data/quiz/", "data/activites/", "intro.md", "annexes/"):
        assert any(f.startswith(kind) for f in files), kind


# --- the checker itself ----------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Le titre : une fable.",            # breakable space before a colon
    "Vraiment ? Oui.",                  # before a question mark
    "Un ; deux",                        # before a semicolon
    "Quelle surprise !",                # before an exclamation mark
    "Il a dit « bonjour » hier.",       # inside guillemets
    "Il a dit «bonjour» hier.",         # no space at all inside guillemets
    "l’apostrophe courbe",              # the other apostrophe
    "```{note} Titre : remarque\n```",  # the title of a directive is prose
])
def test_each_fault_is_found_and_fixed(text):
    assert find_faults(text), text
    fixed = fix_text(text)
    assert not find_faults(fixed), fixed
    assert fixed != text


@pytest.mark.parametrize("text", [
    "Exécutez `print(a) ; b` puis `[ ]:`.",                      # inline code
    "```python\nx = 1 ; y = 2 ?\n```",                           # a fenced code block
    "Voir [la fiche](https://example.org/a?b=1) et https://example.org/x?y=2 ici.",
    ":label: fig-carte\n:class: full-width",                     # directive options
    "Selon {cite}`shannon1948` et {term}`jetons <jeton>`.",     # MyST roles
    "La séance commence à 9 h 30, ou à 9:30 en notation anglaise.",
    "![Une carte](carte.png)",                                   # an image, not an exclamation
    "BigScience, «\u00a0BLOOM: A 176B-Parameter Model\u00a0» (2022).",  # English title, own typography
    "<!-- note : interne -->",
])
def test_code_urls_roles_and_times_are_ignored(text):
    assert not find_faults(text), find_faults(text)
    assert fix_text(text) == text


def test_yaml_fixer_touches_values_not_keys():
    source = 'question: "Pourquoi ?"\noptions:\n  - texte: "Il dit « oui »"\n    correct: true\n'
    fixed = fix_yaml_source(source)
    data = yaml.safe_load(fixed)
    assert data["question"] == "Pourquoi" + NBSP + "?"
    assert data["options"][0]["texte"] == "Il dit «" + NBSP + "oui" + NBSP + "»"
    assert data["options"][0]["correct"] is True
    assert not [f for t in yaml_strings(data) for f in find_faults(t)]


def test_the_no_break_space_is_defined_once():
    """One ``NBSP``, in atelier_ia.fmt: every other module imports it (a copy drifts, e.g. to a
    narrow no-break space in one place)."""
    defined = [p.relative_to(ROOT).as_posix() for p in sorted((ROOT / "src").rglob("*.py"))
               if re.search(r"^_?NBSP\s*=", p.read_text(encoding="utf-8"), re.M)]
    assert defined == ["src/atelier_ia/fmt.py"]
