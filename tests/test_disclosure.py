"""Disclosure labels and the first reading of art. 50(4); the exercise cases agree with it."""

from __future__ import annotations

import copy
import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from atelier_ia import disclosure as ds
from atelier_ia import provenance as pv
from atelier_ia.errors import AtelierError

KEYS = pv.make_keys(7)
IMAGE = np.zeros((8, 8), np.uint8)
FIELDS = {
    "author": "Scène nationale de Lorient",
    "tool": "Outil d'images X 3.1",
    "created": "2026-11-20",
    "human_action": "Choix parmi 40 propositions, retouche des couleurs",
    "ai_role": "generated",
}
FLAGS = ("resembles_real", "looks_authentic", "artistic", "public_interest_text", "human_editorial_review")


# --------------------------------------------------------------------------- the legal reading


def test_every_exercise_case_gets_its_expected_judgement():
    cases = ds.load_cases()
    assert len(cases) >= 10
    assert {c["expected"] for c in cases} == set(ds.JUDGEMENTS)  # every judgement is exercised
    for case in cases:
        flags = {k: case[k] for k in FLAGS if k in case}
        result = ds.assess(case["kind"], **flags)
        assert result.judgement == case["expected"], (case["id"], result.explain())
        assert len(case["why"]) > 80, case["id"]


def test_case_ids_are_unique_and_situations_are_french():
    cases = ds.load_cases()
    ids = [c["id"] for c in cases]
    assert len(ids) == len(set(ids))
    for c in cases:
        assert c["kind"] in ds.KINDS
        assert " :" not in c["situation"] + c["why"]  # French typography: no-break space before « : »


@pytest.mark.parametrize("kind", ["image", "video", "audio"])
def test_the_four_media_situations(kind):
    assert ds.assess(kind, True, True, False).judgement == "required"
    assert ds.assess(kind, True, True, True).judgement == "required_light"
    assert ds.assess(kind, True, False, False).judgement == "recommended"
    assert ds.assess(kind, False, True, False).judgement == "recommended"


def test_text_rules():
    assert ds.assess("text", public_interest_text=True).judgement == "required_text"
    assert ds.assess("text", public_interest_text=True, human_editorial_review=True).judgement == "recommended"
    assert ds.assess("text").judgement == "recommended"
    # deep-fake flags do not apply to text: a text is never a deep fake under art. 3(60)
    assert not ds.assess("text", resembles_real=True, looks_authentic=True).deep_fake


@given(kind=st.sampled_from(sorted(ds.KINDS)), flags=st.tuples(*[st.booleans()] * 5))
@settings(max_examples=64, derandomize=True, database=None)
def test_every_situation_gets_a_judgement_with_reasons_and_the_notice(kind, flags):
    result = ds.assess(kind, *flags)
    assert result.judgement in ds.JUDGEMENTS
    assert result.required == (result.judgement != "recommended")
    assert result.reasons and all(r.strip() for r in result.reasons)
    text = result.explain()
    assert "pas conseil juridique" in text and "2024/1689" in text
    if kind != "text":
        assert result.deep_fake == (flags[0] and flags[1])


def test_artistic_exception_never_makes_a_deep_fake_disappear():
    for kind, real, authentic in itertools.product(["image", "video", "audio"], [True, False], [True, False]):
        plain, art = ds.assess(kind, real, authentic, False), ds.assess(kind, real, authentic, True)
        assert plain.required == art.required  # the exception lightens the duty, it does not remove it


# --------------------------------------------------------------------------- labels


@pytest.mark.parametrize("support", sorted(ds.SUPPORTS))
def test_label_says_what_tool_and_human(support):
    label = ds.draft_label("le visuel de l'affiche", "Outil d'images X 3.1", "choix parmi 40 propositions", support)
    assert "Outil d'images X 3.1" in label.text
    assert "choix parmi 40 propositions" in label.text
    assert "générée par IA" in label.text
    assert label.support == support and label.consistent
    assert ds.SUPPORTS[support] in str(label)
    if support != "poster":
        assert "visuel de l'affiche" in label.text.lower()


@pytest.mark.parametrize("role, words", [("generated", "générée"), ("edited", "modifiée"), ("assisted", "retouchée")])
def test_label_wording_follows_the_ai_role(role, words):
    assert words in ds.draft_label("le portrait", "Outil", "recadrage", "panel", role).text


def test_label_wording_follows_the_kind():
    assert "Son généré" in ds.draft_label("la voix", "Outil", "montage", "panel", kind="audio").text
    assert "Texte généré" in ds.draft_label("le résumé", "Outil", "relecture", "panel", kind="text").text


def test_label_notes_recall_the_assessment():
    light = ds.draft_label("la voix", "Outil", "montage", assessment=ds.assess("audio", True, True, True))
    strict = ds.draft_label("la voix", "Outil", "montage", assessment=ds.assess("audio", True, True, False))
    assert any("discrète" in n for n in light.notes)
    assert any("premier regard" in n for n in strict.notes)


