"""Feedback on writing without a server: model answers, review checklists and simple checks.

Each « À vous » prompt that asks the learner to write (an explanation, an argued choice, a
list, a mention for the public…) has one entry in ``data/ecriture/<module-id>.yml``:

.. code-block:: yaml

    module: 07-ecosysteme-ouvert
    consignes:
      - id: 07-mention                # unique in the course: module number, dash, slug
        cellule: mentions-lecture     # id of the notebook cell that holds the prompt
        modele: |                     # a short model answer (paragraphs, « - » lists, **bold**)
          ...
        criteres:                     # 3 to 5 criteria the learner, or a peer, ticks
          - "..."
        source: "..."                 # optional: where the facts of the model come from
        verifications:                # optional: what check_writing can say about a text
          mots_min: 15
          mots_max: 120
          elements:
            - nom: "l'outil utilisé"  # named in French in the report
              motifs: ["outil", "logiciel"]   # regular expressions, any one suffices
    sans_ecriture:                    # « À vous » cells that ask for no text, and why
      - cellule: question-cellule
        raison: "..."

In the notebook, the prompt cell carries the tag ``ecriture`` and is followed by a code cell
tagged ``remove-input`` that calls :func:`show_model`. Its output is plain HTML: a checklist
with boxes to tick and the model answer folded in a ``<details>`` element, closed until the
learner opens it. It reads the same in the static book, JupyterLab and Binder, with no
script and no MyST markup. The printed handouts carry the same checklists
(:mod:`atelier_tools.handouts`).
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from .errors import AtelierError, describe
from .fmt import NBSP

__all__ = [
    "all_prompts",
    "check_writing",
    "get_prompt",
    "load_prompts",
    "show_model",
]

FOLDER = "ecriture"
TAG = "ecriture"
MIN_CRITERIA, MAX_CRITERIA = 3, 5
_ID = re.compile(r"^\d\d-[a-z0-9][a-z0-9-]*$")
_KEYS = {"id", "cellule", "modele", "criteres", "source", "verifications"}
_CHECK_KEYS = {"mots_min", "mots_max", "elements"}
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*|\d+", re.UNICODE)


@dataclass(frozen=True)
class Element:
    """Something a text must contain, found by any of its patterns."""

    name: str
    patterns: tuple[str, ...]

    def found_in(self, text: str) -> bool:
        folded = _fold(text)
        return any(re.search(p, folded, re.IGNORECASE) for p in self.patterns)


@dataclass(frozen=True)
class WritingPrompt:
    id: str
    module: str
    cell: str
    model: str
    criteria: tuple[str, ...]
    source: str = ""
    min_words: int | None = None
    max_words: int | None = None
    elements: tuple[Element, ...] = ()

    @property
    def checkable(self) -> bool:
        return self.min_words is not None or self.max_words is not None or bool(self.elements)


def _fold(text: str) -> str:
    """Lower case without accents, so that patterns need not spell « é » and « e » twice."""
    decomposed = unicodedata.normalize("NFD", text.replace("’", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def _folder() -> Path:
    from .paths import data_dir

    return data_dir() / FOLDER


def _fail(origin: str, where: str, message: str):
    raise AtelierError(f"{origin}{where} : {message}")


def _text(value, origin: str, where: str, name: str) -> str:
    if not isinstance(value, str) or not value.strip():
        _fail(origin, where, f"« {name} » doit être un texte non vide ; il vaut {describe(value)}.")
    return value.strip()


def _parse_checks(data, origin: str, where: str) -> dict:
    if data is None:
        return {}
    if not isinstance(data, dict):
        _fail(origin, where, "« verifications » doit être un dictionnaire (mots_min, mots_max, elements).")
    unknown = set(data) - _CHECK_KEYS
    if unknown:
        _fail(origin, where, f"clé(s) inconnue(s) dans « verifications » : {', '.join(sorted(unknown))}.")
    out: dict = {}
    for key, attr in (("mots_min", "min_words"), ("mots_max", "max_words")):
        if key in data:
            value = data[key]
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                _fail(origin, where, f"« {key} » doit être un nombre entier positif ; il vaut {describe(value)}.")
            out[attr] = value
    if "min_words" in out and "max_words" in out and out["min_words"] > out["max_words"]:
        _fail(origin, where, "« mots_min » dépasse « mots_max ».")
    elements = []
    for k, item in enumerate(data.get("elements") or [], start=1):
        if not isinstance(item, dict) or set(item) != {"nom", "motifs"}:
            _fail(origin, where, f"l'élément n° {k} doit avoir exactement deux clés, « nom » et « motifs ».")
        name = _text(item["nom"], origin, where, "nom")
        patterns = item["motifs"]
        if not isinstance(patterns, list) or not patterns or not all(isinstance(p, str) and p for p in patterns):
            _fail(origin, where, f"« motifs » de l'élément « {name} » doit être une liste de textes non vide.")
        for p in patterns:
            try:
                re.compile(p)
            except re.error as exc:
                _fail(origin, where, f"le motif « {p} » de l'élément « {name} » est une expression régulière invalide ({exc}).")
        elements.append(Element(name, tuple(_fold(p) for p in patterns)))
    out["elements"] = tuple(elements)
    return out


def parse_prompts(data, origin: str) -> tuple[str, list[WritingPrompt], list[dict]]:
    """Validate a parsed file; return (module id, prompts, cells without writing)."""
    if not isinstance(data, dict) or not isinstance(data.get("module"), str):
        _fail(origin, "", "le fichier doit commencer par « module: <identifiant du module> ».")
    module = data["module"]
    prompts: list[WritingPrompt] = []
    for k, item in enumerate(data.get("consignes") or [], start=1):
        where = f", consigne n° {k}"
        if not isinstance(item, dict):
            _fail(origin, where, "chaque consigne est un dictionnaire (id, cellule, modele, criteres…).")
        unknown = set(item) - _KEYS
        if unknown:
            _fail(origin, where, f"clé(s) inconnue(s) : {', '.join(sorted(unknown))}.")
        pid = item.get("id")
        if not isinstance(pid, str) or not _ID.match(pid) or pid[:2] != module[:2]:
            _fail(origin, where, f"l'« id » doit commencer par le numéro du module ({module[:2]}-…), "
                  f"en minuscules sans accent ; il vaut {describe(pid)}.")
        where = f", consigne « {pid} »"
        criteria = item.get("criteres")
        if not isinstance(criteria, list) or not MIN_CRITERIA <= len(criteria) <= MAX_CRITERIA:
            _fail(origin, where, f"il faut de {MIN_CRITERIA} à {MAX_CRITERIA} critères dans « criteres ».")
        prompts.append(WritingPrompt(
            id=pid,
            module=module,
            cell=_text(item.get("cellule"), origin, where, "cellule"),
            model=_text(item.get("modele"), origin, where, "modele"),
            criteria=tuple(_text(c, origin, where, "critère") for c in criteria),
            source=(item.get("source") or "").strip(),
            **_parse_checks(item.get("verifications"), origin, where),
        ))
    ids = [p.id for p in prompts]
    doubles = sorted({i for i in ids if ids.count(i) > 1})
    if doubles:
        _fail(origin, "", f"identifiant(s) en double : {', '.join(doubles)}.")
    skipped = data.get("sans_ecriture") or []
    for item in skipped:
        if not isinstance(item, dict) or set(item) != {"cellule", "raison"}:
            _fail(origin, "", "chaque entrée de « sans_ecriture » a deux clés, « cellule » et « raison ».")
    return module, prompts, skipped


@cache
def _load_file(path: Path) -> tuple[str, tuple[WritingPrompt, ...], tuple]:
    origin = f"data/{FOLDER}/{path.name}"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError:
        raise AtelierError(f"{origin} : YAML illisible. Vérifiez l'indentation et les guillemets.") from None
    module, prompts, skipped = parse_prompts(data, origin)
    if module != path.stem:
        raise AtelierError(f"{origin} : le champ « module » vaut « {module} » au lieu de « {path.stem} ».")
    return module, tuple(prompts), tuple((s["cellule"], s["raison"]) for s in skipped)


def load_prompts(module_id: str) -> tuple[WritingPrompt, ...]:
    """The writing prompts of a module, in notebook order."""
    if not isinstance(module_id, str) or not module_id:
        raise AtelierError(f"Donnez l'identifiant d'un module, par exemple « 07-ecosysteme-ouvert » ; "
                           f"vous avez donné {describe(module_id)}.")
    path = _folder() / f"{module_id}.yml"
    if not path.is_file():
        raise AtelierError(f"Pas de fichier data/{FOLDER}/{module_id}.yml : ce module n'a pas de consigne d'écriture.")
    return _load_file(path)[1]


def skipped_cells(module_id: str) -> tuple[tuple[str, str], ...]:
    """(cell id, reason) of the module's « À vous » cells that ask for no written answer."""
    path = _folder() / f"{module_id}.yml"
    return _load_file(path)[2] if path.is_file() else ()


