"""The image library: data, noising, a tiny diffusion model, copying, figures, errors."""

from __future__ import annotations

import io

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.figure import Figure
from matplotlib.text import Text

from atelier_ia import AtelierError
from atelier_ia.images import (
    COMPOSITION_STYLES,
    abstract_compositions,
    add_noise,
    denoising_error,
    filmstrip_figure,
    grid_figure,
    ideal_denoiser,
    load_digits_images,
    nearest_figure,
    nearest_training,
    noise_schedule,
    noising_figure,
    train_diffusion,
)


@pytest.fixture(scope="module")
def digits():
    return load_digits_images()


@pytest.fixture(scope="module")
def split(digits):
    """Training images and held-out images the model never sees."""
    return digits[:1000], digits[1500:]


@pytest.fixture(scope="module")
def model(split):
    # a short training (about 40,000 noisy images) keeps the test fast and still learns
    return train_diffusion(split[0], epochs=40, seed=0)


# --------------------------------------------------------------------------- data


def test_digits_are_8x8_images_in_unit_range(digits):
    assert digits.shape == (1797, 8, 8) and digits.dtype == np.float64
    assert digits.min() == -1.0 and digits.max() == 1.0
    assert np.mean(digits[:, :, 0] == -1.0) > 0.9, "le fond des chiffres est noir"


@pytest.mark.parametrize("style", [*COMPOSITION_STYLES, "mixed"])
def test_compositions_are_deterministic_flat_tones_on_a_light_ground(style):
    images = abstract_compositions(60, size=12, style=style, seed=3)
    assert images.shape == (60, 12, 12)
    assert np.isfinite(images).all() and images.min() >= -1 and images.max() <= 1
    assert np.array_equal(images, abstract_compositions(60, size=12, style=style, seed=3))
    assert not np.array_equal(images, abstract_compositions(60, size=12, style=style, seed=4))
    assert np.mean(np.isclose(images, 0.85)) > 0.25, "un fond clair domine"
    assert len({im.tobytes() for im in images}) > 50, "des compositions variées"


def test_compositions_mix_the_three_styles_and_take_other_sizes():
    mixed = abstract_compositions(300, size=8, seed=0)
    assert mixed.shape == (300, 8, 8)
    # each style has its own signature: full-height black lines, rings, floating shapes
    lines = np.any(np.all(mixed < -0.99, axis=1), axis=1) | np.any(np.all(mixed < -0.99, axis=2), axis=1)
    assert 0.15 < lines.mean() < 0.6
    assert not np.array_equal(mixed[:10], abstract_compositions(10, size=8, seed=1))


# --------------------------------------------------------------------------- noise


def test_noise_schedule_goes_from_image_to_pure_noise():
    s = noise_schedule(100)
    assert s.steps == 100 and s.betas.shape == s.alphas_bar.shape == (100,)
    assert np.all(np.diff(s.alphas_bar) < 0)
    assert s.alphas_bar[0] > 0.99 and s.alphas_bar[-1] < 1e-4
    assert np.allclose(s.signal**2 + s.noise**2, 1)
    assert noise_schedule(10).alphas_bar[-1] < 1e-2


def test_add_noise_mixes_image_and_noise(digits):
    s = noise_schedule()
    x0 = digits[:5]
    x_t, noise = add_noise(x0, 30, rng=1, schedule=s)
    assert x_t.shape == noise.shape == (5, 8, 8)
    assert np.allclose(x_t, s.signal[30] * x0 + s.noise[30] * noise)
    same, _ = add_noise(x0, 30, rng=np.random.default_rng(1), schedule=s)
    assert np.array_equal(x_t, same)
    little, _ = add_noise(digits[0], 0, rng=2)
    assert little.shape == (8, 8) and np.abs(little - digits[0]).mean() < 0.1
    lost, _ = add_noise(digits[:300], 99, rng=3)
    assert abs(np.corrcoef(lost.ravel(), digits[:300].ravel())[0, 1]) < 0.05
    per_image, _ = add_noise(x0, [0, 10, 20, 30, 99], rng=4)
    assert per_image.shape == (5, 8, 8)


# --------------------------------------------------------------------------- learning


