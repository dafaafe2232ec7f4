"""How long a module takes in a room: one documented estimate, computed from its content.

Every parameter lives in ``data/course/durees.yml``, with its source or the word « convention »
(the trainers' guide shows them, from :func:`estimate_text`):

* explanatory French read to learn: the speed depends on the text's difficulty. The LIX
  readability index (words per sentence + 100 × share of words of more than six letters) of the
  notebook's Markdown gives the words per minute, on a straight line between two points (an easy
  text at Carver's « learning » rate, a dense legal or technical text near his « memorising »
  rate, about 130 words a minute);
* each code cell: read it, run it, look at the result; a folded cell (``hide-input``): look at
  the result; a removed cell (``remove-input``, e.g. a quiz): nothing but what it shows;
* each live demonstration (``LiveDemo``): a base time plus a time per control (``Slider``,
  ``Choice``) to try it; each melody to listen to: a listening time;
* each quiz question: a time per question. ``show_quiz(name)`` counts the whole quiz,
  ``show_quiz(name, questions=[...])`` only the questions it shows;
* each exercise of the exercise notebook: a time by kind (no-code, code, writing, see
  :func:`exercise_kind`), plus reading its text.

Totals are rounded to 5 minutes. ``python -m atelier_tools.durations`` prints, per available
module, the catalogue's figures next to the estimate and, where a session timed the module in a
room (``minutes_mesurees`` in ``data/course/modules.yml``), the measured time and its gap to the
estimate. A test fails when the catalogue drifts more than the tolerance from the estimate.
"""

from __future__ import annotations

import ast
import functools
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import nbformat

from atelier_ia.errors import AtelierError, describe

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


def _prose(markdown: str) -> str:
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
    return len(_WORD.findall(_prose(markdown)))


def lix(markdown: str) -> float:
    """The LIX readability index of a French text (Björnsson): words per sentence plus the
    percentage of words of more than six letters. A sentence ends with « . ! ? … », at the end
    of a paragraph, or before a heading, a list item or a table row (a colon does not end it:
    French uses it inside sentences). Code, links and HTML tags are left out. 0 for a text
    without words."""
    text = _prose(markdown)
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


def _markdown(nb) -> str:
    return "\n\n".join(c.source for c in nb.cells if c.cell_type == "markdown")


def notebook_lix(path: Path) -> float:
    return lix(_markdown(nbformat.read(path, as_version=4)))


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
    wpm = words_per_minute(lix(_markdown(nb)))
    out: list[list] = []
    for cell in nb.cells:
        first = cell.source.lstrip().splitlines()[0] if cell.source.strip() else ""
        if cell.cell_type == "markdown" and first.startswith(("# ", "## ", "### ")) or not out:
            out.append([cell.get("id", ""), first.lstrip("# ").strip(), 0.0])
        out[-1][2] += cell_minutes(cell, wpm)
    return tuple(Section(*s) for s in out)


def _round(x: float) -> int:
    step = params().rounding
    return max(step, int(step * round(x / step)))


def teaching_minutes(path: Path) -> int:
    return _round(sum(s.minutes for s in sections(path)))


# --------------------------------------------------------------------------- exercises

_BOLD_LEAD = re.compile(r"^\s*\*\*([^*]+)\*\*")
_WRITING = re.compile(r"\b(?:R[ée]digez|composer)\b|\b[ÉE]crivez (?:la|le|les|un|une) ", re.I)
_PLACEHOLDER = re.compile(r"=\s*\.\.\.\s*#\s*(?:remplacez\s*\.\.\.\s*par\s*)?(.*)$", re.M)
_CODE_ANSWER = re.compile(r"[\w\]\)][\(\[]|\b[a-z_]\w*\.[a-z_]\w*")


def exercise_kind(statement: str, answer_cell: str) -> str:
    """« redaction » when the statement asks to write (« Écrivez la… », « Rédigez », « composer »),
    « code » when the answer to type is Python (a call, an index, an attribute: what the comment
    after the answer cell's ``= ...`` asks for, before any « par exemple »), or when the cell has
    no ``= ...`` to fill in (the learner writes the code), else
    « sans-code » (a letter, a number, a list of values read after running the given cells)."""
    if _WRITING.search(_prose(statement)):
        return "redaction"
    m = _PLACEHOLDER.search(answer_cell)
    if m is None:
        return "code"  # no placeholder: the learner writes the cell
    wanted = re.split(r",?\s*par exemple", m.group(1))[0]
    wanted = re.sub(r'"[^"]*"|«[^»]*»', "", wanted)
    return "code" if _CODE_ANSWER.search(wanted) else "sans-code"


