"""Music: melodies, a Markov-chain melody generator, a piano roll and a tiny synthesizer.

A melody is a plain Python list of notes; a note is a pair ``(pitch, duration)``:

* ``pitch`` is a MIDI number (60 = middle C, 69 = the A at 440 Hz), or ``None`` for a rest;
* ``duration`` is counted in quarter notes (1.0 = a quarter note, 0.5 = an eighth note).

Three small corpora are offered by :func:`load_corpus`, all read on this machine with no
network: soprano lines of Bach chorales and top voices of Josquin's chansons (both from the
corpus bundled with music21), and French traditional tunes encoded for the course
(``data/musique/airs-traditionnels.abc``). :class:`MarkovMelody` learns which note follows
which, the way :class:`atelier_ia.text.NGramModel` learns which letter follows which.
:func:`audio` turns a melody into a short WAV embedded in the page (no CDN, no plug-in) and
always shows a text description of what is heard (:func:`describe_melody`).

Every random choice takes a seed: the book, the tests and the learner hear the same tune.
"""

from __future__ import annotations

import base64
import functools
import html
import io
import math
import numbers
import re
import wave
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from .errors import AtelierError, describe
from .figures import FONT, PALETTE, new_figure, style_axes
from .fmt import french_number
from .paths import data_file
from .markov import BackoffCounts, check_temperature, sample_index
from .memorisation import longest_shared_run
from .validation import check_bool, check_int, check_real, check_seed, check_text

#: A note: (MIDI pitch or None for a rest, duration in quarter notes).
Note = tuple  # (int | None, float)

MAX_NOTE_QUARTERS = 64
MAX_SYNTH_SECONDS = 300.0
TRAD_FILE = "musique/airs-traditionnels.abc"

# --------------------------------------------------------------------------- names

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
    return name or f"{_number(quarters)} temps"


def _number(x: float, digits: int = 2) -> str:
    """``x`` rounded to ``digits`` decimals, written the French way (no useless zeros)."""
    return french_number(round(float(x), digits) if digits else round(float(x)))


# --------------------------------------------------------------------------- validation


def _check_melody(melody, what: str = "la mélodie", allow_empty: bool = False) -> list[Note]:
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


def _check_sounding(melody: list[Note], what: str = "la mélodie") -> list[int]:
    pitches = [p for p, _ in melody if p is not None]
    if not pitches:
        raise AtelierError(f"{what.capitalize()} ne contient que des silences : ajoutez au moins une note.")
    return pitches


def _check_melodies(melodies) -> list[list[Note]]:
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
    return [_check_melody(m, f"la mélodie n° {k}") for k, m in enumerate(melodies, 1)]


def _check_tempo(tempo) -> float:
    return check_real(tempo, "tempo", 20, 400, " (nombre de noires par minute, 100 par exemple)")


# --------------------------------------------------------------------------- corpora


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


@dataclass(frozen=True)
class _Piece:
    title: str
    notes: tuple  # of (pitch | None, quarters)
    sharps: int  # key signature: > 0 sharps, < 0 flats


BACH_FIRST, BACH_LAST = 253, 438  # the stand-alone four-part chorales, BWV 253–438
BACH_DEFAULT, BACH_MAX = 20, 100

# (file in music21's corpus, title, factor on durations): the pieces encoded with a half
# note as unit keep their original long values; they are halved, as modern editions do.
JOSQUIN = (
    ("adieuMesAmours", "Adieu mes amours", 0.5),
    ("fortunaDunGranTempo", "Fortuna d'un gran tempo", 0.5),
    ("laDeplorationDeLaMorteDeJohannesOckeghem", "La Déploration sur la mort de Johannes Ockeghem", 0.5),
    ("laPlusDesPlus", "La plus des plus", 0.5),
    ("milleRegrets", "Mille regretz", 0.5),
    ("oVenusBant", "O Venus bant", 0.5),
    ("petiteCamusette", "Petite camusette", 1.0),
    ("4vPerIlludAveProlatum", "Ave Maria… virgo serena (« Per illud ave prolatum »)", 1.0),
)

