"""Checks of the exercises of module 01 « Le rapport de la Commission de l'IA et la culture ».

The learner's notebook (exercises/01-rapport-commission-ia-exercices.ipynb) loads
``data/rapport/recommandations.csv`` into a pandas table called ``recos``. Every expected
value below is computed from that file, never written by hand, so that a correction of the
data set carries over to the checks.
"""

from __future__ import annotations

import numbers
import unicodedata
from functools import lru_cache

from ..paths import data_file
from . import show_answer as _show, Feedback, register

NBSP = "\u00a0"

#: Value of the column ``prioritaire`` counted in exercise 01-1.
PRIORITY_YES = "oui"
#: Value of the column ``culture`` used in exercises 01-3 and 01-4.
DIRECT_LINK = "lien direct"
#: Column of the estimated cost over five years, in millions of euros.
COST_COLUMN = "montant_5_ans_millions_euros"


@lru_cache(maxsize=1)
def recommendations():
    """The recommendations table, read as the notebooks read it."""
    import pandas as pd

    return pd.read_csv(data_file("rapport/recommandations.csv"))


def _thousands(n: int) -> str:
    """A whole number with a non-breaking space between groups of three digits (27\u00a0401)."""
    return f"{n:,}".replace(",", NBSP)


def _is_table(value) -> bool:
    """A pandas Series or DataFrame (the learner gave a whole column or table)."""
    return type(value).__module__.startswith("pandas") and hasattr(value, "shape")


