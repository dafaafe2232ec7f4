"""Checks of the exercises of module 01 « Le rapport de la Commission de l'IA et la culture ».

The learner's notebook (exercises/01-rapport-commission-ia-exercices.ipynb) loads
``data/rapport/recommandations.csv`` into a pandas table called ``recos``. Four exercises of
five are questions of understanding and judgement answered by a letter (or several); their
options and per-option feedback live here, next to the right answer, so that the notebook's
wording and the check cannot drift apart silently (a test compares them). Exercise 01-2 asks
for a list computed with pandas; its expected value is computed from the data file, never
written by hand.
"""

from __future__ import annotations

import numbers
import re
from dataclasses import dataclass
from functools import lru_cache

from ..paths import data_file
from . import Feedback, register
from . import show_answer as _show

__all__ = [
    "CHOICES",
    "DIRECT_LINK",
    "EX1",
    "EX3",
    "EX4",
    "EX5",
    "NBSP",
    "PARAMETRES",
    "PRIORITY_YES",
    "Choice",
    "check_01_1",
    "check_01_2",
    "check_01_3",
    "check_01_4",
    "check_01_5",
    "recommendations",
]

NBSP = "\u00a0"

#: The exercises of module 01 read the data file as it is: no seed, size or prompt to share.
PARAMETRES: dict = {}

#: Value of the column ``prioritaire`` for the seven priority recommendations.
PRIORITY_YES = "oui"
#: Value of the column ``culture`` for the recommendations in direct link with culture.
DIRECT_LINK = "lien direct"


def _fr(text: str) -> str:
    """French typography: a non-breaking space before « : ; ? ! » and inside guillemets."""
    text = re.sub(r" ([:;!?])", NBSP + r"\1", text)
    return text.replace("« ", "«" + NBSP).replace(" »", NBSP + "»")


@lru_cache(maxsize=1)
def recommendations():
    """The recommendations table, read as the notebooks read it."""
    import pandas as pd

    return pd.read_csv(data_file("rapport/recommandations.csv"))


# --- questions answered by letters ---------------------------------------------------------

@dataclass(frozen=True)
class Choice:
    """A question with lettered options, the right letter(s) and one feedback per option."""

    options: dict[str, str]      # letter -> text of the option (as in the notebook)
    feedback: dict[str, str]     # letter -> why this option is right or wrong
    correct: frozenset[str]
    success: str                 # message when the answer is exactly right

    @property
    def multiple(self) -> bool:
        return len(self.correct) > 1


def _letters(answer, choice: Choice):
    """The set of letters given by the learner, or a Feedback explaining what to write."""
    example = '"BD"' if choice.multiple else '"B"'
    valid = ", ".join(sorted(choice.options))
    if isinstance(answer, str):
        raw = answer
    elif isinstance(answer, (list, tuple, set, frozenset)) and all(isinstance(a, str) for a in answer):
        raw = "".join(answer)
    else:
        return Feedback(False, _fr(
            f"On attend une ou plusieurs lettres entre guillemets, par exemple {example}, "
            f"pas {_show(answer)}."
        ))
    words_removed = re.sub(r"\bet\b", " ", raw, flags=re.IGNORECASE)  # "B et D" is fine
    cleaned = re.sub(r"[^A-Za-z]", "", words_removed).upper()  # drop spaces, commas, brackets…
    if not cleaned:
        return Feedback(False, _fr(f"Votre réponse est vide. Écrivez entre les guillemets la lettre choisie, par exemple {example}."))
    unknown = sorted({c for c in cleaned if c not in choice.options})
    if unknown:
        return Feedback(False, _fr(
            f"«{NBSP}{raw.strip()}{NBSP}» contient {', '.join(unknown)}, qui n'est pas une lettre proposée. "
            f"Les lettres possibles sont {valid}."
        ))
    return frozenset(cleaned)


