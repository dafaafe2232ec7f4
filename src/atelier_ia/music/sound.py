"""A tiny synthesizer: a melody as samples, as a WAV file, as an audio clip for the page."""

from __future__ import annotations

import base64
import html
import io
import wave

import numpy as np

from ..errors import AtelierError
from ..validation import check_int, check_real
from .notes import MAX_SYNTH_SECONDS, check_melody, check_sounding, check_tempo, describe_melody, number_text

__all__ = [
    "HARMONICS",
    "audio",
    "synthesize",
    "wav_bytes",
]


HARMONICS = (1.0, 0.4, 0.2, 0.1)  # relative amplitudes of the 1st to 4th harmonics: a soft reed-like tone


def _tone(pitch: int, n: int, sample_rate: int) -> np.ndarray:
    """One note: a sum of harmonics shaped by an envelope that starts and ends at zero (no click)."""
    t = np.arange(n) / sample_rate
    freq = 440.0 * 2 ** ((pitch - 69) / 12)
    wave_ = sum(a * np.sin(2 * np.pi * k * freq * t) for k, a in enumerate(HARMONICS, 1) if k * freq < sample_rate / 2)
    envelope = np.exp(-1.5 * t)  # a gentle decay, like a plucked string
    attack, release = min(int(0.01 * sample_rate), n // 4), min(int(0.05 * sample_rate), n // 3)
    envelope[:attack] *= np.linspace(0.0, 1.0, attack, endpoint=False)
    envelope[n - release :] *= np.linspace(1.0, 0.0, release)
    return 0.8 / sum(HARMONICS) * wave_ * envelope


def synthesize(melody, tempo: float = 100, sample_rate: int = 22050) -> np.ndarray:
    """The sound of ``melody``: a NumPy array of samples between -1 and 1.

    A note of d quarter notes lasts d × 60 / tempo seconds; the array has exactly
    round(total quarters × 60 / tempo × sample_rate) samples.
    """
    melody = check_melody(melody)
    tempo = check_tempo(tempo)
    sample_rate = check_int(sample_rate, "sample_rate", 8000, 48000)
    per_quarter = sample_rate * 60.0 / tempo
    bounds = np.round(np.concatenate([[0.0], np.cumsum([d for _, d in melody])]) * per_quarter).astype(int)
    if bounds[-1] > MAX_SYNTH_SECONDS * sample_rate:
        raise AtelierError(
            f"La mélodie durerait {number_text(bounds[-1] / sample_rate, 0)} secondes à ce tempo : le synthétiseur s'arrête à "
            f"{number_text(MAX_SYNTH_SECONDS, 0)} s. Raccourcissez-la (melodie[:50]) ou accélérez le tempo."
        )
    out = np.zeros(int(bounds[-1]))
    for (pitch, _), a, b in zip(melody, bounds[:-1], bounds[1:]):
        if pitch is not None and b > a:
            out[a:b] = _tone(pitch, b - a, sample_rate)
    return out


def wav_bytes(samples, sample_rate: int) -> bytes:
    """A mono WAV file (8-bit PCM: half the size of 16-bit, enough for this simple timbre)."""
    try:
        samples = None if isinstance(samples, (str, bytes)) else np.array(samples, dtype=float)
    except (TypeError, ValueError):
        samples = None
    if samples is None or samples.ndim != 1 or not np.isfinite(samples).all():
        raise AtelierError(
            "« samples » (le son) doit être une liste de nombres entre -1 et 1, un seul canal, sans valeur "
            "manquante, par exemple synthesize(melodie)."
        )
    sample_rate = check_int(sample_rate, "sample_rate", 8000, 48000)
    rng = np.random.default_rng(0)  # triangular dither, always the same: the same melody gives the same file
    dither = (rng.random(samples.size) - rng.random(samples.size)) / 127
    codes = np.clip(np.round((np.clip(samples, -1, 1) + dither) * 127) + 128, 0, 255).astype(np.uint8)
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(1)
        w.setframerate(sample_rate)
        w.writeframes(codes.tobytes())
    return buffer.getvalue()


def _audio_class():
    from IPython.display import Audio

    class MelodyAudio(Audio):
        """An embedded WAV with its French text description; no script, no external address."""

        def __init__(self, data: bytes, description: str):
            super().__init__(data=data, embed=True)
            self.mimetype = "audio/wav"
            self.description = description

        def _repr_html_(self):
            text = html.escape(self.description)
            src = "data:audio/wav;base64," + base64.b64encode(self.data).decode("ascii")
            return (
                f'<figure class="atelier-audio" style="margin:0.5em 0">'
                f'<audio controls preload="metadata" aria-label="{text}" src="{src}">'
                "Votre navigateur ne sait pas lire cet extrait sonore.</audio>"
                f'<figcaption style="font-size:0.9em">{text}</figcaption></figure>'
            )

        def __repr__(self):
            return f"<Extrait sonore : {self.description}>"

    return MelodyAudio


def audio(melody, tempo: float = 100, sample_rate: int = 16000, max_seconds: float = 15.0):
    """A short audio clip of ``melody`` for the notebook and the static book.

    Returns an ``IPython.display.Audio`` whose HTML holds the WAV itself (base64 ``data:``
    address: it plays offline, with no script) and a text description of the melody. A melody
    longer than ``max_seconds`` is cut after the last note that fits, and the description says so.
    """
    melody = check_melody(melody)
    tempo = check_tempo(tempo)
    sample_rate = check_int(sample_rate, "sample_rate", 8000, 24000)
    max_seconds = check_real(max_seconds, "max_seconds", 1, 20, " secondes (les extraits restent courts pour alléger le livre)")
    check_sounding(melody)
    kept, elapsed = [], 0.0
    for pitch, dur in melody:  # keep the notes that fit in max_seconds
        seconds = dur * 60 / tempo
        if elapsed + seconds > max_seconds + 1e-9:
            break
        kept.append((pitch, dur))
        elapsed += seconds
    if not any(p is not None for p, _ in kept):
        raise AtelierError(
            f"Les {number_text(max_seconds, 0)} premières secondes de la mélodie ne contiennent aucune note entière "
            "à ce tempo : accélérez le tempo ou retirez les longs silences du début."
        )
    description = describe_melody(kept, tempo)
    if len(kept) < len(melody):
        description += (
            f" Extrait : les {len(kept)} premiers éléments (notes et silences) sur {len(melody)}, "
            f"pour rester sous {number_text(max_seconds, 0)} secondes."
        )
    return _audio_class()(wav_bytes(synthesize(kept, tempo, sample_rate), sample_rate), description)
