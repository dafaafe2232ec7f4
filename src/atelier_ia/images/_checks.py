"""Limits and input checks shared by the image modules."""

from __future__ import annotations

import numpy as np

from ..errors import AtelierError, describe
from ..fmt import french_number
from ..validation import check_seed

__all__ = [
    "COMPOSITION_STYLES",
    "DEFAULT_STEPS",
    "MAX_PIXELS",
    "MAX_SAMPLES",
    "MAX_STEPS",
    "MAX_TRAINING_IMAGES",
    "MIN_STEPS",
]


DEFAULT_STEPS = 100
MIN_STEPS, MAX_STEPS = 10, 200
MAX_PIXELS = 32 * 32
MAX_TRAINING_IMAGES = 5000
MAX_SAMPLES = 1000
COMPOSITION_STYLES = {
    "grid": "grille de lignes noires et d'aplats (dans l'esprit de Mondrian)",
    "suprematist": "barres et carrés flottants (dans l'esprit de Malevitch)",
    "circles": "anneaux concentriques de tons alternés (dans l'esprit de Sonia Delaunay)",
}


# --------------------------------------------------------------------------- checks


def check_rng(rng) -> np.random.Generator:
    """A generator from a seed, or the generator itself."""
    if isinstance(rng, np.random.Generator):
        return rng
    return np.random.default_rng(check_seed(rng, "rng"))


def check_images(images, what: str = "les images", single_ok: bool = False, unit_range: bool = False) -> np.ndarray:
    """``images`` as a float array ``(n, h, w)``, or an :class:`AtelierError` saying what is wrong."""
    if isinstance(images, (list, tuple)):
        try:
            images = np.stack([np.asarray(im) for im in images]) if images else np.empty((0, 0, 0))
        except ValueError:
            raise AtelierError(f"{what.capitalize()} n'ont pas toutes la même taille : donnez des images de même hauteur et largeur.") from None
    if not isinstance(images, np.ndarray):
        raise AtelierError(f"{what.capitalize()} doivent être un tableau NumPy de forme (nombre, hauteur, largeur) ; vous avez donné {describe(images)}.")
    if images.dtype == bool or not np.issubdtype(images.dtype, np.number) or np.iscomplexobj(images):
        raise AtelierError(f"{what.capitalize()} doivent contenir des nombres réels, pas des valeurs de type {images.dtype}.")
    if single_ok and images.ndim == 2:
        images = images[None]
    if images.ndim != 3:
        hint = " (pour une seule image, écrivez image[None])" if images.ndim == 2 else ""
        raise AtelierError(
            f"{what.capitalize()} doivent former un tableau à 3 dimensions (nombre, hauteur, largeur) ; "
            f"celui-ci a la forme {images.shape}{hint}."
        )
    n, h, w = images.shape
    if n < 1:
        raise AtelierError(f"{what.capitalize()} : le tableau est vide ; donnez au moins une image.")
    if not (2 <= h and 2 <= w and h * w <= MAX_PIXELS):
        raise AtelierError(
            f"{what.capitalize()} mesurent {h}×{w} pixels : il faut au moins 2×2 et au plus {MAX_PIXELS} pixels "
            "(32×32) pour que tout tienne en quelques secondes."
        )
    images = images.astype(np.float64)
    if not np.isfinite(images).all():
        raise AtelierError(f"{what.capitalize()} contiennent des valeurs non finies (NaN ou infini) : corrigez ou retirez ces images.")
    if unit_range and (images.min() < -1 - 1e-6 or images.max() > 1 + 1e-6):
        raise AtelierError(
            f"{what.capitalize()} doivent avoir leurs valeurs entre -1 (noir) et 1 (blanc) ; elles vont de "
            f"{french_number(float(f'{images.min():.3g}'))} à {french_number(float(f'{images.max():.3g}'))}. Ramenez-les dans cet intervalle, par exemple "
            "2 * (x - x.min()) / (x.max() - x.min()) - 1."
        )
    return images