_INFO = {
    "bach": dict(
        label="Chorals de Jean-Sébastien Bach (voix de soprano)",
        source=(
            "chorals à quatre voix BWV 253 à 438 de J.-S. Bach (1685-1750), voix de soprano, lus dans le "
            "corpus livré avec le paquet music21 (encodage MusicXML de Margaret Greentree)."
        ),
        licence=(
            "musique du domaine public ; encodage distribué par music21 avec l'accord de son autrice. "
            "Le cours lit les fichiers dans le paquet installé et n'en recopie aucun."
        ),
    ),
    "renaissance": dict(
        label="Chansons et motet de Josquin des Prez (voix supérieure)",
        source=(
            "huit pièces de Josquin des Prez (vers 1450-1521) ou qui lui sont attribuées, voix supérieure, "
            "lues dans le corpus livré avec music21 (encodage ABC de Laura E. Conrad, 1999) ; valeurs "
            "rythmiques divisées par deux pour les pièces notées en blanches, comme dans les éditions modernes."
        ),
        licence=(
            "musique du domaine public ; encodage sous licence GNU GPL 2 ou ultérieure. "
            "Le cours lit les fichiers dans le paquet installé et n'en recopie aucun."
        ),
    ),
    "trad": dict(
        label="Airs traditionnels français",
        source=(
            "dix airs traditionnels (Au clair de la lune, Sur le pont d'Avignon, J'ai du bon tabac…) encodés "
            "pour le cours en notation ABC d'après J.-B. Weckerlin, Chansons et rondes enfantines (1870), "
            "fichier data/musique/airs-traditionnels.abc."
        ),
        licence="mélodies du domaine public ; encodage du cours sous licence CC BY 4.0.",
    ),
}
CORPORA = tuple(_INFO)


def _music21():
    try:
        import music21  # noqa: F401 — imported here: ~0.5 s, only when a corpus is loaded
    except ImportError:  # pragma: no cover - depends on the installation
        raise AtelierError(
            "Le paquet music21 n'est pas installé, or il fournit les partitions des corpus. "
            "Installez les dépendances du cours (pip install -e . depuis le dépôt), puis relancez le noyau."
        ) from None
    return music21


def _piece(part_or_score, title: str, factor: float = 1.0) -> _Piece:
    """The top line of a music21 stream: ties merged, chords reduced to their top note."""
    flat = part_or_score.stripTies().flatten()
    notes = []
    for el in flat.notesAndRests:
        quarters = round(float(el.quarterLength) * factor, 4)
        if quarters <= 0:  # grace notes have no duration of their own
            continue
        if el.isRest:
            pitch = None
        elif el.isChord:
            pitch = max(p.midi for p in el.pitches)
        else:
            pitch = el.pitch.midi
        if pitch is None and notes and notes[-1][0] is None:  # merge consecutive rests
            notes[-1] = (None, round(notes[-1][1] + quarters, 4))
        else:
            notes.append((pitch, quarters))
    while notes and notes[0][0] is None:
        notes.pop(0)
    while notes and notes[-1][0] is None:
        notes.pop()
    keys = flat.getElementsByClass("KeySignature")
    return _Piece(title, tuple(notes), int(keys[0].sharps) if len(keys) else 0)


def _bach_files() -> list[tuple[int, Path]]:
    from music21 import common

    base = Path(common.getCorpusFilePath()) / "bach"
    found = []
    for path in base.glob("bwv*.mxl"):
        m = re.fullmatch(r"bwv(\d+)\.mxl", path.name)
        if m and BACH_FIRST <= int(m.group(1)) <= BACH_LAST:
            found.append((int(m.group(1)), path))
    return sorted(found)


@functools.lru_cache(maxsize=None)
def _bach_piece(bwv: int, path: str) -> _Piece:
    from music21 import converter, corpus

    score = converter.parse(path, forceSource=True)  # forceSource: no pickle written to disk
    part = next((p for p in score.parts if (p.partName or "").lower().startswith("sopr")), score.parts[0])
    title = corpus.chorales.ChoraleList().byBWV.get(bwv, {}).get("title") or ""
    return _piece(part, f"BWV {bwv}" + (f" — {title}" if title else ""))


@functools.lru_cache(maxsize=None)
def _josquin_piece(stem: str, title: str, factor: float) -> _Piece:
    from music21 import corpus

    score = corpus.parse(f"josquin/{stem}", number=1, forceSource=True)  # tune 1 = top voice
    return _piece(score.parts[0] if score.parts else score, title, factor)


