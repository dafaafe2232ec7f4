"""The music library: corpora, the Markov melody model, piano roll, synthesis and embedded audio."""

from __future__ import annotations

import base64
import io
import re
import wave

import numpy as np
import pytest
from IPython.display import Audio
from matplotlib.figure import Figure

from atelier_ia import AtelierError
from atelier_ia.music import (
    MarkovMelody,
    audio,
    describe_melody,
    load_corpus,
    longest_shared_passage,
    note_name,
    pianoroll_figure,
    synthesize,
)
from atelier_ia.paths import data_file

TRAD_TITLES = [
    "Au clair de la lune", "Sur le pont d'Avignon", "J'ai du bon tabac", "Il était une bergère", "Cadet Rousselle",
    "Le bon roi Dagobert", "Nous n'irons plus au bois", "Malbrough s'en va-t-en guerre", "Frère Jacques",
    "Ah ! vous dirai-je, maman",
]
WHITE_KEYS = {0, 2, 4, 5, 7, 9, 11}


@pytest.fixture(scope="module")
def trad():
    return load_corpus("trad")


@pytest.fixture(scope="module")
def renaissance():
    return load_corpus("renaissance")


@pytest.fixture(scope="module")
def bach():
    return load_corpus("bach")


@pytest.fixture(scope="module")
def corpora(trad, renaissance, bach):
    return {"trad": trad, "renaissance": renaissance, "bach": bach}


# --------------------------------------------------------------------------- corpora


def test_corpora_load_with_counts_ranges_and_provenance(corpora):
    assert {name: len(c) for name, c in corpora.items()} == {"trad": 10, "renaissance": 8, "bach": 20}
    for name, corpus in corpora.items():
        lo, hi = corpus.pitch_range
        assert 52 <= lo < hi <= 84, name  # voices, not bats: within a singer's reach
        assert 12 <= hi - lo <= 26, name
        for melody in corpus.melodies:
            assert len(melody) >= 16
            assert melody[0][0] is not None and melody[-1][0] is not None  # no leading or trailing rest
            assert all(0 < d <= 16 for _, d in melody)
        assert len(corpus.titles) == len(corpus) and all(corpus.titles)
        assert "domaine public" in corpus.provenance and "Source" in corpus.provenance
        pitches = [p for m in corpus.melodies for p, _ in m if p is not None]
        assert sum(p % 12 in WHITE_KEYS for p in pitches) / len(pitches) > 0.9, "transposées sans altération à la clé"
    assert corpora["trad"].titles == TRAD_TITLES
    assert corpora["bach"].titles[0] == "BWV 253 — Ach bleib bei uns, Herr Jesu Christ"
    assert corpora["renaissance"].titles[0] == "Adieu mes amours"
    assert 800 <= corpora["bach"].n_notes <= 1100


def test_corpus_options_and_cache(trad, bach):
    original = load_corpus("trad", transpose=False)
    assert original.melodies[0][:4] == [(67, 1.0), (67, 1.0), (67, 1.0), (69, 1.0)]  # Au clair de la lune in G
    assert "transposée" not in original.provenance
    copy = load_corpus("trad")
    copy.melodies[0].append((60, 1.0))  # the learner's copy is theirs: the cache is untouched
    assert load_corpus("trad").melodies[0] == trad.melodies[0]
    small = load_corpus("bach", size=3)
    assert small.melodies == bach.melodies[:3] and small.titles == bach.titles[:3]
    assert load_corpus(" Trad ").titles == TRAD_TITLES


def _abc_tunes(text: str) -> list[tuple[dict, str]]:
    tunes = []
    for block in re.split(r"\n(?=X:)", text)[1:]:
        headers, body = {}, []
        for line in block.strip().splitlines():
            m = re.match(r"([A-Za-z]):(.*)", line)
            if m and not body:
                headers.setdefault(m.group(1), m.group(2).strip())
            elif not line.startswith("%"):
                body.append(line)
        tunes.append((headers, "\n".join(body)))
    return tunes


