"""When does a work enter the public domain in France? A calculator with its reasons and limits.

The rules (Code de la propriété intellectuelle, art. L. 123-1 to L. 123-12, state on
1 December 2026):

* the economic rights last 70 years after the author's death, counted from 1 January of the
  following year (L. 123-1); for a work of collaboration, from the death of the last surviving
  co-author (L. 123-2);
* anonymous, pseudonymous and collective works: 70 years from 1 January after publication,
  unless the author of an anonymous or pseudonymous work is known (L. 123-3);
* wartime extensions (« prorogations de guerre »): 6 years 152 days for works published
  before the end of 1920 and not in the public domain on 3 February 1919 (L. 123-8);
  8 years 120 days for works published before 1 January 1948 and not in the public domain on
  13 August 1941 (L. 123-9);
* authors « morts pour la France »: 30 more years (L. 123-10).

The Cour de cassation (1re civ., 27 February 2007, two rulings, Bull. n° 86 and 87) held that
the 70-year term set in 1997 « covers » the wartime extensions: they count only when the term
that ran before 1 July 1995 (50 years plus the extensions, plus 30 years for « mort pour la
France ») was longer. For music, the 1985 law had already raised the term to 70 years, so the
extensions were added to 70 years: Ravel's *Boléro* (published 1928) entered the public domain
in 2016 (Sacem). This module computes the longer of the two terms.

The moral right (L. 121-1) never expires: the author's name and the integrity of the work must
be respected forever, even in the public domain.
"""

from __future__ import annotations

import datetime as _dt
import numbers
from dataclasses import dataclass, field

from .errors import AtelierError, describe
from .fmt import NBSP
from .validation import check_choice, check_int, check_text

__all__ = [
    "KINDS",
    "LIMITS",
    "PublicDomainResult",
    "is_public_domain",
    "public_domain",
    "public_domain_year",
]

KINDS = ("individuelle", "collaboration", "anonyme", "pseudonyme", "collective")

_WWI = (6, 152)   # L. 123-8: 2 August 1914 → 31 December 1920
_WWII = (8, 120)  # L. 123-9: 3 September 1939 → 1 January 1948
_MPF_YEARS = 30   # L. 123-10
_DIRECTIVE_DATE = _dt.date(1995, 7, 1)
_MUSIC_LAW_DATE = _dt.date(1986, 1, 1)  # loi n° 85-660 du 3 juillet 1985, 70 years for music
_MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"]

LIMITS = [
    "Le droit moral ne s'éteint jamais (art. L. 121-1 du CPI) : citez l'auteur et respectez l'œuvre, même dans le domaine public.",
    "Une photographie ou une numérisation d'une œuvre peut avoir ses propres droits ou conditions (photographe, institution qui la diffuse) : vérifiez la licence de l'image que vous utilisez.",
    "Les droits voisins (artistes-interprètes, producteurs de disques et de films, éditeurs de presse) ont leurs propres durées : un enregistrement du Boléro peut être protégé alors que la partition ne l'est plus.",
    "Une traduction, une adaptation, une édition critique ou une illustration récente est une œuvre nouvelle, protégée pour elle-même.",
    "Ce calcul vaut pour la France : d'autres pays ont d'autres règles (les États-Unis comptent souvent depuis la publication).",
    "Les œuvres posthumes, les œuvres audiovisuelles (plusieurs coauteurs désignés par la loi) et les bases de données ont des règles particulières non calculées ici.",
    "Les dates des prorogations de guerre au jour près varient d'un jour selon les sources : en cas d'enjeu, demandez à la société d'auteurs concernée.",
    "Ceci est une information, pas un conseil juridique : reportez-vous au Code de la propriété intellectuelle (art. L. 123-1 à L. 123-12).",
]
"""What the calculator does not cover, in French; every result carries it."""


def _texts(value, name: str, allow_empty: bool = False) -> tuple[str, ...]:
    """A list or tuple of texts, as a new tuple (the caller's list is not kept)."""
    if isinstance(value, (str, bytes)) or not isinstance(value, (list, tuple)):
        raise AtelierError(f"« {name} » doit être une liste de textes ; vous avez donné {describe(value)}.")
    return tuple(check_text(v, f"chaque élément de « {name} »", allow_empty=allow_empty) for v in value)


def _add(start: _dt.date, years: int, days: int = 0) -> _dt.date:
    return start.replace(year=start.year + years) + _dt.timedelta(days=days)