@functools.lru_cache(maxsize=4)
def _trad_pieces(path: str, mtime: float) -> tuple[_Piece, ...]:
    from music21 import converter

    opus = converter.parse(path, format="abc", forceSource=True)
    scores = list(opus.scores) if hasattr(opus, "scores") else [opus]
    return tuple(_piece(s.parts[0] if s.parts else s, s.metadata.title if s.metadata else "") for s in scores)


def _shift_to_no_accidentals(sharps: int, pitches: list[int]) -> int:
    """Semitones that bring a key signature to none (G major → C major), in the octave that
    keeps the melody around the middle of the treble staff (MIDI 67)."""
    up = (-7 * sharps) % 12
    median = float(np.median(pitches)) if pitches else 67.0
    return min((up, up - 12), key=lambda s: (abs(median + s - 67), s))


def load_corpus(name: str, size: int | None = None, transpose: bool = True) -> MelodyCorpus:
    """Load one of the course's melody corpora: ``"bach"``, ``"renaissance"`` or ``"trad"``.

    ``size`` is the number of pieces (Bach: 20 by default, at most 100, about 0.1 s each the
    first time; Renaissance: 8; trad: 10). Parsed pieces stay in memory, so a second call is
    instant. With ``transpose`` (default), every melody is transposed to a key signature with no
    sharp or flat, so that pitches from different keys can be compared.
    """
    if not isinstance(name, str) or name.strip().lower() not in _INFO:
        choices = ", ".join(f"« {c} »" for c in CORPORA)
        raise AtelierError(f"Corpus inconnu : {describe(name)}. Choisissez parmi {choices}.")
    name = name.strip().lower()
    check_bool(transpose, "transpose", " (True : transposer sans altération à la clé)")
    _music21()
    if name == "bach":
        files = _bach_files()
        limit = min(BACH_MAX, len(files))
        size = BACH_DEFAULT if size is None else check_int(size, "size", 1, limit)
        pieces = [_bach_piece(bwv, str(path)) for bwv, path in files[:size]]
    elif name == "renaissance":
        size = len(JOSQUIN) if size is None else check_int(size, "size", 1, len(JOSQUIN))
        pieces = [_josquin_piece(*spec) for spec in JOSQUIN[:size]]
    else:
        path = data_file(TRAD_FILE)
        all_pieces = _trad_pieces(str(path), path.stat().st_mtime)
        size = len(all_pieces) if size is None else check_int(size, "size", 1, len(all_pieces))
        pieces = list(all_pieces[:size])
    melodies = []
    for piece in pieces:
        notes = list(piece.notes)
        if transpose:
            shift = _shift_to_no_accidentals(piece.sharps, [p for p, _ in notes if p is not None])
            notes = [(None if p is None else p + shift, d) for p, d in notes]
        melodies.append(notes)
    return MelodyCorpus(name, _INFO[name]["label"], melodies, [p.title for p in pieces],
                        _INFO[name]["source"], _INFO[name]["licence"], transpose)


# --------------------------------------------------------------------------- Markov model

START = "début"
MODES = ("pitch", "interval")


def _state_key(state) -> tuple:
    value, dur = state
    return (value is None, 0 if value is None else value, dur)


def _state_label(state, mode: str) -> str:
    value, dur = state
    if value is None:
        what = "silence"
    elif mode == "pitch":
        what = note_name(value)
    else:
        what = "même note" if value == 0 else f"{value:+d} demi-ton{'s' if abs(value) > 1 else ''}"
    return f"{what} · {duration_name(dur)}"