def test_trad_abc_file_parses_completely():
    from music21 import converter

    path = data_file("musique/airs-traditionnels.abc")
    text = path.read_text(encoding="utf-8")
    assert "encodage écrit pour le cours, CC BY 4.0" in text
    tunes = _abc_tunes(text)
    assert [h["X"] for h, _ in tunes] == [str(i) for i in range(1, 11)]
    assert [h["T"] for h, _ in tunes] == TRAD_TITLES
    for headers, _ in tunes:
        assert {"X", "T", "M", "L", "K"} <= set(headers)
    opus = converter.parse(str(path), format="abc", forceSource=True)
    scores = list(opus.scores)
    assert len(scores) == len(tunes)
    for score, (headers, body) in zip(scores, tunes):
        part = score.parts[0]
        # every note and rest written in the file was read …
        written = re.findall(r"[=^_]?[A-Ga-gz][,']*", body)
        assert len(part.flatten().notesAndRests) == len(written), headers["T"]
        # … and every bar is complete (the pick-up and the last bar together make one bar)
        measures = list(part.getElementsByClass("Measure"))
        bar = measures[1].barDuration.quarterLength
        assert all(m.duration.quarterLength == bar for m in measures[1:-1]), headers["T"]
        first, last = measures[0].duration.quarterLength, measures[-1].duration.quarterLength
        assert first == bar or first + last == bar, headers["T"]


# --------------------------------------------------------------------------- Markov model


def test_markov_is_deterministic(trad):
    model = MarkovMelody(2).fit(trad)
    one = model.generate(40, seed=7)
    assert one == model.generate(40, seed=7)
    assert one != model.generate(40, seed=8)
    assert len(one) == 40 and all(isinstance(d, float) for _, d in one)
    interval = MarkovMelody(2, mode="interval").fit(trad.melodies)
    assert interval.generate(40, seed=7) == interval.generate(40, seed=7)


@pytest.mark.parametrize("mode", ["pitch", "interval"])
@pytest.mark.parametrize("order", [1, 2, 3])
def test_generated_melodies_stay_within_the_corpus_range(corpora, mode, order):
    for name, corpus in corpora.items():
        lo, hi = corpus.pitch_range
        model = MarkovMelody(order, mode).fit(corpus)
        for seed in range(4):
            melody = model.generate(60, seed=seed, temperature=1.5)
            pitches = [p for p, _ in melody if p is not None]
            assert pitches and lo <= min(pitches) and max(pitches) <= hi, (name, seed)


def test_start_is_kept_and_continued(trad):
    model = MarkovMelody(2).fit(trad)
    start = trad.melodies[0][:6]
    melody = model.generate(10, seed=1, start=start)
    assert melody[:6] == start and len(melody) == 16
    assert model.generate(5, seed=1, start=62)[0] == (62, 1.0)
    assert MarkovMelody(1, "interval").fit(trad).generate(5, seed=1, start=60)[0] == (60, 1.0)


def test_next_distribution_is_a_probability_table(trad):
    model = MarkovMelody(1).fit(trad)
    dist = model.next_distribution([(60, 1.0)])
    assert abs(dist.sum() - 1) < 1e-9 and dist.index.name == "note suivante"
    assert all(" · " in label for label in dist.index)
    assert (dist.diff().dropna() <= 0).all()
    assert "états" in repr(model) and "non entraîné" in repr(MarkovMelody())
    opening = MarkovMelody(2, "interval").fit(trad).next_distribution()
    assert all(label.startswith("première note · ") for label in opening.index)


def test_higher_orders_copy_longer_passages(renaissance):
    def mean_copy(order):
        model = MarkovMelody(order).fit(renaissance)
        return np.mean([longest_shared_passage(model.generate(40, seed=s), renaissance)[0] for s in range(5)])

    assert mean_copy(3) > mean_copy(1)


def test_longest_shared_passage():
    melody = [(60, 1.0), (62, 1.0), (64, 1.0), (65, 1.0)]
    others = [[(67, 1.0), (62, 1.0), (64, 1.0)], [(60, 1.0), (62, 1.0), (64, 1.0), (67, 1.0)]]
    assert longest_shared_passage(melody, others) == (3, 1)
    assert longest_shared_passage([(70, 1.0)], others) == (0, None)


# --------------------------------------------------------------------------- description and figure


