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
"""

from __future__ import annotations

import datetime as _dt
import itertools
import numbers
from dataclasses import dataclass, field

from .errors import AtelierError, describe
from .fmt import french_date, french_typography
from .validation import check_choice, check_int, check_texts

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

_WWI = (6, 152)   # L. 123-8: 2 August 1914 → 31 December 1920
_WWII = (8, 120)  # L. 123-9: 3 September 1939 → 1 January 1948
_MPF_YEARS = 30   # L. 123-10
_MPF_FIRST_DEATH = 1914  # the mention dates from the law of 2 July 1915, for deaths since 2 August 1914
_DIRECTIVE_DATE = _dt.date(1995, 7, 1)
_MUSIC_LAW_DATE = _dt.date(1986, 1, 1)  # loi n° 85-660 du 3 juillet 1985, 70 years for music

LIMITS = [
    "Le droit moral ne s'éteint jamais (art. L. 121-1 du CPI) : citez l'auteur et respectez l'œuvre, même dans le domaine public.",
    "Une photographie ou une numérisation d'une œuvre peut avoir ses propres droits ou conditions (photographe, institution qui la diffuse) : vérifiez la licence de l'image que vous utilisez.",
    "Les droits voisins (artistes-interprètes, producteurs de disques et de films, éditeurs de presse) ont leurs propres durées : un enregistrement du Boléro peut être protégé alors que la partition ne l'est plus.",
    "Une traduction, une adaptation, une édition critique ou une illustration récente est une œuvre nouvelle, protégée pour elle-même.",
    "Ce calcul vaut pour la France : d'autres pays ont d'autres règles (les États-Unis comptent souvent depuis la publication).",
    "Les œuvres posthumes, les œuvres audiovisuelles (plusieurs coauteurs désignés par la loi) et les bases de données ont des règles particulières non calculées ici.",
    "Les dates des prorogations de guerre au jour près varient d'un jour selon les sources : en cas d'enjeu, demandez à la société d'auteurs concernée.",
    "Ceci est une information, pas un conseil juridique : reportez-vous au Code de la propriété intellectuelle (art. L. 123-1 à L. 123-12).",
]
"""What the calculator does not cover, in French; every result carries it."""

# the facts that may be unknown, and how the explanation names them
_FACTS = {
    "publication": "l'année de publication (avant 1921, de 1921 à 1947, ou à partir de 1948 : elle décide des prorogations de guerre)",
    "music": "s'il s'agit d'une composition musicale (oui ou non)",
    "mpf": "si l'auteur est « mort pour la France » (oui ou non : mention portée sur l'acte de décès)",
    "coauthor": "l'année de décès de chaque coauteur (un coauteur dont on ignore la date peut être encore vivant)",
}


def _add(start: _dt.date, years: int, days: int = 0) -> _dt.date:
    return start.replace(year=start.year + years) + _dt.timedelta(days=days)


def _optional_date(value, name: str):
    if value is None:
        return None
    if isinstance(value, _dt.datetime):
        return value.date()
    if not isinstance(value, _dt.date):
        raise AtelierError(f"« {name} » doit être une date (datetime.date(2016, 4, 30)) ou None ; vous avez donné {describe(value)}.")
    return value


def _range_text(earliest, latest, computed: bool) -> str:
    if not computed:
        return "date non calculée"
    if latest is None:
        return f"au plus tôt le {french_date(earliest)}, au plus tard à une date inconnue"
    return f"au plus tôt le {french_date(earliest)}, au plus tard le {french_date(latest)}"


@dataclass(frozen=True)
class Uncertain:
    """The answer of :func:`is_public_domain` when unknown facts decide (or nothing is computed).

    It is neither ``True`` nor ``False``: ``bool()`` of it raises an
    :class:`~atelier_ia.errors.AtelierError` that says what to find out. ``on`` is the day asked
    about; ``earliest`` and ``latest`` bound the date of entry into the public domain
    (``latest`` is ``None`` when no bound is known); ``computed`` is ``False`` for the works the
    calculator does not compute.
    """

    on: _dt.date
    earliest: _dt.date | None = None
    latest: _dt.date | None = None
    deciding_facts: tuple[str, ...] = ()
    computed: bool = True

    def __post_init__(self):
        object.__setattr__(self, "on", _check_day(self.on))
        object.__setattr__(self, "earliest", _optional_date(self.earliest, "earliest"))
        object.__setattr__(self, "latest", _optional_date(self.latest, "latest"))
        object.__setattr__(self, "deciding_facts", check_texts(self.deciding_facts, "deciding_facts"))
        if not isinstance(self.computed, bool):
            raise AtelierError(f"« computed » vaut True ou False ; vous avez donné {describe(self.computed)}.")
        if self.computed and self.earliest is None:
            raise AtelierError("Un résultat calculé donne au moins « earliest », la date la plus précoce possible.")
        if self.earliest is not None and self.latest is not None and self.latest < self.earliest:
            raise AtelierError("« latest » ne peut pas précéder « earliest ».")

    def explain(self) -> str:
        """Why the answer is neither yes nor no, in French."""
        if not self.computed:
            text = (f"Non calculé : le calculateur ne traite pas ce type d'œuvre, il ne peut pas dire si elle est dans le "
                    f"domaine public le {french_date(self.on)}. Considérez-la comme protégée et renseignez-vous.")
        else:
            text = (f"Incertain le {french_date(self.on)} : entrée dans le domaine public "
                    f"{_range_text(self.earliest, self.latest, True)}.")
            if self.deciding_facts:
                text += " Ce qui décide : " + " ; ".join(self.deciding_facts) + "."
            text += (" Tant que ces faits ne sont pas établis" if len(self.deciding_facts) > 1 else " Tant que ce fait n'est pas établi") + ", considérez l'œuvre comme protégée."
        return french_typography(text)

    def __bool__(self):
        raise AtelierError(french_typography(
            "La réponse n'est ni oui ni non : " + self.explain()
            + " Comparez avec « is True » ou donnez les faits manquants (publication_year, music, mort_pour_la_france)."))

    def __repr__(self) -> str:
        return "INCERTAIN — " + self.explain()

    __str__ = __repr__


@dataclass
class PublicDomainResult:
    """When a work enters the public domain in France, and why.

    ``earliest`` and ``latest`` are the first possible and the last possible day on which the
    work is in the public domain, over every value of the facts not given (``latest`` is
    ``None`` when no bound is known, e.g. a co-author who may be alive). They are equal when
    the answer is certain; then ``date`` is that day. ``deciding_facts`` names, in French, the
    unknown facts that change the answer. ``computed`` is ``False`` for the works the
    calculator does not compute (posthumous, audiovisual): no date at all.
    """

    earliest: _dt.date | None
    latest: _dt.date | None
    steps: list[str]
    deciding_facts: list[str] = field(default_factory=list)
    computed: bool = True
    limits: list[str] = field(default_factory=lambda: list(LIMITS))

    def __post_init__(self):
        self.earliest = _optional_date(self.earliest, "earliest")
        self.latest = _optional_date(self.latest, "latest")
        if not isinstance(self.computed, bool):
            raise AtelierError(f"« computed » vaut True ou False ; vous avez donné {describe(self.computed)}.")
        if self.computed and self.earliest is None:
            raise AtelierError("Un résultat calculé donne au moins « earliest », la date la plus précoce possible.")
        if not self.computed and (self.earliest is not None or self.latest is not None):
            raise AtelierError("Un résultat non calculé (computed=False) n'a pas de date : laissez « earliest » et « latest » à None.")
        if self.earliest is not None and self.latest is not None and self.latest < self.earliest:
            raise AtelierError("« latest » ne peut pas précéder « earliest ».")
        self.steps = list(check_texts(self.steps, "steps"))
        self.deciding_facts = list(check_texts(self.deciding_facts, "deciding_facts"))
        self.limits = list(check_texts(self.limits, "limits"))

    @property
    def certain(self) -> bool:
        """True when one date holds whatever the facts not given."""
        return self.computed and self.latest is not None and self.earliest == self.latest

    @property
    def date(self) -> _dt.date:
        """The date of entry into the public domain; refused (French error) when it is not certain."""
        if not self.certain:
            raise AtelierError(french_typography(
                f"Pas de date unique : {_range_text(self.earliest, self.latest, self.computed)}. "
                + ("Ce qui décide : " + " ; ".join(self.deciding_facts) + ". " if self.deciding_facts else "")
                + "Lisez .earliest et .latest, ou print(resultat) pour le détail."))
        return self.earliest

    @property
    def year(self) -> int:
        return self.date.year

    def is_public_domain(self, on: _dt.date | None = None):
        """``True``, ``False`` or :class:`Uncertain` on ``on`` (a date or a year; default: today).

        ``True`` only if the work is in the public domain on that day whatever the facts not
        given; ``False`` if it is protected whatever they are.
        """
        day = _check_day(on)
        if self.computed and day < self.earliest:
            return False
        if self.computed and self.latest is not None and day >= self.latest:
            return True
        return Uncertain(on=day, earliest=self.earliest, latest=self.latest,
                         deciding_facts=tuple(self.deciding_facts), computed=self.computed)

    @property
    def verdict(self) -> str:
        """The answer alone, in French: the date, or the range and the facts that decide it.

        It is the first part of :meth:`explain`, before the steps of the calculation; a demo shows
        it instead of cutting the explanation's text.
        """
        if not self.computed:
            lines = ["Non calculé : le calculateur ne donne pas de date pour cette œuvre."]
        elif self.certain:
            lines = [f"Domaine public en France à partir du {french_date(self.earliest)}."]
        else:
            lines = [f"Date incertaine : domaine public en France {_range_text(self.earliest, self.latest, True)}."]
            lines.append("Ce qui décide : " + " ; ".join(self.deciding_facts) + ".")
            lines.append(("Tant que ces faits ne sont pas établis" if len(self.deciding_facts) > 1 else "Tant que ce fait n'est pas établi")
                         + ", considérez l'œuvre comme protégée"
                         + (f" jusqu'au {french_date(self.latest)}." if self.latest else "."))
        return french_typography("\n".join(lines))

    def explain(self, limits: bool = True) -> str:
        """The calculation in French: the verdict, each step, then its limits (``limits=False``: without them)."""
        if not isinstance(limits, bool):
            raise AtelierError(f"« limits » vaut True (avec les limites du calcul) ou False (sans elles) ; vous avez donné {describe(limits)}.")
        lines = [self.verdict] + [f"• {s}" for s in self.steps]
        if limits:
            lines.append("Limites :")
            lines += [f"– {s}" for s in self.limits]
        return french_typography("\n".join(lines))

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
        raise AtelierError(f"« on » doit être une date (datetime.date(2026, 12, 1)) ou une année (2026) ; vous avez donné {describe(on)}.")
    year = check_int(on, "on", minimum=1, maximum=9999)
    return _dt.date(year, 1, 1)


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


def _term(start_year: int, publication_year: int, music: bool, mpf: bool) -> tuple[_dt.date, list[str]]:
    """One completion of the facts: the first free day and the steps, in French."""
    steps: list[str] = []
    start = _dt.date(start_year + 1, 1, 1)
    modern = _add(start, 70)
    steps.append(f"Durée actuelle de 70 ans : fin le {french_date(_add(modern, 0, -1))}.")
    mpf_years = _MPF_YEARS if mpf else 0
    ext_years, ext_days, notes = 0, 0, []
    if publication_year <= 1920 and _add(start, 50 + mpf_years) > _dt.date(1919, 2, 3):
        ext_years, ext_days = ext_years + _WWI[0], ext_days + _WWI[1]
        notes.append("6 ans et 152 jours pour la Première Guerre mondiale (publiée avant fin 1920) — art. L. 123-8")
    if publication_year <= 1947 and _add(start, 50 + ext_years + mpf_years, ext_days) > _dt.date(1941, 8, 13):
        ext_years, ext_days = ext_years + _WWII[0], ext_days + _WWII[1]
        notes.append("8 ans et 120 jours pour la Seconde Guerre mondiale (publiée avant 1948) — art. L. 123-9")
    if mpf:
        notes.append("30 ans pour un auteur « mort pour la France » — art. L. 123-10")
    base = 50
    old = _add(start, 50 + ext_years + mpf_years, ext_days)
    if music and old > _MUSIC_LAW_DATE:
        base = 70
        text = "Composition musicale encore protégée le 1er janvier 1986 : la loi du 3 juillet 1985 a porté sa durée de base à 70 ans"
        steps.append(text + (", et les prolongations ci-dessous s'y ajoutent." if notes else "."))
    elif music:
        steps.append(f"Composition musicale déjà dans le domaine public le 1er janvier 1986 (ancienne durée finie le {french_date(_add(old, 0, -1))}) : la loi de 1985 ne s'applique pas.")
    legacy = _add(start, base + ext_years + mpf_years, ext_days)
    if notes:
        steps.append(f"Ancienne durée ({base} ans) prolongée : " + " ; ".join(notes) + f" ; fin le {french_date(_add(legacy, 0, -1))}.")
    if mpf:
        steps.append("Lecture retenue : les 30 ans « mort pour la France » prolongent la durée de base (c'est ainsi qu'Apollinaire est entré dans le domaine public en 2013) ; une autre lecture les ajoute aux 70 ans. En cas d'enjeu, vérifiez auprès des ayants droit.")
    if legacy <= _DIRECTIVE_DATE and modern <= _DIRECTIVE_DATE:
        steps.append(f"L'œuvre est entrée dans le domaine public sous l'ancienne durée, le {french_date(legacy)}, et les 70 ans finissaient aussi avant le 1er juillet 1995 : les lois de 1985 et de 1997 ne font pas renaître ses droits.")
        if start_year < 1866:
            steps.append("Auteur mort avant la loi du 14 juillet 1866 (50 ans) : d'autres durées s'appliquaient alors ; l'œuvre est de toute façon dans le domaine public.")
        return legacy, steps
    if legacy <= _DIRECTIVE_DATE:
        steps.append("L'ancienne durée finissait avant le 1er juillet 1995, mais la loi de 1997 (directive 93/98, art. 10) applique les 70 ans aux œuvres encore protégées ce jour-là dans un autre État de l'Union ; par prudence, on retient la date la plus tardive (Cour de cassation, 1re civ., 27 février 2007, à propos de Monet).")
        return modern, steps
    if legacy > modern:
        steps.append("L'ancienne durée est la plus longue et courait encore au 1er juillet 1995 : elle s'applique (Cour de cassation, 1re civ., 27 février 2007).")
        return legacy, steps
    if notes:
        steps.append("Les 70 ans « couvrent » les prorogations, plus courtes : elles ne s'ajoutent pas (Cour de cassation, 1re civ., 27 février 2007).")
    return modern, steps


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
        if mort_pour_la_france and start_year < _MPF_FIRST_DEATH:
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
    elif start_year < _MPF_FIRST_DEATH:
        mpfs = [False]
    else:
        mpfs = [False, True]
        unknown.add("mpf")
    cases = []
    for pub, mus, mpf in itertools.product(publications, musics, mpfs):
        end, case_steps = _term(start_year, pub, mus, mpf)
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
    day = _check_day(on)
    return public_domain(death_year, **kwargs).is_public_domain(day)
