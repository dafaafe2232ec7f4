"""How open is an « open » model? The course's reading of published model cards.

The data (``data/ouverture/ouverture-modeles.csv``) describes seven models, one row each, in
the words of their published cards, with a source and a date of verification. This module
turns each description into a level per component, so that the models can be compared at a
glance:

* ``2`` « ouvert »: published for anyone (weights, data, code), or a licence without usage
  restrictions (Apache 2.0, MIT), or documentation detailed enough to rebuild the model;
* ``1`` « partiel »: weights behind an acceptance form, data described but only partly
  published, a licence with usage restrictions (RAIL, Meta's community licence), a short card
  or a system card that describes capabilities and safety tests but not the training;
* ``0`` « fermé »: not published, or a proprietary licence;
* ``-1`` « non vérifié »: the course could not check it on the cited sources.

The rules read the first words of each description; a description that matches no rule
raises an error instead of being guessed, so that a new row is read by a person first.

:func:`osi_conditions` then applies a **simplified** reading of the Open Source Initiative's
Open Source AI Definition 1.0 (28 October 2024): weights and training code published, data
at least described in detail, and terms without usage restrictions. It is a teaching aid;
the OSI's own review of a model prevails.
"""

from __future__ import annotations

import functools

import pandas as pd

from .errors import AtelierError, describe
from .figures import PALETTE
from .fmt import NBSP
from .palette import COLOURS
from .paths import data_file

__all__ = [
    "COMPONENTS",
    "DATA_FILE",
    "LEVELS",
    "component_level",
    "load_models",
    "openness_figure",
    "openness_table",
    "osi_conditions",
]

DATA_FILE = "ouverture/ouverture-modeles.csv"

#: The five components compared, column of the data file → French label.
COMPONENTS = {
    "poids": "poids",
    "donnees_entrainement": "données",
    "code_entrainement": "code",
    "licence": "licence",
    "documentation": "documentation",
}

#: Levels and their French names.
LEVELS = {2: "ouvert", 1: "partiel", 0: "fermé", -1: "non vérifié"}

# Rules, tried in order: (words the description contains, level). Lower case, accents kept.
_RULES = {
    "poids": [("non publiés", 0), ("acceptation", 1), ("conditionné", 1), ("publiés", 2)],
    "donnees_entrainement": [("non publiées", 0), ("en partie", 1), ("partie publiée", 1), ("publiées", 2)],
    "code_entrainement": [("non vérifié", -1), ("non publié", 0), ("publié", 2)],
    "licence": [("propriétaire", 0), ("restriction", 1), ("rail", 1), ("community license", 1),
                ("apache 2.0", 2), ("licence mit", 2)],
    "documentation": [("courte", 1), ("system card", 1), ("fiche système", 1), ("arxiv", 2), ("rapport technique", 2)],
}


def component_level(component: str, description: str) -> int:
    """The level (2, 1, 0 or -1, see :data:`LEVELS`) of one component, read from its description."""
    if not isinstance(component, str) or component not in _RULES:
        raise AtelierError(
            f"Composant inconnu {describe(component)} : choisissez parmi {', '.join(COMPONENTS)}."
        )
    if not isinstance(description, str) or not description.strip():
        raise AtelierError(
            f"La description du composant « {component} » doit être un texte non vide ; vous avez donné {describe(description)}."
        )
    text = description.lower()
    for words, level in _RULES[component]:
        if words in text:
            return level
    raise AtelierError(
        f"Description du composant « {component} » que le cours ne sait pas classer{NBSP}: « {description[:80]} ». "
        "Lisez la source de la ligne et ajoutez une règle dans atelier_ia.openness."
    )


@functools.lru_cache(maxsize=1)
def _read() -> pd.DataFrame:
    table = pd.read_csv(data_file(DATA_FILE), dtype=str).fillna("")
    missing = [c for c in ("modele", "source", "date_verification", *COMPONENTS) if c not in table.columns]
    if missing:
        raise AtelierError(f"{DATA_FILE} n'a pas les colonnes {', '.join(missing)}.")
    return table


def load_models() -> pd.DataFrame:
    """The data file as a table (a copy): one row per model, with its sources and date."""
    return _read().copy()