def test_describe_melody_in_french():
    text = describe_melody([(60, 1.0), (None, 0.5), (67, 1.5), (72, 1.0)], tempo=120)
    assert text.startswith("Mélodie de 3 notes et 1 silence, longue de 4 temps")
    assert "2 secondes à 120 noires par minute" in text
    assert "do3 (MIDI 60) à do4 (MIDI 72)" in text and "12 demi-tons" in text
    assert note_name(69) == "la3" and note_name(61) == "do dièse3"


def test_pianoroll_is_a_labelled_figure(trad):
    fig = pianoroll_figure(trad.melodies[0], "Au clair de la lune")
    assert isinstance(fig, Figure)
    ax = fig.axes[0]
    assert ax.get_xlabel() == "temps (noires)" and ax.get_ylabel() == "hauteur (MIDI)"
    assert ax.get_title() == "Au clair de la lune"
    sizes = [t.get_fontsize() for t in ax.get_xticklabels() + ax.get_yticklabels()]
    sizes += [ax.xaxis.label.get_fontsize(), ax.yaxis.label.get_fontsize(), ax.title.get_fontsize()]
    assert min(sizes) >= 10
    assert len(ax.patches) == sum(p is not None for p, _ in trad.melodies[0])
    generated = MarkovMelody(2).fit(trad).generate(10, seed=0, start=trad.melodies[0][:4])
    fig = pianoroll_figure(generated, prompt_length=4)
    labels = [t.get_text() for legend in fig.legends for t in legend.get_texts()]
    assert labels == ["début imposé", "suite générée"]


# --------------------------------------------------------------------------- sound


def test_synthesis_length_matches_tempo_and_durations():
    melody = [(60, 1.0), (None, 0.5), (69, 1.5), (72, 0.25)]
    for tempo, rate in [(120, 22050), (100, 16000), (60, 8000)]:
        samples = synthesize(melody, tempo=tempo, sample_rate=rate)
        assert samples.ndim == 1 and len(samples) == round(3.25 * 60 / tempo * rate)
        assert np.abs(samples).max() <= 1.0
    samples = synthesize(melody, tempo=120, sample_rate=22050)
    per_quarter = 22050 * 0.5
    bounds = [round(q * per_quarter) for q in (0, 1.0, 1.5, 3.0, 3.25)]
    assert np.all(samples[bounds[1] : bounds[2]] == 0)  # the rest is silent
    for b in bounds[:-1]:
        assert abs(samples[b]) < 1e-3  # every note starts at zero: no click
    assert abs(samples[bounds[2] - 1]) < 1e-3 and abs(samples[-1]) < 1e-3  # … and ends at zero
    la = samples[bounds[2] : bounds[3]]  # the A: its strongest frequency is 440 Hz
    spectrum = np.abs(np.fft.rfft(la * np.hanning(len(la))))
    assert abs(np.fft.rfftfreq(len(la), 1 / 22050)[spectrum.argmax()] - 440) < 5


def test_audio_embeds_a_small_wav_with_its_description(trad):
    clip = audio(trad.melodies[0])
    assert isinstance(clip, Audio)
    page = clip._repr_html_()
    assert "<audio" in page and 'src="data:audio/wav;base64,' in page
    assert "http" not in page and "<script" not in page and "Your browser" not in page
    assert "Votre navigateur" in page and "<figcaption" in page
    assert len(page) < 500_000
    payload = re.search(r'src="data:audio/wav;base64,([^"]+)"', page).group(1)
    with wave.open(io.BytesIO(base64.b64decode(payload))) as w:
        assert (w.getnchannels(), w.getframerate(), w.getsampwidth()) == (1, 16000, 1)
        assert w.getnframes() / w.getframerate() <= 15
    assert clip.description.startswith("Mélodie de")
    assert "Extrait : les 19 premiers éléments (notes et silences) sur 47, pour rester sous 15 secondes" in clip.description
    short = audio([(60, 1.0), (64, 1.0), (67, 2.0)], tempo=120)
    assert "Extrait" not in short.description
    assert short._repr_html_() == audio([(60, 1.0), (64, 1.0), (67, 2.0)], tempo=120)._repr_html_()  # deterministic