def all_prompts() -> tuple[WritingPrompt, ...]:
    return tuple(p for path in sorted(_folder().glob("*.yml")) for p in _load_file(path)[1])


def get_prompt(prompt_id: str) -> WritingPrompt:
    if not isinstance(prompt_id, str):
        raise AtelierError(f"Donnez l'identifiant d'une consigne, un texte comme « 07-mention » ; "
                           f"vous avez donné {describe(prompt_id)}.")
    prompts = {p.id: p for p in all_prompts()}
    if prompt_id not in prompts:
        near = [i for i in prompts if i[:2] == prompt_id[:2]] or sorted(prompts)[:5]
        raise AtelierError(f"Consigne « {prompt_id} » inconnue. Identifiants possibles : {', '.join(near)}.")
    return prompts[prompt_id]


# --------------------------------------------------------------------------- rendering


def _squash(text: str) -> str:
    """Runs of ordinary blanks as one space; no-break spaces stay (str.split() would drop them)."""
    return re.sub(r"[ \t\r\n]+", " ", text).strip()


def inline_markdown(text: str) -> str:
    out = html.escape(_squash(text), quote=False)
    out = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", out)
    out = re.sub(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])", r"<i>\1</i>", out)
    return re.sub(r"`([^`]+)`", r"<code>\1</code>", out)