@dataclass(frozen=True)
class Exercise:
    id: str
    kind: str
    minutes: float  # its kind's minutes plus reading its statement


_EXERCISE_ID = re.compile(r"^\s*`{3,}\{exercise\}\s*(\S+)")


def exercises(path: Path) -> list[Exercise]:
    """The exercises of an exercise notebook, with their kind and minutes."""
    nb = nbformat.read(path, as_version=4)
    wpm = words_per_minute(lix(_markdown(nb)))
    out, statement, ex_id = [], None, None
    for cell in nb.cells:
        m = _EXERCISE_ID.match(cell.source) if cell.cell_type == "markdown" else None
        if m:
            statement, ex_id = cell.source, m.group(1)
            continue
        tags = cell.get("metadata", {}).get("tags", [])
        if cell.cell_type == "code" and ex_id and any(t == f"reponse-ex-{ex_id}" for t in tags):
            kind = exercise_kind(statement, cell.source)
            out.append(Exercise(ex_id, kind, params().exercise[kind] + words(statement) / wpm))
            ex_id = None
        elif cell.cell_type == "code" and ex_id and f"quiz-ex-{ex_id}" in tags:
            # done in the page: a no-code exercise, each question after the first one adds a quiz question's time
            extra = max(sum(n for _, n in quiz_calls(cell.source)) - 1, 0) * params().quiz_question
            out.append(Exercise(ex_id, "sans-code", params().exercise["sans-code"] + extra + words(statement) / wpm))
            ex_id = None
    return out


def exercise_minutes(path: Path) -> int:
    """The exercise notebook: its exercises (by kind), reading its other text, and its quizzes."""
    nb = nbformat.read(path, as_version=4)
    wpm = words_per_minute(lix(_markdown(nb)))
    listed = exercises(path)
    total = sum(e.minutes for e in listed)
    for cell in nb.cells:
        if cell.cell_type == "markdown" and not _EXERCISE_ID.match(cell.source):
            if not cell.source.lstrip().startswith(("````{solution}", "```{solution}")):
                total += words(cell.source) / wpm
        elif cell.cell_type == "code" and not any(t.startswith("quiz-ex-") for t in cell.get("metadata", {}).get("tags", [])):
            total += sum(n for _, n in quiz_calls(cell.source)) * params().quiz_question  # in-page exercises counted above
    return _round(total)


# --------------------------------------------------------------------------- catalogue


def within_tolerance(announced: int, estimated: int) -> bool:
    return abs(announced - estimated) <= max(params().rounding, params().tolerance * estimated)


@dataclass(frozen=True)
class Measure:
    minutes: int
    date: str
    place: str


def measures(data: dict | None = None) -> dict[str, Measure]:
    """Times measured in a room, cours and exercises together: ``minutes_mesurees`` of
    ``data/course/modules.yml`` ({minutes, date, lieu}), by module id (``data``: the catalogue
    already read)."""
    import yaml

    from atelier_ia.paths import repo_root

    if data is None:
        data = yaml.safe_load((repo_root() / "data/course/modules.yml").read_text(encoding="utf-8"))
    out = {}
    for raw in data.get("modules", []):
        m = raw.get("minutes_mesurees")
        if m is None:
            continue
        where = f"data/course/modules.yml, module « {raw.get('id')} »"
        if not isinstance(m, dict) or not all(isinstance(m.get(k), (str, int)) and m.get(k) != "" for k in ("minutes", "date", "lieu")):
            raise AtelierError(f"{where} : « minutes_mesurees » doit donner minutes, date et lieu, pas {describe(m)}.")
        if isinstance(m["minutes"], bool) or not isinstance(m["minutes"], int) or m["minutes"] <= 0:
            raise AtelierError(f"{where} : « minutes_mesurees.minutes » doit être un nombre entier de minutes, pas {describe(m['minutes'])}.")
        out[raw["id"]] = Measure(m["minutes"], str(m["date"]), str(m["lieu"]))
    return out