# --------------------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    "call,expected",
    [
        (lambda: load_corpus("jazz"), "Corpus inconnu"),
        (lambda: load_corpus(3), "Corpus inconnu"),
        (lambda: load_corpus("bach", size=0), "size"),
        (lambda: load_corpus("renaissance", size=9), "size"),
        (lambda: load_corpus("trad", transpose="oui"), "transpose"),
        (lambda: MarkovMelody(order=0), "order"),
        (lambda: MarkovMelody(order=4), "order"),
        (lambda: MarkovMelody(mode="notes"), "mode"),
        (lambda: MarkovMelody().fit([]), "liste de mélodies"),
        (lambda: MarkovMelody().fit("do ré mi"), "liste de mélodies"),
        (lambda: MarkovMelody().fit([[(60, 1.0), ("do", 1.0)]]), "hauteur"),
        (lambda: MarkovMelody().fit([[(60, 1.0), (130, 1.0)]]), "entre 0 et 127"),
        (lambda: MarkovMelody().fit([[(60, 0)]]), "durée"),
        (lambda: MarkovMelody().fit([[60, 62, 64]]), "couple"),
        (lambda: MarkovMelody(3).fit([[(60, 1.0), (62, 1.0)]]), "Trop peu de notes"),
        (lambda: MarkovMelody(1).fit([[(None, 1.0), (None, 1.0)]]), "silences"),
        (lambda: MarkovMelody().generate(), "pas encore entraîné"),
        (lambda: MarkovMelody().next_distribution(), "pas encore entraîné"),
        (lambda: synthesize([]), "vide"),
        (lambda: synthesize([(60, 1.0)], tempo=0), "tempo"),
        (lambda: synthesize([(60, 1.0)], sample_rate=100), "sample_rate"),
        (lambda: synthesize([(60, 64.0)] * 10, tempo=60), "synthétiseur"),
        (lambda: pianoroll_figure([(None, 1.0)]), "que des silences"),
        (lambda: pianoroll_figure("do ré mi"), "liste de notes"),
        (lambda: pianoroll_figure([(60, 1.0)], title=3), "titre"),
        (lambda: pianoroll_figure([(60, 1.0)], prompt_length=2), "prompt_length"),
        (lambda: describe_melody([(60, -1.0)]), "durée"),
        (lambda: audio([(60, 1.0)], max_seconds=60), "max_seconds"),
        (lambda: audio([(None, 40.0), (60, 1.0)]), "aucune note entière"),
        (lambda: note_name(128), "hauteur MIDI"),
    ],
)
def test_bad_input_is_explained_in_french(call, expected):
    with pytest.raises(AtelierError, match=expected) as info:
        call()
    assert re.search(r"[éèàêç]|\b(le|la|les|un|une|des|de|du)\b", str(info.value)), "message en français"


def test_bad_use_of_a_trained_model(trad):
    model = MarkovMelody(2).fit(trad)
    lo, hi = trad.pitch_range
    with pytest.raises(AtelierError, match="tessiture"):
        model.generate(10, start=hi + 5)
    with pytest.raises(AtelierError, match="n_notes"):
        model.generate(0)
    with pytest.raises(AtelierError, match="seed"):
        model.generate(10, seed="zéro")
    with pytest.raises(AtelierError, match="température"):
        model.generate(10, temperature=-1)
    with pytest.raises(AtelierError, match="tout un corpus"):
        describe_melody(trad)


def test_loading_a_corpus_stops_music21s_notebook_timer():
    # In a notebook, music21 starts a timer that later switches every figure to pyplot's
    # « retina » rendering; the course's figures must not change with the moment it fires.
    import threading

    import music21.ipython21

    fired = []
    timer = threading.Timer(30, lambda: fired.append(True))
    timer.start()
    previous = getattr(music21.ipython21, "t", None)
    music21.ipython21.t = timer
    try:
        load_corpus("trad", size=1)
        timer.join(5)
        assert not timer.is_alive() and not fired
    finally:
        timer.cancel()
        if previous is None:
            del music21.ipython21.t
        else:
            music21.ipython21.t = previous
