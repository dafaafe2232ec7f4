"""The terms of the Code de la propriété intellectuelle: 70 years, wartime extensions, « mort pour la France ».

Internal to :mod:`atelier_ia.law`: :func:`atelier_ia.law.public_domain` checks the learner's
facts, then asks :func:`term` for each completion of them.
"""

from __future__ import annotations

import datetime as _dt

from ..fmt import french_date

__all__: list[str] = []  # nothing for the notebooks: public_domain (in atelier_ia.law) is the calculator

_WWI = (6, 152)   # L. 123-8: 2 August 1914 → 31 December 1920
_WWII = (8, 120)  # L. 123-9: 3 September 1939 → 1 January 1948
_MPF_YEARS = 30   # L. 123-10
MPF_FIRST_DEATH = 1914  # the mention dates from the law of 2 July 1915, for deaths since 2 August 1914
_DIRECTIVE_DATE = _dt.date(1995, 7, 1)
_MUSIC_LAW_DATE = _dt.date(1986, 1, 1)  # loi n° 85-660 du 3 juillet 1985, 70 years for music


def _add(start: _dt.date, years: int, days: int = 0) -> _dt.date:
    return start.replace(year=start.year + years) + _dt.timedelta(days=days)


def term(start_year: int, publication_year: int, music: bool, mpf: bool) -> tuple[_dt.date, list[str]]:
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
