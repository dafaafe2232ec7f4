"""Images: a tiny diffusion model that learns to draw by removing noise.

The recipe of image generators such as Stable Diffusion, small enough to read and to train
in a few seconds on a laptop:

1. **Noising** (:func:`add_noise`): take a training image and drown it, step by step, in
   random noise, following a fixed *noise schedule*. After ``steps`` steps nothing of the
   image is left: pure noise.
2. **Learning** (:func:`train_diffusion`): show a neural network thousands of noisy images,
   each with its noise level, and ask it to guess the clean image. It learns what images of
   the training set tend to look like.
3. **Generating** (:meth:`Denoiser.sample`): start from pure noise and walk the steps back.
   At each step the network guesses the clean image; the sampler moves a little towards that
   guess and adds a little fresh noise. The last step gives a new image.

The network is scikit-learn's ``MLPRegressor`` (a small multilayer perceptron): no GPU, no
PyTorch. :class:`IdealDenoiser` is the exact answer to the same question for a finite
training set; it only ever regenerates training images, which :func:`nearest_training`
shows: the question of copying, in a few lines.

Images are NumPy arrays of shape ``(n, height, width)`` with values in [-1, 1]
(-1 = black, 1 = white). Every random choice takes a seed.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass

import numpy as np

from .errors import AtelierError, describe
from .figures import FONT, new_figure
from .fmt import NBSP, french_number, french_percent
from .validation import check_bool, check_int, check_seed, check_text

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


def _rng(rng) -> np.random.Generator:
    """A generator from a seed, or the generator itself."""
    if isinstance(rng, np.random.Generator):
        return rng
    return np.random.default_rng(check_seed(rng, "rng"))


def _images(images, what: str = "les images", single_ok: bool = False, unit_range: bool = False) -> np.ndarray:
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


# --------------------------------------------------------------------------- data


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
    if style not in (*styles, "mixed"):
        raise AtelierError(
            f"« style » doit valoir \"mixed\" (mélange) ou l'un de {', '.join(repr(s) for s in styles)} ; "
            f"vous avez donné {describe(style)}."
        )
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


# --------------------------------------------------------------------------- noise


@dataclass(frozen=True, eq=False)
class NoiseSchedule:
    """How much noise each step adds: ``betas[t]`` is the share of noise added at step ``t``.

    ``alphas_bar[t]`` is the share of the original image's variance left after steps 0…t:
    close to 1 at the start, close to 0 at the end (pure noise). A noisy image at step t is
    ``sqrt(alphas_bar[t]) * image + sqrt(1 - alphas_bar[t]) * noise``.
    """

    steps: int
    betas: np.ndarray
    alphas_bar: np.ndarray

    @property
    def signal(self) -> np.ndarray:
        """How much of the image is left at each step (``sqrt(alphas_bar)``)."""
        return np.sqrt(self.alphas_bar)

    @property
    def noise(self) -> np.ndarray:
        """How much noise there is at each step (``sqrt(1 - alphas_bar)``)."""
        return np.sqrt(1.0 - self.alphas_bar)


def noise_schedule(steps: int = DEFAULT_STEPS) -> NoiseSchedule:
    """A linear schedule over ``steps`` steps (Ho et al., 2020, rescaled to fewer steps)."""
    steps = check_int(steps, "steps", MIN_STEPS, MAX_STEPS)
    # The original DDPM goes from 0.0001 to 0.02 over 1000 steps; with fewer steps each one
    # must add proportionally more noise to reach pure noise at the end.
    scale = 1000 / steps
    betas = np.linspace(1e-4 * scale, 0.02 * scale, steps)
    return NoiseSchedule(steps, betas, np.cumprod(1.0 - betas))


def _check_schedule(schedule) -> NoiseSchedule:
    if schedule is None:
        return noise_schedule()
    if not isinstance(schedule, NoiseSchedule):
        raise AtelierError(f"« schedule » doit venir de noise_schedule(...) ou de model.schedule ; vous avez donné {describe(schedule)}.")
    return schedule


def _check_steps_t(t, steps: int, count: int) -> np.ndarray:
    """``t`` as an array of ``count`` integer steps in [0, steps - 1]."""
    arr = np.asarray(t)
    if arr.dtype == bool or not np.issubdtype(arr.dtype, np.integer) or arr.ndim > 1 or (arr.ndim == 1 and arr.size != count):
        raise AtelierError(
            f"L'étape « t » doit être un nombre entier (ou une liste d'entiers, un par image) entre 0 et {steps - 1} ; "
            f"vous avez donné {describe(t) if not isinstance(t, np.ndarray) else f'un tableau de forme {arr.shape}'}."
        )
    if arr.size and (arr.min() < 0 or arr.max() >= steps):
        raise AtelierError(f"L'étape « t » doit être entre 0 (peu de bruit) et {steps - 1} (bruit pur) ; vous avez donné {arr.min() if arr.min() < 0 else arr.max()}.")
    return np.broadcast_to(arr, (count,)).astype(int)


def add_noise(x0, t, rng=0, schedule: NoiseSchedule | None = None):
    """Drown ``x0`` in noise up to step ``t``; returns ``(x_t, noise)``.

    ``x0`` is one image ``(h, w)`` or a batch ``(n, h, w)``; ``t`` is one step for all, or
    one step per image. ``rng`` is a seed or a NumPy ``Generator``. The default schedule
    has 100 steps: t = 0 adds a hint of noise, t = 99 leaves nothing of the image.
    """
    single = isinstance(x0, np.ndarray) and x0.ndim == 2
    images = _images(x0, "les images à bruiter", single_ok=True)
    schedule = _check_schedule(schedule)
    rng = _rng(rng)
    steps = _check_steps_t(t, schedule.steps, len(images))
    noise = rng.standard_normal(images.shape)
    signal = schedule.signal[steps][:, None, None]
    amount = schedule.noise[steps][:, None, None]
    x_t = signal * images + amount * noise
    return (x_t[0], noise[0]) if single else (x_t, noise)


# --------------------------------------------------------------------------- denoisers


class Denoiser:
    """What every denoiser shares: guess a clean image from a noisy one, and sample with it.

    Subclasses define :meth:`guess_clean`. Sampling starts from pure noise and, for
    t = steps-1 down to 0, replaces the noisy image by the mix of the guess and the current
    image that the noise schedule prescribes (the "posterior mean" of DDPM), plus a little
    fresh noise, except at the very last step.
    """

    schedule: NoiseSchedule
    shape: tuple[int, int]

    def guess_clean(self, x_t: np.ndarray, t: int) -> np.ndarray:  # pragma: no cover - abstract
        """The clean images ``(n, h*w)`` guessed from noisy ones ``(n, h*w)`` at step ``t``."""
        raise NotImplementedError

    def predict_noise(self, x_t, t) -> np.ndarray:
        """The noise that the denoiser sees in ``x_t`` (deduced from its guess of the clean image)."""
        images = _images(x_t, "les images bruitées", single_ok=True)
        self._check_shape(images)
        s = self.schedule
        steps = _check_steps_t(t, s.steps, len(images))
        flat = images.reshape(len(images), -1)
        out = np.empty_like(flat)
        for step in np.unique(steps):
            rows = steps == step
            guess = self.guess_clean(flat[rows], int(step))
            out[rows] = (flat[rows] - s.signal[step] * guess) / s.noise[step]
        result = out.reshape(images.shape)
        return result[0] if isinstance(x_t, np.ndarray) and x_t.ndim == 2 else result

    def _check_shape(self, images: np.ndarray) -> None:
        if images.shape[1:] != self.shape:
            raise AtelierError(
                f"Ce modèle travaille sur des images de {self.shape[0]}×{self.shape[1]} pixels ; "
                f"celles-ci mesurent {images.shape[1]}×{images.shape[2]}."
            )

    def _reverse(self, n: int, rng: np.random.Generator, keep: bool):
        """Walk from pure noise back to images; optionally keep every state and every guess."""
        s = self.schedule
        prev = np.r_[1.0, s.alphas_bar[:-1]]  # alphas_bar of the step before
        # the clean image's and the noisy image's weights in the step back (posterior mean)
        w_clean = np.sqrt(prev) * s.betas / (1 - s.alphas_bar)
        w_noisy = np.sqrt(1 - s.betas) * (1 - prev) / (1 - s.alphas_bar)
        spread = np.sqrt(s.betas * (1 - prev) / (1 - s.alphas_bar))  # fresh noise at each step

        x = rng.standard_normal((n, self.shape[0] * self.shape[1]))  # start: pure noise
        states, guesses = [x], []
        with _one_thread():
            for t in reversed(range(s.steps)):
                guess = np.clip(self.guess_clean(x, t), -1, 1)  # what the clean image looks like
                x = w_clean[t] * guess + w_noisy[t] * x  # step back towards that guess...
                if t > 0:
                    x = x + spread[t] * rng.standard_normal(x.shape)  # ...with a little new noise
                if keep:
                    states.append(x)
                    guesses.append(guess)
        return x, states, guesses

    def sample(self, n: int = 16, seed: int = 0) -> np.ndarray:
        """``n`` new images ``(n, h, w)`` generated from noise; the same seed gives the same images."""
        n = check_int(n, "n", 1, MAX_SAMPLES)
        x, _, _ = self._reverse(n, np.random.default_rng(check_seed(seed, "seed")), keep=False)
        return x.reshape(n, *self.shape)

    def trajectory(self, seed: int = 0, guesses: bool = False) -> list[np.ndarray]:
        """The images ``(h, w)`` along the generation of one sample, from pure noise to the end.

        ``steps + 1`` images: element 0 is the starting noise, element k the image after k
        steps back, the last one the generated image (the same as ``sample(1, seed)[0]``).
        With ``guesses=True``, element k is instead the clean image that the denoiser
        guesses from the image after k steps (the last one is still the generated image).
        """
        check_bool(guesses, "guesses")
        _, states, seen = self._reverse(1, np.random.default_rng(check_seed(seed, "seed")), keep=True)
        frames = [*seen, states[-1]] if guesses else states
        return [f.reshape(self.shape) for f in frames]


def _time_features(t: np.ndarray, steps: int) -> np.ndarray:
    """Tell the network the noise level: waves of 4 frequencies of the step number."""
    phase = np.pi * np.asarray(t, dtype=float)[:, None] / steps * np.arange(1, 5)
    return np.hstack([np.sin(phase), np.cos(phase)])


class DiffusionModel(Denoiser):
    """A learned denoiser: a small neural network that guesses the clean image.

    Build one with :func:`train_diffusion`. ``losses`` holds the training error after each
    pass over the images (mean squared error of the guessed clean image, plus the network's
    small weight penalty), ``seconds`` the training time.
    """

    def __init__(self, network, schedule: NoiseSchedule, shape: tuple[int, int], n_images: int, losses: list[float], seconds: float):
        self.network, self.schedule, self.shape = network, schedule, shape
        self.n_images, self.losses, self.seconds = n_images, losses, seconds

    def guess_clean(self, x_t: np.ndarray, t: int) -> np.ndarray:
        features = _features(x_t, np.full(len(x_t), t), self.schedule.steps)
        return self.network.predict(features).astype(np.float64).reshape(len(x_t), -1)

    def __repr__(self) -> str:
        h, w = self.shape
        return (f"DiffusionModel({h}×{w} pixels, {self.schedule.steps} étapes, entraîné sur "
                f"{self.n_images} images en {french_number(round(self.seconds, 1))}{NBSP}s)")


def _features(x_t: np.ndarray, t: np.ndarray, steps: int) -> np.ndarray:
    """The network's input: the noisy pixels followed by the step's features (float32: faster)."""
    return np.hstack([x_t, _time_features(t, steps)]).astype(np.float32)


def train_diffusion(images, steps: int = DEFAULT_STEPS, epochs: int | None = None, hidden: int = 256, seed: int = 0) -> DiffusionModel:
    """Train a denoiser on ``images`` ``(n, h, w)`` in [-1, 1]; a few seconds on a laptop.

    At each pass (epoch) every image gets a random noise level and fresh noise, and the
    network (two hidden layers of ``hidden`` neurons) learns to guess the clean image back.
    ``epochs=None`` chooses enough passes to show the network about 100,000 noisy images.
    ``steps`` is the number of noise steps (10 to 200).
    """
    from sklearn.neural_network import MLPRegressor

    data = _images(images, "les images d'entraînement", unit_range=True)
    if not 2 <= len(data) <= MAX_TRAINING_IMAGES:
        raise AtelierError(f"Il faut entre 2 et {MAX_TRAINING_IMAGES} images d'entraînement ; vous en avez donné {len(data)}.")
    schedule = noise_schedule(steps)
    if epochs is None:
        epochs = min(500, math.ceil(100_000 / len(data)))
    epochs = check_int(epochs, "epochs", 1, 2000)
    hidden = check_int(hidden, "hidden", 8, 1024)
    seed = check_seed(seed, "seed")

    rng = np.random.default_rng(seed)
    network = MLPRegressor(hidden_layer_sizes=(hidden, hidden), batch_size=128, learning_rate_init=1e-3, random_state=seed)
    x0 = data.reshape(len(data), -1)
    losses = []
    start = time.perf_counter()
    with _one_thread():
        for _ in range(epochs):
            t = rng.integers(0, steps, size=len(x0))  # a random noise level for each image
            x_t, _ = add_noise(data, t, rng, schedule)  # the noisy images
            network.partial_fit(_features(x_t.reshape(len(x0), -1), t, steps), x0)  # learn to guess x0
            losses.append(2 * float(network.loss_))  # scikit-learn reports half the squared error
    return DiffusionModel(network, schedule, data.shape[1:], len(data), losses, time.perf_counter() - start)


def _one_thread():
    """Run linear algebra on one thread: steadier timings on small machines, same results everywhere."""
    from threadpoolctl import threadpool_limits

    return threadpool_limits(limits=1, user_api="blas")


class IdealDenoiser(Denoiser):
    """The exact best guess for a finite training set — and why it can only copy.

    Given a noisy image at step t, the best guess of the clean image (in the mean-square
    sense) is an average of the training images, each weighted by how likely it is to have
    produced this noisy image. No learning is needed; but as the noise fades, one training
    image takes all the weight, and every sample ends as an exact copy of a training image.
    """

    def __init__(self, images, steps: int = DEFAULT_STEPS):
        data = _images(images, "les images d'entraînement", unit_range=True)
        if len(data) > MAX_TRAINING_IMAGES:
            raise AtelierError(f"Au plus {MAX_TRAINING_IMAGES} images d'entraînement ; vous en avez donné {len(data)}.")
        self.schedule, self.shape = noise_schedule(steps), data.shape[1:]
        self.training = data.reshape(len(data), -1)

    def guess_clean(self, x_t: np.ndarray, t: int) -> np.ndarray:
        s = self.schedule
        # squared distance between each noisy image and each shrunk training image
        d2 = ((x_t**2).sum(1)[:, None] - 2 * s.signal[t] * x_t @ self.training.T
              + s.alphas_bar[t] * (self.training**2).sum(1)[None, :])
        logits = -d2 / (2 * (1 - s.alphas_bar[t]))  # Gaussian likelihood of each training image
        weights = np.exp(logits - logits.max(axis=1, keepdims=True))
        weights /= weights.sum(axis=1, keepdims=True)
        return weights @ self.training  # weighted average of the training images

    def __repr__(self) -> str:
        h, w = self.shape
        return f"IdealDenoiser({h}×{w} pixels, {self.schedule.steps} étapes, {len(self.training)} images mémorisées)"


def ideal_denoiser(images, steps: int = DEFAULT_STEPS) -> IdealDenoiser:
    """The exact denoiser of the training set ``images`` (see :class:`IdealDenoiser`)."""
    return IdealDenoiser(images, steps)


def denoising_error(model: Denoiser | None, images, seed: int = 0, t: int | None = None) -> float:
    """Mean squared error of the guessed clean image, on noisy versions of ``images``.

    Each image gets a random noise level (or step ``t`` if given) and fresh noise; the
    denoiser guesses the clean image, clipped to [-1, 1]. Lower is better; 0 is perfect.
    ``model=None`` measures doing nothing: the noisy image itself, clipped to [-1, 1], is
    taken as the guess. Use images the model has not been trained on.
    """
    if model is not None and not isinstance(model, Denoiser):
        raise AtelierError(
            f"« model » doit être un modèle de train_diffusion(...) ou de ideal_denoiser(...), ou None "
            f"(aucun débruitage) ; vous avez donné {describe(model)}."
        )
    data = _images(images, "les images de test", unit_range=True)
    schedule = model.schedule if model is not None else noise_schedule()
    if model is not None:
        model._check_shape(data)
    rng = np.random.default_rng(check_seed(seed, "seed"))
    steps = rng.integers(0, schedule.steps, size=len(data)) if t is None else _check_steps_t(t, schedule.steps, len(data))
    x_t, _ = add_noise(data, steps, rng, schedule)
    flat = x_t.reshape(len(data), -1)
    guess = np.clip(flat, -1, 1)
    if model is not None:
        for step in np.unique(steps):
            rows = steps == step
            guess[rows] = np.clip(model.guess_clean(flat[rows], int(step)), -1, 1)
    return float(np.mean((guess - data.reshape(len(data), -1)) ** 2))


# --------------------------------------------------------------------------- copying


def nearest_training(samples, training_images) -> tuple[np.ndarray, np.ndarray]:
    """For each sample, the index of the closest training image and their distance.

    The distance is the root-mean-square difference per pixel: 0 for an exact copy, about
    0.1 for near-identical images, 2 between pure black and pure white. Returns two arrays
    ``(indices, distances)`` of length ``len(samples)``.
    """
    gen = _images(samples, "les images générées", single_ok=True)
    train = _images(training_images, "les images d'entraînement", single_ok=True)
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


# --------------------------------------------------------------------------- figures




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
    data = _images(images, "les images à afficher", single_ok=True)
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
    frames = _images(trajectory, "les images de la trajectoire")
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
    original = _images(image, "les images à bruiter", single_ok=True)
    if len(original) != 1:
        raise AtelierError("noising_figure montre une seule image : donnez images[0] plutôt que tout le tableau.")
    schedule = _check_schedule(schedule)
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
    gen = _images(samples, "les images générées", single_ok=True)
    train = _images(training, "les images d'entraînement", single_ok=True)
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
