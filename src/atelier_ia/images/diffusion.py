"""Diffusion: the noise schedule, adding noise, denoisers (learned and ideal) and sampling."""

from __future__ import annotations

import math
import time
from dataclasses import dataclass

import numpy as np

from ..errors import AtelierError, describe
from ..fmt import NBSP, french_number
from ..validation import check_bool, check_int, check_real, check_seed
from ._checks import DEFAULT_STEPS, MAX_PIXELS, MAX_SAMPLES, MAX_STEPS, MAX_TRAINING_IMAGES, MIN_STEPS, check_images, check_rng

__all__ = [
    "Denoiser",
    "DiffusionModel",
    "IdealDenoiser",
    "NoiseSchedule",
    "add_noise",
    "denoising_error",
    "ideal_denoiser",
    "noise_schedule",
    "train_diffusion",
]


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

    def __post_init__(self):
        steps = check_int(self.steps, "steps", 1, MAX_STEPS, " (le nombre d'étapes de bruit)")
        arrays = {}
        for name in ("betas", "alphas_bar"):
            value = getattr(self, name)
            try:
                arr = None if isinstance(value, (str, bytes)) else np.array(value, dtype=np.float64)
            except (TypeError, ValueError):
                arr = None
            if arr is None or arr.shape != (steps,) or not np.isfinite(arr).all() or arr.min() < 0 or arr.max() > 1:
                raise AtelierError(
                    f"« {name} » doit contenir {steps} parts entre 0 et 1, une par étape : construisez le calendrier "
                    f"avec noise_schedule(steps) ; vous avez donné {describe(value)}."
                )
            arr.flags.writeable = False
            arrays[name] = arr
        object.__setattr__(self, "steps", steps)
        object.__setattr__(self, "betas", arrays["betas"])
        object.__setattr__(self, "alphas_bar", arrays["alphas_bar"])

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
    # Capped at one half: below 40 steps the rescaled shares would exceed 1 (more than all the
    # image replaced by noise in one step), which has no meaning and gave NaN images.
    scale = 1000 / steps
    betas = np.minimum(np.linspace(1e-4 * scale, 0.02 * scale, steps), 0.5)
    return NoiseSchedule(steps, betas, np.cumprod(1.0 - betas))


def check_schedule(schedule) -> NoiseSchedule:
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
    images = check_images(x0, "les images à bruiter", single_ok=True)
    schedule = check_schedule(schedule)
    rng = check_rng(rng)
    steps = _check_steps_t(t, schedule.steps, len(images))
    noise = rng.standard_normal(images.shape)
    signal = schedule.signal[steps][:, None, None]
    amount = schedule.noise[steps][:, None, None]
    x_t = signal * images + amount * noise
    return (x_t[0], noise[0]) if single else (x_t, noise)


# --------------------------------------------------------------------------- denoisers


