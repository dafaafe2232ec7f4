"""Real French text for the course.

* The literary quotations of the Littré (1863–1877, public domain), read from Debian's
  package ``stardict-xmlittre`` and extracted by author into a cache that git ignores
  (``.cache/littre/``). One regular expression over the dictionary finds ~255,000 quotations
  tagged with their author.
* Where the package is absent, a small text written for the course (``data/textes/``, CC BY
  4.0) is used instead, with a French notice saying so.
* A learner's own UTF-8 text file: :func:`load_text_file` checks it (empty, binary, not UTF-8,
  too large) and never truncates it silently.
"""

from __future__ import annotations

import gzip
import html
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from .errors import AtelierError, describe
from .fmt import NBSP, french_number
from .paths import data_file, repo_root
from .validation import check_int, check_text

__all__ = [
    "AUTHORS",
    "LITTRE_FILE",
    "LITTRE_SOURCE",
    "MAX_FILE_BYTES",
    "Corpus",
    "fallback_corpus",
    "littre_available",
    "load_author",
    "load_text_file",
]

LITTRE_FILE = Path(os.environ.get("ATELIER_IA_LITTRE", "/usr/share/stardict/dic/XMLittre.dict.dz"))
MAX_FILE_BYTES = 5 * 2**20

#: Authors offered by the course: display name → the abbreviations the Littré uses.
AUTHORS: dict[str, tuple[str, ...]] = {
    "Voltaire": ("VOLT.",),
    "Bossuet": ("BOSSUET",),
    "Corneille": ("CORN.",),
    "Racine": ("RAC.",),
    "Mme de Sévigné": ("SÉV.", "SÉVIGNÉ", "SÉVIG."),
    "Molière": ("MOL.",),
    "Montaigne": ("MONT.", "MONTAIGNE"),
    "La Fontaine": ("LA FONT.",),
    "Boileau": ("BOILEAU",),
    "Rousseau": ("J. J. ROUSS.", "J. J. ROUSSEAU"),
    "Pascal": ("PASC.",),
    "Fénelon": ("FÉN.", "FÉNEL.", "FÉNELON"),
    "Buffon": ("BUFF.", "BUFFON"),
    "La Bruyère": ("LA BRUY.",),
    "Montesquieu": ("MONTESQ.", "MONTESQUIEU"),
    "Diderot": ("DIDER.", "DIDEROT"),
    "Lamartine": ("LAMART.", "LAMARTINE"),
    "Chateaubriand": ("CHATEAUB.", "CHATEAUBR.", "CHATEAUBRIAND"),
    "Victor Hugo": ("V. HUGO", "VICTOR HUGO", "HUGO"),
}

LITTRE_SOURCE = (
    "Citations du Dictionnaire de la langue française d'Émile Littré (1863-1877), "
    "paquet Debian stardict-xmlittre"
)
_QUOTE = re.compile(r'<span foreground="#0000CD">([^<]+)</span>, <span foreground="#B22222">([^<]+)</span>')
_FALLBACK = "textes/prise-en-main.txt"


@dataclass(frozen=True)
class Corpus:
    """A text to learn from, with its provenance."""

    text: str
    author: str
    source: str
    licence: str
    quotes: tuple[str, ...] = field(default=(), repr=False)
    notice: str = ""

    def __post_init__(self):
        check_text(self.text, "le texte du corpus (text)", allow_empty=True)
        for name in ("author", "source", "licence", "notice"):
            check_text(getattr(self, name), f"« {name} »", allow_empty=True)
        if not isinstance(self.quotes, (tuple, list)) or not all(isinstance(q, str) for q in self.quotes):
            raise AtelierError(f"« quotes » doit être une liste de citations (des textes) ; vous avez donné {describe(self.quotes)}.")
        object.__setattr__(self, "quotes", tuple(self.quotes))

    def __len__(self) -> int:
        return len(self.text)


def littre_available() -> bool:
    """True if Debian's ``stardict-xmlittre`` dictionary file is installed."""
    return LITTRE_FILE.is_file()


def _cache_dir() -> Path:
    try:
        base = repo_root()
    except AtelierError:
        base = Path.home()
    return base / ".cache" / "littre"


def _extract_all() -> dict[str, list[str]]:
    """Read the dictionary once and keep the quotations of the course's authors."""
    wanted = {abbr: name for name, abbrs in AUTHORS.items() for abbr in abbrs}
    found: dict[str, list[str]] = {name: [] for name in AUTHORS}
    with gzip.open(LITTRE_FILE, "rt", encoding="utf-8") as handle:
        data = handle.read()
    seen: set[tuple[str, str]] = set()
    for quote, abbr in _QUOTE.findall(data):
        name = wanted.get(abbr.strip())
        if name is None:
            continue
        text = " ".join(html.unescape(quote).split())
        if len(text) >= 10 and (name, text) not in seen:
            seen.add((name, text))
            found[name].append(text)
    return found