class MarkovMelody:
    """A Markov chain over notes: which note tends to follow the last ``order`` notes.

    A state is a pair (something about the pitch, duration). With ``mode="pitch"`` the model
    remembers the pitch itself (« sol, noire »); with ``mode="interval"`` it remembers the
    step from the previous note (« +2 demi-tons, croche »), so a tune and its transposition look
    the same to it. Generation starts like the corpus melodies start, looks for the longest
    context it has seen (back-off) and only keeps the next notes that stay within the range of
    the training melodies.
    """

    def __init__(self, order: int = 2, mode: str = "pitch"):
        self.order = check_int(order, "order", 1, 3)
        if mode not in MODES:
            raise AtelierError(
                f"« mode » vaut \"pitch\" (le modèle retient les hauteurs) ou \"interval\" (il retient les "
                f"intervalles entre notes) ; vous avez donné {describe(mode)}."
            )
        self.mode = mode
        self._counts: BackoffCounts | None = None
        self.pitch_range: tuple[int, int] | None = None
        self.first_pitches: Counter = Counter()

    def states(self, melody) -> list[tuple]:
        """The states the model sees for ``melody``; in interval mode the first note gets interval 0."""
        melody = _check_melody(melody, allow_empty=True)
        if self.mode == "pitch":
            return melody
        out, previous = [], None
        for pitch, dur in melody:
            if pitch is None:
                out.append((None, dur))
            else:
                out.append((0 if previous is None else pitch - previous, dur))
                previous = pitch
        return out

    def fit(self, melodies) -> "MarkovMelody":
        """Count, for every context of 0 to ``order`` states, which state comes next."""
        melodies = _check_melodies(melodies)
        pitches = [p for m in melodies for p, _ in m if p is not None]
        if not pitches:
            raise AtelierError("Les mélodies d'entraînement ne contiennent que des silences : donnez des notes.")
        if sum(len(m) for m in melodies) <= self.order:
            raise AtelierError(
                f"Trop peu de notes pour un modèle d'ordre {self.order} : donnez des mélodies plus longues ou baissez l'ordre."
            )
        # START, repeated before each melody, marks how melodies begin
        self._counts = BackoffCounts([self.states(m) for m in melodies], self.order, pad=START)
        self.pitch_range = (min(pitches), max(pitches))
        self.first_pitches = Counter(next((p for p, _ in m if p is not None), None) for m in melodies)
        del self.first_pitches[None]  # a melody of rests only has no first pitch
        return self

    def _require_fit(self):
        if self._counts is None:
            raise AtelierError("Le modèle n'est pas encore entraîné : appelez d'abord .fit(melodies).")

    def _fits(self, state, pitch) -> bool:
        """Whether ``state`` keeps the melody within the training range."""
        value = state[0]
        if value is None:
            return True
        lo, hi = self.pitch_range
        new = value if self.mode == "pitch" else pitch + value
        return lo <= new <= hi

    def _candidates(self, history, pitch) -> tuple[list, np.ndarray]:
        """Next states and their probabilities, from the longest context seen in training."""
        found = self._counts.candidates(history, accept=lambda s: self._fits(s, pitch),
                                        order_by=lambda item: _state_key(item[0]))
        if found is not None:
            return found
        raise AtelierError("Aucune note possible dans la tessiture du corpus : vérifiez les mélodies d'entraînement.")  # pragma: no cover

    def _prompt(self, start) -> list[Note]:
        if start is None:
            return []
        if isinstance(start, numbers.Integral) and not isinstance(start, bool):
            start = [(int(start), 1.0)]  # a pitch alone: a quarter note
        prompt = _check_melody(start, "le début imposé (start)", allow_empty=True)
        lo, hi = self.pitch_range
        for pitch, _ in prompt:
            if pitch is not None and not lo <= pitch <= hi:
                raise AtelierError(
                    f"Le début imposé contient {note_name(pitch)} (MIDI {pitch}), hors de la tessiture du corpus "
                    f"d'entraînement : choisissez des hauteurs entre {lo} ({note_name(lo)}) et {hi} ({note_name(hi)})."
                )
        return prompt

    def generate(self, n_notes: int = 32, seed: int = 0, start=None, temperature: float = 1.0) -> list[Note]:
        """Generate ``n_notes`` notes; the same seed gives the same melody.

        ``start`` is an optional beginning: a MIDI pitch (a quarter note) or a melody; the result
        then begins with it and continues with ``n_notes`` new notes.
        """
        self._require_fit()
        n_notes = check_int(n_notes, "n_notes", 1, 2000)
        seed = check_seed(seed, "seed")
        check_temperature(temperature)
        rng = np.random.default_rng(seed)
        melody = self._prompt(start)
        history = [START] * self.order + self.states(melody)
        pitch = next((p for p, _ in reversed(melody) if p is not None), None)
        if pitch is None and self.mode == "interval":  # intervals need a first pitch: one the corpus starts on
            firsts = sorted(self.first_pitches)
            weights = np.array([self.first_pitches[p] for p in firsts], dtype=float)
            pitch = firsts[sample_index(weights / weights.sum(), rng)]
        for _ in range(n_notes):
            options, probs = self._candidates(history, pitch)
            state = options[sample_index(probs, rng, temperature)]
            history.append(state)
            value, dur = state
            new = None if value is None else (value if self.mode == "pitch" else pitch + value)
            pitch = pitch if new is None else new
            melody.append((new, dur))
        return melody

    def next_distribution(self, context=None) -> pd.Series:
        """What the model expects after the melody ``context`` (None: at the start of a melody)."""
        self._require_fit()
        prompt = self._prompt(context)
        history = [START] * self.order + self.states(prompt)
        pitch = next((p for p, _ in reversed(prompt) if p is not None), None)
        if pitch is None and self.mode == "interval":
            pitch = self.first_pitches.most_common(1)[0][0]
        options, probs = self._candidates(history, pitch)
        labels = [_state_label(s, self.mode) for s in options]
        if self.mode == "interval" and history[-1] == START:  # no previous note: interval 0 means « first note »
            labels = [label.replace("même note", "première note", 1) for label in labels]
        labels = pd.Index(labels, name="note suivante")
        series = pd.Series(probs, index=labels, name="probabilité")
        return series.sort_values(ascending=False, kind="stable")

    @property
    def n_states(self) -> int:
        """Number of distinct states seen in training."""
        return len(self._counts.table(0).get((), {})) if self._counts is not None else 0

    def __repr__(self) -> str:
        state = f"{self.n_states} états" if self._counts is not None else "non entraîné"
        return f"MarkovMelody(order={self.order}, mode={self.mode!r}, {state})"


