"""The course's melody corpora: Bach chorales, Josquin's chansons, French traditional tunes."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..errors import AtelierError, describe
from ..paths import data_file
from ..validation import check_bool, check_int
from .notes import MelodyCorpus

__all__ = [
    "BACH_DEFAULT",
    "BACH_MAX",
    "CORPORA",
    "JOSQUIN",
    "TRAD_FILE",
    "MelodyCorpus",
    "load_corpus",
]


TRAD_FILE = "musique/airs-traditionnels.abc"


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
        import music21  # imported here: ~0.5 s, only when a corpus is loaded
    except ImportError:  # pragma: no cover - depends on the installation
        raise AtelierError(
            "Le paquet music21 n'est pas installé, or il fournit les partitions des corpus. "
            "Installez les dépendances du cours (pip install -e . depuis le dépôt), puis relancez le noyau."
        ) from None
    # In a notebook, importing music21 starts a one-second timer whose thread then imports pyplot,
    # turns interactive mode on and switches IPython's figures to « retina »: from then on, every
    # figure of the course would be drawn a second time, at twice the size, depending on when the
    # timer fired. The course shows its own figures (atelier_ia.figures): the timer is stopped.
    timer = getattr(getattr(music21, "ipython21", None), "t", None)
    if hasattr(timer, "cancel"):
        timer.cancel()
    return music21


def _piece(part_or_score, title: str, factor: float = 1.0) -> _Piece:
    """The top line of a music21 stream: ties merged, chords reduced to their top note.

    The stream is changed in place (ties merged without copying it first: a third faster);
    every caller parses its own.
    """
    part_or_score.stripTies(inPlace=True)
    flat = part_or_score.flatten()
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
    """The soprano line of a chorale (else its first part): only that part of the file is
    turned into music21 objects, a third of the work of reading all four voices."""
    import io
    import xml.etree.ElementTree as ET

    from music21 import converter, corpus
    from music21.musicxml.xmlToM21 import MusicXMLImporter

    root = ET.parse(io.StringIO(converter.ArchiveManager(path).getData())).getroot()  # .mxl: zipped MusicXML
    names = {sp.get("id"): (sp.findtext("part-name") or "").strip().lower() for sp in root.iter("score-part")}
    parts = root.findall("part")
    keep = next((p for p in parts if names.get(p.get("id"), "").startswith("sopr")), parts[0])
    for p in parts:
        if p is not keep:
            root.remove(p)
    part_list = root.find("part-list")  # the other voices' entries and the brace that groups them
    for entry in list(part_list):
        if entry.tag == "part-group" or (entry.tag == "score-part" and entry.get("id") != keep.get("id")):
            part_list.remove(entry)
    score = MusicXMLImporter().xmlRootToScore(root)
    title = corpus.chorales.ChoraleList().byBWV.get(bwv, {}).get("title") or ""
    return _piece(score.parts[0], f"BWV {bwv}" + (f" — {title}" if title else ""))


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