class Denoiser:
    """What every denoiser shares: guess a clean image from a noisy one, and sample with it.

    Subclasses define ``_guess`` (the unchecked core of :meth:`guess_clean`). Sampling starts from pure noise and, for
    t = steps-1 down to 0, replaces the noisy image by the mix of the guess and the current
    image that the noise schedule prescribes (the "posterior mean" of DDPM), plus a little
    fresh noise, except at the very last step.
    """

    schedule: NoiseSchedule
    shape: tuple[int, int]

    def guess_clean(self, x_t, t: int) -> np.ndarray:
        """The clean images ``(n, h*w)`` guessed from noisy ones ``(n, h*w)`` (flattened) at step ``t``."""
        if not hasattr(self, "schedule"):
            raise AtelierError(
                "Denoiser est le modèle commun des débruiteurs : utilisez train_diffusion(...) ou ideal_denoiser(...)."
            )
        width = self.shape[0] * self.shape[1]
        try:
            x = np.array(x_t, dtype=np.float64)
        except (TypeError, ValueError):
            x = None
        if x is None or x.ndim != 2 or x.shape[0] < 1 or x.shape[1] != width or not np.isfinite(x).all():
            raise AtelierError(
                f"« x_t » doit être un tableau de nombres finis de forme (nombre d'images, {width}) : des images "
                f"{self.shape[0]}×{self.shape[1]} mises à plat, par exemple images.reshape(len(images), -1) ; "
                f"vous avez donné {describe(x_t) if not isinstance(x_t, np.ndarray) else f'un tableau de forme {x_t.shape}'}."
            )
        t = check_int(t, "t", 0, self.schedule.steps - 1, " (l'étape de bruit)")
        return self._guess(x, t)

    def _guess(self, x_t: np.ndarray, t: int) -> np.ndarray:
        raise AtelierError(
            "Denoiser est le modèle commun des débruiteurs : utilisez train_diffusion(...) ou ideal_denoiser(...)."
        )

    def predict_noise(self, x_t, t) -> np.ndarray:
        """The noise that the denoiser sees in ``x_t`` (deduced from its guess of the clean image)."""
        images = check_images(x_t, "les images bruitées", single_ok=True)
        self._check_shape(images)
        s = self.schedule
        steps = _check_steps_t(t, s.steps, len(images))
        flat = images.reshape(len(images), -1)
        out = np.empty_like(flat)
        for step in np.unique(steps):
            rows = steps == step
            guess = self._guess(flat[rows], int(step))
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
                guess = np.clip(self._guess(x, t), -1, 1)  # what the clean image looks like
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
        if not (hasattr(network, "predict") and hasattr(network, "partial_fit")):
            raise AtelierError(
                "« network » doit être un réseau scikit-learn (MLPRegressor) : un DiffusionModel s'obtient avec "
                f"train_diffusion(images) ; vous avez donné {describe(network)}."
            )
        if not isinstance(schedule, NoiseSchedule):
            raise AtelierError(f"« schedule » doit venir de noise_schedule(...) ; vous avez donné {describe(schedule)}.")
        if (not isinstance(shape, tuple) or len(shape) != 2
                or not all(isinstance(v, int) and not isinstance(v, bool) and v >= 2 for v in shape)
                or shape[0] * shape[1] > MAX_PIXELS):
            raise AtelierError(f"« shape » doit être un couple (hauteur, largeur) d'au plus {MAX_PIXELS} pixels ; vous avez donné {describe(shape)}.")
        self.network, self.schedule, self.shape = network, schedule, shape
        self.n_images = check_int(n_images, "n_images", 1, MAX_TRAINING_IMAGES)
        self.losses = [check_real(x, "losses", 0) for x in losses] if isinstance(losses, (list, tuple)) else None
        if self.losses is None:
            raise AtelierError(f"« losses » doit être une liste d'erreurs (nombres) ; vous avez donné {describe(losses)}.")
        self.seconds = check_real(seconds, "seconds", 0)

    def _guess(self, x_t: np.ndarray, t: int) -> np.ndarray:
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

    data = check_images(images, "les images d'entraînement", unit_range=True)
    if not 2 <= len(data) <= MAX_TRAINING_IMAGES:
        raise AtelierError(f"Il faut entre 2 et {MAX_TRAINING_IMAGES} images d'entraînement ; vous en avez donné {len(data)}.")
    schedule = noise_schedule(steps)
    if epochs is None:
        epochs = min(500, math.ceil(100_000 / len(data)))
    epochs = check_int(epochs, "epochs", 1, 2000)
    hidden = check_int(hidden, "hidden", 8, 1024)
    seed = check_seed(seed, "seed")

    rng = np.random.default_rng(seed)
    network = MLPRegressor(hidden_layer_sizes=(hidden, hidden), batch_size=min(128, len(data)), learning_rate_init=1e-3, random_state=seed)
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
        data = check_images(images, "les images d'entraînement", unit_range=True)
        if len(data) > MAX_TRAINING_IMAGES:
            raise AtelierError(f"Au plus {MAX_TRAINING_IMAGES} images d'entraînement ; vous en avez donné {len(data)}.")
        self.schedule, self.shape = noise_schedule(steps), data.shape[1:]
        self.training = data.reshape(len(data), -1)

    def _guess(self, x_t: np.ndarray, t: int) -> np.ndarray:
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
    data = check_images(images, "les images de test", unit_range=True)
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
            guess[rows] = np.clip(model._guess(flat[rows], int(step)), -1, 1)
    return float(np.mean((guess - data.reshape(len(data), -1)) ** 2))
