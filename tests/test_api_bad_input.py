"""Every public function of atelier_ia answers bad input in French (issue 17).

The exported API is found by walking the package, not kept by hand: every submodule of
``atelier_ia`` is imported, and every callable named in its ``__all__`` (functions, class
constructors and the public methods of exported classes) is called with bad values, one
argument at a time, the others kept at the valid example declared in ``EXAMPLES``. A call
may succeed or raise :class:`AtelierError`; it fails the test if it raises anything else,
runs longer than ``TIME_LIMIT`` seconds, or changes the arguments it was given.

A callable with no entry in ``EXAMPLES`` fails the test: new functions are covered the day
they are added. Known failures in modules that other sessions own are listed in ``XFAIL``
(strict: the entry must go once the owner's fix is merged).
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
import importlib
import importlib.util
import inspect
import math
import os
import pkgutil
import re
import signal
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

import atelier_ia
from atelier_ia import AtelierError

TIME_LIMIT = 5  # seconds of processor time per call
BAD_VALUES = [None, "", "abc", -1, 0, 10**9, 1.5, float("nan"), [], {}, b"\x00", object()]

#: Build-time tools moved to the package ``atelier_tools`` (issue 7, item 4): they must not come back.
BUILD_TOOLS = {"atelier_ia.bench", "atelier_ia.book", "atelier_ia.notebooks"}

# --------------------------------------------------------------------------- valid examples

TEXT = (
    "Maître Corbeau, sur un arbre perché, tenait en son bec un fromage.\n"
    "Maître Renard, par l'odeur alléché, lui tint à peu près ce langage :\n"
    "Et bonjour, Monsieur du Corbeau. Que vous êtes joli ! que vous me semblez beau !\n"
) * 3
MELODY = [(60, 1.0), (62, 0.5), (64, 0.5), (None, 0.5), (65, 1.0), (64, 1.0), (62, 1.0), (60, 2.0)]
MELODIES = [MELODY, [(67, 1.0), (65, 1.0), (64, 1.0), (62, 1.0), (60, 2.0)]]


@functools.cache
def _images():
    return np.linspace(-1, 1, 6 * 16).reshape(6, 4, 4)


def _ideal():
    from atelier_ia.images import ideal_denoiser

    return ideal_denoiser(_images(), steps=10)


@functools.cache
def _diffusion():
    from atelier_ia.images import train_diffusion

    return train_diffusion(_images(), steps=10, epochs=1, hidden=8)


def _ngram():
    from atelier_ia.text import NGramModel

    return NGramModel(2).fit(TEXT)


@functools.cache
def _bpe():
    from atelier_ia.text import BPETokenizer

    return BPETokenizer.train(TEXT, vocab_size=270)


def _markov():
    from atelier_ia.music import MarkovMelody

    return MarkovMelody(1).fit(MELODIES)


@functools.cache
def _trad():
    from atelier_ia.music import load_corpus

    return load_corpus("trad", size=2)


@functools.cache
def _attribution():
    from atelier_ia.stylometry import train_attribution

    return train_attribution(("Racine", "Voltaire"), per_author=20, seed=0)


@functools.cache
def _quiz():
    from atelier_ia.quiz import load_quiz

    return load_quiz("00-prise-en-main")


@functools.cache
def _catalogue():
    from atelier_ia.course import load_catalogue

    return load_catalogue()


def _axes():
    from atelier_ia.figures import new_figure

    return new_figure()[1]


def _text_file(tmp=[]):  # the default list is deliberate: it keeps one file for the session
    if not tmp:
        import tempfile
        from pathlib import Path

        path = Path(tempfile.mkdtemp()) / "texte.txt"
        path.write_text(TEXT, encoding="utf-8")
        tmp.append(str(path))
    return tmp[0]


def _schedule():
    from atelier_ia.images import noise_schedule

    return noise_schedule(10)


def _feedback_ok():
    from atelier_ia.exercises import Feedback

    return Feedback(True, "ok")


def _slider():
    from atelier_ia.live import Slider

    return Slider(0, 10)


def _question():
    return _quiz().questions[0]


def _public_domain():
    from atelier_ia.law import public_domain

    return public_domain(1937, publication_year=1928, music=True, mort_pour_la_france=False)


def _uncertain():
    from atelier_ia.law import is_public_domain

    return is_public_domain(1956, on=2030)


@functools.cache
def _collection():
    from atelier_ia.licences import load_sample_collection

    return load_sample_collection()


def _audit():
    from atelier_ia.licences import audit_licences

    return audit_licences(_collection().head(6), on=dt.date(2026, 12, 1))


def _site():
    from atelier_ia.optout import read_site

    return read_site(robots="User-agent: GPTBot\nDisallow: /\n", headers={"tdm-reservation": "1"})


@functools.cache
def _word_model():
    from atelier_ia.text import NGramModel

    return NGramModel(order=1, level="word").fit(TEXT)


def _detection():
    from atelier_ia.watermark import detect

    return detect(TEXT, key=7)


def _false_positives():
    from atelier_ia.watermark import false_positive_rate

    return false_positive_rate([TEXT], key=7)


MANIFEST_FIELDS = {"author": "Musée", "tool": "Outil X", "created": "2026-12-01", "human_action": "choix", "ai_role": "generated"}


@functools.cache
def _keys():
    from atelier_ia.provenance import make_keys

    return make_keys(7)


def _signed():
    from atelier_ia.provenance import sign

    return sign(np.zeros((4, 4), np.uint8), dict(MANIFEST_FIELDS), _keys())


#: One valid call per exported callable: name → function returning its keyword arguments
#: (``self`` gives the instance for a method). Keep the examples small: the whole walk must
#: stay under a minute.
EXAMPLES = {
    # errors, fmt, validation
    "atelier_ia.errors.AtelierError": lambda: {},
    "atelier_ia.errors.describe": lambda: dict(value=3),
    "atelier_ia.errors.require": lambda: dict(condition=True, message="Tout va bien."),
    "atelier_ia.palette.colour": lambda: dict(name="bouton"),
    "atelier_ia.palette.contrast": lambda: dict(first="#ffffff", second="#000000"),
    "atelier_ia.palette.css_variables": lambda: dict(css="a{color:var(--atelier-bouton)}"),
    "atelier_ia.palette.stylesheet": lambda: dict(css="a{color:var(--atelier-bouton)}"),
    "atelier_ia.assets.read": lambda: dict(name="quiz.css", package="atelier_ia", compact=False),
    "atelier_ia.fmt.french_number": lambda: dict(value=1234.5, decimals=1),
    "atelier_ia.fmt.french_percent": lambda: dict(share=0.25, decimals=1),
    "atelier_ia.fmt.french_date": lambda: dict(day=dt.date(2026, 12, 1), sep=" "),
    "atelier_ia.fmt.french_typography": lambda: dict(text="Attention : « oui » ?"),
    "atelier_ia.validation.check_bool": lambda: dict(value=True, name="x", hint=""),
    "atelier_ia.validation.check_choice": lambda: dict(value="a", name="x", choices=["a", "b"]),
    "atelier_ia.validation.check_int": lambda: dict(value=3, name="n", minimum=0, maximum=10, hint=""),
    "atelier_ia.validation.check_real": lambda: dict(value=0.5, name="x", minimum=0, maximum=1, hint=""),
    "atelier_ia.validation.check_seed": lambda: dict(value=3, name="seed"),
    "atelier_ia.validation.check_text": lambda: dict(value="abc", name="le texte", allow_empty=False, min_chars=0),
    "atelier_ia.validation.check_texts": lambda: dict(value=["abc", "de"], name="notes", allow_empty=False),
    # text, markov, memorisation
    "atelier_ia.text.char_tokens": lambda: dict(text="Le chat."),
    "atelier_ia.text.word_tokens": lambda: dict(text="L'âne dort."),
    "atelier_ia.text.join_words": lambda: dict(tokens=["L'", "âne", "dort", "."]),
    "atelier_ia.text.BPETokenizer": lambda: {},
    "atelier_ia.text.BPETokenizer.train": lambda: dict(text=TEXT, vocab_size=260),
    "atelier_ia.text.BPETokenizer.encode": lambda: dict(self=_bpe(), text="Maître Corbeau"),
    "atelier_ia.text.BPETokenizer.decode": lambda: dict(self=_bpe(), ids=[77, 97]),
    "atelier_ia.text.BPETokenizer.tokens": lambda: dict(self=_bpe(), text="Maître Corbeau"),
    "atelier_ia.text.NGramModel": lambda: dict(order=2, level="char", k=0.01),
    "atelier_ia.text.NGramModel.tokenize": lambda: dict(self=_ngram(), text="Le loup"),
    "atelier_ia.text.NGramModel.fit": lambda: dict(self=_ngram(), text=TEXT),
    "atelier_ia.text.NGramModel.next_distribution": lambda: dict(self=_ngram(), context="Ma"),
    "atelier_ia.text.NGramModel.candidates": lambda: dict(self=_ngram(), context="Ma"),
    "atelier_ia.text.NGramModel.require_fitted": lambda: dict(self=_ngram()),
    "atelier_ia.text.NGramModel.generate": lambda: dict(self=_ngram(), length=20, seed=0, temperature=1.0, top_k=None, prompt="Le "),
    "atelier_ia.text.NGramModel.probability": lambda: dict(self=_ngram(), token="a", context="M"),
    "atelier_ia.text.NGramModel.perplexity": lambda: dict(self=_ngram(), text="Maître Renard"),
    "atelier_ia.markov.apply_temperature": lambda: dict(probs=np.array([0.5, 0.3, 0.2]), temperature=0.7),
    "atelier_ia.markov.check_temperature": lambda: dict(temperature=1.0),
    "atelier_ia.markov.sample_index": lambda: dict(probs=[0.5, 0.5], rng=np.random.default_rng(0), temperature=1.0, top_k=None),
    "atelier_ia.markov.BackoffCounts": lambda: dict(sequences=["abracadabra"], order=2, pad=None),
    "atelier_ia.markov.BackoffCounts.table": lambda: dict(self=_ngram()._counts, j=1),
    "atelier_ia.markov.BackoffCounts.context": lambda: dict(self=_ngram()._counts, history="Ma"),
    "atelier_ia.markov.BackoffCounts.counts": lambda: dict(self=_ngram()._counts, history="Ma"),
    "atelier_ia.markov.BackoffCounts.candidates": lambda: dict(self=_ngram()._counts, history="Ma", accept=None),
    "atelier_ia.memorisation.SharedRun": lambda: dict(length=1, source=0, run="a"),
    "atelier_ia.memorisation.longest_shared_run": lambda: dict(generated="le chat", sources=["un chat"]),
    "atelier_ia.figures.CourseFigure": lambda: dict(figsize=(4, 3), layout="constrained"),
    "atelier_ia.figures.new_figure": lambda: dict(nrows=1, ncols=2, width=4, height=3, axis=True, squeeze=True),
    "atelier_ia.figures.style_axes": lambda: dict(ax=_axes(), xlabel="x", ylabel="y", title="t", grid="y"),
    "atelier_ia.figures.finish": lambda: dict(fig=_axes().figure),
    "atelier_ia.figures.draw_pixels": lambda: dict(fig=_axes().figure, dpi=40, tight=True),
    # corpus, embeddings, stylometry
    "atelier_ia.corpus.Corpus": lambda: dict(text="abc", author="x", source="y", licence="z"),
    "atelier_ia.corpus.fallback_corpus": lambda: {},
    "atelier_ia.corpus.littre_available": lambda: {},
    "atelier_ia.corpus.load_author": lambda: dict(name="Racine", max_chars=1000),
    "atelier_ia.corpus.load_text_file": lambda: dict(path=_text_file(), max_bytes=10_000, min_chars=20),
    "atelier_ia.embeddings.count_tokens": lambda: dict(text="musée"),
    "atelier_ia.embeddings.embed": lambda: dict(texts=["musée", "théâtre"]),
    "atelier_ia.embeddings.load_collection": lambda: {},
    "atelier_ia.embeddings.pca_2d": lambda: dict(vectors=np.eye(4)),
    "atelier_ia.embeddings.search": lambda: dict(query="un tableau", k=2, collection=None),
    "atelier_ia.embeddings.semantic_map": lambda: dict(texts=["vin", "bière", "opéra"]),
    "atelier_ia.embeddings.semantic_map_figure": lambda: dict(table=pd.DataFrame({"texte": ["a", "b"], "x": [0.0, 1.0],
                                                                                 "y": [1.0, 0.0], "g": ["u", "v"]}),
                                                             group="g", title="t"),
    "atelier_ia.embeddings.similarity": lambda: dict(a="voiture", b="automobile"),
    "atelier_ia.embeddings.similarity_table": lambda: dict(texts=["vin", "bière"]),
    "atelier_ia.embeddings.subword_tokens": lambda: dict(text="musée"),
    "atelier_ia.stylometry.Attribution": lambda: dict(authors=("a", "b"), pipeline=_attribution().pipeline, accuracy=0.5, chance=0.5,
                                                      confusion=pd.DataFrame(), test=pd.DataFrame()),
    "atelier_ia.stylometry.Attribution.guess": lambda: dict(self=_attribution(), text="Je t'aime, et je te fuis."),
    "atelier_ia.stylometry.train_attribution": lambda: dict(authors=("Racine", "Voltaire"), per_author=20, test_share=0.25, seed=0),
    # images
    "atelier_ia.images.data.abstract_compositions": lambda: dict(n=2, size=6, style="grid", seed=0),
    "atelier_ia.images.data.load_digits_images": lambda: {},
    "atelier_ia.images.diffusion.NoiseSchedule": lambda: dict(steps=2, betas=np.array([0.1, 0.2]), alphas_bar=np.array([0.9, 0.72])),
    "atelier_ia.images.diffusion.noise_schedule": lambda: dict(steps=10),
    "atelier_ia.images.diffusion.add_noise": lambda: dict(x0=_images(), t=3, rng=0, schedule=None),
    "atelier_ia.images.diffusion.Denoiser": lambda: {},
    "atelier_ia.images.diffusion.Denoiser.guess_clean": lambda: dict(self=_ideal(), x_t=_images().reshape(6, 16), t=2),
    "atelier_ia.images.diffusion.Denoiser.predict_noise": lambda: dict(self=_ideal(), x_t=_images(), t=2),
    "atelier_ia.images.diffusion.Denoiser.sample": lambda: dict(self=_ideal(), n=2, seed=0),
    "atelier_ia.images.diffusion.Denoiser.trajectory": lambda: dict(self=_ideal(), seed=0, guesses=False),
    "atelier_ia.images.diffusion.DiffusionModel": lambda: dict(network=_diffusion().network, schedule=_schedule(), shape=(4, 4), n_images=6,
                                                               losses=[1.0], seconds=0.1),
    "atelier_ia.images.diffusion.IdealDenoiser": lambda: dict(images=_images(), steps=10),
    "atelier_ia.images.diffusion.ideal_denoiser": lambda: dict(images=_images(), steps=10),
    "atelier_ia.images.diffusion.train_diffusion": lambda: dict(images=_images(), steps=10, epochs=1, hidden=8, seed=0),
    "atelier_ia.images.diffusion.denoising_error": lambda: dict(model=_ideal(), images=_images(), seed=0, t=None),
    "atelier_ia.images.memorisation.nearest_training": lambda: dict(samples=_images()[:2], training_images=_images()),
    "atelier_ia.images.figures.grid_figure": lambda: dict(images=_images(), ncols=3, title="t"),
    "atelier_ia.images.figures.filmstrip_figure": lambda: dict(trajectory=np.stack(_ideal().trajectory(0)), n_frames=3, title=None),
    "atelier_ia.images.figures.noising_figure": lambda: dict(image=_images()[0], n_frames=3, seed=0, schedule=None),
    "atelier_ia.images.figures.nearest_figure": lambda: dict(samples=_images()[:2], training=_images(),
                                                             pairs=(np.array([0, 1]), np.array([0.0, 0.0])),
                                                             max_pairs=2, title=None),
    # music
    "atelier_ia.music.notes.note_name": lambda: dict(pitch=60),
    "atelier_ia.music.notes.duration_name": lambda: dict(quarters=1.5),
    "atelier_ia.music.notes.describe_melody": lambda: dict(melody=MELODY, tempo=100),
    "atelier_ia.music.notes.MelodyCorpus": lambda: dict(name="x", label="x", melodies=MELODIES, titles=["a", "b"],
                                                         source="s", licence="l"),
    "atelier_ia.music.corpora.load_corpus": lambda: dict(name="trad", size=2, transpose=True),
    "atelier_ia.music.markov.MarkovMelody": lambda: dict(order=1, mode="interval"),
    "atelier_ia.music.markov.MarkovMelody.states": lambda: dict(self=_markov(), melody=MELODY),
    "atelier_ia.music.markov.MarkovMelody.fit": lambda: dict(self=_markov(), melodies=MELODIES),
    "atelier_ia.music.markov.MarkovMelody.generate": lambda: dict(self=_markov(), n_notes=8, seed=0, start=None, temperature=1.0),
    "atelier_ia.music.markov.MarkovMelody.next_distribution": lambda: dict(self=_markov(), context=MELODY[:2]),
    "atelier_ia.music.memorisation.longest_shared_passage": lambda: dict(melody=MELODY, melodies=MELODIES),
    "atelier_ia.music.figures.pianoroll_figure": lambda: dict(melody=MELODY, title="t", prompt_length=2),
    "atelier_ia.music.sound.synthesize": lambda: dict(melody=MELODY[:3], tempo=240, sample_rate=8000),
    "atelier_ia.music.sound.wav_bytes": lambda: dict(samples=np.zeros(100), sample_rate=8000),
    "atelier_ia.music.sound.audio": lambda: dict(melody=MELODY[:3], tempo=240, sample_rate=8000, max_seconds=2),
    # quiz
    "atelier_ia.quiz.model.Option": lambda: dict(text="a", correct=True, feedback="b"),
    "atelier_ia.quiz.model.Question": lambda: dict(id="q", text="?", multiple=False, options=(), explanation="e", source="s",
                                                   level="application"),
    "atelier_ia.quiz.model.Quiz": lambda: dict(module="m", questions=(), origin="o"),
    "atelier_ia.quiz.model.Quiz.question": lambda: dict(self=_quiz(), qid=_quiz().questions[0].id),
    "atelier_ia.quiz.model.Verdict": lambda: dict(ok=True, headline="h", messages=()),
    "atelier_ia.quiz.model.display_order": lambda: dict(module="m", question_id="q", n_options=3),
    "atelier_ia.quiz.model.evaluate": lambda: dict(question=_question(), chosen=[0]),
    "atelier_ia.quiz.model.load_quiz": lambda: dict(source="00-prise-en-main"),
    "atelier_ia.quiz.model.parse_quiz": lambda: dict(data={"module": "m", "questions": [
        {"id": "q", "question": "?", "niveau": "rappel", "explication": "e", "source": "s", "options": [
            {"texte": "a", "correct": True, "retour": "r"}, {"texte": "b", "correct": False, "retour": "r"}]}]},
        origin="o"),
    "atelier_ia.quiz.render.QuizView": lambda: dict(quiz=_quiz()),
    "atelier_ia.quiz.render.quiz_html": lambda: dict(quiz=_quiz(), quiz_id="q"),
    "atelier_ia.quiz.render.progress_slot": lambda: dict(quiz_module="00-prise-en-main-sans-code", question_id="graine"),
    "atelier_ia.quiz.render.keep_switch_html": lambda: dict(box_id="garder", before="Rien n'est envoyé."),
    "atelier_ia.quiz.render.keep_script": lambda: dict(),
    "atelier_ia.quiz.render.show_quiz": lambda: dict(module_id="00-prise-en-main"),
    "atelier_ia.quiz.render.tick_hint": lambda: dict(question=_question(), short=True),
    # paths, course (lead)
    "atelier_ia.paths.data_dir": lambda: {},
    "atelier_ia.paths.repo_root": lambda: {},
    "atelier_ia.paths.data_file": lambda: dict(name="textes/prise-en-main.txt"),
    "atelier_ia.course.Module": lambda: dict(id="00-x", title="t", status="disponible", level="débutant", teaching_minutes=10,
                                             exercise_minutes=5, prerequisites=(), themes=(), summary="s"),
    "atelier_ia.course.Pathway": lambda: dict(id="p", title="t", audience="a", modules=(), advice="a"),
    "atelier_ia.course.Catalogue": lambda: dict(themes={}, modules=(), pathways=()),
    "atelier_ia.course.Catalogue.module": lambda: dict(self=_catalogue(), module_id=_catalogue().modules[0].id),
    "atelier_ia.course.Catalogue.pathway_minutes": lambda: dict(self=_catalogue(), pathway=_catalogue().pathways[0]),
    "atelier_ia.course.parse_catalogue": lambda: dict(modules_data={}, pathways_data={}),
    "atelier_ia.course.load_catalogue": lambda: {},
    # law, licences, timeline
    "atelier_ia.law.results.PublicDomainResult": lambda: dict(earliest=dt.date(2016, 1, 1), latest=dt.date(2016, 1, 1), steps=["Auteur mort en 1937."],
                                                      deciding_facts=[], computed=True, limits=["Limite."]),
    "atelier_ia.law.results.PublicDomainResult.explain": lambda: dict(self=_public_domain(), limits=False),
    "atelier_ia.law.results.PublicDomainResult.is_public_domain": lambda: dict(self=_public_domain(), on=2026),
    "atelier_ia.law.results.Uncertain": lambda: dict(on=dt.date(2030, 1, 1), earliest=dt.date(2027, 1, 1), latest=dt.date(2071, 9, 30),
                                             deciding_facts=("la musique",), computed=True),
    "atelier_ia.law.results.Uncertain.explain": lambda: dict(self=_uncertain()),
    "atelier_ia.law.public_domain": lambda: dict(death_year=1937, kind="individuelle", publication_year=1928, music=True,
                                                 mort_pour_la_france=False, author_known=False),
    "atelier_ia.law.public_domain_year": lambda: dict(death_year=1900),
    "atelier_ia.law.is_public_domain": lambda: dict(death_year=1937, on=2026),
    "atelier_ia.licences.normalise_licence": lambda: dict(text="CC-BY 4.0"),
    "atelier_ia.licences.load_sample_collection": lambda: {},
    "atelier_ia.licences.audit_licences": lambda: dict(df=_collection().head(6), column="licence", commercial=True,
                                                       death_column="annee_deces", type_column="type", on=dt.date(2026, 12, 1)),
    "atelier_ia.licences.needs_human_decision": lambda: dict(audit=_audit()),
    "atelier_ia.licences.licence_summary": lambda: dict(audit=_audit()),
    "atelier_ia.licences.plot_licences": lambda: dict(audit=_audit()),
    "atelier_ia.licences.datasheet": lambda: dict(df=_collection().head(4), title="Collection", description="d", origin="o",
                                                  licence="CC BY 4.0", contact="c@example.org", purpose="", path=None,
                                                  licence_column="licence"),
    "atelier_ia.timeline.build_date": lambda: {},
    "atelier_ia.timeline.to_date": lambda: dict(value="2026-12-02", name="la date"),
    "atelier_ia.timeline.french_date": lambda: dict(value="2026-12-01"),
    "atelier_ia.timeline.status": lambda: dict(event_date="2026-12-02", today="2026-12-01"),
    "atelier_ia.timeline.with_status": lambda: dict(table=pd.DataFrame({"date": ["2026-11-30", "2026-12-02"], "reportee": ["non", "oui"]}),
                                                    today="2026-12-01", date_column="date", postponed_column="reportee"),
    # optout
    "atelier_ia.optout.crawlers.CrawlerInfo": lambda: dict(token="GPTBot", operator="OpenAI", purpose="entraînement", note="n", source="s"),
    "atelier_ia.optout.crawlers.crawler_table": lambda: {},
    "atelier_ia.optout.signal.Signal": lambda: dict(kind="robots.txt", found=True, machine_readable=True, reserves=True, says="s",
                                            problems=[], details={}),
    "atelier_ia.optout.robots.read_robots_txt": lambda: dict(text="User-agent: GPTBot\nDisallow: /\n"),
    "atelier_ia.optout.tdmrep.read_tdmrep_json": lambda: dict(text='[{"location": "/", "tdm-reservation": 1}]'),
    "atelier_ia.optout.tdmrep.read_http_headers": lambda: dict(headers={"tdm-reservation": "1"}),
    "atelier_ia.optout.tdmrep.read_html_meta": lambda: dict(html='<meta name="tdm-reservation" content="1">'),
    "atelier_ia.optout.robots.read_ai_txt": lambda: dict(text="User-Agent: *\nDisallow: *.jpg\n"),
    "atelier_ia.optout.licence.read_licence_page": lambda: dict(text="Toute fouille de textes et de données est interdite."),
    "atelier_ia.optout.site.SiteReservation": lambda: dict(signals=[_site().signals[0]]),
    "atelier_ia.optout.site.SiteReservation.explain": lambda: dict(self=_site()),
    "atelier_ia.optout.site.SiteReservation.to_frame": lambda: dict(self=_site()),
    "atelier_ia.optout.site.read_site": lambda: dict(folder=None, robots="User-agent: GPTBot\nDisallow: /\n",
                                               tdmrep='[{"location": "/", "tdm-reservation": 1}]', headers={"tdm-reservation": "1"},
                                               html="<p>musée</p>", ai_txt="User-Agent: *\nAllow: /\n", licence="Tous droits réservés."),
    "atelier_ia.optout.check.ReservationCheck": lambda: dict(right=["ok"], missing=[]),
    "atelier_ia.optout.check.check_reservation": lambda: dict(tdmrep_json='[{"location": "/", "tdm-reservation": 1}]',
                                                        robots_txt="User-agent: GPTBot\nDisallow: /\n", want_policy=True, keep_search=True),
    # watermark
    "atelier_ia.watermark.greenlist.is_green": lambda: dict(previous="le", token="chat", gamma=0.25, key=7),
    "atelier_ia.watermark.greenlist.green_share": lambda: dict(model=_word_model(), previous="Maître", gamma=0.25, key=7),
    "atelier_ia.watermark.greenlist.generate_watermarked": lambda: dict(model=_word_model(), length=20, seed=0, gamma=0.25, delta=2.0, key=7,
                                                              temperature=1.0),
    "atelier_ia.watermark.detection.Detection": lambda: dict(n_tokens=30, n_green=20, gamma=0.25, threshold=4.0, min_tokens=25, z=5.2, p_value=1e-7,
                                                   watermarked=True, verdict="v", ignore_repeats=True),
    "atelier_ia.watermark.detection.Detection.as_dict": lambda: dict(self=_detection()),
    "atelier_ia.watermark.detection.Detection.explain": lambda: dict(self=_detection()),
    "atelier_ia.watermark.detection.detect": lambda: dict(text_or_tokens=TEXT, gamma=0.25, key=7, threshold=4.0, min_tokens=25, ignore_repeats=True),
    "atelier_ia.watermark.detection.human_passages": lambda: dict(author="Victor Hugo", n_tokens=30, max_passages=3),
    "atelier_ia.watermark.detection.FalsePositiveReport": lambda: dict(n_texts=2, n_flagged=0, n_too_short=0, threshold=4.0, expected_rate=3e-5,
                                                             z_scores=(0.1, -0.5)),
    "atelier_ia.watermark.detection.FalsePositiveReport.explain": lambda: dict(self=_false_positives()),
    "atelier_ia.watermark.detection.false_positive_rate": lambda: dict(human_texts=[TEXT, TEXT[:200]], gamma=0.25, key=7, threshold=4.0,
                                                             min_tokens=25, ignore_repeats=True),
    "atelier_ia.watermark.edits.edit": lambda: dict(text_or_tokens=TEXT, share=0.3, seed=0, vocabulary=["chat", "loup"]),
    "atelier_ia.watermark.edits.paraphrase": lambda: dict(text_or_tokens=TEXT, share=0.3, seed=0),
    "atelier_ia.watermark.edits.edit_curve": lambda: dict(text_or_tokens=TEXT, shares=(0.0, 0.5), seed=0, gamma=0.25, key=7, threshold=4.0,
                                                    vocabulary=None),
    # provenance, disclosure
    "atelier_ia.provenance.make_keys": lambda: dict(seed=7),
    "atelier_ia.provenance.KeyPair": lambda: dict(private=_keys().private, public=_keys().public, notice=""),
    "atelier_ia.provenance.image_fingerprint": lambda: dict(image=np.zeros((4, 4), np.uint8)),
    "atelier_ia.provenance.sign": lambda: dict(image=np.zeros((4, 4), np.uint8), manifest_fields=dict(MANIFEST_FIELDS),
                                               private_key=_keys()),
    "atelier_ia.provenance.describe_manifest": lambda: dict(signed_manifest=_signed()),
    "atelier_ia.provenance.Verification": lambda: dict(ok=True, problems=(), verdict="v"),
    "atelier_ia.provenance.verify": lambda: dict(image=np.zeros((4, 4), np.uint8), signed_manifest=_signed(), public_key=_keys()),
    "atelier_ia.disclosure.Assessment": lambda: dict(judgement="required", deep_fake=True, reasons=("r",)),
    "atelier_ia.disclosure.Assessment.explain": lambda: dict(self=__import__("atelier_ia.disclosure").disclosure.assess("image", True, True)),
    "atelier_ia.disclosure.assess": lambda: dict(kind="image", resembles_real=True, looks_authentic=True, artistic=False,
                                                 public_interest_text=False, human_editorial_review=False),
    "atelier_ia.disclosure.Label": lambda: dict(support="panel", text="Image générée par IA.", notes=(), consistent=True),
    "atelier_ia.disclosure.draft_label": lambda: dict(what="le visuel", tool=MANIFEST_FIELDS["tool"], human=MANIFEST_FIELDS["human_action"],
                                                      support="panel", ai_role="generated", kind="image", assessment=None,
                                                      manifest=_signed()),
    "atelier_ia.disclosure.label_from_manifest": lambda: dict(signed_manifest=_signed(), what="le visuel", support="panel", kind="image"),
    "atelier_ia.disclosure.load_cases": lambda: {},
    # live (h-live)
    "atelier_ia.live.controls.Slider": lambda: dict(min=0, max=10, step=1, value=None, label="n"),
    "atelier_ia.live.controls.Slider.widget": lambda: dict(self=_slider(), name="n"),
    "atelier_ia.live.controls.Choice": lambda: dict(options=["a", "b"], value=None, label="c"),
    "atelier_ia.live.controls.Choice.widget": lambda: dict(self=__import__("atelier_ia.live").live.Choice(["a", "b"]), name="c"),
    "atelier_ia.live.media.static_html": lambda: dict(result="texte", alt="a"),
    "atelier_ia.live.LiveDemo": lambda: dict(func=lambda n: str(n), alt="a", n=_slider()),
    "atelier_ia.live.LiveDemo.initial": lambda: dict(self=_live_demo()),
    "atelier_ia.live.LiveDemo.caption": lambda: dict(self=_live_demo()),
    "atelier_ia.live.LiveDemo.static_html": lambda: dict(self=_live_demo()),
    "atelier_ia.live.LiveDemo.widget": lambda: dict(self=_live_demo()),
    "atelier_ia.live.LiveDemo.grid_values": lambda: dict(self=_live_demo()),
    "atelier_ia.live.LiveDemo.initial_values": lambda: dict(self=_live_demo()),
    "atelier_ia.live.LiveDemo.key": lambda: dict(self=_live_demo()),
    "atelier_ia.live.LiveDemo.n_states": lambda: dict(self=_live_demo()),
    "atelier_ia.live.LiveDemo.render_state": lambda: dict(self=_live_demo()),
    "atelier_ia.live.LiveDemo.states": lambda: dict(self=_live_demo()),
    "atelier_ia.live.LiveDemo.static_bytes": lambda: dict(self=_live_demo()),
    "atelier_ia.live.media.Melody": lambda: dict(notes=MELODY[:3], tempo=100, description=""),
    "atelier_ia.live.media.Melody.audio": lambda: dict(self=__import__("atelier_ia.live").live.Melody(MELODY[:3])),
    "atelier_ia.live.media.Melody.html": lambda: dict(self=__import__("atelier_ia.live").live.Melody(MELODY[:3])),
    # petitmodele: the tiny model of module 00, shown to learners (h-exercises)
    "atelier_ia.petitmodele.entrainer": lambda: dict(texte=TEXT, ordre=2),
    "atelier_ia.petitmodele.generer": lambda: dict(comptes=_petit_modele(), longueur=20, graine=0),
    "atelier_ia.petitmodele.check_counts": lambda: dict(comptes=_petit_modele()),
    # exercises (h-exercises)
    "atelier_ia.exercises.Feedback": lambda: dict(ok=True, message="m"),
    "atelier_ia.exercises.show_answer": lambda: dict(value="réponse", limit=60),
    "atelier_ia.exercises.register": lambda: dict(exercise_id="99-9"),
    "atelier_ia.exercises.known_exercises": lambda: {},
    "atelier_ia.exercises.check": lambda: dict(exercise_id="00-1", answer="x"),
    "atelier_ia.exercises.m00.training_text": lambda: {},
    "atelier_ia.exercises.m00.generate": lambda: dict(counts=_petit_modele(), length=20, seed=0),
    "atelier_ia.exercises.normalise_text": lambda: dict(value="  Réponse  "),
    "atelier_ia.exercises.parse_number": lambda: dict(value="3,5"),
    "atelier_ia.exercises.parse_letter": lambda: dict(value="b", letters="abc"),
    "atelier_ia.exercises.choice_check": lambda: dict(answer="a", options={"a": (True, "Oui."), "b": (False, "Non.")}),
    "atelier_ia.exercises.m01.recommendations": lambda: {},
    "atelier_ia.exercises.m02.fables": lambda: {},
    "atelier_ia.exercises.m02.tokenizer": lambda: {},
    "atelier_ia.exercises.m02.char_model": lambda: {},
    "atelier_ia.exercises.m03.compositions": lambda: {},
    "atelier_ia.exercises.m03.ideal_copies": lambda: {},
    "atelier_ia.exercises.m03.corpus": lambda: dict(name="trad"),
    "atelier_ia.exercises.m03.melody_model": lambda: dict(name="trad"),
    "atelier_ia.exercises.m03.attribution": lambda: {},
}


def _petit_modele():
    from atelier_ia.petitmodele import entrainer

    return entrainer(TEXT, 2)


# Examples written beside each concept's own tests: tests/api_examples_<concept>.py, each with an
# EXAMPLES dict in the same format. A new concept module brings its file; nothing here changes.
for _path in sorted(Path(__file__).parent.glob("api_examples_*.py")):
    _spec = importlib.util.spec_from_file_location(_path.stem, _path)
    _extra = importlib.util.module_from_spec(_spec)
    _spec.loader.exec_module(_extra)
    EXAMPLES.update(_extra.EXAMPLES)


def _live_demo():
    from atelier_ia.live import LiveDemo

    return LiveDemo(lambda n: f"n = {n}", alt="démo", n=_slider())


#: Known failures in modules owned by other sessions, by callable, with the owner to ask.
#: Strict: once the owner's fix is merged the test passes, pytest reports XPASS(strict) as a
#: failure, and the entry must be removed.
XFAIL: dict[str, str] = {
}

# --------------------------------------------------------------------------- the walk


def _modules():
    mods = []
    for info in pkgutil.walk_packages(atelier_ia.__path__, "atelier_ia."):
        if info.name not in BUILD_TOOLS:
            mods.append(importlib.import_module(info.name))
    return [atelier_ia, *mods]


def _public_names(mod) -> list[str]:
    """``__all__``, or (for a module that does not declare it yet) every public name it defines."""
    if hasattr(mod, "__all__"):
        return list(mod.__all__)
    return [n for n, v in vars(mod).items() if not n.startswith("_") and getattr(v, "__module__", None) == mod.__name__]


def _exported() -> dict[str, tuple]:
    """Canonical name → (callable, owner class or None) for the whole exported API."""
    found = {}
    for mod in _modules():
        for name in _public_names(mod):
            obj = getattr(mod, name)
            if not callable(obj) or not getattr(obj, "__module__", "").startswith("atelier_ia"):
                continue
            key = f"{obj.__module__}.{obj.__qualname__}"
            found.setdefault(key, (obj, None))
            if inspect.isclass(obj):
                for attr, raw in vars(obj).items():
                    func = raw.__func__ if isinstance(raw, (classmethod, staticmethod)) else raw
                    if (not attr.startswith("_") and inspect.isfunction(func)
                            and func.__module__.startswith("atelier_ia")):
                        found.setdefault(f"{key}.{attr}", (getattr(obj, attr), obj))
    return found


EXPORTED = _exported()

# every exercise checker (exercises.mNN.check_NN_k) takes the learner's answer, of any type
for _key in EXPORTED:
    if re.fullmatch(r"atelier_ia\.exercises\.m(\d\d)\.check_\1_\d+", _key):
        EXAMPLES.setdefault(_key, lambda: dict(answer="42"))


def _parameters(func, is_method: bool) -> list[str]:
    try:
        params = list(inspect.signature(func).parameters.values())
    except (TypeError, ValueError):  # a built-in signature (exception classes)
        return []
    if is_method and params and params[0].name in ("self",):
        params = params[1:]
    return [p.name for p in params if p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY)]


class _Hang(BaseException):
    """Raised by the alarm; a BaseException so that no ``except Exception`` can swallow it."""


#: A call still running after this many times ``TIME_LIMIT`` of wall time is stopped, however little
#: of the processor it had: on a loaded machine (the book and browsers building beside the tests)
#: a call can wait for a core.
WALL_FACTOR = 6


class _Alarm:
    """The alarm of one call: a hang is ``TIME_LIMIT`` seconds of this thread's processor time (a
    busy machine does not make a call hang), or ``WALL_FACTOR`` times that of wall time. Once the
    call has returned, ``active`` is False: an alarm already on its way then does nothing (it would
    otherwise re-arm the timer after ``finally`` stopped it)."""

    def __init__(self):
        self.cpu0, self.wall0, self.active = time.thread_time(), time.monotonic(), True

    def __call__(self, signum, frame):
        if not self.active:
            return
        if time.thread_time() - self.cpu0 >= TIME_LIMIT:
            raise _Hang(f"plus de {TIME_LIMIT} s de calcul")
        if time.monotonic() - self.wall0 >= WALL_FACTOR * TIME_LIMIT:
            raise _Hang(f"plus de {WALL_FACTOR * TIME_LIMIT:g} s d'attente")
        signal.setitimer(signal.ITIMER_REAL, TIME_LIMIT / 4)  # starved of processor: look again soon


def _same(a, b) -> bool:
    if isinstance(a, (pd.DataFrame, pd.Series)):
        return type(a) is type(b) and a.equals(b)
    if isinstance(a, np.ndarray):
        return (isinstance(b, np.ndarray) and a.shape == b.shape and a.dtype == b.dtype
                and np.array_equal(a, b, equal_nan=a.dtype.kind in "fc"))
    if isinstance(a, (list, tuple)):
        return type(a) is type(b) and len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    if isinstance(a, dict):
        return isinstance(b, dict) and list(a) == list(b) and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, float) and math.isnan(a):
        return isinstance(b, float) and math.isnan(b)
    if isinstance(a, (str, bytes, int, float, bool, set, frozenset, type(None))):
        return type(a) is type(b) and a == b
    return True  # other objects (models, figures…) are not learners' data


def _call(key: str, kwargs: dict, what: str):
    """Call ``key`` with ``kwargs``; fail on a foreign exception, a hang or a mutated argument."""
    func, owner = EXPORTED[key]
    kwargs = dict(kwargs)
    target = kwargs.pop("self", None)
    if owner is not None and target is not None:
        func = getattr(target, func.__name__)
    before = {}
    for name, value in kwargs.items():
        try:
            before[name] = copy.deepcopy(value)
        except Exception:  # any error: not copyable: not compared
            pass
    alarm = _Alarm()
    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, TIME_LIMIT)
    start = time.perf_counter()
    try:
        func(**kwargs)
    except AtelierError:
        pass
    except _Hang as hang:
        pytest.fail(f"{key}({what}) : {hang}, l'appel ne rend pas la main")
    except Exception as exc:  # any error: the point of the test
        pytest.fail(f"{key}({what}) lève {type(exc).__name__} au lieu d'une AtelierError en français : {exc}")
    finally:
        alarm.active = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    elapsed = time.perf_counter() - start
    for name, value in before.items():
        assert _same(value, kwargs[name]), f"{key}({what}) a modifié son argument « {name} »"
    return elapsed


#: Calls that never return under the time limit in pytest (skipped, not xfailed: they would stall the
#: whole walk). Strictly temporary: the owner bounds the argument, then the entry goes.
HANGS: dict[str, str] = {
}


def _params(keys, strict: bool = True):
    out = []
    for key in sorted(keys):
        marks = [pytest.mark.xfail(reason=XFAIL[key], strict=strict)] if key in XFAIL else []
        if key in HANGS:
            marks = [pytest.mark.skip(reason=HANGS[key])]
        out.append(pytest.param(key, id=key.removeprefix("atelier_ia."), marks=marks))
    return out


#: Modules of other sessions that do not declare ``__all__`` yet (strict xfail, as XFAIL).
XFAIL_MODULES: dict[str, str] = {}


def _imported_on_first_call() -> list[str]:
    """The other libraries that ``atelier_ia`` imports inside its functions (scikit-learn,
    music21, Matplotlib…), read from its sources."""
    import ast

    found = set()
    for path in Path(atelier_ia.__file__).parent.rglob("*.py"):
        for fn in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)):
                for node in ast.walk(fn):
                    if isinstance(node, ast.Import):
                        found.update(a.name for a in node.names)
                    elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                        found.add(node.module)
    return sorted(n for n in found if n.split(".")[0] not in ("atelier_ia", "__future__") and
                  n.split(".")[0] not in sys.stdlib_module_names)


@pytest.fixture(scope="module", autouse=True)
def _libraries_imported_before_the_clock():
    """The time limit is for a call, not for importing scikit-learn the first time: on a loaded
    machine that import can pass 5 s, and an alarm inside it would leave half-imported modules
    that break every later test."""
    for name in _imported_on_first_call():
        try:
            importlib.import_module(name)
        except ImportError:  # an optional library (the sentence encoder) that is not installed
            pass


@pytest.fixture(scope="module", autouse=True)
def _scratch_directory(tmp_path_factory):
    """Run the walk in an empty directory: a bad value such as path="abc" is a valid file name
    (``licences.datasheet`` writes its sheet there), and must not land in the repository."""
    previous = os.getcwd()
    os.chdir(tmp_path_factory.mktemp("walk"))
    yield
    os.chdir(previous)


@pytest.mark.parametrize("name", [
    pytest.param(m.__name__, marks=[pytest.mark.xfail(reason=XFAIL_MODULES[m.__name__], strict=True)]
                 if m.__name__ in XFAIL_MODULES else []) for m in _modules()])
def test_every_module_declares_its_api(name):
    mod = importlib.import_module(name)
    assert hasattr(mod, "__all__"), f"{name} ne déclare pas son API (__all__)"
    assert all(hasattr(mod, n) for n in mod.__all__), f"{name}.__all__ nomme un objet absent"


def test_build_tools_live_outside_the_learners_package():
    present = [name for name in BUILD_TOOLS if importlib.util.find_spec(name) is not None]
    assert not present, present


def test_every_exported_callable_has_a_valid_example():
    missing = sorted(set(EXPORTED) - set(EXAMPLES))
    stale = sorted(set(EXAMPLES) - set(EXPORTED))
    assert not missing, f"ajoutez un exemple valide dans EXAMPLES pour : {missing}"
    assert not stale, f"EXAMPLES nomme des fonctions qui n'existent plus : {stale}"


@pytest.mark.parametrize("key", _params(EXPORTED))
def test_bad_values_one_argument_at_a_time(key):
    if key not in EXAMPLES:
        pytest.fail(f"pas d'exemple valide pour {key} dans EXAMPLES")
    func, owner = EXPORTED[key]
    example = EXAMPLES[key]
    _call(key, example(), "exemple valide")
    for name in _parameters(func, owner is not None and not inspect.isclass(func)):
        for bad in BAD_VALUES:
            kwargs = example()
            kwargs[name] = bad
            _call(key, kwargs, f"{name}={bad!r}")


_MORE_BAD = st.one_of(
    st.sampled_from(BAD_VALUES),
    st.integers(min_value=-10**12, max_value=10**12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=6).filter(lambda t: not t.startswith(("/", "\\"))),  # relative paths only: see _scratch_directory
    st.binary(max_size=4),
    st.lists(st.one_of(st.integers(-3, 300), st.text(max_size=3), st.none()), max_size=4),
    st.tuples(st.integers(-3, 300), st.floats(allow_nan=True)),
    st.dictionaries(st.text(max_size=2), st.integers(), max_size=2),
)


# not strict: a few random draws may miss a known defect that the full sweep above always finds
@pytest.mark.parametrize("key", _params(EXPORTED, strict=False))
@settings(max_examples=6, deadline=None, suppress_health_check=list(HealthCheck), database=None,
          phases=[Phase.generate])  # no shrinking: a failing call is already one argument, one value
@given(data=st.data())
def test_generated_bad_values(key, data):
    if key not in EXAMPLES:
        pytest.fail(f"pas d'exemple valide pour {key} dans EXAMPLES")
    func, owner = EXPORTED[key]
    names = _parameters(func, owner is not None and not inspect.isclass(func))
    if not names:
        return
    name = data.draw(st.sampled_from(names), label="argument")
    bad = data.draw(_MORE_BAD, label="valeur")
    kwargs = EXAMPLES[key]()
    kwargs[name] = bad
    _call(key, kwargs, f"{name}={bad!r}")


def _mutates(values):
    values.append(1)


def _raises_raw(x):
    return 1 / 0


def _hangs(x):
    while True:
        pass


def _sleeps(x):
    time.sleep(3600)


def _polite(x):
    raise AtelierError("Message en français.")


def _polite_after_waiting(x):
    """A call that gets no processor for a while, as on a loaded machine, then answers."""
    time.sleep(1.06)  # not a multiple of the alarm's step (0.5 s / 4): the call ends between two looks
    raise AtelierError("Message en français.")


@pytest.mark.parametrize("func,failure", [
    (_mutates, AssertionError),
    (_raises_raw, pytest.fail.Exception),
    (_hangs, pytest.fail.Exception),
    (_sleeps, pytest.fail.Exception),
])
def test_the_walk_catches_each_kind_of_defect(monkeypatch, func, failure):
    monkeypatch.setitem(EXPORTED, "essai", (func, None))
    monkeypatch.setitem(globals(), "TIME_LIMIT", 0.5)
    arg = "values" if func is _mutates else "x"
    with pytest.raises(failure):
        _call("essai", {arg: [0]}, "essai")
    monkeypatch.setitem(EXPORTED, "essai", (_polite, None))
    _call("essai", {"x": [0]}, "essai")  # a French error is the expected answer


def test_a_call_that_waits_for_a_core_is_not_a_hang(monkeypatch):
    monkeypatch.setitem(EXPORTED, "essai", (_polite_after_waiting, None))
    monkeypatch.setitem(globals(), "TIME_LIMIT", 0.5)
    _call("essai", {"x": [0]}, "essai")  # twice the limit of wall time, almost no processor time


def test_none_is_described_once_in_messages():
    from atelier_ia.errors import describe

    assert describe(None) == "rien (None)"  # was « rien (None) (None) » in every message about None


#: Exported records that do not check their fields: results that only the library builds, from
#: data it has already checked (a learner never types them). Every other exported dataclass
#: validates its fields in ``__post_init__``, so that a wrong field fails in French when the
#: record is built, not later in a raw error from one of its methods.
RESULT_RECORDS = {
    "atelier_ia.course.Catalogue": "built by parse_catalogue, which checks the YAML",
    "atelier_ia.course.Module": "built by parse_catalogue",
    "atelier_ia.course.Pathway": "built by parse_catalogue",
    "atelier_ia.quiz.model.Verdict": "the result of evaluate",
    "atelier_ia.exercises.Feedback": "the result of a check (h-exercises)",
    "atelier_ia.live.LiveDemo": "checks its controls and grid in __init__",
    "atelier_ia.aiact.answer.AIActAnswer": "the result of aiact.assess",
    "atelier_ia.diversity.CollapseRun": "the result of collapse_text / collapse_melody",
}


def test_records_validate_their_fields_unless_they_are_results():
    import dataclasses

    unchecked = sorted(key for key, (obj, _) in EXPORTED.items()
                       if inspect.isclass(obj) and dataclasses.is_dataclass(obj)
                       and "__post_init__" not in vars(obj) and key not in RESULT_RECORDS)
    assert not unchecked, f"ces enregistrements ne vérifient pas leurs champs (__post_init__) : {unchecked}"
