"""Edits that erase the mark: replacing words at random or by near-synonyms, and the detector's curve."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from ..errors import AtelierError, describe
from ..text import NGramModel, join_words
from ..validation import check_real, check_seed
from .detection import detect
from .greenlist import DEFAULT_GAMMA, DEFAULT_KEY, DEFAULT_THRESHOLD, check_model, check_tokens

__all__ = ["edit", "edit_curve", "paraphrase"]

_WORD_RE = re.compile(r"^[^\W\d_]")


def _check_share(share) -> float:
    return check_real(share, "share", 0.0, 1.0, hint=" (la part des mots à remplacer, par exemple 0.3 pour 30 %)")


# --------------------------------------------------------------------------- edits that erase the mark

#: A few common French words and a near-synonym each, for :func:`paraphrase`.
_SYNONYMS = {
    "grand": "vaste", "grande": "vaste", "petit": "menu", "petite": "menue", "beau": "joli", "belle": "jolie",
    "homme": "individu", "hommes": "gens", "femme": "dame", "femmes": "dames", "jour": "journée", "jours": "journées",
    "nuit": "soirée", "temps": "époque", "monde": "univers", "vie": "existence", "cœur": "âme", "âme": "esprit",
    "dieu": "seigneur", "roi": "souverain", "mort": "trépas", "amour": "tendresse", "yeux": "regards",
    "main": "paume", "mains": "paumes", "chose": "objet", "choses": "objets", "pays": "contrée", "ville": "cité",
    "maison": "demeure", "toujours": "sans cesse", "jamais": "nullement", "souvent": "fréquemment",
    "rien": "néant", "tout": "chaque", "peu": "guère", "bien": "fort", "très": "fort", "aussi": "également",
    "mais": "cependant", "car": "puisque", "quand": "lorsque", "ainsi": "de la sorte", "encore": "toujours",
    "voir": "regarder", "dire": "affirmer", "faire": "accomplir", "aller": "partir", "venir": "arriver",
    "donner": "offrir", "prendre": "saisir", "savoir": "connaître", "vouloir": "désirer", "pouvoir": "réussir",
    "dit": "affirme", "fait": "accomplit", "peut": "sait", "veut": "désire", "voit": "aperçoit",
    "sont": "demeurent", "est": "reste", "était": "restait", "ont": "possèdent", "a": "possède",
    "doux": "suave", "triste": "morne", "heureux": "content", "vrai": "exact", "nouveau": "neuf",
    "ancien": "vieux", "vieux": "âgé", "jeune": "juvénile", "fort": "robuste", "mal": "douleur",
    "esprit": "intelligence", "public": "auditoire", "œuvre": "création", "œuvres": "créations",
    "spectacle": "représentation", "musée": "galerie", "livre": "ouvrage", "livres": "ouvrages",
    "texte": "écrit", "image": "illustration", "artiste": "créateur", "artistes": "créateurs",
    "culture": "civilisation", "lieu": "endroit", "lieux": "endroits", "salle": "pièce", "scène": "plateau",
}


def _word_positions(tokens: list[str]) -> list[int]:
    return [i for i, t in enumerate(tokens) if _WORD_RE.match(t)]


def _pick(positions: list[int], share: float, seed: int) -> list[int]:
    rng = np.random.default_rng(seed)
    k = int(round(share * len(positions)))
    if k == 0:
        return []
    return sorted(int(i) for i in rng.choice(positions, size=k, replace=False))


def edit(text_or_tokens, share: float = 0.3, seed: int = 0, vocabulary=None) -> str:
    """Replace a share of the words by other words, drawn with a seed; returns the new text.

    ``vocabulary`` is a model (its vocabulary is used) or a list of words; by default, words
    are taken from the text itself, shuffled. Punctuation is kept. The input is not modified.
    """
    tokens = check_tokens(text_or_tokens, "le texte à retoucher")
    share, seed = _check_share(share), check_seed(seed, "seed")
    if vocabulary is None:
        pool = sorted({t for t in tokens if _WORD_RE.match(t)})
    elif isinstance(vocabulary, NGramModel):
        pool = [t for t in check_model(vocabulary).vocab if _WORD_RE.match(t)]
    elif isinstance(vocabulary, (list, tuple)) and vocabulary and all(isinstance(w, str) and w.strip() for w in vocabulary):
        pool = sorted(set(vocabulary))
    else:
        raise AtelierError(
            "« vocabulary » doit être un modèle de mots entraîné, une liste de mots non vide, ou None "
            f"(les mots du texte lui-même) ; vous avez donné {describe(vocabulary)}."
        )
    out = list(tokens)
    positions = _word_positions(out)
    if not positions or not pool:
        return join_words(out)
    rng = np.random.default_rng([seed, 1])
    for i in _pick(positions, share, seed):
        choice = pool[int(rng.integers(len(pool)))]
        if choice == out[i] and len(pool) > 1:
            choice = pool[(pool.index(choice) + 1) % len(pool)]
        out[i] = choice
    return join_words(out)


def paraphrase(text_or_tokens, share: float = 0.3, seed: int = 0) -> str:
    """Replace up to a share of the words by a near-synonym from a small French list.

    Only words that have a synonym in the list can change, so the share actually replaced can
    be lower than asked: a crude stand-in for a person or a tool that rewrites the text.
    """
    tokens = check_tokens(text_or_tokens, "le texte à reformuler")
    share, seed = _check_share(share), check_seed(seed, "seed")
    out = list(tokens)
    positions = _word_positions(out)
    replaceable = [i for i in positions if out[i].lower() in _SYNONYMS]
    wanted = int(round(share * len(positions)))
    chosen = _pick(replaceable, min(1.0, wanted / len(replaceable)) if replaceable else 0.0, seed)
    for i in chosen:
        new = _SYNONYMS[out[i].lower()]
        out[i] = new[:1].upper() + new[1:] if out[i][:1].isupper() else new
    return join_words(out)


def edit_curve(
    text_or_tokens,
    shares=(0.0, 0.1, 0.2, 0.3, 0.5, 0.7),
    seed: int = 0,
    gamma: float = DEFAULT_GAMMA,
    key=DEFAULT_KEY,
    threshold: float = DEFAULT_THRESHOLD,
    vocabulary=None,
) -> pd.DataFrame:
    """The detector's z-score after replacing more and more words: how edits erase the mark.

    Replacing one word changes two scored pairs (the word itself and the word after it), so
    the mark fades faster than the share of replaced words.
    """
    tokens = check_tokens(text_or_tokens, "le texte à retoucher")
    if not isinstance(shares, (list, tuple)) or not shares or len(shares) > 50:
        raise AtelierError(
            f"« shares » doit être une liste de 1 à 50 parts entre 0 et 1, par exemple [0, 0.1, 0.3] ; vous avez donné {describe(shares)}."
        )
    rows = []
    for share in shares:
        edited = edit(tokens, share, seed, vocabulary)
        found = detect(edited, gamma, key, threshold)
        rows.append({
            "part des mots remplacés": _check_share(share),
            "mots verts": found.n_green,
            "mots examinés": found.n_tokens,
            "score z": round(found.z, 2),
            "tatouage détecté": found.watermarked,
        })
    return pd.DataFrame(rows)