def _check_choice(answer, choice: Choice) -> Feedback:
    given = _letters(answer, choice)
    if isinstance(given, Feedback):
        return given
    if given == choice.correct:
        return Feedback(True, _fr(choice.success))
    if not choice.multiple:
        if len(given) > 1:
            return Feedback(False, _fr("Une seule lettre est attendue : laquelle explique le mieux la situation ?"))
        (letter,) = given
        return Feedback(False, _fr(f"{letter}. {choice.feedback[letter]}"))
    parts = [f"{letter}. {choice.feedback[letter]}" for letter in sorted(given - choice.correct)]
    right = sorted(given & choice.correct)
    if right:
        parts.insert(0, f"Bien vu pour {', '.join(right)}.")
    missing = choice.correct - given
    if missing:
        parts.append(f"Il manque {len(missing)} question(s) que le rapport laisse ouverte(s) : relisez les options.")
    return Feedback(False, _fr(" ".join(parts)))


EX1 = Choice(
    options={
        "A": "Un article de presse s'est trompé : il n'y a que six priorités.",
        "B": "Une ligne d'action, l'accès aux données, porte deux recommandations prioritaires : l'une sur les données personnelles, l'autre sur les données culturelles.",
        "C": "La septième priorité est la recommandation n° 17, sur la transparence, ajoutée après la synthèse.",
        "D": "La gouvernance mondiale compte double, parce qu'elle a trois ministères pilotes.",
    },
    feedback={
        "A": "Non : les sept recommandations marquées oui sont bien dans le tableau du rapport. Le chiffre 6 compte autre chose : les lignes d'action de la synthèse.",
        "B": "Oui.",
        "C": "Non : la n° 17 est marquée non. La synthèse ne retient, pour la culture, que l'infrastructure de la n° 16.",
        "D": "Non : la n° 22 a bien trois pilotes, mais c'est une seule recommandation, une seule priorité.",
    },
    correct=frozenset("B"),
    success=(
        "Exact : la quatrième ligne d'action, « faciliter l'accès aux données », réunit la n° 15 (données "
        "personnelles, rôle de la Cnil) et la n° 16 (infrastructure pour les données culturelles). Dans "
        "l'affichage, ce sont les deux lignes prioritaires de la section 2.2.3."
    ),
)

EX3 = Choice(
    options={
        "A": "Elle a raison : dans un plan public, le montant mesure l'importance d'une mesure.",
        "B": "Le montant compte ce que l'État dépenserait, pas l'effet attendu : des normes, une infrastructure et de la formation coûtent peu ; et la synthèse range la n° 16 parmi les sept priorités.",
        "C": "Le calcul est faux : il faut ajouter toutes les recommandations en lien indirect avec la culture.",
        "D": "La culture a son propre budget, prévu ailleurs dans le rapport.",
    },
    feedback={
        "A": "Non : la n° 17 (transparence) coûte 0 euro et peut changer les rapports de force entre ayants droit et développeurs. Un coût faible ne dit pas qu'une mesure compte peu.",
        "B": "Oui.",
        "C": "Non : le calcul fait ce qu'il annonce (les recommandations que pilote le ministère de la Culture). Changer de définition changerait le chiffre, pas le raisonnement.",
        "D": "Non : le rapport ne prévoit pas d'enveloppe culturelle à part ; ne prêtez pas à un texte ce qu'il ne dit pas.",
    },
    correct=frozenset("B"),
    success=(
        "Exact : un coût mesure une dépense, pas une importance. Pour juger la place de la culture, "
        "regardez aussi les priorités (la n° 16 en est une), les pilotes et ce que chaque mesure changerait."
    ),
)

