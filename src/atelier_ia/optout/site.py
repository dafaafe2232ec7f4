"""A whole site: every reservation signal read together, and what each achieves in law.

:func:`read_site` gathers the signals of a site (a local folder or texts) into a
:class:`SiteReservation`: a table and a French explanation. The legal wording (what the law
says, the reach of each signal, the verdicts) lives in :data:`LEGAL_FILE`, with its sources.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import yaml

from ..errors import AtelierError, describe
from ..fmt import french_typography
from ..paths import data_file
from .crawlers import CHECKED_ON
from .licence import read_licence_page
from .robots import read_ai_txt, read_robots_txt
from .signal import Signal
from .tdmrep import read_html_meta, read_http_headers, read_tdmrep_json

__all__ = ["LEGAL_CONTEXT", "SiteReservation", "read_site"]

#: The legal wording of this module (read once, at import).
LEGAL_FILE = "droits/reserve-droits.yml"

#: The keys of :data:`LEGAL_CONTEXT`, in the order the explanation gives them.
LEGAL_KEYS = ("cpi", "decret", "hambourg", "sacem", "ai_act", "limites")


def _load_legal() -> dict:
    """The legal wording of :data:`LEGAL_FILE`, its sections checked."""
    data = yaml.safe_load(data_file(LEGAL_FILE).read_text(encoding="utf-8"))
    sections = {"droit": LEGAL_KEYS, "verdicts": ("lisible", "langage_courant", "aucune")}
    if not isinstance(data, dict) or not {"droit", "portee", "verdicts", "avertissement"} <= set(data):
        raise AtelierError(french_typography(
            f"data/{LEGAL_FILE} doit contenir « droit », « portee », « verdicts » et « avertissement »."
        ))
    for section, keys in sections.items():
        missing = [k for k in keys if k not in (data[section] or {})]
        if missing:
            raise AtelierError(french_typography(f"data/{LEGAL_FILE}, « {section} » : il manque {', '.join(missing)}."))
    for key in LEGAL_KEYS:
        entry = data["droit"][key]
        if not isinstance(entry, dict) or not str(entry.get("texte", "")).strip() or not str(entry.get("source", "")).strip():
            raise AtelierError(french_typography(
                f"data/{LEGAL_FILE}, droit « {key} » : donnez un « texte » et sa « source » ; vous avez donné {describe(entry)}."
            ))
    return data


_LEGAL = _load_legal()

LEGAL_CONTEXT: dict[str, str] = {k: french_typography(_LEGAL["droit"][k]["texte"]) for k in LEGAL_KEYS}
"""French explanation of what the signals achieve in law, state on :data:`CHECKED_ON`, read
from :data:`LEGAL_FILE` (each entry with its sources: ordonnance n° 2021-1518 ; décret
n° 2022-928 ; OLG Hamburg 5 U 104/24 (10/12/2025) ; Sacem press release of 12/10/2023 ;
Regulation (EU) 2024/1689, art. 53(1)(c) ; GPAI Code of Practice, copyright chapter (10/07/2025))."""

#: What each signal achieves (signal kind → French text).
_ACHIEVES: dict[str, str] = dict(_LEGAL["portee"])

#: The verdict of :meth:`SiteReservation.explain`, and the closing warning.
_VERDICTS: dict[str, str] = {k: v.replace("{date}", CHECKED_ON) for k, v in _LEGAL["verdicts"].items()}
_DISCLAIMER: str = _LEGAL["avertissement"]


@dataclass
class SiteReservation:
    """All the signals read for one site, with a French explanation."""

    signals: list[Signal]

    def __post_init__(self):
        if isinstance(self.signals, (str, bytes)) or not isinstance(self.signals, (list, tuple)) or not all(
                isinstance(s, Signal) for s in self.signals):
            raise AtelierError(
                "« signals » doit être une liste de signaux lus par read_robots_txt, read_tdmrep_json… ; "
                f"vous avez donné {describe(self.signals)}."
            )
        self.signals = list(self.signals)

    def to_frame(self) -> pd.DataFrame:
        """One row per signal: signal, trouvé, lisible par machine, réserve, ce qu'il dit, problèmes."""
        rows = []
        for s in self.signals:
            rows.append({
                "signal": s.kind,
                "trouvé": "oui" if s.found else "non",
                "lisible par machine": "oui" if s.machine_readable else "non",
                "réserve": {True: "oui", False: "non", None: "—"}[s.reserves],
                "ce qu'il dit": s.says,
                "problèmes": len(s.problems),
            })
        return pd.DataFrame(rows)

    @property
    def machine_readable_reservation(self) -> bool:
        """True when at least one machine-readable signal reserves rights."""
        return any(s.machine_readable and s.reserves for s in self.signals)

    @property
    def verdict(self) -> str:
        """The conclusion alone, in French: are the rights reserved in a way machines can read?

        It is the paragraph of :meth:`explain` between the signals and the legal context; a demo
        shows it instead of cutting the explanation's text.
        """
        plain = any(s.reserves and not s.machine_readable for s in self.signals)
        if self.machine_readable_reservation:
            verdict = _VERDICTS["lisible"]
        elif plain:
            verdict = _VERDICTS["langage_courant"]
        else:
            verdict = _VERDICTS["aucune"]
        return french_typography(verdict)

    def explain(self) -> str:
        """A French explanation: each signal, what it achieves, and the legal context."""
        lines = []
        for s in self.signals:
            lines.append(f"• {s.kind} : {s.says}")
            lines.append(f"  Lisible par machine : {'oui' if s.machine_readable else 'non'}. Portée : {_ACHIEVES.get(s.kind, '')}")
            lines += [f"  ⚠ {p}" for p in s.problems]
        lines += ["", self.verdict, "", f"Ce que dit le droit (état au {CHECKED_ON}) :"]
        lines += [f"– {LEGAL_CONTEXT[k]}" for k in LEGAL_KEYS]
        lines.append(_DISCLAIMER)
        return french_typography("\n".join(lines))

    def __str__(self) -> str:
        return self.explain()

    def _repr_html_(self) -> str:
        from ..tables import table_html

        return table_html(self.to_frame())


