"""The estimate's parameters and how a notebook is read: prose, readability, code cells, demos, quizzes, sections."""

from __future__ import annotations

import ast
import functools
import re
from dataclasses import dataclass
from pathlib import Path

import nbformat

from atelier_ia.errors import AtelierError, describe

__all__ = ["EXERCISE_KINDS", "ORIGIN", "Params", "Section", "cell_minutes", "demo_minutes", "lix", "notebook_lix",
           "notebook_markdown", "params", "prose", "quiz_calls", "sections", "teaching_minutes", "whole_minutes",
           "words", "words_per_minute"]

ORIGIN = "data/course/durees.yml"

_DEMO = re.compile(r"\bLiveDemo\(")
_CONTROL = re.compile(r"\b(?:Slider|Choice)\(")
_LISTEN = re.compile(r"\baudio\(|\bshow_melody\(|\bplay\(")
_QUIZ_CALL = re.compile(r"\bshow_quiz\(")
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*|\d+", re.UNICODE)
_LETTERS = re.compile(r"[^\W\d_]", re.UNICODE)
_INLINE = re.compile(r"`[^`\n]*`|<!--.*?-->|\(https?://[^)]*\)|<[^>\n]+>", re.S)
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})\s*(\{[\w-]+\})?")
_OPTION = re.compile(r"^\s*:[\w-]+:")
_SENTENCE_END = re.compile(r"[.!?…]+(?=[\s»)]|$)|\n\s*\n|\n(?=\s*(?:[-*#|>]|\d+\.)\s)")


# --------------------------------------------------------------------------- parameters


def _num(raw, key, where, low=0.0, high=1000.0) -> float:
    v = raw.get(key) if isinstance(raw, dict) else None
    if isinstance(v, bool) or not isinstance(v, (int, float)) or not low <= v <= high:
        raise AtelierError(f"{ORIGIN}, {where} : « {key} » doit être un nombre de {low:g} à {high:g}, pas {describe(v)}.")
    return float(v)


@dataclass(frozen=True)
class Params:
    reading_points: tuple[tuple[float, float], ...]   # (LIX, words a minute), LIX increasing
    sources: tuple[str, ...]
    code_cell: float
    hidden_cell: float
    demo_base: float
    demo_control: float
    listening: float
    quiz_question: float
    exercise: dict            # kind → minutes
    rounding: int
    tolerance: float


@functools.lru_cache(maxsize=1)
def params() -> Params:
    """The estimate's parameters, read from ``data/course/durees.yml``."""
    import yaml

    from atelier_ia.paths import repo_root

    path = repo_root() / ORIGIN
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise AtelierError(f"{ORIGIN} est introuvable : il donne les paramètres de l'estimation des durées.") from None
    if not isinstance(data, dict):
        raise AtelierError(f"{ORIGIN} doit être un dictionnaire (lecture, code, demonstration, quiz, exercices…).")
    reading = data.get("lecture") or {}
    pts = reading.get("points")
    if not isinstance(pts, list) or len(pts) < 2:
        raise AtelierError(f"{ORIGIN}, lecture : « points » doit lister au moins deux couples {{lix, mots_par_minute}}.")
    points = tuple((_num(p, "lix", "lecture", 0, 100), _num(p, "mots_par_minute", "lecture", 50, 600)) for p in pts)
    if any(a[0] >= b[0] for a, b in zip(points, points[1:])):
        raise AtelierError(f"{ORIGIN}, lecture : les points doivent aller du LIX le plus bas au plus haut.")
    ex = data.get("exercices") or {}
    kinds = {k: _num(ex, k, "exercices", 1, 120) for k in EXERCISE_KINDS}
    return Params(points, tuple(reading.get("sources") or ()),
                  _num(data.get("code"), "cellule", "code", 0, 30), _num(data.get("code"), "cellule_repliee", "code", 0, 30),
                  _num(data.get("demonstration"), "base", "demonstration", 0, 30),
                  _num(data.get("demonstration"), "par_controle", "demonstration", 0, 30),
                  _num(data.get("demonstration"), "ecoute", "demonstration", 0, 30),
                  _num(data.get("quiz"), "par_question", "quiz", 0.1, 10), kinds,
                  int(_num(data, "arrondi", "racine", 1, 30)), _num(data, "tolerance", "racine", 0.01, 0.5))


EXERCISE_KINDS = ("sans-code", "code", "redaction")


# --------------------------------------------------------------------------- reading


def prose(markdown: str) -> str:
    """The text a reader reads: fenced code blocks, inline code, comments, link targets, HTML
    tags and directive options left out; the text inside a MyST directive (``{admonition}``,
    ``{exercise}``…) kept, except a ``{solution}`` (read after trying, in the exercise's time)."""
    out, stack = [], []  # stack of (fence, keep)
    for line in markdown.splitlines():
        m = _FENCE.match(line)
        if m and stack and m.group(1)[0] == stack[-1][0][0] and len(m.group(1)) >= len(stack[-1][0]) and not m.group(2) \
                and not line.strip()[len(m.group(1)):].strip():
            stack.pop()
            continue
        if m and (not stack or stack[-1][1]):
            keep = bool(m.group(2)) and m.group(2) not in ("{solution}", "{code-cell}", "{code}", "{code-block}")
            stack.append((m.group(1), keep))
            if keep:
                out.append(line[m.end():])  # a directive's title
            continue
        if stack and not stack[-1][1]:
            continue
        if _OPTION.match(line):
            continue
        out.append(line)
    return _INLINE.sub(" ", "\n".join(out))