def test_trained_denoiser_clearly_beats_doing_nothing(model, split):
    _, held = split
    assert model.losses[-1] < 0.6 * model.losses[0]
    trained = denoising_error(model, held, seed=0)
    nothing = denoising_error(None, held, seed=0)
    assert trained < 0.4 * nothing, (trained, nothing)
    # the same comparison in terms of noise, as in DDPM: predicting no noise at all scores 1
    x_t, noise = add_noise(held, 60, rng=5, schedule=model.schedule)
    predicted = model.predict_noise(x_t, 60)
    assert np.mean((predicted - noise) ** 2) < 0.3 * np.mean(noise**2)


def test_samples_are_deterministic_finite_and_in_range(model):
    a = model.sample(12, seed=7)
    assert a.shape == (12, 8, 8)
    assert np.isfinite(a).all() and a.min() >= -1 and a.max() <= 1
    assert np.array_equal(a, model.sample(12, seed=7))
    assert not np.allclose(a, model.sample(12, seed=8))
    assert a.std() > 0.3, "des images contrastées, pas une bouillie grise"


def test_trajectory_runs_from_noise_to_the_sample(model):
    frames = model.trajectory(seed=7)
    assert len(frames) == model.schedule.steps + 1 and frames[0].shape == (8, 8)
    assert np.array_equal(frames[-1], model.sample(1, seed=7)[0])
    assert frames[0].std() > 0.7, "le départ est du bruit pur"
    guesses = model.trajectory(seed=7, guesses=True)
    assert len(guesses) == len(frames) and np.array_equal(guesses[-1], frames[-1])


def test_training_is_reproducible(digits):
    a = train_diffusion(digits[:200], steps=20, epochs=3, hidden=32, seed=1)
    b = train_diffusion(digits[:200], steps=20, epochs=3, hidden=32, seed=1)
    c = train_diffusion(digits[:200], steps=20, epochs=3, hidden=32, seed=2)
    assert np.array_equal(a.sample(4, seed=0), b.sample(4, seed=0))
    assert not np.array_equal(a.sample(4, seed=0), c.sample(4, seed=0))
    assert a.schedule.steps == 20 and len(a.trajectory(0)) == 21


def test_training_works_on_compositions():
    images = abstract_compositions(200, size=12, seed=0)
    small = train_diffusion(images, epochs=20, seed=0)
    assert small.sample(3, seed=0).shape == (3, 12, 12)
    assert denoising_error(small, abstract_compositions(100, seed=9)) < 0.7 * denoising_error(None, abstract_compositions(100, seed=9))


# --------------------------------------------------------------------------- copying


def test_nearest_training_finds_exact_copies(digits):
    training = digits[:500]
    samples = np.stack([training[17], training[400], -training[3]])
    indices, distances = nearest_training(samples, training)
    assert list(indices[:2]) == [17, 400] and distances[0] == 0.0 and distances[1] == 0.0
    assert distances[2] > 0.5
    one_index, one_distance = nearest_training(training[42], training)
    assert one_index[0] == 42 and one_distance[0] == 0.0


def test_ideal_denoiser_copies_while_the_network_invents(model, split):
    training, held = split
    ideal = ideal_denoiser(training[:400])
    copies = ideal.sample(8, seed=0)
    _, d_ideal = nearest_training(copies, training[:400])
    assert d_ideal.max() < 1e-3, "le débruiteur idéal ne fait que recopier"
    _, d_model = nearest_training(model.sample(8, seed=0), training)
    assert d_model.min() > 0.05, "le réseau produit des images qui ne sont pas des copies"
    # perfect on what it memorised, worse than the network on new images at low noise
    assert denoising_error(ideal, training[:400], t=5) < 1e-3
    assert denoising_error(ideal, held, t=5) > denoising_error(model, held, t=5)


# --------------------------------------------------------------------------- figures


def _check_figure(fig):
    assert isinstance(fig, Figure)
    texts = [t for t in fig.findobj(Text) if t.get_text().strip()]
    assert texts and all(t.get_fontsize() >= 10 for t in texts)
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    assert 1000 < buf.tell() < 500_000
    return " ".join(t.get_text() for t in texts)


def test_figures_are_plain_figures_with_french_titles(model, split):
    training, _ = split
    before = plt.get_fignums()
    samples = model.sample(6, seed=0)
    assert "images" in _check_figure(grid_figure(samples, ncols=3))
    assert "Mon titre" in _check_figure(grid_figure(samples, title="Mon titre"))
    text = _check_figure(filmstrip_figure(model.trajectory(seed=0), n_frames=6))
    assert "étape 0" in text and "image finale" in text
    assert "bruit" in _check_figure(noising_figure(training[0], schedule=model.schedule))
    pairs = nearest_training(samples, training)
    text = _check_figure(nearest_figure(samples, training, pairs))
    assert "distance" in text and "plus proche" in text
    assert plt.get_fignums() == before, "aucune figure pyplot ouverte : rien ne s'affiche tout seul"