_SITE_FILES = {
    "robots": ("robots.txt",),
    "tdmrep": (".well-known/tdmrep.json", "tdmrep.json"),
    "headers": ("headers.txt", "en-tetes.txt"),
    "html": ("index.html",),
    "ai_txt": ("ai.txt",),
    "licence": ("licence.txt", "mentions-legales.txt", "conditions.txt"),
}


def _read_folder(folder) -> dict:
    if isinstance(folder, bool) or not isinstance(folder, (str, Path)) or (isinstance(folder, str) and not folder.strip()):
        raise AtelierError(f"« dossier » doit être le chemin d'un dossier (texte) ; vous avez donné {describe(folder)}.")
    path = Path(folder)
    if not path.is_dir():
        raise AtelierError(f"Le dossier « {folder} » n'existe pas : vérifiez le chemin (il doit contenir robots.txt, .well-known/tdmrep.json…).")
    found = {}
    for key, names in _SITE_FILES.items():
        for name in names:
            candidate = path / name
            if candidate.is_file():
                try:
                    found[key] = candidate.read_text(encoding="utf-8")
                except UnicodeDecodeError:
                    found[key] = None
                    found.setdefault("_unreadable", []).append(name)
                break
    return found


def read_site(folder=None, *, robots=None, tdmrep=None, headers=None, html=None, ai_txt=None, licence=None) -> SiteReservation:
    """Read every reservation signal of a site, from a local folder or from texts.

    ``folder`` may hold ``robots.txt``, ``.well-known/tdmrep.json``, ``headers.txt`` (HTTP
    response headers), ``index.html``, ``ai.txt`` and ``licence.txt``. Texts given as keyword
    arguments replace the folder's files. Missing signals appear as « non trouvé ».
    """
    given = {"robots": robots, "tdmrep": tdmrep, "headers": headers, "html": html, "ai_txt": ai_txt, "licence": licence}
    texts = _read_folder(folder) if folder is not None else {}
    texts.pop("_unreadable", None)
    for key, value in given.items():
        if value is not None:
            texts[key] = value
    if folder is None and not any(v is not None for v in given.values()):
        raise AtelierError("Donnez un dossier ou au moins un texte (robots=…, tdmrep=…, html=…) à lire.")
    readers = [
        ("robots", "robots.txt", read_robots_txt),
        ("tdmrep", "TDMRep (tdmrep.json)", read_tdmrep_json),
        ("headers", "TDMRep (en-tête HTTP)", read_http_headers),
        ("html", "TDMRep (balise meta HTML)", read_html_meta),
        ("ai_txt", "ai.txt", read_ai_txt),
        ("licence", "page de licence (langage courant)", read_licence_page),
    ]
    signals = []
    for key, kind, reader in readers:
        value = texts.get(key)
        if key in texts and value is None:
            signals.append(Signal(kind, True, False, None, "fichier illisible.", [french_typography("le fichier n'est pas en UTF-8 : enregistrez-le en UTF-8 puis relancez.")]))
        elif value is None or (isinstance(value, str) and not value.strip()):
            signals.append(Signal(kind, False, False, None, "non trouvé." if value is None else "fichier vide."))
        else:
            signals.append(reader(value))
    return SiteReservation(signals)