def osi_conditions(levels) -> bool:
    """Whether a row of levels meets the course's simplified reading of OSI's definition.

    ``levels`` maps each component of :data:`COMPONENTS` to its level. Required: weights and
    code published (2), data at least partly published or described (1 or 2), a licence
    without usage restrictions (2). Documentation is not a condition of its own.
    """
    if not isinstance(levels, (dict, pd.Series)):
        raise AtelierError(
            f"« levels » doit associer chaque composant à son niveau, par exemple une ligne de openness_table() ; "
            f"vous avez donné {describe(levels)}."
        )
    try:
        values = {c: levels[c] for c in COMPONENTS}
    except KeyError as missing:
        raise AtelierError(f"Il manque le niveau du composant {missing} : il faut {', '.join(COMPONENTS)}.") from None
    for name, value in values.items():
        if isinstance(value, bool) or value not in LEVELS:
            raise AtelierError(f"Le niveau de « {name} » doit valoir 2, 1, 0 ou -1 ; vous avez donné {describe(value)}.")
    return (values["poids"] == 2 and values["code_entrainement"] == 2
            and values["donnees_entrainement"] >= 1 and values["licence"] == 2)


def openness_table(models: pd.DataFrame | None = None) -> pd.DataFrame:
    """Levels per component for each model, their sum (0 to 10) and the OSI conditions.

    ``models`` is a table shaped like :func:`load_models` (default: the course's data). The
    input is never modified. Columns: the components' French labels, « total », « conditions
    OSI réunies », « source », « vérifié le ».
    """
    if models is None:
        models = _read()
    if not isinstance(models, pd.DataFrame) or models.empty:
        raise AtelierError(f"« models » doit être un tableau non vide comme load_models() ; vous avez donné {describe(models)}.")
    missing = [c for c in ("modele", *COMPONENTS) if c not in models.columns]
    if missing:
        raise AtelierError(f"Le tableau n'a pas les colonnes {', '.join(missing)} : partez de load_models().")
    rows = []
    for _, row in models.iterrows():
        levels = {c: component_level(c, str(row[c])) for c in COMPONENTS}
        out = {"modèle": row["modele"]}
        out.update({COMPONENTS[c]: levels[c] for c in COMPONENTS})
        out["total"] = sum(max(v, 0) for v in levels.values())
        out["conditions OSI réunies"] = osi_conditions(levels)
        out["source"] = row.get("source", "")
        out["vérifié le"] = row.get("date_verification", "")
        rows.append(out)
    return pd.DataFrame(rows)


_COLOURS = {2: PALETTE["bleu"], 1: PALETTE["ciel"], 0: PALETTE["orange"], -1: COLOURS["grille-fine"]}  # Okabe & Ito, grey for unknown
_TEXT = {2: COLOURS["blanc"], 1: COLOURS["noir"], 0: COLOURS["noir"], -1: COLOURS["noir"]}


def openness_figure(table: pd.DataFrame | None = None):
    """A grid model × component, each cell coloured AND labelled with its level (readable in grey)."""
    from .figures import FONT, new_figure

    if table is None:
        table = openness_table()
    labels = list(COMPONENTS.values())
    if not isinstance(table, pd.DataFrame) or table.empty or any(c not in table.columns for c in ["modèle", *labels]):
        raise AtelierError(f"« table » doit être le tableau rendu par openness_table() ; vous avez donné {describe(table)}.")
    n = len(table)
    fig, ax = new_figure(width=7.6, height=0.55 * n + 1.3)
    for i, (_, row) in enumerate(table.iterrows()):
        for j, label in enumerate(labels):
            level = int(row[label])
            ax.add_patch(_rect(j, n - 1 - i, _COLOURS[level]))
            ax.text(j + 0.5, n - 1 - i + 0.5, LEVELS[level], ha="center", va="center",
                    fontsize=FONT["tick"], color=_TEXT[level])
    ax.set_xlim(0, len(labels))
    ax.set_ylim(0, n)
    ax.set_xticks([j + 0.5 for j in range(len(labels))], labels, fontsize=FONT["tick"])
    ax.xaxis.tick_top()
    names = [str(m).split(" (")[0].replace(" et Claude ", " / ") for m in table["modèle"]]
    ax.set_yticks([n - 1 - i + 0.5 for i in range(n)], names, fontsize=FONT["tick"])
    ax.tick_params(length=0)
    for side in ax.spines.values():
        side.set_visible(False)
    ax.set_title("Ce qui est publié, composant par composant", fontsize=FONT["title"], pad=28)
    return fig


def _rect(x, y, colour):
    from matplotlib.patches import Rectangle

    return Rectangle((x + 0.03, y + 0.05), 0.94, 0.9, facecolor=colour, edgecolor=COLOURS["blanc"])