# --------------------------------------------------------------------------- errors


@pytest.mark.parametrize(
    "call,expected",
    [
        (lambda d, m: train_diffusion(d[:, :, :, None]), "3 dimensions"),
        (lambda d, m: train_diffusion(d[0]), r"image\[None\]"),
        (lambda d, m: train_diffusion(np.full((10, 8, 8), np.nan)), "non finies"),
        (lambda d, m: train_diffusion(d * 8), "entre -1 \\(noir\\) et 1"),
        (lambda d, m: train_diffusion(d[:1]), "entre 2 et"),
        (lambda d, m: train_diffusion("des images"), "tableau NumPy"),
        (lambda d, m: train_diffusion(np.zeros((0, 8, 8))), "vide"),
        (lambda d, m: train_diffusion(d[:10], steps=5), "steps"),
        (lambda d, m: train_diffusion(d[:10], epochs=0), "epochs"),
        (lambda d, m: train_diffusion(d[:10], seed="zéro"), "graine"),
        (lambda d, m: noise_schedule(1000), "steps"),
        (lambda d, m: m.sample(0), "« n »"),
        (lambda d, m: m.sample(2, seed=-1), "graine"),
        (lambda d, m: m.sample(2, seed=1.5), "graine"),
        (lambda d, m: m.trajectory(seed=0, guesses="oui"), "guesses"),
        (lambda d, m: add_noise(d[0], 100), "entre 0"),
        (lambda d, m: add_noise(d[0], 2.5), "nombre entier"),
        (lambda d, m: add_noise(d[:3], [1, 2]), "un par image"),
        (lambda d, m: add_noise(d[0], 3, schedule=50), "schedule"),
        (lambda d, m: abstract_compositions(0), "« n »"),
        (lambda d, m: abstract_compositions(10, size=3), "size"),
        (lambda d, m: abstract_compositions(10, style="cubisme"), "style"),
        (lambda d, m: abstract_compositions(10, seed=None), "graine"),
        (lambda d, m: nearest_training(d[:3], abstract_compositions(5)), "même taille"),
        (lambda d, m: denoising_error("modèle", d[:5]), "model"),
        (lambda d, m: denoising_error(m, abstract_compositions(5)), "8×8"),
        (lambda d, m: grid_figure(np.zeros((300, 8, 8))), "trop"),
        (lambda d, m: grid_figure(d[:4], ncols=0), "ncols"),
        (lambda d, m: filmstrip_figure(m.trajectory(0), n_frames=1), "n_frames"),
        (lambda d, m: nearest_figure(d[:2], d[:10], (1, 2)), "pairs"),
        (lambda d, m: nearest_figure(d[:2], d[:10], (np.array([0, 50]), np.zeros(2))), "n'existent pas"),
        (lambda d, m: noising_figure(d[:3]), "une seule image"),
    ],
)
def test_bad_input_is_explained_in_french(digits, model, call, expected):
    with pytest.raises(AtelierError, match=expected):
        call(digits, model)


def test_nearest_figure_writes_french_decimals():
    from atelier_ia.images import load_digits_images, nearest_figure, nearest_training

    digits = load_digits_images()
    idx, dist = nearest_training(digits[:2] * 0.9, digits[2:50])
    fig = nearest_figure(digits[:2] * 0.9, digits[2:50], (idx, dist))
    titles = " ".join(ax.get_title() for ax in fig.axes)
    assert "distance 0," in titles and "distance 0." not in titles


@pytest.mark.parametrize("steps", [10, 15, 25, 39, 40, 200])
def test_every_allowed_schedule_is_meaningful(steps):
    from atelier_ia.images import MAX_STEPS, MIN_STEPS

    assert MIN_STEPS <= steps <= MAX_STEPS
    s = noise_schedule(steps)
    assert np.all((s.betas > 0) & (s.betas < 1)), "une étape ne peut remplacer plus que toute l'image"
    assert np.all(np.diff(s.alphas_bar) < 0) and s.alphas_bar[-1] < 0.01  # du bruit pur à la fin
    images = np.linspace(-1, 1, 3 * 16).reshape(3, 4, 4)
    assert np.isfinite(np.stack(ideal_denoiser(images, steps=steps).trajectory(seed=0))).all()
