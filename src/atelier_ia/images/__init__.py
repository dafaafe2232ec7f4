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

Submodules: :mod:`~atelier_ia.images.data` (training images), :mod:`~atelier_ia.images.diffusion`
(noise, denoisers, sampling), :mod:`~atelier_ia.images.memorisation` (copying),
:mod:`~atelier_ia.images.figures`. Everything public is importable from ``atelier_ia.images``.
"""

from ._checks import COMPOSITION_STYLES, DEFAULT_STEPS, MAX_PIXELS, MAX_SAMPLES, MAX_STEPS, MAX_TRAINING_IMAGES, MIN_STEPS
from .data import abstract_compositions, load_digits_images
from .diffusion import (
    Denoiser,
    DiffusionModel,
    IdealDenoiser,
    NoiseSchedule,
    add_noise,
    denoising_error,
    ideal_denoiser,
    noise_schedule,
    train_diffusion,
)
from .figures import filmstrip_figure, grid_figure, nearest_figure, noising_figure
from .memorisation import nearest_training

__all__ = [
    "COMPOSITION_STYLES",
    "DEFAULT_STEPS",
    "Denoiser",
    "DiffusionModel",
    "IdealDenoiser",
    "MAX_PIXELS",
    "MAX_SAMPLES",
    "MAX_STEPS",
    "MAX_TRAINING_IMAGES",
    "MIN_STEPS",
    "NoiseSchedule",
    "abstract_compositions",
    "add_noise",
    "denoising_error",
    "filmstrip_figure",
    "grid_figure",
    "ideal_denoiser",
    "load_digits_images",
    "nearest_figure",
    "nearest_training",
    "noise_schedule",
    "noising_figure",
    "train_diffusion",
]
