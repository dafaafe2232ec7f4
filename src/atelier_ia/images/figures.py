"""Figures of images: grids, the generation filmstrip, the noising strip, nearest neighbours."""

from __future__ import annotations

import math

import numpy as np

from ..errors import AtelierError
from ..figures import FONT, new_figure
from ..fmt import french_number, french_percent
from ..validation import check_int, check_seed, check_text
from ._checks import check_images
from .diffusion import NoiseSchedule, check_schedule

__all__ = [
    "filmstrip_figure",
    "grid_figure",
    "nearest_figure",
    "noising_figure",
]


def _figure(nrows: int, ncols: int, cell: float = 1.2, extra: float = 0.6):
    return new_figure(nrows, ncols, width=max(ncols * cell, 4), height=nrows * cell + extra, axis=False, squeeze=False)


def _show(ax, image, title: str | None = None):
    ax.imshow(image, cmap="gray", vmin=-1, vmax=1, interpolation="nearest")
    ax.set_axis_on()
    ax.set_xticks([])
    ax.set_yticks([])
    if title:
        ax.set_title(title, fontsize=FONT["tick"])


def _check_title(title) -> str | None:
    return None if title is None else check_text(title, "le titre (title)", allow_empty=True)


def grid_figure(images, ncols: int = 8, title: str | None = None):
    """A grid of images (black = -1, white = 1), ``ncols`` per row; returns a matplotlib Figure."""
    data = check_images(images, "les images à afficher", single_ok=True)
    if len(data) > 200:
        raise AtelierError(f"{len(data)} images, c'est trop pour une figure (au plus 200) : affichez-en une partie, par exemple images[:32].")
    ncols = check_int(ncols, "ncols", 1, 20)
    title = _check_title(title)
    ncols = min(ncols, len(data))
    nrows = math.ceil(len(data) / ncols)
    fig, axes = _figure(nrows, ncols, cell=1.0)
    for ax, image in zip(axes.flat, data):
        _show(ax, image)
    fig.suptitle(title or f"{len(data)} image{'s' if len(data) > 1 else ''} ({data.shape[1]}×{data.shape[2]} pixels)", fontsize=FONT["title"])
    return fig


def filmstrip_figure(trajectory, n_frames: int = 8, title: str | None = None):
    """``n_frames`` images along a trajectory, from noise to the generated image.

    The frames are chosen evenly spaced by their distance to the final image (most of the
    picture appears in the last steps); each is labelled with its step number.
    """
    frames = check_images(trajectory, "les images de la trajectoire")
    if len(frames) < 2:
        raise AtelierError("La trajectoire doit compter au moins deux images : utilisez model.trajectory(seed).")
    n_frames = check_int(n_frames, "n_frames", 2, min(20, len(frames)))
    title = _check_title(title)
    # Most of the picture appears in the last steps: rather than evenly spaced steps, show
    # frames evenly spaced by how far they still are from the final image.
    last = len(frames) - 1
    remaining = np.sqrt(np.mean((frames - frames[-1]) ** 2, axis=(1, 2)))
    targets = np.linspace(remaining[0], 0, n_frames)[1:-1]
    middle = [int(np.argmax(remaining <= target)) for target in targets]
    picks = np.unique([0, *middle, last])
    fig, axes = _figure(1, len(picks), cell=1.4, extra=0.9)
    for ax, k in zip(axes.flat, picks):
        _show(ax, frames[k], f"étape {k}" + ("\n(image finale)" if k == last else "\n(départ)" if k == 0 else "\n"))
    fig.suptitle(title or f"Du bruit à l'image : {last} étapes de débruitage", fontsize=FONT["title"])
    return fig


def noising_figure(image, n_frames: int = 8, seed: int = 0, schedule: NoiseSchedule | None = None):
    """One image drowning in noise, from the original to pure noise (the forward process)."""
    original = check_images(image, "les images à bruiter", single_ok=True)
    if len(original) != 1:
        raise AtelierError("noising_figure montre une seule image : donnez images[0] plutôt que tout le tableau.")
    schedule = check_schedule(schedule)
    n_frames = check_int(n_frames, "n_frames", 2, 20)
    rng = np.random.default_rng(check_seed(seed, "seed"))
    noise = rng.standard_normal(original.shape[1:])  # one noise, more and more of it
    # frames evenly spaced by the share of the image left (-1 stands for the original)
    shares = np.linspace(1, 0, n_frames)[1:-1]
    middle = [int(np.argmax(schedule.alphas_bar <= share)) for share in shares]
    picks = np.unique([-1, *middle, schedule.steps - 1])
    fig, axes = _figure(1, len(picks), cell=1.4, extra=0.9)
    for ax, t in zip(axes.flat, picks):
        if t < 0:
            _show(ax, original[0], "image\nd'origine")
        else:
            _show(ax, schedule.signal[t] * original[0] + schedule.noise[t] * noise,
                  f"étape {t}\n{french_percent(float(schedule.alphas_bar[t]), 0)} d'image")  # share of the variance
    fig.suptitle("L'image se noie peu à peu dans le bruit", fontsize=FONT["title"])
    return fig


def nearest_figure(samples, training, pairs, max_pairs: int = 8, title: str | None = None):
    """Each generated image (top) above its nearest training image (bottom), with the distance.

    ``pairs`` is what :func:`nearest_training` returned for these samples and training images.
    """
    gen = check_images(samples, "les images générées", single_ok=True)
    train = check_images(training, "les images d'entraînement", single_ok=True)
    try:
        indices, distances = (np.asarray(p) for p in pairs)
    except (TypeError, ValueError):
        raise AtelierError("« pairs » doit être le résultat de nearest_training(samples, training) : (indices, distances).") from None
    if indices.shape != (len(gen),) or distances.shape != (len(gen),) or not np.issubdtype(indices.dtype, np.integer):
        raise AtelierError(
            f"« pairs » doit donner un indice et une distance par image générée ({len(gen)}) : "
            "passez le résultat de nearest_training(samples, training)."
        )
    if indices.min() < 0 or indices.max() >= len(train):
        raise AtelierError("« pairs » désigne des images d'entraînement qui n'existent pas : recalculez-le avec nearest_training sur les mêmes images.")
    max_pairs = check_int(max_pairs, "max_pairs", 1, 20)
    title = _check_title(title)
    k = min(max_pairs, len(gen))
    fig, axes = _figure(2, k, cell=1.4, extra=1.2)
    for j in range(k):
        _show(axes[0, j], gen[j], f"générée {j + 1}")
        _show(axes[1, j], train[indices[j]], f"n° {indices[j]}\ndistance {french_number(float(distances[j]), 2)}")
    fig.suptitle(title or "En haut : images générées ; en bas : l'image d'entraînement la plus proche", fontsize=FONT["title"])
    return fig