EX4 = Choice(
    options={
        "A": "Faut-il former à l'IA les étudiants des écoles de création ?",
        "B": "Comment rémunérer les ayants droit dont les œuvres protégées serviraient à entraîner des modèles ?",
        "C": "Faut-il appliquer les obligations de transparence du règlement européen sur l'IA ?",
        "D": "Quand l'infrastructure de la n° 16 devrait-elle fonctionner, et à quoi saurait-on qu'elle a réussi ?",
        "E": "Le dépôt légal peut-il servir de fonds ouvert aux développeurs d'IA ?",
    },
    feedback={
        "A": "Non : le rapport répond oui, c'est la recommandation n° 8.",
        "B": "Oui.",
        "C": "Non : le rapport répond oui, c'est la recommandation n° 17, qui demande aussi des standards pour publier les informations.",
        "D": "Oui.",
        "E": "Non : le rapport répond non (le dépôt légal contient des œuvres sous droits ; seules ses métadonnées pourraient être ouvertes).",
    },
    correct=frozenset("BD"),
    success=(
        "Exact : le rapport dit que des modèles économiques « restent à concevoir » pour les œuvres "
        "protégées, et son tableau ne donne ni calendrier ni indicateur de réussite. Les autres questions, "
        "il les tranche (n° 8, n° 17, dépôt légal)."
    ),
)

EX5 = Choice(
    options={
        "A": "Tout transmettre : la fouille de textes et de données est permise sans condition.",
        "B": "Proposer d'abord les affiches du domaine public, avec leurs métadonnées, et ne proposer les affiches encore protégées qu'avec l'accord de leurs ayants droit, par une licence.",
        "C": "Refuser toute demande : la loi interdit d'entraîner une IA sur des fonds patrimoniaux.",
        "D": "Laisser le développeur moissonner le site de la médiathèque : sans fichier robots.txt, la question ne vous regarde plus.",
    },
    feedback={
        "A": "Non : transmettre des fichiers d'affiches protégées, c'est communiquer des œuvres, ce qui demande l'accord de leurs ayants droit ; et l'exception de fouille cède devant leur opposition.",
        "B": "Oui.",
        "C": "Non : rien n'interdit de partager des œuvres du domaine public ; la recommandation n° 16 propose justement de commencer par elles.",
        "D": "Non : les ayants droit des affiches protégées peuvent s'être opposés à la fouille, et ce n'est pas à la médiathèque de l'ignorer ; laisser faire n'est pas une politique de diffusion.",
    },
    correct=frozenset("B"),
    success=(
        "Exact : c'est la démarche que décrivait Alexandra Bensamoun pour la recommandation n° 16 : "
        "commencer par les contenus libres de droits, puis, si la confiance s'installe, ouvrir des œuvres "
        "protégées avec l'accord et la rémunération de leurs ayants droit."
    ),
)

#: Lettered questions, by exercise id (read by the tests, which compare them with the notebook).
CHOICES = {"01-1": EX1, "01-3": EX3, "01-4": EX4, "01-5": EX5}


@register("01-1")
def check_01_1(answer) -> Feedback:
    return _check_choice(answer, EX1)


@register("01-3")
def check_01_3(answer) -> Feedback:
    return _check_choice(answer, EX3)


@register("01-4")
def check_01_4(answer) -> Feedback:
    return _check_choice(answer, EX4)


@register("01-5")
def check_01_5(answer) -> Feedback:
    return _check_choice(answer, EX5)


# --- 01-2: a list computed with pandas -----------------------------------------------------

