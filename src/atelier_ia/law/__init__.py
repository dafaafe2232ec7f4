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
  13 August 1941 (L. 123-9), including works then protected thanks to the first extension;
* authors « morts pour la France »: 30 more years (L. 123-10).

The Cour de cassation (1re civ., 27 February 2007, two rulings, Bull. n° 86 and 87) held that
the 70-year term set in 1997 « covers » the wartime extensions: they count only when the term
that ran before 1 July 1995 (50 years plus the extensions, plus 30 years for « mort pour la
France ») was longer. For music, the 1985 law had already raised the term to 70 years for works
still protected on 1 January 1986 (the extensions and the 30 years count in that test), so the
extensions were added to 70 years: Ravel's *Boléro* (published 1928) entered the public domain
in 2016 (Sacem). A work whose old term had ended before the 1985 law and whose 70 years also
ended before 1 July 1995 entered the public domain under the old term (Debussy, 1983): the later
laws do not revive it. When the old term ended before 1 July 1995 but 70 years run later, the
later date is kept (the 1997 law applies 70 years to works still protected somewhere in the
Union on that day, directive 93/98, art. 10; Monet).

Unknown facts. ``music`` and ``mort_pour_la_france`` are ``True``, ``False`` or ``None``
(unknown, the default); ``publication_year`` may be ``None``; a co-author's death year may be
``None`` in the list. The calculator never assumes what it is not told: it computes every
possible value of the unknown facts and gives the earliest and the latest date
(:class:`PublicDomainResult` ``earliest``, ``latest``, ``deciding_facts``). Without the year of
publication it assumes a work published in the author's lifetime (a posthumous work is not
computed). « Mort pour la France » is possible for a death in 1914 or later.

