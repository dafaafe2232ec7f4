"""« Qui a écrit ça ? » — attributing a quotation to an author from its style.

Each text becomes a profile of character n-grams (short letter sequences such as « ent »,
« qu' », « oi »), weighted by TF-IDF; a logistic regression learns which profiles go with
which author. Accuracy is measured honestly, on quotations kept aside during training.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from .corpus import AUTHORS, load_author
from .errors import AtelierError, describe
from .validation import check_int, check_real, check_seed, check_text

__all__ = [
    "Attribution",
    "train_attribution",
]


@dataclass
class Attribution:
    """A trained author classifier and its honest evaluation."""

    authors: tuple[str, ...]
    pipeline: object
    accuracy: float
    chance: float
    confusion: pd.DataFrame
    test: pd.DataFrame  # held-out quotations: texte, autrice_ou_auteur, prediction

    def __post_init__(self):
        if not (hasattr(self.pipeline, "predict_proba") and hasattr(self.pipeline, "classes_")):
            raise AtelierError(
                "« pipeline » doit être un classifieur scikit-learn entraîné : une Attribution s'obtient avec "
                f"train_attribution(...) ; vous avez donné {describe(self.pipeline)}."
            )
        if not isinstance(self.authors, tuple) or not all(isinstance(a, str) for a in self.authors):
            raise AtelierError(f"« authors » doit être un tuple de noms ; vous avez donné {describe(self.authors)}.")
        check_real(self.accuracy, "accuracy", 0, 1)
        check_real(self.chance, "chance", 0, 1)
        for name in ("confusion", "test"):
            if not isinstance(getattr(self, name), pd.DataFrame):
                raise AtelierError(f"« {name} » doit être un tableau pandas ; vous avez donné {describe(getattr(self, name))}.")

    def guess(self, text: str) -> pd.Series:
        """Probability of each author for ``text``, most likely first."""
        text = check_text(text, "la phrase à attribuer")
        if len(text.strip()) < 10:
            raise AtelierError(f"Donnez une phrase d'au moins 10 caractères à attribuer ; vous avez donné {describe(text)}.")
        probs = self.pipeline.predict_proba([text])[0]
        classes = list(self.pipeline.classes_)
        return pd.Series(probs, index=pd.Index(classes, name="autrice ou auteur"), name="probabilité").sort_values(ascending=False)


def train_attribution(authors=("La Fontaine", "Molière", "Racine", "Voltaire"), per_author: int = 600,
                      test_share: float = 0.25, seed: int = 0) -> Attribution:
    """Train on ``per_author`` quotations of each author; evaluate on the held-out share."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import train_test_split
    from sklearn.pipeline import make_pipeline

    if isinstance(authors, str) or not isinstance(authors, (list, tuple)) or len(authors) < 2:
        raise AtelierError(f"Choisissez au moins deux autrices ou auteurs parmi : {', '.join(AUTHORS)}.")
    if len(set(authors)) != len(authors):
        raise AtelierError("La liste des autrices et auteurs contient un doublon.")
    per_author = check_int(per_author, "per_author", 20, 5000, " (citations par autrice ou auteur)")
    test_share = check_real(test_share, "test_share", 0.1, 0.5, " (part gardée pour l'évaluation)")
    seed = check_seed(seed, "seed")
    texts, labels = [], []
    rng = np.random.default_rng(seed)
    for name in authors:
        corpus = load_author(name)  # raises a French error for an unknown name
        if corpus.notice and corpus.author != name:
            raise AtelierError(corpus.notice + " Le jeu « Qui a écrit ça ? » a besoin des citations du Littré.")
        quotes = [q for q in corpus.quotes if len(q) >= 30]
        if len(quotes) < per_author:
            raise AtelierError(f"{name} n'a que {len(quotes)} citations assez longues ; demandez-en au plus {len(quotes)}.")
        chosen = rng.choice(len(quotes), size=per_author, replace=False)
        texts += [quotes[i] for i in sorted(chosen)]
        labels += [name] * per_author
    x_train, x_test, y_train, y_test = train_test_split(
        texts, labels, test_size=test_share, random_state=seed, stratify=labels)
    pipeline = make_pipeline(
        TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4), sublinear_tf=True, min_df=2),
        # newton-cg reaches the same optimum as the default lbfgs on these few thousand sparse
        # columns, ten times faster (module 03 trains this model while the learner waits).
        LogisticRegression(max_iter=2000, C=5.0, solver="newton-cg"),
    )
    pipeline.fit(x_train, y_train)
    predicted = pipeline.predict(x_test)
    accuracy = float(np.mean(np.array(predicted) == np.array(y_test)))
    confusion = pd.crosstab(pd.Series(y_test, name="vraie autrice ou vrai auteur"),
                            pd.Series(predicted, name="prédiction")).reindex(index=list(authors), columns=list(authors), fill_value=0)
    test = pd.DataFrame({"texte": x_test, "autrice_ou_auteur": y_test, "prediction": predicted})
    return Attribution(tuple(authors), pipeline, accuracy, 1 / len(authors), confusion, test)