def _as_int(value):
    """An integer from an int-like answer (int, numpy integer, integral float), else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, numbers.Real) and float(value).is_integer():
        return int(value)
    return None


def _numbers(answer):
    """A list of whole numbers from a list-like answer, or a Feedback explaining the problem."""
    if isinstance(answer, str):
        return Feedback(False, _fr(
            f"Vous avez donné un texte ({_show(answer)}). On attend une liste de numéros, par exemple [3, 14], "
            "ou list(tableau[\"numero\"])."
        ))
    if _as_int(answer) is not None:
        return Feedback(False, _fr(
            f"Vous avez donné un seul nombre ({_show(answer)}). On attend une liste, entre crochets, même si elle "
            "ne contient qu'un numéro : par exemple [3]."
        ))
    if type(answer).__module__.startswith("pandas") and hasattr(answer, "columns"):
        return Feedback(False, _fr(
            "Vous avez donné un tableau entier. Gardez seulement la colonne des numéros : list(tableau[\"numero\"])."
        ))
    if isinstance(answer, (dict, bytes)) or not hasattr(answer, "__iter__"):
        return Feedback(False, _fr(f"On attend une liste de numéros, par exemple [3, 14], pas {_show(answer)}."))
    try:
        items = list(answer)
    except Exception:
        return Feedback(False, _fr(f"On attend une liste de numéros, par exemple [3, 14], pas {_show(answer)}."))
    if len(items) > 1000:
        return Feedback(False, _fr(f"Votre liste est bien trop longue : le tableau compte {len(recommendations())} recommandations."))
    found = []
    for item in items:
        if isinstance(item, str) and item.strip().isdigit():
            return Feedback(False, _fr(
                f"Votre liste contient des textes ({_show(item)}). Écrivez les numéros sans guillemets, par exemple [3, 14]."
            ))
        value = _as_int(item)
        if value is None:
            return Feedback(False, _fr(f"Votre liste contient {_show(item)}, qui n'est pas un numéro de recommandation."))
        found.append(value)
    return found


@register("01-2")
def check_01_2(answer) -> Feedback:
    table = recommendations()
    priority = table["prioritaire"] == PRIORITY_YES
    direct = table["culture"] == DIRECT_LINK
    expected = sorted(int(n) for n in table.loc[priority & direct, "numero"])
    only_priority = sorted(int(n) for n in table.loc[priority, "numero"])
    only_direct = sorted(int(n) for n in table.loc[direct, "numero"])
    either = sorted(int(n) for n in table.loc[priority | direct, "numero"])
    given = _numbers(answer)
    if isinstance(given, Feedback):
        return given
    if not given:
        return Feedback(False, _fr(
            "La liste est vide. Gardez les lignes qui vérifient les deux conditions à la fois, chacune entre "
            "parenthèses et reliées par & ."
        ))
    valid = set(int(n) for n in table["numero"])
    unknown = sorted(set(given) - valid)
    if unknown:
        return Feedback(False, _fr(f"Les numéros {unknown} n'existent pas : les recommandations vont de {min(valid)} à {max(valid)}."))
    if len(given) != len(set(given)):
        return Feedback(False, _fr("Certains numéros apparaissent deux fois. Gardez chaque numéro une seule fois."))
    given = sorted(given)
    numbers_text = ", ".join(str(n) for n in expected)
    if given == expected:
        return Feedback(True, _fr(
            f"Exact : {numbers_text}. Des quatre recommandations en lien direct avec la culture, une seule est "
            "prioritaire : l'infrastructure qui relie développeurs d'IA et détenteurs de données patrimoniales."
        ))
    if given == only_priority:
        return Feedback(False, _fr(
            "Ce sont les sept recommandations prioritaires. Ajoutez la seconde condition : culture == \"lien direct\"."
        ))
    if given == only_direct:
        return Feedback(False, _fr(
            "Ce sont les recommandations en lien direct avec la culture. Ajoutez la seconde condition : "
            "prioritaire == \"oui\"."
        ))
    if given == either:
        return Feedback(False, _fr(
            "Vous avez gardé les lignes qui vérifient l'une OU l'autre condition (|). On veut les deux à la fois : &."
        ))
    return Feedback(False, _fr(
        f"Pas tout à fait (vous avez donné {given}). Gardez les lignes où prioritaire vaut «{NBSP}{PRIORITY_YES}{NBSP}» "
        f"et où culture vaut «{NBSP}{DIRECT_LINK}{NBSP}», puis leur colonne numero."
    ))