Three-valued answer. :func:`is_public_domain` returns ``True`` only when every possible value
of the unknown facts gives « domaine public », ``False`` when none does, and otherwise an
:class:`Uncertain` object that says between which dates and which fact decides. ``Uncertain``
is not a bool: ``if is_public_domain(...)`` or ``not is_public_domain(...)`` raises an
:class:`~atelier_ia.errors.AtelierError` in French, so « à vérifier » can never be read as
« oui ». ``result.date`` and :func:`public_domain_year` likewise refuse to give one date when
the answer is a range. Posthumous works (published after the author's death) and audiovisual
works are « non calculé »: no date, ``computed`` is ``False``.

The moral right (L. 121-1) never expires: the author's name and the integrity of the work must
be respected forever, even in the public domain.

One module per concept: :mod:`.rules` (the terms of the code), :mod:`.results` (what an
answer says: :class:`PublicDomainResult`, :class:`Uncertain`, :data:`LIMITS`) and this one,
the calculator (:func:`public_domain`) and its checks of the learner's facts.
"""

from __future__ import annotations

import datetime as _dt
import itertools

from ..errors import AtelierError, describe
from ..fmt import french_date, french_typography
from ..validation import check_choice, check_int
from .results import LIMITS, PublicDomainResult, Uncertain, check_day
from .rules import MPF_FIRST_DEATH, term

__all__ = [
    "KINDS",
    "LIMITS",
    "PublicDomainResult",
    "Uncertain",
    "is_public_domain",
    "public_domain",
    "public_domain_year",
]

KINDS = ("individuelle", "collaboration", "anonyme", "pseudonyme", "collective", "audiovisuelle")

# the facts that may be unknown, and how the explanation names them
_FACTS = {
    "publication": "l'année de publication (avant 1921, de 1921 à 1947, ou à partir de 1948 : elle décide des prorogations de guerre)",
    "music": "s'il s'agit d'une composition musicale (oui ou non)",
    "mpf": "si l'auteur est « mort pour la France » (oui ou non : mention portée sur l'acte de décès)",
    "coauthor": "l'année de décès de chaque coauteur (un coauteur dont on ignore la date peut être encore vivant)",
}


def _years_list(value, name: str, today_year: int) -> list:
    """Death years as a list; ``None`` is allowed inside a list (a co-author's unknown year)."""
    if isinstance(value, (list, tuple)):
        if not value:
            raise AtelierError(f"« {name} » est une liste vide : donnez l'année de décès de chaque coauteur (1937, 1960).")
        years = [None if v is None else check_int(v, name, minimum=1000, maximum=today_year, hint=" (une année de décès, ou None si elle est inconnue)")
                 for v in value]
        if all(v is None for v in years):
            raise AtelierError(f"« {name} » ne contient aucune année connue : donnez au moins l'année de décès d'un coauteur.")
        return years
    return [check_int(value, name, minimum=1000, maximum=today_year, hint=" (une année de décès)")]


def _flag(value, name: str):
    if value is not None and not isinstance(value, bool):
        raise AtelierError(f"« {name} » vaut True, False ou None (inconnu) ; vous avez donné {describe(value)}.")
    return value


def _describe_case(case: dict, unknown: set) -> str:
    parts = []
    if "publication" in unknown:
        year = case["publication"]
        parts.append("publiée avant 1921" if year <= 1920 else "publiée de 1921 à 1947" if year <= 1947 else "publiée à partir de 1948")
    if "music" in unknown:
        parts.append("composition musicale" if case["music"] else "pas une composition musicale")
    if "mpf" in unknown:
        parts.append("auteur « mort pour la France »" if case["mpf"] else "auteur non « mort pour la France »")
    return ", ".join(parts)


def _not_computed(steps: list[str], reason: str) -> PublicDomainResult:
    steps = steps + [reason]
    return PublicDomainResult(earliest=None, latest=None, steps=[french_typography(s) for s in steps], computed=False)


def public_domain(
    death_year=None,
    *,
    kind: str = "individuelle",
    publication_year=None,
    music=None,
    mort_pour_la_france=None,
    author_known: bool = False,
) -> PublicDomainResult:
    """When a work enters the public domain in France, with the steps of the calculation.

    ``death_year``: the author's year of death, or a list of the co-authors' years for a work
    of collaboration (``None`` for an anonymous or collective work; ``None`` inside the list for
    a co-author whose year is unknown). ``publication_year`` is needed for anonymous,
    pseudonymous and collective works, and decides the wartime extensions. ``music``: a musical
    composition. ``mort_pour_la_france``: the author (or last co-author) is « mort pour la
    France » on the death certificate. ``music`` and ``mort_pour_la_france`` are ``True``,
    ``False`` or ``None`` (unknown, the default). ``author_known``: the author of an anonymous
    or pseudonymous work has made themselves known (then ``death_year`` is used).

    Facts not given are not assumed: the result gives the earliest and the latest possible
    date (``earliest``, ``latest``) and the facts that decide (``deciding_facts``); ``date`` is
    given only when they agree. ``kind="audiovisuelle"`` and a publication after the author's
    death (a posthumous work) give a result « non calculé » (``computed`` is ``False``).
    """
    this_year = _dt.date.today().year
    kind = check_choice(kind, "kind", KINDS)
    music = _flag(music, "music")
    mort_pour_la_france = _flag(mort_pour_la_france, "mort_pour_la_france")
    if not isinstance(author_known, bool):
        raise AtelierError(f"« author_known » vaut True ou False ; vous avez donné {describe(author_known)}.")
    if publication_year is not None:
        publication_year = check_int(publication_year, "publication_year", minimum=1000, maximum=this_year, hint=" (une année de publication)")
    steps: list[str] = []
    unknown_coauthor = False

    by_publication = kind in ("anonyme", "pseudonyme", "collective") and not (kind != "collective" and author_known)
    if by_publication:
        if publication_year is None:
            raise AtelierError(
                f"Pour une œuvre {kind}, la durée court depuis la publication : donnez « publication_year » (par exemple 1950)."
            )
        if mort_pour_la_france:
            raise AtelierError(f"Une œuvre {kind} compte depuis sa publication, sans auteur connu : « mort_pour_la_france » ne s'applique pas ; laissez-le à None.")
        if death_year is not None and kind == "collective":
            steps.append("Œuvre collective : l'année de décès donnée n'est pas utilisée.")
        start_year = publication_year
        mort_pour_la_france = False
        steps.append(f"Œuvre {kind} : 70 ans à compter du 1er janvier qui suit la publication ({publication_year}) — art. L. 123-3.")
    else:
        if death_year is None:
            raise AtelierError("Donnez « death_year », l'année de décès de l'auteur (ou la liste des années des coauteurs).")
        years = _years_list(death_year, "death_year", this_year)
        if kind not in ("collaboration", "audiovisuelle") and len(years) > 1:
            raise AtelierError("Plusieurs années de décès : indiquez kind=\"collaboration\" pour une œuvre de collaboration.")
        known = [y for y in years if y is not None]
        unknown_coauthor = len(known) < len(years)
        start_year = max(known)
        if kind == "audiovisuelle":
            return _not_computed(steps, "Œuvre audiovisuelle : la durée court depuis la mort du dernier des coauteurs désignés par l'art. L. 123-2 (scénariste, dialoguiste, compositeur, réalisateur…) ; ce calcul n'est pas fait ici.")
        if mort_pour_la_france and start_year < MPF_FIRST_DEATH:
            raise AtelierError(f"La mention « mort pour la France » existe pour les morts depuis le 2 août 1914 ; l'année de décès {start_year} ne peut pas la porter. Donnez mort_pour_la_france=False.")
        if publication_year is not None and publication_year > start_year and not unknown_coauthor:
            return _not_computed(steps, f"Publication ({publication_year}) après la mort de l'auteur ({start_year}) : c'est une œuvre posthume, dont le régime particulier (art. L. 123-4) n'est pas calculé ici.")
        if kind == "collaboration":
            steps.append(f"Œuvre de collaboration : on compte depuis la mort du dernier coauteur vivant ({start_year}) — art. L. 123-2.")
            if unknown_coauthor:
                steps.append("L'année de décès d'un coauteur est inconnue : il a pu mourir plus tard, ou vivre encore ; la date la plus tardive est inconnue.")
        else:
            steps.append(f"Auteur mort en {start_year} : 70 ans à compter du 1er janvier {start_year + 1} — art. L. 123-1.")

    # every possible value of the unknown facts
    unknown = set()
    if publication_year is None:
        unknown.add("publication")
        publications = sorted({min(start_year, 1920), min(start_year, 1947), start_year})
        steps.append("Année de publication non donnée : on suppose une œuvre publiée du vivant de l'auteur (une œuvre posthume n'est pas calculée).")
    else:
        publications = [publication_year]
    musics = [music] if music is not None else [False, True]
    if music is None:
        unknown.add("music")
    if mort_pour_la_france is not None:
        mpfs = [mort_pour_la_france]
    elif start_year < MPF_FIRST_DEATH:
        mpfs = [False]
    else:
        mpfs = [False, True]
        unknown.add("mpf")
    cases = []
    for pub, mus, mpf in itertools.product(publications, musics, mpfs):
        end, case_steps = term(start_year, pub, mus, mpf)
        cases.append(({"publication": pub, "music": mus, "mpf": mpf}, end, case_steps))
    earliest_case = min(cases, key=lambda c: c[1])
    latest_case = max(cases, key=lambda c: c[1])
    deciding = []
    for fact in ("publication", "music", "mpf"):
        if fact in unknown:
            others = [k for k in ("publication", "music", "mpf") if k != fact]
            groups: dict = {}
            for values, end, _ in cases:
                groups.setdefault(tuple(values[k] for k in others), set()).add(end)
            if any(len(ends) > 1 for ends in groups.values()):
                deciding.append(_FACTS[fact])
    if unknown_coauthor:
        deciding.append(_FACTS["coauthor"])
    earliest = earliest_case[1]
    latest = None if unknown_coauthor else latest_case[1]
    if earliest == latest:
        steps += latest_case[2]
        if unknown:
            steps.append("Les faits non donnés ne changent pas la date.")
    else:
        where = _describe_case(earliest_case[0], unknown)
        steps.append(f"Hypothèse la plus courte{' (' + where + ')' if where else ''} : domaine public le {french_date(earliest)}.")
        if latest is not None:
            where = _describe_case(latest_case[0], unknown)
            steps.append(f"Hypothèse la plus longue ({where}) : domaine public le {french_date(latest)}. Son calcul :")
            steps += latest_case[2]
        else:
            steps += earliest_case[2]
    steps = [french_typography(s) for s in steps]
    return PublicDomainResult(earliest=earliest, latest=latest, steps=steps,
                              deciding_facts=[french_typography(d) for d in deciding])


def public_domain_year(death_year=None, **kwargs) -> int:
    """The year in which the work enters the public domain in France (see :func:`public_domain`).

    Refused with a French error when the year is not certain (facts not given decide, or the
    work is not computed): use :func:`public_domain` to see the range.
    """
    return public_domain(death_year, **kwargs).year


def is_public_domain(death_year=None, *, on=None, **kwargs):
    """``True``, ``False`` or :class:`Uncertain`: is the work in the public domain in France on ``on``?

    ``on`` is a date or a year (default: today). ``True`` only when every possible value of
    the facts not given says « domaine public »; ``False`` when none does; otherwise an
    :class:`Uncertain` answer, which refuses to be read as a bool.
    """
    day = check_day(on)
    return public_domain(death_year, **kwargs).is_public_domain(day)
