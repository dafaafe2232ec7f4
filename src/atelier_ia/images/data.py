"""Training images: scikit-learn's handwritten digits and abstract compositions drawn by the course."""

from __future__ import annotations

import numpy as np

from ..validation import check_choice, check_int, check_seed
from ._checks import COMPOSITION_STYLES, MAX_TRAINING_IMAGES

__all__ = [
    "abstract_compositions",
    "load_digits_images",
]


def load_digits_images() -> np.ndarray:
    """The 1,797 handwritten digits bundled with scikit-learn, as ``(1797, 8, 8)`` in [-1, 1].

    Each digit, written by hand and scanned as 32×32 black-and-white pixels, was reduced to
    8×8 cells that count their inked pixels, from 0 to 16 (UCI "Optical Recognition of
    Handwritten Digits"); here 0 (no ink) becomes -1 (black) and 16 becomes 1 (white).
    Nothing is downloaded: the file ships with scikit-learn.
    """
    from sklearn.datasets import load_digits

    return load_digits().images / 8.0 - 1.0


def abstract_compositions(n: int = 500, size: int = 12, style: str = "mixed", seed: int = 0) -> np.ndarray:
    """``n`` abstract compositions of ``size``×``size`` pixels, drawn by the course's own code.

    Flat grey tones on a light ground, in the manner of geometric abstraction (not copies of
    any work): ``"grid"`` black lines and a few filled cells (after Mondrian), ``"suprematist"``
    floating bars and squares, some tilted (after Malevich), ``"circles"`` concentric rings of
    alternating tones (after Sonia Delaunay), or ``"mixed"`` (a random style for each image).
    Values in [-1, 1]: -1 black, 1 white. The same seed gives the same compositions.
    """
    n = check_int(n, "n", 1, MAX_TRAINING_IMAGES)
    size = check_int(size, "size", 6, 32)
    styles = list(COMPOSITION_STYLES)
    style = check_choice(style, "style", [*styles, "mixed"])
    rng = np.random.default_rng(check_seed(seed, "seed"))
    draw = {"grid": _grid, "suprematist": _suprematist, "circles": _circles}
    fine = 4 * size  # draw on a finer canvas, then average 4×4 blocks: soft edges
    # pixel centres of the fine canvas, in [0, 1]
    yy, xx = np.mgrid[0:fine, 0:fine] / fine + 0.5 / fine
    out = np.empty((n, size, size))
    for i in range(n):
        kind = styles[rng.integers(len(styles))] if style == "mixed" else style
        canvas = draw[kind](rng, xx, yy, size)
        out[i] = canvas.reshape(size, 4, size, 4).mean(axis=(1, 3))
    return out


_GROUND = 0.85  # a light, slightly warm white
_TONES = np.array([-1.0, -0.55, -0.15, 0.35])  # black, dark, middle and light greys


def _grid(rng, xx, yy, size):
    """Black lines crossing a light ground; one to three cells filled with a flat tone."""
    canvas = np.full(xx.shape, _GROUND)
    # lines fall on whole pixels, one pixel wide
    xs = np.sort(rng.choice(np.arange(2, size - 2), size=rng.integers(1, 3), replace=False)) / size
    ys = np.sort(rng.choice(np.arange(2, size - 2), size=rng.integers(1, 3), replace=False)) / size
    cols, rows = np.r_[0, xs, 1], np.r_[0, ys, 1]
    for _ in range(rng.integers(1, 4)):
        c, r = rng.integers(len(cols) - 1), rng.integers(len(rows) - 1)
        cell = (xx >= cols[c]) & (xx < cols[c + 1]) & (yy >= rows[r]) & (yy < rows[r + 1])
        canvas[cell] = rng.choice(_TONES[1:])
    for x in xs:
        canvas[(xx >= x) & (xx < x + 1 / size)] = -1.0
    for y in ys:
        canvas[(yy >= y) & (yy < y + 1 / size)] = -1.0
    return canvas


def _suprematist(rng, xx, yy, size):
    """One or two bars or squares floating on the ground, upright or tilted."""
    canvas = np.full(xx.shape, _GROUND)
    for _ in range(rng.integers(1, 3)):
        cx, cy = rng.uniform(0.3, 0.7, size=2)
        if rng.random() < 0.4:  # a square
            half_long = half_short = rng.uniform(0.15, 0.3)
        else:  # a bar
            half_long, half_short = rng.uniform(0.25, 0.4), rng.uniform(0.06, 0.12)
        angle = rng.choice([0.0, np.pi / 2, rng.uniform(0, np.pi)])
        # coordinates along and across the shape's own axes
        u = (xx - cx) * np.cos(angle) + (yy - cy) * np.sin(angle)
        v = -(xx - cx) * np.sin(angle) + (yy - cy) * np.cos(angle)
        canvas[(np.abs(u) < half_long) & (np.abs(v) < half_short)] = rng.choice(_TONES)
    return canvas


def _circles(rng, xx, yy, size):
    """Two to four concentric rings near the centre, in alternating tones."""
    cx, cy = rng.uniform(0.4, 0.6, size=2)
    ring = rng.uniform(1.5, 2.5) / size  # rings one and a half to two and a half pixels wide
    radius = np.hypot(xx - cx, yy - cy)
    tones = rng.permutation(_TONES)
    canvas = tones[(radius // ring).astype(int) % len(tones)]
    return np.where(radius < ring * rng.integers(2, 5), canvas, _GROUND)