def model_html(text: str) -> str:
    """The small Markdown of a model answer as HTML: paragraphs, « - » lists, bold, italics, code."""
    parts = []
    for block in re.split(r"\n\s*\n", text.strip()):
        lines = block.split("\n")
        if lines[0].startswith("- "):
            items, current = [], []
            for line in lines:
                if line.startswith("- "):
                    if current:
                        items.append(" ".join(current))
                    current = [line[2:]]
                else:
                    current.append(line.strip())
            items.append(" ".join(current))
            parts.append("<ul>" + "".join(f"<li>{inline_markdown(i)}</li>" for i in items) + "</ul>")
        else:
            parts.append(f"<p>{inline_markdown(block)}</p>")
    return "".join(parts)


class ModelAnswer:
    """What a hidden-input cell shows: the checklist to tick and the folded model answer."""

    def __init__(self, prompt: WritingPrompt):
        self.prompt = prompt

    def _repr_html_(self) -> str:
        p = self.prompt
        boxes = "".join(
            f'<li><label><input type="checkbox"> {inline_markdown(c)}</label></li>' for c in p.criteria
        )
        hint = ""
        if p.checkable:
            hint = (f"<p>Dans JupyterLab ou Binder, une vérification automatique regarde aussi la "
                    f"longueur et quelques éléments attendus{NBSP}: dans une cellule, "
                    f"écrivez <code>check_writing(\"{p.id}\", \"\"\"votre "
                    f"texte\"\"\")</code>.</p>")
        source = f'<p class="atelier-ecriture-source">Source{NBSP}: {inline_markdown(p.source)}</p>' if p.source else ""
        return (
            f'<div class="atelier-ecriture" data-consigne="{p.id}">'
            f"<p><b>Grille de relecture</b>{NBSP}: écrivez votre réponse, puis cochez ce qu'elle fait, "
            f"vous-même ou avec une autre personne du groupe.</p>"
            f'<ul class="atelier-ecriture-grille" style="list-style:none;padding-left:0.5em">{boxes}</ul>'
            f"{hint}"
            f"<details><summary>Voir une réponse possible (après avoir écrit la vôtre)</summary>"
            f"{model_html(p.model)}{source}"
            f"<p><i>Une réponse parmi d'autres{NBSP}: la vôtre peut être différente et juste, si elle "
            f"remplit la grille.</i></p></details></div>"
        )

    def __repr__(self) -> str:
        lines = ["Grille de relecture :"] + [f"  ☐ {c}" for c in self.prompt.criteria]
        lines.append("(La réponse possible s'affiche, repliée, dans le livre et dans JupyterLab.)")
        return "\n".join(lines)