def _as_int(value):
    """An integer from an int-like answer (int, numpy integer, integral float), else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, numbers.Real) and float(value).is_integer():
        return int(value)
    return None


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFC", text).replace("\u2019", "'").replace(NBSP, " ")
    return " ".join(text.split()).casefold()


def _number_hint(answer, what: str) -> Feedback | None:
    """Feedback for answers that are not a single whole number, or None if the answer is one."""
    if _is_table(answer):
        return Feedback(False, (
            f"Vous avez donné un tableau ou une colonne entière ({type(answer).__name__}). On attend {what}, "
            f"un seul nombre{NBSP}: lisez-le dans le résultat affiché, ou calculez-le avec .sum()."
        ))
    if isinstance(answer, str):
        return Feedback(False, (
            f"Vous avez donné un texte ({_show(answer)}). On attend {what}, écrit sans guillemets, par exemple 12."
        ))
    if _as_int(answer) is None:
        return Feedback(False, f"On attend {what}, un nombre entier, pas {_show(answer)}.")
    return None


@register("01-1")
def check_01_1(answer) -> Feedback:
    table = recommendations()
    counts = table["prioritaire"].value_counts()
    expected = int(counts.get(PRIORITY_YES, 0))
    hint = _number_hint(answer, f"le nombre de recommandations marquées «{NBSP}{PRIORITY_YES}{NBSP}»")
    if hint is not None:
        return hint
    answer = _as_int(answer)
    if answer == expected:
        uncertain = int(counts.get("incertain", 0))
        return Feedback(True, (
            f"Exact{NBSP}: {expected} recommandations sont marquées «{NBSP}{PRIORITY_YES}{NBSP}». Le communiqué de la "
            f"Commission en annonce sept{NBSP}; la septième, consacrée à la culture, ne correspond à aucun intitulé "
            f"du tableau, d'où les {uncertain} lignes «{NBSP}incertain{NBSP}»."
        ))
    if answer == len(table):
        return Feedback(False, (
            f"{answer}, c'est le nombre total de recommandations. Comptez seulement les lignes dont la colonne "
            f"prioritaire vaut «{NBSP}{PRIORITY_YES}{NBSP}»."
        ))
    for value, n in counts.items():
        if value != PRIORITY_YES and answer == int(n):
            return Feedback(False, (
                f"{answer}, c'est le nombre de lignes marquées «{NBSP}{value}{NBSP}». On cherche celles qui valent "
                f"«{NBSP}{PRIORITY_YES}{NBSP}»."
            ))
    if answer == expected + int(counts.get("incertain", 0)):
        return Feedback(False, (
            f"Vous avez compté aussi les lignes «{NBSP}incertain{NBSP}». Ne gardez que les «{NBSP}{PRIORITY_YES}{NBSP}»."
        ))
    if answer == 7:
        return Feedback(False, (
            f"C'est le nombre de priorités annoncé par la Commission. Mais que dit le tableau du cours{NBSP}? "
            f"Lisez le nombre de «{NBSP}{PRIORITY_YES}{NBSP}» affiché par value_counts()."
        ))
    return Feedback(False, (
        f"Ce n'est pas le bon nombre (vous avez donné {answer}). Exécutez la cellule, puis lisez la ligne "
        f"«{NBSP}{PRIORITY_YES}{NBSP}» du résultat de value_counts()."
    ))


@register("01-2")
def check_01_2(answer) -> Feedback:
    counts = recommendations()["axe"].value_counts()
    expected = str(counts.idxmax())
    top = int(counts.max())
    if _is_table(answer):
        return Feedback(False, (
            f"Vous avez donné tout le résultat de value_counts(). On attend seulement le nom de la partie la plus "
            f"fréquente, entre guillemets{NBSP}: par exemple recos[\"axe\"].value_counts().idxmax()."
        ))
    if not isinstance(answer, str):
        if _as_int(answer) == top:
            return Feedback(False, (
                f"{top}, c'est bien le nombre de recommandations de cette partie. On attend son nom, entre guillemets, "
                "tel qu'il s'affiche dans la colonne axe."
            ))
        return Feedback(False, f"On attend le nom d'une partie du rapport, entre guillemets, pas {_show(answer)}.")
    given = _normalise(answer)
    if not given:
        return Feedback(False, "Votre texte est vide. Écrivez entre les guillemets le nom de la partie, tel qu'il s'affiche.")
    if given == _normalise(expected):
        return Feedback(True, (
            f"Exact{NBSP}: «{NBSP}{expected}{NBSP}» regroupe {top} des {int(counts.sum())} recommandations "
            "(financement, calcul, données, talents, diffusion dans l'économie et dans la culture)."
        ))
    labels = [str(label) for label in counts.index]
    matches = [label for label in labels if len(given) >= 4 and given in _normalise(label)]
    if matches == [expected]:
        return Feedback(True, (
            f"Oui, c'est «{NBSP}{expected}{NBSP}», avec {top} recommandations. Dans un programme, recopiez de "
            "préférence le nom complet, tel qu'il s'affiche."
        ))
    if len(matches) == 1:
        n = int(counts[matches[0]])
        return Feedback(False, (
            f"«{NBSP}{matches[0]}{NBSP}» ne compte que {n} recommandations. Regardez la première ligne du résultat "
            f"de value_counts(){NBSP}: elle donne la partie la plus fréquente."
        ))
    return Feedback(False, (
        f"«{NBSP}{answer.strip()}{NBSP}» n'est pas une valeur de la colonne axe. Recopiez, entre guillemets, l'une "
        "des valeurs affichées par value_counts()."
    ))


def _numbers(answer):
    """A list of whole numbers from a list-like answer, or a Feedback explaining the problem."""
    if isinstance(answer, str):
        return Feedback(False, (
            f"Vous avez donné un texte ({_show(answer)}). On attend une liste de numéros, par exemple [3, 14], "
            "ou list(direct[\"numero\"])."
        ))
    if _as_int(answer) is not None:
        return Feedback(False, (
            f"Vous avez donné un seul nombre ({_show(answer)}). On attend la liste de tous les numéros, entre "
            "crochets, par exemple [3, 14]."
        ))
    if type(answer).__module__.startswith("pandas") and hasattr(answer, "columns"):
        return Feedback(False, (
            f"Vous avez donné un tableau entier. Gardez seulement la colonne des numéros{NBSP}: "
            "list(direct[\"numero\"])."
        ))
    if isinstance(answer, (dict, bytes)) or not hasattr(answer, "__iter__"):
        return Feedback(False, f"On attend une liste de numéros, par exemple [3, 14], pas {_show(answer)}.")
    try:
        items = list(answer)
    except Exception:
        return Feedback(False, f"On attend une liste de numéros, par exemple [3, 14], pas {_show(answer)}.")
    if len(items) > 1000:
        return Feedback(False, f"Votre liste est bien trop longue{NBSP}: le tableau compte {len(recommendations())} recommandations.")
    numbers_ = []
    for item in items:
        if isinstance(item, str) and item.strip().isdigit():
            return Feedback(False, (
                f"Votre liste contient des textes ({_show(item)}). Écrivez les numéros sans guillemets, par exemple [3, 14]."
            ))
        value = _as_int(item)
        if value is None:
            return Feedback(False, f"Votre liste contient {_show(item)}, qui n'est pas un numéro de recommandation.")
        numbers_.append(value)
    return numbers_


@register("01-3")
def check_01_3(answer) -> Feedback:
    table = recommendations()
    expected = sorted(int(n) for n in table.loc[table["culture"] == DIRECT_LINK, "numero"])
    given = _numbers(answer)
    if isinstance(given, Feedback):
        return given
    if not given:
        return Feedback(False, (
            f"La liste est vide. Filtrez les lignes dont la colonne culture vaut «{NBSP}{DIRECT_LINK}{NBSP}», "
            "puis gardez leur colonne numero."
        ))
    valid = set(int(n) for n in table["numero"])
    unknown = sorted(set(given) - valid)
    if unknown:
        return Feedback(False, (
            f"Les numéros {unknown} n'existent pas{NBSP}: les recommandations vont de {min(valid)} à {max(valid)}."
        ))
    if set(given) == set(expected) and len(given) != len(set(given)):
        return Feedback(False, "Ce sont les bons numéros, mais certains apparaissent deux fois. Gardez chaque numéro une seule fois.")
    if sorted(given) == expected:
        return Feedback(True, (
            f"Exact{NBSP}: les recommandations {', '.join(str(n) for n in expected)} sont en lien direct avec la culture "
            "dans notre lecture (formation des métiers de la création, données patrimoniales, transparence, usages "
            "dans la culture et les médias)."
        ))
    by_number = dict(zip(table["numero"].astype(int), table["culture"]))
    extra = sorted(set(given) - set(expected))
    missing = sorted(set(expected) - set(given))
    parts = []
    if extra:
        kinds = sorted({by_number[n] for n in extra})
        parts.append(
            f"{len(extra)} numéro(s) en trop ({', '.join(str(n) for n in extra)}{NBSP}: "
            f"{' / '.join(kinds)})"
        )
    if missing:
        parts.append(f"il en manque {len(missing)}")
    return Feedback(False, (
        f"Pas tout à fait{NBSP}: " + f"{NBSP}; ".join(parts) + ". "
        f"Gardez exactement les lignes dont la colonne culture vaut «{NBSP}{DIRECT_LINK}{NBSP}»."
    ))


@register("01-4")
def check_01_4(answer) -> Feedback:
    table = recommendations()
    direct = table[table["culture"] == DIRECT_LINK]
    expected = int(direct[COST_COLUMN].sum())
    whole_plan = int(table[COST_COLUMN].sum())
    with_ministry = int(table.loc[table["pilotes"].str.contains("ministère de la culture"), COST_COLUMN].sum())
    if isinstance(answer, numbers.Real) and not isinstance(answer, bool) and not float(answer).is_integer():
        return Feedback(False, (
            f"Les montants du tableau sont des nombres entiers de millions d'euros{NBSP}: leur somme aussi. "
            f"Vous avez donné {_show(answer)}."
        ))
    hint = _number_hint(answer, "un montant en millions d'euros")
    if hint is not None:
        return hint
    answer = _as_int(answer)
    if answer == expected:
        share = 100 * expected / whole_plan
        share = format(share, ".1f").replace(".", ",")  # French decimal comma
        return Feedback(True, (
            f"Exact{NBSP}: {expected} millions d'euros sur cinq ans, soit environ {share}{NBSP}% des "
            f"{_thousands(whole_plan)} millions du plan. Ces mesures coûtent peu{NBSP}: ce sont surtout des normes, une "
            "infrastructure et de la formation."
        ))
    if answer == whole_plan:
        return Feedback(False, (
            f"{_thousands(whole_plan)}, c'est le coût de tout le plan. Filtrez d'abord les lignes en «{NBSP}{DIRECT_LINK}{NBSP}», "
            "puis faites la somme de leur colonne de montants."
        ))
    if answer == with_ministry and with_ministry != expected:
        return Feedback(False, (
            f"{with_ministry}, c'est la somme des recommandations dont le ministère de la culture est pilote, "
            f"dont une n'est pas en «{NBSP}{DIRECT_LINK}{NBSP}». Filtrez sur la colonne culture."
        ))
    if answer == len(direct):
        return Feedback(False, (
            f"{answer}, c'est le nombre de recommandations en «{NBSP}{DIRECT_LINK}{NBSP}». On attend la somme de "
            f"leurs montants{NBSP}: direct[\"{COST_COLUMN}\"].sum()."
        ))
    return Feedback(False, (
        f"Ce n'est pas le bon montant (vous avez donné {answer}). Filtrez les lignes en «{NBSP}{DIRECT_LINK}{NBSP}», "
        f"puis additionnez leur colonne {COST_COLUMN} avec .sum()."
    ))