def _typography(text: str) -> str:
    """French typography: no-break space before « : ; » and inside guillemets."""
    for mark in (":", ";", "?", "!"):
        text = text.replace(" " + mark, NBSP + mark)
    return text.replace("\u00ab ", "\u00ab" + NBSP).replace(" \u00bb", NBSP + "\u00bb")


def _french_date(day: _dt.date) -> str:
    first = "1er" if day.day == 1 else str(day.day)
    return f"{first} {_MONTHS[day.month - 1]} {day.year}"


@dataclass
class PublicDomainResult:
    """When a work enters the public domain in France, and why.

    ``date`` is the first day on which the work is in the public domain.
    """

    date: _dt.date
    steps: list[str]
    limits: list[str] = field(default_factory=lambda: list(LIMITS))

    def __post_init__(self):
        if isinstance(self.date, _dt.datetime):
            self.date = self.date.date()
        if not isinstance(self.date, _dt.date):
            raise AtelierError(f"« date » doit être une date (datetime.date(2016, 5, 1)) ; vous avez donné {describe(self.date)}.")
        self.steps = list(_texts(self.steps, "steps"))
        self.limits = list(_texts(self.limits, "limits"))

    @property
    def year(self) -> int:
        return self.date.year

    def is_public_domain(self, on: _dt.date | None = None) -> bool:
        """True if the work is in the public domain on ``on`` (default: today)."""
        return _check_day(on) >= self.date

    def explain(self) -> str:
        """The calculation in French, step by step, with its limits."""
        lines = [f"Domaine public en France à partir du {_french_date(self.date)}."]
        lines += [f"• {s}" for s in self.steps]
        lines.append("Limites :")
        lines += [f"– {s}" for s in self.limits]
        return _typography("\n".join(lines))

    def __str__(self) -> str:
        return self.explain()


def _check_day(on) -> _dt.date:
    if on is None:
        return _dt.date.today()
    if isinstance(on, _dt.datetime):
        return on.date()
    if isinstance(on, _dt.date):
        return on
    if isinstance(on, bool) or not isinstance(on, numbers.Integral):
        raise AtelierError(f"« on » doit être une date (datetime.date(2026, 12, 1)) ou une année (2026) ; vous avez donné {describe(on)}.")
    year = check_int(on, "on", minimum=1, maximum=9999)
    return _dt.date(year, 1, 1)


def _years_list(value, name: str, today_year: int) -> list[int]:
    if isinstance(value, (list, tuple)):
        if not value:
            raise AtelierError(f"« {name} » est une liste vide : donnez l'année de décès de chaque coauteur (1937, 1960).")
        return [check_int(v, name, minimum=1000, maximum=today_year, hint=" (une année de décès)") for v in value]
    return [check_int(value, name, minimum=1000, maximum=today_year, hint=" (une année de décès)")]


