"""What the calculator answers: a date or an :class:`Uncertain` range, with its reasons and its limits."""

from __future__ import annotations

import datetime as _dt
import numbers
from dataclasses import dataclass, field

from ..errors import AtelierError, describe
from ..fmt import french_date, french_typography
from ..validation import check_int, check_texts

__all__ = ["LIMITS", "PublicDomainResult", "Uncertain"]

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
        object.__setattr__(self, "on", check_day(self.on))
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
        day = check_day(on)
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



def check_day(on) -> _dt.date:
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
