"""Notes and melodies: French names of pitches and durations, checks, a text description."""

from __future__ import annotations

import math
import numbers
from dataclasses import dataclass

from ..errors import AtelierError, describe
from ..fmt import french_number
from ..validation import check_bool, check_int, check_real, check_text

__all__ = [
    "MAX_NOTE_QUARTERS",
    "MAX_SYNTH_SECONDS",
    "Note",
    "describe_melody",
    "duration_name",
    "note_name",
]


#: A note: (MIDI pitch or None for a rest, duration in quarter notes).
Note = tuple  # (int | None, float)

MAX_NOTE_QUARTERS = 64
MAX_SYNTH_SECONDS = 300.0

_NAMES = ("do", "do dièse", "ré", "mi bémol", "mi", "fa", "fa dièse", "sol", "sol dièse", "la", "si bémol", "si")
_DURATIONS = {
    4.0: "ronde", 3.0: "blanche pointée", 2.0: "blanche", 1.5: "noire pointée", 1.0: "noire",
    0.75: "croche pointée", 0.5: "croche", 0.25: "double croche",
}


def note_name(pitch: int) -> str:
    """French name of a MIDI pitch, with the French octave number (60 → « do3 », 69 → « la3 »)."""
    pitch = check_int(pitch, "pitch", 0, 127, " (une hauteur MIDI : 60 = do du milieu du piano)")
    return f"{_NAMES[pitch % 12]}{pitch // 12 - 2}"


def duration_name(quarters: float) -> str:
    """French name of a duration in quarter notes (1 → « noire », 0.5 → « croche »)."""
    quarters = check_real(quarters, "quarters", 0, MAX_NOTE_QUARTERS, " (une durée en noires : 1 = noire, 0.5 = croche)")
    name = _DURATIONS.get(round(quarters, 4))
    return name or f"{number_text(quarters)} temps"


def number_text(x: float, digits: int = 2) -> str:
    """``x`` rounded to ``digits`` decimals, written the French way (no useless zeros)."""
    return french_number(round(float(x), digits) if digits else round(float(x)))


# --------------------------------------------------------------------------- validation


def check_melody(melody, what: str = "la mélodie", allow_empty: bool = False) -> list[Note]:
    """Return ``melody`` as a list of (int | None, float) pairs, or explain in French what is wrong."""
    example = "par exemple [(60, 1.0), (62, 0.5), (None, 0.5)] pour do (une noire), ré (une croche), un demi-soupir"
    if isinstance(melody, MelodyCorpus):
        raise AtelierError(
            f"{what.capitalize()} doit être une seule mélodie, pas tout un corpus : prenez-en une, par exemple corpus.melodies[0]."
        )
    if not isinstance(melody, (list, tuple)):
        raise AtelierError(
            f"{what.capitalize()} doit être une liste de notes (hauteur MIDI, durée en noires), {example} ; "
            f"vous avez donné {describe(melody)}."
        )
    if not melody and not allow_empty:
        raise AtelierError(f"{what.capitalize()} est vide : donnez au moins une note, {example}.")
    out = []
    for i, note in enumerate(melody, 1):
        where = f"{what.capitalize()}, note n° {i}"
        if not isinstance(note, (list, tuple)) or len(note) != 2:
            raise AtelierError(
                f"{where} : {describe(note)} n'est pas un couple (hauteur, durée). "
                "Écrivez par exemple (60, 1.0) pour un do d'une noire, ou (None, 0.5) pour un silence d'une croche."
            )
        pitch, dur = note
        if pitch is not None and (isinstance(pitch, bool) or not isinstance(pitch, numbers.Integral) or not 0 <= pitch <= 127):
            raise AtelierError(
                f"{where} : la hauteur doit être un nombre entier MIDI entre 0 et 127 "
                f"(60 = do du milieu du piano) ou None pour un silence ; vous avez donné {describe(pitch)}."
            )
        if isinstance(dur, bool) or not isinstance(dur, numbers.Real) or not math.isfinite(dur) or not 0 < dur <= MAX_NOTE_QUARTERS:
            raise AtelierError(
                f"{where} : la durée doit être un nombre de noires positif, au plus {MAX_NOTE_QUARTERS} "
                f"(1 = noire, 0.5 = croche, 2 = blanche) ; vous avez donné {describe(dur)}."
            )
        out.append((None if pitch is None else int(pitch), float(dur)))
    return out


