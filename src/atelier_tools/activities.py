"""Group activities without screens: one printable activity per module.

Each activity is data, ``data/activites/<module-id>.yml`` (format described below), validated
here with French error messages that name the file and the field. At build time
:mod:`atelier_tools.book` writes one Markdown page per available module,
``_generated/activites/<module-id>.md``, included by the stub page
``annexes/activites/<module-id>.md``, plus an index ``_generated/activites/index.md``. A page
holds the facilitator's sheet (timing, material, notes, expected answers, debrief) and the
printable cards; the expected category of a card is shown only in the facilitator's part.

File format (keys in French, as the trainers read and edit them)::

    module: 04-donnees-et-droits          # must match the file name
    titre: "…"                            # the activity's title
    format: tri | jeu-de-role
    objectif: "…"                         # one or two sentences
    groupe: {min: 6, max: 24, equipes: "…"}
    duree: 45                             # minutes; the steps below must add up to it
    deroule:                              # introduction, activite (one or more), debriefing
      - {etape: introduction, titre: "…", minutes: 5, consigne: "…"}
    materiel: ["…"]
    notes: ["…"]                          # facilitator's notes
    categories: [{id: autorise, libelle: "Autorisé", aide: "…"}]          # tri only
    cartes: [{texte: "…", categorie: autorise, justification: "…", source: "cpi"}]
    situation: "…"                        # jeu-de-role only
    decision: "…"                         # jeu-de-role only: the question the group decides
    roles: [{qui: "…", veut: "…", sait: [{texte: "…", source: "…"}]}]
    debriefing: ["…"]                     # questions
    messages: ["…"]                       # key messages

A source is a key of ``references.bib``, a web address (``https://…``), the path of a module
notebook (``modules/03-creation-artistique.ipynb``), or, for what a role knows only, the word
``scénario`` (a fact of the fictional situation).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from atelier_ia.assets import read
from atelier_ia.course import Catalogue, load_catalogue
from atelier_ia.errors import AtelierError, describe
from atelier_ia.fmt import NBSP
from atelier_ia.palette import stylesheet
from atelier_ia.paths import data_dir, repo_root

from .render import duration

FORMATS = {"tri": "Tri de cartes", "jeu-de-role": "Jeu de rôle"}
STEPS = {"introduction": "Introduction", "activite": "Activité", "debriefing": "Débriefing"}
SCENARIO = "scénario"
PAGES_DIR = "annexes/activites"
GENERATED_DIR = "activites"  # under _generated/

_KEY = re.compile(r"^[A-Za-z][\w:-]*$")
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@dataclass(frozen=True)
class Step:
    kind: str
    title: str
    minutes: int
    text: str


@dataclass(frozen=True)
class Category:
    id: str
    label: str
    hint: str


@dataclass(frozen=True)
class Card:
    number: int
    text: str
    category: str
    justification: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Fact:
    text: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Role:
    who: str
    wants: str
    knows: tuple[Fact, ...]


@dataclass(frozen=True)
class Activity:
    module: str
    title: str
    format: str
    goal: str
    group_min: int
    group_max: int
    teams: str
    duration: int
    steps: tuple[Step, ...]
    material: tuple[str, ...]
    notes: tuple[str, ...]
    categories: tuple[Category, ...]
    cards: tuple[Card, ...]
    situation: str
    decision: str
    roles: tuple[Role, ...]
    debrief: tuple[str, ...]
    messages: tuple[str, ...]

    @property
    def format_label(self) -> str:
        return FORMATS[self.format]

    def steps_total(self) -> int:
        return sum(s.minutes for s in self.steps)

    def category(self, cid: str) -> Category:
        return next(c for c in self.categories if c.id == cid)

    def card_counts(self) -> dict[str, int]:
        """Number of cards expected in each category, in the order of the categories."""
        return {c.id: sum(card.category == c.id for card in self.cards) for c in self.categories}


# --------------------------------------------------------------------------- loading


def activities_dir() -> Path:
    return data_dir() / "activites"


def activity_path(module_id: str) -> Path:
    return activities_dir() / f"{module_id}.yml"


def bib_keys() -> set[str]:
    """The keys of ``references.bib`` (read as text: no BibTeX parser needed)."""
    path = repo_root() / "references.bib"
    text = path.read_text(encoding="utf-8") if path.is_file() else ""
    return set(re.findall(r"^@\w+\{\s*([^,\s]+)\s*,", text, re.M))


def _text(raw: dict, key: str, where: str, required: bool = True) -> str:
    value = raw.get(key)
    if value is None and not required:
        return ""
    if not isinstance(value, str) or not value.strip():
        raise AtelierError(f"{where} : le champ « {key} » doit être un texte non vide ; trouvé {describe(value)}.")
    return " ".join(value.split())


def _texts(raw: dict, key: str, where: str, required: bool = True) -> tuple[str, ...]:
    value = raw.get(key)
    if value is None and not required:
        return ()
    if not isinstance(value, list) or not value:
        raise AtelierError(f"{where} : le champ « {key} » doit être une liste non vide de textes ; trouvé {describe(value)}.")
    for n, item in enumerate(value, start=1):
        if not isinstance(item, str) or not item.strip():
            raise AtelierError(f"{where} : l'élément {n} de « {key} » doit être un texte non vide ; trouvé {describe(item)}.")
    return tuple(" ".join(item.split()) for item in value)


def _int(raw: dict, key: str, where: str, low: int, high: int) -> int:
    value = raw.get(key)
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise AtelierError(f"{where} : le champ « {key} » doit être un nombre entier entre {low} et {high} ; trouvé {describe(value)}.")
    return value


def _catalogue_ids() -> set[str]:
    return {m.id for m in load_catalogue().modules}


def _sources(raw: dict, where: str, keys: set[str], allow_scenario: bool = False) -> tuple[str, ...]:
    value = raw.get("source")
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not items:
        raise AtelierError(f"{where} : le champ « source » est obligatoire (une clé de references.bib, une adresse web "
                           f"ou le chemin d'un module) ; trouvé {describe(value)}.")
    out = []
    for item in items:
        if not isinstance(item, str) or not item.strip():
            raise AtelierError(f"{where} : chaque « source » doit être un texte non vide ; trouvé {describe(item)}.")
        item = item.strip()
        if item.startswith(("https://", "http://")):
            pass
        elif item.startswith("modules/") and item.endswith(".ipynb"):
            if not (repo_root() / item).is_file():
                if Path(item).stem not in _catalogue_ids() and len(items) > 1:
                    continue  # a module left out of this copy of the course (make selection): its other sources stay
                raise AtelierError(f"{where} : la source « {item} » n'existe pas dans le dépôt.")
        elif item == SCENARIO:
            if not allow_scenario:
                raise AtelierError(f"{where} : « {SCENARIO} » n'est permis que pour ce que sait un rôle ; une carte cite "
                                   "une source vérifiable.")
        elif _KEY.match(item):
            if item not in keys:
                raise AtelierError(f"{where} : la source « {item} » n'est pas une clé de references.bib ; ajoutez l'entrée "
                                   "à la bibliographie ou citez une adresse web.")
        else:
            raise AtelierError(f"{where} : source illisible « {item} » (attendu : une clé de references.bib, une adresse "
                               "https://… ou modules/<id>.ipynb).")
        out.append(item)
    return tuple(out)


def parse_activity(raw, origin: str, module_id: str | None = None, keys: set[str] | None = None) -> Activity:
    """Validate the parsed YAML of an activity; ``origin`` names the file in error messages."""
    keys = bib_keys() if keys is None else keys
    if not isinstance(raw, dict):
        raise AtelierError(f"{origin} : le fichier doit contenir un dictionnaire (module, titre, format…).")
    module = _text(raw, "module", origin)
    if module_id is not None and module != module_id:
        raise AtelierError(f"{origin} : le champ « module » vaut « {module} », il doit valoir « {module_id} » comme le nom du fichier.")
    fmt = raw.get("format")
    if fmt not in FORMATS:
        raise AtelierError(f"{origin} : le champ « format » doit valoir {' ou '.join(FORMATS)} ; trouvé {describe(fmt)}.")
    group = raw.get("groupe")
    if not isinstance(group, dict):
        raise AtelierError(f"{origin} : le champ « groupe » doit contenir min, max et equipes.")
    gmin = _int(group, "min", f"{origin}, groupe", 2, 60)
    gmax = _int(group, "max", f"{origin}, groupe", 2, 60)
    if gmax < gmin:
        raise AtelierError(f"{origin}, groupe : « max » ({gmax}) est plus petit que « min » ({gmin}).")
    total = _int(raw, "duree", origin, 10, 240)

    steps_raw = raw.get("deroule")
    if not isinstance(steps_raw, list) or not steps_raw:
        raise AtelierError(f"{origin} : le champ « deroule » doit être une liste d'étapes (introduction, activite, debriefing).")
    steps = []
    for n, s in enumerate(steps_raw, start=1):
        where = f"{origin}, deroule, étape {n}"
        if not isinstance(s, dict):
            raise AtelierError(f"{where} : une étape doit être un dictionnaire (etape, titre, minutes, consigne).")
        kind = s.get("etape")
        if kind not in STEPS:
            raise AtelierError(f"{where} : « etape » doit valoir {', '.join(STEPS)} ; trouvé {describe(kind)}.")
        steps.append(Step(kind, _text(s, "titre", where), _int(s, "minutes", where, 1, 180), _text(s, "consigne", where)))
    kinds = [s.kind for s in steps]
    if kinds[0] != "introduction" or kinds[-1] != "debriefing" or "activite" not in kinds:
        raise AtelierError(f"{origin} : le déroulé commence par une introduction, contient au moins une activité et finit "
                           f"par un débriefing ; trouvé {', '.join(kinds)}.")
    if sum(s.minutes for s in steps) != total:
        raise AtelierError(f"{origin} : les étapes de « deroule » font {sum(s.minutes for s in steps)} minutes, mais « duree » "
                           f"vaut {total} : corrigez l'un ou l'autre.")

    categories, cards, roles = [], [], []
    situation = decision = ""
    if fmt == "tri":
        cats_raw = raw.get("categories")
        if not isinstance(cats_raw, list) or len(cats_raw) < 2:
            raise AtelierError(f"{origin} : un tri demande au moins deux « categories ».")
        for n, c in enumerate(cats_raw, start=1):
            where = f"{origin}, categories, {n}"
            if not isinstance(c, dict):
                raise AtelierError(f"{where} : une catégorie doit être un dictionnaire (id, libelle, aide).")
            cid = c.get("id")
            if not isinstance(cid, str) or not _ID.match(cid):
                raise AtelierError(f"{where} : « id » doit être un identifiant court en minuscules (ex. « autorise ») ; trouvé {describe(cid)}.")
            if cid in {x.id for x in categories}:
                raise AtelierError(f"{where} : la catégorie « {cid} » est en double.")
            categories.append(Category(cid, _text(c, "libelle", where), _text(c, "aide", where)))
        cards_raw = raw.get("cartes")
        if not isinstance(cards_raw, list) or len(cards_raw) < 6:
            raise AtelierError(f"{origin} : un tri demande au moins six « cartes ».")
        ids = {c.id for c in categories}
        for n, c in enumerate(cards_raw, start=1):
            where = f"{origin}, cartes, carte {n}"
            if not isinstance(c, dict):
                raise AtelierError(f"{where} : une carte doit être un dictionnaire (texte, categorie, justification, source).")
            cat = c.get("categorie")
            if cat not in ids:
                raise AtelierError(f"{where} : « categorie » doit être l'une de {', '.join(sorted(ids))} ; trouvé {describe(cat)}.")
            text = _text(c, "texte", where)
            for category in categories:
                for word in (category.label, category.id):
                    if len(word) > 3 and word.lower() in text.lower():
                        raise AtelierError(f"{where} : le texte de la carte contient « {word} », qui dévoile sa catégorie ; reformulez-le.")
            cards.append(Card(n, text, cat, _text(c, "justification", where), _sources(c, where, keys)))
        empty = [c.label for c in categories if not any(card.category == c.id for card in cards)]
        if empty:
            raise AtelierError(f"{origin} : aucune carte dans la catégorie {', '.join(empty)} ; retirez-la ou ajoutez des cartes.")
    else:
        situation = _text(raw, "situation", origin)
        decision = _text(raw, "decision", origin)
        roles_raw = raw.get("roles")
        if not isinstance(roles_raw, list) or len(roles_raw) < 3:
            raise AtelierError(f"{origin} : un jeu de rôle demande au moins trois « roles ».")
        for n, r in enumerate(roles_raw, start=1):
            where = f"{origin}, roles, rôle {n}"
            if not isinstance(r, dict):
                raise AtelierError(f"{where} : un rôle doit être un dictionnaire (qui, veut, sait).")
            knows_raw = r.get("sait")
            if not isinstance(knows_raw, list) or not knows_raw:
                raise AtelierError(f"{where} : « sait » doit être une liste d'éléments (texte, source).")
            knows = []
            for k, f in enumerate(knows_raw, start=1):
                fwhere = f"{where}, sait {k}"
                if not isinstance(f, dict):
                    raise AtelierError(f"{fwhere} : chaque élément doit avoir « texte » et « source ».")
                knows.append(Fact(_text(f, "texte", fwhere), _sources(f, fwhere, keys, allow_scenario=True)))
            roles.append(Role(_text(r, "qui", where), _text(r, "veut", where), tuple(knows)))
        for key in ("categories", "cartes"):
            if raw.get(key):
                raise AtelierError(f"{origin} : « {key} » n'a pas de sens dans un jeu de rôle ; changez le format ou retirez le champ.")

    return Activity(
        module=module, title=_text(raw, "titre", origin), format=fmt, goal=_text(raw, "objectif", origin),
        group_min=gmin, group_max=gmax, teams=_text(group, "equipes", f"{origin}, groupe"), duration=total,
        steps=tuple(steps), material=_texts(raw, "materiel", origin), notes=_texts(raw, "notes", origin),
        categories=tuple(categories), cards=tuple(cards), situation=situation, decision=decision, roles=tuple(roles),
        debrief=_texts(raw, "debriefing", origin), messages=_texts(raw, "messages", origin),
    )


def load_activity(module_id: str) -> Activity:
    path = activity_path(module_id)
    origin = f"data/activites/{module_id}.yml"
    if not path.is_file():
        raise AtelierError(f"{origin} est introuvable : chaque module disponible a une activité sans écran.")
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise AtelierError(f"{origin} : YAML illisible ({exc}).") from None
    return parse_activity(raw, origin, module_id)


def available_activities(cat: Catalogue | None = None) -> list[tuple]:
    """(module, activity) for every available module of the catalogue that has an activity file."""
    cat = cat or load_catalogue()
    return [(m, load_activity(m.id)) for m in cat.available if activity_path(m.id).is_file()]


def activity_docnames(cat: Catalogue | None = None) -> list[str]:
    """The toc entries of the activity pages: available modules whose stub page exists."""
    cat = cat or load_catalogue()
    root = repo_root()
    return [f"{PAGES_DIR}/{m.id}" for m in cat.available
            if (root / PAGES_DIR / f"{m.id}.md").is_file() and activity_path(m.id).is_file()]


def activity_pages(cat: Catalogue | None = None) -> list[tuple[str, str]]:
    """(module id, HTML page path relative to the built book) of every activity page, for the printer
    (``make fiches``): e.g. ``("04-donnees-et-droits", "annexes/activites/04-donnees-et-droits.html")``."""
    return [(doc.rsplit("/", 1)[1], doc + ".html") for doc in activity_docnames(cat)]


# --------------------------------------------------------------------------- rendering


def _cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def _source_md(source: str, number: str | None = None) -> str:
    if source.startswith(("https://", "http://")):
        host = re.sub(r"^https?://(www\.)?", "", source).split("/", 1)[0]
        return f"[{host}]({source})"
    if source.startswith("modules/"):
        mid = source.removeprefix("modules/").removesuffix(".ipynb")
        return f"{{doc}}`module {mid[:2]} </modules/{mid}>`"
    if source == SCENARIO:
        return "situation du jeu"
    return f"{{cite:t}}`{source}`"


def _sources_md(sources) -> str:
    return " ; ".join(_source_md(s) for s in sources)


#: The cards' print stylesheet (A4 sheets to cut out), inlined before the cards.
PRINT_CSS = "<style>\n" + stylesheet(read("activites-impression.css", "atelier_tools")) + "</style>"


def _opening(text: str, words: int = 7) -> str:
    """The first words of a card, to recognise it in the answer table (the full text is on the card)."""
    parts = text.split()
    return text if len(parts) <= words + 2 else " ".join(parts[:words]).rstrip(",;:") + "…"


def _sentence(text: str) -> str:
    """The text with a capital first letter and a final full stop (for lists written as fragments)."""
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "?", "!", "…")) else text + "."


def _esc(text: str) -> str:
    return html.escape(text, quote=False)


def _cards_html(a: Activity, module_number: str) -> str:
    tag = f"Module {module_number}"
    parts = [PRINT_CSS, '<div class="atelier-impression">']
    if a.format == "tri":
        parts.append('<div class="atelier-grille">')
        for c in a.categories:
            parts.append(f'<div class="atelier-carte atelier-categorie">{_esc(c.label)}<span>{_esc(c.hint)}</span></div>')
        for card in a.cards:
            parts.append(f'<div class="atelier-carte"><span class="atelier-num">{_esc(tag)} · carte {card.number}</span>'
                         f"{_esc(card.text)}</div>")
        parts.append("</div>")
    else:
        parts.append('<div class="atelier-grille atelier-roles">')
        parts.append(f'<div class="atelier-carte"><span class="atelier-num">{_esc(tag)} · la situation</span>'
                     f"<p>{_esc(a.situation)}</p><p><strong>À décider{NBSP}:</strong> {_esc(a.decision)}</p></div>")
        for n, r in enumerate(a.roles, start=1):
            facts = "".join(f"<li>{_esc(f.text)}</li>" for f in r.knows)
            parts.append(f'<div class="atelier-carte"><span class="atelier-num">{_esc(tag)} · rôle {n}</span>'
                         f"<h4>{_esc(r.who)}</h4><p><strong>Ce que vous voulez{NBSP}:</strong> {_esc(_sentence(r.wants))}</p>"
                         f"<p><strong>Ce que vous savez{NBSP}:</strong></p><ul>{facts}</ul></div>")
        parts.append("</div>")
    parts.append("</div>")
    return "\n".join(parts)


def activity_markdown(module, a: Activity) -> str:
    """The book page of one activity: facilitator's sheet, then the printable cards."""
    out = [f"# Activité du module {module.number} — {a.title}\n"]
    out.append(f"*{a.format_label}, {duration(a.duration)}, de {a.group_min} à {a.group_max}{NBSP}personnes. "
               f"À faire sans écran, après ou pendant le module {{doc}}`{module.title} </modules/{module.id}>`.*\n")
    out.append(f"**Objectif{NBSP}:** {a.goal}\n")
    out.append(f"**Groupe{NBSP}:** {_sentence(a.teams)}\n")
    out.append("## Fiche d'animation\n")
    out.append("### Déroulé\n")
    out.append("| Étape | Durée | Ce qui se passe |\n|---|---|---|")
    for s in a.steps:
        out.append(f"| {STEPS[s.kind]}{NBSP}: {_cell(s.title)} | {duration(s.minutes)} | {_cell(s.text)} |")
    out.append(f"| **Total** | **{duration(a.steps_total())}** | |\n")
    out.append("### Matériel à préparer\n")
    out.extend(f"- {m}" for m in a.material)
    out.append("")
    if a.format == "jeu-de-role":
        out.append("### La situation\n")
        out.append(f"{a.situation}\n")
        out.append(f"**La décision à prendre{NBSP}:** {a.decision}\n")
    out.append("### Notes pour l'animation\n")
    out.extend(f"- {n}" for n in a.notes)
    out.append("")
    if a.format == "tri":
        counts = a.card_counts()
        out.append("### Réponses attendues\n")
        out.append("Les catégories{NBSP}: ".replace("{NBSP}", NBSP)
                   + " ; ".join(f"**{c.label}** ({counts[c.id]}{NBSP}carte{'s' if counts[c.id] > 1 else ''})" for c in a.categories)
                   + ". Ne montrez ce tableau qu'au moment du débriefing.\n")
        out.append("| N° | Carte (début) | Catégorie attendue | Pourquoi | Source |\n|---|---|---|---|---|")
        for card in a.cards:
            out.append(f"| {card.number} | {_cell(_opening(card.text))} | {_cell(a.category(card.category).label)} | "
                       f"{_cell(card.justification)} | {_sources_md(card.sources)} |")
        out.append("")
    else:
        out.append("### Les rôles et leurs sources\n")
        out.append("Chaque personne ou équipe reçoit une carte de rôle (plus bas), qui dit ce qu'elle veut et ce qu'elle sait. "
                   f"Les éléments marqués « situation du jeu » sont fictifs{NBSP}; les autres sont des faits, avec leur source{NBSP}:\n")
        out.append("| Rôle | Ce qu'il veut | Sources de ce qu'il sait |\n|---|---|---|")
        for n, r in enumerate(a.roles, start=1):
            seen = list(dict.fromkeys(s for f in r.knows for s in f.sources))
            out.append(f"| {n}. {_cell(r.who)} | {_cell(_sentence(r.wants))} | {_sources_md(seen)} |")
        out.append("")
    out.append("### Débriefing\n")
    out.extend(f"{n}. {q}" for n, q in enumerate(a.debrief, start=1))
    out.append("")
    out.append("### À retenir\n")
    out.extend(f"- {m}" for m in a.messages)
    out.append("")
    out.append("## Cartes à imprimer et découper\n")
    what = "une série de cartes par équipe, les cartes de catégorie servent d'en-têtes de colonnes" if a.format == "tri" \
        else "une carte de rôle par personne ou par équipe, la carte « situation » pour tout le monde"
    out.append(f'<p class="atelier-consigne">Imprimez cette page en A4 (les cartes commencent sur une nouvelle page) : {what}. '
               "Découpez le long des pointillés. Les cartes ne portent pas la réponse attendue.</p>\n"
               .replace(" :", NBSP + ":"))
    out.append(_cards_html(a, module.number))
    return "\n".join(out) + "\n"


def index_markdown(items) -> str:
    """The table of every activity, for the index page."""
    if not items:
        return "*Aucune activité n'est encore prête pour les modules disponibles.*\n"
    rows = ["| Module | Activité | Format | Durée | Groupe |", "|---|---|---|---|---|"]
    for m, a in items:
        rows.append(f"| {m.number} {_cell(m.title)} | {{doc}}`{_cell(a.title)} </{PAGES_DIR}/{m.id}>` | {a.format_label} | "
                    f"{duration(a.duration)} | {a.group_min} à {a.group_max}{NBSP}personnes |")
    total = sum(a.duration for _, a in items)
    rows.append(f"\nEn tout{NBSP}: {len(items)} activité{'s' if len(items) > 1 else ''}, {duration(total)}.")
    return "\n".join(rows) + "\n"


def generated_pages(cat: Catalogue | None = None) -> dict[str, str]:
    """Texts of ``_generated/activites/*.md``: one page per available module with an activity, and the index."""
    cat = cat or load_catalogue()
    items = available_activities(cat)
    files = {f"{GENERATED_DIR}/{m.id}.md": activity_markdown(m, a) for m, a in items}
    files[f"{GENERATED_DIR}/index.md"] = index_markdown(items)
    return files
