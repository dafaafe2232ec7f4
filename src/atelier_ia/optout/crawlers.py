"""The AI companies' crawlers: robots.txt tokens, operators and stated purposes, read from ``data/``.

The list lives in :data:`CRAWLERS_FILE` (one entry per token, with the operator's page as its
source); the date it was checked is the dated fact « robots-ia » of the course calendar
(:mod:`atelier_ia.datedfacts`), shown as :data:`CHECKED_ON`.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import yaml

from .. import datedfacts as _datedfacts
from ..errors import AtelierError, describe
from ..fmt import french_date, french_typography
from ..paths import data_file
from ..validation import check_text

__all__ = ["AI_CRAWLERS", "CHECKED_ON", "CrawlerInfo", "crawler_table"]

#: The file of known AI crawlers (read once, at import).
CRAWLERS_FILE = "droits/robots-ia.yml"

CHECKED_ON = french_date(_datedfacts.fact("robots-ia").date)
"""Date on which the crawler list and the legal context were last checked (« 1er décembre 2026 »)."""

#: Purposes an operator may state for its crawler.
PURPOSES = ("entraînement", "recherche", "à la demande", "archive", "non documenté")


@dataclass(frozen=True)
class CrawlerInfo:
    """One robots.txt token used by an AI company, with what its operator says it is for."""

    token: str
    operator: str
    purpose: str  # "entraînement", "recherche", "à la demande", "archive", "non documenté"
    note: str
    source: str

    def __post_init__(self):
        for name in ("token", "operator", "purpose", "source"):
            check_text(getattr(self, name), f"« {name} »")
        check_text(self.note, "« note »", allow_empty=True)


def _load_crawlers() -> dict[str, CrawlerInfo]:
    """The crawlers of :data:`CRAWLERS_FILE`, keyed by token in lower case, each entry checked."""
    data = yaml.safe_load(data_file(CRAWLERS_FILE).read_text(encoding="utf-8"))
    items = data.get("robots") if isinstance(data, dict) else None
    if not isinstance(items, list) or not items:
        raise AtelierError(french_typography(f"data/{CRAWLERS_FILE} doit contenir une liste « robots » non vide."))
    crawlers: dict[str, CrawlerInfo] = {}
    keys = {"robot", "editeur", "usage", "remarque", "source"}
    for item in items:
        if not isinstance(item, dict) or set(item) != keys:
            raise AtelierError(french_typography(
                f"Robot mal décrit dans data/{CRAWLERS_FILE} : {describe(item)}. Chaque robot a exactement les "
                "champs « robot », « editeur », « usage », « remarque » et « source »."
            ))
        if item["usage"] not in PURPOSES:
            raise AtelierError(french_typography(
                f"data/{CRAWLERS_FILE}, robot « {item['robot']} » : l'usage « {item['usage']} » n'est pas l'un de "
                + ", ".join(f"« {p} »" for p in PURPOSES) + "."
            ))
        info = CrawlerInfo(item["robot"], item["editeur"], item["usage"], item["remarque"], item["source"])
        if info.token.lower() in crawlers:
            raise AtelierError(french_typography(f"Le robot « {info.token} » figure deux fois dans data/{CRAWLERS_FILE}."))
        crawlers[info.token.lower()] = info
    return crawlers


AI_CRAWLERS: dict[str, CrawlerInfo] = _load_crawlers()
"""AI robots.txt tokens (keys in lower case), with the purpose each operator states on the
page given as ``source``; read from :data:`CRAWLERS_FILE`, which says how the list was checked.
These pages change often: check them again before teaching."""


def crawler_table() -> pd.DataFrame:
    """The known AI crawlers as a French table (robot, éditeur, usage, remarque, source)."""
    rows = [
        {"robot": c.token, "éditeur": c.operator, "usage": c.purpose, "remarque": c.note, "source": c.source}
        for c in AI_CRAWLERS.values()
    ]
    return pd.DataFrame(rows)