def check_sounding(melody: list[Note], what: str = "la mélodie") -> list[int]:
    pitches = [p for p, _ in melody if p is not None]
    if not pitches:
        raise AtelierError(f"{what.capitalize()} ne contient que des silences : ajoutez au moins une note.")
    return pitches


def check_melodies(melodies) -> list[list[Note]]:
    if isinstance(melodies, MelodyCorpus):
        melodies = melodies.melodies
    first = melodies[0] if isinstance(melodies, (list, tuple)) and melodies else None
    if isinstance(first, tuple) and len(first) == 2 and not isinstance(first[0], (list, tuple)):
        melodies = [melodies]  # a single melody given on its own
    if not isinstance(melodies, (list, tuple)) or not melodies:
        raise AtelierError(
            "Donnez une liste de mélodies pour l'entraînement, par exemple load_corpus(\"trad\").melodies "
            f"(ou le corpus lui-même) ; vous avez donné {describe(melodies)}."
        )
    return [check_melody(m, f"la mélodie n° {k}") for k, m in enumerate(melodies, 1)]


def check_tempo(tempo) -> float:
    return check_real(tempo, "tempo", 20, 400, " (nombre de noires par minute, 100 par exemple)")


def describe_melody(melody, tempo: float = 100) -> str:
    """A short French description of a melody, to accompany any figure or sound of it."""
    melody = check_melody(melody)
    tempo = check_tempo(tempo)
    pitches = check_sounding(melody)
    n_rests = sum(p is None for p, _ in melody)
    quarters = sum(d for _, d in melody)
    seconds = quarters * 60 / tempo
    lo, hi = min(pitches), max(pitches)
    notes = f"{len(pitches)} note{'s' if len(pitches) > 1 else ''}"
    if n_rests:
        notes += f" et {n_rests} silence{'s' if n_rests > 1 else ''}"
    return (
        f"Mélodie de {notes}, longue de {number_text(quarters)} temps (noires), soit {number_text(seconds, 1)} secondes "
        f"à {number_text(tempo)} noires par minute ; de {note_name(lo)} (MIDI {lo}) à {note_name(hi)} (MIDI {hi}), "
        f"soit une étendue de {hi - lo} demi-tons ; elle commence sur {note_name(pitches[0])} et finit sur {note_name(pitches[-1])}."
    )


# --------------------------------------------------------------------------- corpus


@dataclass(frozen=True, eq=False)
class MelodyCorpus:
    """Melodies to learn from, with where they come from."""

    name: str
    label: str
    melodies: list
    titles: list
    source: str
    licence: str
    transposed: bool = True

    def __post_init__(self):
        for name in ("name", "label", "source", "licence"):
            check_text(getattr(self, name), f"« {name} »")
        check_bool(self.transposed, "transposed")
        melodies = check_melodies(self.melodies)  # a French error names the faulty melody and note
        if not isinstance(self.titles, (list, tuple)) or len(self.titles) != len(melodies) \
                or not all(isinstance(t, str) for t in self.titles):
            raise AtelierError(f"« titles » doit donner un titre (texte) par mélodie, soit {len(melodies)} titres.")
        object.__setattr__(self, "melodies", melodies)
        object.__setattr__(self, "titles", list(self.titles))

    def __len__(self) -> int:
        return len(self.melodies)

    @property
    def n_notes(self) -> int:
        """Number of notes and rests in all the melodies."""
        return sum(len(m) for m in self.melodies)

    @property
    def pitch_range(self) -> tuple[int, int]:
        """Lowest and highest MIDI pitch of the corpus."""
        pitches = [p for m in self.melodies for p, _ in m if p is not None]
        return min(pitches), max(pitches)

    @property
    def provenance(self) -> str:
        """Where the melodies come from, their licence and what the course did to them (French)."""
        lo, hi = self.pitch_range
        text = (
            f"{self.label} : {len(self)} mélodies, {self.n_notes} notes, de {note_name(lo)} à {note_name(hi)}. "
            f"Source : {self.source} Droits : {self.licence}"
        )
        if self.transposed:
            text += (
                " Transformation : chaque mélodie est transposée pour s'écrire sans dièse ni bémol à la clé "
                "(les airs majeurs en do, les mineurs en la), afin que le modèle compare des hauteurs comparables."
            )
        return text

    def __repr__(self) -> str:
        return f"MelodyCorpus({self.name!r}, {len(self)} mélodies, {self.n_notes} notes)"
