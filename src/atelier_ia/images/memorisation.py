"""Copying: how close each generated image is to the nearest training image."""

from __future__ import annotations

import numpy as np

from ..errors import AtelierError
from ._checks import check_images

__all__ = [
    "nearest_training",
]


def nearest_training(samples, training_images) -> tuple[np.ndarray, np.ndarray]:
    """For each sample, the index of the closest training image and their distance.

    The distance is the root-mean-square difference per pixel: 0 for an exact copy, about
    0.1 for near-identical images, 2 between pure black and pure white. Returns two arrays
    ``(indices, distances)`` of length ``len(samples)``.
    """
    gen = check_images(samples, "les images générées", single_ok=True)
    train = check_images(training_images, "les images d'entraînement", single_ok=True)
    if gen.shape[1:] != train.shape[1:]:
        raise AtelierError(
            f"Les images générées ({gen.shape[1]}×{gen.shape[2]}) et les images d'entraînement "
            f"({train.shape[1]}×{train.shape[2]}) n'ont pas la même taille : on ne peut pas les comparer."
        )
    if len(gen) * len(train) > 5_000_000:
        raise AtelierError("Trop de comparaisons d'un coup : comparez moins d'images générées à la fois.")
    a, b = gen.reshape(len(gen), -1), train.reshape(len(train), -1)
    d2 = (a**2).sum(1)[:, None] - 2 * a @ b.T + (b**2).sum(1)[None, :]
    indices = np.argmin(d2, axis=1)
    distances = np.sqrt(np.mean((a - b[indices]) ** 2, axis=1))  # recomputed exactly
    return indices, distances
