"""The course's one calendar: every dated fact, written once in ``data/calendrier/faits-dates.yml``.

Two kinds of facts live there:

* ``domaine: ai-act``: the dates of the EU AI Act (Regulation (EU) 2024/1689) and of the 2026
  « Digital Omnibus on AI » that amended it. Their status is never written by hand: it is
  computed for the build date (:func:`atelier_ia.timeline.build_date`, which
  ``SOURCE_DATE_EPOCH`` fixes for tests and reproducible builds). A date that has passed reads
  « applicable depuis le … » (or « en vigueur depuis le … »), a date to come « à partir du … ».
* ``domaine: suivi``: claims that go stale (a pending case, a bill, a figure « au … », a model
  card « vérifié le »), each with the date of the state it describes.

Every fact carries a ``revoir_avant`` date: :func:`overdue` lists the facts whose date has come,
and :func:`changes` lists what changed since the previous edition (from each fact's
``historique``). The book build turns both into pages (``atelier_tools.calendar_pages``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache

import yaml

from .errors import AtelierError, describe
from .fmt import french_date as _french_date
from .paths import data_file
from .timeline import build_date, to_date

__all__ = ["CALENDAR_FILE", "aiact_facts", "calendar_table", "changes", "fact", "facts", "followed_in", "french_date",
           "load", "overdue", "status_text", "wording"]

#: The data file, relative to ``data/``.
CALENDAR_FILE = "calendrier/faits-dates.yml"

_DOMAINS = ("ai-act", "suivi")
_VERBS = ("applicable", "en vigueur")
_STATES = ("vérifié", "concordant", "non vérifié")


@dataclass(frozen=True)
class Edition:
    id: str
    title: str
    date: dt.date


@dataclass(frozen=True)
class DatedFact:
    """One dated fact of the course (see the module docstring for the fields)."""

    id: str
    domain: str
    date: dt.date
    what: str
    source: str
    state: str
    review_by: dt.date
    where: tuple = ()
    verb: str = "applicable"
    procedure: bool = False
    postponed: bool = False
    history: tuple = field(default_factory=tuple)
    #: (suivi) the day up to which the state was looked for: « pas d'arrêt connu au … »
    known_on: dt.date | None = None
    #: (suivi) words that name the fact in a sentence (« C-250/25 »): a test checks that every
    #: sentence naming it dates its state ``known_on``
    marks: tuple = ()


@dataclass(frozen=True)
class Calendar:
    editions: tuple
    edition: str
    wordings: dict
    facts: tuple

    @property
    def current(self) -> Edition:
        return next(e for e in self.editions if e.id == self.edition)

    @property
    def previous(self) -> Edition | None:
        ids = [e.id for e in self.editions]
        i = ids.index(self.edition)
        return self.editions[i - 1] if i > 0 else None


def french_date(value) -> str:
    """« 2 août 2026 », « 1er décembre 2026 » (plain spaces, as the guide's answers write them)."""
    day = to_date(value)
    return _french_date(day)


def _date(value, where: str) -> dt.date:
    try:
        return to_date(value, where)
    except AtelierError as err:
        raise AtelierError(f"{CALENDAR_FILE} : {err}") from None


def _parse(raw: dict) -> Calendar:
    if not isinstance(raw, dict) or not isinstance(raw.get("faits"), list):
        raise AtelierError(f"{CALENDAR_FILE} : il faut une liste « faits » (voir l'en-tête du fichier).")
    editions = tuple(
        Edition(str(e["id"]), str(e["titre"]), _date(e["date"], f"la date de l'édition {e['id']}"))
        for e in raw.get("editions", [])
    )
    edition = str(raw.get("edition", ""))
    if edition not in {e.id for e in editions}:
        raise AtelierError(f"{CALENDAR_FILE} : l'édition courante « {edition} » n'est pas dans la liste « editions ».")
    facts, seen = [], set()
    for item in raw["faits"]:
        fid = item.get("id")
        where = f"le fait « {fid} »"
        missing = [k for k in ("id", "domaine", "date", "quoi", "source", "etat", "revoir_avant") if not item.get(k)]
        if missing:
            raise AtelierError(f"{CALENDAR_FILE} : {where} n'a pas de champ {', '.join(missing)}.")
        if fid in seen:
            raise AtelierError(f"{CALENDAR_FILE} : l'identifiant « {fid} » apparaît deux fois.")
        seen.add(fid)
        if item["domaine"] not in _DOMAINS:
            raise AtelierError(f"{CALENDAR_FILE} : {where} a un domaine « {item['domaine']} » ; "
                               f"choisissez parmi {', '.join(_DOMAINS)}.")
        if item["etat"] not in _STATES:
            raise AtelierError(f"{CALENDAR_FILE} : {where} a un état « {item['etat']} » ; "
                               f"choisissez parmi {', '.join(_STATES)}.")
        verb = item.get("verbe", "applicable")
        if verb not in _VERBS:
            raise AtelierError(f"{CALENDAR_FILE} : {where} a un verbe « {verb} » ; choisissez parmi {', '.join(_VERBS)}.")
        history = tuple(dict(h) for h in item.get("historique", []) or [])
        for h in history:
            if str(h.get("edition")) not in {e.id for e in editions}:
                raise AtelierError(f"{CALENDAR_FILE} : {where} cite une édition inconnue dans son historique.")
            if "date" in h:
                h["date"] = _date(h["date"], f"une date de l'historique de {where}")
        day = _date(item["date"], f"la date de {where}")
        known_on = _date(item["connu_au"], f"la date « connu_au » de {where}") if item.get("connu_au") else None
        marks = item.get("reperes") or []
        if not isinstance(marks, list) or not all(isinstance(m, str) and m.strip() for m in marks):
            raise AtelierError(f"{CALENDAR_FILE} : les « reperes » de {where} doivent être une liste de mots, "
                               "par exemple [\"C-250/25\"].")
        if known_on is not None and known_on < day:
            raise AtelierError(f"{CALENDAR_FILE} : {where} a une date « connu_au » antérieure à sa date : "
                               "on ne peut pas connaître l'état d'un fait avant qu'il existe.")
        if marks and known_on is None:
            raise AtelierError(f"{CALENDAR_FILE} : {where} a des « reperes » sans date « connu_au » : "
                               "ajoutez le jour jusqu'auquel son état a été vérifié.")
        facts.append(DatedFact(
            id=str(fid), domain=item["domaine"], date=day,
            what=" ".join(str(item["quoi"]).split()), source=str(item["source"]), state=item["etat"],
            review_by=_date(item["revoir_avant"], f"la date « revoir_avant » de {where}"),
            where=tuple(item.get("ou", []) or []), verb=verb, procedure=bool(item.get("procedure", False)),
            postponed=bool(item.get("reportee", False)), history=history, known_on=known_on,
            marks=tuple(_plain(m) for m in marks),
        ))
    wordings = {k: " ".join(str(v).split()) for k, v in (raw.get("formulations") or {}).items()}
    return Calendar(editions, edition, wordings, tuple(facts))


@lru_cache(maxsize=1)
def load() -> Calendar:
    """The calendar read from ``data/calendrier/faits-dates.yml`` (read once)."""
    with open(data_file(CALENDAR_FILE), encoding="utf-8") as handle:
        return _parse(yaml.safe_load(handle))


def facts(domain: str | None = None) -> tuple:
    """Every dated fact, or those of one ``domain`` (« ai-act » or « suivi »)."""
    if domain is not None and domain not in _DOMAINS:
        raise AtelierError(f"Domaine inconnu : {describe(domain)}. Choisissez parmi {', '.join(_DOMAINS)}.")
    return tuple(f for f in load().facts if domain is None or f.domain == domain)


def aiact_facts() -> tuple:
    """The AI Act's dates of application (procedure steps and postponed dates left out)."""
    return tuple(f for f in facts("ai-act") if not f.procedure and not f.postponed)


def fact(fact_id: str) -> DatedFact:
    """The fact of identifier ``fact_id`` (for example ``"aiact-art50-2"``)."""
    for f in load().facts:
        if f.id == fact_id:
            return f
    raise AtelierError(
        f"Fait daté inconnu : {describe(fact_id)}. Les identifiants sont dans {CALENDAR_FILE}, "
        f"par exemple « aiact-art50-2 »."
    )


def _plain(text: str) -> str:
    """Lower case, one plain space for every kind of space, one kind of apostrophe."""
    return " ".join(text.lower().replace("’", "'").split())


def followed_in(text: str) -> tuple:
    """The followed facts (a pending case or bill, with ``connu_au``) that ``text`` names by one of
    their ``reperes``: a sentence that names them should date their state that day."""
    if not isinstance(text, str):
        raise AtelierError(f"Donnez un texte (une chaîne de caractères) ; vous avez donné {describe(text)}.")
    plain = _plain(text)
    return tuple(f for f in load().facts if f.known_on is not None and any(m in plain for m in f.marks))


def wording(key: str) -> str:
    """The one wording of a rule used everywhere (``"art4"``, ``"art50-2"``)."""
    wordings = load().wordings
    if not isinstance(key, str) or key not in wordings:
        raise AtelierError(f"Formulation inconnue : {describe(key)}. Les formulations sont : {', '.join(wordings)}.")
    return wordings[key]


def _as_fact(value) -> DatedFact:
    return value if isinstance(value, DatedFact) else fact(value)


def status_text(value, today=None) -> str:
    """The status of a fact on ``today`` (default: the build date), in French.

    AI Act dates: « applicable depuis le 2 août 2026 » once the date has passed (the day itself
    included: a rule applies from its first day), « à partir du 2 décembre 2027 » before.
    Other facts: « état au 8 décembre 2025 », or, for a case or a bill followed until a day
    (``connu_au``), « suivi jusqu'au 6 décembre 2026 ».
    """
    f = _as_fact(value)
    day = build_date() if today is None else to_date(today, "la date du jour")
    when = french_date(f.date)
    if f.domain == "suivi":
        return f"suivi jusqu'au {french_date(f.known_on)}" if f.known_on else f"état au {when}"
    if f.procedure:
        return f"le {when}"
    if f.postponed:
        return f"date reportée (prévue à l'origine le {when})"
    if f.date <= day:
        return f"{f.verb} depuis le {when}"
    return f"à partir du {when}"


def overdue(today=None) -> list:
    """The facts whose « revoir avant » date has come on ``today`` (default: the build date), oldest first."""
    day = build_date() if today is None else to_date(today, "la date du jour")
    return sorted((f for f in load().facts if f.review_by <= day), key=lambda f: (f.review_by, f.id))


def changes(today=None) -> list:
    """What changed since the previous edition, as ``(fact, [French sentences])``.

    A change is either written in the fact's ``historique`` (its date, wording or state in the
    previous edition) or computed: an AI Act date that was still to come on the previous
    edition's date and has passed on ``today``.
    """
    cal = load()
    previous = cal.previous
    if previous is None:
        return []
    day = build_date() if today is None else to_date(today, "la date du jour")
    out = []
    for f in cal.facts:
        notes = []
        for h in f.history:
            if str(h.get("edition")) != previous.id:
                continue
            if "date" in h and h["date"] != f.date:
                notes.append(f"date : {french_date(h['date'])} dans l'{previous.title}, "
                             f"{french_date(f.date)} aujourd'hui")
            if "quoi" in h:
                notes.append(f"l'{previous.title} disait : « {' '.join(str(h['quoi']).split())} »")
            if "etat" in h and h["etat"] != f.state:
                notes.append(f"état de nos sources : « {h['etat']} » auparavant, « {f.state} » aujourd'hui")
        if f.domain == "ai-act" and not f.procedure and not f.postponed:
            before, now = status_text(f, previous.date), status_text(f, day)
            if before.startswith("à partir") and not now.startswith("à partir"):
                notes.append(f"statut : « {before} » lors de l'{previous.title}, « {now} » aujourd'hui")
        if notes:
            out.append((f, notes))
    return out


_STATE_LABELS = {"vérifié": "texte lu", "concordant": "sources concordantes", "non vérifié": "non vérifié"}


class CalendarTable:
    """A table of dated facts: HTML in JupyterLab and in the book, Markdown as text."""

    def __init__(self, markdown: str, header: list, rows: list):
        self.markdown = markdown
        self.header = header
        self.rows = rows

    def _repr_markdown_(self) -> str:
        return self.markdown

    def _repr_html_(self) -> str:
        """The table framed as every table of the course (atelier_ia.tables): cells wrap, and on a
        phone the table scrolls sideways inside a named region instead of being clipped."""
        import pandas as pd

        from .tables import table_html

        return table_html(pd.DataFrame(self.rows, columns=self.header))

    def __str__(self) -> str:
        return self.markdown


def calendar_table(ids, today=None) -> CalendarTable:
    """The table « Date | Ce qui s'applique | Statut | Nos sources » of the facts ``ids``, for ``today``."""
    if isinstance(ids, str) or not isinstance(ids, (list, tuple)) or not ids:
        raise AtelierError(
            f"Donnez une liste d'identifiants de faits datés, par exemple [\"aiact-art50-2\"] ; "
            f"vous avez donné {describe(ids)}."
        )
    day = build_date() if today is None else to_date(today, "la date du jour")
    nbsp = "\u00a0"
    header = ["Date", "Ce qui s'applique", f"Statut au {french_date(day)}", "Nos sources"]
    cells = []
    for fid in ids:
        f = fact(fid)
        what = f.what.replace(" ;", nbsp + ";").replace(" :", nbsp + ":")
        cells.append([french_date(f.date), what, status_text(f, day), _STATE_LABELS[f.state]])
    lines = ["| " + " | ".join(header) + " |", "|---|---|---|---|"]
    lines += ["| " + " | ".join(c.replace("|", "\\|") for c in row) + " |" for row in cells]
    return CalendarTable("\n".join(lines) + "\n", header, cells)