def longest_shared_passage(melody, melodies) -> tuple[int, int | None]:
    """Length of the longest run of consecutive notes of ``melody`` found note for note in one of
    ``melodies``, and the index of that melody (None if no note is shared). A measure of copying
    (see :func:`atelier_ia.memorisation.longest_shared_run`, which also returns the run itself)."""
    shared = longest_shared_run(_check_melody(melody), _check_melodies(melodies))
    return shared.length, shared.source


# --------------------------------------------------------------------------- description


def describe_melody(melody, tempo: float = 100) -> str:
    """A short French description of a melody, to accompany any figure or sound of it."""
    melody = _check_melody(melody)
    tempo = _check_tempo(tempo)
    pitches = _check_sounding(melody)
    n_rests = sum(p is None for p, _ in melody)
    quarters = sum(d for _, d in melody)
    seconds = quarters * 60 / tempo
    lo, hi = min(pitches), max(pitches)
    notes = f"{len(pitches)} note{'s' if len(pitches) > 1 else ''}"
    if n_rests:
        notes += f" et {n_rests} silence{'s' if n_rests > 1 else ''}"
    return (
        f"Mélodie de {notes}, longue de {_number(quarters)} temps (noires), soit {_number(seconds, 1)} secondes "
        f"à {_number(tempo)} noires par minute ; de {note_name(lo)} (MIDI {lo}) à {note_name(hi)} (MIDI {hi}), "
        f"soit une étendue de {hi - lo} demi-tons ; elle commence sur {note_name(pitches[0])} et finit sur {note_name(pitches[-1])}."
    )


# --------------------------------------------------------------------------- piano roll

# Okabe & Ito's palette (atelier_ia.figures), distinguishable with every common colour-vision deficiency.
COLOURS = {"generated": PALETTE["bleu"], "prompt": PALETTE["orange"], "edge": "#1A1A1A"}