def show_model(prompt_id: str) -> ModelAnswer:
    """The checklist of a writing prompt and its folded model answer (notebook cell output)."""
    return ModelAnswer(get_prompt(prompt_id))


# --------------------------------------------------------------------------- checking


@dataclass(frozen=True)
class WritingReport:
    """What :func:`check_writing` found: criteria met and missing, in French."""

    prompt_id: str
    words: int
    met: tuple[str, ...]
    missing: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.missing

    def __str__(self) -> str:
        lines = [f"Votre texte compte {self.words} mot{'s' if self.words > 1 else ''}."]
        lines += [f"✓ {m}" for m in self.met]
        lines += [f"✗ {m}" for m in self.missing]
        lines.append(
            "Rien ne manque de ce qu'un programme peut voir. Relisez maintenant avec la grille : "
            "le sens, lui, se juge à la lecture." if self.ok else
            "Complétez ce qui manque, puis relancez la vérification."
        )
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        lines = str(self).split("\n")
        return "<div class=\"atelier-ecriture-verif\">" + "".join(
            f"<p>{html.escape(line, quote=False)}</p>" for line in lines) + "</div>"


def count_words(text: str) -> int:
    return len(_WORD.findall(text))


def check_writing(prompt_id: str, text: str) -> WritingReport:
    """Check what a program can see in a written answer: its length and required elements.

    It does not judge the meaning: the checklist does, read by the learner or a peer.
    """
    prompt = get_prompt(prompt_id)
    if not prompt.checkable:
        checkable = [p.id for p in all_prompts() if p.checkable]
        raise AtelierError(
            f"La consigne « {prompt_id} » n'a pas de vérification automatique : relisez votre texte "
            f"avec sa grille de relecture. Consignes vérifiables : {', '.join(checkable)}."
        )
    if not isinstance(text, str):
        raise AtelierError(f"check_writing attend votre texte, entre guillemets (\"\"\"…\"\"\" pour plusieurs "
                           f"lignes) ; vous avez donné {describe(text)}.")
    if not text.strip() or text.strip() in {"...", "…"}:
        raise AtelierError("Votre texte est vide : écrivez votre réponse entre les guillemets, puis relancez.")
    words = count_words(text)
    met, missing = [], []
    if prompt.min_words is not None:
        (met if words >= prompt.min_words else missing).append(
            f"au moins {prompt.min_words} mots" + ("" if words >= prompt.min_words else
                                                   f" (il en manque {prompt.min_words - words})"))
    if prompt.max_words is not None:
        (met if words <= prompt.max_words else missing).append(
            f"au plus {prompt.max_words} mots" + ("" if words <= prompt.max_words else
                                                  f" (raccourcissez de {words - prompt.max_words})"))
    for element in prompt.elements:
        (met if element.found_in(text) else missing).append(
            f"{element.name}{NBSP}: " + ("présent" if element.found_in(text) else "introuvable"))
    return WritingReport(prompt.id, words, tuple(met), tuple(missing))