def report(cat=None, measured: dict[str, Measure] | None = None) -> tuple[list[str], int]:
    """Markdown table: per available module, catalogue / estimate (teaching, exercises), the
    LIX of its text and, where measured, the measured time and its gap. Returns the lines and
    the number of modules outside the tolerance."""
    from atelier_ia.course import load_catalogue
    from atelier_ia.paths import repo_root

    cat = cat or load_catalogue()
    root = repo_root()
    meas = measures() if measured is None else measured
    lines = ["| module | LIX | cours (catalogue / estimé) | exercices (catalogue / estimé) | mesuré en salle |",
             "|---|---|---|---|---|"]
    bad = 0
    for m in cat.available:
        t, e = teaching_minutes(root / m.notebook), exercise_minutes(root / m.exercises)
        ok = within_tolerance(m.teaching_minutes, t) and within_tolerance(m.exercise_minutes, e)
        bad += not ok
        x = meas.get(m.id)
        seen = "—" if x is None else f"{x.minutes} min ({x.date}, {x.place}), écart {x.minutes - t - e:+d} min à l'estimation"
        lines.append(f"| {m.id} | {notebook_lix(root / m.notebook):.0f} | {m.teaching_minutes} / {t} | {m.exercise_minutes} / {e} | {seen} |"
                     + ("" if ok else " ← à corriger dans data/course/modules.yml"))
    return lines, bad


def estimate_text() -> str:
    """The estimate's rules in French, for the trainers' guide (read from ``data/course/durees.yml``)."""
    from atelier_ia.fmt import french_number

    p = params()
    nb = "\u00a0"
    (x0, y0), (x1, y1) = p.reading_points[0], p.reading_points[-1]
    def n(v):
        return french_number(v, 0 if float(v).is_integer() else 1)

    kinds = {"sans-code": "sans code (choisir une lettre, donner un nombre)", "code": "avec du code à compléter",
             "redaction": "de rédaction (écrire un texte, composer)"}
    lines = [
        f"- lecture du texte explicatif, à une vitesse qui dépend de sa difficulté{nb}: l'indice LIX du notebook "
        f"(mots par phrase, plus la part des mots de plus de six lettres) donne {n(y0)}{nb}mots par minute jusqu'à "
        f"LIX{nb}{n(x0)} (texte facile lu pour apprendre), {n(y1)}{nb}mots par minute à partir de LIX{nb}{n(x1)} "
        f"(texte juridique ou technique dense, lu pour le retenir), en ligne droite entre les deux{nb};",
        f"- chaque cellule de code{nb}: {n(p.code_cell)}{nb}min (la lire, l'exécuter, regarder le résultat), "
        f"{n(p.hidden_cell)}{nb}min si son code est replié dans le livre{nb};",
        f"- chaque démonstration interactive{nb}: {n(p.demo_base)}{nb}min, plus {n(p.demo_control)}{nb}min par curseur "
        f"ou par choix à essayer{nb}; chaque mélodie à écouter{nb}: {n(p.listening)}{nb}min{nb};",
        f"- chaque question de quiz affichée{nb}: {n(p.quiz_question)}{nb}min (un quiz partiel ne compte que ses questions){nb};",
        "- chaque exercice, selon son genre, plus la lecture de son énoncé{nb}: ".replace("{nb}", nb)
        + ", ".join(f"{n(p.exercise[k])}{nb}min pour un exercice {kinds[k]}" for k in EXERCISE_KINDS) + ".",
        "",
        f"Les totaux sont arrondis à {p.rounding}{nb}minutes. Les deux vitesses de lecture viennent de mesures publiées "
        f"(Carver, 1992, pour la lecture «{nb}pour apprendre{nb}» et «{nb}pour mémoriser{nb}»{nb}; Brysbaert, 2019, "
        f"pour la lecture courante){nb}; les bornes de LIX (Björnsson, 1968{nb}; Anderson, 1983), la droite entre elles "
        f"et les autres temps sont des conventions du cours, écrites avec leurs sources dans `data/course/durees.yml`. "
        f"Un test vérifie que le catalogue reste à {n(100 * p.tolerance)}{nb}% près de cette estimation quand le contenu "
        f"d'un module change. Quand une séance a chronométré un module en salle, le catalogue le note "
        f"(`minutes_mesurees`) et `python -m atelier_tools.durations` donne l'écart à l'estimation.",
        "",
    ]
    return "\n".join(lines)


def main(argv=None) -> int:
    lines, bad = report()
    print("\n".join(lines))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