def public_domain(
    death_year=None,
    *,
    kind: str = "individuelle",
    publication_year=None,
    music: bool = False,
    mort_pour_la_france: bool = False,
    author_known: bool = False,
) -> PublicDomainResult:
    """When a work enters the public domain in France, with the steps of the calculation.

    ``death_year``: the author's year of death, or a list of the co-authors' years for a work
    of collaboration (``None`` for an anonymous or collective work). ``publication_year`` is
    needed for anonymous, pseudonymous and collective works, and decides the wartime
    extensions (without it, they are not applied and the result says so). ``music``: a musical
    composition (70 years since 1986). ``mort_pour_la_france``: the author (or last co-author)
    is « mort pour la France » on the death certificate. ``author_known``: the author of an
    anonymous or pseudonymous work has made themselves known (then ``death_year`` is used).
    """
    this_year = _dt.date.today().year
    kind = check_choice(kind, "kind", KINDS)
    for flag, name in ((music, "music"), (mort_pour_la_france, "mort_pour_la_france"), (author_known, "author_known")):
        if not isinstance(flag, bool):
            raise AtelierError(f"« {name} » vaut True ou False ; vous avez donné {describe(flag)}.")
    if publication_year is not None:
        publication_year = check_int(publication_year, "publication_year", minimum=1000, maximum=this_year, hint=" (une année de publication)")
    steps: list[str] = []

    by_publication = kind in ("anonyme", "pseudonyme", "collective") and not (kind != "collective" and author_known)
    if by_publication:
        if publication_year is None:
            raise AtelierError(
                f"Pour une œuvre {kind}, la durée court depuis la publication : donnez « publication_year » (par exemple 1950)."
            )
        if death_year is not None and kind == "collective":
            steps.append("Œuvre collective : l'année de décès donnée n'est pas utilisée.")
        start_year = publication_year
        steps.append(f"Œuvre {kind} : 70 ans à compter du 1er janvier qui suit la publication ({publication_year}) — art. L. 123-3.")
    else:
        if death_year is None:
            raise AtelierError("Donnez « death_year », l'année de décès de l'auteur (ou la liste des années des coauteurs).")
        years = _years_list(death_year, "death_year", this_year)
        if kind != "collaboration" and len(years) > 1:
            raise AtelierError("Plusieurs années de décès : indiquez kind=\"collaboration\" pour une œuvre de collaboration.")
        start_year = max(years)
        if publication_year is not None and publication_year > start_year and kind != "collaboration":
            steps.append("Publication après la mort de l'auteur : c'est une œuvre posthume, dont le régime particulier (art. L. 123-4) n'est pas calculé ici.")
        if kind == "collaboration":
            steps.append(f"Œuvre de collaboration : on compte depuis la mort du dernier coauteur vivant ({start_year}) — art. L. 123-2.")
        else:
            steps.append(f"Auteur mort en {start_year} : 70 ans à compter du 1er janvier {start_year + 1} — art. L. 123-1.")
    start = _dt.date(start_year + 1, 1, 1)
    modern = _add(start, 70)
    steps.append(f"Durée actuelle de 70 ans : fin le {_french_date(_add(modern, 0, -1))}.")

    # Term as it ran before the 1997 law (directive 93/98 applied from 1 July 1995).
    base = 50
    legacy_50 = _add(start, 50)
    ext_years, ext_days, notes = 0, 0, []
    if publication_year is None:
        if start_year < 1948:
            steps.append("Année de publication inconnue : les prorogations de guerre (art. L. 123-8 et L. 123-9) ne sont pas appliquées ; donnez « publication_year » pour les prendre en compte.")
    else:
        if publication_year <= 1920 and legacy_50 > _dt.date(1919, 2, 3):
            ext_years, ext_days = ext_years + _WWI[0], ext_days + _WWI[1]
            notes.append("6 ans et 152 jours pour la Première Guerre mondiale (publiée avant fin 1920) — art. L. 123-8")
        if publication_year <= 1947 and legacy_50 > _dt.date(1941, 8, 13):
            ext_years, ext_days = ext_years + _WWII[0], ext_days + _WWII[1]
            notes.append("8 ans et 120 jours pour la Seconde Guerre mondiale (publiée avant 1948) — art. L. 123-9")
    if music and _add(legacy_50, ext_years, ext_days) > _MUSIC_LAW_DATE:
        base = 70
        steps.append("Composition musicale : la loi du 3 juillet 1985 avait déjà porté la durée à 70 ans, et les prorogations de guerre s'y ajoutaient.")
    mpf_years = 0
    if mort_pour_la_france:
        mpf_years = _MPF_YEARS
        notes.append("30 ans pour un auteur « mort pour la France » — art. L. 123-10")
    legacy = _add(start, base + ext_years + mpf_years, ext_days)
    if notes:
        steps.append(f"Ancienne durée ({base} ans) prolongée : " + " ; ".join(notes) + f" ; fin le {_french_date(_add(legacy, 0, -1))}.")
    if mort_pour_la_france:
        steps.append("Lecture retenue : les 30 ans « mort pour la France » prolongent la durée de base de 50 ans (c'est ainsi qu'Apollinaire est entré dans le domaine public en 2013) ; une autre lecture les ajoute aux 70 ans. En cas d'enjeu, vérifiez auprès des ayants droit.")
    if legacy > modern:
        end = legacy
        steps.append("L'ancienne durée est la plus longue et courait encore au 1er juillet 1995 : elle s'applique (Cour de cassation, 1re civ., 27 février 2007).")
    else:
        end = modern
        if notes:
            steps.append("Les 70 ans « couvrent » les prorogations, plus courtes : elles ne s'ajoutent pas (Cour de cassation, 1re civ., 27 février 2007).")
    steps = [_typography(s) for s in steps]
    return PublicDomainResult(date=end, steps=steps)


def public_domain_year(death_year=None, **kwargs) -> int:
    """The year in which the work enters the public domain in France (see :func:`public_domain`)."""
    return public_domain(death_year, **kwargs).year


def is_public_domain(death_year=None, *, on=None, **kwargs) -> bool:
    """True if the work is in the public domain in France on ``on`` (a date or a year; default today)."""
    day = _check_day(on)
    return public_domain(death_year, **kwargs).date <= day