def _author_quotes(name: str) -> list[str]:
    cache = _cache_dir()
    path = cache / f"{name}.json"
    if not path.is_file():
        cache.mkdir(parents=True, exist_ok=True)
        for author, quotes in _extract_all().items():
            tmp = cache / f"{author}.json.tmp"
            tmp.write_text(json.dumps(quotes, ensure_ascii=False), encoding="utf-8")
            tmp.replace(cache / f"{author}.json")
    return json.loads(path.read_text(encoding="utf-8"))


def fallback_corpus() -> Corpus:
    """The text written for the course, used when the Littré is not installed."""
    text = data_file(_FALLBACK).read_text(encoding="utf-8")
    return Corpus(
        text=text,
        author="Atelier IA & culture",
        source="Texte écrit pour le cours (data/textes/prise-en-main.txt)",
        licence="CC BY 4.0",
        quotes=tuple(line for line in text.splitlines() if line.strip()),
        notice=(
            "Le dictionnaire Littré n'est pas installé sur cette machine (paquet Debian "
            "« stardict-xmlittre ») : le petit texte écrit pour le cours le remplace. Les "
            "résultats seront moins riches ; installez le paquet pour retrouver les citations."
        ),
    )


def load_author(name: str, max_chars: int | None = None) -> Corpus:
    """The Littré's quotations of one author, one per line.

    ``max_chars`` keeps whole quotations up to that many characters (the cut is announced in
    ``notice``). Without the Littré, returns :func:`fallback_corpus` with its notice.
    """
    if not isinstance(name, str) or name not in AUTHORS:
        raise AtelierError(
            f"Auteur inconnu : {describe(name)}. Choisissez parmi : {', '.join(AUTHORS)}."
        )
    if max_chars is not None:
        max_chars = check_int(max_chars, "max_chars", 200, hint=" (en caractères), ou None")
    if not littre_available():
        return fallback_corpus()
    quotes = _author_quotes(name)
    notice = ""
    if max_chars is not None:
        kept, total = [], 0
        for q in quotes:
            if total + len(q) + 1 > max_chars:
                break
            kept.append(q)
            total += len(q) + 1
        if len(kept) < len(quotes):
            notice = f"{len(kept)} citations gardées sur {len(quotes)} (limite de {max_chars} caractères demandée)."
        quotes = kept
    return Corpus(
        text="\n".join(quotes), author=name, source=LITTRE_SOURCE,
        licence="Citations du domaine public (balisage XML du paquet : GPL-2+)",
        quotes=tuple(quotes), notice=notice,
    )


def load_text_file(path, max_bytes: int = MAX_FILE_BYTES, min_chars: int = 200) -> Corpus:
    """A learner's own UTF-8 text file, checked; never truncated silently."""
    if not isinstance(path, (str, os.PathLike)) or not str(path).strip():
        raise AtelierError(f"Donnez le chemin d'un fichier texte, par exemple \"mes-textes.txt\" ; vous avez donné {describe(path)}.")
    max_bytes = check_int(max_bytes, "max_bytes", 1, hint=" (taille maximale du fichier, en octets)")
    min_chars = check_int(min_chars, "min_chars", 0, hint=" (nombre minimal de caractères)")
    p = Path(path).expanduser()
    if not p.exists():
        raise AtelierError(f"Le fichier « {p} » est introuvable. Vérifiez le nom et le dossier (le dossier courant est {Path.cwd()}).")
    if not p.is_file():
        raise AtelierError(f"« {p} » est un dossier, pas un fichier. Donnez le chemin d'un fichier .txt.")
    size = p.stat().st_size
    if size == 0:
        raise AtelierError(f"Le fichier « {p.name} » est vide : mettez-y au moins {min_chars} caractères de texte.")
    if size > max_bytes:
        raise AtelierError(
            f"Le fichier « {p.name} » pèse {french_number(size / 2**20, 1)}{NBSP}Mo, plus que la limite de "
            f"{french_number(max_bytes / 2**20, 0)}{NBSP}Mo. "
            "Découpez-le en plusieurs fichiers ou gardez-en un extrait : rien n'est coupé sans vous."
        )
    raw = p.read_bytes()
    if b"\x00" in raw[:8192]:
        raise AtelierError(
            f"« {p.name} » ressemble à un fichier binaire (image, PDF, document Word…), pas à du texte. "
            "Enregistrez votre texte au format « texte brut » (.txt, UTF-8)."
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise AtelierError(
            f"« {p.name} » n'est pas encodé en UTF-8 (octet illisible ligne {line}). Dans votre éditeur, "
            "choisissez « Enregistrer sous… » puis l'encodage UTF-8."
        ) from None
    if len(text.strip()) < min_chars:
        raise AtelierError(
            f"« {p.name} » ne contient que {len(text.strip())} caractères : il en faut au moins {min_chars} pour entraîner un modèle."
        )
    return Corpus(text=text, author=p.stem, source=f"Fichier personnel {p.name}", licence="celle de son autrice ou auteur",
                  quotes=tuple(line for line in text.splitlines() if line.strip()))