def pianoroll_figure(melody, title: str = "", prompt_length: int = 0):
    """A piano roll: one bar per note, time across, pitch up. Returns a matplotlib ``Figure``.

    With ``prompt_length`` = k, the first k notes (the imposed beginning) are drawn in orange
    with hatching, the rest in blue, and a legend says which is which.
    """
    from matplotlib.patches import Patch
    from matplotlib.ticker import MultipleLocator

    melody = _check_melody(melody)
    pitches = _check_sounding(melody)
    check_text(title, "le titre (title)", allow_empty=True)
    prompt_length = check_int(prompt_length, "prompt_length", 0, len(melody))
    fig, ax = new_figure(width=8, height=3.4)
    onsets = np.concatenate([[0.0], np.cumsum([d for _, d in melody])])
    onset = onsets[-1]
    for part, colour, hatch in ((slice(0, prompt_length), "prompt", "//"), (slice(prompt_length, None), "generated", None)):
        notes = [(p, d, t) for (p, d), t in zip(melody[part], onsets[part]) if p is not None]
        if notes:
            pitch, dur, start = map(np.array, zip(*notes))
            ax.barh(pitch, dur * 0.96, left=start, height=0.8, color=COLOURS[colour], edgecolor=COLOURS["edge"],
                    linewidth=0.6, hatch=hatch)
    lo, hi = min(pitches), max(pitches)
    ax.set_xlim(0, max(onset, 1))
    ax.set_ylim(lo - 1.5, hi + 1.5)
    cs = [p for p in range(lo - 1, hi + 2) if p % 12 == 0]
    ticks = sorted(set(cs + [lo, hi]))
    ax.set_yticks(ticks, [f"{p} ({note_name(p)})" for p in ticks])
    ax.yaxis.set_minor_locator(MultipleLocator(1))
    ax.grid(axis="y", which="minor", color="#dddddd", linewidth=0.5)
    style_axes(ax, "temps (noires)", "hauteur (MIDI)", title, grid="x")
    if 0 < prompt_length < len(melody):
        fig.legend(handles=[Patch(facecolor=COLOURS["prompt"], edgecolor=COLOURS["edge"], hatch="//", label="début imposé"),
                            Patch(facecolor=COLOURS["generated"], edgecolor=COLOURS["edge"], label="suite générée")],
                   fontsize=FONT["tick"], loc="outside right upper", frameon=False)
    return fig


# --------------------------------------------------------------------------- sound

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
    melody = _check_melody(melody)
    tempo = _check_tempo(tempo)
    sample_rate = check_int(sample_rate, "sample_rate", 8000, 48000)
    per_quarter = sample_rate * 60.0 / tempo
    bounds = np.round(np.concatenate([[0.0], np.cumsum([d for _, d in melody])]) * per_quarter).astype(int)
    if bounds[-1] > MAX_SYNTH_SECONDS * sample_rate:
        raise AtelierError(
            f"La mélodie durerait {_number(bounds[-1] / sample_rate, 0)} secondes à ce tempo : le synthétiseur s'arrête à "
            f"{_number(MAX_SYNTH_SECONDS, 0)} s. Raccourcissez-la (melodie[:50]) ou accélérez le tempo."
        )
    out = np.zeros(int(bounds[-1]))
    for (pitch, _), a, b in zip(melody, bounds[:-1], bounds[1:]):
        if pitch is not None and b > a:
            out[a:b] = _tone(pitch, b - a, sample_rate)
    return out


def wav_bytes(samples, sample_rate: int) -> bytes:
    """A mono WAV file (8-bit PCM: half the size of 16-bit, enough for this simple timbre)."""
    samples = np.asarray(samples, dtype=float)
    if samples.ndim != 1 or not np.isfinite(samples).all():
        raise AtelierError("Le son doit être une liste de nombres (un seul canal), sans valeur manquante.")
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
    melody = _check_melody(melody)
    tempo = _check_tempo(tempo)
    sample_rate = check_int(sample_rate, "sample_rate", 8000, 24000)
    max_seconds = check_real(max_seconds, "max_seconds", 1, 20, " secondes (les extraits restent courts pour alléger le livre)")
    _check_sounding(melody)
    kept, elapsed = [], 0.0
    for pitch, dur in melody:  # keep the notes that fit in max_seconds
        seconds = dur * 60 / tempo
        if elapsed + seconds > max_seconds + 1e-9:
            break
        kept.append((pitch, dur))
        elapsed += seconds
    if not any(p is not None for p, _ in kept):
        raise AtelierError(
            f"Les {_number(max_seconds, 0)} premières secondes de la mélodie ne contiennent aucune note entière "
            "à ce tempo : accélérez le tempo ou retirez les longs silences du début."
        )
    description = describe_melody(kept, tempo)
    if len(kept) < len(melody):
        description += (
            f" Extrait : les {len(kept)} premiers éléments (notes et silences) sur {len(melody)}, "
            f"pour rester sous {_number(max_seconds, 0)} secondes."
        )
    return _audio_class()(wav_bytes(synthesize(kept, tempo, sample_rate), sample_rate), description)