def words(markdown: str) -> int:
    return len(_WORD.findall(prose(markdown)))


def lix(markdown: str) -> float:
    """The LIX readability index of a French text (Björnsson): words per sentence plus the
    percentage of words of more than six letters. A sentence ends with « . ! ? … », at the end
    of a paragraph, or before a heading, a list item or a table row (a colon does not end it:
    French uses it inside sentences). Code, links and HTML tags are left out. 0 for a text
    without words."""
    text = prose(markdown)
    ws = _WORD.findall(text)
    if not ws:
        return 0.0
    sentences = max(1, len([p for p in _SENTENCE_END.split(text) if _WORD.search(p)]))
    long = sum(1 for w in ws if len(_LETTERS.findall(w)) > 6)
    return len(ws) / sentences + 100 * long / len(ws)


def words_per_minute(index: float) -> float:
    """Reading speed for a text of this LIX: straight line between the points of
    ``data/course/durees.yml``, held at the end points beyond them."""
    pts = params().reading_points
    if index <= pts[0][0]:
        return pts[0][1]
    for (x0, y0), (x1, y1) in zip(pts, pts[1:]):
        if index <= x1:
            return y0 + (y1 - y0) * (index - x0) / (x1 - x0)
    return pts[-1][1]


def notebook_markdown(nb) -> str:
    return "\n\n".join(c.source for c in nb.cells if c.cell_type == "markdown")


def notebook_lix(path: Path) -> float:
    return lix(notebook_markdown(nbformat.read(path, as_version=4)))


# --------------------------------------------------------------------------- quizzes and demos


def _quiz_questions(name: str) -> int:
    from atelier_ia.quiz import load_quiz

    return len(load_quiz(name).questions)


def quiz_calls(code: str) -> list[tuple[str, int]]:
    """Each ``show_quiz`` call of a code cell: the quiz's name and the number of questions it
    shows (those listed in ``questions=[…]``, else the whole quiz)."""
    if not _QUIZ_CALL.search(code):
        return []
    try:
        tree = ast.parse(code)
    except SyntaxError:
        return []
    out = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", None)) == "show_quiz"):
            continue
        if not node.args or not isinstance(node.args[0], ast.Constant) or not isinstance(node.args[0].value, str):
            continue
        name = node.args[0].value
        listed = next((k.value for k in node.keywords if k.arg == "questions"), None)
        if isinstance(listed, (ast.List, ast.Tuple)):
            out.append((name, len(listed.elts)))
        else:
            out.append((name, _quiz_questions(name)))
    return out


def demo_minutes(code: str) -> float:
    p = params()
    minutes = 0.0
    if _DEMO.search(code):
        minutes += p.demo_base * len(_DEMO.findall(code)) + p.demo_control * len(_CONTROL.findall(code))
    minutes += p.listening * len(_LISTEN.findall(code))
    return minutes


# --------------------------------------------------------------------------- sections of a module


@dataclass(frozen=True)
class Section:
    id: str      # id of the cell holding the section's ``##`` heading
    title: str
    minutes: float


def cell_minutes(cell, wpm: float | None = None) -> float:
    """Minutes of one cell; ``wpm``: the reading speed of its notebook (default: the speed of
    this cell's own text)."""
    p = params()
    src = cell.source
    if cell.cell_type == "markdown":
        return words(src) / (wpm or words_per_minute(lix(src)))
    if cell.cell_type != "code":
        return 0.0
    tags = cell.get("metadata", {}).get("tags", [])
    minutes = 0.0 if "remove-input" in tags else p.hidden_cell if "hide-input" in tags else p.code_cell
    minutes += demo_minutes(src)
    minutes += sum(n for _, n in quiz_calls(src)) * p.quiz_question
    return minutes


def sections(path: Path) -> list[Section]:
    """The sections of a notebook (cells opening with a ``#``, ``##`` or ``###`` heading) with
    their estimated minutes, the title cell first. The whole notebook's LIX sets the reading
    speed of every section."""
    path = Path(path)
    st = path.stat()
    return list(_sections(str(path.resolve()), st.st_mtime_ns, st.st_size, _quiz_stamp()))


def _quiz_stamp() -> int:
    """Changes when a quiz file changes (a section's minutes count its questions)."""
    from atelier_ia.paths import data_dir

    return hash(tuple((p.name, p.stat().st_mtime_ns) for p in sorted((data_dir() / "quiz").glob("*.yml"))))


@functools.lru_cache(maxsize=64)
def _sections(path: str, mtime: int, size: int, quizzes: int) -> tuple[Section, ...]:
    nb = nbformat.read(path, as_version=4)
    wpm = words_per_minute(lix(notebook_markdown(nb)))
    out: list[list] = []
    for cell in nb.cells:
        first = cell.source.lstrip().splitlines()[0] if cell.source.strip() else ""
        if cell.cell_type == "markdown" and first.startswith(("# ", "## ", "### ")) or not out:
            out.append([cell.get("id", ""), first.lstrip("# ").strip(), 0.0])
        out[-1][2] += cell_minutes(cell, wpm)
    return tuple(Section(*s) for s in out)


def whole_minutes(x: float) -> int:
    step = params().rounding
    return max(step, int(step * round(x / step)))


def teaching_minutes(path: Path) -> int:
    return whole_minutes(sum(s.minutes for s in sections(path)))