def test_long_poster_label_gets_a_warning():
    label = ds.draft_label("x", "Outil " * 15, "une très longue description " * 4, "poster")
    assert any("140 caractères" in n for n in label.notes)


def test_label_matches_a_signed_manifest():
    signed = pv.sign(IMAGE, FIELDS, KEYS)
    label = ds.label_from_manifest(signed, "le visuel du festival", "programme")
    assert label.consistent
    assert FIELDS["tool"] in label.text
    assert any("cohérente" in n for n in label.notes)


def test_label_contradicting_the_manifest_is_flagged():
    signed = pv.sign(IMAGE, FIELDS, KEYS)
    wrong_tool = ds.draft_label("le visuel", "Autre outil", FIELDS["human_action"], manifest=signed)
    wrong_role = ds.draft_label("le visuel", FIELDS["tool"], FIELDS["human_action"], ai_role="assisted", manifest=signed)
    assert not wrong_tool.consistent and any("Autre outil" in n for n in wrong_tool.notes)
    assert not wrong_role.consistent and any("Incohérence" in n for n in wrong_role.notes)


def test_manifest_without_ai_gives_no_label():
    signed = pv.sign(IMAGE, {**FIELDS, "ai_role": "none"}, KEYS)
    with pytest.raises(AtelierError, match="aucune IA"):
        ds.label_from_manifest(signed, "le visuel")


def test_labels_use_french_typography():
    label = ds.draft_label("le visuel", "Outil", "choix", "programme")
    assert "\u00a0:" in label.text and "\u00a0;" in label.text and " :" not in label.text


# --------------------------------------------------------------------------- bad input

BAD = [None, "", "   ", 3.5, float("nan"), -1, True, [], {}, object()]


def _calls():
    signed = pv.sign(IMAGE, FIELDS, KEYS)
    return {
        "assess(kind)": lambda v: ds.assess(v),
        "assess(resembles_real)": lambda v: ds.assess("image", v),
        "assess(artistic)": lambda v: ds.assess("image", True, True, v),
        "assess(public_interest_text)": lambda v: ds.assess("text", public_interest_text=v),
        "draft_label(what)": lambda v: ds.draft_label(v, "Outil", "choix"),
        "draft_label(tool)": lambda v: ds.draft_label("le visuel", v, "choix"),
        "draft_label(human)": lambda v: ds.draft_label("le visuel", "Outil", v),
        "draft_label(support)": lambda v: ds.draft_label("le visuel", "Outil", "choix", v),
        "draft_label(ai_role)": lambda v: ds.draft_label("le visuel", "Outil", "choix", "panel", v),
        "draft_label(kind)": lambda v: ds.draft_label("le visuel", "Outil", "choix", "panel", "generated", v),
        "draft_label(assessment)": lambda v: ds.draft_label("le visuel", "Outil", "choix", assessment=v),
        "draft_label(manifest)": lambda v: ds.draft_label("le visuel", "Outil", "choix", manifest=v),
        "label_from_manifest(manifest)": lambda v: ds.label_from_manifest(v, "le visuel"),
        "label_from_manifest(what)": lambda v: ds.label_from_manifest(signed, v),
    }


ALLOWED = {
    "assess(resembles_real)": [True], "assess(artistic)": [True], "assess(public_interest_text)": [True],
    "draft_label(assessment)": [None], "draft_label(manifest)": [None],
}


@pytest.mark.parametrize("bad", BAD, ids=repr)
def test_bad_input_raises_a_french_atelier_error(bad):
    for name, call in _calls().items():
        if any(bad is ok for ok in ALLOWED.get(name, [])):
            continue
        try:
            call(bad)
        except AtelierError as exc:
            assert any(w in str(exc) for w in ("doi", "vide", "onnez", "onné", "trop")), (name, str(exc))
        except Exception as exc:  # any error: the point of the test
            pytest.fail(f"{name} avec {bad!r} lève {type(exc).__name__} au lieu d'AtelierError : {exc}")
        else:
            pytest.fail(f"{name} accepte {bad!r} sans erreur")


def test_too_long_texts_are_refused():
    with pytest.raises(AtelierError, match="trop long"):
        ds.draft_label("x" * 301, "Outil", "choix")
    with pytest.raises(AtelierError, match="trop long"):
        ds.draft_label("le visuel", "y" * 121, "choix")


def test_inputs_are_never_mutated():
    signed = pv.sign(IMAGE, FIELDS, KEYS)
    saved = copy.deepcopy(signed)
    ds.label_from_manifest(signed, "le visuel")
    ds.draft_label("le visuel", "Autre", "autre chose", manifest=signed)
    assert signed == saved
